"""An SVG file -> its part in the package, referred to from a picture's blip, so PowerPoint 2016
and later draw the SVG while other readers show the picture's PNG fallback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.oxml.ns import qn

SVG_EXTENSION = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"  # [MS-ODRAWXML] 2.26.3.1
ASVG = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"


def embed_svg(slide: Any, pic: Any, svg: str) -> None:
    """Add the SVG as an image part of the slide and point the picture's blip at it; the blip's
    own r:embed keeps the PNG fallback."""
    package = slide.part.package
    part = Part(package.next_image_partname("svg"), "image/svg+xml", package,
                Path(svg).read_bytes())  # fmt: skip
    r_id = slide.part.relate_to(part, RT.IMAGE)  # related at once: see next_image_partname
    blip = pic._element.xpath("./p:blipFill/a:blip")[0]
    ext_lst = blip.find(qn("a:extLst"))
    if ext_lst is None:
        ext_lst = etree.SubElement(blip, qn("a:extLst"))  # the blip's last child
    ext = etree.SubElement(ext_lst, qn("a:ext"), uri=SVG_EXTENSION)
    svg_blip = etree.SubElement(ext, f"{{{ASVG}}}svgBlip", nsmap={"asvg": ASVG})
    svg_blip.set(qn("r:embed"), r_id)
