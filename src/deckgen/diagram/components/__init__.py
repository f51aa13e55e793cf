"""Components: one per kind, each sizing itself and turning its item into display primitives."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from deckgen.diagram.components import fence, person, primitives, site, truck, warehouse
from deckgen.diagram.components.base import Ctx, Drawn
from deckgen.diagram.display import Box, Prim, compass_anchors
from deckgen.diagram.spec import Item

SizeFn = Callable[[Item, Ctx], tuple[float, float]]
DrawFn = Callable[[Item, Box, Ctx], Drawn]


@dataclass(frozen=True, slots=True)
class Component:
    natural_size: SizeFn
    draw: DrawFn


def _no_size(item: Item, ctx: Ctx) -> tuple[float, float]:
    return (1.0, 1.0)


COMPONENTS: dict[str, Component] = {
    "warehouse": Component(warehouse.natural_size, warehouse.draw),
    "truck": Component(truck.natural_size, truck.draw),
    "site": Component(site.natural_size, site.draw),
    "fence": Component(fence.natural_size, fence.draw),
    "person": Component(person.natural_size, person.draw),
    "tool": Component(primitives.tool_size, primitives.draw_tool),
    "box": Component(primitives.box_size, primitives.draw_box),
    "ellipse": Component(primitives.box_size, primitives.draw_ellipse),
    "polygon": Component(primitives.polygon_size, primitives.draw_polygon),
    "label": Component(primitives.label_size, primitives.draw_label),
    "image": Component(_no_size, primitives.draw_image),
    "group": Component(_no_size, primitives.draw_frame),
}


def natural_size(item: Item, ctx: Ctx) -> tuple[float, float]:
    """Explicit `size`, else what the component asks for."""
    given = item.get("size")
    if given is not None:
        return (float(given[0]), float(given[1]))
    component = COMPONENTS.get(item.kind)
    return component.natural_size(item, ctx) if component else (100.0, 100.0)


def draw_item(item: Item, box: Box, ctx: Ctx) -> Drawn:
    """Built-in kinds draw themselves; a symbol instance draws its primitives in its own box."""
    component = COMPONENTS.get(item.kind)
    if component is not None:
        return component.draw(item, box, ctx)
    prims: list[Prim] = []
    for part in item.draw:
        at = part.get("at", (0.0, 0.0))
        size = natural_size(part, ctx)
        part_box = Box(box.x + at[0], box.y + at[1], size[0], size[1])
        owned = COMPONENTS[part.kind].draw(part, part_box, ctx).prims
        prims += [_own(p, item.id) for p in owned]
    return Drawn(tuple(prims), compass_anchors(box))


def _own(prim: Prim, owner: str) -> Prim:
    return replace(prim, owner=owner, part=owner)
