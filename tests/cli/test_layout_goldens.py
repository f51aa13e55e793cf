"""The laid-out deck of real-style talks (`deckgen dump --layout`: every shape's box, sizes,
line counts), kept as goldens so that any change to layout shows as a readable diff.
DECKGEN_UPDATE_GOLDENS=1 rewrites them: read the diff before committing it."""

from __future__ import annotations

import contextlib
import os

import pytest

from tests.conftest import HERE, run

TALKS = ["async"]  # the other corpus talks make their pictures when tested


@pytest.mark.parametrize("name", TALKS)
def test_the_laid_out_talk_matches_its_golden(name: str) -> None:
    with contextlib.chdir(HERE.parent):
        result = run("dump", "--layout", f"tests/cases/talks/{name}")
    assert result.exit_code == 0, result.output
    golden = HERE / f"golden/layout/{name}.txt"
    if os.environ.get("DECKGEN_UPDATE_GOLDENS"):
        golden.write_text(result.output, encoding="utf-8")
    assert result.output == golden.read_text(encoding="utf-8")
