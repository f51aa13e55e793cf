""".pptx/.potx -> Template: read once, a .potx retyped, every way a file can be unusable a
located TemplateError; and the Presentation the writer builds on, without the template's
slides."""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree
from pptx import Presentation
from pptx.exc import PythonPptxError
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from deckgen.colors import contrast
from deckgen.errors import SourceLocation, TemplateError
from deckgen.files import display
from deckgen.office.template.xml import Colours, box_of, colour_map, mix, scheme, typeface
from deckgen.placed import Box

SUFFIXES = (".pptx", ".potx")
PRESENTATION = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
TEMPLATE = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a compound file: how Office keeps encrypted OOXML
MAX_UNPACKED = 512 * 1024 * 1024  # bytes a template may unpack to: pictures, not a zip bomb
_SAVE_AGAIN = "open it in PowerPoint and save it as a .pptx or .potx"


@dataclass(frozen=True, slots=True)
class Placeholder:
    """One placeholder of a layout: p:ph's type ("title", "ctrTitle", "body", "obj",
    "subTitle", "pic", "dt", "ftr", "sldNum"...), idx, and its box in points (the master's
    when the layout gives none; None when neither does)."""

    type: str
    idx: int
    box: Box | None


@dataclass(frozen=True, slots=True)
class LayoutInfo:
    """A slide layout: its name, p:sldLayout's type ("obj", "title", "secHead", "twoObj",
    "twoTxTwoObj", "titleOnly", "blank", "picTx"; "cust" when none) and placeholders."""

    name: str
    type: str
    placeholders: tuple[Placeholder, ...]
    master: int  # which slide master it hangs under
    capitals: bool = False  # its title is set in capitals (cap="all"), as it is measured


@dataclass(frozen=True, slots=True)
class Template:
    """What a deck takes from a template. Sizes in points, colours "RRGGBB"."""

    data: bytes  # a .pptx package (a .potx retyped): Presentation(io.BytesIO(data))
    path: str  # as shown to the user
    width: float
    height: float
    layouts: tuple[LayoutInfo, ...]  # every master's layouts, in order (see slide_layout)
    heading_font: str
    body_font: str
    text: str
    background: str
    heading: str
    accent: str
    link: str
    muted: str
    title_size: float | None = None  # the master's title style, level 1
    body_size: float | None = None  # the master's body style, level 1


def load_template(path: Path, where: SourceLocation | None = None) -> Template:
    """Read a .pptx or .potx once; every way it can be unusable is a TemplateError at `where`
    (the front matter's `template:` line, or None for --template)."""
    shown = display(path)
    data = _as_presentation(_read(path, shown, where), shown, where)
    return _template(_open(data, shown, where), data, shown)


def _read(path: Path, shown: str, where: SourceLocation | None) -> bytes:
    if path.suffix.lower() not in SUFFIXES:
        hint = f"{_SAVE_AGAIN} (File > Save As > PowerPoint Template)"
        raise TemplateError(f"template {shown} is not a .pptx or .potx file", where, hint)
    if not path.is_file():
        hint = "a template's path in the front matter is relative to the talk's folder"
        raise TemplateError(f"template not found: {shown}", where, hint)
    try:
        return path.read_bytes()
    except OSError as fault:
        raise TemplateError(f"cannot read template {shown}: {fault.strerror}", where) from None


def _as_presentation(data: bytes, shown: str, where: SourceLocation | None) -> bytes:
    """The package as python-pptx opens it: a .potx's main part retyped as a presentation."""
    if data.startswith(_CFB):
        hint = "remove the password (File > Info > Protect Presentation) and save it again"
        raise TemplateError(f"template {shown} is encrypted or an old .ppt file", where, hint)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            types = _content_types(package, shown, where)
            if PRESENTATION.encode() in types:
                return data
            return _retyped(package, types.replace(TEMPLATE.encode(), PRESENTATION.encode()))
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError):
        message = f"template {shown} is not a PowerPoint file (not a zip package, or a damaged one)"
        raise TemplateError(message, where, _SAVE_AGAIN) from None


def _content_types(package: zipfile.ZipFile, shown: str, where: SourceLocation | None) -> bytes:
    if sum(info.file_size for info in package.infolist()) > MAX_UNPACKED:
        limit = f"{MAX_UNPACKED // 2**20} MB"
        raise TemplateError(f"template {shown} unpacks to more than {limit}", where)
    names = set(package.namelist())
    types = package.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
    if PRESENTATION.encode() not in types and TEMPLATE.encode() not in types:
        what = "a Word document" if "word/document.xml" in names else "not a presentation"
        what = "an Excel workbook" if "xl/workbook.xml" in names else what
        raise TemplateError(f"template {shown} is {what}", where, _SAVE_AGAIN)
    return types


def _retyped(package: zipfile.ZipFile, types: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in package.infolist():
            is_types = info.filename == "[Content_Types].xml"
            copy.writestr(info, types if is_types else package.read(info))
    return out.getvalue()


def _open(data: bytes, shown: str, where: SourceLocation | None) -> Any:
    try:
        prs = Presentation(io.BytesIO(data))
        layouts = [layout for master in prs.slide_masters for layout in master.slide_layouts]
    except (KeyError, ValueError, etree.XMLSyntaxError, PythonPptxError) as fault:
        message = f"template {shown} is damaged: {fault}"
        raise TemplateError(message, where, _SAVE_AGAIN) from None
    if not layouts:
        raise TemplateError(f"template {shown} has no slide layouts", where, _SAVE_AGAIN)
    return prs


def _template(prs: Any, data: bytes, shown: str) -> Template:
    master = prs.slide_masters[0]._element
    theme = etree.fromstring(prs.slide_masters[0].part.part_related_by(RT.THEME).blob)
    colours = Colours(scheme(theme), colour_map(master))
    major, minor = typeface(theme, "a:majorFont"), typeface(theme, "a:minorFont")
    title, body = _style(master, "p:titleStyle"), _style(master, "p:bodyStyle")
    text, background = colours.slot("tx1"), colours.background(master)
    return Template(
        data=data,
        path=shown,
        width=prs.slide_width / 12700,
        height=prs.slide_height / 12700,
        layouts=_layouts(prs),
        heading_font=_font(title, major, minor) or major,
        body_font=_font(body, major, minor) or minor,
        text=text,
        background=background,
        heading=colours.of(title) or text,
        accent=colours.slot("accent1"),
        link=colours.slot("hlink"),
        muted=_muted(colours.slot("tx2"), text, background),
        title_size=_size(title),
        body_size=_size(body),
    )


def _style(master: Any, name: str) -> Any:
    """The master's level-1 run defaults for titles or body text (a:defRPr), if any."""
    return master.find(f"{qn('p:txStyles')}/{qn(name)}/{qn('a:lvl1pPr')}/{qn('a:defRPr')}")


def _font(style: Any, major: str, minor: str) -> str | None:
    latin = None if style is None else style.find(qn("a:latin"))
    face = None if latin is None else latin.get("typeface")
    return {"+mj-lt": major, "+mn-lt": minor}.get(face or "", face) or None


def _size(style: Any) -> float | None:
    size = None if style is None else style.get("sz")
    return int(size) / 100 if size and size.isdigit() else None


def _muted(tx2: str, text: str, background: str) -> str:
    """tx2 when it reads as quieter text; else the text colour a third of the way to paper."""
    if tx2 != text and contrast(tx2, background) >= 4.5:
        return tx2
    return mix(text, background, 0.35)


def _layouts(prs: Any) -> tuple[LayoutInfo, ...]:
    return tuple(
        _layout(layout._element, number, master._element)
        for number, master in enumerate(prs.slide_masters)
        for layout in master.slide_layouts
    )


def _layout(layout: Any, master_number: int, master: Any) -> LayoutInfo:
    inherited = {placeholder_kind(p.type): p.box for p in _placeholders(master, {}) if p.box}
    name = layout.find(qn("p:cSld")).get("name", "")
    found = tuple(_placeholders(layout, inherited))
    capitals = _in_capitals(layout, master)
    return LayoutInfo(name, layout.get("type", "cust"), found, master_number, capitals)


def _in_capitals(layout: Any, master: Any) -> bool:
    """Whether the layout's title shows in capitals: its title placeholder's level-1 style
    says so, or else the master's title style does."""
    run = f"{qn('a:lvl1pPr')}/{qn('a:defRPr')}"
    for ph in layout.iter(qn("p:ph")):
        if ph.get("type") in ("title", "ctrTitle"):
            sp = ph.getparent().getparent().getparent()
            own = sp.find(f"{qn('p:txBody')}/{qn('a:lstStyle')}/{run}")
            if own is not None and own.get("cap"):
                return bool(own.get("cap") == "all")
    style = master.find(f"{qn('p:txStyles')}/{qn('p:titleStyle')}/{run}")
    return style is not None and style.get("cap") == "all"


def _placeholders(element: Any, inherited: dict[str, Box]) -> list[Placeholder]:
    found = []
    for ph in element.iter(qn("p:ph")):
        shape = ph.getparent().getparent().getparent()  # p:ph < p:nvPr < p:nvSpPr < p:sp
        kind = ph.get("type", "obj")
        box = box_of(shape.find(f"{qn('p:spPr')}/{qn('a:xfrm')}"))
        idx = ph.get("idx", "0")
        inherited_box = inherited.get(placeholder_kind(kind))
        found.append(Placeholder(kind, int(idx) if idx.isdigit() else 0, box or inherited_box))
    return found


def placeholder_kind(ph_type: str) -> str:
    """Which master placeholder a layout's placeholder inherits from (python-pptx's rule)."""
    if ph_type in ("title", "ctrTitle"):
        return "title"
    return ph_type if ph_type in ("dt", "ftr", "sldNum", "hdr") else "body"


def open_presentation(template: Template) -> Any:
    """The template as a python-pptx Presentation to build on, without the template's slides."""
    prs = Presentation(io.BytesIO(template.data))
    slide_ids = prs.slides._sldIdLst
    for slide_id in list(slide_ids):
        slide_ids.remove(slide_id)
        prs.part.drop_rel(slide_id.rId)
    for listing in prs.part._element.iter("{*}sectionLst", qn("p:custShowLst")):
        listing.getparent().remove(listing)  # they name the dropped slides
    return prs


def slide_layout(prs: Any, index: int) -> Any:
    """The python-pptx layout at `index` of Template.layouts (every master's, in order)."""
    return [layout for master in prs.slide_masters for layout in master.slide_layouts][index]
