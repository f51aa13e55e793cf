"""The stages in order: read the talk, parse, resolve, lay out, write; and what check and
outline share with build. Files are found and written by deckgen.files."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from deckgen.assets import FileAssets, SketchAssets
from deckgen.errors import Diagnostics, StrictError, ThemeError
from deckgen.files import (
    check_output,
    default_output,
    diagram_cache,
    inside,
    project_roots,
    read_source,
    talk_files,
    write_atomically,
)
from deckgen.layout import layout_deck
from deckgen.model import Deck
from deckgen.placed import PlacedDeck
from deckgen.ready import ReadyDeck
from deckgen.resolve import resolve_deck
from deckgen.theme import Theme, load_theme

FIXED_DATE = datetime(2024, 1, 1, tzinfo=UTC)  # when SOURCE_DATE_EPOCH is not set
EARLIEST_DATE = datetime(1980, 1, 1, tzinfo=UTC)  # the zip format's first and last dates
LATEST_DATE = datetime(2107, 12, 31, 23, 59, 58, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class BuildOptions:
    strict: bool = False  # fail on warnings
    force: bool = False  # write an output whose name lacks the .pptx suffix
    allow_outside: bool = False  # read pictures and diagrams outside the talk's project


@dataclass(frozen=True, slots=True)
class BuildResult:
    output: Path
    slides: int
    seconds: float


def build_deck(
    source: Path, output: Path | None, diagnostics: Diagnostics, options: BuildOptions | None = None
) -> BuildResult:
    """Build the deck; on any error the previous deck at `output` stays as it was."""
    from deckgen.office import write_pptx

    started = time.perf_counter()
    options = options or BuildOptions()
    output = output or default_output(source)
    check_output(output, ".pptx", [], options.force)  # a wrong name fails before any drawing
    placed, inputs = _place(source, diagram_cache(output), diagnostics, options.allow_outside)
    check_output(output, ".pptx", inputs, options.force)
    if options.strict and diagnostics.warnings:
        raise StrictError(f"--strict: {len(diagnostics.warnings)} warning(s); no deck was written")
    write_atomically(output, write_pptx(placed, creation_date()))
    return BuildResult(output, len(placed.slides), time.perf_counter() - started)


def check_talk(source: Path, diagnostics: Diagnostics, allow_outside: bool = False) -> int:
    """Everything a build does but writing, plus a warning for each slide without notes.
    Returns the number of slides the deck would have."""
    cache = diagram_cache(default_output(source))
    placed = place_talk(source, cache, diagnostics, allow_outside)
    silent = {s.source for s in placed.slides if not s.notes.strip()}
    for where in sorted(silent):
        diagnostics.warn(where, "slide without speaker notes", "add a '::: notes' block")
    return len(placed.slides)


def place_talk(
    source: Path, cache: Path, diagnostics: Diagnostics, allow_outside: bool = False
) -> PlacedDeck:
    """Parse, resolve and lay out: the deck, ready to write."""
    return _place(source, cache, diagnostics, allow_outside)[0]


def _place(
    source: Path, cache: Path, diagnostics: Diagnostics, allow_outside: bool
) -> tuple[PlacedDeck, list[Path]]:
    """The laid-out deck, and every file it was made from (talk, theme, pictures, specs)."""
    deck, theme = read_talk(source, diagnostics, allow_outside)
    assets = FileAssets(theme, cache, diagnostics, project_roots(source), allow_outside)
    placed = layout_deck(resolve_deck(deck, theme, assets, diagnostics), theme, diagnostics)
    theme_file = _theme_file(source, deck)
    inputs = [*talk_files(source), *assets.read, *([theme_file] if theme_file else [])]
    return placed, inputs


def _theme_file(source: Path, deck: Deck) -> Path | None:
    """The theme file the front matter names, if it names one rather than a built-in theme."""
    folder = source if source.is_dir() else source.parent
    path = folder / deck.meta.theme
    return path if path.is_file() else None


def outline_talk(source: Path, diagnostics: Diagnostics) -> ReadyDeck:
    """The deck's slides (one per diagram step) as resolved, without drawing any diagram."""
    deck, theme = read_talk(source, diagnostics)
    assets = SketchAssets(theme, Path(), diagnostics, project_roots(source), allow_outside=True)
    return resolve_deck(deck, theme, assets, diagnostics)


def read_talk(
    source: Path, diagnostics: Diagnostics, allow_outside: bool = False
) -> tuple[Deck, Theme]:
    """The parsed talk and the theme its front matter names (with fonts to measure it)."""
    from deckgen.fonts import check_fonts
    from deckgen.markdown import parse_talk

    files = talk_files(source)
    deck = parse_talk([read_source(f, diagnostics) for f in files], diagnostics)
    where = deck.meta.source_of("theme")
    theme_file = _theme_file(source, deck)
    if not allow_outside and theme_file and not inside(theme_file, project_roots(source)):
        hint = "keep the theme in the talk's project, or pass --allow-outside"
        raise ThemeError(f"theme file outside the project: {deck.meta.theme}", where, hint)
    theme = load_theme(deck.meta.theme, files[0].parent, where, diagnostics)
    check_fonts(theme.fonts.body, theme.fonts.heading, theme.fonts.code)
    return deck, theme


def creation_date() -> datetime:
    """SOURCE_DATE_EPOCH, within what a .pptx (a zip) can date: 1980 to 2107."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit() or len(epoch) > 12:
        return FIXED_DATE
    return min(max(datetime.fromtimestamp(int(epoch), UTC), EARLIEST_DATE), LATEST_DATE)
