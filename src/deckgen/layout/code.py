"""Code listings: a tinted panel of monospace lines. One source line is one paragraph: a line
too long for the panel wraps inside its paragraph under a hanging indent, with a mark in the
margin beside each continued line, so the slide's text is the source exactly."""

from __future__ import annotations

from dataclasses import replace

from deckgen.fonts import text_width
from deckgen.layout.context import Ctx, line_height
from deckgen.layout.text import WIDTH_SAFETY, Face, count_lines, most_lines
from deckgen.placed import Box, PlacedParagraph, Rect, Shape, TextFrame, TextStyle
from deckgen.ready import Line, Listing

INSET = 10.8  # points of panel around the code
HANG = 2  # characters a continued line is indented by
MARK_WIDTH = 3.0  # points: the bar marking a continued line, in the panel's left inset
NEAR = 4  # lines: how far back from a full panel a split looks for a blank line or an outdent
KEEP = 3  # lines of a listing never left alone at the foot or the head of a slide


def _advance(ctx: Ctx) -> float:
    return text_width("M", ctx.theme.fonts.code, ctx.code)  # monospace: every glyph alike


def _face(ctx: Ctx) -> Face:
    code = ctx.theme.fonts.code
    return Face(code, code, ctx.code)


def line_count(line: Line, width: float, ctx: Ctx) -> int:
    """How many lines a source line takes in a panel `width` wide: PowerPoint wraps it at a
    space where it can, inside a word where it must; lines after the first are indented."""
    inner = width - 2 * INSET
    advance = _advance(ctx)
    if sum(len(run.text) for run in line) * advance <= inner * WIDTH_SAFETY:
        return 1  # the usual case, without measuring words
    return count_lines(_indent_kept(line), _face(ctx), inner, rest=inner - HANG * advance)


def _indent_kept(line: Line) -> Line:
    """The line with its indentation as letters of the same width: measured, spaces at the
    start of a line would count for nothing, though they push the code to the right."""
    text = _text(line)
    indent = len(text) - len(text.lstrip(" "))
    if not indent:
        return line
    runs, left = [], indent
    for run in line:
        cut = min(left, len(run.text))
        runs.append(replace(run, text="M" * cut + run.text[cut:]))
        left -= cut
    return tuple(runs)


def wraps(listing: Listing, width: float, ctx: Ctx) -> bool:
    """Whether a line is too long for the panel at this size."""
    return any(line_count(line, width, ctx) > 1 for line in listing.lines)


def height(listing: Listing, width: float, ctx: Ctx) -> float:
    found = height_upto(listing, width, ctx)
    assert found is not None  # a room without end holds any listing
    return found


def height_upto(
    listing: Listing, width: float, ctx: Ctx, limit: float = float("inf")
) -> float | None:
    """The listing's height, or None once it is surely taller than `limit`."""
    most = most_lines(limit - 2 * INSET, ctx.code)
    if most is not None and len(listing.lines) >= most:
        return None  # each line takes one line at least
    count = 0
    for line in listing.lines:
        count += line_count(line, width, ctx)
        if most is not None and count >= most:
            return None
    return 2 * INSET + count * line_height(ctx.code)


def shapes(listing: Listing, box: Box, ctx: Ctx) -> list[Shape]:
    """The panel of paragraphs, one per source line, and a mark beside each continued line."""
    colors = ctx.theme.colors
    style = TextStyle(
        ctx.theme.fonts.code, ctx.code, colors.code_text, code_font=ctx.theme.fonts.code
    )
    hang = HANG * _advance(ctx)
    pitch = line_height(ctx.code)
    paras = []
    marks: list[Shape] = []
    y = box.y + INSET
    for line in listing.lines:
        lines = line_count(line, box.w, ctx)
        paras.append(
            PlacedParagraph(
                line, style, pitch, indent=hang, hang=hang, lines=lines, click=listing.click
            )
        )
        for k in range(1, lines):
            top = y + k * pitch + pitch * 0.2
            mark = Box(box.x + (INSET - MARK_WIDTH) / 2, top, MARK_WIDTH, pitch * 0.6)
            marks.append(Rect(mark, colors.muted, listing.click))
        y += lines * pitch
    panel = Box(box.x, box.y, box.w, height(listing, box.w, ctx))
    frame = TextFrame(panel, tuple(paras), "code", fill=colors.code_background, inset=INSET)
    return [frame, *marks]


def split(
    listing: Listing, width: float, room: float, ctx: Ctx, fresh: bool = False
) -> tuple[Listing | None, Listing]:
    """The lines that fit in `room`, ending where the code pauses (after a blank line, or
    before a line indented less than the one before it) if one is near; never fewer than
    KEEP lines on either side, unless `room` is a whole slide and that is the only way."""
    budget = int((room - 2 * INSET) // line_height(ctx.code))
    count, used = 0, 0
    while count < len(listing.lines):
        used += line_count(listing.lines[count], width, ctx)
        if used > budget:
            break
        count += 1
    kept = min(count, len(listing.lines) - KEEP)  # the next slide's part is not a widow
    if kept >= KEEP:  # nor a line or two at the foot of this one
        count = _pause(listing.lines, kept)
    elif not fresh or count == 0:
        return None, listing
    return replace(listing, lines=listing.lines[:count]), replace(
        listing, lines=listing.lines[count:]
    )


def _pause(lines: tuple[Line, ...], count: int) -> int:
    """The split point at most NEAR lines before `count` where the code pauses, else
    `count`."""
    for at in range(count, max(KEEP, count - NEAR) - 1, -1):
        before, after = _text(lines[at - 1]), _text(lines[at])
        if not before.strip() or (_indent(after) < _indent(before) and after.strip()):
            return at
    return count


def _text(line: Line) -> str:
    return "".join(run.text for run in line)


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())
