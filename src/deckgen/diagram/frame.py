"""Theme -> the frame a diagram lands in on a slide, and the text size that lands at 20 pt."""

from __future__ import annotations

from dataclasses import dataclass

from deckgen.theme import Theme

TEXT_FLOOR_PT = 20.0  # the smallest diagram text, as it measures on the slide
AIM_PT = 20.25  # what text is sized for: a little over, so rounding never reports 19.9
PT_PER_INCH = 72.0
LINE = 1.2  # the deck's line pitch, as a share of the text size


@dataclass(frozen=True, slots=True)
class Frame:
    """The room a diagram is scaled into on its slide, in points."""

    width: float
    height: float

    def scale(self, width_px: float, height_px: float) -> float:
        """Points on the slide per logical px of a picture `width_px` x `height_px` fitted in."""
        return min(self.width / max(width_px, 1.0), self.height / max(height_px, 1.0))


def slide_frame(theme: Theme, aspect: str = "16:9", share: float = 1.0, columns: int = 1) -> Frame:
    """The body of a content slide under a one-line title and above a one-line caption, as
    layout leaves it for a picture; in a column, the column's `share` of the width (the gaps
    between `columns` columns taken out first). An estimate made before layout: the figure the
    deck reports (`smallest text N pt on slide M`) is measured on the placed picture."""
    width, height = theme.page or ((720.0, 540.0) if aspect == "4:3" else (960.0, 540.0))
    m, sizes = theme.margins, theme.sizes
    gap = m.gap * PT_PER_INCH
    inner = width - (m.left + m.right) * PT_PER_INCH
    title = sizes.title * LINE + gap * 1.5
    caption = gap * 0.5 + sizes.caption * LINE
    body = height - (m.top + m.bottom) * PT_PER_INCH - title - caption
    return Frame((inner - gap * (columns - 1)) * share, body)


def floor_px(frame: Frame, width_px: float, height_px: float) -> float:
    """The logical text size that lands at TEXT_FLOOR_PT when a picture of this size fills
    the frame."""
    return AIM_PT / frame.scale(width_px, height_px)
