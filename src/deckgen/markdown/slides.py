"""Items from every file -> slides: headings and `---` start slides, notes join the slide."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

from deckgen.errors import Diagnostics, SourceLocation
from deckgen.markdown.clicks import number_clicks
from deckgen.markdown.frontmatter import FrontMatter, heading_divider
from deckgen.markdown.items import Break, Directive, Heading, Item, Note, Pause
from deckgen.model import (
    NO_MARKS,
    Block,
    DeckMeta,
    Paragraph,
    Quote,
    Run,
    Slide,
    SlideKind,
    SlideMarks,
    plain_text,
)


@dataclass(slots=True)
class _Draft:
    """A slide while it is being filled."""

    kind: SlideKind = "content"
    title: tuple[Run, ...] = ()
    blocks: list[Block] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    source: SourceLocation | None = None
    pauses: list[SourceLocation] = field(default_factory=list)
    spot: dict[str, str] = field(default_factory=dict)  # Marp's `_footer: ''`: this slide only
    marks: SlideMarks = NO_MARKS

    def has_content(self) -> bool:
        return bool(self.title or self.blocks or self.kind == "title")


@dataclass(frozen=True, slots=True)
class SlideRules:
    """Which headings start slides. Pandoc: `level` (# sections above it, slides at it).
    Marp: `---` only, plus headings at the `divider` levels; a slide's first heading titles it."""

    level: int = 2
    marp: bool = False
    divider: tuple[int, ...] = ()


class SlideBuilder:
    """Feeds on items in source order; `slides()` gives the finished slides."""

    def __init__(
        self,
        meta: DeckMeta,
        rules: SlideRules,
        title_notes: tuple[str, ...] = (),
        title: tuple[Run, ...] = (),
        local: dict[str, str] | None = None,
    ) -> None:
        self.rules = rules
        self.drafts: list[_Draft] = []
        self.current = _Draft()
        # Marp's local directives in force: each holds from the slide it is written on.
        self.local: dict[str, str] = dict(local or {})
        if meta.title and not rules.marp:  # Marp's `title:` names the file, it makes no slide
            self.current = _title_draft(meta, title_notes, title)

    def add(self, item: Item) -> None:
        if isinstance(item, Directive):
            self._directive(item)
            return
        if isinstance(item, Heading):
            self._marp_heading(item) if self.rules.marp else self._heading(item)
        elif isinstance(item, Break):
            self.start_slide()
        elif isinstance(item, Note):
            self._touch(item.source).notes.extend(item.paragraphs)
        elif isinstance(item, Pause):
            self.current.pauses.append(item.source)  # numbered when the slide is whole
        else:
            self._block(item)

    def start_file(self) -> None:
        """A new file always starts a new slide; notes left dangling stay with the last one."""
        if not self.current.has_content() and self.drafts:
            self.drafts[-1].notes.extend(self.current.notes)
            self.current = _Draft()
        self.start_slide()

    def start_slide(self) -> None:
        """Close the current slide; one with nothing but notes lends them to the next one."""
        if self.current.has_content():
            self.current.marks = _marks(self.local | self.current.spot)
            self.drafts.append(self.current)
            self.current = _Draft()

    def _directive(self, directive: Directive) -> None:
        """`_key` holds for this slide only; `key` from this slide on."""
        if directive.key.startswith("_"):
            self.current.spot[directive.key[1:]] = directive.value
        elif directive.key != "headingDivider":
            self.local[directive.key] = directive.value

    def slides(self) -> tuple[Slide, ...]:
        self.start_file()
        return tuple(_finish(draft) for draft in self.drafts)

    def _heading(self, heading: Heading) -> None:
        if heading.level > self.rules.level:
            self._bold(heading)
            return
        self.start_slide()
        self.current.kind = "section" if heading.level < self.rules.level else "content"
        self._title(heading)

    def _marp_heading(self, heading: Heading) -> None:
        if heading.level in self.rules.divider:
            self.start_slide()
        if self.current.title:
            self._bold(heading)
        else:
            self._title(heading)

    def _title(self, heading: Heading) -> None:
        self.current.title = heading.runs
        if self.current.source is None or not self.current.blocks:
            self.current.source = heading.source

    def _bold(self, heading: Heading) -> None:
        bold = tuple(replace(run, bold=True) for run in heading.runs)
        self._block(Paragraph(bold, heading.source))

    def _block(self, block: Block) -> None:
        if self.current.kind == "title":  # content right after front matter is a slide of its own
            self.start_slide()
        self._touch(block.source).blocks.append(block)

    def _touch(self, where: SourceLocation) -> _Draft:
        if self.current.source is None:
            self.current.source = where
        return self.current


def slide_rules(
    front: FrontMatter, files: Sequence[Sequence[Item]], diagnostics: Diagnostics
) -> SlideRules:
    """Marp's rules when the front matter says `marp: true` or a headingDivider is given;
    otherwise Pandoc's slide level: the one written, else the one the headings imply."""
    divider = front.heading_divider
    said = (i for items in files for i in items if isinstance(i, Directive))
    for item in (i for i in said if i.key == "headingDivider"):
        try:
            divider = heading_divider(int(item.value) if item.value.isdigit() else item.value)
        except ValueError as bad:
            diagnostics.warn(item.source, f"'headingDivider' {bad}; ignored")
    if front.marp or divider:
        return SlideRules(front.meta.slide_level, True, divider)
    if front.slide_level_given:
        return SlideRules(front.meta.slide_level)
    return SlideRules(_implied_level(files))


def _implied_level(files: Sequence[Sequence[Item]]) -> int:
    """Pandoc's rule: the highest heading level followed directly by content somewhere. A talk
    with any `##` keeps level 2, so text under a `#` stays on its section slide (deckgen's)."""
    headings = [i for items in files for i in items if isinstance(i, Heading)]
    if any(h.level == 2 for h in headings):
        return 2
    levels = [h.level for items in files for h in _followed_by_content(items)]
    return min(levels, default=2)


def _followed_by_content(items: Sequence[Item]) -> Iterator[Heading]:
    shown = [i for i in items if not isinstance(i, Note | Directive)]
    for item, after in pairwise(shown):
        if isinstance(item, Heading) and not isinstance(after, Heading | Break):
            yield item


def _title_draft(meta: DeckMeta, notes: tuple[str, ...], title: tuple[Run, ...]) -> _Draft:
    """The title slide; resolve decides its lines from the front matter."""
    source = meta.source or SourceLocation("", 1, 1)
    return _Draft("title", title or (Run(meta.title),), notes=list(notes), source=source)


def _marks(said: dict[str, str]) -> SlideMarks:
    """Marp's directives in force on a slide -> what the slide shows."""
    paginate = said.get("paginate")
    return SlideMarks(
        footer=said.get("footer"),
        header=said.get("header"),
        paginate=None if paginate is None else paginate.strip().lower() == "true",
        dark="invert" in said.get("class", "").split(),
    )


def _finish(draft: _Draft) -> Slide:
    blocks = number_clicks(_with_attribution(draft.blocks), draft.pauses)
    source = draft.source or SourceLocation("", 1, 1)
    return Slide(draft.kind, draft.title, blocks, tuple(draft.notes), source, draft.marks)


def _with_attribution(blocks: list[Block]) -> tuple[Block, ...]:
    """A quote followed by a lone `— Someone` paragraph: the attribution joins the quote."""
    if len(blocks) != 2:
        return tuple(blocks)
    quote, last = blocks
    if (
        not isinstance(quote, Quote)
        or not isinstance(last, Paragraph)
        or not plain_text(last.runs).startswith(("—", "―", "–", "--"))  # – : the typographer's --
    ):
        return tuple(blocks)
    first = last.runs[0]
    dash = replace(first, text="— " + first.text.lstrip("—―–-").lstrip())
    attribution = Paragraph((dash, *last.runs[1:]), last.source)
    return (Quote((*quote.paragraphs, attribution), quote.source),)
