"""deckgen outline: the talk's structure with the time its notes take to say."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run, write_talk

SPEC = """deckgen: 1
items:
  a: {kind: box, at: [10, 10], size: [100, 100]}
steps:
  - {show: [a], notes: 'one two three'}
  - {notes: 'four five'}
"""


def _timed_talk(folder: Path, duration: int = 3) -> None:
    (folder / "diagrams").mkdir()
    (folder / "diagrams/d.yaml").write_text(SPEC)
    words = " ".join(["word"] * 130)
    bullets = "\n".join(f"- bullet {i} with a few more words to fill the line" for i in range(30))
    talk = (
        f"---\ntitle: Timed\nduration: {duration}\n---\n\n# Part\n\n## Spoken\n\n- a\n\n"
        f"::: notes\n{words}\n:::\n\n## Picture\n\n![d](../diagrams/d.yaml)\n\n"
        f"## Long\n\n{bullets}\n"
    )
    write_talk(folder, talk)


def test_outline_lists_every_slide_of_the_deck_with_times(in_tmp: Path) -> None:
    _timed_talk(in_tmp)
    result = run("outline")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["#", "at", "secs", "kind", "source", "title"]
    rows = [line.split(None, 5) for line in lines[1:-1]]
    assert [r[0] for r in rows] == [str(n) for n in range(1, 9)]  # numbered as the deck
    assert [r[5] for r in rows] == [
        "Timed", "Part", "Spoken", "Picture", "Picture", "Long", "Long (cont.)", "Long (cont.)",
    ]  # fmt: skip
    lines_ = [1, 6, 8, 16, 16, 20, 20, 20]
    assert [r[4] for r in rows] == [f"talk/talk.md:{n}" for n in lines_]
    assert [r[3] for r in rows[:3]] == ["title", "section", "content"]
    # 15 s title, 5 s section, 60 s for 130 words, 20 s and 10 s for the two diagram steps
    # (a next step is a moment), 20 s for each silent content slide
    assert [int(r[2]) for r in rows] == [15, 5, 60, 20, 10, 20, 20, 20]
    assert [r[1] for r in rows][-1] == "2:50"
    assert lines[-1] == "8 slides, 2:50 planned of a 3:00 slot: 0:10 under"


def test_outline_says_how_far_over_the_slot(in_tmp: Path) -> None:
    _timed_talk(in_tmp, duration=2)
    result = run("outline")
    assert result.output.splitlines()[-1] == "8 slides, 2:50 planned of a 2:00 slot: 0:50 over"


def test_outline_json_is_the_documented_shape(in_tmp: Path) -> None:
    _timed_talk(in_tmp)
    result = run("outline", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert list(data) == ["title", "duration_minutes", "total_seconds", "slides"]
    assert (data["title"], data["duration_minutes"], data["total_seconds"]) == ("Timed", 3, 170)
    assert len(data["slides"]) == 8
    spoken = data["slides"][2]
    assert spoken == {
        "n": 3, "title": "Spoken", "kind": "content", "file": "talk/talk.md", "line": 8,
        "seconds": 60, "running_seconds": 80, "notes_words": 130,
    }  # fmt: skip
    assert [s["running_seconds"] for s in data["slides"]][-1] == data["total_seconds"]


def test_dump_outline_and_warnings_agree_on_slide_numbers(in_tmp: Path) -> None:
    _timed_talk(in_tmp)
    dumped = [
        line for line in run("dump", "--layout").output.splitlines() if line.startswith("slide ")
    ]
    outlined = json.loads(run("outline", "--json").output)["slides"]
    assert len(dumped) == len(outlined) == 8
    for line, row in zip(dumped, outlined, strict=True):
        number, _kind, at = line.split()[1:4]
        assert (int(number), at.rsplit(":", 1)[0]) == (row["n"], f"@{row['file']}:{row['line']}")


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
        "slide 1: Quiet",
        "  talk/talk.md:1:1: warning: slide without speaker notes [no-notes]",
        "    hint: add a '::: notes' block with what you will say",
        "slide 2: Crowded",
        "  talk/talk.md:5:1: warning: slide 'Crowded': shrunk to fit (text 22 pt) [shrunk]",
        "    hint: say less on the slide, or split it in two",
        "checked 2 slides: 2 warnings",
    ]
    assert not (in_tmp / "build").exists()


def test_check_passes_a_clean_talk(in_tmp: Path) -> None:
    write_talk(in_tmp, "## Fine\n\n- a\n\n::: notes\nSaid.\n:::\n")
    result = run("check")
    assert result.exit_code == 0
    assert result.output == "checked 1 slide: 0 warnings\n"
