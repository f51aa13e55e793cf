"""Talks written for Marp and Pandoc, in their authors' habits (HTML layouts, directive
comments, title blocks, pauses, spans), build as meant: per slide the titles, text, pictures
and warnings expected, and no source syntax shown as slide text."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pptx import Presentation

from tests import pptx_read as read
from tests.conftest import ROOT, make_png, run

TALKS = ROOT / "tests/cases/talks"
PICTURES = ("ints", "chart", "side", "molecule")
# The reveal.js talk's pictures in the formats talks bring (its SVG is a file of the talk).
FORMATS = {
    "badge.gif": ("P", (60, 20)),
    "scan.tiff": ("RGB", (80, 60)),
    "poster.jpg": ("CMYK", (90, 60)),
    "screen.bmp": ("RGB", (100, 60)),
}
SVG_BLIP = "./p:blipFill/a:blip/a:extLst/a:ext/*[local-name()='svgBlip']/@r:embed"
# What the source says that a slide must never show: Pandoc's pause, title block, lone
# backslash, ^sup^ and ~sub~, Marp's :shortcodes:, pictures, attributes, fences and HTML tags.
LEAKS = {
    "pause": re.compile(r"\. \. \."),
    "title block": re.compile(r"^%", re.MULTILINE),
    "backslash": re.compile(r"\\"),
    "superscript": re.compile(r"\^\S+\^"),
    "subscript": re.compile(r"~[^~\s]+~"),
    "shortcode": re.compile(r":[a-z_]+:"),
    "picture": re.compile(r"!\["),
    "attributes": re.compile(r"\{[.#][^}]*\}"),
    "fence": re.compile(r":::"),
    "html": re.compile(r"</?[a-zA-Z][^>]*>"),
}


@dataclass
class Built:
    deck: Any
    output: str


def build(name: str, tmp: Path) -> Built:
    folder = tmp / name
    shutil.copytree(TALKS / name, folder)
    for picture in PICTURES:
        make_png(folder / f"img/{picture}.png", (120, 80))
    for file, (mode, size) in FORMATS.items():
        Image.new(mode, size).save(folder / "img" / file)
    out = tmp / f"{name}.pptx"
    result = run("build", str(folder), "-o", str(out))
    assert result.exit_code == 0, result.output
    return Built(Presentation(str(out)), result.output)


@pytest.fixture(scope="module")
def marp(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build("marp-meetup", tmp_path_factory.mktemp("marp"))


@pytest.fixture(scope="module")
def pandoc(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build("pandoc-lecture", tmp_path_factory.mktemp("pandoc"))


def titles(built: Built) -> list[str]:
    return [s.shapes.title.text if s.shapes.title else "" for s in built.deck.slides]


def body(built: Built, number: int) -> str:
    return "\n".join(read.body_texts(built.deck.slides[number - 1]))


def all_text(slide: Any) -> str:
    return "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)


def test_the_marp_talk_has_its_slides_in_order(marp: Built) -> None:
    assert titles(marp) == [
        "Data types in Python 🐍", "Why types? 📣", "Numbers", "Pictures", "The end"
    ]  # fmt: skip


def test_marp_lists_links_and_line_breaks(marp: Built) -> None:
    assert "Docs at https://docs.python.org" in body(marp, 2)
    assert "Thanks!\vQuestions?" in body(marp, 5) or "Thanks!\nQuestions?" in body(marp, 5)


def test_marp_html_columns_hold_a_picture_and_a_list(marp: Built) -> None:
    assert len(read.pictures(marp.deck.slides[2])) == 1
    text = body(marp, 3)
    assert "int: 263 and beyond" in text and "H2O is not a number" in text


def test_marp_html_picture_and_split_background(marp: Built) -> None:
    pictures = read.pictures(marp.deck.slides[3])
    assert len(pictures) == 2
    described = {p._element.xpath("./p:nvPicPr/p:cNvPr/@descr")[0] for p in pictures}
    assert "A growing chart" in described


def test_marp_html_that_cannot_show_is_warned_about_once_each(marp: Built) -> None:
    assert "HTML <details> is dropped" in marp.output
    assert "HTML <style> is dropped" in marp.output
    assert "Spoiler" not in all_text(marp.deck.slides[3])
    warned = [line.split(": warning: ")[1] for line in marp.output.splitlines()
              if ": warning: " in line]  # fmt: skip
    assert sorted(warned) == [
        "HTML <details> is dropped [markup]",
        "HTML <style> is dropped [markup]",
        "picture without alt text: screen readers skip it [picture]",  # Marp's ![w:300](...)
    ]


def test_marp_directive_comments_and_pragmas_are_not_notes(marp: Built) -> None:
    notes = [s.notes_slide.notes_text_frame.text if s.has_notes_slide else ""
             for s in marp.deck.slides]  # fmt: skip
    assert notes[1] == "Ask who uses mypy already."
    assert not any("_class" in n or "markdownlint" in n or "lead" in n for n in notes)


def test_the_pandoc_talk_has_its_title_block_as_title_slide(pandoc: Built) -> None:
    assert titles(pandoc) == [
        "Chemistry for programmers", "Basics", "Water", "Sizes", "Table"
    ]  # fmt: skip
    assert "Ada Example, Grace Example" in all_text(pandoc.deck.slides[0])


def test_pandoc_sub_and_superscripts_spans_and_breaks(pandoc: Built) -> None:
    assert "H2O is water" in body(pandoc, 3) and "E = mc2" in body(pandoc, 3)
    assert "Small caps and underlined words." in body(pandoc, 3)
    assert "line two with a\u00a0non-breaking space" in body(pandoc, 4)
    assert "Atoms are mostly empty." in body(pandoc, 4)
    assert len(read.pictures(pandoc.deck.slides[3])) == 1


def test_pandoc_html_table_is_a_native_table(pandoc: Built) -> None:
    (table,) = [s for s in pandoc.deck.slides[4].shapes if s.has_table]
    cells = [[c.text for c in row.cells] for row in table.table.rows]
    assert cells == [["Element", "Symbol"], ["Hydrogen", "H"], ["Oxygen", "O"]]
    assert "Side remarks keep their text." in body(pandoc, 5)
    assert "unknown div 'aside'" in pandoc.output


@pytest.fixture(scope="module")
def reveal(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build("reveal-packaging", tmp_path_factory.mktemp("reveal"))


def table_cells(built: Built, number: int) -> list[list[str]]:
    (table,) = [s for s in built.deck.slides[number - 1].shapes if s.has_table]
    return [[c.text for c in row.cells] for row in table.table.rows]


def test_the_reveal_talk_builds_its_slides_without_a_warning(reveal: Built) -> None:
    assert titles(reveal) == [
        "Shipping Python packages", "Why packaging", "Build backends", "Release checklist",
        "Timeline", "The logo", "Formats", "Photos", "Thanks",
    ]  # fmt: skip
    assert "Lin Example" in all_text(reveal.deck.slides[0])
    assert "0 warnings" in reveal.output


def test_reveal_pauses_split_nothing_and_notes_stay_notes(reveal: Built) -> None:
    text = body(reveal, 2)
    assert "pyproject.toml is the one place" in text and "Wheels install in seconds" in text
    assert reveal.deck.slides[1].notes_slide.notes_text_frame.text == (
        "Ask who has published to PyPI."
    )


def test_reveal_simple_grid_and_multiline_tables_are_native_tables(reveal: Built) -> None:
    assert table_cells(reveal, 3) == [
        ["Backend", "Config", "Speed"],
        ["hatchling", "pyproject", "fast"],
        ["setuptools", "setup.cfg", "slow"],
        ["flit", "pyproject", "fast"],
    ]
    assert table_cells(reveal, 4) == [
        ["Step", "Tool"], ["Version bump", "hatch version"], ["Build", "• sdist\v• wheel"]
    ]  # fmt: skip
    assert table_cells(reveal, 5) == [
        ["Year", "Event"],
        ["2000", "distutils ships with Python 1.6"],
        ["2016", "PEP 518 brings pyproject.toml for build requirements"],
    ]


def test_reveal_pictures_of_every_format_are_embedded(reveal: Built) -> None:
    (logo,) = read.pictures(reveal.deck.slides[5])
    (r_id,) = logo._element.xpath(SVG_BLIP)
    assert reveal.deck.slides[5].part.related_part(r_id).content_type == "image/svg+xml"
    kinds = [
        [p.image.content_type for p in read.pictures(reveal.deck.slides[n])] for n in (5, 6, 7)
    ]
    assert kinds == [["image/png"], ["image/png", "image/png"], ["image/jpeg", "image/png"]]


@pytest.mark.parametrize("name", ["marp-meetup", "pandoc-lecture", "async", "reveal-packaging"])
def test_no_source_syntax_shows_on_any_slide(name: str, tmp_path: Path) -> None:
    built = build(name, tmp_path)
    shown = [
        (number, kind)
        for number, slide in enumerate(built.deck.slides, 1)
        for kind, pattern in LEAKS.items()
        if pattern.search(all_text(slide).replace("\u00a0", " "))
    ]
    assert shown == []
