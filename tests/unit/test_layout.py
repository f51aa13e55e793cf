"""Layout rules measured directly: line breaks, code wrapping, table widths, fitting steps."""

from __future__ import annotations

from pathlib import Path

import pytest

from deckgen.errors import Diagnostics, SourceLocation
from deckgen.layout import layout_deck
from deckgen.layout.context import Ctx
from deckgen.layout.fit import fit_blocks
from deckgen.layout.table import col_widths
from deckgen.layout.text import Face, count_lines, line_starts, split_runs
from deckgen.placed import Picture, TextFrame
from deckgen.ready import (
    BulletList,
    ContentSlide,
    DeckMeta,
    Figure,
    Listing,
    ListItem,
    ReadyDeck,
    Run,
    Table,
)
from deckgen.theme import load_theme

HERE = SourceLocation("t.md", 1, 1)
FACE = Face("Arial", "Courier New", 20)


@pytest.fixture
def ctx() -> Ctx:
    theme = load_theme("default", Path("."))
    return Ctx(theme, 0, theme.colors.text)


def test_lines_break_where_the_measured_width_runs_out() -> None:
    # "server " is 61.1 pt in Arial 20 pt: four fit in 300 pt less the 4 % margin, five do not.
    assert count_lines((Run("server " * 12),), FACE, 300) == 3
    assert count_lines((Run("server " * 13),), FACE, 300) == 4


def test_words_spanning_runs_are_not_split() -> None:
    runs = (Run("re"), Run("quest", bold=True), Run(" response"))
    starts = line_starts(runs, FACE, 100)  # each word fits in 96 pt, both do not
    assert starts == [(0, 0), (2, 1)]
    head, tail = split_runs(runs, starts[1])
    assert [r.text for r in head] == ["re", "quest"]
    assert [r.text for r in tail] == ["response"]


def test_a_word_wider_than_the_line_takes_several_lines() -> None:
    # Arial's W is 0.943 em: 18.9 pt at 20 pt, so 10 fit in 200 pt less the 4 % safety margin.
    assert count_lines((Run("W" * 100),), FACE, 200) == 10


def test_table_columns_fill_the_width_and_follow_their_text(ctx: Ctx) -> None:
    table = Table(
        header=((Run("Tool"),), (Run("What it does"),)),
        rows=(((Run("router"),), (Run("sends each request to the handler that serves it"),)),),
        aligns=(None, None),
        source=HERE,
    )
    assert col_widths(table, 600, ctx) == pytest.approx((76.83, 523.17), abs=0.01)


def test_code_prefers_a_smaller_size_to_wrapping(ctx: Ctx) -> None:
    line = (Run("x" * 60, code=True),)
    listing = Listing((line,) * 3, HERE)
    chosen = fit_blocks((listing,), 700, 400, ctx)
    # Courier New is 0.6 em a letter: 60 letters at 18 pt are 648 pt, within 700 pt less the
    # panel's inset and the 4 % margin (651 pt); at 20 pt they would wrap.
    assert [(c.sized(ctx).code, len(c.blocks)) for c in chosen] == [(18, 1)]


def test_code_shrinks_before_the_text_beside_it(ctx: Ctx) -> None:
    wide = Listing(((Run("y" * 70, code=True),),) * 4, HERE)
    words = BulletList(
        tuple(ListItem((Run("a short point"),), 0, False, None, HERE) for _ in range(3)), HERE
    )
    chosen = fit_blocks((words, wide), 700, 400, ctx)
    assert len(chosen) == 1
    sized = chosen[0].sized(ctx)
    # the bullets keep 28 pt; 70 letters of code fit unwrapped at 14 pt (588 pt), not at 16
    assert (sized.body, sized.code) == (28, 14)


def test_numbered_items_count_on_from_the_first(ctx: Ctx) -> None:
    items = tuple(ListItem((Run(f"step {n}"),), 0, True, n, HERE) for n in (3, 4, 5))
    slide = ContentSlide((Run("Rollout"),), (BulletList(items, HERE),), (), "", HERE)
    placed = layout_deck(ReadyDeck(DeckMeta(), (slide,)), ctx.theme, Diagnostics())
    frame = placed.slides[0].shapes[0]
    assert isinstance(frame, TextFrame)
    assert [p.bullet.start for p in frame.paragraphs if p.bullet] == [3, 4, 5]


def test_a_diagram_step_s_picture_and_caption_stay_put_from_step_to_step(ctx: Ctx) -> None:
    """One step's caption takes a line, the next's two: both keep room for two, so nothing
    moves when the speaker clicks on."""
    short = "1. Ask"
    long = "2. Vet: the gate checks who is asking, what they want and whether they may " * 2
    steps = [
        ContentSlide((Run("Request"),), (Figure("s.png", "s", (2400, 1000), HERE, caption=c,
                                                step=n, captions=(short, long)),), (), "", HERE)
        for n, c in ((1, short), (2, long))
    ]  # fmt: skip
    placed = layout_deck(ReadyDeck(DeckMeta(), tuple(steps)), ctx.theme, Diagnostics())
    pictures = [next(s for s in p.shapes if isinstance(s, Picture)).box for p in placed.slides]
    captions = [next(s for s in p.shapes if isinstance(s, TextFrame)).box for p in placed.slides]
    assert pictures[0] == pictures[1]
    assert captions[0].y == captions[1].y
    assert [c.paragraphs[0].lines for p in placed.slides for c in p.shapes
            if isinstance(c, TextFrame)] == [1, 2]  # fmt: skip
