"""Every limit on a diagram spec, in one place: far past what a real diagram needs, near enough
that drawing stays bounded in time and memory. Lengths are logical px of the 1920x1080 canvas.
docs/diagrams.md lists them; `deckgen diagram --schema` carries them as minimum and maximum."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Range:
    """The numbers a field accepts: low to high, low itself excluded when `above`."""

    low: float
    high: float
    above: bool = False  # sizes must be more than 0, not 0

    def holds(self, value: float) -> bool:
        return (value > self.low if self.above else value >= self.low) and value <= self.high

    def describe(self) -> str:
        if self.above:
            return f"more than {self.low:g} and at most {self.high:g}"
        return f"between {self.low:g} and {self.high:g}"


LENGTH = 20_000.0  # ten canvas widths: every coordinate, size and distance

COORDINATE = Range(-LENGTH, LENGTH)  # at, via, along, points, place gap, `num` parameters
SIZE = Range(1, LENGTH)  # size, label width, gate width: under a pixel, geometry divides by ~0
SPACING = Range(0, LENGTH)  # a group's gap and padding: negative ones turn its box inside out
CANVAS_WIDTH = Range(400, 8_000)  # the narrower the canvas, the more pixels per logical px
CANVAS_HEIGHT = Range(100, 8_000)
STROKE = Range(0, 200, above=True)
RADIUS = Range(0, 1_000)
DASH = Range(1, LENGTH)  # a dash under 1 px would be millions of dashes along a long line
FONT_SIZE = Range(0, 400, above=True)  # below 24 px is raised to 24 with a warning
FRACTION = Range(0, 1)  # opacity, gate positions
LANE = Range(-50, 50)  # lanes are 44 px apart

MAX_PARTS = 200  # items of any list, people on a site, grid columns, a step number
PARTS = Range(0, MAX_PARTS)  # people
COLUMNS = Range(1, MAX_PARTS)
STEP = Range(1, MAX_PARTS)
MAX_ITEMS = 500  # items of a spec, group children included
MAX_TEXT = 1_000  # characters of one drawn text (label, chip name); captions and notes are free

MAX_SHAPES = 50_000  # shapes and dashes one diagram draws (fences, crowds, long dashed paths)
