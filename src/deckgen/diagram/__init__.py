"""Diagrams drawn from YAML specs: load, lay out once, render each build step to a PNG."""

from deckgen.diagram.build import (
    RenderedStep,
    diagram_command,
    json_schema,
    render_diagram,
    step_texts,
)

__all__ = ["RenderedStep", "diagram_command", "json_schema", "render_diagram", "step_texts"]
