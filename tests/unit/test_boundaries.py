"""Each third-party library stays behind its one module (see ARCHITECTURE.md)."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).parents[2] / "src/deckgen"
ALLOWED = {
    "pptx": {"office"},
    # lxml.html reads the HTML in talks (markdown/html.py); the rest of the parser sees Tags.
    "lxml": {"office", "markdown/html.py"},
    "emoji": {"markdown/inline.py"},
    "markdown_it": {"markdown"},
    "mdit_py_plugins": {"markdown"},
    "PIL": {"fonts.py", "images.py", "diagram/raster.py"},
    "resvg_py": {"images.py"},
    "click": {"cli.py"},
    "yaml": {"yamlfile.py"},
    "pygments": {"highlight.py"},
    "starlette": {"preview/server.py"},
    "uvicorn": {"preview/server.py"},
}


def imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def owner(path: Path, allowed: set[str]) -> bool:
    relative = path.relative_to(SRC).as_posix()
    return any(relative == a or relative.startswith(a + "/") for a in allowed)


def test_libraries_are_imported_only_in_their_module() -> None:
    leaks = [
        f"{path.relative_to(SRC)} imports {library}"
        for path in sorted(SRC.rglob("*.py"))
        for library in sorted(imported(path) & ALLOWED.keys())
        if not owner(path, ALLOWED[library])
    ]
    assert leaks == []


def test_the_boundary_check_sees_imports() -> None:
    assert "pptx" in imported(SRC / "office/writer.py")
    assert "click" in imported(SRC / "cli.py")


def deckgen_imports(path: Path) -> set[str]:
    """The deckgen modules a file imports, as dotted names below `deckgen`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("deckgen"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("deckgen")}
    return found


LAYOUT_READS = {
    "deckgen.ready", "deckgen.placed", "deckgen.theme", "deckgen.fonts", "deckgen.colors"
}  # fmt: skip


def test_layout_reads_only_the_ready_deck_placed_theme_and_fonts() -> None:
    """Layout never reaches back into the parser's model, the highlighter or the files."""
    leaks = [
        f"{path.relative_to(SRC)} imports {name}"
        for path in sorted((SRC / "layout").rglob("*.py"))
        for name in sorted(deckgen_imports(path))
        if name not in LAYOUT_READS | {"deckgen.errors"} and not name.startswith("deckgen.layout")
    ]
    assert leaks == []


def test_the_layout_check_sees_deckgen_imports() -> None:
    assert "deckgen.ready" in deckgen_imports(SRC / "layout/blocks.py")
    assert "deckgen.model" in deckgen_imports(SRC / "resolve.py")
