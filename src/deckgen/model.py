"""The talk as frozen data: what the parser makes and layout reads."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from deckgen.errors import SourceLocation

__all__ = [
    "LAYOUT_NAMES",
    "NO_MARKS",
    "Block",
    "BulletList",
    "Code",
    "Column",
    "Columns",
    "Deck",
    "DeckMeta",
    "DiagramRef",
    "Emphasis",
    "Image",
    "Leaf",
    "ListItem",
    "Paragraph",
    "Quote",
    "Run",
    "Slide",
    "SlideKind",
    "SlideMarks",
    "SourceLocation",
    "Table",
    "plain_text",
    "walk_blocks",
]

Align = Literal["left", "center", "right"]
# The slide layouts deckgen asks a template for, by PowerPoint's names (front matter `layouts:`).
LAYOUT_NAMES = (
    "Title Slide",
    "Title and Content",
    "Section Header",
    "Two Content",
    "Comparison",
    "Title Only",
    "Blank",
    "Picture with Caption",
)
SlideKind = Literal["title", "section", "content"]
# Statement text from Pandoc's `::: big`, `::: superbig` and `::: small` divs.
Emphasis = Literal["", "big", "superbig", "small"]
SUPERSCRIPT, SUBSCRIPT = 30000, -25000  # a:rPr baseline, as PowerPoint's own buttons set it
SIZE_STEP = 0.2  # <small> is 80 % of the text around it, <big> 120 %


def step_size(size: float, step: int) -> float:
    """A run's size in points for `size_step` steps from the paragraph's `size`."""
    return size * (1 + SIZE_STEP) ** step if step > 0 else size * (1 - SIZE_STEP) ** -step


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text with one look. `color` is "RRGGBB" (highlighted code, or HTML's
    `<span style="color:…">` / `<font color>`) or None. `baseline` is PowerPoint's offset in
    thousandths of a percent (SUPERSCRIPT, SUBSCRIPT); `size_step` is HTML's `<small>` (-1)
    or `<big>` (+1), a step of SIZE_STEP of the paragraph's size each."""

    text: str
    bold: bool = False
    italic: bool = False
    strike: bool = False
    code: bool = False
    link: str | None = None
    color: str | None = None
    baseline: int = 0
    size_step: int = 0
    underline: bool = False
    smallcaps: bool = False


@dataclass(frozen=True, slots=True)
class Paragraph:
    runs: tuple[Run, ...]
    source: SourceLocation
    click: int = 0  # the click on which this appears; 0 = with the slide
    emphasis: Emphasis = ""
    align: Literal["", "center", "right"] = ""  # HTML's <center>, align=, text-align:


@dataclass(frozen=True, slots=True)
class ListItem:
    """One bullet; nested lists are flattened into items with a level (0, 1, 2)."""

    runs: tuple[Run, ...]
    level: int
    ordered: bool
    number: int | None
    source: SourceLocation
    click: int = 0  # the click on which this appears; 0 = with the slide


@dataclass(frozen=True, slots=True)
class BulletList:
    items: tuple[ListItem, ...]
    source: SourceLocation
    emphasis: Emphasis = ""


@dataclass(frozen=True, slots=True)
class Code:
    """A fenced listing; `language` is the fence's info word ("" when none)."""

    text: str
    language: str
    source: SourceLocation
    click: int = 0  # the click on which this appears; 0 = with the slide


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[tuple[Run, ...], ...]
    rows: tuple[tuple[tuple[Run, ...], ...], ...]
    aligns: tuple[Align | None, ...]
    source: SourceLocation
    click: int = 0  # the click on which this appears; 0 = with the slide


@dataclass(frozen=True, slots=True)
class Image:
    """A picture file. `width_pct` from {width=70%}, `width_px` from ![w:600](...);
    `background` from Marp's ![bg](...), meant to fill the slide behind its content, or with
    `side` ("left"/"right", from ![bg left:40%](...)) to fill that share of the slide beside it."""

    path: str
    alt: str
    source: SourceLocation
    width_pct: float | None = None
    width_px: int | None = None
    caption: str = ""
    background: bool = False
    # Heights (Marp's h:200, Pandoc's {height=40%}): resolve turns them into widths, knowing
    # the picture's proportions; `height_pct` is a share of the slide's height.
    height_px: int | None = None
    height_pct: float | None = None
    side: str = ""
    share: float = 0.5
    click: int = 0  # the click on which this appears; 0 = with the slide


@dataclass(frozen=True, slots=True)
class DiagramRef:
    """An image whose path is a diagram spec (.yaml/.yml); `step` from #step=N."""

    path: str
    alt: str
    source: SourceLocation
    step: int | None = None
    click: int = 0  # the click on which this appears; 0 = with the slide


@dataclass(frozen=True, slots=True)
class Quote:
    paragraphs: tuple[Paragraph, ...]
    source: SourceLocation
    click: int = 0  # the click on which this appears; 0 = with the slide


@dataclass(frozen=True, slots=True)
class Column:
    blocks: tuple[Block, ...]
    width_pct: float | None
    source: SourceLocation


@dataclass(frozen=True, slots=True)
class Columns:
    columns: tuple[Column, ...]
    source: SourceLocation


Leaf = Paragraph | BulletList | Code | Table | Image | DiagramRef | Quote
Block = Leaf | Columns


@dataclass(frozen=True, slots=True)
class SlideMarks:
    """What Marp's directives say about one slide (a local directive holds from its slide on,
    a `_spot` one on its slide only). None: the deck's (front matter) value holds."""

    footer: str | None = None
    header: str | None = None
    paginate: bool | None = None
    dark: bool = False  # `class: invert`: the slide in the dark theme's colours


NO_MARKS = SlideMarks()  # a slide no directive speaks of: the deck's footer and numbering


@dataclass(frozen=True, slots=True)
class Slide:
    """One slide as written. Notes are plain paragraphs of text, in source order."""

    kind: SlideKind
    title: tuple[Run, ...]
    blocks: tuple[Block, ...]
    notes: tuple[str, ...]
    source: SourceLocation
    marks: SlideMarks = NO_MARKS


@dataclass(frozen=True, slots=True)
class DeckMeta:
    """Front matter. `duration` is in minutes; `aspect` is "16:9" or "4:3"."""

    title: str = ""
    subtitle: str = ""
    author: str = ""
    event: str = ""
    date: str = ""
    duration: float | None = None
    theme: str = "default"
    aspect: Literal["16:9", "4:3"] = "16:9"
    slide_level: int = 2
    footer: str = ""
    paginate: bool = False
    lang: str = "en-US"
    template: str = ""  # a .pptx/.potx path, relative to the talk's folder
    layouts: tuple[tuple[str, str], ...] = ()  # deckgen layout name -> the template's name
    incremental: bool = False  # every list appears item by item (Pandoc's -i)
    section_numbers: bool = False  # section slides show their number
    output: str = ""  # the deck's name (build/<output>.pptx), else the talk file's or folder's
    check_ignore: tuple[str, ...] = ()  # `check: {ignore: [...]}`: rules check does not apply
    source: SourceLocation | None = None
    # Where each front matter value was written, so later steps (an unknown theme) can point at it.
    value_sources: tuple[tuple[str, SourceLocation], ...] = ()

    def source_of(self, key: str) -> SourceLocation | None:
        """The place of a front matter key's value (e.g. "theme"), else of the front matter."""
        return dict(self.value_sources).get(key, self.source)


@dataclass(frozen=True, slots=True)
class Deck:
    meta: DeckMeta
    slides: tuple[Slide, ...] = field(default_factory=tuple)


def plain_text(runs: tuple[Run, ...]) -> str:
    return "".join(r.text for r in runs)


def walk_blocks(blocks: tuple[Block, ...]) -> Iterator[Leaf]:
    """Every block, those inside columns included, in reading order (never a Columns)."""
    for block in blocks:
        if isinstance(block, Columns):
            for column in block.columns:
                yield from walk_blocks(column.blocks)
        else:
            yield block
