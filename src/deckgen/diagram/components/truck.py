"""A truck: a cargo box of tool chips, a cab with a window, three wheels; facing right or left."""

from __future__ import annotations

from deckgen.diagram.components.base import (
    INK,
    WHITE,
    Ctx,
    Drawn,
    TextLook,
    chip,
    chip_width,
    item_label,
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

CAB = "D9D9D9"
HUB = "BBBBBB"
BODY_H = 200.0
LABEL_BAND = 52.0
BOX_SHARE = 0.72
CHIP_H = 46.0
CHIP_GAP = 10.0
PAD = 20.0


def natural_size(item: Item, ctx: Ctx) -> tuple[float, float]:
    cargo = item.get("cargo", ())
    row = sum(chip_width(name) for name in cargo) + CHIP_GAP * max(len(cargo) - 1, 0)
    box_w = max(300.0, row + 2 * PAD + 4)
    return (round(box_w / BOX_SHARE), BODY_H + (LABEL_BAND if item_label(item) else 0.0))


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
    th = box.h - (LABEL_BAND if label else 0.0)
    w = box.w
    f = _Frame(box, item.get("facing", "right") == "left")
    r = 0.14 * th
    bottom = th - 1.3 * r
    kw = {"owner": item.id, "part": item.id}
    cargo_box = f.b(0, 0, BOX_SHARE * w, bottom)
    fill = ctx.color(item.style.fill, ctx.theme.color("orange"))
    cab_x = BOX_SHARE * w + 0.02 * w
    prims: list[Prim] = [
        rect(f.b(0.02 * w, bottom - 4, 0.96 * w, 0.06 * th), fill=INK, radius=4, **kw),
        rect(
            cargo_box,
            fill=fill,
            stroke=INK,
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
            fill=CAB,
            stroke=INK,
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
            stroke=INK,
            width=2,
            owner=item.id,
            part=f"{item.id}.cab",
        ),
    ]
    for wx in (0.14 * w, 0.3 * w, 0.88 * w):
        cx, cy = f.p(wx, th - r)
        prims.append(ellipse(Box(cx - r, cy - r, 2 * r, 2 * r), fill=INK, **kw))
        prims.append(ellipse(Box(cx - 0.45 * r, cy - 0.45 * r, 0.9 * r, 0.9 * r), fill=HUB, **kw))
    cargo_prims, parts = _cargo(ctx, item, cargo_box.inset(PAD, 16))
    prims += cargo_prims
    if label:
        prims += text_lines(
            [label],
            (box.x + w / 2, box.y + th + LABEL_BAND / 2 + 4),
            TextLook(),
            INK,
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


def _cargo(ctx: Ctx, item: Item, room: Box) -> tuple[list[Prim], dict[str, Box]]:
    """Chips in rows, left to right, wrapping when a row is full; centred in the box."""
    rows: list[list[tuple[str, float]]] = [[]]
    used = 0.0
    for name in item.get("cargo", ()):
        width = min(chip_width(name), room.w)
        if rows[-1] and used + CHIP_GAP + width > room.w:
            rows.append([])
            used = 0.0
        used += (CHIP_GAP if rows[-1] else 0.0) + width
        rows[-1].append((name, width))
    height = len(rows) * CHIP_H + (len(rows) - 1) * CHIP_GAP
    y = room.y + (room.h - height) / 2
    prims: list[Prim] = []
    parts: dict[str, Box] = {}
    for row in rows:
        total = sum(w for _, w in row) + CHIP_GAP * (len(row) - 1)
        x = room.x + (room.w - total) / 2
        for name, width in row:
            chip_box = Box(x, y, width, CHIP_H)
            prims += chip(
                ctx, name, chip_box, WHITE, item.id, f"{item.id}.cargo.{name}", item.mark("cargo")
            )
            parts[f"cargo.{name}"] = chip_box
            x += width + CHIP_GAP
        y += CHIP_H + CHIP_GAP
    return prims, parts
