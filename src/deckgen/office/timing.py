"""Click builds and slide transitions -> a slide's p:timing and p:transition markup.

PowerPoint's "Appear" entrance, one click group per click, and the Morph transition with a
Fade fallback; shared/research/ooxml-notes.md sections 3 and 4 give the verified markup.
Everything is numbered in document order, so the same effects give the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import count, groupby
from typing import Any

from lxml import etree
from pptx.oxml.ns import qn

__all__ = ["Effect", "add_click_builds", "add_fade_transition", "add_morph_transition"]

_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_P159 = "http://schemas.microsoft.com/office/powerpoint/2015/09/main"
_ALTERNATE = f"{{{_MC}}}AlternateContent"
# p:sld's children in schema order; a transition is a p:transition or the AlternateContent
# that wraps one ([MS-PPTX] 2.2.1).
_BEFORE_TRANSITION = (qn("p:cSld"), qn("p:clrMapOvr"))
_TRANSITIONS = (qn("p:transition"), _ALTERNATE)
_BEFORE_TIMING = (*_BEFORE_TRANSITION, *_TRANSITIONS)


@dataclass(frozen=True, slots=True)
class Effect:
    """A shape, or one paragraph of its text, appearing on a click.

    `click` counts from 1; `shape_id` is the shape's p:cNvPr@id; `paragraph` is the 0-based
    index of a paragraph in the shape's text body, None for the whole shape."""

    click: int
    shape_id: int
    paragraph: int | None = None


def add_click_builds(sld: Any, effects: Sequence[Effect]) -> None:
    """The slide's p:timing: each click shows its effects' shapes and paragraphs at once.
    Paragraphs no effect names are shown with the slide. No effects, no p:timing."""
    if not effects:
        return
    _check(sld, effects)
    timing = _insert(sld, etree.Element(qn("p:timing")), _BEFORE_TIMING)
    ids = count(1)  # p:cTn@id: unique on the slide, increasing in document order
    main = _main_sequence(timing, ids)
    for _, group in groupby(sorted(effects, key=lambda e: e.click), key=lambda e: e.click):
        _click_group(main, list(group), ids)
    _build_list(sld, timing, effects)


def _check(sld: Any, effects: Sequence[Effect]) -> None:
    """Mistakes of the caller, caught here rather than as a deck PowerPoint must repair."""
    if sld.find(qn("p:timing")) is not None:
        raise ValueError("the slide has a p:timing already (a movie?); builds would replace it")
    for effect in effects:
        if effect.click < 1:
            raise ValueError(f"click {effect.click}: clicks count from 1")
        body = _shape(sld, effect.shape_id).find(qn("p:txBody"))
        paragraphs = len(body.findall(qn("a:p"))) if body is not None else 0
        if effect.paragraph is not None and not 0 <= effect.paragraph < paragraphs:
            shape = effect.shape_id
            raise ValueError(f"shape {shape} has no paragraph {effect.paragraph}")


def _shape(sld: Any, shape_id: int) -> Any:
    for cnvpr in sld.iter(qn("p:cNvPr")):
        if cnvpr.get("id") == str(shape_id):
            return cnvpr.getparent().getparent()  # p:cNvPr < p:nvSpPr (or nvPicPr...) < shape
    raise ValueError(f"the slide has no shape with id {shape_id}")


def _main_sequence(timing: Any, ids: Iterator[int]) -> Any:
    """tmRoot > mainSeq: the timeline the clicks advance; returns mainSeq's child list."""
    root = _ctn(_sub(_sub(timing, "tnLst"), "par"), ids,
                dur="indefinite", restart="never", nodeType="tmRoot")  # fmt: skip
    seq = _sub(_sub(root, "childTnLst"), "seq", concurrent="1", nextAc="seek")
    main = _sub(_ctn(seq, ids, dur="indefinite", nodeType="mainSeq"), "childTnLst")
    for conditions, event in (("prevCondLst", "onPrev"), ("nextCondLst", "onNext")):
        cond = _sub(_sub(seq, conditions), "cond", evt=event, delay="0")
        _sub(_sub(cond, "tgtEl"), "sldTgt")
    return main


def _click_group(main: Any, effects: list[Effect], ids: Iterator[int]) -> None:
    """Waits for a click (delay "indefinite"), then starts its effects together: the first
    begins the click (clickEffect), the others go with it (withEffect)."""
    click = _started(_ctn(_sub(main, "par"), ids, fill="hold"), "indefinite")
    together = _started(_ctn(_sub(click, "par"), ids, fill="hold"), "0")
    for index, effect in enumerate(effects):
        _appear(together, effect, "withEffect" if index else "clickEffect", ids)


def _appear(parent: Any, effect: Effect, node_type: str, ids: Iterator[int]) -> None:
    """Appear (entrance preset 1): one p:set making the target visible, lasting 1 ms."""
    node = _ctn(_sub(parent, "par"), ids, presetID="1", presetClass="entr", presetSubtype="0",
                fill="hold", grpId="0", nodeType=node_type)  # fmt: skip
    behavior = _sub(_sub(_started(node, "0"), "set"), "cBhvr")
    _started(_ctn(behavior, ids, dur="1", fill="hold"), "0", children=False)
    target = _sub(_sub(behavior, "tgtEl"), "spTgt", spid=str(effect.shape_id))
    if effect.paragraph is not None:
        index = str(effect.paragraph)
        _sub(_sub(target, "txEl"), "pRg", st=index, end=index)
    _sub(_sub(behavior, "attrNameLst"), "attrName").text = "style.visibility"
    _sub(_sub(behavior.getparent(), "to"), "strVal", val="visible")


def _build_list(sld: Any, timing: Any, effects: Sequence[Effect]) -> None:
    """p:bldLst says how each animated text shape builds: by paragraph, or whole with its
    background. Pictures and tables have no build properties (bldLst covers text, diagrams
    and charts, ECMA-376 19.5.14), so they get no entry."""
    builds = []
    for shape_id in dict.fromkeys(e.shape_id for e in effects):  # first-seen order
        if any(e.paragraph is not None for e in effects if e.shape_id == shape_id):
            builds.append({"spid": str(shape_id), "grpId": "0", "build": "p"})
        elif _shape(sld, shape_id).tag == qn("p:sp"):
            builds.append({"spid": str(shape_id), "grpId": "0", "animBg": "1"})
    if builds:
        build_list = _sub(timing, "bldLst")
        for attributes in builds:
            _sub(build_list, "bldP", **attributes)


def add_morph_transition(sld: Any) -> None:
    """Morph (by object) for PowerPoint 2016 and later, Fade for every other reader: the
    AlternateContent wraps the whole p:transition, as [MS-PPTX] 2.2.1 requires."""
    alternate = _insert(sld, etree.Element(_ALTERNATE, nsmap={"mc": _MC}), _BEFORE_TRANSITION)
    choice = etree.SubElement(alternate, f"{{{_MC}}}Choice", nsmap={"p159": _P159})
    choice.set("Requires", "p159")  # a prefix, so p159 is declared on the Choice itself
    etree.SubElement(_sub(choice, "transition", spd="slow"), f"{{{_P159}}}morph", option="byObject")
    fallback = etree.SubElement(alternate, f"{{{_MC}}}Fallback")
    _sub(_sub(fallback, "transition", spd="slow"), "fade")


def add_fade_transition(sld: Any) -> None:
    """A plain Fade, which every reader shows."""
    _sub(_insert(sld, etree.Element(qn("p:transition"), spd="med"), _BEFORE_TRANSITION), "fade")


def _insert(sld: Any, element: Any, after: tuple[str, ...]) -> Any:
    """`element` in its place among p:sld's children, after the last of those it follows;
    a transition replaces the one the slide had."""
    if element.tag in _TRANSITIONS:
        for old in [child for child in sld if child.tag in _TRANSITIONS]:
            sld.remove(old)
    before = [child for child in sld if child.tag in after]
    before[-1].addnext(element)
    return element


def _sub(parent: Any, tag: str, **attributes: str) -> Any:
    """A p: element appended to `parent`; attributes keep the order given."""
    element = etree.SubElement(parent, qn(f"p:{tag}"))
    for name, value in attributes.items():
        element.set(name, value)
    return element


def _ctn(parent: Any, ids: Iterator[int], **attributes: str) -> Any:
    return _sub(parent, "cTn", id=str(next(ids)), **attributes)


def _started(ctn: Any, delay: str, children: bool = True) -> Any:
    """A time node's start condition; returns its child list, where its children go."""
    _sub(_sub(ctn, "stCondLst"), "cond", delay=delay)
    return _sub(ctn, "childTnLst") if children else ctn
