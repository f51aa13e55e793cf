"""One rule per slide kind: title, section, content, quote; titles fitted, footers added."""

from __future__ import annotations

from dataclasses import dataclass, replace

from deckgen.errors import Diagnostics, SourceLocation
from deckgen.layout import blocks, fit, slots
from deckgen.layout.blocks import place_stack
from deckgen.layout.context import Ctx, line_height
from deckgen.layout.text import count_lines, line_starts, most_lines, split_runs, text_height
from deckgen.placed import Align, Box, Picture, PlacedParagraph, PlacedSlide, Shape, TextFrame
from deckgen.ready import DeckMeta, Figure, Paragraph, ReadyBlock, Run, plain_text

CONT = " (cont.)"
MAX_TITLE_HEIGHT = 172.8  # points: a title never takes more than a third of the slide
TITLE_SMALLEST = 16.0  # points: below its floor a title may shrink this far before it is cut
SECTION_BAR = 12.0  # points: the accent bar beside a section title
FOOTER_MARGIN = 16.0  # points between the footer line and the slide's bottom edge
SHRINK_UNSEEN = 2.0  # points: a shrink this small (one step) is not a warning


@dataclass(frozen=True, slots=True)
class Page:
    """The slide's size and the part of it that content may use, in points."""

    width: float
    height: float
    left: float
    top: float
    right: float
    bottom: float  # where content must end (above the footer, if any)

    @property
    def inner_width(self) -> float:
        return self.right - self.left


@dataclass(frozen=True, slots=True)
class Heading:
    """A fitted title: its paragraph, its height, and whether it had to shrink."""

    paragraph: PlacedParagraph
    height: float
    shrunk_from: float | None
    cut: bool = False  # too long for any size: ends in "…"


def fit_heading(
    runs: tuple[Run, ...],
    width: float,
    ctx: Ctx,
    start: float,
    floor: float,
    color: str,
    align: Align = "left",
    kind: str = "content",
) -> Heading:
    """The largest size that fits one line, else two lines, else the floor on as many lines
    as a title may take; a title longer even than that shrinks further, and at last is cut.
    A template may set the titles of a kind of slide in capitals: they are measured so."""
    family = ctx.theme.fonts.heading
    shown = capitals(runs) if kind in ctx.theme.capitals else runs

    def lines_at(size: float, text: tuple[Run, ...] = shown, most: int | None = None) -> int:
        return count_lines(text, replace(ctx.face(size, bold=True), family=family), width, most)

    sizes = [start - 2 * i for i in range(int((start - floor) // 2) + 1)]
    tries = [(size, allowed) for allowed in (1, 2) for size in sizes]
    tries += [(size, 99) for size in range(int(floor), int(TITLE_SMALLEST) - 1, -2)]
    for size, allowed in tries:
        lines = lines_at(size, most=allowed + 1)  # a longer title is not counted to its end
        if lines <= allowed and text_height(lines, size) <= MAX_TITLE_HEIGHT:
            return _heading(runs, size, lines, start, color, ctx, align)
    keep = int(MAX_TITLE_HEIGHT // line_height(TITLE_SMALLEST))
    face = replace(ctx.face(TITLE_SMALLEST, bold=True), family=family)
    starts = line_starts(shown, face, width, most=keep + 1)
    head, _ = split_runs(runs, starts[keep])
    cut = (*head, Run("…"))
    lines = lines_at(TITLE_SMALLEST, cut if shown is runs else capitals(cut))
    heading = _heading(cut, TITLE_SMALLEST, lines, start, color, ctx, align)
    return replace(heading, cut=True)


def capitals(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    """The runs as PowerPoint shows them in capitals (cap="all"). A letter whose capital is
    longer (ß) stays, so that positions in the text still match the runs'."""
    return tuple(
        replace(r, text=r.text.upper()) if len(r.text.upper()) == len(r.text) else r for r in runs
    )


def _heading(
    runs: tuple[Run, ...], size: float, lines: int, start: float, color: str, ctx: Ctx, align: Align
) -> Heading:
    style = replace(ctx.style(size, color, bold=True), font=ctx.theme.fonts.heading)
    para = PlacedParagraph(runs, style, line_height(size), align=align, lines=lines)
    return Heading(para, text_height(lines, size), start if size < start else None)


def warn_heading(
    heading: Heading, title: str, where: SourceLocation, diagnostics: Diagnostics
) -> None:
    short = title if len(title) <= 60 else title[:57] + "..."
    if heading.cut:
        hint = "a title is a line or two; move the rest into the slide"
        message = f"title '{short}' is too long for a slide and was cut"
        diagnostics.warn(where, message, hint, rule="title-cut")
    elif heading.shrunk_from and heading.paragraph.style.size < heading.shrunk_from * 0.75:
        size = heading.paragraph.style.size  # a few points smaller is no one's concern
        message = f"title '{short}' shrunk from {heading.shrunk_from:g} to {size:g} pt to fit"
        hint = "shorten the title to a line"
        diagnostics.warn(where, message, hint, rule="title-shrunk")


def content_slides(
    title: tuple[Run, ...],
    body: tuple[ReadyBlock, ...],
    page: Page,
    ctx: Ctx,
    where: SourceLocation,
    diagnostics: Diagnostics,
    heading_color: str = "",
    kind: str = "content",
) -> list[tuple[TextFrame | None, list[Shape]]]:
    """The title frame and body shapes of the slide, and of any continuation slides."""
    sizes = ctx.theme.sizes
    width = page.inner_width
    color = heading_color or ctx.theme.colors.heading
    heading = fit_heading(title, width, ctx, sizes.title, sizes.title_min, color, kind=kind)
    headings = [heading]
    fitted = fit.fit_blocks(body, width, _room(page, heading.height, title, ctx), ctx)
    if len(fitted) > 1 and title:  # "(cont.)" may need a second line: fit again below it
        size = heading.paragraph.style.size
        more = (*title, Run(CONT))
        headings.append(fit_heading(more, width, ctx, size, sizes.title_min, color, kind=kind))
        tallest = max(h.height for h in headings)
        if tallest > heading.height:  # the same room would fit the same way again
            fitted = fit.fit_blocks(body, width, _room(page, tallest, title, ctx), ctx)
    if title:
        warn_heading(heading, plain_text(title), where, diagnostics)
    _warn_fit(fitted, plain_text(title), ctx, where, diagnostics)
    top = page.bottom - _room(page, max(h.height for h in headings), title, ctx)
    slides: list[tuple[TextFrame | None, list[Shape]]] = []
    for number, part in enumerate(fitted):
        head = headings[min(number, len(headings) - 1)]
        box = Box(page.left, page.top, width, head.height)
        frame = TextFrame(box, (head.paragraph,), "title") if title else None
        sized = part.sized(ctx)
        area = _balanced(part.blocks, Box(page.left, top, width, page.bottom - top), sized)
        slides.append((frame, place_stack(part.blocks, area, sized)))
    return slides


def _balanced(blocks_: tuple[ReadyBlock, ...], body: Box, ctx: Ctx) -> Box:
    """The part of the body the blocks take: all of it, or for blocks that leave room over,
    a band in its middle (the theme's `align: top` keeps them at the top)."""
    if ctx.theme.align == "top":
        return body
    used = blocks.stack_extent(blocks_, body.w, ctx, body.h)
    return Box(body.x, body.y + (body.h - used) / 2, body.w, used)


def _room(page: Page, heading_height: float, title: tuple[Run, ...], ctx: Ctx) -> float:
    """The height left for the body under a title of this height (all of it without a title)."""
    top = page.top + (heading_height + ctx.gap * 1.5 if title else 0.0)
    return page.bottom - top


def _warn_fit(
    fitted: list[fit.Fitted], title: str, ctx: Ctx, where: SourceLocation, diagnostics: Diagnostics
) -> None:
    name = f"slide '{title}'" if title else "slide"
    if len(fitted) > 1:
        first = fitted[1].blocks[0]
        at = first.source
        more = len(fitted) - 1
        message = f"{name} is too long for one slide; continued on {more} more marked '(cont.)'"
        hint = "split it into slides of your own, or say less on it"
        diagnostics.warn(at, message, hint, rule="continued")
    elif fitted and fitted[0].shrunk:
        small = fitted[0].sized(ctx)
        full = ctx.at_step(0)
        sizes = {
            "text": (small.body, full.body),
            "code": (small.code, full.code),
            "table": (small.table, full.table),
        }
        used = blocks.kinds(fitted[0].blocks)
        shrunk = {k: (now, was) for k, (now, was) in sizes.items() if k in used and now < was}
        if all(was - now <= SHRINK_UNSEEN for now, was in shrunk.values()):
            return  # a step of 2 pt is hard to see; not worth a warning
        told = ", ".join(f"{kind} {now:g} pt" for kind, (now, _) in shrunk.items())
        hint = "say less on the slide, or split it in two"
        diagnostics.warn(where, f"{name}: shrunk to fit ({told})", hint, rule="shrunk")


def quote_shapes(paragraphs: tuple[Paragraph, ...], box: Box, ctx: Ctx) -> list[Shape] | None:
    """A quote slide: the words large, italic and centred, an attribution right-aligned;
    None when even body size cannot hold it (it is then laid out as an ordinary slide)."""
    sizes = ctx.theme.sizes
    size = sizes.title
    while size >= sizes.body_min:
        paras = [_quote_para(p, i, size, box.w, ctx, box.h) for i, p in enumerate(paragraphs)]
        total = sum(p.space_before + text_height(p.lines, p.style.size) for p in paras)
        if total <= box.h:
            top = box.y + (box.h - total) / 2
            return [TextFrame(Box(box.x, top, box.w, total), tuple(paras))]
        size -= 2
    return None


def _quote_para(
    p: Paragraph, index: int, size: float, width: float, ctx: Ctx, room: float
) -> PlacedParagraph:
    """A paragraph of a quote slide; lines past `room` (a quote that cannot fit) not counted."""
    text = plain_text(p.runs).lstrip()
    attribution = text.startswith(("—", "--", "–"))
    style = ctx.style(size * (0.7 if attribution else 1.0), italic=not attribution)
    face = ctx.face(style.size, italic=style.italic)
    return PlacedParagraph(
        p.runs,
        style,
        line_height(style.size),
        click=p.click,
        space_before=size * 0.5 if index else 0.0,
        align="right" if attribution else "center",
        lines=count_lines(p.runs, face, width, most_lines(room, style.size)),
    )


def footer_shapes(meta: DeckMeta, page: Page, ctx: Ctx, header: str = "") -> list[Shape]:
    """The footer line, the slide number, and Marp's header line at the top, if any."""
    size = ctx.theme.sizes.footer
    box_h = line_height(size)
    y = footer_top(page.height, ctx)
    style = ctx.style(size, ctx.theme.colors.muted)
    shapes: list[Shape] = []
    if header:
        runs = (Run(header),)
        lines = count_lines(runs, ctx.face(size), page.inner_width, 1)
        para = PlacedParagraph(runs, style, line_height(size), lines=lines)
        top = FOOTER_MARGIN
        shapes.append(TextFrame(Box(page.left, top, page.inner_width, box_h), (para,), "header"))
    if meta.footer:
        runs = (Run(meta.footer),)
        lines = count_lines(runs, ctx.face(size), page.inner_width * 0.7)
        para = PlacedParagraph(runs, style, line_height(size), lines=lines)
        shapes.append(
            TextFrame(Box(page.left, y, page.inner_width * 0.7, box_h), (para,), "footer")
        )
    if meta.paginate:
        para = PlacedParagraph((Run("#"),), style, line_height(size), align="right")
        box = Box(page.right - page.inner_width * 0.2, y, page.inner_width * 0.2, box_h)
        shapes.append(TextFrame(box, (para,), "footer", slide_number=True))
    return shapes


def backdrop(image: Figure, box: Box) -> Picture:
    """A picture covering `box` (the slide, or one side of it), cropped rather than stretched."""
    px_w, px_h = image.size
    scale = max(box.w / px_w, box.h / px_h)
    spare_x = (1 - box.w / (px_w * scale)) / 2
    spare_y = (1 - box.h / (px_h * scale)) / 2
    crop = (spare_x, spare_y, spare_x, spare_y)
    return Picture(box, image.path, image.alt, crop, behind=True)


def header_bottom(ctx: Ctx) -> float:
    """Where Marp's header line (as small as the footer, as far from the top) ends."""
    return FOOTER_MARGIN + line_height(ctx.theme.sizes.footer)


def footer_top(height: float, ctx: Ctx) -> float:
    return height - FOOTER_MARGIN - line_height(ctx.theme.sizes.footer)


def slide(
    kind: str,
    title: TextFrame | None,
    shapes: list[Shape],
    notes: str,
    background: str,
    where: SourceLocation,
) -> PlacedSlide:
    layout, placed = slots.arrange(kind, title is not None, tuple(shapes))
    return PlacedSlide(kind, title, placed, notes, background, where, layout)
