"""`deckgen build --template` and `template:` in the front matter, end to end."""

from __future__ import annotations

import shutil
from pathlib import Path

from pptx import Presentation

from tests import pptx_read as read
from tests.conftest import run, write_talk

ROOT = Path(__file__).parents[2]
CORP = ROOT / "tests/templates/corp-4x3.potx"
EXAMPLE = ROOT / "examples/templates/deckgen-example.pptx"
TALK = "---\ntitle: Quarterly\ntemplate: corp.potx\n---\n\n## Numbers\n\n- up\n- down\n"


def _slide_size(deck: Path) -> tuple[int, int]:
    prs = Presentation(str(deck))
    return prs.slide_width, prs.slide_height


def test_a_front_matter_template_gives_the_deck_its_4x3_size(in_tmp: Path) -> None:
    write_talk(in_tmp, TALK)
    shutil.copy(CORP, in_tmp / "talk/corp.potx")
    result = run("build")
    assert result.exit_code == 0, result.output
    assert _slide_size(in_tmp / "build/talk.pptx") == (9144000, 6858000)
    assert "talk/corp.potx: warning: the template's font 'Corpo Sans' is not installed" in (
        result.output
    )


def test_the_option_overrides_the_front_matter(in_tmp: Path) -> None:
    write_talk(in_tmp, TALK)
    shutil.copy(CORP, in_tmp / "talk/corp.potx")
    result = run("build", "--template", str(EXAMPLE))
    assert result.exit_code == 0, result.output
    assert _slide_size(in_tmp / "build/talk.pptx") == (12192000, 6858000)
    assert "Corpo Sans" not in result.output


def test_a_missing_template_fails_at_its_front_matter_line(in_tmp: Path) -> None:
    write_talk(in_tmp, TALK)
    result = run("build")
    assert result.exit_code == 1
    assert result.output.startswith("talk/talk.md:3:11: template not found: talk/corp.potx (")
    assert "Traceback" not in result.output
    assert not (in_tmp / "build/talk.pptx").exists()


def test_a_file_that_is_no_presentation_fails_without_a_traceback(in_tmp: Path) -> None:
    write_talk(in_tmp, TALK)
    (in_tmp / "talk/corp.potx").write_bytes(b"PK\x03\x04 but nothing else")
    result = run("build")
    assert result.exit_code == 1
    assert "talk/talk.md:3:11: template talk/corp.potx is not a PowerPoint file" in result.output
    assert "Traceback" not in result.output


def test_a_word_document_given_as_template_is_refused(in_tmp: Path) -> None:
    write_talk(in_tmp, "## Slide\n")
    (in_tmp / "corp.docx").write_bytes(b"PK")
    for command in ("build", "check", "export"):
        result = run(command, "--template", "corp.docx")
        assert result.exit_code == 1, command
        assert result.output.startswith("template corp.docx is not a .pptx or .potx file")


def test_a_front_matter_template_outside_the_project_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "shared/corp.potx"
    outside.parent.mkdir()
    shutil.copy(CORP, outside)
    project = tmp_path / "work/deck"
    talk = TALK.replace("corp.potx", str(outside))
    write_talk(project, talk)
    refused = run("check", str(project / "talk"))
    assert refused.exit_code == 1
    assert "template outside the project" in refused.output
    allowed = run("check", str(project / "talk"), "--allow-outside")
    assert "template outside the project" not in allowed.output


def test_the_deck_may_not_overwrite_the_template(in_tmp: Path) -> None:
    write_talk(in_tmp, TALK)
    shutil.copy(CORP, in_tmp / "talk/corp.potx")
    result = run("build", "-o", "talk/corp.potx", "--force")
    assert result.exit_code == 1
    assert "talk/corp.potx is one of the build's inputs" in result.output
    assert (in_tmp / "talk/corp.potx").read_bytes() == CORP.read_bytes()


def test_layout_names_the_template_lacks_are_warnings_at_the_front_matter(in_tmp: Path) -> None:
    talk = TALK.replace("---\n\n", "layouts: {Title Only: Nur Titl}\n---\n\n")
    write_talk(in_tmp, talk)
    shutil.copy(CORP, in_tmp / "talk/corp.potx")
    result = run("build")
    assert result.exit_code == 0, result.output
    assert (
        "talk/talk.md:4:10: warning: template talk/corp.potx has no layout 'Nur Titl' "
        "(did you mean 'Nur Titel'?); 'Nur Titel' is used"
    ) in result.output


def test_layouts_without_a_template_are_a_warning(in_tmp: Path) -> None:
    write_talk(in_tmp, "---\nlayouts: {Title Only: Titel}\n---\n\n## Slide\n")
    result = run("build")
    assert result.exit_code == 0, result.output
    assert "talk/talk.md:2:10: warning: 'layouts' names template layouts" in result.output


def test_dump_lays_the_deck_out_on_the_template_s_page(in_tmp: Path) -> None:
    write_talk(in_tmp, "## Slide\n")
    result = run("dump", "--layout", "--template", str(CORP))
    assert result.exit_code == 0, result.output
    assert "\ndeck 720x540\nslide 1 content" in result.output


BUILT_ON = """\
---
title: Quarterly
template: corp.potx
footer: Corp confidential
paginate: true
---

## Numbers

- up
  - a lot
- down

## Before and after

:::: columns
::: column
**Before**

- slow
:::
::: column
**After**

- fast
:::
::::
"""


def test_the_deck_is_built_on_the_template_s_layouts_without_its_slides(in_tmp: Path) -> None:
    write_talk(in_tmp, BUILT_ON)
    shutil.copy(CORP, in_tmp / "talk/corp.potx")
    result = run("build")
    assert result.exit_code == 0, result.output
    # the template lacks Comparison: its Two Content layout stands in, with a located warning
    assert (
        "talk/talk.md:3:11: warning: template talk/corp.potx has no 'Comparison' layout; "
        "'Zwei Inhalte' is used instead"
    ) in result.output
    prs = Presentation(str(in_tmp / "build/talk.pptx"))
    assert [s.slide_layout.name for s in prs.slides] == [
        "Titelfolie",
        "Titel und Inhalt",
        "Zwei Inhalte",
    ]
    assert "Titel und vertikaler Text" in [layout.name for layout in prs.slide_layouts]
    numbers = prs.slides[1]
    body = read.shapes_of(numbers, "Body")[0]
    assert body.is_placeholder and body.placeholder_format.idx == 1
    assert [(p.text, p.level) for p in body.text_frame.paragraphs] == [
        ("up", 0),
        ("a lot", 1),
        ("down", 0),
    ]
    footers = read.shapes_of(numbers, "Footer")
    assert footers[0].text_frame.text == "Corp confidential"
    # the stand-in's two placeholders take the columns; the headings stay in them
    sides = [s for s in prs.slides[2].placeholders if s.placeholder_format.idx in (1, 2)]
    assert [s.text_frame.text.split("\n")[0] for s in sides] == ["slow", "fast"]
    assert len(prs.slides) == 3  # the template's own slide is not copied
