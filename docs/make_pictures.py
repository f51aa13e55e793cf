"""Remake the pictures in docs/img: the shipped talk in each built-in theme (four pages each,
for docs/themes.md) and a contact sheet of the whole talk (for the README).

    python docs/make_pictures.py      # needs LibreOffice (soffice) and poppler (pdftoppm)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).parents[1]
OUT = ROOT / "docs/img"
SAMPLE = (1, 2, 4, 15)  # title, section, bullets, code: pages of the shipped talk
THEMES = ("default", "dark", "paper")


def build(theme: str, work: Path) -> Path:
    """The shipped talk built in `theme`, as PNG pages (pages/page-NN.png)."""
    project = work / theme
    shutil.copytree(ROOT / "talk", project / "talk")
    shutil.copytree(ROOT / "diagrams", project / "diagrams")
    talk = project / "talk/server.md"
    talk.write_text(talk.read_text().replace("theme: default", f"theme: {theme}", 1))
    deck = project / "deck.pptx"
    subprocess.run([sys.executable, "-m", "deckgen", "build", "talk", "-o", str(deck)],
                   cwd=project, check=True)  # fmt: skip
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(project),
                    str(deck)], check=True, capture_output=True)  # fmt: skip
    pages = project / "pages"
    pages.mkdir()
    subprocess.run(["pdftoppm", "-png", "-r", "48", str(project / "deck.pdf"), str(pages / "page")],
                   check=True)  # fmt: skip
    return pages


def sheet(pages: list[Path], columns: int, width: int) -> Image.Image:
    """The pages side by side, `columns` to a row, each `width` pixels wide, 8 px apart."""
    thumbs = [Image.open(p).convert("RGB") for p in pages]
    height = round(width * thumbs[0].height / thumbs[0].width)
    rows = -(-len(thumbs) // columns)
    out = Image.new("RGB", (columns * (width + 8) + 8, rows * (height + 8) + 8), "#C8C8C8")
    for n, thumb in enumerate(thumbs):
        x, y = 8 + (n % columns) * (width + 8), 8 + (n // columns) * (height + 8)
        out.paste(thumb.resize((width, height), Image.Resampling.LANCZOS), (x, y))
    return out


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for theme in THEMES:
            pages = sorted(build(theme, Path(tmp)).glob("page-*.png"))
            chosen = [pages[n - 1] for n in SAMPLE]
            sheet(chosen, 2, 400).save(OUT / f"theme-{theme}.png", optimize=True)
            if theme == "default":
                sheet(pages, 6, 220).save(OUT / "server-contact.png", optimize=True)


if __name__ == "__main__":
    main()
