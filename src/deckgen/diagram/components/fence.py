"""A picket fence along a path, with an optional gate: a gap spanned by a striped barrier."""

from __future__ import annotations

import math
from itertools import pairwise

from deckgen.diagram.components.base import WHITE, Ctx, Drawn, item_label, look_of, text_lines
from deckgen.diagram.display import Anchor, Box, Point, Prim, compass_anchors, line, polygon, rect
from deckgen.diagram.spec import Item

WOOD = "C8A165"
SPACING = 30.0
PICKET_W = 11.0
PICKET_H = 36.0


def natural_size(item: Item, ctx: Ctx) -> tuple[float, float]:
    xs = [p[0] for p in item.get("along", ((0, 0), (1, 1)))]
    ys = [p[1] for p in item.get("along", ((0, 0), (1, 1)))]
    return (max(max(xs) - min(xs), 1.0), max(max(ys) - min(ys), 1.0))


def _length(points: list[Point]) -> float:
    return sum(math.dist(a, b) for a, b in pairwise(points))


def point_at(points: list[Point], distance: float) -> Point:
    for a, b in pairwise(points):
        seg = math.dist(a, b)
        if distance <= seg and seg > 0:
            t = distance / seg
            return (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))
        distance -= seg
    return points[-1]


def points_at(points: list[Point], distances: list[float]) -> list[Point]:
    """`point_at` for each of the ascending `distances`, walking the path once: a long fence
    has thousands of pickets, and walking from its start for each would take minutes."""
    lengths = [math.dist(a, b) for a, b in pairwise(points)]
    out: list[Point] = []
    index, walked = 0, 0.0
    for distance in distances:
        while index < len(lengths) and not (0 < lengths[index] >= distance - walked):
            walked += lengths[index]
            index += 1
        if index == len(lengths):
            out.append(points[-1])
            continue
        (ax, ay), (bx, by) = points[index], points[index + 1]
        t = (distance - walked) / lengths[index]
        out.append((ax + t * (bx - ax), ay + t * (by - ay)))
    return out


def fence_prims(
    points: list[Point], gate: tuple[float, float] | None, owner: str, part: str, ink: str
) -> list[Prim]:
    """Rails and pickets along `points`, leaving out the arc-length interval `gate`."""
    total = _length(points)
    spans = [(0.0, total)] if gate is None else [(0.0, gate[0]), (gate[1], total)]
    prims: list[Prim] = []
    for start, end in spans:
        for offset in (-PICKET_H * 0.5, PICKET_H * 0.1):
            rail = _sub_path(points, start, end)
            prims.append(
                line(
                    [(x, y + offset) for x, y in rail], stroke=ink, width=4, owner=owner, part=part
                )
            )
    for start, end in spans:
        count = max(int((end - start) // SPACING), 0)
        spots = [start + min(i * SPACING + 6, end - start) for i in range(count + 1)]
        prims += [_picket(x, y, owner, part, ink) for x, y in points_at(points, spots)]
    return prims


def _picket(x: float, y: float, owner: str, part: str, ink: str) -> Prim:
    hw, top, base = PICKET_W / 2, y - PICKET_H * 0.7, y + PICKET_H * 0.3
    pts = [(x - hw, base), (x - hw, top + hw), (x, top), (x + hw, top + hw), (x + hw, base)]
    return polygon(pts, fill=WOOD, stroke=ink, width=2, owner=owner, part=part)


def _sub_path(points: list[Point], start: float, end: float) -> list[Point]:
    out = [point_at(points, start)]
    walked = 0.0
    for a, b in pairwise(points):
        walked += math.dist(a, b)
        if start < walked < end:
            out.append(b)
    out.append(point_at(points, end))
    return out


def barrier(a: Point, b: Point, owner: str, part: str, ink: str) -> list[Prim]:
    """A striped barrier arm between two posts."""
    posts = [
        rect(Box(p[0] - 9, p[1] - 30, 18, 42), fill=ink, radius=3, owner=owner, part=part)
        for p in (a, b)
    ]
    ya = (a[0], a[1] - 12)
    yb = (b[0], b[1] - 12)
    return [
        line([ya, yb], stroke="D55E00", width=16, owner=owner, part=part),
        line([ya, yb], stroke=WHITE, width=8, dash=(16, 16), owner=owner, part=part),
        *posts,
    ]


def draw(item: Item, box: Box, ctx: Ctx) -> Drawn:
    ox, oy = box.x, box.y
    raw = item.get("along", ())
    min_x, min_y = min(p[0] for p in raw), min(p[1] for p in raw)
    pts = [(ox + x - min_x, oy + y - min_y) for x, y in raw]
    if item.get("closed", False):
        pts.append(pts[0])
    total = _length(pts)
    gate = None
    prims: list[Prim] = []
    anchors = compass_anchors(box)
    parts = {}
    if "gate_at" in item.props:
        width = item.get("gate_width", 120.0)
        mid = item.get("gate_at") * total
        gate = (max(mid - width / 2, 0.0), min(mid + width / 2, total))
        anchors["gate"] = Anchor(*point_at(pts, mid))
        parts["gate"] = Box(
            point_at(pts, mid)[0] - width / 2, point_at(pts, mid)[1] - 40, width, 60
        )
    prims += fence_prims(pts, gate, item.id, item.id, ctx.ink)
    if gate is not None:
        part = f"{item.id}.gate"
        prims += barrier(point_at(pts, gate[0]), point_at(pts, gate[1]), item.id, part, ctx.ink)
        gate_label = item.get("gate_label") or ""
        if gate_label:
            x, y = anchors["gate"].point
            look = look_of(item, ctx)
            center = (x, y + 20 + 0.65 * look.size)
            prims += text_lines([gate_label], center, look, ctx.ink, item.id, part)
    label = item_label(item)
    if label:
        look = look_of(item, ctx)
        center = (box.x + box.w / 2, box.y - 28 - 0.65 * look.size)
        prims += text_lines([label], center, look, ctx.ink, item.id, item.id)
    return Drawn(tuple(prims), anchors, parts)
