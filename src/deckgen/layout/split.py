"""One rule per splittable block kind: the part that fits in the room left, and the rest."""

from __future__ import annotations

from dataclasses import replace
from typing import assert_never

from deckgen.layout import blocks, code, table
from deckgen.layout.context import Ctx, line_height
from deckgen.layout.text import count_lines, line_starts, split_runs
from deckgen.ready import (
    BulletList,
    Figure,
    Listing,
    Paragraph,
    Quote,
    ReadyBlock,
    ReadyColumns,
    Run,
    Table,
)


def split(
    block: ReadyBlock, width: float, room: float, ctx: Ctx, fresh: bool = False
) -> tuple[ReadyBlock | None, ReadyBlock]:
    """The part of `block` that fits in `room` (None if nothing useful does), and the rest.
    `fresh`: the room is a whole empty slide, so even an awkward split beats overflowing."""
    match block:
        case Paragraph():
            return _split_paragraph(block, width, room, ctx)
        case BulletList():
            return _split_list(block, width, room, ctx)
        case Listing():
            return code.split(block, width, room, ctx)
        case Table():
            head, tail = table.split(block, width, room, ctx)
            if head is None and fresh and block.rows:
                return _split_first_row(block, width, room, ctx)
            return head, tail
        case Quote():
            return _split_quote(block, width, room, ctx)
        case Figure() | ReadyColumns():  # a picture shrinks; columns are stacked by paginate
            return None, block
        case _:
            assert_never(block)


def _fitting_lines(starts: list[tuple[int, int]], room: float, size: float) -> int:
    """How many whole lines fit in `room`, backing off lines that split a long word."""
    k = min(len(starts) - 1, int(room // line_height(size)))
    while 0 < k < len(starts) and starts[k] == starts[k - 1]:
        k -= 1
    return k


def _split_runs_at(
    runs: tuple[Run, ...], width: float, room: float, ctx: Ctx, size: float, italic: bool = False
) -> tuple[tuple[Run, ...], tuple[Run, ...]] | None:
    starts = line_starts(runs, ctx.face(size, italic=italic), width)
    k = _fitting_lines(starts, room, size)
    return split_runs(runs, starts[k]) if k > 0 else None


def _split_paragraph(
    p: Paragraph, width: float, room: float, ctx: Ctx
) -> tuple[Paragraph | None, Paragraph]:
    parts = _split_runs_at(p.runs, width, room, ctx, ctx.body)
    if parts is None:
        return None, p
    return replace(p, runs=parts[0]), replace(p, runs=parts[1])


def _split_list(
    lst: BulletList, width: float, room: float, ctx: Ctx
) -> tuple[BulletList | None, BulletList]:
    used = 0.0
    for i, item in enumerate(lst.items):
        h = blocks.item_height(item, i, width, ctx)
        if used + h > room:
            break
        used += h
    if i > 0:
        return replace(lst, items=lst.items[:i]), replace(lst, items=lst.items[i:])
    first = lst.items[0]  # one bullet taller than the room: split its words
    indent, _ = blocks.item_indent(first, ctx)
    parts = _split_runs_at(first.runs, width - indent, room, ctx, blocks.item_size(first, ctx))
    if parts is None:
        return None, lst
    head = replace(lst, items=(replace(first, runs=parts[0]),))
    rest = replace(first, runs=parts[1], number=first.number)
    return head, replace(lst, items=(rest, *lst.items[1:]))


def _split_quote(q: Quote, width: float, room: float, ctx: Ctx) -> tuple[Quote | None, Quote]:
    for k in range(len(q.paragraphs) - 1, 0, -1):
        head = replace(q, paragraphs=q.paragraphs[:k])
        if blocks.quote_height(head, width, ctx) <= room:
            return head, replace(q, paragraphs=q.paragraphs[k:])
    first = q.paragraphs[0]
    parts = _split_runs_at(first.runs, width - blocks.QUOTE_PAD, room, ctx, ctx.body, italic=True)
    if parts is None:
        return None, q
    rest = (replace(first, runs=parts[1]), *q.paragraphs[1:])
    return replace(q, paragraphs=(replace(first, runs=parts[0]),)), replace(q, paragraphs=rest)


def _split_first_row(t: Table, width: float, room: float, ctx: Ctx) -> tuple[Table | None, Table]:
    """A row taller than a slide: each cell's lines that fit, then the rest in a row below."""
    widths = table.col_widths(t, width, ctx)
    cell_room = room - table.row_heights(t, width, ctx)[0] - 2 * table.INSET_Y
    heads: list[tuple[Run, ...]] = []
    tails: list[tuple[Run, ...]] = []
    for cell, w in zip(t.rows[0], widths, strict=False):
        inner = w - 2 * table.INSET_X
        fits = count_lines(cell, ctx.face(ctx.table), inner) * line_height(ctx.table) <= cell_room
        parts = None if fits else _split_runs_at(cell, inner, cell_room, ctx, ctx.table)
        heads.append(parts[0] if parts else cell)
        tails.append(parts[1] if parts else ())
    if not any(tails):
        return None, t
    return replace(t, rows=(tuple(heads),)), replace(t, rows=(tuple(tails), *t.rows[1:]))
