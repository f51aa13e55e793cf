"""Items from every file -> slides: headings and `---` start slides, notes join the slide."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from deckgen.errors import SourceLocation
from deckgen.markdown.items import Break, Heading, Item, Note
from deckgen.model import Block, DeckMeta, Paragraph, Quote, Run, Slide, SlideKind, plain_text


@dataclass(slots=True)
class _Draft:
    """A slide while it is being filled."""

    kind: SlideKind = "content"
    title: tuple[Run, ...] = ()
    subtitle: tuple[Run, ...] = ()
    blocks: list[Block] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    source: SourceLocation | None = None

    def is_empty(self) -> bool:
        return not (self.title or self.blocks or self.notes or self.kind == "title")

    def has_content(self) -> bool:
        return bool(self.title or self.blocks or self.kind == "title")


class SlideBuilder:
    """Feeds on items in source order; `slides()` gives the finished slides."""

    def __init__(self, meta: DeckMeta, title_notes: tuple[str, ...] = ()) -> None:
        self.level = meta.slide_level
        self.drafts: list[_Draft] = []
        self.current = _Draft()
        if meta.title:
            self.current = _title_draft(meta, title_notes)

    def add(self, item: Item) -> None:
        if isinstance(item, Heading):
            self._heading(item)
        elif isinstance(item, Break):
            self.start_slide()
        elif isinstance(item, Note):
            self._touch(item.source).notes.extend(item.paragraphs)
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
            self.drafts.append(self.current)
            self.current = _Draft()

    def slides(self) -> tuple[Slide, ...]:
        self.start_file()
        return tuple(_finish(draft) for draft in self.drafts)

    def _heading(self, heading: Heading) -> None:
        if heading.level > self.level:
            bold = tuple(replace(run, bold=True) for run in heading.runs)
            self._block(Paragraph(bold, heading.source))
            return
        self.start_slide()
        self.current.kind = "section" if heading.level < self.level else "content"
        self.current.title = heading.runs
        self.current.source = heading.source

    def _block(self, block: Block) -> None:
        if self.current.kind == "title":  # content right after front matter is a slide of its own
            self.start_slide()
        self._touch(block.source).blocks.append(block)

    def _touch(self, where: SourceLocation) -> _Draft:
        if self.current.source is None:
            self.current.source = where
        return self.current


def _title_draft(meta: DeckMeta, notes: tuple[str, ...]) -> _Draft:
    """Subtitle, author and `event · date` become lines of the title slide's subtitle."""
    lines = [meta.subtitle, meta.author, " · ".join(t for t in (meta.event, meta.date) if t)]
    text = "\n".join(line for line in lines if line)
    subtitle = (Run(text),) if text else ()
    source = meta.source or SourceLocation("", 1, 1)
    return _Draft("title", (Run(meta.title),), subtitle, notes=list(notes), source=source)


def _finish(draft: _Draft) -> Slide:
    blocks = _with_attribution(draft.blocks)
    kind = draft.kind
    if kind == "content" and len(blocks) == 1 and isinstance(blocks[0], Quote):
        kind = "quote"
    source = draft.source or SourceLocation("", 1, 1)
    return Slide(kind, draft.title, blocks, tuple(draft.notes), source, draft.subtitle)


def _with_attribution(blocks: list[Block]) -> tuple[Block, ...]:
    """A quote followed by a lone `— Someone` paragraph: the attribution joins the quote."""
    if len(blocks) != 2:
        return tuple(blocks)
    quote, last = blocks
    if (
        not isinstance(quote, Quote)
        or not isinstance(last, Paragraph)
        or not plain_text(last.runs).startswith(("—", "--"))
    ):
        return tuple(blocks)
    first = last.runs[0]
    dash = replace(first, text="— " + first.text.lstrip("—-").lstrip())
    attribution = Paragraph((dash, *last.runs[1:]), last.source)
    return (Quote((*quote.paragraphs, attribution), quote.source),)
