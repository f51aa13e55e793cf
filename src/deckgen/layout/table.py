"""Tables: column widths from the text they hold, rows as tall as their tallest cell."""

from __future__ import annotations

from dataclasses import replace

from deckgen.layout.context import Ctx, line_height
from deckgen.layout.text import Face, count_lines, words
from deckgen.placed import Box, Cell, PlacedTable, TableColors
from deckgen.ready import Run, Table

INSET_X = 5.76  # points of cell margin left and right
INSET_Y = 3.6

Cells = tuple[tuple[Run, ...], ...]


def _faces(ctx: Ctx) -> tuple[Face, Face]:
    return ctx.face(ctx.table, bold=True), ctx.face(ctx.table)


def _extent(cell: tuple[Run, ...], face: Face) -> tuple[float, float]:
    """(width on one line, widest word) of a cell's text."""
    ws = words(cell, face)
    if not ws:
        return 0.0, 0.0
    line = sum(w.width + w.space for w in ws) - ws[-1].space
    return line, max(w.width for w in ws)


def col_widths(t: Table, width: float, ctx: Ctx) -> tuple[float, ...]:
    head_face, body_face = _faces(ctx)
    rows = [(t.header, head_face), *((r, body_face) for r in t.rows)]
    n = len(t.header)
    natural, least = [2 * INSET_X] * n, [2 * INSET_X] * n
    for cells, face in rows:
        for i, cell in enumerate(cells[:n]):
            line, word = _extent(cell, face)
            natural[i] = max(natural[i], line / 0.96 + 2 * INSET_X)
            least[i] = max(least[i], word / 0.96 + 2 * INSET_X)
    if sum(natural) <= width:  # a small table keeps some air, not the whole slide's width
        target = min(width, max(sum(natural) * 1.3, width * 0.5))
        return tuple(w * target / sum(natural) for w in natural)
    if sum(least) >= width:
        return tuple(w * width / sum(least) for w in least)
    spare = width - sum(least)
    wants = [nat - low for nat, low in zip(natural, least, strict=True)]
    return tuple(low + spare * want / sum(wants) for low, want in zip(least, wants, strict=True))


def _row_height(cells: Cells, widths: tuple[float, ...], face: Face, size: float) -> float:
    lines = max(
        (count_lines(c, face, w - 2 * INSET_X) for c, w in zip(cells, widths, strict=False)),
        default=1,
    )
    return lines * line_height(size) + 2 * INSET_Y


def row_heights(t: Table, width: float, ctx: Ctx) -> tuple[float, ...]:
    widths = col_widths(t, width, ctx)
    head_face, body_face = _faces(ctx)
    first = _row_height(t.header, widths, head_face, ctx.table)
    return (first, *(_row_height(r, widths, body_face, ctx.table) for r in t.rows))


def height(t: Table, width: float, ctx: Ctx) -> float:
    return sum(row_heights(t, width, ctx))


def frame(t: Table, box: Box, ctx: Ctx) -> PlacedTable:
    heights = row_heights(t, box.w, ctx)
    c = ctx.theme.colors
    aligns = [a or "left" for a in t.aligns] + ["left"] * len(t.header)

    def cells(row: Cells) -> tuple[Cell, ...]:
        padded = (*row, *[()] * (len(t.header) - len(row)))
        return tuple(Cell(c, aligns[i]) for i, c in enumerate(padded[: len(t.header)]))

    widths = col_widths(t, box.w, ctx)
    return PlacedTable(
        box=Box(box.x, box.y, sum(widths), sum(heights)),
        col_widths=widths,
        row_heights=heights,
        header=cells(t.header),
        rows=tuple(cells(r) for r in t.rows),
        style=ctx.style(ctx.table),
        line_height=line_height(ctx.table),
        cell_inset_x=INSET_X,
        cell_inset_y=INSET_Y,
        colors=TableColors(
            c.table_header_background, c.table_header_text, c.table_stripe, c.background
        ),
    )


def split(t: Table, width: float, room: float, ctx: Ctx) -> tuple[Table | None, Table]:
    """Rows that fit under the header; the rest go on with the header repeated."""
    heights = row_heights(t, width, ctx)
    used = heights[0]
    count = 0
    for h in heights[1:]:
        if used + h > room:
            break
        used += h
        count += 1
    if count == 0:
        return None, t
    return replace(t, rows=t.rows[:count]), replace(t, rows=t.rows[count:])
