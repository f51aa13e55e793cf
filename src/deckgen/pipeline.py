"""The stages in order: read the talk, parse, resolve, lay out, write; and what check and
outline share with build. Files are found and written by deckgen.files."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from deckgen.assets import FileAssets, SketchAssets
from deckgen.errors import Diagnostics, StrictError
from deckgen.files import default_output, diagram_cache, read_source, talk_files, write_atomically
from deckgen.model import Deck
from deckgen.placed import PlacedDeck
from deckgen.ready import ReadyDeck
from deckgen.resolve import resolve_deck
from deckgen.theme import Theme, load_theme

FIXED_DATE = datetime(2024, 1, 1, tzinfo=UTC)  # when SOURCE_DATE_EPOCH is not set


@dataclass(frozen=True, slots=True)
class BuildResult:
    output: Path
    slides: int
    seconds: float


def build_deck(
    source: Path, output: Path | None, diagnostics: Diagnostics, strict: bool = False
) -> BuildResult:
    """Build the deck; on any error the previous deck at `output` stays as it was."""
    from deckgen.pptx_writer import write_pptx

    started = time.perf_counter()
    output = output or default_output(source)
    placed = place_talk(source, diagram_cache(output), diagnostics)
    if strict and diagnostics.warnings:
        raise StrictError(f"--strict: {len(diagnostics.warnings)} warning(s); no deck was written")
    write_atomically(output, write_pptx(placed, creation_date()))
    return BuildResult(output, len(placed.slides), time.perf_counter() - started)


def check_talk(source: Path, diagnostics: Diagnostics) -> int:
    """Everything a build does but writing, plus a warning for each slide without notes.
    Returns the number of slides the deck would have."""
    placed = place_talk(source, diagram_cache(default_output(source)), diagnostics)
    silent = {s.source for s in placed.slides if not s.notes.strip()}
    for where in sorted(silent):
        diagnostics.warn(where, "slide without speaker notes", "add a '::: notes' block")
    return len(placed.slides)


def place_talk(source: Path, cache: Path, diagnostics: Diagnostics) -> PlacedDeck:
    """Parse, resolve and lay out: the deck, ready to write."""
    from deckgen.layout import layout_deck

    deck, theme = read_talk(source, diagnostics)
    ready = resolve_deck(deck, theme, FileAssets(theme, cache, diagnostics), diagnostics)
    return layout_deck(ready, theme, diagnostics)


def outline_talk(source: Path, diagnostics: Diagnostics) -> ReadyDeck:
    """The deck's slides (one per diagram step) as resolved, without drawing any diagram."""
    deck, theme = read_talk(source, diagnostics)
    return resolve_deck(deck, theme, SketchAssets(theme, Path(), diagnostics), diagnostics)


def read_talk(source: Path, diagnostics: Diagnostics) -> tuple[Deck, Theme]:
    """The parsed talk and the theme its front matter names (with fonts to measure it)."""
    from deckgen.fonts import check_fonts
    from deckgen.markdown import parse_talk

    files = talk_files(source)
    deck = parse_talk([read_source(f) for f in files], diagnostics)
    theme = load_theme(deck.meta.theme, files[0].parent, deck.meta.source_of("theme"))
    check_fonts(theme.fonts.body, theme.fonts.heading, theme.fonts.code)
    return deck, theme


def creation_date() -> datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else FIXED_DATE
