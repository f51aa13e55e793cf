"""Theme YAML (built-in name or a path) -> a frozen Theme that layout, writer and diagrams read."""

from __future__ import annotations

from dataclasses import dataclass, fields
from importlib import resources
from pathlib import Path
from typing import Any

from deckgen.errors import Problem, SourceLocation, ThemeError, did_you_mean
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

    def color(self, name_or_hex: str) -> str:
        """A palette name ("orange") or a hex colour ("#E69F00") -> "E69F00"."""
        for name, value in self.palette:
            if name == name_or_hex:
                return value
        return name_or_hex.lstrip("#").upper()


def builtin_themes() -> list[str]:
    folder = resources.files("deckgen") / "themes"
    return sorted(
        p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml")
    )


def load_theme(name_or_path: str, base: Path, where: SourceLocation | None = None) -> Theme:
    """A built-in theme by name, or a YAML file by path (relative to `base`)."""
    if name_or_path in builtin_themes():
        text = (resources.files("deckgen") / "themes" / f"{name_or_path}.yaml").read_text("utf-8")
        return parse_theme(text, f"<theme {name_or_path}>")
    path = base / name_or_path
    if name_or_path.endswith((".yaml", ".yml")) and path.is_file():
        return parse_theme(path.read_text("utf-8"), str(path))
    hint = did_you_mean(name_or_path, builtin_themes()) or (
        f"built-in themes: {', '.join(builtin_themes())}; or give a path to a .yaml file"
    )
    raise ThemeError(f"unknown theme '{name_or_path}'", where, hint)


def parse_theme(text: str, path: str) -> Theme:
    data = load_yaml(text, path, error=ThemeError)
    if not isinstance(data, LocDict):
        raise ThemeError("a theme is a YAML mapping", SourceLocation(path, 1, 1))
    problems: list[Problem] = []
    parts = {
        "fonts": _section(data, "fonts", Fonts, path, problems),
        "sizes": _section(data, "sizes", Sizes, path, problems),
        "colors": _section(data, "colors", Colors, path, problems),
        "margins": _section(data, "margins", Margins, path, problems),
    }
    palette = data.get("palette") or {}
    if problems:
        raise ThemeError.of(problems)
    return Theme(
        name=str(data.get("name", Path(path).stem)),
        code_style=str(data.get("code_style", "default")),
        palette=tuple((str(k), str(v).lstrip("#").upper()) for k, v in palette.items()),
        **parts,
    )


def _section(data: LocDict, key: str, cls: type, path: str, problems: list[Problem]) -> Any:
    section = data.get(key)
    if not isinstance(section, LocDict):
        problems.append(Problem(SourceLocation(path, *data.mark), f"theme needs a '{key}' mapping"))
        return None
    names = [f.name for f in fields(cls)]
    for name in section:
        if name not in names:
            where = SourceLocation(path, *section.key_marks[name])
            problems.append(
                Problem(where, f"unknown {key} field '{name}'", did_you_mean(name, names))
            )
    missing = [n for n in names if n not in section]
    if missing:
        where = SourceLocation(path, *section.mark)
        problems.append(Problem(where, f"{key} is missing {', '.join(missing)}"))
        return None
    kind = float if cls in (Sizes, Margins) else str
    return cls(**{n: kind(section[n]) for n in names})
