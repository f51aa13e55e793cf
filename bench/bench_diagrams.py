"""Time one full-canvas diagram step at 2880x1620: cold (layout + render) and cached (reuse).

Run: PYTHONPATH=src python bench/bench_diagrams.py [SPEC]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from deckgen.diagram import render_diagram
from deckgen.diagram.raster import supersampling
from deckgen.errors import Diagnostics
from deckgen.theme import load_theme

ROOT = Path(__file__).parents[1]
DEFAULT_SPEC = ROOT / "examples" / "diagrams" / "b-job-sites.yaml"


def _time(spec: Path, cache: Path, step: int) -> float:
    theme = load_theme("default", ROOT)
    start = time.perf_counter()
    render_diagram(spec, theme, cache, Diagnostics(), step=step, size=(2880, 1620))
    return time.perf_counter() - start


def main() -> None:
    spec = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SPEC
    cold, cached = [], []
    for _ in range(3):
        with tempfile.TemporaryDirectory() as folder:
            cache = Path(folder)
            cold.append(_time(spec, cache, 4 if "job-sites" in spec.name else 1))
            cached += [_time(spec, cache, 4 if "job-sites" in spec.name else 1) for _ in range(5)]
    ss = supersampling(2880)
    print(f"{spec.name}, one step at 2880x1620 ({ss}x supersampled):")
    for name, runs in (("cold  ", cold), ("cached", cached)):
        ms = [r * 1000 for r in runs]
        median = statistics.median(ms)
        print(f"  {name} median {median:7.1f} ms  (min {min(ms):.1f}, {len(ms)} runs)")


if __name__ == "__main__":
    main()
