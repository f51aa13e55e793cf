"""Tables: column widths from the text they hold, rows as tall as their tallest cell."""

from __future__ import annotations

from dataclasses import replace

from deckgen.layout.context import Ctx, line_height
from deckgen.layout.text import Face, count_lines, words
from deckgen.placed import Align, Box, Cell, PlacedParagraph, PlacedTable, TextStyle
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
    widths = col_widths(t, box.w, ctx)
    rows = tuple(
        _cells(cells, index, t, widths, ctx) for index, cells in enumerate((t.header, *t.rows))
    )
    return PlacedTable(
        Box(box.x, box.y, sum(widths), sum(heights)), widths, heights, rows, INSET_X, INSET_Y
    )


def _cells(
    row: Cells, index: int, t: Table, widths: tuple[float, ...], ctx: Ctx
) -> tuple[Cell, ...]:
    """A row's cells, padded to the header's width: the header bold on its own colour, every
    other body row striped."""
    colors = ctx.theme.colors
    header = index == 0
    fill = (colors.table_header_background if header
            else colors.table_stripe if index % 2 == 0 else colors.background)  # fmt: skip
    style = ctx.style(ctx.table, colors.table_header_text if header else "", bold=header)
    face = ctx.face(ctx.table, bold=header)
    aligns = [a or "left" for a in t.aligns] + ["left"] * len(widths)
    padded = (*row, *[()] * (len(widths) - len(row)))[: len(widths)]
    return tuple(
        Cell(_cell_paragraph(runs, style, aligns[i], face, widths[i]), fill)
        for i, runs in enumerate(padded)
    )


def _cell_paragraph(
    runs: tuple[Run, ...], style: TextStyle, align: Align, face: Face, width: float
) -> PlacedParagraph:
    lines = count_lines(runs, face, width - 2 * INSET_X)
    return PlacedParagraph(runs, style, line_height(style.size), align=align, lines=lines)


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
