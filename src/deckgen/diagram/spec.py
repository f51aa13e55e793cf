"""Diagram spec YAML -> a validated, frozen DiagramSpec; every problem located, all at once."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from deckgen.diagram.fields import (
    INVALID,
    PALETTE_NAMES,
    Checker,
    boolean,
    check_fields,
    list_of,
    mapping,
    one_of,
    show,
    text,
    within,
)
from deckgen.diagram.limits import CANVAS_HEIGHT, CANVAS_WIDTH, MAX_PARTS
from deckgen.errors import DiagramSpecError, Problem, SourceLocation
from deckgen.yamlfile import LocDict, LocList, Mark, load_yaml

FORMAT_VERSION = 1
TOP_FIELDS = ("deckgen", "canvas", "theme", "styles", "symbols", "items", "steps")
STEP_FIELDS = ("show", "hide", "emphasize", "open", "caption", "notes")
CANVAS = mapping(
    {
        "width": within(CANVAS_WIDTH),
        "height": within(CANVAS_HEIGHT),
        "crop": boolean,
        "card": boolean,
    }
)
THEMES = ("okabe-ito",)


@dataclass(frozen=True, slots=True)
class Font:
    family: str | None = None  # "sans" or "mono"
    size: float | None = None  # px on the logical canvas
    weight: str | None = None  # "normal" or "bold"
    size_at: SourceLocation | None = field(default=None, compare=False)  # where `size` was set


@dataclass(frozen=True, slots=True)
class Style:
    """Look of an item; None means 'not set here' so styles can cascade."""

    fill: str | None = None
    stroke: str | None = None
    stroke_width: float | None = None
    dash: tuple[float, ...] | None = None
    radius: float | None = None
    opacity: float | None = None
    font: Font | None = None
    color: str | None = None
    heads: str | None = None

    def over(self, base: Style) -> Style:
        """This style laid over `base`: fields set here win, fonts merge field by field."""
        changes = {f.name: getattr(self, f.name) for f in fields(self)}
        merged = {k: v for k, v in changes.items() if v is not None and k != "font"}
        if self.font is not None:
            merged["font"] = merge_font(self.font, base.font)
        return replace(base, **merged)


def merge_font(top: Font, base: Font | None) -> Font:
    """`top`'s fields over `base`'s."""
    if base is None:
        return top
    size, size_at = (top.size, top.size_at) if top.size else (base.size, base.size_at)
    return Font(top.family or base.family, size, top.weight or base.weight, size_at)


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference to an item or one of its anchors/parts: `server`, `server.gate`."""

    text: str
    where: SourceLocation

    @property
    def item(self) -> str:
        return self.text.split(".", 1)[0]

    @property
    def anchor(self) -> str:
        return self.text.split(".", 1)[1] if "." in self.text else ""


@dataclass(frozen=True, slots=True)
class Item:
    """One item of the scene; `props` holds its checked kind-specific fields."""

    id: str
    kind: str
    where: SourceLocation
    style: Style
    props: Mapping[str, Any]
    marks: Mapping[str, SourceLocation]
    parent: str | None = None
    children: tuple[str, ...] = ()
    draw: tuple[Item, ...] = ()  # a symbol's primitives, in the symbol's own coordinates

    def get(self, name: str, default: Any = None) -> Any:
        return self.props.get(name, default)

    def mark(self, name: str) -> SourceLocation:
        return self.marks.get(name, self.where)


@dataclass(frozen=True, slots=True)
class Step:
    number: int
    where: SourceLocation
    show: tuple[Ref, ...] = ()
    hide: tuple[Ref, ...] = ()
    emphasize: tuple[Ref, ...] = ()
    open: tuple[Ref, ...] = ()  # the sites and fences whose gate is open in this step
    caption: str = ""
    notes: str = ""


@dataclass(frozen=True, slots=True)
class DiagramSpec:
    path: str
    width: float
    height: float
    items: tuple[Item, ...]  # drawing order: a group, then its children
    steps: tuple[Step, ...]
    by_id: Mapping[str, Item] = field(default_factory=dict)
    crop: bool = True  # crop the rendered PNG to the content of all steps
    card: bool = False  # draw on a card (the theme's panel colour) rather than on the slide

    def item(self, item_id: str) -> Item:
        return self.by_id[item_id]


def load_spec(text_: str, path: str, palette: Iterable[str] = PALETTE_NAMES) -> DiagramSpec:
    """Parse and check a spec; raises DiagramSpecError listing every problem found."""
    from deckgen.diagram.items import ItemParser
    from deckgen.diagram.refs import check_refs

    c = Checker(path, palette)
    data = load_yaml(text_, path, error=DiagramSpecError, soft=c.problems)
    if not isinstance(data, LocDict):
        raise DiagramSpecError("a diagram spec is a YAML mapping", SourceLocation(path, 1, 1))
    top = check_fields(c, data, TOP_FIELDS, "the spec")
    _check_version(c, data)
    width, height, crop, card = _canvas(c, top)
    if "theme" in top:
        one_of(*THEMES)(c, *top["theme"], "theme")
    parser = ItemParser(c, top)
    items = parser.parse_items()
    by_id = {item.id: item for item in items}
    steps = _steps(c, top.get("steps"))
    check_refs(c, by_id, steps)
    if c.problems:
        raise DiagramSpecError.of(sorted(c.problems, key=_place))
    return DiagramSpec(path, width, height, tuple(items), steps, by_id, crop, card)


def _place(problem: Problem) -> tuple[int, int]:
    where = problem.location
    return (where.line, where.col) if where else (0, 0)


def _check_version(c: Checker, data: LocDict) -> None:
    if "deckgen" not in data:
        c.error(data.mark, "missing 'deckgen: 1' (the spec format version)")
    elif data["deckgen"] != FORMAT_VERSION or isinstance(data["deckgen"], bool):
        c.error(
            data.value_marks["deckgen"],
            f"unsupported format version {show(data['deckgen'])}: this deckgen reads 'deckgen: 1'",
        )


def _canvas(c: Checker, top: dict[str, tuple[Any, Mark]]) -> tuple[float, float, bool, bool]:
    canvas = CANVAS(c, *top["canvas"], "canvas") if "canvas" in top else {}
    if canvas is INVALID:
        canvas = {}
    return (
        canvas.get("width", 1920.0),
        canvas.get("height", 1080.0),
        canvas.get("crop", True),
        canvas.get("card", False),
    )


def _steps(c: Checker, given: tuple[Any, Mark] | None) -> tuple[Step, ...]:
    if given is None:
        return ()
    value, mark = given
    if not isinstance(value, LocList):
        c.error(mark, "'steps' needs a list of steps")
        return ()
    if len(value) > MAX_PARTS:
        c.error(mark, f"'steps' needs at most {MAX_PARTS} items, got {len(value)}")
        return ()
    return tuple(
        _step(c, n, v, m) for n, (v, m) in enumerate(zip(value, value.item_marks, strict=True), 1)
    )


def _step(c: Checker, number: int, data: Any, mark: Mark) -> Step:
    if not isinstance(data, LocDict):
        c.error(mark, f"step {number} needs a mapping (show, hide, emphasize, caption, notes)")
        return Step(number, c.at(mark))
    known = check_fields(c, data, STEP_FIELDS, f"step {number}")
    out: dict[str, Any] = {}
    for name in ("show", "hide", "emphasize", "open"):
        if name in known:
            out[name] = _refs(c, *known[name], name)
    for name in ("caption", "notes"):
        if name in known:
            checked = text(c, *known[name], name)
            out[name] = "" if checked is INVALID else checked
    return Step(number, c.at(mark), **out)


def _refs(c: Checker, value: Any, mark: Mark, name: str) -> tuple[Ref, ...]:
    if isinstance(value, str):
        return (Ref(value, c.at(mark)),)
    checked = list_of(text)(c, value, mark, name)
    if checked is INVALID:
        return ()
    return tuple(Ref(t, c.at(m)) for t, m in zip(checked, value.item_marks, strict=True))
