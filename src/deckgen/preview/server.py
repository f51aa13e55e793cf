"""The preview's web server (starlette on uvicorn, bound to 127.0.0.1): builds the deck on
every save of the talk, draws it as HTML, and tells open pages to reload by server-sent
events. The only module that imports starlette and uvicorn."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    Response,
    StreamingResponse,
)
from starlette.routing import Route

from deckgen.errors import DeckgenError, Diagnostics
from deckgen.files import watched_files
from deckgen.outline import make_outline, slide_of
from deckgen.pipeline import BuildOptions, BuildResult, build_deck
from deckgen.placed import Picture
from deckgen.preview.html import Frame, deck_html

HOST = "127.0.0.1"  # never reachable from another machine
LOOK_EVERY = 0.05  # seconds between looks at the talk's files (a stat each): a save shows at once
Report = Callable[[BuildResult | DeckgenError, Diagnostics], None]


@dataclass(slots=True)
class Shown:
    """What the page shows: the last good deck's HTML, and the error of the last save when
    it failed (drawn over the last good deck). `version` counts the builds."""

    version: int = 0
    html: str = ""
    title: str = ""
    duration_minutes: float | None = None
    total_seconds: int = 0
    error: str = ""
    pictures: list[Path] = field(default_factory=list)
    closing: bool = False


@dataclass(slots=True)
class PreviewServer:
    """`run()` serves until `stop()` (or Ctrl-C); the talk is rebuilt on every save."""

    source: Path
    output: Path | None
    options: BuildOptions
    port: int
    report: Report
    shown: Shown = field(default_factory=Shown)
    server: uvicorn.Server | None = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/"

    def run(self) -> None:
        watcher = threading.Thread(target=self._watch, daemon=True)
        watcher.start()
        config = uvicorn.Config(
            app(self.shown), host=HOST, port=self.port, log_level="warning",
            timeout_graceful_shutdown=1,
        )  # fmt: skip
        self.server = uvicorn.Server(config)
        self.server.run()
        self.shown.closing = True

    def stop(self) -> None:
        self.shown.closing = True
        if self.server is not None:
            self.server.should_exit = True

    def _watch(self) -> None:
        """Build now, then whenever a file of the talk changes (as `deckgen watch` does)."""
        seen = None
        while not self.shown.closing:
            files = [*watched_files(self.source)]
            files += [self.options.template] if self.options.template else []
            now = [(p, p.stat().st_mtime_ns) for p in files if p.exists()]
            if now != seen:
                seen = now
                self._build()
            time.sleep(LOOK_EVERY)

    def _build(self) -> None:
        diagnostics = Diagnostics()
        shown = self.shown
        try:
            result = build_deck(self.source, self.output, diagnostics, self.options)
        except DeckgenError as error:
            shown.error = "\n".join(str(p) for p in error.problems)
            shown.version += 1
            self.report(error, diagnostics)
            return
        if result.placed is not None:
            deck, meta = result.placed.deck, result.placed.meta
            outline = make_outline(deck, meta.duration)
            warnings = tuple((slide_of(deck, p.location) or 0, p) for p in diagnostics.sorted())
            pictures = sorted(
                {s.path for d in deck.slides for s in d.shapes if isinstance(s, Picture)}
            )
            urls = {path: f"/picture/{i}" for i, path in enumerate(pictures)}
            shown.html = deck_html(Frame(deck, outline, warnings), urls)
            shown.pictures = [Path(p) for p in pictures]
            shown.title, shown.duration_minutes = meta.title, meta.duration
            shown.total_seconds = outline.total_seconds
        shown.error = ""
        shown.version += 1
        self.report(result, diagnostics)


def _static(name: str) -> str:
    return files("deckgen.preview").joinpath("static", name).read_text(encoding="utf-8")


def app(shown: Shown) -> Starlette:
    """The routes: the grid and single-slide page, the presenter view, the deck as JSON, the
    stream of build numbers, the deck's pictures."""

    async def page(_request: Request) -> Response:
        return HTMLResponse(_static("index.html"))

    async def presenter(_request: Request) -> Response:
        return HTMLResponse(_static("presenter.html"))

    async def asset(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in ("preview.css", "preview.js"):
            return Response(status_code=404)
        kind = "text/css" if name.endswith(".css") else "text/javascript"
        return Response(_static(name), media_type=kind)

    async def deck(_request: Request) -> Response:
        data: dict[str, Any] = {
            "version": shown.version, "title": shown.title, "html": shown.html,
            "duration_minutes": shown.duration_minutes, "total_seconds": shown.total_seconds,
            "error": shown.error,
        }  # fmt: skip
        return JSONResponse(data, headers={"Cache-Control": "no-store"})

    async def picture(request: Request) -> Response:
        index = int(request.path_params["index"])
        if not 0 <= index < len(shown.pictures):
            return Response(status_code=404)
        return FileResponse(shown.pictures[index], headers={"Cache-Control": "no-store"})

    async def events(request: Request) -> Response:
        async def stream() -> AsyncIterator[str]:
            seen = -1
            while not shown.closing and not await request.is_disconnected():
                if shown.version != seen:
                    seen = shown.version
                    yield f"data: {seen}\n\n"
                await asyncio.sleep(0.1)

        headers = {"Cache-Control": "no-cache"}
        return StreamingResponse(stream(), media_type="text/event-stream", headers=headers)

    return Starlette(
        routes=[
            Route("/", page),
            Route("/presenter", presenter),
            Route("/static/{name}", asset),
            Route("/deck", deck),
            Route("/picture/{index:int}", picture),
            Route("/events", events),
        ]
    )
