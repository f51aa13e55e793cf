"""A person: head, torso, arms and legs; a worker wears a yellow hard hat, a visitor does not."""

from __future__ import annotations

import math

from deckgen.diagram.components.base import Ctx, Drawn, Pen, edge, item_label, look_of, text_lines
from deckgen.diagram.display import (
    Anchor,
    Box,
    Point,
    Prim,
    compass_anchors,
    ellipse,
    line,
    polygon,
    rect,
)
from deckgen.diagram.spec import Item

SKIN = "F2D3B1"
HAT = "F0E442"


def natural_size(item: Item, ctx: Ctx) -> tuple[float, float]:
    return (84.0, 150.0 + _band(item, ctx))


def _band(item: Item, ctx: Ctx) -> float:
    """Room under the feet for the label."""
    return round(1.4 * look_of(item, ctx).size) if item_label(item) else 0.0


def figure(box: Box, color: str, worker: bool, owner: str, part: str, ink: str) -> list[Prim]:
    """The figure filling `box` (height drives the proportions), drawn like every pictogram:
    each part in its fill with a darker outline of the same hue; legs in the shirt's dark."""
    h = box.h
    cx, y = box.x + box.w / 2, box.y
    r = 0.11 * h
    head_y = y + 0.2 * h
    pen = Pen(h / 150)
    kw = {"owner": owner, "part": part}
    limb = 0.07 * h
    trousers = edge(color)
    out: list[Prim] = []
    for side in (-1, 1):
        leg = [(cx + side * 0.075 * h, y + 0.62 * h), (cx + side * 0.09 * h, y + 0.97 * h)]
        out.append(line(leg, stroke=trousers, width=limb, **kw))
    for side in (-1, 1):
        arm = [(cx + side * 0.14 * h, y + 0.4 * h), (cx + side * 0.24 * h, y + 0.63 * h)]
        out.append(line(arm, stroke=trousers, width=limb + 2 * pen.width, **kw))
        out.append(line(arm, stroke=color, width=limb, **kw))
    torso = Box(cx - 0.16 * h, y + 0.34 * h, 0.32 * h, 0.34 * h)
    out.append(rect(torso, **pen.shape(color), radius=0.07 * h, **kw))
    out.append(ellipse(Box(cx - r, head_y - r, 2 * r, 2 * r), **pen.shape(SKIN), **kw))
    if worker:
        out += hard_hat((cx, head_y - 0.25 * r), r, owner, part, pen)
    return out


def hard_hat(center: Point, r: float, owner: str, part: str, pen: Pen) -> list[Prim]:
    cx, cy = center
    dome = [
        (cx + 1.05 * r * math.cos(a), cy - 1.05 * r * math.sin(a)) for a in _arc(0, math.pi, 16)
    ]
    brim = Box(cx - 1.4 * r, cy - 0.05 * r, 2.8 * r, 0.28 * r)
    return [
        polygon(dome, **pen.shape(HAT), owner=owner, part=part),
        rect(brim, **pen.shape(HAT), radius=0.1 * r, owner=owner, part=part),
    ]


def _arc(start: float, end: float, n: int) -> list[float]:
    return [start + (end - start) * i / n for i in range(n + 1)]


def draw(item: Item, box: Box, ctx: Ctx) -> Drawn:
    label = item_label(item)
    band = _band(item, ctx)
    body = Box(box.x, box.y, box.w, box.h - band)
    color = ctx.color(item.style.color or item.style.fill, ctx.theme.color("blue")) or ctx.ink
    worker = item.get("role", "worker") == "worker"
    prims = figure(body, color, worker, item.id, item.id, ctx.ink)
    if label:
        center = (box.x + box.w / 2, body.bottom + band / 2 + 4)
        prims += text_lines([label], center, look_of(item, ctx), ctx.ink, item.id, item.id)
    anchors = compass_anchors(box)
    anchors["head"] = Anchor(box.x + box.w / 2, body.y + 0.2 * body.h, 0, -1)
    anchors["feet"] = Anchor(box.x + box.w / 2, body.bottom, 0, 1)
    return Drawn(tuple(prims), anchors)
