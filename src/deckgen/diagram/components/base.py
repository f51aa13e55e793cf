"""What every component shares: the drawing context, text fitting, chips, contrast."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from deckgen.colors import contrast
from deckgen.diagram.display import Anchor, Box, Prim, rect
from deckgen.diagram.fields import show
from deckgen.diagram.limits import FONT_SIZE
from deckgen.diagram.spec import Font, Item, merge_font
from deckgen.errors import Diagnostics, SourceLocation
from deckgen.fonts import text_width
from deckgen.theme import Theme

# A diagram is shown at about 0.7 of the slide's width, so 40 px reads as ~14 pt.
LABEL_PX = 40.0  # default text: labels, chips, gate and frame labels, arrow labels
SIGN_PX = 48.0  # default signs and titles: a site's or a warehouse's sign
FLOOR_PX = 24.0  # nothing is drawn smaller
LINE_HEIGHT = 1.22
INK = "222222"
WHITE = "FFFFFF"
FAMILIES = {"sans": "Arial", "mono": "Courier New"}


@dataclass(frozen=True, slots=True)
class Drawn:
    """What a component makes: primitives, its named anchors and its named parts."""

    prims: tuple[Prim, ...]
    anchors: Mapping[str, Anchor] = field(default_factory=dict)
    parts: Mapping[str, Box] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class TextLook:
    family: str = "Arial"
    size: float = LABEL_PX
    bold: bool = False


@dataclass(slots=True)
class Ctx:
    """The theme and the warnings sink every component draws with."""

    theme: Theme
    diagnostics: Diagnostics
    base: str = "."  # folder of the spec, for image paths
    said: set[tuple[SourceLocation, str]] = field(default_factory=set)

    def color(self, name: str | None, default: str | None = None) -> str | None:
        if name is None:
            return default
        if name == "none":
            return None
        return self.theme.color(name)

    def warn(self, where: SourceLocation, message: str) -> None:
        """Each warning once, however often a component measures and draws the same text."""
        if (where, message) not in self.said:
            self.said.add((where, message))
            self.diagnostics.warn(where, message)


def font_look(
    font: Font | None,
    ctx: Ctx,
    where: SourceLocation,
    size: float = LABEL_PX,
    bold: bool = False,
    scale: float = 1.0,
) -> TextLook:
    """The font's fields over the default look; `scale` grows the default size, not a given one,
    and never past the largest font size a spec may give. A size under the floor is raised to it,
    with a warning at the size (or at `where`)."""
    scaled = min(size * scale, FONT_SIZE.high)
    if font is None:
        return TextLook(size=max(scaled, FLOOR_PX), bold=bold)
    family = FAMILIES.get(font.family or "sans", "Arial")
    wanted = font.size or scaled
    if font.size and font.size < FLOOR_PX:
        ctx.warn(
            font.size_at or where,
            f"font size {font.size:g} px is below the {FLOOR_PX:g} px floor; "
            f"drawn at {FLOOR_PX:g} px",
        )
    heavy = font.weight == "bold" or (bold and font.weight != "normal")
    return TextLook(family, max(wanted, FLOOR_PX), heavy)


def look_of(
    item: Item, ctx: Ctx, size: float = LABEL_PX, bold: bool = False, scale: float = 1.0
) -> TextLook:
    """The look of an item's own text, from its style's `font`."""
    return font_look(item.style.font, ctx, item.where, size, bold, scale)


def font_from(value: Mapping[str, Any] | None, base: Font | None) -> Font | None:
    """A nested `font:` mapping (of a gate, frame or chip) laid over the item's own font."""
    if not value:
        return base
    return merge_font(Font(**value), base)


def measure(text: str, look: TextLook, size: float | None = None) -> float:
    return text_width(one_line(text), look.family, size or look.size, look.bold)


def one_line(text: str) -> str:
    """Text drawn as one line (a chip, a sign, an arrow's label): its line breaks are spaces.
    Pillow can neither measure nor anchor a line break in a single line of text."""
    return text.replace("\n", " ")


def wrap(text: str, width: float, look: TextLook) -> list[str]:
    """Greedy word wrap measured with the font the text is drawn with."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split():
            trial = f"{current} {word}".strip()
            if current and measure(trial, look) > width:
                lines.append(current)
                current = word
            else:
                current = trial
        lines.append(current)
    return lines


def fit_size(text: str, width: float, look: TextLook) -> tuple[float, bool]:
    """The largest size (down to the 24 px floor) at which `text` fits `width`, and if it fits."""
    size = look.size
    while size > FLOOR_PX and measure(text, look, size) > width:
        size -= 1
    return size, measure(text, look, size) <= width


def contrast_text(fill: str | None) -> str:
    """Ink on light fills, white on dark ones (blue, ink)."""
    if fill is None:
        return INK
    return INK if contrast(INK, fill) >= contrast(WHITE, fill) else WHITE


def text_prim(
    at: tuple[float, float],
    text: str,
    look: TextLook,
    color: str,
    owner: str,
    part: str,
    align: str = "mm",
) -> Prim:
    """One line of text; `align` is the Pillow anchor that `at` names ("mm" = its centre)."""
    return Prim(
        "text", (at,), text=one_line(text), family=look.family, bold=look.bold, size=look.size,
        fill=color, align=align, owner=owner, part=part,
    )  # fmt: skip


def text_lines(
    lines: list[str], center: tuple[float, float], look: TextLook, color: str, owner: str, part: str
) -> list[Prim]:
    """Centred lines of text around `center`."""
    step = look.size * LINE_HEIGHT
    top = center[1] - step * (len(lines) - 1) / 2
    return [
        text_prim((center[0], top + i * step), line, look, color, owner, part)
        for i, line in enumerate(lines)
    ]


def chip(
    ctx: Ctx,
    label: str,
    box: Box,
    fill: str,
    owner: str,
    part: str,
    where: SourceLocation,
    *,
    look: TextLook | None = None,
    stroke_width: float = 2.0,
) -> list[Prim]:
    """A rounded chip with a label that fits: shrunk down to 24 px, else a warning."""
    look = look or TextLook()
    size, fits = fit_size(label, box.w - chip_pad(look), look)
    if not fits:
        ctx.warn(
            where,
            f"label {show(label)} is wider than its chip ({box.w:.0f} px) "
            f"even at {FLOOR_PX:.0f} px",
        )
    size = min(size, box.h / 1.25)  # a flat chip cannot hold tall text either
    look = TextLook(look.family, max(size, FLOOR_PX), look.bold)
    radius = min(0.3 * look.size, box.h / 3)
    body = rect(
        box, fill=fill, stroke=INK, width=stroke_width, radius=radius, owner=owner, part=part
    )
    return [body, *text_lines([label], box.center, look, contrast_text(fill), owner, part)]


def chip_pad(look: TextLook) -> float:
    """Room left and right of a chip's text, together: grows with the text."""
    return 0.7 * look.size


def chip_height(look: TextLook) -> float:
    return round(1.5 * look.size)


def chip_width(label: str, look: TextLook | None = None) -> float:
    look = look or TextLook()
    return measure(label, look) + chip_pad(look)


def item_label(item: Item) -> str:
    value = item.get("label")
    return str(value) if value is not None else ""
