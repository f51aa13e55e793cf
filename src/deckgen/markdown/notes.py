"""Speaker notes and Marp directives: HTML comments and `::: notes` blocks -> note paragraphs."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable
from typing import assert_never

from deckgen.errors import SourceLocation
from deckgen.markdown.items import Directive, Note, Pause
from deckgen.model import (
    Block,
    BulletList,
    Code,
    DiagramRef,
    Image,
    Leaf,
    Paragraph,
    Quote,
    Table,
    plain_text,
    walk_blocks,
)

_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_DIRECTIVE = re.compile(r"_?([A-Za-z][\w-]*)\s*:\s*(.*)")
# Lines that keep their own line in a note: list items, and `Word: text` points.
_LIST_LINE = re.compile(r"\s*(?:[-*+]|\d+[.)])\s|\s*\w[\w-]*:\s")

# Marp's directives (global, local and `_spot` ones): accepted and ignored without a word.
_MARP = """theme style headingDivider size math title description author image keywords url lang
marp paginate header footer class backgroundColor backgroundImage backgroundPosition
backgroundRepeat backgroundSize color transition"""
MARP_DIRECTIVES = frozenset(_MARP.split())
_NOTE_KEYS = frozenset({"note", "notes", "speaker_note"})
_BARE_DIRECTIVES = frozenset({"fit"})  # Marp's fitting header: layout fits every title anyway
_ACTED_ON = frozenset({"headingDivider"})  # the others change only how Marp styles a slide


def comments(html: str) -> tuple[list[str], str]:
    """The comments' inner texts, and whatever HTML is left outside them."""
    return [m.group(1) for m in _COMMENT.finditer(html)], _COMMENT.sub("", html).strip()


def comment_items(text: str, where: SourceLocation) -> list[Note | Directive | Pause]:
    """A comment is a directive only when every line is `key: value` with a directive's key
    (or it is `fit`); `pause` is a pause, as `. . .` is (presenterm writes it so); any other
    comment, `Word: text` lines too, is a note."""
    text = textwrap.dedent(text).strip()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if text == "pause":
        return [Pause(where)]
    if not lines or text in _BARE_DIRECTIVES:
        return []
    matches = [_DIRECTIVE.fullmatch(line) for line in lines]
    keys = [m.group(1) for m in matches if m and _is_directive(m.group(1))]
    if len(keys) < len(lines):
        return [Note(_paragraphs(text), where)]
    pairs = [(m.group(1), m.group(2).strip()) for m in matches if m]
    notes = [value for key, value in pairs if key.lower() in _NOTE_KEYS]
    found: list[Note | Directive | Pause] = [Note(tuple(notes), where)] if notes else []
    return found + [Directive(k, v, where) for k, v in pairs if k in _ACTED_ON]


def _is_directive(key: str) -> bool:
    return key in MARP_DIRECTIVES or key.lower() in _NOTE_KEYS


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
    return tuple(text for block in walk_blocks(tuple(blocks)) for text in _block_text(block))


def _block_text(block: Leaf) -> list[str]:
    match block:
        case Paragraph():
            return [plain_text(block.runs)]
        case BulletList():
            return [_item_text(i.level, i.number, plain_text(i.runs)) for i in block.items]
        case Code():
            return [block.text]
        case Table():
            return [
                " | ".join(plain_text(cell) for cell in row) for row in (block.header, *block.rows)
            ]
        case Image() | DiagramRef():
            return [block.alt] if block.alt else []
        case Quote():
            return [plain_text(p.runs) for p in block.paragraphs]
        case _:
            assert_never(block)


def _item_text(level: int, number: int | None, text: str) -> str:
    marker = f"{number}." if number is not None else "•"
    return f"{'  ' * level}{marker} {text}"
