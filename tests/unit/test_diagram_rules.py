"""Layout rules: arrows meet the middle of the side they face; labels sit by their arrows."""

from __future__ import annotations

import math
from pathlib import Path

from deckgen.diagram.components.base import Ctx
from deckgen.diagram.display import prim_bounds
from deckgen.diagram.layout import Layout
from deckgen.diagram.spec import load_spec
from deckgen.errors import Diagnostics
from deckgen.theme import load_theme

ROOT = Path(__file__).parents[2]
SPEC = (
    "deckgen: 1\nitems:\n"
    "  a: {kind: box, at: [100, 100], size: [300, 150]}\n"
    "  b: {kind: box, at: [900, 400], size: [300, 150]}\n"
    "  c: {kind: box, at: [100, 700], size: [300, 150]}\n"
    "  ab: {kind: arrow, from: a, to: b, label: along}\n"
    "  ac: {kind: arrow, from: a, to: c, label: down}\n"
)


def _layout() -> Layout:
    layout = Layout(load_spec(SPEC, "x.yaml"), Ctx(load_theme("default", ROOT), Diagnostics()))
    layout.place_all()
    return layout


def test_an_arrow_meets_the_middle_of_the_side_it_faces() -> None:
    layout = _layout()
    assert layout.route(layout.spec.item("ab")) == [(400.0, 175.0), (900.0, 475.0)]
    assert layout.route(layout.spec.item("ac")) == [(250.0, 250.0), (250.0, 700.0)]


def test_an_arrow_label_sits_beside_the_middle_of_its_arrow() -> None:
    layout = _layout()
    for arrow_id in ("ab", "ac"):
        (x0, y0), (x1, y1) = layout.route(layout.spec.item(arrow_id))
        pill = next(p for p in layout.draw(arrow_id).prims if p.shape == "rect")
        box = prim_bounds(pill)
        middle = ((x0 + x1) / 2, (y0 + y1) / 2)
        # beside the middle: no farther than half its own size plus a small gap
        assert math.dist(box.center, middle) <= math.hypot(box.w, box.h) / 2 + 24
