"""Block tokens -> model blocks, headings, breaks and notes; one small handler per token type."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import accumulate

from deckgen.errors import did_you_mean
from deckgen.markdown.attrs import Attrs, parse_attrs, percent
from deckgen.markdown.fromhtml import DROPPED, html_items
from deckgen.markdown.htmlfences import html_fences, is_html
from deckgen.markdown.inline import Runs, Segment, merge_runs, runs_of, segments, strip_runs
from deckgen.markdown.items import Break, Context, Directive, Heading, Item, Note, Pause
from deckgen.markdown.notes import blocks_text, comment_items, comments
from deckgen.markdown.tokens import Token, tokenize
from deckgen.markdown.walk import line0 as _line0
from deckgen.markdown.walk import walk
from deckgen.model import (
    Align,
    Block,
    BulletList,
    Code,
    Column,
    Columns,
    Emphasis,
    ListItem,
    Paragraph,
    Quote,
    Run,
    Table,
)

Handler = Callable[[Context, Token, Sequence[Token]], list[Item]]

_ATTRIBUTION = re.compile(r"\s*(?:—|―|–|--)\s*")
_HEADING_ATTRS = re.compile(r"\s*\{[^{}]*\}\s*$")
_LISTS = ("bullet_list_open", "ordered_list_open")
_TASK = re.compile(r"\[([ xX])\]\s+")
MAX_LEVEL = 2
_ALIGNS: dict[str, Align] = {f"text-align:{a}": a for a in ("left", "center", "right")}
_PAUSE = ". . ."  # Pandoc's pause: a paragraph of three spaced dots
_SPACER = re.compile(r"(?:\\\s*)+")
_FRAGMENTED = ("*", ")")  # Marp's fragmented lists: `* item` and `1) item`


def convert(ctx: Context, tokens: Sequence[Token]) -> list[Item]:
    """A run of sibling block tokens -> items, in source order. HTML blocks holding only
    `<div>`-like tags open and close divs, as `:::` lines do, around the Markdown between."""
    tokens = html_fences(tokens)
    return [item for token, inner in walk(ctx, tokens) for item in dispatch(ctx, token, inner)]


def dispatch(ctx: Context, token: Token, inner: Sequence[Token]) -> list[Item]:
    return HANDLERS.get(token.type, _transparent)(ctx, token, inner)


def _paragraph(ctx: Context, token: Token, inner: Sequence[Token]) -> list[Item]:
    inline = inner[0]
    line0 = _line0(inline)
    if inline.content.strip() == _PAUSE:
        return [Pause(ctx.at(line0))]
    if _SPACER.fullmatch(inline.content):  # Pandoc's lone `\` (or `\ `): room, not text
        return []
    return _segment_items(ctx, segments(ctx, inline.children or [], line0), line0)


def _segment_items(ctx: Context, parts: list[Segment], line0: int) -> list[Item]:
    """Text between pictures becomes paragraphs; pictures become blocks of their own."""
    items: list[Item] = []
    for part in parts:
        if isinstance(part, tuple):
            runs = strip_runs(part)
            if "".join(run.text for run in runs).strip():
                items.append(Paragraph(runs, ctx.at(line0)))
        else:
            items.append(part)
    return items


def _heading(ctx: Context, token: Token, inner: Sequence[Token]) -> list[Item]:
    runs, notes = runs_of(ctx, inner[0], "a heading")
    return [Heading(int(token.tag[1:]), _without_attrs(runs), ctx.at(_line0(token))), *notes]


def _without_attrs(runs: Runs) -> Runs:
    """Pandoc's `## Title {#id .class}`: the braces are not part of the title."""
    if not runs or runs[-1].code or not _HEADING_ATTRS.search(runs[-1].text):
        return runs
    last = replace(runs[-1], text=_HEADING_ATTRS.sub("", runs[-1].text))
    return (*runs[:-1], last) if last.text else runs[:-1]


def _list(ctx: Context, token: Token, inner: Sequence[Token]) -> list[Item]:
    """A list, flattened; a picture or code inside an item splits the list around it."""
    # Marp's rule for `*` lists holds in Marp talks only: Pandoc talks use `*` bullets freely.
    steps = ctx.incremental or (ctx.marp and token.markup in _FRAGMENTED)
    items: list[Item] = []
    pending: list[ListItem] = []
    for entry in _list_entries(ctx, token, inner, 0):
        if isinstance(entry, ListItem):
            pending.append(entry)
            continue
        if pending and not isinstance(entry, Note | Directive | Pause):
            items.append(_bullets(pending, steps))
            pending = []
        items.append(entry)
    if pending:
        items.append(_bullets(pending, steps))
    return items


def _bullets(items: list[ListItem], steps: bool) -> BulletList:
    """With `steps` (an incremental list), each top-level item is a step of its own (1, 2, ...)
    and sub-items share their item's; clicks.number_clicks turns steps into clicks."""
    if steps:
        counted = accumulate(int(item.level == 0) for item in items)
        items = [replace(item, click=max(1, n)) for item, n in zip(items, counted, strict=True)]
    return BulletList(tuple(items), items[0].source)


def _list_entries(
    ctx: Context, token: Token, inner: Sequence[Token], level: int
) -> list[ListItem | Item]:
    ordered = token.type == "ordered_list_open"
    start = int(str(token.attrs.get("start", 1))) if ordered else 1
    entries: list[ListItem | Item] = []
    for index, (item, item_inner) in enumerate(walk(ctx, inner)):
        number = start + index if ordered else None
        entries.extend(_item_entries(ctx, item, item_inner, level, number))
    return entries


def _item_entries(
    ctx: Context, item: Token, inner: Sequence[Token], level: int, number: int | None
) -> list[ListItem | Item]:
    texts: list[Runs] = []
    rest: list[ListItem | Item] = []
    for child, child_inner in walk(ctx, inner):
        if child.type in _LISTS:
            rest.extend(_list_entries(ctx, child, child_inner, level + 1))
        elif child.type == "paragraph_open":
            for entry in _paragraph(ctx, child, child_inner):
                if isinstance(entry, Paragraph):
                    texts.append(entry.runs)
                else:
                    rest.append(entry)
        else:
            rest.extend(dispatch(ctx, child, child_inner))
    where = ctx.at(_line0(item))
    if level > MAX_LEVEL:
        ctx.warn(where, "lists nest at most 3 levels deep; shown at the third level")
    joined = merge_runs([run for i, runs in enumerate(texts) for run in (*[Run("\n")][:i], *runs)])
    joined = _task_box(joined)
    own = ListItem(joined, min(level, MAX_LEVEL), number is not None, number, where)
    return [own, *rest] if texts or not rest else rest  # `- ![pic](x)` makes no empty bullet


def _task_box(runs: Runs) -> Runs:
    """GitHub's task items `- [ ] todo` / `- [x] done` show a box: ☐ todo, ☑ done."""
    match = _TASK.match(runs[0].text) if runs and not runs[0].code else None
    if match is None:
        return runs
    box = "☐ " if match.group(1) == " " else "☑ "
    return (replace(runs[0], text=box + runs[0].text[match.end() :]), *runs[1:])


def _fence(ctx: Context, token: Token, inner: Sequence[Token]) -> list[Item]:
    text = token.content.removesuffix("\n")
    return [Code(text, _language(token.info), ctx.at(_line0(token)))]


def _code_block(ctx: Context, token: Token, inner: Sequence[Token]) -> list[Item]:
    return [Code(token.content.rstrip("\n"), "", ctx.at(_line0(token)))]


def _language(info: str) -> str:
    """```python title="x"``` -> python; Pandoc's ```{.python .numberLines}``` too."""
    info = info.strip()
    return parse_attrs(info).name if info.startswith("{") else (info.split() or [""])[0]


def _table(ctx: Context, token: Token, inner: Sequence[Token]) -> list[Item]:
    rows: list[list[Runs]] = []
    aligns: list[Align | None] = []
    notes: list[Note] = []
    for child in inner:
        if child.type == "tr_open":
            rows.append([])
        elif child.type == "th_open":
            aligns.append(_ALIGNS.get(str(child.attrs.get("style", ""))))
        elif child.type == "inline":
            runs, found = runs_of(ctx, child, "a table cell")
            rows[-1].append(runs)
            notes.extend(found)
    if _headless(inner) and len(rows) > 1:
        rows = rows[1:]  # Pandoc's table without a header: its first row leads instead
        message = "table without a header row: its first row is shown as the header"
        ctx.warn(ctx.at(_line0(token)), message, "write a header line above the dashed line")
    header, *body = (tuple(row) for row in rows)
    table = Table(header, tuple(body), tuple(aligns), ctx.at(_line0(token)))
    return [table, *notes]


def _headless(inner: Sequence[Token]) -> bool:
    """Whether texttables read a Pandoc table without a header (its header row is empty)."""
    return any(t.type == "tr_open" and t.meta.get("headless") for t in inner[:2])


def _blockquote(ctx: Context, token: Token, inner: Sequence[Token]) -> list[Item]:
    items: list[Item] = []
    for child, child_inner in walk(ctx, inner):
        if child.type == "paragraph_open":
            items.extend(_quote_paragraph(ctx, child, child_inner[0]))
        else:
            items.extend(dispatch(ctx, child, child_inner))
    blocks, notes = nested(ctx, items, "a quote")
    paragraphs = [p for block in blocks for p in _quote_text(ctx, block)]
    if not paragraphs:  # a `>` with nothing after it: nothing to show
        return list(notes)
    return [Quote(tuple(paragraphs), ctx.at(_line0(token))), *notes]


def _quote_paragraph(ctx: Context, token: Token, inline: Token) -> list[Item]:
    """`> words` then `> — Someone` on the next line: the attribution is its own paragraph."""
    children = inline.children or []
    breaks = [i for i, child in enumerate(children) if child.type == "softbreak"]
    tail = children[breaks[-1] + 1 :] if breaks else []
    if not tail or tail[0].type != "text" or not _ATTRIBUTION.match(tail[0].content):
        return _paragraph(ctx, token, [inline])
    first = _line0(inline)
    dash = tail[0].copy()
    dash.content = _ATTRIBUTION.sub("— ", dash.content, count=1)
    last = first + len(breaks)
    quote = segments(ctx, children[: breaks[-1]], first)
    source = segments(ctx, [dash, *tail[1:]], last)
    return _segment_items(ctx, quote, first) + _segment_items(ctx, source, last)


def _quote_text(ctx: Context, block: Block) -> list[Paragraph]:
    if isinstance(block, Paragraph):
        return [block]
    if isinstance(block, Quote):
        return list(block.paragraphs)
    if isinstance(block, BulletList):
        return [Paragraph(item.runs, item.source) for item in block.items]
    ctx.warn(block.source, "only text is kept inside a quote")
    return []


def nested(ctx: Context, items: list[Item], what: str) -> tuple[list[Block], list[Note | Pause]]:
    """Items inside a quote, column or notes: headings turn bold, notes and pauses pass up to
    the slide (a pause keeps its place, so it still holds back what follows it here)."""
    blocks: list[Block] = []
    notes: list[Note | Pause] = []
    for item in items:
        if isinstance(item, Note | Pause):
            notes.append(item)
        elif isinstance(item, Directive):
            continue  # Marp's global directives belong at the top level, not in a block
        elif isinstance(item, Heading):
            runs = tuple(replace(run, bold=True) for run in item.runs)
            blocks.append(Paragraph(runs, item.source))
        elif isinstance(item, Break):
            ctx.warn(item.source, f"'---' inside {what} does not start a slide; ignored")
        else:
            blocks.append(item)
    return blocks, notes


def _rule(ctx: Context, token: Token, inner: Sequence[Token]) -> list[Item]:
    return [Break(ctx.at(_line0(token)))]


def _html_block(ctx: Context, token: Token, inner: Sequence[Token]) -> list[Item]:
    """Comments are notes or directives; the HTML is read with a real parser (fromhtml)."""
    where = ctx.at(_line0(token))
    texts, rest = comments(token.content)
    items: list[Item] = [item for text in texts for item in comment_items(text, where)]
    if rest:
        items += html_items(ctx, rest, _line0(token), _markdown_in(ctx), _nested_in(ctx))
    return items


def _markdown_in(ctx: Context) -> Callable[[str, int], list[Item]]:
    """Markdown written inside HTML (`<div>![](x)</div>`), read as Pandoc reads it."""

    def read(text: str, line0: int) -> list[Item]:
        tokens = tokenize(text)
        for token in tokens:
            if token.map:
                token.map = [token.map[0] + line0, token.map[1] + line0]
        return convert(ctx, [t for t in tokens if t.type != "front_matter"])

    return read


def _nested_in(
    ctx: Context,
) -> Callable[[list[Item], str], tuple[list[Block], list[Note | Pause]]]:
    return lambda items, what: nested(ctx, items, what)


def _div(ctx: Context, token: Token, inner: Sequence[Token]) -> list[Item]:
    attrs = parse_attrs(token.info)
    handler = _DIVS.get(attrs.name)
    if handler is not None:
        return handler(ctx, token, inner, attrs)
    if is_html(token):
        return _html_div(ctx, token, inner, attrs)
    # Pandoc's divs style HTML and LaTeX output: their content stays, said once per class.
    hint = did_you_mean(attrs.name, _DIVS) or "its class only styles HTML or LaTeX output"
    message = f"unknown div '{attrs.name}'; its content is kept"
    ctx.warn_once(f"div:{ctx.path}:{attrs.name}", ctx.at(_line0(token)), message, hint)
    return convert(ctx, inner)


def _html_div(ctx: Context, token: Token, inner: Sequence[Token], attrs: Attrs) -> list[Item]:
    """`<div>` ... `</div>` around Markdown: its content; a `<details>` or the like dropped."""
    name = token.markup.strip("<>")
    if name in DROPPED or attrs.name in DROPPED:
        message = f"HTML <{name}> is dropped"
        hint = "a slide cannot show it; said once per file"
        ctx.warn_once(f"html:{ctx.path}:{name}", ctx.at(_line0(token)), message, hint)
        return []
    return convert(ctx, inner)


def _stray_close(ctx: Context, token: Token, inner: Sequence[Token]) -> list[Item]:
    if is_html(token):
        ctx.warn(ctx.at(_line0(token)), f"this </{token.markup.strip('<>')}> closes nothing")
    else:
        ctx.warn(ctx.at(_line0(token)), "this ':::' closes no div; ignored")
    return []


def _emphasis_div(ctx: Context, token: Token, inner: Sequence[Token], attrs: Attrs) -> list[Item]:
    """Pandoc's `::: big` / `::: superbig` (statement text) and `::: small` (a size down):
    the text inside says so, layout sets it."""
    emphasis: Emphasis = attrs.name  # type: ignore[assignment]
    return [_emphasized(item, emphasis) for item in convert(ctx, inner)]


def _emphasized(item: Item, emphasis: Emphasis) -> Item:
    if isinstance(item, Paragraph | BulletList):
        return replace(item, emphasis=emphasis)
    if isinstance(item, Columns):
        columns = tuple(
            replace(c, blocks=tuple(_emphasized(b, emphasis) for b in c.blocks))  # type: ignore[misc]
            for c in item.columns
        )
        return replace(item, columns=columns)
    return item


def _notes_div(ctx: Context, token: Token, inner: Sequence[Token], attrs: Attrs) -> list[Item]:
    """The speaker's notes; a pause in them holds nothing back on the slide."""
    blocks, passed = nested(ctx, convert(ctx, inner), "notes")
    notes = [note for note in passed if isinstance(note, Note)]
    text = blocks_text(blocks) + tuple(p for note in notes for p in note.paragraphs)
    return [Note(text, ctx.at(_line0(token)))]


def _columns_div(ctx: Context, token: Token, inner: Sequence[Token], attrs: Attrs) -> list[Item]:
    columns: list[Column] = []
    notes: list[Note | Pause] = []
    for child, child_inner in walk(ctx, inner):
        child_attrs = parse_attrs(child.info) if child.type == "div_open" else Attrs()
        # Inside `<div class="columns">` every `<div>` is a column, whatever its class.
        if child_attrs.name == "column" or (is_html(token) and child.type == "div_open"):
            blocks, found = nested(ctx, convert(ctx, child_inner), "a column")
            width = _width(ctx, child, child_attrs)
            columns.append(Column(tuple(blocks), width, ctx.at(_line0(child))))
        else:
            blocks, found = nested(ctx, dispatch(ctx, child, child_inner), "columns")
            for block in blocks:
                ctx.warn(block.source, "content outside '::: column' is ignored", _COLUMN_HINT)
        notes.extend(found)
    if not columns:
        ctx.warn(ctx.at(_line0(token)), "':::: columns' holds no '::: column' blocks")
        return list(notes)
    return [Columns(tuple(columns), ctx.at(_line0(token))), *notes]


_COLUMN_HINT = "put it between '::: column' and ':::'"


def _width(ctx: Context, token: Token, attrs: Attrs) -> float | None:
    text = attrs.values.get("width")
    if text is None:
        return None
    value = percent(text)
    if value is None or not 0 < value <= 100:
        ctx.warn(ctx.at(_line0(token)), f"column width '{text}' is ignored", "write width=40%")
        return None
    return value


def _stray_column(ctx: Context, token: Token, inner: Sequence[Token], attrs: Attrs) -> list[Item]:
    hint = "put the '::: column' blocks inside ':::: columns' ... '::::'"
    ctx.error(ctx.at(_line0(token)), "'::: column' outside ':::: columns'", hint)
    return convert(ctx, inner)


def _incremental_div(
    ctx: Context, token: Token, inner: Sequence[Token], attrs: Attrs
) -> list[Item]:
    """Pandoc's `::: incremental`: its lists appear item by item; `::: nonincremental` turns
    that off inside it, or under `incremental: true` in the front matter."""
    return convert(replace(ctx, incremental=attrs.name == "incremental"), inner)


def _transparent(ctx: Context, token: Token, inner: Sequence[Token]) -> list[Item]:
    return convert(ctx, inner)


def _nothing(ctx: Context, token: Token, inner: Sequence[Token]) -> list[Item]:
    return []


DivHandler = Callable[[Context, Token, Sequence[Token], Attrs], list[Item]]
_DIVS: dict[str, DivHandler] = {
    "notes": _notes_div,
    "columns": _columns_div,
    "column": _stray_column,
    "incremental": _incremental_div,
    "nonincremental": _incremental_div,
    "big": _emphasis_div,
    "superbig": _emphasis_div,
    "small": _emphasis_div,
}

HANDLERS: dict[str, Handler] = {
    "paragraph_open": _paragraph,
    "heading_open": _heading,
    "bullet_list_open": _list,
    "ordered_list_open": _list,
    "fence": _fence,
    "code_block": _code_block,
    "table_open": _table,
    "blockquote_open": _blockquote,
    "hr": _rule,
    "html_block": _html_block,
    "div_open": _div,
    "div_close": _stray_close,
    "front_matter": _nothing,  # read by parse_talk before the blocks
}
