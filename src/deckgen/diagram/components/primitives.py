"""Generic items: box, ellipse, polygon, label, image, tool chip, group frame."""

from __future__ import annotations

from dataclasses import replace

from deckgen.diagram.components.base import (
    LINE_HEIGHT,
    WHITE,
    Ctx,
    Drawn,
    TextLook,
    chip,
    chip_height,
    chip_width,
    contrast_text,
    font_from,
    font_look,
    item_label,
    look_of,
    measure,
    text_lines,
    text_prim,
    wrap,
)
from deckgen.diagram.display import Box, Prim, compass_anchors, ellipse, polygon, rect
from deckgen.diagram.fields import show
from deckgen.diagram.spec import Item


def _common(item: Item, ctx: Ctx, fill: str | None, stroke: str | None) -> dict[str, object]:
    s = item.style
    return {
        "fill": ctx.color(s.fill, fill),
        "stroke": ctx.color(s.stroke, stroke),
        "width": s.stroke_width if s.stroke_width is not None else 3.0,
        "dash": s.dash or (),
        "opacity": s.opacity if s.opacity is not None else 1.0,
        "owner": item.id,
        "part": item.id,
    }


def _inner_label(item: Item, ctx: Ctx, box: Box, fill: str | None, pad: float = 20) -> list[Prim]:
    pad = min(pad, box.h / 6)
    """A label wrapped and shrunk (to 24 px at least) to fit inside `box`; warns if it cannot."""
    text = item_label(item)
    if not text:
        return []
    look = look_of(item, ctx)
    while True:
        lines = wrap(text, box.w - 2 * pad, look)
        too_wide = max(measure(line, look) for line in lines) > box.w - 2 * pad
        too_tall = len(lines) * look.size * LINE_HEIGHT > box.h - 8
        if not (too_wide or too_tall) or look.size <= ctx.floor:
            break
        look = TextLook(
            look.family, max(look.size - max(1.0, look.size / 40), ctx.floor), look.bold
        )
    if too_wide or too_tall:
        ctx.warn(
            item.mark("label"),
            f"label {show(text)} does not fit its {item.kind} even at {ctx.floor:.0f} px",
        )
    color = ctx.color(item.style.color, contrast_text(fill or ctx.paper, ctx.ink)) or ctx.ink
    return text_lines(lines, box.center, look, color, item.id, item.id)


def box_size(item: Item, ctx: Ctx) -> tuple[float, float]:
    look = look_of(item, ctx)
    return (max(160.0, measure(item_label(item), look) + 48), max(80.0, look.size * 2.4))


def draw_box(item: Item, box: Box, ctx: Ctx) -> Drawn:
    kw = _common(item, ctx, ctx.panel, ctx.ink)
    radius = item.style.radius if item.style.radius is not None else 12.0
    fill = kw["fill"] if isinstance(kw["fill"], str) else None
    return Drawn(
        (rect(box, radius=radius, **kw), *_inner_label(item, ctx, box, fill)), compass_anchors(box)
    )


def draw_ellipse(item: Item, box: Box, ctx: Ctx) -> Drawn:
    kw = _common(item, ctx, ctx.panel, ctx.ink)
    fill = kw["fill"] if isinstance(kw["fill"], str) else None
    inner = box.inset(box.w * 0.146, box.h * 0.146)
    return Drawn(
        (ellipse(box, **kw), *_inner_label(item, ctx, inner, fill, 0)), compass_anchors(box)
    )


def polygon_size(item: Item, ctx: Ctx) -> tuple[float, float]:
    points = item.get("points", ((0, 0), (1, 1)))
    return (max(p[0] for p in points), max(p[1] for p in points))


def draw_polygon(item: Item, box: Box, ctx: Ctx) -> Drawn:
    kw = _common(item, ctx, ctx.theme.color("sky"), ctx.ink)
    points = [(box.x + x, box.y + y) for x, y in item.get("points", ())]
    fill = kw["fill"] if isinstance(kw["fill"], str) else None
    return Drawn((polygon(points, **kw), *_inner_label(item, ctx, box, fill)), compass_anchors(box))


def _label_lines(item: Item, look: TextLook) -> list[str]:
    text = str(item.get("text", ""))
    width = item.get("width")
    return wrap(text, width, look) if width else text.split("\n")


def label_size(item: Item, ctx: Ctx) -> tuple[float, float]:
    look = look_of(item, ctx)
    lines = _label_lines(item, look)
    widest = max((measure(line, look) for line in lines), default=0.0)
    width = item.get("width") or widest
    return (max(width, 1.0), len(lines) * look.size * LINE_HEIGHT + 8)


def draw_label(item: Item, box: Box, ctx: Ctx) -> Drawn:
    look = look_of(item, ctx)
    align = item.get("align", "center")
    color = ctx.color(item.style.color, ctx.ink) or ctx.ink
    prims: list[Prim] = []
    if item.style.fill:  # the background reaches past the text by a share of the font size
        pad = box.inset(-0.45 * look.size, -0.2 * look.size)
        prims.append(rect(pad, radius=0.35 * look.size, **_common(item, ctx, None, None)))
    step = look.size * LINE_HEIGHT
    x = {"left": box.x, "center": box.x + box.w / 2, "right": box.right}[align]
    anchor = {"left": "lm", "center": "mm", "right": "rm"}[align]
    for i, line in enumerate(_label_lines(item, look)):
        y = box.y + 4 + step * (i + 0.5)
        prims.append(text_prim((x, y), line, look, color, item.id, item.id, anchor))
    return Drawn(tuple(prims), compass_anchors(box))


def draw_image(item: Item, box: Box, ctx: Ctx) -> Drawn:
    path = str(item.get("src", ""))
    prim = Prim(
        "image",
        ((box.x, box.y), (box.right, box.bottom)),
        text=path,
        owner=item.id,
        part=item.id,
        opacity=item.style.opacity if item.style.opacity is not None else 1.0,
    )
    frame = ctx.color(item.style.stroke)
    width = item.style.stroke_width or 3.0
    if frame is None:
        return Drawn((prim,), compass_anchors(box))
    outline = rect(box, stroke=frame, width=width, owner=item.id, part=item.id)
    return Drawn((prim, outline), compass_anchors(box))


def tool_size(item: Item, ctx: Ctx) -> tuple[float, float]:
    look = look_of(item, ctx)
    return (chip_width(item_label(item) or "tool", look) + 12, chip_height(look))


def draw_tool(item: Item, box: Box, ctx: Ctx) -> Drawn:
    fill = ctx.color(item.style.fill, ctx.theme.color("sky")) or WHITE
    prims = chip(
        ctx,
        item_label(item),
        box,
        fill,
        item.id,
        item.id,
        item.mark("label"),
        look=look_of(item, ctx),
    )
    return Drawn(tuple(prims), compass_anchors(box))


def draw_frame(item: Item, box: Box, ctx: Ctx) -> Drawn:
    frame = item.get("frame")
    if not frame:
        return Drawn((), compass_anchors(box))
    prims = [
        rect(
            box,
            fill=ctx.color(frame.get("fill")),
            stroke=ctx.color(frame.get("stroke", "grey")),
            width=frame.get("stroke_width", 3.0),
            radius=frame.get("radius", 16.0),
            dash=tuple(frame.get("dash", ())),
            owner=item.id,
            part=item.id,
        )
    ]
    label = frame.get("label")
    if label:
        pad = item.get("padding", 32.0)
        look = _frame_look(item, ctx)
        at = (box.x + pad, box.y + pad / 2 + frame_band(item, ctx) / 2)
        bold = replace(look, bold=True)
        prims.append(text_prim(at, label, bold, ctx.ink, item.id, item.id, "lm"))
    return Drawn(tuple(prims), compass_anchors(box))


def _frame_look(group: Item, ctx: Ctx) -> TextLook:
    frame = group.get("frame") or {}
    return font_look(
        font_from(frame.get("font"), group.style.font), ctx, group.mark("frame"), bold=True
    )


def frame_band(group: Item, ctx: Ctx) -> float:
    """The band at the top of a group's frame that holds its label (none without a label)."""
    frame = group.get("frame") or {}
    return round(1.3 * _frame_look(group, ctx).size) if frame.get("label") else 0.0
