"""The deck as layout reads it: code highlighted, pictures with their pixel sizes, diagram steps
as pictures, the title slide's lines decided. Resolve makes it from the parsed Deck."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from deckgen.model import (
    NO_MARKS,
    BulletList,
    DeckMeta,
    ListItem,
    Paragraph,
    Quote,
    Run,
    SlideMarks,
    SourceLocation,
    Table,
    plain_text,
    step_size,
)

__all__ = [
    "Backdrop",
    "BulletList",
    "ContentSlide",
    "DeckMeta",
    "Figure",
    "Line",
    "ListItem",
    "Listing",
    "Paragraph",
    "Quote",
    "QuoteSlide",
    "ReadyBlock",
    "ReadyColumn",
    "ReadyColumns",
    "ReadyDeck",
    "ReadySlide",
    "Run",
    "SectionSlide",
    "SlideMarks",
    "SourceLocation",
    "Table",
    "TitleSlide",
    "leaves",
    "plain_text",
    "step_size",
]

Line = tuple[Run, ...]  # one source line of highlighted code


@dataclass(frozen=True, slots=True)
class Listing:
    """A code block after highlighting: one tuple of coloured runs per source line."""

    lines: tuple[Line, ...]
    source: SourceLocation
    click: int = 0  # the click on which this appears; 0 = with the slide


@dataclass(frozen=True, slots=True)
class Figure:
    """A picture file with its size in pixels: a picture of the talk, or one diagram step
    (`step`, counting from 1). `width_pct` from {width=70%}, `width_px` from ![w:600](...)."""

    path: str
    alt: str
    size: tuple[int, int]
    source: SourceLocation
    width_pct: float | None = None
    width_px: int | None = None
    caption: str = ""
    step: int | None = None
    # Every step's caption, for a diagram step: room is kept for the longest, so the picture
    # and its caption sit at the same place on every step slide.
    captions: tuple[str, ...] = ()
    click: int = 0  # the click on which this appears; 0 = with the slide


@dataclass(frozen=True, slots=True)
class Backdrop:
    """A picture behind the slide's content (Marp's ![bg](...)): the whole slide, or with
    `side` (![bg left:40%](...)) that share of the slide, the content taking the rest."""

    figure: Figure
    side: str = ""  # "", "left" or "right"
    share: float = 0.5


@dataclass(frozen=True, slots=True)
class ReadyColumn:
    blocks: tuple[ReadyBlock, ...]
    width_pct: float | None
    source: SourceLocation


@dataclass(frozen=True, slots=True)
class ReadyColumns:
    columns: tuple[ReadyColumn, ...]
    source: SourceLocation


ReadyBlock = Paragraph | BulletList | Listing | Table | Figure | Quote | ReadyColumns


@dataclass(frozen=True, slots=True)
class TitleSlide:
    """The deck's opening slide, from the front matter: title, subtitle, author and the
    occasion (`event · date`)."""

    title: tuple[Run, ...]
    subtitle: str
    author: str
    occasion: str
    notes: str
    source: SourceLocation
    marks: SlideMarks = NO_MARKS  # Marp's per-slide footer, header, paginate, dark


@dataclass(frozen=True, slots=True)
class SectionSlide:
    """A section divider; text under its heading, if any, in `blocks`."""

    title: tuple[Run, ...]
    blocks: tuple[ReadyBlock, ...]
    backdrops: tuple[Backdrop, ...]
    notes: str
    source: SourceLocation
    marks: SlideMarks = NO_MARKS  # Marp's per-slide footer, header, paginate, dark


@dataclass(frozen=True, slots=True)
class ContentSlide:
    title: tuple[Run, ...]
    blocks: tuple[ReadyBlock, ...]
    backdrops: tuple[Backdrop, ...]
    notes: str
    source: SourceLocation
    marks: SlideMarks = NO_MARKS  # Marp's per-slide footer, header, paginate, dark


@dataclass(frozen=True, slots=True)
class QuoteSlide:
    """A slide whose only content is a quote: set large, on its own."""

    title: tuple[Run, ...]
    quote: Quote
    backdrops: tuple[Backdrop, ...]
    notes: str
    source: SourceLocation
    marks: SlideMarks = NO_MARKS  # Marp's per-slide footer, header, paginate, dark


ReadySlide = TitleSlide | SectionSlide | ContentSlide | QuoteSlide


@dataclass(frozen=True, slots=True)
class ReadyDeck:
    meta: DeckMeta
    slides: tuple[ReadySlide, ...]


def leaves(blocks: tuple[ReadyBlock, ...]) -> Iterator[ReadyBlock]:
    """Every block, those inside columns included, in reading order (never a ReadyColumns)."""
    for block in blocks:
        if isinstance(block, ReadyColumns):
            for column in block.columns:
                yield from leaves(column.blocks)
        else:
            yield block
