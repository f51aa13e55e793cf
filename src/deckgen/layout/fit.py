"""Fitting a slide's blocks into its body: shrink step by step, then continue on more slides."""

from __future__ import annotations

from dataclasses import dataclass

from deckgen.layout import blocks, split
from deckgen.layout.context import Ctx
from deckgen.ready import ReadyBlock, ReadyColumns

Page = tuple[ReadyBlock, ...]


@dataclass(frozen=True, slots=True)
class Fitted:
    """The blocks of one slide and the size steps they fit at: text's and code's."""

    blocks: Page
    step: int
    code_step: int

    @property
    def shrunk(self) -> bool:
        return self.step > 0 or self.code_step > 0

    def sized(self, ctx: Ctx) -> Ctx:
        return ctx.at_steps(self.step, self.code_step)


def fits(page: Page, width: float, room: float, ctx: Ctx) -> bool:
    return blocks.stack_height(page, width, ctx) <= room + 0.01


def best_steps(page: Page, width: float, room: float, ctx: Ctx) -> tuple[int, int] | None:
    """The largest text size that fits, with the largest code size that fits beside it,
    preferring code that does not wrap: listings shrink before the text around them does."""
    last = ctx.last_step
    if not fits(page, width, room, ctx.at_step(last)):
        return None
    has_code = "code" in blocks.kinds(page)
    pairs = [(t, c) for t in range(last + 1) for c in (range(last + 1) if has_code else (t,))]
    fitting = (p for p in pairs if fits(page, width, room, ctx.at_steps(*p)))
    first = None
    for pair in fitting:
        if not any(blocks.code_wraps(b, width, ctx.at_steps(*pair)) for b in page):
            return pair
        first = first or pair
    return first


def fit_blocks(page: Page, width: float, room: float, ctx: Ctx) -> list[Fitted]:
    """One Fitted when the blocks fit at some size; else several, each page at one size."""
    steps = best_steps(page, width, room, ctx)
    if steps is not None:
        return [Fitted(page, *steps)]
    least = len(paginate(page, width, room, ctx.at_step(ctx.last_step)))
    for step in range(ctx.last_step + 1):  # the largest size that needs no more slides
        pages = paginate(page, width, room, ctx.at_step(step))
        if len(pages) <= least:
            return [Fitted(p, step, step) for p in pages]
    raise AssertionError("the smallest size always paginates")


def paginate(page: Page, width: float, room: float, ctx: Ctx) -> list[Page]:
    pages: list[list[ReadyBlock]] = [[]]
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
        elif isinstance(block, ReadyColumns):  # too tall side by side: stack the columns instead
            queue[0:0] = [b for column in block.columns for b in column.blocks]
            continue
        else:  # a lone picture shrinks to the page; a table row taller than a page cannot
            pages[-1].append(block)
        pages.append([])
        used = 0.0
    return [tuple(p) for p in pages if p]
