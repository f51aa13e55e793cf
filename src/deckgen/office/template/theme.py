"""Theme + Template -> the Theme that measures and colours a deck as the template looks."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from deckgen.colors import contrast, is_dark, readable
from deckgen.errors import Diagnostics, FontError, SourceLocation
from deckgen.fonts import font_file
from deckgen.office.template.layouts import pick_layout
from deckgen.office.template.read import Template, placeholder_kind
from deckgen.office.template.xml import mix
from deckgen.theme import MAX_POINTS, ROOM, Colors, Margins, Sizes, Theme, load_theme


def template_theme(
    theme: Theme, template: Template, diagnostics: Diagnostics | None = None
) -> Theme:
    """`theme` set in the template's fonts, colours, margins, sizes and slide size. A font
    that cannot be measured here stays the theme's, with a warning naming both."""
    where = SourceLocation(template.path)
    warn = diagnostics or Diagnostics()
    body = _measurable(template.body_font, theme.fonts.body, where, warn)
    heading = _measurable(template.heading_font, theme.fonts.heading, where, warn)
    dark = is_dark(template.background)
    code_style = load_theme("dark", Path()).code_style if dark else theme.code_style
    return replace(
        theme,
        fonts=replace(theme.fonts, body=body, heading=heading),
        sizes=_sizes(theme.sizes, template),
        colors=_colors(theme.colors, template),
        margins=_margins(theme.margins, template),
        code_style=code_style,
        page=(template.width, template.height),
        capitals=_capitals(template),
    )


_KINDS = {"title": "title", "secHead": "section", "obj": "content"}  # layout type -> slide kind


def _capitals(template: Template) -> tuple[str, ...]:
    """The slide kinds whose titles the template sets in capitals (by the layout used for
    each: Title Slide, Section Header, Title and Content)."""
    return tuple(
        sorted(
            {_KINDS[lay.type] for lay in template.layouts if lay.capitals and lay.type in _KINDS}
        )
    )


def _measurable(font: str, instead: str, where: SourceLocation, warn: Diagnostics) -> str:
    try:
        font_file(font)
    except FontError:
        message = f"the template's font '{font}' is not installed and has no metric twin here"
        hint = (
            f"the deck uses '{instead}'; install '{font}' (or name its folder in DECKGEN_FONT_PATH)"
        )
        warn.warn(where, message, hint, rule="template")
        return instead
    return font


def _colors(colors: Colors, template: Template) -> Colors:
    """The template's colours, each kept readable on its background; on a dark background the
    code panel is the dark theme's, so highlighted code stays readable."""
    paper = template.background
    code = load_theme("dark", Path()).colors if is_dark(paper) else colors
    accent = readable(template.accent, paper, 3.0)
    text = readable(template.text, paper)
    return replace(
        colors,
        background=paper,
        text=text,
        heading=readable(template.heading, paper),
        muted=readable(template.muted, paper),
        accent=accent,
        code_background=code.code_background,
        code_text=code.code_text,
        table_header_background=accent,
        table_header_text=max((paper, text), key=lambda c: contrast(c, accent)),
        table_stripe=mix(accent, paper, 0.92),
        quote_bar=code.quote_bar,
    )


def _sizes(sizes: Sizes, template: Template) -> Sizes:
    """Title and body sizes from the master; the floors stay, never above the sizes."""
    title = _points(template.title_size, sizes.title)
    body = _points(template.body_size, sizes.body)
    return replace(
        sizes,
        title=title,
        title_min=min(sizes.title_min, title),
        body=body,
        body_min=min(sizes.body_min, body),
    )


def _points(size: float | None, default: float) -> float:
    return default if size is None else min(max(size, 1.0), MAX_POINTS)


def _margins(margins: Margins, template: Template) -> Margins:
    """From "Title and Content": left and right of its body, top of its title, bottom under its
    body. Margins that leave less than half the slide stay the theme's."""
    layout = template.layouts[pick_layout(template, "Title and Content", {})[0]]
    titles = [p.box for p in layout.placeholders if placeholder_kind(p.type) == "title" and p.box]
    title = titles[0] if titles else None
    bodies = [p.box for p in layout.placeholders if p.type in ("body", "obj") and p.box]
    if title is None or not bodies:
        return margins
    body = max(bodies, key=lambda b: b.w * b.h)
    inches = [v / 72 for v in (body.x, template.width - body.x - body.w, title.y)]
    left, right, top = (max(v, 0.0) for v in inches)
    bottom = max((template.height - body.y - body.h) / 72, 0.0)
    if left + right > ROOM[("left", "right")] / 2 or top + bottom > ROOM[("top", "bottom")] / 2:
        return margins
    return replace(margins, left=left, right=right, top=top, bottom=bottom)
