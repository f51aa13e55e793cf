"""Font files: the metric twin is found; a machine without one gets told what to install."""

from __future__ import annotations

from pathlib import Path

import pytest

from deckgen import fonts
from deckgen.errors import FontError


def test_arial_is_measured_with_its_metric_twin() -> None:
    assert fonts.font_file("Arial").name.lower().startswith(("arial", "liberationsans"))
    assert (
        fonts.font_file("Courier New", bold=True)
        .name.lower()
        .startswith(("cour", "liberationmono"))
    )
    # Courier New is monospaced: ten letters are ten times one letter.
    assert fonts.text_width("m" * 10, "Courier New", 20) == pytest.approx(
        10 * fonts.text_width("i", "Courier New", 20)
    )
    assert fonts.text_width("server", "Arial", 100) == pytest.approx(277.8, abs=0.5)


def test_no_font_found_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(fonts, "font_dirs", lambda: [tmp_path])
    fonts._index.cache_clear()
    fonts.font_file.cache_clear()
    try:
        with pytest.raises(FontError) as caught:
            fonts.check_fonts("Arial")
        assert "no font file found to measure 'Arial'" in str(caught.value)
        assert "apt-get install fonts-liberation2 fonts-crosextra-carlito" in str(caught.value)
    finally:
        fonts._index.cache_clear()
        fonts.font_file.cache_clear()


def test_wide_characters_are_one_em_each() -> None:
    assert fonts.text_width("研究記録", "Arial", 20) == pytest.approx(80)
    assert fonts.text_width("ab研", "Arial", 20) == pytest.approx(
        fonts.text_width("ab", "Arial", 20) + 20
    )
