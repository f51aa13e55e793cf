"""DrawingML read back: theme colour slots through a master's colour map (with PowerPoint's
lumMod/lumOff/tint/shade), theme typefaces and xfrm boxes in points."""

from __future__ import annotations

import colorsys
from dataclasses import dataclass
from typing import Any

from pptx.oxml.ns import qn

from deckgen.placed import Box

EMU_PER_POINT = 12700
_SLOTS = ("dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5",
          "accent6", "hlink", "folHlink")  # fmt: skip
_COLOURS = (qn("a:srgbClr"), qn("a:schemeClr"), qn("a:sysClr"), qn("a:prstClr"))
_PRESET = {"black": "000000", "white": "FFFFFF"}  # the preset colours templates use
# The master's p:clrMap when a master has none: PowerPoint's light default.
_DEFAULT_MAP = {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}


def scheme(theme: Any) -> dict[str, str]:
    """The theme's colour slots (dk1, lt1, accent1...) as "RRGGBB"."""
    found = theme.find(f"{qn('a:themeElements')}/{qn('a:clrScheme')}")
    slots: dict[str, str] = {}
    for slot in _SLOTS:
        holder = None if found is None else found.find(qn(f"a:{slot}"))
        colour = None if holder is None else _first_colour(holder)
        slots[slot] = _plain(colour, {}) or ("FFFFFF" if slot.startswith("lt") else "000000")
    return slots


def colour_map(master: Any) -> dict[str, str]:
    element = master.find(qn("p:clrMap"))
    return _DEFAULT_MAP | (dict(element.attrib) if element is not None else {})


def typeface(theme: Any, which: str) -> str:
    """The latin typeface of the theme's major (headings) or minor (body) font."""
    path = f"{qn('a:themeElements')}/{qn('a:fontScheme')}/{qn(which)}/{qn('a:latin')}"
    latin = theme.find(path)
    return (latin.get("typeface") if latin is not None else "") or "Calibri"


def box_of(xfrm: Any) -> Box | None:
    off = None if xfrm is None else xfrm.find(qn("a:off"))
    ext = None if xfrm is None else xfrm.find(qn("a:ext"))
    if off is None or ext is None:
        return None
    x, y = (int(off.get(k, "0")) / EMU_PER_POINT for k in ("x", "y"))
    w, h = (int(ext.get(k, "0")) / EMU_PER_POINT for k in ("cx", "cy"))
    return Box(x, y, w, h)


def mix(a: str, b: str, share: float) -> str:
    """`a` with `share` of `b` mixed in, channel by channel."""
    pairs = [(int(a[i : i + 2], 16), int(b[i : i + 2], 16)) for i in (0, 2, 4)]
    return "".join(f"{round(x + (y - x) * share):02X}" for x, y in pairs)


@dataclass(frozen=True, slots=True)
class Colours:
    """A theme's slots seen through one master's colour map (tx1 -> dk1 or lt1...)."""

    slots: dict[str, str]
    mapping: dict[str, str]

    def slot(self, name: str) -> str:
        return self.slots.get(self.mapping.get(name, name), "000000")

    def of(self, parent: Any) -> str | None:
        """The colour of a solid fill under `parent` (a:defRPr, p:bgPr...), if it has one."""
        fill = None if parent is None else parent.find(qn("a:solidFill"))
        colour = None if fill is None else _first_colour(fill)
        return None if colour is None else _plain(colour, self)

    def background(self, master: Any) -> str:
        """The master's solid background (p:bgPr, or the colour of a p:bgRef), else bg1."""
        bg = master.find(f"{qn('p:cSld')}/{qn('p:bg')}")
        ref = None if bg is None else bg.find(qn("p:bgRef"))
        colour = _first_colour(ref) if ref is not None else None
        found = _plain(colour, self) if colour is not None else None
        props = None if bg is None else bg.find(qn("p:bgPr"))
        return found or self.of(props) or self.slot("bg1")


def _first_colour(parent: Any) -> Any:
    return next((child for child in parent if child.tag in _COLOURS), None)


def _plain(colour: Any, colours: Colours | dict[str, str]) -> str | None:
    """One colour element as "RRGGBB", its modifiers applied; None for the placeholder colour."""
    if colour is None:
        return None
    value = colour.get("val", "")
    if colour.tag == qn("a:sysClr"):
        value = colour.get("lastClr", "000000")
    elif colour.tag == qn("a:schemeClr"):
        if value == "phClr" or not isinstance(colours, Colours):
            return None
        value = colours.slot(value)
    elif colour.tag == qn("a:prstClr"):
        value = _PRESET.get(value, "000000")
    if len(value) != 6:
        return None
    return _modified(value.upper(), colour)


def _modified(value: str, colour: Any) -> str:
    """lumMod/lumOff in HSL (PowerPoint's "darker 25%" is lumMod 75000), tint toward white,
    shade toward black; percentages in thousandths."""
    r, g, b = (int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))
    for change in colour:
        amount = int(change.get("val", "100000")) / 100000
        name = change.tag.rsplit("}", 1)[-1]
        if name in ("lumMod", "lumOff"):
            h, light, s = colorsys.rgb_to_hls(r, g, b)
            light = light * amount if name == "lumMod" else light + amount
            r, g, b = colorsys.hls_to_rgb(h, min(max(light, 0.0), 1.0), s)
        elif name in ("tint", "shade"):
            r, g, b = (
                c + (1 - c) * (1 - amount) if name == "tint" else c * amount for c in (r, g, b)
            )
    return "".join(f"{round(min(max(c, 0.0), 1.0) * 255):02X}" for c in (r, g, b))
