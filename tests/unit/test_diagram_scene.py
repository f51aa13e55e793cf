"""Scenes: layout once, cumulative steps, emphasis, anchors, and located warnings."""

from __future__ import annotations

from pathlib import Path

from deckgen.diagram.scene import Scene, build_scene
from deckgen.diagram.spec import load_spec
from deckgen.errors import Diagnostics
from deckgen.theme import Theme, load_theme

EXAMPLES = Path(__file__).parents[2] / "examples" / "diagrams"


def _theme() -> Theme:
    return load_theme("default", Path("."))


def _scene(text: str, diagnostics: Diagnostics | None = None) -> Scene:
    return build_scene(load_spec(text, "x.yaml"), _theme(), diagnostics or Diagnostics())


def _example(name: str) -> Scene:
    text = (EXAMPLES / name).read_text("utf-8")
    return build_scene(load_spec(text, name), _theme(), Diagnostics())


def test_steps_are_cumulative_and_background_items_always_show() -> None:
    scene = _example("a-trucks.yaml")
    visible = [sorted(s.visible) for s in scene.steps]
    assert visible[0] == ["caption", "src"]
    assert "server_truck" in visible[1] and "client_truck" not in visible[1]
    assert {"src", "server_truck", "client_truck", "load_client"} <= set(visible[2])
    assert scene.steps[1].caption == scene.steps[0].caption  # a caption carries forward
    assert scene.steps[3].notes == "Pause here: this is the isomorphic-code idea."


def test_emphasis_names_parts_of_pictograms() -> None:
    scene = _example("a-trucks.yaml")
    assert scene.steps[3].emphasis == {
        "src.tools.render",
        "server_truck.cargo.render",
        "client_truck.cargo.render",
    }


def test_relative_placement_and_group_layout() -> None:
    scene = _example("c-isomorphic.yaml")
    left, right = scene.boxes["on_server"], scene.boxes["in_browser"]
    assert right.x == left.right + 360 and right.y == left.y  # right_of, gap 360, align top
    render, note = scene.boxes["s_render"], scene.boxes["s_note"]
    assert note.y == render.bottom + 40  # column layout, gap 40


def test_an_arrow_ends_at_the_truck_back() -> None:
    scene = _example("a-trucks.yaml")
    shaft = next(p for p in scene.prims if p.owner == "load_server" and p.shape == "line")
    truck = scene.boxes["server_truck"]
    assert shaft.points[0] == scene.boxes["src"].point("e")
    head = next(p for p in scene.prims if p.owner == "load_server" and p.shape == "polygon")
    assert head.points[0][0] == truck.x  # the tip touches the back of the cargo box


def test_warnings_are_located() -> None:
    diagnostics = Diagnostics()
    text = (
        "deckgen: 1\nitems:\n  w: {kind: warehouse, shelves: [[a, b]]}\n"
        "  t: {kind: truck, at: [1800, 900], cargo: [a, zz]}\n"
        "  c: {kind: tool, label: averyveryverylongtoolname, size: [80, 50]}\n"
        "  h: {kind: box}\nsteps:\n  - hide: [h]\n"
    )
    _scene(text, diagnostics)
    messages = [str(w) for w in diagnostics.sorted()]
    assert "x.yaml:4:3: truck 't' reaches outside the canvas (1920x1080)" in messages
    assert "x.yaml:4:44: cargo 'zz' of truck 't' is on no warehouse shelf" in messages
    chip = "x.yaml:5:26: label 'averyveryverylongtoolname' is wider than its chip (80 px)"
    assert any(m.startswith(chip) for m in messages)
    assert "x.yaml:6:3: box 'h' is never visible in any step" in messages


def test_layout_is_the_same_in_every_step() -> None:
    scene = _example("b-job-sites.yaml")
    assert len(scene.steps) == 4
    assert all(p.owner for p in scene.prims)  # one display list; steps only filter it
