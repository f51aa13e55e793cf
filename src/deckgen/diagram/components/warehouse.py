"""A warehouse: a wide, low shed with a roller door, and racks whose shelves hold tool chips."""

from __future__ import annotations

from dataclasses import dataclass

from deckgen.diagram.components.base import (
    SIGN_PX,
    WHITE,
    Ctx,
    Drawn,
    Pen,
    TextLook,
    chip,
    chip_height,
    chip_width,
    edge,
    fit_size,
    font_from,
    font_look,
    item_label,
    look_of,
    measure,
    text_lines,
)
from deckgen.diagram.display import Anchor, Box, Prim, compass_anchors, line, polygon, rect
from deckgen.diagram.fields import show
from deckgen.diagram.spec import Item

WALL = "C9B99A"
MARGIN = 28.0  # wall to rack, rack to door, door to wall
UPRIGHT = 14.0  # a rack's upright
BEAM = 14.0  # a shelf's beam
WIDE = 1.45  # the building is at least this many times as wide as it is high


@dataclass(frozen=True, slots=True)
class _Plan:
    """The warehouse's measures at one scale, in canvas px."""

    scale: float
    chips: TextLook
    sign: TextLook
    cols: int
    rows: int
    col_w: float
    row_h: float
    sign_h: float
    door_w: float

    @property
    def rack_w(self) -> float:
        return self.cols * self.col_w + (self.cols + 1) * UPRIGHT * self.scale

    @property
    def rack_h(self) -> float:
        return self.rows * self.row_h

    @property
    def roof_h(self) -> float:
        return 0.07 * self.width

    @property
    def wall_h(self) -> float:
        top = self.sign_h + MARGIN * self.scale if self.sign_h else 0.0
        return MARGIN * self.scale + top + self.rack_h + MARGIN * self.scale

    @property
    def width(self) -> float:
        return 3 * MARGIN * self.scale + self.rack_w + self.door_w

    @property
    def height(self) -> float:
        return self.wall_h + self.roof_h


def _plan(item: Item, ctx: Ctx, scale: float) -> _Plan:
    chips = _chip_look(item, ctx, scale)
    sign = look_of(item, ctx, SIGN_PX, bold=True, scale=scale)
    rows = item.get("shelves", ())
    names = [name for row in rows for name, _ in row]
    col_w = max((chip_width(n, chips) for n in names), default=160.0 * scale) + 28 * scale
    label = item_label(item)
    plan = _Plan(
        scale, chips, sign, max((len(r) for r in rows), default=1), max(len(rows), 1), col_w,
        chip_height(chips) + BEAM * scale + 0.45 * chips.size, round(1.5 * sign.size) if label
        else 0.0, 0.0,
    )  # fmt: skip
    wall_h = plan.wall_h
    door_w = max(0.42 * wall_h, 0.2 * plan.width, 120 * scale)
    plan = _with_door(plan, door_w)
    if plan.width < WIDE * plan.height:  # never a tall house: the door grows until it is wide
        plan = _with_door(plan, door_w + (WIDE * wall_h - plan.width) / (1 - 0.07 * WIDE))
    if label:
        need = measure(label, sign) + sign.size + 2 * MARGIN * scale
        plan = _with_door(plan, plan.door_w + max(0.0, need - plan.width))
    return plan


def _with_door(plan: _Plan, door_w: float) -> _Plan:
    return _Plan(
        plan.scale, plan.chips, plan.sign, plan.cols, plan.rows, plan.col_w, plan.row_h,
        plan.sign_h, door_w,
    )  # fmt: skip


def natural_size(item: Item, ctx: Ctx) -> tuple[float, float]:
    """Wide and low: as wide as the racks, the door and the sign need, never taller than wide."""
    plan = _plan(item, ctx, 1.0)
    return (round(plan.width), round(plan.height))


def _chip_look(item: Item, ctx: Ctx, scale: float) -> TextLook:
    given = item.get("chip") or {}
    font = font_from(given.get("font"), item.style.font)
    return font_look(font, ctx, item.mark("chip" if "font" in given else "style"), scale=scale)


def draw(item: Item, box: Box, ctx: Ctx) -> Drawn:
    """The building at its own proportions, as large as fits `box`, standing on its bottom."""
    w, h = natural_size(item, ctx)
    plan = _plan(item, ctx, max(min(box.w / w, box.h / h), 0.2))
    if abs(box.w - plan.width) < 2:  # natural size, rounded: the door takes up the rest
        plan = _with_door(plan, plan.door_w + box.w - plan.width)
    width, height = plan.width, plan.height
    height = box.h if abs(box.h - height) < 1 else height  # natural size, rounded
    shed = Box(box.x + (box.w - width) / 2, box.bottom - height, width, height)
    pen = Pen(plan.scale)
    s = plan.scale
    wall = Box(shed.x, shed.bottom - plan.wall_h, shed.w, plan.wall_h)
    kw = {"owner": item.id, "part": item.id}
    roof_fill = ctx.color(item.style.fill, ctx.theme.color("vermillion")) or ctx.ink
    over = 0.03 * shed.w
    roof = [
        (wall.x - over, wall.y), (wall.x + 0.04 * shed.w, shed.y),
        (wall.right - 0.04 * shed.w, shed.y), (wall.right + over, wall.y),
    ]  # fmt: skip
    wall_fill = ctx.tint(WALL, 0.35)
    prims: list[Prim] = [
        rect(wall, **pen.shape(wall_fill), **kw),
        polygon(roof, **pen.shape(roof_fill), **kw),
    ]
    parts: dict[str, Box] = {}
    top = wall.y + MARGIN * s
    label = item_label(item)
    if label:
        room = Box(wall.x + MARGIN * s, top, wall.w - 2 * MARGIN * s, plan.sign_h)
        prims += _sign(ctx, item, label, room, plan.sign, pen)
        parts["sign"] = room
        top += plan.sign_h + MARGIN * s
    door = Box(wall.right - MARGIN * s - plan.door_w, top, plan.door_w, wall.bottom - top)
    door = Box(door.x, max(door.y, wall.bottom - 0.8 * wall.h), door.w, min(door.h, 0.8 * wall.h))
    prims += _door(ctx, door, pen, item.id)
    rack = Box(
        wall.x + MARGIN * s, wall.bottom - MARGIN * s - plan.rack_h, plan.rack_w, plan.rack_h
    )
    rack_prims, rack_parts = _racks(ctx, item, rack, plan, pen)
    prims += rack_prims
    parts.update(rack_parts)
    parts["tools"] = rack
    parts["door"] = door
    ground = edge(wall_fill, ctx.ink)
    prims.append(line([(shed.x - over, shed.bottom), (shed.right + over, shed.bottom)],
                      stroke=ground, width=pen.width, **kw))  # fmt: skip
    anchors = compass_anchors(shed)
    anchors["door"] = Anchor(shed.right, door.y + door.h / 2, 1, 0)
    anchors["roof"] = Anchor(shed.x + shed.w / 2, shed.y, 0, -1)
    anchors["tools"] = Anchor(*rack.center)
    return Drawn(tuple(prims), anchors, parts)


def _door(ctx: Ctx, door: Box, pen: Pen, owner: str) -> list[Prim]:
    """A roller door: a frame, and the shutter's slats across it."""
    fill = ctx.tint(ctx.theme.color("grey"), 0.25)
    slat = edge(fill)
    kw = {"owner": owner, "part": f"{owner}.door"}
    out = [rect(door, **pen.shape(fill), **kw)]
    count = max(3, round(door.h / (28 * pen.scale)))
    for i in range(1, count):
        y = door.y + door.h * i / count
        out.append(line([(door.x, y), (door.right, y)], stroke=slat, width=pen.width / 2, **kw))
    handle = Box(door.x + door.w / 2 - 0.12 * door.w, door.bottom - 0.09 * door.h,
                 0.24 * door.w, 0.035 * door.h)  # fmt: skip
    out.append(rect(handle, fill=slat, radius=pen.radius / 2, **kw))
    return out


def _sign(ctx: Ctx, item: Item, label: str, room: Box, look: TextLook, pen: Pen) -> list[Prim]:
    size, fits = fit_size(label, room.w - look.size, look, ctx.floor)
    if not fits:
        ctx.warn(item.mark("label"), f"label {show(label)} is wider than the warehouse sign")
    look = TextLook(look.family, size, look.bold)
    width = min(room.w, measure(label, look) + look.size)
    sign = Box(room.x + (room.w - width) / 2, room.y, width, room.h)
    return [
        rect(sign, **pen.shape(ctx.panel), radius=pen.radius, owner=item.id, part=item.id),
        *text_lines([label], sign.center, look, ctx.ink, item.id, item.id),
    ]


def _racks(
    ctx: Ctx, item: Item, rack: Box, plan: _Plan, pen: Pen
) -> tuple[list[Prim], dict[str, Box]]:
    """Uprights between the columns, a beam under each row, the chips standing on the beams."""
    s = plan.scale
    steel, beam = ctx.theme.color("blue"), ctx.theme.color("orange")  # pallet racking
    kw = {"owner": item.id, "part": item.id}
    prims: list[Prim] = [rect(rack, fill=ctx.tint(edge(WALL), 0.45), **kw)]  # the bay's shade
    beams = []
    for i in range(plan.rows):
        y = rack.y + (i + 1) * plan.row_h - BEAM * s
        beams.append(y)
        prims.append(rect(Box(rack.x, y, rack.w, BEAM * s), **pen.shape(beam), **kw))
    for j in range(plan.cols + 1):
        x = rack.x + j * (plan.col_w + UPRIGHT * s)
        prims.append(rect(Box(x, rack.y, UPRIGHT * s, rack.h), **pen.shape(steel), **kw))
    parts: dict[str, Box] = {}
    default_fill = ctx.color((item.get("chip") or {}).get("fill"), ctx.theme.color("sky")) or WHITE
    chip_h = chip_height(plan.chips)
    for i, row in enumerate(item.get("shelves", ())):
        for j, (name, fill) in enumerate(row):
            x = rack.x + UPRIGHT * s + j * (plan.col_w + UPRIGHT * s) + 8 * s
            chip_box = Box(x, beams[i] - chip_h, plan.col_w - 16 * s, chip_h)
            part = f"{item.id}.tools.{name}"
            color = ctx.color(fill, default_fill) or WHITE
            prims += chip(ctx, name, chip_box, color, item.id, part, item.mark("shelves"),
                          look=plan.chips, pen=pen)  # fmt: skip
            parts[f"tools.{name}"] = chip_box
    return prims, parts
