"""deckgen check: notes asked of content slides only, rules by name, turned off by --ignore or
the front matter, warnings grouped per slide, --json."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run, write_talk

BULLETS = "\n".join(f"- bullet {i} with a few more words" for i in range(12))
TALK = f"""---
title: Checked
{{front}}---

# Part

## Quiet

- a

## Crowded

{BULLETS}

::: notes
Said.
:::

---

::: big
A statement needs no notes.
:::
"""


def _talk(folder: Path, front: str = "") -> None:
    write_talk(folder, TALK.replace("{front}", front))


def test_only_content_slides_need_notes(in_tmp: Path) -> None:
    _talk(in_tmp)
    data = json.loads(run("check", "--json").output)
    kinds = [s["kind"] for s in json.loads(run("outline", "--json").output)["slides"]]
    assert kinds == ["title", "section", "content", "content", "statement"]
    silent = [w["slide"] for w in data["warnings"] if w["rule"] == "no-notes"]
    assert silent == [3]  # not the title (1), the section (2) or the statement (5)


def test_warnings_are_grouped_per_slide_with_their_rule(in_tmp: Path) -> None:
    _talk(in_tmp)
    result = run("check")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "slide 3: Quiet",
        "  talk/talk.md:7:1: warning: slide without speaker notes [no-notes]",
        "    hint: add a '::: notes' block with what you will say",
        "slide 4: Crowded",
        "  talk/talk.md:11:1: warning: slide 'Crowded': shrunk to fit (text 22 pt) [shrunk]",
        "    hint: say less on the slide, or split it in two",
        "checked 5 slides: 2 warnings",
    ]


def test_json_lists_each_warning_with_its_slide_rule_and_place(in_tmp: Path) -> None:
    _talk(in_tmp)
    result = run("check", "--json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["slides"] == 5
    assert [(w["slide"], w["rule"], w["file"], w["line"]) for w in data["warnings"]] == [
        (3, "no-notes", "talk/talk.md", 7),
        (4, "shrunk", "talk/talk.md", 11),
    ]
    assert data["warnings"][1]["message"] == "slide 'Crowded': shrunk to fit (text 22 pt)"


def test_ignore_turns_rules_off_by_name(in_tmp: Path) -> None:
    _talk(in_tmp)
    result = run("check", "--ignore", "no-notes")
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == "checked 5 slides: 1 warning"
    assert "[no-notes]" not in result.output
    result = run("check", "--ignore", "no-notes,shrunk")
    assert result.exit_code == 0
    assert result.output == "checked 5 slides: 0 warnings\n"


def test_ignore_refuses_a_rule_it_does_not_know(in_tmp: Path) -> None:
    _talk(in_tmp)
    result = run("check", "--ignore", "shrnk")
    assert result.exit_code == 2
    assert "no rule 'shrnk' (did you mean 'shrunk'?)" in result.output


def test_front_matter_turns_rules_off(in_tmp: Path) -> None:
    _talk(in_tmp, "check: {ignore: [shrunk]}\n")
    data = json.loads(run("check", "--json").output)
    assert [w["rule"] for w in data["warnings"]] == ["no-notes"]


def test_front_matter_names_a_wrong_rule_at_its_line(in_tmp: Path) -> None:
    _talk(in_tmp, "check: {ignore: [no-note]}\n")
    result = run("check")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        "talk/talk.md:3:17: 'check' names 'no-note', which is not a rule (did you mean 'no-notes'?)"
    )


def test_a_shrink_of_one_step_is_not_a_warning(in_tmp: Path) -> None:
    bullets = "\n".join(f"- Bullet {i}: the server vets each request" for i in range(10))
    write_talk(in_tmp, f"## Nearly full\n\n{bullets}\n\n::: notes\nSaid.\n:::\n")
    layout = run("dump", "--layout").output
    assert "26pt x1" in layout  # it did shrink, from 28 to 26 pt
    assert run("check").output == "checked 1 slide: 0 warnings\n"
