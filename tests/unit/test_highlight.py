"""Highlighting: coloured runs per line, every colour readable on the code panel."""

from __future__ import annotations

from pathlib import Path

import pytest

from deckgen.colors import contrast, readable
from deckgen.highlight import _reddish, highlight
from deckgen.theme import load_theme

RUST = 'fn main() {\n    let x = "hi"; // greet\n}'


def test_lines_and_colours() -> None:
    lines, known = highlight(RUST, "rust", "default", "F4F1EA", "222222")
    assert known
    assert ["".join(r.text for r in line) for line in lines] == RUST.split("\n")
    # Pygments' default style; its comment colour 3D7B7B is darkened to reach 4.5:1 on F4F1EA
    assert [[(r.text, r.color, r.bold, r.italic) for r in line] for line in lines] == [
        [
            ("fn ", "008000", True, False),
            ("main", "0000FF", False, False),
            ("() {", "222222", False, False),
        ],
        [
            ("    ", "626262", False, False),
            ("let ", "008000", True, False),
            ("x ", "222222", False, False),
            ("= ", "666666", False, False),
            ('"hi"', "BA2121", False, False),
            ("; ", "222222", False, False),
            ("// greet", "346969", False, True),
        ],
        [("}", "222222", False, False)],
    ]
    assert all(r.code for line in lines for r in line)


@pytest.mark.parametrize(("style", "background"), [("default", "F4F1EA"), ("monokai", "2A2D35")])
def test_every_colour_reaches_4_5_to_1(style: str, background: str) -> None:
    lines, _ = highlight(RUST, "rust", style, background, "222222")
    assert all(contrast(r.color or "", background) >= 4.5 for line in lines for r in line)


def test_unknown_language_is_plain_text() -> None:
    lines, known = highlight("a\nb", "klingon", "default", "F4F1EA", "222222")
    assert not known
    assert [[r.color for r in line] for line in lines] == [["222222"], ["222222"]]


def test_contrast_is_the_wcag_ratio() -> None:
    assert contrast("000000", "FFFFFF") == pytest.approx(21.0)
    assert contrast("FFFFFF", "000000") == pytest.approx(21.0)
    assert contrast("777777", "FFFFFF") == pytest.approx(4.48, abs=0.005)  # just too pale
    assert contrast("767676", "FFFFFF") == pytest.approx(4.54, abs=0.005)  # just enough


def test_readable_darkens_pale_colours_on_light_panels() -> None:
    # Okabe-Ito yellow darkened in 15 % steps toward black: an olive at 4.63:1
    assert readable("F0E442", "FFFFFF") == "7D7723"
    assert contrast("7D7723", "FFFFFF") == pytest.approx(4.63, abs=0.005)
    assert readable("222222", "FFFFFF") == "222222"


@pytest.mark.parametrize("theme", ["default", "dark", "paper"])
def test_comments_and_doc_comments_are_never_red(theme: str) -> None:
    """Red reads as an error from the back of a room; xcode sets Rust doc comments red."""
    colors = load_theme(theme, Path(".")).colors
    source = "/// Milliseconds since 1970.\n#[cfg(test)]\n// a note\nfn now_ms() {}\n"
    lines, _ = highlight(source, "rust", load_theme(theme, Path(".")).code_style,
                         colors.code_background, colors.code_text)  # fmt: skip
    comments = [run.color for line in lines[:3] for run in line if run.text.strip()]
    assert comments and not any(_reddish(c) for c in comments if c), comments
