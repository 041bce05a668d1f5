"""Server-side SVG for reference charts drawn without a chart library: a linear scale, nice
axis ticks, and an element writer that escapes what it is given."""

from __future__ import annotations

import html
import math
from collections.abc import Sequence


class Scale:
    """A linear map from a data interval onto a pixel interval."""

    def __init__(self, domain: tuple[float, float], pixels: tuple[float, float]) -> None:
        self.domain = domain
        self.pixels = pixels

    def __call__(self, value: float) -> float:
        (d0, d1), (p0, p1) = self.domain, self.pixels
        return round(p0 + (value - d0) / (d1 - d0) * (p1 - p0), 1)


def ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering ``low``..``high``, about ``count`` of them."""
    raw = (high - low) / max(count, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step) * step
    last = math.ceil(high / step) * step
    return [round(first + i * step, 6) for i in range(round((last - first) / step) + 1)]


def el(tag: str, text: str | None = None, /, **attributes: object) -> str:
    """An element with escaped attributes (``class_`` for ``class``, ``_`` for ``-``).

    ``text`` is markup: plain text goes through ``esc``, children through ``raw``.
    """
    parts = [tag]
    for name, value in attributes.items():
        if value is None:
            continue
        key = name.rstrip("_").replace("_", "-")
        parts.append(f'{key}="{html.escape(str(value), quote=True)}"')
    opening = " ".join(parts)
    if text is None:
        return f"<{opening}/>"
    return f"<{opening}>{text}</{tag}>"


def esc(text: str) -> str:
    """Text escaped for an element's content."""
    return html.escape(text, quote=False)


def raw(children: Sequence[str]) -> str:
    """Markup already written, joined one element a line."""
    return "\n".join(children)
