"""One rule per splittable block kind: the part that fits in the room left, and the rest."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import assert_never

from deckgen.layout import blocks, code, table
from deckgen.layout.context import Ctx, line_height
from deckgen.layout.text import count_lines, line_starts, most_lines, split_runs
from deckgen.ready import (
    BulletList,
    Figure,
    Listing,
    ListItem,
    Paragraph,
    Quote,
    ReadyBlock,
    ReadyColumns,
    Run,
    Table,
)

KEEP = 3  # lines of a split paragraph or list never left alone at a slide's foot or head


@dataclass(frozen=True, slots=True)
class Rest:
    """A block still to be laid out, with what is known of it already: for the rest of a
    table, what its last rows want (`table.last_rows`), so that a table continued over many
    slides has its rows measured once, not once for every slide."""

    block: ReadyBlock
    rows: tuple[table.Extents, ...] | None = None


def rest(block: ReadyBlock, ctx: Ctx) -> Rest:
    """A block about to be laid out; a table's rows are measured here, once for its slides."""
    return Rest(block, table.last_rows(block, ctx) if isinstance(block, Table) else None)


def height_upto(rest: Rest, width: float, ctx: Ctx, limit: float) -> float | None:
    """The block's height, or None once it is surely taller than `limit`."""
    if isinstance(rest.block, Table):
        return table.height_upto(rest.block, width, ctx, limit, rest.rows)
    return blocks.height_upto(rest.block, width, ctx, limit)


def split(
    rest: Rest, width: float, room: float, ctx: Ctx, fresh: bool = False
) -> tuple[ReadyBlock | None, Rest]:
    """The part of the block that fits in `room` (None if nothing useful does), and the rest.
    `fresh`: the room is a whole empty slide, so even an awkward split beats overflowing."""
    if isinstance(rest.block, Table):
        return _split_table(rest.block, rest.rows, width, room, ctx, fresh)
    head, tail = _split_block(rest.block, width, room, ctx.for_block(rest.block), fresh)
    return head, Rest(tail)


def _split_block(
    block: ReadyBlock, width: float, room: float, ctx: Ctx, fresh: bool
) -> tuple[ReadyBlock | None, ReadyBlock]:
    match block:
        case Paragraph():  # moves whole unless not even a whole slide holds it
            return _split_paragraph(block, width, room, ctx) if fresh else (None, block)
        case BulletList():
            return _split_list(block, width, room, ctx, fresh)
        case Listing():
            return code.split(block, width, room, ctx, fresh)
        case Quote():
            return _split_quote(block, width, room, ctx) if fresh else (None, block)
        # Tables split in _split_table; a picture shrinks; columns are stacked by paginate.
        case Table() | Figure() | ReadyColumns():
            return None, block
        case _:
            assert_never(block)


def _split_table(
    t: Table,
    rows: tuple[table.Extents, ...] | None,
    width: float,
    room: float,
    ctx: Ctx,
    fresh: bool,
) -> tuple[Table | None, Rest]:
    rows = rows or table.last_rows(t, ctx)
    head, tail = table.split(t, width, room, ctx, rows)
    if head is None and fresh and t.rows:
        head, tail = _split_first_row(t, rows, width, room, ctx)
    return head, Rest(tail, rows)


def _fitting_lines(starts: list[tuple[int, int]], room: float, size: float) -> int:
    """How many whole lines fit in `room`, backing off lines that split a long word."""
    k = min(len(starts) - 1, int(room // line_height(size)))
    while 0 < k < len(starts) and starts[k] == starts[k - 1]:
        k -= 1
    return k


def _split_runs_at(
    runs: tuple[Run, ...], width: float, room: float, ctx: Ctx, size: float, italic: bool = False
) -> tuple[tuple[Run, ...], tuple[Run, ...]] | None:
    """Text taller than a whole slide, cut between lines: as many as fit, but never fewer
    than KEEP lines after the cut (a widow) nor before it."""
    # Only the lines up to the room's end are looked for: the rest of a long text is not read.
    most = max(1, int(room // line_height(size)) + KEEP + 1)
    starts = line_starts(runs, ctx.face(size, italic=italic), width, most)
    k = _fitting_lines(starts, room, size)
    if len(starts) < most:  # the whole text was measured: keep KEEP lines for the next slide
        k = min(k, len(starts) - KEEP) if len(starts) - KEEP >= KEEP else k
    return split_runs(runs, starts[k]) if k > 0 else None


def _split_paragraph(
    p: Paragraph, width: float, room: float, ctx: Ctx
) -> tuple[Paragraph | None, Paragraph]:
    parts = _split_runs_at(p.runs, width, room, ctx, ctx.body)
    if parts is None:
        return None, p
    return replace(p, runs=parts[0]), replace(p, runs=parts[1])


def _split_list(
    lst: BulletList, width: float, room: float, ctx: Ctx, fresh: bool
) -> tuple[BulletList | None, BulletList]:
    """The bullets that fit, cut before a top-level bullet so that one moves on with its
    sub-bullets, and never leaving a bullet's line or two alone on either slide. Only a
    whole slide too short for the first bullet's group cuts inside the group, and only one
    bullet too tall for it between its lines."""
    fitting = _fitting_items(lst, width, room, ctx)
    cut = _group_cut(lst.items, fitting, width, ctx)
    if cut == 0 and fresh:
        cut = fitting  # the first bullet and its sub-bullets are taller than a slide
    if cut > 0:
        return replace(lst, items=lst.items[:cut]), replace(lst, items=lst.items[cut:])
    if not fresh:
        return None, lst
    first = lst.items[0]  # one bullet taller than the room: split its words
    indent, _ = blocks.item_indent(first, ctx)
    parts = _split_runs_at(first.runs, width - indent, room, ctx, blocks.item_size(first, ctx))
    if parts is None:
        return None, lst
    head = replace(lst, items=(replace(first, runs=parts[0]),))
    rest = replace(first, runs=parts[1], number=first.number)
    return head, replace(lst, items=(rest, *lst.items[1:]))


def _fitting_items(lst: BulletList, width: float, room: float, ctx: Ctx) -> int:
    """How many of the list's items fit in `room`, one under the other."""
    used = 0.0
    for i, item in enumerate(lst.items):
        used += blocks.item_height(item, i, width, ctx, room - used)
        if used > room:
            return i
    return len(lst.items)


def _group_cut(items: tuple[ListItem, ...], fitting: int, width: float, ctx: Ctx) -> int:
    """Where to cut a list of which `fitting` items fit: at or before `fitting`, before a
    top-level item, with at least KEEP lines on each side; 0 when there is no such place."""
    cut = min(fitting, len(items))
    while cut > 0 and (
        (cut < len(items) and items[cut].level > 0) or _lines(items[cut:], width, ctx) < KEEP
    ):
        cut -= 1
    return cut if cut and _lines(items[:cut], width, ctx) >= KEEP else 0


def _lines(items: tuple[ListItem, ...], width: float, ctx: Ctx) -> int:
    """How many lines the items take (counting stops at KEEP)."""
    total = 0
    for item in items:
        indent, _ = blocks.item_indent(item, ctx)
        total += count_lines(item.runs, ctx.face(blocks.item_size(item, ctx)), width - indent, KEEP)
        if total >= KEEP:
            break
    return total


def _split_quote(q: Quote, width: float, room: float, ctx: Ctx) -> tuple[Quote | None, Quote]:
    """The most whole paragraphs that fit (a quote's height only grows with each one), else
    the first paragraph's lines that fit."""
    most = most_lines(room, ctx.body)
    lines, k = 0, 1
    while k < len(q.paragraphs):
        lines += blocks.quote_lines(q.paragraphs[k - 1], width, ctx, most)
        if blocks.quote_lines_height(lines, k, ctx) > room:
            break
        k += 1
    if k > 1:
        return replace(q, paragraphs=q.paragraphs[: k - 1]), replace(
            q, paragraphs=q.paragraphs[k - 1 :]
        )
    first = q.paragraphs[0]
    parts = _split_runs_at(first.runs, width - blocks.QUOTE_PAD, room, ctx, ctx.body, italic=True)
    if parts is None:
        return None, q
    rest = (replace(first, runs=parts[1]), *q.paragraphs[1:])
    return replace(q, paragraphs=(replace(first, runs=parts[0]),)), replace(q, paragraphs=rest)


def _split_first_row(
    t: Table, rows: tuple[table.Extents, ...], width: float, room: float, ctx: Ctx
) -> tuple[Table | None, Table]:
    """A row taller than a slide: each cell's lines that fit, then the rest in a row below."""
    widths = table.col_widths(t, width, ctx, rows)
    cell_room = room - table.header_height(t, widths, ctx) - 2 * table.INSET_Y
    heads: list[tuple[Run, ...]] = []
    tails: list[tuple[Run, ...]] = []
    for cell, w in zip(t.rows[0], widths, strict=False):
        inner = w - 2 * table.INSET_X
        lines = count_lines(cell, ctx.face(ctx.table), inner, most_lines(cell_room, ctx.table))
        fits = lines * line_height(ctx.table) <= cell_room
        parts = None if fits else _split_runs_at(cell, inner, cell_room, ctx, ctx.table)
        heads.append(parts[0] if parts else cell)
        tails.append(parts[1] if parts else ())
    if not any(tails):
        return None, t
    return replace(t, rows=(tuple(heads),)), replace(t, rows=(tuple(tails), *t.rows[1:]))
