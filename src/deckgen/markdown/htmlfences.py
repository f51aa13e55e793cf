"""HTML blocks of nothing but `<div>`-like tags -> the div tokens `:::` lines make.

CommonMark ends an HTML block at a blank line, so `<div class="columns">`, a blank line,
Markdown, and `</div>` arrive as two HTML blocks around Markdown tokens. Read as div fences,
they pair up like Pandoc's `:::` divs and the Markdown between stays Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from deckgen.markdown.fromhtml import is_columns
from deckgen.markdown.html import Tag, parse_tag
from deckgen.markdown.notes import comments
from deckgen.markdown.tokens import Token

__all__ = ["html_fences", "is_html"]

_FENCED = frozenset(
    [
        "div",
        "section",
        "article",
        "aside",
        "center",
        "main",
        "header",
        "footer",
        "figure",
        "p",
        "details",
    ]
)
_ANY_TAG = re.compile(r"</?[A-Za-z][^>]*>")


def html_fences(tokens: Sequence[Token]) -> list[Token]:
    """The tokens with each tags-only HTML block replaced by div_open/div_close tokens."""
    out: list[Token] = []
    for token in tokens:
        fences = _fences(token) if token.type == "html_block" else None
        out.extend(fences if fences is not None else [token])
    return out


def is_html(token: Token) -> bool:
    """A div token made from an HTML tag (its markup is `<div>`), not from a `:::` line."""
    return token.markup.startswith("<")


def _fences(token: Token) -> list[Token] | None:
    found, rest = comments(token.content)
    if found or not rest or _ANY_TAG.sub("", rest).strip():
        return None  # comments or text: the block is read as HTML
    found_tags = [(m.start(), parse_tag(m.group())) for m in _ANY_TAG.finditer(rest)]
    if any(tag is None or tag.name not in _FENCED for _, tag in found_tags):
        return None
    first = token.map[0] if token.map else 0  # the block starts with a tag: no comments
    return [
        _fence(token, tag, first + rest.count("\n", 0, at))
        for at, tag in found_tags
        if tag is not None
    ]


def _fence(token: Token, tag: Tag, line0: int) -> Token:
    """The tag as a div token on its own line, so columns point at their `<div>`."""
    fence = Token("div_close" if tag.closing else "div_open", "div", 0)
    fence.markup, fence.map, fence.level = f"<{tag.name}>", [line0, line0 + 1], token.level
    fence.info = "" if tag.closing else _info(tag)
    return fence


def _info(tag: Tag) -> str:
    """The tag as Pandoc attributes, named by its first class (`<aside class="notes">` is
    reveal.js's notes, `<div class="big">` statement text), a grid or flex box `columns`,
    a tag without a class by its name (`<details>`)."""
    if tag.name == "div" and is_columns(tag):
        return "{.columns}"
    classes = [c for c in tag.classes() if c.isidentifier()] or [tag.name]
    return "{" + " ".join(f".{c}" for c in classes) + "}"
