"""YAML front matter text -> DeckMeta, every wrong key or value reported with its place."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from typing import Any

from deckgen.errors import RULES, Problem, SourceLocation, TalkError, did_you_mean
from deckgen.markdown.notes import lazy_values
from deckgen.model import LAYOUT_NAMES, DeckMeta
from deckgen.theme import builtin_themes
from deckgen.yamlfile import LocDict, LocList, load_yaml

MAX_DURATION = 1440.0  # minutes


class _BadValue(ValueError):
    """A front matter value of the wrong kind; the message says what was expected. `mark` is
    the place inside the value (a key of a mapping) when that is where it went wrong."""

    def __init__(
        self, message: str, mark: tuple[int, int] | None = None, hint: str | None = None
    ) -> None:
        super().__init__(message)
        self.mark = mark
        self.hint = hint


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The deck's meta, plus what only the parser needs: Marp's rules and what went wrong."""

    meta: DeckMeta
    notes: tuple[str, ...] = ()
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    marp: bool = False
    heading_divider: tuple[int, ...] = ()  # Marp's headingDivider: levels that start a slide
    slide_level_given: bool = False
    directives: dict[str, str] = field(default_factory=dict)  # Marp's `header`, `class`


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
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _BadValue("must be a number of minutes, like 'duration: 30'")
    if not 0 < value <= MAX_DURATION:  # also false for NaN
        raise _BadValue(f"must be more than 0 and at most {MAX_DURATION:g} minutes (a day)")
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


def _flag(value: Any) -> bool:
    return _paginate(value)


def heading_divider(value: Any) -> tuple[int, ...]:
    """Marp's `headingDivider: 2` (levels 1 and 2 start slides) or `[1, 3]` (those levels)."""
    if isinstance(value, LocList) and value and all(_is_level(v) for v in value):
        return tuple(sorted(set(value)))
    if _is_level(value):
        return tuple(range(1, value + 1))
    raise _BadValue("must be a heading level from 1 to 6, or a list of them")


def _is_level(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 6


def _template(value: Any) -> str:
    text = _text(value).strip()
    if not text:
        raise _BadValue("must be the path of a .pptx or .potx file")
    return text


def _layouts(value: Any) -> tuple[tuple[str, str], ...]:
    """`layouts: {Title and Content: Inhalt}`: deckgen's layout names (any case) -> the
    template's; a name deckgen does not have is an error at that name."""
    if not isinstance(value, LocDict):
        raise _BadValue(
            "must map deckgen's layout names to the template's, like {Title Only: Titel}"
        )
    ours = {name.casefold(): name for name in LAYOUT_NAMES}
    pairs = []
    for key, name in value.items():
        if str(key).casefold() not in ours:
            hint = (
                did_you_mean(str(key), LAYOUT_NAMES)
                or f"deckgen's layouts: {', '.join(LAYOUT_NAMES)}"
            )
            message = f"names '{key}', which is not one of deckgen's layouts"
            raise _BadValue(message, value.key_marks[key], hint)
        written = value.texts.get(key, "").strip()
        if isinstance(name, LocDict | LocList) or not written:
            raise _BadValue(f"has no template layout name for '{key}'", value.value_marks[key])
        pairs.append((ours[str(key).casefold()], written))
    return tuple(pairs)


def _classes(value: Any) -> str:
    """Marp's `class: invert` or `class: [lead, invert]`."""
    if isinstance(value, LocList):
        return " ".join(_text(item) for item in value)
    return _text(value)


def _check(value: Any) -> tuple[str, ...]:
    """`check: {ignore: [no-notes, shrunk]}`: the rules (errors.RULES) check leaves out."""
    if not isinstance(value, LocDict) or set(value) - {"ignore"}:
        raise _BadValue("must be like {ignore: [no-notes, shrunk]}")
    names = value.get("ignore")
    names = LocList([names]) if isinstance(names, str) else names
    if not isinstance(names, LocList) or not all(isinstance(n, str) for n in names):
        raise _BadValue("'ignore' must list rule names", value.value_marks["ignore"])
    for name in names:
        if name not in RULES:
            hint = did_you_mean(name, RULES) or f"the rules: {', '.join(RULES)}"
            mark = value.value_marks["ignore"]
            raise _BadValue(f"names '{name}', which is not a rule", mark, hint)
    return tuple(names)


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
    "template": _template,
    "layouts": _layouts,
    "aspect": _aspect,
    "slide-level": _slide_level,
    "footer": _text,
    "paginate": _paginate,
    "lang": _lang,
    "incremental": _flag,  # Pandoc's -i: every list appears item by item
    "section-numbers": _flag,  # Pandoc's --number-sections: section slides show their number
    "output": _text,  # the deck's name: build/<output>.pptx (files.default_output reads it)
    "notes": _notes,  # Pandoc's notes for the title slide
    "check": _check,  # rules deckgen check leaves out
    # Marp's keys that deckgen reads: `size` is the aspect, the others pick the slide rules.
    "size": _aspect,
    "marp": _flag,
    "headingDivider": heading_divider,
    # Marp's local directives given for the whole deck: each slide's marks (SlideMarks).
    "header": _text,
    "class": _classes,
}
# Marp's styling and HTML metadata: nothing to show in a PowerPoint deck, so not a word.
_STYLING = """style backgroundColor backgroundImage backgroundPosition backgroundRepeat
backgroundSize color math transition description image url keywords"""
_MARP_IGNORED = frozenset(_STYLING.split())
# Readers of text: a number or date there is shown as written (`1.50`, not `1.5`).
_AS_WRITTEN = frozenset({_text, _author, _lang, _notes, _template})
_MARP_THEMES = frozenset({"default", "gaia", "uncover"})
_META_FIELDS = {f.name for f in fields(DeckMeta)}


def read_front_matter(text: str, path: str, first_line: int) -> FrontMatter:
    """`first_line` is the 1-based line of the opening `---`; YAML marks are shifted past it."""
    where = SourceLocation(path, first_line, 1)
    runs_on = _runs_on(text, path, first_line)
    text = lazy_values(text)
    try:
        data = load_yaml(text, path, line_offset=first_line, error=TalkError)
    except TalkError as error:
        problems = [*runs_on, *error.problems]
        return FrontMatter(DeckMeta(source=where), problems=problems)
    if data is None:
        return FrontMatter(DeckMeta(source=where), warnings=runs_on)
    if not isinstance(data, LocDict):
        problem = Problem(where, "front matter must be 'key: value' lines")
        return FrontMatter(DeckMeta(source=where), problems=[*runs_on, problem])
    front = _read_keys(data, path, where)
    front.warnings.extend(runs_on)
    return front


_HEADING = re.compile(r"#{1,6}[ \t]+\S")
_COMMENTED_KEY = re.compile(r"#+[ \t]*[\w-]+[ \t]*:")
_KEY_LINE = re.compile(r"[A-Za-z_][\w-]*[ \t]*:(\s|$)")
_OPENING = re.compile(r"-{3,}[ \t]*")


def _runs_on(text: str, path: str, first_line: int) -> list[Problem]:
    """Front matter left open ends at the first slide's `---`, and the slides before it are
    read as YAML (a `## Heading` is a YAML comment): point at the first such heading."""
    lines = text.split("\n")
    for index, line in enumerate(lines[1:], 1):
        if lines[index - 1].strip() or not _HEADING.match(line) or _COMMENTED_KEY.match(line):
            continue
        closing = first_line + len(lines) + 1
        message = f"this heading is inside the front matter, which runs on to line {closing}"
        hint = "end the front matter with a '---' line before the first slide"
        return [Problem(SourceLocation(path, first_line + 1 + index, 1), message, hint)]
    return []


def never_closed(path: str, text: str) -> Problem | None:
    """For a talk whose front matter markdown-it did not find: a `---` first line followed by
    `key: value` lines is front matter left open, read as slide text; say so."""
    lines = text.split("\n")
    if not _OPENING.fullmatch(lines[0]):
        return None
    given = next((line for line in lines[1:] if line.strip()), "")
    if not _KEY_LINE.match(given):
        return None
    message = "front matter is never closed, so it is read as slide text"
    return Problem(SourceLocation(path, 1, 1), message, "end it with a '---' line")


def _read_keys(data: LocDict, path: str, where: SourceLocation) -> FrontMatter:
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    warnings: list[Problem] = []
    for key, value in data.items():
        reader = _FIELDS.get(key)
        if reader is None:
            _other_key(key, _mark(path, data.key_marks[key]), warnings)
            continue
        if reader in _AS_WRITTEN:
            value = _as_written(data, key)
        try:
            values[key] = reader(value)
        except _BadValue as bad:
            where_value = _mark(path, bad.mark or data.value_marks[key])
            if key == "size":  # Marp themes define sizes of their own: Marp's key, a warning
                warnings.append(Problem(where_value, f"'size' {bad}; 16:9 is used"))
            else:
                problems.append(Problem(where_value, f"'{key}' {bad}", bad.hint))
    places = {key: _mark(path, data.value_marks[key]) for key in values}
    marp = bool(values.pop("marp", False))
    if "theme" in values and not _deckgen_theme(values["theme"]):
        warn = _marp_theme if marp else _unknown_theme
        warn(values.pop("theme"), places["theme"], warnings)
    if "size" in values:
        values["aspect"] = values.pop("size")
        places["aspect"] = places.pop("size")
    divider = values.pop("headingDivider", ())
    notes = values.pop("notes", ())
    directives: dict[str, str] = {k: values.pop(k) for k in ("header", "class") if k in values}
    if "check" in values:
        values["check-ignore"] = values.pop("check")
    known = {k.replace("-", "_"): v for k, v in values.items()}
    meta = DeckMeta(source=where, value_sources=tuple(places.items()))
    meta = replace(meta, **{k: v for k, v in known.items() if k in _META_FIELDS})
    given = "slide-level" in values
    marp = marp or bool(divider)
    return FrontMatter(meta, notes, problems, warnings, marp, divider, given, directives)


def _other_key(key: str, where: SourceLocation, warnings: list[Problem]) -> None:
    """Marp's styling keys pass quietly; anything else is a warning, never a failed build."""
    if key not in _MARP_IGNORED:
        message = f"unknown front matter key '{key}' is ignored"
        # Decks carry other tools' keys: suggest only for a near miss, a typo like 'autor'.
        warnings.append(Problem(where, message, did_you_mean(key, _FIELDS, cutoff=0.75)))


def _as_written(data: LocDict, key: str) -> Any:
    value = data[key]
    if isinstance(value, int | float | datetime.date) and not isinstance(value, bool):
        return data.texts.get(key, value)
    return value


def _deckgen_theme(name: str) -> bool:
    return name in builtin_themes() or name.lower().endswith((".yaml", ".yml"))


def _marp_theme(name: str, where: SourceLocation, warnings: list[Problem]) -> None:
    """A Marp deck's theme is CSS; Marp's own themes quietly become deckgen's default."""
    if name in _MARP_THEMES:
        return
    message = f"Marp theme '{name}' is CSS deckgen cannot read; the default theme is used"
    warnings.append(Problem(where, message, _themes_hint()))


def _unknown_theme(name: str, where: SourceLocation, warnings: list[Problem]) -> None:
    """Decks made for reveal.js or Marp name themes deckgen does not have: a warning, so the
    deck still builds (in the default theme); only a missing .yaml theme file is an error."""
    near = did_you_mean(name, builtin_themes())
    hint = f"{near} {_themes_hint()}" if near else _themes_hint()
    warnings.append(Problem(where, f"unknown theme '{name}'; the default theme is used", hint))


def _themes_hint() -> str:
    return f"deckgen themes: {', '.join(builtin_themes())}, or a path to a .yaml theme file"


def _mark(path: str, mark: tuple[int, int]) -> SourceLocation:
    return SourceLocation(path, mark[0], mark[1])


_PERCENT = re.compile(r"%(?:[ \t]+(.*))?$")


def title_block(text: str, path: str) -> tuple[str, FrontMatter] | None:
    """Pandoc's `%` title block (`% Title`, `% Author; Author`, `% Date`; a line starting with
    a space continues the one above) -> the front matter it stands for, and the text with
    those lines blanked, so every later line keeps its number. None when there is none."""
    lines = text.split("\n")
    fields: list[str] = []
    count = 0
    for line in lines[:12]:
        found = _PERCENT.match(line)
        if found:
            fields.append((found.group(1) or "").strip())
        elif fields and line[:1] in (" ", "\t") and line.strip():
            fields[-1] = f"{fields[-1]} {line.strip()}".strip()
        else:
            break
        count += 1
    if not fields:
        return None
    title, authors, date = [*fields, "", "", ""][:3]
    author = ", ".join(a.strip() for a in authors.split(";") if a.strip())
    where = SourceLocation(path, 1, 1)
    meta = DeckMeta(title=title, author=author, date=date, source=where)
    return "\n" * count + "\n".join(lines[count:]), FrontMatter(meta)
