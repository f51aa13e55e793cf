"""A built deck -> PDF, through LibreOffice when it is installed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from deckgen.errors import OutputError
from deckgen.files import display, write_atomically


def export_pdf(deck: Path, pdf: Path) -> Path:
    """The deck as a PDF, made by LibreOffice in a private profile; OutputError without it."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        hint = "install LibreOffice Impress: apt-get install libreoffice-impress"
        raise OutputError("PDF export needs LibreOffice, which is not installed", None, hint)
    with tempfile.TemporaryDirectory() as work:
        profile = (Path(work) / "profile").as_uri()
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore"]
        command += ["--convert-to", "pdf", "--outdir", work, str(deck.resolve())]
        done = subprocess.run(command, capture_output=True, text=True, timeout=600)
        made = Path(work) / f"{deck.stem}.pdf"
        if not made.is_file():
            detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
            raise OutputError(f"LibreOffice made no PDF of {display(deck)}: {detail[0]}")
        write_atomically(pdf, made.read_bytes())
    return pdf
