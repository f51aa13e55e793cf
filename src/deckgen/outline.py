"""PlacedDeck -> the talk's outline: every slide as the deck numbers it, where it was written,
and the time its notes take to say (deckgen outline, check's slide numbers, preview, export)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from deckgen.errors import SourceLocation
from deckgen.layout import CONTINUED
from deckgen.model import plain_text
from deckgen.placed import PlacedDeck, PlacedSlide

WORDS_PER_MINUTE = 130  # a relaxed speaking pace
# What a slide with few or no notes is on screen for, by its kind: a title or a section is a breath,
# a content slide is read by the room; a diagram's next step (morph) is a moment.
LEAST_SECONDS = {"title": 15, "section": 5, "closing": 10, "statement": 10, "quote": 15}
LEAST_CONTENT = 20
LEAST_STEP = 10


@dataclass(frozen=True, slots=True)
class OutlineSlide:
    """One slide of the deck: its number, title, kind, where it was written, its notes' words
    and the seconds it takes, and the running total up to its end."""

    n: int
    title: str
    kind: str
    file: str
    line: int
    seconds: int
    running_seconds: int
    notes_words: int


@dataclass(frozen=True, slots=True)
class Outline:
    title: str
    duration_minutes: float | None
    total_seconds: int
    slides: tuple[OutlineSlide, ...]

    def as_json(self) -> dict[str, Any]:
        """The stable JSON form (docs/usage.md): these keys, in this order."""
        return asdict(self)


def notes_words(slide: PlacedSlide) -> int:
    """The words the speaker says on the slide; a "(cont.)" slide's marker is not said."""
    return 0 if slide.notes.strip() == CONTINUED else len(slide.notes.split())


def speaking_seconds(slide: PlacedSlide) -> int:
    """The notes said at WORDS_PER_MINUTE, but never less than the slide's kind is shown for."""
    said = round(notes_words(slide) * 60 / WORDS_PER_MINUTE)
    least = LEAST_STEP if slide.morph else LEAST_SECONDS.get(slide.kind, LEAST_CONTENT)
    return max(said, least)


def slide_title(slide: PlacedSlide) -> str:
    """The title as shown, on one line ("(untitled)" for a slide without one)."""
    if slide.title is None:
        return "(untitled)"
    text = " ".join(plain_text(p.runs) for p in slide.title.paragraphs)
    return " ".join(text.split()) or "(untitled)"


def make_outline(deck: PlacedDeck, duration: float | None) -> Outline:
    rows: list[OutlineSlide] = []
    elapsed = 0
    for n, slide in enumerate(deck.slides, 1):
        seconds = speaking_seconds(slide)
        elapsed += seconds
        where = slide.source
        rows.append(
            OutlineSlide(
                n, slide_title(slide), slide.kind, where.path, where.line, seconds, elapsed,
                notes_words(slide),
            )
        )  # fmt: skip
    return Outline(deck.title, duration, elapsed, tuple(rows))


def slide_of(deck: PlacedDeck, where: SourceLocation | None) -> int | None:
    """The number of the slide a place in the talk belongs to: the last slide written at or
    before it in the same file (None for a place outside the slides, as the front matter)."""
    if where is None:
        return None
    found = None
    for n, slide in enumerate(deck.slides, 1):
        at = slide.source
        before = at.path == where.path and (at.line, at.col) <= (where.line, where.col)
        if before and (found is None or deck.slides[found - 1].source != at):
            found = n  # the first of a slide's "(cont.)" pages
    return found


def outline_text(outline: Outline) -> str:
    """A table with headings: number, running clock, seconds, kind, file:line, title; then
    the total against the slot."""
    head = f"{'#':>3}  {'at':>6}  {'secs':>4}  {'kind':<9}  {'source':<18}  title"
    lines = [head]
    for s in outline.slides:
        source = f"{s.file}:{s.line}"
        lines.append(
            f"{s.n:>3}  {clock(s.running_seconds):>6}  {s.seconds:>4}  {s.kind:<9}  "
            f"{source:<18}  {s.title}"
        )
    lines.append(summary(outline))
    return "\n".join(lines) + "\n"


def summary(outline: Outline) -> str:
    count = len(outline.slides)
    said = f"{count} slide{'' if count == 1 else 's'}, {clock(outline.total_seconds)} planned"
    if outline.duration_minutes is None:
        return said + " (no duration: in the front matter)"
    slot = round(outline.duration_minutes * 60)
    gap = outline.total_seconds - slot
    verdict = (
        "exactly the slot" if gap == 0 else f"{clock(abs(gap))} {'over' if gap > 0 else 'under'}"
    )
    return f"{said} of a {clock(slot)} slot: {verdict}"


def clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"
