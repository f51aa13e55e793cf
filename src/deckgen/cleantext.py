"""Text as people paste it -> text every later stage can hold. Word and Google Docs paste
paragraph and line separators; terminals paste escape codes. XML 1.0 (so the .pptx) cannot
carry C0 controls, and the text measurer fails on separators, so each file is cleaned once,
when it is read: separators become line breaks, other control characters are dropped."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Line and paragraph separators, and the controls that mean "new line" to the one who typed them.
BREAKS = {"\r\n": "\n", "\r": "\n", "\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n"}
BREAKS["\u2029"] = "\n\n"
_BREAK = re.compile("|".join(re.escape(k) for k in sorted(BREAKS, key=len, reverse=True)))
# Every other C0 control but tab and newline, DEL, the C1 controls, and the two non-characters.
_DROPPED = re.compile("[\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class Dropped:
    """What cleaning removed: how many characters, and the first one with its place."""

    count: int
    char: str
    line: int  # 1-based, as an editor counts them (at "\n" only)
    col: int

    def message(self) -> str:
        what = "control character" if self.count == 1 else "control characters"
        return f"{self.count} {what} dropped (the first is U+{ord(self.char):04X})"


def clean_text(text: str) -> tuple[str, Dropped | None]:
    """The text with separators as line breaks and invisible controls removed."""
    first = _DROPPED.search(text)
    dropped = None
    if first is not None:
        line = text.count("\n", 0, first.start()) + 1
        col = first.start() - (text.rfind("\n", 0, first.start()) + 1) + 1
        dropped = Dropped(len(_DROPPED.findall(text)), first.group(), line, col)
        text = _DROPPED.sub("", text)
    return _BREAK.sub(lambda m: BREAKS[m.group()], text), dropped
