"""A post-and-rail fence along a path, seen from above, with an optional gate: two gate posts and
a leaf that swings inward when the gate is open."""

from __future__ import annotations

import math
from itertools import pairwise

from deckgen.diagram.components.base import Ctx, Drawn, Pen, edge, item_label, look_of, text_lines
from deckgen.diagram.display import Anchor, Box, Point, Prim, compass_anchors, line, rect
from deckgen.diagram.spec import Item

WOOD = "C8A165"
SPACING = 90.0  # between posts, at most: each straight run is split evenly, corners get a post
POST = 22.0  # a post's side
GATE_POST = 30.0
RAIL = 12.0  # the rails' band, seen from above
SWING = 70.0  # degrees an open leaf turns inward
OPEN, SHUT = "gate.open", "gate.shut"  # the two drawings of a gate: the step picks one


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


def _direction(points: list[Point], distance: float) -> Point:
    """The unit direction of the path at `distance`."""
    for a, b in pairwise(points):
        seg = math.dist(a, b)
        if distance <= seg and seg > 0:
            return ((b[0] - a[0]) / seg, (b[1] - a[1]) / seg)
        distance -= seg
    (ax, ay), (bx, by) = points[-2], points[-1]
    seg = math.dist((ax, ay), (bx, by)) or 1.0
    return ((bx - ax) / seg, (by - ay) / seg)


def _sub_path(points: list[Point], start: float, end: float) -> list[Point]:
    out = [point_at(points, start)]
    walked = 0.0
    for a, b in pairwise(points):
        walked += math.dist(a, b)
        if start < walked < end:
            out.append(b)
    out.append(point_at(points, end))
    return out


def _posts(points: list[Point], gate: tuple[float, float] | None) -> list[Point]:
    """A post at every corner and evenly along each straight run, none inside the gate."""
    out: list[Point] = []
    for a, b in pairwise(points):
        count = max(1, math.ceil(math.dist(a, b) / SPACING))
        out += [(a[0] + (b[0] - a[0]) * i / count, a[1] + (b[1] - a[1]) * i / count)
                for i in range(count)]  # fmt: skip
    out.append(points[-1])
    if gate is None:
        return out
    a, b = point_at(points, gate[0]), point_at(points, gate[1])
    clear = GATE_POST
    return [p for p in out if not _within_gate(points, p, gate, clear) and p not in (a, b)]


def _within_gate(points: list[Point], p: Point, gate: tuple[float, float], clear: float) -> bool:
    walked = 0.0
    for a, b in pairwise(points):
        seg = math.dist(a, b)
        if math.isclose(math.dist(a, p) + math.dist(p, b), seg, abs_tol=0.5):
            at = walked + math.dist(a, p)
            return gate[0] - clear < at < gate[1] + clear
        walked += seg
    return False


def fence_prims(
    points: list[Point], gate: tuple[float, float] | None, owner: str, part: str, pen: Pen
) -> list[Prim]:
    """Rails along `points` (leaving out the arc-length interval `gate`), a post at each corner
    and every SPACING px between; rails join at the corners under the corner posts."""
    total = _length(points)
    spans = [(0.0, total)] if gate is None else [(0.0, gate[0]), (gate[1], total)]
    s = pen.scale
    dark = edge(WOOD)
    kw = {"owner": owner, "part": part}
    prims: list[Prim] = []
    closed = math.dist(points[0], points[-1]) < 0.5 and gate is None
    for start, end in spans:
        if end - start <= 0:
            continue
        run = _sub_path(points, start, end) + ([points[1]] if closed else [])
        prims.append(line(run, stroke=dark, width=RAIL * s + 2 * pen.width, **kw))
        prims.append(line(run, stroke=WOOD, width=RAIL * s, **kw))
    side = POST * s
    for x, y in _posts(points, gate):
        prims.append(rect(Box(x - side / 2, y - side / 2, side, side), **pen.shape(WOOD),
                          radius=pen.radius / 2, **kw))  # fmt: skip
    return prims


def gate_prims(
    points: list[Point], gate: tuple[float, float], owner: str, pen: Pen, ctx: Ctx
) -> list[Prim]:
    """Two gate posts and a leaf hinged on the first: shut across the opening (part
    `<id>.gate.shut`), or swung inward with the arc it swept (part `<id>.gate.open`)."""
    a, b = point_at(points, gate[0]), point_at(points, gate[1])
    ux, uy = _direction(points, (gate[0] + gate[1]) / 2)
    nx, ny = -uy, ux  # inward for a clockwise outline
    span = math.dist(a, b)
    turn = math.radians(SWING)
    swung = (
        a[0] + span * (ux * math.cos(turn) + nx * math.sin(turn)),
        a[1] + span * (uy * math.cos(turn) + ny * math.sin(turn)),
    )
    leaf = ctx.theme.color("vermillion")
    s = pen.scale
    out = _leaf(a, b, leaf, pen, owner, f"{owner}.{SHUT}")
    out += _leaf(a, swung, leaf, pen, owner, f"{owner}.{OPEN}")
    arc = [
        (a[0] + span * (ux * math.cos(t) + nx * math.sin(t)),
         a[1] + span * (uy * math.cos(t) + ny * math.sin(t)))
        for t in (turn * i / 12 for i in range(13))
    ]  # fmt: skip
    out.append(line(arc, stroke=edge(leaf), width=pen.width / 2, dash=(10 * s, 8 * s),
                    owner=owner, part=f"{owner}.{OPEN}"))  # fmt: skip
    side = GATE_POST * s
    post = edge(WOOD)
    for x, y in (a, b):
        out.append(rect(Box(x - side / 2, y - side / 2, side, side), **pen.shape(post),
                        radius=pen.radius / 2, owner=owner, part=f"{owner}.gate"))  # fmt: skip
    return out


def _leaf(a: Point, b: Point, fill: str, pen: Pen, owner: str, part: str) -> list[Prim]:
    """A gate's leaf from its hinge `a` to its latch `b`: a bar with a darker rim and braces."""
    s = pen.scale
    kw = {"owner": owner, "part": part}
    mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    return [
        line([a, b], stroke=edge(fill), width=RAIL * 1.4 * s + 2 * pen.width, **kw),
        line([a, b], stroke=fill, width=RAIL * 1.4 * s, **kw),
        line([a, mid, b], stroke=edge(fill), width=pen.width / 2, dash=(6 * s, 6 * s), **kw),
    ]


def draw(item: Item, box: Box, ctx: Ctx) -> Drawn:
    ox, oy = box.x, box.y
    raw = item.get("along", ())
    min_x, min_y = min(p[0] for p in raw), min(p[1] for p in raw)
    pts = [(ox + x - min_x, oy + y - min_y) for x, y in raw]
    if item.get("closed", False):
        pts.append(pts[0])
    total = _length(pts)
    pen = Pen()
    gate = None
    prims: list[Prim] = []
    anchors = compass_anchors(box)
    parts = {}
    if "gate_at" in item.props:
        width = item.get("gate_width", 120.0)
        mid = item.get("gate_at") * total
        gate = (max(mid - width / 2, 0.0), min(mid + width / 2, total))
        anchors["gate"] = Anchor(*point_at(pts, mid))
        gx, gy = point_at(pts, mid)
        parts["gate"] = Box(gx - width / 2, gy - width / 2, width, width)
    prims += fence_prims(pts, gate, item.id, item.id, pen)
    if gate is not None:
        prims += gate_prims(pts, gate, item.id, pen, ctx)
        gate_label = item.get("gate_label") or ""
        if gate_label:
            x, y = anchors["gate"].point
            look = look_of(item, ctx)
            center = (x, y + GATE_POST + 0.65 * look.size)
            prims += text_lines([gate_label], center, look, ctx.ink, item.id, f"{item.id}.gate")
    label = item_label(item)
    if label:
        look = look_of(item, ctx)
        center = (box.x + box.w / 2, box.y - 28 - 0.65 * look.size)
        prims += text_lines([label], center, look, ctx.ink, item.id, item.id)
    return Drawn(tuple(prims), anchors, parts)
