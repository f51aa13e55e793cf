"""Run formatting from HTML and Pandoc (superscript, subscript, small, big, underline, small
capitals, colour): written into a:rPr as PowerPoint's own buttons write it, measured at the
size it is drawn, and a colour kept only when it reads on the slide."""

from __future__ import annotations

from typing import Any

import pytest
from lxml import etree
from pptx import Presentation

from deckgen.layout.text import Face, words
from deckgen.model import Run
from tests.conftest import run, write_talk

NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
TALK = """\
## Marks

H<sub>2</sub>O and x^3^, <small>small</small> <big>big</big>, <u>under</u>,
[Caps]{.smallcaps}, <span style="color:#0000AA">blue</span>, <font color="#FFFF66">pale</font>
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], str]:
    folder = tmp_path_factory.mktemp("marks")
    write_talk(folder, TALK)
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(folder)
        result = run("build")
    assert result.exit_code == 0, result.output
    slide = Presentation(str(folder / "build/talk.pptx")).slides[0]
    found = etree.XPath(".//a:r", namespaces=NS)(slide._element)
    return {r.findtext("a:t", namespaces=NS): r.find("a:rPr", NS) for r in found}, result.output


def test_sub_and_superscript_are_baseline_offsets(built: tuple[dict[str, Any], str]) -> None:
    runs, _ = built
    assert runs["2"].get("baseline") == "-25000"
    assert runs["3"].get("baseline") == "30000"
    assert runs["O and x"].get("baseline") is None


def test_small_and_big_are_a_size_step_either_side(built: tuple[dict[str, Any], str]) -> None:
    runs, _ = built
    small, big = int(runs["small"].get("sz")), int(runs["big"].get("sz"))
    assert small < big
    assert round(big / small, 2) == round(1.2 / 0.8, 2)


def test_underline_and_small_caps(built: tuple[dict[str, Any], str]) -> None:
    runs, _ = built
    assert runs["under"].get("u") == "sng"
    assert runs["Caps"].get("cap") == "small"
    assert runs[", "].get("u") is None


def test_a_readable_colour_is_kept_a_pale_one_is_not(built: tuple[dict[str, Any], str]) -> None:
    runs, output = built
    fill = etree.XPath("a:solidFill/a:srgbClr/@val", namespaces=NS)
    assert fill(runs["blue"]) == ["0000AA"]
    assert fill(runs["pale"]) != ["FFFF66"]
    assert "colour #FFFF66 is hard to read" in output


def test_a_big_run_is_measured_wider_than_the_same_text_small() -> None:
    face = Face("Arial", "Courier New", 24.0)
    (plain,) = words((Run("Measure"),), face)
    (big,) = words((Run("Measure", size_step=1),), face)
    (small,) = words((Run("Measure", size_step=-1),), face)
    assert small.width < plain.width < big.width
    assert big.width == pytest.approx(plain.width * 1.2, rel=0.05)


def test_small_caps_are_measured_as_capitals() -> None:
    face = Face("Arial", "Courier New", 24.0)
    (plain,) = words((Run("minimum"),), face)
    (caps,) = words((Run("minimum", smallcaps=True),), face)
    assert caps.width > plain.width
