"""LibreOffice renders the deck; every word it draws must lie inside the frame that holds it."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from pptx import Presentation

from tests.cli.test_overfull import CASES
from tests.conftest import HERE, build_in_repository, make_png, run, write_talk

pytestmark = pytest.mark.visual
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
TOLERANCE = 2.0  # points: anti-aliasing and glyph overhang
MARKS = set("•–▪0123456789.")  # bullets and list numbers: drawn, but not in the deck's text
Box = tuple[float, float, float, float]


def to_pdf(deck: Path, work: Path) -> Path:
    profile = (work / "profile").as_uri()
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(work), str(deck)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    pdf = work / f"{deck.stem}.pdf"
    assert pdf.is_file(), "LibreOffice made no PDF"
    return pdf


def pdf_words(pdf: Path) -> list[list[tuple[str, Box]]]:
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    root = ET.fromstring(html)
    pages = []
    for page in root.iter("{http://www.w3.org/1999/xhtml}page"):
        words = page.iter("{http://www.w3.org/1999/xhtml}word")
        pages.append(
            [
                (w.text or "", tuple(float(w.get(k, 0)) for k in ("xMin", "yMin", "xMax", "yMax")))
                for w in words
            ]
        )
    return pages  # type: ignore[return-value]


def frames(deck: Path) -> list[list[Box]]:
    prs = Presentation(str(deck))
    pt = 12700
    return [
        [
            (s.left / pt, s.top / pt, (s.left + s.width) / pt, (s.top + s.height) / pt)
            for s in slide.shapes
        ]
        for slide in prs.slides
    ]


def inside(word: Box, frame: Box) -> bool:
    """Horizontally the whole word; vertically the middle half of poppler's box, which spans
    the font's full bounding box (about 1.3 em) rather than the glyphs drawn."""
    quarter = (word[3] - word[1]) / 4
    return (
        word[0] >= frame[0] - TOLERANCE and word[1] + quarter >= frame[1] - TOLERANCE
        and word[2] <= frame[2] + TOLERANCE and word[3] - quarter <= frame[3] + TOLERANCE
    )  # fmt: skip


needs_libreoffice = pytest.mark.skipif(
    SOFFICE is None or shutil.which("pdftotext") is None, reason="needs LibreOffice and poppler"
)


def deck_text(deck: Path) -> list[str]:
    """Each slide's text as python-pptx reads it, slide numbers filled in."""
    slides = []
    for number, slide in enumerate(Presentation(str(deck)).slides, start=1):
        parts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        parts += [
            c.text for s in slide.shapes if s.has_table for r in s.table.rows for c in r.cells
        ]
        slides.append(" ".join(parts).replace("‹#›", str(number)))
    return slides


def letters_not_drawn(deck: Path, pages: list[list[tuple[str, Box]]]) -> list[tuple[int, str]]:
    """Per slide, the letters of its text LibreOffice did not draw on its page, and any it drew
    that are neither in the text nor bullets and list numbers. Letters, not words: pdftotext
    splits a word broken over two lines and joins a list number to a word set close to it."""
    found = []
    for number, (words, text) in enumerate(zip(pages, deck_text(deck), strict=True), start=1):
        drawn = Counter("".join(t for t, _ in words))
        held = Counter("".join(text.split()))
        missing, extra = held - drawn, set(drawn - held) - MARKS
        if missing or extra:
            found.append(
                (number, "".join(sorted(missing.elements())) + "|" + "".join(sorted(extra)))
            )
    return found


def words_outside_frames(deck: Path, work: Path) -> list[tuple[int, str, Box]]:
    """Words LibreOffice drew outside every frame of their slide; every letter of the deck
    must have been drawn on its slide's page."""
    pages = pdf_words(to_pdf(deck, work))
    boxes = frames(deck)
    assert len(pages) == len(boxes)
    assert letters_not_drawn(deck, pages) == []
    return [
        (number, text, word)
        for number, (words, page_frames) in enumerate(zip(pages, boxes, strict=True), start=1)
        for text, word in words
        if not any(inside(word, f) for f in page_frames)
    ]


@needs_libreoffice
def test_features_and_overfull_slides_stay_in_their_frames(in_tmp: Path) -> None:
    talk = (HERE / "cli/talks/features.md").read_text()
    overfull = "\n\n".join(f"## Overfull {name}\n\n{body}" for name, body in sorted(CASES.items()))
    write_talk(in_tmp, talk + "\n\n" + overfull + "\n\n## " + "W" * 100 + "\n\nShort.\n")
    make_png(in_tmp / "talk/img/door.png")
    assert run("build").exit_code == 0
    assert words_outside_frames(in_tmp / "build/talk.pptx", in_tmp) == []


@needs_libreoffice
@pytest.mark.parametrize("talk", ["tests/cases/talks/async", "talk"])
def test_real_talks_stay_in_their_frames(tmp_path: Path, shipped_talk_out: Path, talk: str) -> None:
    # the shipped talk goes beside its other builds, so their diagram cache serves it
    deck = shipped_talk_out / "visual.pptx" if talk == "talk" else tmp_path / "deck.pptx"
    result = build_in_repository(talk, deck)
    assert result.exit_code == 0, result.output
    assert words_outside_frames(deck, tmp_path) == []
