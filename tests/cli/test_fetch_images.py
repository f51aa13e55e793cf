"""--fetch-images: a picture the talk names by web address, fetched from a local server into
the build's cache; kept there for the next build; a failed fetch is a warning, not a stop."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pptx import Presentation

from tests import pptx_read as read
from tests.conftest import make_png, run, write_talk


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """A web server on 127.0.0.1 serving `tmp_path/site`; its address."""
    site = tmp_path / "site"
    site.mkdir()
    make_png(site / "door.png", (400, 200))
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_web_picture_is_fetched_and_kept_for_the_next_build(
    in_tmp: Path, server: str, tmp_path: Path
) -> None:
    write_talk(in_tmp, f"## Door\n\n![A door]({server}/door.png)\n")
    result = run("build", "--fetch-images")
    assert result.exit_code == 0 and "0 warnings" in result.output, result.output
    (picture,) = read.pictures(Presentation(str(in_tmp / "build/talk.pptx")).slides[0])
    assert picture.image.size == (400, 200)
    (kept,) = (in_tmp / "build/.deckgen-cache/pictures").glob("web-*.png")
    assert kept.stat().st_size > 0
    (tmp_path / "site/door.png").unlink()  # gone from the web: the kept copy serves
    result = run("build", "--fetch-images")
    assert result.exit_code == 0 and "0 warnings" in result.output, result.output
    assert kept.is_file()  # and the cache's pruning keeps it


def test_a_failed_fetch_is_a_warning_and_text_in_the_picture_s_place(
    in_tmp: Path, server: str
) -> None:
    write_talk(in_tmp, f"## Door\n\n![A door]({server}/gone.png)\n")
    result = run("build", "--fetch-images")
    assert result.exit_code == 0, result.output
    assert "talk/talk.md:3:1: warning: web image not fetched (the server answered 404" in (
        result.output
    )
    slide = Presentation(str(in_tmp / "build/talk.pptx")).slides[0]
    assert read.body_texts(slide) == ["[picture: A door]"]


def test_without_the_option_nothing_is_fetched(in_tmp: Path, server: str) -> None:
    write_talk(in_tmp, f"## Door\n\n![A door]({server}/door.png)\n")
    result = run("build")
    assert "warning: web image not embedded" in result.output
    assert "pass --fetch-images" in result.output
    assert not (in_tmp / "build/.deckgen-cache/pictures").exists()
