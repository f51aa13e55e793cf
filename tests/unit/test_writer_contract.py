"""The .pptx writer's XML contract: what PowerPoint reads from a built deck, checked element by
element. The talk is built through the real CLI, then read back with python-pptx and XPath."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from tests import pptx_read as read
from tests.conftest import make_png, run, write_talk

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
EPOCH = "1700000000"  # SOURCE_DATE_EPOCH for the build: 2023-11-14 22:13:20 UTC
CODE_INSET = ("137160",) * 4  # 10.8 pt in EMU, on every side
NO_INSET = ("0",) * 4

TALK = """\
---
title: Vertragstest
author: Ada Example
lang: de-DE
paginate: true
---

<!-- Welcome everyone. -->

## Lists

- **bold** *italic* ~~struck~~ `code` and [a link](https://example.org/docs)
  - second level
- back to the first

3. three
4. four

Plain words\\
after a break.

::: notes
First note paragraph.

Second note paragraph.
:::

## Code

```python
def main():
    return 1
```

<!--
A comment note.
- first point
- second point
-->

## Picture

![An orange door](img/door.png)

## Table

| Tool | Slides |
|:-----|-------:|
| Marp | `---` |
"""


@dataclass
class Built:
    folder: Path
    deck: Any  # python-pptx Presentation
    data: bytes


def build(folder: Path) -> bytes:
    result = run("build")
    assert result.exit_code == 0, result.output
    return (folder / "build/talk.pptx").read_bytes()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    folder = tmp_path_factory.mktemp("talk")
    write_talk(folder, TALK)
    make_png(folder / "talk/img/door.png", (800, 400))
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(folder)
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        data = build(folder)
    yield Built(folder, Presentation(str(folder / "build/talk.pptx")), data)


@pytest.fixture(scope="module")
def slides(built: Built) -> list[Any]:
    return list(built.deck.slides)


def xpath(element: Any, path: str) -> list[Any]:
    return etree.XPath(path, namespaces=NS)(element)


def text_of(p: Any) -> str:
    """The paragraph's text as shown, a line break as "\\n"."""
    parts = xpath(p, "a:r/a:t | a:fld/a:t | a:br")
    return "".join("\n" if etree.QName(e).localname == "br" else e.text for e in parts)


def text_frames(slide: Any) -> list[Any]:
    """The slide's text boxes and placeholders (not the plain rectangles), as python-pptx shapes."""
    return [s for s in slide.shapes if s.has_text_frame and (s.is_placeholder or _is_box(s))]


def _is_box(shape: Any) -> bool:
    return bool(xpath(shape._element, "p:nvSpPr/p:cNvSpPr/@txBox"))


def body_paragraphs(slide: Any) -> list[tuple[Any, Any]]:
    """(shape, paragraph) of the slide's body text."""
    return [
        (f, p) for f in text_frames(slide) if kind(f) == "Body" for p in f.text_frame.paragraphs
    ]


def paragraphs(slide: Any) -> list[tuple[Any, Any]]:
    """(shape, paragraph) of every text frame of the slide."""
    return [(f, p) for f in text_frames(slide) for p in f.text_frame.paragraphs]


def cell_paragraphs(slide: Any) -> list[Any]:
    return xpath(slide._element, ".//a:tc/a:txBody/a:p")


def frame_settings(
    slides: list[Any], read: Callable[[Any], tuple[Any, ...]]
) -> dict[str, set[Any]]:
    """Each kind of text frame -> the different values `read` finds in their a:bodyPr."""
    found: dict[str, set[Any]] = {}
    for slide in slides:
        for frame in text_frames(slide):
            (pr,) = xpath(frame._element, "p:txBody/a:bodyPr")
            found.setdefault(kind(frame), set()).add(read(pr))
    return found


def kind(frame: Any) -> str:
    return read.kind(frame)


def bullet(shape: Any, p: Any) -> str:
    """'none', the bullet character, or 'N.' for a numbered item, as the slide shows it."""
    return read.bullet(shape, p) or "none"


def notes_paragraphs(slide: Any) -> list[Any]:
    body = "p:cSld/p:spTree/p:sp[p:nvSpPr/p:nvPr/p:ph/@type='body']/p:txBody/a:p"
    return xpath(slide.notes_slide._element, body)


def run_styles(slide: Any) -> dict[str, tuple[str | None, ...]]:
    """Each run's text -> its bold, italic, strike and Latin font, as shown."""
    styles = {}
    for shape, p in paragraphs(slide):
        for r in p.runs:
            looks = ("@b", "@i", "@strike", "a:latin/@typeface")
            styles[r.text] = tuple(read.run_property(shape, p, r, look) for look in looks)
    return styles


def test_every_paragraph_has_exact_line_spacing_of_1_2_times_its_size(slides: list[Any]) -> None:
    checked = []
    for slide in slides:
        for shape, p in paragraphs(slide):
            size = read.run_size(shape, p)
            sizes = {read.run_size(shape, p, r) for r in p.runs} | {size}
            assert len(sizes) == 1, p.text
            spacing = read.paragraph_property(shape, p, "a:lnSpc/a:spcPts/@val")
            after = read.paragraph_property(shape, p, "a:spcAft/a:spcPts/@val")
            assert (spacing, after) == (str(round(size * 120)), "0"), p.text
            checked.append(p.text or "".join(xpath(p._p, "a:fld/a:t/text()")))
        for p in cell_paragraphs(slide):
            (size,) = set(xpath(p, ".//a:rPr/@sz | a:endParaRPr/@sz"))
            assert xpath(p, "a:pPr/a:lnSpc/a:spcPts/@val") == [str(round(int(size) * 1.2))]
            checked.append(text_of(p))
    assert {"Lists", "second level", "three", "def main():", "Tool", "‹#›"} <= set(checked)


def test_text_frames_have_zero_insets_except_code_panels(slides: list[Any]) -> None:
    insets = frame_settings(
        slides, lambda pr: tuple(pr.get(s) for s in ("lIns", "tIns", "rIns", "bIns"))
    )
    assert insets == {
        "Title": {NO_INSET},
        "Subtitle": {NO_INSET},
        "Body": {NO_INSET},
        "Code": {CODE_INSET},
        "Footer": {NO_INSET},
    }


def test_text_frames_wrap_words_and_never_autofit(slides: list[Any]) -> None:
    # python-pptx writes MSO_AUTO_SIZE.NONE as <a:noAutofit/>, the only child of a:bodyPr
    wrapping = frame_settings(
        slides, lambda pr: (pr.get("wrap"), *(etree.QName(c).localname for c in pr))
    )
    kinds = ("Title", "Subtitle", "Body", "Code", "Footer")
    assert wrapping == {kind: {("square", "noAutofit")} for kind in kinds}


def test_nested_bullets_have_outline_levels_and_numbered_items_their_number(
    slides: list[Any],
) -> None:
    paras = body_paragraphs(slides[1])
    assert [(p.text, read.level(p), bullet(s, p)) for s, p in paras] == [
        ("bold italic struck code and a link", 0, "•"),
        ("second level", 1, "–"),
        ("back to the first", 0, "•"),
        ("three", 0, "3."),
        ("four", 0, "4."),
        ("Plain words\vafter a break.", 0, "none"),
    ]
    first, second, back = (int(read.paragraph_property(s, p, "@marL") or 0) for s, p in paras[:3])
    assert first < second
    assert back == first


def test_a_bullet_at_full_size_inherits_everything_from_the_master(slides: list[Any]) -> None:
    """Tab and Shift-Tab in PowerPoint change the level, and the look follows it: nothing of
    the level's look may be written on the paragraph itself."""
    _, p = body_paragraphs(slides[1])[1]
    assert p.text == "second level"
    assert xpath(p._p, "a:pPr/@marL | a:pPr/a:buChar | a:pPr/a:lnSpc | a:r/a:rPr/@sz") == []


def test_titles_code_and_table_paragraphs_have_no_bullet(slides: list[Any]) -> None:
    unbulleted = {
        p.text or "".join(xpath(p._p, "a:fld/a:t/text()"))
        for slide in slides
        for shape, p in paragraphs(slide)
        if bullet(shape, p) == "none"
    }
    cells = {
        text_of(p) for slide in slides for p in cell_paragraphs(slide) if xpath(p, "a:pPr/a:buNone")
    }
    assert {"Vertragstest", "Lists", "def main():", "‹#›"} <= unbulleted
    assert {"Tool", "Marp"} <= cells


def test_titles_go_into_the_title_placeholder(slides: list[Any]) -> None:
    titles = [
        [s.text_frame.text for s in slide.placeholders if read.is_title(s)] for slide in slides
    ]
    assert titles == [["Vertragstest"], ["Lists"], ["Code"], ["Picture"], ["Table"]]


def test_inline_styles_set_bold_italic_strike_and_the_code_font(slides: list[Any]) -> None:
    runs = run_styles(slides[1])
    assert runs["bold"] == ("1", "0", None, "Arial")
    assert runs["italic"] == ("0", "1", None, "Arial")
    assert runs["struck"] == ("0", "0", "sngStrike", "Arial")
    assert runs["code"] == ("0", "0", None, "Courier New")
    assert runs["three"] == ("0", "0", None, "Arial")


def test_a_link_is_an_external_hyperlink_to_its_url(slides: list[Any]) -> None:
    (link,) = xpath(slides[1]._element, ".//a:r[a:t='a link']/a:rPr")
    assert link.get("u") == "sng"
    (rid,) = xpath(link, "a:hlinkClick/@r:id")
    relationship = slides[1].part.rels[rid]
    assert relationship.reltype == RT.HYPERLINK
    assert relationship.is_external
    assert relationship.target_ref == "https://example.org/docs"


def test_paginate_puts_a_slide_number_field_on_every_slide_but_the_title(
    slides: list[Any],
) -> None:
    fields = [xpath(slide._element, ".//a:fld[@type='slidenum']/a:t/text()") for slide in slides]
    assert fields == [[], ["‹#›"], ["‹#›"], ["‹#›"], ["‹#›"]]


def test_notes_go_into_the_notes_body_placeholder(slides: list[Any]) -> None:
    notes = [
        [text_of(p) for p in notes_paragraphs(slide)] if slide.has_notes_slide else None
        for slide in slides
    ]
    assert notes == [
        ["Welcome everyone."],
        ["First note paragraph.", "Second note paragraph."],
        ["A comment note.\n- first point\n- second point"],  # list lines keep their line
        None,
        None,
    ]


def test_a_pictures_description_is_its_alt_text(slides: list[Any]) -> None:
    assert xpath(slides[3]._element, ".//p:pic/p:nvPicPr/p:cNvPr/@descr") == ["An orange door"]


def test_every_run_and_note_is_in_the_deck_language(built: Built, slides: list[Any]) -> None:
    def langs(element: Any) -> list[str | None]:
        runs = xpath(element, ".//a:r | .//a:fld | .//a:br")
        return [xpath(r, "string(a:rPr/@lang)") or None for r in runs]

    on_slides = [lang for slide in slides for lang in langs(slide._element)]
    in_notes = [
        lang
        for slide in slides
        if slide.has_notes_slide
        for lang in langs(slide.notes_slide._element)
    ]
    assert set(on_slides) == {"de-DE"}
    assert set(in_notes) == {"de-DE"}
    assert len(in_notes) == 8  # 3 one-run notes; 3 runs and 2 line breaks in the list note
    assert built.deck.core_properties.language == "de-DE"


def test_every_date_in_the_archive_is_the_build_date(built: Built) -> None:
    with zipfile.ZipFile(built.folder / "build/talk.pptx") as archive:
        stamps = {info.date_time for info in archive.infolist()}
    assert stamps == {(2023, 11, 14, 22, 13, 20)}
    props = built.deck.core_properties
    when = datetime(2023, 11, 14, 22, 13, 20)
    assert (props.created, props.modified, props.last_printed) == (when, when, when)


def test_building_twice_gives_the_same_bytes(built: Built, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(built.folder)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    assert build(built.folder) == built.data


def test_notes_text_never_holds_a_raw_line_feed(slides: list[Any]) -> None:
    texts = [
        t
        for s in slides
        if s.has_notes_slide
        for t in xpath(s.notes_slide._element, ".//a:t/text()")
    ]
    assert [t for t in texts if "\n" in t] == []


def test_inline_code_sits_on_the_code_panels_tint_and_code_panels_need_none(
    slides: list[Any],
) -> None:
    (inline,) = xpath(slides[1]._element, ".//a:r[a:t='code']/a:rPr")
    assert xpath(inline, "a:highlight/a:srgbClr/@val") == ["F4F1EA"]  # the default theme's
    panel = [r for r in xpath(slides[2]._element, ".//a:r/a:rPr") if xpath(r, "a:highlight")]
    assert panel == []
