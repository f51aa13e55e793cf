"""Random diagram specs built from the JSON Schema: a PNG or a located DeckgenError, quickly.

Every kind and field the schema names is drawn from, with numbers anywhere in the schema's
range (its limits included); then, in half the specs, one number is swapped for a hostile one
(NaN, infinity, huge, negative, tiny). References name the spec's own items and anchors, arrows
included. The same examples every run (derandomized), so a failure reproduces.
"""

from __future__ import annotations

import io
import math
import tempfile
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from deckgen.diagram import render_diagram
from deckgen.diagram.kinds import KINDS, LINKS, REQUIRED, SEMANTIC_ANCHORS
from deckgen.diagram.schema import schema
from deckgen.errors import DeckgenError, Diagnostics
from deckgen.theme import Theme, load_theme

SIZE = (96, 54)  # a small render: the drawing's size is not under test, bounded work is
THEME: Theme = load_theme("default", Path("."))
SCHEMA = schema()
ITEMS = {
    branch["properties"]["kind"]["const"]: branch["properties"]
    for branch in SCHEMA["$defs"]["item"]["anyOf"]
    if "const" in branch["properties"].get("kind", {})
}
ENDS = ("from", "to")
RELATIONS = ("right_of", "left_of", "above", "below", "near")
SKIPPED = ("kind", "style", "children", "src", "place", "at", "step", "visible", *ENDS)
HOSTILE = [math.nan, math.inf, -math.inf, 1e300, -1e300, 1e9, -1e9, 0, -1, 1e-4, -(10**30)]
PICTURES = ("pic.png", "junk.png", "cut.png", "missing.png")


def _number(node: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Anywhere in the node's range, its ends included (or a plain range before it had one)."""
    low = node.get("minimum", node.get("exclusiveMinimum", -100))
    high = node.get("maximum", 2500)
    if node.get("type") == "integer":
        return st.integers(math.ceil(low), math.floor(min(high, 10**6)))
    above = "exclusiveMinimum" in node
    ends = [high, (low + high) / 2] + ([] if above else [low])
    return st.floats(low, high, exclude_min=above) | st.sampled_from(ends)


def _values(node: dict[str, Any], words: list[str]) -> st.SearchStrategy[Any]:
    """Values valid for one schema node: its enums, numbers in its range, short lists."""
    if "$ref" in node:
        return _values(SCHEMA["$defs"]["style"], words)
    if "const" in node:
        return st.just(node["const"])
    if "enum" in node:
        return st.sampled_from(node["enum"])
    if "anyOf" in node:
        return st.one_of([_values(n, words) for n in node["anyOf"] if "$ref" not in n])
    if "pattern" in node:
        return st.sampled_from(["#0072B2", "E69F00"])
    kind = node.get("type")
    if kind in ("number", "integer"):
        return _number(node)
    if kind == "boolean":
        return st.booleans()
    if kind in ("string", ["string", "number"]):
        return st.sampled_from([*words, "x"]) | st.text("ab \n", max_size=12)
    if kind == "array":
        least, most = node.get("minItems", 0), min(node.get("maxItems", 4), 4)
        return st.lists(_values(node["items"], words), min_size=least, max_size=most)
    if kind == "object":
        fields = {k: _values(v, words) for k, v in node.get("properties", {}).items()}
        return st.fixed_dictionaries({}, optional=fields)
    return st.nothing()


class _Names:
    """The ids and anchors of one spec, for references."""

    def __init__(self, kinds: list[str]) -> None:
        self.ids = [f"i{n}" for n in range(len(kinds))]
        self.anchors = [
            f"{i}.{a}"
            for i, kind in zip(self.ids, kinds, strict=True)
            for a in ("n", "c", *SEMANTIC_ANCHORS.get(kind, ()))
        ]
        self.placeable = [i for i, k in zip(self.ids, kinds, strict=True) if k not in LINKS]
        self.placeable += ["i0c0"]  # a group's child, when i0 is a group with children


@st.composite
def _item(
    draw: st.DrawFn, kind: str, item_id: str, names: _Names, steps: int, in_layout: bool
) -> dict[str, Any]:
    props = ITEMS[kind]
    fields = {n: _values(node, names.ids) for n, node in props.items() if n not in SKIPPED}
    needed = [n for n in REQUIRED.get(kind, ()) if n in fields]
    item = draw(
        st.fixed_dictionaries(
            {"kind": st.just(kind), **{n: fields.pop(n) for n in needed}}, optional=fields
        )
    )
    if kind in LINKS:
        item |= {end: draw(st.sampled_from(names.ids + names.anchors)) for end in ENDS}
    elif not in_layout:
        item |= draw(_position(kind, item_id, names))
    if kind == "image":
        item["src"] = draw(st.sampled_from(PICTURES))
    if draw(st.integers(0, 4)) == 0:
        item["step"] = draw(st.integers(1, max(steps, 1)))
    if kind == "group":
        layout = "layout" in item
        item["children"] = {
            f"{item_id}c{n}": draw(_item(child, f"{item_id}c{n}", names, steps, layout))
            for n, child in enumerate(draw(st.lists(st.sampled_from(_LEAVES), max_size=2)))
        }
    return item


_LEAVES = [k for k in KINDS if k not in ("group", *LINKS)]


@st.composite
def _position(draw: st.DrawFn, kind: str, item_id: str, names: _Names) -> dict[str, Any]:
    how = draw(st.sampled_from(["at", "place", "none"]))
    if how == "at":
        return {"at": draw(_values(ITEMS[kind]["at"], []))}
    if how == "none":
        return {}
    relation = draw(st.sampled_from(RELATIONS))
    targets = names.placeable + (names.anchors if relation == "near" else [])
    target = draw(st.sampled_from([t for t in targets if t.split(".")[0] != item_id] or ["x"]))
    extra = draw(_values(ITEMS[kind]["place"], []))
    return {"place": {k: v for k, v in extra.items() if k not in RELATIONS} | {relation: target}}


@st.composite
def specs(draw: st.DrawFn) -> dict[str, Any]:
    kinds = draw(st.lists(st.sampled_from(KINDS), min_size=1, max_size=4))
    names = _Names(kinds)
    steps = draw(st.integers(0, 3))
    items = {
        i: draw(_item(k, i, names, steps, False)) for i, k in zip(names.ids, kinds, strict=True)
    }
    spec: dict[str, Any] = {"deckgen": 1, "items": items}
    if draw(st.booleans()):
        spec["canvas"] = draw(_values(SCHEMA["properties"]["canvas"], []))
    spec["steps"] = [{"show": draw(st.sampled_from(names.ids))} for _ in range(steps)]
    if draw(st.booleans()):
        _spoil(draw, spec)
    return spec


def _spoil(draw: st.DrawFn, spec: dict[str, Any]) -> None:
    """One number of the spec, anywhere, made hostile."""
    leaves = list(_numbers(spec["items"]))
    if leaves:
        holder, key = draw(st.sampled_from(leaves))
        holder[key] = draw(st.sampled_from(HOSTILE))


def _numbers(node: Any) -> Iterator[tuple[Any, Any]]:
    pairs = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in pairs:
        if isinstance(value, dict | list):
            yield from _numbers(value)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            yield node, key


def to_yaml(value: Any) -> str:
    """Flow-style YAML that PyYAML reads back as the same value (NaN and infinity included)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        text = repr(value)
        return text.replace("e", ".0e", 1) if "e" in text and "." not in text else text
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {to_yaml(v)}" for k, v in value.items()) + "}"
    return "[" + ", ".join(to_yaml(v) for v in value) + "]"


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    """Pictures good and bad, and the fonts loaded once, so no example pays for them."""
    with tempfile.TemporaryDirectory() as name:
        here = Path(name)
        Image.new("RGB", (40, 30), "#E69F00").save(here / "pic.png")
        (here / "junk.png").write_bytes(b"not a picture")
        (here / "cut.png").write_bytes((here / "pic.png").read_bytes()[:60])
        warm = {"deckgen": 1, "items": {"a": {"kind": "site", "label": "a"}}}
        render_diagram(_write(here, warm), THEME, here / "cache", Diagnostics(), size=SIZE)
        yield here


def _write(folder: Path, spec: dict[str, Any]) -> Path:
    path = folder / "spec.yaml"
    path.write_text(to_yaml(spec) + "\n", "utf-8")
    return path


@settings(
    max_examples=400,
    deadline=timedelta(seconds=3),
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(spec=specs())
def test_a_random_spec_renders_or_is_a_located_error(folder: Path, spec: dict[str, Any]) -> None:
    path = _write(folder, spec)
    try:
        steps = render_diagram(path, THEME, folder / "cache", Diagnostics(), size=SIZE)
    except DeckgenError as error:
        assert all(p.location and p.location.path == str(path) for p in error.problems)
        return
    for step in steps:
        with Image.open(io.BytesIO(step.png.read_bytes())) as image:
            image.load()
            assert image.size == (step.width_px, step.height_px)
