"""Which chart types a document draws, and whether they are the types asked for.

Types come from hand-written SVG (``_chart_svg``) and from the configuration of the chart
libraries, read from their object literals: Chart.js (``type``, dataset types, ``fill``,
``stacked``), ECharts (``series[].type``, ``stack``, ``areaStyle``), Plotly (trace ``type`` and
``mode``, ``fill``, ``barmode``), Vega-Lite (``mark``, ``stack``, the color channel) and D3
(its shape generators and scales). Types are listed in document order; the first is the
main chart's.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from ._chart_css import StyleFacts
from ._chart_document import ChartDocument
from ._chart_script import Call, Expr, JsObject, JsValue, ScriptFacts
from ._chart_svg import svg_types

CHART_TYPES = ("bar", "stacked_bar", "line", "area", "pie", "scatter", "heatmap")
"""The chart types a spec may ask for; join several with ``+`` (``line+bar``)."""

_CHARTJS = {
    "bar": "bar", "line": "line", "pie": "pie", "doughnut": "pie", "polarArea": "pie",
    "scatter": "scatter", "bubble": "scatter", "matrix": "heatmap",
}  # fmt: skip
_ECHARTS = {
    "bar": "bar", "line": "line", "pie": "pie", "scatter": "scatter",
    "effectScatter": "scatter", "heatmap": "heatmap",
}  # fmt: skip
_PLOTLY = {
    "bar": "bar", "histogram": "bar", "pie": "pie", "heatmap": "heatmap", "heatmapgl": "heatmap",
    "histogram2d": "heatmap", "scatter": "scatter", "scattergl": "scatter",
}  # fmt: skip
_VEGA_LITE = {
    "bar": "bar", "line": "line", "trail": "line", "area": "area", "point": "scatter",
    "circle": "scatter", "square": "scatter", "arc": "pie", "rect": "heatmap",
}  # fmt: skip
_ECHARTS_SERIES_KEYS = frozenset(
    {"data", "stack", "areaStyle", "smooth", "radius", "symbolSize", "barWidth", "encode", "name"}
)
_PLOTLY_NOT_TRACES = frozenset(
    {"annotations", "shapes", "images", "layout", "xaxis", "yaxis", "marker", "line", "font",
     "legend", "margin", "title", "hoverlabel", "updatemenus", "sliders", "config"}
)  # fmt: skip
_FILLED = frozenset({"tozeroy", "tonexty", "tozerox", "tonextx", "toself", "tonext"})

Found = list[tuple[str, tuple[int, int]]]
"""Detected types, each with its place in the document (element order, then offset)."""


def detect_types(doc: ChartDocument, css: StyleFacts) -> list[str]:
    """The chart types ``doc`` draws, the main chart's first."""
    found: Found = []
    for svg, order in zip(doc.svgs, doc.svg_orders, strict=True):
        found.extend((kind, (order, mark)) for kind, mark in svg_types(svg, css))
    scripts = doc.scripts

    def place(position: int) -> tuple[int, int]:
        index = bisect.bisect_right(scripts.offsets, position) - 1
        order = doc.script_orders[index] if 0 <= index < len(doc.script_orders) else 0
        return (order, position)

    for kind, position in _library_types(scripts):
        found.append((kind, place(position)))
    ordered: list[str] = []
    for kind, _ in sorted(found, key=lambda pair: pair[1]):
        if kind not in ordered:
            ordered.append(kind)
    return ordered


def _library_types(scripts: ScriptFacts) -> list[tuple[str, int]]:
    found = _chartjs(scripts) + _echarts(scripts) + _plotly(scripts) + _vega_lite(scripts)
    found += _d3(scripts)
    if not found:
        found = _created_elements(scripts.calls)
    return found


def _calls_named(calls: Iterable[Call], *names: str) -> bool:
    return any(
        call.name in names or call.name.endswith(tuple(f".{n}" for n in names)) for call in calls
    )


def _truthy_fill(value: JsValue) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.strip().lower() not in ("", "false", "none")
    return value is not None


def _chartjs(scripts: ScriptFacts) -> list[tuple[str, int]]:
    if not _calls_named(scripts.calls, "Chart"):
        return []
    configs = sorted(
        (
            o
            for o in scripts.objects
            if _kind(o, _CHARTJS) and ("data" in o.entries or "options" in o.entries)
        ),
        key=lambda o: o.position,
    )
    datasets = [o for o in scripts.objects if o.key == "datasets" and "data" in o.entries]
    stacked = any(v is True for v in scripts.values_of("stacked"))
    found: list[tuple[str, int]] = []
    if not configs:  # the type is a variable: take any Chart.js type named as a `type`
        named = [v for v in scripts.values_of("type") if isinstance(v, str) and v in _CHARTJS]
        return [(_CHARTJS[named[0]], 0)] if named else []
    starts = [c.position for c in configs]
    owned: dict[int, list[JsObject]] = {id(c): [] for c in configs}
    for dataset in datasets:
        index = max(bisect.bisect_right(starts, dataset.position) - 1, 0)
        owned[id(configs[index])].append(dataset)
    for config in configs:
        base = _kind(config, _CHARTJS) or "bar"
        kinds: list[tuple[str, int]] = []
        groups: dict[str, int] = {}
        for dataset in owned[id(config)]:
            kind = _kind(dataset, _CHARTJS) or base
            if kind == "line" and _truthy_fill(dataset.get("fill")):
                kind = "area"
            stack = dataset.get("stack")
            if isinstance(stack, str):
                groups[stack] = groups.get(stack, 0) + 1
            kinds.append((kind, dataset.position))
        grouped = any(count > 1 for count in groups.values())
        if not kinds:
            kinds = [(base, config.position)]
        # The config's own type is the main chart; other dataset types are combined with it.
        kinds.sort(
            key=lambda pair: (pair[0] not in (base, "area" if base == "line" else base), pair[1])
        )
        for kind, position in kinds:
            shown = "stacked_bar" if kind == "bar" and (stacked or grouped) else kind
            found.append((shown, max(position, config.position)))
    return found


def _kind(obj: JsObject, table: dict[str, str]) -> str | None:
    value = obj.get("type")
    return table.get(value) if isinstance(value, str) else None


def _echarts(scripts: ScriptFacts) -> list[tuple[str, int]]:
    if not any(c.name == "echarts.init" or c.method == "setOption" for c in scripts.calls):
        return []
    series = [
        o
        for o in scripts.objects
        if _kind(o, _ECHARTS)
        and (o.key == "series" or (o.key is None and _ECHARTS_SERIES_KEYS & o.entries.keys()))
    ]
    stacks: dict[str, int] = {}
    for item in series:
        stack = item.get("stack")
        if isinstance(stack, str) and item.get("type") == "bar":
            stacks[stack] = stacks.get(stack, 0) + 1
    found = []
    for item in series:
        kind = _kind(item, _ECHARTS) or "bar"
        if kind == "line" and isinstance(item.get("areaStyle"), JsObject):
            kind = "area"
        elif kind == "bar" and stacks.get(str(item.get("stack")), 0) > 1:
            kind = "stacked_bar"
        found.append((kind, item.position))
    return found


def _plotly(scripts: ScriptFacts) -> list[tuple[str, int]]:
    if not any(call.name.startswith("Plotly.") for call in scripts.calls):
        return []
    stacked = any(v in ("stack", "relative") for v in scripts.values_of("barmode"))
    found = []
    for trace in scripts.objects:
        if trace.key in _PLOTLY_NOT_TRACES:
            continue
        kind = trace.get("type")
        if (
            kind is None
            and {"x", "y"} & trace.entries.keys()
            and {"mode", "marker", "fill"} & trace.entries.keys()
        ):
            kind = "scatter"
        if not isinstance(kind, str) or kind not in _PLOTLY:
            continue
        detected = _PLOTLY[kind]
        if detected == "scatter":
            mode = trace.get("mode")
            mode = mode if isinstance(mode, str) else "lines"  # Plotly draws lines by default
            if trace.get("fill") in _FILLED or "stackgroup" in trace.entries:
                detected = "area"
            elif "lines" in mode:
                detected = "line"
        elif detected == "bar" and stacked:
            detected = "stacked_bar"
        found.append((detected, trace.position))
    return found


def _vega_lite(scripts: ScriptFacts) -> list[tuple[str, int]]:
    found = []
    for spec in scripts.objects:
        mark = spec.get("mark")
        if isinstance(mark, JsObject):
            mark = mark.get("type")
        if not isinstance(mark, str) or mark not in _VEGA_LITE:
            continue
        encoding = spec.get("encoding")
        channels = encoding.entries if isinstance(encoding, JsObject) else {}
        kind = _VEGA_LITE[mark]
        if kind == "bar" and _vega_lite_stacked(channels):
            kind = "stacked_bar"
        elif mark == "rect" and not isinstance(channels.get("color"), JsObject):
            continue  # a rect without a color channel is a band behind the chart, not a heatmap
        found.append((kind, spec.position))
    return found


def _vega_lite_stacked(channels: dict[str, JsValue]) -> bool:
    fields = {}
    for name in ("x", "y", "color", "fill"):
        channel = channels.get(name)
        if isinstance(channel, JsObject):
            stack = channel.get("stack")
            if name in ("x", "y") and stack in ("zero", "normalize", "center", True):
                return True
            if name in ("x", "y") and "stack" in channel.entries and not stack:
                return False
            fields[name] = channel.get("field")
    colour = fields.get("color") or fields.get("fill")
    # Vega-Lite stacks bars by default when a color channel splits each bar.
    return (
        isinstance(colour, str)
        and colour not in (fields.get("x"), fields.get("y"))
        and not {"xOffset", "yOffset"} & channels.keys()
    )


def _d3(scripts: ScriptFacts) -> list[tuple[str, int]]:
    first: dict[str, int] = {}
    for call in scripts.calls:
        if call.name.startswith("d3."):
            first.setdefault(call.name, call.position)
        elif call.method in ("append", "join", "insert") and call.args:
            shape = call.args[0]
            if isinstance(shape, str):
                first.setdefault(f"<{shape.split('.', 1)[0].lower()}>", call.position)
    if not any(name.startswith("d3.") for name in first):
        return []
    found = []
    line, area = first.get("d3.line"), first.get("d3.area")
    stack = first.get("d3.stack")
    if line is not None:
        found.append(("line", line))
    if area is not None:
        found.append(("area", area))
    wedge = min((first[n] for n in ("d3.pie", "d3.arc") if n in first), default=None)
    if wedge is not None:
        found.append(("pie", wedge))
    rect, band = first.get("<rect>"), first.get("d3.scaleBand")
    bands = sum(1 for call in scripts.calls if call.name == "d3.scaleBand")
    # A grid of cells colored by a continuous scale: two band scales, or rows of cells.
    heatmap = (
        rect is not None
        and scripts.uses(*_D3_COLOR_SCALES)
        and (bands >= 2 or _nested_join(scripts))
    )
    if heatmap and rect is not None:
        found.append(("heatmap", rect))
    if rect is not None and band is not None and area is None and not (heatmap and bands >= 2):
        found.append(("stacked_bar" if stack is not None else "bar", rect))
    circle = first.get("<circle>")
    if circle is not None and line is None and area is None:
        found.append(("scatter", circle))
    return found


_D3_COLOR_SCALES = (
    "d3.interpolate", "d3.scaleSequential", "d3.scaleDiverging", "d3.scaleQuantize",
    "d3.scaleQuantile", "d3.scaleThreshold",
)  # fmt: skip


def _nested_join(scripts: ScriptFacts) -> bool:
    """A ``.data(row => …)`` join: cells drawn row by row, as a heatmap's grid is."""
    return any(
        call.method == "data"
        and call.args
        and isinstance(call.args[0], Expr)
        and call.args[0].text == "=>"
        for call in scripts.calls
    )


def _created_elements(calls: list[Call]) -> list[tuple[str, int]]:
    """Plain JavaScript that builds SVG marks with ``createElementNS``."""
    kinds = {"rect": "bar", "circle": "scatter", "polyline": "line"}
    found = []
    for call in calls:
        if call.method == "createElementNS" and len(call.args) >= 2:
            shape = call.args[1]
            if isinstance(shape, str) and shape in kinds:
                found.append((kinds[shape], call.position))
    return found


def requested_types(chart_type: str) -> list[str]:
    """The types ``chart_type`` asks for (``line+bar`` asks for two).

    Raises:
        ValueError: A part is not one of ``CHART_TYPES``.
    """
    parts = [part.strip() for part in chart_type.split("+")]
    unknown = [part for part in parts if part not in CHART_TYPES]
    if unknown or not parts:
        raise ValueError(
            f"unknown chart type {chart_type!r}: use one of {', '.join(CHART_TYPES)}, "
            "or several joined by '+'"
        )
    return parts


def type_shortfall(wanted: str, detected: list[str]) -> tuple[float, str] | None:
    """The share of ``wanted``'s points lost and why, or None when it is drawn.

    ``bar`` is drawn by stacked or grouped bars too; ``stacked_bar`` needs stacking; a
    doughnut is a pie. ``line`` asks for an unfilled line: a filled one (an area) earns half,
    since the trend reads but the fill was not asked for. ``area`` needs the fill.
    """
    if wanted in detected or (wanted == "bar" and "stacked_bar" in detected):
        return None
    shown = ", ".join(detected) if detected else "no chart type could be detected"
    if wanted == "line" and "area" in detected:
        return 0.5, f"asked for a line chart, found a filled line (an area); detected: {shown}"
    if wanted == "stacked_bar" and "bar" in detected:
        return 1.0, f"asked for stacked bars, found bars that are not stacked; detected: {shown}"
    return 1.0, f"asked for a {wanted.replace('_', ' ')} chart; detected: {shown}"


def libraries_used(scripts: ScriptFacts) -> list[str]:
    """The chart libraries the code calls, by ``CHART_LIBRARIES`` name."""
    used = []
    if _calls_named(scripts.calls, "Chart"):
        used.append("Chart.js")
    if any(call.name.startswith("d3.") for call in scripts.calls):
        used.append("D3")
    if any(call.name.startswith("echarts.") for call in scripts.calls):
        used.append("ECharts")
    if any(call.name.startswith("Plotly.") for call in scripts.calls):
        used.append("Plotly")
    if any(call.name in ("vegaEmbed", "vega.embed") for call in scripts.calls):
        used.append("Vega-Lite")
    return used
