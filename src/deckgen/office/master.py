"""The slide master, its layouts and the theme part, written from the deck's Master: so a slide
added in PowerPoint gets the deck's background, fonts, colours and bullets, and each layout's
placeholders sit where deckgen puts them."""

from __future__ import annotations

from typing import Any

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from deckgen.office.text import ALIGN, hundredths
from deckgen.placed import LAYOUTS, Box, Master, PlacedParagraph, Scheme, emu

# Each layout's placeholders, by (type, idx), and the box of the Master they sit in. Types are
# PresentationML's: no type is "obj", no idx is 0.
_PLACES: dict[str, dict[tuple[str, str], str]] = {
    "Title Slide": {("ctrTitle", "0"): "centre-title", ("subTitle", "1"): "subtitle"},
    "Title and Content": {("title", "0"): "title", ("obj", "1"): "body"},
    "Section Header": {("title", "0"): "section-title", ("body", "1"): "section-body"},
    "Two Content": {("title", "0"): "title", ("obj", "1"): "left", ("obj", "2"): "right"},
    "Comparison": {
        ("title", "0"): "title",
        ("body", "1"): "left-head",
        ("obj", "2"): "left-under",
        ("body", "3"): "right-head",
        ("obj", "4"): "right-under",
    },
    "Title Only": {("title", "0"): "title"},
    "Blank": {},
    "Picture with Caption": {
        ("title", "0"): "title",
        ("pic", "1"): "picture",
        ("body", "2"): "caption",
    },
}
_FOOTERS = {("dt", "10"): "date", ("ftr", "11"): "footer", ("sldNum", "12"): "number"}
_MASTER_PLACES = {
    "title": "title",
    "body": "body",
    "dt": "date",
    "ftr": "footer",
    "sldNum": "number",
}
# Placeholders that hold a line of text, not a list: no bullet on their first level.
_PLAIN = {"subtitle", "section-body", "caption", "left-head", "right-head"}


def write_master(prs: Any, master: Master, fonts: tuple[str, str]) -> None:
    """`fonts` are the heading and body typefaces."""
    slide_master = prs.slide_master
    _theme_part(slide_master.part.part_related_by(RT.THEME), master, fonts)
    root = slide_master._element
    _background(root)
    _color_map(root, master.colors)
    _text_styles(root, master, fonts[1])
    _place_all(root.find(qn("p:cSld")).find(qn("p:spTree")), _MASTER_PLACES, master, by_type=True)
    for layout in list(prs.slide_layouts):
        if layout.name not in LAYOUTS:
            _drop_layout(slide_master, layout)
            continue
        tree = layout._element.find(qn("p:cSld")).find(qn("p:spTree"))
        _place_all(tree, {**_PLACES[layout.name], **_FOOTERS}, master)
        _clean_layout(layout._element)
        if layout.name == "Section Header":  # a divider added by hand is one, as deckgen's
            _background(layout._element, "accent1")


def _theme_part(part: Any, master: Master, fonts: tuple[str, str]) -> None:
    root = etree.fromstring(part.blob)
    root.set("name", master.name)
    elements = root.find(qn("a:themeElements"))
    colors = elements.find(qn("a:clrScheme"))
    colors.set("name", master.name)
    for tag, value in _scheme_slots(master.colors):
        slot = colors.find(qn(f"a:{tag}"))
        for old in list(slot):
            slot.remove(old)
        etree.SubElement(slot, qn("a:srgbClr"), val=value)
    scheme = elements.find(qn("a:fontScheme"))
    scheme.set("name", master.name)
    for tag, font in (("a:majorFont", fonts[0]), ("a:minorFont", fonts[1])):
        scheme.find(qn(tag)).find(qn("a:latin")).set("typeface", font)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _scheme_slots(colors: Scheme) -> list[tuple[str, str]]:
    """A dark theme keeps PowerPoint's convention: dk1 is its (dark) background and lt1 its
    text, and the colour map swaps them, as Office's own dark themes do."""
    light, dark = (colors.text, colors.background), (colors.heading, colors.panel)
    if colors.dark:
        light, dark = (colors.background, colors.text), (colors.panel, colors.heading)
    slots = [("dk1", light[0]), ("lt1", light[1]), ("dk2", dark[0]), ("lt2", dark[1])]
    slots += [(f"accent{n}", color) for n, color in enumerate(colors.accents, 1)]
    return [*slots, ("hlink", colors.link), ("folHlink", colors.visited)]


def _background(root: Any, color: str = "bg1") -> None:
    c_sld = root.find(qn("p:cSld"))
    old = c_sld.find(qn("p:bg"))
    if old is not None:
        c_sld.remove(old)
    bg = etree.Element(qn("p:bg"))
    bg_pr = etree.SubElement(bg, qn("p:bgPr"))
    _scheme_fill(bg_pr, color)
    etree.SubElement(bg_pr, qn("a:effectLst"))
    c_sld.insert(0, bg)


def _color_map(root: Any, colors: Scheme) -> None:
    mapping = root.find(qn("p:clrMap"))
    pairs = {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}
    if colors.dark:
        pairs = {"bg1": "dk1", "tx1": "lt1", "bg2": "dk2", "tx2": "lt2"}
    for name, slot in pairs.items():
        mapping.set(name, slot)


def _scheme_fill(parent: Any, name: str) -> None:
    etree.SubElement(etree.SubElement(parent, qn("a:solidFill")), qn("a:schemeClr"), val=name)


def _text_styles(root: Any, master: Master, body_font: str) -> None:
    styles = root.find(qn("p:txStyles"))
    title, body = styles.find(qn("p:titleStyle")), styles.find(qn("p:bodyStyle"))
    _replace_levels(title, [_level(master.title, 1, "tx2", "+mj-lt", body_font)])
    levels = [_level(p, n, "tx1", "+mn-lt", body_font) for n, p in enumerate(master.levels, 1)]
    _replace_levels(body, levels)


def _replace_levels(style: Any, levels: list[Any]) -> None:
    for old in list(style):
        style.remove(old)
    style.extend(levels)


def _level(para: PlacedParagraph, number: int, color: str, font: str, bullet_font: str) -> Any:
    """One level of a master text style: `a:lvlNpPr` with its spacing, bullet and run style."""
    level = etree.Element(qn(f"a:lvl{number}pPr"), algn=ALIGN[para.align])
    level.set("marL", str(emu(para.indent)))
    level.set("indent", str(-emu(para.hang)))
    for tag, points in (
        ("a:lnSpc", para.line_height),
        ("a:spcBef", para.space_before),
        ("a:spcAft", 0.0),
    ):
        etree.SubElement(etree.SubElement(level, qn(tag)), qn("a:spcPts"), val=hundredths(points))
    if para.bullet is None:
        etree.SubElement(level, qn("a:buNone"))
    else:
        _scheme_fill_tag(level, "a:buClr", "accent1")
        etree.SubElement(level, qn("a:buFont"), typeface=bullet_font)
        etree.SubElement(level, qn("a:buChar"), char=para.bullet.char or "•")
    run = etree.SubElement(level, qn("a:defRPr"), sz=hundredths(para.style.size))
    run.set("b", "1" if para.style.bold else "0")
    run.set("i", "1" if para.style.italic else "0")
    _scheme_fill(run, color)
    etree.SubElement(run, qn("a:latin"), typeface=font)
    return level


def _scheme_fill_tag(parent: Any, tag: str, name: str) -> None:
    etree.SubElement(etree.SubElement(parent, qn(tag)), qn("a:schemeClr"), val=name)


def _place_all(tree: Any, places: dict[Any, str], master: Master, by_type: bool = False) -> None:
    """Every placeholder of the tree moved to its Master box; its local text style reset."""
    for sp in tree.iter(qn("p:sp")):
        ph = sp.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}")
        if ph is None:
            continue
        key = ph.get("type", "obj") if by_type else (ph.get("type", "obj"), ph.get("idx", "0"))
        if key in places:
            name = places[key]
            _geometry(sp, master.box(name))
            _body(sp, name, master)


def _geometry(sp: Any, box: Box) -> None:
    old = sp.find(qn("p:spPr"))
    sp_pr = etree.Element(qn("p:spPr"))
    xfrm = etree.SubElement(sp_pr, qn("a:xfrm"))
    etree.SubElement(xfrm, qn("a:off"), x=str(emu(box.x)), y=str(emu(box.y)))
    etree.SubElement(xfrm, qn("a:ext"), cx=str(emu(box.w)), cy=str(emu(box.h)))
    sp.replace(old, sp_pr)


def _body(sp: Any, name: str, master: Master) -> None:
    """No inset and top-anchored, as deckgen's frames are; a one-line placeholder without a
    bullet; the footer line in its small size."""
    tx_body = sp.find(qn("p:txBody"))
    if tx_body is None:
        return
    body_pr = tx_body.find(qn("a:bodyPr"))
    for attribute in list(body_pr.attrib):
        del body_pr.attrib[attribute]
    for child in list(body_pr):
        body_pr.remove(child)
    body_pr.attrib.update({"lIns": "0", "tIns": "0", "rIns": "0", "bIns": "0", "anchor": "t"})
    styles = tx_body.find(qn("a:lstStyle"))
    for old in list(styles):
        styles.remove(old)
    if name in _PLAIN:
        first = etree.SubElement(styles, qn("a:lvl1pPr"), marL="0", indent="0", algn="l")
        etree.SubElement(first, qn("a:buNone"))
        if name == "section-body":  # on the divider's accent
            _scheme_fill(etree.SubElement(first, qn("a:defRPr")), "bg1")
    if name in ("footer", "number", "date"):
        _footer_style(styles, name, master)
    if name in ("centre-title", "section-title"):
        first = etree.SubElement(styles, qn("a:lvl1pPr"))
        run = etree.SubElement(first, qn("a:defRPr"), sz=hundredths(master.display))
        if name == "section-title":  # a divider is set on the accent: its title as the paper
            _scheme_fill(run, "bg1")


def _footer_style(styles: Any, name: str, master: Master) -> None:
    first = etree.SubElement(styles, qn("a:lvl1pPr"), algn="r" if name == "number" else "l")
    style = master.footer.style
    run = etree.SubElement(first, qn("a:defRPr"), sz=hundredths(style.size))
    etree.SubElement(etree.SubElement(run, qn("a:solidFill")), qn("a:srgbClr"), val=style.color)


def _clean_layout(root: Any) -> None:
    """No leftover Office look on a layout: its own background and colour map go."""
    c_sld = root.find(qn("p:cSld"))
    bg = c_sld.find(qn("p:bg"))
    if bg is not None:
        c_sld.remove(bg)


def _drop_layout(slide_master: Any, layout: Any) -> None:
    """A layout deckgen does not use is removed, so the Layout menu offers only its own."""
    ids = slide_master._element.find(qn("p:sldLayoutIdLst"))
    for entry in list(ids):
        rid = entry.get(qn("r:id"))
        if slide_master.part.related_part(rid) is layout.part:
            ids.remove(entry)
            slide_master.part.drop_rel(rid)
