"""Pictures of every format a talk brings build into a deck every reader shows: GIF, BMP, TIFF
and AVIF as PNG, a CMYK JPEG as RGB, an SVG as itself with a PNG fallback; a file that is not
a picture is a located error naming what it is."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image
from pptx import Presentation

from tests import pptx_read as read
from tests.cli.test_valid_decks import errors_of
from tests.conftest import run, write_talk

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="150">'
    '<rect width="300" height="150" fill="#0072B2"/></svg>'
)
BLUE = (0, 0x72, 0xB2)
SVG_BLIP = etree.XPath(
    "./p:blipFill/a:blip/a:extLst/a:ext/asvg:svgBlip/@r:embed",
    namespaces={
        "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
        "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
        "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "asvg": "http://schemas.microsoft.com/office/drawing/2016/SVG/main",
    },
)


def svg_talk(folder: Path) -> Path:
    (folder / "talk").mkdir()
    (folder / "talk/logo.svg").write_text(SVG)
    write_talk(folder, "## Logo\n\n![A blue band](logo.svg)\n\n## Again\n\n![Same](logo.svg)\n")
    result = run("build")
    assert result.exit_code == 0, result.output
    return folder / "build/talk.pptx"


def test_an_svg_is_embedded_as_svg_with_a_png_fallback(in_tmp: Path) -> None:
    deck = Presentation(str(svg_talk(in_tmp)))
    for slide in deck.slides:
        (pic,) = read.pictures(slide)
        assert pic.image.content_type == "image/png"  # the blip's own r:embed: the fallback
        assert pic.image.size == (1920, 960)
        (r_id,) = SVG_BLIP(pic._element)
        svg = slide.part.related_part(r_id)
        assert (svg.content_type, svg.blob) == ("image/svg+xml", SVG.encode())
        assert abs(pic.width / pic.height - 2.0) < 0.01


def test_a_deck_with_svg_pictures_is_valid(in_tmp: Path) -> None:
    assert errors_of(svg_talk(in_tmp)) == []


@pytest.mark.parametrize(
    ("name", "fmt", "mode"),
    [("a.gif", "GIF", "P"), ("a.bmp", "BMP", "RGB"), ("a.tiff", "TIFF", "RGB"),
     ("a.avif", "AVIF", "RGB")],
)  # fmt: skip
def test_gif_bmp_tiff_and_avif_are_embedded_as_png(
    in_tmp: Path, name: str, fmt: str, mode: str
) -> None:
    (in_tmp / "talk").mkdir()
    Image.new(mode, (64, 32)).save(in_tmp / "talk" / name, fmt)
    write_talk(in_tmp, f"## P\n\n![A field]({name})\n")
    assert run("build").exit_code == 0
    (pic,) = read.pictures(Presentation(str(in_tmp / "build/talk.pptx")).slides[0])
    assert (pic.image.content_type, pic.image.size) == ("image/png", (64, 32))


def test_a_cmyk_jpeg_is_embedded_as_an_rgb_jpeg(in_tmp: Path) -> None:
    (in_tmp / "talk").mkdir()
    Image.new("CMYK", (64, 32), (0, 255, 255, 0)).save(in_tmp / "talk/red.jpg", "JPEG")
    write_talk(in_tmp, "## P\n\n![Red](red.jpg)\n")
    assert run("build").exit_code == 0
    (pic,) = read.pictures(Presentation(str(in_tmp / "build/talk.pptx")).slides[0])
    assert pic.image.content_type == "image/jpeg"
    with Image.open(io.BytesIO(pic.image.blob)) as j:
        assert j.mode == "RGB"


def test_a_pdf_and_a_text_file_named_as_pictures_are_located_errors(in_tmp: Path) -> None:
    (in_tmp / "talk").mkdir()
    (in_tmp / "talk/chart.png").write_bytes(b"%PDF-1.7\n1 0 obj\n")
    (in_tmp / "talk/notes.png").write_text("remember the milk\n")
    write_talk(in_tmp, "## A\n\n![Chart](chart.png)\n\n## B\n\n![Notes](notes.png)\n")
    result = run("build")
    assert result.exit_code != 0
    assert "talk/talk.md:3:1: not a picture: a PDF document: talk/chart.png" in result.output
    assert "talk/talk.md:7:1: not a picture: a text file: talk/notes.png" in result.output


@pytest.mark.visual
@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftoppm") is None,
    reason="needs LibreOffice and poppler",
)
def test_libreoffice_draws_the_svg_slide(in_tmp: Path) -> None:
    deck = svg_talk(in_tmp)
    profile = (in_tmp / "profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(in_tmp), str(deck)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    subprocess.run(["pdftoppm", "-png", "-r", "20", "-f", "1", "-l", "1", "talk.pdf", "page"],
                   check=True, cwd=in_tmp)  # fmt: skip
    (page,) = in_tmp.glob("page*.png")
    with Image.open(page) as image:
        colours = image.convert("RGB").getcolors(1 << 16) or []
    blue = sum(n for n, c in colours if max(abs(a - b) for a, b in zip(c, BLUE, strict=True)) <= 4)
    assert blue > 0.2 * image.size[0] * image.size[1]  # the band fills much of the slide
