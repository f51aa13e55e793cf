"""Sizes and positions of every item, computed once; anchors and arrow routes resolved from them."""

from __future__ import annotations

import math
from itertools import pairwise
from typing import Any

from deckgen.diagram.components import draw_item, natural_size
from deckgen.diagram.components.arrow import draw_arrow, segment_boxes
from deckgen.diagram.components.base import Ctx, Drawn
from deckgen.diagram.components.primitives import frame_band
from deckgen.diagram.display import COMPASS_FRACTIONS, Anchor, Box, Point, box_at, prim_bounds
from deckgen.diagram.kinds import LINKS, PLACE_RELATIONS
from deckgen.diagram.refs import placed_by
from deckgen.diagram.spec import DiagramSpec, Item, Ref
from deckgen.errors import Problem

LANE_GAP = 44.0
MITER = 2 / 4**2  # 1 + cos(turn) at which a mitre is 4 times the offset
OPPOSITE = {"n": "s", "s": "n", "e": "w", "w": "e", "ne": "sw", "sw": "ne", "nw": "se", "se": "nw"}


class Layout:
    """Places items on demand (so `place` may name a later item) and caches the result."""

    def __init__(self, spec: DiagramSpec, ctx: Ctx) -> None:
        self.spec, self.ctx = spec, ctx
        self.sizes: dict[str, tuple[float, float]] = {}
        self.boxes: dict[str, Box] = {}
        self.drawn: dict[str, Drawn] = {}
        self.visiting: set[str] = set()
        self.problems: list[Problem] = []
        self.labels: list[Box] = []
        self.routes: dict[str, list[Point]] = {}

    def place_all(self) -> None:
        """Every item's box, each after what it is placed by: a chain of `place`s hundreds long
        is walked in a loop here, not by recursion that would run out of stack."""
        for item_id in _placement_order(self.spec):
            self.box(item_id)

    # -- sizes ------------------------------------------------------------------------
    def size(self, item_id: str) -> tuple[float, float]:
        if item_id not in self.sizes:
            item = self.spec.item(item_id)
            self.sizes[item_id] = (
                self._group_size(item) if item.kind == "group" else natural_size(item, self.ctx)
            )
        return self.sizes[item_id]

    def _group_size(self, group: Item) -> tuple[float, float]:
        sizes = [self.size(c) for c in group.children]
        gap, pad = group.get("gap", 32.0), group.get("padding", 32.0)
        layout = group.get("layout")
        if not sizes:
            w, h = 0.0, 0.0
        elif layout == "row":
            w, h = sum(s[0] for s in sizes) + gap * (len(sizes) - 1), max(s[1] for s in sizes)
        elif layout == "column":
            w, h = max(s[0] for s in sizes), sum(s[1] for s in sizes) + gap * (len(sizes) - 1)
        elif layout == "grid":
            cols, rows, cw, ch = self._grid(group)
            w, h = cols * cw + gap * (cols - 1), rows * ch + gap * (rows - 1)
        else:
            ends = [self._child_offset(self.spec.item(c)) for c in group.children]
            w = max(e[0] + s[0] for e, s in zip(ends, sizes, strict=True))
            h = max(e[1] + s[1] for e, s in zip(ends, sizes, strict=True))
        w, h = w + 2 * pad, h + 2 * pad + self._band(group)
        given = group.get("size")
        return (max(w, given[0]), max(h, given[1])) if given else (w, h)

    def _grid(self, group: Item) -> tuple[int, int, float, float]:
        sizes = [self.size(c) for c in group.children]
        cols = group.get("columns") or math.ceil(math.sqrt(len(sizes)))
        rows = math.ceil(len(sizes) / cols)
        return cols, rows, max(s[0] for s in sizes), max(s[1] for s in sizes)

    def _band(self, group: Item) -> float:
        return frame_band(group, self.ctx)

    def _child_offset(self, child: Item) -> Point:
        at = child.get("at", (0.0, 0.0))
        box = box_at(at, self.size(child.id), child.get("anchor", "nw"))
        return (box.x, box.y)

    # -- positions --------------------------------------------------------------------
    def box(self, item_id: str) -> Box:
        if item_id in self.boxes:
            return self.boxes[item_id]
        item = self.spec.item(item_id)
        if item_id in self.visiting:
            self.problems.append(
                Problem(item.mark("place"), f"the placement of '{item_id}' depends on itself")
            )
            return Box(0, 0, *self.size(item_id))
        self.visiting.add(item_id)
        if item.parent is not None and item.parent not in self.boxes:
            self.box(item.parent)
        if item_id not in self.boxes:
            self._set(item, self._own_box(item))
        self.visiting.discard(item_id)
        return self.boxes[item_id]

    def _set(self, item: Item, box: Box) -> None:
        self.boxes[item.id] = box
        if item.kind == "group":
            self._place_children(item, box)

    def _own_box(self, item: Item) -> Box:
        size = self.size(item.id)
        place = item.get("place")
        if place:
            return self._relative(item, place, size)
        at = item.get("at", (0.0, 0.0))
        if item.parent is not None:
            parent = self.spec.item(item.parent)
            pad = parent.get("padding", 32.0)
            origin = self.boxes[item.parent]
            at = (origin.x + pad + at[0], origin.y + pad + self._band(parent) + at[1])
        return box_at(at, size, item.get("anchor", "nw"))

    def _relative(self, item: Item, place: dict[str, Any], size: tuple[float, float]) -> Box:
        relation = next(r for r in PLACE_RELATIONS if r in place)
        ref = Ref(place[relation], item.mark("place"))
        gap, align = place.get("gap", 40.0), place.get("align", "center")
        if relation == "near":
            return self._near(ref, place, size)
        t = self.box(ref.item)
        w, h = size
        if relation in ("right_of", "left_of"):
            x = t.right + gap if relation == "right_of" else t.x - gap - w
            y = {"top": t.y, "bottom": t.bottom - h}.get(align, t.y + (t.h - h) / 2)
            return Box(x, y, w, h)
        y = t.bottom + gap if relation == "below" else t.y - gap - h
        x = {"left": t.x, "right": t.right - w}.get(align, t.x + (t.w - w) / 2)
        return Box(x, y, w, h)

    def _near(self, ref: Ref, place: dict[str, Any], size: tuple[float, float]) -> Box:
        """Beside an anchor (or a part's box), nudged back inside the canvas if it spills out."""
        anchor = self.anchor(ref)
        side = place.get("side") or _side_of(anchor)
        part = self.draw(ref.item).parts.get(ref.anchor) if ref.anchor else self.box(ref.item)
        x, y = part.point(side) if part else anchor.point
        fx, fy = COMPASS_FRACTIONS[side]
        gap = place.get("gap", 40.0)
        box = box_at((x + (fx - 0.5) * 2 * gap, y + (fy - 0.5) * 2 * gap), size, OPPOSITE[side])
        dx = min(0.0, self.spec.width - box.right) or max(0.0, -box.x)
        dy = min(0.0, self.spec.height - box.bottom) or max(0.0, -box.y)
        return box.moved(dx, dy)

    def _place_children(self, group: Item, box: Box) -> None:
        layout = group.get("layout")
        gap, pad = group.get("gap", 32.0), group.get("padding", 32.0)
        inner = Box(
            box.x + pad,
            box.y + pad + self._band(group),
            box.w - 2 * pad,
            box.h - 2 * pad - self._band(group),
        )
        align = {"start": 0.0, "center": 0.5, "end": 1.0}[group.get("align", "center")]
        x, y = inner.x, inner.y
        for i, child_id in enumerate(group.children):
            child = self.spec.item(child_id)
            w, h = self.size(child_id)
            if layout == "row":
                self._set(child, Box(x, inner.y + (inner.h - h) * align, w, h))
                x += w + gap
            elif layout == "column":
                self._set(child, Box(inner.x + (inner.w - w) * align, y, w, h))
                y += h + gap
            elif layout == "grid":
                cols, _rows, cw, ch = self._grid(group)
                r, c = divmod(i, cols)
                cx, cy = inner.x + c * (cw + gap), inner.y + r * (ch + gap)
                self._set(child, Box(cx + (cw - w) * align, cy + (ch - h) * align, w, h))
            elif not child.get("place"):
                self._set(child, self._own_box(child))

    # -- drawing and anchors ----------------------------------------------------------
    def draw(self, item_id: str) -> Drawn:
        if item_id not in self.drawn:
            item = self.spec.item(item_id)
            if item.kind in LINKS:
                self.drawn[item_id] = self._draw_arrow(item)
            else:
                self.drawn[item_id] = draw_item(item, self.box(item_id), self.ctx)
        return self.drawn[item_id]

    def _draw_arrow(self, item: Item) -> Drawn:
        obstacles = [b for i, b in self.boxes.items() if self.spec.item(i).kind != "group"]
        for other in self.spec.items:
            if other.kind in LINKS and other.id != item.id:
                obstacles += segment_boxes(self.route(other), 8.0)
        obstacles += self.labels
        drawn = draw_arrow(item, self.route(item), self.ctx, obstacles)
        self.labels += [prim_bounds(p) for p in drawn.prims if p.shape == "rect"]
        return drawn

    def anchor(self, ref: Ref, toward: Point | None = None) -> Anchor:
        item = self.spec.item(ref.item)
        if item.kind in LINKS:
            return self.draw(item.id).anchors.get(ref.anchor or "mid", Anchor(0, 0))
        box = self.box(item.id)
        if not ref.anchor:
            return _boundary(box, toward) if toward else Anchor(*box.center)
        drawn = self.draw(item.id)
        if ref.anchor in drawn.anchors:
            return drawn.anchors[ref.anchor]
        part = drawn.parts.get(ref.anchor)
        return Anchor(*part.center) if part else Anchor(*box.center)

    def route(self, item: Item) -> list[Point]:
        """The arrow's polyline, found once: every other arrow asks for it as an obstacle."""
        if item.id not in self.routes:
            self.routes[item.id] = self._route(item)
        return self.routes[item.id]

    def _route(self, item: Item) -> list[Point]:
        start_ref, end_ref = (
            Ref(item.get("from"), item.mark("from")),
            Ref(item.get("to"), item.mark("to")),
        )
        a0 = (
            self.anchor(start_ref) if start_ref.anchor else Anchor(*self.box(start_ref.item).center)
        )
        b = self.anchor(end_ref, a0.point)
        a = self.anchor(start_ref, b.point)
        via = list(item.get("via", ()))
        if via:
            points = [a.point, *via, b.point]
        elif item.get("route") == "elbow":
            points = _elbow(a, b)
        else:
            points = [a.point, b.point]
        return _offset(points, item.get("lane", 0.0) * LANE_GAP)


def _placement_order(spec: DiagramSpec) -> list[str]:
    """Every placed item after the items its position follows (depth first, without recursion)."""
    done: set[str] = set()
    order: list[str] = []
    for item in spec.items:
        stack = [(item.id, False)]
        while stack:
            item_id, ready = stack.pop()
            if ready:
                order.append(item_id)
            elif item_id not in done:
                done.add(item_id)
                stack.append((item_id, True))
                stack += [(t, False) for _, t in placed_by(spec.item(item_id), spec.by_id)]
    return [i for i in order if spec.item(i).kind not in LINKS]


def _side_of(anchor: Anchor) -> str:
    if anchor.dx == 0 and anchor.dy == 0:
        return "e"
    return min(
        OPPOSITE,
        key=lambda s: math.dist(COMPASS_FRACTIONS[s], (0.5 + anchor.dx / 2, 0.5 + anchor.dy / 2)),
    )


def _boundary(box: Box, toward: Point) -> Anchor:
    """The midpoint of the box's side that faces `toward` (compared as shares of the box's
    half-width and half-height), pointing out: arrows meet sides square, never corners."""
    cx, cy = box.center
    dx, dy = toward[0] - cx, toward[1] - cy
    if dx == 0 and dy == 0:
        return Anchor(cx, cy)
    if abs(dx) * box.h >= abs(dy) * box.w:
        side = 1.0 if dx > 0 else -1.0
        return Anchor(cx + side * box.w / 2, cy, side, 0.0)
    side = 1.0 if dy > 0 else -1.0
    return Anchor(cx, cy + side * box.h / 2, 0.0, side)


def _elbow(a: Anchor, b: Anchor) -> list[Point]:
    if abs(a.x - b.x) < 1 or abs(a.y - b.y) < 1:
        return [a.point, b.point]
    vertical_end = abs(b.dy) > abs(b.dx) if (b.dx or b.dy) else abs(a.dx) > abs(a.dy)
    corner = (b.x, a.y) if vertical_end else (a.x, b.y)
    return [a.point, corner, b.point]


def _offset(points: list[Point], distance: float) -> list[Point]:
    """The polyline moved sideways by `distance` (to the left of its direction), mitred at bends."""
    if not distance:
        return points
    normals = []
    for p, q in pairwise(points):
        length = math.dist(p, q) or 1.0
        normals.append(((q[1] - p[1]) / length, -(q[0] - p[0]) / length))
    out = []
    for i, (x, y) in enumerate(points):
        n1 = normals[max(i - 1, 0)]
        n2 = normals[min(i, len(normals) - 1)]
        # Mitred, but never longer than 4 times the distance (SVG's miter limit): a route that
        # turns right back would otherwise divide by zero.
        scale = distance / max(1 + n1[0] * n2[0] + n1[1] * n2[1], MITER)
        out.append((x + (n1[0] + n2[0]) * scale, y + (n1[1] + n2[1]) * scale))
    return out
