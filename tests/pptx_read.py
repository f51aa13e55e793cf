"""Reading a built deck as PowerPoint does: text properties resolved through the inheritance
chain (paragraph, shape, layout placeholder, master placeholder, master text styles), so tests
assert what a slide shows, not where in the XML it is written."""

from __future__ import annotations

from typing import Any

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
TITLES = ("title", "ctrTitle")
_BODIES = ("obj", "body", "subTitle", "pic")


def xpath(element: Any, path: str) -> Any:
    return etree.XPath(path, namespaces=NS)(element)


def pictures(slide: Any) -> list[Any]:
    """The slide's pictures, those filling a picture placeholder included."""
    return [s for s in slide.shapes if s._element.tag.endswith("}pic")]


def is_title(shape: Any) -> bool:
    return shape.is_placeholder and _ph(shape._element).get("type") in TITLES


def text_shapes(slide: Any) -> list[Any]:
    """Every shape with text but the title, in reading order: body placeholders, text boxes,
    footers."""
    return [s for s in slide.shapes if s.has_text_frame and not is_title(s)]


def body_texts(slide: Any) -> list[str]:
    """The text of every non-title text shape except footers and slide numbers."""
    return [s.text_frame.text for s in text_shapes(slide) if not _footer(s)]


def _footer(shape: Any) -> bool:
    return shape.is_placeholder and _ph(shape._element).get("type") in ("ftr", "sldNum", "dt")


def _ph(element: Any) -> Any:
    found = xpath(element, "./*[1]/p:nvPr/p:ph")
    return found[0] if found else None


def level_property(shape: Any, paragraph: Any, path: str) -> str | None:
    """The value of `path` (XPath from an a:lvlNpPr, e.g. "a:defRPr/@sz" or "@marL") for the
    paragraph's level, as the first place in the inheritance chain that sets it."""
    number = level(paragraph) + 1
    for styles in _chain(shape):
        found = xpath(styles, f"a:lvl{number}pPr/{path}")
        if found:
            return str(found[0])
    return None


def _chain(shape: Any) -> list[Any]:
    """The list styles a shape's text inherits from, most specific first."""
    chain = xpath(shape._element, "p:txBody/a:lstStyle")
    ph = _ph(shape._element)
    if ph is None:
        return chain
    slide = shape.part.slide
    layout = slide.slide_layout
    master = layout.slide_master
    kind, idx = ph.get("type", "obj"), ph.get("idx", "0")
    placeholder = ".//p:sp[p:nvSpPr/p:nvPr/p:ph[{}]]/p:txBody/a:lstStyle"
    same = f"@idx='{idx}'" if idx != "0" else "not(@idx) or @idx='0'"  # no idx: 0
    chain += xpath(layout._element, placeholder.format(same))
    on_master = "title" if kind in TITLES else "body" if kind in _BODIES else kind
    chain += xpath(master._element, placeholder.format(f"@type='{on_master}'"))
    style = {"title": "p:titleStyle", "body": "p:bodyStyle"}.get(on_master, "p:otherStyle")
    return chain + xpath(master._element, f"p:txStyles/{style}")


def run_size(shape: Any, paragraph: Any, run: Any | None = None) -> float:
    """The font size a run (or the paragraph's first run, or its end) is shown at, points."""
    element = run._r if run is not None else (paragraph.runs[0]._r if paragraph.runs else None)
    own = xpath(element, "a:rPr/@sz") if element is not None else []
    own = own or xpath(paragraph._p, "a:endParaRPr/@sz")
    value = own[0] if own else level_property(shape, paragraph, "a:defRPr/@sz")
    assert value is not None, "no size anywhere in the inheritance chain"
    return int(value) / 100


def paragraph_property(shape: Any, paragraph: Any, path: str) -> str | None:
    """A paragraph property (e.g. "@marL", "a:lnSpc/a:spcPts/@val", "a:buChar/@char"): its own
    a:pPr's, else the inherited one."""
    own = xpath(paragraph._p, f"a:pPr/{path}")
    if own:
        return str(own[0])
    if path.startswith("a:bu") and xpath(paragraph._p, "a:pPr/a:buNone"):
        return None
    return level_property(shape, paragraph, path)


def bullet(shape: Any, paragraph: Any) -> str | None:
    """The paragraph's marker as shown: a character, "N." for numbering, None for none."""
    markers = "{0}a:buNone | {0}a:buChar | {0}a:buAutoNum"
    own = xpath(paragraph._p, markers.format("a:pPr/"))
    marker = own[0] if own else None
    for styles in [] if own else _chain(shape):
        found = xpath(styles, markers.format(f"a:lvl{level(paragraph) + 1}pPr/"))
        if found:
            marker = found[0]
            break
    if marker is None or marker.tag.endswith("buNone"):
        return None
    if marker.tag.endswith("buChar"):
        return str(marker.get("char"))
    return f"{marker.get('startAt', '1')}."


def level(paragraph: Any) -> int:
    return int(xpath(paragraph._p, "string(a:pPr/@lvl)") or 0)


def run_property(shape: Any, paragraph: Any, run: Any, path: str) -> str | None:
    """A run property ("@b", "@i", "a:latin/@typeface", "a:solidFill/a:srgbClr/@val"): the
    run's own, else its level's default; theme fonts ("+mn-lt") are named."""
    own = xpath(run._r, f"a:rPr/{path}")
    value = str(own[0]) if own else level_property(shape, paragraph, f"a:defRPr/{path}")
    if value in ("+mn-lt", "+mj-lt"):
        return theme_font(shape, major=value == "+mj-lt")
    return value


def theme_font(shape: Any, major: bool) -> str:
    master = shape.part.slide.slide_layout.slide_master
    root = etree.fromstring(master.part.part_related_by(RT.THEME).blob)
    which = "a:majorFont" if major else "a:minorFont"
    return str(xpath(root, f"a:themeElements/a:fontScheme/{which}/a:latin/@typeface")[0])


_PLACEHOLDER_KINDS = {
    "title": "Title", "ctrTitle": "Title", "subTitle": "Subtitle",
    "ftr": "Footer", "sldNum": "Footer",
}  # fmt: skip


def kind(shape: Any) -> str:
    """'Title', 'Body', 'Subtitle', 'Footer', 'Code', ...: a placeholder by its type, a text box
    by its name, which the writer gives after the frame's role."""
    if shape.is_placeholder:
        ph_type = _ph(shape._element).get("type", "obj")
        layout = shape.part.slide.slide_layout.name
        if ph_type == "body" and layout == "Picture with Caption":
            return "Caption"
        return _PLACEHOLDER_KINDS.get(ph_type, "Body")
    return str(shape.name).split()[0]


def shapes_of(slide: Any, wanted: str) -> list[Any]:
    return [s for s in slide.shapes if s.has_text_frame and kind(s) == wanted]


def scheme_color(master: Any, name: str) -> str:
    """A scheme colour ("tx1", "bg1", "accent1") as RRGGBB, through the master's colour map."""
    slot = xpath(master._element, f"string(p:clrMap/@{name})") or name
    root = etree.fromstring(master.part.part_related_by(RT.THEME).blob)
    return str(xpath(root, f"a:themeElements/a:clrScheme/a:{slot}/a:srgbClr/@val")[0])


def run_color(shape: Any, paragraph: Any, run: Any) -> str:
    """The colour a run is shown in, RRGGBB."""
    own = xpath(run._r, "a:rPr/a:solidFill/a:srgbClr/@val")
    if own:
        return str(own[0])
    scheme = level_property(shape, paragraph, "a:defRPr/a:solidFill/a:schemeClr/@val")
    assert scheme is not None, "no colour anywhere in the inheritance chain"
    return scheme_color(shape.part.slide.slide_layout.slide_master, scheme)


def background(slide: Any) -> str:
    """The slide's background colour: its own, else its master's."""
    own = xpath(slide._element, "p:cSld/p:bg/p:bgPr/a:solidFill/a:srgbClr/@val")
    if own:
        return str(own[0])
    master = slide.slide_layout.slide_master
    (scheme,) = xpath(master._element, "p:cSld/p:bg/p:bgPr/a:solidFill/a:schemeClr/@val")
    return scheme_color(master, scheme)
