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


def test_a_syntax_error_is_located_past_the_offset() -> None:
    with pytest.raises(DeckgenError) as caught:
        load_yaml("a: [1\nb: 2\n", "talk.md", line_offset=1)
    assert str(caught.value) == "talk.md:3:2: invalid YAML: expected ',' or ']', but got ':'"
