"""Each third-party library stays behind its one module (see ARCHITECTURE.md)."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).parents[2] / "src/deckgen"
ALLOWED = {
    "pptx": {"pptx_writer.py"},
    "lxml": {"pptx_writer.py"},
    "markdown_it": {"markdown"},
    "mdit_py_plugins": {"markdown"},
    "PIL": {"fonts.py", "images.py", "diagram/raster.py"},
    "click": {"cli.py"},
    "yaml": {"yamlfile.py"},
    "pygments": {"highlight.py"},
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
    assert "pptx" in imported(SRC / "pptx_writer.py")
    assert "click" in imported(SRC / "cli.py")
