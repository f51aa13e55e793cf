"""Diagram text sized for the slide it lands on: the frame, the floor, and what check reports."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from deckgen.cli import main
from deckgen.diagram.frame import Frame, slide_frame
from deckgen.diagram.scene import build_scene, landed_pt
from deckgen.diagram.spec import load_spec
from deckgen.errors import Diagnostics
from deckgen.pipeline import check_talk
from deckgen.theme import load_theme

ROOT = Path(__file__).parents[2]
SPEC = (ROOT / "diagrams" / "isomorphic.yaml").read_text("utf-8")
TALK = """---
title: T
---

## Alone

![Same name](../diagrams/same.yaml#step=1)

::: notes
n
:::

## Beside

:::: columns
::: column
- one point
:::
::: column
![Same name](../diagrams/same.yaml#step=1)

- the picture shares its column
- with these points
- so layout gives it
- less height than
- the column would
- have given it
:::
::::

::: notes
n
:::
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "talk").mkdir()
    (tmp_path / "diagrams").mkdir()
    (tmp_path / "talk" / "t.md").write_text(TALK, "utf-8")
    (tmp_path / "diagrams" / "same.yaml").write_text(SPEC, "utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_slide_frame_is_the_body_under_the_title_above_the_caption() -> None:
    theme = load_theme("default", ROOT)
    assert slide_frame(theme) == Frame(pytest.approx(873.6), pytest.approx(378.0))
    half = slide_frame(theme, share=0.5, columns=2)
    assert half.width == pytest.approx((873.6 - 14.4) / 2)


def test_text_is_sized_to_land_at_20_pt_in_its_frame() -> None:
    theme = load_theme("default", ROOT)
    spec = load_spec(SPEC, "same.yaml")
    whole = build_scene(spec, theme, Diagnostics())
    column = build_scene(spec, theme, Diagnostics(), frame=slide_frame(theme, share=0.5))
    assert landed_pt(whole) == pytest.approx(20.25, abs=0.05)
    smallest = [min(s.smallest for s in scene.steps) for scene in (whole, column)]
    assert smallest[1] > 1.5 * smallest[0]  # half the width: text drawn larger, for the column


def test_check_reports_each_diagram_slide_and_warns_at_the_talk(project: Path) -> None:
    diagnostics = Diagnostics()
    checked = check_talk(Path("talk"), diagnostics)
    lone, beside = checked.texts
    assert (lone.spec, lone.slide) == ("diagrams/same.yaml", 2)
    assert lone.points >= 20
    assert (beside.slide, beside.points < 20) == (3, True)  # sharing its column: shrunk
    warned = [w for w in diagnostics.sorted() if "on slide" in w.message]
    assert [(str(w.location), w.message) for w in warned] == [
        ("talk/t.md:20:1", f"diagrams/same.yaml: smallest text {beside.points:g} pt on slide 3, "
         "under 20 pt")
    ]  # fmt: skip


def test_check_and_dump_print_the_smallest_text_per_slide(project: Path) -> None:
    checked = CliRunner().invoke(main, ["check", "talk"])
    dumped = CliRunner().invoke(main, ["dump", "--layout", "talk"])

    def figures(output: str) -> list[str]:
        return [line for line in output.splitlines() if line.startswith("diagrams/same.yaml: ")]

    lines = figures(checked.output)
    assert len(lines) == 2
    assert lines[0].startswith("diagrams/same.yaml: smallest text 20")
    assert lines[0].endswith(" pt on slide 2")
    assert lines[1].endswith(" pt on slide 3")
    assert figures(dumped.output) == lines
