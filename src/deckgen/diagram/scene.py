"""DiagramSpec + Theme -> Scene: one display list laid out once, and what each step shows."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from itertools import pairwise

from deckgen.diagram.components.base import FLOOR_PX, Ctx
from deckgen.diagram.display import Box, Prim, prim_bounds
from deckgen.diagram.frame import TEXT_FLOOR_PT, Frame, floor_px, slide_frame
from deckgen.diagram.layout import Layout
from deckgen.diagram.limits import MAX_SHAPES
from deckgen.diagram.lint import lint
from deckgen.diagram.spec import DiagramSpec, Item, Step
from deckgen.errors import Diagnostics, DiagramSpecError, SourceLocation
from deckgen.fonts import text_width
from deckgen.theme import Theme

CROP_MARGIN = 48.0  # logical px kept around the content when a picture is cropped


@dataclass(frozen=True, slots=True)
class SceneStep:
    number: int  # 1-based
    visible: frozenset[str]  # item ids drawn in this step
    emphasis: frozenset[str]  # parts drawn at full strength; empty = nothing dimmed
    caption: str = ""
    notes: str = ""
    smallest: float = 0.0  # the smallest text drawn, logical px (0: no text)
    open: frozenset[str] = frozenset()  # items whose gate is drawn open


@dataclass(frozen=True, slots=True)
class Scene:
    width: float
    height: float
    background: str  # what the picture is seen on (the slide, or its card): dimming fades to it
    prims: tuple[Prim, ...]
    steps: tuple[SceneStep, ...]
    boxes: Mapping[str, Box] = field(default_factory=dict)
    view: Box | None = None  # the part of the canvas rendered; None = all of it
    pt_per_px: float = 0.0  # points on the slide per logical px, in the frame it was sized for
    card: str | None = None  # the card's colour, drawn under everything; None: transparent

    @property
    def shown(self) -> Box:
        return self.view or Box(0, 0, self.width, self.height)


def build_scene(
    spec: DiagramSpec,
    theme: Theme,
    diagnostics: Diagnostics,
    base: str = ".",
    frame: Frame | None = None,
) -> Scene:
    """Lay out the final scene once; steps only toggle visibility, so nothing moves. Text is
    sized for `frame` (default: a lone diagram on a slide of the theme): first for the whole
    canvas filling it, then for the crop that layout gives, kept when its text still lands at
    20 pt or more (a crop is shown larger than the canvas, so its text may be smaller)."""
    frame = frame or slide_frame(theme)
    said = Diagnostics()
    scene = _sized_scene(spec, theme, said, base, frame, Box(0, 0, spec.width, spec.height))
    if spec.crop:
        tighter_said = Diagnostics()
        tighter = _sized_scene(spec, theme, tighter_said, base, frame, scene.shown)
        if landed_pt(tighter) >= TEXT_FLOOR_PT - 0.05:
            scene, said = tighter, tighter_said
    for warning in said.warnings:
        diagnostics.warn(warning.location, warning.message, warning.hint)
    return scene


def landed_pt(scene: Scene) -> float:
    """The smallest text of any step as it measures on the slide, in points (0: no text)."""
    sizes = [s.smallest for s in scene.steps if s.smallest]
    return min(sizes) * scene.pt_per_px if sizes else 0.0


def _sized_scene(
    spec: DiagramSpec, theme: Theme, diagnostics: Diagnostics, base: str, frame: Frame, basis: Box
) -> Scene:
    """The scene with its text sized for `basis` (a part of the canvas) filling `frame`."""
    scale = frame.scale(basis.w, basis.h)
    ctx = Ctx(theme, diagnostics, base, max(FLOOR_PX, floor_px(frame, basis.w, basis.h)), scale)
    layout = Layout(spec, ctx)
    prims: list[Prim] = []
    layout.place_all()
    for item in spec.items:
        prims += layout.draw(item.id).prims
    if layout.problems:
        raise DiagramSpecError.of(layout.problems)
    _check_budget(spec, prims)
    steps = _with_smallest(scene_steps(spec, layout), prims)
    lint(spec, layout, ctx, _together(steps))
    _warn_never_visible(spec, steps, diagnostics)
    # The picture is transparent: it sits on the slide like any other content, drawn in the
    # theme's ink. A card, when asked for, is the panel colour over the whole (shared) view.
    card = ctx.panel if spec.card else None
    background = card or theme.colors.background
    view = crop_box(spec, prims, steps) if spec.crop else None
    boxes = dict(layout.boxes)
    shown = view or Box(0, 0, spec.width, spec.height)
    pt = frame.scale(shown.w, shown.h)
    return Scene(spec.width, spec.height, background, tuple(prims), steps, boxes, view, pt, card)


def _with_smallest(steps: tuple[SceneStep, ...], prims: list[Prim]) -> tuple[SceneStep, ...]:
    """Each step with the size of the smallest text it draws."""
    texts = [p for p in prims if p.shape == "text" and p.text.strip()]

    def smallest(step: SceneStep) -> float:
        return min((p.size for p in texts if p.owner in step.visible), default=0.0)

    return tuple(replace(s, smallest=smallest(s)) for s in steps)


def _check_budget(spec: DiagramSpec, prims: list[Prim]) -> None:
    """At most MAX_SHAPES shapes and dashes, before any is drawn; else an error at the item
    that draws the most (a fine dash along a long path, a fence zigzagging to and fro)."""
    cost: dict[str, int] = {}
    for prim in prims:
        cost[prim.owner] = cost.get(prim.owner, 0) + 1 + _dash_count(prim)
    if sum(cost.values()) > MAX_SHAPES:
        item = spec.item(max(cost, key=lambda owner: cost[owner]))
        raise DiagramSpecError(
            f"too much to draw: more than {MAX_SHAPES} shapes and dashes, "
            f"most of them for {item.kind} '{item.id}'",
            item.where,
            "use longer dashes, a shorter path or fewer parts",
        )


def _dash_count(prim: Prim) -> int:
    """How many dashes a dashed line or rectangle is drawn as."""
    if not prim.dash or prim.stroke is None or prim.shape not in ("line", "rect"):
        return 0
    points = list(prim.points)
    if prim.shape == "rect":
        (x0, y0), (x1, y1) = points
        points = [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]
    length = sum(math.dist(a, b) for a, b in pairwise(points))
    pattern = prim.dash if len(prim.dash) % 2 == 0 else prim.dash * 2
    return math.ceil(length / sum(pattern)) * len(pattern) // 2


def crop_box(spec: DiagramSpec, prims: list[Prim], steps: tuple[SceneStep, ...]) -> Box:
    """What every step draws, together, plus a margin, within the canvas: all steps share one
    crop, so nothing moves between them."""
    shown = frozenset().union(*(s.visible for s in steps))
    canvas = Box(0, 0, spec.width, spec.height)
    bounds = [_drawn_bounds(p) for p in prims if p.owner in shown]
    if not bounds:
        return canvas
    content = bounds[0]
    for box in bounds[1:]:
        content = content.union(box)
    x0, y0 = max(content.x - CROP_MARGIN, 0.0), max(content.y - CROP_MARGIN, 0.0)
    x1 = min(content.right + CROP_MARGIN, spec.width)
    y1 = min(content.bottom + CROP_MARGIN, spec.height)
    return Box(x0, y0, max(x1 - x0, 1.0), max(y1 - y0, 1.0))


def _drawn_bounds(prim: Prim) -> Box:
    """A primitive's extent; text is measured with the font it is drawn with."""
    if prim.shape != "text":
        return prim_bounds(prim)
    w, h = text_width(prim.text, prim.family, prim.size, prim.bold), 1.2 * prim.size
    (x, y), ax, ay = prim.points[0], prim.align[0], prim.align[1]
    left = {"l": x, "r": x - w}.get(ax, x - w / 2)
    top = {"t": y, "a": y, "b": y - h, "d": y - h}.get(ay, y - h / 2)
    return Box(left, top, w, h)


def scene_steps(spec: DiagramSpec, layout: Layout) -> tuple[SceneStep, ...]:
    steps = spec.steps or (Step(1, SourceLocation(spec.path)),)
    own = _own_visibility(spec, steps)
    out = []
    caption = ""
    for index, step in enumerate(steps):
        visible = frozenset(i.id for i in spec.items if _shown(spec, i, own, index))
        caption = step.caption or caption
        emphasis = frozenset(
            k for ref in step.emphasize for k in _emphasis_keys(spec, layout, ref.text)
        )
        opened = frozenset(r.text.partition(".")[0] for r in step.open) | _open_gates(spec)
        out.append(SceneStep(step.number, visible, emphasis, caption, step.notes, open=opened))
    return tuple(out)


def _open_gates(spec: DiagramSpec) -> frozenset[str]:
    """The items whose gate is open in every step (`gate: {open: true}`, `gate_open: true`)."""
    return frozenset(
        i.id for i in spec.items if (i.get("gate") or {}).get("open") or i.get("gate_open")
    )


def _own_visibility(spec: DiagramSpec, steps: tuple[Step, ...]) -> dict[str, list[bool]]:
    """Per item, whether it is switched on in each step (before its parents are considered)."""
    shown_later = {r.text for s in steps for r in s.show}
    state = {i.id: i.id not in shown_later for i in spec.items}
    table: dict[str, list[bool]] = {i.id: [] for i in spec.items}
    for index, step in enumerate(steps, 1):
        for ref in step.hide:
            state[ref.text] = False
        for ref in step.show:
            state[ref.text] = True
        for item in spec.items:
            table[item.id].append(_ranged(item, index, state[item.id]))
    return table


def _ranged(item: Item, index: int, default: bool) -> bool:
    if "step" in item.props:
        return bool(index >= item.props["step"])
    if "visible" in item.props:
        first, last = item.props["visible"]
        return bool(first <= index and (last == 0 or index <= last))
    return default


def _shown(spec: DiagramSpec, item: Item, own: dict[str, list[bool]], index: int) -> bool:
    while True:
        if not own[item.id][index]:
            return False
        if item.parent is None:
            return True
        item = spec.item(item.parent)


def _emphasis_keys(spec: DiagramSpec, layout: Layout, ref: str) -> list[str]:
    item_id, _, anchor = ref.partition(".")
    if anchor and anchor in layout.draw(item_id).parts:
        return [ref]
    keys = [item_id]
    for child in spec.item(item_id).children:
        keys += _emphasis_keys(spec, layout, child)
    return keys


def _together(steps: tuple[SceneStep, ...]) -> set[frozenset[str]]:
    """Every pair of items some step shows at once."""
    return {frozenset((a, b)) for s in steps for a in s.visible for b in s.visible if a != b}


def _warn_never_visible(
    spec: DiagramSpec, steps: tuple[SceneStep, ...], diagnostics: Diagnostics
) -> None:
    for item in spec.items:
        if not any(item.id in s.visible for s in steps):
            diagnostics.warn(item.where, f"{item.kind} '{item.id}' is never visible in any step")
