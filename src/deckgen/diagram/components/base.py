"""What every component shares: the drawing context, text fitting, chips, contrast."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from deckgen.diagram.display import Anchor, Box, Prim, rect
from deckgen.diagram.spec import Item, Style
from deckgen.errors import Diagnostics, SourceLocation
from deckgen.fonts import text_width
from deckgen.theme import Theme

LABEL_PX = 28.0  # smallest comfortable label on the 1920 canvas
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

    def color(self, name: str | None, default: str | None = None) -> str | None:
        if name is None:
            return default
        if name == "none":
            return None
        return self.theme.color(name)

    def warn(self, where: SourceLocation, message: str) -> None:
        self.diagnostics.warn(where, message)


def look_of(style: Style, size: float = LABEL_PX, bold: bool = False) -> TextLook:
    font = style.font
    if font is None:
        return TextLook(size=size, bold=bold)
    family = FAMILIES.get(font.family or "sans", "Arial")
    return TextLook(family, max(font.size or size, FLOOR_PX), (font.weight or "") == "bold" or bold)


def measure(text: str, look: TextLook, size: float | None = None) -> float:
    return text_width(text, look.family, size or look.size, look.bold)


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
    r, g, b = (int(fill[i : i + 2], 16) / 255 for i in (0, 2, 4))
    lum = sum(
        w * (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
        for w, c in zip((0.2126, 0.7152, 0.0722), (r, g, b), strict=True)
    )
    with_ink = (lum + 0.05) / (0.0160 + 0.05)
    with_white = 1.05 / (lum + 0.05)
    return INK if with_ink >= with_white else WHITE


def text_lines(
    lines: list[str], center: tuple[float, float], look: TextLook, color: str, owner: str, part: str
) -> list[Prim]:
    """Centred lines of text around `center`."""
    step = look.size * LINE_HEIGHT
    top = center[1] - step * (len(lines) - 1) / 2
    return [
        Prim(
            "text",
            ((center[0], top + i * step),),
            text=line,
            family=look.family,
            bold=look.bold,
            size=look.size,
            fill=color,
            owner=owner,
            part=part,
        )
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
    size, fits = fit_size(label, box.w - 16, look)
    if not fits:
        ctx.warn(
            where,
            f"label '{label}' is wider than its chip ({box.w:.0f} px) even at {FLOOR_PX:.0f} px",
        )
    look = TextLook(look.family, size, look.bold)
    radius = min(12.0, box.h / 3)
    body = rect(
        box, fill=fill, stroke=INK, width=stroke_width, radius=radius, owner=owner, part=part
    )
    return [body, *text_lines([label], box.center, look, contrast_text(fill), owner, part)]


def chip_width(label: str, look: TextLook | None = None) -> float:
    return measure(label, look or TextLook()) + 28


def item_label(item: Item) -> str:
    value = item.get("label")
    return str(value) if value is not None else ""
