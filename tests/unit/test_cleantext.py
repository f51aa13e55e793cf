"""Pasted text -> text the deck can hold: separators as line breaks, controls dropped."""

from __future__ import annotations

from deckgen.cleantext import Dropped, clean_text


def test_separators_from_word_and_docs_become_line_breaks() -> None:
    text = "one\u2028two\u2029three\x0bfour\x0cfive\x85six\r\nseven\reight"
    assert clean_text(text) == ("one\ntwo\n\nthree\nfour\nfive\nsix\nseven\neight", None)


def test_other_controls_are_dropped_and_the_first_is_located() -> None:
    text = "## Title\n\nbad \x1b[31mred\x1b[0m and \x00 and \ufffe\n"
    cleaned, dropped = clean_text(text)
    assert cleaned == "## Title\n\nbad [31mred[0m and  and \n"
    assert dropped == Dropped(4, "\x1b", 3, 5)
    assert dropped.message() == "4 control characters dropped (the first is U+001B)"


def test_tabs_newlines_and_ordinary_text_are_kept() -> None:
    text = "def f():\n\treturn 'é ü — 研究 🚚'\n"
    assert clean_text(text) == (text, None)
