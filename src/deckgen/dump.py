"""Deck and PlacedDeck -> indented text dumps, stable enough for golden tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import fields
from itertools import groupby
from typing import Any

from deckgen.model import (
    Block,
    BulletList,
    Code,
    Columns,
    Deck,
    DeckMeta,
    DiagramRef,
    Image,
    Paragraph,
    Quote,
    Run,
    Slide,
    SlideMarks,
    Table,
    plain_text,
)
from deckgen.placed import (
    Box,
    Picture,
    PlacedDeck,
    PlacedParagraph,
    PlacedTable,
    Rect,
    Shape,
    TextFrame,
)

__all__ = ["dump_deck", "dump_placed", "dump_runs"]

_INDENT = "  "


def dump_deck(deck: Deck) -> str:
    lines = [_meta_line(deck.meta)]
    for number, slide in enumerate(deck.slides, 1):
        lines.extend(_slide(number, slide))
    return "\n".join(lines) + "\n"


def _meta_line(meta: DeckMeta) -> str:
    """Only what differs from the defaults, so a case shows what its front matter set."""
    default = DeckMeta()
    changed = [
        f"{f.name.replace('_', '-')}={_value(getattr(meta, f.name))}"
        for f in fields(DeckMeta)
        if f.name not in ("source", "value_sources")
        and getattr(meta, f.name) != getattr(default, f.name)
    ]
    return " ".join(["deck", *changed])


def _value(value: Any) -> str:
    if isinstance(value, str):
        return repr(value) if (" " in value or not value) else value
    return str(value).lower() if isinstance(value, bool) else str(value)


def _slide(number: int, slide: Slide) -> Iterator[str]:
    yield f"slide {number} {slide.kind} @{slide.source}{_marks(slide.marks)}"
    if slide.title:
        yield f"{_INDENT}title: {dump_runs(slide.title)}"
    for block in slide.blocks:
        yield from _indented(_block(block), 1)
    if slide.notes:
        yield f"{_INDENT}notes:"
        yield from (f"{_INDENT * 2}| {_escape(text)}" for text in slide.notes)


def _marks(marks: SlideMarks) -> str:
    """What Marp's directives set on this slide: ` footer='…' paginate=false dark`."""
    said = [f"footer={_value(marks.footer)}"] if marks.footer is not None else []
    said += [f"header={_value(marks.header)}"] if marks.header is not None else []
    said += [f"paginate={_value(marks.paginate)}"] if marks.paginate is not None else []
    said += ["dark"] if marks.dark else []
    return "".join(f" {part}" for part in said)


def _indented(lines: Iterator[str], depth: int) -> Iterator[str]:
    return (_INDENT * depth + line for line in lines)


def _at(block: Block) -> str:
    return f"@{block.source.line}:{block.source.col}"


def _click(click: int) -> str:
    """` [click 2]` after what appears on the slide's second click; nothing for the rest."""
    return f" [click {click}]" if click else ""


def _emphasis(emphasis: str) -> str:
    """` [big]` on statement text from `::: big` (and superbig, small)."""
    return f" [{emphasis}]" if emphasis else ""


def _paragraph(block: Paragraph) -> Iterator[str]:
    marks = f"{_click(block.click)}{_emphasis(block.emphasis)}"
    marks += f" [{block.align}]" if block.align else ""
    yield f"paragraph {_at(block)}{marks}: {dump_runs(block.runs)}"


def _list(block: BulletList) -> Iterator[str]:
    yield f"list {_at(block)}{_emphasis(block.emphasis)}"
    for item in block.items:
        marker = f"{item.number}." if item.ordered else "-"
        text = f"{marker} {dump_runs(item.runs)}{_click(item.click)}"
        yield f"{_INDENT * (item.level + 1)}{text}"


def _code(block: Code) -> Iterator[str]:
    yield f"code {block.language or '-'} {_at(block)}{_click(block.click)}"
    yield from (f"{_INDENT}| {line}".rstrip() for line in block.text.split("\n"))


def _table(block: Table) -> Iterator[str]:
    yield f"table {_at(block)}{_click(block.click)}"
    yield f"{_INDENT}aligns: {' '.join(a or '-' for a in block.aligns)}"
    yield f"{_INDENT}header: {_row(block.header)}"
    yield from (f"{_INDENT}row: {_row(row)}" for row in block.rows)


def _row(cells: tuple[tuple[Run, ...], ...]) -> str:
    return " | ".join(dump_runs(cell) for cell in cells)


def _image(block: Image) -> Iterator[str]:
    size = [f"width={block.width_pct:g}%"] if block.width_pct is not None else []
    size += [f"width={block.width_px}px"] if block.width_px is not None else []
    size += [f"height={block.height_px}px"] if block.height_px is not None else []
    size += [f"height={block.height_pct:g}%"] if block.height_pct is not None else []
    size += ["background"] if block.background else []
    size += [f"{block.side}:{block.share:.0%}"] if block.side else []
    line = " ".join(["image", block.path, f"alt={block.alt!r}", *size, _at(block)])
    yield line + _click(block.click)


def _diagram(block: DiagramRef) -> Iterator[str]:
    step = [f"step={block.step}"] if block.step is not None else []
    line = " ".join(["diagram", block.path, f"alt={block.alt!r}", *step, _at(block)])
    yield line + _click(block.click)


def _quote(block: Quote) -> Iterator[str]:
    yield f"quote {_at(block)}{_click(block.click)}"
    for paragraph in block.paragraphs:
        yield from _indented(_paragraph(paragraph), 1)


def _columns(block: Columns) -> Iterator[str]:
    yield f"columns {_at(block)}"
    for column in block.columns:
        width = f" width={column.width_pct:g}%" if column.width_pct is not None else ""
        yield f"{_INDENT}column{width} @{column.source.line}:{column.source.col}"
        for inner in column.blocks:
            yield from _indented(_block(inner), 2)


_BLOCKS: dict[type, Callable[[Any], Iterator[str]]] = {
    Paragraph: _paragraph,
    BulletList: _list,
    Code: _code,
    Table: _table,
    Image: _image,
    DiagramRef: _diagram,
    Quote: _quote,
    Columns: _columns,
}


def _block(block: Block) -> Iterator[str]:
    return _BLOCKS[type(block)](block)


def dump_runs(runs: tuple[Run, ...]) -> str:
    """Runs in Markdown's marks: **bold**, *italic*, ~~strike~~, `code`, [link](url).

    Neighbours sharing a link, strike or bold share one mark: `**Sub *point***`.
    """
    return "".join(_outer(key, list(group)) for key, group in groupby(runs, key=_outer_key))


def _outer_key(run: Run) -> tuple[str | None, bool, bool]:
    return (run.link, run.strike, run.bold)


def _outer(key: tuple[str | None, bool, bool], runs: list[Run]) -> str:
    link, strike, bold = key
    text = "".join(_inner(run) for run in runs)
    text = f"**{text}**" if bold else text
    text = f"~~{text}~~" if strike else text
    return f"[{text}]({link})" if link else text


def _inner(run: Run) -> str:
    text = _escape(run.text)
    text = f"`{text}`" if run.code else text
    text = f"*{text}*" if run.italic else text
    text = f"^{text}^" if run.baseline > 0 else f"~{text}~" if run.baseline < 0 else text
    classes = [".underline"] * run.underline + [".smallcaps"] * run.smallcaps
    classes += [f"size={run.size_step:+d}"] if run.size_step else []
    text = f"[{text}]{{{' '.join(classes)}}}" if classes else text
    return f"{text}{{#{run.color}}}" if run.color else text


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n")


# --- the laid-out deck ------------------------------------------------------------------------


def dump_placed(deck: PlacedDeck) -> str:
    """Every shape of every slide: kind, box in points, and each paragraph's size and lines."""
    lines = [f"deck {deck.width:g}x{deck.height:g}"]
    for number, slide in enumerate(deck.slides, 1):
        lines.append(
            f"slide {number} {slide.kind} @{slide.source} bg={slide.background} [{slide.layout}]"
        )
        shapes = ([slide.title] if slide.title else []) + list(slide.shapes)
        for shape in shapes:
            lines.extend(_indented(_shape(shape), 1))
        if slide.notes:
            lines.append(f"{_INDENT}notes: {len(slide.notes.split())} words")
    return "\n".join(lines) + "\n"


def _box(box: Box) -> str:
    return f"{box.x:.1f},{box.y:.1f} {box.w:.1f}x{box.h:.1f}"


def _shape(shape: Shape) -> Iterator[str]:
    match shape:
        case TextFrame():
            extra = [f"fill={shape.fill}"] if shape.fill else []
            extra += [f"inset={shape.inset:g}"] if shape.inset else []
            extra += ["slide-number"] if shape.slide_number else []
            extra += [f"slot={shape.slot}"] if shape.slot else []
            yield " ".join([shape.role, _box(shape.box), *extra])
            yield from _indented(_placed_paragraphs(shape), 1)
        case Picture():
            crop = " crop=" + ",".join(f"{c:.2f}" for c in shape.crop) if any(shape.crop) else ""
            behind = " behind" if shape.behind else ""
            behind += f" slot={shape.slot}" if shape.slot else ""
            yield f"picture {_box(shape.box)} {shape.path}{crop}{behind} alt={shape.description!r}"
        case PlacedTable():
            widths = ",".join(f"{w:.1f}" for w in shape.col_widths)
            yield f"table {_box(shape.box)} cols={widths}"
            for row, height in zip(shape.rows, shape.row_heights, strict=True):
                cells = " | ".join(_placed_text(c.paragraph) for c in row)
                yield f"{_INDENT}row h={height:.1f} fill={row[0].fill}: {cells}"
        case Rect():
            yield f"rect {_box(shape.box)} fill={shape.fill}"


def _placed_paragraphs(frame: TextFrame) -> Iterator[str]:
    """One line per paragraph; a code panel's lines are summed up, they are all alike."""
    if frame.role == "code":
        first = frame.paragraphs[0]
        shown = sum(p.lines for p in frame.paragraphs)
        wrapped = f", {shown} as shown" if shown > len(frame.paragraphs) else ""
        yield f"{len(frame.paragraphs)} lines{wrapped} {first.style.size:g}pt"
        return
    for p in frame.paragraphs:
        yield _placed_text(p)


def _placed_text(p: PlacedParagraph) -> str:
    marks = [f"{p.style.size:g}pt", f"x{p.lines}"]
    marks += ["bold"] if p.style.bold else []
    marks += ["italic"] if p.style.italic else []
    marks += [f"lvl={p.level}"] if p.level else []
    marks += [f"indent={p.indent:.1f}"] if p.indent else []
    marks += [f"before={p.space_before:.1f}"] if p.space_before else []
    marks += [p.align] if p.align != "left" else []
    if p.bullet:
        marks.append(f"bullet={p.bullet.char or f'{p.bullet.start}.'}")
    text = _escape(plain_text(p.runs))
    return f"{' '.join(marks)} {text[:48] + '…' if len(text) > 48 else text}"
