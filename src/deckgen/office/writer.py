"""PlacedDeck -> .pptx bytes with python-pptx. All raw-XML patches live here and nowhere else."""

from __future__ import annotations

import copy
import io
import zipfile
from datetime import datetime
from typing import Any

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.oxml.slide import CT_NotesSlide
from pptx.parts.slide import NotesSlidePart
from pptx.util import Emu

from deckgen.model import Run
from deckgen.placed import (
    Box,
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
_TITLE_ONLY = 5  # "Title Only" in python-pptx's default template
_SLIDENUM_ID = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"  # fixed, so output is deterministic


def write_pptx(deck: PlacedDeck, created: datetime) -> bytes:
    """The deck as .pptx bytes; `created` fixes every date so equal input gives equal bytes."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(emu(deck.width)), Emu(emu(deck.height))
    _properties(prs, deck, created)
    _theme(prs, deck)
    notes = _NotesPages(prs)
    for number, placed in enumerate(deck.slides, start=1):
        slide = prs.slides.add_slide(prs.slide_layouts[_TITLE_ONLY])
        _fill_slide(slide, placed, deck.lang)
        if placed.notes:
            notes.add(slide, number, placed.notes, deck.lang)
    buffer = io.BytesIO()
    prs.save(buffer)
    return _fixed_zip(buffer.getvalue(), created)


def _properties(prs: Any, deck: PlacedDeck, created: datetime) -> None:
    props = prs.core_properties
    title, author, subject = (_property(v) for v in (deck.title, deck.author, deck.subject))
    props.title, props.author, props.subject = title, author, subject
    props.last_modified_by, props.revision, props.language = author, 1, _property(deck.lang)
    props.created = props.modified = created
    props.last_printed = created


def _property(text: str) -> str:
    """Document properties hold at most 255 characters; the slides keep the whole text."""
    return text if len(text) <= 255 else text[:254] + "…"


def _theme(prs: Any, deck: PlacedDeck) -> None:
    """The deck's theme part: link colours and the fonts new text boxes get when edited."""
    part = prs.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    elements = root.find(qn("a:themeElements"))
    colors = elements.find(qn("a:clrScheme"))
    for tag in ("a:hlink", "a:folHlink"):
        slot = colors.find(qn(tag))
        for old in list(slot):
            slot.remove(old)
        etree.SubElement(slot, _RGB, val=deck.link_color)
    fonts = elements.find(qn("a:fontScheme"))
    for tag, font in (("a:majorFont", deck.heading_font), ("a:minorFont", deck.body_font)):
        fonts.find(qn(tag)).find(qn("a:latin")).set("typeface", font)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _fill_slide(slide: Any, placed: PlacedSlide, lang: str) -> None:
    slide.background.fill.solid()
    slide.background.fill.fore_color.rgb = _rgb(placed.background)
    title_shape = slide.shapes.title
    if placed.title is None:
        title_shape._element.getparent().remove(title_shape._element)
    else:
        _place(title_shape, placed.title.box)
        _text_frame(title_shape.text_frame, placed.title, lang)
    for shape in placed.shapes:
        _add_shape(slide, shape, lang)


def _place(shape: Any, box: Box) -> None:
    shape.left, shape.top, shape.width, shape.height = (
        emu(v) for v in (box.x, box.y, box.w, box.h)
    )


def _add_shape(slide: Any, shape: Shape, lang: str) -> None:
    match shape:
        case TextFrame():
            box = slide.shapes.add_textbox(0, 0, 1, 1)
            _place(box, shape.box)
            box.name = f"{shape.role.capitalize()} {len(slide.shapes)}"
            if shape.fill:
                box.fill.solid()
                box.fill.fore_color.rgb = _rgb(shape.fill)
            _text_frame(box.text_frame, shape, lang)
        case Picture():
            _add_picture(slide, shape)
        case PlacedTable():
            _add_table(slide, shape, lang)
        case Rect():
            rect = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, *(emu(v) for v in _xywh(shape.box)))
            rect.fill.solid()
            rect.fill.fore_color.rgb = _rgb(shape.fill)
            rect.line.fill.background()
            rect.shadow.inherit = False


def _rgb(hex_color: str) -> Any:
    return RGBColor.from_string(hex_color)  # type: ignore[no-untyped-call]


def _xywh(box: Box) -> tuple[float, float, float, float]:
    return box.x, box.y, box.w, box.h


def _text_frame(tf: Any, frame: TextFrame, lang: str) -> None:
    tf.word_wrap = True
    tf.auto_size = MSO_AUTO_SIZE.NONE
    inset = emu(frame.inset)
    tf.margin_left = tf.margin_right = tf.margin_top = tf.margin_bottom = inset
    tf.vertical_anchor = _ANCHOR[frame.anchor]
    _paragraphs(tf, frame.paragraphs, lang, frame.slide_number)


# Text is written as XML directly: python-pptx's property setters cost ~0.3 ms a run, which
# made the writer most of a large deck's build time.
_P, _PPR, _R, _RPR, _T = qn("a:p"), qn("a:pPr"), qn("a:r"), qn("a:rPr"), qn("a:t")
_BR = qn("a:br")
_FILL, _RGB, _LATIN, _LINK = qn("a:solidFill"), qn("a:srgbClr"), qn("a:latin"), qn("a:hlinkClick")
_ALGN = {"left": "l", "center": "ctr", "right": "r"}


def _paragraphs(
    tf: Any, paras: tuple[PlacedParagraph, ...], lang: str, slide_number: bool = False
) -> None:
    body = tf._txBody
    for old in body.findall(_P):
        body.remove(old)
    if not paras:  # a text body needs one paragraph to be valid
        etree.SubElement(body, _P)
    for para in paras:
        p = etree.SubElement(body, _P)
        _paragraph_properties(p, para)
        for run in para.runs:
            _run(p, run, para, lang, tf.part)
        if slide_number:
            _slide_number_field(p, para, lang)
        etree.SubElement(p, qn("a:endParaRPr"), lang=lang, sz=_hundredths(para.style.size))


def _hundredths(points: float) -> str:
    return str(round(points * 100))


def _paragraph_properties(p: Any, para: PlacedParagraph) -> None:
    pPr = etree.SubElement(
        p, _PPR, marL=str(emu(para.indent)), indent=str(-emu(para.hang)), algn=_ALGN[para.align]
    )
    for tag, points in (
        ("a:lnSpc", para.line_height),
        ("a:spcBef", para.space_before),
        ("a:spcAft", 0.0),
    ):
        spacing = etree.SubElement(pPr, qn(tag))
        etree.SubElement(spacing, qn("a:spcPts"), val=_hundredths(points))
    _bullet(pPr, para)


def _bullet(pPr: Any, para: PlacedParagraph) -> None:
    bullet = para.bullet
    if bullet is None:
        etree.SubElement(pPr, qn("a:buNone"))
        return
    color = etree.SubElement(pPr, qn("a:buClr"))
    etree.SubElement(color, _RGB, val=para.bullet_color or para.style.color)
    etree.SubElement(pPr, qn("a:buFont"), typeface=para.style.font)
    if bullet.char:
        etree.SubElement(pPr, qn("a:buChar"), char=bullet.char)
    else:
        etree.SubElement(pPr, qn("a:buAutoNum"), type="arabicPeriod", startAt=str(bullet.start))


def _run(p: Any, run: Run, para: PlacedParagraph, lang: str, part: Any) -> None:
    """A run of text; each "\n" in it becomes a line break inside the paragraph."""
    for index, piece in enumerate(run.text.split("\n")):
        if index:
            etree.SubElement(
                etree.SubElement(p, _BR), _RPR, lang=lang, sz=_hundredths(para.style.size)
            )
        if piece:
            _text_run(p, piece, run, para, lang, part)


def _text_run(p: Any, text: str, run: Run, para: PlacedParagraph, lang: str, part: Any) -> None:
    style = para.style
    r = etree.SubElement(p, _R)
    rPr = etree.SubElement(r, _RPR, lang=lang, sz=_hundredths(style.size))
    rPr.set("b", "1" if style.bold or run.bold else "0")
    rPr.set("i", "1" if style.italic or run.italic else "0")
    if run.strike:
        rPr.set("strike", "sngStrike")
    if run.link:
        rPr.set("u", "sng")
    fill = etree.SubElement(rPr, _FILL)
    etree.SubElement(fill, _RGB, val=run.color or style.color)
    etree.SubElement(rPr, _LATIN, typeface=style.code_font if run.code else style.font)
    if run.link:
        rid = part.relate_to(run.link, RT.HYPERLINK, is_external=True)
        etree.SubElement(rPr, _LINK, {qn("r:id"): rid})
    etree.SubElement(r, _T).text = text


def _slide_number_field(p: Any, para: PlacedParagraph, lang: str) -> None:
    for r in p.findall(_R):
        p.remove(r)
    fld = etree.SubElement(p, qn("a:fld"), id=_SLIDENUM_ID, type="slidenum")
    rPr = etree.SubElement(fld, _RPR, lang=lang, sz=_hundredths(para.style.size))
    fill = etree.SubElement(rPr, _FILL)
    etree.SubElement(fill, _RGB, val=para.style.color)
    etree.SubElement(rPr, _LATIN, typeface=para.style.font)
    etree.SubElement(fld, _T).text = "‹#›"


def _add_picture(slide: Any, picture: Picture) -> None:
    pic = slide.shapes.add_picture(picture.path, *(emu(v) for v in _xywh(picture.box)))
    pic.crop_left, pic.crop_top, pic.crop_right, pic.crop_bottom = picture.crop
    if picture.behind:  # first in the shape tree (after its two property elements) = bottom
        tree = slide.shapes._spTree
        tree.remove(pic._element)
        tree.insert(2, pic._element)
    c_nv_pr = pic._element.nvPicPr.cNvPr
    c_nv_pr.set("descr", picture.description)
    c_nv_pr.set("name", f"Picture {c_nv_pr.get('id')}")


def _add_table(slide: Any, table: PlacedTable, lang: str) -> None:
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
            _paragraphs(target.text_frame, (cell.paragraph,), lang)


class _NotesPages:
    """Makes notes pages in constant time each. python-pptx's own notes_slide searches the
    whole package for a free part name on every call (quadratic), and cloning the master's
    placeholders costs more than copying the first page's finished XML."""

    def __init__(self, prs: Any) -> None:
        self.package = prs.part.package
        self.master = prs.notes_master
        self.blank: Any = None

    def add(self, slide: Any, number: int, text: str, lang: str) -> None:
        partname = PackURI(f"/ppt/notesSlides/notesSlide{number}.xml")
        element = copy.deepcopy(self.blank) if self.blank is not None else CT_NotesSlide.new()
        part = NotesSlidePart(partname, CT.PML_NOTES_SLIDE, self.package, element)
        part.relate_to(self.master.part, RT.NOTES_MASTER)
        part.relate_to(slide.part, RT.SLIDE)
        slide.part.relate_to(part, RT.NOTES_SLIDE)
        if self.blank is None:
            part.notes_slide.clone_master_placeholders(self.master)
            self.blank = copy.deepcopy(part._element)
        _write_notes(part.notes_slide.notes_text_frame, text, lang)


def _write_notes(tf: Any, text: str, lang: str) -> None:
    """Blank lines part paragraphs; a line break inside one (a list line) stays a line break."""
    for index, chunk in enumerate(text.split("\n\n")):
        p = tf.paragraphs[0] if index == 0 else tf.add_paragraph()
        for number, line in enumerate(chunk.split("\n")):
            if number:
                p.add_line_break()
            r = p.add_run()
            r.text = line
            r._r.get_or_add_rPr().set("lang", lang)
        for br in p._p.findall(_BR):
            etree.SubElement(br, _RPR, lang=lang)
        etree.SubElement(p._p, qn("a:endParaRPr"), lang=lang)


def _fixed_zip(data: bytes, when: datetime) -> bytes:
    """The same archive with every entry dated `when`, so equal decks are equal bytes."""
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
