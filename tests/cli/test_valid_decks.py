"""Decks PowerPoint opens without repair: every test deck passes the Open XML SDK's validation
(openxml-audit, its Python port) with no errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from openxml_audit import validate_pptx

from tests.cli.test_overfull import CASES
from tests.conftest import HERE, make_png, run, write_talk

DARK = """---
title: A dark deck
subtitle: With every kind of slide
author: Ada
theme: dark
paginate: true
footer: "Meetup · 2026"
lang: fr-FR
---

# A section

## Quote

> Simple things should be simple.
> — Alan Kay

## Numbers

0. zero
1. one

## Table

| a | b |
|---|--:|
| 1 | 2 |
"""


def errors_of(deck: Path) -> list[str]:
    return [str(error) for error in validate_pptx(str(deck)).errors]


def test_the_features_and_overfull_deck_is_valid(in_tmp: Path) -> None:
    talk = (HERE / "cli/talks/features.md").read_text()
    overfull = "\n\n".join(f"## Overfull {name}\n\n{body}" for name, body in sorted(CASES.items()))
    write_talk(in_tmp, talk + "\n\n" + overfull)
    make_png(in_tmp / "talk/img/door.png")
    assert run("build").exit_code == 0
    assert errors_of(in_tmp / "build/talk.pptx") == []


def test_a_dark_deck_with_footers_and_every_slide_kind_is_valid(in_tmp: Path) -> None:
    write_talk(in_tmp, DARK)
    assert run("build").exit_code == 0
    assert errors_of(in_tmp / "build/talk.pptx") == []


@pytest.mark.parametrize("talk", ["tests/cases/talks/async"])
def test_a_real_talk_is_valid(tmp_path: Path, talk: str) -> None:
    old = Path.cwd()
    os.chdir(HERE.parent)
    try:
        result = run("build", talk, "-o", str(tmp_path / "deck.pptx"))
    finally:
        os.chdir(old)
    assert result.exit_code == 0, result.output
    assert errors_of(tmp_path / "deck.pptx") == []


@pytest.mark.parametrize(
    "template", ["tests/templates/corp-4x3.potx", "examples/templates/deckgen-example.pptx"]
)
def test_a_real_talk_built_on_a_template_is_valid(tmp_path: Path, template: str) -> None:
    old = Path.cwd()
    os.chdir(HERE.parent)
    try:
        deck = tmp_path / "deck.pptx"
        result = run("build", "tests/cases/talks/async", "--template", template, "-o", str(deck))
    finally:
        os.chdir(old)
    assert result.exit_code == 0, result.output
    assert errors_of(deck) == []
