"""The design rules: patterns a chart must not use. The README has them as a table.

``no-shadows`` (always on)
    CSS ``box-shadow``/``text-shadow``, ``filter: drop-shadow()``; SVG ``<feDropShadow>``,
    ``<feGaussianBlur>``; ``shadowBlur``/``shadowOffsetX/Y`` in a library or on a canvas.
``no-gradients`` (always on)
    CSS ``*-gradient()``; SVG ``<linearGradient>``/``<radialGradient>``;
    ``createLinearGradient``, ``new echarts.graphic.LinearGradient``, ``colorStops``, a
    Vega-Lite ``gradient``.
``no-animation``
    CSS ``animation``, ``transition``, ``@keyframes``; SVG ``<animate…>``/``<set>``; Chart.js
    or ECharts without ``animation: false`` (both animate by default); D3 ``.transition()``;
    ``Plotly.animate``; ``element.animate()``.
``no-3d``
    CSS 3D transforms and ``perspective``; ECharts GL and Plotly 3D traces or scenes; three.js.
``no-external-fonts``
    ``<link>`` or ``@import`` of a font service or font file; ``@font-face`` with a URL that
    is not ``data:``; ``new FontFace`` with a URL; ``WebFont.load``.
``no-images``
    ``<img>``, ``<picture>``, SVG ``<image>``; CSS ``url()`` in backgrounds, borders, list
    markers or content; ``new Image()``; ECharts ``image://`` symbols or image graphics;
    Plotly layout ``images``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ._chart_css import Declaration, StyleFacts
from ._chart_document import ChartDocument
from ._chart_script import JsArray, JsObject, ScriptFacts

DEFAULT_RULES = ("no-shadows", "no-gradients")
RULES = (*DEFAULT_RULES, "no-animation", "no-3d", "no-external-fonts", "no-images")
"""Every rule id a spec may name; the first two are always on."""

_NEUTRAL = frozenset({"none", "", "initial", "unset", "inherit", "revert", "0", "0s", "all 0s"})
_FONT_HOSTS = (
    "fonts.googleapis.com", "fonts.gstatic.com", "use.typekit.net", "fonts.bunny.net",
    "fast.fonts.net", "fontshare.com", "@fontsource", "rsms.me/inter", "fonts.cdnfonts.com",
)  # fmt: skip
_FONT_FILES = (".woff", ".woff2", ".ttf", ".otf", ".eot")
_THREE_D_TYPES = frozenset(
    {"bar3D", "scatter3D", "line3D", "surface", "scatter3d", "mesh3d", "cone", "streamtube",
     "volume", "isosurface", "lines3D", "map3D", "polygons3D", "scatterGL"}
)  # fmt: skip
_THREE_D_KEYS = ("grid3D", "xAxis3D", "scene", "options3d", "globe", "geo3D")
_THREE_D_TRANSFORMS = ("rotatex(", "rotatey(", "rotate3d(", "perspective(", "matrix3d(")
_IMAGE_PROPERTIES = frozenset(
    {"background", "background-image", "list-style", "list-style-image", "border-image",
     "border-image-source", "content", "mask", "mask-image", "-webkit-mask-image"}
)  # fmt: skip

Check = Callable[[ChartDocument, StyleFacts, list[str]], list[str]]


def check_rules(rules: tuple[str, ...]) -> None:
    """Raise ValueError naming any rule id that is not in ``RULES``."""
    unknown = [rule for rule in rules if rule not in RULES]
    if unknown:
        raise ValueError(
            f"unknown design rule {', '.join(map(repr, unknown))}: use any of {', '.join(RULES)}"
        )


def rule_subject(rule: str) -> str:
    """The subject of a deduction for a broken design rule."""
    return f"rule:{rule}"


def rules_in_force(rules: tuple[str, ...]) -> list[str]:
    """The defaults, then the task's own rules, each once."""
    return list(dict.fromkeys((*DEFAULT_RULES, *rules)))


def violations(rule: str, doc: ChartDocument, css: StyleFacts, libraries: list[str]) -> list[str]:
    """What in ``doc`` breaks ``rule``, one line per finding."""
    return _CHECKS[rule](doc, css, libraries)


def _where(declaration: Declaration) -> str:
    if declaration.origin == "script":
        return "set by a script"
    if declaration.selector in ("@font-face",) or declaration.selector.startswith((".", "#")):
        return f"on {declaration.selector}"
    return f"on <{declaration.selector}>" if declaration.selector else "in CSS"


def _css(css: StyleFacts, names: tuple[str, ...], test: Callable[[Declaration], bool]) -> list[str]:
    return [
        f"{d.name}: {d.text[:60]} {_where(d)}"
        for d in css.values(*names)
        if d.text not in _NEUTRAL and test(d)
    ]


def _tags(doc: ChartDocument, *names: str) -> list[str]:
    counts = {name: doc.tags.count(name.lower()) for name in names}
    return [f"<{name}> element{'s' if n > 1 else ''} ({n})" for name, n in counts.items() if n]


def _numbers(scripts: ScriptFacts, *keys: str) -> Iterator[tuple[str, float]]:
    for key in keys:
        for value in scripts.values_of(key):
            if isinstance(value, float) and not isinstance(value, bool):
                yield key, value


def _shadows(doc: ChartDocument, css: StyleFacts, libraries: list[str]) -> list[str]:
    found = _css(css, ("box-shadow", "text-shadow"), lambda d: True)
    found += _css(css, ("filter", "-webkit-filter"), lambda d: "drop-shadow(" in d.text)
    found += _tags(doc, "feDropShadow", "feGaussianBlur")
    found += [
        f'filter="{value[:40]}" on <{tag}>'
        for tag, name, value in doc.attributes
        if name == "filter" and "drop-shadow(" in value
    ]
    found += [
        f"{key}: {value:g} in the script"
        for key, value in _numbers(doc.scripts, "shadowBlur", "shadowOffsetX", "shadowOffsetY")
        if value
    ]
    return found


def _gradients(doc: ChartDocument, css: StyleFacts, libraries: list[str]) -> list[str]:
    found = [
        f"{d.name}: {d.text[:60]} {_where(d)}"
        for d in css.declarations
        if any(t.type == "function" and t.lower_name.endswith("gradient") for t in d.value)
    ]
    found += _tags(doc, "linearGradient", "radialGradient")
    scripts = doc.scripts
    for call in scripts.calls:
        if call.method.endswith(("LinearGradient", "RadialGradient", "ConicGradient")):
            found.append(f"{call.name}() in the script")
    if any(s in ("linearGradient", "radialGradient") for s in scripts.strings):
        found.append("an SVG gradient element created by the script")
    if any(True for _ in scripts.values_of("colorStops")):
        found.append("colorStops (a gradient) in the chart config")
    for value in scripts.values_of("gradient", "fillgradient"):
        if isinstance(value, JsObject) or value in ("linear", "radial"):
            found.append("a gradient in the chart config")
            break
    return found


def _animation(doc: ChartDocument, css: StyleFacts, libraries: list[str]) -> list[str]:
    found = _css(
        css, ("animation", "animation-name", "transition", "transition-duration"), lambda d: True
    )
    found += [
        f"@keyframes {prelude}"
        for keyword, prelude in css.at_rules
        if keyword.endswith("keyframes")
    ]
    found += _tags(doc, "animate", "animateTransform", "animateMotion", "set")
    scripts = doc.scripts
    disabled = any(
        value is False or value == 0 or (isinstance(value, JsObject) and value.get("duration") == 0)
        for value in scripts.values_of("animation", "animations")
    ) or any(value == 0 for value in scripts.values_of("animationDuration"))
    for library in ("Chart.js", "ECharts"):
        if library in libraries and not disabled:
            found.append(
                f"{library} animates by default and the config does not set animation: false"
            )
    for call in scripts.calls:
        if call.method == "transition" and (
            call.name.startswith((".", "d3.")) or call.name == "transition"
        ):
            found.append("a D3 .transition() in the script")
            break
    if any(call.name == "Plotly.animate" for call in scripts.calls):
        found.append("Plotly.animate() in the script")
    if any(call.method == "animate" and call.name != "Plotly.animate" for call in scripts.calls):
        found.append("element.animate() in the script")
    for value in scripts.values_of("transition"):
        if isinstance(value, JsObject) and value.get("duration") not in (None, 0.0, False):
            found.append("a Plotly transition with a duration in the layout")
            break
    return found


def _three_d(doc: ChartDocument, css: StyleFacts, libraries: list[str]) -> list[str]:
    found = _css(css, ("perspective",), lambda d: True)
    found += _css(css, ("transform-style",), lambda d: "preserve-3d" in d.text)
    found += _css(css, ("transform",), lambda d: any(f in d.text for f in _THREE_D_TRANSFORMS))
    scripts = doc.scripts
    found += [
        f"type: {value!r} (a 3D chart) in the config"
        for value in scripts.values_of("type")
        if isinstance(value, str) and value in _THREE_D_TYPES
    ]
    found += [
        f"{key} (a 3D scene) in the config"
        for key in _THREE_D_KEYS
        if any(True for _ in scripts.values_of(key))
    ]
    if scripts.uses("THREE."):
        found.append("three.js in the script")
    return found


def _external_fonts(doc: ChartDocument, css: StyleFacts, libraries: list[str]) -> list[str]:
    found = [
        f"<link> to {href[:80]}"
        for _, href in doc.links
        if any(host in href.lower() for host in _FONT_HOSTS)
        or href.lower().split("?")[0].endswith(_FONT_FILES)
    ]
    found += [
        f"@import {prelude[:80]}"
        for keyword, prelude in css.at_rules
        if keyword == "import"
        and (any(host in prelude for host in _FONT_HOSTS) or "font" in prelude)
    ]
    for face in css.font_faces:
        found += [
            f"@font-face src: {d.text[:80]}"
            for d in face
            if d.name == "src" and any(not url.startswith("data:") for url in _urls(d.value))
        ]
    scripts = doc.scripts
    if any(call.name == "WebFont.load" for call in scripts.calls):
        found.append("WebFont.load() in the script")
    for call in scripts.calls:
        if call.name == "FontFace" and any(
            isinstance(a, str) and "url(" in a and "data:" not in a for a in call.args
        ):
            found.append("new FontFace() with a URL in the script")
    if any(any(host in s for host in _FONT_HOSTS) for s in scripts.strings):
        found.append("a font service URL in the script")
    return found


def _urls(tokens: list[Any]) -> Iterator[str]:
    """The URLs of ``url(…)`` values, quoted (a function) or not (a URL token)."""
    for token in tokens:
        if token.type == "url":
            yield token.value.strip()
        elif token.type == "function" and token.lower_name == "url":
            yield "".join(t.value for t in token.arguments if t.type == "string").strip()


def _images(doc: ChartDocument, css: StyleFacts, libraries: list[str]) -> list[str]:
    found = _tags(doc, "img", "picture", "image")
    found += _css(
        css,
        tuple(_IMAGE_PROPERTIES),
        lambda d: any(True for _ in _urls(d.value)),
    )
    scripts = doc.scripts
    if any(call.name == "Image" for call in scripts.calls):
        found.append("new Image() in the script")
    if any("<img" in s.lower() or s.startswith("image://") for s in scripts.strings):
        found.append("an image in the script's markup or symbols")
    if any(value == "image" for value in scripts.values_of("type")):
        found.append("an image graphic in the chart config")
    if any(isinstance(value, JsArray) and value.items for value in scripts.values_of("images")):
        found.append("layout images in the chart config")
    return found


_CHECKS: dict[str, Check] = {
    "no-shadows": _shadows,
    "no-gradients": _gradients,
    "no-animation": _animation,
    "no-3d": _three_d,
    "no-external-fonts": _external_fonts,
    "no-images": _images,
}
