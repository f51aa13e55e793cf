"""Deck + Theme -> PlacedDeck: every frame positioned, every size decided, nothing overflowing."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from typing import cast

from deckgen.errors import Diagnostics
from deckgen.highlight import Line, highlight
from deckgen.layout import slides
from deckgen.layout.blocks import place_stack
from deckgen.layout.context import PT_PER_INCH, Ctx, LaidBlock, Listing
from deckgen.layout.fit import fit_blocks
from deckgen.model import (
    Block,
    Code,
    Column,
    Columns,
    Deck,
    DeckMeta,
    Image,
    Quote,
    Slide,
    plain_text,
)
from deckgen.placed import Box, PlacedDeck, PlacedSlide, Shape, TextFrame
from deckgen.theme import Theme

__all__ = ["layout_deck", "slide_size"]

CONTINUED = "(continued from the previous slide)"  # the notes of a "(cont.)" slide


def slide_size(aspect: str) -> tuple[float, float]:
    """Width and height in points: 13.333 x 7.5 in for 16:9, 10 x 7.5 in for 4:3."""
    return (720.0, 540.0) if aspect == "4:3" else (960.0, 540.0)


def layout_deck(
    deck: Deck, theme: Theme, images: Mapping[str, tuple[int, int]], diagnostics: Diagnostics
) -> PlacedDeck:
    """Place every slide; `images` gives each picture's pixel size by path."""
    ctx = Ctx(theme, 0, images, theme.colors.text)
    placed: list[PlacedSlide] = []
    for slide in deck.slides:
        placed += _layout_slide(slide, deck.meta, ctx, diagnostics)
    width, height = slide_size(deck.meta.aspect)
    subject = deck.meta.subtitle or deck.meta.event
    fonts = theme.fonts
    meta = deck.meta
    return PlacedDeck(
        width, height, tuple(placed), meta.title, meta.author, subject, meta.lang,
        theme.colors.accent, fonts.body, fonts.heading,
    )  # fmt: skip


def _page(meta: DeckMeta, ctx: Ctx) -> slides.Page:
    width, height = slide_size(meta.aspect)
    m = ctx.theme.margins
    bottom = height - m.bottom * PT_PER_INCH
    if meta.footer or meta.paginate:
        bottom = min(bottom, slides.footer_top(height, ctx) - ctx.gap * 0.5)
    return slides.Page(
        width,
        height,
        m.left * PT_PER_INCH,
        m.top * PT_PER_INCH,
        width - m.right * PT_PER_INCH,
        bottom,
    )


def _layout_slide(
    slide: Slide, meta: DeckMeta, ctx: Ctx, diagnostics: Diagnostics
) -> list[PlacedSlide]:
    """The slide's placed pages. Background pictures go behind everything, filling the slide,
    or, split to one side (Marp's `bg left:40%`), fill that side with the content beside them."""
    backdrops = [b for b in slide.blocks if isinstance(b, Image) and b.background]
    page = _page(meta, ctx)
    if not backdrops:
        return _layout_pages(slide, meta, ctx, diagnostics, page)
    rest = tuple(b for b in slide.blocks if b not in backdrops)
    split = next((b for b in backdrops if b.side), None)
    margin = ctx.theme.margins.left * PT_PER_INCH
    cut = page.width * split.share if split else 0.0
    if split and split.side == "left":
        page = replace(page, left=cut + margin)
    elif split:
        page = replace(page, right=page.width - cut - margin)
    pages = _layout_pages(replace(slide, blocks=rest), meta, ctx, diagnostics, page)
    boxes = {"": Box(0, 0, page.width, page.height), "left": Box(0, 0, cut, page.height)}
    boxes["right"] = Box(page.width - cut, 0, cut, page.height)
    behind = tuple(slides.backdrop(b, boxes[b.side], ctx) for b in backdrops)
    return [replace(p, shapes=behind + p.shapes) for p in pages]


@dataclass(frozen=True, slots=True)
class _Job:
    """One slide being laid out, with everything its rules read."""

    slide: Slide
    body: tuple[LaidBlock, ...]
    page: slides.Page
    ctx: Ctx
    footer: tuple[Shape, ...]
    notes: str
    diagnostics: Diagnostics

    def placed(
        self, kind: str, title: TextFrame | None, shapes: list[Shape], notes: str
    ) -> PlacedSlide:
        background = self.ctx.theme.colors.background
        return slides.slide(
            kind, title, shapes + list(self.footer), notes, background, self.slide.source
        )


def _layout_pages(
    slide: Slide, meta: DeckMeta, ctx: Ctx, diagnostics: Diagnostics, page: slides.Page
) -> list[PlacedSlide]:
    body = tuple(_resolve(b, ctx, diagnostics) for b in slide.blocks)
    footer = tuple(slides.footer_shapes(meta, page, ctx))
    job = _Job(slide, body, page, ctx, footer, "\n\n".join(slide.notes), diagnostics)
    if slide.kind == "title":
        title, shapes = slides.title_slide_shapes(meta, page, ctx, slide.source)
        return [replace(job, footer=()).placed("title", title, shapes, job.notes)]
    if slide.kind == "section":
        return _section(job)
    if slide.kind == "quote" and len(body) == 1 and isinstance(body[0], Quote):
        return _quote(job, body[0])
    return _content(job)


def _section(job: _Job) -> list[PlacedSlide]:
    """A section divider, its title large in the middle. Text under the heading stays below
    it when it fits at full size; more text makes it a slide titled in the accent colour."""
    page, ctx = job.page, job.ctx
    title, bar, below = slides.section_shapes(job.slide.title, page, ctx)
    room = page.bottom - below
    fitted = fit_blocks(job.body, page.inner_width, room, ctx) if job.body else []
    if len(fitted) > 1 or (fitted and fitted[0].shrunk):
        return _content(job, "section", ctx.theme.colors.accent)
    shapes: list[Shape] = [bar]
    if fitted:
        shapes += place_stack(fitted[0].blocks, Box(page.left, below, page.inner_width, room), ctx)
    return [job.placed("section", title, shapes, job.notes)]


def _content(job: _Job, kind: str = "content", heading_color: str = "") -> list[PlacedSlide]:
    """A content slide, and the "(cont.)" slides it needs."""
    slide = job.slide
    parts = slides.content_slides(
        slide.title, job.body, job.page, job.ctx, slide.source, job.diagnostics, heading_color
    )
    return [
        job.placed(kind, heading, shapes, job.notes if number == 0 else CONTINUED)
        for number, (heading, shapes) in enumerate(parts)
    ]


def _quote(job: _Job, quote: Quote) -> list[PlacedSlide]:
    """A quote alone on a slide, large; too long for that, it is laid out as ordinary text."""
    page, ctx, slide = job.page, job.ctx, job.slide
    sizes, top, title = ctx.theme.sizes, page.top, None
    if slide.title:
        width, color = page.inner_width, ctx.theme.colors.heading
        heading = slides.fit_heading(slide.title, width, ctx, sizes.title, sizes.title_min, color)
        title = TextFrame(Box(page.left, top, width, heading.height), (heading.paragraph,), "title")
        top += heading.height + ctx.gap * 1.5
    box = Box(page.left + page.inner_width * 0.08, top, page.inner_width * 0.84, page.bottom - top)
    shapes = slides.quote_shapes(quote.paragraphs, box, ctx)
    if shapes is None:
        return _content(job)
    if title:
        slides.warn_heading(heading, plain_text(slide.title), slide.source, job.diagnostics)
    return [job.placed("quote", title, shapes, job.notes)]


def _resolve(block: object, ctx: Ctx, diagnostics: Diagnostics) -> LaidBlock:
    """Code becomes highlighted lines (warning once for an unknown language); columns recurse."""
    if isinstance(block, Code):
        theme = ctx.theme
        lines, known = _highlight(
            block.text.expandtabs(4),
            block.language,
            theme.code_style,
            theme.colors.code_background,
            theme.colors.code_text,
        )
        if not known:
            diagnostics.warn(
                block.source,
                f"unknown code language '{block.language}': shown without highlighting",
            )
        return Listing(lines, block.source)
    if isinstance(block, Columns):
        # Columns then hold Listings too: layout's own block type, which the model does not know.
        columns = tuple(
            Column(
                cast(tuple[Block, ...], tuple(_resolve(b, ctx, diagnostics) for b in c.blocks)),
                c.width_pct,
                c.source,
            )
            for c in block.columns
        )
        return Columns(columns, block.source)
    return cast(LaidBlock, block)


@cache
def _highlight(
    text: str, language: str, style: str, background: str, default: str
) -> tuple[tuple[Line, ...], bool]:
    return highlight(text, language, style, background, default)
