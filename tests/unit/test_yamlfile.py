"""The strict YAML loader every YAML input goes through."""

from __future__ import annotations

import pytest

from deckgen.errors import DeckgenError, DiagramSpecError
from deckgen.yamlfile import LocDict, LocList, load_yaml


def test_only_true_and_false_are_booleans() -> None:
    data = load_yaml("a: NO\nb: yes\nc: true\nd: off\ne: False\n", "x.yaml")
    assert data == {"a": "NO", "b": "yes", "c": True, "d": "off", "e": False}


def test_every_key_value_and_item_keeps_its_place() -> None:
    data = load_yaml("top:\n  list: [1, 2]\n  name: x\n", "x.yaml", line_offset=10)
    assert isinstance(data, LocDict)
    inner = data["top"]
    assert inner.key_marks == {"list": (12, 3), "name": (13, 3)}
    assert inner.value_marks["name"] == (13, 9)
    assert isinstance(inner["list"], LocList)
    assert inner["list"].item_marks == [(12, 10), (12, 13)]


def test_a_duplicate_key_is_an_error_at_the_second() -> None:
    with pytest.raises(DiagramSpecError) as caught:
        load_yaml("a: 1\nb: 2\na: 3\n", "d.yaml", error=DiagramSpecError)
    assert str(caught.value) == "d.yaml:3:1: duplicate key 'a' (first at line 1)"


def test_a_syntax_error_is_located_past_the_offset_where_its_construct_opens() -> None:
    with pytest.raises(DeckgenError) as caught:
        load_yaml("a: [1\nb: 2\n", "talk.md", line_offset=1)
    assert str(caught.value) == (
        "talk.md:2:4: invalid YAML: expected ',' or ']', but got ':' on line 3 (this '[' starts a"
        " list that needs a closing ']'; quote text that starts with '[')"
    )


def problems(text: str, line_offset: int = 0) -> list[str]:
    with pytest.raises(DeckgenError) as caught:
        load_yaml(text, "f.yaml", line_offset=line_offset)
    return [str(p) for p in caught.value.problems]


ALIAS_BOMB = "a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n" + "".join(
    f"{name}: &{name} [{','.join(['*' + inner] * 9)}]\n"
    for inner, name in zip("abcdefgh", "bcdefghi", strict=True)
)


def test_aliases_that_expand_past_the_limit_are_an_error_where_they_cross_it() -> None:
    # Nine levels, 9**9 values: this hung the loader, which walked aliases as a tree.
    assert len(ALIAS_BOMB) < 500
    assert problems(ALIAS_BOMB, line_offset=1) == [
        "f.yaml:6:8: invalid YAML: the document grows past 10,000 values here "
        "(each alias (*name) repeats all its anchor (&name) holds; repeat less)"
    ]


def test_an_alias_used_a_few_times_is_one_shared_value_shifted_once() -> None:
    data = load_yaml("base: &b {x: 1}\none: *b\ntwo: *b\n", "f.yaml", line_offset=10)
    assert data["one"] is data["two"]
    assert data["one"].key_marks == {"x": (11, 11)}


def test_an_alias_inside_its_own_anchor_is_an_error() -> None:
    assert problems("a: &a [1, *a]\n") == [
        "f.yaml:1:11: invalid YAML: this alias repeats itself without end "
        "(an alias (*name) cannot stand inside its own anchor (&name))"
    ]


def test_nesting_too_deep_is_an_error_not_a_recursion_error() -> None:
    assert problems("a: " + "[" * 5000) == [
        "f.yaml:1:67: invalid YAML: lists and mappings nest more than 64 deep "
        "(a deckgen file needs only a few levels; close some '[' or '{')"
    ]


@pytest.mark.parametrize(
    ("char", "shown"),
    [("\x1b", "U+001B"), ("\x00", "U+0000"), ("\ufffe", "U+FFFE"), ("\x85\x90", "U+0090")],
)
def test_a_raw_control_character_is_located(char: str, shown: str) -> None:
    assert problems(f"a: 1\nb: x{char}y\n", line_offset=1) == [
        f"f.yaml:3:{5 if len(char) == 1 else 6}: invalid YAML: the invisible character "
        f"{shown} is not allowed "
        "(delete it; such characters come from pasting out of terminals and word processors)"
    ]


SLIPS = [
    (
        "title: Deploys: a story\n",
        "f.yaml:1:15: invalid YAML: mapping values are not allowed here "
        "(a value that holds ': ' must be in quotes, like title: \"Deploys: a story\")",
    ),
    (
        "title: Talk\n\tauthor: Ada\n",
        "f.yaml:2:1: invalid YAML: found character '\\t' that cannot start any token "
        "(YAML indents with spaces: replace the tab with spaces)",
    ),
    (
        "author:\n  - Ada\n - Grace\n",
        "f.yaml:3:2: invalid YAML: expected <block end>, but found '<block sequence start>' "
        "(the indentation here does not match the lines above: keys of one mapping, "
        "and items of one list, start in the same column)",
    ),
    (
        "title: Talk\n  author: Ada\n",
        "f.yaml:2:9: invalid YAML: mapping values are not allowed here "
        "(this line reads as part of the value above it: keys of one mapping, "
        "and items of one list, start in the same column)",
    ),
    (
        "title: [unclosed\nauthor: Ada\n",
        "f.yaml:1:8: invalid YAML: expected ',' or ']', but got ':' on line 2 "
        "(this '[' starts a list that needs a closing ']'; quote text that starts with '[')",
    ),
    (
        'title: "unclosed\nauthor: Ada\n',
        "f.yaml:1:8: invalid YAML: found unexpected end of stream on line 3 "
        "(this quote is never closed: end the value with the same quote)",
    ),
    (
        'title: "Deploys" in practice\n',
        "f.yaml:1:18: invalid YAML: expected <block end>, but found '<scalar>' "
        "(text follows a closing quote or bracket: put the whole value in quotes)",
    ),
    (
        "a: 1\n---\nb: 2\n",
        "f.yaml:2:1: invalid YAML: expected a single document in the stream, "
        "but found another document (a '---' line ends the YAML here; remove it)",
    ),
]


@pytest.mark.parametrize(("text", "message"), SLIPS, ids=[s[0] for s in SLIPS])
def test_common_slips_have_a_hint_where_the_construct_opens(text: str, message: str) -> None:
    assert problems(text) == [message]


def test_every_duplicate_key_is_reported_at_once() -> None:
    text = "a: 1\nb: {x: 1, x: 2}\na: 2\nc: [1, 2]\na: 3\n"
    assert problems(text) == [
        "f.yaml:2:11: duplicate key 'x' (first at line 2)",
        "f.yaml:3:1: duplicate key 'a' (first at line 1)",
        "f.yaml:5:1: duplicate key 'a' (first at line 1)",
    ]


def test_duplicate_keys_come_with_a_later_syntax_error() -> None:
    assert problems("a: 1\na: 2\nb: [1\n") == [
        "f.yaml:2:1: duplicate key 'a' (first at line 1)",
        "f.yaml:3:4: invalid YAML: expected ',' or ']', but got '<stream end>' on line 4 "
        "(this '[' starts a list that needs a closing ']'; quote text that starts with '[')",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "a: !!map [1]",
        "a: !!seq {b: 1}",
        "a: !!timestamp x",
        "a: !!python/tuple [1]",
        "a: !!set {b}",
    ],
)
def test_a_tag_is_an_error_not_a_crash(text: str) -> None:
    assert problems(text)[0].startswith(f"f.yaml:1:4: YAML tag '{text[3:].split()[0]}'")


@pytest.mark.parametrize(
    "text",
    ["2026-02-30", "1" * 5000, "0x" + "f" * 5000, ".nan", "-.inf", "1.0e+400", "!!int x", "!!int "],
)
def test_a_value_python_cannot_hold_stays_the_text_written(text: str) -> None:
    assert load_yaml(f"a: {text}\n", "f.yaml") == {"a": text.removeprefix("!!int ")}


def test_keys_are_the_text_written_and_a_list_is_no_key() -> None:
    assert load_yaml("0x10: a\ntrue: b\n", "f.yaml") == {"0x10": "a", "true": "b"}
    assert problems("? [a]\n: 1\n") == [
        "f.yaml:1:3: a key must be text, not a list or mapping "
        "(write the key as plain text before its ':')"
    ]


def test_a_merged_key_may_be_overridden() -> None:
    data = load_yaml("b: &b {x: 1, y: 2}\nc: {<<: *b, x: 3}\n", "f.yaml")
    assert data["c"] == {"x": 3, "y": 2}


def test_each_scalar_value_keeps_its_text() -> None:
    data = load_yaml("colour: 000000\nsize: 1.50\n", "f.yaml")
    assert data == {"colour": 0, "size": 1.5}
    assert data.texts == {"colour": "000000", "size": "1.50"}
