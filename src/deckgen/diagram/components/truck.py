"""A truck: a cargo box of tool chips, a cab with a window, three wheels; facing right or left."""

from __future__ import annotations

from deckgen.diagram.components.base import (
    WHITE,
    Ctx,
    Drawn,
    Pen,
    TextLook,
    chip,
    chip_height,
    chip_width,
    font_from,
    font_look,
    item_label,
    look_of,
    text_lines,
)
from deckgen.diagram.display import (
    Anchor,
    Box,
    Point,
    Prim,
    compass_anchors,
    ellipse,
    polygon,
    rect,
)
from deckgen.diagram.spec import Item

TYRE = "333333"
HUB = "BBBBBB"
LENGTH = 760.0  # every truck's length, unless its size is given
BOX_SHARE = 0.72  # of the length: the cargo box; the cab is joined to it and takes the rest
MIN_BOX_H = 190.0
WHEEL = 0.06  # a wheel's radius, as a share of the length: the same wheels for every cargo


def natural_size(item: Item, ctx: Ctx) -> tuple[float, float]:
    """The same length for every truck; the cargo box as tall as its rows of chips need."""
    look = _chip_look(item, ctx, 1.0)
    room = BOX_SHARE * LENGTH - 2 * _pad(look)
    rows = len(_rows(item, look, room))
    height = rows * chip_height(look) + (rows - 1) * _gap(look) + 2 * _pad(look)
    box_h = max(MIN_BOX_H, height + _wheel_top(LENGTH))
    return (LENGTH, round(box_h + _under(LENGTH)) + _band(item, ctx, 1.0))


def _wheel_top(length: float) -> float:
    """How far the wheels reach up into the cargo box: the chips stay above it."""
    return 0.5 * WHEEL * length


def _under(length: float) -> float:
    """Below the cargo box: the chassis and the lower half of the wheels."""
    return 1.5 * WHEEL * length


def _chip_look(item: Item, ctx: Ctx, scale: float) -> TextLook:
    given = item.get("chip") or {}
    font = font_from(given.get("font"), item.style.font)
    return font_look(font, ctx, item.mark("chip" if "font" in given else "style"), scale=scale)


def _label_look(item: Item, ctx: Ctx, scale: float) -> TextLook:
    return look_of(item, ctx, bold=True, scale=scale)


def _band(item: Item, ctx: Ctx, scale: float) -> float:
    """The band under the wheels that holds the label."""
    return round(1.7 * _label_look(item, ctx, scale).size) if item_label(item) else 0.0


def _gap(look: TextLook) -> float:
    return round(0.25 * look.size)


def _pad(look: TextLook) -> float:
    return round(0.3 * look.size)


def _scale(item: Item, box: Box, ctx: Ctx) -> float:
    """A truck drawn taller than its natural height carries larger chips and label."""
    return box.h / natural_size(item, ctx)[1]


class _Frame:
    """Local truck coordinates (facing right) -> canvas, mirrored when facing left."""

    def __init__(self, box: Box, left: bool) -> None:
        self.box, self.left = box, left

    def p(self, x: float, y: float) -> Point:
        return (self.box.right - x if self.left else self.box.x + x, self.box.y + y)

    def b(self, x: float, y: float, w: float, h: float) -> Box:
        x0 = self.box.right - x - w if self.left else self.box.x + x
        return Box(x0, self.box.y + y, w, h)


def draw(item: Item, box: Box, ctx: Ctx) -> Drawn:
    """A cargo box and a cab joined on one chassis, two wheels under the box and one under the
    cab, all standing on the label's band."""
    scale = _scale(item, box, ctx)
    band = _band(item, ctx, scale)
    w = box.w
    h = box.h - band - _under(w)  # the cargo box's height
    pen = Pen(scale)
    f = _Frame(box, item.get("facing", "right") == "left")
    kw = {"owner": item.id, "part": item.id}
    fill = ctx.color(item.style.fill, ctx.theme.color("orange")) or ctx.ink
    cab_fill = ctx.tint(ctx.theme.color("grey"), 0.35)
    glass = ctx.theme.color("sky")
    split = BOX_SHARE * w
    cargo_box = f.b(0, 0, split, h)
    r = WHEEL * w
    chassis = f.b(0.02 * w, h - 0.1 * r, 0.97 * w, 0.45 * r)
    cab = [(split, h), (split, 0.3 * h), (0.86 * w, 0.3 * h), (w, 0.58 * h), (w, h)]
    window = [
        (split + 0.03 * w, 0.38 * h), (0.845 * w, 0.38 * h),
        (0.93 * w, 0.56 * h), (split + 0.03 * w, 0.56 * h),
    ]  # fmt: skip
    cab_part = {"owner": item.id, "part": f"{item.id}.cab"}
    prims: list[Prim] = [
        rect(chassis, **pen.shape(TYRE), radius=pen.radius / 2, **kw),
        polygon([f.p(x, y) for x, y in cab], **pen.shape(cab_fill), **cab_part),
        polygon([f.p(x, y) for x, y in window], **pen.shape(glass), **cab_part),
        rect(f.b(0.985 * w, 0.8 * h, 0.03 * w, 0.16 * h), **pen.shape(cab_fill), **cab_part),
        rect(cargo_box, **pen.shape(fill), radius=pen.radius, owner=item.id,
             part=f"{item.id}.cargo"),
    ]  # fmt: skip
    for wx in (0.12 * w, 0.27 * w, 0.86 * w):
        cx, cy = f.p(wx, h + 0.5 * r)
        prims.append(ellipse(Box(cx - r, cy - r, 2 * r, 2 * r), **pen.shape(TYRE), **kw))
        prims.append(ellipse(Box(cx - 0.45 * r, cy - 0.45 * r, 0.9 * r, 0.9 * r), fill=HUB, **kw))
    look = _chip_look(item, ctx, scale)
    room = cargo_box.inset(_pad(look))
    room = Box(room.x, room.y, room.w, room.h - _wheel_top(w))
    cargo_prims, parts = _cargo(ctx, item, room, look, pen)
    prims += cargo_prims
    label = item_label(item)
    if label:
        center = (box.x + w / 2, box.bottom - band / 2 + 0.1 * band)
        prims += text_lines([label], center, _label_look(item, ctx, scale), ctx.ink, item.id,
                            item.id)  # fmt: skip
    parts["cargo"] = cargo_box
    parts["cab"] = f.b(split, 0.3 * h, w - split, 0.7 * h)
    anchors = compass_anchors(box)
    back_x, _ = f.p(0, 0)
    front_x, _ = f.p(w, 0)
    side = -1.0 if f.left else 1.0
    anchors["back"] = Anchor(back_x, box.y + h / 2, -side, 0)
    anchors["front"] = Anchor(front_x, box.y + 0.75 * h, side, 0)
    anchors["cab"] = Anchor(*parts["cab"].center)
    anchors["cargo"] = Anchor(*cargo_box.center)
    return Drawn(tuple(prims), anchors, parts)


def _rows(item: Item, look: TextLook, room: float) -> list[list[tuple[str, str | None, float]]]:
    """The cargo's chips in rows, left to right, a new row when one is full."""
    gap = _gap(look)
    rows: list[list[tuple[str, str | None, float]]] = [[]]
    used = 0.0
    for name, fill in item.get("cargo", ()):
        width = min(chip_width(name, look), room)
        if rows[-1] and used + gap + width > room:
            rows.append([])
            used = 0.0
        used += (gap if rows[-1] else 0.0) + width
        rows[-1].append((name, fill, width))
    return rows


def _cargo(
    ctx: Ctx, item: Item, room: Box, look: TextLook, pen: Pen
) -> tuple[list[Prim], dict[str, Box]]:
    """Chips in rows, centred in the box."""
    gap, chip_h = _gap(look), chip_height(look)
    rows = _rows(item, look, room.w)
    height = len(rows) * chip_h + (len(rows) - 1) * gap
    y = room.y + (room.h - height) / 2
    default_fill = ctx.color((item.get("chip") or {}).get("fill"), ctx.panel) or ctx.panel
    prims: list[Prim] = []
    parts: dict[str, Box] = {}
    for row in rows:
        total = sum(w for _, _, w in row) + gap * (len(row) - 1)
        x = room.x + (room.w - total) / 2
        for name, fill, width in row:
            chip_box = Box(x, y, width, chip_h)
            part = f"{item.id}.cargo.{name}"
            color = ctx.color(fill, default_fill) or WHITE
            prims += chip(ctx, name, chip_box, color, item.id, part, item.mark("cargo"),
                          look=look, pen=pen)  # fmt: skip
            parts[f"cargo.{name}"] = chip_box
            x += width + gap
        y += chip_h + gap
    return prims, parts
