"""Runs every case of diagram_errors.md: a bad spec and the exact error lines it must give."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from deckgen.diagram.spec import load_spec
from deckgen.errors import DiagramSpecError

CASES = Path(__file__).with_name("diagram_errors.md").read_text("utf-8")
PATTERN = re.compile(r"^## (.+?)\n+```yaml\n(.*?)```\n+```text\n(.*?)```", re.S | re.M)


def _cases() -> list[tuple[str, str, str]]:
    found = PATTERN.findall(CASES)
    assert len(found) == CASES.count("\n## "), "a case in diagram_errors.md is malformed"
    return found


@pytest.mark.parametrize(("title", "spec", "expected"), _cases(), ids=[c[0] for c in _cases()])
def test_error_case(title: str, spec: str, expected: str) -> None:
    with pytest.raises(DiagramSpecError) as caught:
        load_spec(spec, "diagrams/x.yaml")
    assert str(caught.value).splitlines() == expected.strip().splitlines()
