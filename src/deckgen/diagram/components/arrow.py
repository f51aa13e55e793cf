"""Arrows and lines: a polyline shaft, triangular heads, a label beside the longest segment."""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise

from deckgen.diagram.components.base import Ctx, Drawn, look_of, measure, text_prim
from deckgen.diagram.display import Anchor, Box, Point, Prim, line, polygon, rect
from deckgen.diagram.spec import Item

LABEL_GAP = 12.0


def _unit(a: Point, b: Point) -> Point:
    d = math.dist(a, b) or 1.0
    return ((b[0] - a[0]) / d, (b[1] - a[1]) / d)


def _head(tip: Point, back: Point, length: float, color: str, owner: str) -> Prim:
    ux, uy = _unit(back, tip)
    base = (tip[0] - ux * length, tip[1] - uy * length)
    half = length * 0.55
    return polygon(
        [
            tip,
            (base[0] - uy * half, base[1] + ux * half),
            (base[0] + uy * half, base[1] - ux * half),
        ],
        fill=color,
        stroke=color,
        width=1,
        owner=owner,
        part=owner,
    )


def _shorten(points: list[Point], length: float, at_end: bool) -> list[Point]:
    pts = list(points)
    i, j = (-1, -2) if at_end else (0, 1)
    ux, uy = _unit(pts[j], pts[i])
    pts[i] = (pts[i][0] - ux * length, pts[i][1] - uy * length)
    return pts


def draw_arrow(item: Item, points: list[Point], ctx: Ctx, obstacles: Sequence[Box] = ()) -> Drawn:
    s = item.style
    width = s.stroke_width if s.stroke_width is not None else 6.0
    color = ctx.color(s.stroke, ctx.ink) or ctx.ink
    default_heads = "end" if item.kind == "arrow" else "none"
    heads = s.heads or default_heads
    length = max(3.4 * width, 24.0)
    shaft = points
    prims: list[Prim] = []
    if heads in ("end", "both"):
        prims.append(_head(points[-1], points[-2], length, color, item.id))
        shaft = _shorten(shaft, length * 0.8, True)
    if heads in ("start", "both"):
        prims.append(_head(points[0], points[1], length, color, item.id))
        shaft = _shorten(shaft, length * 0.8, False)
    opacity = s.opacity if s.opacity is not None else 1.0
    prims.insert(
        0,
        line(
            shaft,
            stroke=color,
            width=width,
            dash=s.dash or (),
            opacity=opacity,
            owner=item.id,
            part=item.id,
        ),
    )
    prims += _label(item, points, width, ctx, obstacles)
    mid = _midpoint(points)
    anchors = {"start": Anchor(*points[0]), "end": Anchor(*points[-1]), "mid": Anchor(*mid)}
    return Drawn(tuple(prims), anchors)


def _longest(points: list[Point]) -> tuple[Point, Point]:
    return max(pairwise(points), key=lambda ab: math.dist(*ab))


def _midpoint(points: list[Point]) -> Point:
    a, b = _longest(points)
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)


def label_box(
    item: Item, points: list[Point], width: float, ctx: Ctx, obstacles: Sequence[Box] = ()
) -> Box | None:
    """Beside the middle of the arrow's longest segment, on the side (and at the spot within
    a fifth of the segment from its middle) that covers least of everything else; on the
    arrow itself, its pill over the line, when both sides are taken."""
    text = item.get("label")
    if not text:
        return None
    look = look_of(item, ctx)
    w, h = measure(text, look) + 0.6 * look.size, look.size * 1.4
    a, b = _longest(points)
    ux, uy = _unit(a, b)
    best: tuple[float, Box] | None = None
    for t in (0.5, 0.4, 0.6, 0.3, 0.7):
        mx, my = a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
        for nx, ny, beside in ((uy, -ux, 1.0), (-uy, ux, 1.0), (0.0, 0.0, 0.0)):
            reach = beside * (width / 2 + LABEL_GAP + abs(nx) * w / 2 + abs(ny) * h / 2)
            box = Box(mx + nx * reach - w / 2, my + ny * reach - h / 2, w, h)
            score = sum(_overlap(box, o) for o in obstacles)
            if best is None or score < best[0] - 1:
                best = (score, box)
    return best[1] if best else None


def _overlap(a: Box, b: Box) -> float:
    w = min(a.right, b.right) - max(a.x, b.x)
    h = min(a.bottom, b.bottom) - max(a.y, b.y)
    return w * h if w > 0 and h > 0 else 0.0


def segment_boxes(points: list[Point], width: float) -> list[Box]:
    """Thin boxes around each segment of a route, as obstacles for other labels."""
    out = []
    for (x0, y0), (x1, y1) in pairwise(points):
        out.append(
            Box(
                min(x0, x1) - width,
                min(y0, y1) - width,
                abs(x1 - x0) + 2 * width,
                abs(y1 - y0) + 2 * width,
            )
        )
    return out


def _label(
    item: Item, points: list[Point], width: float, ctx: Ctx, obstacles: Sequence[Box]
) -> list[Prim]:
    box = label_box(item, points, width, ctx, obstacles)
    if box is None:
        return []
    look = look_of(item, ctx)
    color = ctx.color(item.style.color, ctx.ink) or ctx.ink
    return [
        rect(box, fill=ctx.paper, radius=8, owner=item.id, part=item.id),
        text_prim(box.center, str(item.get("label")), look, color, item.id, item.id),
    ]
