"""The talk's Markdown files -> a Deck: front matter, slides, notes, columns and pictures.

markdown-it-py is used in this package and nowhere else.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import fields, replace
from typing import Any

from deckgen.errors import Diagnostics, Problem, SourceLocation, TalkError
from deckgen.markdown.blocks import convert
from deckgen.markdown.fromhtml import inline_runs
from deckgen.markdown.frontmatter import FrontMatter, never_closed, read_front_matter, title_block
from deckgen.markdown.inline import Runs
from deckgen.markdown.items import Context, Item
from deckgen.markdown.slides import SlideBuilder, slide_rules
from deckgen.markdown.tokens import MAX_NESTING, Token, tokenize, too_deep
from deckgen.model import Deck, DeckMeta, plain_text

__all__ = ["parse_talk"]


def parse_talk(sources: Sequence[tuple[str, str]], diagnostics: Diagnostics) -> Deck:
    """sources: (display path like 'talk/intro.md', text) in order; the first file's front
    matter is the deck's. Raise TalkError with ALL problems found; warnings go to diagnostics."""
    if not sources:
        raise TalkError("the talk has no Markdown files")
    problems: list[Problem] = []
    pandoc_title = title_block(sources[0][1], sources[0][0])
    if pandoc_title:
        sources = [(sources[0][0], pandoc_title[0]), *sources[1:]]
    files = [(path, tokenize(text), text) for path, text in sources]
    problems += [_too_deep(path, tokens) for path, tokens, _ in files if too_deep(tokens)]
    front = pandoc_title[1] if pandoc_title else _front_matter(*files[0], problems)
    front, title = _html_values(front, diagnostics)
    for warning in front.warnings:
        diagnostics.warn(warning.location, warning.message, warning.hint)
    # One context per file, made from this one: all share the problems and "warn once" keys.
    talk = Context("", [], diagnostics, problems, set(), front.meta.incremental, front.marp)
    items = [
        _file_items(replace(talk, path=path, lines=_lines(text)), tokens, index)
        for index, (path, tokens, text) in enumerate(files)
    ]
    rules = slide_rules(front, items, diagnostics)
    meta = front.meta if rules.marp else replace(front.meta, slide_level=rules.level)
    builder = SlideBuilder(meta, rules, front.notes, title, front.directives)
    for index, file_items in enumerate(items):
        if index:
            builder.start_file()
        for item in file_items:
            builder.add(item)
    deck = Deck(meta, builder.slides())
    if not deck.slides and not problems:  # a broken front matter may be why there are none
        hint = "start a slide with '## Title', or give the talk a title in front matter"
        problems.append(Problem(SourceLocation(sources[0][0], 1, 1), "the talk is empty", hint))
    if problems:
        raise TalkError.of(problems)
    return deck


def _html_values(front: FrontMatter, diagnostics: Diagnostics) -> tuple[FrontMatter, Runs]:
    """HTML in front matter text (`title: <small>…</small>`) read as inline HTML: the title's
    runs keep its formatting, every value its text without the tags."""
    meta = front.meta
    texts = {
        f.name: getattr(meta, f.name)
        for f in fields(DeckMeta)
        if isinstance(getattr(meta, f.name), str) and "<" in getattr(meta, f.name)
    }
    if not texts and not any("<" in v for v in front.directives.values()):
        return front, ()
    ctx = Context(meta.source.path if meta.source else "", [], diagnostics)
    where = (meta.source.line - 1) if meta.source else 0
    title = inline_runs(ctx, meta.title, where) if "title" in texts else ()
    plain: dict[str, Any] = {n: plain_text(inline_runs(ctx, t, where)) for n, t in texts.items()}
    said = {k: plain_text(inline_runs(ctx, v, where)) for k, v in front.directives.items()}
    return replace(front, meta=replace(meta, **plain), directives=said), title


def _too_deep(path: str, tokens: list[Token]) -> Problem:
    token = too_deep(tokens)
    line = token.map[0] + 1 if token and token.map else 1
    hint = "a quote or list this deep cannot be shown; flatten it"
    return Problem(
        SourceLocation(path, line, 1), f"nested more than {MAX_NESTING} levels deep", hint
    )


def _file_items(ctx: Context, tokens: list[Token], index: int) -> list[Item]:
    if index and tokens and tokens[0].type == "front_matter":
        ctx.warn(ctx.at(0, 1), "front matter is read from the first file only; ignored")
    return convert(ctx, tokens)


def _lines(text: str) -> list[str]:
    """Lines as markdown-it counts them (str.splitlines would also split at \f and U+2028)."""
    return re.split(r"\r\n|\r|\n", text)


def _front_matter(
    path: str, tokens: list[Token], text: str, problems: list[Problem]
) -> FrontMatter:
    if not tokens or tokens[0].type != "front_matter":
        left_open = never_closed(path, text)
        return FrontMatter(DeckMeta(), warnings=[left_open] if left_open else [])
    first_line = (tokens[0].map or [0])[0] + 1
    front = read_front_matter(tokens[0].content, path, first_line)
    problems.extend(front.problems)
    return front
