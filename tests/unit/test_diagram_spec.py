"""Loading diagram specs: the worked examples load, fields arrive typed, problems are located."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from deckgen.diagram.spec import load_spec
from deckgen.errors import DiagramSpecError

EXAMPLES = Path(__file__).parents[2] / "examples" / "diagrams"


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_every_example_loads(path: Path) -> None:
    text = path.read_text("utf-8")
    spec = load_spec(text, str(path))
    raw = yaml.safe_load(text)  # the file as plain YAML: its items and steps, in order
    assert [i.id for i in spec.items if i.parent is None] == list(raw["items"])
    assert [s.number for s in spec.steps] == list(range(1, len(raw.get("steps", [])) + 1))


def test_trucks_example_fields_arrive_typed() -> None:
    spec = load_spec((EXAMPLES / "a-trucks.yaml").read_text("utf-8"), "a.yaml")
    truck = spec.item("server_truck")
    assert [name for name, _ in truck.get("cargo")] == ["router", "db_query", "auth", "render"]
    assert truck.style.fill == "orange"  # from the named style server_side
    assert spec.item("caption").style.font is not None
    assert spec.item("caption").style.font.size == 40
    assert spec.steps[0].caption == "Everything starts in one warehouse of tools"
    assert spec.steps[3].emphasize[0].text == "src.tools.render"


def test_group_children_are_items_with_their_parent() -> None:
    spec = load_spec((EXAMPLES / "c-isomorphic.yaml").read_text("utf-8"), "c.yaml")
    assert spec.item("on_server").children == ("s_render", "s_note")
    assert spec.item("s_render").parent == "on_server"
    badge = spec.item("s_render").draw[1]
    assert badge.get("label") == "HTML string"  # ${badge} substituted


def test_inline_fields_override_the_named_style() -> None:
    text = (
        "deckgen: 1\nstyles:\n  s: {fill: orange, stroke: ink}\n"
        "items:\n  a: {kind: box, style: s, fill: green}\n"
    )
    style = load_spec(text, "x.yaml").item("a").style
    assert (style.fill, style.stroke) == ("green", "ink")


def test_a_quoted_no_is_text_but_a_bare_yes_is_not_a_boolean() -> None:
    ok = load_spec('deckgen: 1\nitems:\n  a: {kind: box, label: "NO"}\n', "x.yaml")
    assert ok.item("a").get("label") == "NO"
    with pytest.raises(DiagramSpecError) as caught:
        load_spec("deckgen: 1\nitems:\n  s: {kind: site, fenced: yes}\n", "x.yaml")
    assert "x.yaml:3:27: 'fenced' needs true or false, got 'yes'" in str(caught.value)


def test_all_problems_are_reported_in_file_order() -> None:
    text = "deckgen: 1\nitems:\n  b: {kind: bx}\n  a: {kind: box, fil: red}\n"
    with pytest.raises(DiagramSpecError) as caught:
        load_spec(text, "x.yaml")
    assert str(caught.value).splitlines() == [
        "x.yaml:3:13: unknown kind 'bx' (did you mean 'box'?)",
        "x.yaml:4:18: unknown field 'fil' in box 'a' (did you mean 'fill'?)",
    ]
