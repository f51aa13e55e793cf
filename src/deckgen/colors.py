"""Colour arithmetic from WCAG 2: relative luminance, contrast ratio, a readable variant."""

from __future__ import annotations


def luminance(hex_color: str) -> float:
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_color[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def is_dark(background: str) -> bool:
    """Whether light text reads better on `background` than dark text does."""
    return contrast("FFFFFF", background) > contrast("000000", background)


def readable(color: str, background: str, minimum: float = 4.5) -> str:
    """`color`, darkened or lightened step by step until it reaches `minimum` contrast."""
    color = color.upper()
    toward = 0 if luminance(background) > 0.4 else 255
    while contrast(color, background) < minimum:
        parts = [int(color[i : i + 2], 16) for i in (0, 2, 4)]
        parts = [round(c + (toward - c) * 0.15) for c in parts]
        color = "".join(f"{c:02X}" for c in parts)
    return color


def mix(a: str, b: str, share: float) -> str:
    """`a` moved `share` (0..1) of the way toward `b`, channel by channel."""
    pa = [int(a[i : i + 2], 16) for i in (0, 2, 4)]
    pb = [int(b[i : i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(x + (y - x) * share):02X}" for x, y in zip(pa, pb, strict=True))
