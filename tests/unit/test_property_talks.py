"""Property: any talk put together from the pieces real talks are made of (Marp and Pandoc
habits, HTML, directives, pasted text, odd pictures) becomes a deck or a located error, never
a crash, and quickly. Failures are kept in tests/hypothesis-db so they replay on every run."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.database import DirectoryBasedExampleDatabase
from PIL import Image

from deckgen.assets import FileAssets
from deckgen.errors import DeckgenError, Diagnostics
from deckgen.files import read_source
from deckgen.layout import layout_deck
from deckgen.markdown import parse_talk
from deckgen.office import write_pptx
from deckgen.pipeline import FIXED_DATE
from deckgen.resolve import resolve_deck
from deckgen.theme import load_theme

DATABASE = DirectoryBasedExampleDatabase(str(Path(__file__).parents[1] / "hypothesis-db"))
THEME = load_theme("default", Path("."))

WORDS = st.sampled_from(
    ["server", "client", "request", "Antwort", "研究", "🚚", "naïve", "x" * 90, "a-b_c", "—", ""]
)
ODD = st.sampled_from(
    ["\u2028", "\u2029", "\x0b", "\x0c", "\x1b[31m", "\x00", "\ufffe", "\r", "\t", "\u200b"]
)
TEXT = st.lists(st.one_of(WORDS, ODD, st.text(max_size=12)), max_size=12).map(" ".join)
FRONT = st.sampled_from(
    [
        "",
        "---\ntitle: {t}\nsubtitle: {t}\nauthor: {t}\ndate: 2026-02-30\n---\n",
        "---\nmarp: true\npaginate: true\nfooter: #Meetup {t}\n---\n",
        "---\ntitle: {t}\ntheme: dark\naspect: 4:3\nslide-level: 1\n---\n",
        "---\ntitle: {t}\nduration: 20\nlang: de-DE\n---\n",
        "---\ntitle: [unclosed\n---\n",
        "---\ntitle: {t}\n",
    ]
)
PIECES = st.sampled_from(
    [
        "# {t}\n", "## {t}\n", "### {t}\n", "---\n", "\n", "{t}\n", "- {t}\n", "  - {t}\n",
        "      - {t}\n", "1. {t}\n", "0. {t}\n", "99999. {t}\n", "> {t}\n", ">\n", "> > {t}\n",
        "> — {t}\n", "**{t}** *{t}* `{t}` ~~{t}~~ [{t}](https://example.org)\n",
        "```python\ndef f({t}):\n\treturn {t}\n```\n", "```klingon\n{t}\n```\n", "```\n{t}\n",
        "| a | b |\n|---|:-:|\n| {t} | {t} |\n", "| {t} |\n|---|\n",
        "![{t}](pic.png)\n", "![bg left:40%]({t}.png)\n", "![bg](pic.png)\n",
        "![w:300 {t}](tall.png)\n", "![{t}](pic.png){{width=250%}}\n", "![{t}](missing.png)\n",
        "![{t}](https://example.org/c.png)\n", "![]({t}.svg)\n", "![{t}](file:///etc/passwd)\n",
        ":::: columns\n::: column\n{t}\n:::\n::: column\n- {t}\n:::\n::::\n",
        "::: notes\n{t}\n:::\n", "<!-- {t} -->\n", "<!-- _class: lead -->\n",
        "<!-- paginate: false -->\n", "<div class=\"columns\">\n\n{t}\n\n</div>\n",
        "<img src=\"pic.png\" width=\"200\">\n", "<br>\n", "Line\\\nbreak {t}\n",
        "[^1]: {t}\n", "$x^2$ {t}\n", "::: incremental\n- {t}\n:::\n", "{t}" * 40 + "\n",
    ]
)  # fmt: skip


def runs(examples: int, deadline_ms: int) -> settings:
    """Hypothesis settings: this many examples, failures kept in the database."""
    slow = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
    return settings(max_examples=examples, deadline=deadline_ms, database=DATABASE,
                    suppress_health_check=slow)  # fmt: skip


@st.composite
def talks(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(PIECES, min_size=1, max_size=14))
    text = draw(FRONT).replace("{t}", draw(TEXT))
    return text + "".join(p.format(t=draw(TEXT)) for p in pieces)


def build(text: str, folder: Path) -> bytes | DeckgenError:
    """The deck's bytes, or the located error it raised."""
    diagnostics = Diagnostics()
    path = folder / "talk.md"
    path.write_text(text, encoding="utf-8", newline="")
    try:
        deck = parse_talk([read_source(path, diagnostics)], diagnostics)
        assets = FileAssets(THEME, folder / "cache", diagnostics, (folder,), allow_outside=False)
        ready = resolve_deck(deck, THEME, assets, diagnostics)
        return write_pptx(layout_deck(ready, THEME, diagnostics), FIXED_DATE)
    except DeckgenError as error:
        return error


def pictures(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (800, 450), "#E69F00").save(folder / "pic.png")
    Image.new("RGB", (200, 900), "#56B4E9").save(folder / "tall.png")
    return folder


@runs(400, deadline_ms=5000)
@given(text=talks())
def test_a_talk_becomes_a_deck_or_a_located_error(text: str, tmp_path: Path) -> None:
    outcome = build(text, pictures(tmp_path / "t"))
    if isinstance(outcome, DeckgenError):
        assert all(p.location is not None and p.location.path for p in outcome.problems), outcome
        assert all(p.message.strip() for p in outcome.problems)
        return
    with zipfile.ZipFile(io.BytesIO(outcome)) as archive:
        assert archive.testzip() is None
        assert "ppt/presentation.xml" in archive.namelist()


@runs(60, deadline_ms=10000)
@given(text=talks())
def test_a_deck_built_from_any_talk_passes_the_open_xml_validation(
    text: str, tmp_path: Path
) -> None:
    from openxml_audit import validate_pptx

    outcome = build(text, pictures(tmp_path / "v"))
    if isinstance(outcome, DeckgenError):
        return
    deck = tmp_path / "v" / "deck.pptx"
    deck.write_bytes(outcome)
    assert [str(e) for e in validate_pptx(str(deck)).errors] == []
