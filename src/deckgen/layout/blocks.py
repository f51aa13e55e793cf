"""One rule per block kind: how tall it is at a width, and how it is drawn in a box."""

from __future__ import annotations

import math
from typing import assert_never

from deckgen.layout import code, frames, pictures, table
from deckgen.layout.context import Ctx, line_height
from deckgen.layout.text import count_lines, most_lines, past, text_height, total_upto
from deckgen.placed import Box, Bullet, PlacedParagraph, Rect, Shape, TextFrame
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
    ctx = ctx.for_block(block)
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
            return pictures.picture_range(block, width, ctx)[0]
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
        low, high = pictures.picture_range(block, width, ctx)
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


# --- placing ---------------------------------------------------------------------------------


def place(block: ReadyBlock, box: Box, ctx: Ctx) -> list[Shape]:
    ctx = ctx.for_block(block)
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
            return pictures.place_picture(block, box, ctx)
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
    return frames.joined(shapes, ctx.gap)


def _paragraph(block: Paragraph, width: float, ctx: Ctx) -> PlacedParagraph:
    lines = count_lines(block.runs, ctx.face(ctx.body), width)
    body = ctx.body
    align = block.align or "left"  # HTML's <center> and align=
    return PlacedParagraph(
        block.runs, ctx.style(body), line_height(body), align=align, lines=lines, click=block.click
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
        headed = frames.all_headed(placed)
        left, right = placed
        placed = [
            frames.sided(left, "left", ctx.gap, headed),
            frames.sided(right, "right", ctx.gap, headed),
        ]
    return [shape for column in placed for shape in column]
