"""A laid-out scene -> located warnings about what reads badly: overlaps, arrows through items,
items off the canvas, text on a fill it does not stand out from."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations, pairwise

from deckgen.colors import contrast
from deckgen.diagram.components.base import Ctx
from deckgen.diagram.display import Box, Point, Prim, prim_bounds
from deckgen.diagram.fields import show
from deckgen.diagram.kinds import LINKS
from deckgen.diagram.layout import Layout
from deckgen.diagram.spec import DiagramSpec, Item

MIN_CONTRAST = 3.0  # text against what it is drawn on
SLACK = 4.0  # logical px of touching that is not yet overlapping
SHAPES = ("rect", "ellipse", "polygon")


def lint(spec: DiagramSpec, layout: Layout, ctx: Ctx, together: set[frozenset[str]]) -> None:
    """Every rule over the scene; `together` holds the pairs of items some step shows at once
    (two items never shown together cannot clash)."""
    _outside(spec, layout, ctx)
    _stray_cargo(spec, ctx)
    _overlaps(spec, layout, ctx, together)
    _crossings(spec, layout, ctx, together)
    _contrast(spec, layout, ctx)


def _outside(spec: DiagramSpec, layout: Layout, ctx: Ctx) -> None:
    canvas = Box(0, 0, spec.width, spec.height)
    for item in spec.items:
        box = layout.boxes.get(item.id)
        if box is not None and not _within(box, canvas, 1.0):
            ctx.warn(
                item.where,
                f"{item.kind} '{item.id}' reaches outside the canvas "
                f"({spec.width:.0f}x{spec.height:.0f})",
            )


def _stray_cargo(spec: DiagramSpec, ctx: Ctx) -> None:
    shelved = {
        t
        for i in spec.items
        if i.kind == "warehouse"
        for row in i.get("shelves", ())
        for t, _ in row
    }
    for item in spec.items:
        if item.kind != "truck" or not shelved:
            continue
        for name, _ in item.get("cargo", ()):
            if name not in shelved:
                ctx.warn(
                    item.mark("cargo"),
                    f"cargo {show(name)} of truck '{item.id}' is on no warehouse shelf",
                )


def _solids(spec: DiagramSpec, layout: Layout) -> Iterator[tuple[Item, Box]]:
    """Items that take room: not groups (frames hold things), not arrows."""
    for item in spec.items:
        if item.kind != "group" and item.kind not in LINKS and item.id in layout.boxes:
            yield item, layout.boxes[item.id]


def _labels(spec: DiagramSpec, layout: Layout) -> Iterator[tuple[Item, Box]]:
    """Arrow labels: the pill drawn behind each."""
    for item in spec.items:
        if item.kind in LINKS and item.get("label"):
            pills = [p for p in layout.draw(item.id).prims if p.shape == "rect"]
            if pills:
                yield item, prim_bounds(pills[0])


def _overlaps(spec: DiagramSpec, layout: Layout, ctx: Ctx, together: set[frozenset[str]]) -> None:
    """Two items, or two labels, or a label and an item, partly over each other. One wholly
    inside another (a sign on a roof, a tag on a site) is composed so, and passes."""
    things = [*_solids(spec, layout), *_labels(spec, layout)]
    for (a, box_a), (b, box_b) in combinations(things, 2):
        if a.id == b.id or frozenset((a.id, b.id)) not in together:
            continue
        if _overlap(box_a, box_b) and not (_within(box_a, box_b) or _within(box_b, box_a)):
            ctx.warn(b.where, f"{_what(b)} overlaps {_what(a)}")


def _what(item: Item) -> str:
    return (
        f"the label of {item.kind} '{item.id}'"
        if item.kind in LINKS
        else f"{item.kind} '{item.id}'"
    )


def _crossings(spec: DiagramSpec, layout: Layout, ctx: Ctx, together: set[frozenset[str]]) -> None:
    """An arrow passing through an item that is neither of its ends nor holds one."""
    for arrow in (i for i in spec.items if i.kind in LINKS):
        route = layout.route(arrow)
        ends = {str(arrow.get(e, "")).partition(".")[0] for e in ("from", "to")}
        for item, box in _solids(spec, layout):
            if item.id in ends or frozenset((arrow.id, item.id)) not in together:
                continue
            if _holds(box, route[0]) or _holds(box, route[-1]):
                continue
            inner = Box(box.x + SLACK, box.y + SLACK, box.w - 2 * SLACK, box.h - 2 * SLACK)
            if any(_crosses(p, q, inner) for p, q in pairwise(route)):
                ctx.warn(arrow.where, f"{arrow.kind} '{arrow.id}' crosses {item.kind} '{item.id}'")


def _contrast(spec: DiagramSpec, layout: Layout, ctx: Ctx) -> None:
    """Text under 3:1 against what it is drawn on: its item's fill, or the slide."""
    for item in spec.items:
        prims = layout.draw(item.id).prims if item.id in layout.boxes or item.kind in LINKS else ()
        for i, prim in enumerate(prims):
            if prim.shape != "text" or prim.fill is None or not prim.text.strip():
                continue
            ground = _ground(prims[:i], prim.points[0]) or ctx.paper
            ratio = contrast(prim.fill, ground)
            if ratio < MIN_CONTRAST:
                where = item.mark("color") if "color" in item.marks else item.mark("fill")
                ctx.warn(
                    where,
                    f"text #{prim.fill} on #{ground} in {item.kind} '{item.id}' has a contrast "
                    f"of {ratio:.1f}:1, under {MIN_CONTRAST:g}:1",
                )
                break


def _ground(before: tuple[Prim, ...], at: Point) -> str | None:
    """The fill of the last shape drawn under the point, of those drawn before the text."""
    solid = [p for p in before if p.shape in SHAPES and p.fill and p.opacity > 0.5]
    return next((p.fill for p in reversed(solid) if _holds(prim_bounds(p), at)), None)


def _overlap(a: Box, b: Box) -> bool:
    return (
        min(a.right, b.right) - max(a.x, b.x) > SLACK
        and min(a.bottom, b.bottom) - max(a.y, b.y) > SLACK
    )


def _within(inner: Box, outer: Box, slack: float = SLACK) -> bool:
    return (
        inner.x >= outer.x - slack
        and inner.y >= outer.y - slack
        and inner.right <= outer.right + slack
        and inner.bottom <= outer.bottom + slack
    )


def _holds(box: Box, point: Point) -> bool:
    return box.x <= point[0] <= box.right and box.y <= point[1] <= box.bottom


def _crosses(p: Point, q: Point, box: Box) -> bool:
    """Whether the segment p-q passes through the box (Liang-Barsky clipping)."""
    if box.w <= 0 or box.h <= 0:
        return False
    t0, t1 = 0.0, 1.0
    dx, dy = q[0] - p[0], q[1] - p[1]
    for edge_p, edge_q in ((-dx, p[0] - box.x), (dx, box.right - p[0]),
                           (-dy, p[1] - box.y), (dy, box.bottom - p[1])):  # fmt: skip
        if edge_p == 0:
            if edge_q < 0:
                return False
            continue
        t = edge_q / edge_p
        if edge_p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return False
    return True
