"""Never lose the user's files, never read outside the project, never show a traceback for a
bug: what `-o`, pasted text, odd pictures and internal errors do."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation

import deckgen.pipeline
from tests import pptx_read as read
from tests.conftest import make_png, run, write_talk

TALK = "## Door\n\n![An orange door](door.png)\n"


@pytest.fixture
def talk(in_tmp: Path) -> Path:
    make_png(in_tmp / "talk/door.png")
    return write_talk(in_tmp, TALK)


def refused(result_output: str, exit_code: int, *expected: str) -> None:
    assert exit_code == 1, result_output
    assert "Traceback" not in result_output
    for text in expected:
        assert text in result_output, result_output


def test_a_deck_is_never_written_over_the_talk(talk: Path) -> None:
    before = talk.read_bytes()
    result = run("build", "talk/talk.md", "-o", "talk/talk.md", "--force")
    refused(result.output, result.exit_code, "talk/talk.md is one of the build's inputs")
    assert talk.read_bytes() == before


def test_a_deck_is_never_written_over_a_picture_the_talk_shows(talk: Path) -> None:
    picture = talk.parent / "door.png"
    before = picture.read_bytes()
    result = run("build", "-o", "talk/door.png", "--force")
    refused(result.output, result.exit_code, "talk/door.png is one of the build's inputs")
    assert picture.read_bytes() == before


def test_a_symlink_to_the_talk_is_the_talk(talk: Path, in_tmp: Path) -> None:
    (in_tmp / "deck.pptx").symlink_to(talk)
    before = talk.read_bytes()
    result = run("build", "-o", "deck.pptx")
    refused(result.output, result.exit_code, "deck.pptx is one of the build's inputs")
    assert talk.read_bytes() == before


def test_an_output_without_the_pptx_suffix_needs_force(talk: Path, in_tmp: Path) -> None:
    result = run("build", "-o", "slides.md")
    refused(result.output, result.exit_code, "slides.md does not end in .pptx", "--force")
    assert not (in_tmp / "slides.md").exists()
    assert run("build", "-o", "slides.md", "--force").exit_code == 0
    assert len(Presentation(str(in_tmp / "slides.md")).slides) == 1


def test_an_output_under_a_file_is_a_clear_error_even_with_diagrams(in_tmp: Path) -> None:
    spec = "deckgen: 1\nitems:\n  a: {kind: box, at: [100, 100], size: [200, 100], label: A}\n"
    (in_tmp / "diagrams").mkdir()
    (in_tmp / "diagrams/d.yaml").write_text(spec)
    write_talk(in_tmp, "## D\n\n![A box](../diagrams/d.yaml)\n")
    (in_tmp / "afile").write_text("x")
    result = run("build", "-o", "afile/deck.pptx")
    refused(result.output, result.exit_code, "cannot write afile/deck.pptx: afile is a file")


def test_export_and_diagram_refuse_to_write_over_their_input(talk: Path, in_tmp: Path) -> None:
    before = talk.read_bytes()
    result = run("export", "-o", "talk/talk.md", "--force")
    refused(result.output, result.exit_code, "talk/talk.md is one of the build's inputs")
    assert talk.read_bytes() == before
    spec = in_tmp / "s.yaml"
    spec.write_text("deckgen: 1\nitems:\n  a: {kind: box, at: [10, 10], size: [50, 50]}\n")
    result = run("diagram", "s.yaml", "-o", "s.yaml", "--force")
    refused(result.output, result.exit_code, "s.yaml is one of the build's inputs")
    assert spec.read_text().startswith("deckgen: 1")


def test_a_picture_outside_the_project_is_refused_unless_allowed(
    in_tmp: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    elsewhere = make_png(tmp_path_factory.mktemp("elsewhere") / "secret.png")
    write_talk(in_tmp / "project", f"## S\n\n![A secret]({elsewhere})\n")
    result = run("build", "project/talk")
    refused(
        result.output, result.exit_code, "project/talk/talk.md:3:1: picture outside the project"
    )
    assert run("build", "project/talk", "--allow-outside").exit_code == 0


def test_pasted_separators_break_lines_and_controls_are_dropped_with_a_warning(
    in_tmp: Path,
) -> None:
    write_talk(in_tmp, "## Pasted\n\nfrom Word\u2028next line\n\nred \x1b[31mtext\n")
    result = run("build")
    assert result.exit_code == 0, result.output
    assert "talk/talk.md:5:5: warning: 1 control character dropped (the first is U+001B)" in (
        result.output
    )
    slide = Presentation(str(in_tmp / "build/talk.pptx")).slides[0]
    texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
    # U+2028 is a newline in the source, which Markdown reads as it reads any (a space here).
    assert texts == ["Pasted", "from Word next line\nred [31mtext"]


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims a size in its header and holds one empty row: enough for a reader that
    trusts the header, far too little for the pixels it claims."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    idat = zlib.compress(b"\0" * (1 + 3 * min(width, 16)))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def test_a_decompression_bomb_and_a_truncated_picture_are_located_errors(in_tmp: Path) -> None:
    (in_tmp / "talk").mkdir()
    (in_tmp / "talk/bomb.png").write_bytes(png_header(30000, 30000))
    whole = make_png(in_tmp / "talk/cut.png", (400, 300)).read_bytes()
    (in_tmp / "talk/cut.png").write_bytes(whole[: len(whole) // 2])
    write_talk(in_tmp, "## B\n\n![A bomb](bomb.png)\n\n## C\n\n![A cut](cut.png)\n")
    result = run("build")
    refused(
        result.output,
        result.exit_code,
        "talk/talk.md:3:1: picture too large (at most 50 megapixels): talk/bomb.png",
        "talk/talk.md:7:1: broken picture",
    )


@pytest.mark.parametrize("suffix", [".webp", ".ico", ".tga", ".ppm"])
def test_formats_powerpoint_lacks_are_embedded_as_png(in_tmp: Path, suffix: str) -> None:
    (in_tmp / "talk").mkdir()
    Image.new("RGB", (64, 64), "#009E73").save(in_tmp / f"talk/pic{suffix}")
    write_talk(in_tmp, f"## P\n\n![A green field](pic{suffix})\n")
    result = run("build")
    assert result.exit_code == 0, result.output
    (picture,) = read.pictures(Presentation(str(in_tmp / "build/talk.pptx")).slides[0])
    assert picture.image.content_type == "image/png"
    assert picture.image.size == (64, 64)


def test_a_bug_is_one_line_and_exit_70_and_debug_shows_it(
    talk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(deckgen.pipeline, "layout_deck", broken)
    result = run("build")
    assert result.exit_code == 70
    assert "Traceback" not in result.output
    assert "internal error: ZeroDivisionError: division by zero" in result.output
    assert "please report it" in result.output
    with pytest.raises(ZeroDivisionError):
        run("--debug", "build")


def built_texts(folder: Path) -> list[list[str]]:
    deck = Presentation(str(folder / "build/talk.pptx"))
    return [[s.text_frame.text for s in slide.shapes if s.has_text_frame] for slide in deck.slides]


def test_an_empty_quote_beside_text_builds(in_tmp: Path) -> None:
    write_talk(in_tmp, "## Q\n\n>\n\ntext\n")
    assert run("build").exit_code == 0
    assert built_texts(in_tmp) == [["Q", "text"]]


def test_quotes_nested_deeper_than_markdown_reads_are_an_error_not_lost_text(
    in_tmp: Path,
) -> None:
    write_talk(in_tmp, "## Q\n\n" + "> " * 60 + "deep\n\n## Next\n")
    result = run("build")
    refused(result.output, result.exit_code, "talk/talk.md:3:1: nested more than 50 levels deep")
    write_talk(in_tmp, "## Q\n\n" + "> " * 30 + "deep\n")
    assert run("build").exit_code == 0
    assert built_texts(in_tmp) == [["Q", "deep"]]


def test_list_numbers_powerpoint_cannot_hold_count_from_one(in_tmp: Path) -> None:
    write_talk(in_tmp, "## N\n\n0. zero\n1. one\n\n## M\n\n40000. big\n40001. bigger\n")
    result = run("build")
    assert result.exit_code == 0, result.output
    assert "talk/talk.md:3:1: warning: list numbered from 0: numbered from 1" in result.output
    deck = Presentation(str(in_tmp / "build/talk.pptx"))
    starts = [
        [p._p.find(".//{*}buAutoNum").get("startAt") for p in shape.text_frame.paragraphs]
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_text_frame
        and shape.text_frame.paragraphs[0]._p.find(".//{*}buAutoNum") is not None
    ]
    assert starts == [["1", "2"], ["1", "2"]]


def test_a_title_longer_than_a_document_property_is_whole_on_the_slide(in_tmp: Path) -> None:
    title = "A very long title " * 20
    write_talk(in_tmp, f"---\ntitle: {title.strip()}\nauthor: {'A' * 300}\n---\n\n## x\n")
    assert run("build").exit_code == 0
    deck = Presentation(str(in_tmp / "build/talk.pptx"))
    assert len(deck.core_properties.title) == 255
    assert deck.core_properties.title.endswith("…")
    assert deck.slides[0].shapes.title.text_frame.text == title.strip()


def test_a_date_past_what_a_zip_can_hold_is_the_last_it_can(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_talk(in_tmp, "## x\n\ny\n")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "5000000000")  # the year 2128
    assert run("build").exit_code == 0
    created = Presentation(str(in_tmp / "build/talk.pptx")).core_properties.created
    assert created is not None and created.year == 2107


def test_a_file_url_picture_is_read_as_the_local_file_with_a_warning(in_tmp: Path) -> None:
    picture = make_png(in_tmp / "talk/door.png")
    write_talk(in_tmp, f"## F\n\n![A door]({picture.as_uri()})\n")
    result = run("build")
    assert result.exit_code == 0, result.output
    assert f"talk/talk.md:3:1: warning: file:// picture read as the local file {picture}" in (
        result.output
    )
    slide = Presentation(str(in_tmp / "build/talk.pptx")).slides[0]
    assert (slide.shapes.title.text, len(read.pictures(slide))) == ("F", 1)


def test_a_theme_file_outside_the_project_is_refused_unless_allowed(
    in_tmp: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    theme = tmp_path_factory.mktemp("themes") / "corp.yaml"
    theme.write_text("name: corp\n")
    write_talk(in_tmp / "project", f"---\ntitle: T\ntheme: {theme}\n---\n\n## x\n")
    result = run("build", "project/talk")
    refused(result.output, result.exit_code, "project/talk/talk.md:3:8: theme file outside")


def test_a_diagram_picture_outside_the_project_is_refused_unless_allowed(
    in_tmp: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    elsewhere = make_png(tmp_path_factory.mktemp("elsewhere") / "secret.png")
    spec = (
        f"deckgen: 1\nitems:\n  p: {{kind: image, src: {elsewhere}, at: [9, 9], size: [99, 99]}}\n"
    )
    (in_tmp / "project/diagrams").mkdir(parents=True)
    (in_tmp / "project/diagrams/d.yaml").write_text(spec)
    write_talk(in_tmp / "project", "## D\n\n![A picture](../diagrams/d.yaml)\n")
    result = run("build", "project/talk")
    refused(result.output, result.exit_code, "project/diagrams/d.yaml:3:25: image file")
    assert "is outside the project" in result.output
    assert run("build", "project/talk", "--allow-outside").exit_code == 0


def test_a_deck_is_never_written_over_the_theme_file(in_tmp: Path) -> None:
    theme = (Path(__file__).parents[2] / "src/deckgen/themes/default.yaml").read_text()
    write_talk(in_tmp, theme, "talk/corp.yaml")
    write_talk(in_tmp, "---\ntheme: corp.yaml\n---\n\n## x\n")
    result = run("build", "-o", "talk/corp.yaml", "--force")
    refused(result.output, result.exit_code, "talk/corp.yaml is one of the build's inputs")
    assert (in_tmp / "talk/corp.yaml").read_text() == theme
