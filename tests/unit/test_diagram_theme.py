"""Diagrams follow the deck's theme: transparent pictures, the theme's ink, a card on request."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from deckgen.diagram.raster import render_png
from deckgen.diagram.scene import Scene, build_scene
from deckgen.diagram.spec import load_spec
from deckgen.errors import Diagnostics
from deckgen.theme import load_theme

ROOT = Path(__file__).parents[2]
SPEC = (
    "deckgen: 1\nitems:\n"
    "  a: {kind: box, at: [100, 100], size: [400, 200], label: box}\n"
    "  b: {kind: label, at: [700, 100], text: note, color: ink}\n"
    "  c: {kind: box, at: [100, 500], size: [400, 200], fill: orange, label: orange}\n"
    "steps:\n  - show: [a, b]\n  - show: [c]\n"
)


def _scene(text: str, theme: str = "default") -> Scene:
    return build_scene(load_spec(text, "x.yaml"), load_theme(theme, ROOT), Diagnostics())


def _png(scene: Scene, step: int) -> Image.Image:
    with Image.open(io.BytesIO(render_png(scene, step, (960, 540)))) as image:
        return image.convert("RGBA")


def test_the_picture_is_transparent_around_what_it_draws() -> None:
    image = _png(_scene(SPEC), 2)
    assert image.getpixel((2, 2))[3] == 0
    assert image.getpixel((image.width // 4, image.height * 3 // 4))[3] == 255  # the box


def test_a_dark_theme_draws_in_its_own_ink_on_dark_fills() -> None:
    dark = load_theme("dark", ROOT)
    scene = _scene(SPEC, "dark")
    text = {p.owner: p.fill for p in scene.prims if p.shape == "text"}
    assert text["a"] == text["b"] == dark.colors.text  # `ink` is the theme's text colour
    assert text["c"] == "222222"  # dark text on the light orange fill
    box = next(p for p in scene.prims if p.owner == "a" and p.shape == "rect")
    assert box.stroke == dark.colors.text
    assert box.fill is not None and box.fill != "FFFFFF"
    assert int(box.fill[:2], 16) < 0x60  # a dark panel, not a white card


def test_a_card_is_the_same_size_and_place_on_every_step() -> None:
    scene = _scene(SPEC.replace("items:", "canvas: {card: true}\nitems:"), "dark")
    first, second = _png(scene, 1), _png(scene, 2)
    assert first.size == second.size
    corner = (first.width // 2, 8)  # inside the card's top edge, where step 1 draws nothing
    assert first.getpixel(corner) == second.getpixel(corner)
    assert first.getpixel(corner)[3] == 255
    assert scene.card is not None and first.getpixel(corner)[:3] == tuple(
        int(scene.card[i : i + 2], 16) for i in (0, 2, 4)
    )
