"""PlacedDeck -> HTML: every slide as absolutely positioned boxes in points, the same boxes,
sizes, fonts and pictures the writer puts into the .pptx; each slide carries its number,
source line, planned time, notes and warnings as data for the page's script."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from html import escape

from deckgen.errors import Problem
from deckgen.model import SIZE_STEP, Run
from deckgen.outline import Outline, clock
from deckgen.placed import (
    Box,
    Picture,
    PlacedDeck,
    PlacedParagraph,
    PlacedSlide,
    PlacedTable,
    Rect,
    Shape,
    TextFrame,
)


@dataclass(frozen=True, slots=True)
class Frame:
    """What the page draws: the deck, its outline (numbers, sources, times) and the
    warnings by slide number (0: on no slide)."""

    deck: PlacedDeck
    outline: Outline
    warnings: tuple[tuple[int, Problem], ...] = ()


def deck_html(frame: Frame, picture_url: dict[str, str]) -> str:
    """The slides as `<section class="slide">` elements, one after another."""
    return "\n".join(_slide(frame, n, picture_url) for n in range(1, len(frame.deck.slides) + 1))


def _slide(frame: Frame, n: int, picture_url: dict[str, str]) -> str:
    deck, row = frame.deck, frame.outline.slides[n - 1]
    slide = deck.slides[n - 1]
    warned = [p for at, p in frame.warnings if at == n]
    attrs = (
        f'data-n="{n}" data-source="{escape(row.file)}:{row.line}" '
        f'data-seconds="{row.seconds}" data-running="{row.running_seconds}" '
        f'data-title="{escape(row.title)}"'
    )
    notes = escape(slide.notes)
    said = "".join(f"<li>{escape(_told(p))}</li>" for p in warned)
    return (
        f'<section class="slide" {attrs}>{slide_page(frame, n, picture_url)}'
        f'<footer class="meta"><span class="n">{n}</span>'
        f'<button class="source" title="copy">{escape(row.file)}:{row.line}</button>'
        f'<span class="time">{row.seconds} s, at {clock(row.running_seconds)}</span></footer>'
        f'<ul class="warnings">{said}</ul><pre class="notes">{notes}</pre></section>'
    )


def slide_page(frame: Frame, n: int, picture_url: dict[str, str]) -> str:
    """Slide `n` alone: a `<div class="page">` the slide's size in points, its shapes in it."""
    deck = frame.deck
    slide = deck.slides[n - 1]
    shapes = "".join(_shape(s, picture_url) for s in _shapes(slide))
    style = f"width:{deck.width:g}pt;height:{deck.height:g}pt;background:#{slide.background}"
    return f'<div class="page" style="{style}">{shapes}</div>'


def _told(problem: Problem) -> str:
    rule = f" [{problem.rule}]" if problem.rule else ""
    hint = f" ({problem.hint})" if problem.hint else ""
    return f"{problem.message}{rule}{hint}"


def _shapes(slide: PlacedSlide) -> Iterator[Shape]:
    """In the writer's order: pictures behind everything, the title, then the rest."""
    yield from (s for s in slide.shapes if isinstance(s, Picture) and s.behind)
    if slide.title:
        yield slide.title
    yield from (s for s in slide.shapes if not (isinstance(s, Picture) and s.behind))


def _at(box: Box) -> str:
    return f"left:{box.x:.2f}pt;top:{box.y:.2f}pt;width:{box.w:.2f}pt;height:{box.h:.2f}pt"


def _shape(shape: Shape, picture_url: dict[str, str]) -> str:
    match shape:
        case TextFrame():
            return _text_frame(shape)
        case Picture():
            return _picture(shape, picture_url.get(shape.path, ""))
        case PlacedTable():
            return _table(shape)
        case Rect():
            return f'<div class="rect" style="{_at(shape.box)};background:#{shape.fill}"></div>'


def _text_frame(frame: TextFrame) -> str:
    fill = f";background:#{frame.fill}" if frame.fill else ""
    style = f"{_at(frame.box)};padding:{frame.inset:g}pt;justify-content:{_ANCHOR[frame.anchor]}"
    numbers = _numbers(frame.paragraphs)
    paras = "".join(_paragraph(p, numbers[i]) for i, p in enumerate(frame.paragraphs))
    return f'<div class="frame {frame.role}" style="{style}{fill}">{paras}</div>'


_ANCHOR = {"top": "flex-start", "middle": "center", "bottom": "flex-end"}


def _numbers(paragraphs: tuple[PlacedParagraph, ...]) -> list[int]:
    """Each numbered paragraph's number: PowerPoint counts on from `start` through the
    numbered paragraphs of a level, until a paragraph at a shallower level."""
    counts: dict[int, int] = {}
    out = []
    for p in paragraphs:
        counts = {level: c for level, c in counts.items() if level <= p.level}
        if p.bullet and not p.bullet.char:
            counts[p.level] = counts.get(p.level, p.bullet.start - 1) + 1
        out.append(counts.get(p.level, 0))
    return out


def _paragraph(p: PlacedParagraph, number: int) -> str:
    s = p.style
    style = (
        f"font-family:'{s.font}';font-size:{s.size:g}pt;line-height:{p.line_height:.2f}pt;"
        f"color:#{s.color};margin-top:{p.space_before:.2f}pt;text-align:{p.align};"
        f"padding-left:{p.indent:.2f}pt;text-indent:{-p.hang:.2f}pt"
        + (";font-weight:bold" if s.bold else "")
        + (";font-style:italic" if s.italic else "")
    )
    bullet = ""
    if p.bullet:
        mark = p.bullet.char or f"{number}."
        color = f"color:#{p.bullet_color};" if p.bullet_color else ""
        bullet = f'<span class="bullet" style="{color}width:{p.hang:.2f}pt">{escape(mark)}</span>'
    runs = "".join(_run(r, s.size, s.code_font) for r in p.runs) or "&#8203;"
    return f'<p style="{style}">{bullet}{runs}</p>'


def _run(run: Run, size: float, code_font: str) -> str:
    css = []
    css += ["font-weight:bold"] if run.bold else []
    css += ["font-style:italic"] if run.italic else []
    css += [f"font-family:'{code_font}'"] if run.code else []
    css += [f"color:#{run.color}"] if run.color else []
    lines = ["underline"] * (run.underline or bool(run.link)) + ["line-through"] * run.strike
    css += [f"text-decoration:{' '.join(lines)}"] if lines else []
    css += ["font-variant:small-caps"] if run.smallcaps else []
    css += [f"font-size:{size * (1 + SIZE_STEP * run.size_step):g}pt"] if run.size_step else []
    css += ["vertical-align:super;font-size:smaller"] if run.baseline > 0 else []
    css += ["vertical-align:sub;font-size:smaller"] if run.baseline < 0 else []
    text = escape(run.text).replace("\n", "<br>").replace("\v", "<br>")
    return f'<span style="{";".join(css)}">{text}</span>' if css else text


def _picture(picture: Picture, url: str) -> str:
    """The picture, cropped as the writer crops it: scaled so the uncropped part fills the
    box, shifted by the left and top crop."""
    left, top, right, bottom = picture.crop
    width = picture.box.w / max(1e-6, 1 - left - right)
    height = picture.box.h / max(1e-6, 1 - top - bottom)
    img = (
        f'<img src="{escape(url)}" alt="{escape(picture.description)}" style="position:absolute;'
        f"left:{-left * width:.2f}pt;top:{-top * height:.2f}pt;"
        f'width:{width:.2f}pt;height:{height:.2f}pt">'
    )
    return f'<div class="picture" style="{_at(picture.box)}">{img}</div>'


def _table(table: PlacedTable) -> str:
    cols = "".join(f'<col style="width:{w:.2f}pt">' for w in table.col_widths)
    pad = f"padding:{table.cell_inset_y:.2f}pt {table.cell_inset_x:.2f}pt"
    rows = []
    for row, height in zip(table.rows, table.row_heights, strict=True):
        cells = "".join(
            f'<td style="{pad};background:#{c.fill}">{_paragraph(c.paragraph, 0)}</td>' for c in row
        )
        rows.append(f'<tr style="height:{height:.2f}pt">{cells}</tr>')
    return f'<table class="table" style="{_at(table.box)}">{cols}{"".join(rows)}</table>'
