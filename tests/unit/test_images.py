"""images.py: which pictures go in as they are, what others become, and what a file that is
not a picture is called in the error."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from deckgen.images import (
    PictureFault,
    converted,
    embeddable,
    read_picture,
    read_svg,
    svg_fallback,
    what_it_is,
)

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="150">'
    '<rect width="300" height="150" fill="#0072B2"/></svg>'
)


def saved(path: Path, fmt: str, mode: str = "RGB", **options: object) -> Path:
    Image.new(mode, (40, 20), "#009E73" if mode == "RGB" else (10, 20, 30, 40)).save(
        path, fmt, **options
    )
    return path


@pytest.mark.parametrize(
    ("suffix", "fmt"), [(".gif", "GIF"), (".bmp", "BMP"), (".tif", "TIFF"), (".avif", "AVIF")]
)
def test_gif_bmp_tiff_and_avif_become_png(tmp_path: Path, suffix: str, fmt: str) -> None:
    path = saved(tmp_path / f"p{suffix}", fmt)
    info = read_picture(path)
    assert (info.format, info.size, embeddable(info)) == (fmt, (40, 20), False)
    data, out_suffix = converted(path)
    with Image.open(io.BytesIO(data)) as png:
        assert (out_suffix, png.format, png.size) == (".png", "PNG", (40, 20))


def test_an_animated_gif_becomes_its_first_frame(tmp_path: Path) -> None:
    frames = [Image.new("RGB", (8, 8), c) for c in ("#FF0000", "#0000FF")]
    frames[0].save(tmp_path / "a.gif", save_all=True, append_images=frames[1:])
    with Image.open(io.BytesIO(converted(tmp_path / "a.gif")[0])) as png:
        assert png.convert("RGB").getpixel((0, 0)) == (255, 0, 0)


def test_a_cmyk_jpeg_becomes_an_rgb_jpeg_and_an_rgb_one_goes_in_as_it_is(tmp_path: Path) -> None:
    cmyk = saved(tmp_path / "c.jpg", "JPEG", "CMYK")
    rgb = saved(tmp_path / "r.jpg", "JPEG")
    assert not embeddable(read_picture(cmyk))
    png = saved(tmp_path / "p.png", "PNG")
    assert embeddable(read_picture(rgb)) and embeddable(read_picture(png))
    data, suffix = converted(cmyk)
    with Image.open(io.BytesIO(data)) as jpeg:
        assert (suffix, jpeg.format, jpeg.mode, jpeg.size) == (".jpg", "JPEG", "RGB", (40, 20))


@pytest.mark.parametrize(
    ("content", "named"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "not a picture: a PDF document"),
        (b"just some notes\n", "not a picture: a text file"),
        (b"<!DOCTYPE html><html><body>404</body></html>", "not a picture: a web page (HTML)"),
        (SVG.encode(), "not a picture: an SVG drawing under another name"),
        (b"PK\x03\x04\x14\x00", "not a picture: a ZIP archive or an Office document"),
        (b"", "not a picture: an empty file"),
        (b"\x00\x01\x02\xff\xfe", "not a picture: a file of a kind deckgen does not know"),
    ],
)
def test_a_file_that_is_not_a_picture_is_named(tmp_path: Path, content: bytes, named: str) -> None:
    (tmp_path / "x.png").write_bytes(content)
    with pytest.raises(PictureFault) as fault:
        read_picture(tmp_path / "x.png")
    assert str(fault.value) == named


def test_an_avif_or_heic_pillow_cannot_read_is_named_so() -> None:
    assert what_it_is(b"\0\0\0\x1cftypavif") == "an AVIF picture, which this Pillow cannot read"
    assert what_it_is(b"\0\0\0\x18ftypheic") == "a HEIC photo, which Pillow cannot read"


def test_text_cut_inside_a_character_is_still_text() -> None:
    assert what_it_is("é".encode() * 200 + "é".encode()[:1]) == "a text file"


def test_an_svg_has_its_size_and_a_sharp_png_fallback_of_the_same_shape(tmp_path: Path) -> None:
    (tmp_path / "s.svg").write_text(SVG)
    info = read_svg(tmp_path / "s.svg")
    assert (info.format, info.size) == ("SVG", (300, 150))
    with Image.open(io.BytesIO(svg_fallback(tmp_path / "s.svg", info.size))) as png:
        assert (png.format, png.size) == ("PNG", (1920, 960))
        assert png.convert("RGB").getpixel((960, 480)) == (0, 0x72, 0xB2)


def test_a_broken_svg_is_a_fault(tmp_path: Path) -> None:
    (tmp_path / "s.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'><rect")
    with pytest.raises(PictureFault, match="broken SVG"):
        read_svg(tmp_path / "s.svg")


@pytest.mark.parametrize(
    ("root", "size"),
    [
        ('width="100000" height="100000"', (1920, 1920)),
        ('width="200mm" height="100mm"', (756, 378)),
        ('viewBox="0 0 1e6 5e5"', (1920, 960)),
    ],
)
def test_an_svg_is_drawn_at_its_declared_size_unless_that_is_huge(
    tmp_path: Path, root: str, size: tuple[int, int]
) -> None:
    (tmp_path / "s.svg").write_text(f'<svg xmlns="http://www.w3.org/2000/svg" {root}/>')
    assert read_svg(tmp_path / "s.svg").size == size
