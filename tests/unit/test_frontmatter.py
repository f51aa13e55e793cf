"""Front matter values of any size or shape: a deck, a located error or a located warning."""

from __future__ import annotations

import pytest

from deckgen.errors import Diagnostics, SourceLocation
from deckgen.markdown import parse_talk
from deckgen.markdown.frontmatter import never_closed, read_front_matter


def test_text_of_any_length_is_kept_whole() -> None:
    long = "Deploys " * 5000
    text = f"title: {long}\nsubtitle: {long}\nauthor: [{', '.join(['Ada'] * 2000)}]\n"
    front = read_front_matter(text, "talk.md", 1)
    assert front.problems == []
    assert front.meta.title == long.strip()
    assert front.meta.author == ", ".join(["Ada"] * 2000)


def test_a_number_too_long_to_hold_is_a_title_as_written() -> None:
    digits = "9" * 5000
    front = read_front_matter(f"title: {digits}\n", "talk.md", 1)
    assert (front.meta.title, front.problems) == (digits, [])


def test_front_matter_left_open_is_found() -> None:
    problem = never_closed("talk.md", "---\ntitle: Talk\n\n## Slide\n")
    assert problem is not None
    assert str(problem) == (
        "talk.md:1:1: front matter is never closed, so it is read as slide text "
        "(end it with a '---' line)"
    )


@pytest.mark.parametrize("text", ["## Slide\n", "---\n\n## Slide\n", "---\nTwo words: here\n"])
def test_a_talk_starting_with_a_rule_or_a_slide_is_not_open_front_matter(text: str) -> None:
    assert never_closed("talk.md", text) is None


def test_front_matter_left_open_is_a_warning_when_parsing_the_talk() -> None:
    diagnostics = Diagnostics()
    parse_talk([("talk.md", "---\ntitle: Talk\n\n## Slide\n")], diagnostics)
    assert [w.location for w in diagnostics.warnings] == [SourceLocation("talk.md", 1, 1)]


def test_template_and_layouts_are_read() -> None:
    text = "template: corp.potx\nlayouts: {title and content: Inhalt, Title Only: Nur Titel}\n"
    front = read_front_matter(text, "talk.md", 1)
    assert front.problems == []
    assert front.meta.template == "corp.potx"
    assert front.meta.layouts == (("Title and Content", "Inhalt"), ("Title Only", "Nur Titel"))
    assert front.meta.source_of("template") == SourceLocation("talk.md", 2, 11)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "layouts:\n  Title Only: Titel\n  Title and Contnt: Inhalt\n",
            "talk.md:4:3: 'layouts' names 'Title and Contnt', which is not one of deckgen's "
            "layouts (did you mean 'Title and Content'?)",
        ),
        (
            "layouts: [Inhalt]\n",
            "talk.md:2:10: 'layouts' must map deckgen's layout names to the template's, "
            "like {Title Only: Titel}",
        ),
        ("layouts:\n  Blank:\n", "talk.md:3:9: 'layouts' has no template layout name for 'Blank'"),
        ("template: ''\n", "talk.md:2:11: 'template' must be the path of a .pptx or .potx file"),
    ],
)
def test_wrong_template_and_layouts_are_located_errors(text: str, expected: str) -> None:
    front = read_front_matter(text, "talk.md", 1)
    assert [str(p) for p in front.problems] == [expected]
