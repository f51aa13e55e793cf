"""Speaker notes and Marp directives: HTML comments and `::: notes` blocks -> note paragraphs."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable
from typing import assert_never

from deckgen.errors import DeckgenError, SourceLocation
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
from deckgen.yamlfile import load_yaml

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
# The directives deckgen acts on; the others change only how Marp styles a slide.
ACTED_ON = frozenset({"headingDivider", "header", "footer", "paginate", "class"})
# Comments that tell a linter or formatter something: never the speaker's notes.
_PRAGMA = re.compile(
    r"(?:markdownlint|prettier|eslint|textlint|cspell|spell-?checker|vale|remark|mdformat"
    r"|lint|stylelint|alex|toc|end ?toc|omit in toc)\b",
    re.IGNORECASE,
)


# Marp reads a directive's value as written unless it starts like YAML's quoted or flow text:
# `footer: #PyTexas 2022` is the text "#PyTexas 2022", not a YAML comment.
_TEXT_KEYS = "title subtitle author event date footer header description class theme"
_KEYS = "|".join(_TEXT_KEYS.split())
_LAZY = re.compile(rf"^(_?(?:{_KEYS})[ \t]*:[ \t]+)([^\s\"'\[{{|>&*!].*?)[ \t]*$")
_YAML_TRAPS = re.compile(r"^[#@`%]| #|: ")


def lazy_values(text: str) -> str:
    """The text with each text directive's value that YAML would misread (a `#`, `@`, or a
    `: ` inside) quoted, as Marp reads it."""
    return "\n".join(_lazy_line(line) for line in text.split("\n"))


def _lazy_line(line: str) -> str:
    match = _LAZY.match(line)
    if match is None or not _YAML_TRAPS.search(match.group(2)):
        return line
    quoted = match.group(2).replace("'", "''")
    return f"{match.group(1)}'{quoted}'"


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
    if not lines or text in _BARE_DIRECTIVES or _PRAGMA.match(text):
        return []
    pairs = _directives(text)
    if pairs is None:
        return [Note(_paragraphs(text), where)]
    notes = [value for key, value in pairs if key.lower() in _NOTE_KEYS]
    found: list[Note | Directive | Pause] = [Note(tuple(notes), where)] if notes else []
    return found + [Directive(k, v, where) for k, v in pairs if k.lstrip("_") in ACTED_ON]


def _directives(text: str) -> list[tuple[str, str]] | None:
    """The comment's `key: value` pairs when it is all directives, else None. Marp reads it
    as YAML (`_class:` over lines of `- lead`), values as written (`footer: #Meetup`)."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not _DIRECTIVE.fullmatch(lines[0].strip()):  # most notes: no YAML read at all
        return None
    try:
        data = load_yaml(lazy_values(text), "")
    except DeckgenError:
        return None
    if not isinstance(data, dict) or not data or not all(_is_directive(str(k)) for k in data):
        return None
    return [(str(key), _directive_text(value)) for key, value in data.items()]


def _directive_text(value: object) -> str:
    """A directive's value as text: a list (`_class: [lead, invert]`) joins with spaces."""
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    if isinstance(value, bool):
        return str(value).lower()
    return "" if value is None else str(value)


def _is_directive(key: str) -> bool:
    return key.lstrip("_") in MARP_DIRECTIVES or key.lower() in _NOTE_KEYS


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
