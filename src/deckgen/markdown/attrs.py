"""Pandoc-style attribute text (`{.column width="40%"}`, `width=70%`) -> class and key/values."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ITEM = re.compile(r"""([#.]?[\w-]+)(?:=("[^"]*"|'[^']*'|[^\s}]+))?""")
_BRACED = re.compile(r"^\{([^}]*)\}")


@dataclass(frozen=True, slots=True)
class Attrs:
    """The first bare word or `.class` is the name (`::: notes`, `::: {.notes}`)."""

    name: str = ""
    values: dict[str, str] = field(default_factory=dict)


# The typographer has made `width="40%"` after a picture `width=“40%”` by the time it is read.
_STRAIGHT = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'"})


def parse_attrs(text: str) -> Attrs:
    text = text.strip().translate(_STRAIGHT)
    if text.startswith("{") and text.endswith("}"):
        text = text[1:-1]
    name, values = "", {}
    for match in _ITEM.finditer(text):
        word, value = match.group(1), match.group(2)
        if value is not None:
            values[word] = value.strip("\"'")
        elif not name and not word.startswith("#"):
            name = word.lstrip(".")
    return Attrs(name, values)


def leading_braces(text: str) -> tuple[Attrs, str] | None:
    """`{width=70%} rest` -> (its attrs, " rest"); None when text does not start with braces."""
    match = _BRACED.match(text)
    if match is None:
        return None
    return parse_attrs(match.group(1)), text[match.end() :]


def percent(value: str) -> float | None:
    """`40%` or `40` -> 40.0; anything else -> None."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*%?\s*", value)
    return float(match.group(1)) if match else None
