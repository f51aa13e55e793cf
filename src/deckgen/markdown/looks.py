"""Inline HTML tags (`<b>`, `<sup>`, `<span style="color:…">`) -> the run formatting they give."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from deckgen.markdown.html import Tag
from deckgen.model import SUBSCRIPT, SUPERSCRIPT, Run

__all__ = ["INLINE_TAGS", "Look", "css_color", "look_of", "styled"]

Look = dict[str, Any]  # Run fields a tag sets; size_step adds up (<small><small>)

_FIXED: dict[str, Look] = {
    **{name: {"bold": True} for name in ("b", "strong")},
    **{name: {"italic": True} for name in ("i", "em", "cite", "var", "dfn")},
    **{name: {"underline": True} for name in ("u", "ins")},
    **{name: {"strike": True} for name in ("s", "strike", "del")},
    **{name: {"code": True} for name in ("code", "kbd", "tt", "samp")},
    "sup": {"baseline": SUPERSCRIPT},
    "sub": {"baseline": SUBSCRIPT},
    "small": {"size_step": -1},
    "big": {"size_step": 1},
    # Known, and shown as their text: a highlight or a quotation has no mark in the model.
    **{name: {} for name in ("mark", "abbr", "q", "time", "data", "bdi", "bdo", "wbr", "label")},
}
INLINE_TAGS = frozenset({*_FIXED, "span", "font", "a", "br", "img"})

# CSS's basic colour keywords, and the few others talks use; anything else is not honoured.
_NAMED = {
    "black": "000000", "white": "FFFFFF", "red": "FF0000", "green": "008000", "blue": "0000FF",
    "yellow": "FFFF00", "orange": "FFA500", "purple": "800080", "gray": "808080",
    "grey": "808080", "silver": "C0C0C0", "maroon": "800000", "navy": "000080",
    "teal": "008080", "olive": "808000", "lime": "00FF00", "aqua": "00FFFF",
    "fuchsia": "FF00FF", "magenta": "FF00FF", "cyan": "00FFFF", "brown": "A52A2A",
    "pink": "FFC0CB", "darkred": "8B0000", "darkgreen": "006400", "darkblue": "00008B",
    "crimson": "DC143C", "gold": "FFD700", "tomato": "FF6347", "steelblue": "4682B4",
}  # fmt: skip
_HEX = re.compile(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
_RGB = re.compile(r"rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,[^)]*)?\)")
_CSS_COLOR = re.compile(r"(?:^|;)\s*color\s*:\s*([^;]+)", re.IGNORECASE)


def look_of(tag: Tag) -> Look:
    """The formatting an inline tag gives its text ({} for a tag that only holds text)."""
    if tag.name == "a":
        return {"link": tag.get("href")} if tag.get("href") else {}
    if tag.name == "font":
        color = css_color(tag.get("color"))
        return {"color": color} if color else {}
    if tag.name == "span":
        found = _CSS_COLOR.search(tag.get("style"))
        color = css_color(found.group(1)) if found else None
        return {"color": color} if color else {}
    return dict(_FIXED.get(tag.name, {}))


def css_color(text: str) -> str | None:
    """A CSS colour -> "RRGGBB"; None for what deckgen cannot read (var(--x), hsl(...))."""
    text = text.strip().lower()
    if text in _NAMED:
        return _NAMED[text]
    if _HEX.fullmatch(text):
        digits = text[1:] if len(text) == 7 else "".join(c * 2 for c in text[1:])
        return digits.upper()
    rgb = _RGB.fullmatch(text)
    if rgb:
        return "".join(f"{min(255, int(c)):02X}" for c in rgb.groups())
    return None


def styled(run: Run, looks: Iterable[Look]) -> Run:
    """The run with the looks of the tags it is inside, outermost first."""
    changes: Look = {}
    for look in looks:
        for key, value in look.items():
            changes[key] = changes.get(key, 0) + value if key == "size_step" else value
    return replace(run, **changes) if changes else run
