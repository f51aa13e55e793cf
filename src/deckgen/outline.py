"""ReadyDeck -> the talk's outline as text: sections, slides and the time the notes take to say."""

from __future__ import annotations

from deckgen.ready import ReadyDeck, ReadySlide, SectionSlide, TitleSlide, plain_text

WORDS_PER_MINUTE = 130  # a relaxed speaking pace
LEAST_SECONDS = 15  # even a slide with no notes is on screen for a moment


def speaking_seconds(slide: ReadySlide) -> int:
    words = len(slide.notes.split())
    return max(LEAST_SECONDS, round(words * 60 / WORDS_PER_MINUTE))


def outline(deck: ReadyDeck) -> str:
    """One line per slide (sections flush left, slides indented) with running time."""
    lines: list[str] = []
    elapsed = 0
    for number, slide in enumerate(deck.slides, start=1):
        elapsed += speaking_seconds(slide)
        title = plain_text(slide.title) or "(untitled)"
        indent = "" if isinstance(slide, TitleSlide | SectionSlide) else "  "
        lines.append(f"{_clock(elapsed):>6}  {number:3d}  {indent}{title.splitlines()[0]}")
    lines.append(_summary(deck, elapsed))
    return "\n".join(lines) + "\n"


def _summary(deck: ReadyDeck, elapsed: int) -> str:
    said = f"{len(deck.slides)} slides, about {_clock(elapsed)} of notes"
    if deck.meta.duration is None:
        return said
    slot = round(deck.meta.duration * 60)
    verdict = "over" if elapsed > slot else "within"
    return f"{said}; {verdict} the {_clock(slot)} slot"


def _clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"
