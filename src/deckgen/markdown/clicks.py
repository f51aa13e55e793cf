"""A slide's blocks and its pauses -> the click each block appears on.

reveal.js's order, which Pandoc's `. . .` and incremental lists were made for: in reading
order, each pause and each top-level item of an incremental list takes the next click; a block
appears on the click of the last pause before it, a sub-item with its item. A click that would
show nothing (two pauses in a row, a pause right before an incremental list) is dropped, since
PowerPoint has no empty clicks.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from deckgen.model import (
    Block,
    BulletList,
    Column,
    Columns,
    ListItem,
    Paragraph,
    Quote,
    SourceLocation,
    walk_blocks,
)

__all__ = ["number_clicks"]

Place = tuple[int, int]  # (line, col): a slide's blocks and pauses come from one file


@dataclass(frozen=True, slots=True)
class _Count:
    """Where the counting stands while the slide is read."""

    pauses: tuple[Place, ...]  # the pauses not yet passed, in source order
    shown: int = 0  # the click plain blocks appear on: the last passed pause's
    last: int = 0  # the highest click given out so far

    def passing(self, source: SourceLocation) -> _Count:
        """The count at `source`: each pause written before it has taken the next click."""
        passed = bisect_left(self.pauses, (source.line, source.col))
        if not passed:
            return self
        last = self.last + passed
        return replace(self, pauses=self.pauses[passed:], shown=last, last=last)

    def give(self, click: int) -> _Count:
        return replace(self, last=max(self.last, click))


def number_clicks(blocks: Sequence[Block], pauses: Sequence[SourceLocation]) -> tuple[Block, ...]:
    """The blocks with their clicks. A list item's `click` on the way in is its step in an
    incremental list (1, 2, ... per top-level item; 0 = not incremental)."""
    start = _Count(tuple(sorted((p.line, p.col) for p in pauses)))
    numbered, _ = _blocks(blocks, start)
    ranks = {click: rank for rank, click in enumerate(sorted(set(_clicks(numbered)) - {0}), 1)}
    return tuple(_renumbered(block, ranks | {0: 0}) for block in numbered)


def _blocks(blocks: Sequence[Block], count: _Count) -> tuple[tuple[Block, ...], _Count]:
    result = []
    for block in blocks:
        block, count = _block(block, count)
        result.append(block)
    return tuple(result), count


def _block(block: Block, count: _Count) -> tuple[Block, _Count]:
    match block:
        case Columns():
            return _columns(block, count)
        case BulletList():
            return _list(block, count)
        case Quote():
            return _quote(block, count)
        case _:
            count = count.passing(block.source)
            return replace(block, click=count.shown), count.give(count.shown)


def _columns(block: Columns, count: _Count) -> tuple[Columns, _Count]:
    """Columns are read left to right, so a pause in the first holds back the second."""
    columns = []
    for column in block.columns:
        blocks, count = _blocks(column.blocks, count)
        columns.append(Column(blocks, column.width_pct, column.source))
    return replace(block, columns=tuple(columns)), count


def _list(block: BulletList, count: _Count) -> tuple[BulletList, _Count]:
    """An incremental list counts its items' steps from the last click given before it, so a
    second incremental list follows the first, while a plain one appears with the pause."""
    count = count.passing(block.source)
    base = count.last
    items: list[ListItem] = []
    for item in block.items:
        count = count.passing(item.source)
        click = base + item.click if item.click else count.shown
        items.append(replace(item, click=click))
        count = count.give(click)
    return replace(block, items=tuple(items)), count


def _quote(block: Quote, count: _Count) -> tuple[Quote, _Count]:
    count = count.passing(block.source)
    click = count.shown
    count = count.give(click)
    paragraphs: list[Paragraph] = []
    for paragraph in block.paragraphs:
        count = count.passing(paragraph.source)
        paragraphs.append(replace(paragraph, click=count.shown))
        count = count.give(count.shown)
    return replace(block, click=click, paragraphs=tuple(paragraphs)), count


def _clicks(blocks: tuple[Block, ...]) -> Iterator[int]:
    """Every click something appears on."""
    for block in walk_blocks(blocks):
        match block:
            case BulletList():
                yield from (item.click for item in block.items)
            case Quote():
                yield block.click
                yield from (paragraph.click for paragraph in block.paragraphs)
            case _:
                yield block.click


def _renumbered(block: Block, ranks: dict[int, int]) -> Block:
    """Clicks counted without gaps: 0, 2, 3 become 0, 1, 2."""
    match block:
        case Columns():
            columns = tuple(
                replace(c, blocks=tuple(_renumbered(b, ranks) for b in c.blocks))
                for c in block.columns
            )
            return replace(block, columns=columns)
        case BulletList():
            items = tuple(replace(i, click=ranks[i.click]) for i in block.items)
            return replace(block, items=items)
        case Quote():
            paragraphs = tuple(replace(p, click=ranks[p.click]) for p in block.paragraphs)
            return replace(block, click=ranks[block.click], paragraphs=paragraphs)
        case _:
            return replace(block, click=ranks[block.click])
