"""Pandoc's simple, multiline and grid tables (lines of text) -> TextTable: header, rows and
column alignments, read as Pandoc's Markdown reader reads them (Readers/Markdown.hs:
simpleTable, multilineTable, alignType; Parsing/GridTable.hs with the gridtables library).

Two differences, both so that `---` slide breaks stay slide breaks: a simple or multiline table
needs at least two columns, and a grid table is read only when its cells form a regular grid
(no row or column spans)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

DASHES = re.compile(r"( {0,3})((?:-+ *)+)")
GROUP = re.compile(r"(-+)( *)")
GRID_RULE = re.compile(r"\+(?:[-=:]+\+)+")
# `:` must not be followed by punctuation, so `:::` fences are no captions.
CAPTION = re.compile(r" {0,3}(?:[Tt]able:|:(?![!-/:-@\[-`{-~]))(.*)")
LIST_ITEM = re.compile(r"(?:[-*+]|\d+[.)])\s")


@dataclass(frozen=True, slots=True)
class TextTable:
    """A table read from lines of text; `header` is () when it has none; `aligns` holds
    "left", "right", "center" or "" per column; `lines` is how many lines it takes."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    aligns: tuple[str, ...]
    lines: int


@dataclass(frozen=True, slots=True)
class _Columns:
    """A dashed line's columns: where each starts (and where the line's text ends)."""

    starts: tuple[int, ...]
    dashes: tuple[int, ...]  # each column's run of dashes, its length


def read_table(lines: Sequence[str]) -> TextTable | None:
    """The table the lines start with, tried in Pandoc's order, or None."""
    lines = [line.expandtabs(4) for line in lines]
    return (
        _multiline(lines, headed=True)
        or _simple(lines, headed=False)
        or _simple(lines, headed=True)
        or _multiline(lines, headed=False)
        or _grid(lines)
    )


def read_caption(lines: Sequence[str]) -> tuple[str, int, int] | None:
    """Pandoc's caption after a table (`Table: text` or `: text`, blank lines before it
    allowed): its text, the line it starts on and the line after it; or None."""
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    found = CAPTION.match(lines[start]) if start < len(lines) else None
    if found is None:
        return None
    end = start + 1
    while not _blank(lines, end):
        end += 1
    text = " ".join([found[1].strip(), *(line.strip() for line in lines[start + 1 : end])])
    return text.strip(), start, end


def could_start(first: str, second: str) -> bool:
    """A cheap test: whether a table can start at a line followed by `second`."""
    return bool(DASHES.fullmatch(first) or GRID_RULE.fullmatch(first.strip())
                or _columns(second))  # fmt: skip


# --- simple and multiline tables -------------------------------------------------------------


def _columns(line: str) -> _Columns | None:
    """A dashed line of two or more columns (`----  ------`), or None."""
    found = DASHES.fullmatch(line)
    if not found:
        return None
    groups = GROUP.findall(found[2])
    if len(groups) < 2:
        return None
    starts = [len(found[1])]
    for dashes, spaces in groups:
        starts.append(starts[-1] + len(dashes) + len(spaces))
    return _Columns(tuple(starts), tuple(len(d) for d, _ in groups))


def _chunks(line: str, columns: _Columns) -> list[str]:
    """The line cut at the columns' starts; the last column takes the rest of the line."""
    s = columns.starts
    n = len(columns.dashes)
    return [line[s[i] : s[i + 1]] if i < n - 1 else line[s[i] :] for i in range(n)]


def _align(chunks: Sequence[str], dashes: int) -> str:
    """Pandoc's alignType: the shortest non-empty text of the column decides."""
    texts = sorted((c.rstrip() for c in chunks if c.rstrip()), key=len)
    if not texts:
        return ""
    left_space, right_space = texts[0][0] in " \t", len(texts[0]) < dashes
    return {(True, False): "right", (False, True): "left", (True, True): "center"}.get(
        (left_space, right_space), ""
    )


def _blank(lines: Sequence[str], i: int) -> bool:
    return i >= len(lines) or not lines[i].strip()


def _footer(lines: Sequence[str], i: int) -> bool:
    """A dashed line followed by a blank line or the end (tableFooter)."""
    return i < len(lines) and bool(DASHES.fullmatch(lines[i])) and _blank(lines, i + 1)


def _row_line(lines: Sequence[str], i: int) -> bool:
    return not _blank(lines, i) and not _footer(lines, i)


def _simple(lines: Sequence[str], headed: bool) -> TextTable | None:
    at = 1 if headed else 0
    columns = _columns(lines[at]) if at < len(lines) else None
    if columns is None or not _row_line(lines, at + 1):
        return None
    first = lines[0] if headed else lines[at + 1]
    aligns = tuple(_align([c], d) for c, d in zip(_chunks(first, columns), columns.dashes,
                                                   strict=True))  # fmt: skip
    end = at + 1
    while _row_line(lines, end):
        end += 1
    rows = tuple(_cells([lines[i]], columns) for i in range(at + 1, end))
    if _footer(lines, end):
        end += 1
    elif not headed:
        return None  # a table without a header must end with a dashed line
    header = _cells([lines[0]], columns) if headed else ()
    return _table(header, rows, aligns, end)


def _dashed(line: str) -> bool:
    return bool(DASHES.fullmatch(line))


def _multiline(lines: Sequence[str], headed: bool) -> TextTable | None:
    at = 0
    if headed:
        if not lines or not _dashed(lines[0]) or _blank(lines, 1):
            return None
        at = 1
        while at < len(lines) and not _dashed(lines[at]):
            at += 1
    columns = _columns(lines[at]) if at < len(lines) else None
    if columns is None or (headed and at == 1):
        return None
    head = lines[1:at]
    first = head if headed else lines[at + 1 : at + 2]
    by_column = list(zip(*(_chunks(line, columns) for line in first), strict=True))
    aligns = tuple(_align(c, d) for c, d in zip(by_column, columns.dashes, strict=True))
    rows, end = _multiline_rows(lines, at + 1, columns)
    if rows is None:
        return None
    return _table(_cells(head, columns) if headed else (), rows, aligns, end)


def _multiline_rows(
    lines: Sequence[str], i: int, columns: _Columns
) -> tuple[tuple[tuple[str, ...], ...] | None, int]:
    """Rows of one or more lines, blank lines between them, up to the closing dashed line."""
    rows: list[tuple[str, ...]] = []
    while _row_line(lines, i):
        start = i
        while _row_line(lines, i):
            i += 1
        rows.append(_cells(lines[start:i], columns))
        while i < len(lines) and _blank(lines, i) and not _footer(lines, i):
            i += 1
    if not rows or not _footer(lines, i):
        return None, i
    return tuple(rows), i + 1


def _cells(lines: Sequence[str], columns: _Columns) -> tuple[str, ...]:
    """Each column's text: its lines trimmed and joined with spaces, as Pandoc joins a plain
    paragraph's lines."""
    by_column = zip(*(_chunks(line, columns) for line in lines), strict=True)
    return tuple(" ".join(part.strip() for part in parts if part.strip()) for parts in by_column)


def _table(
    header: tuple[str, ...], rows: tuple[tuple[str, ...], ...], aligns: tuple[str, ...], n: int
) -> TextTable:
    """Pandoc's NormalizeHeader: a header of empty cells is no header."""
    return TextTable(header if any(header) else (), rows, aligns, n)


# --- grid tables ---------------------------------------------------------------------------


def _grid(lines: Sequence[str]) -> TextTable | None:
    indent = len(lines[0]) - len(lines[0].lstrip(" ")) if lines else 4
    if indent > 3 or not GRID_RULE.fullmatch(lines[0].strip()):
        return None
    block = []
    for line in lines:
        if not line[indent:].startswith(("+", "|")) or line[:indent].strip():
            break
        block.append(line[indent:].rstrip())
    bounds = tuple(i for i, c in enumerate(block[0]) if c == "+")
    if not all(_regular(line, bounds) for line in block) or not block[-1].startswith("+"):
        return None
    if len(block) < 3:
        return None  # a rule, or two, holds no cell
    return _grid_table(block, bounds)


def _regular(line: str, bounds: tuple[int, ...]) -> bool:
    """Every column boundary where the top line has it, and nothing spanning one."""
    mark = "+" if line.startswith("+") else "|"
    if len(line) != bounds[-1] + 1 or any(line[b] not in (mark, "+") for b in bounds):
        return False
    return mark == "|" or bool(GRID_RULE.fullmatch(line))


def _grid_table(block: list[str], bounds: tuple[int, ...]) -> TextTable:
    rules = [i for i, line in enumerate(block) if line.startswith("+")]
    heads = [i for i in rules[1:-1] if "=" in block[i]]
    rows = tuple(_grid_cells(block[a + 1 : b], bounds) for a, b in itertools.pairwise(rules))
    split = rules.index(heads[0]) if heads else 0
    aligns = _grid_aligns(block[heads[0]] if heads else block[0], bounds)
    return _table(_head(rows, split), rows[split:], aligns, len(block))


def _head(rows: tuple[tuple[str, ...], ...], split: int) -> tuple[str, ...]:
    """The header rows above the `+===+` rule, one row (several are joined cell by cell)."""
    if split == 0:
        return ()
    return tuple("\n".join(c for c in column if c) for column in zip(*rows[:split], strict=True))


def _grid_aligns(rule: str, bounds: tuple[int, ...]) -> tuple[str, ...]:
    parts = [rule[a + 1 : b] for a, b in itertools.pairwise(bounds)]
    names = {(True, False): "left", (False, True): "right", (True, True): "center"}
    return tuple(names.get((p.startswith(":"), p.endswith(":")), "") for p in parts)


def _grid_cells(lines: Sequence[str], bounds: tuple[int, ...]) -> tuple[str, ...]:
    columns = itertools.pairwise(bounds)
    return tuple(_cell_text([line[a + 1 : b].rstrip() for line in lines]) for a, b in columns)


def _cell_text(lines: list[str]) -> str:
    """A grid cell's lines as text: lines of a paragraph joined with spaces; a new paragraph or
    list item on a line of its own (a hard break), a list item's marker as a bullet."""
    if all(not line or line.startswith(" ") for line in lines):
        lines = [line[1:] for line in lines]  # Pandoc's removeOneLeadingSpace
    out: list[str] = []
    fresh = True
    for line in (line.strip() for line in lines):
        if not line:
            fresh = True
            continue
        item = LIST_ITEM.match(line + " ")
        if item and line[0] in "-*+":
            line = "• " + line[item.end() :].strip()
        if out and (fresh or item):
            out.append("\\\n")  # a hard line break in Markdown
        elif out:
            out.append(" ")
        out.append(line)
        fresh = False
    return "".join(out)
