"""The talk's Markdown -> Deck: fixture cases (tests/cases/*.md) and what a speaker checks."""

from __future__ import annotations

import re
import sys

import pytest

from deckgen.dump import dump_deck
from deckgen.errors import Diagnostics, Problem, SourceLocation, TalkError
from deckgen.markdown import parse_talk
from deckgen.model import (
    Block,
    BulletList,
    Code,
    Columns,
    DiagramRef,
    Image,
    Paragraph,
    Quote,
    Slide,
    Table,
    plain_text,
)
from tests.fixtures import CASES, Case, read_cases, rewrite_expected


def run(sources: list[tuple[str, str]]) -> str:
    """What a case shows: the dump (or the errors), then the warnings."""
    diagnostics = Diagnostics()
    try:
        text = dump_deck(parse_talk(sources, diagnostics))
    except TalkError as error:
        text = "".join(f"error: {p}\n" for p in error.problems)
    return text + "".join(f"warning: {p}\n" for p in diagnostics.sorted())


def parse(text: str, path: str = "talk.md") -> tuple[Slide, ...]:
    return parse_talk([(path, text)], Diagnostics()).slides


def problems_of(text: str) -> tuple[Problem, ...]:
    with pytest.raises(TalkError) as caught:
        parse_talk([("talk.md", text)], Diagnostics())
    return caught.value.problems


MARKDOWN_CASES = read_cases(CASES / "markdown.md")
ERROR_CASES = read_cases(CASES / "talk_errors.md")


@pytest.mark.parametrize("case", MARKDOWN_CASES, ids=[c.title for c in MARKDOWN_CASES])
def test_markdown_case(case: Case) -> None:
    result = run(case.sources)
    assert "error:" not in result, f"markdown.md:{case.line} must parse"
    assert result == case.expected, f"markdown.md:{case.line}: {case.title}"


@pytest.mark.parametrize("case", ERROR_CASES, ids=[c.title for c in ERROR_CASES])
def test_error_case(case: Case) -> None:
    result = run(case.sources)
    assert result.startswith("error:"), f"talk_errors.md:{case.line} must fail"
    assert result == case.expected, f"talk_errors.md:{case.line}: {case.title}"


@pytest.mark.parametrize("name", ["markdown.md", "talk_errors.md", "layout.md"])
def test_every_separator_of_a_fixture_file_belongs_to_a_case(name: str) -> None:
    # A broken separator would silently swallow cases: each case owns exactly three "." lines.
    lines = (CASES / name).read_text(encoding="utf-8").splitlines()
    assert lines.count(".") == 3 * len(read_cases(CASES / name))


def test_syntax_doc_examples_are_tested_cases() -> None:
    doc = (CASES.parent.parent / "docs" / "syntax.md").read_text(encoding="utf-8")
    examples = re.findall(r"^(`{3,4})markdown\n(.*?)^\1$", doc, re.MULTILINE | re.DOTALL)
    inputs = {"\n".join(_raw_input(case)) + "\n" for case in MARKDOWN_CASES}
    assert len(examples) >= 10
    missing = [body for _, body in examples if body not in inputs]
    assert missing == []


def _raw_input(case: Case) -> list[str]:
    lines = (CASES / "markdown.md").read_text(encoding="utf-8").splitlines()
    return lines[case.line + 1 : lines.index(".", case.line + 1)]


def test_slide_titles_follow_headings() -> None:
    slides = parse("# Part\n\n## One\n\n## Two\n\n---\n\nuntitled\n")
    assert [(s.kind, plain_text(s.title)) for s in slides] == [
        ("section", "Part"),
        ("content", "One"),
        ("content", "Two"),
        ("content", ""),
    ]


def test_notes_land_on_the_right_slides() -> None:
    text = (
        "---\ntitle: T\n---\n<!-- for the title -->\n\n## A\n\n::: notes\nfor A\n:::\n\n"
        "## B\n\ntext <!-- for B -->\n\n---\n\n<!-- for C -->\n## C\n"
    )
    assert [s.notes for s in parse(text)] == [
        ("for the title",),
        ("for A",),
        ("for B",),
        ("for C",),
    ]


def test_list_levels_and_numbers() -> None:
    text = "## L\n\n- a\n  - b\n    - c\n\n7. x\n8. y\n"
    blocks = parse(text)[0].blocks
    assert isinstance(blocks[0], BulletList) and isinstance(blocks[1], BulletList)
    assert [i.level for i in blocks[0].items] == [0, 1, 2]
    assert [i.number for i in blocks[1].items] == [7, 8]


def test_block_lines_count_the_front_matter() -> None:
    text = "---\ntitle: T\nauthor: A\n---\n\n## Slide\n\n```py\nx = 1\n```\n"
    slide = parse(text)[1]
    assert slide.source == SourceLocation("talk.md", 6, 1)
    assert slide.blocks[0].source == SourceLocation("talk.md", 8, 1)


def test_no_files_is_an_error() -> None:
    with pytest.raises(TalkError, match="no Markdown files"):
        parse_talk([], Diagnostics())


def test_front_matter_values_keep_their_place() -> None:
    meta = parse_talk([("talk.md", "---\ntitle: T\ntheme: drak\n---\n")], Diagnostics()).meta
    assert meta.source_of("theme") == SourceLocation("talk.md", 3, 8)
    assert meta.source_of("footer") == SourceLocation("talk.md", 1, 1)


def test_second_picture_on_a_line_points_at_its_own_column() -> None:
    (slide,) = parse("## P\n\n![a](a.png) ![b](b.png)\n")
    assert [b.source.col for b in slide.blocks] == [1, 13]


def test_a_quote_keeps_its_attribution_last() -> None:
    (slide,) = parse("> Talk is cheap.\n> -- Linus\n")
    (quote,) = slide.blocks
    assert isinstance(quote, Quote)
    assert [plain_text(p.runs) for p in quote.paragraphs] == ["Talk is cheap.", "— Linus"]


def test_columns_keep_their_widths_and_blocks() -> None:
    text = (
        '## C\n\n:::: columns\n::: {.column width="30%"}\nx\n:::\n'
        "::: column\n```\ny\n```\n:::\n::::\n"
    )
    (columns,) = parse(text)[0].blocks
    assert isinstance(columns, Columns)
    assert [c.width_pct for c in columns.columns] == [30.0, None]
    assert isinstance(columns.columns[1].blocks[0], Code)


def test_picture_paths_and_sizes() -> None:
    text = "## P\n\n![w:600 Crab](../img/crab.png)\n\n![D](../d/x.yml#step=2){width=50%}\n"
    image, diagram = parse(text, "talk/deep/intro.md")[0].blocks
    assert isinstance(image, Image) and isinstance(diagram, DiagramRef)
    assert (image.path, image.alt, image.width_px) == ("talk/img/crab.png", "Crab", 600)
    assert (diagram.path, diagram.step) == ("talk/d/x.yml", 2)


def test_table_shape() -> None:
    (table,) = parse("## T\n\n| a | b |\n|--:|:-:|\n| 1 | 2 |\n| 3 | 4 |\n")[0].blocks
    assert isinstance(table, Table)
    assert table.aligns == ("right", "center")
    assert [[plain_text(c) for c in row] for row in table.rows] == [["1", "2"], ["3", "4"]]


def test_all_problems_are_reported_at_once() -> None:
    text = "---\npaginate: on\naspect: 5:4\n---\n\n## S\n\n::: column\nx\n:::\n\n::: notes\nopen\n"
    lines = [str(p.location) for p in problems_of(text)]
    assert lines == ["talk.md:2:11", "talk.md:3:9", "talk.md:8:1", "talk.md:12:1"]


def test_warnings_do_not_stop_the_parse() -> None:
    diagnostics = Diagnostics()
    slides = parse_talk([("talk.md", "## S\n\n<blink>x</blink>\n\ntext\n")], diagnostics).slides
    assert isinstance(slides[0].blocks[0], Paragraph)
    assert [str(w.location) for w in diagnostics.warnings] == ["talk.md:3:1"]


def test_numbered_items_keep_their_numbers_across_nested_bullets() -> None:
    (bullets,) = parse("## S\n\n1. a\n2. b\n   - x\n3. c\n4. d\n")[0].blocks
    assert isinstance(bullets, BulletList)
    assert [(i.number, plain_text(i.runs)) for i in bullets.items] == [
        (1, "a"),
        (2, "b"),
        (None, "x"),
        (3, "c"),
        (4, "d"),
    ]


MARP_DECK = """---
marp: true
theme: canyon-custom
size: 16:9
style: |
  section { color: red; }
header: Week 3
ai_generated: true
---

<!-- _class: cover -->

![bg contain](assets/cover.png)

---

# AI pair programming

## Writing and checking together

### Four phases

<!--
Reforçar: not one more feature.
Documentação: the official repository.
-->

---

# Self introduction

## Ryu

### Field
"""


def test_a_marp_deck_builds_one_slide_per_rule_with_its_first_heading_as_title() -> None:
    diagnostics = Diagnostics()
    deck = parse_talk([("talk.md", MARP_DECK)], diagnostics)
    assert [(s.kind, plain_text(s.title)) for s in deck.slides] == [
        ("content", ""),
        ("content", "AI pair programming"),
        ("content", "Self introduction"),
    ]
    cover = deck.slides[0].blocks[0]
    assert isinstance(cover, Image) and cover.background and cover.alt == ""
    second = deck.slides[1]
    assert [plain_text(b.runs) for b in second.blocks if isinstance(b, Paragraph)] == [
        "Writing and checking together",
        "Four phases",
    ]
    assert second.notes == (
        "Reforçar: not one more feature.\nDocumentação: the official repository.",
    )
    assert deck.meta.aspect == "16:9" and deck.meta.theme == "default"
    # Marp's `header:` is read (line 7): each slide's marks carry it, for layout to show.
    assert [(w.location.line if w.location else 0) for w in diagnostics.sorted()] == [3, 8]
    assert {s.marks.header for s in deck.slides} == {"Week 3"}


TALK_TITLES = [
    ("title", "Async Python in Production"),
    ("content", "About me"),
    ("content", "Agenda"),
    ("section", "Why we went async"),
    ("content", "The service in 2023"),
    ("content", "Threads vs. processes vs. asyncio"),
    ("content", "What a request looked like"),
    ("content", ""),
    ("section", "The migration"),
    ("content", "Step 1: an async core, sync edges"),
    ("content", "Step 2: timeouts everywhere"),
    ("content", "Step 3: structured concurrency"),
    ("content", "For comparison: Go"),
    ("content", "And Rust (tokio)"),
    ("content", "The database layer"),
    ("content", "Configuration"),
    ("content", ""),
    ("content", "Step 4: backpressure"),
    ("content", "Testing async code"),
    ("content", "Observability"),
    ("content", "Rollout"),
    ("content", "Results"),
    ("content", "Cost"),
    ("section", "What went wrong"),
    ("content", "Blocking calls hide everywhere"),
    ("content", "Cancellation is a feature"),
    ("content", "Lessons"),
    ("section", "Thank you"),
]


def parse_realistic_talk() -> tuple[tuple[Slide, ...], Diagnostics]:
    """A conference talk in three files (one with CRLF line ends), written as speakers do."""
    files = sorted((CASES / "talks" / "async").glob("*.md"))
    sources = [(f.relative_to(CASES).as_posix(), f.read_bytes().decode()) for f in files]
    diagnostics = Diagnostics()
    return parse_talk(sources, diagnostics).slides, diagnostics


def test_realistic_talk_has_the_slides_a_speaker_expects() -> None:
    slides, diagnostics = parse_realistic_talk()
    assert [(s.kind, plain_text(s.title)) for s in slides] == TALK_TITLES
    assert diagnostics.warnings == []


def test_realistic_talk_notes_are_on_the_right_slides() -> None:
    slides, _ = parse_realistic_talk()
    by_title = {plain_text(s.title): s.notes for s in slides if s.title}
    assert by_title["Async Python in Production"][0].startswith("Walk on, wait")
    assert len(by_title["Async Python in Production"]) == 2
    assert by_title["Step 2: timeouts everywhere"] == (
        "This is the slide people photograph.",
        "Stress: every await on the network gets a timeout.",
    )
    assert by_title["For comparison: Go"] == (
        "Only if someone asks about Go. Otherwise skip quickly.",
    )
    assert by_title["Agenda"] == ()
    assert slides[7].notes == ("Pause here. Let it land.",)
    assert by_title["Thank you"] == ("Questions. Have the Go slide ready.",)


def test_realistic_talk_pictures_exist_and_lines_survive_crlf() -> None:
    slides, _ = parse_realistic_talk()
    pictures = [b for s in slides for b in _all_blocks(s.blocks) if isinstance(b, Image)]
    assert len(pictures) == 5
    assert all((CASES / p.path).is_file() for p in pictures)
    assert all(p.alt and "png" not in p.alt for p in pictures)
    assert b"\r\n" in (CASES / "talks/async/03-outro.md").read_bytes()
    blocking = slides[24]
    assert (blocking.source.path, blocking.source.line) == ("talks/async/03-outro.md", 3)
    bullets = slides[4].blocks[0]
    assert isinstance(bullets, BulletList)
    assert [i.level for i in bullets.items] == [0, 0, 0, 1, 1, 2]


def _all_blocks(blocks: tuple[Block, ...]) -> list[Block]:
    inner = [b for c in blocks if isinstance(c, Columns) for col in c.columns for b in col.blocks]
    return [*blocks, *inner]


if __name__ == "__main__" and sys.argv[1:] == ["--update"]:
    rewrite_expected(CASES / "markdown.md", run)
    rewrite_expected(CASES / "talk_errors.md", run)
