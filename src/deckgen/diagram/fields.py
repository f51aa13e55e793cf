"""One YAML value in, one clean Python value out, or a located problem for the report."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from deckgen.errors import Problem, SourceLocation, did_you_mean
from deckgen.yamlfile import LocDict, LocList, Mark

# The Okabe-Ito names every diagram may use; a theme may add more.
PALETTE_NAMES = (
    "orange",
    "sky",
    "green",
    "yellow",
    "blue",
    "vermillion",
    "purple",
    "grey",
    "ink",
    "white",
    "none",
)
_YAML11_BOOLS = {"yes", "no", "y", "n", "on", "off"}


class Invalid:
    """Marks a value that failed its check (already reported)."""


INVALID = Invalid()


class Checker:
    """Collects every problem found in one spec file, so a run reports them all at once."""

    def __init__(self, path: str, palette: Iterable[str] = PALETTE_NAMES) -> None:
        self.path = path
        self.palette = tuple(palette)
        self.problems: list[Problem] = []

    def at(self, mark: Mark) -> SourceLocation:
        return SourceLocation(self.path, *mark)

    def error(self, mark: Mark, message: str, hint: str | None = None) -> Invalid:
        problem = Problem(self.at(mark), message, hint)
        if problem not in self.problems:
            self.problems.append(problem)
        return INVALID


Check = Callable[[Checker, Any, Mark, str], Any]
# JSON Schema of each check, for `deckgen diagram --schema`; closures register themselves.
SCHEMAS: dict[Check, Callable[[], dict[str, Any]]] = {}


def schema_of(check: Check) -> dict[str, Any]:
    return SCHEMAS[check]() if check in SCHEMAS else {}


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, LocDict):
        return "a mapping"
    if isinstance(value, LocList):
        return f"a list of {len(value)}"
    if value is None:
        return "nothing"
    return repr(value) if isinstance(value, str) else str(value)


def _count(value: LocList) -> str:
    return f"{len(value)} number" + ("" if len(value) == 1 else "s")


def number(c: Checker, value: Any, mark: Mark, name: str) -> Any:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return c.error(mark, f"'{name}' needs a number, got {_show(value)}")


def positive(c: Checker, value: Any, mark: Mark, name: str) -> Any:
    result = number(c, value, mark, name)
    if isinstance(result, float) and result <= 0:
        return c.error(mark, f"'{name}' must be more than 0, got {value}")
    return result


def fraction(c: Checker, value: Any, mark: Mark, name: str) -> Any:
    result = number(c, value, mark, name)
    if isinstance(result, float) and not 0 <= result <= 1:
        return c.error(mark, f"'{name}' must be between 0 and 1, got {value}")
    return result


def integer(c: Checker, value: Any, mark: Mark, name: str) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return c.error(mark, f"'{name}' needs a whole number, got {_show(value)}")


def boolean(c: Checker, value: Any, mark: Mark, name: str) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in _YAML11_BOOLS:
        return c.error(
            mark,
            f"'{name}' needs true or false, got '{value}'",
            "YAML 1.1 words like yes/no/on/off are not booleans here",
        )
    return c.error(mark, f"'{name}' needs true or false, got {_show(value)}")


def text(c: Checker, value: Any, mark: Mark, name: str) -> Any:
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return c.error(mark, f"'{name}' needs text, got {_show(value)}", "put it in quotes")


def color(c: Checker, value: Any, mark: Mark, name: str) -> Any:
    if not isinstance(value, str):
        return c.error(mark, f"'{name}' needs a colour name or #RRGGBB, got {_show(value)}")
    if value in c.palette:
        return value
    bare = value.lstrip("#")
    if len(bare) == 6 and all(ch in "0123456789abcdefABCDEF" for ch in bare):
        return "#" + bare.upper()
    hint = did_you_mean(value, c.palette) or f"colours: {', '.join(c.palette)}, or #RRGGBB"
    return c.error(mark, f"unknown colour '{value}'", hint)


def one_of(*choices: str) -> Check:
    def check(c: Checker, value: Any, mark: Mark, name: str) -> Any:
        if isinstance(value, str) and value in choices:
            return value
        hint = (did_you_mean(value, choices) if isinstance(value, str) else None) or (
            f"one of: {', '.join(choices)}"
        )
        return c.error(mark, f"'{name}' cannot be {_show(value)}", hint)

    SCHEMAS[check] = lambda: {"enum": list(choices)}
    return check


def list_of(item: Check, *, min_len: int = 0) -> Check:
    def check(c: Checker, value: Any, mark: Mark, name: str) -> Any:
        if not isinstance(value, LocList):
            return c.error(mark, f"'{name}' needs a list, got {_show(value)}")
        if len(value) < min_len:
            return c.error(mark, f"'{name}' needs at least {min_len} items, got {len(value)}")
        out = [item(c, v, m, name) for v, m in zip(value, value.item_marks, strict=True)]
        return INVALID if any(v is INVALID for v in out) else tuple(out)

    SCHEMAS[check] = lambda: {"type": "array", "items": schema_of(item), "minItems": min_len}
    return check


def pair(c: Checker, value: Any, mark: Mark, name: str) -> Any:
    if not isinstance(value, LocList) or len(value) != 2:
        got = _count(value) if isinstance(value, LocList) else _show(value)
        return c.error(mark, f"'{name}' needs [x, y], got {got}")
    return list_of(number)(c, value, mark, name)


def size(c: Checker, value: Any, mark: Mark, name: str) -> Any:
    if not isinstance(value, LocList) or len(value) != 2:
        got = _count(value) if isinstance(value, LocList) else _show(value)
        return c.error(mark, f"'{name}' needs [width, height], got {got}")
    return list_of(positive)(c, value, mark, name)


def visible_range(c: Checker, value: Any, mark: Mark, name: str) -> Any:
    """`visible: 2`, `"2-3"` or `"2-"` -> (first, last) with last 0 meaning 'to the end'."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return (value, value)
    if isinstance(value, str):
        first, dash, last = value.partition("-")
        if first.strip().isdigit() and (not dash or not last.strip() or last.strip().isdigit()):
            end = int(last) if last.strip() else (0 if dash else int(first))
            if int(first) >= 1 and (end == 0 or end >= int(first)):
                return (int(first), end)
    return c.error(mark, f'\'{name}\' needs a step range like 2, "2-3" or "2-", got {_show(value)}')


def check_fields(
    c: Checker, data: LocDict, allowed: Iterable[str], what: str
) -> dict[str, tuple[Any, Mark]]:
    """The known fields of a mapping with their value marks; unknown ones are reported."""
    names = tuple(allowed)
    known: dict[str, tuple[Any, Mark]] = {}
    for key, value in data.items():
        if key in names:
            known[key] = (value, data.value_marks[key])
        else:
            hint = did_you_mean(key, names) or f"fields: {', '.join(sorted(names))}"
            c.error(data.key_marks[key], f"unknown field '{key}' in {what}", hint)
    return known


def mapping(fields: dict[str, Check], required: Iterable[str] = ()) -> Check:
    """A nested mapping with its own fields, e.g. `gate: {side: s, width: 150}`."""

    def check(c: Checker, value: Any, mark: Mark, name: str) -> Any:
        if not isinstance(value, LocDict):
            return c.error(mark, f"'{name}' needs a mapping, got {_show(value)}")
        known = check_fields(c, value, fields, f"'{name}'")
        out = {k: fields[k](c, v, m, k) for k, (v, m) in known.items()}
        for need in required:
            if need not in value:
                c.error(mark, f"'{name}' needs '{need}'")
                return INVALID
        return INVALID if any(v is INVALID for v in out.values()) else out

    SCHEMAS[check] = lambda: {
        "type": "object",
        "properties": {k: schema_of(v) for k, v in fields.items()},
        "additionalProperties": False,
    }
    return check


_NUMBER = {"type": "number"}
_PAIR = {"type": "array", "items": _NUMBER, "minItems": 2, "maxItems": 2}
SCHEMAS.update(
    {
        number: lambda: _NUMBER,
        positive: lambda: {"type": "number", "exclusiveMinimum": 0},
        fraction: lambda: {"type": "number", "minimum": 0, "maximum": 1},
        integer: lambda: {"type": "integer"},
        boolean: lambda: {"type": "boolean"},
        text: lambda: {"type": ["string", "number"]},
        color: lambda: {
            "anyOf": [{"enum": list(PALETTE_NAMES)}, {"pattern": "^#?[0-9A-Fa-f]{6}$"}]
        },
        pair: lambda: _PAIR,
        size: lambda: _PAIR,
        visible_range: lambda: {"type": ["integer", "string"]},
    }
)
