"""What the block reader hands the slide builder: model blocks plus headings, breaks and notes."""

from __future__ import annotations

from dataclasses import dataclass, field

from deckgen.errors import Diagnostics, Problem, SourceLocation
from deckgen.model import Block, Run


@dataclass(frozen=True, slots=True)
class Heading:
    """A `#` heading; the slide builder decides whether it starts a slide."""

    level: int
    runs: tuple[Run, ...]
    source: SourceLocation


@dataclass(frozen=True, slots=True)
class Break:
    """A `---` rule, or the start of another file: the next content is a new slide."""

    source: SourceLocation


@dataclass(frozen=True, slots=True)
class Note:
    """Speaker notes for the slide being built, one string per paragraph."""

    paragraphs: tuple[str, ...]
    source: SourceLocation


@dataclass(frozen=True, slots=True)
class Directive:
    """A Marp directive comment deckgen acts on: `<!-- headingDivider: 2 -->`."""

    key: str
    value: str
    source: SourceLocation


@dataclass(frozen=True, slots=True)
class Pause:
    """Pandoc's `. . .` (or `<!-- pause -->`): what follows on the slide waits for a click.
    Kept as a place only: the slide builder numbers the clicks once the slide is whole."""

    source: SourceLocation


Item = Block | Heading | Break | Note | Directive | Pause


@dataclass(slots=True)
class Context:
    """One file being read: where it is, its lines (for columns), and where problems go."""

    path: str
    lines: list[str]
    diagnostics: Diagnostics
    problems: list[Problem] = field(default_factory=list)
    warned: set[str] = field(default_factory=set)  # shared by all files: "warn once" keys
    incremental: bool = False  # lists read here appear item by item (`::: incremental`)
    marp: bool = False  # Marp's talk: its `*` and `1)` lists appear item by item

    def at(self, line0: int, col: int | None = None) -> SourceLocation:
        """The location of a 0-based line; the column defaults to the first non-blank one."""
        if col is None:
            text = self.lines[line0] if 0 <= line0 < len(self.lines) else ""
            col = len(text) - len(text.lstrip()) + 1
        return SourceLocation(self.path, line0 + 1, col)

    def warn(self, where: SourceLocation, message: str, hint: str | None = None) -> None:
        self.diagnostics.warn(where, message, hint)

    def warn_once(self, key: str, where: SourceLocation, message: str, hint: str) -> None:
        """A warning shown at the first place only (math in every paragraph says it once)."""
        if key not in self.warned:
            self.warned.add(key)
            self.warn(where, message, hint)

    def error(self, where: SourceLocation, message: str, hint: str | None = None) -> None:
        self.problems.append(Problem(where, message, hint))
