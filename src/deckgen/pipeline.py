"""build_deck(): find the talk, parse, attach diagrams and pictures, lay out, write atomically."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from deckgen.errors import (
    DeckgenError,
    Diagnostics,
    OutputError,
    Problem,
    SourceLocation,
    StrictError,
    TalkError,
)
from deckgen.model import Block, Columns, Deck, DiagramRef, Image, Paragraph, Run, Slide
from deckgen.placed import PlacedDeck
from deckgen.theme import Theme

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
    started = time.perf_counter()
    from deckgen.pptx_writer import write_pptx

    output = output or default_output(source)
    placed = place_talk(source, output.parent / ".deckgen-cache" / "diagrams", diagnostics)
    if strict and diagnostics.warnings:
        raise StrictError(f"--strict: {len(diagnostics.warnings)} warning(s); no deck was written")
    write_atomically(output, write_pptx(placed, creation_date()))
    return BuildResult(output, len(placed.slides), time.perf_counter() - started)


def check_talk(source: Path, diagnostics: Diagnostics) -> int:
    """Everything a build does but writing, plus a warning for each slide without notes.
    Returns the number of slides the deck would have."""
    cache = default_output(source).parent / ".deckgen-cache" / "diagrams"
    placed = place_talk(source, cache, diagnostics)
    silent = {s.source for s in placed.slides if not s.notes.strip()}
    for where in sorted(silent):
        diagnostics.warn(where, "slide without speaker notes", "add a '::: notes' block")
    return len(placed.slides)


def watched_files(source: Path) -> list[Path]:
    """What a rebuild depends on: the talk's files (pictures too) and the diagrams folder."""
    talk = source if source.is_dir() else source.parent
    found = [source] if source.is_file() else []
    for folder in (talk, talk.parent / "diagrams"):
        found += [p for p in folder.rglob("*") if p.is_file()] if folder.is_dir() else []
    return sorted(set(found))


def default_output(source: Path) -> Path:
    return Path("build") / f"{_stem(source, talk_files(source))}.pptx"


def place_talk(source: Path, cache: Path, diagnostics: Diagnostics) -> PlacedDeck:
    """Parse, attach diagrams and pictures, lay out: the deck, ready to write."""
    from deckgen.fonts import check_fonts
    from deckgen.layout import layout_deck
    from deckgen.markdown import parse_talk
    from deckgen.theme import load_theme

    files = talk_files(source)
    deck = parse_talk([read_source(f) for f in files], diagnostics)
    base = files[0].parent
    theme = load_theme(deck.meta.theme, base, deck.meta.source_of("theme"))
    check_fonts(theme.fonts.body, theme.fonts.heading, theme.fonts.code)
    deck, problems = attach_diagrams(deck, theme, cache, diagnostics)
    deck, sizes, more = attach_pictures(deck, diagnostics)
    if problems or more:  # every bad picture and diagram in one report
        raise DeckgenError.of(sorted(problems + more, key=_problem_place))
    return layout_deck(deck, theme, sizes, diagnostics)


def talk_files(source: Path) -> list[Path]:
    if source.is_dir():
        files = sorted(p for p in source.iterdir() if p.suffix == ".md" and p.is_file())
        if not files:
            raise TalkError(
                f"no .md files in {source}/",
                SourceLocation(str(source)),
                "write your slides in talk/*.md",
            )
        return files
    if source.is_file():
        return [source]
    raise TalkError(
        f"no such file or folder: {source}",
        None,
        "run deckgen build in your talk's project, or name the .md file",
    )


def _stem(source: Path, files: list[Path]) -> str:
    return files[0].stem if source.is_file() or len(files) == 1 else source.resolve().name


def display(path: Path) -> str:
    """The path as the user would write it: relative to the current folder when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def read_source(path: Path) -> tuple[str, str]:
    data = path.read_bytes()
    try:
        return display(path), data.decode("utf-8-sig")
    except UnicodeDecodeError as fault:
        line = data[: fault.start].count(b"\n") + 1
        col = fault.start - (data.rfind(b"\n", 0, fault.start) + 1) + 1
        where = SourceLocation(display(path), line, col)
        raise TalkError(
            f"not UTF-8 text (byte 0x{data[fault.start]:02X})", where, "save the file as UTF-8"
        ) from None


def creation_date() -> datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else FIXED_DATE


# --- diagrams -------------------------------------------------------------------------------


def _problem_place(problem: Problem) -> tuple[str, int, int]:
    where = problem.location or SourceLocation("")
    return where.path, where.line, where.col


def attach_diagrams(
    deck: Deck, theme: Theme, cache: Path, diagnostics: Diagnostics
) -> tuple[Deck, list[Problem]]:
    """Each slide holding a diagram becomes one slide per build step, pictures in place."""
    problems: list[Problem] = []
    slides: list[Slide] = []
    for slide in deck.slides:
        refs = _diagram_refs(slide.blocks)
        if not refs:
            slides.append(slide)
            continue
        try:
            steps = {ref: _render(ref, theme, cache, diagnostics) for ref in refs}
        except DeckgenError as error:
            problems += error.problems
            continue
        slides += _step_slides(slide, steps)
    return replace(deck, slides=tuple(slides)), problems


def _diagram_refs(blocks: tuple[Block, ...]) -> list[DiagramRef]:
    found: list[DiagramRef] = []
    for block in blocks:
        if isinstance(block, DiagramRef):
            found.append(block)
        elif isinstance(block, Columns):
            found += [b for c in block.columns for b in _diagram_refs(c.blocks)]
    return found


Step = tuple[Image, str]  # the step's picture and its speaker notes


def _render(
    ref: DiagramRef, theme: Theme, cache: Path, diagnostics: Diagnostics
) -> tuple[Step, ...]:
    from deckgen.diagram import render_diagram  # imported late: talks without diagrams skip it

    path = _spec_path(ref)
    steps = render_diagram(
        path, theme, cache, diagnostics, step=ref.step, display_path=display(path)
    )
    return tuple(
        (
            Image(str(s.png), ref.alt or s.caption or path.stem, ref.source, caption=s.caption),
            s.notes,
        )
        for s in steps
    )


def _spec_path(ref: DiagramRef) -> Path:
    path = Path(ref.path)
    if not path.is_file():
        hint = "the path is relative to the .md file"
        raise DeckgenError(f"diagram spec not found: {ref.path}", ref.source, hint)
    return path


def outline_deck(source: Path, diagnostics: Diagnostics) -> Deck:
    """The talk as parsed, each diagram slide repeated once per build step with the step's
    notes, as the deck will have it, without rendering a picture (for `deckgen outline`)."""
    from deckgen.diagram import step_notes
    from deckgen.markdown import parse_talk

    deck = parse_talk([read_source(f) for f in talk_files(source)], diagnostics)
    slides: list[Slide] = []
    problems: list[Problem] = []
    for slide in deck.slides:
        lead = next((b for b in slide.blocks if isinstance(b, DiagramRef)), None)
        if lead is None:
            slides.append(slide)
            continue
        try:
            path = _spec_path(lead)
            steps = step_notes(path, lead.step, display(path))
        except DeckgenError as error:
            problems += error.problems
            continue
        slides += [replace(slide, notes=(*slide.notes, n) if n else slide.notes) for n in steps]
    if problems:
        raise DeckgenError.of(problems)
    return replace(deck, slides=tuple(slides))


def _step_slides(slide: Slide, steps: dict[DiagramRef, tuple[Step, ...]]) -> Iterator[Slide]:
    """One slide per step of the slide's first full-slide diagram; others show their last step."""
    lead = next((b for b in slide.blocks if isinstance(b, DiagramRef)), None)
    count = len(steps[lead]) if lead else 1
    for index in range(count):
        chosen = {
            ref: images[index] if ref is lead else images[-1] for ref, images in steps.items()
        }
        pictures = {ref: image for ref, (image, _) in chosen.items()}
        step_notes = chosen[lead][1] if lead else ""
        notes = (*slide.notes, step_notes) if step_notes else slide.notes
        yield replace(slide, blocks=_swap(slide.blocks, pictures), notes=notes)


def _swap(blocks: tuple[Block, ...], pictures: dict[DiagramRef, Image]) -> tuple[Block, ...]:
    def one(block: Block) -> Block:
        if isinstance(block, DiagramRef):
            return pictures[block]
        if isinstance(block, Columns):
            columns = tuple(replace(c, blocks=_swap(c.blocks, pictures)) for c in block.columns)
            return replace(block, columns=columns)
        return block

    return tuple(one(b) for b in blocks)


# --- pictures -------------------------------------------------------------------------------


def attach_pictures(
    deck: Deck, diagnostics: Diagnostics
) -> tuple[Deck, dict[str, tuple[int, int]], list[Problem]]:
    """Check every picture: a web address becomes text on the slide, a missing file a problem.
    Returns the deck, each picture's pixel size by path, and the problems found."""
    sizes: dict[str, tuple[int, int]] = {}
    problems: list[Problem] = []

    def check(block: Block) -> Block:
        if isinstance(block, Columns):
            columns = tuple(replace(c, blocks=tuple(map(check, c.blocks))) for c in block.columns)
            return replace(block, columns=columns)
        if isinstance(block, Image) and block.path not in sizes:
            return _check_picture(block, sizes, problems, diagnostics)
        return block

    slides = tuple(replace(s, blocks=tuple(map(check, s.blocks))) for s in deck.slides)
    return replace(deck, slides=slides), sizes, problems


def _check_picture(
    image: Image,
    sizes: dict[str, tuple[int, int]],
    problems: list[Problem],
    diagnostics: Diagnostics,
) -> Block:
    from deckgen.images import image_size

    if image.path.startswith(("http://", "https://")):
        hint = "download it next to the talk and use the local path"
        diagnostics.warn(image.source, f"web image not embedded: {image.path}", hint)
        return _stand_in(image)
    path = Path(image.path)
    if path.suffix.lower() == ".svg" and path.is_file():
        hint = "convert it to PNG, e.g. rsvg-convert -w 1600 in.svg -o out.png"
        diagnostics.warn(image.source, f"SVG pictures are not embedded yet: {image.path}", hint)
        return _stand_in(image)
    size = image_size(path) if path.is_file() else None
    if size is None:
        what = "not a picture" if path.is_file() else "image not found"
        hint = "PNG, JPEG or GIF, relative to the .md file"
        problems.append(Problem(image.source, f"{what}: {image.path}", hint))
        return image
    if not image.alt.strip():
        hint = "describe it: ![what the picture shows](path)"
        diagnostics.warn(image.source, "picture without alt text: screen readers skip it", hint)
    sizes[image.path] = size
    return image


def _stand_in(image: Image) -> Paragraph:
    """Text in the picture's place, so the speaker sees what is missing."""
    return Paragraph((Run(f"[picture: {image.alt or image.path}]", italic=True),), image.source)


# --- output ---------------------------------------------------------------------------------


def write_atomically(output: Path, data: bytes) -> None:
    """Write beside the target, then rename over it: readers never see half a deck."""
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=output.parent)
    except OSError as fault:
        raise OutputError(
            f"cannot write {display(output)}: {fault.strerror}", None, "choose another path with -o"
        ) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temp, 0o644)
        os.replace(temp, output)
    except OSError as fault:
        Path(temp).unlink(missing_ok=True)
        raise OutputError(
            f"cannot write {display(output)}: {fault.strerror}", None, "choose another path with -o"
        ) from None


# --- new talks and PDF -----------------------------------------------------------------------


def new_talk(folder: Path, title: str) -> list[Path]:
    """Write a new talk's starting files into `folder`; refuse to overwrite any."""
    from deckgen.scaffold import talk_files as starting_files

    files = {folder / name: text for name, text in starting_files(title).items()}
    taken = [p for p in files if p.exists()]
    if taken:
        hint = "pick an empty folder: deckgen new my-talk"
        raise OutputError(f"{display(taken[0])} already exists; nothing was written", None, hint)
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return list(files)


def export_pdf(deck: Path, pdf: Path) -> Path:
    """The deck as a PDF, made by LibreOffice in a private profile; OutputError without it."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        hint = "install LibreOffice Impress: apt-get install libreoffice-impress"
        raise OutputError("PDF export needs LibreOffice, which is not installed", None, hint)
    with tempfile.TemporaryDirectory() as work:
        profile = (Path(work) / "profile").as_uri()
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore"]
        command += ["--convert-to", "pdf", "--outdir", work, str(deck.resolve())]
        done = subprocess.run(command, capture_output=True, text=True, timeout=600)
        made = Path(work) / f"{deck.stem}.pdf"
        if not made.is_file():
            detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
            raise OutputError(f"LibreOffice made no PDF of {display(deck)}: {detail[0]}")
        write_atomically(pdf, made.read_bytes())
    return pdf
