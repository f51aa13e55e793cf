"""The deckgen command: thin adapters over the pipeline. The only place that prints or exits."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from deckgen import __version__
from deckgen.errors import DeckgenError, Diagnostics, Problem

if TYPE_CHECKING:
    from deckgen.pipeline import BuildOptions, BuildResult, Checked, SlideText


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _report(diagnostics: Diagnostics) -> None:
    for problem in diagnostics.sorted():
        _warning(problem)


def _warning(problem: Problem, indent: str = "") -> None:
    """`file:line:col: warning: message [rule]`, and its hint under it."""
    where = f"{problem.location}: " if problem.location else ""
    rule = f" [{problem.rule}]" if problem.rule else ""
    click.echo(f"{indent}{where}warning: {problem.message}{rule}", err=True)
    if problem.hint:
        click.echo(f"{indent}  hint: {problem.hint}", err=True)


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
@click.option(
    "--fetch-images", is_flag=True,
    help="Fetch pictures the talk names by web address (10 s, 25 MB each; kept for next time).",
)  # fmt: skip
@_allow_outside
@_template
def build(
    source: Path,
    output: Path | None,
    strict: bool,
    force: bool,
    fetch_images: bool,
    allow_outside: bool,
    template: Path | None,
) -> None:
    """Build SOURCE (a .md file or a folder of them, default talk/) into a .pptx deck."""
    from deckgen.pipeline import BuildOptions

    options = BuildOptions(strict, force, allow_outside, template, _progress(), fetch_images)
    if not _build_and_report(source, output, options):
        sys.exit(1)


def _progress() -> Callable[[int, int], None] | None:
    """A line counting the diagram steps drawn, on a terminal only (not in logs or pipes)."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        click.echo(f"\rdrawing diagrams: {done} of {total} steps", nl=False, err=True)
        if done == total:
            click.echo("\r\033[K", nl=False, err=True)  # the line cleared for the summary

    return show


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
        _print_build(error, diagnostics)
        return False
    _print_build(result, diagnostics)
    return True


@main.command()
@click.argument("source", type=click.Path(path_type=Path), default=Path("talk"), required=False)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Where to write the deck.")
@click.option(
    "--interval", type=click.FloatRange(min=0.05), default=0.1, help="Seconds between looks."
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
@click.argument("source", type=click.Path(path_type=Path), default=Path("talk"), required=False)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Where to write the deck.")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True)
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the web browser.")
@_allow_outside
@_template
def preview(
    source: Path,
    output: Path | None,
    port: int,
    open_browser: bool,
    allow_outside: bool,
    template: Path | None,
) -> None:
    """Show SOURCE's deck as PowerPoint will show it, on a page at 127.0.0.1 that updates on
    every save (the deck is written too), with a presenter view at /presenter."""
    from deckgen.pipeline import BuildOptions
    from deckgen.preview.server import PreviewServer

    options = BuildOptions(allow_outside=allow_outside, template=template)
    server = PreviewServer(source, output, options, port, _print_build)
    click.echo(f"previewing {source} at {server.url} (presenter view: {server.url}presenter)")
    click.echo("Ctrl-C stops")
    if open_browser:
        import webbrowser

        webbrowser.open(server.url)
    server.run()
    click.echo("stopped previewing")


def _print_build(outcome: BuildResult | DeckgenError, diagnostics: Diagnostics) -> None:
    """A build's warnings and summary line, or its problems, as build prints them."""
    _report(diagnostics)
    if isinstance(outcome, DeckgenError):
        _print_problems(outcome, "build")
        return
    slides = _plural(outcome.slides, "slide")
    warnings = _plural(len(diagnostics.warnings), "warning")
    click.echo(f"built {outcome.output}: {slides}, {warnings}, {outcome.seconds:.2f} s")


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
    "-o", "--output", type=click.Path(path_type=Path),
    help="The PDF (default build/<talk>.pdf), or with --notes the script (.html or .md).",
)  # fmt: skip
@click.option(
    "--notes", is_flag=True,
    help="Write the speaker script instead: each slide's number, title, planned time, notes.",
)  # fmt: skip
@click.option(
    "--with-notes", is_flag=True,
    help="The PDF as notes pages: each slide above its speaker notes, for rehearsing on paper.",
)  # fmt: skip
@click.option("--force", is_flag=True, help="Write the file even if -o has the wrong suffix.")
@_allow_outside
@_template
def export(
    source: Path,
    output: Path | None,
    notes: bool,
    with_notes: bool,
    force: bool,
    allow_outside: bool,
    template: Path | None,
) -> None:
    """Build SOURCE and turn the deck into a PDF with LibreOffice; with --notes, write the
    speaker script to rehearse from (default build/<talk>-script.html)."""
    if notes:
        _export_script(source, output, force, allow_outside, template)
        return
    from deckgen.export import export_pdf
    from deckgen.files import check_output, default_output, watched_files
    from deckgen.pipeline import BuildOptions, build_deck

    diagnostics = Diagnostics()
    started = time.perf_counter()
    try:
        pdf = output or default_output(source).with_suffix(".pdf")
        check_output(pdf, ".pdf", [*watched_files(source), default_output(source)], force)
        options = BuildOptions(allow_outside=allow_outside, template=template)
        deck = build_deck(source, None, diagnostics, options)
        pdf = export_pdf(deck.output, pdf, with_notes)
    except DeckgenError as error:
        _report(diagnostics)
        _fail(error, "export")
        return
    _report(diagnostics)
    pages = _plural(deck.slides, "notes page" if with_notes else "page")
    warnings = _plural(len(diagnostics.warnings), "warning")
    seconds = time.perf_counter() - started
    click.echo(f"exported {pdf}: {pages}, {warnings}, {seconds:.2f} s")


def _export_script(
    source: Path, output: Path | None, force: bool, allow_outside: bool, template: Path | None
) -> None:
    from deckgen.export import export_script
    from deckgen.files import check_output, default_output, diagram_cache, watched_files
    from deckgen.outline import make_outline, summary
    from deckgen.pipeline import placed_talk

    diagnostics = Diagnostics()
    deck_path = default_output(source)
    path = output or deck_path.with_name(f"{deck_path.stem}-script.html")
    suffix = ".md" if path.suffix.lower() == ".md" else ".html"
    try:
        check_output(path, suffix, [*watched_files(source), deck_path], force)
        placed = placed_talk(source, diagram_cache(source), diagnostics, allow_outside, template)
        outline = make_outline(placed.deck, placed.meta.duration)
        export_script(placed.deck, outline, path)
    except DeckgenError as error:
        _report(diagnostics)
        _fail(error, "export")
        return
    _report(diagnostics)
    click.echo(f"wrote the speaker script {path}: {summary(outline)}")


def _rules(_ctx: click.Context, _param: click.Parameter, value: str) -> frozenset[str]:
    """`--ignore no-notes,shrunk`: rule names, each one deckgen has."""
    from deckgen.errors import RULES, did_you_mean

    names = frozenset(n.strip() for n in value.split(",") if n.strip())
    for name in sorted(names - set(RULES)):
        hint = did_you_mean(name, RULES) or f"the rules: {', '.join(RULES)}"
        raise click.BadParameter(f"no rule '{name}' ({hint})", param_hint="--ignore")
    return names


@main.command()
@click.argument("source", type=click.Path(path_type=Path), default=Path("talk"), required=False)
@click.option(
    "--ignore", default="", callback=_rules, metavar="RULES",
    help="Leave out these rules' warnings, comma-separated (e.g. no-notes,shrunk).",
)  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print the warnings as JSON.")
@_allow_outside
@_template
def check(
    source: Path,
    ignore: frozenset[str],
    as_json: bool,
    allow_outside: bool,
    template: Path | None,
) -> None:
    """Report what would look wrong in SOURCE's deck, slide by slide, writing nothing; exit 1
    if anything. Each warning ends in its rule's name, which --ignore takes."""
    from deckgen.pipeline import check_talk

    diagnostics = Diagnostics()
    try:
        checked = check_talk(source, diagnostics, allow_outside, template, ignore)
    except DeckgenError as error:
        _report(diagnostics)
        _fail(error, "check")
        return
    if as_json:
        click.echo(_check_json(checked, diagnostics))
    else:
        _report_by_slide(checked, diagnostics)
        _text_sizes(checked.texts)
        count = len(diagnostics.warnings)
        click.echo(f"checked {_plural(checked.slides, 'slide')}: {_plural(count, 'warning')}")
    if diagnostics.warnings:
        sys.exit(1)


def _report_by_slide(checked: Checked, diagnostics: Diagnostics) -> None:
    """The warnings under the slide they concern (`slide 3: Title`); those on no slide (the
    front matter, a diagram spec) first."""
    from deckgen.outline import slide_of, slide_title

    heading = None
    for problem in sorted(diagnostics.warnings, key=lambda p: _on_slide(checked, p)):
        number = slide_of(checked.deck, problem.location)
        if number is not None and number != heading:
            heading = number
            title = slide_title(checked.deck.slides[number - 1])
            click.echo(f"slide {number}: {title}", err=True)
        _warning(problem, "  " if number is not None else "")


def _on_slide(checked: Checked, problem: Problem) -> tuple[int, tuple[str, int, int, str]]:
    from deckgen.errors import in_source_order
    from deckgen.outline import slide_of

    return (slide_of(checked.deck, problem.location) or 0, in_source_order(problem))


def _check_json(checked: Checked, diagnostics: Diagnostics) -> str:
    """`{"slides": N, "warnings": [{"slide", "rule", "file", "line", "col", "message",
    "hint"}]}`, in slide order (docs/usage.md)."""
    import json

    from deckgen.outline import slide_of

    warnings = []
    for problem in sorted(diagnostics.warnings, key=lambda p: _on_slide(checked, p)):
        at = problem.location
        warnings.append({
            "slide": slide_of(checked.deck, at), "rule": problem.rule,
            "file": at.path if at else None, "line": at.line if at else None,
            "col": at.col if at else None, "message": problem.message, "hint": problem.hint,
        })  # fmt: skip
    return json.dumps({"slides": checked.slides, "warnings": warnings}, indent=2)


@main.command()
@click.argument("source", type=click.Path(path_type=Path), default=Path("talk"), required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the outline as JSON (docs/usage.md).")
@_allow_outside
@_template
def outline(source: Path, as_json: bool, allow_outside: bool, template: Path | None) -> None:
    """Every slide of the deck as built, numbered as in the deck, with its source line and
    the time its speaker notes take to say, against the talk's duration."""
    import json

    from deckgen.outline import outline_text
    from deckgen.pipeline import outline_talk

    try:
        found = outline_talk(source, Diagnostics(), allow_outside, template)
    except DeckgenError as error:
        _fail(error, "outline")
        return
    if as_json:
        click.echo(json.dumps(found.as_json(), indent=2, ensure_ascii=False))
    else:
        click.echo(outline_text(found), nl=False)


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
