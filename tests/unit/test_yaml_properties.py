"""Whatever a front matter or a theme file holds, the outcome is a deck (or theme) or a located
DeckgenError: never another exception, never a hang."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from deckgen.errors import DeckgenError, Diagnostics
from deckgen.markdown import parse_talk
from deckgen.theme import Colors, Fonts, Margins, Sizes, parse_theme
from deckgen.yamlfile import load_yaml

SETTINGS = settings(max_examples=300, deadline=timedelta(seconds=1), derandomize=True)

# Characters that mean something to YAML, a few that it refuses, and plain ones.
YAMLISH = st.text(
    alphabet=st.sampled_from(list(":-[]{}'\"#&*!|>?,%@`\\ \t\n.~0123456789aZ_\x00\x1b\x85\ufffe")),
    max_size=60,
)
ODD_SCALARS = st.sampled_from(
    [
        ".nan", ".inf", "-.inf", "~", "null", "true", "yes", "NO", "2026-02-30", "2026-13-45",
        "2026-02-30 25:61:00", "1.0e+999", "0x" + "f" * 300, "0o777", "1:20:30", "16:9", "4:3",
        "''", '""', "!!int x", "!!bool x", "!!str 5", "!!float .nan", "!!timestamp now",
        "!!binary x", "!!python/object:os.system x", "*a", "&a x", "|\n  block", "#0072B2",
        "00\"/><x", "-5", "0", "1e3", "1_000",
    ]
)  # fmt: skip
SCALARS = st.one_of(
    ODD_SCALARS,
    st.integers().map(str),
    st.text(alphabet="0123456789", min_size=20, max_size=5000),
    st.floats().map(repr),
    st.text(max_size=30).map(json.dumps),
    YAMLISH,
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4).map(lambda xs: "[" + ", ".join(xs) + "]"),
        st.dictionaries(st.from_regex(r"[a-z]{1,5}", fullmatch=True), inner, max_size=3).map(
            lambda d: "{" + ", ".join(f"{k}: {v}" for k, v in d.items()) + "}"
        ),
    ),
    max_leaves=8,
)
# Pieces of YAML syntax: anchors, aliases, merges, tags, flow and block collections.
PIECES = st.lists(
    st.sampled_from(
        ["a", "b", ": ", "- ", "\n", "  ", "&x ", "*x", "&y ", "*y", "<<: ", "[", "]", "{", "}",
         ", ", "? ", "!!str ", "!!map ", "!!seq ", "!!int ", "!!bool ", "!x ", "'", '"', "#", "|",
         ">", "---\n", "...\n", "%YAML 1.1\n", "\t", "1", ".nan", "2026-02-30", "\\", "\x00"]
    ),
    max_size=40,
).map("".join)  # fmt: skip
# The keys deckgen reads, a typo, Marp's header, and a styling key deckgen passes over.
FRONT_KEYS = st.sampled_from(
    [
        "title", "subtitle", "author", "event", "date", "duration", "theme", "aspect", "lang",
        "slide-level", "footer", "paginate", "notes", "size", "marp", "headingDivider",
        "autor", "header", "style",
    ]
)  # fmt: skip


@SETTINGS
@given(PIECES)
def test_pieces_of_yaml_syntax_load_or_fail_located(text: str) -> None:
    try:
        load_yaml(text, "f.yaml", line_offset=3)
    except DeckgenError as error:
        assert all(p.location is not None for p in error.problems), error


def parses_or_fails_located(front: str) -> None:
    talk = f"---\n{front}\n---\n\n## Slide\n\nText.\n"
    try:
        parse_talk([("talk.md", talk)], Diagnostics())
    except DeckgenError as error:
        assert all(p.location is not None for p in error.problems), error


@SETTINGS
@given(st.lists(st.tuples(FRONT_KEYS, VALUES), max_size=8))
def test_front_matter_values_give_a_deck_or_a_located_error(pairs: list[tuple[str, str]]) -> None:
    parses_or_fails_located("\n".join(f"{key}: {value}" for key, value in pairs))


@SETTINGS
@given(YAMLISH)
def test_yaml_ish_front_matter_gives_a_deck_or_a_located_error(front: str) -> None:
    parses_or_fails_located(front)


SECTIONS = {"fonts": Fonts, "sizes": Sizes, "colors": Colors, "margins": Margins}
DEFAULT = (Path(__file__).parents[2] / "src/deckgen/themes/default.yaml").read_text()


@st.composite
def theme_texts(draw: st.DrawFn) -> str:
    """The default theme with some of its values (or keys) replaced by odd ones."""
    lines = DEFAULT.splitlines()
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        index = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        key, colon, _value = lines[index].partition(":")
        if colon:
            lines[index] = f"{key}: {draw(VALUES)}"
        else:
            lines[index] = draw(YAMLISH)
    return "\n".join(lines) + "\n"


def loads_or_fails_located(text: str) -> None:
    try:
        theme = parse_theme(text, "mine.yaml")
    except DeckgenError as error:
        assert all(p.location is not None for p in error.problems), error
    else:
        assert all(len(value) == 6 for _, value in theme.palette)
        assert 1 <= theme.sizes.body_min <= theme.sizes.body <= 400


@SETTINGS
@given(theme_texts())
def test_theme_values_give_a_theme_or_a_located_error(text: str) -> None:
    loads_or_fails_located(text)


@SETTINGS
@given(YAMLISH)
def test_yaml_ish_theme_files_give_a_located_error(text: str) -> None:
    loads_or_fails_located(text)
