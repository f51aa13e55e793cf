"""deckgen outline: the talk's structure with the time its notes take to say."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run, write_talk

SPEC = """deckgen: 1
items:
  a: {kind: box, at: [10, 10], size: [100, 100]}
steps:
  - {show: [a], notes: 'one two three'}
  - {notes: 'four five'}
"""


def test_outline_counts_sections_slides_steps_and_time(in_tmp: Path) -> None:
    (in_tmp / "diagrams").mkdir()
    (in_tmp / "diagrams/d.yaml").write_text(SPEC)
    words = " ".join(["word"] * 130)
    talk = (
        "---\ntitle: Timed\nduration: 2\n---\n\n# Part\n\n## Spoken\n\n- a\n\n"
        f"::: notes\n{words}\n:::\n\n## Picture\n\n![d](../diagrams/d.yaml)\n"
    )
    write_talk(in_tmp, talk)
    result = run("outline")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert [line[13:] for line in lines[:-1]] == [
        "Timed",
        "Part",
        "  Spoken",
        "  Picture",
        "  Picture",
    ]
    assert lines[2].split()[0] == "1:30"  # 15 s + 15 s + 60 s for 130 words
    assert lines[-1] == "5 slides, about 2:00 of notes; within the 2:00 slot"


def test_outline_reports_a_missing_spec_at_its_line(in_tmp: Path) -> None:
    write_talk(in_tmp, "## Picture\n\n![d](../diagrams/nope.yaml)\n")
    result = run("outline")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "talk/talk.md:3:1: diagram spec not found: diagrams/nope.yaml"
        " (the path is relative to the .md file)",
        "outline failed: 1 problem",
    ]


def test_check_reports_problems_and_writes_nothing(in_tmp: Path) -> None:
    bullets = "\n".join(f"- bullet {i} with a few more words" for i in range(12))
    write_talk(in_tmp, f"## Quiet\n\n- a\n\n## Crowded\n\n{bullets}\n\n::: notes\nSaid.\n:::\n")
    result = run("check")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "talk/talk.md:1:1: warning: slide without speaker notes",
        "  hint: add a '::: notes' block",
        "talk/talk.md:5:1: warning: slide 'Crowded': shrunk to fit (text 22 pt)",
        "checked 2 slides: 2 warnings",
    ]
    assert not (in_tmp / "build").exists()


def test_check_passes_a_clean_talk(in_tmp: Path) -> None:
    write_talk(in_tmp, "## Fine\n\n- a\n\n::: notes\nSaid.\n:::\n")
    result = run("check")
    assert result.exit_code == 0
    assert result.output == "checked 1 slide: 0 warnings\n"
