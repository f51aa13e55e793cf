"""What every component shares: the drawing context, text fitting, chips, contrast."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from deckgen.colors import contrast, luminance, mix
from deckgen.diagram.display import Anchor, Box, Prim, rect
from deckgen.diagram.fields import show
from deckgen.diagram.frame import TEXT_FLOOR_PT
from deckgen.diagram.limits import FONT_SIZE
from deckgen.diagram.spec import Font, Item, merge_font
from deckgen.errors import Diagnostics, SourceLocation
from deckgen.fonts import text_width
from deckgen.theme import Theme

# Default sizes in logical px; the build raises them (and the floor) to what lands at 20 pt on
# the slide the diagram is shown on (Ctx.floor), keeping their proportions.
LABEL_PX = 40.0  # default text: labels, chips, gate and frame labels, arrow labels
SIGN_PX = 48.0  # default signs and titles: a site's or a warehouse's sign
FLOOR_PX = 24.0  # nothing is drawn smaller, whatever the frame
LINE_HEIGHT = 1.22
INK = "222222"
WHITE = "FFFFFF"
FAMILIES = {"sans": "Arial", "mono": "Courier New"}
# The one drawing system every pictogram is drawn with: a flat side view standing on the
# ground, one outline weight and one corner radius (both grow with the pictogram's scale), and
# each fill from the palette outlined in a darker shade of its own hue.
OUTLINE_PX = 4.0
CORNER_PX = 10.0
EDGE_SHADE = 0.42  # how far an outline is darkened from its fill toward black


def edge(fill: str | None, ink: str = INK) -> str:
    """The outline of a fill: the same hue, darker; the ink when there is no fill. A fill
    already near black (a panel on a dark slide) is outlined lighter, or the outline vanishes."""
    if not fill:
        return ink
    return mix(fill, "FFFFFF", 0.3) if luminance(fill) < 0.03 else mix(fill, "000000", EDGE_SHADE)


@dataclass(frozen=True, slots=True)
class Pen:
    """The outline weight and corner radius of one pictogram drawn `scale` times its natural
    size."""

    scale: float = 1.0

    @property
    def width(self) -> float:
        return max(2.0, OUTLINE_PX * self.scale)

    @property
    def radius(self) -> float:
        return CORNER_PX * self.scale

    def shape(self, fill: str | None) -> dict[str, Any]:
        """Fill, outline and weight of a shape drawn in `fill`."""
        return {"fill": fill, "stroke": edge(fill), "width": self.width}


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
    floor: float = FLOOR_PX  # the smallest text drawn: what lands at 20 pt on the slide
    pt_per_px: float = 0.0  # points on the slide per logical px (0: not known)
    said: set[tuple[SourceLocation, str]] = field(default_factory=set)

    @property
    def ink(self) -> str:
        """Outlines and text on the slide: the theme's text colour (light on a dark theme)."""
        return self.theme.colors.text

    @property
    def paper(self) -> str:
        """What the diagram is seen on: the slide's background (the picture is transparent)."""
        return self.theme.colors.background

    @property
    def panel(self) -> str:
        """Signs, tags, label backgrounds and cards: white on a light theme, a shade lighter
        than the slide on a dark one."""
        return WHITE if luminance(self.paper) > 0.5 else mix(self.paper, self.ink, 0.12)

    def tint(self, color: str, share: float) -> str:
        """`color` faded `share` of the way toward the slide: pale on light, deep on dark."""
        return mix(color, self.paper, share)

    def color(self, name: str | None, default: str | None = None) -> str | None:
        if name is None:
            return default
        if name == "none":
            return None
        if name == "ink":  # the theme's text colour, so `ink` reads on a dark slide too
            return self.ink
        if name == "paper":
            return self.paper
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
    """The font's fields over the default look. A default size grows with `scale` and with the
    floor (keeping its proportion to the labels' size), never past the largest font size a spec
    may give; a given size under the floor is raised to it, with a warning at the size."""
    floor = min(ctx.floor, FONT_SIZE.high)
    scaled = min(size * max(scale, floor / LABEL_PX), FONT_SIZE.high)
    if font is None:
        return TextLook(size=max(scaled, floor), bold=bold)
    family = FAMILIES.get(font.family or "sans", "Arial")
    wanted = font.size or scaled
    if font.size and _too_small(font.size, ctx):
        ctx.warn(font.size_at or where, _small_message(font.size, ctx))
    heavy = font.weight == "bold" or (bold and font.weight != "normal")
    return TextLook(family, max(wanted, floor), heavy)


def _too_small(size: float, ctx: Ctx) -> bool:
    """Whether a given size lands under the floor: on the slide when the frame is known."""
    if ctx.pt_per_px > 0:
        return size * ctx.pt_per_px < TEXT_FLOOR_PT - 0.05
    return size < ctx.floor - 0.05


def _small_message(size: float, ctx: Ctx) -> str:
    if ctx.pt_per_px <= 0:
        return (
            f"font size {size:g} px is below the {ctx.floor:g} px floor; drawn at {ctx.floor:g} px"
        )
    return (
        f"font size {size:g} px would be {size * ctx.pt_per_px:.1f} pt on the slide, under "
        f"{TEXT_FLOOR_PT:g} pt; drawn at {ctx.floor:.0f} px"
    )


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


def fit_size(text: str, width: float, look: TextLook, floor: float) -> tuple[float, bool]:
    """The largest size (down to `floor`) at which `text` fits `width`, and if it fits (a
    chip measured for its text fits it, whatever the last bit of floating point says)."""
    size = look.size
    room = width + 0.01
    while size > floor and measure(text, look, size) > room:
        size = max(size - max(1.0, size / 40), floor)
    return size, measure(text, look, size) <= room


def contrast_text(fill: str | None, ink: str = INK) -> str:
    """The theme's ink where it reads on the fill (4.5:1), else dark or white, whichever reads
    better (dark on orange, white on blue)."""
    if fill is None or contrast(ink, fill) >= 4.5:
        return ink
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
    pen: Pen | None = None,
) -> list[Prim]:
    """A rounded chip with a label that fits: shrunk down to 24 px, else a warning."""
    look = look or TextLook()
    size, fits = fit_size(label, box.w - chip_pad(look), look, ctx.floor)
    if not fits:
        ctx.warn(
            where,
            f"label {show(label)} is wider than its chip ({box.w:.0f} px) "
            f"even at {ctx.floor:.0f} px",
        )
    size = min(size, box.h / 1.25)  # a flat chip cannot hold tall text either
    look = TextLook(look.family, max(size, ctx.floor), look.bold)
    pen = pen or Pen(look.size / LABEL_PX)
    radius = min(pen.radius, box.h / 3)
    body = rect(box, **pen.shape(fill), radius=radius, owner=owner, part=part)
    return [body, *text_lines([label], box.center, look, contrast_text(fill, ctx.ink), owner, part)]


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
