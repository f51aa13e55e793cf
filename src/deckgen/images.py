"""Picture files -> what a deck needs to know of them: pixel size, format, and the bytes to embed
for the pictures PowerPoint and LibreOffice would not show as they are (PNG, an RGB JPEG, or an
SVG's PNG fallback). Pillow reads them and resvg draws SVGs; nothing here writes a file."""

from __future__ import annotations

import io
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import resvg_py
from PIL import Image, UnidentifiedImageError

MAX_PIXELS = 50_000_000  # 50 megapixels: twice a 4K slide's worth in each direction and more
# What every reader shows as it is. GIF (animated in PowerPoint, but a slide shows one frame),
# BMP and TIFF (which LibreOffice and PowerPoint for the web may not draw) become PNG.
EMBEDDABLE = {"PNG", "JPEG"}
FALLBACK_WIDTH = 1920  # an SVG's PNG fallback is at least this wide: sharp on a projector


@dataclass(frozen=True, slots=True)
class PictureInfo:
    """A readable picture: its format as Pillow names it ("SVG" for a drawing), its size in
    pixels and its colour mode."""

    format: str
    size: tuple[int, int]
    mode: str = "RGB"


class PictureFault(Exception):
    """The file is not a picture deckgen can show; the message says why, in plain words."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


TOO_LARGE = f"at most {MAX_PIXELS // 1_000_000} megapixels"
SMALLER = "scale it down: 3840 pixels wide is sharp on any projector"
RESAVE = "open it in an image editor and save it again"
FORMATS = "PNG, JPEG, GIF, WebP and the like"


def read_picture(path: Path) -> PictureInfo:
    """The picture's format and size, after decoding it whole: a truncated file or a
    decompression bomb is a PictureFault here rather than a broken slide later."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as picture:
                info = PictureInfo(picture.format or "unknown", picture.size, picture.mode)
                _check_size(info)
                # A JPEG decodes at an eighth of its size here: every byte is still read, so a
                # truncated file still fails, but the pixels cost less to make.
                picture.draft(picture.mode, (info.size[0] // 8, info.size[1] // 8))
                picture.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PictureFault(f"picture too large ({TOO_LARGE})", SMALLER) from None
    except UnidentifiedImageError:
        raise _not_a_picture(path) from None
    except (OSError, SyntaxError, ValueError) as fault:
        raise PictureFault(f"broken picture ({_reason(fault)})", RESAVE) from None
    return info


def embeddable(info: PictureInfo) -> bool:
    """Whether the file goes into the deck as it is (a CMYK JPEG does not: most readers
    show its colours inverted or wrong)."""
    return info.format in EMBEDDABLE and info.mode != "CMYK"


def converted(path: Path) -> tuple[bytes, str]:
    """The bytes to embed for a picture that is not embeddable, and their file suffix: an RGB
    JPEG for a CMYK JPEG (a photo stays a photo), else the first frame as PNG."""
    with Image.open(path) as picture:
        if picture.format == "JPEG":
            out = io.BytesIO()
            picture.convert("RGB").save(out, "JPEG", quality=95)
            return out.getvalue(), ".jpg"
    return to_png(path), ".png"


def to_png(path: Path) -> bytes:
    """The picture re-encoded as PNG, for formats PowerPoint lacks (WebP, ICO, TGA, PPM...)."""
    with Image.open(path) as picture:
        picture.seek(0)  # an animated or multi-size file: its first frame
        mode = "RGBA" if picture.mode in ("RGBA", "LA", "P", "PA") else "RGB"
        out = io.BytesIO()
        picture.convert(mode).save(out, "PNG", optimize=False)
        return out.getvalue()


def read_svg(path: Path) -> PictureInfo:
    """An SVG's size in pixels (its width and height, or resvg's default), drawn once to
    prove it can be; one that declares more than MAX_PIXELS is drawn FALLBACK_WIDTH wide."""
    declared = _declared_size(path)
    huge = declared is not None and declared[0] * declared[1] > MAX_PIXELS
    png = _render_svg(path, FALLBACK_WIDTH if huge else None)
    with Image.open(io.BytesIO(png)) as picture:
        info = PictureInfo("SVG", picture.size, picture.mode)
    _check_size(info)
    return info


def svg_fallback(path: Path, size: tuple[int, int]) -> bytes:
    """The SVG drawn as a PNG at least FALLBACK_WIDTH pixels wide, its proportions kept: what
    readers without SVG support (PowerPoint before 2016, LibreOffice) show."""
    return _render_svg(path, max(size[0], FALLBACK_WIDTH))


def fallback_path(svg: str) -> str:
    """Where an embedded SVG's PNG fallback lies: beside it, with the same name."""
    return str(Path(svg).with_suffix(".png"))


def _declared_size(path: Path) -> tuple[float, float] | None:
    """The SVG's width and height in pixels as its root declares them (or its viewBox's), read
    before drawing it, so a drawing that claims a million pixels a side is never drawn so."""
    try:
        root = ElementTree.parse(path).getroot()
    except (ElementTree.ParseError, OSError, ValueError):
        return None  # resvg says what is wrong with it
    width, height = _length(root.get("width")), _length(root.get("height"))
    box = [float(v) for v in _NUMBER.findall(root.get("viewBox") or "")]
    if width is None or height is None:
        if len(box) != 4 or box[2] <= 0 or box[3] <= 0:
            return None
        width = width or (height * box[2] / box[3] if height else box[2])
        height = height or width * box[3] / box[2]
    return width, height


_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_UNITS = {"": 1.0, "px": 1.0, "pt": 96 / 72, "pc": 16.0, "in": 96.0, "cm": 96 / 2.54,
          "mm": 96 / 25.4}  # fmt: skip


def _length(text: str | None) -> float | None:
    found = re.fullmatch(rf"\s*({_NUMBER.pattern})\s*([a-z]*)\s*", text or "")
    if not found or found[2] not in _UNITS:
        return None  # missing, a percentage or a unit resvg decides
    return float(found[1]) * _UNITS[found[2]]


def _render_svg(path: Path, width: int | None) -> bytes:
    try:
        # dpi 96: CSS pixels, as browsers and the declared size above count them (0 makes
        # resvg measure "mm" and "in" as nothing)
        return bytes(resvg_py.svg_to_bytes(svg_path=str(path), width=width, dpi=96.0))
    except (ValueError, OSError, RuntimeError) as fault:
        raise PictureFault(f"broken SVG ({_reason(fault)})", RESAVE) from None


def what_it_is(head: bytes) -> str:
    """A file Pillow cannot read, named by its first bytes, so the error says what it is."""
    text = head.lstrip().lower()
    for sign, name in _SIGNS:
        if head.startswith(sign) or text.startswith(sign):
            return name
    if head[4:12] in (b"ftypavif", b"ftypavis"):
        return "an AVIF picture, which this Pillow cannot read"
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1"):
        return "a HEIC photo, which Pillow cannot read"
    if b"<svg" in text:
        return "an SVG drawing under another name"
    if not head:
        return "an empty file"
    return "a text file" if _is_text(head) else "a file of a kind deckgen does not know"


_SIGNS = (
    (b"%pdf", "a PDF document"),
    (b"pk\x03\x04", "a ZIP archive or an Office document"),
    (b"<!doctype html", "a web page (HTML)"),
    (b"<html", "a web page (HTML)"),
)


def _is_text(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as fault:  # a character cut at the end of the head is still text
        return fault.start >= len(head) - 3 and b"\0" not in head
    return b"\0" not in head


def _not_a_picture(path: Path) -> PictureFault:
    with path.open("rb") as file:
        head = file.read(512)
    what = what_it_is(head)
    if "AVIF" in what or "HEIC" in what:
        return PictureFault(f"not readable: {what}", "save it as PNG or JPEG")
    return PictureFault(f"not a picture: {what}", FORMATS)


def _check_size(info: PictureInfo) -> None:
    width, height = info.size
    if width < 1 or height < 1:
        raise PictureFault("picture has no pixels", RESAVE)
    if width * height > MAX_PIXELS:
        raise PictureFault(f"picture too large ({width}x{height} pixels; {TOO_LARGE})", SMALLER)


def _reason(fault: BaseException) -> str:
    text = str(fault).strip().rstrip(".")
    return text[:80] if text else type(fault).__name__
