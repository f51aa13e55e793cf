"""The slide master a deck is built on: the same styles and places layout gives its slides,
so a slide added by hand in PowerPoint, a bullet demoted with Tab, or "Reset slide" looks
like the rest of the deck."""

from __future__ import annotations

from dataclasses import replace

from deckgen.colors import is_dark
from deckgen.layout import blocks
from deckgen.layout.context import Ctx, line_height
from deckgen.layout.slides import Page, footer_top
from deckgen.placed import Box, Bullet, Master, PlacedParagraph, Scheme
from deckgen.ready import ListItem, SourceLocation

LEVELS = 9  # PowerPoint's outline levels, lvl 0-8
_NOWHERE = SourceLocation("", 0)
# Accent colours 2-6 of the scheme, taken from the theme's palette by these names when it
# has them (the Okabe-Ito names the built-in themes use).
_ACCENTS = ("orange", "green", "vermillion", "purple", "yellow")


def master(ctx: Ctx, page: Page) -> Master:
    theme = ctx.theme
    style = ctx.style(theme.sizes.title, theme.colors.heading, bold=True)
    style = replace(style, font=theme.fonts.heading)
    heading = PlacedParagraph((), style, line_height(theme.sizes.title))
    levels = tuple(level_style(level, ctx) for level in range(LEVELS))
    size = theme.sizes.footer
    footer = PlacedParagraph((), ctx.style(size, theme.colors.muted), line_height(size))
    return Master(
        theme.name, heading, theme.sizes.title_slide, levels, footer, scheme(ctx), _boxes(ctx, page)
    )


def level_style(level: int, ctx: Ctx) -> PlacedParagraph:
    """A bullet of this outline level at full size, as a list item of it is laid out."""
    item = ListItem((), level, False, None, _NOWHERE)
    size = blocks.item_size(item, ctx)
    indent, hang = blocks.item_indent(item, ctx)
    return PlacedParagraph(
        (),
        ctx.style(size),
        line_height(size),
        space_before=blocks.item_space(item, 1, ctx),
        indent=indent,
        hang=hang,
        bullet=Bullet(blocks.BULLETS[min(level, 2)]),
        bullet_color=ctx.theme.colors.accent,
        level=level,
    )


def scheme(ctx: Ctx) -> Scheme:
    colors = ctx.theme.colors
    palette = dict(ctx.theme.palette)
    accents = tuple(palette.get(name, colors.accent) for name in _ACCENTS)
    return Scheme(
        text=colors.text,
        background=colors.background,
        heading=colors.heading,
        panel=colors.code_background,
        accents=(colors.accent, *accents),  # type: ignore[arg-type]
        link=colors.accent,
        visited=colors.muted,
        dark=is_dark(colors.background),
    )


def _boxes(ctx: Ctx, page: Page) -> tuple[tuple[str, Box], ...]:
    """Where each layout's placeholders sit before a slide moves them: the title at the top
    of the content area, two lines high; the body under it; the footer line at the bottom."""
    sizes = ctx.theme.sizes
    width = page.inner_width
    title_h = line_height(sizes.title) * 2
    body_top = page.top + title_h + ctx.gap * 1.5
    body = Box(page.left, body_top, width, page.bottom - body_top)
    half = (width - ctx.gap) / 2
    footer_y = footer_top(page.height, ctx)
    footer_h = line_height(sizes.footer)
    centre_h = line_height(sizes.title_slide) * 2
    centre_y = page.height / 2 - centre_h
    section_y = page.height * 0.4 - centre_h / 2
    under_section = section_y + centre_h + ctx.gap * 2
    head_h = line_height(sizes.body) + ctx.gap
    under_y = body_top + head_h
    return (
        ("title", Box(page.left, page.top, width, title_h)),
        ("body", body),
        ("left", Box(page.left, body_top, half, body.h)),
        ("right", Box(page.left + half + ctx.gap, body_top, half, body.h)),
        ("centre-title", Box(page.left, centre_y, width, centre_h)),
        ("subtitle", Box(page.left, page.height / 2 + ctx.gap, width, body.h / 3)),
        ("section-title", Box(page.left, section_y, width, centre_h)),
        ("section-body", Box(page.left, under_section, width, page.bottom - under_section)),
        ("left-head", Box(page.left, body_top, half, head_h)),
        ("right-head", Box(page.left + half + ctx.gap, body_top, half, head_h)),
        ("left-under", Box(page.left, under_y, half, page.bottom - under_y)),
        ("right-under", Box(page.left + half + ctx.gap, under_y, half, page.bottom - under_y)),
        ("picture", Box(page.left, body_top, width, body.h - head_h * 1.5)),
        ("caption", Box(page.left, page.bottom - head_h, width, head_h)),
        ("footer", Box(page.left, footer_y, width * 0.7, footer_h)),
        ("number", Box(page.right - width * 0.2, footer_y, width * 0.2, footer_h)),
        ("date", Box(page.left + width * 0.72, footer_y, width * 0.08, footer_h)),
    )
