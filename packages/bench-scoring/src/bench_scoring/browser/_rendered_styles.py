"""The design tokens and banned patterns found in a rendered chart's computed styles.

A color counts when the rendered chart paints it (fill, stroke, text, background, border, or
a canvas library's element options, display list or scenegraph), whoever set it: a style
sheet, a script (``el.style.fill = …``), or a library's palette. The browser's own defaults
(black text and fill, transparent backgrounds) are not counted. A font family counts where
rendered text is set in a stack the page chose: the browser's default family and the stacks
that libraries fall back to (Plotly's ``"Open Sans", verdana, arial``; Chart.js's default,
left out where it is read) are not the page's choice. Shadows and gradients count
wherever they are rendered, except the gradient of a library's continuous color legend
(ECharts ``visualMap``, a Plotly colorbar, a Vega gradient legend).
"""

from __future__ import annotations

from collections.abc import Iterator

import msgspec
import tinycss2  # type: ignore[import-untyped]

from bench_core import DesignTokens

from .._chart_css import Rgba, font_families, parse_color, same_color, split_families
from .._chart_tokens import _length, token_subject

# The stack Plotly writes on its SVG text when the page sets none.
_LIBRARY_STACKS = frozenset({tuple(split_families('"Open Sans", verdana, arial, sans-serif'))})


class RenderedStyles(msgspec.Struct, frozen=True, kw_only=True):
    """What the rendered chart's computed styles and library instances show.

    Attributes:
        elements: How many visible elements were read.
        colors: Colors painted, as the browser or the library wrote them.
        fonts: Font-family stacks of rendered text (and library text settings).
        shorthands: Canvas ``font`` shorthands (``12px Inter``) a library draws text with.
        radii: Corner radii in pixels (``border-radius``, SVG ``rx``/``ry``, library radii).
        backgrounds: Colors behind the chart (the page, its containers, a backdrop rect,
            a library's background).
        shadows: Each rendered shadow, one line each.
        gradients: Each rendered gradient, one line each.
    """

    elements: int
    colors: list[str]
    fonts: list[str]
    shorthands: list[str]
    radii: list[float]
    backgrounds: list[str]
    shadows: list[str]
    gradients: list[str]


def tokens_found(tokens: DesignTokens, styles: RenderedStyles) -> list[str]:
    """The deduction subjects (``color:#1f77b4``) of the tokens the rendering uses, so that the
    rendered evidence takes back exactly the points the static check could not give."""
    found: list[str] = []
    colors = list(_colors(styles.colors))
    for color in tokens.colors:
        wanted = parse_color(color)
        if wanted is not None and any(same_color(wanted, used) for used in colors):
            found.append(token_subject("color", color))
    families = _families(styles)
    found += [
        token_subject("font", font) for font in tokens.fonts if split_families(font)[0] in families
    ]
    for radius in tokens.radii:
        wanted_radius = _length(radius)
        if wanted_radius is not None and any(abs(wanted_radius - r) < 0.01 for r in styles.radii):
            found.append(token_subject("radius", radius))
    if tokens.background:
        backdrop = parse_color(tokens.background)
        if backdrop is not None and any(
            same_color(backdrop, used) for used in _colors(styles.backgrounds)
        ):
            found.append(token_subject("background", tokens.background))
    return found


def rule_findings(styles: RenderedStyles) -> dict[str, list[str]]:
    """The rendered findings per always-on design rule (``no-shadows``, ``no-gradients``)."""
    return {"no-shadows": list(styles.shadows), "no-gradients": list(styles.gradients)}


def _colors(texts: list[str]) -> Iterator[Rgba]:
    for text in texts:
        color = parse_color(text)
        if color is not None:
            yield color


def _families(styles: RenderedStyles) -> set[str]:
    families: set[str] = set()
    for stack in styles.fonts:
        split = split_families(stack)
        if tuple(split) not in _LIBRARY_STACKS:
            families.update(split)
    for shorthand in styles.shorthands:
        parsed = tinycss2.parse_component_value_list(shorthand, True)
        split = font_families("font", parsed)
        if tuple(split) not in _LIBRARY_STACKS:
            families.update(split)
    return families
