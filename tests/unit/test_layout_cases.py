"""The laid-out deck as text (tests/cases/layout.md): every shape's box, sizes and line counts,
so a change to layout shows as a reviewable diff. `python -m tests.unit.test_layout_cases
--update` rewrites the expected parts."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest
from PIL import Image

from deckgen.dump import dump_placed
from deckgen.errors import Diagnostics
from deckgen.pipeline import place_talk
from tests.fixtures import CASES, Case, read_cases, rewrite_expected

PICTURES = {"wide.png": (1600, 400), "tall.png": (400, 1200), "photo.png": (1200, 900)}
LAYOUT_CASES = read_cases(CASES / "layout.md")


def run(sources: list[tuple[str, str]]) -> str:
    """Lay the case's files out (in talk/, beside the PICTURES) and dump the placed deck."""
    old = Path.cwd()
    with tempfile.TemporaryDirectory() as work:
        os.chdir(work)
        try:
            for name, text in sources:
                path = Path("talk") / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
            for name, size in PICTURES.items():
                Image.new("RGB", size, "#56B4E9").save(Path("talk") / name)
            diagnostics = Diagnostics()
            placed = place_talk(Path("talk"), Path("cache"), diagnostics)
        finally:
            os.chdir(old)
    warnings = "".join(f"warning: {p}\n" for p in diagnostics.sorted())
    return dump_placed(placed) + warnings


@pytest.mark.parametrize("case", LAYOUT_CASES, ids=[c.title for c in LAYOUT_CASES])
def test_layout_case(case: Case) -> None:
    assert run(case.sources) == case.expected, f"layout.md:{case.line}: {case.title}"


def test_the_layout_fixture_holds_a_dozen_cases() -> None:
    assert len(LAYOUT_CASES) >= 12


if __name__ == "__main__" and sys.argv[1:] == ["--update"]:
    rewrite_expected(CASES / "layout.md", run)
