"""Random talks built from awkward pieces: no crash, every frame on its slide and under its title.

The same seeds every run, so a failure reproduces; the pieces are the ones that broke layout
before (giant table cells, CJK without spaces, setext headings swallowing paragraphs).
"""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation

from deckgen.assets import FileAssets
from deckgen.errors import DeckgenError, Diagnostics
from deckgen.layout import layout_deck
from deckgen.markdown import parse_talk
from deckgen.office import write_pptx
from deckgen.pipeline import FIXED_DATE
from deckgen.placed import Box, PlacedDeck, TextFrame
from deckgen.resolve import resolve_deck
from deckgen.theme import load_theme

PIECES = [
    "# Section {w}\n", "## Slide {w}\n", "### Sub {w}\n", "---\n", "\n",
    "- {w}\n", "  - {w}\n", "    - {w}\n", "1. {w}\n", "   1. {w}\n", "{p}\n",
    "**{w}** *{w}* `{w}` [{w}](https://example.org)\n", "> {p}\n", "> — {w}\n",
    "```python\n{code}\n```\n", "```\n{code}\n```\n",
    "| a | b |\n|---|:-:|\n| {w} | {p} |\n",
    "![{w}](tall.png)\n", "![{w}](wide.png){{width=30%}}\n",
    ":::: columns\n::: column\n{p}\n:::\n::: column\n- {w}\n```js\n{code}\n```\n:::\n::::\n",
    "::: notes\n{p}\n:::\n", "<!-- {p} -->\n", "Line one\\\nline two\n", "{cjk}\n",
    "W" * 150 + "\n",
]  # fmt: skip
FRONT = [
    "",
    "---\ntitle: T\n---\n",
    "---\nmarp: true\n---\n",
    "---\npaginate: true\nfooter: f\n---\n",
]
WORDS = ["server", "client", "request", "response", "warehouse", "truck", "fence", "gate"]


def random_talk(rng: random.Random) -> str:
    def para() -> str:
        return " ".join(rng.choice(WORDS) for _ in range(rng.choice([3, 20, 200, 700])))

    def code() -> str:
        lines = rng.choice([1, 5, 40, 90])
        return "\n".join(
            "    " * rng.randint(0, 3) + "x = " + "y" * rng.choice([3, 40, 150])
            for _ in range(lines)
        )

    pieces = (rng.choice(PIECES) for _ in range(rng.randint(1, 20)))
    fill = {
        "w": lambda: rng.choice(WORDS),
        "p": para,
        "code": code,
        "cjk": lambda: "研究記録" * rng.choice([1, 150]),
    }
    return rng.choice(FRONT) + "".join(
        p.format(**{k: f() for k, f in fill.items()}) for p in pieces
    )


def overlap(a: Box, b: Box) -> bool:
    return (
        a.x < b.x + b.w - 0.01 and b.x < a.x + a.w - 0.01
        and a.y < b.y + b.h - 0.01 and b.y < a.y + a.h - 0.01
    )  # fmt: skip


def check(deck: PlacedDeck) -> None:
    for slide in deck.slides:
        for shape in slide.shapes:
            box = shape.box
            assert box.x >= -0.01 and box.y >= -0.01, slide.source
            assert box.x + box.w <= deck.width + 0.01, slide.source
            assert box.y + box.h <= deck.height + 0.01, slide.source
            if slide.title and not getattr(shape, "behind", False):
                assert not overlap(box, slide.title.box), slide.source
            if isinstance(shape, TextFrame):
                assert shape.paragraphs, slide.source


@pytest.mark.parametrize("seed", range(12))
def test_random_talks_lay_out_inside_their_slides(
    seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Image.new("RGB", (300, 900), "red").save("tall.png")
    Image.new("RGB", (2000, 100), "blue").save("wide.png")
    rng = random.Random(seed)
    theme = load_theme("default", Path("."))
    for _ in range(3):
        diagnostics = Diagnostics()
        try:
            deck = parse_talk([("t.md", random_talk(rng))], diagnostics)
        except DeckgenError as error:  # a talk may be wrong, but then say where
            assert all(p.location and p.location.line for p in error.problems), error
            continue
        assets = FileAssets(theme, tmp_path / "cache", diagnostics)
        placed = layout_deck(resolve_deck(deck, theme, assets, diagnostics), theme, diagnostics)
        check(placed)
        written = Presentation(io.BytesIO(write_pptx(placed, FIXED_DATE)))
        assert len(written.slides) == len(placed.slides)
