"""The talk's files on disk: finding and reading them, naming the deck, writing atomically."""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

from deckgen.cleantext import clean_text
from deckgen.errors import Diagnostics, OutputError, SourceLocation, TalkError


def talk_files(source: Path) -> list[Path]:
    """The talk's Markdown files: `source` itself, or the .md files of the folder, sorted."""
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


def read_source(path: Path, diagnostics: Diagnostics) -> tuple[str, str]:
    """(the path as the user writes it, the file's text); not UTF-8 is a located TalkError.
    Pasted separators become line breaks and control characters go, with one warning."""
    data = path.read_bytes()
    try:
        text, dropped = clean_text(data.decode("utf-8-sig"))
    except UnicodeDecodeError as fault:
        line = data[: fault.start].count(b"\n") + 1
        col = fault.start - (data.rfind(b"\n", 0, fault.start) + 1) + 1
        where = SourceLocation(display(path), line, col)
        raise TalkError(
            f"not UTF-8 text (byte 0x{data[fault.start]:02X})", where, "save the file as UTF-8"
        ) from None
    if dropped:
        where = SourceLocation(display(path), dropped.line, dropped.col)
        diagnostics.warn(where, dropped.message(), "invisible characters pasted with the text")
    return display(path), text


def display(path: Path) -> str:
    """The path as the user would write it: relative to the current folder when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def default_output(source: Path) -> Path:
    """build/<name>.pptx, the name fixed by the talk: the front matter's `output:`, else the
    file's name, or for a folder the folder's (however many files it holds)."""
    files = talk_files(source)
    stem = _named_output(files[0]) or (source.stem if source.is_file() else source.resolve().name)
    return Path("build") / f"{stem}.pptx"


_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*\n", re.S)
_OUTPUT = re.compile(r"^output:[ \t]*['\"]?([^'\"\n#]+?)['\"]?[ \t]*(?:#.*)?$", re.M)


def _named_output(first: Path) -> str:
    """The `output:` the first file's front matter names (its last path part, without
    .pptx), read before the talk is parsed: the deck's name decides what a build may write."""
    try:
        head = first.read_text(encoding="utf-8", errors="replace")[:20_000]
    except OSError:
        return ""
    front = _FRONT.match(head)
    found = _OUTPUT.search(front.group(1)) if front else None
    return Path(found.group(1).strip()).stem if found else ""


def project_root(source: Path) -> Path:
    """The talk's project: the folder holding talk/ (and diagrams/), resolved through symlinks."""
    folder = (source if source.is_dir() else source.parent).resolve()
    return folder.parent if folder.parent != folder.parent.parent else folder


def diagram_cache(source: Path) -> Path:
    """Where rendered diagram steps are kept: with the talk's project
    (<project>/build/.deckgen-cache/diagrams), whatever `-o` says, so every build of the talk
    shares them."""
    return project_root(source) / "build" / ".deckgen-cache" / "diagrams"


def prune_cache(cache: Path, deck: Path, used: Iterable[Path], started: float) -> int:
    """After a successful build of `deck`: record the cache files it used, then delete every
    file in the cache no recorded build uses (the latest build of each deck that still
    exists). Files touched since `started` are kept: another build may be making them.
    Returns how many files went."""
    folder = cache.parent
    builds = folder / "builds"
    record = builds / f"{hashlib.sha256(str(deck.resolve()).encode()).hexdigest()[:16]}.json"
    names = sorted({p.name for p in used})
    write_atomically(record, json.dumps({"deck": str(deck.resolve()), "used": names}).encode())
    keep: set[str] = set()
    for path in builds.glob("*.json"):
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            continue
        if Path(str(data.get("deck", ""))).is_file():
            keep.update(str(name) for name in data.get("used", ()))
        else:
            path.unlink(missing_ok=True)  # a deck deleted since: its renders go too
    gone = 0
    for sub in (cache, folder / "pictures"):
        for path in sub.glob("*") if sub.is_dir() else ():
            if path.name in keep or not path.is_file():
                continue
            try:
                if path.stat().st_mtime < started:
                    path.unlink()
                    gone += 1
            except OSError:
                pass  # gone already, or another build holds it
    return gone


def watched_files(source: Path) -> list[Path]:
    """What a rebuild depends on: the talk's files (pictures too) and the diagrams folder."""
    talk = source if source.is_dir() else source.parent
    found = [source] if source.is_file() else []
    for folder in (talk, talk.parent / "diagrams"):
        found += [p for p in folder.rglob("*") if p.is_file()] if folder.is_dir() else []
    return sorted(set(found))


def write_atomically(output: Path, data: bytes) -> None:
    """Write beside the target, then rename over it: readers never see half a file."""
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=output.parent)
    except OSError as fault:
        raise _cannot_write(output, fault) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temp, 0o644)
        os.replace(temp, output)
    except OSError as fault:
        Path(temp).unlink(missing_ok=True)
        raise _cannot_write(output, fault) from None


def _cannot_write(output: Path, fault: OSError) -> OutputError:
    hint = "choose another path with -o"
    return OutputError(f"cannot write {display(output)}: {fault.strerror}", None, hint)


def check_output(output: Path, suffix: str, inputs: Iterable[Path], force: bool = False) -> None:
    """Refuse to write over a file the build reads (after resolving symlinks), into a folder,
    or, unless forced, to a name without the expected suffix (`-o talk.md` is a slip)."""
    real = output.resolve()
    if real in {p.resolve() for p in inputs}:
        hint = f"write the output elsewhere, e.g. -o build/{output.stem or 'deck'}{suffix}"
        raise OutputError(f"{display(output)} is one of the build's inputs; nothing was written",
                          None, hint)  # fmt: skip
    if output.is_dir():
        raise OutputError(f"{display(output)} is a folder", None, f"name a {suffix} file with -o")
    blocker = next((p for p in output.parents if p.exists()), None)
    if blocker is not None and not blocker.is_dir():
        raise OutputError(f"cannot write {display(output)}: {display(blocker)} is a file", None,
                          "choose another path with -o")  # fmt: skip
    if output.suffix.lower() != suffix and not force:
        hint = f"name it {output.with_suffix(suffix).name}, or pass --force to write it anyway"
        raise OutputError(f"{display(output)} does not end in {suffix}", None, hint)


def project_roots(source: Path) -> tuple[Path, ...]:
    """Where a talk may read from: the current folder and the project holding the talk (the
    talk folder's parent, where diagrams/ lives beside talk/), resolved through symlinks."""
    return tuple(sorted({Path.cwd().resolve(), project_root(source)}))


def inside(path: Path, roots: tuple[Path, ...]) -> bool:
    real = path.resolve()
    return any(real.is_relative_to(root) for root in roots)
