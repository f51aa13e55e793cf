"""The diagram spec format as a JSON Schema, so editors can autocomplete and check specs."""

from __future__ import annotations

from typing import Any

from deckgen.diagram.fields import schema_of
from deckgen.diagram.kinds import KINDS, REQUIRED, STYLE_FIELDS, fields_for
from deckgen.diagram.limits import MAX_ITEMS, MAX_PARTS
from deckgen.diagram.spec import CANVAS, STEP_FIELDS

_NAMES = {"type": "array", "items": {"type": "string"}, "maxItems": MAX_PARTS}
_REFS = {"anyOf": [{"type": "string"}, _NAMES]}
_ITEMS = {
    "type": "object",
    "additionalProperties": {"$ref": "#/$defs/item"},
    "maxProperties": MAX_ITEMS,
}


def _item(kind: str) -> dict[str, Any]:
    props = {name: schema_of(check) for name, check in fields_for(kind).items()}
    props["kind"] = {"const": kind}
    props["style"] = {"anyOf": [{"type": "string"}, _NAMES, {"$ref": "#/$defs/style"}]}
    if kind == "group":
        props["children"] = _ITEMS
    return {
        "type": "object",
        "properties": props,
        "required": ["kind", *REQUIRED.get(kind, ())],
        "additionalProperties": False,
    }


def schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a `deckgen: 1` diagram spec."""
    style = {name: schema_of(check) for name, check in STYLE_FIELDS.items()}
    symbol_instance = {
        "type": "object",
        "properties": {"kind": {"type": "string"}},
        "required": ["kind"],
    }
    steps = {
        name: _REFS if name in ("show", "hide", "emphasize", "open") else {"type": "string"}
        for name in STEP_FIELDS
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "deckgen diagram spec",
        "type": "object",
        "required": ["deckgen", "items"],
        "additionalProperties": False,
        "properties": {
            "deckgen": {"const": 1},
            "canvas": schema_of(CANVAS),
            "theme": {"enum": ["okabe-ito"]},
            "styles": {"type": "object", "additionalProperties": {"$ref": "#/$defs/style"}},
            "symbols": {
                "type": "object",
                "additionalProperties": {
                    "type": "object",
                    "properties": {
                        "params": {
                            "type": "object",
                            "additionalProperties": {"enum": ["str", "num", "color", "bool"]},
                        },
                        "size": schema_of(fields_for("box")["size"]),
                        "draw": {"type": "array", "items": {"$ref": "#/$defs/item"}},
                    },
                    "additionalProperties": False,
                },
            },
            "items": _ITEMS,
            "steps": {
                "type": "array",
                "maxItems": MAX_PARTS,
                "items": {"type": "object", "properties": steps, "additionalProperties": False},
            },
        },
        "$defs": {
            "style": {"type": "object", "properties": style, "additionalProperties": False},
            "item": {"anyOf": [*(_item(kind) for kind in KINDS), symbol_instance]},
        },
    }
