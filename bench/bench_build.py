"""Time `deckgen build` end to end on a 30-slide talk and a generated 500-slide talk.

Each build runs in its own process, as a user runs it, so start-up imports are counted.
Prints seconds, seconds per slide and the peak memory of each build.

    python bench/bench_build.py [--slides 30 500]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SLIDE = """## Slide {n}: the server vets request {n}

- The browser asks for **order {n}** and waits
  - the gate checks the session cookie
  - workers read the database
- The response carries `HTML` and data back

```rust
fn handle_{n}(req: Request) -> Response {{
    let user = auth(&req)?;
    Response::ok(render(user, {n}))
}}
```

::: notes
On slide {n} I walk through one request end to end, from the browser to the gate and back.
:::
"""

TABLE = """## Table {n}

| Tool | Server | Browser |
|:-----|:------:|--------:|
| router | yes | no |
| render | yes | yes |
| hydrate | no | yes |

<!-- Table {n}: which tools go in which truck. -->
"""


def talk(slides: int) -> str:
    parts = ["---\ntitle: Benchmark talk\nauthor: Bench\n---\n"]
    parts += [(TABLE if n % 5 == 4 else SLIDE).format(n=n) for n in range(1, slides)]
    return "\n".join(parts)


def build(folder: Path, slides: int) -> tuple[float, int, str]:
    source = folder / f"talk{slides}.md"
    source.write_text(talk(slides), encoding="utf-8")
    started = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "deckgen",
            "build",
            str(source),
            "-o",
            str(folder / f"{slides}.pptx"),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, peak_kib, done.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slides", type=int, nargs="+", default=[30, 500])
    args = parser.parse_args()
    pandoc = pandoc_path()
    with tempfile.TemporaryDirectory() as tmp:
        for slides in args.slides:
            seconds, peak, line = build(Path(tmp), slides)
            print(f"{slides:5d} slides: {seconds:6.2f} s, {1000 * seconds / slides:6.1f} ms/slide, "
                  f"peak memory so far {peak / 1024:.0f} MiB  [{line}]")  # fmt: skip
            if pandoc:
                theirs = pandoc_build(pandoc, Path(tmp), slides)
                print(f"{'':5s}  pandoc: {theirs:6.2f} s on the same Markdown: deckgen takes "
                      f"{seconds / theirs:.2f}x as long")  # fmt: skip


def pandoc_path() -> str | None:
    """pandoc on the PATH, or the one pypandoc-binary brings (`pip install pypandoc-binary`)."""
    found = shutil.which("pandoc")
    if found:
        return found
    try:
        import pypandoc  # type: ignore[import-not-found]
    except ImportError:
        return None
    return str(pypandoc.get_pandoc_path())


def pandoc_build(pandoc: str, folder: Path, slides: int) -> float:
    """Seconds pandoc takes to write the same talk (written by build) as a .pptx."""
    started = time.perf_counter()
    source, target = folder / f"talk{slides}.md", folder / f"pandoc{slides}.pptx"
    subprocess.run([pandoc, str(source), "-o", str(target)], check=True, capture_output=True)
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
