"""An HTML block of a talk -> items: pictures, lists, tables, headings, columns, styled text.

The HTML talks use (Marp's and reveal.js's layouts) is mapped onto the slide model; text
inside a block tag is read as Markdown, as Pandoc does; `<details>`, `<style>`, `<script>`
and the like are dropped, and any other tag keeps its text, each with one warning per tag
name and file.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from deckgen.markdown.html import Node, Tag, parse_fragment
from deckgen.markdown.inline import merge_runs, picture, sized_by_tag, strip_runs
from deckgen.markdown.items import Context, Heading, Item, Note, Pause
from deckgen.markdown.looks import INLINE_TAGS, Look, look_of, styled
from deckgen.model import (
    Block,
    BulletList,
    Code,
    Column,
    Columns,
    Image,
    ListItem,
    Paragraph,
    Quote,
    Run,
    Table,
)

__all__ = ["COLUMN_CLASSES", "DROPPED", "Markdown", "html_items", "inline_runs", "is_columns"]

Markdown = Callable[[str, int], list[Item]]  # Markdown text and its 0-based line -> items
Nested = Callable[[list[Item], str], tuple[list[Block], list[Note | Pause]]]

# Dropped whole: nothing of them belongs on a slide (a <details> is a web page's fold).
DROPPED = frozenset(
    [
        "details",
        "style",
        "script",
        "template",
        "noscript",
        "iframe",
        "video",
        "audio",
        "object",
        "embed",
        "svg",
        "canvas",
        "form",
        "button",
        "input",
        "select",
        "textarea",
        "link",
        "meta",
        "head",
        "title",
    ]
)
_DROPPED_HINT = "a slide cannot show it; said once per file"
COLUMN_CLASSES = frozenset({"columns", "columns3", "cols", "grid", "row", "split", "flex"})
_GRID = re.compile(r"display\s*:\s*(?:inline-)?(?:grid|flex)", re.IGNORECASE)
_CONTAINERS = frozenset(
    [
        "div",
        "p",
        "center",
        "section",
        "article",
        "aside",
        "header",
        "footer",
        "main",
        "nav",
        "span",
        "figure",
        "li",
        "td",
        "th",
        "dd",
        "dt",
        "body",
        "html",
    ]
)
_LISTS = {"ul": False, "ol": True}
MAX_LEVEL = 2


def is_columns(tag: Tag) -> bool:
    """`<div class="columns">`, `columns3`, or a grid or flex `style`: its children side by side."""
    return bool(COLUMN_CLASSES & set(tag.classes())) or bool(_GRID.search(tag.get("style")))


@dataclass(frozen=True, slots=True)
class _Reader:
    """One HTML block being read: its file, its first line, and the Markdown reader."""

    ctx: Context
    line0: int
    markdown: Markdown
    nested: Nested

    def at(self, tag: Tag | None = None) -> int:
        return self.line0 + (tag.line if tag else 0)

    def warn_tag(self, tag: Tag, message: str) -> None:
        key = f"html:{self.ctx.path}:{tag.name}"
        hint = _DROPPED_HINT if tag.name in DROPPED else "write Markdown instead"
        self.ctx.warn_once(key, self.ctx.at(self.at(tag)), message, hint)


def html_items(
    ctx: Context, markup: str, line0: int, markdown: Markdown, nested: Nested
) -> list[Item]:
    """The items an HTML block (comments taken out) shows."""
    return _blocks(_Reader(ctx, line0, markdown, nested), parse_fragment(markup), line0)


def inline_runs(ctx: Context, markup: str, line0: int) -> tuple[Run, ...]:
    """Inline HTML (a front matter title) -> styled runs; text without tags is one run."""
    reader = _Reader(ctx, line0, lambda text, line: [], lambda items, what: ([], []))
    return _runs(reader, parse_fragment(markup), ())


def _blocks(reader: _Reader, nodes: Sequence[Node], line0: int) -> list[Item]:
    """Block content: a text alone between block tags is Markdown; text mixed with inline
    tags is a paragraph of styled runs."""
    items: list[Item] = []
    inline: list[Node] = []
    for node in nodes:
        if isinstance(node, Tag) and _is_block(node):
            items += _paragraphs(reader, inline, line0)
            inline = []
            items += _block(reader, node)
        else:
            inline.append(node)
    return items + _paragraphs(reader, inline, line0)


def _is_block(tag: Tag) -> bool:
    return tag.name not in INLINE_TAGS or tag.name == "img"


def _paragraphs(reader: _Reader, nodes: Sequence[Node], line0: int) -> list[Item]:
    if all(isinstance(node, str) for node in nodes):
        text = textwrap.dedent("".join(str(node) for node in nodes)).strip("\n")
        return reader.markdown(text, line0) if text.strip() else []
    runs = _runs(reader, nodes, ())
    where = reader.ctx.at(line0)
    return [Paragraph(runs, where)] if "".join(r.text for r in runs).strip() else []


def _runs(reader: _Reader, nodes: Sequence[Node], looks: tuple[Look, ...]) -> tuple[Run, ...]:
    """Inline content -> styled runs; white space collapses as a browser's does."""
    runs: list[Run] = []
    for node in nodes:
        if isinstance(node, str):
            runs.append(styled(Run(re.sub(r"\s+", " ", node)), looks))
        elif node.name == "br":
            runs.append(Run("\n"))
        elif node.name in DROPPED:
            reader.warn_tag(node, f"HTML <{node.name}> is dropped")
        else:
            if node.name not in INLINE_TAGS:
                reader.warn_tag(node, f"HTML tag <{node.name}> is ignored; its text is kept")
            runs += _runs(reader, node.children, (*looks, look_of(node)))
    return _trimmed(merge_runs(runs))


def _trimmed(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    """No space at a line's start or end (a browser shows none there either)."""
    text = [replace(r, text=re.sub(r" *\n *", "\n", r.text)) for r in strip_runs(runs)]
    return tuple(r for r in text if r.text)


def _block(reader: _Reader, tag: Tag) -> list[Item]:
    handler = _HANDLERS.get(tag.name)
    if handler is not None:
        return handler(reader, tag)
    if tag.name in DROPPED:
        reader.warn_tag(tag, f"HTML <{tag.name}> is dropped")
        return []
    if tag.name not in _CONTAINERS:
        reader.warn_tag(tag, f"HTML tag <{tag.name}> is ignored; its text is kept")
    return _container(reader, tag)


def _container(reader: _Reader, tag: Tag) -> list[Item]:
    """A `<div>`, `<p>`, `<center>`: its content; side by side when it is a columns box."""
    if is_columns(tag):
        return _columns(reader, tag)
    items = _blocks(reader, tag.children, reader.at(tag))
    align = _alignment(tag)
    return [replace(i, align=align) if align and isinstance(i, Paragraph) else i for i in items]


_TEXT_ALIGN = re.compile(r"text-align\s*:\s*(center|right)", re.IGNORECASE)


def _alignment(tag: Tag) -> Literal["", "center", "right"]:
    """`<center>`, `align="center"` or `style="text-align: right"`: the paragraphs' alignment."""
    found = "center" if tag.name == "center" else (tag.get("align") or "").lower()
    style = _TEXT_ALIGN.search(tag.get("style") or "")
    found = style.group(1).lower() if style else found
    return "center" if found == "center" else "right" if found == "right" else ""


def _columns(reader: _Reader, tag: Tag) -> list[Item]:
    columns: list[Column] = []
    passed: list[Item] = []
    for child in tag.children:
        if isinstance(child, str) and not child.strip():
            continue
        nodes = child.children if isinstance(child, Tag) and child.name == "div" else (child,)
        line0 = reader.at(child) if isinstance(child, Tag) else reader.at(tag)
        blocks, notes = reader.nested(_blocks(reader, nodes, line0), "a column")
        passed += notes
        if blocks:
            columns.append(Column(tuple(blocks), None, reader.ctx.at(line0)))
    if not columns:
        return passed
    return [Columns(tuple(columns), reader.ctx.at(reader.at(tag))), *passed]


def _heading(reader: _Reader, tag: Tag) -> list[Item]:
    runs = _runs(reader, tag.children, ())
    return [Heading(int(tag.name[1]), runs, reader.ctx.at(reader.at(tag)))] if runs else []


def _image(reader: _Reader, tag: Tag) -> list[Item]:
    where = reader.ctx.at(reader.at(tag))
    if not tag.get("src"):
        reader.ctx.warn(where, "<img> without src is ignored")
        return []
    return [sized_by_tag(picture(reader.ctx, tag.get("src"), tag.get("alt"), where, None), tag)]


def _figure(reader: _Reader, tag: Tag) -> list[Item]:
    """`<figure>` with an `<img>` and a `<figcaption>`: the picture, captioned."""
    caption = next((c for c in tag.children if isinstance(c, Tag) and c.name == "figcaption"), None)
    rest = tuple(c for c in tag.children if c is not caption)
    items = _blocks(reader, rest, reader.at(tag))
    text = "".join(r.text for r in _runs(reader, caption.children, ())) if caption else ""
    pictures = [i for i, item in enumerate(items) if isinstance(item, Image)]
    if text and pictures:
        items[pictures[0]] = replace(items[pictures[0]], caption=text)  # type: ignore[arg-type]
    elif text:
        items.append(Paragraph((Run(text),), reader.ctx.at(reader.at(caption))))
    return items


def _list(reader: _Reader, tag: Tag) -> list[Item]:
    entries = _list_items(reader, tag, 0)
    return [BulletList(tuple(entries), entries[0].source)] if entries else []


def _list_items(reader: _Reader, tag: Tag, level: int) -> list[ListItem]:
    ordered = _LISTS[tag.name]
    start = int(tag.get("start")) if tag.get("start").isdigit() else 1
    entries: list[ListItem] = []
    items = [c for c in tag.children if isinstance(c, Tag) and c.name == "li"]
    for index, item in enumerate(items):
        own = tuple(c for c in item.children if not (isinstance(c, Tag) and c.name in _LISTS))
        where = reader.ctx.at(reader.at(item))
        number = start + index if ordered else None
        level_here = min(level, MAX_LEVEL)
        entries.append(ListItem(_runs(reader, own, ()), level_here, ordered, number, where))
        for inner in (c for c in item.children if isinstance(c, Tag) and c.name in _LISTS):
            entries += _list_items(reader, inner, level + 1)
    return entries


def _table(reader: _Reader, tag: Tag) -> list[Item]:
    """`<table>`: a native table; the first row is its header."""
    rows = [
        tuple(_runs(reader, cell.children, ()) for cell in _tagged(row, ("td", "th")))
        for row in _rows(tag)
    ]
    rows = [row for row in rows if row]
    if not rows:
        return []
    width = max(len(row) for row in rows)
    header, *body = (row + ((),) * (width - len(row)) for row in rows)
    where = reader.ctx.at(reader.at(tag))
    return [Table(header, tuple(body), (None,) * width, where)]


def _rows(table: Tag) -> list[Tag]:
    rows = list(_tagged(table, ("tr",)))
    for part in _tagged(table, ("thead", "tbody", "tfoot")):
        rows += _tagged(part, ("tr",))
    return sorted(rows, key=lambda row: row.line)


def _tagged(tag: Tag, names: tuple[str, ...]) -> list[Tag]:
    return [c for c in tag.children if isinstance(c, Tag) and c.name in names]


def _quote(reader: _Reader, tag: Tag) -> list[Item]:
    blocks, notes = reader.nested(_blocks(reader, tag.children, reader.at(tag)), "a quote")
    paragraphs = tuple(b for b in blocks if isinstance(b, Paragraph))
    where = reader.ctx.at(reader.at(tag))
    return [Quote(paragraphs, where), *notes] if paragraphs else list(notes)


def _pre(reader: _Reader, tag: Tag) -> list[Item]:
    text = "".join(_text(tag)).strip("\n")
    return [Code(text, "", reader.ctx.at(reader.at(tag)))] if text.strip() else []


def _text(node: Node) -> list[str]:
    return [node] if isinstance(node, str) else [t for c in node.children for t in _text(c)]


def _nothing(reader: _Reader, tag: Tag) -> list[Item]:
    return []


_HANDLERS: dict[str, Callable[[_Reader, Tag], list[Item]]] = {
    **{f"h{n}": _heading for n in range(1, 7)},
    "img": _image,
    "figure": _figure,
    "ul": _list,
    "ol": _list,
    "table": _table,
    "blockquote": _quote,
    "pre": _pre,
    "hr": _nothing,
    "br": _nothing,
}
