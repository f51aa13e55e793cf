"""Code listings: a tinted panel of monospace lines; long lines wrap at the panel's edge."""

from __future__ import annotations

from dataclasses import replace

from deckgen.fonts import text_width
from deckgen.layout.context import Ctx, line_height
from deckgen.layout.text import WIDTH_SAFETY, most_lines
from deckgen.placed import Box, PlacedParagraph, TextFrame, TextStyle
from deckgen.ready import Line, Listing, Run

INSET = 10.8  # points of panel around the code


def _max_chars(width: float, ctx: Ctx) -> int:
    advance = text_width("M", ctx.theme.fonts.code, ctx.code)  # monospace: every glyph alike
    return max(8, int((width - 2 * INSET) * WIDTH_SAFETY // advance))


def _wrap(line: Line, limit: int) -> list[Line]:
    """A source line as visual lines of at most `limit` characters."""
    pieces: list[list[Run]] = [[]]
    room = limit
    for run in line:
        text, start = run.text, 0  # cut by index: slicing off the rest each time is quadratic
        while len(text) - start > room:
            if room:
                pieces[-1].append(replace(run, text=text[start : start + room]))
            start, room = start + room, limit
            pieces.append([])
        if start < len(text):
            pieces[-1].append(replace(run, text=text[start:]))
            room -= len(text) - start
    return [tuple(p) for p in pieces]


def _count(line: Line, limit: int) -> int:
    """How many visual lines `_wrap` makes of a source line: every one full but the last."""
    return max(1, -(-sum(len(run.text) for run in line) // limit))


def visual_lines(listing: Listing, width: float, ctx: Ctx) -> list[Line]:
    limit = _max_chars(width, ctx)
    return [part for line in listing.lines for part in _wrap(line, limit)]


def wraps(listing: Listing, width: float, ctx: Ctx) -> bool:
    """Whether a line is too long for the panel at this size."""
    limit = _max_chars(width, ctx)
    return any(_count(line, limit) > 1 for line in listing.lines)


def height(listing: Listing, width: float, ctx: Ctx) -> float:
    found = height_upto(listing, width, ctx)
    assert found is not None  # a room without end holds any listing
    return found


def height_upto(
    listing: Listing, width: float, ctx: Ctx, limit: float = float("inf")
) -> float | None:
    """The listing's height, or None once it is surely taller than `limit`."""
    chars, most = _max_chars(width, ctx), most_lines(limit - 2 * INSET, ctx.code)
    if most is not None and len(listing.lines) >= most:
        return None  # each line takes one line at least
    count = 0
    for line in listing.lines:
        count += _count(line, chars)
        if most is not None and count >= most:
            return None
    return 2 * INSET + count * line_height(ctx.code)


def frame(listing: Listing, box: Box, ctx: Ctx) -> TextFrame:
    colors = ctx.theme.colors
    style = TextStyle(
        ctx.theme.fonts.code, ctx.code, colors.code_text, code_font=ctx.theme.fonts.code
    )
    paras = tuple(
        PlacedParagraph(line, style, line_height(ctx.code), click=listing.click)
        for line in visual_lines(listing, box.w, ctx)
    )
    panel = Box(box.x, box.y, box.w, height(listing, box.w, ctx))
    return TextFrame(panel, paras, "code", fill=colors.code_background, inset=INSET)


def split(listing: Listing, width: float, room: float, ctx: Ctx) -> tuple[Listing | None, Listing]:
    limit = _max_chars(width, ctx)
    budget = int((room - 2 * INSET) // line_height(ctx.code))
    count, used = 0, 0
    while count < len(listing.lines):
        used += _count(listing.lines[count], limit)
        if used > budget:
            break
        count += 1
    if count < 2:  # a panel holding one line of a long listing helps nobody
        return None, listing
    return replace(listing, lines=listing.lines[:count]), replace(
        listing, lines=listing.lines[count:]
    )
