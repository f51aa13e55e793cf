"""Deck -> ReadyDeck with a fake Assets: no file is read, no diagram drawn."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from deckgen.assets import DiagramStep, PictureFile
from deckgen.diagram.frame import Frame
from deckgen.errors import DeckgenError, Diagnostics
from deckgen.markdown import parse_talk
from deckgen.model import DiagramRef
from deckgen.ready import (
    ContentSlide,
    Figure,
    Listing,
    Paragraph,
    QuoteSlide,
    ReadyColumns,
    ReadyDeck,
    SectionSlide,
    TitleSlide,
    plain_text,
)
from deckgen.resolve import resolve_deck
from deckgen.theme import load_theme

THEME = load_theme("default", Path("."))


@dataclass
class FakeAssets:
    """Pictures by path with their sizes; diagrams by path with their steps."""

    pictures: dict[str, tuple[int, int] | None] = field(default_factory=dict)  # None: unreadable
    diagrams: dict[str, tuple[DiagramStep, ...]] = field(default_factory=dict)
    asked: list[str] = field(default_factory=list)

    def picture(self, path: str) -> PictureFile:
        self.asked.append(path)
        if path.startswith("https://"):  # as FileAssets answers without --fetch-images
            return PictureFile(problem="web image not embedded", web=True)
        size = self.pictures.get(path, "missing")
        if size == "missing":
            return PictureFile(problem="image not found")
        if size is None:
            return PictureFile(problem="not a picture")
        if path.endswith(".svg"):
            return PictureFile(path, size, "SVG")
        return PictureFile(path, size, "PNG")

    def diagram(self, ref: DiagramRef, frame: Frame | None = None) -> tuple[DiagramStep, ...]:
        if ref.path not in self.diagrams:
            raise DeckgenError(f"diagram spec not found: {ref.path}", ref.source)
        steps = self.diagrams[ref.path]
        return steps if ref.step is None else (steps[ref.step - 1],)


def steps(name: str, count: int) -> tuple[DiagramStep, ...]:
    return tuple(
        DiagramStep(n, f"{name}-{n}.png", (1800, 900), f"{name} step {n}", f"say {n}")
        for n in range(1, count + 1)
    )


def resolve(text: str, assets: FakeAssets | None = None) -> tuple[ReadyDeck, Diagnostics]:
    diagnostics = Diagnostics()
    deck = parse_talk([("talk.md", text)], diagnostics)
    return resolve_deck(deck, THEME, assets or FakeAssets(), diagnostics), diagnostics


def test_the_title_slide_has_its_subtitle_author_and_the_event_and_date() -> None:
    text = "---\ntitle: T\nsubtitle: S\nauthor: A\nevent: E\ndate: 2026-01-02\n---\n"
    (slide,) = resolve(text)[0].slides
    assert isinstance(slide, TitleSlide)
    assert (plain_text(slide.title), slide.subtitle, slide.author, slide.occasion) == (
        "T",
        "S",
        "A",
        "E · 2026-01-02",
    )


def test_the_occasion_leaves_out_what_the_front_matter_does_not_give() -> None:
    (slide,) = resolve("---\ntitle: T\nevent: PyCon\n---\n")[0].slides
    assert isinstance(slide, TitleSlide)
    assert (slide.subtitle, slide.author, slide.occasion) == ("", "", "PyCon")


def test_a_quote_alone_is_a_quote_slide_and_beside_text_it_is_not() -> None:
    deck, _ = resolve("## Q\n\n> Talk is cheap.\n\n## R\n\n> Talk is cheap.\n\nShow me.\n")
    quote, content = deck.slides
    assert isinstance(quote, QuoteSlide)
    assert [plain_text(p.runs) for p in quote.quote.paragraphs] == ["Talk is cheap."]
    assert isinstance(content, ContentSlide)
    assert len(content.blocks) == 2


def test_a_quote_over_a_background_picture_is_still_a_quote_slide() -> None:
    assets = FakeAssets({"bg.png": (1600, 900)})
    deck, _ = resolve("## Q\n\n![bg](bg.png)\n\n> Talk is cheap.\n", assets)
    (slide,) = deck.slides
    assert isinstance(slide, QuoteSlide)
    assert [b.figure.size for b in slide.backdrops] == [(1600, 900)]


def test_code_becomes_highlighted_lines_one_per_source_line() -> None:
    deck, diagnostics = resolve("## C\n\n```python\ndef f():\n\treturn 1\n```\n")
    (slide,) = deck.slides
    assert isinstance(slide, ContentSlide)
    (listing,) = slide.blocks
    assert isinstance(listing, Listing)
    assert ["".join(r.text for r in line) for line in listing.lines] == [
        "def f():",
        "    return 1",
    ]
    keyword = next(r for r in listing.lines[0] if r.text.strip() == "def")
    assert keyword.color is not None and keyword.color != THEME.colors.code_text
    assert diagnostics.warnings == []


def test_an_unknown_language_warns_once_even_on_a_slide_shown_for_three_steps() -> None:
    assets = FakeAssets(diagrams={"d.yaml": steps("d", 3)})
    deck, diagnostics = resolve("## D\n\n![d](d.yaml)\n\n```klingon\nqapla'\n```\n", assets)
    assert len(deck.slides) == 3
    assert [p.message for p in diagnostics.warnings] == [
        "unknown code language 'klingon': shown without highlighting"
    ]


def test_a_picture_carries_the_pixel_size_assets_report() -> None:
    assets = FakeAssets({"door.png": (640, 480)})
    deck, _ = resolve("## P\n\n![A door](door.png){width=50%}\n", assets)
    (slide,) = deck.slides
    assert isinstance(slide, ContentSlide)
    assert slide.blocks == (
        Figure("door.png", "A door", (640, 480), slide.blocks[0].source, width_pct=50.0),
    )


def test_a_picture_in_a_column_is_resolved_inside_its_column() -> None:
    assets = FakeAssets({"a.png": (100, 50)})
    text = "## C\n\n:::: columns\n::: column\ntext\n:::\n::: column\n![a](a.png)\n:::\n::::\n"
    (slide,) = resolve(text, assets)[0].slides
    assert isinstance(slide, ContentSlide)
    (columns,) = slide.blocks
    assert isinstance(columns, ReadyColumns)
    left, right = columns.columns
    assert isinstance(left.blocks[0], Paragraph)
    assert [(type(b), getattr(b, "size", None)) for b in right.blocks] == [(Figure, (100, 50))]


def test_every_missing_picture_and_diagram_is_reported_at_once_in_source_order() -> None:
    text = "## A\n\n![gone](gone.png)\n\n## B\n\n![d](missing.yaml)\n\n## C\n\n![x](x.gif)\n"
    with pytest.raises(DeckgenError) as caught:
        resolve(text, FakeAssets({"x.gif": None}))
    assert [str(p.location) + " " + p.message for p in caught.value.problems] == [
        "talk.md:3:1 image not found: gone.png",
        "talk.md:7:1 diagram spec not found: missing.yaml",
        "talk.md:11:1 not a picture: x.gif",
    ]


def test_a_web_picture_becomes_text_in_its_place_with_a_warning_and_an_svg_a_figure() -> None:
    assets = FakeAssets({"logo.svg": (300, 150)})
    text = "## W\n\n![A chart](https://example.org/c.png)\n\n![Logo](logo.svg)\n"
    deck, diagnostics = resolve(text, assets)
    (slide,) = deck.slides
    assert isinstance(slide, ContentSlide)
    chart, logo = slide.blocks
    assert isinstance(chart, Paragraph) and plain_text(chart.runs) == "[picture: A chart]"
    assert isinstance(logo, Figure) and (logo.path, logo.size) == ("logo.svg", (300, 150))
    assert [p.message.split(":")[0] for p in diagnostics.warnings] == ["web image not embedded"]


def test_a_picture_without_alt_text_warns_at_each_place_it_is_used() -> None:
    assets = FakeAssets({"a.png": (10, 10)})
    _, diagnostics = resolve("## A\n\n![](a.png)\n\n## B\n\n![](a.png)\n", assets)
    assert [p.location.line for p in diagnostics.warnings if p.location] == [3, 7]


def test_a_diagram_slide_is_one_slide_per_step_with_the_steps_notes() -> None:
    assets = FakeAssets(diagrams={"trucks.yaml": steps("trucks", 3)})
    text = "## Trucks\n\n![Loading](trucks.yaml)\n\n::: notes\nIntro.\n:::\n"
    deck, _ = resolve(text, assets)
    figures = [s.blocks[0] for s in deck.slides if isinstance(s, ContentSlide)]
    assert [(f.path, f.step, f.size) for f in figures if isinstance(f, Figure)] == [
        ("trucks-1.png", 1, (1800, 900)),
        ("trucks-2.png", 2, (1800, 900)),
        ("trucks-3.png", 3, (1800, 900)),
    ]
    assert [s.notes for s in deck.slides] == [
        "Intro.\n\nsay 1",
        "Intro.\n\nsay 2",
        "Intro.\n\nsay 3",
    ]


def test_a_second_diagram_on_a_step_slide_shows_its_last_step() -> None:
    assets = FakeAssets(diagrams={"a.yaml": steps("a", 2), "b.yaml": steps("b", 3)})
    deck, _ = resolve("## Two\n\n![a](a.yaml)\n\n![b](b.yaml)\n", assets)
    shown = [
        [b.path for b in s.blocks if isinstance(b, Figure)]
        for s in deck.slides
        if isinstance(s, ContentSlide)
    ]
    assert shown == [["a-1.png", "b-3.png"], ["a-2.png", "b-3.png"]]


def test_a_chosen_step_shows_only_that_step() -> None:
    assets = FakeAssets(diagrams={"a.yaml": steps("a", 4)})
    deck, _ = resolve("## One step\n\n![a](a.yaml#step=3)\n", assets)
    (slide,) = deck.slides
    assert isinstance(slide, ContentSlide)
    assert [(b.path, b.caption) for b in slide.blocks if isinstance(b, Figure)] == [
        ("a-3.png", "a step 3")
    ]


def test_a_diagram_without_alt_text_takes_its_steps_caption() -> None:
    assets = FakeAssets(diagrams={"a.yaml": steps("a", 1)})
    deck, _ = resolve("## A\n\n![](a.yaml)\n", assets)
    (slide,) = deck.slides
    assert isinstance(slide, ContentSlide)
    assert [b.alt for b in slide.blocks if isinstance(b, Figure)] == ["a step 1"]


def test_backgrounds_come_apart_from_the_content_with_their_side() -> None:
    assets = FakeAssets({"p.png": (1200, 900)})
    deck, _ = resolve("# Part\n\n![bg left:40%](p.png)\n\nText.\n\n## S\n\nx\n", assets)
    section = deck.slides[0]
    assert isinstance(section, SectionSlide)
    assert [(b.side, b.share, b.figure.path) for b in section.backdrops] == [("left", 0.4, "p.png")]
    assert [type(b) for b in section.blocks] == [Paragraph]


def test_code_pictures_diagrams_and_stand_ins_keep_the_click_they_appear_on() -> None:
    assets = FakeAssets({"a.png": (10, 10)}, {"d.yaml": steps("d", 2)})
    text = (
        "## Builds\n\nText\n\n. . .\n\n```python\nx = 1\n```\n\n. . .\n\n![a](a.png)\n\n"
        "![b](https://example.org/b.png)\n\n. . .\n\n![d](d.yaml)\n"
    )
    deck, _ = resolve(text, assets)
    first, second = deck.slides
    assert isinstance(first, ContentSlide) and isinstance(second, ContentSlide)
    kinds = [(type(b).__name__, getattr(b, "click", None)) for b in first.blocks]
    assert kinds == [
        ("Paragraph", 0),
        ("Listing", 1),
        ("Figure", 2),
        ("Paragraph", 2),  # the web picture's stand-in text
        ("Figure", 3),
    ]
    assert [b.click for b in second.blocks if isinstance(b, Figure)] == [2, 3]


def test_a_height_becomes_the_width_that_gives_it_proportions_kept() -> None:
    assets = FakeAssets({"tall.png": (200, 400), "wide.png": (800, 400)})
    deck, _ = resolve("## P\n\n![h:200](tall.png)\n\n![W](wide.png){height=50%}\n", assets)
    (slide,) = deck.slides
    assert isinstance(slide, ContentSlide)
    tall, wide = slide.blocks
    assert isinstance(tall, Figure) and tall.width_px == 100
    assert isinstance(wide, Figure) and wide.width_px == 720  # half of 720 px, twice as wide
