"""The fields each kind of item accepts, with their checks: one table for loader and schema."""

from __future__ import annotations

from typing import Any

from deckgen.diagram.fields import (
    INVALID,
    SCHEMAS,
    Check,
    Checker,
    boolean,
    color,
    drawn_text,
    list_of,
    mapping,
    one_of,
    pair,
    size,
    text,
    visible_range,
    whole,
    within,
)
from deckgen.diagram.limits import (
    COLUMNS,
    COORDINATE,
    DASH,
    FONT_SIZE,
    FRACTION,
    LANE,
    PARTS,
    RADIUS,
    SIZE,
    SPACING,
    STEP,
    STROKE,
)
from deckgen.yamlfile import LocDict, Mark

COMPASS = ("n", "ne", "e", "se", "s", "sw", "w", "nw", "c")

FONT = mapping(
    {
        "family": one_of("sans", "mono"),
        "size": within(FONT_SIZE),
        "weight": one_of("normal", "bold"),
    }
)
HEADS = one_of("end", "start", "both", "none")
# The chips of a warehouse or truck: their fill and text (default: the item's font).
CHIP = mapping({"fill": color, "font": FONT})
_TOOL = mapping({"name": drawn_text, "fill": color}, required=("name",))


def tool(c: Checker, value: Any, mark: Mark, name: str) -> Any:
    """A shelf or cargo entry: `auth` or `{name: auth, fill: orange}` -> (name, fill or None)."""
    if isinstance(value, LocDict):
        entry = _TOOL(c, value, mark, name)
        return INVALID if entry is INVALID else (entry["name"], entry.get("fill"))
    checked = drawn_text(c, value, mark, name)
    return INVALID if checked is INVALID else (checked, None)


SCHEMAS[tool] = lambda: {"anyOf": [SCHEMAS[drawn_text](), SCHEMAS[_TOOL]()]}
DASHES = list_of(within(DASH), min_len=1)
FRACTIONS = within(FRACTION)
LENGTH = within(SIZE)

# Fields that make up a style: in `styles:`, as `style: {...}` or inline on an item.
STYLE_FIELDS: dict[str, Check] = {
    "fill": color,
    "stroke": color,
    "stroke_width": within(STROKE),
    "dash": DASHES,
    "radius": within(RADIUS),
    "opacity": FRACTIONS,
    "font": FONT,
    "color": color,
    "heads": HEADS,
}

PLACE = mapping(
    {
        "right_of": text,
        "left_of": text,
        "above": text,
        "below": text,
        "near": text,
        "gap": within(COORDINATE),
        "align": one_of("top", "center", "bottom", "left", "right"),
        "side": one_of(*COMPASS[:-1]),
    }
)
PLACE_RELATIONS = ("right_of", "left_of", "above", "below", "near")

# Fields every placed item accepts (arrows take from/to instead of at/place/size).
VISIBILITY: dict[str, Check] = {"step": whole(STEP), "visible": visible_range}
PLACED: dict[str, Check] = {
    "at": pair,
    "anchor": one_of(*COMPASS),
    "place": PLACE,
    "size": size,
    "label": drawn_text,
    **VISIBILITY,
}

GATE = mapping(
    {
        "side": one_of("n", "e", "s", "w"),
        "at": FRACTIONS,
        "width": LENGTH,
        "label": drawn_text,
        "font": FONT,
        "open": boolean,
    }
)
PEOPLE = mapping(
    {
        "count": whole(PARTS),
        "colors": list_of(color, min_len=1),
        "role": one_of("worker", "visitor"),
    }
)
FRAME = mapping(
    {
        "stroke": color,
        "fill": color,
        "stroke_width": within(STROKE),
        "radius": within(RADIUS),
        "dash": DASHES,
        "label": drawn_text,
        "font": FONT,
    }
)

KIND_FIELDS: dict[str, dict[str, Check]] = {
    "warehouse": {"shelves": list_of(list_of(tool)), "chip": CHIP},
    "tool": {},
    "truck": {"cargo": list_of(tool), "facing": one_of("right", "left"), "chip": CHIP},
    "site": {"fenced": boolean, "gate": GATE, "people": PEOPLE},
    "fence": {
        "along": list_of(pair, min_len=2),
        "closed": boolean,
        "gate_at": FRACTIONS,
        "gate_width": LENGTH,
        "gate_label": drawn_text,
        "gate_open": boolean,
    },
    "person": {"role": one_of("worker", "visitor")},
    "box": {},
    "ellipse": {},
    "polygon": {"points": list_of(pair, min_len=3)},
    "label": {"text": drawn_text, "width": LENGTH, "align": one_of("left", "center", "right")},
    "image": {"src": text},
    "group": {
        "children": mapping({}),  # checked item by item in spec.py
        "layout": one_of("row", "column", "grid"),
        "columns": whole(COLUMNS),
        "gap": within(SPACING),
        "padding": within(SPACING),
        "align": one_of("start", "center", "end"),
        "frame": FRAME,
    },
    "arrow": {
        "from": text,
        "to": text,
        "via": list_of(pair),
        "route": one_of("straight", "elbow"),
        "lane": within(LANE),
        "label": drawn_text,
        **VISIBILITY,
    },
}
KIND_FIELDS["line"] = KIND_FIELDS["arrow"]
LINKS = ("arrow", "line")
PRIMITIVES = ("box", "ellipse", "polygon", "arrow", "line", "label", "image", "group")
PICTOGRAMS = ("warehouse", "tool", "truck", "site", "fence", "person")
KINDS = PICTOGRAMS + PRIMITIVES
REQUIRED: dict[str, tuple[str, ...]] = {
    "arrow": ("from", "to"),
    "line": ("from", "to"),
    "label": ("text",),
    "image": ("src", "size"),
    "polygon": ("points",),
    "fence": ("along",),
    "group": ("children",),
}

# Anchors each kind adds to the compass points (parts named in the spec are added in spec.py).
SEMANTIC_ANCHORS: dict[str, tuple[str, ...]] = {
    "warehouse": ("door", "roof", "tools"),
    "truck": ("front", "back", "cab", "cargo"),
    "site": ("gate", "inside", "fence", "people"),
    "fence": ("gate",),
    "person": ("head", "feet"),
    "arrow": ("start", "end", "mid"),
    "line": ("start", "end", "mid"),
}


def fields_for(kind: str) -> dict[str, Check]:
    """Every field an item of a built-in kind accepts."""
    extra = KIND_FIELDS[kind]
    base = {"kind": text, "style": text, **STYLE_FIELDS}
    if kind in LINKS:
        return {**base, **extra}
    return {**base, **PLACED, **extra}


BUILT_IN_FIELDS = {kind: fields_for(kind) for kind in KINDS}


def kind_with(names: list[str], besides: str) -> str | None:
    """The first built-in kind other than `besides` that has every field in `names`."""
    return next(
        (k for k in KINDS if k != besides and all(n in BUILT_IN_FIELDS[k] for n in names)), None
    )


SYMBOL_PARAM_TYPES = {
    "str": drawn_text,
    "num": within(COORDINATE),
    "color": color,
    "bool": boolean,
}
PARAM_TYPES = tuple(SYMBOL_PARAM_TYPES)
