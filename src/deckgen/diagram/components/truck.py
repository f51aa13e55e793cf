"""A truck: a cargo box of tool chips, a cab with a window, three wheels; facing right or left."""

from __future__ import annotations

from deckgen.diagram.components.base import (
    WHITE,
    Ctx,
    Drawn,
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
BODY_H = 200.0
BOX_SHARE = 0.72


def natural_size(item: Item, ctx: Ctx) -> tuple[float, float]:
    """Long enough for the cargo on one row; the label (if any) in a band under the wheels."""
    look = _chip_look(item, ctx, 1.0)
    cargo = item.get("cargo", ())
    gap = _gap(look)
    row = sum(chip_width(name, look) for name, _ in cargo) + gap * max(len(cargo) - 1, 0)
    box_w = max(300.0, row + 2 * _pad(look) + 4)
    return (round(box_w / BOX_SHARE), BODY_H + _band(item, ctx, 1.0))


def _chip_look(item: Item, ctx: Ctx, scale: float) -> TextLook:
    given = item.get("chip") or {}
    font = font_from(given.get("font"), item.style.font)
    return font_look(font, ctx, item.mark("chip" if "font" in given else "style"), scale=scale)


def _label_look(item: Item, ctx: Ctx, scale: float) -> TextLook:
    return look_of(item, ctx, bold=True, scale=scale)


def _band(item: Item, ctx: Ctx, scale: float) -> float:
    """The band under the wheels that holds the label."""
    return round(1.5 * _label_look(item, ctx, scale).size) if item_label(item) else 0.0


def _gap(look: TextLook) -> float:
    return round(0.25 * look.size)


def _pad(look: TextLook) -> float:
    return round(0.5 * look.size)


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
    label = item_label(item)
    scale = _scale(item, box, ctx)
    band = _band(item, ctx, scale)
    th = box.h - band
    w = box.w
    f = _Frame(box, item.get("facing", "right") == "left")
    r = 0.14 * th
    bottom = th - 1.3 * r
    kw = {"owner": item.id, "part": item.id}
    cargo_box = f.b(0, 0, BOX_SHARE * w, bottom)
    fill = ctx.color(item.style.fill, ctx.theme.color("orange"))
    cab_x = BOX_SHARE * w + 0.02 * w
    prims: list[Prim] = [
        rect(
            f.b(0.02 * w, bottom - 4, 0.96 * w, 0.06 * th),
            fill=TYRE,
            stroke=ctx.ink,
            width=2,
            radius=4,
            **kw,
        ),
        rect(
            cargo_box,
            fill=fill,
            stroke=ctx.ink,
            width=3,
            radius=10,
            owner=item.id,
            part=f"{item.id}.cargo",
        ),
        polygon(
            [
                f.p(cab_x, bottom),
                f.p(cab_x, 0.3 * th),
                f.p(0.88 * w, 0.3 * th),
                f.p(w, 0.56 * th),
                f.p(w, bottom),
            ],
            fill=ctx.tint(ctx.theme.color("grey"), 0.5),
            stroke=ctx.ink,
            width=3,
            owner=item.id,
            part=f"{item.id}.cab",
        ),
        polygon(
            [
                f.p(cab_x + 0.03 * w, 0.36 * th),
                f.p(0.865 * w, 0.36 * th),
                f.p(0.955 * w, 0.54 * th),
                f.p(cab_x + 0.03 * w, 0.54 * th),
            ],
            fill=ctx.theme.color("sky"),
            stroke=ctx.ink,
            width=2,
            owner=item.id,
            part=f"{item.id}.cab",
        ),
    ]
    for wx in (0.14 * w, 0.3 * w, 0.88 * w):
        cx, cy = f.p(wx, th - r)
        prims.append(
            ellipse(Box(cx - r, cy - r, 2 * r, 2 * r), fill=TYRE, stroke=ctx.ink, width=2, **kw)
        )
        prims.append(ellipse(Box(cx - 0.45 * r, cy - 0.45 * r, 0.9 * r, 0.9 * r), fill=HUB, **kw))
    look = _chip_look(item, ctx, scale)
    cargo_prims, parts = _cargo(ctx, item, cargo_box.inset(_pad(look), 0.08 * th), look)
    prims += cargo_prims
    if label:
        prims += text_lines(
            [label],
            (box.x + w / 2, box.y + th + band / 2 + 4),
            _label_look(item, ctx, scale),
            ctx.ink,
            item.id,
            item.id,
        )
    parts["cargo"] = cargo_box
    parts["cab"] = f.b(cab_x, 0.3 * th, w - cab_x, bottom - 0.3 * th)
    anchors = compass_anchors(box)
    back_x, _ = f.p(0, 0)
    front_x, _ = f.p(w, 0)
    side = -1.0 if f.left else 1.0
    anchors["back"] = Anchor(back_x, box.y + bottom / 2, -side, 0)
    anchors["front"] = Anchor(front_x, box.y + 0.7 * th, side, 0)
    anchors["cab"] = Anchor(*parts["cab"].center)
    anchors["cargo"] = Anchor(*cargo_box.center)
    return Drawn(tuple(prims), anchors, parts)


def _cargo(ctx: Ctx, item: Item, room: Box, look: TextLook) -> tuple[list[Prim], dict[str, Box]]:
    """Chips in rows, left to right, wrapping when a row is full; centred in the box."""
    gap, chip_h = _gap(look), chip_height(look)
    rows: list[list[tuple[str, str | None, float]]] = [[]]
    used = 0.0
    for name, fill in item.get("cargo", ()):
        width = min(chip_width(name, look), room.w)
        if rows[-1] and used + gap + width > room.w:
            rows.append([])
            used = 0.0
        used += (gap if rows[-1] else 0.0) + width
        rows[-1].append((name, fill, width))
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
            prims += chip(ctx, name, chip_box, color, item.id, part, item.mark("cargo"), look=look)
            parts[f"cargo.{name}"] = chip_box
            x += width + gap
        y += chip_h + gap
    return prims, parts
