"""The shipped talk "Server": no warnings, notes on every slide, every diagram shown."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from pptx import Presentation

from deckgen.errors import Diagnostics
from deckgen.markdown import parse_talk
from deckgen.model import DiagramRef
from tests import pptx_read as read
from tests.conftest import ROOT, build_in_repository


@pytest.fixture(scope="module")
def deck(shipped_talk_out: Path) -> Presentation:
    out = shipped_talk_out / "server.pptx"
    result = build_in_repository("talk", out, "--strict")
    assert result.exit_code == 0, result.output
    assert "29 slides, 0 warnings" in result.output
    return Presentation(str(out))


def diagram_refs() -> list[DiagramRef]:
    text = (ROOT / "talk/server.md").read_text(encoding="utf-8")
    deck = parse_talk([("talk/server.md", text)], Diagnostics())
    return [b for s in deck.slides for b in s.blocks if isinstance(b, DiagramRef)]


def test_title_and_length(deck: Presentation) -> None:
    assert len(deck.slides) == 29
    assert deck.slides[0].shapes.title.text == "Server"
    assert deck.core_properties.author == ""


def test_every_slide_has_spoken_notes(deck: Presentation) -> None:
    for number, slide in enumerate(deck.slides, start=1):
        assert slide.has_notes_slide, number
        assert len(slide.notes_slide.notes_text_frame.text.split()) >= 10, number


def test_every_diagram_appears_with_all_its_steps(deck: Presentation) -> None:
    refs = diagram_refs()
    assert sorted(Path(r.path).name for r in refs) == sorted(
        p.name for p in (ROOT / "diagrams").glob("*.yaml")
    )
    shown = Counter(
        shape._element.nvPicPr.cNvPr.get("descr")
        for slide in deck.slides
        for shape in read.pictures(slide)
    )
    steps = {
        "warehouse": 1,
        "trucks": 3,
        "isomorphic": 2,
        "job-sites": 2,
        "request": 4,
        "where-it-runs": 2,
    }
    assert {Path(r.path).stem: shown[r.alt] for r in refs} == steps


def test_the_deck_passes_the_open_xml_validation(
    shipped_talk_out: Path, deck: Presentation
) -> None:
    from openxml_audit import validate_pptx

    assert [str(e) for e in validate_pptx(str(shipped_talk_out / "server.pptx")).errors] == []
