"""A long slide costs layout work in proportion to its length: each item, row, code line, word
and letter is measured a bounded number of times, however many "(cont.)" slides it fills.
The work is counted (measuring functions wrapped), never timed."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from deckgen.errors import Diagnostics, SourceLocation
from deckgen.layout import blocks, code, layout_deck, text
from deckgen.layout.text import Face, count_lines, line_starts
from deckgen.ready import (
    BulletList,
    ContentSlide,
    DeckMeta,
    Listing,
    ListItem,
    Paragraph,
    ReadyBlock,
    ReadyDeck,
    Run,
    Table,
)
from deckgen.theme import load_theme

HERE = SourceLocation("t.md", 1, 1)
WORDS = ["server", "client", "request", "response", "warehouse", "truck", "fence", "gate"]


class _CountedPattern:
    """A tokenizing pattern that counts each token it reads."""

    def __init__(self, pattern: re.Pattern[str], counter: Counter[str]) -> None:
        self.pattern, self.counter = pattern, counter

    def finditer(self, string: str) -> Iterator[re.Match[str]]:
        for match in self.pattern.finditer(string):
            self.counter["tokens read"] += 1
            yield match


class _Counted:
    """A table of widths that counts each look-up."""

    def __init__(self, widths: Any, counter: Counter[str]) -> None:
        self.widths, self.counter = widths, counter

    def __getitem__(self, text: str) -> float:
        self.counter["widths looked up"] += 1
        return float(self.widths[text])


@pytest.fixture
def work(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Every token read, every width looked up (each word, space and letter measured), every
    time an item or paragraph is broken into lines, every code line counted."""
    counter: Counter[str] = Counter()
    monkeypatch.setattr(text, "_LINE_TOKEN", _CountedPattern(text._LINE_TOKEN, counter))
    monkeypatch.setattr(text, "_TOKEN", _CountedPattern(text._TOKEN, counter))
    run_widths = text._run_widths
    monkeypatch.setattr(
        text, "_run_widths", lambda run, face: _Counted(run_widths(run, face), counter)
    )
    monkeypatch.setattr(
        blocks, "count_lines", _counting(blocks.count_lines, "lines broken", counter)
    )
    monkeypatch.setattr(
        code, "line_count", _counting(code.line_count, "code lines counted", counter)
    )
    return counter


def _counting(measure: Callable[..., int], name: str, counter: Counter[str]) -> Callable[..., int]:
    def counted(*args: Any, **kwargs: Any) -> int:
        counter[name] += 1
        return measure(*args, **kwargs)

    return counted


def lay_out(block: ReadyBlock) -> int:
    theme = load_theme("default", Path("."))
    slide = ContentSlide((Run("A long slide"),), (block,), (), "", HERE)
    return len(layout_deck(ReadyDeck(DeckMeta(), (slide,)), theme, Diagnostics()).slides)


def bullets(n: int) -> BulletList:
    runs = [(Run(f"item {i}: the {WORDS[i % 8]} sends a {WORDS[(i + 3) % 8]}"),) for i in range(n)]
    return BulletList(tuple(ListItem(r, 0, False, None, HERE) for r in runs), HERE)


def table(n: int) -> Table:
    rows = tuple(((Run(f"row {i}"),), (Run(f"the {WORDS[i % 8]} answers"),)) for i in range(n))
    return Table(((Run("Name"),), (Run("What"),)), rows, (None, None), HERE)


def listing(n: int) -> Listing:
    return Listing(
        tuple((Run(f"value_{i} = step(value_{i - 1})", code=True),) for i in range(n)), HERE
    )


def paragraph(n: int) -> Paragraph:
    return Paragraph((Run(" ".join(WORDS[i % 8] for i in range(n))),), HERE)


def one_word(n: int) -> Paragraph:
    return Paragraph((Run("abcdefghij" * (n // 10)),), HERE)


def test_a_3000_item_list_breaks_each_item_into_lines_a_few_times(work: Counter[str]) -> None:
    assert lay_out(bullets(3000)) > 200
    # Each size tried splits the list once; the size chosen places it once more.
    assert work["lines broken"] <= 10 * 3000


@pytest.mark.parametrize(
    ("make", "units"),
    [(bullets, 1000), (table, 1000), (listing, 1000), (paragraph, 3000), (one_word, 30_000)],
    ids=["list items", "table rows", "code lines", "words", "letters of one word"],
)
def test_twice_as_long_a_slide_costs_twice_the_measuring(
    make: Callable[[int], ReadyBlock], units: int, work: Counter[str]
) -> None:
    slides = lay_out(make(units))
    once = dict(work)
    work.clear()
    assert lay_out(make(2 * units)) >= 2 * slides - 1  # it really continues on more slides
    growth = {name: count / once[name] for name, count in work.items()}
    assert max(growth.values()) <= 2.25, growth  # each kind of measuring, on its own


def test_counting_few_lines_reads_no_further_than_they_reach() -> None:
    face = Face("Arial", "Courier New", 20)
    runs = (Run("server " * 400 + "W" * 20_000 + " gate"),)
    starts = line_starts(runs, face, 300)
    for most in (1, 2, 5, 40, 200):
        assert line_starts(runs, face, 300, most) == starts[:most]
        assert count_lines(runs, face, 300, most) == min(most, len(starts))
