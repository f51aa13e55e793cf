"""Cross-references in a spec (place targets, arrow ends, step targets) -> located problems."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from deckgen.diagram.fields import Checker, show
from deckgen.diagram.kinds import COMPASS, LINKS, PLACE_RELATIONS, SEMANTIC_ANCHORS
from deckgen.diagram.spec import Item, Ref, Step
from deckgen.errors import SourceLocation, did_you_mean

ATTACH_HINT = "arrows and lines attach to items, not to arrows or lines"


def anchors_for(item: Item) -> tuple[str, ...]:
    """Every anchor name an item answers to: compass points, semantic ones, named parts."""
    names = list(COMPASS) + list(SEMANTIC_ANCHORS.get(item.kind, ()))
    if item.kind == "warehouse":
        names += [f"tools.{t}" for row in item.get("shelves", ()) for t, _ in row]
    if item.kind == "truck":
        names += [f"cargo.{t}" for t, _ in item.get("cargo", ())]
    return tuple(dict.fromkeys(names))


def check_refs(c: Checker, by_id: Mapping[str, Item], steps: tuple[Step, ...]) -> None:
    for item in by_id.values():
        _check_place(c, by_id, item)
        if item.kind in LINKS:
            for end in ("from", "to"):
                if end in item.props:
                    _check_end(c, by_id, Ref(item.props[end], item.mark(end)), end)
        _check_step_field(c, item, len(steps))
    _check_cycles(c, by_id)
    for step in steps:
        for name, refs in (("show", step.show), ("hide", step.hide)):
            for ref in refs:
                _check_id(c, by_id, ref, name)
        for ref in step.emphasize:
            check_ref(c, by_id, ref, "emphasize")
        for ref in step.open:
            _check_gate(c, by_id, ref)


def _error(c: Checker, where: SourceLocation, message: str, hint: str | None = None) -> None:
    c.error((where.line, where.col), message, hint)


def _check_id(c: Checker, by_id: Mapping[str, Item], ref: Ref, field: str) -> None:
    if "." in ref.text and ref.item in by_id:
        _error(
            c,
            ref.where,
            f"'{field}' takes item ids, not anchors: '{ref.text}'",
            f"use '{ref.item}'",
        )
    elif ref.text not in by_id and ref.text not in c.broken:
        hint = did_you_mean(ref.text, by_id)
        _error(c, ref.where, f"unknown item {show(ref.text)} in '{field}'", hint)


def check_ref(c: Checker, by_id: Mapping[str, Item], ref: Ref, field: str) -> bool:
    """An `id` or `id.anchor` reference; reports an unknown id or anchor. True when valid.
    An item already reported as broken is not valid, and not reported again."""
    if ref.item not in by_id:
        if ref.item not in c.broken:
            hint = did_you_mean(ref.item, by_id)
            _error(c, ref.where, f"unknown item {show(ref.item)} in '{field}'", hint)
        return False
    if not ref.anchor:
        return True
    item = by_id[ref.item]
    valid = anchors_for(item)
    if ref.anchor in valid:
        return True
    close = did_you_mean(ref.anchor, valid)
    listing = f"anchors of {item.kind} '{item.id}': {', '.join(valid)}"
    hint = f"{close} {listing}" if close else listing
    _error(c, ref.where, f"unknown anchor {show(ref.anchor)} on {item.kind} '{item.id}'", hint)
    return False


def _check_end(c: Checker, by_id: Mapping[str, Item], ref: Ref, end: str) -> None:
    """An arrow's end: an item or its anchor, never an arrow (whose route would need its own)."""
    if check_ref(c, by_id, ref, end):
        target = by_id[ref.item]
        if target.kind in LINKS:
            message = f"'{end}' cannot attach to {target.kind} '{target.id}'"
            _error(c, ref.where, message, ATTACH_HINT)


def _check_place(c: Checker, by_id: Mapping[str, Item], item: Item) -> None:
    place = item.get("place")
    if not place:
        return
    for relation in PLACE_RELATIONS:
        if relation not in place:
            continue
        ref = Ref(place[relation], item.mark("place"))
        if not check_ref(c, by_id, ref, f"place.{relation}"):
            continue
        target = by_id[ref.item]
        if target.kind in LINKS or target.id == item.id:
            what = "an arrow" if target.kind in LINKS else "itself"
            _error(c, ref.where, f"'{item.id}' cannot be placed relative to {what}")
        elif ref.anchor and relation != "near":
            _error(c, ref.where, f"'{relation}' takes an item id; use 'near' for an anchor")


def _check_step_field(c: Checker, item: Item, count: int) -> None:
    total = max(count, 1)
    first = item.get("step") or (item.get("visible") or (None,))[0]
    name = "step" if "step" in item.props else "visible"
    if first is not None and not 1 <= first <= total:
        message = f"'{name}' names step {show(first)} but the spec has {total} step(s)"
        _error(c, item.mark(name), message)


def placed_by(item: Item, by_id: Mapping[str, Item]) -> Iterator[tuple[str, str]]:
    """What an item's position follows, as (how, id): its `place` target and its group.
    Targets that cannot place (unknown, itself, an arrow) are reported elsewhere and left out."""
    place = item.get("place") or {}
    for relation in PLACE_RELATIONS:
        if relation in place:
            target = by_id.get(Ref(place[relation], item.where).item)
            if target is not None and target.id != item.id and target.kind not in LINKS:
                yield relation, target.id
    if item.parent is not None:
        yield "inside", item.parent


def _check_cycles(c: Checker, by_id: Mapping[str, Item]) -> None:
    """Each placement cycle once, at the first of its items (in spec order) that has `place`."""
    reported: set[str] = set()
    for item in by_id.values():
        if "place" not in item.props or item.id in reported:
            continue
        loop = _loop_back(item, by_id)
        if loop:
            reported.update(target for _, _, target in loop)
            how = ", ".join(f"{source} {relation} {target}" for source, relation, target in loop)
            message = f"the placement of '{item.id}' depends on itself ({how})"
            _error(c, item.mark("place"), message)


def _loop_back(start: Item, by_id: Mapping[str, Item]) -> list[tuple[str, str, str]]:
    """The steps of a path from `start` back to itself along `placed_by`, or [] if none:
    breadth first, so the shortest; each item visited once, so linear in the spec."""
    came_from: dict[str, tuple[str, str]] = {}
    queue = [start.id]
    for current in queue:
        for relation, target in placed_by(by_id[current], by_id):
            if target == start.id:
                return [*_path(came_from, current, start.id), (current, relation, target)]
            if target not in came_from:
                came_from[target] = (current, relation)
                queue.append(target)
    return []


def _path(
    came_from: dict[str, tuple[str, str]], end: str, start: str
) -> list[tuple[str, str, str]]:
    steps = []
    while end != start:
        source, relation = came_from[end]
        steps.append((source, relation, end))
        end = source
    return steps[::-1]


def _check_gate(c: Checker, by_id: Mapping[str, Item], ref: Ref) -> None:
    """A step's `open` names a fenced site or a fence with a gate (`server` or `server.gate`)."""
    item_id, _, anchor = ref.text.partition(".")
    _check_id(c, by_id, Ref(item_id, ref.where), "open")
    item = by_id.get(item_id)
    if item is None:
        return
    gated = (item.kind == "site" and item.get("fenced", True) and item.get("gate")) or (
        item.kind == "fence" and "gate_at" in item.props
    )
    if not gated or anchor not in ("", "gate"):
        _error(c, ref.where, f"'open' names {item.kind} '{item_id}', which has no gate to open",
               "name a fenced site with a gate, or a fence with gate_at")  # fmt: skip
