"""Built-in themes: Okabe-Ito accents, readable text, and clear errors for a bad theme."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from deckgen.colors import contrast
from deckgen.errors import SourceLocation, ThemeError
from deckgen.fonts import font_file
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


def test_light_dark_and_paper_ship() -> None:
    assert builtin_themes() == ["dark", "default", "paper"]


@pytest.mark.parametrize("name", ["default", "dark", "paper"])
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
    path = os.path.relpath(tmp_path / "mine.yaml")  # as the user would write it
    assert {str(p) for p in caught.value.problems} == {
        f"{path}:12:3: unknown sizes field 'bodyy' (did you mean 'body'?)",
        f"{path}:9:3: sizes is missing body",
    }


DEFAULT = (Path(__file__).parents[2] / "src/deckgen/themes/default.yaml").read_text()


def problems_of(theme: str, tmp_path: Path) -> list[str]:
    (tmp_path / "mine.yaml").write_text(theme, encoding="utf-8")
    with pytest.raises(ThemeError) as caught:
        load_theme("mine.yaml", tmp_path)
    return [str(p)[str(p).index("mine.yaml") :] for p in caught.value.problems]


def changed(*edits: tuple[str, str]) -> str:
    text = DEFAULT
    for old, new in edits:
        assert old in text
        text = text.replace(old, new, 1)
    return text


THEME_FAULTS = [
    (
        ('  text: "222222"', '  text: 00"/><x'),
        "mine.yaml:22:9: 'colors.text' must be a colour of 6 hex digits, like \"0072B2\"",
    ),
    (
        ('  accent: "0072B2"', "  accent: #0072B2"),
        "mine.yaml:25:10: 'colors.accent' must be a colour of 6 hex digits, like \"0072B2\" "
        "('#' starts a comment in YAML: put the colour in quotes)",
    ),
    (
        ('  orange: "E69F00"', "  orange: E69F0"),
        "mine.yaml:40:11: 'palette.orange' must be a colour of 6 hex digits, like \"0072B2\"",
    ),
    (
        ("  body: 28", "  body: 0"),
        "mine.yaml:12:9: 'sizes.body' must be a number of points from 1 to 400",
    ),
    (
        ("  title_slide: 54", "  title_slide: 401"),
        "mine.yaml:11:16: 'sizes.title_slide' must be a number of points from 1 to 400",
    ),
    (
        ("  code: 20", '  code: "20"'),
        "mine.yaml:14:9: 'sizes.code' must be a number of points from 1 to 400",
    ),
    (
        ("  footer: 12", "  footer: true"),
        "mine.yaml:19:11: 'sizes.footer' must be a number of points from 1 to 400",
    ),
    (
        ("  body_min: 18", "  body_min: 30"),
        "mine.yaml:13:13: 'sizes.body_min' (30 pt) is above 'sizes.body' (28 pt) "
        "(body_min is the smallest size body text shrinks to)",
    ),
    (
        ("  left: 0.6", "  left: -0.1"),
        "mine.yaml:34:9: 'margins.left' must be a number of inches from 0 to 5",
    ),
    (
        ("  right: 0.6", "  right: 4.5"),
        "mine.yaml:35:10: 'margins.left' and 'margins.right' take 5.1 in of a slide's 10 in "
        "(margins may take at most half of it, 5 in together)",
    ),
    (
        ("  gap: 0.2", "  gap: .nan"),
        "mine.yaml:38:8: 'margins.gap' must be a number of inches from 0 to 2",
    ),
    (
        ("  body: Arial", "  body: [Arial]"),
        "mine.yaml:5:9: 'fonts.body' must be a font name, like Arial",
    ),
    (
        ("colors:", "colours:"),
        "mine.yaml:20:1: unknown theme key 'colours' (did you mean 'colors'?)",
    ),
    (
        ("code_style: default", "code_style: 3"),
        "mine.yaml:32:13: 'code_style' must be a name",
    ),
]


@pytest.mark.parametrize(("edit", "message"), THEME_FAULTS, ids=[f[1][10:40] for f in THEME_FAULTS])
def test_a_wrong_theme_value_is_located(
    edit: tuple[str, str], message: str, tmp_path: Path
) -> None:
    assert message in problems_of(changed(edit), tmp_path)


def test_every_wrong_theme_value_is_reported_at_once(tmp_path: Path) -> None:
    text = changed(("  body: 28", "  body: 0"), ('  text: "222222"', "  text: red"))
    assert len(problems_of(text, tmp_path)) == 2


def test_a_colour_of_digits_is_read_as_written(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text(changed(('  text: "222222"', "  text: 000000")))
    assert load_theme("mine.yaml", tmp_path).colors.text == "000000"


def test_a_missing_theme_file_is_an_error_at_the_front_matter(tmp_path: Path) -> None:
    where = SourceLocation("talk.md", 3, 8)
    with pytest.raises(ThemeError) as caught:
        load_theme("corp.yaml", tmp_path, where)
    assert str(caught.value).startswith("talk.md:3:8: theme file not found: ")


def test_a_theme_file_that_is_not_utf8_is_located(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_bytes(b"name: caf\xe9\n")
    with pytest.raises(ThemeError) as caught:
        load_theme("mine.yaml", tmp_path)
    assert str(caught.value).endswith(
        "mine.yaml:1:10: not UTF-8 text (byte 0xE9) (save the file as UTF-8)"
    )


def test_paper_pairs_a_serif_heading_with_a_sans_body_both_measurable() -> None:
    fonts = load_theme("paper", Path(".")).fonts
    assert (fonts.heading, fonts.body) == ("Times New Roman", "Calibri")
    assert font_file(fonts.heading) and font_file(fonts.body)  # or their metric twins
