"""Bad input: a located message, exit 1, no traceback, and the previous deck left untouched."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import run, write_talk

GOOD = "---\ntitle: Good\n---\n\n## Fine\n\n- a bullet\n"


@pytest.fixture
def previous_deck(in_tmp: Path) -> bytes:
    write_talk(in_tmp, GOOD)
    assert run("build").exit_code == 0
    return (in_tmp / "build/talk.pptx").read_bytes()


def fails_with(*expected: str) -> None:
    """The build fails printing exactly these lines (and no traceback)."""
    result = run("build")
    assert result.exit_code == 1, result.output
    assert result.output.splitlines() == list(expected)


def test_invalid_front_matter_points_at_the_faulty_line(in_tmp: Path, previous_deck: bytes) -> None:
    write_talk(in_tmp, "---\ntitle: Good\nsubtitle: [unclosed\n---\n\n## Fine\n")
    fails_with(
        "talk/talk.md:3:11: invalid YAML: expected ',' or ']', but got '<stream end>' (this '['"
        " starts a list that needs a closing ']'; quote text that starts with '[')",
        "build failed: 1 problem",
    )
    assert (in_tmp / "build/talk.pptx").read_bytes() == previous_deck


def test_a_missing_theme_file(in_tmp: Path, previous_deck: bytes) -> None:
    # An unknown theme name is a warning (tests/cli/test_theme_choice.py); a file is an error.
    write_talk(in_tmp, "---\ntitle: Good\ntheme: corp.yaml\n---\n\n## Fine\n")
    fails_with(
        "talk/talk.md:3:8: theme file not found: talk/corp.yaml (a theme file's path is relative"
        " to the talk's folder; built-in themes: dark, default, paper)",
        "build failed: 1 problem",
    )
    assert (in_tmp / "build/talk.pptx").read_bytes() == previous_deck


def test_missing_images_are_all_reported_at_their_lines(in_tmp: Path, previous_deck: bytes) -> None:
    write_talk(in_tmp, "## One\n\n![a door](img/door.png)\n\n## Two\n\n![a roof](img/roof.png)\n")
    fails_with(
        "talk/talk.md:3:1: image not found: talk/img/door.png"
        " (PNG, JPEG, GIF, WebP and the like, relative to the .md file)",
        "talk/talk.md:7:1: image not found: talk/img/roof.png"
        " (PNG, JPEG, GIF, WebP and the like, relative to the .md file)",
        "build failed: 2 problems",
    )
    assert (in_tmp / "build/talk.pptx").read_bytes() == previous_deck


def test_a_file_that_is_not_utf8(in_tmp: Path, previous_deck: bytes) -> None:
    (in_tmp / "talk/talk.md").write_bytes(b"## Caf\xe9\n\ntext\n")
    fails_with(
        "talk/talk.md:1:7: not UTF-8 text (byte 0xE9) (save the file as UTF-8)",
        "build failed: 1 problem",
    )
    assert (in_tmp / "build/talk.pptx").read_bytes() == previous_deck


def test_an_empty_talk(in_tmp: Path, previous_deck: bytes) -> None:
    write_talk(in_tmp, "\n")
    fails_with(
        "talk/talk.md:1:1: the talk is empty"
        " (start a slide with '## Title', or give the talk a title in front matter)",
        "build failed: 1 problem",
    )
    assert (in_tmp / "build/talk.pptx").read_bytes() == previous_deck


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_an_unwritable_output(in_tmp: Path, previous_deck: bytes) -> None:
    (in_tmp / "build").chmod(0o500)
    try:
        result = run("build")
        assert result.exit_code == 1
        reason, failed = result.output.splitlines()  # the reason is the system's words
        assert reason.startswith("cannot write build/talk.pptx: ")
        assert reason.endswith(" (choose another path with -o)")
        assert failed == "build failed: 1 problem"
    finally:
        (in_tmp / "build").chmod(0o700)
    assert (in_tmp / "build/talk.pptx").read_bytes() == previous_deck


def test_an_output_path_under_a_file(in_tmp: Path, previous_deck: bytes) -> None:
    (in_tmp / "blocker").write_text("a file, not a folder")
    result = run("build", "-o", "blocker/deck.pptx")
    assert result.exit_code == 1
    assert "cannot write blocker/deck.pptx" in result.output
    assert (in_tmp / "build/talk.pptx").read_bytes() == previous_deck


def test_strict_turns_warnings_into_failure(in_tmp: Path, previous_deck: bytes) -> None:
    bullets = "\n".join(f"- bullet number {i} with several words in it" for i in range(30))
    write_talk(in_tmp, f"## Crowded\n\n{bullets}\n")
    result = run("build", "--strict")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "talk/talk.md:3:1: warning: slide 'Crowded' is too long for one slide;"
        " continued on 2 more marked '(cont.)' [continued]",
        "  hint: split it into slides of your own, or say less on it",
        "--strict: 1 warning(s); no deck was written",
        "build failed: 1 problem",
    ]
    assert (in_tmp / "build/talk.pptx").read_bytes() == previous_deck


def test_a_missing_source_is_reported(in_tmp: Path) -> None:
    result = run("build", "nowhere.md")
    assert result.exit_code == 1
    assert "no such file or folder: nowhere.md" in result.output


def test_bad_pictures_and_diagrams_are_reported_together(in_tmp: Path) -> None:
    write_talk(in_tmp, "## One\n\n![x](../diagrams/nope.yaml)\n\n## Two\n\n![y](img/nope.png)\n")
    fails_with(
        "talk/talk.md:3:1: diagram spec not found: diagrams/nope.yaml"
        " (the path is relative to the .md file)",
        "talk/talk.md:7:1: image not found: talk/img/nope.png"
        " (PNG, JPEG, GIF, WebP and the like, relative to the .md file)",
        "build failed: 2 problems",
    )


def test_a_web_image_is_not_fetched_and_does_not_stop_the_build(in_tmp: Path) -> None:
    write_talk(in_tmp, "## Remote\n\n![the logo](https://example.org/logo.png)\n")
    result = run("build")
    assert result.exit_code == 0
    assert "talk/talk.md:3:1: warning: web image not embedded: https://example.org/logo.png" in (
        result.output
    )


def test_a_picture_without_alt_text_is_a_warning(in_tmp: Path) -> None:
    from tests.conftest import make_png

    make_png(in_tmp / "talk/img/door.png")
    write_talk(in_tmp, "## Door\n\n![](img/door.png)\n")
    result = run("build")
    assert result.exit_code == 0
    assert "talk/talk.md:3:1: warning: picture without alt text" in result.output


def test_a_broken_svg_picture_is_a_located_error(in_tmp: Path) -> None:
    (in_tmp / "talk").mkdir()
    (in_tmp / "talk/logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'><rect")
    write_talk(in_tmp, "## Logo\n\n![the logo](logo.svg)\n")
    result = run("build")
    assert result.exit_code != 0
    assert "talk/talk.md:3:1: broken SVG" in result.output
