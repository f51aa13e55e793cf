"""The deckgen command: thin adapters over the pipeline. The only place that prints or exits."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from deckgen import __version__
from deckgen.errors import DeckgenError, Diagnostics

if TYPE_CHECKING:
    from deckgen.pipeline import BuildOptions, SlideText


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _report(diagnostics: Diagnostics) -> None:
    for problem in diagnostics.sorted():
        click.echo(
            f"{problem.location}: warning: {problem.message}"
            if problem.location
            else f"warning: {problem.message}",
            err=True,
        )
        if problem.hint:
            click.echo(f"  hint: {problem.hint}", err=True)


def _print_problems(error: DeckgenError, what: str) -> None:
    for problem in error.problems:
        click.echo(str(problem), err=True)
    click.echo(f"{what} failed: {_plural(len(error.problems), 'problem')}", err=True)


def _fail(error: DeckgenError, what: str) -> None:
    _print_problems(error, what)
    sys.exit(1)


INTERNAL_ERROR = 70  # EX_SOFTWARE: a bug in deckgen, told apart from bad input (1) and usage (2)


class _Deckgen(click.Group):
    """The command group; an exception that is not a DeckgenError is a bug in deckgen, so it
    becomes one line asking for a report and exit 70 (the traceback only with --debug)."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort, KeyboardInterrupt):
            raise
        except Exception as bug:
            if ctx.params.get("debug"):
                raise
            command = " ".join(["deckgen", *sys.argv[1:]]) if sys.argv[1:] else "deckgen"
            click.echo(
                f"internal error: {type(bug).__name__}: {bug}\n"
                f"  this is a bug in deckgen, not in your talk; please report it with the "
                f"command ({command}) and the input it read; --debug shows the traceback",
                err=True,
            )
            sys.exit(INTERNAL_ERROR)


@click.group(cls=_Deckgen, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="deckgen")
@click.option("--debug", is_flag=True, help="On an internal error, show the traceback.")
def main(debug: bool) -> None:
    """Build talks written as Markdown and diagram specs into native PowerPoint decks."""


_allow_outside = click.option(
    "--allow-outside",
    is_flag=True,
    help="Read pictures and diagrams from outside the talk's project folder.",
)

_template = click.option(
    "--template",
    type=click.Path(path_type=Path),
    help="Build on this .pptx/.potx's masters, layouts, colours and fonts (overrides the "
    "front matter's template:).",
)


@main.command()
@click.argument("source", type=click.Path(path_type=Path), default=Path("talk"), required=False)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Where to write the deck (default build/<talk>.pptx).",
)
@click.option("--strict", is_flag=True, help="Fail, writing nothing, when there are warnings.")
@click.option("--force", is_flag=True, help="Write the deck even if -o does not end in .pptx.")
@_allow_outside
@_template
def build(
    source: Path,
    output: Path | None,
    strict: bool,
    force: bool,
    allow_outside: bool,
    template: Path | None,
) -> None:
    """Build SOURCE (a .md file or a folder of them, default talk/) into a .pptx deck."""
    from deckgen.pipeline import BuildOptions

    options = BuildOptions(strict, force, allow_outside, template)
    if not _build_and_report(source, output, options):
        sys.exit(1)


@main.command()
@click.argument("spec", type=click.Path(path_type=Path), required=False)
@click.option("--step", type=click.IntRange(min=1), help="Render only this step (counting from 1).")
@click.option(
    "--all", "all_steps", is_flag=True, help="Render every step into the folder given by -o."
)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), help="PNG path, or folder with --all."
)
@click.option("--4k", "uhd", is_flag=True, help="Render 3840x2160 instead of 2880x1620.")
@click.option("--schema", is_flag=True, help="Print the JSON Schema of diagram specs and exit.")
@click.option("--force", is_flag=True, help="Write the PNG even if -o does not end in .png.")
@click.option(
    "--theme", "theme_name", default="default", show_default=True,
    help="Draw in this theme's ink and fills (a built-in name or a theme file).",
)  # fmt: skip
def diagram(
    spec: Path | None,
    step: int | None,
    all_steps: bool,
    output: Path | None,
    uhd: bool,
    schema: bool,
    force: bool,
    theme_name: str,
) -> None:
    """Render a diagram SPEC's steps to PNG for a quick look while editing."""
    import json

    from deckgen import diagram as engine

    if schema:
        click.echo(json.dumps(engine.json_schema(), indent=2, sort_keys=True))
        return
    if spec is None:
        raise click.UsageError("give a diagram spec (or --schema)")
    if step is not None and all_steps:
        raise click.UsageError("--step and --all exclude each other")
    if not spec.is_file():
        raise click.BadParameter(f"no such file: {spec}", param_hint="SPEC")
    from deckgen.files import check_output
    from deckgen.theme import load_theme

    diagnostics = Diagnostics()
    size = (3840, 2160) if uhd else (2880, 1620)
    try:
        if output is not None and not all_steps:
            check_output(output, ".png", [spec], force)
        theme = load_theme(theme_name, Path("."))
        written = engine.diagram_command(spec, output, step, all_steps, size, theme, diagnostics)
    except DeckgenError as error:
        _report(diagnostics)
        _fail(error, "diagram")
        return
    _report(diagnostics)
    for path in written:
        click.echo(f"wrote {path}")


def _build_and_report(source: Path, output: Path | None, options: BuildOptions) -> bool:
    """One build, its warnings and summary printed; False when it failed."""
    from deckgen.pipeline import build_deck

    diagnostics = Diagnostics()
    try:
        result = build_deck(source, output, diagnostics, options)
    except DeckgenError as error:
        _report(diagnostics)
        _print_problems(error, "build")
        return False
    _report(diagnostics)
    slides = _plural(result.slides, "slide")
    warnings = _plural(len(diagnostics.warnings), "warning")
    click.echo(f"built {result.output}: {slides}, {warnings}, {result.seconds:.2f} s")
    return True


@main.command()
@click.argument("source", type=click.Path(path_type=Path), default=Path("talk"), required=False)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Where to write the deck.")
@click.option(
    "--interval", type=click.FloatRange(min=0.05), default=0.5, help="Seconds between looks."
)
@click.option("--max-builds", type=click.IntRange(min=1), hidden=True)
@_allow_outside
@_template
def watch(
    source: Path,
    output: Path | None,
    interval: float,
    max_builds: int | None,
    allow_outside: bool,
    template: Path | None,
) -> None:
    """Build SOURCE, then rebuild whenever the talk or its diagrams change (Ctrl-C stops)."""
    import time

    from deckgen.files import watched_files
    from deckgen.pipeline import BuildOptions

    def stamps() -> list[tuple[Path, int]]:
        files = [*watched_files(source), *([template] if template else [])]
        return [(p, p.stat().st_mtime_ns) for p in files if p.exists()]

    builds, seen = 0, None
    click.echo(f"watching {source} (Ctrl-C stops)")
    try:
        while max_builds is None or builds < max_builds:
            now = stamps()
            if now != seen:
                seen = now
                options = BuildOptions(allow_outside=allow_outside, template=template)
                _build_and_report(source, output, options)
                builds += 1
            else:
                time.sleep(interval)
    except KeyboardInterrupt:
        click.echo("stopped watching")


@main.command()
@click.argument("folder", type=click.Path(path_type=Path), default=Path("."), required=False)
@click.option("--title", default="My talk", help="The talk's title.")
def new(folder: Path, title: str) -> None:
    """Start a talk in FOLDER: talk/talk.md, an example diagram, and a .gitignore."""
    from deckgen.scaffold import new_talk

    try:
        written = new_talk(folder, title)
    except DeckgenError as error:
        _fail(error, "new")
        return
    for path in written:
        click.echo(f"created {path}")
    click.echo(f"next: cd {folder} && deckgen build")


@main.command()
@click.argument("source", type=click.Path(path_type=Path), default=Path("talk"), required=False)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), help="The PDF (default build/<talk>.pdf)."
)
@click.option("--force", is_flag=True, help="Write the PDF even if -o does not end in .pdf.")
@_allow_outside
@_template
def export(
    source: Path, output: Path | None, force: bool, allow_outside: bool, template: Path | None
) -> None:
    """Build SOURCE and turn the deck into a PDF with LibreOffice."""
    from deckgen.export import export_pdf
    from deckgen.files import check_output, default_output, watched_files
    from deckgen.pipeline import BuildOptions, build_deck

    diagnostics = Diagnostics()
    try:
        pdf = output or default_output(source).with_suffix(".pdf")
        check_output(pdf, ".pdf", [*watched_files(source), default_output(source)], force)
        options = BuildOptions(allow_outside=allow_outside, template=template)
        deck = build_deck(source, None, diagnostics, options)
        pdf = export_pdf(deck.output, pdf)
    except DeckgenError as error:
        _report(diagnostics)
        _fail(error, "export")
        return
    _report(diagnostics)
    click.echo(f"exported {pdf}")


@main.command()
@click.argument("source", type=click.Path(path_type=Path), default=Path("talk"), required=False)
@_allow_outside
@_template
def check(source: Path, allow_outside: bool, template: Path | None) -> None:
    """Report what would look wrong in SOURCE's deck, writing nothing; exit 1 if anything."""
    from deckgen.pipeline import check_talk

    diagnostics = Diagnostics()
    try:
        checked = check_talk(source, diagnostics, allow_outside, template)
    except DeckgenError as error:
        _report(diagnostics)
        _fail(error, "check")
        return
    slides = checked.slides
    _report(diagnostics)
    _text_sizes(checked.texts)
    count = len(diagnostics.warnings)
    click.echo(f"checked {_plural(slides, 'slide')}: {_plural(count, 'warning')}")
    if count:
        sys.exit(1)


@main.command()
@click.argument("source", type=click.Path(path_type=Path), default=Path("talk"), required=False)
def outline(source: Path) -> None:
    """Print the talk's structure with the time its speaker notes take to say."""
    from deckgen.outline import outline as make_outline
    from deckgen.pipeline import outline_talk

    try:
        deck = outline_talk(source, Diagnostics())
    except DeckgenError as error:
        _fail(error, "outline")
        return
    click.echo(make_outline(deck), nl=False)


@main.command()
@click.argument("source", type=click.Path(path_type=Path), default=Path("talk"), required=False)
@click.option(
    "--layout", is_flag=True, help="Show the laid-out deck: every shape's box, sizes and lines."
)
@_allow_outside
@_template
def dump(source: Path, layout: bool, allow_outside: bool, template: Path | None) -> None:
    """Print what deckgen understood of SOURCE: the parsed slides, or with --layout the deck
    as laid out (positions in points)."""
    from deckgen.dump import dump_deck, dump_placed
    from deckgen.files import diagram_cache
    from deckgen.pipeline import placed_talk, read_talk

    diagnostics = Diagnostics()
    texts: tuple[SlideText, ...] = ()
    try:
        if layout:
            cache = diagram_cache(source)
            placed = placed_talk(source, cache, diagnostics, allow_outside, template)
            text, texts = dump_placed(placed.deck), placed.texts
        else:
            text = dump_deck(read_talk(source, diagnostics, allow_outside, template)[0])
    except DeckgenError as error:
        _report(diagnostics)
        _fail(error, "dump")
        return
    _report(diagnostics)
    click.echo(text, nl=False)
    _text_sizes(texts)


def _text_sizes(texts: tuple[SlideText, ...]) -> None:
    """`SPEC: smallest text N pt on slide M`, one line per diagram step slide."""
    for t in texts:
        click.echo(f"{t.spec}: smallest text {t.points:g} pt on slide {t.slide}")
