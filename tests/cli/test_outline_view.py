"""PowerPoint's outline view of real talks: every slide's title and its body text with the
outline level of each paragraph, as read from the placeholders of the built deck (text boxes,
code and tables are not in the outline, as in PowerPoint). Compared with a golden text;
DECKGEN_UPDATE_GOLDENS=1 rewrites it (read the diff before committing it)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation

from tests import pptx_read as read
from tests.conftest import HERE, build_in_repository

TALKS = {"async": "tests/cases/talks/async", "server": "talk"}  # the shipped talk


def outline(prs: Any) -> str:
    """The outline as PowerPoint shows it: "N. title", then each body paragraph indented two
    spaces per level, its bullet in front ("•", "1." or nothing)."""
    lines = []
    for number, slide in enumerate(prs.slides, 1):
        title = slide.shapes.title
        lines.append(f"{number}. {title.text_frame.text if title is not None else ''}".rstrip())
        for shape in slide.placeholders:
            if read.is_title(shape) or read.kind(shape) == "Footer" or not shape.has_text_frame:
                continue
            for p in shape.text_frame.paragraphs:
                mark = read.bullet(shape, p)
                text = p.text.replace("\v", " / ")
                lines.append("  " * (p.level + 1) + (f"{mark} {text}" if mark else text))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("name", sorted(TALKS))
def test_outline_view_shows_every_title_and_leveled_body(name: str, shipped_talk_out: Path) -> None:
    deck = shipped_talk_out / f"outline-{name}.pptx"  # beside the shipped talk's diagram cache
    result = build_in_repository(TALKS[name], deck)
    assert result.exit_code == 0, result.output
    found = outline(Presentation(str(deck)))
    golden = HERE / f"golden/outline/{name}.txt"
    if os.environ.get("DECKGEN_UPDATE_GOLDENS"):
        golden.write_text(found, encoding="utf-8")
    assert found == golden.read_text(encoding="utf-8")
