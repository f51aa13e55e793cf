"""Strict YAML text -> plain data that remembers where every key and item came from.

Only `true`/`false` are booleans (YAML 1.2), so `label: NO` stays the string "NO"; keys are
the text as written; duplicate keys are errors; every mapping and list keeps 1-based line:col
marks. A number or date Python cannot hold (2026-02-30, 5,000 digits, .nan) stays the text
written. Aliases are counted as they expand, so a few bytes cannot become millions of values.
Every YAML fault is a DeckgenError located in the user's file, with a hint for common slips.
PyYAML is used here and nowhere else.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from typing import Any

import yaml

from deckgen.errors import DeckgenError, Problem, SourceLocation

Mark = tuple[int, int]

MAX_VALUES = 10_000  # values a document may hold once its aliases are expanded
MAX_DEPTH = 64  # lists and mappings inside one another
MAX_NUMBER_CHARS = 100  # a longer number stays text, so no later str() or float() fails
_CORE = "tag:yaml.org,2002:"
# The explicit tags a deckgen file may use, by the kind of node they stand on.
_TAGS = {
    yaml.ScalarEvent: {f"{_CORE}{t}" for t in ("str", "int", "float", "bool", "null")},
    yaml.SequenceStartEvent: {f"{_CORE}seq"},
    yaml.MappingStartEvent: {f"{_CORE}map"},
}


class LocDict(dict[str, Any]):
    """A mapping with the mark of itself, of each key and of each value, and each scalar
    value's text as written (so `000000` can be read as a colour, not as the number 0)."""

    def __init__(self) -> None:
        super().__init__()
        self.mark: Mark = (0, 0)
        self.key_marks: dict[str, Mark] = {}
        self.value_marks: dict[str, Mark] = {}
        self.texts: dict[str, str] = {}


class LocList(list[Any]):
    """A list with the mark of itself and of each item."""

    def __init__(self, items: Iterable[Any] = ()) -> None:
        super().__init__(items)
        self.mark: Mark = (0, 0)
        self.item_marks: list[Mark] = []


class _Fault(yaml.YAMLError):
    """A fault deckgen's loader finds itself; it has its message, place and hint ready."""

    def __init__(self, message: str, mark: yaml.Mark, hint: str) -> None:
        super().__init__(message)
        self.message, self.mark, self.hint = message, mark, hint


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that counts values as aliases expand, limits nesting, allows only the core
    tags, and collects duplicate keys and stray tags instead of stopping at the first."""

    def __init__(self, text: str, path: str, line_offset: int) -> None:
        super().__init__(text)
        self.path, self.line_offset = path, line_offset
        self.problems: list[Problem] = []
        self.depth = 0
        self.values = 0
        self.sizes: dict[int, int] = {}  # id(node) -> values it holds, aliases expanded
        self.keys: dict[int, dict[str, yaml.Mark]] = {}  # id(mapping) -> its keys so far
        self.duplicates: set[int] = set()  # id() of key nodes that repeat an earlier key

    def mark(self, node: yaml.Node) -> Mark:
        return (node.start_mark.line + 1 + self.line_offset, node.start_mark.column + 1)

    def where(self, mark: yaml.Mark) -> SourceLocation:
        return SourceLocation(self.path, mark.line + 1 + self.line_offset, mark.column + 1)

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node:
        event: yaml.Event = self.peek_event()  # type: ignore[no-untyped-call]
        start = _start(event)
        if isinstance(event, yaml.AliasEvent):
            node = self._compose(parent, index)
            self._count(self.sizes.get(id(node)), start)
        else:
            node = self._compose_new(parent, index, event, start)
        if isinstance(parent, yaml.MappingNode) and index is None:  # node is a key of parent
            self._check_key(parent, node, start)
        return node

    def _compose_new(
        self, parent: yaml.Node | None, index: Any, event: yaml.Event, start: yaml.Mark
    ) -> yaml.Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            hint = "a deckgen file needs only a few levels; close some '[' or '{'"
            message = f"lists and mappings nest more than {MAX_DEPTH} deep"
            raise _Fault(message, start, hint)
        before = self.values
        node = self._compose(parent, index)
        self.depth -= 1
        self._check_tag(event, node, start)
        self._count(1, start)
        self.sizes[id(node)] = self.values - before
        return node

    def _compose(self, parent: yaml.Node | None, index: Any) -> yaml.Node:
        node = super().compose_node(parent, index)
        assert node is not None  # PyYAML returns None only at the end of a stream
        return node

    def _count(self, size: int | None, mark: yaml.Mark) -> None:
        if size is None:  # an alias to the anchor it is inside: it would never end
            hint = "an alias (*name) cannot stand inside its own anchor (&name)"
            raise _Fault("this alias repeats itself without end", mark, hint)
        self.values += size
        if self.values > MAX_VALUES:
            hint = "each alias (*name) repeats all its anchor (&name) holds; repeat less"
            message = f"the document grows past {MAX_VALUES:,} values here"
            raise _Fault(message, mark, hint)

    def _check_tag(self, event: yaml.Event, node: yaml.Node, start: yaml.Mark) -> None:
        tag = getattr(event, "tag", None)
        if tag in (None, "!") or tag in _TAGS[type(event)]:
            return
        shown = tag.replace(_CORE, "!!")
        hint = "deckgen reads plain values: remove the tag, or quote the value to keep it as text"
        message = f"YAML tag '{shown}' is not allowed"
        self.problems.append(Problem(self.where(start), message, hint))
        value = node.value if isinstance(node, yaml.ScalarNode) else None
        node.tag = self.resolve(type(node), value, (True, False))  # type: ignore[no-untyped-call]

    def _check_key(self, mapping: yaml.MappingNode, key: yaml.Node, mark: yaml.Mark) -> None:
        """Checked as each key is read, so a later syntax error is reported with these."""
        if not isinstance(key, yaml.ScalarNode):
            hint = "write the key as plain text before its ':'"
            message = "a key must be text, not a list or mapping"
            self.problems.append(Problem(self.where(mark), message, hint))
            return
        seen = self.keys.setdefault(id(mapping), {})
        if key.value in seen:
            line = seen[key.value].line + 1 + self.line_offset
            message = f"duplicate key '{key.value}' (first at line {line})"
            self.problems.append(Problem(self.where(mark), message))
            self.duplicates.add(id(key))
        else:
            seen[key.value] = mark


def _start(event: yaml.Event) -> yaml.Mark:
    mark = event.start_mark
    assert isinstance(mark, yaml.Mark)  # the pure-Python parser marks every event
    return mark


# Replace YAML 1.1's booleans (yes/no/on/off) with YAML 1.2's true/false.
_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != f"{_CORE}bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StrictLoader.add_implicit_resolver(
    f"{_CORE}bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> LocDict:
    loader.flatten_mapping(node)  # merged keys (<<) first, so the mapping's own keys win
    result = LocDict()
    result.mark = loader.mark(node)
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue  # already a problem
        key = key_node.value
        if id(key_node) in loader.duplicates:
            continue  # already a problem: the first value stands
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_marks[key] = loader.mark(key_node)
        result.value_marks[key] = loader.mark(value_node)
        result.texts.pop(key, None)
        if isinstance(value_node, yaml.ScalarNode):
            result.texts[key] = value_node.value
    return result


def _construct_sequence(loader: _StrictLoader, node: yaml.SequenceNode) -> LocList:
    result = LocList(loader.construct_object(child, deep=True) for child in node.value)
    result.mark = loader.mark(node)
    result.item_marks = [loader.mark(child) for child in node.value]
    return result


Constructor = Callable[[yaml.SafeLoader, yaml.ScalarNode], Any]


def _or_text(construct: Constructor) -> Constructor:
    """The value, or the scalar's text when Python cannot hold it sensibly."""

    def construct_or_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
        if len(node.value) > MAX_NUMBER_CHARS:
            return node.value
        try:
            value = construct(loader, node)
        except (ValueError, KeyError, IndexError, OverflowError):  # 2026-02-30, `!!int x`
            return node.value
        return node.value if isinstance(value, float) and not math.isfinite(value) else value

    return construct_or_text


_StrictLoader.add_constructor(f"{_CORE}map", _construct_mapping)
_StrictLoader.add_constructor(f"{_CORE}seq", _construct_sequence)
for _kind in ("int", "float", "bool", "timestamp"):
    _StrictLoader.add_constructor(
        f"{_CORE}{_kind}", _or_text(yaml.SafeLoader.yaml_constructors[f"{_CORE}{_kind}"])
    )


def load_yaml(
    text: str,
    path: str,
    *,
    line_offset: int = 0,
    error: type[DeckgenError] = DeckgenError,
    soft: list[Problem] | None = None,
) -> Any:
    """Parse YAML text; faults raise `error` located in `path` (lines shifted by line_offset),
    all the loader could find at once. With `soft`, the faults that still leave the data whole
    (duplicate keys, whose first value stands; tags; keys that are not text) go there instead,
    and the data comes back, so the caller can report them with its own."""
    loader: _StrictLoader | None = None
    try:
        loader = _StrictLoader(text, path, line_offset)
        data = loader.get_single_data()
    except yaml.YAMLError as fault:
        found = loader.problems if loader else []
        problems = [*found, _located(fault, text, path, line_offset)]
        raise error.of(sorted(problems, key=_place)) from None
    finally:
        if loader is not None:
            loader.dispose()
    if loader.problems and soft is None:
        raise error.of(sorted(loader.problems, key=_place))
    if soft is not None:
        soft.extend(loader.problems)
    return data


def _place(problem: Problem) -> tuple[int, int]:
    where = problem.location or SourceLocation("")
    return (where.line, where.col)


def _located(fault: yaml.YAMLError, text: str, path: str, offset: int) -> Problem:
    """A PyYAML fault as a Problem where the user should look, with a hint."""

    def at(mark: yaml.Mark) -> SourceLocation:
        return SourceLocation(path, mark.line + 1 + offset, mark.column + 1)

    if isinstance(fault, _Fault):
        return Problem(at(fault.mark), f"invalid YAML: {fault.message}", fault.hint)
    if isinstance(fault, yaml.reader.ReaderError):
        line = text.count("\n", 0, fault.position)
        col = fault.position - (text.rfind("\n", 0, fault.position) + 1)
        message = f"invalid YAML: the invisible character U+{fault.character:04X} is not allowed"
        advice = "delete it; such characters come from pasting out of terminals and word processors"
        return Problem(at(yaml.Mark(path, fault.position, line, col, None, 0)), message, advice)
    if not isinstance(fault, yaml.MarkedYAMLError):
        return Problem(SourceLocation(path, 1 + offset, 1), f"invalid YAML: {fault}")
    gave_up = fault.problem_mark or fault.context_mark
    opened, hint = _advice(fault, text.splitlines())
    mark = fault.context_mark if opened and fault.context_mark else gave_up
    if gave_up is None or mark is None:
        return Problem(SourceLocation(path, 1 + offset, 1), f"invalid YAML: {_words(fault)}", hint)
    message = f"invalid YAML: {_words(fault)}"
    if gave_up.line != mark.line:
        message += f" on line {gave_up.line + 1 + offset}"
    return Problem(at(mark), message, hint)


def _words(fault: yaml.MarkedYAMLError) -> str:
    """PyYAML's message; a few say half of it in the context ("expected a single document
    in the stream" / "but found another document")."""
    problem, context = fault.problem or "", fault.context or ""
    if "duplicate anchor" in context:
        return context.partition(";")[0]
    if problem.startswith("but ") and context:
        return f"{context}, {problem}"
    return problem or context


_OPENS = "this '{0}' starts a {2} that needs a closing '{1}'; quote text that starts with '{0}'"
_QUOTE_IT = "'{}' starts an {}: put text that starts with '{}' in quotes"
# (words in PyYAML's message, point where the construct opens?, hint)
_HINTS = (
    ("'\\t' that cannot start", False, "YAML indents with spaces: replace the tab with spaces"),
    ("parsing a flow sequence", True, _OPENS.format("[", "]", "list")),
    ("parsing a flow mapping", True, _OPENS.format("{", "}", "mapping")),
    ("unknown escape", False, "in double quotes '\\' starts an escape: use single quotes"),
    ("scanning a quoted", True, "this quote is never closed: end the value with the same quote"),
    ("scanning a simple key", True, "each line here must be 'key: value'"),
    ("undefined alias", False, _QUOTE_IT.format("*", "alias", "*")),
    ("scanning an anchor", True, _QUOTE_IT.format("&", "anchor", "&")),
    ("scanning an alias", True, _QUOTE_IT.format("*", "alias", "*")),
    ("cannot start any token", False, "a value cannot start with this character: quote it"),
    ("another document", False, "a '---' line ends the YAML here; remove it"),
    ("expected '<document start>'", False, "start the top-level keys at the left edge"),
)
_INDENT = "keys of one mapping, and items of one list, start in the same column"


def _advice(fault: yaml.MarkedYAMLError, lines: list[str]) -> tuple[bool, str | None]:
    """Where to point (where the construct opened, or where the parser gave up) and a hint."""
    words = f"{fault.context or ''} {fault.problem or ''}"
    mark = fault.problem_mark
    line = lines[mark.line] if mark and mark.line < len(lines) else ""
    before = line[: mark.column] if mark else ""
    if "mapping values are not allowed" in words:
        return False, _colon_hint(before, line)
    if "expected <block end>, but found" in words:
        if before.rstrip().endswith(("'", '"', "]", "}")):
            return False, "text follows a closing quote or bracket: put the whole value in quotes"
        return False, f"the indentation here does not match the lines above: {_INDENT}"
    return next(
        ((opened, hint) for needle, opened, hint in _HINTS if needle in words), (False, None)
    )


def _colon_hint(before: str, line: str) -> str:
    """`title: Deploys: a story`: a colon in a value; `  author:` under a value: indentation."""
    key, colon, value = line.partition(": ")
    if ":" not in before or not colon:
        return f"this line reads as part of the value above it: {_INDENT}"
    value = value.strip()
    if '"' in value:
        return "a value that holds ': ' must be in quotes"
    return f"a value that holds ': ' must be in quotes, like {key.strip()}: \"{value}\""
