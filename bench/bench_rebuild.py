"""Time what watch and preview do on every save: rebuild the shipped talk in a warm process
after a one-line edit of a text slide (diagrams and pictures come from the cache).

    python bench/bench_rebuild.py [--runs 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from deckgen.errors import Diagnostics
from deckgen.pipeline import build_deck

ROOT = Path(__file__).parents[1]
EDITED = "- A **client** asks: your browser, the app on your phone"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        shutil.copytree(ROOT / "talk", project / "talk")
        shutil.copytree(ROOT / "diagrams", project / "diagrams")
        talk = project / "talk/server.md"
        text = talk.read_text(encoding="utf-8")
        deck = project / "build/server.pptx"
        build_deck(project / "talk", deck, Diagnostics())  # cold: draws the diagrams
        times = []
        for n in range(runs):
            talk.write_text(text.replace(EDITED, f"{EDITED} ({n})"), encoding="utf-8")
            started = time.perf_counter()
            build_deck(project / "talk", deck, Diagnostics())
            times.append(time.perf_counter() - started)
    print(f"rebuild after a one-line edit: median {statistics.median(times):.3f} s, "
          f"best {min(times):.3f} s over {runs} runs")  # fmt: skip


if __name__ == "__main__":
    main()
