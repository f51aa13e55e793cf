"""Runs of text -> lines, measured with the fonts the deck names (via their metric twins)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from deckgen.fonts import text_width
from deckgen.ready import Run, step_size

LINE_SPACING = 1.2  # exact line pitch as a multiple of the font size, written into the deck
# Renderers differ by a percent or two (hinting, kerning); never fill a line to the last point.
WIDTH_SAFETY = 0.96
# A word of more letters than this is wider than any line (4,096 of the narrowest letter at the
# smallest size span metres), so line breaking gives it no width and breaks it between letters
# without measuring it whole or reading it to its end: a megabyte without a space then costs
# the lines that are counted, not a megabyte on every slide it continues on.
LONG_WORD = 4096
_TOKEN = re.compile(r"\n|[^\S\n]+|\S+")
_LINE_TOKEN = re.compile(rf"\n|[^\S\n]+|\S{{1,{LONG_WORD + 1}}}")
# A running total of heights counts as past a limit only beyond this many points: sums taken in
# another order (sum() itself, on newer Pythons) may differ in the last bits.
ROUNDING = 1e-6


@dataclass(frozen=True, slots=True)
class Face:
    """What text is set in: the body family, the code family, a size and weight."""

    family: str
    code_family: str
    size: float
    bold: bool = False
    italic: bool = False


@dataclass(slots=True)
class Word:
    """A word (which may span runs) with the space after it, and where it starts. Not frozen:
    the space and the line break after a word are read after the word is handed out."""

    width: float
    space: float
    run: int
    offset: int
    breaks: bool = False  # a hard line break ("\n") follows the word


class _Widths(dict[str, float]):
    """Widths of texts in one font, style and size, each text measured once: a word is looked
    up again for every size step tried and every slide measured, and a letter of an over-wide
    word once for each letter."""

    KEEP = 1 << 16  # texts kept at most (a long-running `deckgen watch` measures many talks)

    def __init__(self, family: str, size: float, bold: bool, italic: bool, caps: bool) -> None:
        super().__init__()
        self.style = (family, size, bold, italic)
        self.caps = caps

    def __missing__(self, text: str) -> float:
        # Small capitals are measured as capitals: a little wider than drawn, never narrower.
        width = text_width(text.upper() if self.caps else text, *self.style)
        if len(text) <= LONG_WORD and len(self) < self.KEEP:  # one-off giants are not kept
            self[text] = width
        return width


@lru_cache(maxsize=64)
def _widths(family: str, size: float, bold: bool, italic: bool, caps: bool = False) -> _Widths:
    return _Widths(family, size, bold, italic, caps)


def _run_widths(run: Run, face: Face) -> _Widths:
    """A run is measured at its own size: `<small>`/`<big>` text is a step off the paragraph's.
    Superscripts are measured at full size (PowerPoint draws them smaller): never too narrow."""
    family = face.code_family if run.code else face.family
    size = step_size(face.size, run.size_step) if run.size_step else face.size
    bold, italic = face.bold or run.bold, face.italic or run.italic
    return _widths(family, size, bold, italic, run.smallcaps)


def words(runs: tuple[Run, ...], face: Face) -> list[Word]:
    """Every word, each measured whole."""
    return list(_words(runs, face))


def _words(runs: tuple[Run, ...], face: Face, lines: bool = False) -> Iterator[Word]:
    """The runs' words, each handed out once its width is known; its space and line break are
    filled in by the time the next word is handed out. For `lines`, a word longer than
    LONG_WORD letters is handed out at once, with no width."""
    pattern = _LINE_TOKEN if lines else _TOKEN
    last: Word | None = None  # the word the next space or line break belongs to
    growing: Word | None = None  # not handed out yet: a token right after it joins it
    glued = False  # the previous token was part of a word
    for index, run in enumerate(runs):
        widths = _run_widths(run, face)
        for match in pattern.finditer(run.text):
            token = match.group()
            if token.isspace():
                if growing is not None:
                    yield growing
                    growing = None
                if token == "\n":
                    if last is None or last.breaks:  # an empty line: a word of no width
                        last = Word(0.0, 0.0, index, match.start() + 1, True)
                        yield last
                    else:
                        last.breaks = True
                elif last is not None:
                    last.space += widths[token]
                glued = False
                continue
            if glued and growing is None:
                continue  # the rest of a word longer than LONG_WORD: never read
            width = math.inf if lines and len(token) > LONG_WORD else widths[token]
            if growing is None:
                last = growing = Word(width, 0.0, index, match.start())
            else:  # the word goes on into this run (or past LONG_WORD)
                growing.width += width
            if growing.width == math.inf:
                yield growing
                growing = None
            glued = True
    if growing is not None:
        yield growing


def line_starts(
    runs: tuple[Run, ...],
    face: Face,
    width: float,
    most: int | None = None,
    rest: float | None = None,
) -> list[tuple[int, int]]:
    """(run, offset) where each wrapped line starts; one entry per line (at least one). With
    `most`, only the first `most` lines are looked for: the text is read no further. `rest`:
    the width of the lines after the first (a hanging indent), if it differs."""
    avail = width * WIDTH_SAFETY
    later = (width if rest is None else rest) * WIDTH_SAFETY
    limit = max(1, most) if most is not None else math.inf
    starts: list[tuple[int, int]] = [(0, 0)]
    used = 0.0
    last: Word | None = None
    for word in _words(runs, face, lines=True):
        forced = last is not None and last.breaks
        used += last.space if last is not None else 0.0
        if forced or (used > 0 and used + word.width > avail):
            starts.append((word.run, word.offset))
            used, avail = 0.0, later
        if word.width > avail:  # one word wider than the line breaks between letters
            breaks, used = _letter_breaks(runs, word, face, avail, limit - len(starts), later)
            starts.extend(breaks)
            avail = later if breaks else avail
        else:
            used += word.width
        if len(starts) >= limit:  # before the next word is read: it may be a megabyte long
            break
        last = word
    return starts if most is None else starts[: max(1, most)]


def _letter_breaks(
    runs: tuple[Run, ...], word: Word, face: Face, avail: float, most: float, later: float
) -> tuple[list[tuple[int, int]], float]:
    """Where the lines of an over-wide word start (as PowerPoint breaks it, between letters,
    and as CJK text without spaces breaks), and the width used on its last line; no more
    than `most` of them are looked for."""
    breaks: list[tuple[int, int]] = []
    run, offset, used, left = word.run, word.offset, 0.0, word.width
    while left > 0 and run < len(runs):
        text, widths = runs[run].text, _run_widths(runs[run], face)
        while left > 0 and offset < len(text):
            letter = text[offset]
            if letter.isspace():
                return breaks, used
            width = widths[letter]
            if used > 0 and used + width > avail:
                breaks.append((run, offset))
                used, avail = 0.0, later
                if len(breaks) >= most:
                    return breaks, used
            used, left, offset = used + width, left - width, offset + 1
        run, offset = run + 1, 0
    return breaks, used


def count_lines(
    runs: tuple[Run, ...],
    face: Face,
    width: float,
    most: int | None = None,
    rest: float | None = None,
) -> int:
    """How many lines the runs take at this width (`rest`: of the lines after the first);
    with `most`, counting stops there."""
    if not any(r.text and not r.text.isspace() for r in runs):
        return 1
    return len(line_starts(runs, face, width, most, rest))


def most_lines(room: float, size: float) -> int | None:
    """A line count past which text of this size surely overflows `room`: counting lines
    further is wasted (None for a room without end)."""
    if room == math.inf:
        return None
    return int(max(0.0, room) // (size * LINE_SPACING)) + 2


def past(total: float, limit: float) -> bool:
    """Whether a running total of heights is surely more than `limit`."""
    return total > limit + ROUNDING


def total_upto(
    count: int, measure: Callable[[int, float], float | None], limit: float
) -> float | None:
    """The sum of `measure(i, room left)` over i < count, or None once the running total is
    surely past `limit` (what is past it is never measured)."""
    heights: list[float] = []
    total = 0.0
    for index in range(count):
        h = measure(index, limit - total)
        if h is None:
            return None
        heights.append(h)
        total += h
        if past(total, limit):
            return None
    return sum(heights)  # as the plain sum would be taken, to the last bit


def split_runs(
    runs: tuple[Run, ...], at: tuple[int, int]
) -> tuple[tuple[Run, ...], tuple[Run, ...]]:
    """Runs before and after a (run, offset) point; the tail loses its leading spaces."""
    run_index, offset = at
    head = list(runs[:run_index])
    tail = list(runs[run_index + 1 :])
    cut = runs[run_index]
    if offset:
        head.append(replace(cut, text=cut.text[:offset].rstrip()))
    tail.insert(0, replace(cut, text=cut.text[offset:].lstrip()))
    return tuple(r for r in head if r.text), tuple(r for r in tail if r.text)


def text_height(lines: int, size: float) -> float:
    return lines * size * LINE_SPACING
