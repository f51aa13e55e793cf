"""Inline tokens -> warnings for Pandoc constructs deckgen shows as plain text (math,
footnotes, definition lists): the text stays, the speaker learns why it looks raw."""

from __future__ import annotations

import re
from collections.abc import Sequence

from deckgen.markdown.items import Context
from deckgen.markdown.tokens import Token

# Pandoc's tex_math_dollars: `$x$` needs no space inside the dollars and no digit after them,
# so "$5 and $10" is money, not math.
_MATH = re.compile(r"\$\$.+?\$\$|\$(?=\S)[^$\n]*?(?<=\S)\$(?!\d)", re.DOTALL)
_FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]")
_DEFINITION = re.compile(r"^:[ \t]+\S", re.MULTILINE)

_LEFTOVERS = (
    ("math", _MATH, "math is shown as text", "deckgen draws no equations; use a picture"),
    ("footnote", _FOOTNOTE, "footnotes are shown as text", "put the source in the notes"),
    (
        "definition",
        _DEFINITION,
        "definition lists are shown as text",
        "write a bullet list: '- **term**: definition'",
    ),
)


def warn_leftovers(ctx: Context, children: Sequence[Token], line0: int) -> None:
    """Each kind is reported once per talk, at its first place."""
    text = _plain(children)
    for key, pattern, message, hint in _LEFTOVERS:
        match = pattern.search(text)
        if match is not None and key not in ctx.warned:
            line = line0 + text.count("\n", 0, match.start())
            col = _column(ctx, line, match.group())
            ctx.warn_once(key, ctx.at(line, col), message, hint)


def _plain(children: Sequence[Token]) -> str:
    """The inline's text, one line per source line; code spans blanked (`$` there is code)."""
    parts = []
    for child in children:
        if child.type == "text":
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "code_inline":
            parts.append(" ")
    return "".join(parts)


def _column(ctx: Context, line0: int, found: str) -> int | None:
    text = ctx.lines[line0] if 0 <= line0 < len(ctx.lines) else ""
    col = text.find(found.split("\n")[0])
    return col + 1 if col >= 0 else None
