"""Picture files -> their pixel sizes (Pillow reads only the header)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, UnidentifiedImageError


def image_size(path: Path) -> tuple[int, int] | None:
    """(width, height) in pixels, or None when the file is not a picture Pillow knows."""
    try:
        with Image.open(path) as picture:
            return picture.size
    except (UnidentifiedImageError, OSError):
        return None
