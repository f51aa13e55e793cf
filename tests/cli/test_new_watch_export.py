"""deckgen new, watch and export: starting a talk, rebuilding on save, a PDF for handouts."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pptx import Presentation

from tests.conftest import run, write_talk


def test_new_starts_a_talk_that_builds_cleanly(in_tmp: Path) -> None:
    result = run("new", "my-talk", "--title", "Servers, explained")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "created my-talk/talk/talk.md",
        "created my-talk/diagrams/example.yaml",
        "created my-talk/.gitignore",
        "next: cd my-talk && deckgen build",
    ]
    built = run("build", "my-talk/talk", "-o", "my-talk/build/talk.pptx", "--strict")
    assert built.exit_code == 0, built.output
    assert built.output.startswith("built my-talk/build/talk.pptx: 8 slides, 0 warnings, ")
    prs = Presentation(str(in_tmp / "my-talk/build/talk.pptx"))
    assert [s.shapes.title.text for s in prs.slides] == [
        "Servers, explained",
        "The idea",
        "The problem",
        *["How it works"] * 3,  # the example diagram's three steps
        "In code",
        "Questions?",
    ]
    assert [s.has_notes_slide for s in prs.slides] == [True] * 8


def test_new_never_overwrites(in_tmp: Path) -> None:
    write_talk(in_tmp, "## Mine\n")
    result = run("new")
    assert result.exit_code == 1
    assert "talk/talk.md already exists; nothing was written" in result.output
    assert (in_tmp / "talk/talk.md").read_text() == "## Mine\n"


def watch_until(after: list[tuple[str, Callable[[], None]]]) -> str:
    """Run `deckgen watch` in a process; each time its output shows a cue, do the next edit."""
    command = [sys.executable, "-m", "deckgen", "watch", "--interval", "0.1"]
    command += ["--max-builds", str(len(after) + 1)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert process.stdout is not None
    output = ""
    for cue, edit in after:
        while cue not in output:
            line = process.stdout.readline()
            assert line, output  # the watcher ended before the cue
            output += line
        edit()
    rest, _ = process.communicate(timeout=120)
    return output + rest


def test_watch_rebuilds_when_the_talk_changes(in_tmp: Path) -> None:
    talk = write_talk(in_tmp, "## First\n\n- a\n")
    edit = [("built build/talk.pptx", lambda: talk.write_text("## Second\n\n- b\n"))]
    output = watch_until(edit)
    assert output.count("built build/talk.pptx") == 2
    assert Presentation(str(in_tmp / "build/talk.pptx")).slides[0].shapes.title.text == "Second"


def test_watch_survives_a_broken_save(in_tmp: Path) -> None:
    talk = write_talk(in_tmp, "---\ntitle: [broken\n---\n\n## A\n")
    output = watch_until([("build failed", lambda: talk.write_text("## Fixed\n"))])
    *before, built = output.splitlines()
    assert before == [
        "watching talk (Ctrl-C stops)",
        "talk/talk.md:2:8: invalid YAML: expected ',' or ']', but got '<stream end>' (this '['"
        " starts a list that needs a closing ']'; quote text that starts with '[')",
        "build failed: 1 problem",
    ]
    assert built.startswith("built build/talk.pptx: 1 slide, 0 warnings, ")
    assert Presentation(str(in_tmp / "build/talk.pptx")).slides[0].shapes.title.text == "Fixed"


@pytest.mark.visual
@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdfinfo") is None, reason="needs LibreOffice"
)
def test_export_makes_a_pdf(in_tmp: Path) -> None:
    write_talk(in_tmp, "## One\n\n- a\n\n## Two\n\n- b\n")
    result = run("export")
    assert result.exit_code == 0, result.output
    pdf = in_tmp / "build/talk.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert "Pages:           2" in info.stdout
    assert "exported build/talk.pdf: 2 pages, 0 warnings, " in result.output


@pytest.mark.visual
@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None, reason="needs LibreOffice"
)
def test_export_with_notes_prints_each_slide_over_its_notes(in_tmp: Path) -> None:
    write_talk(in_tmp, "## One\n\n- a\n\n::: notes\nSay hello first.\n:::\n\n## Two\n\n- b\n")
    result = run("export", "--with-notes", "-o", "build/notes.pdf")
    assert result.exit_code == 0, result.output
    assert "exported build/notes.pdf: 2 notes pages, " in result.output
    page = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(in_tmp / "build/notes.pdf"), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "One" in page and "Say hello first." in page


def test_export_without_libreoffice_says_what_to_install(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(in_tmp))
    write_talk(in_tmp, "## One\n")
    result = run("export")
    assert result.exit_code == 1
    assert "PDF export needs LibreOffice" in result.output
    assert "apt-get install libreoffice-impress" in result.output


SCRIPT_TALK = """---
title: Rehearsed
duration: 2
---

## Opening

- Hello

::: notes
Welcome everyone, this is the opening of the talk.

A second paragraph of notes.
:::

## Middle

- Nothing said here
"""


def test_export_notes_writes_a_markdown_script_with_times(in_tmp: Path) -> None:
    write_talk(in_tmp, SCRIPT_TALK)
    result = run("export", "--notes", "-o", "build/script.md")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == (
        "wrote the speaker script build/script.md: 3 slides, 0:55 planned of a 2:00 slot:"
        " 1:05 under"
    )
    text = (in_tmp / "build/script.md").read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == ["## 1. Rehearsed", "## 2. Opening", "## 3. Middle"]
    # title 15 s; 14 words of notes are 6 s, but a content slide is up for 20 s at least
    assert "*0:15–0:35 (20 s), talk/talk.md:6*" in text
    assert "*0:35–0:55 (20 s), talk/talk.md:16*" in text
    assert "Welcome everyone, this is the opening of the talk." in text


def test_export_notes_writes_printable_html_with_a_drawing_of_each_slide(in_tmp: Path) -> None:
    write_talk(in_tmp, SCRIPT_TALK)
    result = run("export", "--notes")
    assert result.exit_code == 0, result.output
    html = (in_tmp / "build/talk-script.html").read_text(encoding="utf-8")
    assert html.count("<article>") == 3
    assert html.count('<div class="thumb"') == 3
    assert "<h2>2. Opening</h2>" in html
    assert "<p>A second paragraph of notes.</p>" in html
    assert not (in_tmp / "build/talk.pptx").exists()  # a script needs no deck


def test_export_notes_refuses_a_name_it_cannot_write(in_tmp: Path) -> None:
    write_talk(in_tmp, SCRIPT_TALK)
    result = run("export", "--notes", "-o", "script.txt")
    assert result.exit_code == 1
    assert "script.txt does not end in .html" in result.output
