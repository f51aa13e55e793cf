"""Which PowerPoint layout each slide uses, and which of its placeholders each frame fills, so
the slide's title and body text are what PowerPoint's outline view and "Reset slide" see."""

from __future__ import annotations

from dataclasses import replace

from deckgen.placed import Layout, Picture, Shape, Slot, TextFrame

_STRUCTURAL: dict[str, tuple[Layout, str]] = {
    "title": ("Title Slide", "subtitle"),
    "section": ("Section Header", "body"),
    "closing": ("Title Slide", "body"),  # a centred title, and its lines in the subtitle
}


def arrange(kind: str, titled: bool, shapes: tuple[Shape, ...]) -> tuple[Layout, tuple[Shape, ...]]:
    """The slide's layout, and its shapes with their slots filled in."""
    if kind in _STRUCTURAL:
        layout, role = _STRUCTURAL[kind]
        return layout, _first(shapes, role, "body")
    content = [s for s in shapes if not _aside(s)]
    if _picture_alone(content):
        shapes = _fill(shapes, {id(content[0]): "picture"})
        return "Picture with Caption", _first(shapes, "caption", "caption")
    sides = [s for s in content if isinstance(s, TextFrame) and s.slot in ("left", "right")]
    heads = [s for s in content if isinstance(s, TextFrame) and s.slot.endswith("-head")]
    others = [s for s in content if isinstance(s, TextFrame) and s.role == "body" and not s.slot]
    if len(sides) == 2 and not others:
        return ("Comparison" if heads else "Two Content"), shapes
    shapes = tuple(_unslotted(s) for s in shapes)
    if any(isinstance(s, TextFrame) and s.role == "body" for s in content):
        return "Title and Content", _first(shapes, "body", "body")
    return ("Title Only" if titled else "Blank"), shapes


def _aside(shape: Shape) -> bool:
    """Footers and background pictures: on every slide, not part of what the slide says."""
    if isinstance(shape, TextFrame):
        return shape.role in ("footer", "header")
    return isinstance(shape, Picture) and shape.behind


def _picture_alone(content: list[Shape]) -> bool:
    if not content or not isinstance(content[0], Picture):
        return False
    rest = content[1:]
    return not rest or (
        len(rest) == 1 and isinstance(rest[0], TextFrame) and rest[0].role == "caption"
    )


def _first(shapes: tuple[Shape, ...], role: str, slot: Slot) -> tuple[Shape, ...]:
    """The shapes, the first text frame of `role` filling `slot`."""
    for shape in shapes:
        if isinstance(shape, TextFrame) and shape.role == role:
            return _fill(shapes, {id(shape): slot})
    return shapes


def _fill(shapes: tuple[Shape, ...], slots: dict[int, Slot]) -> tuple[Shape, ...]:
    return tuple(
        replace(s, slot=slots[id(s)])
        if id(s) in slots and isinstance(s, (TextFrame, Picture))
        else s
        for s in shapes
    )


def _unslotted(shape: Shape) -> Shape:
    if isinstance(shape, TextFrame) and shape.slot:
        return replace(shape, slot="")
    return shape
