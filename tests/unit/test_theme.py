"""Built-in themes: Okabe-Ito accents, readable text, and clear errors for a bad theme."""

from __future__ import annotations

from pathlib import Path

import pytest

from deckgen.colors import contrast
from deckgen.errors import ThemeError
from deckgen.theme import builtin_themes, load_theme

OKABE_ITO = {"E69F00", "56B4E9", "009E73", "F0E442", "0072B2", "D55E00", "CC79A7", "999999"}
TEXT_ON = [
    ("text", "background"),
    ("heading", "background"),
    ("muted", "background"),
    ("code_text", "code_background"),
    ("table_header_text", "table_header_background"),
    ("text", "table_stripe"),
    ("accent", "background"),
]


def test_light_and_dark_ship() -> None:
    assert builtin_themes() == ["dark", "default"]


@pytest.mark.parametrize("name", ["default", "dark"])
@pytest.mark.parametrize(("fg", "bg"), TEXT_ON)
def test_text_contrast_is_at_least_4_5(name: str, fg: str, bg: str) -> None:
    colors = load_theme(name, Path(".")).colors
    assert contrast(getattr(colors, fg), getattr(colors, bg)) >= 4.5


@pytest.mark.parametrize("name", ["default", "dark"])
def test_accents_come_from_okabe_ito(name: str) -> None:
    theme = load_theme(name, Path("."))
    assert {theme.colors.accent, theme.colors.quote_bar} <= OKABE_ITO
    paper = {"default": "FFFFFF", "dark": "1B1D23"}[name]  # the slide background
    assert theme.palette == (
        ("orange", "E69F00"),
        ("sky", "56B4E9"),
        ("green", "009E73"),
        ("yellow", "F0E442"),
        ("blue", "0072B2"),
        ("vermillion", "D55E00"),
        ("purple", "CC79A7"),
        ("grey", "999999"),
        ("ink", "222222"),
        ("white", "FFFFFF"),
        ("paper", paper),
    )


def test_a_theme_file_with_a_typo_is_located(tmp_path: Path) -> None:
    text = (Path(__file__).parents[2] / "src/deckgen/themes/default.yaml").read_text()
    (tmp_path / "mine.yaml").write_text(text.replace("  body: 28", "  bodyy: 28"))
    with pytest.raises(ThemeError) as caught:
        load_theme("mine.yaml", tmp_path)
    path = tmp_path / "mine.yaml"
    assert {str(p) for p in caught.value.problems} == {
        f"{path}:12:3: unknown sizes field 'bodyy' (did you mean 'body'?)",
        f"{path}:9:3: sizes is missing body",
    }
