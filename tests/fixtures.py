"""Fixture files of many small cases (markdown-it-py's layout): a title line, then `.`, the
input, `.`, the expected output, `.`. An input may hold several files: `==> talk/b.md <==`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

CASES = Path(__file__).parent / "cases"


@dataclass(frozen=True)
class Case:
    title: str
    sources: list[tuple[str, str]]
    expected: str
    line: int  # where the title is, to find the case when it fails


def read_cases(path: Path) -> list[Case]:
    """markdown-it-py's fixture layout: a title line, then `.`-separated input and expected."""
    lines = path.read_text(encoding="utf-8").splitlines()
    cases, index = [], 0
    while index + 1 < len(lines):
        if lines[index].strip() and lines[index + 1] == ".":
            source_end = lines.index(".", index + 2)
            expected_end = lines.index(".", source_end + 1)
            sources = split_files(lines[index + 2 : source_end])
            expected = "".join(line + "\n" for line in lines[source_end + 1 : expected_end])
            cases.append(Case(lines[index], sources, expected, index + 1))
            index = expected_end
        index += 1
    return cases


def split_files(lines: list[str]) -> list[tuple[str, str]]:
    """`==> talk/b.md <==` starts another file; the first defaults to talk.md."""
    files: list[tuple[str, list[str]]] = [("talk.md", [])]
    for line in lines:
        if line.startswith("==> ") and line.endswith(" <=="):
            files = [f for f in files if f[1]] + [(line[4:-4], [])]
        else:
            files[-1][1].append(line)
    return [(name, "".join(line + "\n" for line in body)) for name, body in files]


def rewrite_expected(path: Path, run: Callable[[list[tuple[str, str]]], str]) -> None:
    """Rewrite each case's expected part with what `run` gives now (review the diff)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    for case in reversed(read_cases(path)):
        source_end = lines.index(".", case.line + 1)
        expected_end = lines.index(".", source_end + 1)
        lines[source_end + 1 : expected_end] = run(case.sources).splitlines()
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
