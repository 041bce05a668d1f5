"""Whether the chart uses the requested design tokens: colors, fonts, corner radii, background.

A token counts as used when it appears where it takes effect: CSS declarations (style
sheets, ``style`` attributes, CSS set by scripts), SVG presentation attributes (``fill``,
``stroke``, ``font-family``, ``rx``), or a chart library's configuration in the scripts
(``backgroundColor: '#0b1220'``, ``font: {family: 'Inter'}``, ``borderRadius: 4``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import tinycss2  # type: ignore[import-untyped]

from bench_core import DesignTokens

from ._chart_css import (
    Rgba,
    StyleFacts,
    colors_in,
    font_families,
    parse_color,
    same_color,
    split_families,
)
from ._chart_document import ChartDocument
from ._chart_script import Expr, JsArray, JsObject, JsValue, fold_key
from ._chart_svg import svg_size

_COLOR_ATTRIBUTES = frozenset({"fill", "stroke", "stop-color", "flood-color", "color", "bgcolor"})
_COLOR_IN_TEXT = re.compile(r"#[0-9a-fA-F]{3,8}+(?![\w-])|(?:rgba?|hsla?)\([^()]{0,80}+\)")
_BACKGROUND_KEYS = frozenset(
    fold_key(k)
    for k in ("backgroundColor", "background", "paper_bgcolor", "plot_bgcolor", "bgcolor")
)
_FONT_KEYS = frozenset(fold_key(k) for k in ("fontFamily", "family", "font-family"))
_UNITS = {"px": 1.0, "": 1.0, "rem": 16.0, "em": 16.0, "pt": 4 / 3}
_LENGTH = re.compile(r"(-?+(?:\d++(?:\.\d*+)?+|\.\d++))\s*+(px|rem|em|pt|%)?+")


def check_tokens(tokens: DesignTokens) -> None:
    """Raise ValueError naming a token that is not a color or a length."""
    for color in (*tokens.colors, *([tokens.background] if tokens.background else [])):
        if parse_color(color) is None:
            raise ValueError(f"design token {color!r} is not a CSS color")
    for radius in tokens.radii:
        if _length(radius) is None:
            raise ValueError(f"design token {radius!r} is not a length (like '4px')")
    for font in tokens.fonts:
        if not split_families(font):
            raise ValueError(f"design token {font!r} is not a font family")


def token_count(tokens: DesignTokens) -> int:
    """How many tokens are asked for."""
    return len(tokens.colors) + len(tokens.fonts) + len(tokens.radii) + bool(tokens.background)


def token_subject(kind: str, token: str) -> str:
    """The subject of a deduction for a missing token: ``color``, ``font``, ``radius`` or
    ``background``, and the token as the spec gives it."""
    return f"{kind}:{token}"


def missing_tokens(
    tokens: DesignTokens, doc: ChartDocument, css: StyleFacts
) -> list[tuple[str, str]]:
    """The subject and a line for each requested token that the chart does not use."""
    missing: list[tuple[str, str]] = []
    if tokens.colors:
        used = list(dict.fromkeys(_used_colors(doc, css)))
        for color in tokens.colors:
            wanted = parse_color(color)
            if wanted is not None and not any(same_color(wanted, found) for found in used):
                missing.append(
                    (
                        token_subject("color", color),
                        f"color {color} is not used in the CSS, SVG or chart config",
                    )
                )
    if tokens.fonts:
        families = _used_fonts(doc, css)
        for font in tokens.fonts:
            if split_families(font)[0] not in families:
                missing.append(
                    (token_subject("font", font), f"font {font!r} is not used as a font family")
                )
    if tokens.radii:
        radii = _used_radii(doc, css)
        for radius in tokens.radii:
            wanted_radius = _length(radius) or 0.0
            if not any(abs(wanted_radius - used) < 0.01 for used in radii):
                missing.append(
                    (
                        token_subject("radius", radius),
                        f"corner radius {radius} is not used (border-radius, rx, or borderRadius)",
                    )
                )
    if tokens.background:
        backdrop = parse_color(tokens.background)
        if backdrop is not None and not any(
            same_color(backdrop, c) for c in _backgrounds(doc, css)
        ):
            missing.append(
                (
                    token_subject("background", tokens.background),
                    f"background {tokens.background} is not used as a background",
                )
            )
    return missing


def _used_colors(doc: ChartDocument, css: StyleFacts) -> Iterator[Rgba]:
    for declaration in css.declarations:
        yield from colors_in(declaration.value)
    for _, name, value in doc.attributes:
        if name in _COLOR_ATTRIBUTES:
            color = parse_color(value)
            if color is not None:
                yield color
    for string in doc.scripts.strings:
        color = parse_color(string) if len(string) <= 64 else None
        if color is not None:
            yield color
        elif "#" in string or "(" in string:
            for found in _COLOR_IN_TEXT.finditer(string):
                embedded = parse_color(found.group())
                if embedded is not None:
                    yield embedded


def _used_fonts(doc: ChartDocument, css: StyleFacts) -> set[str]:
    families: set[str] = set()
    for declaration in css.values("font-family", "font"):
        families.update(font_families(declaration.name, declaration.value))
    for _, name, value in doc.attributes:
        if name == "font-family":
            families.update(split_families(value))
    for key, setting in doc.scripts.pairs:
        if not isinstance(setting, str):
            continue
        folded = fold_key(key)
        if folded in _FONT_KEYS:
            families.update(split_families(setting))
        elif folded == "font":  # canvas `ctx.font = '12px Inter'`, or Vega's `font: 'Inter'`
            tokens = tinycss2.parse_component_value_list(setting, True)
            sized = any(t.type == "dimension" for t in tokens)
            families.update(font_families("font", tokens) if sized else split_families(setting))
    return families


def _used_radii(doc: ChartDocument, css: StyleFacts) -> list[float]:
    radii: list[float] = []
    for declaration in css.declarations:
        name = declaration.name
        if name in ("rx", "ry") or (name.startswith("border") and name.endswith("radius")):
            radii += _lengths(tinycss2.serialize(declaration.value))
        elif name.startswith("--") and "radius" in name:
            radii += _lengths(declaration.text)
    for _, name, value in doc.attributes:
        if name in ("rx", "ry"):
            radii += _lengths(value)
    for key, setting in doc.scripts.pairs:
        folded = fold_key(key)
        if folded.startswith(("borderradius", "cornerradius")) or folded in ("rx", "ry"):
            radii += list(_numbers_in(setting))
    return radii


def _numbers_in(value: JsValue, depth: int = 0) -> Iterator[float]:
    if isinstance(value, bool) or value is None or isinstance(value, Expr) or depth > 4:
        return
    if isinstance(value, float):
        yield value
    elif isinstance(value, str):
        yield from _lengths(value)
    elif isinstance(value, JsArray):
        for item in value.items[:8]:
            yield from _numbers_in(item, depth + 1)
    elif isinstance(value, JsObject):
        for item in list(value.entries.values())[:8]:
            yield from _numbers_in(item, depth + 1)


def _lengths(text: str) -> list[float]:
    found = []
    for match in _LENGTH.finditer(text[:200]):
        unit = match.group(2) or ""
        if unit != "%":
            found.append(float(match.group(1)) * _UNITS[unit])
    return found


def _length(text: str) -> float | None:
    found = _lengths(text)
    return found[0] if len(found) == 1 else None


def _backgrounds(doc: ChartDocument, css: StyleFacts) -> Iterator[Rgba]:
    for declaration in css.declarations:
        name = declaration.name
        if name in ("background", "background-color") or (
            name.startswith("--") and ("bg" in name or "background" in name)
        ):
            yield from colors_in(declaration.value)
    for _, name, value in doc.attributes:
        if name == "bgcolor":
            color = parse_color(value)
            if color is not None:
                yield color
    for svg in doc.svgs:
        width, height = svg_size(svg)
        for element in svg.iter():
            if not isinstance(element.tag, str) or not element.tag.endswith("}rect"):
                continue
            if _covers(element.get("width"), width) and _covers(element.get("height"), height):
                color = parse_color(element.get("fill", ""))
                if color is not None:
                    yield color
            break  # only the first rect can be the backdrop
    for key, setting in doc.scripts.pairs:
        if fold_key(key) in _BACKGROUND_KEYS and isinstance(setting, str):
            color = parse_color(setting)
            if color is not None:
                yield color


def _covers(length: str | None, full: float | None) -> bool:
    if length is None:
        return False
    if length.strip() == "100%":
        return True
    value = _length(length)
    return value is not None and full is not None and value >= 0.8 * full
