"""Font names -> font files on this machine, and text widths measured with them.

A deck names fonts every PowerPoint has (Arial, Courier New, Calibri); we measure with their
metric twins (same advance widths), so line breaks computed here match PowerPoint's.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from functools import cache
from pathlib import Path

from PIL import ImageFont

from deckgen.errors import FontError

# family -> file stems to look for, best first (the real font, then its metric twin).
_FILES: dict[str, tuple[str, ...]] = {
    "arial": ("arial", "liberationsans", "arimo"),
    "helvetica": ("liberationsans", "arimo"),
    "liberation sans": ("liberationsans",),
    "courier new": ("cour", "liberationmono", "cousine"),
    "liberation mono": ("liberationmono",),
    "calibri": ("calibri", "carlito"),
    "carlito": ("carlito",),
    "times new roman": ("times", "liberationserif", "tinos"),
    "georgia": ("georgia", "gelasio"),
    "dejavu sans": ("dejavusans",),
    "dejavu sans mono": ("dejavusansmono",),
}
_STYLE_SUFFIXES = {
    (False, False): ("-regular", "", "regular"),
    (True, False): ("-bold", "bd", "b", "bold"),
    (False, True): ("-italic", "i", "italic"),
    (True, True): ("-bolditalic", "bi", "z", "bolditalic"),
}
_INSTALL_HINT = (
    "install the font or its metric-compatible twin (deckgen brings Liberation and Carlito, "
    "the twins of Arial, Times New Roman, Courier New and Calibri), or name its folder in "
    "DECKGEN_FONT_PATH"
)
_SCALE = 1000  # measure at 1000 px per em, then scale to points


BUNDLED = Path(__file__).parent / "fontfiles"  # Liberation 2 and Carlito (SIL OFL)


def font_dirs() -> list[Path]:
    home = Path.home()
    dirs = [Path(d) for d in os.environ.get("DECKGEN_FONT_PATH", "").split(os.pathsep) if d]
    dirs += [home / ".local/share/fonts", home / ".fonts", Path("/usr/local/share/fonts")]
    dirs += [Path("/usr/share/fonts"), Path("/Library/Fonts"), home / "Library/Fonts"]
    dirs += [Path("/System/Library/Fonts/Supplemental")]
    if sys.platform == "win32":
        dirs.append(Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts")
    return [*dirs, BUNDLED]  # the system's fonts win; ours make a bare laptop work


@cache
def _index() -> dict[str, Path]:
    """Every .ttf/.otf under the font folders, by lower-case stem (first found wins)."""
    found: dict[str, Path] = {}
    for folder in font_dirs():
        for root, _dirs, files in sorted(os.walk(folder)) if folder.is_dir() else ():
            for name in sorted(files):
                stem, ext = os.path.splitext(name)
                if ext.lower() in (".ttf", ".otf"):
                    found.setdefault(stem.lower(), Path(root) / name)
    return found


@cache
def font_file(family: str, bold: bool = False, italic: bool = False) -> Path:
    """The file that measures `family` in this style; FontError says what to install."""
    index = _index()
    stems = _FILES.get(family.lower(), (family.lower().replace(" ", ""),))
    for stem in stems:
        for suffix in _STYLE_SUFFIXES[(bold, italic)]:
            if stem + suffix in index:
                return index[stem + suffix]
    if bold or italic:  # a missing bold face is measured as regular, slightly narrow
        return font_file(family, False, False)
    raise FontError(f"no font file found to measure '{family}'", None, _INSTALL_HINT)


@cache
def _font(path: Path) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), _SCALE)


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


@cache
def _advance(path: Path, text: str) -> float:
    """Advance width at 1000 px per em. Wide characters (CJK, emoji) count one em each: the
    Latin fonts we measure with have no glyphs for them, and the fonts that do are 1 em wide."""
    wide = sum(map(_wide, text))
    if not wide:
        return float(_font(path).getlength(text))
    narrow = "".join(c for c in text if not _wide(c))
    return float(_font(path).getlength(narrow)) + wide * _SCALE


def text_width(
    text: str, family: str, size_pt: float, bold: bool = False, italic: bool = False
) -> float:
    """Width of `text` in points when set in `family` at `size_pt`."""
    return _advance(font_file(family, bold, italic), text) * size_pt / _SCALE


def check_fonts(*families: str) -> None:
    """Raise FontError now, before any work, when a family cannot be measured."""
    for family in families:
        font_file(family)
