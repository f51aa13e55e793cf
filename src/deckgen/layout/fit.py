"""Fitting a slide's blocks into its body: shrink step by step, then continue on more slides."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from deckgen.layout import blocks, split
from deckgen.layout.context import Ctx
from deckgen.ready import Figure, ReadyBlock, ReadyColumns, leaves

Page = tuple[ReadyBlock, ...]
GROW_BELOW = 0.5  # a page taking less than this share of its room grows...
GROW_TO = 0.7  # ...to at most this share


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
    height = blocks.stack_upto(page, width, ctx, room + 0.01)
    return height is not None and height <= room + 0.01


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
    if steps == (0, 0):
        return [Fitted(page, *grown(page, width, room, ctx))]
    if steps is not None:
        return [Fitted(page, *steps)]
    smallest = paginate(page, width, room, ctx.at_step(ctx.last_step))
    assert smallest is not None  # no bound on the slides: the smallest size always paginates
    for step in range(ctx.last_step):  # the largest size that needs no more slides
        # A size is given up as soon as it needs more slides than the smallest size does.
        pages = paginate(page, width, room, ctx.at_step(step), most=len(smallest))
        if pages is not None:
            return [Fitted(p, step, step) for p in pages]
    return [Fitted(p, ctx.last_step, ctx.last_step) for p in smallest]


def grown(page: Page, width: float, room: float, ctx: Ctx) -> tuple[int, int]:
    """Text, code and tables that leave most of the room empty grow, a step at a time up to
    their ceilings, while they take no more than GROW_TO of it and no code line wraps. Pictures
    already fill the room, so a page holding one stays as it is."""
    if any(isinstance(b, Figure) for b in leaves(page)):
        return 0, 0
    if blocks.stack_height(page, width, ctx) > GROW_BELOW * room:
        return 0, 0
    for step in range(ctx.first_step, 0):
        bigger = ctx.at_step(step)
        tall = blocks.stack_height(page, width, bigger)
        if tall <= GROW_TO * room and not any(blocks.code_wraps(b, width, bigger) for b in page):
            return step, step
    return 0, 0


def paginate(
    page: Page, width: float, room: float, ctx: Ctx, most: int | None = None
) -> list[Page] | None:
    """The blocks on as many slides as they need, split where a slide is full; None as soon
    as they need more than `most` slides. A block is measured only as far as the room left
    reaches, so a long block costs each slide it continues on that slide's share."""
    pages: list[list[ReadyBlock]] = [[]]
    used = 0.0
    queue = deque(split.rest(block, ctx) for block in page)
    while queue:
        rest = queue.popleft()
        gap = ctx.gap if pages[-1] else 0.0
        h = split.height_upto(rest, width, ctx, room - used - gap)
        if h is not None and used + gap + h <= room:
            pages[-1].append(rest.block)
            used += gap + h
            continue
        head, tail = split.split(rest, width, room - used - gap, ctx, fresh=not pages[-1])
        if head is not None:
            pages[-1].append(head)
            queue.appendleft(tail)
        elif pages[-1]:
            queue.appendleft(rest)
        elif isinstance(rest.block, ReadyColumns):  # too tall side by side: stack the columns
            stacked = [split.rest(b, ctx) for column in rest.block.columns for b in column.blocks]
            queue.extendleft(reversed(stacked))
            continue
        else:  # a lone picture shrinks to the page; a table row taller than a page cannot
            pages[-1].append(rest.block)
        if most is not None and len(pages) > most:
            return None
        pages.append([])
        used = 0.0
    found = [tuple(p) for p in pages if p]
    return None if most is not None and len(found) > most else found
