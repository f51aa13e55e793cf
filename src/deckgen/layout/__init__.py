"""Deck + Theme -> PlacedDeck: every frame positioned, every size decided, nothing overflowing."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import assert_never

from deckgen.colors import readable
from deckgen.errors import Diagnostics
from deckgen.layout import slides, structural
from deckgen.layout.blocks import place_stack
from deckgen.layout.context import PT_PER_INCH, Ctx
from deckgen.layout.fit import fit_blocks
from deckgen.layout.master import master
from deckgen.placed import Box, PlacedDeck, PlacedSlide, Shape, TextFrame
from deckgen.ready import (
    Backdrop,
    ContentSlide,
    DeckMeta,
    Figure,
    QuoteSlide,
    ReadyDeck,
    ReadySlide,
    SectionSlide,
    SlideMarks,
    TitleSlide,
    leaves,
    plain_text,
)
from deckgen.theme import Theme, inverted

__all__ = ["layout_deck", "slide_size"]

CONTINUED = "(continued from the previous slide)"  # the notes of a "(cont.)" slide


def slide_size(aspect: str, theme: Theme | None = None) -> tuple[float, float]:
    """Width and height in points: a template's own size, else 13.333 x 7.5 in for 16:9 and
    10 x 7.5 in for 4:3."""
    if theme is not None and theme.page is not None:
        return theme.page
    return (720.0, 540.0) if aspect == "4:3" else (960.0, 540.0)


def layout_deck(deck: ReadyDeck, theme: Theme, diagnostics: Diagnostics) -> PlacedDeck:
    """Place every slide: sizes chosen, text measured, long slides continued."""
    ctx = Ctx(theme, 0, theme.colors.text)
    placed: list[PlacedSlide] = []
    numbers = _section_numbers(deck) if deck.meta.section_numbers else {}
    for index, slide in enumerate(deck.slides):
        placed += _layout_slide(slide, deck.meta, ctx, diagnostics, numbers.get(index, 0))
    width, height = slide_size(deck.meta.aspect, theme)
    subject = deck.meta.subtitle or deck.meta.event
    fonts = theme.fonts
    meta = deck.meta
    return PlacedDeck(
        width, height, tuple(placed), meta.title, meta.author, subject, meta.lang,
        theme.colors.accent, fonts.body, fonts.heading, master(ctx, _page(meta, ctx)),
    )  # fmt: skip


def _section_numbers(deck: ReadyDeck) -> dict[int, int]:
    """Each section divider's number (closing slides written as sections are not counted),
    by its index in the deck."""
    dividers = [
        i for i, s in enumerate(deck.slides)
        if isinstance(s, SectionSlide) and not structural.is_closing(s.title)
    ]  # fmt: skip
    return {index: number for number, index in enumerate(dividers, 1)}


def _page(meta: DeckMeta, ctx: Ctx, header: str = "") -> slides.Page:
    """The slide's size and content area: above the footer line, below a header."""
    width, height = slide_size(meta.aspect, ctx.theme)
    m = ctx.theme.margins
    bottom = height - m.bottom * PT_PER_INCH
    if meta.footer or meta.paginate:
        bottom = min(bottom, slides.footer_top(height, ctx) - ctx.gap * 0.5)
    top = m.top * PT_PER_INCH
    if header:
        top = max(top, slides.header_bottom(ctx) + ctx.gap * 0.5)
    return slides.Page(
        width, height, m.left * PT_PER_INCH, top, width - m.right * PT_PER_INCH, bottom
    )


def _marked(meta: DeckMeta, marks: SlideMarks) -> DeckMeta:
    """The deck's footer and numbering as Marp's directives set them for one slide."""
    footer = meta.footer if marks.footer is None else marks.footer
    paginate = meta.paginate if marks.paginate is None else marks.paginate
    return replace(meta, footer=footer, paginate=paginate)


def _layout_slide(
    slide: ReadySlide, meta: DeckMeta, ctx: Ctx, diagnostics: Diagnostics, number: int = 0
) -> list[PlacedSlide]:
    """The slide's placed pages. Background pictures go behind everything, filling the slide,
    or, split to one side (Marp's `bg left:40%`), fill that side with the content beside them.
    Marp's directives may give the slide its own footer, header, numbering and dark colours."""
    marks = slide.marks
    meta = _marked(meta, marks)
    if marks.dark:
        theme = inverted(ctx.theme)
        ctx = replace(ctx, theme=theme, text_color=theme.colors.text)
    page = _page(meta, ctx, marks.header or "")
    if isinstance(slide, TitleSlide):
        title, shapes = structural.title_slide(slide, page, ctx)
        return [_Job(slide, page, ctx, (), diagnostics).placed("title", title, shapes)]
    split = next((b for b in slide.backdrops if b.side), None)
    margin = ctx.theme.margins.left * PT_PER_INCH
    cut = page.width * split.share if split else 0.0
    if split and split.side == "left":
        page = replace(page, left=cut + margin)
    elif split:
        page = replace(page, right=page.width - cut - margin)
    footer = tuple(slides.footer_shapes(meta, page, ctx, marks.header or ""))
    pages = _layout_pages(_Job(slide, page, ctx, footer, diagnostics, number), slide)
    boxes = {"": Box(0, 0, page.width, page.height), "left": Box(0, 0, cut, page.height)}
    boxes["right"] = Box(page.width - cut, 0, cut, page.height)
    behind = _backdrops(slide.backdrops, boxes)
    morph = _next_step(slide)
    return [replace(p, shapes=behind + p.shapes, morph=morph) for p in pages]


def _backdrops(backdrops: tuple[Backdrop, ...], boxes: dict[str, Box]) -> tuple[Shape, ...]:
    """Background pictures, each covering its side of the slide (or the whole); several on
    one side share it side by side, in the order written, as Marp shows them."""
    shapes: list[Shape] = []
    for side, box in boxes.items():
        mine = [b for b in backdrops if b.side == side]
        width = box.w / max(1, len(mine))
        for n, backdrop in enumerate(mine):
            part = Box(box.x + n * width, box.y, width, box.h)
            shapes.append(slides.backdrop(backdrop.figure, part))
    return tuple(shapes)


def _next_step(slide: ReadySlide) -> bool:
    """Whether the slide shows a diagram's second or later step: the change from the step
    before animates (PowerPoint's Morph) instead of cutting."""
    blocks = slide.blocks if isinstance(slide, ContentSlide) else ()
    return any(isinstance(b, Figure) and (b.step or 0) > 1 for b in leaves(blocks))


@dataclass(frozen=True, slots=True)
class _Job:
    """One slide being laid out, with everything its rules read."""

    slide: ReadySlide
    page: slides.Page
    ctx: Ctx
    footer: tuple[Shape, ...]
    diagnostics: Diagnostics
    number: int = 0  # a section divider's number, when the deck numbers them

    def placed(
        self,
        kind: str,
        title: TextFrame | None,
        shapes: list[Shape],
        notes: str | None = None,
        background: str = "",
    ) -> PlacedSlide:
        background = background or self.ctx.theme.colors.background
        said = self.slide.notes if notes is None else notes
        footer = self.footer
        if background != self.ctx.theme.colors.background:  # footers readable on it too
            footer = structural.recolored(footer, readable(self.ctx.theme.colors.muted, background))
        return slides.slide(kind, title, shapes + list(footer), said, background, self.slide.source)


def _layout_pages(job: _Job, slide: SectionSlide | QuoteSlide | ContentSlide) -> list[PlacedSlide]:
    match slide:
        case SectionSlide():
            return _section(job, slide)
        case QuoteSlide():
            return _quote(job, slide)
        case ContentSlide():
            return _content(job, slide)
        case _:
            assert_never(slide)


def _section(job: _Job, slide: SectionSlide) -> list[PlacedSlide]:
    """A section divider: the whole slide in the accent colour, the title large a little
    above the middle. Text under the heading stays below it when it fits at full size; more
    text makes it a slide titled in the accent colour. A closing section is a closing slide."""
    if structural.is_closing(slide.title):
        return _closing(job, slide)
    page, ctx = job.page, structural.on_accent(job.ctx)
    title, rule, below = structural.section_title(slide.title, page, ctx)
    shown: list[Shape] = (
        [structural.section_number(job.number, title.box, ctx)] if job.number else []
    )
    room = page.bottom - below
    fitted = fit_blocks(slide.blocks, page.inner_width, room, ctx) if slide.blocks else []
    if len(fitted) > 1 or (fitted and fitted[0].shrunk):
        return _content(job, slide, "section", job.ctx.theme.colors.accent)
    shapes: list[Shape] = [*shown, rule]
    if fitted:
        shapes += place_stack(fitted[0].blocks, Box(page.left, below, page.inner_width, room), ctx)
    return [job.placed("section", title, shapes, background=job.ctx.theme.colors.accent)]


def _closing(job: _Job, slide: ContentSlide | SectionSlide) -> list[PlacedSlide]:
    """`Thank you` / `Questions?`: the title large and centred with the accent rule under it,
    contact lines and pictures centred below. Too much for one slide, it is a content slide."""
    page, ctx = job.page, job.ctx
    width = page.inner_width
    title, rule, below = structural.closing_title(slide.title, page, ctx)
    narrow = width * 0.7
    fitted = fit_blocks(slide.blocks, narrow, page.bottom - below, ctx) if slide.blocks else []
    if len(fitted) > 1 or (fitted and fitted[0].shrunk):
        return _content(job, slide, plain=True)
    shapes: list[Shape] = [rule]
    if fitted:
        area = Box(page.left + (width - narrow) / 2, below, narrow, page.bottom - below)
        shapes += structural.centred(place_stack(fitted[0].blocks, area, fitted[0].sized(ctx)))
    return [job.placed("closing", title, shapes)]


def _content(
    job: _Job,
    slide: ContentSlide | SectionSlide,
    kind: str = "content",
    heading_color: str = "",
    plain: bool = False,
) -> list[PlacedSlide]:
    """A content slide, and the "(cont.)" slides it needs; a closing slide and a statement
    have their own rules (`plain`: not looked for)."""
    if kind == "content" and isinstance(slide, ContentSlide) and not plain:
        special = _special(job, slide)
        if special:
            return special
    blocks = structural.picture_rows(slide.blocks)
    parts = slides.content_slides(
        slide.title, blocks, job.page, job.ctx, slide.source, job.diagnostics,
        heading_color, "section" if kind == "section" else "content",
    )  # fmt: skip
    return [
        job.placed(kind, heading, shapes, None if number == 0 else CONTINUED)
        for number, (heading, shapes) in enumerate(parts)
    ]


def _special(job: _Job, slide: ContentSlide) -> list[PlacedSlide]:
    """The slide as a closing slide or a statement, if it is one; else nothing."""
    if structural.is_closing(slide.title) and not slide.backdrops:
        return _closing(job, slide)
    sentence = structural.statement(slide.blocks)
    if sentence is None:
        return []
    page, ctx = job.page, job.ctx
    title, top = None, page.top
    if slide.title:
        sizes, width, color = ctx.theme.sizes, page.inner_width, ctx.theme.colors.heading
        heading = slides.fit_heading(slide.title, width, ctx, sizes.title, sizes.title_min, color)
        title = TextFrame(Box(page.left, top, width, heading.height), (heading.paragraph,), "title")
        top += heading.height + ctx.gap * 1.5
        slides.warn_heading(heading, plain_text(slide.title), slide.source, job.diagnostics)
    area = Box(page.left, top, page.inner_width, page.bottom - top)
    frame = structural.statement_frame(sentence, area, ctx)
    return [job.placed("statement", title, [frame])] if frame else []


def _quote(job: _Job, slide: QuoteSlide) -> list[PlacedSlide]:
    """A quote alone on a slide, large; too long for that, it is laid out as ordinary text."""
    page, ctx = job.page, job.ctx
    sizes, top, title = ctx.theme.sizes, page.top, None
    if slide.title:
        width, color = page.inner_width, ctx.theme.colors.heading
        heading = slides.fit_heading(slide.title, width, ctx, sizes.title, sizes.title_min, color)
        title = TextFrame(Box(page.left, top, width, heading.height), (heading.paragraph,), "title")
        top += heading.height + ctx.gap * 1.5
    box = Box(page.left + page.inner_width * 0.08, top, page.inner_width * 0.84, page.bottom - top)
    shapes = slides.quote_shapes(slide.quote.paragraphs, box, ctx)
    if shapes is None:
        as_text = ContentSlide(slide.title, (slide.quote,), (), slide.notes, slide.source)
        return _content(job, as_text)
    if title:
        slides.warn_heading(heading, plain_text(slide.title), slide.source, job.diagnostics)
    return [job.placed("quote", title, shapes)]
