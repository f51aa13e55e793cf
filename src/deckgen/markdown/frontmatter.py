"""YAML front matter text -> DeckMeta, every wrong key or value reported with its place."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from typing import Any

from deckgen.errors import Problem, SourceLocation, TalkError, did_you_mean
from deckgen.model import DeckMeta
from deckgen.yamlfile import LocDict, LocList, load_yaml


class _BadValue(Exception):
    """A front matter value of the wrong kind; the message says what was expected."""


@dataclass(frozen=True, slots=True)
class FrontMatter:
    meta: DeckMeta
    notes: tuple[str, ...] = ()
    problems: list[Problem] = field(default_factory=list)


def _text(value: Any) -> str:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise _BadValue("must be text")
    return str(value)


def _author(value: Any) -> str:
    """Pandoc allows a list of authors; they are joined with commas."""
    if isinstance(value, LocList):
        return ", ".join(_text(item) for item in value)
    return _text(value)


def _duration(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise _BadValue("must be a number of minutes, like 'duration: 30'")
    return float(value)


def _aspect(value: Any) -> str:
    # YAML 1.1 reads an unquoted 16:9 as the base-60 number 969; divmod gives it back.
    if isinstance(value, int) and not isinstance(value, bool):
        value = "{}:{}".format(*divmod(value, 60))
    if value not in ("16:9", "4:3"):
        raise _BadValue("must be '16:9' or '4:3'")
    return str(value)


def _slide_level(value: Any) -> int:
    if value not in (1, 2) or isinstance(value, bool):
        raise _BadValue("must be 1 (# starts a slide) or 2 (## starts a slide)")
    return int(value)


def _paginate(value: Any) -> bool:
    if not isinstance(value, bool):
        raise _BadValue("must be true or false")
    return value


def _lang(value: Any) -> str:
    text = _text(value)
    if not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", text):
        raise _BadValue("must be a language tag like 'en-US' or 'de'")
    return text


def _notes(value: Any) -> tuple[str, ...]:
    text = _text(value)
    return tuple(p.strip() for p in re.split(r"\n\s*\n", text) if p.strip())


_FIELDS: dict[str, Callable[[Any], Any]] = {
    "title": _text,
    "subtitle": _text,
    "author": _author,
    "event": _text,
    "date": _text,
    "duration": _duration,
    "theme": _text,
    "aspect": _aspect,
    "slide-level": _slide_level,
    "footer": _text,
    "paginate": _paginate,
    "lang": _lang,
    "notes": _notes,  # Pandoc's notes for the title slide
}
# Keys from other tools that mean something here under another name.
_ALIASES = {"size": "aspect", "headingDivider": "slide-level", "language": "lang"}
_META_FIELDS = {f.name for f in fields(DeckMeta)}


def read_front_matter(text: str, path: str, first_line: int) -> FrontMatter:
    """`first_line` is the 1-based line of the opening `---`; YAML marks are shifted past it."""
    where = SourceLocation(path, first_line, 1)
    try:
        data = load_yaml(text, path, line_offset=first_line, error=TalkError)
    except TalkError as error:
        return FrontMatter(DeckMeta(source=where), problems=list(error.problems))
    if data is None:
        return FrontMatter(DeckMeta(source=where))
    if not isinstance(data, LocDict):
        problem = Problem(where, "front matter must be 'key: value' lines")
        return FrontMatter(DeckMeta(source=where), problems=[problem])
    return _read_keys(data, path, where)


def _read_keys(data: LocDict, path: str, where: SourceLocation) -> FrontMatter:
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, value in data.items():
        reader = _FIELDS.get(key)
        if reader is None:
            hint = _unknown_hint(key)
            problems.append(Problem(_mark(path, data.key_marks[key]), _unknown(key), hint))
            continue
        try:
            values[key] = reader(value)
        except _BadValue as bad:
            problems.append(Problem(_mark(path, data.value_marks[key]), f"'{key}' {bad}"))
    notes = values.pop("notes", ())
    known = {k.replace("-", "_"): v for k, v in values.items()}
    places = tuple((key, _mark(path, data.value_marks[key])) for key in values)
    meta = DeckMeta(source=where, value_sources=places)
    meta = replace(meta, **{k: v for k, v in known.items() if k in _META_FIELDS})
    return FrontMatter(meta, notes, problems)


def _unknown(key: str) -> str:
    return f"unknown front matter key '{key}'"


def _unknown_hint(key: str) -> str | None:
    if key in _ALIASES:
        return f"did you mean '{_ALIASES[key]}'?"
    if key == "marp":
        return "deckgen needs no 'marp: true'; remove it"
    return did_you_mean(key, _FIELDS) or f"known keys: {', '.join(_FIELDS)}"


def _mark(path: str, mark: tuple[int, int]) -> SourceLocation:
    return SourceLocation(path, mark[0], mark[1])
