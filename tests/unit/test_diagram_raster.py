"""PNG renders: size, colours where the picture has them, dimming, determinism, cache, goldens."""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

from deckgen.diagram import diagram_command, render_diagram
from deckgen.diagram.components.base import Ctx
from deckgen.diagram.layout import Layout
from deckgen.diagram.raster import render_png
from deckgen.diagram.scene import Scene, build_scene
from deckgen.diagram.spec import load_spec
from deckgen.errors import Diagnostics, DiagramSpecError
from deckgen.theme import Theme, load_theme

ROOT = Path(__file__).parents[2]
EXAMPLES = ROOT / "examples" / "diagrams"
GOLDEN = ROOT / "tests" / "golden" / "diagrams"
ARTIFACTS = ROOT / "tests" / "artifacts"
GOLDEN_SIZE = (960, 540)
TOLERANCE = 2.0  # mean absolute difference per channel, 0-255
CHANGED = 16  # a pixel changed when a channel moved by more than this (antialiasing moves less)
MAX_CHANGED = 0.01  # the share of changed pixels a render may have against its golden
TILE = 24  # px: the picture is also compared tile by tile, so one changed letter shows
MAX_TILE = 0.05  # the share of changed pixels any one tile may have


def _theme() -> Theme:
    return load_theme("default", Path("."))


def _scene(name: str) -> Scene:
    path = EXAMPLES / name
    return build_scene(load_spec(path.read_text("utf-8"), name), _theme(), Diagnostics())


def _image(png: bytes, background: str = "FFFFFF") -> Image.Image:
    """The picture as seen on a slide of this background (it is transparent)."""
    with Image.open(io.BytesIO(png)) as image:
        seen = Image.new("RGBA", image.size, f"#{background}")
        seen.alpha_composite(image.convert("RGBA"))
        return seen.convert("RGB")


def _spec_scene(text: str, diagnostics: Diagnostics | None = None) -> Scene:
    return build_scene(load_spec(text, "x.yaml"), _theme(), diagnostics or Diagnostics())


def test_default_render_is_the_content_at_the_density_of_2880_by_1620() -> None:
    scene = _scene("truck.yaml")
    with Image.open(io.BytesIO(render_png(scene, 1))) as image:
        # the two trucks and their margin, 884 x 996 canvas px, at 1.5 px per canvas px
        assert image.size == (1326, 1494)
        assert image.info["dpi"] == pytest.approx((216, 216), abs=0.01)


def test_crop_false_keeps_the_whole_canvas() -> None:
    spec = "deckgen: 1\ncanvas: {crop: false}\nitems:\n  a: {kind: box, at: [400, 300]}\n"
    with Image.open(io.BytesIO(render_png(_spec_scene(spec), 1))) as image:
        assert image.size == (2880, 1620)


def test_the_crop_is_the_content_plus_a_margin_at_the_same_scale() -> None:
    spec = "deckgen: 1\nitems:\n  a: {kind: box, at: [400, 300], size: [600, 200], fill: blue}\n"
    image = _image(render_png(_spec_scene(spec), 1))  # 1.5 px per logical px
    # the box with its 3 px stroke, and 48 logical px of margin all round
    assert image.size == pytest.approx(((603 + 96) * 1.5, (203 + 96) * 1.5), abs=2)
    row = [image.getpixel((x, image.height // 2)) for x in range(image.width)]
    first_ink = next(x for x, rgb in enumerate(row) if rgb != (255, 255, 255))
    assert first_ink == pytest.approx(48 * 1.5, abs=3)
    assert row[image.width // 2] == pytest.approx((0x00, 0x72, 0xB2), abs=3)  # blue


def _ink_rows(image: Image.Image, box: tuple[float, float, float, float]) -> list[int]:
    """Rows inside `box` (left, top, right, bottom) holding dark pixels in its middle half,
    clear of its outline and round corners."""
    left, top, right, bottom = (round(v) for v in box)
    quarter = (right - left) // 4
    return [
        y
        for y in range(top + 4, bottom - 4)
        if any(sum(image.getpixel((x, y))) < 200 for x in range(left + quarter, right - quarter))
    ]


def _chip_text_height(spec: str, item: str, part: str) -> float:
    """The height in canvas px of the ink of a chip's text, rendered at 1 px per canvas px."""
    scene = _spec_scene(spec)
    layout = Layout(load_spec(spec, "x.yaml"), Ctx(_theme(), Diagnostics()))
    chip = layout.draw(item).parts[part]
    image = _image(render_png(scene, 1, (1920, 1080)))
    view = scene.shown
    rows = _ink_rows(
        image, (chip.x - view.x, chip.y - view.y, chip.right - view.x, chip.bottom - view.y)
    )
    return rows[-1] - rows[0] + 1


def test_chip_text_is_drawn_large_by_default() -> None:
    spec = "deckgen: 1\nitems:\n  t: {kind: truck, at: [100, 100], cargo: [HDb]}\n"
    # capitals of a 40 px font stand about 29 px tall
    assert _chip_text_height(spec, "t", "cargo.HDb") == pytest.approx(29, abs=2)


def test_chip_text_follows_the_font_and_the_truck_size() -> None:
    base = "deckgen: 1\nitems:\n  t: {kind: truck, at: [100, 100], cargo: [HDb], %s}\n"
    larger = _chip_text_height(base % "size: [1520, 516]", "t", "cargo.HDb")  # natural: 760x258
    assert larger == pytest.approx(29 * 2, abs=3)  # twice the natural height, twice the text
    chip_font = _chip_text_height(base % "chip: {font: {size: 60}}", "t", "cargo.HDb")
    assert chip_font == pytest.approx(29 * 1.5, abs=2)


def test_warehouse_chips_take_their_fill_per_warehouse_and_per_tool() -> None:
    spec = (
        "deckgen: 1\nitems:\n  w:\n    kind: warehouse\n    chip: {fill: green}\n"
        "    shelves: [[{name: auth, fill: orange}, models]]\n"
    )
    scene = _spec_scene(spec)
    layout = Layout(load_spec(spec, "x.yaml"), Ctx(_theme(), Diagnostics()))
    image = _image(render_png(scene, 1, (1920, 1080)))
    view = scene.shown
    for part, rgb in (("tools.auth", (0xE6, 0x9F, 0x00)), ("tools.models", (0x00, 0x9E, 0x73))):
        chip = layout.draw("w").parts[part]
        corner = (round(chip.x - view.x + 8), round(chip.y - view.y + 8))
        assert image.getpixel(corner) == pytest.approx(rgb, abs=3)


def test_every_step_shares_one_crop(tmp_path: Path) -> None:
    spec = tmp_path / "steps.yaml"
    spec.write_text(
        "deckgen: 1\nitems:\n"
        "  a: {kind: box, at: [100, 100]}\n"
        "  b: {kind: box, at: [1500, 800]}\n"
        "steps:\n  - show: [a]\n  - show: [b]\n",
        "utf-8",
    )
    steps = render_diagram(spec, _theme(), tmp_path / "c", Diagnostics())
    sizes = set()
    for step in steps:
        with Image.open(step.png) as image:
            assert image.size == (step.width_px, step.height_px)
            sizes.add(image.size)
    # the first step is as large as the last, so its box does not move: both boxes (160 x 96
    # from 100,100 and 1500,800) with their strokes and margins, 1659 x 895, at 1.5 px each
    assert sizes == {(2490, 1408)}


def test_the_cargo_box_is_drawn_in_the_style_colour() -> None:
    scene = _scene("a-trucks.yaml")
    box, view = scene.boxes["server_truck"], scene.shown  # the picture is the cropped view
    image = _image(render_png(scene, 2, (1920, 1080)))  # step 2 emphasizes this truck
    x, y = round(box.x + 10 - view.x), round(box.y + 10 - view.y)  # in the box, clear of chips
    assert image.getpixel((x, y)) == pytest.approx((0xE6, 0x9F, 0x00), abs=3)  # orange


def test_emphasize_dims_everything_else() -> None:
    scene = _scene("a-trucks.yaml")
    step3 = _image(render_png(scene, 3, (1920, 1080)))
    step4 = _image(render_png(scene, 4, (1920, 1080)))
    cargo, view = scene.boxes["client_truck"], scene.shown  # the picture is the cropped view
    point = (round(cargo.x + 12 - view.x), round(cargo.y + cargo.h / 2 - view.y))  # green box
    assert step3.getpixel(point) == pytest.approx((0x00, 0x9E, 0x73), abs=3)
    # 30 % of the green left, the rest the white background: 255 + (c - 255) * 0.3
    assert step4.getpixel(point) == pytest.approx((178, 226, 213), abs=3)


def test_same_input_gives_the_same_bytes() -> None:
    scene = _scene("b-job-sites.yaml")
    assert render_png(scene, 2, (960, 540)) == render_png(scene, 2, (960, 540))


def test_cached_render_is_reused(tmp_path: Path) -> None:
    spec = tmp_path / "trucks.yaml"
    spec.write_text((EXAMPLES / "a-trucks.yaml").read_text("utf-8"), "utf-8")
    cache = tmp_path / "cache"
    first = render_diagram(spec, _theme(), cache, Diagnostics(), size=(960, 540))
    assert [s.number for s in first] == [1, 2, 3, 4]
    assert first[3].caption == "Same tool, packed into both trucks"
    stamps = {s.png: s.png.stat().st_mtime_ns for s in first}
    data = {s.png: s.png.read_bytes() for s in first}
    os.utime(cache, (0, 0))
    second = render_diagram(spec, _theme(), cache, Diagnostics(), size=(960, 540))
    assert [s.png for s in second] == [s.png for s in first]
    assert {s.png: s.png.stat().st_mtime_ns for s in second} == stamps  # not rewritten
    assert {s.png: s.png.read_bytes() for s in second} == data


def test_warnings_come_back_from_the_cache(tmp_path: Path) -> None:
    spec = tmp_path / "x.yaml"
    spec.write_text("deckgen: 1\nitems:\n  a: {kind: box, at: [1900, 0]}\n", "utf-8")
    for _ in range(2):
        diagnostics = Diagnostics()
        cache = tmp_path / "c"
        render_diagram(spec, _theme(), cache, diagnostics, size=(480, 270), display_path="d/x.yaml")
        assert [str(w) for w in diagnostics.warnings] == [
            "d/x.yaml:3:3: box 'a' reaches outside the canvas (1920x1080)"
        ]


def test_step_out_of_range_and_bad_bytes_are_spec_errors(tmp_path: Path) -> None:
    spec = tmp_path / "x.yaml"
    spec.write_text("deckgen: 1\nitems:\n  a: {kind: box}\n", "utf-8")
    with pytest.raises(DiagramSpecError, match="step 2 is out of range: the diagram has 1 step"):
        render_diagram(spec, _theme(), tmp_path / "c", Diagnostics(), step=2)
    spec.write_bytes(b"deckgen: 1\n# caf\xe9\n")
    with pytest.raises(DiagramSpecError) as caught:
        render_diagram(spec, _theme(), tmp_path / "c", Diagnostics(), display_path="x.yaml")
    assert str(caught.value) == "x.yaml:2:6: the spec is not UTF-8 text"


def test_diagram_command_writes_named_pngs(tmp_path: Path) -> None:
    spec = EXAMPLES / "c-isomorphic.yaml"
    size = (480, 270)
    written = diagram_command(spec, tmp_path / "all", None, True, size, _theme(), Diagnostics())
    assert [p.name for p in written] == [f"c-isomorphic-step-{n}.png" for n in (1, 2, 3)]
    one = diagram_command(spec, tmp_path / "one.png", 2, False, (480, 270), _theme(), Diagnostics())
    assert one == [tmp_path / "one.png"]
    with Image.open(one[0]) as image, Image.open(written[0]) as first:
        assert image.size == first.size == (378, 241)  # the cropped content at a quarter scale


GOLDENS = [
    "a-trucks.yaml:4",
    "b-job-sites.yaml:4",
    "c-isomorphic.yaml:3",
    "site.yaml:1",
    "person.yaml:1",
]


@dataclass(frozen=True)
class Difference:
    """How a render differs from its golden."""

    size: tuple[int, int]  # the render's; a golden of another size differs everywhere
    golden_size: tuple[int, int]
    mean: float  # mean absolute difference per channel, 0-255
    changed: float  # share of pixels where some channel moved by more than CHANGED
    image: Image.Image  # the absolute difference, on the larger of the two sizes
    tile: float = 0.0  # the largest share of changed pixels in any TILE x TILE square

    def problems(self) -> list[str]:
        found = []
        if self.size != self.golden_size:
            found.append(f"size {self.size} instead of {self.golden_size}")
        if self.mean >= TOLERANCE:
            found.append(f"mean difference {self.mean:.2f} (limit {TOLERANCE})")
        if self.changed > MAX_CHANGED:
            found.append(f"{self.changed:.2%} of pixels changed (limit {MAX_CHANGED:.0%})")
        if self.tile > MAX_TILE:
            found.append(f"{self.tile:.0%} of a {TILE} px square changed (limit {MAX_TILE:.0%})")
        return found


def _on_canvas(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    """The image on a white canvas of `size`, top left, so two sizes can be compared."""
    if image.size == size:
        return image
    canvas = Image.new("RGB", size, "white")
    canvas.paste(image, (0, 0))
    return canvas


def compare(actual: Image.Image, golden: Image.Image) -> Difference:
    size = (max(actual.width, golden.width), max(actual.height, golden.height))
    diff = ImageChops.difference(
        _on_canvas(actual.convert("RGB"), size), _on_canvas(golden.convert("RGB"), size)
    )
    mean = sum(ImageStat.Stat(diff).mean) / 3
    red, green, blue = diff.split()
    largest = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    changed = sum(largest.histogram()[CHANGED + 1 :]) / (size[0] * size[1])
    mask = largest.point(lambda v: 255 if v > CHANGED else 0)
    tile = (mask.reduce(TILE).getextrema()[1] or 0) / 255
    return Difference(actual.size, golden.size, mean, changed, diff, tile)


def _write_artifacts(stem: str, actual: Image.Image, difference: Difference) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    actual.save(ARTIFACTS / f"{stem}-actual.png")
    difference.image.point(lambda v: min(255, v * 4)).save(ARTIFACTS / f"{stem}-diff.png")


def _golden_render(name: str, step: int, spec: str | None = None) -> Image.Image:
    text = spec if spec is not None else (EXAMPLES / name).read_text("utf-8")
    scene = build_scene(load_spec(text, name), _theme(), Diagnostics())
    return _image(render_png(scene, step, GOLDEN_SIZE))


def _open_golden(path: Path) -> Image.Image:
    with Image.open(path) as opened:
        assert opened.mode == "RGB", f"{path.name} is {opened.mode}, not RGB"
        return opened.copy()


@pytest.mark.parametrize("case", GOLDENS)
def test_render_matches_golden(case: str) -> None:
    name, step = case.split(":")
    actual = _golden_render(name, int(step))
    golden_path = GOLDEN / f"{Path(name).stem}-step-{step}.png"
    if os.environ.get("DECKGEN_UPDATE_GOLDENS"):
        if golden_path.is_file():  # what changed, to review beside the git diff
            _write_artifacts(golden_path.stem, actual, compare(actual, _open_golden(golden_path)))
        golden_path.parent.mkdir(parents=True, exist_ok=True)
        actual.save(golden_path, optimize=True)
        pytest.skip("golden updated: review with git diff")
    difference = compare(actual, _open_golden(golden_path))
    problems = difference.problems()
    if problems:
        _write_artifacts(golden_path.stem, actual, difference)
    where = ARTIFACTS.relative_to(ROOT) / f"{golden_path.stem}-actual.png"
    assert not problems, f"{name} step {step}: {'; '.join(problems)} (see {where} and -diff)"


PICTOGRAMS = [
    (name, theme, size)
    for name in ("warehouse", "truck", "site", "fence", "person", "tool")
    for theme in ("default", "dark")
    for size in (GOLDEN_SIZE, (480, 270))
]


@pytest.mark.parametrize(("name", "theme", "size"), PICTOGRAMS)
def test_pictogram_matches_golden(name: str, theme: str, size: tuple[int, int]) -> None:
    """Each pictogram at two sizes, as seen on a slide of each theme."""
    looks = load_theme(theme, Path("."))
    spec = load_spec((EXAMPLES / f"{name}.yaml").read_text("utf-8"), f"{name}.yaml")
    scene = build_scene(spec, looks, Diagnostics())
    actual = _image(render_png(scene, len(scene.steps), size), looks.colors.background)
    golden_path = GOLDEN / "pictograms" / f"{name}-{theme}-{size[0]}.png"
    _check_golden(golden_path, actual, f"{name} ({theme}, {size[0]} px)")


def _check_golden(golden_path: Path, actual: Image.Image, what: str) -> None:
    if os.environ.get("DECKGEN_UPDATE_GOLDENS"):
        golden_path.parent.mkdir(parents=True, exist_ok=True)
        actual.save(golden_path, optimize=True)
        pytest.skip("golden updated: review with git diff")
    difference = compare(actual, _open_golden(golden_path))
    problems = difference.problems()
    if problems:
        _write_artifacts(golden_path.stem, actual, difference)
    assert not problems, f"{what}: {'; '.join(problems)} (see {ARTIFACTS.relative_to(ROOT)})"


def test_one_letter_of_a_label_changed_fails_the_golden() -> None:
    """One letter is far under 1 % of the picture: the tiles see it."""
    text = (EXAMPLES / "b-job-sites.yaml").read_text("utf-8")
    changed = text.replace('label: "response: HTML + data"', 'label: "response: HTML + dots"')
    assert changed != text
    difference = compare(
        _golden_render("b-job-sites.yaml", 4, changed),
        _open_golden(GOLDEN / "b-job-sites-step-4.png"),
    )
    assert difference.changed < MAX_CHANGED
    assert difference.problems() == [f"{difference.tile:.0%} of a {TILE} px square changed "
                                     f"(limit {MAX_TILE:.0%})"]  # fmt: skip


def test_a_label_removed_from_a_golden_fails_it() -> None:
    """The gate's label is about 1.6 % of the picture: the mean alone (about 1.0) missed it."""
    text = (EXAMPLES / "b-job-sites.yaml").read_text("utf-8")
    without = text.replace(', label: "gate: auth + validation"', "")
    assert without != text
    difference = compare(
        _golden_render("b-job-sites.yaml", 4, without),
        _open_golden(GOLDEN / "b-job-sites-step-4.png"),
    )
    assert any("of pixels changed" in p for p in difference.problems())


def _white_with_patch(side: int, shift: int) -> Image.Image:
    """200 x 100 white, with a grey `side` x `side` square `shift` below white."""
    image = Image.new("RGB", (200, 100), "white")
    image.paste((255 - shift,) * 3, (50, 30, 50 + side, 30 + side))
    return image


def test_compare_passes_identical_images_and_faint_noise() -> None:
    white = Image.new("RGB", (200, 100), "white")
    assert compare(white, white.copy()).problems() == []
    faint = _white_with_patch(40, CHANGED)  # 8 % of the pixels, each channel within CHANGED
    assert compare(faint, white).changed == 0
    assert compare(faint, white).problems() == []


def test_compare_fails_a_small_patch_over_1_percent_of_pixels() -> None:
    white = Image.new("RGB", (200, 100), "white")
    patch = _white_with_patch(16, 40)  # 256 of 20000 pixels: 1.28 %
    difference = compare(patch, white)
    assert difference.changed == pytest.approx(256 / 20000)
    assert difference.mean == pytest.approx(40 * 256 / 20000)  # 0.51: the mean alone passes it
    assert difference.problems()[0] == "1.28% of pixels changed (limit 1%)"
    smaller = compare(_white_with_patch(14, 40), white)  # 196 pixels: 0.98 %
    assert smaller.changed < MAX_CHANGED
    assert smaller.tile > MAX_TILE  # but the square it falls in changed: it fails there


def test_compare_passes_a_speck_under_the_tile_limit() -> None:
    white = Image.new("RGB", (200, 100), "white")
    assert compare(_white_with_patch(3, 40), white).problems() == []  # 9 px: 2 % of a tile


def test_compare_fails_a_faint_change_everywhere_on_the_mean() -> None:
    white = Image.new("RGB", (200, 100), "white")
    tinted = Image.new("RGB", (200, 100), (245, 245, 245))
    assert compare(tinted, white).problems() == ["mean difference 10.00 (limit 2.0)"]


def test_compare_fails_another_size() -> None:
    white = Image.new("RGB", (200, 100), "white")
    taller = Image.new("RGB", (200, 101), "white")
    assert compare(taller, white).problems() == ["size (200, 101) instead of (200, 100)"]
