"""A built deck -> PDF, through LibreOffice when it is installed; the laid-out deck -> the
speaker's script (HTML or Markdown)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from deckgen.errors import OutputError
from deckgen.files import display, write_atomically
from deckgen.outline import Outline
from deckgen.placed import Picture, PlacedDeck

# LibreOffice's PDF filter, asked for notes pages only: each slide above its speaker notes.
_NOTES_PAGES = (
    'pdf:impress_pdf_Export:{"ExportNotesPages":{"type":"boolean","value":"true"},'
    '"ExportOnlyNotesPages":{"type":"boolean","value":"true"}}'
)


def export_pdf(deck: Path, pdf: Path, notes: bool = False) -> Path:
    """The deck as a PDF (`notes`: as notes pages, each slide over its notes), made by
    LibreOffice in a private profile; OutputError without it."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        hint = "install LibreOffice Impress: apt-get install libreoffice-impress"
        raise OutputError("PDF export needs LibreOffice, which is not installed", None, hint)
    with tempfile.TemporaryDirectory() as work:
        profile = (Path(work) / "profile").as_uri()
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore"]
        command += ["--convert-to", _NOTES_PAGES if notes else "pdf"]
        command += ["--outdir", work, str(deck.resolve())]
        done = subprocess.run(command, capture_output=True, text=True, timeout=600)
        made = Path(work) / f"{deck.stem}.pdf"
        if not made.is_file():
            detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
            raise OutputError(f"LibreOffice made no PDF of {display(deck)}: {detail[0]}")
        write_atomically(pdf, made.read_bytes())
    return pdf


def export_script(deck: PlacedDeck, outline: Outline, path: Path) -> Path:
    """The speaker's script: Markdown for a `.md` path, else printable HTML with a drawing of
    each slide (its pictures linked from where they are)."""
    from deckgen.script import script_html, script_markdown

    if path.suffix.lower() == ".md":
        text = script_markdown(deck, outline)
    else:
        shapes = (s for slide in deck.slides for s in slide.shapes)
        urls = {s.path: Path(s.path).resolve().as_uri() for s in shapes if isinstance(s, Picture)}
        text = script_html(deck, outline, urls)
    write_atomically(path, text.encode("utf-8"))
    return path
