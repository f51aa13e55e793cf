"""The theme a talk names: a theme deckgen lacks is a warning and the build goes on."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation

from tests.conftest import run, write_talk


def test_an_unknown_theme_name_builds_in_the_default_theme_with_a_warning(in_tmp: Path) -> None:
    write_talk(in_tmp, "---\ntitle: Good\ntheme: drak\n---\n\n## Fine\n")
    result = run("build")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(
        "talk/talk.md:3:8: warning: unknown theme 'drak'; the default theme is used [markup]\n"
        "  hint: did you mean 'dark'? deckgen themes: dark, default, paper, "
        "or a path to a .yaml theme file"
    )
    assert len(Presentation(str(in_tmp / "build/talk.pptx")).slides) == 2


def test_under_strict_an_unknown_theme_fails_the_build(in_tmp: Path) -> None:
    write_talk(in_tmp, "---\ntitle: Good\ntheme: white\n---\n\n## Fine\n")
    result = run("build", "--strict")
    assert result.exit_code == 1
    assert "unknown theme 'white'" in result.output
