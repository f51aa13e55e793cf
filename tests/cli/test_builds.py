"""Click builds and step transitions, end to end: the talk's pauses and incremental lists as
PowerPoint's Appear effects in the slide's timing tree, a diagram's later steps with Morph."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pptx import Presentation

from tests import pptx_read as read
from tests.conftest import run, write_talk

TALK = """\
---
title: Builds
---

## Incremental

::: incremental
- first
- second
  - with its parent
- third
:::

## Paused

Before the pause.

. . .

```python
print("after")
```

. . .

And the end.

## Plain

- no clicks here
"""


def build(folder: Path, talk: str) -> Any:
    write_talk(folder, talk)
    result = run("build")
    assert result.exit_code == 0, result.output
    return Presentation(str(folder / "build/talk.pptx"))


def clicks(slide: Any) -> list[list[tuple[str, str]]]:
    """Per click: what each effect shows: ("paragraph", its text) or ("shape", its kind)."""
    groups = read.xpath(
        slide._element, "p:timing//p:par[p:cTn/p:stCondLst/p:cond/@delay='indefinite']"
    )
    shapes = {str(s.shape_id): s for s in slide.shapes}
    found = []
    for group in groups:
        effects = []
        for target in read.xpath(group, ".//p:spTgt"):
            shape = shapes[target.get("spid")]
            paragraph = read.xpath(target, "string(p:txEl/p:pRg/@st)")
            if paragraph:
                effects.append(("paragraph", shape.text_frame.paragraphs[int(paragraph)].text))
            else:
                effects.append(("shape", read.kind(shape)))
        found.append(effects)
    return found


def test_incremental_items_appear_one_click_each_with_their_sub_items(in_tmp: Path) -> None:
    prs = build(in_tmp, TALK)
    slide = prs.slides[1]
    assert [p.text for p in read.shapes_of(slide, "Body")[0].text_frame.paragraphs] == [
        "first",
        "second",
        "with its parent",
        "third",
    ]
    assert clicks(slide) == [
        [("paragraph", "first")],
        [("paragraph", "second"), ("paragraph", "with its parent")],
        [("paragraph", "third")],
    ]
    builds = read.xpath(slide._element, "p:timing/p:bldLst/p:bldP/@build")
    assert builds == ["p"]  # built paragraph by paragraph


def test_a_pause_holds_back_what_follows_a_code_panel_as_a_whole(in_tmp: Path) -> None:
    prs = build(in_tmp, TALK)
    assert clicks(prs.slides[2]) == [[("shape", "Code")], [("paragraph", "And the end.")]]
    texts = [s.text_frame.text for s in read.shapes_of(prs.slides[2], "Body")]
    assert texts == ["Before the pause.", "And the end."]  # no ". . ." on the slide


def test_a_slide_without_builds_has_no_timing(in_tmp: Path) -> None:
    prs = build(in_tmp, TALK)
    assert read.xpath(prs.slides[3]._element, "p:timing") == []


def test_incremental_true_makes_every_list_build(in_tmp: Path) -> None:
    prs = build(in_tmp, "---\nincremental: true\n---\n\n## All\n\n- one\n- two\n")
    assert clicks(prs.slides[0]) == [[("paragraph", "one")], [("paragraph", "two")]]


def test_a_continued_slide_counts_its_clicks_from_one(in_tmp: Path) -> None:
    items = "\n".join(f"- point {n}: the server vets each request before work" for n in range(24))
    prs = build(in_tmp, f"## Many\n\n::: incremental\n{items}\n:::\n")
    assert len(prs.slides) > 1
    for slide in prs.slides:
        shown = read.shapes_of(slide, "Body")[0].text_frame.paragraphs
        assert clicks(slide) == [[("paragraph", p.text)] for p in shown]
