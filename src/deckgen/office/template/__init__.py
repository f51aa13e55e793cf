""".pptx/.potx templates: a deck built on a template's masters, layouts, colours and fonts
(like Pandoc's --reference-doc). read.py reads the file, layouts.py picks a layout for each
of deckgen's, theme.py makes the Theme match; xml.py reads DrawingML colours and boxes."""

from deckgen.office.template.layouts import (
    LAYOUT_TYPES,
    choose_layouts,
    layout_named,
    pick_layout,
)
from deckgen.office.template.read import (
    LayoutInfo,
    Placeholder,
    Template,
    load_template,
    open_presentation,
    slide_layout,
)
from deckgen.office.template.theme import template_theme

__all__ = [
    "LAYOUT_TYPES",
    "LayoutInfo",
    "Placeholder",
    "Template",
    "choose_layouts",
    "layout_named",
    "load_template",
    "open_presentation",
    "pick_layout",
    "slide_layout",
    "template_theme",
]
