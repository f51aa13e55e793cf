"""Shared helpers: build a talk through the real CLI and read the deck back with python-pptx."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from PIL import Image

from deckgen.cli import main

HERE = Path(__file__).parent
ROOT = HERE.parent  # the repository: the shipped talk's paths are relative to it


@pytest.fixture(scope="session")
def shipped_talk_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One output folder for every build of the shipped talk (talk/) in the session. The
    diagram cache lives with the talk's project (the repository's build/.deckgen-cache/,
    whatever -o says), and every build of the talk records what it used, so the talk's
    diagrams render at most once per session however many tests build it (and pruning by one
    build keeps the others' renders while their decks exist)."""
    return tmp_path_factory.mktemp("shipped-talk")


def build_in_repository(source: str, deck: Path, *options: str) -> Result:
    """`deckgen build SOURCE -o DECK` run from the repository, which SOURCE is relative to."""
    old = Path.cwd()
    os.chdir(ROOT)
    try:
        return run("build", source, "-o", str(deck), *options)
    finally:
        os.chdir(old)


@pytest.fixture
def in_tmp(tmp_path: Path) -> Iterator[Path]:
    """Run in an empty folder, as a user would in their talk's project."""
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(old)


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def write_talk(folder: Path, text: str, name: str = "talk/talk.md") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def make_png(path: Path, size: tuple[int, int] = (800, 400), color: str = "#E69F00") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, color).save(path)
    return path
