"""Spec file -> cached PNG per step: the only diagram module that reads or writes files."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from deckgen.diagram.display import Prim
from deckgen.diagram.raster import output_size, render_png
from deckgen.diagram.scene import Scene, build_scene
from deckgen.diagram.schema import schema
from deckgen.diagram.spec import DiagramSpec, load_spec
from deckgen.errors import Diagnostics, DiagramSpecError, Problem, SourceLocation
from deckgen.files import write_atomically
from deckgen.theme import Theme

RENDERER_VERSION = "2"  # 2: cropped to content, larger default text


@dataclass(frozen=True, slots=True)
class RenderedStep:
    number: int  # 1-based
    png: Path  # the cached PNG file
    width_px: int  # the PNG's size: the canvas cropped to its content, at the render density
    height_px: int
    caption: str  # the step's caption ("" if none)
    notes: str  # the step's notes ("" if none)


def render_diagram(
    spec_path: Path,
    theme: Theme,
    cache_dir: Path,
    diagnostics: Diagnostics,
    *,
    step: int | None = None,
    size: tuple[int, int] = (2880, 1620),
    display_path: str | None = None,
) -> tuple[RenderedStep, ...]:
    """Load, validate, lay out and render every step (or only `step`, 1-based) of the spec.

    PNGs are cached in cache_dir under a hash of (spec text, theme, size, renderer version);
    a cached PNG is reused without rendering. Warnings go into diagnostics. Each PNG is the
    canvas at `size` cropped to what all steps draw (unless the spec says `crop: false`).
    """
    shown = display_path or str(spec_path)
    text = read_spec(spec_path, shown)
    spec = load_spec(text, shown, palette=[name for name, _ in theme.palette] + ["none"])
    numbers = _numbers(spec, step, shown)
    key = _cache_key(text + shown, spec, spec_path.parent, theme, size)
    pngs = {n: cache_dir / f"{key}-{n}.png" for n in numbers}
    meta_path = cache_dir / f"{key}.json"
    if meta_path.is_file() and all(p.is_file() for p in pngs.values()):
        meta = json.loads(meta_path.read_text("utf-8"))
        _replay(meta["warnings"], diagnostics)
    else:
        meta = _render_into(spec, spec_path.parent, theme, size, pngs, cache_dir, meta_path)
        _replay(meta["warnings"], diagnostics)
    width, height = meta["size"]
    return tuple(
        RenderedStep(n, pngs[n], width, height, meta["captions"][n - 1], meta["notes"][n - 1])
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
    text = read_spec(spec_path, str(spec_path))
    spec = load_spec(text, str(spec_path), palette=[name for name, _ in theme.palette] + ["none"])
    numbers = _numbers(spec, None if all_steps else (step or 1), str(spec_path))
    scene = _scene(spec, spec_path.parent, theme, diagnostics)
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
    spec = load_spec(read_spec(spec_path, shown), shown)
    texts = {s.number: (s.caption, s.notes) for s in spec.steps}
    return tuple((n, *texts.get(n, ("", ""))) for n in _numbers(spec, step, shown))


def read_spec(path: Path, shown: str) -> str:
    """The spec's text; unreadable or non-UTF-8 files are DiagramSpecErrors located at the file."""
    try:
        data = path.read_bytes()
    except OSError as fault:
        raise DiagramSpecError(
            f"cannot read the spec: {fault.strerror}", SourceLocation(shown)
        ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as fault:
        line = data[: fault.start].count(b"\n") + 1
        col = fault.start - (data.rfind(b"\n", 0, fault.start) + 1) + 1
        raise DiagramSpecError(
            "the spec is not UTF-8 text", SourceLocation(shown, line, col)
        ) from None


def _numbers(spec: DiagramSpec, step: int | None, shown: str) -> list[int]:
    count = max(len(spec.steps), 1)
    if step is None:
        return list(range(1, count + 1))
    if not 1 <= step <= count:
        raise DiagramSpecError(
            f"step {step} is out of range: the diagram has {count} step(s)", SourceLocation(shown)
        )
    return [step]


def _cache_key(
    text: str, spec: DiagramSpec, base: Path, theme: Theme, size: tuple[int, int]
) -> str:
    digest = hashlib.sha256()
    for part in (RENDERER_VERSION, text, repr(theme), repr(size)):
        digest.update(part.encode("utf-8") + b"\0")
    for item in spec.items:
        if item.kind == "image":
            image = base / str(item.get("src"))
            digest.update(image.read_bytes() if image.is_file() else b"missing")
    return digest.hexdigest()[:24]


def _scene(spec: DiagramSpec, base: Path, theme: Theme, diagnostics: Diagnostics) -> Scene:
    problems = [
        Problem(item.mark("src"), f"image file '{item.get('src')}' not found")
        for item in spec.items
        if item.kind == "image" and not (base / str(item.get("src"))).is_file()
    ]
    if problems:
        raise DiagramSpecError.of(problems)
    scene = build_scene(spec, theme, diagnostics)
    return _with_image_paths(scene, base)


def _with_image_paths(scene: Scene, base: Path) -> Scene:
    from dataclasses import replace

    def resolve(prim: Prim) -> Prim:
        return replace(prim, text=str(base / prim.text)) if prim.shape == "image" else prim

    return replace(scene, prims=tuple(resolve(p) for p in scene.prims))


def _render_into(
    spec: DiagramSpec,
    base: Path,
    theme: Theme,
    size: tuple[int, int],
    pngs: dict[int, Path],
    cache_dir: Path,
    meta_path: Path,
) -> dict[str, Any]:
    local = Diagnostics()
    scene = _scene(spec, base, theme, local)
    cache_dir.mkdir(parents=True, exist_ok=True)
    for n, path in pngs.items():
        if not path.is_file():
            write_atomically(path, render_png(scene, n, size))
    meta = {
        "size": list(output_size(scene, size)),
        "captions": [s.caption for s in scene.steps],
        "notes": [s.notes for s in scene.steps],
        "warnings": [_dump(w) for w in local.warnings],
    }
    write_atomically(meta_path, json.dumps(meta, indent=1, sort_keys=True).encode("utf-8"))
    return meta


def _dump(problem: Problem) -> dict[str, Any]:
    where = problem.location
    loc = [where.path, where.line, where.col] if where else None
    return {"location": loc, "message": problem.message, "hint": problem.hint}


def _replay(warnings: list[dict[str, Any]], diagnostics: Diagnostics) -> None:
    for w in warnings:
        where = SourceLocation(*w["location"]) if w["location"] else None
        diagnostics.warn(where, w["message"], w["hint"])
