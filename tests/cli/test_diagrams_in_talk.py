"""A diagram referenced from the talk: one slide per step, captions as text, notes appended."""

from __future__ import annotations

import json
import os
from pathlib import Path

from pptx import Presentation

from tests import pptx_read as read
from tests.conftest import run, write_talk

SPEC = """deckgen: 1
canvas: {width: 1920, height: 1080}
items:
  server:
    kind: box
    at: [200, 300]
    size: [500, 300]
    label: "Server"
  browser:
    kind: box
    at: [1200, 300]
    size: [500, 300]
    label: "Browser"
  ask:
    kind: arrow
    from: browser.w
    to: server.e
    label: "request"
steps:
  - show: [server]
    caption: "The server"
    notes: "First the server."
  - show: [browser]
    caption: "The browser"
  - show: [ask]
    caption: "It asks"
    notes: "Then the request."
"""


def talk(folder: Path, reference: str) -> None:
    (folder / "diagrams").mkdir(exist_ok=True)
    (folder / "diagrams/ask.yaml").write_text(SPEC)
    body = f"## Asking\n\n{reference}\n\n::: notes\nSlide notes.\n:::\n"
    write_talk(folder, body)


def pictures(slide):  # type: ignore[no-untyped-def]
    return read.pictures(slide)


def test_one_slide_per_step_with_caption_and_notes(in_tmp: Path) -> None:
    talk(in_tmp, "![A browser asks a server](../diagrams/ask.yaml)")
    result = run("build")
    assert result.exit_code == 0, result.output
    prs = Presentation(str(in_tmp / "build/talk.pptx"))
    assert [s.shapes.title.text for s in prs.slides] == ["Asking"] * 3
    captions = [[sh.text_frame.text for sh in read.shapes_of(s, "Caption")] for s in prs.slides]
    assert captions == [["The server"], ["The browser"], ["It asks"]]
    notes = [s.notes_slide.notes_text_frame.text for s in prs.slides]
    assert notes == [
        "Slide notes.\nFirst the server.",
        "Slide notes.",
        "Slide notes.\nThen the request.",
    ]
    for slide in prs.slides:
        (pic,) = pictures(slide)
        assert pic._element.nvPicPr.cNvPr.get("descr") == "A browser asks a server"
        # the two boxes cropped with their margin: 2400 x 600 px at 216 dpi, a 4:1 picture
        assert (pic.image.size, pic.image.dpi) == ((2400, 600), (216, 216))
        # as wide as the content (11094720 EMU), so 2773680 EMU tall: the shape of the PNG;
        # with its caption, in the middle of the height under the title, on every step
        assert (pic.left, pic.top, pic.width, pic.height) == (548640, 2263140, 11094720, 2773680)
        caption = read.shapes_of(slide, "Caption")[0]
        assert caption.top == pic.top + pic.height + 91440  # 0.1 in below the picture


def test_a_single_step_and_an_unchanged_rebuild(in_tmp: Path) -> None:
    talk(in_tmp, "![Asking](../diagrams/ask.yaml#step=2)")
    assert run("build").exit_code == 0
    deck = in_tmp / "build/talk.pptx"
    prs = Presentation(str(deck))
    assert len(prs.slides) == 1
    first = deck.read_bytes()
    cache = sorted((in_tmp / "build/.deckgen-cache/diagrams").glob("*.png"))
    stamps = [p.stat().st_mtime_ns for p in cache]
    assert run("build").exit_code == 0
    assert deck.read_bytes() == first
    assert [p.stat().st_mtime_ns for p in cache] == stamps  # nothing was rendered again


def test_a_missing_spec_is_an_error_at_its_line(in_tmp: Path) -> None:
    write_talk(in_tmp, "## One\n\ntext\n\n## Two\n\n![x](../diagrams/nope.yaml)\n")
    result = run("build")
    assert result.exit_code == 1
    assert "talk/talk.md:7:1: diagram spec not found: diagrams/nope.yaml" in result.output


def test_spec_errors_are_reported_with_the_spec_location(in_tmp: Path) -> None:
    talk(in_tmp, "![Asking](../diagrams/ask.yaml)")
    (in_tmp / "diagrams/ask.yaml").write_text(
        SPEC.replace("kind: box\n    at: [200", "kind: boks\n    at: [200")
    )
    result = run("build")
    assert result.exit_code == 1
    assert "diagrams/ask.yaml:5:11: unknown kind 'boks'" in result.output


def test_diagram_command_writes_every_step(in_tmp: Path) -> None:
    (in_tmp / "ask.yaml").write_text(SPEC)
    result = run("diagram", "ask.yaml", "--all", "-o", "out")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (in_tmp / "out").iterdir()) == [
        f"ask-step-{n}.png" for n in (1, 2, 3)
    ]
    both = run("diagram", "ask.yaml", "--step", "2", "--all")
    assert both.exit_code == 2
    assert both.output.splitlines()[-1] == "Error: --step and --all exclude each other"
    schema = run("diagram", "--schema")
    assert schema.exit_code == 0
    document = json.loads(schema.output)
    assert document["title"] == "deckgen diagram spec"
    assert sorted(document["properties"]) == [
        "canvas",
        "deckgen",
        "items",
        "steps",
        "styles",
        "symbols",
        "theme",
    ]


def test_on_a_dark_deck_a_diagram_is_transparent_in_the_deck_s_ink(in_tmp: Path) -> None:
    import io

    from PIL import Image

    talk(in_tmp, "![Asking](../diagrams/ask.yaml#step=3)")
    text = (in_tmp / "talk/talk.md").read_text()
    (in_tmp / "talk/talk.md").write_text("---\ntheme: dark\n---\n\n" + text)
    assert run("build").exit_code == 0
    slide = Presentation(str(in_tmp / "build/talk.pptx")).slides[0]
    (pic,) = pictures(slide)
    image = Image.open(io.BytesIO(pic.image.blob)).convert("RGBA")
    assert image.getpixel((2, 2))[3] == 0  # no white card: the slide shows through


def test_later_steps_morph_from_the_step_before_with_a_fade_fallback(in_tmp: Path) -> None:
    talk(in_tmp, "![A browser asks a server](../diagrams/ask.yaml)")
    assert run("build").exit_code == 0
    prs = Presentation(str(in_tmp / "build/talk.pptx"))
    mc = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
    found = []
    for slide in prs.slides:
        choice = slide._element.find(f"{mc}AlternateContent/{mc}Choice")
        fallback = slide._element.find(f"{mc}AlternateContent/{mc}Fallback")
        found.append(
            None
            if choice is None
            else (
                choice.get("Requires"),
                [e.tag.split("}")[1] for e in choice.iter() if e is not choice],
                [e.tag.split("}")[1] for e in fallback.iter() if e is not fallback],
            )
        )
    morph = ("p159", ["transition", "morph"], ["transition", "fade"])
    assert found == [None, morph, morph]  # the first step cuts in; the next two animate


def test_the_cache_lives_with_the_project_whatever_o_says(in_tmp: Path) -> None:
    talk(in_tmp, "![Asking](../diagrams/ask.yaml)")
    assert run("build", "talk", "-o", str(in_tmp / "elsewhere/deck.pptx")).exit_code == 0
    assert len(list((in_tmp / "build/.deckgen-cache/diagrams").glob("*.png"))) == 3
    assert not (in_tmp / "elsewhere/.deckgen-cache").exists()


def test_a_build_prunes_the_renders_no_build_used(in_tmp: Path) -> None:
    talk(in_tmp, "![Asking](../diagrams/ask.yaml)")
    assert run("build").exit_code == 0
    cache = in_tmp / "build/.deckgen-cache/diagrams"
    before = {p.name for p in cache.iterdir()}
    stale = cache / "0123456789abcdef01234567-1.png"
    stale.write_bytes(b"left by an old build")
    old = stale.stat().st_mtime - 3600
    os.utime(stale, (old, old))
    spec = in_tmp / "diagrams/ask.yaml"
    spec.write_text(spec.read_text().replace('"Server"', '"Server!"'))
    for path in cache.iterdir():  # made by an earlier build, not one running now
        os.utime(path, (old, old))
    assert run("build").exit_code == 0
    after = {p.name for p in cache.iterdir()}
    assert not stale.exists()
    assert not after & before  # the edited spec's old renders went
    assert len([n for n in after if n.endswith(".png")]) == 3
    again = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    assert run("build").exit_code == 0  # a rebuild keeps (and does not redraw) what it uses
    assert {p.name: p.stat().st_mtime_ns for p in cache.iterdir()} == again


def test_a_build_tells_of_each_diagram_step_drawn_and_prints_no_progress_into_a_pipe(
    in_tmp: Path,
) -> None:
    from deckgen.errors import Diagnostics
    from deckgen.pipeline import BuildOptions, build_deck

    talk(in_tmp, "![A browser asks a server](../diagrams/ask.yaml)")
    heard: list[tuple[int, int]] = []
    options = BuildOptions(progress=lambda done, total: heard.append((done, total)))
    build_deck(Path("talk"), None, Diagnostics(), options)
    assert heard == [(1, 3), (2, 3), (3, 3)]  # three steps, drawn cold
    heard.clear()
    build_deck(Path("talk"), None, Diagnostics(), options)
    assert heard == []  # nothing left to draw: the cache holds them
    (in_tmp / "diagrams/ask.yaml").write_text(SPEC.replace("Browser", "Client"))
    result = run("build")  # CliRunner's output is no terminal: no progress line in it
    assert result.exit_code == 0 and "drawing diagrams" not in result.output
