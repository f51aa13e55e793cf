"""One YAML value in, one clean Python value out, or a located problem for the report."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from typing import Any

from deckgen.diagram.limits import COORDINATE, MAX_PARTS, MAX_TEXT, SIZE, Range
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
SHOWN = 40  # characters of a value an error repeats


class Invalid:
    """Marks a value that failed its check (already reported)."""


INVALID = Invalid()


class Checker:
    """Collects every problem found in one spec file, so a run reports them all at once."""

    def __init__(self, path: str, palette: Iterable[str] = PALETTE_NAMES) -> None:
        self.path = path
        self.palette = tuple(palette)
        self.problems: list[Problem] = []
        # Ids of items already reported (a wrong kind): references to them say nothing more.
        self.broken: set[str] = set()

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


def show(value: Any) -> str:
    """A value as an error names it: containers by their shape, long text cut short, so a
    message never echoes more of the spec than the key in question."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, LocDict):
        return "a mapping"
    if isinstance(value, LocList):
        return f"a list of {len(value)}"
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return repr(_cut(value))
    return _cut(_number_text(value))


def _cut(text: str) -> str:
    return text if len(text) <= SHOWN else text[: SHOWN - 4] + "..."


def _number_text(value: Any) -> str:
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        text = repr(value)
        return text[:-2] if text.endswith(".0") else text
    try:
        return str(value)
    except ValueError:  # past Python's 4300-digit limit
        return "a number too long to show"


def _count(value: LocList) -> str:
    return f"{len(value)} number" + ("" if len(value) == 1 else "s")


# What YAML 1.1 reads as text though people mean a number: 1e8, 2E-3 (no dot or no sign).
_EXPONENT = re.compile(r"[-+]?[0-9]+(\.[0-9]*)?[eE][-+]?[0-9]+")


def _number(c: Checker, value: Any, mark: Mark, name: str) -> Any:
    """A finite number, not yet converted: ints too large for a float stay ints here."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        hint = _yaml_number(value) if isinstance(value, str) else None
        return c.error(mark, f"'{name}' needs a number, got {show(value)}", hint)
    if isinstance(value, float) and not math.isfinite(value):
        return c.error(mark, f"'{name}' needs a finite number, got {show(value)}")
    return value


def _yaml_number(value: str) -> str | None:
    """How to write `1e8` so that YAML 1.1 reads a number: with a dot and a signed exponent."""
    if not _EXPONENT.fullmatch(value):
        return None
    spelled = _number_text(float(value))
    if "e" in spelled and "." not in spelled:
        spelled = spelled.replace("e", ".0e")
    return f"YAML reads {value} as text; write {spelled}"


def within(limits: Range) -> Check:
    """A finite number in `limits`."""

    def check(c: Checker, value: Any, mark: Mark, name: str) -> Any:
        result = _number(c, value, mark, name)
        if result is INVALID:
            return result
        if not limits.holds(result):
            return c.error(mark, f"'{name}' must be {limits.describe()}, got {show(value)}")
        return float(result)

    SCHEMAS[check] = lambda: {"type": "number", **_bounds(limits)}
    return check


def whole(limits: Range) -> Check:
    """A whole number in `limits`."""

    def check(c: Checker, value: Any, mark: Mark, name: str) -> Any:
        if not isinstance(value, int) or isinstance(value, bool):
            return c.error(mark, f"'{name}' needs a whole number, got {show(value)}")
        if not limits.holds(value):
            return c.error(mark, f"'{name}' must be {limits.describe()}, got {show(value)}")
        return value

    SCHEMAS[check] = lambda: {"type": "integer", **_bounds(limits)}
    return check


def _bounds(limits: Range) -> dict[str, float]:
    low = "exclusiveMinimum" if limits.above else "minimum"
    return {low: _plain(limits.low), "maximum": _plain(limits.high)}


def _plain(value: float) -> float:
    """20000.0 as 20000 in the schema, as people write it."""
    return int(value) if value == int(value) else value


def boolean(c: Checker, value: Any, mark: Mark, name: str) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in _YAML11_BOOLS:
        return c.error(
            mark,
            f"'{name}' needs true or false, got '{value}'",
            "YAML 1.1 words like yes/no/on/off are not booleans here",
        )
    return c.error(mark, f"'{name}' needs true or false, got {show(value)}")


def text(c: Checker, value: Any, mark: Mark, name: str) -> Any:
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return c.error(mark, f"'{name}' needs text, got {show(value)}", "put it in quotes")


def drawn_text(c: Checker, value: Any, mark: Mark, name: str) -> Any:
    """Text that is drawn in the picture (not a caption or notes): at most MAX_TEXT characters."""
    result = text(c, value, mark, name)
    if isinstance(result, str) and len(result) > MAX_TEXT:
        return c.error(mark, f"'{name}' needs at most {MAX_TEXT} characters, got {len(result)}")
    return result


def color(c: Checker, value: Any, mark: Mark, name: str) -> Any:
    if not isinstance(value, str):
        return c.error(mark, f"'{name}' needs a colour name or #RRGGBB, got {show(value)}")
    if value in c.palette:
        return value
    bare = value.lstrip("#")
    if len(bare) == 6 and all(ch in "0123456789abcdefABCDEF" for ch in bare):
        return "#" + bare.upper()
    hint = did_you_mean(value, c.palette) or f"colours: {', '.join(c.palette)}, or #RRGGBB"
    return c.error(mark, f"unknown colour {show(value)}", hint)


def one_of(*choices: str) -> Check:
    def check(c: Checker, value: Any, mark: Mark, name: str) -> Any:
        if isinstance(value, str) and value in choices:
            return value
        hint = (did_you_mean(value, choices) if isinstance(value, str) else None) or (
            f"one of: {', '.join(choices)}"
        )
        return c.error(mark, f"'{name}' cannot be {show(value)}", hint)

    SCHEMAS[check] = lambda: {"enum": list(choices)}
    return check


def list_of(item: Check, *, min_len: int = 0, max_len: int = MAX_PARTS) -> Check:
    def check(c: Checker, value: Any, mark: Mark, name: str) -> Any:
        if not isinstance(value, LocList):
            return c.error(mark, f"'{name}' needs a list, got {show(value)}")
        if len(value) < min_len:
            return c.error(mark, f"'{name}' needs at least {min_len} items, got {len(value)}")
        if len(value) > max_len:
            return c.error(mark, f"'{name}' needs at most {max_len} items, got {len(value)}")
        out = [item(c, v, m, name) for v, m in zip(value, value.item_marks, strict=True)]
        return INVALID if any(v is INVALID for v in out) else tuple(out)

    SCHEMAS[check] = lambda: {
        "type": "array",
        "items": schema_of(item),
        "minItems": min_len,
        "maxItems": max_len,
    }
    return check


_COORDINATES = list_of(within(COORDINATE), min_len=2, max_len=2)
_SIZES = list_of(within(SIZE), min_len=2, max_len=2)


def pair(c: Checker, value: Any, mark: Mark, name: str) -> Any:
    if not isinstance(value, LocList) or len(value) != 2:
        got = _count(value) if isinstance(value, LocList) else show(value)
        return c.error(mark, f"'{name}' needs [x, y], got {got}")
    return _COORDINATES(c, value, mark, name)


def size(c: Checker, value: Any, mark: Mark, name: str) -> Any:
    if not isinstance(value, LocList) or len(value) != 2:
        got = _count(value) if isinstance(value, LocList) else show(value)
        return c.error(mark, f"'{name}' needs [width, height], got {got}")
    return _SIZES(c, value, mark, name)


# A step number of at most six digits (more is no step), a dash, and an optional last step.
_STEPS = re.compile(r"\s*(\d{1,6})\s*(?:(-)\s*(\d{1,6})?\s*)?")


def visible_range(c: Checker, value: Any, mark: Mark, name: str) -> Any:
    """`visible: 2`, `"2-3"` or `"2-"` -> (first, last) with last 0 meaning 'to the end'."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return (value, value)
    found = _STEPS.fullmatch(value) if isinstance(value, str) else None
    if found:
        first = int(found[1])
        end = int(found[3]) if found[3] else (0 if found[2] else first)
        if first >= 1 and (end == 0 or end >= first):
            return (first, end)
    return c.error(mark, f'\'{name}\' needs a step range like 2, "2-3" or "2-", got {show(value)}')


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
            return c.error(mark, f"'{name}' needs a mapping, got {show(value)}")
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


SCHEMAS.update(
    {
        boolean: lambda: {"type": "boolean"},
        text: lambda: {"type": ["string", "number"]},
        drawn_text: lambda: {"type": ["string", "number"], "maxLength": MAX_TEXT},
        color: lambda: {
            "anyOf": [{"enum": list(PALETTE_NAMES)}, {"pattern": "^#?[0-9A-Fa-f]{6}$"}]
        },
        pair: lambda: schema_of(_COORDINATES),
        size: lambda: schema_of(_SIZES),
        visible_range: lambda: {"type": ["integer", "string"]},
    }
)
