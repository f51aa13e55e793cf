"""Which of a template's layouts deckgen uses for each of its own: by the front matter's
`layouts:` name, PowerPoint's name, the layout's type, or the closest one, with a warning."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from deckgen.errors import did_you_mean
from deckgen.model import LAYOUT_NAMES
from deckgen.office.template.read import Template

# p:sldLayout's type for each of deckgen's layouts, and what to use when a template lacks one.
LAYOUT_TYPES = dict(zip(LAYOUT_NAMES, ("title", "obj", "secHead", "twoObj", "twoTxTwoObj",
                                 "titleOnly", "blank", "picTx"), strict=True))  # fmt: skip
_CLOSEST = {
    "Title Slide": ("Title Only", "Title and Content"),
    "Title and Content": ("Title Only",),
    "Section Header": ("Title Only", "Title and Content"),
    "Two Content": ("Title and Content",),
    "Comparison": ("Two Content", "Title and Content"),
    "Title Only": ("Title and Content",),
    "Blank": ("Title Only", "Title and Content"),
    "Picture with Caption": ("Title and Content",),
}


def pick_layout(
    template: Template, wanted: str, names: Mapping[str, str]
) -> tuple[int, str | None]:
    """The index in template.layouts of the layout for `wanted` (one of LAYOUT_NAMES): the
    front matter's `layouts:` name, else PowerPoint's name, else its type, else the closest
    layout; and a warning naming what was missing and what is used (None when found)."""
    missing = None
    if wanted in names:
        index = layout_named(template, names[wanted])
        if index is not None:
            return index, None
        missing = _no_layout(template, names[wanted])
    for choice in (wanted, *_CLOSEST[wanted]):
        index = _found(template, choice)
        if index is not None and choice == wanted:
            return index, missing and f"{missing}; '{template.layouts[index].name}' is used"
        if index is not None:
            return index, _fallback(template, missing, wanted, index)
    return 0, _fallback(template, missing, wanted, 0)


def layout_named(template: Template, name: str) -> int | None:
    """The index of the template's layout called `name` (in any case), if it has one."""
    lowered = [layout.name.casefold() for layout in template.layouts]
    return lowered.index(name.casefold()) if name.casefold() in lowered else None


def _found(template: Template, wanted: str) -> int | None:
    index = layout_named(template, wanted)
    types = [layout.type for layout in template.layouts]
    return (
        types.index(LAYOUT_TYPES[wanted])
        if index is None and LAYOUT_TYPES[wanted] in types
        else index
    )


def _no_layout(template: Template, name: str) -> str:
    near = did_you_mean(name, [layout.name for layout in template.layouts])
    return f"template {template.path} has no layout '{name}'" + (f" ({near})" if near else "")


def _fallback(template: Template, missing: str | None, wanted: str, index: int) -> str:
    lacks = f"template {template.path} has no '{wanted}' layout"
    return f"{missing or lacks}; '{template.layouts[index].name}' is used instead"


def choose_layouts(
    template: Template, wanted: Iterable[str], names: Mapping[str, str]
) -> tuple[dict[str, int], list[str]]:
    """For each of deckgen's layouts the deck uses, the template layout it is built on; and a
    warning for each the template lacks (layouts the deck does not use are not warned about)."""
    chosen: dict[str, int] = {}
    warnings: list[str] = []
    for name in sorted(set(wanted), key=LAYOUT_NAMES.index):
        chosen[name], warning = pick_layout(template, name, names)
        warnings += [warning] if warning else []
    return chosen, warnings
