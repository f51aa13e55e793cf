"""PlacedDeck -> .pptx bytes with python-pptx: slides on the master's layouts, titles and body
text in their placeholders, the rest as shapes of their own, notes pages, fixed zip dates."""

from __future__ import annotations

import copy
import functools
import io
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.shapes import PP_PLACEHOLDER as PP
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
from pptx.util import Emu

from deckgen.images import fallback_path
from deckgen.office.master import write_master
from deckgen.office.package import NotesPages, fixed_zip, properties
from deckgen.office.svg import embed_svg
from deckgen.office.template import LAYOUT_TYPES, Template, open_presentation, slide_layout
from deckgen.office.text import write_paragraphs
from deckgen.office.timing import Effect, add_click_builds, add_morph_transition
from deckgen.placed import (
    LAYOUTS,
    Box,
    Master,
    Picture,
    PlacedDeck,
    PlacedParagraph,
    PlacedSlide,
    PlacedTable,
    Rect,
    Shape,
    TextFrame,
    emu,
)

_ANCHOR = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE, "bottom": MSO_ANCHOR.BOTTOM}
_SLOT_NAMES = {
    "Two Content": ("left", "right"),
    "Comparison": ("left-head", "left", "right-head", "right"),
    "Picture with Caption": ("picture", "caption"),
}
# Slots whose layout placeholder holds a line of text, not a list (no bullet on level 0).
_LINES = {"caption", "left-head", "right-head"}
_PH_TYPES = {"ftr": PP.FOOTER, "sldNum": PP.SLIDE_NUMBER}
_TYPE_NAMES = {kind: name for name, kind in LAYOUT_TYPES.items()}  # "obj": "Title and Content"


def write_pptx(
    deck: PlacedDeck,
    created: datetime,
    template: Template | None = None,
    chosen: Mapping[str, int] | None = None,
) -> bytes:
    """The deck as .pptx bytes; `created` fixes every date so equal input gives equal bytes.
    On a template, each slide uses the template's layout `chosen` for its layout's name;
    else the deck's own master and layouts are written from `deck.master`."""
    prs = open_presentation(template) if template else Presentation()
    prs.slide_width, prs.slide_height = Emu(emu(deck.width)), Emu(emu(deck.height))
    properties(prs, deck, created)
    if deck.master is not None and template is None:
        write_master(prs, deck.master, (deck.heading_font, deck.body_font))
    layouts = _layouts(prs, template, chosen or {})
    notes = NotesPages(prs)
    for number, placed in enumerate(deck.slides, start=1):
        slide = prs.slides.add_slide(layouts[placed.layout])
        _fill_slide(slide, placed, deck, _kind(slide.slide_layout, placed.layout))
        if placed.notes:
            notes.add(slide, number, placed.notes, deck.lang)
    buffer = io.BytesIO()
    prs.save(buffer)
    _layout_box.cache_clear()  # it holds this presentation's parts: preview writes many
    return fixed_zip(buffer.getvalue(), created)


def _layouts(prs: Any, template: Template | None, chosen: Mapping[str, int]) -> dict[str, Any]:
    """deckgen's layout names -> the python-pptx layouts the slides are added on."""
    if template is None:
        return {layout.name: layout for layout in prs.slide_layouts}
    return {name: slide_layout(prs, index) for name, index in chosen.items()}


def _kind(layout: Any, wanted: str) -> str:
    """Which of deckgen's layouts the layout in use is, by its type: a template may stand in
    another for a layout it lacks (Two Content for Comparison), and its placeholders are
    filled as that layout's."""
    kind = _TYPE_NAMES.get(layout._element.get("type", ""), "")
    return kind or (layout.name if layout.name in LAYOUTS else wanted)


def _fill_slide(slide: Any, placed: PlacedSlide, deck: PlacedDeck, layout: str) -> None:
    """`layout`: which of deckgen's layouts the slide's layout is."""
    master = deck.master
    if master is None or placed.background != master.colors.background:
        slide.background.fill.solid()
        slide.background.fill.fore_color.rgb = _rgb(placed.background)
    slots = _slots(slide, layout)
    title_shape = slots.pop("title", None) if placed.title else None  # else removed, unused
    if placed.title is not None:
        if title_shape is None:  # a template's stand-in layout without a title
            title_shape = _text_box(slide, placed.title)
        _place(title_shape, placed.title.box)
        _text_frame(title_shape, placed.title, deck, _title_base(master))
    written = [(shape, _add_shape(slide, shape, slots, layout, deck)) for shape in placed.shapes]
    for unused in slots.values():  # an empty placeholder shows "Click to add text"
        unused._element.getparent().remove(unused._element)
    add_click_builds(slide._element, _effects(written))
    if placed.morph:
        add_morph_transition(slide._element)


def _effects(written: list[tuple[Shape, Any]]) -> list[Effect]:
    """The slide's click builds: a paragraph, or a whole shape (a picture, a code panel), on
    its click; clicks counted 1, 2, 3 on each slide ("(cont.)" slides start again)."""
    found: list[tuple[int, int, int | None]] = []
    for placed, shape in written:
        clicks = [p.click for p in placed.paragraphs] if isinstance(placed, TextFrame) else []
        whole = placed.click if not isinstance(placed, TextFrame) else 0
        if isinstance(placed, TextFrame) and placed.role != "body" and len(set(clicks)) == 1:
            whole, clicks = clicks[0], []
        if whole:
            found.append((whole, shape.shape_id, None))
        found += [(click, shape.shape_id, i) for i, click in enumerate(clicks) if click]
    order = {click: n for n, click in enumerate(sorted({f[0] for f in found}), 1)}
    return [Effect(order[click], shape_id, paragraph) for click, shape_id, paragraph in found]


def _slots(slide: Any, layout: str) -> dict[str, Any]:
    """The slide's placeholders by the slot they serve: "title", and the others in the
    order of their index, named as the layout uses them."""
    found: dict[str, Any] = {}
    others = []
    for ph in slide.placeholders:
        if ph.placeholder_format.type in (PP.TITLE, PP.CENTER_TITLE, PP.VERTICAL_TITLE):
            found["title"] = ph
        else:
            others.append(ph)
    others.sort(key=lambda ph: ph.placeholder_format.idx)
    names = _SLOT_NAMES.get(layout, ("body",))
    found.update(zip(names, others, strict=False))
    # placeholders the layout has beyond those, kept so that the slide drops them empty
    found.update((f"unused {ph.placeholder_format.idx}", ph) for ph in others[len(names) :])
    return found


def _place(shape: Any, box: Box) -> None:
    """Explicit geometry only where the layout's own differs."""
    target = tuple(emu(v) for v in (box.x, box.y, box.w, box.h))
    if _geometry(shape) != target:
        shape.left, shape.top, shape.width, shape.height = target


def _geometry(shape: Any) -> tuple[int, ...] | None:
    """The shape's box as shown: its own, else (a placeholder) its layout's."""
    xfrm = shape._element.xfrm
    if xfrm is not None or not shape.is_placeholder:
        return None if xfrm is None else (xfrm.x, xfrm.y, xfrm.cx, xfrm.cy)
    layout = shape.part.slide_layout
    return _layout_box(layout.part, shape.placeholder_format.idx)


@functools.lru_cache(maxsize=256)
def _layout_box(layout_part: Any, idx: int) -> tuple[int, ...] | None:
    """A layout placeholder's box (inherited from the master when it has none of its own);
    asked for once per layout and placeholder, not once per slide."""
    found = layout_part.slide_layout.placeholders.get(idx=idx)
    return None if found is None else (found.left, found.top, found.width, found.height)


def _add_shape(
    slide: Any, shape: Shape, slots: dict[str, Any], layout: str, deck: PlacedDeck
) -> Any:
    """The shape on the slide; the python-pptx shape written."""
    match shape:
        case TextFrame():
            return _add_text(slide, shape, slots, layout, deck)
        case Picture():
            return _add_picture(slide, shape, slots.pop("picture", None) if shape.slot else None)
        case PlacedTable():
            return _add_table(slide, shape, deck.lang)
        case Rect():
            rect = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, *(emu(v) for v in _xywh(shape.box)))
            rect.fill.solid()
            rect.fill.fore_color.rgb = _rgb(shape.fill)
            rect.line.fill.background()
            rect.shadow.inherit = False
            return rect


def _add_text(
    slide: Any, frame: TextFrame, slots: dict[str, Any], layout: str, deck: PlacedDeck
) -> Any:
    """A frame fills its placeholder (found by slot; footers copied from the layout, as
    PowerPoint's Header & Footer dialog does), else becomes a text box of its own."""
    target = slots.pop(frame.slot, None) if frame.slot else None
    if target is not None:
        _place(target, frame.box)
        _text_frame(target, frame, deck, _base(deck.master, layout, frame.slot))
        return target
    if frame.role == "footer":
        target = _footer_placeholder(slide, "sldNum" if frame.slide_number else "ftr")
    if target is None:
        target = _text_box(slide, frame)
    _place(target, frame.box)
    if frame.fill:
        target.fill.solid()
        target.fill.fore_color.rgb = _rgb(frame.fill)
    _text_frame(target, frame, deck, None)
    return target


def _text_box(slide: Any, frame: TextFrame) -> Any:
    box = slide.shapes.add_textbox(0, 0, 1, 1)
    box.name = f"{frame.role.capitalize()} {len(slide.shapes)}"
    return box


def _base(master: Master | None, layout: str, slot: str) -> Callable[[int], PlacedParagraph] | None:
    """The style a paragraph of this slot inherits at each level: the master's body levels;
    on one-line placeholders (a subtitle, a section's text, a caption) the first level
    without its bullet, as their layout says."""
    if master is None:
        return None
    levels = master.levels
    if slot not in _LINES and layout not in ("Title Slide", "Section Header"):
        return lambda level: levels[level]
    plain = replace(levels[0], bullet=None, indent=0.0, hang=0.0)
    return lambda level: plain if level == 0 else levels[level]


def _title_base(master: Master | None) -> Callable[[int], PlacedParagraph] | None:
    if master is None:
        return None
    heading = master.title
    return lambda _: heading


def _footer_placeholder(slide: Any, kind: str) -> Any:
    """A copy of the layout's footer or slide-number placeholder on the slide."""
    for ph in slide.slide_layout.placeholders:
        if ph._element.ph_type == _PH_TYPES[kind]:
            element = copy.deepcopy(ph._element)
            element.nvSpPr.cNvPr.set("id", str(slide.shapes._next_shape_id))
            slide.shapes._spTree.append(element)
            return slide.shapes[-1]
    return None


def _rgb(hex_color: str) -> Any:
    return RGBColor.from_string(hex_color)  # type: ignore[no-untyped-call]


def _xywh(box: Box) -> tuple[float, float, float, float]:
    return box.x, box.y, box.w, box.h


def _text_frame(
    shape: Any, frame: TextFrame, deck: PlacedDeck, base: Callable[[int], PlacedParagraph] | None
) -> None:
    tf = shape.text_frame
    tf.word_wrap = True
    tf.auto_size = MSO_AUTO_SIZE.NONE
    inset = emu(frame.inset)
    tf.margin_left = tf.margin_right = tf.margin_top = tf.margin_bottom = inset
    tf.vertical_anchor = _ANCHOR[frame.anchor]
    write_paragraphs(tf._txBody, frame.paragraphs, deck.lang, tf.part, base, frame.slide_number)


def _add_picture(slide: Any, picture: Picture, placeholder: Any = None) -> Any:
    """A picture, in the layout's picture placeholder when it fills one; an SVG as its PNG
    fallback with the SVG beside it in the blip."""
    box = tuple(emu(v) for v in _xywh(picture.box))
    svg = picture.path.lower().endswith(".svg")
    path = fallback_path(picture.path) if svg else picture.path
    if placeholder is not None:
        pic = placeholder.insert_picture(path)
        pic.left, pic.top, pic.width, pic.height = box
    else:
        pic = slide.shapes.add_picture(path, *box)
    if svg:
        embed_svg(slide, pic, picture.path)
    pic.crop_left, pic.crop_top, pic.crop_right, pic.crop_bottom = picture.crop
    if picture.behind:  # first in the shape tree (after its two property elements) = bottom
        tree = slide.shapes._spTree
        tree.remove(pic._element)
        tree.insert(2, pic._element)
    c_nv_pr = pic._element.nvPicPr.cNvPr
    c_nv_pr.set("descr", picture.description)
    c_nv_pr.set("name", f"Picture {c_nv_pr.get('id')}")
    return pic


def _add_table(slide: Any, table: PlacedTable, lang: str) -> Any:
    rows = table.rows
    graphic = slide.shapes.add_table(len(rows), len(rows[0]), *(emu(v) for v in _xywh(table.box)))
    t = graphic.table
    t.first_row, t.horz_banding = True, False
    for i, w in enumerate(table.col_widths):
        t.columns[i].width = Emu(emu(w))
    for i, h in enumerate(table.row_heights):
        t.rows[i].height = Emu(emu(h))
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            target = t.cell(r, c)
            target.margin_left = target.margin_right = Emu(emu(table.cell_inset_x))
            target.margin_top = target.margin_bottom = Emu(emu(table.cell_inset_y))
            target.vertical_anchor = MSO_ANCHOR.MIDDLE
            target.fill.solid()
            target.fill.fore_color.rgb = _rgb(cell.fill)
            target.text_frame.word_wrap = True
            write_paragraphs(
                target.text_frame._txBody, (cell.paragraph,), lang, target.text_frame.part
            )
    return graphic
