"""Click builds and transitions: a real deck from python-pptx, saved and read back, checked the
way PowerPoint and LibreOffice read it."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from openxml_audit import validate_pptx
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE
from pptx.oxml.ns import qn
from pptx.util import Pt

from deckgen.office.timing import (
    Effect,
    add_click_builds,
    add_fade_transition,
    add_morph_transition,
)
from tests.conftest import make_png

WORDS = ("Alpha", "Bravo", "Charlie", "Delta")
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def make_deck(folder: Path) -> tuple[Any, dict[str, int]]:
    """One slide: a text box of four paragraphs, a picture and a rectangle; their shape ids."""
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    box = slide.shapes.add_textbox(Pt(40), Pt(40), Pt(400), Pt(300))
    box.text_frame.text = WORDS[0]
    for word in WORDS[1:]:
        box.text_frame.add_paragraph().text = word
    picture = slide.shapes.add_picture(str(make_png(folder / "p.png")), Pt(460), Pt(40))
    rect = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Pt(460), Pt(300), Pt(100), Pt(60))
    ids = {"text": box.shape_id, "picture": picture.shape_id, "rect": rect.shape_id}
    return prs, ids


def effects_of(ids: dict[str, int]) -> list[Effect]:
    """Alpha with the slide; Bravo, Charlie, Delta on clicks 1-3, the picture with Charlie;
    the rectangle on click 4, given first to show the order of clicks is not the list's."""
    return [
        Effect(4, ids["rect"]),
        Effect(1, ids["text"], 1),
        Effect(2, ids["text"], 2),
        Effect(2, ids["picture"]),
        Effect(3, ids["text"], 3),
    ]


def built(folder: Path, transition: Any = add_morph_transition) -> tuple[Path, dict[str, int]]:
    prs, ids = make_deck(folder)
    sld = prs.slides[0]._element
    add_click_builds(sld, effects_of(ids))
    transition(sld)
    path = folder / "builds.pptx"
    prs.save(str(path))
    return path, ids


def slide_xml(path: Path) -> Any:
    return Presentation(str(path)).slides[0]._element


def click_groups(sld: Any) -> list[Any]:
    main = next(c for c in sld.iter(f"{P}cTn") if c.get("nodeType") == "mainSeq")
    return list(main.find(f"{P}childTnLst"))


def targets(group: Any) -> list[tuple[str | None, int, int | None]]:
    """(nodeType, shape id, paragraph) of each effect in a click group."""
    found = []
    for ctn in group.iter(f"{P}cTn"):
        if ctn.get("presetClass") != "entr":
            continue
        target = next(ctn.iter(f"{P}spTgt"))
        rng = target.find(f"{P}txEl/{P}pRg")
        paragraph = int(rng.get("st")) if rng is not None else None
        assert rng is None or rng.get("st") == rng.get("end")
        found.append((ctn.get("nodeType"), int(target.get("spid")), paragraph))
    return found


def test_each_click_is_one_group_holding_its_effects(tmp_path: Path) -> None:
    path, ids = built(tmp_path)
    groups = click_groups(slide_xml(path))
    text, picture, rect = ids["text"], ids["picture"], ids["rect"]
    assert [targets(group) for group in groups] == [
        [("clickEffect", text, 1)],
        [("clickEffect", text, 2), ("withEffect", picture, None)],
        [("clickEffect", text, 3)],
        [("clickEffect", rect, None)],
    ]
    for group in groups:  # the group waits for the click; its effects start together
        assert group.find(f"{P}cTn/{P}stCondLst/{P}cond").get("delay") == "indefinite"


def test_every_effect_is_appear_making_its_target_visible(tmp_path: Path) -> None:
    sld = slide_xml(built(tmp_path)[0])
    effects = [c for c in sld.iter(f"{P}cTn") if c.get("presetClass") == "entr"]
    assert len(effects) == 5
    for ctn in effects:
        assert (ctn.get("presetID"), ctn.get("presetSubtype"), ctn.get("grpId")) == ("1", "0", "0")
        (set_,) = ctn.iter(f"{P}set")
        assert set_.findtext(f"{P}cBhvr/{P}attrNameLst/{P}attrName") == "style.visibility"
        assert set_.find(f"{P}to/{P}strVal").get("val") == "visible"


def test_time_node_ids_are_unique_and_increasing(tmp_path: Path) -> None:
    sld = slide_xml(built(tmp_path)[0])
    numbers = [int(ctn.get("id")) for ctn in sld.iter(f"{P}cTn")]
    assert numbers == list(range(1, len(numbers) + 1))


def test_the_build_list_names_text_shapes_only(tmp_path: Path) -> None:
    path, ids = built(tmp_path)
    builds = [dict(b.attrib) for b in slide_xml(path).find(f"{P}timing/{P}bldLst")]
    assert builds == [
        {"spid": str(ids["rect"]), "grpId": "0", "animBg": "1"},
        {"spid": str(ids["text"]), "grpId": "0", "build": "p"},
    ]  # the picture has no build properties


def test_slide_children_keep_the_schema_order(tmp_path: Path) -> None:
    prs, ids = make_deck(tmp_path)
    sld = prs.slides[0]._element
    add_click_builds(sld, effects_of(ids))
    add_fade_transition(sld)  # after the timing, yet before it
    add_morph_transition(sld)  # replaces the fade
    sld.append(etree.Element(qn("p:extLst")))
    children = [etree.QName(child).localname for child in sld]
    assert children == ["cSld", "clrMapOvr", "AlternateContent", "timing", "extLst"]


def test_morph_falls_back_to_fade(tmp_path: Path) -> None:
    sld = slide_xml(built(tmp_path)[0])
    mc = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
    (alternate,) = sld.iter(f"{mc}AlternateContent")
    choice, fallback = alternate
    assert (choice.tag, choice.get("Requires")) == (f"{mc}Choice", "p159")
    morph = choice.find(f"{P}transition")[0]
    assert morph.tag == "{http://schemas.microsoft.com/office/powerpoint/2015/09/main}morph"
    assert morph.get("option") == "byObject"
    assert fallback.find(f"{P}transition/{P}fade") is not None


def test_no_effects_write_no_timing(tmp_path: Path) -> None:
    prs, _ = make_deck(tmp_path)
    sld = prs.slides[0]._element
    add_click_builds(sld, [])
    assert sld.find(qn("p:timing")) is None


def test_the_same_effects_give_the_same_markup(tmp_path: Path) -> None:
    first = etree.tostring(slide_xml(built(tmp_path)[0]))
    assert etree.tostring(slide_xml(built(tmp_path)[0])) == first


@pytest.mark.parametrize(
    ("effect", "message"),
    [
        (Effect(0, 2, 1), "clicks count from 1"),
        (Effect(1, 99), "no shape with id 99"),
        (Effect(1, 2, 4), "has no paragraph 4"),
    ],
)
def test_a_wrong_effect_is_refused(tmp_path: Path, effect: Effect, message: str) -> None:
    prs, ids = make_deck(tmp_path)
    assert ids["text"] == 2
    with pytest.raises(ValueError, match=message):
        add_click_builds(prs.slides[0]._element, [effect])


def test_a_second_timing_is_refused(tmp_path: Path) -> None:
    prs, ids = make_deck(tmp_path)
    sld = prs.slides[0]._element
    add_click_builds(sld, effects_of(ids))
    with pytest.raises(ValueError, match="p:timing already"):
        add_click_builds(sld, effects_of(ids))


@pytest.mark.parametrize("transition", [add_morph_transition, add_fade_transition])
def test_the_open_xml_sdk_finds_no_error(tmp_path: Path, transition: Any) -> None:
    path, _ = built(tmp_path, transition)
    assert [str(error) for error in validate_pptx(str(path)).errors] == []


# --- what LibreOffice Impress makes of it -------------------------------------------------------

needs_libreoffice = pytest.mark.skipif(SOFFICE is None, reason="needs LibreOffice")


def convert(deck: Path, to: str) -> Path:
    profile = (deck.parent / "profile").as_uri()
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore",
         "--convert-to", to, "--outdir", str(deck.parent), str(deck)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    converted = deck.with_suffix(f".{to}")
    assert converted.is_file(), f"LibreOffice made no .{to}"
    return converted


@pytest.mark.visual
@needs_libreoffice
def test_impress_shows_one_appear_per_paragraph_on_its_click(tmp_path: Path) -> None:
    content = zipfile.ZipFile(convert(built(tmp_path)[0], "odp")).read("content.xml").decode()
    paragraphs = dict(re.findall(r'<text:p [^>]*xml:id="(\w+)"[^>]*>(?:<[^>]*>)*(\w+)', content))
    groups = re.findall(r'<anim:par smil:begin="next".*?</anim:par></anim:par></anim:par>', content)
    shown = [
        [
            (kind, paragraphs.get(target, "shape"))
            for kind, target in re.findall(
                r'presentation:node-type="([\w-]+)"[^>]*preset-id="ooo-entrance-appear">'
                r'<anim:set [^>]*smil:targetElement="(\w+)" smil:attributeName="visibility"',
                group,
            )
        ]
        for group in groups
    ]
    assert shown == [
        [("on-click", "Bravo")],
        [("on-click", "Charlie"), ("with-previous", "shape")],
        [("on-click", "Delta")],
        [("on-click", "shape")],
    ]
    assert 'smil:type="fade"' in content  # the Fallback: LibreOffice has no Morph


@pytest.mark.visual
@needs_libreoffice
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_the_pdf_shows_the_final_state_every_paragraph(tmp_path: Path) -> None:
    pdf = convert(built(tmp_path)[0], "pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True)
    assert text.stdout.split() == list(WORDS)
