"""texttables.py: Pandoc's text tables are read as Pandoc reads them, and lines that only look
like them (slide breaks, setext headings, lists) are left alone."""

from __future__ import annotations

from deckgen.markdown.texttables import TextTable, read_table


def test_a_setext_heading_a_slide_break_and_a_list_are_not_tables() -> None:
    assert read_table(["Title", "-----", "", "text"]) is None
    assert read_table(["---", "## A", "---", ""]) is None
    assert read_table(["- a", "- b"]) is None


def test_a_simple_table_without_a_closing_line_or_a_blank_ends_with_its_rows() -> None:
    assert read_table(["a  b", "-- --", "1  2"]) == TextTable(
        ("a", "b"), (("1", "2"),), ("left", "left"), 3
    )


def test_a_headless_table_needs_its_closing_dashed_line() -> None:
    assert read_table(["-- --", "1  2", "", "text"]) is None
    table = read_table(["-- --", "1  2", "-- --", ""])
    assert table is not None and (table.header, table.rows, table.lines) == ((), (("1", "2"),), 3)


def test_a_multiline_table_needs_its_closing_dashed_line() -> None:
    lines = ["------", "a  b", "-- --", "1  2", "", "3  4"]
    assert read_table(lines) is None
    table = read_table([*lines, "------", ""])
    assert table is not None and table.rows == (("1", "2"), ("3", "4")) and table.lines == 7


def test_text_left_of_the_first_column_is_dropped_as_pandoc_does() -> None:
    table = read_table(["   a  b", "   -- --", "xxx1  2", ""])
    assert table is not None and table.rows == (("1", "2"),)


def test_a_grid_table_without_a_header_rule_has_no_header_and_aligns_from_its_top() -> None:
    table = read_table(["+:--+--:+", "| a | b |", "+---+---+"])
    assert table == TextTable((), (("a", "b"),), ("left", "right"), 3)


def test_a_grid_table_with_a_spanning_cell_is_not_read() -> None:
    assert read_table(["+---+---+", "| a | b |", "+---+---+", "| wide  |", "+---+---+"]) is None
