"""The slide master, layouts and theme a deck is built on: what a speaker meets when they add a
slide by hand in PowerPoint, press Tab on a bullet, or open the Layout menu."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from tests import pptx_read as read
from tests.conftest import run, write_talk

LAYOUTS = [
    "Title Slide",
    "Title and Content",
    "Section Header",
    "Two Content",
    "Comparison",
    "Title Only",
    "Blank",
    "Picture with Caption",
]
# enough points that the slide keeps the theme's sizes (a slide left mostly empty grows)
TALK = "---\ntitle: Masters\ntheme: {theme}\n---\n\n## Points\n\n- one\n  - two\n" + "".join(
    f"- point {n}\n" for n in range(3, 8)
)


def build(folder: Path, theme: str) -> Any:
    write_talk(folder, TALK.format(theme=theme))
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(folder)
        result = run("build")
    assert result.exit_code == 0, result.output
    return Presentation(str(folder / "build/talk.pptx"))


@pytest.fixture(scope="module")
def light(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return build(tmp_path_factory.mktemp("light"), "default")


@pytest.fixture(scope="module")
def dark(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return build(tmp_path_factory.mktemp("dark"), "dark")


def theme_root(prs: Any) -> Any:
    return etree.fromstring(prs.slide_master.part.part_related_by(RT.THEME).blob)


def test_the_layouts_are_the_eight_a_speaker_expects_named_as_powerpoint_names_them(
    light: Any,
) -> None:
    assert [layout.name for layout in light.slide_layouts] == LAYOUTS


@pytest.mark.parametrize(("deck", "name"), [("light", "default"), ("dark", "dark")])
def test_theme_colour_and_font_schemes_are_named_after_the_theme(
    deck: str, name: str, request: pytest.FixtureRequest
) -> None:
    root = theme_root(request.getfixturevalue(deck))
    names = read.xpath(root, "@name | a:themeElements/a:clrScheme/@name")
    names += read.xpath(root, "a:themeElements/a:fontScheme/@name")
    assert names == [name] * 3
    fonts = read.xpath(root, "a:themeElements/a:fontScheme/*/a:latin/@typeface")
    assert fonts == ["Arial", "Arial"]  # heading (major) and body (minor)


def test_the_dark_master_is_dark_so_a_slide_added_by_hand_is_too(dark: Any) -> None:
    master = dark.slide_master
    assert read.scheme_color(master, "bg1") == "1B1D23"
    assert read.scheme_color(master, "tx1") == "EDEDED"
    assert read.scheme_color(master, "tx2") == "FFFFFF"  # titles
    layout = next(lay for lay in dark.slide_layouts if lay.name == "Title and Content")
    added = dark.slides.add_slide(layout)
    assert read.background(added) == "1B1D23"
    body = added.placeholders[1]
    body.text_frame.text = "typed in PowerPoint"
    para = body.text_frame.paragraphs[0]
    run_ = para.add_run()
    run_.text = " more"
    assert read.run_color(body, para, run_) == "EDEDED"
    assert read.run_size(body, para) == 28
    assert read.bullet(body, para) == "•"


def test_the_light_master_keeps_office_s_colour_map(light: Any) -> None:
    assert read.scheme_color(light.slide_master, "bg1") == "FFFFFF"
    assert read.scheme_color(light.slide_master, "tx1") == "222222"
    assert read.scheme_color(light.slide_master, "accent1") == "0072B2"


def test_each_body_level_has_the_size_bullet_and_indent_layout_gives_a_list_item(
    light: Any,
) -> None:
    slide = light.slides[1]
    body = read.shapes_of(slide, "Body")[0]
    one, two, *_ = body.text_frame.paragraphs
    assert [(p.text, p.level) for p in (one, two)] == [("one", 0), ("two", 1)]
    # Tab on "one" in PowerPoint makes it level 1: it then looks exactly like "two"
    one._p.get_or_add_pPr().set("lvl", "1")
    looks = [
        (read.run_size(body, p), read.bullet(body, p), read.paragraph_property(body, p, "@marL"))
        for p in (one, two)
    ]
    assert looks[0] == looks[1] == (26.0, "–", "662940")


def test_title_style_is_the_theme_s_heading(light: Any) -> None:
    (level,) = read.xpath(light.slide_master._element, "p:txStyles/p:titleStyle/a:lvl1pPr")
    assert read.xpath(level, "a:defRPr/@sz | a:defRPr/@b") == ["4000", "1"]
    assert read.xpath(level, "a:defRPr/a:solidFill/a:schemeClr/@val") == ["tx2"]
    assert read.xpath(level, "a:defRPr/a:latin/@typeface") == ["+mj-lt"]


def test_layout_placeholders_sit_where_deckgen_puts_them_without_office_leftovers(
    light: Any,
) -> None:
    layout = next(lay for lay in light.slide_layouts if lay.name == "Title and Content")
    title = next(ph for ph in layout.placeholders if ph.placeholder_format.idx == 0)
    slide_title = light.slides[1].shapes.title
    assert (title.left, title.top, title.width) == (
        slide_title.left,
        slide_title.top,
        slide_title.width,
    )
    for each in light.slide_layouts:
        if each.name != "Section Header":  # a divider is on the accent (tested below)
            assert read.xpath(each._element, "p:cSld/p:bg") == []
        kept = "@type='ftr' or @type='sldNum' or @type='dt' or @type='title' or @type='ctrTitle'"
        bodies = f".//p:sp[not(.//p:ph[{kept}])]//a:lstStyle//a:defRPr/@sz"
        assert read.xpath(each._element, bodies) == [], each.name  # body text sized by the master


def test_slides_inherit_the_master_background_instead_of_painting_their_own(
    light: Any,
) -> None:
    assert all(read.xpath(s._element, "p:cSld/p:bg") == [] for s in light.slides)


def test_a_section_header_added_by_hand_is_a_divider_like_deckgen_s(light: Any) -> None:
    layout = next(lay for lay in light.slide_layouts if lay.name == "Section Header")
    added = light.slides.add_slide(layout)
    assert read.xpath(layout._element, "p:cSld/p:bg//a:schemeClr/@val") == ["accent1"]
    title = added.shapes.title
    title.text_frame.text = "Part two"
    para = title.text_frame.paragraphs[0]
    run = para.runs[0]
    assert read.run_color(title, para, run) == "FFFFFF"  # the paper's colour, on the accent
    assert read.run_size(title, para) == 54
