"""deckgen build end to end: the deck a speaker opens, read back with python-pptx."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from tests import pptx_read as read
from tests.conftest import HERE, make_png, run, write_talk

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


@pytest.fixture
def features(in_tmp: Path) -> Presentation:
    shutil.copy(HERE / "cli/talks/features.md", write_talk(in_tmp, ""))
    make_png(in_tmp / "talk/img/door.png", (800, 400))
    result = run("build")
    assert result.exit_code == 0, result.output
    assert "built build/talk.pptx: 8 slides" in result.output
    return Presentation(str(in_tmp / "build/talk.pptx"))


def titles(prs: Presentation) -> list[str]:
    return [s.shapes.title.text if s.shapes.title is not None else "" for s in prs.slides]


def notes(prs: Presentation) -> list[str]:
    return [s.notes_slide.notes_text_frame.text if s.has_notes_slide else "" for s in prs.slides]


def shape_named(slide, kind: str):  # type: ignore[no-untyped-def]
    """The slide's text shapes of a kind: "Body" (placeholder or text box), "Footer", "Code"."""
    return read.shapes_of(slide, kind)


def test_titles_go_into_title_placeholders(features: Presentation) -> None:
    assert titles(features) == [
        "Shipping Rust to two places",
        "Part one",
        "Nested bullets",
        "A table",
        "Code in two languages",
        "A picture",
        "Two columns",
        "Quote",
    ]
    # each slide on the layout PowerPoint would pick, with no empty "Click to add text" box
    assert [s.slide_layout.name for s in features.slides] == [
        "Title Slide",
        "Section Header",
        "Title and Content",
        "Title Only",
        "Title Only",
        "Picture with Caption",
        "Two Content",
        "Title and Content",
    ]
    pp = PP_PLACEHOLDER
    assert [[p.placeholder_format.type for p in s.placeholders] for s in features.slides] == [
        [pp.CENTER_TITLE, pp.SUBTITLE],
        [pp.TITLE],
        [pp.TITLE, pp.OBJECT],
        [pp.TITLE],
        [pp.TITLE],
        [pp.TITLE, pp.PICTURE],
        [pp.TITLE, pp.OBJECT, pp.OBJECT],
        [pp.TITLE, pp.OBJECT],
    ]


def test_notes_land_on_their_slides(features: Presentation) -> None:
    assert notes(features) == [
        "Welcome everyone; this is the title slide's note.",
        "Section notes: we start with the basics.",
        "Bullets notes in a div.",
        "Table notes in a comment.",
        "",
        "",
        "",
        "",
    ]


def test_document_properties(features: Presentation) -> None:
    props = features.core_properties
    assert (props.title, props.author) == ("Shipping Rust to two places", "Ada Example")
    assert props.subject == "One crate, a server and a browser"


def test_bullets_nest_and_keep_inline_styles(features: Presentation) -> None:
    slide = features.slides[2]
    shape = shape_named(slide, "Body")[0]
    paras = shape.text_frame.paragraphs
    # outline levels 0, 1, 2, then 0 again: each indents 0.375 in further, with its own bullet
    assert [
        (p.level, int(read.paragraph_property(shape, p, "@marL") or 0), read.bullet(shape, p))
        for p in paras
    ] == [
        (0, 320040, "•"),
        (1, 662940, "–"),
        (2, 1005840, "▪"),
        (0, 320040, "•"),
        (0, 462280, "1."),  # the numbered list under it, in the same body
        (0, 462280, "2."),
    ]
    assert [read.run_size(shape, p) for p in paras] == [28, 26, 24, 28, 28, 28]
    looks = [
        (
            r.text,
            read.run_property(shape, paras[0], r, "@b"),
            read.run_property(shape, paras[0], r, "@i"),
        )
        for r in paras[0].runs
    ]
    assert looks == [
        ("First level with ", "0", "0"),
        ("bold", "1", "0"),
        (", ", "0", "0"),
        ("italic", "0", "1"),
        (" and ", "0", "0"),
        ("struck", "0", "0"),
        (" words", "0", "0"),
    ]
    runs = {r.text: r for p in paras for r in p.runs}
    assert runs["struck"]._r.rPr.get("strike") == "sngStrike"
    assert runs["inline_code()"].font.name == "Courier New"
    assert runs["link"].hyperlink.address == "https://example.org/docs"
    assert {r._r.rPr.get("lang") for r in runs.values()} == {"en-GB"}


def test_table_is_native_with_header_and_alignment(features: Presentation) -> None:
    frame = next(s for s in features.slides[3].shapes if s.has_table)
    table = frame.table
    assert [c.text for c in table.rows[0].cells] == ["Tool", "Server", "Browser"]
    assert [c.text for c in table.rows[2].cells] == ["render", "yes", "yes"]
    aligns = [table.cell(1, i).text_frame.paragraphs[0]._p.pPr.get("algn") for i in range(3)]
    assert aligns == ["l", "ctr", "r"]
    bold = [[c.text_frame.paragraphs[0].runs[0].font.bold for c in row.cells] for row in table.rows]
    assert bold == [[True] * 3, [False] * 3, [False] * 3]  # the header row only


def test_code_is_highlighted_editable_text(features: Presentation) -> None:
    panels = shape_named(features.slides[4], "Code")
    assert len(panels) == 2
    rust = panels[0].text_frame
    assert rust.text == 'fn main() {\n    println!("hello");\n}'
    runs = [r for p in rust.paragraphs for r in p.runs]
    assert {r.font.name for r in runs} == {"Courier New"}
    # Pygments' default style: keywords green and bold, names blue, strings red, the rest ink
    assert [(r.text, str(r.font.color.rgb), r.font.bold) for r in runs if r.text.strip()] == [
        ("fn ", "008000", True),
        ("main", "0000FF", False),
        ("() {", "222222", False),
        ("println!", "0000FF", False),
        ("(", "222222", False),
        ('"hello"', "BA2121", False),
        (");", "222222", False),
        ("}", "222222", False),
    ]
    assert [str(p.fill.fore_color.rgb) for p in panels] == ["F4F1EA", "F4F1EA"]
    assert panels[1].text_frame.text == 'def main():\n    return "hello"'


def test_picture_keeps_alt_text_size_hint_and_aspect(features: Presentation) -> None:
    pic = read.pictures(features.slides[5])[0]
    assert pic._element.nvPicPr.cNvPr.get("descr") == "An orange warehouse door"
    # 60 % of the 11094720 EMU between the 0.6 in margins, 2:1 like the PNG, centred across
    # and in the height under the title
    assert (pic.left, pic.top, pic.width, pic.height) == (2767584, 2183892, 6656832, 3328416)


def test_columns_sit_side_by_side(features: Presentation) -> None:
    bodies = shape_named(features.slides[6], "Body")
    assert [b.text_frame.text for b in bodies] == ["Left words here", "right one\nright two"]
    # 40 % and 60 % of the content width less a 0.2 in gap, side by side at the same top,
    # the pair in the middle of the height under the title
    assert [(b.left, b.top, b.width) for b in bodies] == [
        (548640, 3289300, 4364736),
        (5096256, 3289300, 6547104),
    ]


def test_every_shape_lies_on_its_slide(features: Presentation) -> None:
    for slide in features.slides:
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.left + shape.width <= features.slide_width
            assert shape.top >= 0 and shape.top + shape.height <= features.slide_height


def test_same_input_same_bytes(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_talk(in_tmp, "---\ntitle: T\n---\n\n## One\n\n- a\n")
    assert run("build", "-o", "a.pptx").exit_code == 0
    assert run("build", "-o", "b.pptx").exit_code == 0
    assert (in_tmp / "a.pptx").read_bytes() == (in_tmp / "b.pptx").read_bytes()
    assert Presentation(str(in_tmp / "a.pptx")).core_properties.created == datetime(2024, 1, 1)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert run("build", "-o", "c.pptx").exit_code == 0
    created = Presentation(str(in_tmp / "c.pptx")).core_properties.created
    assert created == datetime(2023, 11, 14, 22, 13, 20)  # 1700000000 s after 1970, UTC


def test_python_dash_m_and_usage_error(in_tmp: Path) -> None:
    import subprocess
    import sys

    write_talk(in_tmp, "## Only\n\nText\n")
    done = subprocess.run(
        [sys.executable, "-m", "deckgen", "build", "--bogus"], capture_output=True, text=True
    )
    assert done.returncode == 2
    usage, *_, error = done.stderr.splitlines()
    assert usage == "Usage: python -m deckgen build [OPTIONS] [SOURCE]"
    assert error.startswith("Error: No such option") and "--bogus" in error  # click's wording
    done = subprocess.run(
        [sys.executable, "-m", "deckgen", "build"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert (in_tmp / "build/talk.pptx").is_file()


def test_hard_line_breaks_stay_inside_one_paragraph(in_tmp: Path) -> None:
    write_talk(in_tmp, "## Breaks\n\nfirst line\\\nsecond line\n")
    assert run("build").exit_code == 0
    slide = Presentation(str(in_tmp / "build/talk.pptx")).slides[0]
    body = shape_named(slide, "Body")[0].text_frame
    assert len(body.paragraphs) == 1
    assert body.paragraphs[0].text == "first line\vsecond line"


def test_four_by_three_dark_theme_with_footer_and_numbers(in_tmp: Path) -> None:
    front = "---\ntitle: T\naspect: '4:3'\ntheme: dark\nfooter: My meetup\npaginate: true\n---\n"
    write_talk(in_tmp, front + "\n## One\n\n- a\n\n## Two\n\n- b\n")
    result = run("build")
    assert result.exit_code == 0, result.output
    prs = Presentation(str(in_tmp / "build/talk.pptx"))
    assert (prs.slide_width, prs.slide_height) == (9144000, 6858000)
    slide = prs.slides[2]
    assert read.background(slide) == "1B1D23"
    assert read.scheme_color(prs.slide_master, "bg1") == "1B1D23"  # a slide added by hand too
    footers = shape_named(slide, "Footer")
    assert [f.placeholder_format.type for f in footers] == [
        PP_PLACEHOLDER.FOOTER,
        PP_PLACEHOLDER.SLIDE_NUMBER,
    ]  # the layout's own, so Header & Footer controls them
    assert footers[0].text_frame.text == "My meetup"
    field = footers[1].text_frame.paragraphs[0]._p.find(f"{A}fld")
    assert field is not None and field.get("type") == "slidenum"
    body = shape_named(slide, "Body")[0]
    para = body.text_frame.paragraphs[0]
    assert read.run_color(body, para, para.runs[0]) == "EDEDED"


def test_a_folder_of_files_joins_in_name_order(in_tmp: Path) -> None:
    write_talk(in_tmp, "## Second file\n\n- b\n", "talk/02-body.md")
    write_talk(in_tmp, "---\ntitle: Joined\n---\n\n## First file\n\n- a\n", "talk/01-intro.md")
    result = run("build")
    assert result.exit_code == 0, result.output
    assert "built build/talk.pptx: 3 slides" in result.output
    prs = Presentation(str(in_tmp / "build/talk.pptx"))
    assert titles(prs) == ["Joined", "First file", "Second file"]


def test_section_slides_keep_short_text_and_make_room_for_long(in_tmp: Path) -> None:
    code = "```python\n" + "\n".join(f"step_{i} = run({i})" for i in range(14)) + "\n```"
    front = "---\nslide-level: 2\n---\n\n"
    write_talk(in_tmp, f"{front}# Short\n\nOne line of context.\n\n# Long\n\n{code}\n")
    result = run("build")
    assert result.exit_code == 0, result.output
    prs = Presentation(str(in_tmp / "build/talk.pptx"))
    short, long = prs.slides[0], prs.slides[1]
    assert short.shapes.title.top == 2057400  # a divider: the title ends at 42 % of the height
    assert long.shapes.title.top == 365760  # a content title at 0.4 in: room for the listing
    code_panel = shape_named(long, "Code")[0]
    assert (code_panel.top, code_panel.height) == (1577340, 4541520)  # centred under the title
    sizes = {r.font.size.pt for p in code_panel.text_frame.paragraphs for r in p.runs}
    assert sizes == {20}  # all 14 lines at the theme's code size, none shrunk
    assert str(long.shapes.title.text_frame.paragraphs[0].runs[0].font.color.rgb) == "0072B2"


def test_a_marp_background_picture_fills_the_slide_behind_the_text(in_tmp: Path) -> None:
    make_png(in_tmp / "talk/img/sky.png", (1000, 1000))
    write_talk(in_tmp, "---\nmarp: true\n---\n\n# Welcome\n\n![bg](img/sky.png)\n\nHello\n")
    result = run("build")
    assert result.exit_code == 0, result.output
    slide = Presentation(str(in_tmp / "build/talk.pptx")).slides[0]
    pictures = read.pictures(slide)
    assert len(pictures) == 1
    pic = pictures[0]
    assert (pic.left, pic.top, pic.width, pic.height) == (0, 0, 12192000, 6858000)
    assert pic.crop_top == pytest.approx(0.21875) and pic.crop_left == 0
    assert slide.shapes[0].shape_id == pic.shape_id  # under the title and the text


def test_a_marp_split_background_takes_its_side_and_the_text_the_rest(in_tmp: Path) -> None:
    make_png(in_tmp / "talk/img/crab.png", (800, 800))
    write_talk(
        in_tmp,
        "---\nmarp: true\n---\n\n# Crabs\n\n![bg left:40% A crab](img/crab.png)\n\n- claws\n",
    )
    assert run("build").exit_code == 0
    prs = Presentation(str(in_tmp / "build/talk.pptx"))
    slide = prs.slides[0]
    pic = read.pictures(slide)[0]
    assert (pic.left, pic.top, pic.height) == (0, 0, prs.slide_height)
    assert pic.width == 4876800  # 40 % of 12192000
    assert pic._element.nvPicPr.cNvPr.get("descr") == "A crab"
    for shape in (slide.shapes.title, shape_named(slide, "Body")[0]):
        # the rest of the slide, inside its own 0.6 in margins
        assert (shape.left, shape.width) == (4876800 + 548640, 6217920)


def test_a_theme_file_beside_the_talk(in_tmp: Path) -> None:
    theme = (Path(__file__).parents[2] / "src/deckgen/themes/default.yaml").read_text()
    write_talk(in_tmp, theme.replace('text: "222222"', 'text: "0B3B5C"'), "talk/navy.yaml")
    write_talk(in_tmp, "---\ntheme: navy.yaml\n---\n\n## Navy\n\n- words\n")
    result = run("build")
    assert result.exit_code == 0, result.output
    slide = Presentation(str(in_tmp / "build/talk.pptx")).slides[0]
    body = shape_named(slide, "Body")[0]
    para = body.text_frame.paragraphs[0]
    assert read.run_color(body, para, para.runs[0]) == "0B3B5C"


def test_no_slide_keeps_an_empty_placeholder(in_tmp: Path) -> None:
    """An empty placeholder shows "Click to add title" while editing: a slide without a title
    has no title placeholder, and every placeholder a slide has holds its text or picture."""
    write_talk(in_tmp, "## Titled\n\n- a point\n\n---\n\nJust a sentence, no title.\n")
    assert run("build").exit_code == 0
    prs = Presentation(str(in_tmp / "build/talk.pptx"))
    assert [s.shapes.title is not None for s in prs.slides] == [True, False]
    for slide in prs.slides:
        for ph in slide.placeholders:
            assert ph.has_text_frame is False or ph.text_frame.text.strip(), ph.name


def test_a_long_code_line_wraps_inside_one_paragraph_and_copies_as_the_source(
    in_tmp: Path,
) -> None:
    source = (
        "def check(path, headers, body, limit):\n"
        '    raise ValueError(f"the request for {path} carried {len(headers)} headers and a'
        ' body of {len(body)} bytes, more than the {limit} this server accepts")'
    )
    write_talk(in_tmp, f"## Validation\n\n```python\n{source}\n```\n")
    assert run("build").exit_code == 0
    slide = Presentation(str(in_tmp / "build/talk.pptx")).slides[0]
    (panel,) = shape_named(slide, "Code")
    assert panel.text_frame.text == source  # one paragraph per line, nothing added
    long = panel.text_frame.paragraphs[1]._p.pPr
    assert (long.get("marL"), long.get("indent")) == ("304848", "-304848")  # 2 chars of 20 pt
    marks = [s for s in slide.shapes if s.shape_type == 1]  # the bars beside continued lines
    assert len(marks) == 2


def test_the_deck_is_named_by_the_talk_not_by_how_many_files_it_holds(in_tmp: Path) -> None:
    (in_tmp / "meetup").mkdir()
    (in_tmp / "meetup/01-intro.md").write_text("## One\n\n- a\n")
    assert "built build/meetup.pptx" in run("build", "meetup").output  # one file: the folder's
    (in_tmp / "meetup/02-more.md").write_text("## Two\n\n- b\n")
    assert "built build/meetup.pptx" in run("build", "meetup").output  # two: still the folder's
    (in_tmp / "meetup/01-intro.md").write_text(
        "---\ntitle: T\noutput: berlin-2026  # the deck's name\n---\n\n## One\n"
    )
    assert "built build/berlin-2026.pptx" in run("build", "meetup").output
