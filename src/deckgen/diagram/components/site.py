"""A job site: fenced all round with a gated entrance and workers, or open with visitors."""

from __future__ import annotations

import math

from deckgen.diagram.components.base import (
    SIGN_PX,
    Ctx,
    Drawn,
    Pen,
    TextLook,
    fit_size,
    font_from,
    font_look,
    item_label,
    look_of,
    measure,
    text_lines,
)
from deckgen.diagram.components.fence import SWING, fence_prims, gate_prims, point_at
from deckgen.diagram.components.person import figure
from deckgen.diagram.display import Anchor, Box, Point, Prim, compass_anchors, rect
from deckgen.diagram.fields import show
from deckgen.diagram.spec import Item

GATE_BAND = 64.0
PERSON_ASPECT = 0.6  # a figure's width to its height
DIRS = {"n": (0.0, -1.0), "e": (1.0, 0.0), "s": (0.0, 1.0), "w": (-1.0, 0.0)}


def natural_size(item: Item, ctx: Ctx) -> tuple[float, float]:
    return (780.0, 460.0)


def draw(item: Item, box: Box, ctx: Ctx) -> Drawn:
    fenced = item.get("fenced", True)
    kw = {"owner": item.id, "part": item.id}
    ground = ctx.theme.color("sky" if fenced else "yellow")
    fill = ctx.color(item.style.fill, ctx.tint(ground, 0.86))
    prims: list[Prim] = []
    parts: dict[str, Box] = {}
    anchors = compass_anchors(box)
    if fenced:
        prims.append(rect(box, fill=fill, **kw))
    else:
        stroke = ctx.color(item.style.stroke, ctx.theme.color("grey"))
        prims.append(rect(box, fill=fill, stroke=stroke, width=4, radius=28, dash=(20, 12), **kw))
    prims += _sign(ctx, item, box)
    gate = item.get("gate") if fenced else None
    if fenced:
        prims += _fence(ctx, item, box, gate, anchors, parts)
    people_box = _people_room(ctx, item, box, gate)
    prims += _people(ctx, item, people_box, parts)
    parts["fence"] = box
    anchors["inside"] = Anchor(*people_box.center)
    anchors["fence"] = Anchor(*box.center)
    anchors["people"] = Anchor(*people_box.center)
    anchors.setdefault("gate", anchors["s"])
    return Drawn(tuple(prims), anchors, parts)


def _sign_look(ctx: Ctx, item: Item) -> TextLook:
    return look_of(item, ctx, SIGN_PX, bold=True)


def _sign_band(ctx: Ctx, item: Item) -> float:
    """The strip along the top that holds the sign board (with room around it)."""
    return round(1.5 * _sign_look(ctx, item).size) + 28 if item_label(item) else 0.0


def _gate_look(ctx: Ctx, item: Item, gate: dict[str, object]) -> TextLook:
    font = font_from(gate.get("font"), item.style.font)  # type: ignore[arg-type]
    return font_look(font, ctx, item.mark("gate"))


def _sign(ctx: Ctx, item: Item, box: Box) -> list[Prim]:
    """A white board centred at the top; it grows with its text, shrinking only to fit the site."""
    label = item_label(item)
    if not label:
        return []
    look = _sign_look(ctx, item)
    size, fits = fit_size(label, box.w - 80 - look.size * 0.75, look, ctx.floor)
    if not fits:
        ctx.warn(
            item.mark("label"), f"label {show(label)} is wider than the sign of site '{item.id}'"
        )
    look = TextLook(look.family, size, look.bold)
    height = round(1.5 * look.size)
    center = (box.x + box.w / 2, box.y + 14 + height / 2)
    width = measure(label, look) + look.size * 0.75
    board = Box(center[0] - width / 2, center[1] - height / 2, width, height)
    return [
        rect(board, fill=ctx.panel, stroke=ctx.ink, width=3, radius=8, owner=item.id, part=item.id),
        *text_lines([label], center, look, ctx.ink, item.id, item.id),
    ]


def _perimeter(box: Box, side: str, at: float) -> tuple[list[Point], float]:
    """The closed outline (clockwise from the top-left corner) and the gate's arc position."""
    w, h = box.w, box.h
    pts = [
        (box.x, box.y),
        (box.right, box.y),
        (box.right, box.bottom),
        (box.x, box.bottom),
        (box.x, box.y),
    ]
    position = {
        "n": at * w,
        "e": w + at * h,
        "s": w + h + (1 - at) * w,
        "w": 2 * w + h + (1 - at) * h,
    }
    return pts, position[side]


def _fence(
    ctx: Ctx,
    item: Item,
    box: Box,
    gate: dict[str, object] | None,
    anchors: dict[str, Anchor],
    parts: dict[str, Box],
) -> list[Prim]:
    if gate is None:
        pts, _ = _perimeter(box, "s", 0.5)
        return fence_prims(pts, None, item.id, f"{item.id}.fence", Pen())
    side = str(gate.get("side", "s"))
    at = float(gate.get("at", 0.5))  # type: ignore[arg-type]
    width = float(gate.get("width", 150.0))  # type: ignore[arg-type]
    pts, mid = _perimeter(box, side, at)
    gap = (mid - width / 2, mid + width / 2)
    prims = fence_prims(pts, gap, item.id, f"{item.id}.fence", Pen())
    part = f"{item.id}.gate"
    prims += gate_prims(pts, gap, item.id, Pen(), ctx)
    gx, gy = point_at(pts, mid)
    dx, dy = DIRS[side]
    anchors["gate"] = Anchor(gx + dx * 12, gy + dy * 12, dx, dy)
    # The gate's box lies just outside the opening, so `near: site.gate` labels clear the fence.
    cx, cy = gx + dx * 34, gy + dy * 34
    across = (width, 40.0) if side in "ns" else (40.0, width)
    gate_box = Box(cx - across[0] / 2, cy - across[1] / 2, *across)
    tag = _gate_tag(ctx, item, box, gate)
    if tag is not None:
        label, look = str(gate.get("label", "")), _gate_look(ctx, item, gate)
        pen = Pen()
        tag_prim = rect(tag, **pen.shape(ctx.panel), radius=pen.radius, owner=item.id, part=part)
        prims += [tag_prim, *text_lines([label], tag.center, look, ctx.ink, item.id, part)]
    parts["gate"] = gate_box
    return prims


def _gate_tag(ctx: Ctx, item: Item, box: Box, gate: dict[str, object]) -> Box | None:
    """Where the gate's label sits: inside, beside the latch post, else beside the hinge post
    (clear of the leaf, open or shut); else, in a site too narrow for either, just inside the
    opening."""
    label = str(gate.get("label", ""))
    if not label:
        return None
    side = str(gate.get("side", "s"))
    width = float(gate.get("width", 150.0))  # type: ignore[arg-type]
    pts, mid = _perimeter(box, side, float(gate.get("at", 0.5)))  # type: ignore[arg-type]
    gx, gy = point_at(pts, mid)
    dx, dy = DIRS[side]
    look = _gate_look(ctx, item, gate)
    width_text, height = measure(label, look) + 0.6 * look.size, round(1.3 * look.size)
    along = (width_text if side in "ns" else height) / 2 + width / 2 + 16
    inward = (height if side in "ns" else width_text) / 2 + 26
    ux, uy = -dy, dx  # the outline's direction at the gate (clockwise)
    room = box.inset(12)
    tag = Box(0, 0, 0, 0)
    for sign in (1.0, -1.0, 0.0):
        center = (gx + sign * ux * along - dx * inward, gy + sign * uy * along - dy * inward)
        tag = Box(center[0] - width_text / 2, center[1] - height / 2, width_text, height)
        if (
            room.x <= tag.x
            and tag.right <= room.right
            and room.y <= tag.y
            and (tag.bottom <= room.bottom)
        ):
            break
    return tag


def _people_room(ctx: Ctx, item: Item, box: Box, gate: dict[str, object] | None) -> Box:
    """The interior left for people: below the sign, clear of the gate and its label."""
    band = _sign_band(ctx, item)
    left, top, right, bottom = box.x + 40, box.y + band + 30, box.right - 40, box.bottom - 30
    side = str(gate.get("side", "s")) if gate else ""
    label = str(gate.get("label", "")) if gate else ""
    look = _gate_look(ctx, item, gate) if gate else TextLook()
    across = measure(label, look) + 0.6 * look.size + 60 if label else GATE_BAND
    down = round(1.3 * look.size) + 60 if label else GATE_BAND + 40
    if gate:  # clear of the leaf, which swings in as far as the gate is wide
        swing = float(gate.get("width", 150.0)) * math.sin(math.radians(SWING)) + 30  # type: ignore[arg-type]
        across, down = max(across, swing), max(down, swing)
    tag = _gate_tag(ctx, item, box, gate) if gate else None
    if tag is not None:  # wherever the tag went, the people stay clear of it
        down = max(down, {"s": box.bottom - tag.y, "n": tag.bottom - box.y}.get(side, 0.0) + 20)
        across = max(across, {"w": tag.right - box.x, "e": box.right - tag.x}.get(side, 0.0) + 20)
    if side == "s":
        bottom = box.bottom - down
    elif side == "n":
        top = max(top, box.y + down)
    elif side == "w":
        left = box.x + across
    elif side == "e":
        right = box.right - across
    return Box(left, top, max(right - left, 60.0), max(bottom - top, 60.0))


def _people(ctx: Ctx, item: Item, room: Box, parts: dict[str, Box]) -> list[Prim]:
    """People in a grid of cells inside the room, one figure per cell and never over another:
    workers stand in line; visitors' rows are staggered, so a crowd looks loose."""
    spec = item.get("people") or {}
    count = int(spec.get("count", 0))
    if count <= 0:
        return []
    colors = [ctx.color(c) or ctx.ink for c in spec.get("colors", ("blue",))]  # none: ink
    worker = spec.get("role", "worker" if item.get("fenced", True) else "visitor") == "worker"
    cols, h = _grid(count, room)
    rows = -(-count // cols)
    cell_w, cell_h = room.w / cols, room.h / rows
    w = PERSON_ASPECT * h
    prims: list[Prim] = []
    for i in range(count):
        r, col = divmod(i, cols)
        in_row = min(cols, count - r * cols)
        x = room.x + (room.w - in_row * cell_w) / 2 + (col + 0.5) * cell_w - w / 2
        y = room.y + r * cell_h + (cell_h - h) / 2
        if not worker and in_row > 1:  # a step up or down, within the cell's spare height
            y += (cell_h - h) / 2 * (0.6 if (i % 2) else -0.6)
        figure_box = Box(x, y, w, h)
        prims += figure(figure_box, colors[i % len(colors)], worker, item.id,
                        f"{item.id}.people", ctx.ink)  # fmt: skip
    parts["people"] = room
    return prims


def _grid(count: int, room: Box) -> tuple[int, float]:
    """The columns that let the people stand tallest (at most 230 px, a 15 % margin in every
    cell), fewer rows on a tie; and that height."""
    best = (1, 0.0)
    for cols in range(1, count + 1):
        rows = -(-count // cols)
        h = min(230.0, 0.85 * room.h / rows, 0.8 * room.w / cols / PERSON_ASPECT)
        if h > best[1] + 0.5:
            best = (cols, h)
    return best
