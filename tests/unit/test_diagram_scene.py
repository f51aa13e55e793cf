"""Scenes: layout once, cumulative steps, emphasis, anchors, and located warnings."""

from __future__ import annotations

from pathlib import Path

import pytest

from deckgen.diagram.display import Prim, prim_bounds
from deckgen.diagram.scene import Scene, build_scene
from deckgen.diagram.spec import load_spec
from deckgen.errors import Diagnostics, DiagramSpecError
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
    assert [sorted(s.visible) for s in scene.steps] == [
        ["caption", "src"],
        ["caption", "load_server", "server_truck", "src"],
        ["caption", "client_truck", "load_client", "load_server", "server_truck", "src"],
        ["caption", "client_truck", "load_client", "load_server", "server_truck", "src"],
    ]
    assert [s.caption for s in scene.steps] == [  # a caption carries forward
        "Everything starts in one warehouse of tools",
        "Everything starts in one warehouse of tools",
        "Everything starts in one warehouse of tools",
        "Same tool, packed into both trucks",
    ]
    assert [s.notes for s in scene.steps] == [
        "",
        "",
        "",
        "Pause here: this is the isomorphic-code idea.",
    ]


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
    assert [str(w) for w in diagnostics.sorted()] == [
        "x.yaml:4:3: truck 't' reaches outside the canvas (1920x1080)",
        "x.yaml:4:44: cargo 'zz' of truck 't' is on no warehouse shelf",
        "x.yaml:5:26: label 'averyveryverylongtoolname' is wider than its chip (80 px)"
        " even at 58 px",
        "x.yaml:6:3: box 'h' is never visible in any step",
    ]


def test_layout_is_the_same_in_every_step() -> None:
    scene = _example("b-job-sites.yaml")
    # one display list holding every item, laid out once; each step only picks what it shows
    assert {p.owner for p in scene.prims} == {"browser", "request", "response", "server", "vetting"}
    assert [sorted(s.visible) for s in scene.steps] == [
        ["browser", "server"],
        ["browser", "request", "server"],
        ["browser", "request", "server", "vetting"],
        ["browser", "request", "response", "server", "vetting"],
    ]
    assert [s.emphasis for s in scene.steps] == [set(), set(), {"server.gate", "vetting"}, set()]


def test_a_font_landing_under_20_pt_is_raised_once_with_a_located_warning() -> None:
    diagnostics = Diagnostics()
    text = (
        "deckgen: 1\nstyles:\n  tiny: {font: {size: 20}}\nitems:\n"
        "  a: {kind: label, text: hi, font: {size: 18}}\n"
        "  b: {kind: box, style: tiny, label: hi}\n"
        "  c: {kind: label, at: [0, 900], text: ok, font: {size: 90}}\n"
    )
    scene = _scene(text, diagnostics)
    floor = min(p.size for p in scene.prims if p.shape == "text")
    assert floor * scene.pt_per_px == pytest.approx(20.25)
    assert [str(w) for w in diagnostics.sorted()] == [
        f"x.yaml:3:23: font size 20 px would be {20 * scene.pt_per_px:.1f} pt on the slide, "
        f"under 20 pt; drawn at {floor:.0f} px",
        f"x.yaml:5:43: font size 18 px would be {18 * scene.pt_per_px:.1f} pt on the slide, "
        f"under 20 pt; drawn at {floor:.0f} px",
    ]
    sizes = {p.owner: p.size for p in scene.prims if p.shape == "text"}
    assert sizes == {"a": floor, "b": floor, "c": 90}


def test_default_text_is_40_px_and_signs_48() -> None:
    text = (
        "deckgen: 1\nitems:\n"
        "  l: {kind: label, text: note}\n"
        "  s: {kind: site, label: Server, gate: {side: s, label: gate}}\n"
        "  g: {kind: group, at: [900, 0], frame: {label: Edge}, children: {x: {kind: box}}}\n"
        "  a: {kind: arrow, from: l, to: g, label: request}\n"
    )
    texts = {(p.owner, p.text): p.size for p in _scene(text).prims if p.shape == "text"}
    assert texts[("l", "note")] == 40
    assert texts[("s", "Server")] == 48
    assert texts[("s", "gate")] == 40
    assert texts[("g", "Edge")] == 40
    assert texts[("a", "request")] == 40


def test_a_filled_label_is_padded_in_proportion_to_its_font() -> None:
    text = (
        "deckgen: 1\nitems:\n  a: {kind: label, text: hi, fill: yellow, font: {size: 80}}\n"
        "  b: {kind: label, text: hi, fill: yellow, at: [0, 400]}\n"
    )
    scene = _scene(text)
    for item, size in (("a", 80), ("b", 40)):
        (background,) = (p for p in scene.prims if p.owner == item and p.shape == "rect")
        box = scene.boxes[item]
        assert box.x - background.points[0][0] == 0.45 * size
        assert box.y - background.points[0][1] == 0.2 * size


def test_a_step_opens_a_gate_and_only_a_gate() -> None:
    scene = _example("site.yaml")
    assert [s.open for s in scene.steps] == [frozenset(), frozenset({"server"})]
    leaves = {p.part for p in scene.prims if p.owner == "server" and ".gate." in p.part}
    assert leaves == {"server.gate.shut", "server.gate.open"}  # the step picks one to draw


def test_opening_what_has_no_gate_is_an_error_at_the_step() -> None:
    text = (
        (EXAMPLES / "site.yaml")
        .read_text("utf-8")
        .replace("open: [server.gate]", "open: [browser]")
    )
    with pytest.raises(DiagramSpecError, match="'open' names site 'browser', which has no gate"):
        load_spec(text, "site.yaml")


@pytest.mark.parametrize("count", [1, 3, 6, 7, 12])
def test_people_in_a_site_never_overlap(count: int) -> None:
    text = (EXAMPLES / "site.yaml").read_text("utf-8")
    text = text.replace("count: 6, colors", f"count: {count}, colors")
    scene = build_scene(load_spec(text, "site.yaml"), _theme(), Diagnostics())
    torsos = [
        p
        for p in scene.prims
        if p.part == "browser.people" and p.shape == "rect" and p.fill != "F0E442"
    ]
    assert len(torsos) == count
    room = scene.boxes["browser"]
    for i, a in enumerate(torsos):
        (ax0, ay0), (ax1, ay1) = a.points
        h = (ay1 - ay0) / 0.34  # a torso is 0.34 of its figure's height, 0.6 of it wide
        assert room.x <= ax0 - 0.15 * h and ax1 + 0.15 * h <= room.right
        for b in torsos[i + 1 :]:
            (bx0, by0), _ = b.points
            apart_x, apart_y = abs(bx0 - ax0) >= 0.6 * h, abs(by0 - ay0) >= h
            assert apart_x or apart_y, "two people overlap"


@pytest.mark.parametrize("name", ["warehouse.yaml", "truck.yaml", "tool.yaml", "a-trucks.yaml"])
def test_nothing_is_drawn_over_a_chip(name: str) -> None:
    """A tool's or a cargo's chip is drawn after, and clear of, every other part of its item."""
    scene = _example(name)
    chips = [
        (i, prim_bounds(p))
        for i, p in enumerate(scene.prims)
        if p.shape == "rect"
        and (".tools." in p.part or ".cargo." in p.part or p.part == p.owner)
        and scene.boxes.get(p.owner) is not None
        and _is_chip(scene, p)
    ]
    assert chips
    for i, box in chips:
        owner = scene.prims[i].owner
        for later in scene.prims[i + 1 :]:
            if later.owner != owner or later.part == scene.prims[i].part:
                continue
            other = prim_bounds(later)
            inside = min(box.right, other.right) - max(box.x, other.x) > 1 and (
                min(box.bottom, other.bottom) - max(box.y, other.y) > 1
            )
            assert not inside, f"{later.part} is drawn over the chip {scene.prims[i].part}"


def _is_chip(scene: Scene, prim: Prim) -> bool:
    """A chip is a rect followed by its own text."""
    index = scene.prims.index(prim)
    after = scene.prims[index + 1 : index + 2]
    return bool(after) and after[0].shape == "text" and after[0].part == prim.part


def test_every_truck_is_as_long_unless_sized() -> None:
    scene = _example("truck.yaml")
    assert scene.boxes["right"].w == scene.boxes["left"].w == 760  # four chips and three
    spec = "deckgen: 1\nitems:\n  t: {kind: truck, at: [100, 100], size: [600, 300], cargo: [a]}\n"
    assert build_scene(load_spec(spec, "x.yaml"), _theme(), Diagnostics()).boxes["t"].w == 600


def test_the_warehouse_is_wide_and_the_same_on_both_slides_of_the_talk() -> None:
    talk = Path(__file__).parents[2] / "diagrams"
    boxes = [
        build_scene(load_spec((talk / n).read_text("utf-8"), n), _theme(), Diagnostics()).boxes[
            "src"
        ]
        for n in ("trucks.yaml", "warehouse.yaml")
    ]
    assert (boxes[0].w, boxes[0].h) == (boxes[1].w, boxes[1].h)
    assert boxes[0].w >= 1.45 * boxes[0].h
