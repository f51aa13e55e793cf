"""Theme YAML (built-in name or a path) -> a frozen Theme that layout, writer and diagrams read."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import MISSING, dataclass, field, fields, replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

from deckgen.colors import is_dark
from deckgen.errors import (
    Diagnostics,
    Problem,
    SourceLocation,
    TalkError,
    ThemeError,
    did_you_mean,
)
from deckgen.files import display, read_source
from deckgen.yamlfile import LocDict, load_yaml


@dataclass(frozen=True, slots=True)
class Fonts:
    body: str
    heading: str
    code: str


@dataclass(frozen=True, slots=True)
class Sizes:
    """Font sizes in points."""

    title: float
    title_min: float
    title_slide: float
    body: float
    body_min: float
    code: float
    code_min: float
    table: float
    table_min: float
    caption: float
    footer: float
    # How far text and code grow on a slide they leave mostly empty (optional in theme files).
    body_max: float = 32.0
    code_max: float = 28.0
    table_max: float = 28.0


@dataclass(frozen=True, slots=True)
class Colors:
    """Colours as "RRGGBB"."""

    background: str
    text: str
    heading: str
    muted: str
    accent: str
    code_background: str
    code_text: str
    table_header_background: str
    table_header_text: str
    table_stripe: str
    quote_bar: str


@dataclass(frozen=True, slots=True)
class Margins:
    """Slide margins and the gap between blocks, in inches."""

    left: float
    right: float
    top: float
    bottom: float
    gap: float


@dataclass(frozen=True, slots=True)
class Theme:
    name: str
    fonts: Fonts
    sizes: Sizes
    colors: Colors
    margins: Margins
    code_style: str
    palette: tuple[tuple[str, str], ...]  # (name, "RRGGBB"), in file order
    align: str = "middle"  # a short slide body: "middle" of the content area, or "top"
    inverse: Theme | None = None  # the colours of a slide Marp's `class: invert` marks
    page: tuple[float, float] | None = None  # slide size in points when a template fixes it
    capitals: tuple[str, ...] = ()  # slide kinds ("title", "section", "content") whose
    # titles a template sets in capitals: they are measured so

    def color(self, name_or_hex: str) -> str:
        """A palette name ("orange") or a hex colour ("#E69F00") -> "E69F00"."""
        for name, value in self.palette:
            if name == name_or_hex:
                return value
        return name_or_hex.lstrip("#").upper()


MAX_POINTS = 400.0  # font sizes from 1 pt: far past a slide's needs, within PowerPoint's 4000
# Slides are 7.5 in high and at least 10 in wide (4:3): margins must leave half of each.
ROOM = {("left", "right"): 10.0, ("top", "bottom"): 7.5}
MAX_GAP = 2.0  # inches between blocks and columns
# Each floor, and the sizes it is the floor of: text shrinks from the size down to the floor.
FLOORS = {
    "title_min": ("title", "title_slide"),
    "body_min": ("body",),
    "code_min": ("code",),
    "table_min": ("table",),
}
_KEYS = ("name", "fonts", "sizes", "colors", "margins", "code_style", "palette", "align")
_HEX = re.compile(r"#?[0-9A-Fa-f]{6}")


class _BadValue(ValueError):
    """A theme value of the wrong kind or size; the message says what was expected."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


def builtin_themes() -> list[str]:
    folder = resources.files("deckgen") / "themes"
    return sorted(
        p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml")
    )


def with_inverse(theme: Theme) -> Theme:
    """The theme, knowing its inverse: the dark theme's colours and code style for a light
    theme, the default theme's for a dark one."""
    other = "default" if is_dark(theme.colors.background) else "dark"
    return replace(theme, inverse=load_theme(other, Path(".")))


def inverted(theme: Theme) -> Theme:
    """The theme in its inverse colours (itself when it has none); fonts and sizes stay."""
    if theme.inverse is None:
        return theme
    inverse = theme.inverse
    return replace(theme, colors=inverse.colors, code_style=inverse.code_style, inverse=theme)


@functools.cache
def _builtin(name: str) -> Theme:
    """A built-in theme, read once a run: every build reads its own and its inverse, and
    watch and preview build on every save."""
    text = (resources.files("deckgen") / "themes" / f"{name}.yaml").read_text("utf-8")
    return parse_theme(text, f"<theme {name}>")


def load_theme(
    name_or_path: str,
    base: Path,
    where: SourceLocation | None = None,
    diagnostics: Diagnostics | None = None,
) -> Theme:
    """A built-in theme by name, or a YAML file by path (relative to `base`). The front matter
    turns a name deckgen lacks into a warning, so only a missing file reaches the error here."""
    if name_or_path in builtin_themes():
        return _builtin(name_or_path)
    path = base / name_or_path
    themes = ", ".join(builtin_themes())
    if not name_or_path.lower().endswith((".yaml", ".yml")):
        hint = did_you_mean(name_or_path, builtin_themes()) or f"built-in themes: {themes}"
        raise ThemeError(f"unknown theme '{name_or_path}'", where, hint)
    if not path.is_file():
        hint = f"a theme file's path is relative to the talk's folder; built-in themes: {themes}"
        raise ThemeError(f"theme file not found: {display(path)}", where, hint)
    try:
        shown, text = read_source(path, diagnostics or Diagnostics())
    except TalkError as error:  # not UTF-8
        raise ThemeError.of(error.problems) from None
    except OSError as fault:
        raise ThemeError(
            f"cannot read theme file {display(path)}: {fault.strerror}", where
        ) from None
    return parse_theme(text, shown)


def parse_theme(text: str, path: str) -> Theme:
    """Theme YAML -> Theme; every wrong key or value is reported at its line:col, all at once."""
    data = load_yaml(text, path, error=ThemeError)
    if not isinstance(data, LocDict):
        raise ThemeError("a theme is a YAML mapping", SourceLocation(path, 1, 1))
    read = _Reader(path)
    read.unknown(data, _KEYS, "theme key")
    fonts = read.section(data, "fonts", Fonts, _font)
    sizes = read.section(data, "sizes", Sizes, _points)
    colors = read.section(data, "colors", Colors, _color)
    margins = read.section(data, "margins", Margins, _inches)
    name = read.value(data, "name", _name, Path(path).stem)
    code_style = read.value(data, "code_style", _name, "default")
    palette = read.palette(data)
    align = read.value(data, "align", _align, "middle")
    if read.problems or not (fonts and sizes and colors and margins):
        raise ThemeError.of(read.problems)
    return Theme(name, fonts, sizes, colors, margins, code_style, palette, align=align)


Reader = Callable[[LocDict, str], Any]
_S = TypeVar("_S", bound="DataclassInstance")


@dataclass(slots=True)
class _Reader:
    """Reads one theme file's sections, collecting every problem with its place."""

    path: str
    problems: list[Problem] = field(default_factory=list)

    def at(self, mark: tuple[int, int]) -> SourceLocation:
        return SourceLocation(self.path, *mark)

    def unknown(self, data: LocDict, names: Sequence[str], what: str) -> None:
        for key in data:
            if key not in names:
                where = self.at(data.key_marks[key])
                hint = did_you_mean(key, names)
                self.problems.append(Problem(where, f"unknown {what} '{key}'", hint))

    def section(self, data: LocDict, key: str, cls: type[_S], reader: Reader) -> _S | None:
        section = data.get(key)
        if not isinstance(section, LocDict):
            mark = data.value_marks.get(key, data.mark)
            self.problems.append(Problem(self.at(mark), f"theme needs a '{key}' mapping"))
            return None
        names = [f.name for f in fields(cls)]
        self.unknown(section, names, f"{key} field")
        optional = {f.name for f in fields(cls) if f.default is not MISSING}
        missing = [n for n in names if n not in section and n not in optional]
        if missing:
            where = self.at(section.mark)
            self.problems.append(Problem(where, f"{key} is missing {', '.join(missing)}"))
            return None
        before = len(self.problems)
        values = {n: self.value(section, n, reader, None, f"{key}.{n}") for n in names}
        values = {n: v for n, v in values.items() if v is not None or n not in optional}
        if len(self.problems) == before:
            self.check_section(key, section)
        return cls(**values)

    def value(self, data: LocDict, key: str, reader: Reader, default: Any, shown: str = "") -> Any:
        if key not in data:
            return default
        try:
            return reader(data, key)
        except _BadValue as bad:
            where = self.at(data.value_marks[key])
            self.problems.append(Problem(where, f"'{shown or key}' {bad}", bad.hint))
            return default

    def check_section(self, key: str, section: LocDict) -> None:
        """What one value cannot show: floors not above their sizes, margins leaving room."""
        if key == "sizes":
            for floor, starts in FLOORS.items():
                for start in starts:
                    if section[floor] > section[start]:
                        self.floor_above(section, floor, start)
        if key == "margins":
            for (one, other), length in ROOM.items():
                if section[one] + section[other] > length / 2:
                    self.no_room(section, one, other, length)

    def floor_above(self, sizes: LocDict, floor: str, start: str) -> None:
        message = (
            f"'sizes.{floor}' ({sizes[floor]:g} pt) is above 'sizes.{start}' ({sizes[start]:g} pt)"
        )
        hint = f"{floor} is the smallest size {start} text shrinks to"
        self.problems.append(Problem(self.at(sizes.value_marks[floor]), message, hint))

    def no_room(self, margins: LocDict, one: str, other: str, length: float) -> None:
        together = margins[one] + margins[other]
        message = (
            f"'margins.{one}' and 'margins.{other}' take {together:g} in of a slide's {length:g} in"
        )
        hint = f"margins may take at most half of it, {length / 2:g} in together"
        self.problems.append(Problem(self.at(margins.value_marks[other]), message, hint))

    def palette(self, data: LocDict) -> tuple[tuple[str, str], ...]:
        palette = data.get("palette", LocDict())
        if not isinstance(palette, LocDict):
            message = "'palette' must map colour names to colours, like orange: \"E69F00\""
            self.problems.append(Problem(self.at(data.value_marks["palette"]), message))
            return ()
        colours = {
            name: self.value(palette, name, _color, "", f"palette.{name}") for name in palette
        }
        return tuple(colours.items())


def _align(data: LocDict, key: str) -> str:
    value = data[key]
    if value not in ("middle", "top"):
        raise _BadValue("must be 'middle' or 'top'")
    return str(value)


def _font(data: LocDict, key: str) -> str:
    value = data[key]
    if not isinstance(value, str) or not value.strip():
        raise _BadValue("must be a font name, like Arial")
    return value.strip()


def _name(data: LocDict, key: str) -> str:
    value = data[key]
    if not isinstance(value, str) or not value.strip():
        raise _BadValue("must be a name")
    return value.strip()


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _points(data: LocDict, key: str) -> float:
    value = _number(data[key])
    if value is None or not 1 <= value <= MAX_POINTS:
        raise _BadValue(f"must be a number of points from 1 to {MAX_POINTS:g}")
    return value


def _inches(data: LocDict, key: str) -> float:
    value = _number(data[key])
    top = MAX_GAP if key == "gap" else max(ROOM.values()) / 2
    if value is None or not 0 <= value <= top:
        raise _BadValue(f"must be a number of inches from 0 to {top:g}")
    return value


def _color(data: LocDict, key: str) -> str:
    """Six hex digits, "#" allowed; read as written, so `000000` is not the number 0."""
    written = data.texts.get(key)
    if written is None or not _HEX.fullmatch(written):
        # `accent: #0072B2` is a key with a comment and no value
        hint = "'#' starts a comment in YAML: put the colour in quotes" if written == "" else None
        raise _BadValue('must be a colour of 6 hex digits, like "0072B2"', hint)
    return written.lstrip("#").upper()
