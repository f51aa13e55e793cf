"""Source code + language -> lines of coloured runs (Pygments), readable on the code panel."""

from __future__ import annotations

import colorsys
from functools import cache
from typing import Any

from deckgen.colors import readable
from deckgen.model import Run

Line = tuple[Run, ...]


def highlight(
    code: str, language: str, style: str, background: str, default: str
) -> tuple[tuple[Line, ...], bool]:
    """The code's lines as runs; the flag is False when the language is unknown (plain text)."""
    from pygments.lexers import get_lexer_by_name  # imported late: only decks with code pay
    from pygments.util import ClassNotFound

    try:
        lexer = get_lexer_by_name(language, stripnl=False, ensurenl=False) if language else None
    except ClassNotFound:
        lexer = None
    if lexer is None:
        return tuple(
            (Run(line, code=True, color=default),) for line in code.split("\n")
        ), not language
    colors = _style_colors(style, background, default)
    lines: list[list[Run]] = [[]]
    for token_type, value in lexer.get_tokens(code):
        color, bold, italic = _lookup(colors, token_type)
        for i, part in enumerate(value.split("\n")):
            if i:
                lines.append([])
            if part:
                lines[-1].append(Run(part, bold=bold, italic=italic, code=True, color=color))
    return tuple(_merge(line) for line in lines), True


def _merge(runs: list[Run]) -> Line:
    """Join neighbouring runs that look the same, so the deck holds fewer runs."""
    merged: list[Run] = []
    for run in runs:
        last = merged[-1] if merged else None
        # spaces take the look of what they follow
        if last and (run.text.isspace() or _look(last) == _look(run)):
            merged[-1] = Run(
                last.text + run.text, last.bold, last.italic, code=True, color=last.color
            )
        else:
            merged.append(run)
    return tuple(merged)


def _look(run: Run) -> tuple[str | None, bool, bool]:
    return run.color, run.bold, run.italic


Colors = dict[object, tuple[str, bool, bool]]


@cache
def _style_colors(style: str, background: str, default: str) -> Colors:
    from pygments.styles import get_style_by_name
    from pygments.util import ClassNotFound

    try:
        style_class = get_style_by_name(style)
    except ClassNotFound:
        style_class = get_style_by_name("default")
    from pygments.token import Comment, String

    colors: Colors = {}
    for token_type, spec in style_class:
        color = readable(spec["color"] or default, background)
        colors[token_type] = (color, bool(spec["bold"]), bool(spec["italic"]))
    calm = _calm(colors[Comment][0], background)
    for kind, (_, bold, italic) in list(colors.items()):
        if kind in Comment or kind in String.Doc:  # type: ignore[operator]
            colors[kind] = (calm, bold, italic)
    return colors


def _calm(comment: str, background: str) -> str:
    """The colour comments (and doc comments) are set in: the style's own, unless it is red,
    which reads as an error from the back of a room; then a grey-green."""
    return readable(_COMMENT_GREEN, background) if _reddish(comment) else comment


_COMMENT_GREEN = "5B7F5B"


def _reddish(color: str) -> bool:
    r, g, b = (int(color[i : i + 2], 16) / 255 for i in (0, 2, 4))
    hue, _, saturation = colorsys.rgb_to_hls(r, g, b)
    return saturation > 0.3 and (hue < 30 / 360 or hue > 330 / 360)


def _lookup(colors: Colors, token_type: Any) -> tuple[str, bool, bool]:
    while token_type not in colors and token_type.parent is not None:
        token_type = token_type.parent  # lexers emit subtypes a style may not list
    return colors[token_type]
