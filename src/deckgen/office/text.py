"""Paragraphs and runs as DrawingML. In a placeholder a paragraph writes only what differs from
its level's style on the master (`base`), so PowerPoint's Tab, Shift-Tab and theme changes
work on it; in a text box of its own (`base` None) it writes everything."""

from __future__ import annotations

from typing import Any

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from deckgen.model import Run, step_size
from deckgen.placed import PlacedParagraph, emu

# Text is written as XML directly: python-pptx's property setters cost ~0.3 ms a run, which
# made the writer most of a large deck's build time.
P, PPR, R, RPR, T = qn("a:p"), qn("a:pPr"), qn("a:r"), qn("a:rPr"), qn("a:t")
BR, FILL, RGB, LATIN = qn("a:br"), qn("a:solidFill"), qn("a:srgbClr"), qn("a:latin")
_LINK = qn("a:hlinkClick")
ALIGN = {"left": "l", "center": "ctr", "right": "r"}
MAX_LEVEL = 8  # PowerPoint's deepest outline level
SLIDENUM_ID = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"  # fixed, so output is deterministic


def hundredths(points: float) -> str:
    return str(round(points * 100))


def write_paragraphs(
    body: Any,
    paras: tuple[PlacedParagraph, ...],
    lang: str,
    part: Any,
    base: Any = None,
    slide_number: bool = False,
) -> None:
    """Replace the text body's paragraphs. `base(level)` gives the inherited style of a level
    (None: nothing is inherited)."""
    for old in body.findall(P):
        body.remove(old)
    if not paras:  # a text body needs one paragraph to be valid
        etree.SubElement(body, P)
    for para in paras:
        inherited = base(min(para.level, MAX_LEVEL)) if base else None
        p = etree.SubElement(body, P)
        _properties(p, para, inherited)
        for run in para.runs:
            _run(p, run, para, inherited, lang, part)
        if slide_number:
            _slide_number_field(p, para, lang)
        end = etree.SubElement(p, qn("a:endParaRPr"), lang=lang)
        _size(end, para, inherited)


def _properties(p: Any, para: PlacedParagraph, base: PlacedParagraph | None) -> None:
    pPr = etree.SubElement(p, PPR)
    if para.level:
        pPr.set("lvl", str(min(para.level, MAX_LEVEL)))
    if base is None or (emu(para.indent), emu(para.hang)) != (emu(base.indent), emu(base.hang)):
        pPr.set("marL", str(emu(para.indent)))
        pPr.set("indent", str(-emu(para.hang)))
    if base is None or para.align != base.align:
        pPr.set("algn", ALIGN[para.align])
    spacing = (("a:lnSpc", para.line_height), ("a:spcBef", para.space_before), ("a:spcAft", 0.0))
    for (tag, points), was in zip(spacing, _spacing(base), strict=True):
        if hundredths(points) != was:
            etree.SubElement(etree.SubElement(pPr, qn(tag)), qn("a:spcPts"), val=hundredths(points))
    if base is None or (para.bullet, para.bullet_color) != (base.bullet, base.bullet_color):
        bullet(pPr, para)


def _spacing(base: PlacedParagraph | None) -> tuple[str, str, str]:
    if base is None:
        return ("", "", "")
    return (hundredths(base.line_height), hundredths(base.space_before), "0")


def bullet(pPr: Any, para: PlacedParagraph) -> None:
    """The paragraph's marker: none, a character in the accent colour, or its number."""
    mark = para.bullet
    if mark is None:
        etree.SubElement(pPr, qn("a:buNone"))
        return
    color = etree.SubElement(pPr, qn("a:buClr"))
    etree.SubElement(color, RGB, val=para.bullet_color or para.style.color)
    etree.SubElement(pPr, qn("a:buFont"), typeface=para.style.font)
    if mark.char:
        etree.SubElement(pPr, qn("a:buChar"), char=mark.char)
    else:
        etree.SubElement(pPr, qn("a:buAutoNum"), type="arabicPeriod", startAt=str(mark.start))


def _size(rPr: Any, para: PlacedParagraph, base: PlacedParagraph | None) -> None:
    if base is None or para.style.size != base.style.size:
        rPr.set("sz", hundredths(para.style.size))


def _run(
    p: Any, run: Run, para: PlacedParagraph, base: PlacedParagraph | None, lang: str, part: Any
) -> None:
    """A run of text; each "\n" in it becomes a line break inside the paragraph."""
    for index, piece in enumerate(run.text.split("\n")):
        if index:
            _size(etree.SubElement(etree.SubElement(p, BR), RPR, lang=lang), para, base)
        if piece:
            _text_run(p, piece, run, para, base, lang, part)


def _text_run(
    p: Any,
    text: str,
    run: Run,
    para: PlacedParagraph,
    base: PlacedParagraph | None,
    lang: str,
    part: Any,
) -> None:
    style = para.style
    r = etree.SubElement(p, R)
    rPr = etree.SubElement(r, RPR, lang=lang)
    if run.size_step:  # <small>/<big>: the size layout measured this run at
        rPr.set("sz", hundredths(step_size(style.size, run.size_step)))
    else:
        _size(rPr, para, base)
    for name, on, was in (
        ("b", style.bold or run.bold, base and base.style.bold),
        ("i", style.italic or run.italic, base and base.style.italic),
    ):
        if base is None or on != was:
            rPr.set(name, "1" if on else "0")
    _marks(rPr, run)
    color = run.color or style.color
    if base is None or color != base.style.color:
        etree.SubElement(etree.SubElement(rPr, FILL), RGB, val=color)
    if run.code and style.code_fill:  # inline code on the code panel's tint
        etree.SubElement(etree.SubElement(rPr, qn("a:highlight")), RGB, val=style.code_fill)
    font = style.code_font if run.code else style.font
    if base is None or font != base.style.font:
        etree.SubElement(rPr, LATIN, typeface=font)
    if run.link:
        rid = part.relate_to(run.link, RT.HYPERLINK, is_external=True)
        etree.SubElement(rPr, _LINK, {qn("r:id"): rid})
    etree.SubElement(r, T).text = text


def _marks(rPr: Any, run: Run) -> None:
    """Strike, underline (links are underlined too), small capitals, super- and subscript."""
    if run.strike:
        rPr.set("strike", "sngStrike")
    if run.link or run.underline:
        rPr.set("u", "sng")
    if run.smallcaps:
        rPr.set("cap", "small")
    if run.baseline:
        rPr.set("baseline", str(run.baseline))


def _slide_number_field(p: Any, para: PlacedParagraph, lang: str) -> None:
    for r in p.findall(R):
        p.remove(r)
    fld = etree.SubElement(p, qn("a:fld"), id=SLIDENUM_ID, type="slidenum")
    rPr = etree.SubElement(fld, RPR, lang=lang, sz=hundredths(para.style.size))
    etree.SubElement(etree.SubElement(rPr, FILL), RGB, val=para.style.color)
    etree.SubElement(rPr, LATIN, typeface=para.style.font)
    etree.SubElement(fld, T).text = "‹#›"
