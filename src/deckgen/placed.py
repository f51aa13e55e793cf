"""The laid-out deck: every frame positioned (EMU) and every font size decided (points).

Layout makes this; the writer turns it into PowerPoint without measuring anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from deckgen.errors import SourceLocation
from deckgen.model import LAYOUT_NAMES, Run

EMU_PER_PT = 12700
Align = Literal["left", "center", "right"]
# The slide layouts of a deck, named as PowerPoint names them (templates are searched by them).
Layout = Literal[
    "Title Slide", "Title and Content", "Section Header", "Two Content", "Comparison",
    "Title Only", "Blank", "Picture with Caption",
]  # fmt: skip
LAYOUTS: tuple[str, ...] = LAYOUT_NAMES  # the same names, as the front matter's `layouts:`
# Which of its layout's placeholders a frame or picture fills: "body" is the layout's one
# content area (a title slide's subtitle, a section's text), "left"/"right" the two of Two
# Content and Comparison, "left-head"/"right-head" Comparison's headings over them,
# "picture"/"caption" those of Picture with Caption; "" a shape of its own.
Slot = Literal["", "body", "left", "right", "left-head", "right-head", "picture", "caption"]


def emu(points: float) -> int:
    return round(points * EMU_PER_PT)


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle in points, from the slide's top-left corner."""

    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True, slots=True)
class Bullet:
    """A list marker: a character ("•") or automatic numbering starting at `start`."""

    char: str = ""
    start: int = 0


@dataclass(frozen=True, slots=True)
class TextStyle:
    font: str
    size: float
    color: str
    bold: bool = False
    italic: bool = False
    code_font: str = "Courier New"  # for runs marked as code
    code_fill: str = ""  # the tint behind inline code (the code panel's colour); "" for none


@dataclass(frozen=True, slots=True)
class PlacedParagraph:
    runs: tuple[Run, ...]
    style: TextStyle
    line_height: float  # exact line spacing, points
    space_before: float = 0.0
    align: Align = "left"
    indent: float = 0.0  # left margin of the text, points
    hang: float = 0.0  # how far the first line (the bullet) starts left of `indent`
    bullet: Bullet | None = None
    bullet_color: str = ""
    lines: int = 1  # how many lines layout measured it to take in its frame
    level: int = 0  # outline level of a list item (0 = top); PowerPoint's lvl
    click: int = 0  # the click on which it appears (0: with the slide)


@dataclass(frozen=True, slots=True)
class TextFrame:
    """A text box. `role` "title" goes into the slide's title placeholder."""

    box: Box
    paragraphs: tuple[PlacedParagraph, ...]
    role: Literal["title", "subtitle", "body", "code", "caption", "footer", "header"] = "body"
    fill: str = ""
    inset: float = 0.0
    anchor: Literal["top", "middle", "bottom"] = "top"
    slide_number: bool = False  # the frame shows the live slide-number field
    slot: Slot = ""


@dataclass(frozen=True, slots=True)
class Picture:
    box: Box
    path: str
    description: str
    crop: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # left, top, right, bottom
    behind: bool = False  # drawn under every other shape, the title included
    slot: Slot = ""
    click: int = 0


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell: its text, styled (the header row bold in its own colour), and its fill
    (the header's, or the stripe of every other row)."""

    paragraph: PlacedParagraph
    fill: str


@dataclass(frozen=True, slots=True)
class PlacedTable:
    """A native table; the first row is the header, repeated on "(cont.)" slides."""

    box: Box
    col_widths: tuple[float, ...]
    row_heights: tuple[float, ...]
    rows: tuple[tuple[Cell, ...], ...]
    cell_inset_x: float
    cell_inset_y: float
    click: int = 0


@dataclass(frozen=True, slots=True)
class Rect:
    """A plain filled rectangle (a quote's bar, a section band)."""

    box: Box
    fill: str
    click: int = 0


Shape = TextFrame | Picture | PlacedTable | Rect


@dataclass(frozen=True, slots=True)
class PlacedSlide:
    kind: str
    title: TextFrame | None
    shapes: tuple[Shape, ...]
    notes: str
    background: str
    source: SourceLocation
    layout: Layout = "Title Only"
    morph: bool = False  # the change from the slide before animates (a diagram's next step)


@dataclass(frozen=True, slots=True)
class Master:
    """What the slide master says, so a slide typed by hand in PowerPoint looks like the
    rest: the style of titles and of each body level (a paragraph with no runs), the colour
    scheme, and where each layout's placeholders sit by default."""

    name: str
    title: PlacedParagraph
    display: float  # the size of a title slide's and a section's title, points
    levels: tuple[PlacedParagraph, ...]  # body text, outline levels 0-8
    footer: PlacedParagraph  # the footer line and slide number
    colors: Scheme
    boxes: tuple[tuple[str, Box], ...]  # "title", "body", "left", "right", "footer", ...

    def box(self, name: str) -> Box:
        return dict(self.boxes)[name]


@dataclass(frozen=True, slots=True)
class Scheme:
    """The theme's colour scheme as PowerPoint's colour picker offers it."""

    text: str
    background: str
    heading: str
    panel: str  # a second background: code panels, table stripes
    accents: tuple[str, str, str, str, str, str]
    link: str
    visited: str
    dark: bool  # light text on a dark background


@dataclass(frozen=True, slots=True)
class PlacedDeck:
    width: float  # points
    height: float
    slides: tuple[PlacedSlide, ...]
    title: str
    author: str
    subject: str
    lang: str
    link_color: str = "0072B2"
    body_font: str = "Arial"
    heading_font: str = "Arial"
    master: Master | None = None  # None: the writer's template decides
