"""Deck -> ReadyDeck: code highlighted, pictures sized, one slide per diagram step, each slide's
kind and the title slide's lines decided. Pure: files are read only through `Assets`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import PurePath

from deckgen.assets import Assets, DiagramStep
from deckgen.colors import contrast
from deckgen.diagram.frame import Frame, slide_frame
from deckgen.errors import DeckgenError, Diagnostics, Problem, SourceLocation, in_source_order
from deckgen.highlight import highlight
from deckgen.model import (
    Block,
    BulletList,
    Code,
    Columns,
    Deck,
    DeckMeta,
    DiagramRef,
    Image,
    Leaf,
    Paragraph,
    Quote,
    Run,
    Slide,
    Table,
    walk_blocks,
)
from deckgen.ready import (
    Backdrop,
    ContentSlide,
    Figure,
    Listing,
    QuoteSlide,
    ReadyBlock,
    ReadyColumn,
    ReadyColumns,
    ReadyDeck,
    ReadySlide,
    SectionSlide,
    TitleSlide,
)
from deckgen.theme import Theme, inverted

__all__ = ["map_blocks", "resolve_deck", "title_slide"]

FIRST_NUMBER, LAST_NUMBER = 1, 32767  # what a:buAutoNum's startAt may hold
Drawn = Paragraph | BulletList | Code | Table | Image | Quote  # every leaf but a diagram
ReadyText = Paragraph | BulletList | Table | Quote
MARP_HEIGHT = 720  # a Marp slide's height in pixels (1280x720, or 960x720 at 4:3)


@dataclass(frozen=True, slots=True)
class _Env:
    """What resolving reads, and where it puts the problems it finds."""

    theme: Theme
    assets: Assets
    diagnostics: Diagnostics
    problems: list[Problem]


def resolve_deck(deck: Deck, theme: Theme, assets: Assets, diagnostics: Diagnostics) -> ReadyDeck:
    """The deck ready for layout; every missing picture and broken diagram in one error."""
    env = _Env(theme, assets, diagnostics, [])
    slides = [ready for slide in deck.slides for ready in _slides(slide, deck.meta, env)]
    if env.problems:
        raise DeckgenError.of(sorted(env.problems, key=in_source_order))
    return ReadyDeck(deck.meta, tuple(slides))


def map_blocks(
    blocks: tuple[Block, ...], leaf: Callable[[Leaf], ReadyBlock]
) -> tuple[ReadyBlock, ...]:
    """Each block through `leaf`, columns kept as columns around their mapped blocks."""
    return tuple(_map_block(block, leaf) for block in blocks)


def _map_block(block: Block, leaf: Callable[[Leaf], ReadyBlock]) -> ReadyBlock:
    if not isinstance(block, Columns):
        return leaf(block)
    columns = tuple(
        ReadyColumn(map_blocks(c.blocks, leaf), c.width_pct, c.source) for c in block.columns
    )
    return ReadyColumns(columns, block.source)


def title_slide(
    meta: DeckMeta, notes: str, source: SourceLocation, title: tuple[Run, ...] = ()
) -> TitleSlide:
    """The opening slide: the title (as written, HTML formatting kept, else the front matter's),
    the subtitle, the author, and the occasion (`event · date`)."""
    occasion = " · ".join(part for part in (meta.event, meta.date) if part)
    runs = title or (Run(meta.title),)
    return TitleSlide(runs, meta.subtitle, meta.author, occasion, notes, source)


def _slides(slide: Slide, meta: DeckMeta, env: _Env) -> list[ReadySlide]:
    """The slide ready for layout: one per build step of its first diagram (the lead; any
    other diagram shows its last step), none when a diagram cannot be drawn."""
    notes = "\n\n".join(slide.notes)
    if slide.kind == "title":
        return [replace(title_slide(meta, notes, slide.source, slide.title), marks=slide.marks)]
    if slide.marks.dark:  # Marp's `class: invert`: code highlighted for the dark panel
        env = replace(env, theme=inverted(env.theme))
    leaves = list(walk_blocks(slide.blocks))
    frames = diagram_frames(slide.blocks, meta.aspect, env.theme)
    steps = _diagram_steps([b for b in leaves if isinstance(b, DiagramRef)], frames, env)
    if steps is None:
        return []
    ready: dict[Leaf, ReadyBlock] = {
        b: _leaf(b, env) for b in leaves if not isinstance(b, DiagramRef)
    }
    lead = next((b for b in slide.blocks if isinstance(b, DiagramRef)), None)
    slides: list[ReadySlide] = []
    for index in range(len(steps[lead]) if lead else 1):
        for ref, shown in steps.items():
            ready[ref] = _step_figure(ref, shown[index] if ref == lead else shown[-1], shown)
        said = steps[lead][index].notes if lead else ""
        slides.append(_slide(slide, ready, _join(notes, said)))
    return slides


def _slide(slide: Slide, ready: dict[Leaf, ReadyBlock], notes: str) -> ReadySlide:
    """Pictures behind the content come apart; a slide holding only a quote is a quote slide."""
    behind = [(b, ready[b]) for b in slide.blocks if isinstance(b, Image) and b.background]
    backdrops = tuple(Backdrop(f, b.side, b.share) for b, f in behind if isinstance(f, Figure))
    drawn = {b for b, f in behind if isinstance(f, Figure)}
    blocks = map_blocks(tuple(b for b in slide.blocks if b not in drawn), ready.__getitem__)
    marks = slide.marks
    if slide.kind == "section":
        return SectionSlide(slide.title, blocks, backdrops, notes, slide.source, marks)
    if len(blocks) == 1 and isinstance(blocks[0], Quote):
        return QuoteSlide(slide.title, blocks[0], backdrops, notes, slide.source, marks)
    return ContentSlide(slide.title, blocks, backdrops, notes, slide.source, marks)


def _join(notes: str, more: str) -> str:
    return "\n\n".join(part for part in (notes, more) if part)


def _leaf(block: Drawn, env: _Env) -> ReadyBlock:
    match block:
        case Code():
            return _listing(block, env)
        case Image():
            return _picture(block, env)
        case BulletList():
            return _readable(_numbered(block, env), env)
        case Paragraph() | Table() | Quote():
            return _readable(block, env)
        case _:
            return block


MIN_CONTRAST = 4.5  # WCAG AA for text


def _readable(block: ReadyText, env: _Env) -> ReadyText:
    """A colour the speaker gave (HTML's `<span style="color:…">`) is kept only when it reads on
    the theme's background at 4.5:1; otherwise the text takes the theme's colour, with a
    warning. (A slide Marp's `class: invert` makes dark is judged on the theme's background.)"""
    background = env.theme.colors.background

    def run(r: Run) -> Run:
        if r.color is None or contrast(r.color, background) >= MIN_CONTRAST:
            return r
        ratio = contrast(r.color, background)
        message = f"colour #{r.color} is hard to read on the slide ({ratio:.1f}:1); not used"
        hint = f"pick one with {MIN_CONTRAST}:1 contrast"
        env.diagnostics.warn(block.source, message, hint, rule="contrast")
        return replace(r, color=None)

    def runs(rs: tuple[Run, ...]) -> tuple[Run, ...]:
        return tuple(run(r) for r in rs)

    match block:
        case Paragraph():
            return replace(block, runs=runs(block.runs))
        case BulletList():
            return replace(block, items=tuple(replace(i, runs=runs(i.runs)) for i in block.items))
        case Table():
            rows = tuple(tuple(runs(c) for c in row) for row in block.rows)
            return replace(block, header=tuple(runs(c) for c in block.header), rows=rows)
        case Quote():
            paragraphs = tuple(replace(p, runs=runs(p.runs)) for p in block.paragraphs)
            return replace(block, paragraphs=paragraphs)


def _numbered(block: BulletList, env: _Env) -> BulletList:
    """PowerPoint numbers lists from 1 to 32767; a list counting outside that counts from 1."""
    numbers = [item.number for item in block.items if item.ordered and item.number is not None]
    if all(FIRST_NUMBER <= n <= LAST_NUMBER for n in numbers):
        return block
    hint = f"PowerPoint numbers lists from {FIRST_NUMBER} to {LAST_NUMBER}"
    env.diagnostics.warn(block.source, f"list numbered from {numbers[0]}: numbered from 1", hint)
    counts: dict[int, int] = {}
    items = []
    for item in block.items:
        counts = {level: n for level, n in counts.items() if level <= item.level}
        if item.ordered:
            counts[item.level] = counts.get(item.level, 0) + 1
            item = replace(item, number=counts[item.level])
        items.append(item)
    return replace(block, items=tuple(items))


def _listing(code: Code, env: _Env) -> Listing:
    """Highlighted lines; an unknown language is shown plain, with a warning."""
    colors = env.theme.colors
    text = code.text.expandtabs(4)
    lines, known = highlight(
        text, code.language, env.theme.code_style, colors.code_background, colors.code_text
    )
    if not known:
        message = f"unknown code language '{code.language}': shown without highlighting"
        env.diagnostics.warn(code.source, message, "name a language Pygments knows", rule="code")
    return Listing(lines, code.source, code.click)


def _picture(image: Image, env: _Env) -> Figure | Paragraph:
    """The picture with its pixel size; text in its place when it cannot be shown."""
    found = env.assets.picture(image.path)
    web = image.path.startswith(("http://", "https://"))
    if found.problem and (found.web or web):  # the deck builds without it, as others' would
        message = f"{found.problem}: {image.path}"
        env.diagnostics.warn(image.source, message, found.hint, rule="picture")
        return _stand_in(image)
    if found.problem:
        env.problems.append(Problem(image.source, f"{found.problem}: {image.path}", found.hint))
        return _stand_in(image)
    if not image.alt.strip() and not image.background:  # a backdrop is decoration
        hint = "describe it: ![what the picture shows](path)"
        message = "picture without alt text: screen readers skip it"
        env.diagnostics.warn(image.source, message, hint, rule="picture")
    width_pct, width_px = image.width_pct, image.width_px or _width_for_height(image, found.size)
    return Figure(found.path, image.alt, found.size, image.source, width_pct,
                  width_px, image.caption, click=image.click)  # fmt: skip


def _width_for_height(image: Image, size: tuple[int, int]) -> int | None:
    """A height asked for (Marp's h:200, Pandoc's {height=40%}) as the width that gives it,
    in pixels of a 1280-pixel-wide slide, the picture's proportions kept."""
    if image.width_pct is not None:
        return None
    height = image.height_px
    if image.height_pct is not None:
        height = round(MARP_HEIGHT * image.height_pct / 100)
    if height is None or not size[1]:
        return None
    return max(1, round(height * size[0] / size[1]))


def _stand_in(image: Image) -> Paragraph:
    """Text in the picture's place, so the speaker sees what is missing."""
    text = Run(f"[picture: {image.alt or image.path}]", italic=True)
    return Paragraph((text,), image.source, image.click)


def diagram_frames(blocks: tuple[Block, ...], aspect: str, theme: Theme) -> dict[DiagramRef, Frame]:
    """The frame each diagram of a slide is drawn for: the slide's body, or its column's share
    of it (as layout splits columns: the gaps out, then each its width or an equal share)."""
    frames = {b: slide_frame(theme, aspect) for b in blocks if isinstance(b, DiagramRef)}
    for block in blocks:
        if isinstance(block, Columns):
            given = sum(c.width_pct or 0 for c in block.columns)
            unsized = [c for c in block.columns if not c.width_pct]
            rest = max(0.0, 100 - given) / len(unsized) if unsized else 0.0
            total = (given + rest * len(unsized)) or 1.0
            for column in block.columns:
                share = (column.width_pct or rest) / total
                frame = slide_frame(theme, aspect, share, len(block.columns))
                frames |= {
                    b: frame for b in walk_blocks(column.blocks) if isinstance(b, DiagramRef)
                }
    return frames


def _diagram_steps(
    refs: list[DiagramRef], frames: dict[DiagramRef, Frame], env: _Env
) -> dict[DiagramRef, tuple[DiagramStep, ...]] | None:
    """Each diagram's steps, drawn for its frame; None (the problems noted) when any of them
    cannot be drawn."""
    steps: dict[DiagramRef, tuple[DiagramStep, ...]] = {}
    for ref in refs:
        try:
            steps[ref] = env.assets.diagram(ref, frames[ref])
        except DeckgenError as error:
            env.problems.extend(error.problems)
    return steps if len(steps) == len(refs) else None


def _step_figure(ref: DiagramRef, step: DiagramStep, steps: tuple[DiagramStep, ...] = ()) -> Figure:
    """One step of a diagram; its steps are slides of their own, so the figure keeps the
    click its reference was written on (after a pause) and nothing more."""
    alt = ref.alt or step.caption or PurePath(ref.path).stem
    captions = tuple(s.caption for s in steps if s.caption)
    return Figure(
        step.png, alt, step.size, ref.source, caption=step.caption, step=step.number,
        click=ref.click, captions=captions,
    )  # fmt: skip
