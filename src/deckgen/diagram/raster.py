"""Scene step -> PNG bytes with Pillow: supersampled, LANCZOS down, translucent items composited."""

from __future__ import annotations

import io
import math
import warnings
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from deckgen.diagram.display import Point, Prim, prim_bounds
from deckgen.diagram.limits import MAX_PICTURE_PIXELS
from deckgen.diagram.scene import Scene, SceneStep
from deckgen.fonts import font_file

DIM = 0.3  # strength of what `emphasize` leaves out
RGB = tuple[int, int, int]


@dataclass(frozen=True, slots=True)
class PictureFault:
    """Why a picture file cannot be drawn: the end of a sentence that starts with the file."""

    message: str
    hint: str | None = None


def picture_fault(path: Path) -> PictureFault | None:
    """Whether an image item's file can be drawn: read in full (a truncated file fails here,
    not while drawing), after its size is checked from the header alone."""
    try:
        with warnings.catch_warnings():  # Pillow warns of large pictures; the limit is ours
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as picture:
                if picture.width * picture.height > MAX_PICTURE_PIXELS:
                    return _TOO_LARGE
                picture.convert("RGBA")
    except Image.DecompressionBombError:
        return _TOO_LARGE
    except Exception:  # a damaged file makes Pillow raise errors of many kinds
        return PictureFault("cannot be read as a picture", "save it again as PNG or JPEG")
    return None


_TOO_LARGE = PictureFault(
    f"is too large to draw (more than {MAX_PICTURE_PIXELS / 1e6:g} megapixels)", "scale it down"
)


def png_fault(path: Path, size: tuple[int, int]) -> bool:
    """True unless `path` is a whole PNG of `size` pixels: how a cached step is trusted."""
    try:
        with Image.open(path) as picture:
            if picture.format != "PNG" or picture.size != tuple(size):
                return True
            picture.verify()  # every chunk there and its checksum right
    except Exception:  # missing, truncated or garbled: render it again
        return True
    return False


def supersampling(width: int) -> int:
    """2x is smooth enough at 2880 px and above; smaller outputs get 3x."""
    return 2 if width >= 2880 else 3


def pixel_box(scene: Scene, size: tuple[int, int]) -> tuple[int, int, int, int]:
    """The scene's view in pixels of the whole canvas drawn at `size`: left, top, right, bottom.
    Rounded outward to whole pixels, so a cropped picture keeps the canvas's pixel density."""
    view = scene.shown
    k = size[0] / scene.width  # one scale both ways, as the whole canvas is drawn
    left, top = max(math.floor(view.x * k), 0), max(math.floor(view.y * k), 0)
    right = min(math.ceil(view.right * k), size[0])
    bottom = min(math.ceil(view.bottom * k), size[1])
    return (left, top, max(right, left + 1), max(bottom, top + 1))


def output_size(scene: Scene, size: tuple[int, int]) -> tuple[int, int]:
    """The PNG's pixel size: the view (the whole canvas, or its crop) at `size`'s density."""
    left, top, right, bottom = pixel_box(scene, size)
    return (right - left, bottom - top)


def render_png(scene: Scene, number: int, size: tuple[int, int] = (2880, 1620)) -> bytes:
    """The PNG of step `number` (1-based): the scene's view, at the density of the whole canvas
    drawn at `size` pixels. The same input gives the same bytes."""
    step = scene.steps[number - 1]
    ss = supersampling(size[0])
    left, top, right, bottom = pixel_box(scene, size)
    k = size[0] * ss / scene.width
    origin = (left * ss / k, top * ss / k)
    pixels = ((right - left) * ss, (bottom - top) * ss)
    canvas = _Canvas(scene, step, k, pixels, origin)
    for prim in scene.prims:
        if prim.owner in step.visible:
            canvas.paint(prim)
    image = canvas.image.resize((right - left, bottom - top), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    dpi = round(size[0] / (1920 / 144))
    image.save(out, "PNG", dpi=(dpi, dpi), optimize=False, compress_level=6)
    return out.getvalue()


def _rgb(hex_: str) -> RGB:
    return (int(hex_[0:2], 16), int(hex_[2:4], 16), int(hex_[4:6], 16))


@cache
def _font(family: str, bold: bool, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_file(family, bold)), px)


class _Canvas:
    """Draws primitives given in logical units onto the supersampled image."""

    def __init__(
        self, scene: Scene, step: SceneStep, scale: float, pixels: tuple[int, int], origin: Point
    ) -> None:
        self.bg = _rgb(scene.background)
        self.image = Image.new("RGB", pixels, self.bg)
        self.step, self.k, self.origin = step, scale, origin

    def color(self, hex_: str | None, prim: Prim) -> RGB | None:
        if hex_ is None:
            return None
        rgb = _rgb(hex_)
        if self.step.emphasis and not self._emphasized(prim):
            return tuple(round(b + (c - b) * DIM) for c, b in zip(rgb, self.bg, strict=True))  # type: ignore[return-value]
        return rgb

    def _emphasized(self, prim: Prim) -> bool:
        return any(prim.part == k or prim.part.startswith(k + ".") for k in self.step.emphasis)

    def paint(self, prim: Prim) -> None:
        ox, oy = self.origin
        if prim.opacity >= 1 and prim.shape != "image":
            self._draw(ImageDraw.Draw(self.image), prim, self.origin, 255)
            return
        bounds = prim_bounds(prim)
        box = (
            max(math.floor((bounds.x - ox) * self.k) - 4, 0),
            max(math.floor((bounds.y - oy) * self.k) - 4, 0),
            min(math.ceil((bounds.right - ox) * self.k) + 4, self.image.width),
            min(math.ceil((bounds.bottom - oy) * self.k) + 4, self.image.height),
        )
        if box[2] <= box[0] or box[3] <= box[1]:
            return
        layer = Image.new("RGBA", (box[2] - box[0], box[3] - box[1]), (0, 0, 0, 0))
        alpha = round(255 * prim.opacity)
        layer_origin = (ox + box[0] / self.k, oy + box[1] / self.k)
        if prim.shape == "image":
            self._image(layer, prim, layer_origin, alpha)
        else:
            self._draw(ImageDraw.Draw(layer), prim, layer_origin, alpha)
        region = self.image.crop(box).convert("RGBA")
        self.image.paste(Image.alpha_composite(region, layer).convert("RGB"), box[:2])

    def _pts(self, prim: Prim, origin: Point) -> list[Point]:
        return [((x - origin[0]) * self.k, (y - origin[1]) * self.k) for x, y in prim.points]

    def _draw(self, draw: ImageDraw.ImageDraw, prim: Prim, origin: Point, alpha: int) -> None:
        fill, stroke = self.color(prim.fill, prim), self.color(prim.stroke, prim)
        fa: tuple[int, ...] | None = (*fill, alpha) if fill and alpha < 255 else fill
        sa: tuple[int, ...] | None = (*stroke, alpha) if stroke and alpha < 255 else stroke
        pts = self._pts(prim, origin)
        width = max(round(prim.width * self.k), 1)
        if prim.shape == "rect":
            self._rect(draw, pts, prim, fa, sa, width)
        elif prim.shape == "ellipse":
            draw.ellipse([pts[0], pts[1]], fill=fa, outline=sa, width=width if sa else 0)
        elif prim.shape == "polygon":
            draw.polygon(pts, fill=fa, outline=sa, width=width if sa else 0)
        elif prim.shape == "line" and sa:
            self._line(draw, pts, prim, sa, width)
        elif prim.shape == "text" and fa:
            font = _font(prim.family, prim.bold, max(round(prim.size * self.k), 1))
            draw.text(pts[0], prim.text, fill=fa, font=font, anchor=prim.align)

    def _rect(
        self,
        draw: ImageDraw.ImageDraw,
        pts: list[Point],
        prim: Prim,
        fa: tuple[int, ...] | None,
        sa: tuple[int, ...] | None,
        width: int,
    ) -> None:
        radius = round(
            min(prim.radius * self.k, (pts[1][0] - pts[0][0]) / 2, (pts[1][1] - pts[0][1]) / 2)
        )
        if prim.dash and sa:
            draw.rounded_rectangle([pts[0], pts[1]], radius=radius, fill=fa)
            path = _rounded_path(pts[0], pts[1], radius)
            self._line(draw, path, prim, sa, width)
            return
        draw.rounded_rectangle(
            [pts[0], pts[1]], radius=radius, fill=fa, outline=sa, width=width if sa else 0
        )

    def _line(
        self,
        draw: ImageDraw.ImageDraw,
        pts: list[Point],
        prim: Prim,
        color: tuple[int, ...],
        width: int,
    ) -> None:
        pieces = _dashes(pts, [d * self.k for d in prim.dash]) if prim.dash else [pts]
        r = width / 2
        for piece in pieces:
            draw.line(piece, fill=color, width=width, joint="curve")
            for x, y in (piece[0], piece[-1]):
                draw.ellipse([x - r, y - r, x + r, y + r], fill=color)

    def _image(self, layer: Image.Image, prim: Prim, origin: Point, alpha: int) -> None:
        (x0, y0), (x1, y1) = self._pts(prim, origin)
        with Image.open(Path(prim.text)) as opened:
            picture = opened.convert("RGBA")
        picture = picture.resize(
            (max(round(x1 - x0), 1), max(round(y1 - y0), 1)), Image.Resampling.LANCZOS
        )
        if alpha < 255:
            picture.putalpha(picture.getchannel("A").point(lambda v: v * alpha // 255))
        layer.alpha_composite(picture, (round(x0), round(y0)))


def _rounded_path(a: Point, b: Point, r: float) -> list[Point]:
    corners = [
        (b[0] - r, a[1] + r, -90),
        (b[0] - r, b[1] - r, 0),
        (a[0] + r, b[1] - r, 90),
        (a[0] + r, a[1] + r, 180),
    ]
    path = []
    for cx, cy, start in corners:
        for i in range(9):
            angle = math.radians(start + 90 * i / 8)
            path.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    return [*path, path[0]]


def _dashes(pts: list[Point], pattern: list[float]) -> list[list[Point]]:
    """Split a polyline into the 'on' pieces of a dash pattern (on, off, on, ...)."""
    pattern = pattern if len(pattern) % 2 == 0 else pattern * 2
    pieces: list[list[Point]] = []
    index, left, on = 0, pattern[0], True
    current: list[Point] = [pts[0]]
    for a, b in pairwise(pts):
        seg = math.dist(a, b)
        pos = 0.0
        while seg - pos > left:
            pos += left
            t = pos / seg
            p = (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
            if on:
                pieces.append([*current, p])
            current = [p]
            index = (index + 1) % len(pattern)
            left, on = pattern[index], not on
        left -= seg - pos
        current.append(b)
    if on and len(current) > 1:
        pieces.append(current)
    return pieces
