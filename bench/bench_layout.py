"""Time layout on one long slide: a table, a code block, a paragraph, a list and a long line.

Each case is one slide holding 1,000 to 20,000 units (table rows, code lines, words, list
items; for the single line without spaces, and the one-line code block, a unit is 50 bytes, so
20,000 units are 1 MB). Each runs in its own process: the talk is parsed, resolved and laid
out in-process there, and only the layout stage is timed. Prints seconds per 1,000 units;
linear layout keeps each row roughly flat. A case slower than --limit seconds is stopped, and
the larger sizes of its kind are skipped.

    python bench/bench_layout.py [--units 1000 2000 5000 10000 20000] [--kinds rows lines ...]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

UNIT_BYTES = 50  # a unit of the long lines
WORDS = ["server", "client", "request", "response", "warehouse", "truck", "fence", "gate"]


def table(n: int) -> str:
    rows = (
        f"| row {i} | the {WORDS[i % 8]} answers {WORDS[i % 5]} {i} | {i * 7} |" for i in range(n)
    )
    return "| Name | What happens | Count |\n|:--|:--|--:|\n" + "\n".join(rows)


def code(n: int) -> str:
    lines = (f"    value_{i} = compute(value_{i - 1}, {i})  # {WORDS[i % 8]}" for i in range(n))
    return "```python\ndef steps():\n" + "\n".join(lines) + "\n```"


def paragraph(n: int) -> str:
    return " ".join(WORDS[(i * 3) % 8] for i in range(n))


def bullets(n: int) -> str:
    return "\n".join(
        f"- item {i}: the {WORDS[i % 8]} sends a {WORDS[(i + 3) % 8]}" for i in range(n)
    )


def word(n: int) -> str:
    return ("abcdefghij" * 5 * n)[: UNIT_BYTES * n]


def code_line(n: int) -> str:
    return "```\n" + ("x = y + 1; " * 5 * n)[: UNIT_BYTES * n] + "\n```"


KINDS = {
    "rows": table,
    "lines": code,
    "words": paragraph,
    "items": bullets,
    "word (50 B)": word,
    "code line (50 B)": code_line,
}


def lay_out(kind: str, units: int) -> dict[str, float]:
    """Parse, resolve and lay out the slide here; time the layout stage."""
    from deckgen.assets import FileAssets
    from deckgen.errors import Diagnostics
    from deckgen.layout import layout_deck
    from deckgen.pipeline import read_talk
    from deckgen.ready import ReadyDeck
    from deckgen.resolve import resolve_deck
    from deckgen.theme import Theme

    def ready(text: str, folder: Path) -> tuple[ReadyDeck, Theme]:
        source = folder / "talk.md"
        source.write_text(f"## A long slide\n\n{text}\n", encoding="utf-8")
        diagnostics = Diagnostics()
        deck, theme = read_talk(source, diagnostics)
        assets = FileAssets(theme, folder, diagnostics)
        return resolve_deck(deck, theme, assets, diagnostics), theme

    with tempfile.TemporaryDirectory() as tmp:
        layout_deck(*ready(KINDS[kind](10), Path(tmp)), Diagnostics())  # load the fonts first
        deck, theme = ready(KINDS[kind](units), Path(tmp))
        started = time.perf_counter()
        placed = layout_deck(deck, theme, Diagnostics())
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "slides": len(placed.slides)}


def measure(kind: str, units: int, limit: float) -> dict[str, float] | None:
    """One case in a child process; None when it takes longer than `limit` seconds."""
    command = [sys.executable, __file__, "--one", kind, str(units)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=limit)
    except subprocess.TimeoutExpired:
        return None
    result: dict[str, float] = json.loads(done.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, nargs="+", default=[1000, 2000, 5000, 10000, 20000])
    parser.add_argument("--kinds", nargs="+", default=list(KINDS), choices=list(KINDS))
    parser.add_argument("--limit", type=float, default=150.0, help="seconds per case")
    parser.add_argument("--one", nargs=2, metavar=("KIND", "UNITS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(lay_out(args.one[0], int(args.one[1]))))
        return
    print("seconds per 1,000 units (slides made); '>' a case stopped at --limit")
    print(f"{'kind':>17} " + " ".join(f"{n:>15,d}" for n in args.units) + "   worst/best")
    for kind in args.kinds:
        cells, rates, stopped = [], [], False
        for units in args.units:
            result = None if stopped else measure(kind, units, args.limit)
            if result is None:
                cells.append(f"> {args.limit:.0f} s" if not stopped else "-")
                stopped = True
                continue
            rate = result["seconds"] * 1000 / units
            rates.append(rate)
            cells.append(f"{rate:7.3f} ({result['slides']:.0f})")
        spread = (
            f"{max(rates) / min(rates):8.1f}x" if len(rates) > 1 and not stopped else "       -"
        )
        print(f"{kind:>17} " + " ".join(f"{c:>15}" for c in cells) + "  " + spread, flush=True)


if __name__ == "__main__":
    main()
