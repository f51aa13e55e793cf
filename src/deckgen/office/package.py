"""The package around the slides: document properties, notes pages written in constant time
each, and an archive whose every entry carries the build's date."""

from __future__ import annotations

import copy
import io
import zipfile
from datetime import datetime
from typing import Any

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.oxml.slide import CT_NotesSlide
from pptx.parts.slide import NotesSlidePart

from deckgen.office.text import BR, RPR
from deckgen.placed import PlacedDeck


def properties(prs: Any, deck: PlacedDeck, created: datetime) -> None:
    props = prs.core_properties
    title, author, subject = (_property(v) for v in (deck.title, deck.author, deck.subject))
    props.title, props.author, props.subject = title, author, subject
    props.last_modified_by, props.revision, props.language = author, 1, _property(deck.lang)
    props.created = props.modified = created
    props.last_printed = created


def _property(text: str) -> str:
    """Document properties hold at most 255 characters; the slides keep the whole text."""
    return text if len(text) <= 255 else text[:254] + "…"


class NotesPages:
    """Makes notes pages in constant time each. python-pptx's own notes_slide searches the
    whole package for a free part name on every call (quadratic), and cloning the master's
    placeholders costs more than copying the first page's finished XML."""

    def __init__(self, prs: Any) -> None:
        self.package = prs.part.package
        self.master = prs.notes_master
        self.blank: Any = None

    def add(self, slide: Any, number: int, text: str, lang: str) -> None:
        partname = PackURI(f"/ppt/notesSlides/notesSlide{number}.xml")
        element = copy.deepcopy(self.blank) if self.blank is not None else CT_NotesSlide.new()
        part = NotesSlidePart(partname, CT.PML_NOTES_SLIDE, self.package, element)
        part.relate_to(self.master.part, RT.NOTES_MASTER)
        part.relate_to(slide.part, RT.SLIDE)
        slide.part.relate_to(part, RT.NOTES_SLIDE)
        if self.blank is None:
            part.notes_slide.clone_master_placeholders(self.master)
            self.blank = copy.deepcopy(part._element)
        _write_notes(part.notes_slide.notes_text_frame, text, lang)


def _write_notes(tf: Any, text: str, lang: str) -> None:
    """Blank lines part paragraphs; a line break inside one (a list line) stays a line break."""
    for index, chunk in enumerate(text.split("\n\n")):
        p = tf.paragraphs[0] if index == 0 else tf.add_paragraph()
        for number, line in enumerate(chunk.split("\n")):
            if number:
                p.add_line_break()
            r = p.add_run()
            r.text = line
            r._r.get_or_add_rPr().set("lang", lang)
        for br in p._p.findall(BR):
            etree.SubElement(br, RPR, lang=lang)
        etree.SubElement(p._p, qn("a:endParaRPr"), lang=lang)


_PACKED = (".png", ".jpg", ".jpeg", ".gif")


def fixed_zip(data: bytes, when: datetime) -> bytes:
    """The same archive with every entry dated `when`, so equal decks are equal bytes."""
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            # Pictures are compressed already: a light pass keeps most of the gain for a
            # fraction of the time a rebuild spent zipping them.
            level = 1 if info.filename.lower().endswith(_PACKED) else 6
            target.writestr(entry, source.read(info.filename), compresslevel=level)
    return out.getvalue()
