"""The stages in order: read the talk, parse, resolve, lay out, write; and what check and
outline share with build. Files are found and written by deckgen.files."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from deckgen.assets import DiagramText, FileAssets
from deckgen.diagram.frame import TEXT_FLOOR_PT
from deckgen.errors import Diagnostics, SourceLocation, StrictError, TemplateError, ThemeError
from deckgen.files import (
    check_output,
    default_output,
    diagram_cache,
    inside,
    project_roots,
    prune_cache,
    read_source,
    talk_files,
    write_atomically,
)
from deckgen.layout import layout_deck
from deckgen.model import Deck, DeckMeta
from deckgen.outline import Outline, make_outline
from deckgen.placed import Picture, PlacedDeck
from deckgen.resolve import resolve_deck
from deckgen.theme import Theme, load_theme, with_inverse

if TYPE_CHECKING:
    from deckgen.office.template import Template

FIXED_DATE = datetime(2024, 1, 1, tzinfo=UTC)  # when SOURCE_DATE_EPOCH is not set
EARLIEST_DATE = datetime(1980, 1, 1, tzinfo=UTC)  # the zip format's first and last dates
LATEST_DATE = datetime(2107, 12, 31, 23, 59, 58, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class BuildOptions:
    strict: bool = False  # fail on warnings
    force: bool = False  # write an output whose name lacks the .pptx suffix
    allow_outside: bool = False  # read pictures and diagrams outside the talk's project
    template: Path | None = None  # --template: overrides the front matter's `template:`
    progress: Callable[[int, int], None] | None = None  # told of each diagram step drawn
    fetch_images: bool = False  # --fetch-images: web pictures fetched into the build's cache


@dataclass(frozen=True, slots=True)
class Talk:
    """The parsed talk, the theme it is set in (made to match the template, when it has one),
    the template, and the front matter's `layouts:` names the template has."""

    deck: Deck
    theme: Theme
    template: Template | None = None
    layouts: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class SlideText:
    """The smallest text of a diagram step as it lands on its slide."""

    spec: str  # the spec's path as the user writes it
    slide: int  # as the deck numbers slides, from 1
    points: float


@dataclass(frozen=True, slots=True)
class Placed:
    """The laid-out deck, every file it was made from, and what the writer builds on: the
    template, and the template layout chosen for each of deckgen's layouts the deck uses;
    and how large each diagram step's smallest text lands on its slide; the front matter."""

    deck: PlacedDeck
    inputs: tuple[Path, ...]
    template: Template | None = None
    chosen: dict[str, int] = field(default_factory=dict)
    texts: tuple[SlideText, ...] = ()
    meta: DeckMeta = field(default_factory=DeckMeta)
    cached: tuple[Path, ...] = ()  # the diagram cache's files the deck uses


@dataclass(frozen=True, slots=True)
class Checked:
    """What `deckgen check` reports besides warnings: the deck (to number the slides the
    warnings are on) and its diagrams' text sizes."""

    deck: PlacedDeck
    texts: tuple[SlideText, ...]

    @property
    def slides(self) -> int:
        return len(self.deck.slides)


@dataclass(frozen=True, slots=True)
class BuildResult:
    output: Path
    slides: int
    seconds: float
    placed: Placed | None = None  # the deck as laid out (what preview draws)


def build_deck(
    source: Path, output: Path | None, diagnostics: Diagnostics, options: BuildOptions | None = None
) -> BuildResult:
    """Build the deck; on any error the previous deck at `output` stays as it was."""
    from deckgen.office import write_pptx

    started, wall = time.perf_counter(), time.time()
    options = options or BuildOptions()
    output = output or default_output(source)
    check_output(output, ".pptx", [], options.force)  # a wrong name fails before any drawing
    cache = diagram_cache(source)
    placed = _place(source, cache, diagnostics, options)
    check_output(output, ".pptx", placed.inputs, options.force)
    if options.strict and diagnostics.warnings:
        raise StrictError(f"--strict: {len(diagnostics.warnings)} warning(s); no deck was written")
    data = write_pptx(placed.deck, creation_date(), placed.template, placed.chosen)
    write_atomically(output, data)
    prune_cache(cache, output, placed.cached, wall)
    return BuildResult(output, len(placed.deck.slides), time.perf_counter() - started, placed)


NOTED_KINDS = frozenset({"content", "quote"})  # title, section, statement, closing need none


def check_talk(
    source: Path,
    diagnostics: Diagnostics,
    allow_outside: bool = False,
    template: Path | None = None,
    ignore: frozenset[str] = frozenset(),
) -> Checked:
    """Everything a build does but writing, plus a warning for each content slide without
    notes; the warnings of the rules `ignore` and the front matter's `check:` name dropped."""
    cache = diagram_cache(source)
    placed = placed_talk(source, cache, diagnostics, allow_outside, template)
    slides = placed.deck.slides
    silent = {s.source for s in slides if s.kind in NOTED_KINDS and not s.notes.strip()}
    for where in sorted(silent):
        hint = "add a '::: notes' block with what you will say"
        diagnostics.warn(where, "slide without speaker notes", hint, rule="no-notes")
    diagnostics.ignore(ignore | frozenset(placed.meta.check_ignore))
    return Checked(placed.deck, placed.texts)


def place_talk(
    source: Path,
    cache: Path,
    diagnostics: Diagnostics,
    allow_outside: bool = False,
    template: Path | None = None,
) -> PlacedDeck:
    """Parse, resolve and lay out: the deck, ready to write."""
    return placed_talk(source, cache, diagnostics, allow_outside, template).deck


def placed_talk(
    source: Path,
    cache: Path,
    diagnostics: Diagnostics,
    allow_outside: bool = False,
    template: Path | None = None,
) -> Placed:
    """Parse, resolve and lay out: the deck, what it was made from, its diagrams' text sizes."""
    options = BuildOptions(allow_outside=allow_outside, template=template)
    return _place(source, cache, diagnostics, options)


def diagram_texts(
    deck: PlacedDeck, found: dict[str, DiagramText], diagnostics: Diagnostics
) -> tuple[SlideText, ...]:
    """Each diagram step's smallest text as it lands on its slide (its PNG's text scaled by
    the placed picture's width); a warning at the talk where it lands under 20 pt."""
    out = []
    for number, slide in enumerate(deck.slides, 1):
        for shape in slide.shapes:
            text = found.get(shape.path) if isinstance(shape, Picture) else None
            if text is None or not text.text_px or not isinstance(shape, Picture):
                continue
            points = round(text.text_px * shape.box.w / text.width_px, 1)
            out.append(SlideText(text.spec, number, points))
            if points < TEXT_FLOOR_PT - 0.05:
                diagnostics.warn(
                    text.source,
                    f"{text.spec}: smallest text {points:g} pt on slide {number}, under "
                    f"{TEXT_FLOOR_PT:g} pt",
                    "give the diagram more room (a slide of its own), or draw less on it",
                    rule="diagram-text",
                )
    return tuple(out)


def _place(source: Path, cache: Path, diagnostics: Diagnostics, options: BuildOptions) -> Placed:
    """The laid-out deck, and every file it was made from (talk, theme, template, pictures,
    specs)."""
    talk = load_talk(source, diagnostics, options.allow_outside, options.template)
    deck, theme = talk.deck, talk.theme
    assets = FileAssets(theme, cache, diagnostics, project_roots(source), options.allow_outside)
    assets.fetch = options.fetch_images
    assets.parallel = True  # diagrams drawn in worker processes while layout runs
    placed = layout_deck(resolve_deck(deck, theme, assets, diagnostics), theme, diagnostics)
    assets.finish(options.progress)  # the diagrams drawn in worker processes while layout ran
    texts = diagram_texts(placed, assets.texts, diagnostics)
    files = [_theme_file(source, deck), _template_file(source, deck, options.template)[0]]
    inputs = [*talk_files(source), *assets.read, *(f for f in files if f and f.is_file())]
    if talk.template is None:
        return Placed(placed, tuple(inputs), texts=texts, meta=deck.meta, cached=tuple(assets.used))
    from deckgen.office.template import choose_layouts

    chosen, warnings = choose_layouts(
        talk.template, (s.layout for s in placed.slides), dict(talk.layouts)
    )
    where = None if options.template else deck.meta.source_of("template")  # typed, or written
    for warning in warnings:
        diagnostics.warn(where, warning, rule="template")
    placed = replace(placed, master=None)  # the template's master stays as it is
    return Placed(
        placed, tuple(inputs), talk.template, chosen, texts, deck.meta, tuple(assets.used)
    )


def _theme_file(source: Path, deck: Deck) -> Path | None:
    """The theme file the front matter names, if it names one rather than a built-in theme."""
    folder = source if source.is_dir() else source.parent
    path = folder / deck.meta.theme
    return path if path.is_file() else None


def outline_talk(
    source: Path,
    diagnostics: Diagnostics,
    allow_outside: bool = False,
    template: Path | None = None,
) -> Outline:
    """Every slide of the deck as built ("(cont.)" and diagram steps included), with the
    time its notes take to say."""
    cache = diagram_cache(source)
    placed = placed_talk(source, cache, diagnostics, allow_outside, template)
    return make_outline(placed.deck, placed.meta.duration)


def read_talk(
    source: Path,
    diagnostics: Diagnostics,
    allow_outside: bool = False,
    template: Path | None = None,
) -> tuple[Deck, Theme]:
    """The parsed talk and the theme its front matter names (with fonts to measure it)."""
    talk = load_talk(source, diagnostics, allow_outside, template)
    return talk.deck, talk.theme


def load_talk(
    source: Path,
    diagnostics: Diagnostics,
    allow_outside: bool = False,
    template: Path | None = None,
) -> Talk:
    """The parsed talk, its theme and its template (`template` overrides the front matter's)."""
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
    talk = _with_template(Talk(deck, theme), source, diagnostics, allow_outside, template)
    talk = replace(talk, theme=with_inverse(talk.theme))  # for slides marked `class: invert`
    check_fonts(talk.theme.fonts.body, talk.theme.fonts.heading, talk.theme.fonts.code)
    return talk


def _template_file(
    source: Path, deck: Deck, given: Path | None
) -> tuple[Path | None, SourceLocation | None]:
    """The template --template names (as typed), else the front matter's (relative to the
    talk's folder), and where it was named: the front matter line, or None for the option."""
    if given is not None:
        return given, None
    if not deck.meta.template:
        return None, None
    folder = source if source.is_dir() else source.parent
    return folder / deck.meta.template, deck.meta.source_of("template")


def _with_template(
    talk: Talk, source: Path, diagnostics: Diagnostics, allow_outside: bool, given: Path | None
) -> Talk:
    """The talk set in its template's theme. A template the front matter names must be in the
    project (a talk from elsewhere must not read the speaker's files); one typed after
    --template is read where it is."""
    from deckgen.office.template import load_template, template_theme

    meta = talk.deck.meta
    path, where = _template_file(source, talk.deck, given)
    if path is None:
        if meta.layouts:
            message = "'layouts' names template layouts, but the talk has no template"
            hint = "add 'template: corp.pptx'"
            diagnostics.warn(meta.source_of("layouts"), message, hint, rule="template")
        return talk
    if where is not None and not allow_outside and not inside(path, project_roots(source)):
        hint = "keep the template in the talk's project, or pass --allow-outside"
        raise TemplateError(f"template outside the project: {meta.template}", where, hint)
    template = load_template(path, where)
    theme = template_theme(talk.theme, template, diagnostics)
    layouts = _known_layouts(template, meta.layouts, meta.source_of("layouts"), diagnostics)
    return Talk(talk.deck, theme, template, layouts)


def _known_layouts(
    template: Template,
    names: tuple[tuple[str, str], ...],
    where: SourceLocation | None,
    diagnostics: Diagnostics,
) -> tuple[tuple[str, str], ...]:
    """The `layouts:` names the template has; each it lacks is a warning here, at the front
    matter, so the writer's pick_layout only speaks of layouts the template lacks itself."""
    from deckgen.office.template import layout_named, pick_layout

    known = []
    for ours, theirs in names:
        if layout_named(template, theirs) is None:
            message = pick_layout(template, ours, {ours: theirs})[1] or ""
            diagnostics.warn(where, message, rule="template")
        else:
            known.append((ours, theirs))
    return tuple(known)


def creation_date() -> datetime:
    """SOURCE_DATE_EPOCH, within what a .pptx (a zip) can date: 1980 to 2107."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit() or len(epoch) > 12:
        return FIXED_DATE
    return min(max(datetime.fromtimestamp(int(epoch), UTC), EARLIEST_DATE), LATEST_DATE)
