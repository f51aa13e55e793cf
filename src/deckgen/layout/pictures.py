"""Pictures in the body: how tall they may be at a width, and placed with their caption."""

from __future__ import annotations

from deckgen.layout.context import MIN_PICTURE, Ctx, line_height
from deckgen.layout.text import count_lines, text_height
from deckgen.placed import Box, Picture, PlacedParagraph, Shape, TextFrame
from deckgen.ready import Figure, Run


def _target(image: Figure, width: float) -> float:
    if image.width_pct:
        return width * min(image.width_pct, 100.0) / 100
    if image.width_px:  # Marp's w:600 is in pixels of a 1280-pixel-wide slide
        return min(width, image.width_px * 0.75)
    return width


def caption_height(image: Figure, width: float, ctx: Ctx) -> float:
    """The room under the picture for its caption: a diagram step's is as tall as its
    longest step's, so the caption and the picture stay put from step to step."""
    if not image.caption and not image.captions:
        return 0.0
    size = ctx.theme.sizes.caption
    face = ctx.face(size)
    lines = max(count_lines((plain_run(c),), face, width) for c in (image.caption, *image.captions))
    return ctx.gap * 0.5 + text_height(lines, size)


def picture_range(image: Figure, width: float, ctx: Ctx) -> tuple[float, float]:
    px_w, px_h = image.size
    natural = _target(image, width) * px_h / px_w
    caption = caption_height(image, width, ctx)
    return min(natural, MIN_PICTURE) + caption, natural + caption


def place_picture(image: Figure, box: Box, ctx: Ctx) -> list[Shape]:
    px_w, px_h = image.size
    caption_h = caption_height(image, box.w, ctx)
    room_h = box.h - caption_h
    w = min(_target(image, box.w), room_h * px_w / px_h)
    h = w * px_h / px_w
    shapes: list[Shape] = [
        Picture(Box(box.x + (box.w - w) / 2, box.y, w, h), image.path, image.alt, click=image.click)
    ]
    if image.caption:
        size = ctx.theme.sizes.caption
        runs = (plain_run(image.caption),)
        style = ctx.style(size, ctx.theme.colors.muted)
        lines = count_lines(runs, ctx.face(size), box.w)
        para = PlacedParagraph(
            runs, style, line_height(size), align="center", lines=lines, click=image.click
        )
        top = box.y + h + ctx.gap * 0.5
        shapes.append(
            TextFrame(Box(box.x, top, box.w, caption_h - ctx.gap * 0.5), (para,), "caption")
        )
    return shapes


def plain_run(text: str) -> Run:
    return Run(text)
