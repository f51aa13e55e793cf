"""Font files: the metric twin is found; a machine without one gets told what to install."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from deckgen import fonts
from deckgen.errors import FontError


@pytest.fixture
def font_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """The only font folder is an empty `tmp_path`; the caches start and end empty."""
    monkeypatch.setattr(fonts, "font_dirs", lambda: [tmp_path])
    fonts._index.cache_clear()
    fonts.font_file.cache_clear()
    yield tmp_path
    fonts._index.cache_clear()
    fonts.font_file.cache_clear()


def test_the_real_font_wins_and_its_metric_twin_stands_in(font_folder: Path) -> None:
    # names are all the lookup reads, so empty files do
    for name in ("LiberationSans-Regular.ttf", "LiberationMono-Regular.ttf", "Arial.TTF"):
        (font_folder / name).touch()
    assert fonts.font_file("Arial") == font_folder / "Arial.TTF"
    assert fonts.font_file("Helvetica") == font_folder / "LiberationSans-Regular.ttf"
    # no bold face: the regular one measures it
    assert fonts.font_file("Courier New", bold=True) == font_folder / "LiberationMono-Regular.ttf"
    fonts.font_file.cache_clear()
    (font_folder / "LiberationMono-Bold.ttf").touch()
    fonts._index.cache_clear()
    assert fonts.font_file("Courier New", bold=True) == font_folder / "LiberationMono-Bold.ttf"


def test_widths_are_the_fonts_advances() -> None:
    # Courier New (or Liberation Mono) is monospaced, 0.6 em a letter: 12 pt at 20 pt
    assert fonts.text_width("i", "Courier New", 20) == pytest.approx(12.0, abs=0.01)
    assert fonts.text_width("m" * 10, "Courier New", 20) == pytest.approx(120.0, abs=0.05)
    assert fonts.text_width("server", "Arial", 100) == pytest.approx(277.8, abs=0.5)


def test_no_font_found_says_what_to_install(font_folder: Path) -> None:
    with pytest.raises(FontError) as caught:
        fonts.check_fonts("Georgia")
    assert "no font file found to measure 'Georgia'" in str(caught.value)
    assert "install the font or its metric-compatible twin" in str(caught.value)


def test_a_laptop_without_font_packages_measures_with_the_bundled_twins(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`pip install deckgen` on a Mac or Windows laptop: no system font folder holds the
    twins, and the fonts deckgen brings measure exactly as the system's do here."""
    system = {f: fonts.text_width("The server vets", f, 28) for f in FAMILIES}
    monkeypatch.setattr(fonts, "font_dirs", lambda: [tmp_path, fonts.BUNDLED])
    fonts._index.cache_clear()
    fonts.font_file.cache_clear()
    fonts._advance.cache_clear()
    try:
        assert all(fonts.font_file(f).parent == fonts.BUNDLED for f in FAMILIES)
        assert {f: fonts.text_width("The server vets", f, 28) for f in FAMILIES} == system
    finally:
        fonts._index.cache_clear()
        fonts.font_file.cache_clear()


FAMILIES = ("Arial", "Courier New", "Calibri", "Times New Roman")


def test_wide_characters_are_one_em_each() -> None:
    assert fonts.text_width("研究記録", "Arial", 20) == pytest.approx(80)
    # a and b are 0.556 em each in Arial: 11.12 pt at 20 pt, then one em for 研
    assert fonts.text_width("ab", "Arial", 20) == pytest.approx(22.25, abs=0.01)
    assert fonts.text_width("ab研", "Arial", 20) == pytest.approx(42.25, abs=0.01)
