"""Runs of text -> lines, measured with the fonts the deck names (via their metric twins)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from deckgen.fonts import text_width
from deckgen.ready import Run

LINE_SPACING = 1.2  # exact line pitch as a multiple of the font size, written into the deck
# Renderers differ by a percent or two (hinting, kerning); never fill a line to the last point.
WIDTH_SAFETY = 0.96
_TOKEN = re.compile(r"\n|[^\S\n]+|\S+")


@dataclass(frozen=True, slots=True)
class Face:
    """What text is set in: the body family, the code family, a size and weight."""

    family: str
    code_family: str
    size: float
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True, slots=True)
class Word:
    """A word (which may span runs) with the space after it, and where it starts."""

    width: float
    space: float
    run: int
    offset: int
    breaks: bool = False  # a hard line break ("\n") follows the word


def run_width(text: str, run: Run, face: Face) -> float:
    family = face.code_family if run.code else face.family
    return text_width(text, family, face.size, face.bold or run.bold, face.italic or run.italic)


def words(runs: tuple[Run, ...], face: Face) -> list[Word]:
    found: list[Word] = []
    glued = False  # the previous run ended inside a word, so this run's first token joins it
    for index, run in enumerate(runs):
        offset = 0
        for token in _TOKEN.findall(run.text):
            width = 0.0 if token == "\n" else run_width(token, run, face)
            if token == "\n":
                if not found or found[-1].breaks:  # an empty line: a word of no width
                    found.append(Word(0.0, 0.0, index, offset + 1, True))
                else:
                    found[-1] = replace(found[-1], breaks=True)
                glued = False
            elif token.isspace():
                if found:
                    found[-1] = replace(found[-1], space=found[-1].space + width)
                glued = False
            elif glued and found and found[-1].space == 0:
                found[-1] = replace(found[-1], width=found[-1].width + width)
            else:
                found.append(Word(width, 0.0, index, offset))
            glued = not token.isspace()
            offset += len(token)
    return found


def line_starts(runs: tuple[Run, ...], face: Face, width: float) -> list[tuple[int, int]]:
    """(run, offset) where each wrapped line starts; one entry per line (at least one)."""
    avail = width * WIDTH_SAFETY
    starts: list[tuple[int, int]] = [(0, 0)]
    used = 0.0
    forced = False
    for word in words(runs, face):
        if forced or (used > 0 and used + word.width > avail):
            starts.append((word.run, word.offset))
            used = 0.0
        if word.width > avail:  # one word wider than the line breaks between letters
            breaks, used = _letter_breaks(runs, word, face, avail)
            starts.extend(breaks)
        else:
            used += word.width
        used += word.space
        forced = word.breaks
    return starts


def _letter_breaks(
    runs: tuple[Run, ...], word: Word, face: Face, avail: float
) -> tuple[list[tuple[int, int]], float]:
    """Where the lines of an over-wide word start (as PowerPoint breaks it, between letters,
    and as CJK text without spaces breaks), and the width used on its last line."""
    breaks: list[tuple[int, int]] = []
    run, offset, used, left = word.run, word.offset, 0.0, word.width
    while left > 0 and run < len(runs):
        text = runs[run].text
        if offset >= len(text):
            run, offset = run + 1, 0
            continue
        if text[offset].isspace():
            break
        width = run_width(text[offset], runs[run], face)
        if used > 0 and used + width > avail:
            breaks.append((run, offset))
            used = 0.0
        used, left, offset = used + width, left - width, offset + 1
    return breaks, used


def count_lines(runs: tuple[Run, ...], face: Face, width: float) -> int:
    if not any(r.text.strip() for r in runs):
        return 1
    return len(line_starts(runs, face, width))


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
