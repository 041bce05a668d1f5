"""The report's charts as Plotly figures built from plain dicts: one series per model.

A run's report draws one series, a comparison one per run; both go through the same
functions, so the two reports always draw a figure the same way. Figures are plain JSON
(``{"data": [...], "layout": {...}}``) that the page hands to ``Plotly.newPlot``; building
them needs neither ``plotly`` nor its import time.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bench_core import CRITERIA, Difficulty, Suite

Figure = dict[str, Any]
Series = Sequence[tuple[str, Mapping[str, Any]]]
"""``(label, summary)`` pairs; a summary has the shape of a JSON report's ``summary``."""

COLORS = ["#2563eb", "#db2777", "#059669", "#d97706", "#7c3aed", "#0891b2", "#65a30d", "#dc2626"]
LATENCY_POINTS = ("p50", "p90", "p95", "p99", "max")
_FONT = {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 12}


def plot_text(text: str) -> str:
    """``text`` as Plotly shows it literally: Plotly reads ``<br>``, ``<b>`` and ``<a>`` in
    labels, and labels here come from run files and user flags."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def shared(
    series: Series,
    usage: Sequence[tuple[str, Mapping[str, Any], Mapping[str, Any]]],
    latencies: Sequence[tuple[str, Mapping[str, Any]]],
) -> dict[str, Figure | None]:
    """The figures a run report and a comparison both draw, one series per model.

    Args:
        series: ``(label, summary)`` per model.
        usage: ``(label, overall score, usage)`` per model, for cost against score.
        latencies: ``(label, latency percentiles)`` per model.
    """
    return {
        "suite": score_by(series, "by_suite", SUITE_ORDER),
        "difficulty": score_by(series, "by_difficulty", DIFFICULTY_ORDER),
        "domain": score_by(series, "by_domain"),
        "criterion": score_by_criterion(series),
        "quality": quality_curve(series),
        "cost": cost_against_score(usage),
        "latency": latency(latencies),
        "errors": errors(series),
    }


def score_by(series: Series, key: str, order: Sequence[str] | None = None) -> Figure | None:
    """Bars of the score by one breakdown (``by_suite``, ``by_difficulty``, ``by_domain``)
    with their 95% intervals; None when no series has the breakdown."""
    names: list[str] = list(order or [])
    for _, summary in series:
        names += [name for name in summary.get(key, {}) if name not in names]
    names = [n for n in names if any(n in summary.get(key, {}) for _, summary in series)]
    if not names:
        return None
    traces = [
        _score_bars(label, index, names, [summary.get(key, {}).get(n) for n in names])
        for index, (label, summary) in enumerate(series)
    ]
    return _figure(traces, series, yaxis=_percent_axis())


def score_by_criterion(series: Series) -> Figure | None:
    """Each criterion's points as a share of its maximum, grouped by suite."""
    pairs: list[tuple[str, str]] = []
    for suite in Suite:
        for criterion in CRITERIA[suite]:
            if any(criterion in s.get("by_criterion", {}).get(suite.value, {}) for _, s in series):
                pairs.append((suite.value, criterion))
    if not pairs:
        return None
    traces = []
    for index, (label, summary) in enumerate(series):
        scores = [summary.get("by_criterion", {}).get(s, {}).get(c) for s, c in pairs]
        trace = _score_bars(label, index, [c for _, c in pairs], scores)
        # Two rows of labels: the suite under its criteria.
        trace["x"] = [[s for s, _ in pairs], [c.replace("_", " ") for _, c in pairs]]
        traces.append(trace)
    return _figure(
        traces,
        series,
        xaxis={"tickangle": 0},
        yaxis=_percent_axis("% of the criterion's points"),
    )


def quality_curve(series: Series) -> Figure | None:
    """The score at each prompt quality, with its interval: how much worse a vague prompt
    makes the model."""
    traces = []
    for index, (label, summary) in enumerate(series):
        by_quality = {int(level): s for level, s in summary.get("by_quality", {}).items()}
        points = {int(q): v for q, v in summary.get("quality_curve", {}).get("points", {}).items()}
        levels = sorted(points)
        trace = _score_bars(label, index, levels, [by_quality.get(q) for q in levels])
        trace.update(
            type="scatter",
            mode="lines+markers",
            y=[points[q] for q in levels],
            line={"color": _color(index), "width": 2},
            marker={"color": _color(index), "size": 7},
        )
        traces.append(trace)
    if not any(trace["x"] for trace in traces):
        return None
    return _figure(
        traces,
        series,
        xaxis={"title": {"text": "prompt quality (1 vague … 10 precise)"}, "dtick": 1},
        yaxis=_percent_axis(),
    )


def cost_against_score(
    points: Sequence[tuple[str, Mapping[str, Any], Mapping[str, Any]]],
) -> Figure | None:
    """One point per model: what it cost (tokens where a run has no reported cost) against
    its overall score.

    Args:
        points: ``(label, overall score, usage)`` of each run.
    """
    if not points:
        return None
    by_cost = all(usage.get("cost") is not None for _, _, usage in points)
    named = len(points) > 1  # one run's point needs no name: the page is about that run
    traces = []
    for index, (label, overall, usage) in enumerate(points):
        x = usage["cost"] if by_cost else _tokens(usage)
        trace = _score_bars(label, index, [x], [overall])
        trace.update(
            type="scatter",
            mode="markers+text" if named else "markers",
            textposition="top center",
            cliponaxis=False,  # a label above a point near 100% stays readable
            marker={"color": _color(index), "size": 14},
        )
        if named:
            trace["text"] = [plot_text(label)]
        traces.append(trace)
    axis_title = "cost (USD, as the provider reported)" if by_cost else "tokens (no cost reported)"
    widest = max((trace["x"][0] for trace in traces), default=0) or 1
    return _figure(
        traces,
        [(label, {}) for label, _, _ in points],
        # From zero, with room on the right for the last point's label.
        xaxis={"title": {"text": axis_title}, "range": [0, widest * 1.25], "zeroline": True},
        yaxis=_percent_axis(),
    )


def latency(series: Sequence[tuple[str, Mapping[str, Any]]]) -> Figure | None:
    """Latency percentiles per item, in seconds.

    Args:
        series: ``(label, latency_s)`` of each run, as in the JSON report.
    """
    if not any(values.get("p50") is not None for _, values in series):
        return None
    traces = [
        {
            "type": "bar",
            "name": plot_text(label),
            "x": list(LATENCY_POINTS),
            "y": [values.get(point) for point in LATENCY_POINTS],
            "marker": {"color": _color(index)},
            "hovertemplate": "%{x}: %{y:.3f} s",
        }
        for index, (label, values) in enumerate(series)
    ]
    return _figure(traces, series, yaxis={"title": {"text": "seconds per item"}})


def errors(series: Series) -> Figure | None:
    """Model and infra errors by kind; None when no run had any."""
    pairs: list[tuple[str, str]] = []
    for _, summary in series:
        for status, kinds in summary.get("errors", {}).items():
            pairs += [(status, kind) for kind in kinds if (status, kind) not in pairs]
    if not pairs:
        return None
    pairs.sort()
    traces = [
        {
            "type": "bar",
            "name": plot_text(label),
            "x": [
                [plot_text(status.replace("_", " ")) for status, _ in pairs],
                [plot_text(kind) for _, kind in pairs],
            ],
            "y": [summary.get("errors", {}).get(s, {}).get(k, 0) for s, k in pairs],
            "marker": {"color": _color(index)},
            "hovertemplate": "%{x}: %{y} items",
        }
        for index, (label, summary) in enumerate(series)
    ]
    return _figure(traces, series, yaxis={"title": {"text": "items"}, "rangemode": "tozero"})


def differences(pairs: Sequence[Mapping[str, Any]], labels: Sequence[str]) -> Figure | None:
    """Each pair's paired difference (a − b, points) with its interval: a bar that crosses
    zero is a tie."""
    shown = [p for p in pairs if p.get("difference") is not None]
    if not shown:
        return None
    rows = [f"{p['a']} − {p['b']} · {p['scope']}" for p in shown]
    trace = {
        "type": "scatter",
        "mode": "markers",
        "name": "a − b",
        "x": [p["difference"] for p in shown],
        "y": [plot_text(row) for row in rows],
        "error_x": _error_bars([p["difference"] for p in shown], shown),
        "marker": {
            "size": 9,
            "color": [
                _color(_index(labels, p)) if p.get("verdict") != "tied" else "#6b7280"
                for p in shown
            ],
        },
        "hovertemplate": "%{y}: %{x:+.1f} points<extra></extra>",
    }
    figure = _figure([trace], [("", {})], yaxis={"autorange": "reversed", "automargin": True})
    figure["layout"].update(
        height=max(260, 60 + 22 * len(shown)),
        xaxis={
            "title": {"text": "difference in points (a − b)"},
            "rangemode": "tozero",  # zero, where a tie lies, is always in view
            "zeroline": True,
            "zerolinewidth": 2,
            "zerolinecolor": "#111827",
        },
    )
    return figure


def _index(labels: Sequence[str], pair: Mapping[str, Any]) -> int:
    winner = pair["a"] if pair.get("verdict") == "a" else pair["b"]
    return labels.index(winner) if winner in labels else 0


def _tokens(usage: Mapping[str, Any]) -> int:
    return int(usage.get("prompt_tokens", 0)) + int(usage.get("completion_tokens", 0))


def _score_bars(
    label: str, index: int, x: Sequence[Any], scores: Sequence[Mapping[str, Any] | None]
) -> dict[str, Any]:
    values = [None if s is None else s.get("value") for s in scores]
    return {
        "type": "bar",
        "name": plot_text(label),
        "x": [plot_text(v) if isinstance(v, str) else v for v in x],
        "y": values,
        "error_y": _error_bars(values, scores),
        "customdata": [
            [s.get("low"), s.get("high"), s.get("items"), s.get("tasks")] if s else [None] * 4
            for s in scores
        ],
        "hovertemplate": (
            "%{y:.1f}% (95% interval %{customdata[0]:.1f}–%{customdata[1]:.1f}; "
            "%{customdata[2]} items, %{customdata[3]} tasks)"
        ),
        "marker": {"color": _color(index)},
    }


def _error_bars(
    values: Sequence[float | None], scores: Sequence[Mapping[str, Any] | None]
) -> dict[str, Any]:
    above, below = [], []
    for value, s in zip(values, scores, strict=True):
        low = None if s is None else s.get("low")
        high = None if s is None else s.get("high")
        ok = value is not None and low is not None and high is not None
        above.append(high - value if ok else 0.0)  # type: ignore[operator]
        below.append(value - low if ok else 0.0)  # type: ignore[operator]
    return {
        "type": "data",
        "symmetric": False,
        "array": above,
        "arrayminus": below,
        "visible": True,
        "thickness": 1.5,
        "width": 4,
        "color": "#374151",
    }


def _percent_axis(title: str = "score (%)") -> dict[str, Any]:
    return {"title": {"text": title}, "range": [0, 105], "ticksuffix": "%"}


def _figure(traces: list[dict[str, Any]], series: Sequence[Any], **axes: Any) -> Figure:
    legend = len(series) > 1
    layout: dict[str, Any] = {
        "font": _FONT,
        "margin": {"l": 60, "r": 16, "t": 36 if legend else 16, "b": 48},
        "height": 340 if legend else 320,
        "barmode": "group",
        "showlegend": legend,
        "legend": {"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"},
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
        "hoverlabel": {"namelength": -1},
    }
    for name, axis in axes.items():
        layout[name] = {"gridcolor": "#e5e7eb", "automargin": True, **axis}
    return {"data": traces, "layout": layout}


def _color(index: int) -> str:
    return COLORS[index % len(COLORS)]


DIFFICULTY_ORDER = [d.value for d in Difficulty]
SUITE_ORDER = [s.value for s in Suite]
