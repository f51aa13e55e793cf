"""Fitting a slide's blocks into its body: shrink step by step, then continue on more slides."""

from __future__ import annotations

from dataclasses import dataclass

from deckgen.layout import blocks, split
from deckgen.layout.context import Ctx, LaidBlock
from deckgen.model import Columns

Page = tuple[LaidBlock, ...]


@dataclass(frozen=True, slots=True)
class Fitted:
    """The blocks of one slide and the size step they fit at."""

    blocks: Page
    step: int


def fits(page: Page, width: float, room: float, ctx: Ctx) -> bool:
    return blocks.stack_height(page, width, ctx) <= room + 0.01


def best_step(page: Page, width: float, room: float, ctx: Ctx) -> int | None:
    """The largest size that fits; preferring, among those, one where no code line wraps."""
    first = None
    for step in range(ctx.last_step + 1):
        if fits(page, width, room, ctx.at_step(step)):
            if not any(blocks.code_wraps(b, width, ctx.at_step(step)) for b in page):
                return step
            first = step if first is None else first
    return first


def fit_blocks(page: Page, width: float, room: float, ctx: Ctx) -> list[Fitted]:
    """One Fitted when the blocks fit at some size; else several, each at its own best size."""
    step = best_step(page, width, room, ctx)
    if step is not None:
        return [Fitted(page, step)]
    least = len(paginate(page, width, room, ctx.at_step(ctx.last_step)))
    for step in range(ctx.last_step + 1):  # the largest size that needs no more slides
        pages = paginate(page, width, room, ctx.at_step(step))
        if len(pages) <= least:
            return [Fitted(p, step) for p in pages]
    raise AssertionError("the smallest size always paginates")


def paginate(page: Page, width: float, room: float, ctx: Ctx) -> list[Page]:
    pages: list[list[LaidBlock]] = [[]]
    used = 0.0
    queue = list(page)
    while queue:
        block = queue.pop(0)
        gap = ctx.gap if pages[-1] else 0.0
        h = blocks.height(block, width, ctx)
        if used + gap + h <= room:
            pages[-1].append(block)
            used += gap + h
            continue
        head, tail = split.split(block, width, room - used - gap, ctx, fresh=not pages[-1])
        if head is not None:
            pages[-1].append(head)
            queue.insert(0, tail)
        elif pages[-1]:
            queue.insert(0, block)
        elif isinstance(block, Columns):  # too tall side by side: stack the columns instead
            queue[0:0] = [b for column in block.columns for b in column.blocks]
            continue
        else:  # a lone picture shrinks to the page; a table row taller than a page cannot
            pages[-1].append(block)
        pages.append([])
        used = 0.0
    return [tuple(p) for p in pages if p]
