"""Strict YAML text -> plain data that remembers where every key and item came from.

Only `true`/`false` are booleans (YAML 1.2), so `label: NO` stays the string "NO";
a duplicate key is an error; every mapping and list keeps 1-based line:col marks.
PyYAML is used here and nowhere else.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from deckgen.errors import DeckgenError, SourceLocation

Mark = tuple[int, int]


class LocDict(dict[str, Any]):
    """A mapping with the mark of itself, of each key and of each value."""

    mark: Mark = (0, 0)
    key_marks: dict[str, Mark]
    value_marks: dict[str, Mark]


class LocList(list[Any]):
    """A list with the mark of itself and of each item."""

    mark: Mark = (0, 0)
    item_marks: list[Mark]


def _mark(node: yaml.Node) -> Mark:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class _StrictLoader(yaml.SafeLoader):
    pass


# Replace YAML 1.1's booleans (yes/no/on/off) with YAML 1.2's true/false.
_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


class _DuplicateKey(Exception):
    def __init__(self, key: str, mark: Mark, first: Mark) -> None:
        super().__init__(key)
        self.key, self.mark, self.first = key, mark, first


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> LocDict:
    loader.flatten_mapping(node)
    result = LocDict()
    result.mark, result.key_marks, result.value_marks = _mark(node), {}, {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        key = key if isinstance(key, str) else str(key)
        if key in result.key_marks:
            raise _DuplicateKey(key, _mark(key_node), result.key_marks[key])
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_marks[key] = _mark(key_node)
        result.value_marks[key] = _mark(value_node)
    return result


def _construct_sequence(loader: _StrictLoader, node: yaml.SequenceNode) -> LocList:
    result = LocList(loader.construct_object(child, deep=True) for child in node.value)
    result.mark = _mark(node)
    result.item_marks = [_mark(child) for child in node.value]
    return result


_StrictLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_StrictLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def load_yaml(
    text: str, path: str, *, line_offset: int = 0, error: type[DeckgenError] = DeckgenError
) -> Any:
    """Parse YAML text; faults raise `error` located in `path` (lines shifted by line_offset)."""
    loader = _StrictLoader(text)
    try:
        data = loader.get_single_data()
    except _DuplicateKey as dup:
        line, col = dup.mark
        raise error(
            f"duplicate key '{dup.key}' (first at line {dup.first[0] + line_offset})",
            SourceLocation(path, line + line_offset, col),
        ) from None
    except yaml.MarkedYAMLError as fault:
        mark = fault.problem_mark or fault.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = f"invalid YAML: {fault.problem or fault.context}"
        raise error(message, SourceLocation(path, line + line_offset, col)) from None
    finally:
        loader.dispose()
    _shift(data, line_offset)
    return data


def _shift(data: Any, offset: int) -> None:
    if not offset:
        return
    if isinstance(data, LocDict):
        data.mark = (data.mark[0] + offset, data.mark[1])
        data.key_marks = {k: (m[0] + offset, m[1]) for k, m in data.key_marks.items()}
        data.value_marks = {k: (m[0] + offset, m[1]) for k, m in data.value_marks.items()}
        for value in data.values():
            _shift(value, offset)
    elif isinstance(data, LocList):
        data.mark = (data.mark[0] + offset, data.mark[1])
        data.item_marks = [(m[0] + offset, m[1]) for m in data.item_marks]
        for value in data:
            _shift(value, offset)
