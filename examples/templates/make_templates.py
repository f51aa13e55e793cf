"""Make the example and test templates from python-pptx's default template, reproducibly.

    python examples/templates/make_templates.py

writes examples/templates/deckgen-example.pptx (16:9, a speaker's starting point) and
tests/templates/corp-4x3.potx (4:3, German layout names, a dark background through the
master's colour map, a heading font no machine has, two layouts missing and one slide that a
deck built on it must not show). Every edit is to the master, theme and layout XML.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.util import Emu

ROOT = Path(__file__).resolve().parents[2]
FIXED = (2024, 1, 1, 0, 0, 0)  # zip entry dates, so equal runs give equal bytes
PRESENTATION = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
TEMPLATE = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"


def theme_root(prs: Any) -> tuple[Any, Any]:
    part = prs.slide_masters[0].part.part_related_by(RT.THEME)
    return part, etree.fromstring(part.blob)


def edit_theme(prs: Any, colours: dict[str, str], major: str, minor: str, name: str) -> None:
    """Set the theme's colour slots (srgbClr) and its major (heading) and minor (body) font."""
    part, root = theme_root(prs)
    root.set("name", name)
    scheme = root.find(f"{qn('a:themeElements')}/{qn('a:clrScheme')}")
    scheme.set("name", name)
    for slot, value in colours.items():
        holder = scheme.find(qn(f"a:{slot}"))
        for child in list(holder):
            holder.remove(child)
        etree.SubElement(holder, qn("a:srgbClr")).set("val", value)
    fonts = root.find(f"{qn('a:themeElements')}/{qn('a:fontScheme')}")
    fonts.set("name", name)
    fonts.find(f"{qn('a:majorFont')}/{qn('a:latin')}").set("typeface", major)
    fonts.find(f"{qn('a:minorFont')}/{qn('a:latin')}").set("typeface", minor)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def text_styles(prs: Any, title_size: int, body_size: int, title_colour: Callable[[], Any]) -> None:
    """Master title and body level-1 sizes (hundredths of a point) and the title's colour."""
    styles = prs.slide_masters[0]._element.find(qn("p:txStyles"))
    title = styles.find(f"{qn('p:titleStyle')}/{qn('a:lvl1pPr')}/{qn('a:defRPr')}")
    title.set("sz", str(title_size))
    fill = title.find(qn("a:solidFill"))
    for child in list(fill):
        fill.remove(child)
    fill.append(title_colour())
    body = styles.find(f"{qn('p:bodyStyle')}/{qn('a:lvl1pPr')}/{qn('a:defRPr')}")
    body.set("sz", str(body_size))


def scheme_colour(slot: str, lum_mod: int | None = None) -> Any:
    colour = etree.Element(qn("a:schemeClr"), val=slot)
    if lum_mod is not None:
        etree.SubElement(colour, qn("a:lumMod"), val=str(lum_mod))
    return colour


def widen(prs: Any, factor: float) -> None:
    """A 4:3 master and its layouts made 16:9: every placeholder's x and width scaled."""
    master = prs.slide_masters[0]
    for element in [master._element, *(layout._element for layout in master.slide_layouts)]:
        for xfrm in element.iter(qn("a:xfrm")):
            off, ext = xfrm.find(qn("a:off")), xfrm.find(qn("a:ext"))
            if off is not None and ext is not None:
                off.set("x", str(round(int(off.get("x")) * factor)))
                ext.set("cx", str(round(int(ext.get("cx")) * factor)))
    prs.slide_width = Emu(round(prs.slide_width * factor))


def rename_layouts(prs: Any, names: dict[str, str]) -> None:
    for layout in prs.slide_masters[0].slide_layouts:
        if layout.name in names:
            layout._element.find(qn("p:cSld")).set("name", names[layout.name])


def drop_layouts(prs: Any, names: set[str]) -> None:
    master = prs.slide_masters[0]
    for layout in [lay for lay in master.slide_layouts if lay.name in names]:
        master.slide_layouts.remove(layout)


def master_background(prs: Any, slot: str) -> None:
    """A solid background in a scheme slot, as PowerPoint writes it (p:bgPr, not p:bgRef)."""
    bg = prs.slide_masters[0]._element.find(f"{qn('p:cSld')}/{qn('p:bg')}")
    for child in list(bg):
        bg.remove(child)
    props = etree.SubElement(bg, qn("p:bgPr"))
    etree.SubElement(props, qn("a:solidFill")).append(scheme_colour(slot))
    etree.SubElement(props, qn("a:effectLst"))


def dark_colour_map(prs: Any) -> None:
    """Light text on the dark slots: bg1 is dk1 and tx1 is lt1, as dark corporate masters do."""
    colour_map = prs.slide_masters[0]._element.find(qn("p:clrMap"))
    for key, value in {"bg1": "dk1", "tx1": "lt1", "bg2": "dk2", "tx2": "lt2"}.items():
        colour_map.set(key, value)


def saved(prs: Any, content_type: str = PRESENTATION) -> bytes:
    """The package with fixed zip dates, its main part typed as `content_type`."""
    buffer = io.BytesIO()
    prs.save(buffer)
    out = io.BytesIO()
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(PRESENTATION.encode(), content_type.encode())
            entry = zipfile.ZipInfo(info.filename, FIXED)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, data)
    return out.getvalue()


def example() -> bytes:
    """16:9, warm paper and ink, a burnt-orange accent; Times New Roman headings (measured
    with Liberation Serif) over Calibri body text (measured with Carlito)."""
    prs = Presentation()
    widen(prs, 4 / 3)
    colours = {"dk1": "1F2933", "lt1": "FBF8F3", "dk2": "52606D", "lt2": "E4DED3"}
    colours |= {"accent1": "C2410C", "accent2": "0F766E", "hlink": "0F6CBD"}
    edit_theme(prs, colours, "Times New Roman", "Calibri", "deckgen example")
    text_styles(prs, 4000, 2800, lambda: scheme_colour("accent1", 75000))
    master_background(prs, "bg1")
    return saved(prs)


GERMAN = {
    "Title Slide": "Titelfolie",
    "Title and Content": "Titel und Inhalt",
    "Section Header": "Abschnittsüberschrift",
    "Two Content": "Zwei Inhalte",
    "Title Only": "Nur Titel",
    "Blank": "Leer",
    "Content with Caption": "Inhalt mit Überschrift",
    "Title and Vertical Text": "Titel und vertikaler Text",
    "Vertical Title and Text": "Vertikaler Titel und Text",
}


def corp() -> bytes:
    """4:3, navy background through the colour map, German layout names, no Comparison and no
    Picture with Caption layout, a heading font ("Corpo Sans") that is nowhere installed."""
    prs = Presentation()
    colours = {"dk1": "0B1F33", "lt1": "F5F7FA", "dk2": "1D3A5C", "lt2": "C9D6E3"}
    colours |= {"accent1": "F2A900", "hlink": "7FC8F8"}
    edit_theme(prs, colours, "Corpo Sans", "Calibri", "Corp")
    dark_colour_map(prs)
    text_styles(prs, 3600, 2400, lambda: scheme_colour("accent1"))
    drop_layouts(prs, {"Comparison", "Picture with Caption"})
    rename_layouts(prs, GERMAN)
    slide = prs.slides.add_slide(prs.slide_masters[0].slide_layouts[0])
    slide.shapes.title.text = "Vertraulich: Vorlage nicht weitergeben"
    return saved(prs, TEMPLATE)


def main() -> None:
    targets = {
        ROOT / "examples/templates/deckgen-example.pptx": example,
        ROOT / "tests/templates/corp-4x3.potx": corp,
    }
    for path, make in targets.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(make())
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
