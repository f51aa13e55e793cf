"""A warehouse: gable roof over a building whose shelves hold named tool chips."""

from __future__ import annotations

from deckgen.diagram.components.base import (
    INK,
    WHITE,
    Ctx,
    Drawn,
    TextLook,
    chip,
    fit_size,
    item_label,
    text_lines,
)
from deckgen.diagram.display import Anchor, Box, Prim, compass_anchors, polygon, rect
from deckgen.diagram.spec import Item

WALL = "F2EDE4"
PLANK = "8B5A2B"
ROOF_SHARE = 0.22


def natural_size(item: Item, ctx: Ctx) -> tuple[float, float]:
    return (460.0, 480.0)


def draw(item: Item, box: Box, ctx: Ctx) -> Drawn:
    roof_h = ROOF_SHARE * box.h
    body = Box(box.x, box.y + roof_h, box.w, box.h - roof_h)
    over = 0.05 * box.w
    roof = [(box.x - over, body.y), (box.x + box.w / 2, box.y), (box.right + over, body.y)]
    kw = {"owner": item.id, "part": item.id}
    prims: list[Prim] = [
        rect(body, fill=WALL, stroke=INK, width=3, **kw),
        polygon(
            roof,
            fill=ctx.color(item.style.fill, ctx.theme.color("vermillion")),
            stroke=INK,
            width=3,
            **kw,
        ),
    ]
    top = body.y + 16
    label = item_label(item)
    if label:
        sign = _sign(ctx, item, label, Box(body.x + 24, top, body.w - 48, 52))
        prims += sign
        top += 52 + 12
    shelves = Box(body.x + 24, top, body.w - 48, body.bottom - 18 - top)
    tool_prims, parts = _shelves(ctx, item, shelves)
    prims += tool_prims
    parts["tools"] = shelves
    anchors = compass_anchors(box)
    anchors["door"] = Anchor(body.right, body.y + body.h * 0.6, 1, 0)
    anchors["roof"] = Anchor(box.x + box.w / 2, box.y, 0, -1)
    anchors["tools"] = Anchor(*shelves.center)
    return Drawn(tuple(prims), anchors, parts)


def _sign(ctx: Ctx, item: Item, label: str, room: Box) -> list[Prim]:
    look = TextLook(size=30, bold=True)
    size, fits = fit_size(label, room.w - 24, look)
    if not fits:
        ctx.warn(item.mark("label"), f"label '{label}' is wider than the warehouse sign")
    look = TextLook(size=size, bold=True)
    from deckgen.diagram.components.base import measure

    width = min(room.w, measure(label, look) + 40)
    sign = Box(room.x + (room.w - width) / 2, room.y, width, room.h)
    return [
        rect(sign, fill=WHITE, stroke=INK, width=3, radius=6, owner=item.id, part=item.id),
        *text_lines([label], sign.center, look, INK, item.id, item.id),
    ]


def _shelves(ctx: Ctx, item: Item, area: Box) -> tuple[list[Prim], dict[str, Box]]:
    rows = item.get("shelves", ())
    prims: list[Prim] = []
    parts: dict[str, Box] = {}
    if not rows:
        return prims, parts
    row_h = area.h / len(rows)
    fill = ctx.theme.color("sky")
    for i, row in enumerate(rows):
        plank_y = area.y + (i + 1) * row_h - 8
        prims.append(
            rect(Box(area.x - 8, plank_y, area.w + 16, 9), fill=PLANK, owner=item.id, part=item.id)
        )
        if not row:
            continue
        gap = 10.0
        chip_w = (area.w - gap * (len(row) - 1)) / len(row)
        chip_h = min(54.0, row_h - 22)
        for j, name in enumerate(row):
            chip_box = Box(area.x + j * (chip_w + gap), plank_y - chip_h - 2, chip_w, chip_h)
            part = f"{item.id}.tools.{name}"
            prims += chip(ctx, name, chip_box, fill, item.id, part, item.mark("shelves"))
            parts[f"tools.{name}"] = chip_box
    return prims, parts
