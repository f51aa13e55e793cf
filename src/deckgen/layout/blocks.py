"""One rule per block kind: how tall it is at a width, and how it is drawn in a box."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import assert_never

from deckgen.layout import code, table
from deckgen.layout.context import MIN_PICTURE, Ctx, line_height
from deckgen.layout.text import count_lines, most_lines, past, text_height, total_upto
from deckgen.placed import Box, Bullet, Picture, PlacedParagraph, Rect, Shape, Slot, TextFrame
from deckgen.ready import (
    BulletList,
    Figure,
    Listing,
    ListItem,
    Paragraph,
    Quote,
    ReadyBlock,
    ReadyColumn,
    ReadyColumns,
    Run,
    Table,
    leaves,
)

LEVEL_INDENT = 28.8  # points each nesting level moves right
BULLETS = ("•", "–", "▪")
QUOTE_BAR = 5.0
QUOTE_PAD = 18.0


# --- heights -------------------------------------------------------------------------------


def height(block: ReadyBlock, width: float, ctx: Ctx) -> float:
    """The least height the block needs at this width (pictures at their smallest)."""
    found = height_upto(block, width, ctx, math.inf)
    assert found is not None  # a room without end holds any block
    return found


def height_upto(block: ReadyBlock, width: float, ctx: Ctx, limit: float) -> float | None:
    """`height`, or None once the block is surely taller than `limit`: a long block is
    measured only as far as the room reaches, not to its end."""
    match block:
        case Paragraph():
            most = most_lines(limit, ctx.body)
            lines = count_lines(block.runs, ctx.face(ctx.body), width, most)
            return None if lines == most else text_height(lines, ctx.body)
        case BulletList():
            return _list_upto(block, width, ctx, limit)
        case Listing():
            return code.height_upto(block, width, ctx, limit)
        case Table():
            return table.height_upto(block, width, ctx, limit)
        case Figure():
            return _picture_range(block, width, ctx)[0]
        case Quote():
            return quote_upto(block, width, ctx, limit)
        case ReadyColumns():
            found = [
                stack_upto(c.blocks, w, ctx, limit) for c, w in _column_widths(block, width, ctx)
            ]
            return None if None in found else max(h for h in found if h is not None)
        case _:
            assert_never(block)


def code_wraps(block: ReadyBlock, width: float, ctx: Ctx) -> bool:
    """Whether a listing in the block has a line too long for its panel at this size."""
    if isinstance(block, Listing):
        return code.wraps(block, width, ctx)
    if isinstance(block, ReadyColumns):
        return any(
            code_wraps(b, w, ctx) for c, w in _column_widths(block, width, ctx) for b in c.blocks
        )
    return False


def kinds(blocks: tuple[ReadyBlock, ...]) -> set[str]:
    """Which kinds of text the blocks hold: "text", "code", "table" (pictures hold none)."""
    return {_kind(block) for block in leaves(blocks) if not isinstance(block, Figure)}


def _kind(block: ReadyBlock) -> str:
    return "code" if isinstance(block, Listing) else "table" if isinstance(block, Table) else "text"


def stretch(block: ReadyBlock, width: float, ctx: Ctx) -> float:
    """How much taller than `height` the block would like to be: pictures grow to their
    width, and columns as far as the tallest column's pictures would."""
    if isinstance(block, Figure):
        low, high = _picture_range(block, width, ctx)
        return high - low
    if isinstance(block, ReadyColumns):
        tallest = max(
            stack_height(c.blocks, w, ctx) + sum(stretch(b, w, ctx) for b in c.blocks)
            for c, w in _column_widths(block, width, ctx)
        )
        return max(0.0, tallest - height(block, width, ctx))
    return 0.0


def stack_height(blocks: tuple[ReadyBlock, ...], width: float, ctx: Ctx) -> float:
    found = stack_upto(blocks, width, ctx, math.inf)
    assert found is not None  # a room without end holds any stack
    return found


def stack_extent(blocks: tuple[ReadyBlock, ...], width: float, ctx: Ctx, room: float) -> float:
    """How much of `room` the blocks take, their pictures grown as far as they would."""
    wants = sum(stretch(b, width, ctx) for b in blocks)
    return min(room, stack_height(blocks, width, ctx) + wants)


def stack_upto(
    blocks: tuple[ReadyBlock, ...], width: float, ctx: Ctx, limit: float
) -> float | None:
    """The blocks' height one above the other, or None once surely taller than `limit`."""
    gaps = ctx.gap * max(0, len(blocks) - 1)
    total = total_upto(
        len(blocks), lambda i, room: height_upto(blocks[i], width, ctx, room), limit - gaps
    )
    return None if total is None else total + gaps


def item_size(item: ListItem, ctx: Ctx) -> float:
    """Nested bullets are 2 pt smaller per level, never below the body floor."""
    return max(ctx.theme.sizes.body_min, ctx.body - 2 * item.level)


def item_indent(item: ListItem, ctx: Ctx) -> tuple[float, float]:
    """(left margin of the text, hanging width of the marker)."""
    hang = item_size(item, ctx) * (1.3 if item.ordered else 0.9)
    return item.level * LEVEL_INDENT + hang, hang


def item_space(item: ListItem, index: int, ctx: Ctx) -> float:
    if index == 0:
        return 0.0
    return item_size(item, ctx) * (0.35 if item.level == 0 else 0.15)


def item_height(
    item: ListItem, index: int, width: float, ctx: Ctx, room: float = math.inf
) -> float:
    """The item's height with the space above it; past `room` (an item that surely does not
    fit), its lines are not counted further."""
    size = item_size(item, ctx)
    indent, _ = item_indent(item, ctx)
    lines = count_lines(item.runs, ctx.face(size), width - indent, most_lines(room, size))
    return item_space(item, index, ctx) + text_height(lines, size)


def _list_upto(lst: BulletList, width: float, ctx: Ctx, limit: float) -> float | None:
    if past(len(lst.items) * line_height(ctx.theme.sizes.body_min), limit):
        return None  # even items of one line each at the smallest size are too many

    def item(index: int, room: float) -> float:
        return item_height(lst.items[index], index, width, ctx, room)

    return total_upto(len(lst.items), item, limit)


def quote_height(quote: Quote, width: float, ctx: Ctx) -> float:
    found = quote_upto(quote, width, ctx, math.inf)
    assert found is not None  # a room without end holds any quote
    return found


def quote_upto(quote: Quote, width: float, ctx: Ctx, limit: float) -> float | None:
    """The quote's height, or None once it surely is taller than `limit`."""
    most = most_lines(limit, ctx.body)
    lines = 0
    for count, paragraph in enumerate(quote.paragraphs, 1):
        lines += quote_lines(paragraph, width, ctx, None if most is None else most - lines)
        if most is not None and lines >= most:
            return None
        if past(quote_lines_height(lines, count, ctx), limit):
            return None
    return quote_lines_height(lines, len(quote.paragraphs), ctx)


def quote_lines(paragraph: Paragraph, width: float, ctx: Ctx, most: int | None = None) -> int:
    """How many lines a paragraph of a quote takes (counting stops at `most`)."""
    face = ctx.face(ctx.body, italic=True)
    return count_lines(paragraph.runs, face, width - QUOTE_PAD, most)


def quote_lines_height(lines: int, paragraphs: int, ctx: Ctx) -> float:
    """The height of a quote's first `paragraphs` paragraphs, which take `lines` lines."""
    return text_height(lines, ctx.body) + ctx.body * 0.3 * (paragraphs - 1)


def _picture_target(image: Figure, width: float) -> float:
    if image.width_pct:
        return width * min(image.width_pct, 100.0) / 100
    if image.width_px:  # Marp's w:600 is in pixels of a 1280-pixel-wide slide
        return min(width, image.width_px * 0.75)
    return width


def _caption_height(image: Figure, width: float, ctx: Ctx) -> float:
    if not image.caption:
        return 0.0
    size = ctx.theme.sizes.caption
    lines = count_lines((_plain_run(image.caption),), ctx.face(size), width)
    return ctx.gap * 0.5 + text_height(lines, size)


def _picture_range(image: Figure, width: float, ctx: Ctx) -> tuple[float, float]:
    px_w, px_h = image.size
    natural = _picture_target(image, width) * px_h / px_w
    caption = _caption_height(image, width, ctx)
    return min(natural, MIN_PICTURE) + caption, natural + caption


# --- placing ---------------------------------------------------------------------------------


def place(block: ReadyBlock, box: Box, ctx: Ctx) -> list[Shape]:
    match block:
        case Paragraph():
            return [TextFrame(box, (_paragraph(block, box.w, ctx),))]
        case BulletList():
            items = (_item(it, i, box.w, ctx) for i, it in enumerate(block.items))
            return [TextFrame(box, tuple(items))]
        case Listing():
            return code.shapes(block, box, ctx)
        case Table():
            return [table.frame(block, box, ctx)]
        case Figure():
            return _place_picture(block, box, ctx)
        case Quote():
            return _place_quote(block, box, ctx)
        case ReadyColumns():
            return _place_columns(block, box, ctx)
        case _:
            assert_never(block)


def place_stack(blocks: tuple[ReadyBlock, ...], box: Box, ctx: Ctx) -> list[Shape]:
    """Blocks top to bottom; room left over goes to pictures, up to their natural size."""
    heights = [height(b, box.w, ctx) for b in blocks]
    spare = box.h - (sum(heights) + ctx.gap * max(0, len(blocks) - 1))  # as stack_height
    wants = [stretch(b, box.w, ctx) for b in blocks]
    share = min(1.0, spare / sum(wants)) if sum(wants) > 0 else 0.0
    shapes: list[Shape] = []
    y = box.y
    for block, low, want in zip(blocks, heights, wants, strict=True):
        h = low + want * max(0.0, share)
        shapes += place(block, Box(box.x, y, box.w, h), ctx)
        y += h + ctx.gap
    return _joined(shapes, ctx.gap)


def _joined(shapes: list[Shape], gap: float) -> list[Shape]:
    """Text blocks that follow one another become one frame, the gap between them the space
    above a paragraph: so the slide's text is one body, as PowerPoint's outline shows it."""
    joined: list[Shape] = []
    for shape in shapes:
        last = joined[-1] if joined else None
        if isinstance(last, TextFrame) and isinstance(shape, TextFrame) and _next(last, shape, gap):
            joined[-1] = _join(last, shape, gap)
        else:
            joined.append(shape)
    return joined


def _next(upper: TextFrame, lower: TextFrame, gap: float) -> bool:
    """Whether `lower` is plain text right under plain text `upper`, one gap below it."""
    plain = all(f.role == "body" and not (f.fill or f.inset or f.slot) for f in (upper, lower))
    below = abs(upper.box.y + upper.box.h + gap - lower.box.y) < 0.01
    return plain and below and (upper.box.x, upper.box.w) == (lower.box.x, lower.box.w)


def _join(upper: TextFrame, lower: TextFrame, gap: float) -> TextFrame:
    first, *rest = lower.paragraphs
    first = replace(first, space_before=first.space_before + gap)
    bottom = lower.box.y + lower.box.h
    box = Box(upper.box.x, upper.box.y, upper.box.w, bottom - upper.box.y)
    return replace(upper, box=box, paragraphs=(*upper.paragraphs, first, *rest))


def _paragraph(block: Paragraph, width: float, ctx: Ctx) -> PlacedParagraph:
    lines = count_lines(block.runs, ctx.face(ctx.body), width)
    body = ctx.body
    return PlacedParagraph(
        block.runs, ctx.style(body), line_height(body), lines=lines, click=block.click
    )


def _item(item: ListItem, index: int, width: float, ctx: Ctx) -> PlacedParagraph:
    size = item_size(item, ctx)
    indent, hang = item_indent(item, ctx)
    # Each item names its own number: LibreOffice restarts numbering after a nested list, and
    # an item carrying its number reads right whether an application counts on or restarts.
    number = Bullet(start=item.number or 1)
    bullet = number if item.ordered else Bullet(BULLETS[min(item.level, 2)])
    return PlacedParagraph(
        item.runs,
        ctx.style(size),
        line_height(size),
        space_before=item_space(item, index, ctx),
        indent=indent,
        hang=hang,
        bullet=bullet,
        bullet_color=ctx.theme.colors.accent,
        lines=count_lines(item.runs, ctx.face(size), width - indent),
        level=item.level,
        click=item.click,
    )


def _place_picture(image: Figure, box: Box, ctx: Ctx) -> list[Shape]:
    px_w, px_h = image.size
    caption_h = _caption_height(image, box.w, ctx)
    room_h = box.h - caption_h
    w = min(_picture_target(image, box.w), room_h * px_w / px_h)
    h = w * px_h / px_w
    shapes: list[Shape] = [
        Picture(Box(box.x + (box.w - w) / 2, box.y, w, h), image.path, image.alt, click=image.click)
    ]
    if image.caption:
        size = ctx.theme.sizes.caption
        runs = (_plain_run(image.caption),)
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


def _place_quote(quote: Quote, box: Box, ctx: Ctx) -> list[Shape]:
    style = ctx.style(ctx.body, italic=True)
    face, inner = ctx.face(ctx.body, italic=True), box.w - QUOTE_PAD
    paras = tuple(
        PlacedParagraph(p.runs, style, line_height(ctx.body), space_before=ctx.body * 0.3 * (i > 0),
                        lines=count_lines(p.runs, face, inner), click=p.click)
        for i, p in enumerate(quote.paragraphs)
    )  # fmt: skip
    text_box = Box(box.x + QUOTE_PAD, box.y, inner, box.h)
    bar = Rect(
        Box(box.x, box.y, QUOTE_BAR, quote_height(quote, box.w, ctx)),
        ctx.theme.colors.quote_bar,
        quote.click,
    )
    return [bar, TextFrame(text_box, paras)]


def _column_widths(
    columns: ReadyColumns, width: float, ctx: Ctx
) -> list[tuple[ReadyColumn, float]]:
    free = width - ctx.gap * (len(columns.columns) - 1)
    given = sum(c.width_pct or 0 for c in columns.columns)
    unsized = [c for c in columns.columns if not c.width_pct]
    rest = max(0.0, 100 - given) / len(unsized) if unsized else 0.0
    total = given + rest * len(unsized)
    return [(c, free * (c.width_pct or rest) / total) for c in columns.columns]


def _place_columns(columns: ReadyColumns, box: Box, ctx: Ctx) -> list[Shape]:
    placed: list[list[Shape]] = []
    x = box.x
    for column, w in _column_widths(columns, box.w, ctx):
        placed.append(place_stack(column.blocks, Box(x, box.y, w, box.h), ctx))
        x += w + ctx.gap
    if len(placed) == 2:
        headed = _all_headed(placed)
        left, right = placed
        placed = [_sided(left, "left", ctx.gap, headed), _sided(right, "right", ctx.gap, headed)]
    return [shape for column in placed for shape in column]


def _all_headed(columns: list[list[Shape]]) -> bool:
    firsts = [_first_text(column) for column in columns]
    return all(first is not None and _headed(first) for first in firsts)


def _sided(column: list[Shape], side: Slot, gap: float, headed: bool) -> list[Shape]:
    """Two columns fill the layout's two placeholders (Two Content) when the slide turns out to
    be just them: each column's first text frame takes its side; when each begins with a
    one-line bold heading, the headings fill Comparison's heading placeholders over them."""
    first = _first_text(column)
    if first is None:
        return column
    index = column.index(first)
    filled = _split_head(first, side, gap) if headed else [replace(first, slot=side)]
    return [*column[:index], *filled, *column[index + 1 :]]


def _first_text(shapes: list[Shape]) -> TextFrame | None:
    return next((s for s in shapes if isinstance(s, TextFrame) and s.role == "body"), None)


def _headed(frame: TextFrame) -> bool:
    """A frame that begins with a heading: a one-line paragraph in bold, text following it."""
    if len(frame.paragraphs) < 2:
        return False
    head = frame.paragraphs[0]
    bold = head.style.bold or all(run.bold or not run.text.strip() for run in head.runs)
    return head.bullet is None and head.lines == 1 and bold


def _split_head(frame: TextFrame, side: Slot, gap: float) -> list[Shape]:
    """The heading as a frame of its own over the rest; the gap between them, which joining
    had put into the space above the second paragraph, goes back between the frames."""
    head, first, *rest = frame.paragraphs
    high = text_height(head.lines, head.style.size)
    box = frame.box
    slot: Slot = "left-head" if side == "left" else "right-head"
    heading = replace(frame, box=Box(box.x, box.y, box.w, high), paragraphs=(head,), slot=slot)
    first = replace(first, space_before=first.space_before - gap)
    under = Box(box.x, box.y + high + gap, box.w, box.h - high - gap)
    return [heading, replace(frame, box=under, paragraphs=(first, *rest), slot=side)]


def _plain_run(text: str) -> Run:
    return Run(text)
