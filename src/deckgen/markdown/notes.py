"""Speaker notes and Marp directives: HTML comments and `::: notes` blocks -> note paragraphs."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable

from deckgen.errors import SourceLocation
from deckgen.markdown.items import Context, Note
from deckgen.model import (
    Block,
    BulletList,
    Code,
    Columns,
    DiagramRef,
    Image,
    Paragraph,
    Quote,
    Table,
    plain_text,
)

_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_DIRECTIVE = re.compile(r"_?([A-Za-z][\w-]*)\s*:\s*(.*)")
_LIST_LINE = re.compile(r"\s*(?:[-*+]|\d+[.)])\s")

# Marp's directives (global, local and `_spot` ones): accepted and ignored without a word.
_MARP = """theme style headingDivider size math title description author image keywords url lang
marp paginate header footer class backgroundColor backgroundImage backgroundPosition
backgroundRepeat backgroundSize color transition"""
MARP_DIRECTIVES = frozenset(_MARP.split())
_NOTE_KEYS = frozenset({"note", "notes", "speaker_note"})
_BARE_DIRECTIVES = frozenset({"fit", "pause"})


def comments(html: str) -> tuple[list[str], str]:
    """The comments' inner texts, and whatever HTML is left outside them."""
    return [m.group(1) for m in _COMMENT.finditer(html)], _COMMENT.sub("", html).strip()


def comment_note(ctx: Context, text: str, where: SourceLocation) -> Note | None:
    """A comment is a note unless every line is a `key: value` directive (or `fit`/`pause`)."""
    text = textwrap.dedent(text).strip()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines or text in _BARE_DIRECTIVES:
        return None
    matches = [_DIRECTIVE.fullmatch(line) for line in lines]
    if not all(matches):
        return Note(_paragraphs(text), where)
    notes = [m.group(2) for m in matches if m and m.group(1).lower() in _NOTE_KEYS]
    for match in matches:
        if match and match.group(1).lower() not in _NOTE_KEYS:
            _check_directive(ctx, match.group(1), where)
    return Note(tuple(notes), where) if notes else None


def _check_directive(ctx: Context, key: str, where: SourceLocation) -> None:
    if key not in MARP_DIRECTIVES:
        ctx.warn(
            where,
            f"unknown directive '{key}' is ignored",
            "for a speaker note that starts with 'word:', write <!-- note: ... -->",
        )


def _paragraphs(text: str) -> tuple[str, ...]:
    """Blank lines part paragraphs; wrapped lines join, but list lines keep their own line."""
    result = []
    for chunk in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in chunk.splitlines()]
        joined = lines[0]
        for line in lines[1:]:
            joined += ("\n" if _LIST_LINE.match(line) else " ") + line
        result.append(joined)
    return tuple(result)


def blocks_text(blocks: Iterable[Block]) -> tuple[str, ...]:
    """Notes written as Markdown (`::: notes`) -> plain paragraphs for the notes pane."""
    return tuple(text for block in blocks for text in _block_text(block))


def _block_text(block: Block) -> list[str]:
    if isinstance(block, Paragraph):
        return [plain_text(block.runs)]
    if isinstance(block, BulletList):
        return [_item_text(item.level, item.number, plain_text(item.runs)) for item in block.items]
    if isinstance(block, Code):
        return [block.text]
    if isinstance(block, Table):
        rows = (block.header, *block.rows)
        return [" | ".join(plain_text(cell) for cell in row) for row in rows]
    if isinstance(block, Image | DiagramRef):
        return [block.alt] if block.alt else []
    if isinstance(block, Quote):
        return [plain_text(p.runs) for p in block.paragraphs]
    if isinstance(block, Columns):
        return list(blocks_text(b for column in block.columns for b in column.blocks))
    return []


def _item_text(level: int, number: int | None, text: str) -> str:
    marker = f"{number}." if number is not None else "•"
    return f"{'  ' * level}{marker} {text}"
