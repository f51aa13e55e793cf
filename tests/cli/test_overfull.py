"""Deliberately overfull slides build without overflow: shrink, then continue, and warn."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from tests import pptx_read as read
from tests.conftest import run, write_talk

WORDS = ("server", "client", "request", "response", "warehouse")
WORDS += ("truck", "fence", "gate", "worker", "public")


def paragraph(n: int) -> str:
    return " ".join(WORDS[i % len(WORDS)] for i in range(n))


CASES = {
    "bullets": "\n".join(f"- Bullet {i}: the server vets each request first" for i in range(20)),
    "paragraph": paragraph(1000),
    "listing": "```python\n"
    + "\n".join(
        f"def handler_{i}(request):  # vets request {i}\n    return respond({i})" for i in range(60)
    )
    + "\n```",
    "table": "| "
    + " | ".join(f"Column {c}" for c in range(8))
    + " |\n|"
    + "---|" * 8
    + "\n"
    + "\n".join("| " + " | ".join(f"r{r} value {c}" for c in range(8)) + " |" for r in range(24)),
}
SLIDES = {"bullets": 2, "listing": 5, "paragraph": 4, "table": 2}  # each case's slides in all


def build(folder: Path, body: str, title: str = "Overfull") -> tuple[Presentation, str]:
    write_talk(folder, f"## {title}\n\n{body}\n")
    result = run("build")
    assert result.exit_code == 0, result.output
    return Presentation(str(folder / "build/talk.pptx")), result.output


def body_text(prs: Presentation) -> str:
    return " ".join(
        shape.text_frame.text for slide in prs.slides for shape in read.text_shapes(slide)
    )


def assert_inside(prs: Presentation) -> None:
    """Every shape on its slide, and the body below the title."""
    for slide in prs.slides:
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.top >= 0
            assert shape.left + shape.width <= prs.slide_width
            assert shape.top + shape.height <= prs.slide_height
        title = slide.shapes.title
        if title is not None:
            below = [s.top for s in slide.shapes if not read.is_title(s)]
            assert title.top + title.height <= min(below, default=prs.slide_height)


@pytest.mark.parametrize("case", sorted(CASES))
def test_overfull_content_continues_with_a_warning(in_tmp: Path, case: str) -> None:
    prs, output = build(in_tmp, CASES[case])
    more = SLIDES[case] - 1
    titles = [s.shapes.title.text for s in prs.slides]
    assert titles == ["Overfull"] + ["Overfull (cont.)"] * more
    warning, hint, built = output.splitlines()
    assert warning == (
        "talk/talk.md:3:1: warning: slide 'Overfull' is too long for one slide;"
        f" continued on {more} more marked '(cont.)' [continued]"
    )
    assert hint == "  hint: split it into slides of your own, or say less on it"
    assert built.startswith(f"built build/talk.pptx: {SLIDES[case]} slides, 1 warning, ")
    assert_inside(prs)


def test_nothing_is_lost_when_a_paragraph_continues(in_tmp: Path) -> None:
    prs, _ = build(in_tmp, paragraph(1000))
    assert body_text(prs).split() == paragraph(1000).split()


def test_every_listing_line_survives_the_split(in_tmp: Path) -> None:
    lines = [f"line_{i} = {i}" for i in range(120)]
    prs, _ = build(in_tmp, "```python\n" + "\n".join(lines) + "\n```")
    found = [
        p.text
        for s in prs.slides
        for sh in s.shapes
        if sh.name.startswith("Code")
        for p in sh.text_frame.paragraphs
    ]
    assert found == lines


def test_table_continuations_repeat_the_header(in_tmp: Path) -> None:
    prs, _ = build(in_tmp, CASES["table"])
    tables = [sh.table for s in prs.slides for sh in s.shapes if sh.has_table]
    header = [f"Column {c}" for c in range(8)]
    assert [[c.text for c in t.rows[0].cells] for t in tables] == [header, header]
    # every row once, in order, below the repeated header
    rows = [[c.text for c in row.cells] for t in tables for row in list(t.rows)[1:]]
    assert rows == [[f"r{r} value {c}" for c in range(8)] for r in range(24)]


def test_a_long_single_word_title_wraps_and_shrinks(in_tmp: Path) -> None:
    prs, output = build(in_tmp, "Short body.", title="W" * 100)
    title = prs.slides[0].shapes.title
    assert title.text == "W" * 100
    assert title.top + title.height < prs.slides[0].shapes[1].top
    assert title.text_frame.paragraphs[0].runs[0].font.size.pt == 28
    assert output.splitlines()[0] == (
        f"talk/talk.md:1:1: warning: title '{'W' * 57}...' shrunk from 40 to 28 pt to fit"
        " [title-shrunk]"
    )
    assert_inside(prs)


def test_slightly_full_slide_shrinks_instead_of_continuing(in_tmp: Path) -> None:
    bullets = "\n".join(f"- Bullet {i}: the server vets each request" for i in range(10))
    prs, output = build(in_tmp, bullets)
    assert len(prs.slides) == 1
    sizes = {
        read.run_size(sh, p, r)
        for sh in read.text_shapes(prs.slides[0])
        for p in sh.text_frame.paragraphs
        for r in p.runs
    }
    assert sizes == {26}  # every bullet two points below the theme's 28
    assert output.splitlines()[0].startswith("built build/talk.pptx: 1 slide, 0 warnings")


def test_a_quote_too_long_for_a_quote_slide_continues_as_text(in_tmp: Path) -> None:
    prs, output = build(in_tmp, "> " + paragraph(400))
    assert [s.shapes.title.text for s in prs.slides] == ["Overfull", "Overfull (cont.)"]
    assert body_text(prs).split() == paragraph(400).split()
    assert output.splitlines()[0] == (
        "talk/talk.md:3:1: warning: slide 'Overfull' is too long for one slide;"
        " continued on 1 more marked '(cont.)' [continued]"
    )
    assert_inside(prs)


@pytest.mark.parametrize("length", [44, 48, 52, 56, 60, 64, 68])
def test_continued_titles_never_run_into_the_body(in_tmp: Path, length: int) -> None:
    title = ("Why the fenced site vets requests " * 3)[:length].strip()
    prs, _ = build(in_tmp, CASES["bullets"], title=title)
    assert [s.shapes.title.text for s in prs.slides] == [title, f"{title} (cont.)"]
    assert_inside(prs)
