"""PlacedDeck + Outline -> the speaker's script to rehearse from: each slide's number, title,
planned time and notes, as printable HTML (with a small drawing of each slide) or Markdown."""

from __future__ import annotations

from html import escape

from deckgen.outline import Outline, OutlineSlide, clock, summary
from deckgen.placed import PlacedDeck
from deckgen.preview.html import Frame, slide_page

THUMB_PT = 220.0  # the width of a slide's drawing in the printed script


def script_markdown(deck: PlacedDeck, outline: Outline) -> str:
    lines = [f"# {outline.title or 'Talk'}: speaker script", "", summary(outline), ""]
    for row, slide in zip(outline.slides, deck.slides, strict=True):
        lines += [f"## {row.n}. {row.title}", "", f"*{_when(row)}, {row.file}:{row.line}*", ""]
        lines += [slide.notes.strip() or "(no notes)", ""]
    return "\n".join(lines)


def script_html(deck: PlacedDeck, outline: Outline, picture_url: dict[str, str]) -> str:
    frame = Frame(deck, outline)
    scale = THUMB_PT / deck.width
    parts = []
    for row, slide in zip(outline.slides, deck.slides, strict=True):
        page = slide_page(frame, row.n, picture_url)
        thumb = (
            f'<div class="thumb" style="width:{THUMB_PT:g}pt;height:{deck.height * scale:.1f}pt">'
            f'<div style="transform:scale({scale:.4f});transform-origin:0 0">{page}</div></div>'
        )
        notes = "".join(f"<p>{escape(p)}</p>" for p in slide.notes.strip().split("\n\n") if p)
        parts.append(
            f'<article>{thumb}<div class="said"><h2>{row.n}. {escape(row.title)}</h2>'
            f'<p class="when">{escape(_when(row))} · {escape(row.file)}:{row.line}</p>'
            f"{notes or '<p class=none>(no notes)</p>'}</div></article>"
        )
    title = escape(outline.title or "Talk")
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{title}: speaker script'
        f"</title><style>{_STYLE}</style></head><body><h1>{title}: speaker script</h1>"
        f"<p>{escape(summary(outline))}</p>{''.join(parts)}</body></html>\n"
    )


def _when(row: OutlineSlide) -> str:
    start = row.running_seconds - row.seconds
    return f"{clock(start)}–{clock(row.running_seconds)} ({row.seconds} s)"


_STYLE = """
body { font-family: sans-serif; max-width: 60em; margin: 2em auto; color: #222; }
article { display: flex; gap: 1.5em; padding: 1em 0; border-top: 1px solid #ccc;
  break-inside: avoid; }
.thumb { flex: none; position: relative; overflow: hidden; border: 1px solid #999; }
.page { position: relative; overflow: hidden; }
.page > * { position: absolute; box-sizing: border-box; margin: 0; }
.frame { display: flex; flex-direction: column; }
.frame p { margin: 0; white-space: pre-wrap; }
.frame .bullet { display: inline-block; text-indent: 0; }
.table { border-collapse: collapse; table-layout: fixed; }
.table td { vertical-align: top; box-sizing: border-box; }
.table p { margin: 0; }
.picture { overflow: hidden; }
h2 { margin: 0 0 .2em; font-size: 1.2em; }
.when { color: #666; margin: 0 0 .6em; font-size: .9em; }
.none { color: #999; }
"""
