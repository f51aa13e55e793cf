"""Picture files and diagram specs -> the facts resolve needs: pixel sizes and diagram steps.

Resolve reads them through the small `Assets` protocol, so it stays pure and its tests can
hand it a fake; these classes are the real thing, reading files and rendering diagrams.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from deckgen.diagram.frame import Frame

if TYPE_CHECKING:
    from deckgen.diagram.build import Later
from deckgen.errors import DeckgenError, Diagnostics, OutputError, SourceLocation
from deckgen.files import display, inside, write_atomically
from deckgen.model import DiagramRef
from deckgen.theme import Theme


@dataclass(frozen=True, slots=True)
class PictureFile:
    """What a picture path gives the deck: the file to embed (the picture itself, or a PNG made
    from a format PowerPoint cannot show) and its pixel size; or why it cannot be shown."""

    path: str = ""
    size: tuple[int, int] = (0, 0)
    format: str = ""  # as Pillow names it ("PNG", "WEBP"), "SVG", or "" when unreadable
    problem: str = ""  # "image not found", "outside the project", ...: a located error
    hint: str = ""
    web: bool = False  # a picture on the web: its problem is a warning, the deck builds


@dataclass(frozen=True, slots=True)
class DiagramStep:
    """One build step of a diagram (`number` from 1): its PNG and that PNG's pixel size,
    caption and notes."""

    number: int
    png: str
    size: tuple[int, int]
    caption: str
    notes: str
    text_px: float = 0.0  # the smallest text the step draws, in the PNG's pixels (0: none)


@dataclass(frozen=True, slots=True)
class DiagramText:
    """Where a diagram's PNG came from, and its smallest text: what the build needs to say how
    large that text lands on the slide once layout has placed the picture."""

    spec: str  # the spec's path as the user writes it
    source: SourceLocation  # where the talk shows the diagram
    text_px: float  # in the PNG's pixels
    width_px: int  # the PNG's width


class Assets(Protocol):
    def picture(self, path: str) -> PictureFile: ...

    def diagram(self, ref: DiagramRef, frame: Frame | None = None) -> tuple[DiagramStep, ...]:
        """The steps the reference shows (all, or its #step=N), their text sized for `frame`
        (the room the slide gives the diagram); DeckgenError when it cannot."""
        ...


@dataclass(slots=True)
class FileAssets:
    """Pictures read from disk (converted to PNG when PowerPoint lacks their format), diagrams
    rendered or taken from the cache; files outside `roots` refused unless `allow_outside`.
    `read` collects every file used, so the build can refuse to write its deck over one."""

    theme: Theme
    cache: Path
    diagnostics: Diagnostics
    roots: tuple[Path, ...] = ()
    allow_outside: bool = True
    read: set[Path] = field(default_factory=set)
    texts: dict[str, DiagramText] = field(default_factory=dict)  # by PNG path
    used: set[Path] = field(default_factory=set)  # the cache files this build reads
    fetch: bool = False  # --fetch-images: web pictures are fetched (else a stand-in)
    later: Later | None = None  # diagrams drawn in worker processes, written by finish()
    parallel: bool = False  # draw in worker processes (the drawing code loads on first use)
    _pictures: dict[str, PictureFile] = field(default_factory=dict)

    def picture(self, path: str) -> PictureFile:
        if path not in self._pictures:
            web = path.startswith(("http://", "https://"))
            self._pictures[path] = self._web(path) if web else self._picture(Path(path))
        return self._pictures[path]

    def _web(self, url: str) -> PictureFile:
        """A web picture: fetched into the cache with --fetch-images, read as a local one."""
        if not self.fetch:
            hint = "pass --fetch-images, or download it next to the talk and use the local path"
            return PictureFile(problem="web image not embedded", hint=hint, web=True)
        from deckgen.fetch import FetchFault, fetched

        try:
            local = fetched(url, self.cache.parent / "pictures")
        except FetchFault as fault:
            hint = "check the address, or download it next to the talk"
            return PictureFile(problem=f"web image not fetched ({fault})", hint=hint, web=True)
        self.used.add(local)
        found = self._picture(local, fetched=True)
        return found if not found.problem else replace(found, web=True)

    def diagram(self, ref: DiagramRef, frame: Frame | None = None) -> tuple[DiagramStep, ...]:
        from deckgen.diagram import render_diagram  # imported late: talks without diagrams skip it

        if self.parallel and self.later is None:
            from deckgen.diagram.build import Later

            self.later = Later(pool=True)
        path = self._spec(ref)
        shown = display(path)
        try:
            roots = None if self.allow_outside else self.roots
            steps = render_diagram(path, self.theme, self.cache, self.diagnostics, step=ref.step,
                                   display_path=shown, roots=roots, frame=frame,
                                   later=self.later)  # fmt: skip
        except OSError as fault:  # the cache beside the deck cannot be written
            where = display(self.cache)
            raise OutputError(f"cannot write the diagram cache {where}: {fault.strerror}", None,
                              "choose another path with -o") from None  # fmt: skip
        for s in steps:
            self.texts[str(s.png)] = DiagramText(shown, ref.source, s.text_px, s.width_px)
            key = s.png.stem.rsplit("-", 1)[0]  # <key>-<step>.png beside its record <key>.json
            self.used.update((s.png, s.png.with_name(f"{key}.json")))
        return tuple(
            DiagramStep(
                s.number, str(s.png), (s.width_px, s.height_px), s.caption, s.notes, s.text_px
            )
            for s in steps
        )

    def finish(self, progress: Callable[[int, int], None] | None = None) -> None:
        """Wait for the diagrams drawn in worker processes and write their PNGs, telling
        `progress(done, all)` of each."""
        if self.later is not None:
            try:
                self.later.finish(progress)
            except OSError as fault:  # the cache beside the deck cannot be written
                where = display(self.cache)
                raise OutputError(f"cannot write the diagram cache {where}: {fault.strerror}",
                                  None, "choose another path with -o") from None  # fmt: skip

    def _spec(self, ref: DiagramRef) -> Path:
        path = Path(ref.path)
        if not self.allow_outside and not inside(path, self.roots):
            raise DeckgenError(f"diagram spec outside the project: {ref.path}", ref.source,
                               OUTSIDE_HINT)  # fmt: skip
        if not path.is_file():
            hint = "the path is relative to the .md file"
            raise DeckgenError(f"diagram spec not found: {ref.path}", ref.source, hint)
        self.read.add(path.resolve())
        return path

    def _picture(self, path: Path, fetched: bool = False) -> PictureFile:
        """`fetched`: a web picture in the build's cache, which is no file of the talk's."""
        from deckgen.images import PictureFault, embeddable, read_picture

        if not fetched and not self.allow_outside and not inside(path, self.roots):
            return PictureFile(problem="picture outside the project", hint=OUTSIDE_HINT)
        if not path.is_file():
            return PictureFile(problem="image not found", hint=PICTURE_HINT)
        self.read.add(path.resolve())
        try:
            if path.suffix.lower() == ".svg":
                return self._svg(path)
            info = read_picture(path)
        except PictureFault as fault:
            return PictureFile(problem=str(fault), hint=fault.hint)
        if embeddable(info):
            return PictureFile(str(path), info.size, info.format)
        return PictureFile(str(self._converted(path)), info.size, info.format)

    def _converted(self, path: Path) -> Path:
        """A copy the deck can show (PNG, or an RGB JPEG) in the cache, named by its content,
        made once."""
        from deckgen.images import converted

        data = path.read_bytes()
        stem = self.cache.parent / "pictures" / hashlib.sha256(data).hexdigest()[:24]
        for suffix in (".png", ".jpg"):
            if stem.with_suffix(suffix).is_file():
                self.used.add(stem.with_suffix(suffix))
                return stem.with_suffix(suffix)
        out, suffix = converted(path)
        write_atomically(stem.with_suffix(suffix), out)
        self.used.add(stem.with_suffix(suffix))
        return stem.with_suffix(suffix)

    def _svg(self, path: Path) -> PictureFile:
        """The SVG copied into the cache with its PNG fallback beside it (the writer embeds
        both), named by its content, made once."""
        from deckgen.images import fallback_path, read_svg, svg_fallback

        size = read_svg(path).size
        data = path.read_bytes()
        target = self.cache.parent / "pictures" / f"{hashlib.sha256(data).hexdigest()[:24]}.svg"
        png = Path(fallback_path(str(target)))
        if not (target.is_file() and png.is_file()):
            write_atomically(png, svg_fallback(path, size))
            write_atomically(target, data)
        self.used.update((target, png))  # kept by the cache's pruning
        return PictureFile(str(target), size, "SVG")


PICTURE_HINT = "PNG, JPEG, GIF, WebP and the like, relative to the .md file"
OUTSIDE_HINT = "keep pictures and diagrams in the talk's project, or pass --allow-outside"
