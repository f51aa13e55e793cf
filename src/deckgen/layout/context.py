"""What every layout rule reads: the theme and the current size step."""

from __future__ import annotations

from dataclasses import dataclass, replace

from deckgen.layout.text import LINE_SPACING, Face
from deckgen.placed import TextStyle
from deckgen.theme import Theme

PT_PER_INCH = 72.0
SIZE_STEP = 2.0  # points between one trial size and the next
SMALL_STEPS = 2  # how many steps smaller `::: small` text is set
MIN_PICTURE = 144.0  # a picture is never squeezed below 2 inches high to fit text beside it


@dataclass(frozen=True, slots=True)
class Ctx:
    theme: Theme
    step: int  # how many size steps text and tables are shrunk
    text_color: str
    code_step: int | None = None  # listings' own step, when they shrink apart from the text

    @property
    def gap(self) -> float:
        return self.theme.margins.gap * PT_PER_INCH

    def size(
        self, start: float, floor: float, step: int | None = None, ceiling: float = 0.0
    ) -> float:
        """The size `step` steps below `start` (above it for a negative step, up to
        `ceiling`), never below `floor`."""
        grown = start - SIZE_STEP * (self.step if step is None else step)
        return max(floor, min(grown, max(start, ceiling)))

    @property
    def body(self) -> float:
        sizes = self.theme.sizes
        return self.size(sizes.body, sizes.body_min, ceiling=sizes.body_max)

    @property
    def code(self) -> float:
        sizes = self.theme.sizes
        return self.size(sizes.code, sizes.code_min, self.code_step, sizes.code_max)

    @property
    def table(self) -> float:
        sizes = self.theme.sizes
        return self.size(sizes.table, sizes.table_min, ceiling=sizes.table_max)

    def face(self, size: float, bold: bool = False, italic: bool = False) -> Face:
        fonts = self.theme.fonts
        return Face(fonts.body, fonts.code, size, bold, italic)

    def style(
        self, size: float, color: str = "", bold: bool = False, italic: bool = False
    ) -> TextStyle:
        fonts, tint = self.theme.fonts, self.theme.colors.code_background
        return TextStyle(fonts.body, size, color or self.text_color, bold, italic, fonts.code, tint)

    def for_block(self, block: object) -> Ctx:
        """The context a block is set in: `::: small` text two steps (4 pt) below the theme's
        size, however far the text around it has grown or shrunk."""
        if getattr(block, "emphasis", "") == "small":
            return replace(self, step=max(self.step, 0) + SMALL_STEPS)
        return self

    def at_step(self, step: int) -> Ctx:
        return replace(self, step=step, code_step=None)

    def at_steps(self, text: int, code: int) -> Ctx:
        return replace(self, step=text, code_step=code)

    @property
    def first_step(self) -> int:
        """The (negative) step at which text, code and tables reach their ceilings."""
        s = self.theme.sizes
        spans = (s.body_max - s.body, s.code_max - s.code, s.table_max - s.table)
        return -int(max(0.0, *spans) // SIZE_STEP)

    @property
    def last_step(self) -> int:
        s = self.theme.sizes
        spans = (s.body - s.body_min, s.code - s.code_min, s.table - s.table_min)
        return int(max(spans) // SIZE_STEP)


def line_height(size: float) -> float:
    return size * LINE_SPACING
