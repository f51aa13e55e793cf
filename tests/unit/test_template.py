"""Templates: what deckgen reads from a .pptx/.potx, the layout it picks for each of its own,
and the theme a deck is set in. The templates are made by examples/templates/make_templates.py."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from pptx import Presentation

from deckgen.errors import Diagnostics, SourceLocation, TemplateError
from deckgen.model import LAYOUT_NAMES
from deckgen.office.template import (
    Template,
    layout_named,
    load_template,
    open_presentation,
    pick_layout,
    slide_layout,
    template_theme,
)
from deckgen.placed import Box
from deckgen.theme import load_theme

ROOT = Path(__file__).parents[2]
CORP = ROOT / "tests/templates/corp-4x3.potx"
EXAMPLE = ROOT / "examples/templates/deckgen-example.pptx"
WHERE = SourceLocation("talk/talk.md", 3, 11)


@pytest.fixture(scope="module")
def corp() -> Template:
    return load_template(CORP)


@pytest.fixture(scope="module")
def example() -> Template:
    return load_template(EXAMPLE)


def test_a_4x3_potx_is_read_with_its_size_fonts_and_colours(corp: Template) -> None:
    assert (corp.width, corp.height) == (720.0, 540.0)
    assert (corp.heading_font, corp.body_font) == ("Corpo Sans", "Calibri")
    # The master maps tx1 to lt1 and bg1 to dk1: light text on navy.
    assert (corp.text, corp.background) == ("F5F7FA", "0B1F33")
    assert (corp.heading, corp.accent, corp.link) == ("F2A900", "F2A900", "7FC8F8")
    assert (corp.title_size, corp.body_size) == (36.0, 24.0)


def test_a_potx_is_kept_as_a_presentation_python_pptx_opens(corp: Template) -> None:
    prs = Presentation(io.BytesIO(corp.data))
    assert prs.slide_width == 9144000
    assert [layout.name for layout in prs.slide_layouts][:2] == ["Titelfolie", "Titel und Inhalt"]


def test_a_16x9_pptx_is_read_with_its_theme(example: Template) -> None:
    assert (example.width, example.height) == (960.0, 540.0)
    assert (example.heading_font, example.body_font) == ("Times New Roman", "Calibri")
    assert (example.text, example.background, example.accent) == ("1F2933", "FBF8F3", "C2410C")
    assert example.heading == "923109"  # accent1 with lumMod 75%: PowerPoint's "darker 25%"
    assert example.muted == "52606D"  # tx2, readable on the background


def test_layouts_keep_names_types_and_placeholder_boxes(corp: Template) -> None:
    content = corp.layouts[layout_named(corp, "titel und inhalt") or 0]
    assert (content.name, content.type) == ("Titel und Inhalt", "obj")
    boxes = {(p.type, p.idx): p.box for p in content.placeholders}
    # The layout's spPr has no xfrm: the boxes are the master's.
    assert boxes[("title", 0)] == Box(36.0, pytest.approx(21.625, abs=0.01), 648.0, 90.0)
    assert boxes[("obj", 1)] == Box(36.0, 126.0, 648.0, pytest.approx(356.375, abs=0.01))
    assert {layout.type for layout in corp.layouts} >= {"title", "secHead", "twoObj", "blank"}


def test_a_layout_is_found_by_powerpoints_name(example: Template) -> None:
    for wanted in LAYOUT_NAMES:
        index, warning = pick_layout(example, wanted, {})
        assert (example.layouts[index].name, warning) == (wanted, None)


def test_a_layout_is_found_by_the_front_matters_name(corp: Template) -> None:
    index, warning = pick_layout(corp, "Title Only", {"Title Only": "NUR TITEL"})
    assert (corp.layouts[index].name, warning) == ("Nur Titel", None)


def test_a_layout_is_found_by_its_type(corp: Template) -> None:
    index, warning = pick_layout(corp, "Section Header", {})
    assert (corp.layouts[index].name, warning) == ("Abschnittsüberschrift", None)


@pytest.mark.parametrize(
    ("wanted", "used"),
    [("Comparison", "Zwei Inhalte"), ("Picture with Caption", "Titel und Inhalt")],
)
def test_a_missing_layout_falls_back_to_the_closest_with_a_warning(
    corp: Template, wanted: str, used: str
) -> None:
    index, warning = pick_layout(corp, wanted, {})
    assert corp.layouts[index].name == used
    assert warning == (f"template {corp.path} has no '{wanted}' layout; '{used}' is used instead")


def test_a_front_matter_name_the_template_lacks_is_a_warning_with_did_you_mean(
    corp: Template,
) -> None:
    names = {"Title and Content": "Titel und Inhlt"}
    index, warning = pick_layout(corp, "Title and Content", names)
    assert corp.layouts[index].name == "Titel und Inhalt"
    assert warning == (
        f"template {corp.path} has no layout 'Titel und Inhlt' (did you mean 'Titel und "
        "Inhalt'?); 'Titel und Inhalt' is used"
    )


def test_the_template_s_slides_are_not_in_the_presentation_built_on_it(corp: Template) -> None:
    assert len(Presentation(io.BytesIO(corp.data)).slides) == 1  # "Vertraulich: ..."
    prs = open_presentation(corp)
    assert len(prs.slides) == 0
    prs.slides.add_slide(slide_layout(prs, pick_layout(corp, "Title Only", {})[0]))
    saved = io.BytesIO()
    prs.save(saved)
    reread = Presentation(saved)
    assert [slide.slide_layout.name for slide in reread.slides] == ["Nur Titel"]
    package = zipfile.ZipFile(saved)
    assert not any(b"Vertraulich" in package.read(name) for name in package.namelist())


def test_the_theme_takes_the_template_s_fonts_colours_margins_sizes_and_page(
    example: Template,
) -> None:
    diagnostics = Diagnostics()
    theme = template_theme(load_theme("default", ROOT), example, diagnostics)
    assert (theme.fonts.heading, theme.fonts.body, theme.fonts.code) == (
        "Times New Roman",
        "Calibri",
        "Courier New",
    )
    colors = theme.colors
    assert (colors.text, colors.background, colors.heading) == ("1F2933", "FBF8F3", "923109")
    assert (colors.accent, colors.muted) == ("C2410C", "52606D")
    assert colors.code_background == "F4F1EA"  # light: deckgen's own code panel
    margins = theme.margins
    # Title and Content: body at x 48 pt, 864 wide; title at y 21.6; body ends at 482.4.
    assert (margins.left, margins.right) == pytest.approx((48 / 72, 48 / 72))
    assert (margins.top, margins.bottom) == pytest.approx((21.625 / 72, 57.625 / 72), abs=1e-3)
    assert (theme.sizes.title, theme.sizes.body) == (40.0, 28.0)
    assert theme.page == (960.0, 540.0)
    assert diagnostics.warnings == []


def test_a_font_that_cannot_be_measured_stays_the_theme_s_with_a_warning(corp: Template) -> None:
    diagnostics = Diagnostics()
    theme = template_theme(load_theme("default", ROOT), corp, diagnostics)
    assert (theme.fonts.heading, theme.fonts.body) == ("Arial", "Calibri")
    [warning] = diagnostics.warnings
    assert warning.location == SourceLocation(corp.path)
    assert "'Corpo Sans'" in warning.message
    assert "'Arial'" in (warning.hint or "")


def test_on_a_dark_background_code_takes_the_dark_theme_s_panel(corp: Template) -> None:
    theme = template_theme(load_theme("default", ROOT), corp, Diagnostics())
    dark = load_theme("dark", ROOT)
    assert (theme.colors.code_background, theme.colors.code_text) == (
        dark.colors.code_background,
        dark.colors.code_text,
    )
    assert theme.code_style == dark.code_style
    assert theme.colors.table_header_text == "0B1F33"  # navy reads better on the amber header


def test_a_small_template_title_lowers_the_floor_too(example: Template) -> None:
    theme = template_theme(load_theme("default", ROOT), replace(example, title_size=20.0))
    assert (theme.sizes.title, theme.sizes.title_min) == (20.0, 20.0)


def test_unreadable_template_text_is_made_readable(example: Template) -> None:
    pale = replace(example, text="F0F0F0")
    theme = template_theme(load_theme("default", ROOT), pale)
    assert theme.colors.text != "F0F0F0"


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, data in entries.items():
            package.writestr(name, data)
    return buffer.getvalue()


WORD = b'<Types><Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'  # noqa: E501


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("corp.docx", b"x", "template corp.docx is not a .pptx or .potx file"),
        ("corp.pptx", None, "template not found: corp.pptx"),
        ("corp.pptx", b"not a zip at all", "template corp.pptx is not a PowerPoint file"),
        ("corp.pptx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "is encrypted"),
        (
            "corp.pptx",
            _zip({"[Content_Types].xml": WORD, "word/document.xml": b"<w/>"}),
            "template corp.pptx is a Word document",
        ),
        ("corp.potx", _zip({"a.txt": b"hello"}), "template corp.potx is not a presentation"),
    ],
)
def test_a_file_that_is_not_a_template_is_a_located_error(
    in_tmp: Path, name: str, data: bytes | None, message: str
) -> None:
    if data is not None:
        (in_tmp / name).write_bytes(data)
    with pytest.raises(TemplateError) as raised:
        load_template(Path(name), WHERE)
    [problem] = raised.value.problems
    assert problem.location == WHERE
    assert message in problem.message
    assert problem.hint


def test_a_damaged_presentation_is_a_located_error(in_tmp: Path) -> None:
    package = zipfile.ZipFile(CORP)
    entries = {n: package.read(n) for n in package.namelist() if "slideMaster" not in n}
    (in_tmp / "broken.potx").write_bytes(_zip(entries))
    with pytest.raises(TemplateError, match=r"template broken\.potx is damaged"):
        load_template(Path("broken.potx"), None)


def test_the_master_s_own_typefaces_and_theme_references_are_resolved(in_tmp: Path) -> None:
    package = zipfile.ZipFile(CORP)
    entries = {name: package.read(name) for name in package.namelist()}
    master = entries["ppt/slideMasters/slideMaster1.xml"]
    master = master.replace(b'typeface="+mj-lt"', b'typeface="Liberation Serif"')
    entries["ppt/slideMasters/slideMaster1.xml"] = master.replace(b"+mn-lt", b"+mj-lt")
    (in_tmp / "own.potx").write_bytes(_zip(entries))
    template = load_template(Path("own.potx"))
    assert (template.heading_font, template.body_font) == ("Liberation Serif", "Corpo Sans")


def test_titles_a_template_sets_in_capitals_are_measured_in_capitals(example: Template) -> None:
    from deckgen.layout.context import Ctx
    from deckgen.layout.slides import fit_heading
    from deckgen.ready import Run

    # the example keeps Office's Section Header style: its title in capitals (cap="all")
    assert [layout.name for layout in example.layouts if layout.capitals] == ["Section Header"]
    theme = template_theme(load_theme("default", Path()), example)
    assert theme.capitals == ("section",)
    title = (Run("Where the warehouse keeps every tool"),)
    ctx = Ctx(theme, 0, theme.colors.text)
    width = 800.0

    def fitted(kind: str) -> tuple[float, int]:
        para = fit_heading(title, width, ctx, 54, 28, "000000", kind=kind).paragraph
        return para.style.size, para.lines

    assert fitted("content") == (46, 1)  # as typed: one line at 46 pt
    assert fitted("section") == (32, 1)  # in capitals, wider: one line only at 32 pt
