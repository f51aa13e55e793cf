"""Spec file -> cached PNG per step: the only diagram module that reads or writes files."""

from __future__ import annotations

import functools
import hashlib
import json
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from deckgen.cleantext import Dropped, clean_text
from deckgen.diagram.display import Prim
from deckgen.diagram.frame import Frame, slide_frame
from deckgen.diagram.raster import output_size, png_fault, render_png
from deckgen.diagram.scene import Scene, build_scene
from deckgen.diagram.schema import schema
from deckgen.diagram.spec import DiagramSpec, load_spec
from deckgen.errors import Diagnostics, DiagramSpecError, Problem, SourceLocation
from deckgen.files import inside, write_atomically
from deckgen.images import PictureFault, read_picture
from deckgen.theme import Theme

RENDERER_VERSION = "3"  # 3: text sized for the slide's frame


@dataclass(frozen=True, slots=True)
class RenderedStep:
    number: int  # 1-based
    png: Path  # the cached PNG file
    width_px: int  # the PNG's size: the canvas cropped to its content, at the render density
    height_px: int
    caption: str  # the step's caption ("" if none)
    notes: str  # the step's notes ("" if none)
    text_px: float = 0.0  # the smallest text the step draws, in the PNG's pixels (0: none)


def render_diagram(
    spec_path: Path,
    theme: Theme,
    cache_dir: Path,
    diagnostics: Diagnostics,
    *,
    step: int | None = None,
    size: tuple[int, int] = (2880, 1620),
    display_path: str | None = None,
    roots: tuple[Path, ...] | None = None,
    frame: Frame | None = None,
    later: Later | None = None,
) -> tuple[RenderedStep, ...]:
    """Load, validate, lay out and render every step (or only `step`, 1-based) of the spec.

    PNGs are cached in cache_dir under a hash of (spec text, theme, size, renderer version);
    a cached PNG is reused without rendering. Warnings go into diagnostics. Each PNG is the
    canvas at `size` cropped to what all steps draw (unless the spec says `crop: false`).
    With `roots`, an image item's file outside them is an error, before any cache is used.
    Text is sized for `frame` (default: a lone diagram on a slide of the theme).
    With `later`, the PNGs are drawn in worker processes while the build goes on (their sizes
    are known from the scene): `later.finish()` waits for them and writes them.
    """
    shown = display_path or str(spec_path)
    text, dropped = read_spec(spec_path, shown)
    warn_dropped(dropped, shown, diagnostics)
    spec = _spec(text, shown, (*(name for name, _ in theme.palette), "none"))
    if roots is not None:
        _refuse_outside(spec, spec_path.parent, roots)
    numbers = _numbers(spec, step, shown)
    frame = frame or slide_frame(theme)
    key = _cache_key(text + shown + repr(frame), spec, spec_path.parent, theme, size)
    pngs = {n: cache_dir / f"{key}-{n}.png" for n in numbers}
    meta_path = cache_dir / f"{key}.json"
    meta = _cached(meta_path, pngs, max(len(spec.steps), 1))
    if meta is None:
        job = _Job(spec, spec_path.parent, theme, size, frame)
        meta = _render_into(job, pngs, cache_dir, meta_path, later or Later())
    for warning in meta.warnings:
        diagnostics.warn(warning.location, warning.message, warning.hint)
    width, height = meta.size
    return tuple(
        RenderedStep(
            n, pngs[n], width, height, meta.captions[n - 1], meta.notes[n - 1], meta.text[n - 1]
        )
        for n in numbers
    )


def diagram_command(
    spec_path: Path,
    out: Path | None,
    step: int | None,
    all_steps: bool,
    size: tuple[int, int],
    theme: Theme,
    diagnostics: Diagnostics,
) -> list[Path]:
    """`deckgen diagram SPEC [--step N | --all] [-o OUT]`: write PNGs, return their paths."""
    text, dropped = read_spec(spec_path, str(spec_path))
    warn_dropped(dropped, str(spec_path), diagnostics)
    spec = load_spec(text, str(spec_path), palette=[name for name, _ in theme.palette] + ["none"])
    numbers = _numbers(spec, None if all_steps else (step or 1), str(spec_path))
    scene = _scene(spec, spec_path.parent, theme, diagnostics, slide_frame(theme))
    stem = spec_path.stem
    if all_steps:
        folder = out or Path(".")
        folder.mkdir(parents=True, exist_ok=True)
        targets = {n: folder / f"{stem}-step-{n}.png" for n in numbers}
    else:
        targets = {numbers[0]: out or Path(f"{stem}-step-{numbers[0]}.png")}
    for n, target in targets.items():
        write_atomically(target, render_png(scene, n, size))
    return list(targets.values())


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a diagram spec, for `deckgen diagram --schema`."""
    return schema()


def step_texts(
    spec_path: Path, step: int | None = None, display_path: str | None = None
) -> tuple[tuple[int, str, str], ...]:
    """Each step's number, caption and speaker notes ("" where none), without rendering."""
    shown = display_path or str(spec_path)
    spec = load_spec(read_spec(spec_path, shown)[0], shown)
    texts = {s.number: (s.caption, s.notes) for s in spec.steps}
    return tuple((n, *texts.get(n, ("", ""))) for n in _numbers(spec, step, shown))


def read_spec(path: Path, shown: str) -> tuple[str, Dropped | None]:
    """The spec's text, cleaned of pasted control characters, and what cleaning dropped (for
    the caller to warn about with `warn_dropped`, where it has a place to warn).
    Unreadable or non-UTF-8 files are DiagramSpecErrors located at the file."""
    try:
        data = path.read_bytes()
    except OSError as fault:
        raise DiagramSpecError(
            f"cannot read the spec: {fault.strerror}", SourceLocation(shown)
        ) from None
    try:
        return clean_text(data.decode("utf-8"))
    except UnicodeDecodeError as fault:
        line = data[: fault.start].count(b"\n") + 1
        col = fault.start - (data.rfind(b"\n", 0, fault.start) + 1) + 1
        raise DiagramSpecError(
            "the spec is not UTF-8 text", SourceLocation(shown, line, col)
        ) from None


def warn_dropped(dropped: Dropped | None, shown: str, diagnostics: Diagnostics) -> None:
    """One warning per spec, at the first control character cleaning dropped."""
    if dropped is not None:
        where = SourceLocation(shown, dropped.line, dropped.col)
        diagnostics.warn(where, dropped.message(), "invisible characters pasted with the text")


def _numbers(spec: DiagramSpec, step: int | None, shown: str) -> list[int]:
    count = max(len(spec.steps), 1)
    if step is None:
        return list(range(1, count + 1))
    if not 1 <= step <= count:
        raise DiagramSpecError(
            f"step {step} is out of range: the diagram has {count} step(s)", SourceLocation(shown)
        )
    return [step]


@functools.lru_cache(maxsize=64)
def _spec(text: str, shown: str, palette: tuple[str, ...]) -> DiagramSpec:
    """The spec parsed and checked once per text: watch and preview rebuild on every save,
    and reading YAML was most of a warm rebuild. (A spec with errors raises each time.)"""
    return load_spec(text, shown, palette=palette)


def _cache_key(
    text: str, spec: DiagramSpec, base: Path, theme: Theme, size: tuple[int, int]
) -> str:
    digest = hashlib.sha256()
    for part in (RENDERER_VERSION, text, repr(theme), repr(size)):
        digest.update(part.encode("utf-8") + b"\0")
    for item in spec.items:
        if item.kind == "image":
            _digest_file(digest, base / str(item.get("src")))
    return digest.hexdigest()[:24]


def _digest_file(digest: Any, path: Path) -> None:
    """The file's bytes into the digest, a block at a time (a picture may be large)."""
    try:
        with path.open("rb") as file:
            for block in iter(lambda: file.read(1 << 20), b""):
                digest.update(block)
    except OSError:  # missing or unreadable: an error at `src` when the scene is built
        digest.update(b"missing")


def _scene(
    spec: DiagramSpec, base: Path, theme: Theme, diagnostics: Diagnostics, frame: Frame
) -> Scene:
    problems = [
        problem
        for item in spec.items
        if item.kind == "image"
        for problem in _image_problem(item.get("src"), base, item.mark("src"))
    ]
    if problems:
        raise DiagramSpecError.of(problems)
    scene = build_scene(spec, theme, diagnostics, frame=frame)
    return _with_image_paths(scene, base)


def _refuse_outside(spec: DiagramSpec, base: Path, roots: tuple[Path, ...]) -> None:
    hint = "keep pictures in the talk's project, or pass --allow-outside"
    problems = [
        Problem(item.mark("src"), f"image file '{item.get('src')}' is outside the project", hint)
        for item in spec.items
        if item.kind == "image" and not inside(base / str(item.get("src")), roots)
    ]
    if problems:
        raise DiagramSpecError.of(problems)


def _image_problem(src: str, base: Path, where: SourceLocation) -> list[Problem]:
    """Why an image item's file cannot be drawn, checked before drawing: [] when it can."""
    path = base / src
    if not path.is_file():
        return [Problem(where, f"image file '{src}' not found")]
    try:
        read_picture(path)
    except PictureFault as fault:
        return [Problem(where, f"image file '{src}': {fault}", fault.hint)]
    return []


def _with_image_paths(scene: Scene, base: Path) -> Scene:
    from dataclasses import replace

    def resolve(prim: Prim) -> Prim:
        return replace(prim, text=str(base / prim.text)) if prim.shape == "image" else prim

    return replace(scene, prims=tuple(resolve(p) for p in scene.prims))


@dataclass(frozen=True, slots=True)
class _Meta:
    """What the cache keeps beside a diagram's PNGs: their size, the step texts, the warnings."""

    size: tuple[int, int]
    captions: tuple[str, ...]
    notes: tuple[str, ...]
    warnings: tuple[Problem, ...]
    text: tuple[float, ...]  # per step: its smallest text in PNG pixels (0: none)


@dataclass(frozen=True, slots=True)
class _Job:
    """What one diagram is rendered from."""

    spec: DiagramSpec
    base: Path
    theme: Theme
    size: tuple[int, int]
    frame: Frame


def _render_into(
    job: _Job, pngs: dict[int, Path], cache_dir: Path, meta_path: Path, later: Later
) -> _Meta:
    """Lay out, then draw each step not yet cached (now, or in `later`'s workers); the record
    beside the PNGs is written after them, so a record always means whole PNGs."""
    local = Diagnostics()
    scene = _scene(job.spec, job.base, job.theme, local, job.frame)
    size = job.size
    cache_dir.mkdir(parents=True, exist_ok=True)
    width, height = output_size(scene, size)
    todo = {n: path for n, path in pngs.items() if png_fault(path, (width, height))}
    meta = _Meta(
        (width, height),
        tuple(s.caption for s in scene.steps),
        tuple(s.notes for s in scene.steps),
        tuple(local.warnings),
        tuple(round(st.smallest * size[0] / scene.width, 2) for st in scene.steps),
    )
    record = json.dumps(_dump(meta), indent=1, sort_keys=True).encode("utf-8")
    later.draw(scene, todo, size, (meta_path, record))
    if later.now:
        later.finish()
    return meta


class Later:
    """Steps drawn in a pool of worker processes, one per core, shared by every diagram of a
    build: on two cores the shipped talk's 14 steps take half the time. `finish` writes them.
    Without `pool=True` (or on one core) each step is drawn at once, in this process."""

    def __init__(self, pool: bool = False) -> None:
        self.executor = _executor() if pool else None
        self.now = self.executor is None
        self.pending: list[tuple[Path, Future[bytes] | bytes]] = []
        self.records: list[tuple[Path, bytes]] = []

    def draw(
        self, scene: Scene, todo: dict[int, Path], size: tuple[int, int], record: tuple[Path, bytes]
    ) -> None:
        for n, path in todo.items():
            done = (
                render_png(scene, n, size)
                if self.executor is None
                else self.executor.submit(render_png, scene, n, size)
            )
            self.pending.append((path, done))
        self.records.append(record)

    def finish(self, progress: Callable[[int, int], None] | None = None) -> None:
        """Every PNG drawn and written, then the records beside them; `progress(done, all)`
        hears of each."""
        pending, records = self.pending, self.records
        self.pending, self.records = [], []
        for number, (path, done) in enumerate(pending, 1):
            write_atomically(path, done if isinstance(done, bytes) else done.result())
            if progress is not None:
                progress(number, len(pending))
        for path, data in records:
            write_atomically(path, data)


_POOL: list[ProcessPoolExecutor] = []  # started on first use, kept for the run


def _executor() -> ProcessPoolExecutor | None:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    if (cores or 1) < 2:
        return None
    if not _POOL:
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        _POOL.append(ProcessPoolExecutor(min(cores or 1, 8), mp_context=context))
    return _POOL[0]


def _cached(meta_path: Path, pngs: dict[int, Path], steps: int) -> _Meta | None:
    """The cache's record of this render, if it and every PNG asked for are whole: a broken
    cache (a truncated PNG, a damaged record) is rendered again, never trusted."""
    meta = _load(meta_path, steps)
    if meta is None or any(png_fault(path, meta.size) for path in pngs.values()):
        return None
    return meta


def _dump(meta: _Meta) -> dict[str, Any]:
    return {
        "size": list(meta.size),
        "captions": list(meta.captions),
        "notes": list(meta.notes),
        "warnings": [_dump_problem(w) for w in meta.warnings],
        "text": list(meta.text),
    }


def _dump_problem(problem: Problem) -> dict[str, Any]:
    where = problem.location
    loc = [where.path, where.line, where.col] if where else None
    return {"location": loc, "message": problem.message, "hint": problem.hint}


def _load(path: Path, steps: int) -> _Meta | None:
    """The record read back, every field checked; None when it is missing or damaged."""
    try:
        data = json.loads(path.read_text("utf-8"))
        width, height = (_typed(n, int) for n in data["size"])
        captions, notes = (_texts(data[name], steps) for name in ("captions", "notes"))
        warnings = tuple(_load_problem(w) for w in data["warnings"])
        text = tuple(float(_typed(v, (int, float))) for v in data["text"])
        if len(text) != steps:
            raise ValueError("one text size per step")
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return _Meta((width, height), captions, notes, warnings, text)


def _load_problem(data: Any) -> Problem:
    loc = data["location"]
    where = (
        None
        if loc is None
        else SourceLocation(*(_typed(v, t) for v, t in zip(loc, (str, int, int), strict=True)))
    )
    hint = None if data["hint"] is None else _typed(data["hint"], str)
    return Problem(where, _typed(data["message"], str), hint)


def _texts(data: Any, count: int) -> tuple[str, ...]:
    texts = tuple(_typed(t, str) for t in data)
    if len(texts) != count:
        raise ValueError("one text per step")
    return texts


def _typed(value: Any, kind: type | tuple[type, ...]) -> Any:
    if not isinstance(value, kind) or isinstance(value, bool):
        raise TypeError(f"expected {kind}")
    return value
