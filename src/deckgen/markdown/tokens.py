"""Markdown text -> markdown-it tokens, with front matter and Pandoc fenced divs (`:::`)."""

from __future__ import annotations

import functools
import re
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.common.normalize_url import validateLink
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.subscript import sub_plugin
from mdit_py_plugins.superscript import superscript_plugin

from deckgen.markdown.texttables import TextTable, could_start, read_caption, read_table

__all__ = ["Token", "tokenize"]

_FENCE = re.compile(r"(:{3,})\s*(.*?)\s*$")


def _div_fence(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """One `:::` line becomes a flat `div_open` (with info) or `div_close` (bare) token.

    Pairing happens later, innermost first like Pandoc, so `::: columns` may hold `::: column`
    blocks with the same number of colons (markdown-it's container plugin cannot do that).
    """
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    line = state.src[state.bMarks[start] + state.tShift[start] : state.eMarks[start]]
    match = _FENCE.match(line)
    if match is None:
        return False
    if silent:
        return True
    info = match.group(2)
    token = state.push("div_open" if info else "div_close", "div", 0)
    token.info, token.markup, token.map = info, match.group(1), [start, start + 1]
    state.line = start + 1
    return True


def _text_table(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Pandoc's simple, multiline and grid tables become the tokens of a pipe table."""
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    line = functools.partial(_line, state)
    if not could_start(line(start), line(start + 1) if start + 1 < end else ""):
        return False
    table = read_table([line(i) for i in range(start, end)])
    if table is None:
        return False
    after = start + table.lines
    caption = read_caption([line(i) for i in range(after, min(end, after + MAX_CAPTION))])
    if not silent:
        _push_table(state, table, start)
        if caption:
            _push_caption(state, caption[0], after + caption[1])
    state.line = after + (caption[2] if caption else 0)
    return True


MAX_CAPTION = 20  # lines looked at after a table for its caption


def _push_caption(state: StateBlock, text: str, line0: int) -> None:
    """A table's caption: a paragraph of its own under the table, without `Table:`."""
    state.push("paragraph_open", "p", 1).map = [line0, line0 + 1]
    inline = state.push("inline", "", 0)
    inline.content, inline.map, inline.children = text, [line0, line0 + 1], []
    state.push("paragraph_close", "p", -1)


def _line(state: StateBlock, i: int) -> str:
    return state.src[state.bMarks[i] + min(state.blkIndent, state.tShift[i]) : state.eMarks[i]]


def _push_table(state: StateBlock, table: TextTable, start: int) -> None:
    state.push("table_open", "table", 1).map = [start, start + table.lines]
    header = table.header or ("",) * len(table.aligns)
    _push_row(state, header, table.aligns, "th", start).meta["headless"] = not table.header
    for row in table.rows:
        _push_row(state, row, table.aligns, "td", start)
    state.push("table_close", "table", -1)


def _push_row(
    state: StateBlock, cells: tuple[str, ...], aligns: tuple[str, ...], tag: str, line0: int
) -> Token:
    """One row: a cell per column, each holding an inline token markdown-it parses later."""
    row = state.push("tr_open", "tr", 1)
    for text, align in zip(cells, aligns, strict=True):
        state.push(f"{tag}_open", tag, 1).attrs = {"style": f"text-align:{align}"} if align else {}
        inline = state.push("inline", "", 0)
        inline.content, inline.map, inline.children = text, [line0, line0 + 1], []
        state.push(f"{tag}_close", tag, -1)
    state.push("tr_close", "tr", -1)
    return row


MAX_NESTING = 50  # quotes and lists inside each other; markdown-it drops what lies deeper


@cache
def _parser() -> MarkdownIt:
    # linkify (linkify-it-py): a bare URL is a link, as Marp and GitHub show it.
    # typographer: "straight" quotes, it's, -- and ... typed in the talk become typographic
    # quotes, apostrophes, dashes and ellipses, as a slide sets them; never inside code.
    options = {"maxNesting": MAX_NESTING, "linkify": True, "typographer": True}
    md = MarkdownIt("commonmark", options)
    md = md.enable(["table", "strikethrough", "linkify", "replacements", "smartquotes"])
    md = md.use(front_matter_plugin)
    # Pandoc's `^super^` and `~sub~` (`~~strike~~` stays strikethrough).
    md = md.use(superscript_plugin).use(sub_plugin)
    # A talk is not a web page: a file:// picture is a local file (inline.py says so), not XSS.
    md.validateLink = _valid_link  # type: ignore[method-assign]
    # Pandoc's `[text]{.smallcaps}` spans; `{...}` after code and links is dropped in inline.py.
    md.use(attrs_plugin, after=(), spans=True)
    # A closing `:::` right under a paragraph or list line must end it, not continue it.
    md.block.ruler.before(
        "fence", "div_fence", _div_fence, {"alt": ["paragraph", "reference", "blockquote", "list"]}
    )
    # Before pipe tables and thematic breaks, as Pandoc tries its tables before its rules.
    md.block.ruler.before("table", "text_table", _text_table)
    return md


def _valid_link(url: str) -> bool:
    return url.strip().lower().startswith("file:") or validateLink(url)


def tokenize(text: str) -> list[Token]:
    return _parser().parse(text)


def too_deep(tokens: list[Token]) -> Token | None:
    """The first block markdown-it stopped reading because it nests MAX_NESTING deep: the text
    inside it would be lost without a word."""
    return next((t for t in tokens if t.level >= MAX_NESTING - 1 and t.map), None)
