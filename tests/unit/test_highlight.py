"""Highlighting: coloured runs per line, every colour readable on the code panel."""

from __future__ import annotations

import pytest

from deckgen.colors import contrast, readable
from deckgen.highlight import highlight

RUST = 'fn main() {\n    let x = "hi"; // greet\n}'


def test_lines_and_colours() -> None:
    lines, known = highlight(RUST, "rust", "default", "F4F1EA", "222222")
    assert known
    assert ["".join(r.text for r in line) for line in lines] == RUST.split("\n")
    colors = {r.color for line in lines for r in line}
    assert len(colors) >= 4
    assert all(r.code for line in lines for r in line)
    comment = next(r for r in lines[1] if r.text.startswith("//"))
    assert comment.italic


@pytest.mark.parametrize(("style", "background"), [("default", "F4F1EA"), ("monokai", "2A2D35")])
def test_every_colour_reaches_4_5_to_1(style: str, background: str) -> None:
    lines, _ = highlight(RUST, "rust", style, background, "222222")
    assert all(contrast(r.color or "", background) >= 4.5 for line in lines for r in line)


def test_unknown_language_is_plain_text() -> None:
    lines, known = highlight("a\nb", "klingon", "default", "F4F1EA", "222222")
    assert not known
    assert [[r.color for r in line] for line in lines] == [["222222"], ["222222"]]


def test_readable_darkens_pale_colours_on_light_panels() -> None:
    assert contrast(readable("F0E442", "FFFFFF"), "FFFFFF") >= 4.5
    assert readable("222222", "FFFFFF") == "222222"
