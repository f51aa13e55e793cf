"""Lint: one spec per rule that breaks it, and the warning located at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from deckgen.diagram.scene import build_scene
from deckgen.diagram.spec import load_spec
from deckgen.errors import Diagnostics
from deckgen.theme import load_theme

ROOT = Path(__file__).parents[2]


def _warnings(items: str) -> list[str]:
    diagnostics = Diagnostics()
    spec = load_spec(f"deckgen: 1\nitems:\n{items}", "x.yaml")
    build_scene(spec, load_theme("default", ROOT), diagnostics)
    return [str(w) for w in diagnostics.sorted()]


CLEAN = (
    "  a: {kind: box, at: [100, 100], size: [300, 150], label: a}\n"
    "  b: {kind: box, at: [900, 100], size: [300, 150], label: b}\n"
    "  ab: {kind: arrow, from: a, to: b, label: go}\n"
)


def test_a_clean_spec_has_no_warnings() -> None:
    assert _warnings(CLEAN) == []


def test_two_items_overlapping() -> None:
    items = CLEAN + "  c: {kind: box, at: [300, 200], size: [300, 150], label: c}\n"
    assert "x.yaml:6:3: box 'c' overlaps box 'a'" in _warnings(items)


def test_one_item_wholly_on_another_is_composed_so() -> None:
    items = CLEAN + "  c: {kind: label, at: [150, 120], text: on a}\n"
    assert _warnings(items) == []


def test_an_arrow_label_over_an_item() -> None:
    items = CLEAN.replace("label: go", "label: a long label over the box") + (
        "  c: {kind: box, at: [420, 20], size: [460, 330], label: c}\n"
    )
    found = _warnings(items)
    assert "x.yaml:5:3: the label of arrow 'ab' overlaps box 'c'" in found


def test_an_arrow_crossing_an_item_it_does_not_connect() -> None:
    items = CLEAN + "  c: {kind: box, at: [600, 140], size: [120, 80], label: c}\n"
    assert "x.yaml:5:3: arrow 'ab' crosses box 'c'" in _warnings(items)


def test_an_item_outside_the_canvas() -> None:
    items = CLEAN + "  c: {kind: box, at: [1800, 1000], size: [300, 150], label: c}\n"
    assert "x.yaml:6:3: box 'c' reaches outside the canvas (1920x1080)" in _warnings(items)


def test_text_below_the_size_floor() -> None:
    items = CLEAN + "  c: {kind: label, at: [100, 600], text: tiny, font: {size: 12}}\n"
    found = _warnings(items)
    assert any(w.startswith("x.yaml:6:61: font size 12 px would be") for w in found), found


@pytest.mark.parametrize(
    ("item", "where"),
    [
        ("  c: {kind: label, at: [100, 600], text: pale, color: yellow}\n", "x.yaml:6:55"),
        (
            "  c: {kind: box, at: [100, 600], label: dim, fill: vermillion, color: blue}\n",
            "x.yaml:6:71",
        ),
    ],
)
def test_a_colour_pair_under_3_to_1(item: str, where: str) -> None:
    found = [w for w in _warnings(CLEAN + item) if "contrast" in w]
    assert len(found) == 1
    assert found[0].startswith(f"{where}: text #")
    assert "under 3:1" in found[0]
