"""Tables: column widths from the text they hold, rows as tall as their tallest cell."""

from __future__ import annotations

from dataclasses import replace

from deckgen.layout.context import Ctx, line_height
from deckgen.layout.text import Face, count_lines, most_lines, past, total_upto, words
from deckgen.placed import Align, Box, Cell, PlacedParagraph, PlacedTable, TextStyle
from deckgen.ready import Run, Table

INSET_X = 5.76  # points of cell margin left and right
INSET_Y = 3.6

Cells = tuple[tuple[Run, ...], ...]
# Per column, the width its text wants on one line and the width of its widest word (cell
# margins included): the most over some rows.
Extents = tuple[tuple[float, ...], tuple[float, ...]]


def _faces(ctx: Ctx) -> tuple[Face, Face]:
    return ctx.face(ctx.table, bold=True), ctx.face(ctx.table)


def _extent(cell: tuple[Run, ...], face: Face) -> tuple[float, float]:
    """(width on one line, widest word) of a cell's text."""
    ws = words(cell, face)
    if not ws:
        return 0.0, 0.0
    line = sum(w.width + w.space for w in ws) - ws[-1].space
    return line, max(w.width for w in ws)


def _row_extents(cells: Cells, face: Face, n: int) -> Extents:
    pad = 2 * INSET_X  # what an empty column wants
    found = [_extent(cell, face) for cell in cells[:n]]
    empty = (pad,) * (n - len(found))
    natural = tuple(max(pad, line / 0.96 + pad) for line, _ in found) + empty
    least = tuple(max(pad, word / 0.96 + pad) for _, word in found) + empty
    return natural, least


def _widest(a: Extents, b: Extents) -> Extents:
    return tuple(map(max, a[0], b[0])), tuple(map(max, a[1], b[1]))


def last_rows(t: Table, ctx: Ctx) -> tuple[Extents, ...]:
    """The extents of the table's last k rows, for each k: what the rows after the first of
    any part continued from this table want, measured once for all of its slides."""
    n = len(t.header)
    _, face = _faces(ctx)
    found = [((2 * INSET_X,) * n, (2 * INSET_X,) * n)]
    for cells in reversed(t.rows):
        found.append(_widest(found[-1], _row_extents(cells, face, n)))
    return tuple(found)


def col_widths(
    t: Table, width: float, ctx: Ctx, tails: tuple[Extents, ...] | None = None
) -> tuple[float, ...]:
    """Each column's width. `tails`: `last_rows` of a table whose last rows this one's rows
    after the first are, so they need not be measured again."""
    head_face, body_face = _faces(ctx)
    n = len(t.header)
    wants = _row_extents(t.header, head_face, n)
    if tails is None:
        for cells in t.rows:
            wants = _widest(wants, _row_extents(cells, body_face, n))
    elif t.rows:
        wants = _widest(wants, _row_extents(t.rows[0], body_face, n))
        wants = _widest(wants, tails[len(t.rows) - 1])
    return _share(wants, width)


def _share(wants: Extents, width: float) -> tuple[float, ...]:
    natural, least = wants
    if sum(natural) <= width:  # a small table keeps some air, not the whole slide's width
        target = min(width, max(sum(natural) * 1.3, width * 0.5))
        return tuple(w * target / sum(natural) for w in natural)
    if sum(least) >= width:
        return tuple(w * width / sum(least) for w in least)
    spare = width - sum(least)
    wants_more = [nat - low for nat, low in zip(natural, least, strict=True)]
    return tuple(
        low + spare * want / sum(wants_more) for low, want in zip(least, wants_more, strict=True)
    )


def _row_height(
    cells: Cells, widths: tuple[float, ...], face: Face, size: float, room: float = float("inf")
) -> float:
    """The row's height; past `room` (a row that surely does not fit), lines are not counted
    further."""
    most = most_lines(room - 2 * INSET_Y, size)
    lines = max(
        (count_lines(c, face, w - 2 * INSET_X, most) for c, w in zip(cells, widths, strict=False)),
        default=1,
    )
    return lines * line_height(size) + 2 * INSET_Y


def header_height(t: Table, widths: tuple[float, ...], ctx: Ctx) -> float:
    return _row_height(t.header, widths, _faces(ctx)[0], ctx.table)


def height_upto(
    t: Table, width: float, ctx: Ctx, limit: float, tails: tuple[Extents, ...] | None = None
) -> float | None:
    """`height`, or None once the table is surely taller than `limit`."""
    if past((len(t.rows) + 1) * (line_height(ctx.table) + 2 * INSET_Y), limit):
        return None  # even rows of one line each are too many: no need for column widths
    widths = col_widths(t, width, ctx, tails)
    head_face, body_face = _faces(ctx)

    def row(index: int, room: float) -> float:
        cells, face = (t.header, head_face) if index == 0 else (t.rows[index - 1], body_face)
        return _row_height(cells, widths, face, ctx.table, room)

    return total_upto(len(t.rows) + 1, row, limit)


def frame(t: Table, box: Box, ctx: Ctx) -> PlacedTable:
    widths = col_widths(t, box.w, ctx)
    rows = tuple(
        _cells(cells, index, t, widths, ctx) for index, cells in enumerate((t.header, *t.rows))
    )
    # A row is as tall as its cell of most lines (the padding cells take one, as any row does).
    size = ctx.table
    heights = tuple(
        max((c.paragraph.lines for c in row), default=1) * line_height(size) + 2 * INSET_Y
        for row in rows
    )
    box = Box(box.x, box.y, sum(widths), sum(heights))
    return PlacedTable(box, widths, heights, rows, INSET_X, INSET_Y, t.click)


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


def split(
    t: Table, width: float, room: float, ctx: Ctx, tails: tuple[Extents, ...] | None = None
) -> tuple[Table | None, Table]:
    """Rows that fit under the header; the rest go on with the header repeated. Rows past the
    room are not measured."""
    widths = col_widths(t, width, ctx, tails)
    body_face = _faces(ctx)[1]
    used = header_height(t, widths, ctx)
    count = 0
    for cells in t.rows:
        h = _row_height(cells, widths, body_face, ctx.table, room - used)
        if used + h > room:
            break
        used += h
        count += 1
    if count == 0:
        return None, t
    return replace(t, rows=t.rows[:count]), replace(t, rows=t.rows[count:])
