"""Placed text frames as PowerPoint holds them: text blocks one under the other joined into
one body, and two columns' first frames given to the layout's side placeholders."""

from __future__ import annotations

from dataclasses import replace

from deckgen.layout.text import text_height
from deckgen.placed import Box, Shape, Slot, TextFrame


def joined(shapes: list[Shape], gap: float) -> list[Shape]:
    """Text blocks that follow one another become one frame, the gap between them the space
    above a paragraph: so the slide's text is one body, as PowerPoint's outline shows it."""
    joined: list[Shape] = []
    for shape in shapes:
        last = joined[-1] if joined else None
        if isinstance(last, TextFrame) and isinstance(shape, TextFrame) and _next(last, shape, gap):
            joined[-1] = _join(last, shape, gap)
        else:
            joined.append(shape)
    return joined


def _next(upper: TextFrame, lower: TextFrame, gap: float) -> bool:
    """Whether `lower` is plain text right under plain text `upper`, one gap below it."""
    plain = all(f.role == "body" and not (f.fill or f.inset or f.slot) for f in (upper, lower))
    below = abs(upper.box.y + upper.box.h + gap - lower.box.y) < 0.01
    return plain and below and (upper.box.x, upper.box.w) == (lower.box.x, lower.box.w)


def _join(upper: TextFrame, lower: TextFrame, gap: float) -> TextFrame:
    first, *rest = lower.paragraphs
    first = replace(first, space_before=first.space_before + gap)
    bottom = lower.box.y + lower.box.h
    box = Box(upper.box.x, upper.box.y, upper.box.w, bottom - upper.box.y)
    return replace(upper, box=box, paragraphs=(*upper.paragraphs, first, *rest))


def all_headed(columns: list[list[Shape]]) -> bool:
    firsts = [_first_text(column) for column in columns]
    return all(first is not None and _headed(first) for first in firsts)


def sided(column: list[Shape], side: Slot, gap: float, headed: bool) -> list[Shape]:
    """Two columns fill the layout's two placeholders (Two Content) when the slide turns out to
    be just them: each column's first text frame takes its side; when each begins with a
    one-line bold heading, the headings fill Comparison's heading placeholders over them."""
    first = _first_text(column)
    if first is None:
        return column
    index = column.index(first)
    filled = _split_head(first, side, gap) if headed else [replace(first, slot=side)]
    return [*column[:index], *filled, *column[index + 1 :]]


def _first_text(shapes: list[Shape]) -> TextFrame | None:
    return next((s for s in shapes if isinstance(s, TextFrame) and s.role == "body"), None)


def _headed(frame: TextFrame) -> bool:
    """A frame that begins with a heading: a one-line paragraph in bold, text following it."""
    if len(frame.paragraphs) < 2:
        return False
    head = frame.paragraphs[0]
    bold = head.style.bold or all(run.bold or not run.text.strip() for run in head.runs)
    return head.bullet is None and head.lines == 1 and bold


def _split_head(frame: TextFrame, side: Slot, gap: float) -> list[Shape]:
    """The heading as a frame of its own over the rest; the gap between them, which joining
    had put into the space above the second paragraph, goes back between the frames."""
    head, first, *rest = frame.paragraphs
    high = text_height(head.lines, head.style.size)
    box = frame.box
    slot: Slot = "left-head" if side == "left" else "right-head"
    heading = replace(frame, box=Box(box.x, box.y, box.w, high), paragraphs=(head,), slot=slot)
    first = replace(first, space_before=first.space_before - gap)
    under = Box(box.x, box.y + high + gap, box.w, box.h - high - gap)
    return [heading, replace(frame, box=under, paragraphs=(first, *rest), slot=side)]
