"""Scene step -> PNG bytes with Pillow: supersampled, LANCZOS down, translucent items composited."""

from __future__ import annotations

import io
import math
from functools import cache
from itertools import pairwise
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from deckgen.diagram.display import Box, Point, Prim, prim_bounds
from deckgen.diagram.scene import Scene, SceneStep
from deckgen.fonts import font_file

DIM = 0.3  # strength of what `emphasize` leaves out
PNG_LEVEL = 1  # zlib level: faster than 6 by 3x for files a fifth larger
RGB = tuple[int, int, int]


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
    """How many pixels a side each output pixel is drawn from. A picture 2880 px wide or more
    is shown on a slide at half that or less (a 13.3 in slide is 1280-2560 px on a screen),
    so the slide's own scaling smooths it: drawing it at 2x cost a first build 0.7 s of its
    2.0 s for edges no one sees. Smaller outputs (PNGs a speaker looks at 1:1) get 3x."""
    return 1 if width >= 2880 else 3


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
    view = Box(*origin, pixels[0] / k, pixels[1] / k)
    if scene.card is not None:
        canvas.paint(_card(scene, view))
    for prim in scene.prims:
        if prim.owner in step.visible and _reaches(prim, view) and _gate_shown(prim, step):
            canvas.paint(prim)
    # The supersampled image is a whole multiple of the output: a box average of each ss x ss
    # block (Pillow's reduce) is the classic supersampling filter, and several times faster
    # than LANCZOS on a 5760 x 3240 picture. Averaged premultiplied, so edges keep their colour.
    small = canvas.image.reduce(ss)  # channel by channel: an average of premultiplied colour
    image = Image.frombytes("RGBa", small.size, small.tobytes()).convert("RGBA")
    out = io.BytesIO()
    dpi = round(size[0] / (1920 / 144))
    image.save(out, "PNG", dpi=(dpi, dpi), optimize=False, compress_level=PNG_LEVEL)
    return out.getvalue()


def _card(scene: Scene, view: Box) -> Prim:
    """The card under the whole view: the same size and place in every step."""
    inset = 6.0
    corners = ((view.x + inset, view.y + inset), (view.right - inset, view.bottom - inset))
    return Prim("rect", corners, fill=scene.card, radius=28.0, owner="", part="")


def _reaches(prim: Prim, view: Box) -> bool:
    """Whether a primitive can touch the view: what lies wholly outside is not drawn at all (a
    long fence is thousands of pickets). Text is always drawn; its anchor is not its extent."""
    if prim.shape == "text":
        return True
    box = prim_bounds(prim)
    m = prim.width + 1  # a margin: Pillow may draw a wide outline a little past the bounds
    return (
        box.x - m <= view.right
        and box.right + m >= view.x
        and box.y - m <= view.bottom
        and box.bottom + m >= view.y
    )


def _rgb(hex_: str) -> RGB:
    return (int(hex_[0:2], 16), int(hex_[2:4], 16), int(hex_[4:6], 16))


@cache
def _font(family: str, bold: bool, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_file(family, bold)), px)


def _gate_shown(prim: Prim, step: SceneStep) -> bool:
    """A gate is drawn twice, shut and open: the step's `open` picks one."""
    if prim.part.endswith(".gate.open"):
        return prim.owner in step.open
    if prim.part.endswith(".gate.shut"):
        return prim.owner not in step.open
    return True


class _Canvas:
    """Draws primitives given in logical units onto the supersampled image.

    The image starts transparent and holds premultiplied colour (its mode says RGBA): Pillow
    blends text and shapes into it as `ink * a + old * (1 - a)` on all four channels, which is
    exactly compositing in premultiplied terms, so edges over nothing keep their colour."""

    def __init__(
        self, scene: Scene, step: SceneStep, scale: float, pixels: tuple[int, int], origin: Point
    ) -> None:
        self.bg = _rgb(scene.background)
        self.image = Image.new("RGBA", pixels, (0, 0, 0, 0))
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
        crop = self.image.crop(box)
        region = Image.frombytes("RGBa", crop.size, crop.tobytes()).convert("RGBA")
        out = Image.alpha_composite(region, layer).convert("RGBa")
        self.image.paste(Image.frombytes("RGBA", out.size, out.tobytes()), box[:2])

    def _pts(self, prim: Prim, origin: Point) -> list[Point]:
        return [((x - origin[0]) * self.k, (y - origin[1]) * self.k) for x, y in prim.points]

    def _draw(self, draw: ImageDraw.ImageDraw, prim: Prim, origin: Point, alpha: int) -> None:
        fill, stroke = self.color(prim.fill, prim), self.color(prim.stroke, prim)
        fa: tuple[int, ...] | None = (*fill, alpha) if fill and alpha < 255 else fill
        sa: tuple[int, ...] | None = (*stroke, alpha) if stroke and alpha < 255 else stroke
        pts = self._pts(prim, origin)
        width = max(round(prim.width * self.k), 1)
        if prim.shape == "rect":
            self._rect(draw, _corners(pts), prim, fa, sa, width)
        elif prim.shape == "ellipse":
            draw.ellipse(_corners(pts), fill=fa, outline=sa, width=width if sa else 0)
        elif prim.shape == "polygon":
            draw.polygon(pts, fill=fa, outline=sa, width=width if sa else 0)
        elif prim.shape == "line" and sa:
            self._line(draw, pts, prim, sa, width)
        elif prim.shape == "text" and fa:
            self._text(draw, pts[0], prim, fa)

    def _text(
        self, draw: ImageDraw.ImageDraw, at: Point, prim: Prim, fill: tuple[int, ...]
    ) -> None:
        """One line of text. Pillow draws a whole line into one mask first, so a line far wider
        than the picture is cut to the characters that reach it, and no font is taller than the
        picture: the mask stays within a few times the picture's size."""
        width, height = self.image.size  # text is never drawn on a layer (it is opaque)
        px = min(max(round(prim.size * self.k), 1), height)
        font = _font(prim.family, prim.bold, px)
        text, x, anchor = prim.text, at[0], prim.align
        if font.getlength(text) > 2 * width:
            text, x = _visible(text, x, prim.align[0], font, width)
            anchor = "l" + prim.align[1]
        if text:  # Pillow fails on an empty line at some fractional positions; it draws nothing
            draw.text((x, at[1]), text, fill=fill, font=font, anchor=anchor)

    def _rect(
        self,
        draw: ImageDraw.ImageDraw,
        pts: list[Point],
        prim: Prim,
        fa: tuple[int, ...] | None,
        sa: tuple[int, ...] | None,
        width: int,
    ) -> None:
        radius = max(
            round(
                min(prim.radius * self.k, (pts[1][0] - pts[0][0]) / 2, (pts[1][1] - pts[0][1]) / 2)
            ),
            0,
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
        # A dash is at least a pixel: finer than that is a solid line made of millions of dots.
        pattern = [max(d * self.k, 1.0) for d in prim.dash]
        pieces = _dashes(pts, pattern) if pattern else [pts]
        r = width / 2
        for piece in pieces:
            draw.line(piece, fill=color, width=width, joint="curve")
            for x, y in (piece[0], piece[-1]):
                draw.ellipse([x - r, y - r, x + r, y + r], fill=color)

    def _image(self, layer: Image.Image, prim: Prim, origin: Point, alpha: int) -> None:
        (x0, y0), (x1, y1) = self._pts(prim, origin)
        left, top = round(x0), round(y0)
        width, height = max(round(x1 - x0), 1), max(round(y1 - y0), 1)
        # Only the part of the scaled picture that lies on the layer is made: scaled whole, a
        # picture on a large item would take more memory than the render.
        shown = (
            max(left, 0),
            max(top, 0),
            min(left + width, layer.width),
            min(top + height, layer.height),
        )
        if shown[2] <= shown[0] or shown[3] <= shown[1]:
            return
        with Image.open(Path(prim.text)) as opened:
            picture = opened.convert("RGBA")
        sx, sy = picture.width / width, picture.height / height
        source = (
            (shown[0] - left) * sx,
            (shown[1] - top) * sy,
            (shown[2] - left) * sx,
            (shown[3] - top) * sy,
        )
        size = (shown[2] - shown[0], shown[3] - shown[1])
        picture = picture.resize(size, Image.Resampling.LANCZOS, box=source)
        if alpha < 255:
            picture.putalpha(picture.getchannel("A").point(lambda v: v * alpha // 255))
        layer.alpha_composite(picture, shown[:2])


def _corners(pts: list[Point]) -> list[Point]:
    """The top-left and bottom-right corners of the box two points span, in whatever order:
    Pillow refuses a box whose second corner is left of or above its first."""
    (x0, y0), (x1, y1) = pts[0], pts[1]
    return [(min(x0, x1), min(y0, y1)), (max(x0, x1), max(y0, y1))]


def _visible(
    text: str, x: float, align: str, font: ImageFont.FreeTypeFont, width: int
) -> tuple[str, float]:
    """The part of a line anchored at `x` (Pillow's l, m or r) that can reach the picture's
    0..width (a character of margin each side), and the x of that part's left end."""
    whole = font.getlength(text)
    left = {"l": x, "r": x - whole}.get(align, x - whole / 2)
    first = _count_within(text, font, -left - font.size)
    last = _count_within(text, font, width - left + font.size) + 1
    return text[first:last], left + font.getlength(text[:first])


def _count_within(text: str, font: ImageFont.FreeTypeFont, length: float) -> int:
    """How many leading characters of `text` are no longer than `length` (binary search)."""
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if font.getlength(text[:middle]) <= length:
            low = middle
        else:
            high = middle - 1
    return low


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
