"""Picture files and diagram specs -> the facts resolve needs: pixel sizes and diagram steps.

Resolve reads them through the small `Assets` protocol, so it stays pure and its tests can
hand it a fake; these classes are the real thing, reading files and rendering diagrams.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from deckgen.errors import DeckgenError, Diagnostics
from deckgen.files import display
from deckgen.model import DiagramRef
from deckgen.theme import Theme


@dataclass(frozen=True, slots=True)
class PictureFile:
    """What a picture path names: a file or not, and its pixel size if Pillow can read it."""

    exists: bool
    size: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class DiagramStep:
    """One build step of a diagram (`number` from 1): its PNG and that PNG's pixel size,
    caption and notes."""

    number: int
    png: str
    size: tuple[int, int]
    caption: str
    notes: str


class Assets(Protocol):
    def picture(self, path: str) -> PictureFile: ...

    def diagram(self, ref: DiagramRef) -> tuple[DiagramStep, ...]:
        """The steps the reference shows (all, or its #step=N); DeckgenError when it cannot."""
        ...


@dataclass(slots=True)
class FileAssets:
    """Pictures read from disk; diagrams rendered (or taken from the cache) as PNGs."""

    theme: Theme
    cache: Path
    diagnostics: Diagnostics
    _sizes: dict[str, PictureFile] = field(default_factory=dict)

    def picture(self, path: str) -> PictureFile:
        if path not in self._sizes:
            self._sizes[path] = _read_picture(Path(path))
        return self._sizes[path]

    def diagram(self, ref: DiagramRef) -> tuple[DiagramStep, ...]:
        from deckgen.diagram import render_diagram  # imported late: talks without diagrams skip it

        path = spec_path(ref)
        shown = display(path)
        steps = render_diagram(path, self.theme, self.cache, self.diagnostics, step=ref.step,
                               display_path=shown)  # fmt: skip
        return tuple(
            DiagramStep(s.number, str(s.png), (s.width_px, s.height_px), s.caption, s.notes)
            for s in steps
        )


@dataclass(slots=True)
class SketchAssets(FileAssets):
    """Like FileAssets, but diagrams are read, not drawn: their steps' captions and notes, for
    `deckgen outline`, which needs to know the slides but never lays them out."""

    def diagram(self, ref: DiagramRef) -> tuple[DiagramStep, ...]:
        from deckgen.diagram import step_texts

        path = spec_path(ref)
        steps = step_texts(path, ref.step, display(path))
        # No PNG and a nominal size: an outline counts slides and words, it places nothing.
        return tuple(DiagramStep(n, "", (16, 9), caption, notes) for n, caption, notes in steps)


def spec_path(ref: DiagramRef) -> Path:
    path = Path(ref.path)
    if not path.is_file():
        hint = "the path is relative to the .md file"
        raise DeckgenError(f"diagram spec not found: {ref.path}", ref.source, hint)
    return path


def _read_picture(path: Path) -> PictureFile:
    from deckgen.images import image_size

    if not path.is_file():
        return PictureFile(exists=False)
    return PictureFile(exists=True, size=image_size(path))
