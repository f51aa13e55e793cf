"""deckgen preview: the laid-out deck as HTML, served with live reload; the page is driven in
Debian's headless chromium (skipped when chromium or its driver is missing)."""

from __future__ import annotations

import re
import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from deckgen.errors import Diagnostics
from deckgen.files import diagram_cache
from deckgen.outline import make_outline
from deckgen.pipeline import BuildOptions, placed_talk
from deckgen.preview.html import Frame, deck_html
from tests.conftest import write_talk

TALK = """---
title: Previewed
duration: 5
---

# Part one

## Loading the trucks

- The tools go on the truck
- The truck goes to the site

::: notes
First the tools, then the truck.
:::

## Unloading

- At the gate
"""


def test_the_html_has_every_slide_with_its_text_boxes_and_source(in_tmp: Path) -> None:
    write_talk(in_tmp, TALK)
    source = Path("talk")
    placed = placed_talk(source, diagram_cache(source), Diagnostics())
    html = deck_html(Frame(placed.deck, make_outline(placed.deck, 5)), {})
    assert html.count('<section class="slide"') == 4
    assert re.findall(r'data-source="([^"]+)"', html) == [
        "talk/talk.md:1", "talk/talk.md:6", "talk/talk.md:8", "talk/talk.md:17",
    ]  # fmt: skip
    body = placed.deck.slides[2].shapes[0]
    box = body.box  # type: ignore[union-attr]
    assert f"left:{box.x:.2f}pt;top:{box.y:.2f}pt;width:{box.w:.2f}pt" in html
    assert "The truck goes to the site" in html
    assert "First the tools, then the truck." in html


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _chrome() -> Any:
    webdriver = pytest.importorskip("selenium.webdriver")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not chromium or not driver:
        pytest.skip("chromium and chromedriver are not installed")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,900"):
        options.add_argument(flag)
    return webdriver.Chrome(options=options, service=Service(driver))


@pytest.fixture
def served(in_tmp: Path) -> Iterator[tuple[str, list[str]]]:
    from deckgen.preview.server import PreviewServer

    write_talk(in_tmp, TALK)
    said: list[str] = []

    def report(outcome: object, _diagnostics: Diagnostics) -> None:
        said.append(type(outcome).__name__)

    server = PreviewServer(Path("talk"), None, BuildOptions(), _free_port(), report)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield server.url, said
    finally:
        server.stop()
        thread.join(10)


def _until(check: Callable[[], Any], seconds: float = 10) -> Any:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            found = check()
        except Exception:  # the page is between two builds
            found = None
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError("the page did not change in time")


@pytest.mark.browser
def test_the_page_shows_the_deck_and_follows_each_save(
    in_tmp: Path, served: tuple[str, list[str]]
) -> None:
    url, said = served
    browser = _chrome()
    try:
        browser.get(url)
        slides = lambda: browser.find_elements("css selector", "#slides .slide")  # noqa: E731
        assert len(_until(slides)) == 4
        third = slides()[2]
        assert third.get_attribute("data-source") == "talk/talk.md:8"
        text = third.find_element("css selector", ".page").text
        assert "Loading the trucks" in text
        assert "The truck goes to the site" in text
        assert (in_tmp / "build/talk.pptx").is_file()  # the deck is written too

        talk = in_tmp / "talk/talk.md"
        time.sleep(0.05)  # a new modification time
        talk.write_text(TALK + "\n## Driving back\n\n- Empty\n", encoding="utf-8")
        started = time.monotonic()
        _until(lambda: len(slides()) == 5)
        assert time.monotonic() - started < 3
        assert "Driving back" in slides()[4].find_element("css selector", ".page").text

        talk.write_text(TALK + "\n## Broken\n\n![a truck](missing.png)\n", encoding="utf-8")
        error = _until(lambda: browser.find_element("id", "error").text)
        assert error.startswith("talk/talk.md:23:1: image not found: talk/missing.png")
        assert len(slides()) == 5  # the last good deck stays under the error
        assert said[:3] == ["BuildResult", "BuildResult", "DeckgenError"]
    finally:
        browser.quit()


@pytest.mark.browser
def test_the_presenter_view_shows_slide_next_notes_and_time(
    in_tmp: Path, served: tuple[str, list[str]]
) -> None:
    url, _ = served
    browser = _chrome()
    try:
        browser.get(url + "presenter")
        find = lambda css: browser.find_element("css selector", css)  # noqa: E731
        _until(lambda: find("#current .slide"))
        for _ in range(2):
            find("body").send_keys("\ue014")  # the right arrow: slide 3
        _until(lambda: find("#current .slide").get_attribute("data-n") == "3")
        assert "Loading the trucks" in find("#current .page").text
        assert find("#next .slide").get_attribute("data-n") == "4"
        assert find("#notes").text == "First the tools, then the truck."
        assert find("#where").text == "3 / 4"
        # 15 s title, 5 s section, then this slide's 20 s: from 0:20 to 0:40
        assert find("#plan").text == "20 s, 0:20–0:40"
        left = _until(lambda: re.fullmatch(r"4:5\d", find("#left").text))
        assert left  # five minutes' slot, a few seconds gone
    finally:
        browser.quit()
