"""Slides that are composed rather than stacked from the top: the title slide, section
dividers, closing slides and statements."""

from __future__ import annotations

import re
from dataclasses import replace

from deckgen.colors import readable
from deckgen.layout.context import PT_PER_INCH, Ctx, line_height
from deckgen.layout.slides import Page, fit_heading
from deckgen.layout.text import count_lines, text_height
from deckgen.placed import Box, PlacedParagraph, Rect, Shape, TextFrame
from deckgen.ready import (
    Figure,
    Paragraph,
    ReadyBlock,
    ReadyColumn,
    ReadyColumns,
    Run,
    TitleSlide,
    plain_text,
)

BAND = 14.0  # points: the accent band down the title slide's left edge
RULE = Box(0, 0, 1.2 * PT_PER_INCH, 5.0)  # the accent rule under a title (its size)
STATEMENT = 44.0  # points: a statement's largest size
SUPERBIG = 60.0  # points: a `::: superbig` statement's
STATEMENT_LINES = 3  # a statement takes at most this many lines
STATEMENT_CHARS = 120  # longer than this, a lone paragraph is ordinary text
_CLOSING = re.compile(
    r"((thanks|thank you|danke|merci|gracias)\W*)?((any |your )?questions|q ?& ?a|fragen)?\W*",
    re.I,
)


def title_slide(slide: TitleSlide, page: Page, ctx: Ctx) -> tuple[TextFrame, list[Shape]]:
    """Title large above the middle with the accent rule under it, the subtitle below, and
    the author with the event and date at the foot; an accent band down the left edge."""
    sizes, colors = ctx.theme.sizes, ctx.theme.colors
    width = page.inner_width
    heading = fit_heading(
        slide.title, width, ctx, sizes.title_slide, sizes.title_min, colors.heading, kind="title"
    )
    top = max(page.top, page.height * 0.45 - heading.height)
    title = TextFrame(Box(page.left, top, width, heading.height), (heading.paragraph,), "title")
    y = top + heading.height + ctx.gap
    shapes: list[Shape] = [
        Rect(Box(0, 0, BAND, page.height), colors.accent),
        Rect(replace(RULE, x=page.left, y=y), colors.accent),
    ]
    y += RULE.h + ctx.gap * 1.5
    if slide.subtitle:
        para = _line(slide.subtitle, sizes.body, colors.text, width, ctx)
        shapes.append(TextFrame(Box(page.left, y, width, _tall(para)), (para,), "subtitle"))
        y += _tall(para) + ctx.gap
    byline = _byline(slide, width, ctx)
    if byline:
        tall = sum(_tall(p) for p in byline)
        top = max(y + ctx.gap, page.bottom - tall)
        shapes.append(TextFrame(Box(page.left, top, width, tall), byline, "subtitle"))
    return title, shapes


def _byline(slide: TitleSlide, width: float, ctx: Ctx) -> tuple[PlacedParagraph, ...]:
    """The author in bold, and the event and date under it in the muted colour."""
    sizes, colors = ctx.theme.sizes, ctx.theme.colors
    size = max(sizes.caption, sizes.body_min)
    lines = []
    if slide.author:
        lines.append(_line(slide.author, size + 4, colors.text, width, ctx, bold=True))
    if slide.occasion:
        lines.append(_line(slide.occasion, size, colors.muted, width, ctx))
    return tuple(replace(p, space_before=size * 0.3) if i else p for i, p in enumerate(lines))


def on_accent(ctx: Ctx) -> Ctx:
    """The context for a slide set on the accent colour: text, bullets and muted text in the
    background colour (made readable on the accent)."""
    colors = ctx.theme.colors
    ink = readable(colors.background, colors.accent)
    theme = replace(ctx.theme, colors=replace(colors, accent=ink, muted=ink, heading=ink))
    return replace(ctx, theme=theme, text_color=ink)


def section_title(title: tuple[Run, ...], page: Page, ctx: Ctx) -> tuple[TextFrame, Rect, float]:
    """A divider's title, large in `ctx`'s ink, a little above the middle with a rule under
    it; and where text under it may start."""
    sizes = ctx.theme.sizes
    ink = ctx.text_color
    heading = fit_heading(
        title, page.inner_width, ctx, sizes.title_slide, sizes.title_min, ink, kind="section"
    )
    top = max(page.top, page.height * 0.42 - heading.height)
    box = Box(page.left, top, page.inner_width, heading.height)
    frame = TextFrame(box, (heading.paragraph,), "title")
    y = top + heading.height + ctx.gap
    rule = Rect(replace(RULE, x=page.left, y=y), ink)
    return frame, rule, y + RULE.h + ctx.gap * 2


def section_number(number: int, title: Box, ctx: Ctx) -> TextFrame:
    """A divider's number ("02"), bold at the slide-title size just above its title."""
    size = ctx.theme.sizes.title
    para = PlacedParagraph((Run(f"{number:02d}"),), ctx.style(size, bold=True), line_height(size))
    return TextFrame(
        Box(title.x, title.y - line_height(size), title.w, line_height(size)), (para,), "caption"
    )


def closing_title(title: tuple[Run, ...], page: Page, ctx: Ctx) -> tuple[TextFrame, Rect, float]:
    """A closing slide's title, large, centred and in the accent colour above the middle,
    the accent rule centred under it; and where the contact lines may start."""
    sizes, accent = ctx.theme.sizes, ctx.theme.colors.accent
    width = page.inner_width
    heading = fit_heading(
        title, width, ctx, sizes.title_slide, sizes.title_min, accent, align="center", kind="title"
    )
    top = max(page.top, page.height * 0.38 - heading.height)
    frame = TextFrame(Box(page.left, top, width, heading.height), (heading.paragraph,), "title")
    y = top + heading.height + ctx.gap
    rule = Rect(replace(RULE, x=(page.width - RULE.w) / 2, y=y), accent)
    return frame, rule, y + RULE.h + ctx.gap * 2


def is_closing(title: tuple[Run, ...]) -> bool:
    """`## Thank you`, `## Questions?`, `## Thanks! Questions?` and the like."""
    text = plain_text(title).strip()
    return any(c.isalpha() for c in text) and bool(_CLOSING.fullmatch(text))


def statement(blocks: tuple[ReadyBlock, ...]) -> Paragraph | None:
    """The paragraph of a slide that holds one short sentence and nothing else, or one
    paragraph marked `::: big` / `::: superbig`."""
    if len(blocks) != 1 or not isinstance(blocks[0], Paragraph):
        return None
    text = plain_text(blocks[0].runs).strip()
    if blocks[0].emphasis in ("big", "superbig"):
        return blocks[0]
    return blocks[0] if text and len(text) <= STATEMENT_CHARS else None


def statement_frame(paragraph: Paragraph, area: Box, ctx: Ctx) -> TextFrame | None:
    """The sentence large and centred in `area`: the largest size from STATEMENT down to the
    body size at which it takes no more than STATEMENT_LINES lines (`::: superbig` starts
    larger); None if none does."""
    size = SUPERBIG if paragraph.emphasis == "superbig" else STATEMENT
    while size >= ctx.body:
        lines = count_lines(paragraph.runs, ctx.face(size), area.w, STATEMENT_LINES + 1)
        if lines <= STATEMENT_LINES:
            style = ctx.style(size)
            para = PlacedParagraph(
                paragraph.runs, style, line_height(size), align="center", lines=lines,
                click=paragraph.click,
            )  # fmt: skip
            tall = text_height(lines, size)
            box = Box(area.x, area.y + (area.h - tall) / 2, area.w, tall)
            return TextFrame(box, (para,))
        size -= 2
    return None


def centred(shapes: list[Shape]) -> list[Shape]:
    """The shapes with every unbulleted paragraph of their text centred (a closing slide's
    contact lines)."""
    return [
        replace(s, paragraphs=tuple(
            replace(p, align="center") if p.bullet is None else p for p in s.paragraphs
        )) if isinstance(s, TextFrame) and s.role == "body" else s
        for s in shapes
    ]  # fmt: skip


def recolored(shapes: tuple[Shape, ...], color: str) -> tuple[Shape, ...]:
    """Text frames (a slide's footers) in another colour: on a section's accent background."""
    return tuple(
        replace(s, paragraphs=tuple(
            replace(p, style=replace(p.style, color=color)) for p in s.paragraphs
        )) if isinstance(s, TextFrame) else s
        for s in shapes
    )  # fmt: skip


def _line(
    text: str, size: float, color: str, width: float, ctx: Ctx, bold: bool = False
) -> PlacedParagraph:
    runs = (Run(text),)
    lines = count_lines(runs, ctx.face(size, bold=bold), width)
    style = ctx.style(size, color, bold=bold)
    return PlacedParagraph(runs, style, line_height(size), lines=lines)


def _tall(para: PlacedParagraph) -> float:
    return para.space_before + text_height(para.lines, para.style.size)


MOST_IN_ROW = 6  # pictures written in one paragraph that still make a row


def picture_rows(blocks: tuple[ReadyBlock, ...]) -> tuple[ReadyBlock, ...]:
    """Two to six pictures written in one paragraph (`![a](a.png) ![b](b.png)`) as a row of
    columns, each as wide as its picture's share of the row's aspect ratios, so that all
    come out the same height."""
    out: list[ReadyBlock] = []
    run: list[Figure] = []
    for block in (*blocks, None):
        if isinstance(block, Figure) and block.step is None and _same_line(run, block):
            run.append(block)
            continue
        out += _row(run)
        run = [block] if isinstance(block, Figure) and block.step is None else []
        if block is not None and not run:
            out.append(block)
    return tuple(out)


def _same_line(run: list[Figure], figure: Figure) -> bool:
    if not run:
        return True
    last = run[-1].source
    return (last.path, last.line) == (figure.source.path, figure.source.line)


def _row(run: list[Figure]) -> list[ReadyBlock]:
    if not 2 <= len(run) <= MOST_IN_ROW:
        return list(run)
    aspects = [f.size[0] / f.size[1] for f in run]
    columns = tuple(
        ReadyColumn((f,), 100 * a / sum(aspects), f.source)
        for f, a in zip(run, aspects, strict=True)
    )
    return [ReadyColumns(columns, run[0].source)]
