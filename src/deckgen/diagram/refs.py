"""Cross-references in a spec (place targets, arrow ends, step targets) -> located problems."""

from __future__ import annotations

from collections.abc import Mapping

from deckgen.diagram.fields import Checker
from deckgen.diagram.kinds import COMPASS, LINKS, PLACE_RELATIONS, SEMANTIC_ANCHORS
from deckgen.diagram.spec import Item, Ref, Step
from deckgen.errors import SourceLocation, did_you_mean


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
                    check_ref(c, by_id, Ref(item.props[end], item.mark(end)), end)
        _check_step_field(c, item, len(steps))
    for step in steps:
        for name, refs in (("show", step.show), ("hide", step.hide)):
            for ref in refs:
                _check_id(c, by_id, ref, name)
        for ref in step.emphasize:
            check_ref(c, by_id, ref, "emphasize")


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
    elif ref.text not in by_id:
        hint = did_you_mean(ref.text, by_id)
        _error(c, ref.where, f"unknown item '{ref.text}' in '{field}'", hint)


def check_ref(c: Checker, by_id: Mapping[str, Item], ref: Ref, field: str) -> bool:
    """An `id` or `id.anchor` reference; reports an unknown id or anchor. True when valid."""
    if ref.item not in by_id:
        hint = did_you_mean(ref.item, by_id)
        _error(c, ref.where, f"unknown item '{ref.item}' in '{field}'", hint)
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
    _error(c, ref.where, f"unknown anchor '{ref.anchor}' on {item.kind} '{item.id}'", hint)
    return False


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
        _error(c, item.mark(name), f"'{name}' names step {first} but the spec has {total} step(s)")
