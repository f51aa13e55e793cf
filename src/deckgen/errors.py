"""Errors with a place in the user's files, and the warnings a build collects."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True, order=True)
class SourceLocation:
    """A point in a user's file: 1-based line and column."""

    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.path
        if self.col <= 0:
            return f"{self.path}:{self.line}"
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True, slots=True)
class Problem:
    """One located message: an error or a warning."""

    location: SourceLocation | None
    message: str
    hint: str | None = None
    rule: str = ""  # a warning's rule (RULES), by which check --ignore turns it off

    def __str__(self) -> str:
        text = f"{self.location}: {self.message}" if self.location else self.message
        return f"{text} ({self.hint})" if self.hint else text


class DeckgenError(Exception):
    """Bad input from the user; printed as `file:line:col: message` and exit 1."""

    def __init__(
        self, message: str, location: SourceLocation | None = None, hint: str | None = None
    ) -> None:
        super().__init__(message)
        self.problems: tuple[Problem, ...] = (Problem(location, message, hint),)

    @classmethod
    def of(cls, problems: Iterable[Problem]) -> DeckgenError:
        """One error carrying several problems, so a run reports all of them at once."""
        items = tuple(problems)
        error = cls(items[0].message, items[0].location, items[0].hint)
        error.problems = items
        return error

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class TalkError(DeckgenError):
    """The talk's Markdown or front matter is wrong."""


class ThemeError(DeckgenError):
    """A theme cannot be found or its data is wrong."""


class TemplateError(DeckgenError):
    """A template (--template, or `template:` in the front matter) cannot be read."""


class FontError(DeckgenError):
    """No font file to measure text with."""


class DiagramSpecError(DeckgenError):
    """A diagram spec is invalid: YAML faults, unknown fields, bad references."""


class OutputError(DeckgenError):
    """The deck or a picture cannot be written where the user asked."""


class StrictError(DeckgenError):
    """--strict was given and the build produced warnings."""


# The rules a warning belongs to, by the name `check --ignore` and the front matter's
# `check: {ignore: [...]}` turn them off with; each says what it is about.
RULES = {
    "no-notes": "a content slide without speaker notes",
    "shrunk": "a slide's text shrunk by more than a step (2 pt) to fit",
    "title-shrunk": "a title shrunk by more than a quarter to fit",
    "title-cut": "a title too long for a slide, cut",
    "continued": "a slide too long for one slide, continued on '(cont.)' slides",
    "diagram-text": "a diagram's text under 20 pt on its slide",
    "contrast": "a colour too faint on its background",
    "picture": "a picture that is not embedded, or has no alt text",
    "code": "a code block in a language deckgen does not know",
    "template": "a template's layout or font deckgen cannot use",
    "diagram": "something in a diagram spec deckgen ignored",
    "markup": "something in the talk's Markdown or front matter deckgen ignored",
}


def rule_of(location: SourceLocation | None) -> str:
    """The rule of a warning given none: the diagram spec's or the talk's markup."""
    path = location.path if location else ""
    return "diagram" if path.endswith((".yaml", ".yml")) else "markup"


@dataclass(slots=True)
class Diagnostics:
    """Warnings collected during a build; printed after it, fatal under --strict."""

    warnings: list[Problem] = field(default_factory=list)

    def warn(
        self,
        location: SourceLocation | None,
        message: str,
        hint: str | None = None,
        rule: str = "",
    ) -> None:
        self.warnings.append(Problem(location, message, hint, rule or rule_of(location)))

    def ignore(self, rules: frozenset[str]) -> None:
        """Drop the warnings of these rules (check --ignore, the front matter's check:)."""
        self.warnings = [p for p in self.warnings if p.rule not in rules]

    def sorted(self) -> list[Problem]:
        return sorted(self.warnings, key=in_source_order)


def in_source_order(p: Problem) -> tuple[str, int, int, str]:
    """A sort key: problems by file, line and column, as the user reads them."""
    loc = p.location or SourceLocation("")
    return (loc.path, loc.line, loc.col, p.message)


def did_you_mean(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """A hint naming the closest valid choice, or None when nothing is close."""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=cutoff)
    return f"did you mean '{close[0]}'?" if close else None
