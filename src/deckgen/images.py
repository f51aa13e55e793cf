"""Picture files -> what a deck needs to know of them: pixel size, format, and PNG bytes for
the formats PowerPoint cannot show. Pillow reads them; nothing here writes a file."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

MAX_PIXELS = 50_000_000  # 50 megapixels: twice a 4K slide's worth in each direction and more
EMBEDDABLE = {"PNG", "JPEG", "GIF", "BMP", "TIFF"}  # what PowerPoint shows as it is


@dataclass(frozen=True, slots=True)
class PictureInfo:
    """A readable picture: its format as Pillow names it and its size in pixels."""

    format: str
    size: tuple[int, int]


class PictureFault(Exception):
    """The file is not a picture deckgen can show; the message says why, in plain words."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


TOO_LARGE = f"at most {MAX_PIXELS // 1_000_000} megapixels"
SMALLER = "scale it down: 3840 pixels wide is sharp on any projector"
RESAVE = "open it in an image editor and save it again"


def read_picture(path: Path) -> PictureInfo:
    """The picture's format and size, after decoding it whole: a truncated file or a
    decompression bomb is a PictureFault here rather than a broken slide later."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as picture:
                info = PictureInfo(picture.format or "unknown", picture.size)
                _check_size(info)
                # A JPEG decodes at an eighth of its size here: every byte is still read, so a
                # truncated file still fails, but the pixels cost less to make.
                picture.draft(picture.mode, (info.size[0] // 8, info.size[1] // 8))
                picture.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PictureFault(f"picture too large ({TOO_LARGE})", SMALLER) from None
    except UnidentifiedImageError:
        raise PictureFault("not a picture", "PNG, JPEG, GIF, WebP and the like") from None
    except (OSError, SyntaxError, ValueError) as fault:
        raise PictureFault(f"broken picture ({_reason(fault)})", RESAVE) from None
    return info


def to_png(path: Path) -> bytes:
    """The picture re-encoded as PNG, for formats PowerPoint lacks (WebP, ICO, TGA, PPM...)."""
    with Image.open(path) as picture:
        picture.seek(0)  # an animated or multi-size file: its first frame
        mode = "RGBA" if picture.mode in ("RGBA", "LA", "P", "PA") else "RGB"
        out = io.BytesIO()
        picture.convert(mode).save(out, "PNG", optimize=False)
        return out.getvalue()


def _check_size(info: PictureInfo) -> None:
    width, height = info.size
    if width < 1 or height < 1:
        raise PictureFault("picture has no pixels", RESAVE)
    if width * height > MAX_PIXELS:
        raise PictureFault(f"picture too large ({width}x{height} pixels; {TOO_LARGE})", SMALLER)


def _reason(fault: BaseException) -> str:
    text = str(fault).strip().rstrip(".")
    return text[:80] if text else type(fault).__name__
