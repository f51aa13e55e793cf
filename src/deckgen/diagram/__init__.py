"""Diagrams drawn from YAML specs: load, lay out once, render each build step to a PNG.

The drawing side (Pillow) loads on first use, so resolve can read `diagram.frame` cheaply."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from deckgen.diagram.build import (
        RenderedStep,
        diagram_command,
        json_schema,
        render_diagram,
        step_texts,
    )

__all__ = ["RenderedStep", "diagram_command", "json_schema", "render_diagram", "step_texts"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from deckgen.diagram import build

        return getattr(build, name)
    raise AttributeError(f"module 'deckgen.diagram' has no attribute '{name}'")
