"""A warehouse: gable roof over a building whose shelves hold named tool chips."""

from __future__ import annotations

from deckgen.diagram.components.base import (
    SIGN_PX,
    WHITE,
    Ctx,
    Drawn,
    TextLook,
    chip,
    chip_height,
    chip_width,
    fit_size,
    font_from,
    font_look,
    item_label,
    look_of,
    measure,
    text_lines,
)
from deckgen.diagram.display import Anchor, Box, Prim, compass_anchors, polygon, rect
from deckgen.diagram.fields import show
from deckgen.diagram.spec import Item

WALL = "C9B99A"
PLANK = "8B5A2B"
ROOF_SHARE = 0.22
MIN_W = 460.0
SIDE = 24.0  # wall to shelf
GAP = 12.0  # between chips in a row
HEADROOM = 30.0  # a shelf's row above its chips, plank included


def natural_size(item: Item, ctx: Ctx) -> tuple[float, float]:
    """Wide enough for the widest shelf and the sign; tall enough for every row of chips."""
    chips = _chip_look(item, ctx, 1.0)
    rows = item.get("shelves", ())
    widest = max((_row_width(row, chips) for row in rows), default=0.0)
    width = max(MIN_W, widest + 2 * SIDE)
    body = 16 + len(rows) * (chip_height(chips) + HEADROOM) + 18
    label = item_label(item)
    if label:
        sign = _sign_look(item, ctx, 1.0)
        width = max(width, measure(label, sign) + sign.size + 2 * SIDE)
        body += _sign_height(sign) + 12
    return (round(width), round(max(body, 320.0) / (1 - ROOF_SHARE)))


def _row_width(row: tuple[tuple[str, str | None], ...], look: TextLook) -> float:
    """Chips in a row share one width: the widest name's."""
    if not row:
        return 0.0
    return len(row) * max(chip_width(name, look) for name, _ in row) + GAP * (len(row) - 1)


def _scale(item: Item, box: Box, ctx: Ctx) -> float:
    """How much larger than its natural size the warehouse is drawn: its text grows with it."""
    w, h = natural_size(item, ctx)
    return min(box.w / w, box.h / h)


def _chip_look(item: Item, ctx: Ctx, scale: float) -> TextLook:
    given = item.get("chip") or {}
    font = font_from(given.get("font"), item.style.font)
    return font_look(font, ctx, item.mark("chip" if "font" in given else "style"), scale=scale)


def _sign_look(item: Item, ctx: Ctx, scale: float) -> TextLook:
    return look_of(item, ctx, SIGN_PX, bold=True, scale=scale)


def _sign_height(look: TextLook) -> float:
    return round(1.5 * look.size)


def draw(item: Item, box: Box, ctx: Ctx) -> Drawn:
    scale = _scale(item, box, ctx)
    roof_h = ROOF_SHARE * box.h
    body = Box(box.x, box.y + roof_h, box.w, box.h - roof_h)
    over = 0.05 * box.w
    roof = [(box.x - over, body.y), (box.x + box.w / 2, box.y), (box.right + over, body.y)]
    kw = {"owner": item.id, "part": item.id}
    prims: list[Prim] = [
        rect(body, fill=ctx.tint(WALL, 0.55), stroke=ctx.ink, width=3, **kw),
        polygon(
            roof,
            fill=ctx.color(item.style.fill, ctx.theme.color("vermillion")),
            stroke=ctx.ink,
            width=3,
            **kw,
        ),
    ]
    top = body.y + 16
    label = item_label(item)
    if label:
        look = _sign_look(item, ctx, scale)
        height = _sign_height(look)
        prims += _sign(ctx, item, label, Box(body.x + SIDE, top, body.w - 2 * SIDE, height), look)
        top += height + 12
    shelves = Box(body.x + SIDE, top, body.w - 2 * SIDE, body.bottom - 18 - top)
    tool_prims, parts = _shelves(ctx, item, shelves, _chip_look(item, ctx, scale))
    prims += tool_prims
    parts["tools"] = shelves
    anchors = compass_anchors(box)
    anchors["door"] = Anchor(body.right, body.y + body.h * 0.6, 1, 0)
    anchors["roof"] = Anchor(box.x + box.w / 2, box.y, 0, -1)
    anchors["tools"] = Anchor(*shelves.center)
    return Drawn(tuple(prims), anchors, parts)


def _sign(ctx: Ctx, item: Item, label: str, room: Box, look: TextLook) -> list[Prim]:
    size, fits = fit_size(label, room.w - look.size, look, ctx.floor)
    if not fits:
        ctx.warn(item.mark("label"), f"label {show(label)} is wider than the warehouse sign")
    look = TextLook(look.family, size, look.bold)
    width = min(room.w, measure(label, look) + look.size)
    sign = Box(room.x + (room.w - width) / 2, room.y, width, room.h)
    return [
        rect(sign, fill=ctx.panel, stroke=ctx.ink, width=3, radius=6, owner=item.id, part=item.id),
        *text_lines([label], sign.center, look, ctx.ink, item.id, item.id),
    ]


def _shelves(ctx: Ctx, item: Item, area: Box, look: TextLook) -> tuple[list[Prim], dict[str, Box]]:
    rows = item.get("shelves", ())
    prims: list[Prim] = []
    parts: dict[str, Box] = {}
    if not rows:
        return prims, parts
    row_h = area.h / len(rows)
    default_fill = ctx.color((item.get("chip") or {}).get("fill"), ctx.theme.color("sky")) or WHITE
    for i, row in enumerate(rows):
        plank_y = area.y + (i + 1) * row_h - 8
        prims.append(
            rect(Box(area.x - 8, plank_y, area.w + 16, 9), fill=PLANK, owner=item.id, part=item.id)
        )
        if not row:
            continue
        chip_w = (area.w - GAP * (len(row) - 1)) / len(row)
        chip_h = min(chip_height(look), row_h - 22)
        for j, (name, fill) in enumerate(row):
            chip_box = Box(area.x + j * (chip_w + GAP), plank_y - chip_h - 2, chip_w, chip_h)
            part = f"{item.id}.tools.{name}"
            color = ctx.color(fill, default_fill) or WHITE
            prims += chip(
                ctx, name, chip_box, color, item.id, part, item.mark("shelves"), look=look
            )
            parts[f"tools.{name}"] = chip_box
    return prims, parts
