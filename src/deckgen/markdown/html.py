"""HTML text -> a small tree of tags and text. lxml.html reads it, here and nowhere else in
the parser, so the mapping onto slides (markdown/fromhtml.py) sees plain frozen data."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

__all__ = ["Node", "Tag", "parse_fragment", "parse_tag"]

_OPEN = re.compile(r"<([A-Za-z][\w-]*)\b[^>]*?(/?)>", re.DOTALL)
_CLOSE = re.compile(r"</\s*([A-Za-z][\w-]*)\s*>")


@dataclass(frozen=True, slots=True)
class Tag:
    """An element: lower-case name, attributes in source order, children in order. `line` is
    the 0-based line inside the fragment where the tag starts."""

    name: str
    attrs: tuple[tuple[str, str], ...] = ()
    children: tuple[Node, ...] = ()
    line: int = 0
    closing: bool = False  # parse_tag only: `</b>`

    def get(self, key: str, default: str = "") -> str:
        return next((value for name, value in self.attrs if name == key), default)

    def classes(self) -> tuple[str, ...]:
        return tuple(self.get("class").split())


Node = Tag | str


def parse_fragment(markup: str) -> tuple[Node, ...]:
    """Block HTML -> its top-level nodes. Browsers' rules apply: tags left open are closed,
    stray closing tags dropped, entities read (`&amp;` is `&`). Comments are not kept."""
    if not markup.strip():
        return ()
    # A wrapper makes any fragment one element (several top-level tags, text first, or none).
    import lxml.html  # imported late: only talks with HTML pay for it

    root = lxml.html.fragment_fromstring(markup, create_parent="deckgen-root")
    return _children(root, root.sourceline or 1)


def parse_tag(markup: str) -> Tag | None:
    """One tag as markdown-it hands it over inline (`<span style="color:red">`, `</span>`,
    `<img src=x>`) -> its name and attributes; None when it is not a tag."""
    closing = _CLOSE.fullmatch(markup.strip())
    if closing:
        return Tag(closing.group(1).lower(), closing=True)
    opening = _OPEN.fullmatch(markup.strip())
    if opening is None:
        return None
    nodes = parse_fragment(markup)
    tag = next((node for node in nodes if isinstance(node, Tag)), None)
    # lxml drops tags it places elsewhere in a document (<td> alone, <html>): the name stays.
    return Tag(tag.name, tag.attrs) if tag else Tag(opening.group(1).lower())


def _children(element: Any, first: int) -> tuple[Node, ...]:
    nodes: list[Node] = [element.text] if element.text else []
    for child in element:
        if isinstance(child.tag, str):  # comments and processing instructions are skipped
            nodes.append(_tag(child, first))
        if child.tail:
            nodes.append(child.tail)
    return tuple(nodes)


def _tag(element: Any, first: int) -> Tag:
    attrs = tuple((str(k).lower(), str(v)) for k, v in element.attrib.items())
    line = (element.sourceline or first) - first
    return Tag(str(element.tag).lower(), attrs, _children(element, first), line)
