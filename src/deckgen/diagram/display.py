"""The display list: boxes, anchors and drawing primitives in logical canvas units."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

Point = tuple[float, float]

COMPASS_FRACTIONS: dict[str, Point] = {
    "nw": (0, 0),
    "n": (0.5, 0),
    "ne": (1, 0),
    "w": (0, 0.5),
    "c": (0.5, 0.5),
    "e": (1, 0.5),
    "sw": (0, 1),
    "s": (0.5, 1),
    "se": (1, 1),
}


@dataclass(frozen=True, slots=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def center(self) -> Point:
        return (self.x + self.w / 2, self.y + self.h / 2)

    def point(self, compass: str) -> Point:
        fx, fy = COMPASS_FRACTIONS[compass]
        return (self.x + fx * self.w, self.y + fy * self.h)

    def inset(self, dx: float, dy: float | None = None) -> Box:
        dy = dx if dy is None else dy
        return Box(self.x + dx, self.y + dy, self.w - 2 * dx, self.h - 2 * dy)

    def moved(self, dx: float, dy: float) -> Box:
        return Box(self.x + dx, self.y + dy, self.w, self.h)

    def union(self, other: Box) -> Box:
        x, y = min(self.x, other.x), min(self.y, other.y)
        return Box(x, y, max(self.right, other.right) - x, max(self.bottom, other.bottom) - y)


def box_at(point: Point, size: Point, anchor: str) -> Box:
    """The box of `size` whose `anchor` point is `point`."""
    fx, fy = COMPASS_FRACTIONS[anchor]
    return Box(point[0] - fx * size[0], point[1] - fy * size[1], size[0], size[1])


@dataclass(frozen=True, slots=True)
class Anchor:
    """A named point; (dx, dy) is the outward direction when the point sits on an edge."""

    x: float
    y: float
    dx: float = 0.0
    dy: float = 0.0

    @property
    def point(self) -> Point:
        return (self.x, self.y)


def compass_anchors(box: Box) -> dict[str, Anchor]:
    out = {}
    for name, (fx, fy) in COMPASS_FRACTIONS.items():
        dx, dy = (fx - 0.5) * 2, (fy - 0.5) * 2
        norm = math.hypot(dx, dy) or 1.0
        x, y = box.point(name)
        out[name] = Anchor(x, y, dx / norm, dy / norm)
    return out


@dataclass(frozen=True, slots=True)
class Prim:
    """One drawing operation. Colours are "RRGGBB" or None (not drawn).

    shape: rect (points = two corners, radius), ellipse (two corners), polygon (vertices),
    line (polyline, round caps), text (points = its anchor point, `align` a Pillow text anchor),
    image (two corners; `text` is the file path).
    """

    shape: str
    points: tuple[Point, ...]
    fill: str | None = None
    stroke: str | None = None
    width: float = 0.0
    radius: float = 0.0
    dash: tuple[float, ...] = ()
    opacity: float = 1.0
    text: str = ""
    family: str = "Arial"
    bold: bool = False
    size: float = 0.0
    align: str = "mm"
    owner: str = ""  # the item id: visibility follows it
    part: str = ""  # what `emphasize` matches: "src", "src.tools.render", "server.gate"


def rect(box: Box, **kw: Any) -> Prim:
    return Prim("rect", ((box.x, box.y), (box.right, box.bottom)), **kw)


def ellipse(box: Box, **kw: Any) -> Prim:
    return Prim("ellipse", ((box.x, box.y), (box.right, box.bottom)), **kw)


def polygon(points: list[Point], **kw: Any) -> Prim:
    return Prim("polygon", tuple(points), **kw)


def line(points: list[Point], **kw: Any) -> Prim:
    return Prim("line", tuple(points), **kw)


def prim_bounds(prim: Prim) -> Box:
    xs = [p[0] for p in prim.points]
    ys = [p[1] for p in prim.points]
    pad = prim.width / 2
    return Box(
        min(xs) - pad, min(ys) - pad, max(xs) - min(xs) + 2 * pad, max(ys) - min(ys) + 2 * pad
    )
