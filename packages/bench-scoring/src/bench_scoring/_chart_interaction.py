"""Evidence in the code that the asked-for interactions exist.

Library defaults count where they are real: Chart.js shows tooltips, highlights on hover and
toggles series from its legend unless told not to; Plotly shows hover labels, toggles from
its legend and zooms by dragging; ECharts highlights on hover but needs a ``tooltip``, a
``legend`` and a ``dataZoom`` component. Vega-Lite needs a ``tooltip`` channel and ``params``.
D3 and plain SVG need handlers (``mouseover``, ``pointermove``, ``click``…) and, for a
tooltip, an element to show (or a native ``<title>`` inside the marks). Whether the
interaction really works is for the browser check; this one reads the code.
"""

from __future__ import annotations

from collections.abc import Callable

from ._chart_css import StyleFacts
from ._chart_document import ChartDocument
from ._chart_script import JsArray, JsObject, ScriptFacts

INTERACTIONS = ("tooltip", "hover", "legend_toggle", "click", "zoom")
"""The interactions a spec may ask for."""

_HOVER_EVENTS = frozenset(
    {"mouseover", "mouseenter", "mousemove", "pointermove", "pointerover", "pointerenter",
     "plotly_hover", "mouseout", "mouseleave"}
)  # fmt: skip
_CLICK_EVENTS = frozenset(
    {"click", "dblclick", "pointerdown", "pointerup", "mousedown", "mouseup", "plotly_click",
     "touchstart", "legendselectchanged"}
)  # fmt: skip


def check_interactions(kinds: tuple[str, ...]) -> None:
    """Raise ValueError naming any interaction that is not in ``INTERACTIONS``."""
    unknown = [kind for kind in kinds if kind not in INTERACTIONS]
    if unknown:
        raise ValueError(
            f"unknown interaction {', '.join(map(repr, unknown))}: use any of "
            f"{', '.join(INTERACTIONS)}"
        )


class _Evidence:
    """What the document offers for interaction, read once."""

    def __init__(self, doc: ChartDocument, css: StyleFacts, libraries: list[str]) -> None:
        scripts = doc.scripts
        self.scripts = scripts
        self.libraries = libraries
        events = {event for event, _ in doc.handlers}
        for call in scripts.calls:
            if call.method in ("on", "addEventListener", "once") and call.args:
                name = call.args[0]
                if isinstance(name, str):
                    events.update(part.split(".", 1)[0] for part in name.split())
        events.update(key[2:].lower() for key, _ in scripts.pairs if key.lower().startswith("on"))
        self.events = events
        self.hover_css = any(":hover" in selector for selector in css.selectors)
        marks = ("tooltip", "tip")
        self.tooltip_element = any(m in c for c in doc.classes for m in marks) or any(
            "tooltip" in s.lower() for s in scripts.strings if len(s) < 200
        )
        self.native_titles = doc.titled_marks > 0 or any(
            call.method in ("append", "join") and call.args[:1] == ("title",)
            for call in scripts.calls
        )
        self.legend = any("legend" in c for c in doc.classes) or any(
            "legend" in s.lower() for s in scripts.strings if len(s) < 200
        )

    def hovers(self) -> bool:
        return bool(self.events & _HOVER_EVENTS)

    def clicks(self) -> bool:
        return bool(self.events & _CLICK_EVENTS)

    def has(self, key: str) -> bool:
        return any(True for _ in self.scripts.values_of(key))

    def switched_off(self, key: str, flag: str = "enabled") -> bool:
        """Whether an object under ``key`` says ``flag: false`` (or ``show: false``)."""
        for value in self.scripts.values_of(key):
            if value is False:
                return True
            if isinstance(value, JsObject) and (
                value.get(flag) is False or value.get("show") is False
            ):
                return True
        return False


def interaction_subject(kind: str) -> str:
    """The subject of a deduction for an interaction without evidence."""
    return f"interaction:{kind}"


def missing_interactions(
    kinds: tuple[str, ...], doc: ChartDocument, css: StyleFacts, libraries: list[str]
) -> list[tuple[str, str]]:
    """The subject and a line for each asked interaction with no evidence in the code."""
    evidence = _Evidence(doc, css, libraries)
    return [
        (interaction_subject(kind), f"{kind.replace('_', ' ')}: {_WHY[kind]}")
        for kind in kinds
        if not _CHECKS[kind](evidence)
    ]


def _tooltip(e: _Evidence) -> bool:
    if "Chart.js" in e.libraries and not (e.switched_off("tooltip") or e.switched_off("tooltips")):
        return True
    if "ECharts" in e.libraries and e.has("tooltip") and not e.switched_off("tooltip", "show"):
        return True
    if "Plotly" in e.libraries and not _plotly_hover_off(e.scripts):
        return True
    if "Vega-Lite" in e.libraries and e.has("tooltip"):
        return True
    return (
        e.native_titles or (e.hovers() and e.tooltip_element) or (e.hover_css and e.tooltip_element)
    )


def _plotly_hover_off(scripts: ScriptFacts) -> bool:
    if any(value is False for value in scripts.values_of("hovermode")):
        return True
    infos = list(scripts.values_of("hoverinfo"))
    return bool(infos) and all(value in ("none", "skip") for value in infos)


def _hover(e: _Evidence) -> bool:
    if "Chart.js" in e.libraries and not any(
        isinstance(v, JsArray) and not v.items for v in e.scripts.values_of("events")
    ):
        return True
    if "ECharts" in e.libraries and not any(v is True for v in e.scripts.values_of("silent")):
        return True
    if "Plotly" in e.libraries and not _plotly_hover_off(e.scripts):
        return True
    if "Vega-Lite" in e.libraries and any(
        isinstance(v, str) and ("mouseover" in v or "pointerover" in v)
        for v in e.scripts.values_of("on")
    ):
        return True
    return e.hovers() or e.hover_css


def _legend_toggle(e: _Evidence) -> bool:
    if "Chart.js" in e.libraries and not e.switched_off("legend", "display"):
        return not any(v is None for v in _legend_clicks(e.scripts))
    if "ECharts" in e.libraries and e.has("legend"):
        return not any(v is False for v in e.scripts.values_of("selectedMode"))
    if "Plotly" in e.libraries and not any(v is False for v in e.scripts.values_of("showlegend")):
        return True
    if "Vega-Lite" in e.libraries and any(v == "legend" for v in e.scripts.values_of("bind")):
        return True
    return e.clicks() and e.legend


def _legend_clicks(scripts: ScriptFacts) -> list[object]:
    return [
        value.get("onClick")
        for value in scripts.values_of("legend")
        if isinstance(value, JsObject) and "onClick" in value.entries
    ]


def _click(e: _Evidence) -> bool:
    if e.clicks() or e.has("onClick"):
        return True
    if "Vega-Lite" in e.libraries:
        return any(v == "point" for v in e.scripts.values_of("select", "type")) and e.has("params")
    return False


def _zoom(e: _Evidence) -> bool:
    scripts = e.scripts
    if "Chart.js" in e.libraries and any(
        isinstance(v, JsObject) and {"wheel", "pinch", "drag", "zoom", "pan"} & v.entries.keys()
        for v in scripts.values_of("zoom")
    ):
        return True
    if "ECharts" in e.libraries and (
        e.has("dataZoom") or any(v is True for v in scripts.values_of("roam"))
    ):
        return True
    if (
        "Plotly" in e.libraries
        and not any(v is True for v in scripts.values_of("staticPlot", "fixedrange"))
        and not any(v is False for v in scripts.values_of("dragmode"))
    ):
        return True
    if "Vega-Lite" in e.libraries and any(v == "scales" for v in scripts.values_of("bind")):
        return True
    return any(
        call.name in ("d3.zoom", "d3.brush", "d3.brushX", "d3.brushY") for call in scripts.calls
    ) or ("wheel" in e.events)


_CHECKS: dict[str, Callable[[_Evidence], bool]] = {
    "tooltip": _tooltip,
    "hover": _hover,
    "legend_toggle": _legend_toggle,
    "click": _click,
    "zoom": _zoom,
}
_WHY = {
    "tooltip": "asked for, but there is no tooltip: no library tooltip, no hover handler that "
    "shows a tooltip element, no <title> inside the marks",
    "hover": "asked for, but nothing reacts to hovering: no library hover, no mouseover or "
    "pointer handler, no :hover style",
    "legend_toggle": "asked for, but no legend toggles its series: no library legend, no "
    "click handler on a legend",
    "click": "asked for, but nothing handles a click: no click handler or onClick option",
    "zoom": "asked for, but nothing zooms: no dataZoom, zoom plugin, d3.zoom or wheel handler, "
    "and no library that zooms by default",
}
