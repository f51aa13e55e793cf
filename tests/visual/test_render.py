"""LibreOffice renders the deck: every word it draws must lie inside the frame that holds it,
and every paragraph must take as many lines as layout measured.

Each talk is built and converted to PDF once (a module-scoped fixture); both checks read it.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation

from deckgen.errors import Diagnostics
from deckgen.files import diagram_cache
from deckgen.model import plain_text
from deckgen.pipeline import place_talk
from deckgen.placed import PlacedDeck, PlacedParagraph, PlacedSlide, PlacedTable, TextFrame
from tests import pptx_read as read
from tests.cli.test_overfull import CASES
from tests.conftest import HERE, make_png, run, write_talk

pytestmark = pytest.mark.visual
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
TOLERANCE = 2.0  # points: anti-aliasing and glyph overhang
Box = tuple[float, float, float, float]
Word = tuple[str, Box]


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


def pdf_words(pdf: Path) -> list[list[Word]]:
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


# --- one build and one PDF per talk ------------------------------------------------------------


@dataclass(frozen=True)
class Rendered:
    name: str
    deck: Path
    placed: PlacedDeck
    pages: list[list[Word]]


def write_features(folder: Path) -> None:
    """features.md, one slide per overfull case, and a title too long for one line."""
    talk = (HERE / "cli/talks/features.md").read_text()
    overfull = "\n\n".join(f"## Overfull {name}\n\n{body}" for name, body in sorted(CASES.items()))
    write_talk(folder, talk + "\n\n" + overfull + "\n\n## " + "W" * 100 + "\n\nShort.\n")
    make_png(folder / "talk/img/door.png")


TEMPLATED = "tests/cases/talks/async --template examples/templates/deckgen-example.pptx"
TALKS = ["features", "tests/cases/talks/async", "talk", TEMPLATED]  # relative to where built
MARKS = set("•–▪0123456789.")  # bullets and list numbers: drawn, but not in the deck's text


@pytest.fixture(scope="module", params=TALKS)
def rendered(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    shipped_talk_out: Path,
) -> Rendered:
    name: str = request.param
    source, *options = name.split()  # a talk, and a --template to build it on
    work = tmp_path_factory.mktemp(Path(source).name)
    if name == "features":
        write_features(work)
        folder, source = work, "talk"
    else:
        folder = HERE.parent  # the repository: the talks' paths are relative to it
    # the shipped talk goes beside its other builds, so their diagram cache serves it
    deck = shipped_talk_out / "visual.pptx" if name == "talk" else work / "deck.pptx"
    template = Path(options[1]) if options else None
    with contextlib.chdir(folder):
        result = run("build", source, "-o", str(deck), *options)
        assert result.exit_code == 0, result.output
        # laid out again, drawing diagrams from the cache the build just filled
        placed = place_talk(
            Path(source), diagram_cache(Path(source)), Diagnostics(), template=template
        )
    return Rendered(name, deck, placed, pdf_words(to_pdf(deck, work)))


# --- every word inside a frame -----------------------------------------------------------------


def words_outside_frames(rendered: Rendered) -> list[tuple[int, str, Box]]:
    """Words LibreOffice drew outside every frame of their slide."""
    boxes = frames(rendered.deck)
    assert len(rendered.pages) == len(boxes)
    return [
        (number, text, word)
        for number, (words, page_frames) in enumerate(
            zip(rendered.pages, boxes, strict=True), start=1
        )
        for text, word in words
        if not any(inside(word, f) for f in page_frames)
    ]


def deck_text(deck: Path) -> list[str]:
    """Each slide's text as python-pptx reads it, slide numbers filled in."""
    slides = []
    for number, slide in enumerate(Presentation(str(deck)).slides, start=1):
        parts = [_shown(s) for s in slide.shapes if s.has_text_frame]
        parts += [
            c.text for s in slide.shapes if s.has_table for r in s.table.rows for c in r.cells
        ]
        slides.append(" ".join(parts).replace("‹#›", str(number)))
    return slides


def _shown(shape: Any) -> str:
    """A text frame's text as drawn: in capitals where its style says cap="all" (a template's
    section titles, say)."""
    paragraphs = shape.text_frame.paragraphs
    return "\n".join(
        "".join(
            r.text.upper() if read.run_property(shape, p, r, "@cap") == "all" else r.text
            for r in p.runs
        )
        for p in paragraphs
    )


def letters_not_drawn(rendered: Rendered) -> list[tuple[int, str]]:
    """Per slide, the letters of its text LibreOffice did not draw on its page, and any it drew
    that are neither in the text nor bullets and list numbers. Letters, not words: pdftotext
    splits a word broken over two lines and joins a list number to a word set close to it."""
    found = []
    texts = deck_text(rendered.deck)
    for number, (words, text) in enumerate(zip(rendered.pages, texts, strict=True), start=1):
        drawn = Counter("".join(t for t, _ in words))
        held = Counter("".join(text.split()))
        missing, extra = held - drawn, set(drawn - held) - MARKS
        if missing or extra:
            found.append(
                (number, "".join(sorted(missing.elements())) + "|" + "".join(sorted(extra)))
            )
    return found


@needs_libreoffice
def test_words_stay_in_their_frames(rendered: Rendered) -> None:
    assert words_outside_frames(rendered) == []


@needs_libreoffice
def test_every_letter_of_the_deck_is_drawn_on_its_page(rendered: Rendered) -> None:
    assert letters_not_drawn(rendered) == []


# --- every paragraph on the lines layout measured ----------------------------------------------

# Paragraphs LibreOffice draws on another number of lines than layout measured, each as
# (talk, slide number, first 40 characters) -> (layout lines, PDF lines, why). Only real,
# understood mismatches belong here: the test fails on any other, and on an entry that no
# longer happens (remove it then).
SAFETY_BAND = (
    "layout fills a line only to WIDTH_SAFETY (96%) of its width; LibreOffice fills it to the "
    "edge, so text measured between 96% and 100% of the width takes a line less than layout says"
)  # with WIDTH_SAFETY = 1.0 both go away
Key = tuple[str, int, str]  # talk, slide number, first 40 characters of the paragraph
KNOWN_MISMATCHES: dict[Key, tuple[int, int, str]] = {
    # 351.8 pt of text in a 361.4 pt column (layout breaks past 346.9 pt)
    ("tests/cases/talks/async", 12, "A failure cancels the siblings"): (2, 1, SAFETY_BAND),
    # the last part of the overfull paragraph: 18 lines filled to 96% make 17 full ones
    ("features", 19, "truck fence gate worker public server cl"): (18, 17, SAFETY_BAND),
    # bullets grown to 32 pt on a slide they left mostly empty, just past 96 % of the line
    ("talk", 4, "Trust: we control the server; anyone can"): (2, 1, SAFETY_BAND),
    ("talk", 10, "Isomorphic: corresponding or similar in "): (2, 1, SAFETY_BAND),
}

AUTO_NUMBER = re.compile(r"\d+[.)]")


def without_bullet(line: list[Word], p: PlacedParagraph) -> list[Word]:
    """The first line of a list item without the bullet or number LibreOffice draws before it,
    a word of its own or, before a run in another font, glued to the text ("3.statement")."""
    if p.bullet is None or not line:
        return line
    (text, box), rest = line[0], line[1:]
    mark = re.match(re.escape(p.bullet.char), text) if p.bullet.char else AUTO_NUMBER.match(text)
    if mark is None:
        return line
    return rest if mark.end() == len(text) else [(text[mark.end() :], box), *rest]


@dataclass(frozen=True)
class Frame:
    role: str
    box: Box
    paragraphs: tuple[PlacedParagraph, ...]
    checked: bool = True  # the slide-number field draws a number, not its "#"


def text_frames(slide: PlacedSlide) -> Iterator[Frame]:
    """Every frame that holds text. A table column, as wide as layout made it and as tall as its
    rows, is a frame whose paragraphs are its cells from the top: when LibreOffice grows a row
    to fit a cell, the rows below move down, out of their boxes, but stay in order."""
    for shape in ([slide.title] if slide.title else []) + list(slide.shapes):
        if isinstance(shape, TextFrame):
            b = shape.box
            box = (b.x, b.y, b.x + b.w, b.y + b.h)
            yield Frame(shape.role, box, shape.paragraphs, not shape.slide_number)
        elif isinstance(shape, PlacedTable):
            x, top = shape.box.x, shape.box.y
            bottom = top + sum(shape.row_heights)
            for column, width in enumerate(shape.col_widths):
                cells = tuple(row[column].paragraph for row in shape.rows)
                yield Frame("table cell", (x, top, x + width, bottom), cells)
                x += width


def owner(boxes: list[Box], word: Box) -> int | None:
    """Which box a word belongs to: the first holding the word's middle, else (text overflowing
    a frame's bottom) the nearest box above it, across the same x."""
    x, y = (word[0] + word[2]) / 2, (word[1] + word[3]) / 2
    across = [i for i, b in enumerate(boxes) if b[0] - TOLERANCE <= x <= b[2] + TOLERANCE]
    held = (i for i in across if boxes[i][1] - TOLERANCE <= y <= boxes[i][3] + TOLERANCE)
    above = sorted((i for i in across if boxes[i][3] < y), key=lambda i: -boxes[i][3])
    return next(held, next(iter(above), None))


def text_lines(words: list[Word]) -> list[list[Word]]:
    """Words grouped into lines, top to bottom, each left to right: a word starts a new line
    when its middle lies more than half a word's height below the line's first word (a bullet
    glyph sits a point or two off its text; lines are 1.2 em apart, words 1.3 em high)."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w[1][1] + w[1][3]) / 2):
        middle, height = (word[1][1] + word[1][3]) / 2, word[1][3] - word[1][1]
        if lines:
            first = lines[-1][0][1]
            if middle - (first[1] + first[3]) / 2 < min(height, first[3] - first[1]) / 2:
                lines[-1].append(word)
                continue
        lines.append([word])
    return [sorted(line, key=lambda w: w[1][0]) for line in lines]


def characters(text: str) -> int:
    """Characters other than whitespace: poppler splits words its own way (a long word broken
    across lines, punctuation), never adding or dropping a character."""
    return len("".join(text.split()))


@dataclass(frozen=True)
class Mismatch:
    text: str
    layout: int
    drawn: int
    note: str = ""  # when the PDF's lines do not add up to the paragraph's text


def line_mismatches(frame: Frame, words: list[Word]) -> Iterator[Mismatch]:
    """Each paragraph LibreOffice drew on another number of lines than layout measured. The
    frame's lines go to its paragraphs in order, each taking lines until it has as many
    characters as its text (a bullet or number LibreOffice draws is not part of the text)."""
    lines = text_lines(words)
    for p in frame.paragraphs:
        text = plain_text(p.runs)
        want = characters(text)
        if not want:
            continue  # a blank code line draws no word to count
        got = taken = 0
        while got < want and lines:
            line = lines.pop(0)
            if taken == 0:
                line = without_bullet(line, p)
            got += sum(characters(t) for t, _ in line)
            taken += 1
        if got != want:
            yield Mismatch(text, p.lines, taken, f"{got} of {want} characters")
        elif taken != p.lines:
            yield Mismatch(text, p.lines, taken)
    for line in lines:
        yield Mismatch(" ".join(t for t, _ in line), 0, 1, "a line no paragraph accounts for")


def paragraph_line_mismatches(rendered: Rendered) -> Iterator[tuple[Key, Mismatch, str]]:
    """Each paragraph drawn on other lines than layout's: its key, the mismatch, a readable
    line (slide, frame role, start of the text, layout lines against PDF lines)."""
    slides = rendered.placed.slides
    assert len(rendered.pages) == len(slides)
    for number, (slide, words) in enumerate(zip(slides, rendered.pages, strict=True), start=1):
        frames_here = list(text_frames(slide))
        mine: list[list[Word]] = [[] for _ in frames_here]
        for word in words:  # each word to one frame: no frame sees another's
            index = owner([f.box for f in frames_here], word[1])
            if index is not None:
                mine[index].append(word)
        for frame, frame_words in zip(frames_here, mine, strict=True):
            if not frame.checked:
                continue
            for m in line_mismatches(frame, frame_words):
                note = f" ({m.note})" if m.note else ""
                yield (
                    (rendered.name, number, m.text[:40]),
                    m,
                    f"slide {number} {frame.role} {m.text[:40]!r}: "
                    f"layout {m.layout} lines, PDF {m.drawn}{note}",
                )


@needs_libreoffice
def test_paragraphs_take_the_lines_layout_measured(rendered: Rendered) -> None:
    known = {k: v for k, v in KNOWN_MISMATCHES.items() if k[0] == rendered.name}
    seen: set[Key] = set()
    new: list[str] = []
    for key, m, line in paragraph_line_mismatches(rendered):
        if key in known and known[key][:2] == (m.layout, m.drawn) and not m.note:
            seen.add(key)
        else:
            new.append(line)
    assert not new, "LibreOffice breaks paragraphs otherwise than layout:\n" + "\n".join(new)
    gone = sorted(known.keys() - seen)
    assert not gone, f"KNOWN_MISMATCHES that no longer happen (remove them): {gone}"
