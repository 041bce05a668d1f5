"""The chart score with the browser's evidence: the static checks, then what rendering showed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bench_core import CHART_CRITERIA, ChartSpec

from .._chart_css import read_css
from .._chart_data import (
    _SHOWN,
    ShownNumbers,
    _read_number,
    label_subject,
    normalise_label,
    shows_label,
    value_subject,
)
from .._chart_document import decode_answer, extract_chart, parse_document
from .._chart_interaction import interaction_subject
from .._chart_rules import rule_subject, rules_in_force
from .._chart_score import (
    _SHOWN_PER_RULE,
    SCRIPT_ERROR_POINTS,
    STATIC_NOTE,
    ChartScore,
    _chart_type_match,
    _read_spec,
    _result,
    score_chart,
)
from .._chart_types import detect_types
from .._tool_score import Deduction
from ._chart_browser import ChartBrowser, Rendering
from ._interactions import EXERCISED
from ._rendered_styles import RenderedStyles, rule_findings, tokens_found

TIMEOUT_POINTS = 10.0  # a chart still busy at the time limit, or whose renderer crashed
_MAX_ERRORS_CHARGED = 2
_RESOURCE_ERROR = "Failed to load resource"
_LIBRARY_TYPES = {
    "bar": "bar",
    "horizontalBar": "bar",
    "line": "line",
    "area": "area",
    "pie": "pie",
    "doughnut": "pie",
    "polarArea": "pie",
    "scatter": "scatter",
    "bubble": "scatter",
    "effectScatter": "scatter",
    "heatmap": "heatmap",
}


async def score_chart_rendered(
    answer_or_html: str | bytes,
    spec: ChartSpec | Mapping[str, Any],
    browser: ChartBrowser,
    *,
    screenshot: str | None = None,
) -> ChartScore:
    """Score a chart as ``score_chart`` does, then with what it became in ``browser``.

    Script errors on load cost code validity; data found in the rendered text or in a chart
    library's instance counts as shown; the chart type is also read from the rendered SVG
    and the library instance; a design token the rendered chart uses (computed styles, or
    the library instance's colors, fonts and radii) counts even where only a script set it,
    and a rendered shadow or gradient breaks its rule; tooltips, hover, legend toggles and
    zoom are tried with the mouse, and their result replaces the static reading of the
    code. A note records the browser used and what it read; when rendering fails, the static
    score is returned with a note saying why.

    Raises:
        ValueError: As ``score_chart``, for a spec that names unknown parts.
    """
    chart_spec = _read_spec(spec)
    static = score_chart(answer_or_html, chart_spec)
    text, _ = decode_answer(answer_or_html)
    document = extract_chart(text)
    if document is None or not document.strip() or static.total == 0:
        return static
    try:
        rendering = await browser.render(
            document,
            screenshot=screenshot,
            interactions=tuple(k for k in chart_spec.interactivity if k in EXERCISED),
        )
    except Exception as error:  # the browser is evidence, never a reason to fail scoring
        note = f"browser check failed ({type(error).__name__}: {error}): static score only"
        return _with_notes(static, [note])
    return _combine(static, chart_spec, rendering, browser.version)


def _with_notes(score: ChartScore, notes: list[str]) -> ChartScore:
    return _result(score.deductions, score.detected_types, [*score.notes, *notes])


def _combine(static: ChartScore, spec: ChartSpec, rendering: Rendering, version: str) -> ChartScore:
    kept = [d for d in static.deductions if d.criterion not in ("chart_type_match",)]
    kept = _data_presence(kept, spec, rendering)
    kept = _interactivity(kept, spec, rendering)
    kept += _code_validity(rendering)
    if rendering.styles is not None:
        kept = _design_tokens(kept, spec, rendering.styles)
        kept += _design_rules(kept, spec, rendering.styles)
    detected = _detected(static.detected_types, rendering)
    notes = [n for n in static.notes if n != STATIC_NOTE]
    type_notes: list[str] = []
    kept += _chart_type_match(spec.chart_type, detected, type_notes)
    tried = ", ".join(f"{c.kind} {'passed' if c.passed else 'failed'}" for c in rendering.checks)
    styled = (
        f", computed styles of {rendering.styles.elements} elements read for design tokens "
        "and rules"
        if rendering.styles is not None
        else ", computed styles not read"
    )
    notes.append(
        f"rendered in Chromium {version} in {rendering.elapsed_s:.2f} s: script errors, "
        f"rendered data and chart type checked{styled}{f'; {tried}' if tried else ''}"
    )
    notes += [f"blocked request: {url[:120]}" for url in rendering.blocked[:5]]
    notes += [e[:200] for e in rendering.errors if e.startswith(_RESOURCE_ERROR)][:3]
    return _result(kept, detected, [*notes, *type_notes])


def _code_validity(rendering: Rendering) -> list[Deduction]:
    found = []
    errors = [e for e in rendering.errors if not e.startswith(_RESOURCE_ERROR)]
    if rendering.timed_out or rendering.crashed:
        what = "ran past the time limit" if rendering.timed_out else "crashed the renderer"
        found.append(_lose(TIMEOUT_POINTS, f"the chart {what} in the browser"))
        errors = [e for e in errors if not e.startswith(("the chart took", "the browser failed"))]
    for error in errors[:_MAX_ERRORS_CHARGED]:
        found.append(_lose(SCRIPT_ERROR_POINTS, f"script error on load in the browser: {error}"))
    return found


def _lose(points: float, message: str) -> Deduction:
    return Deduction(criterion="code_validity", points=points, message=message)


def _data_presence(
    deductions: list[Deduction], spec: ChartSpec, rendering: Rendering
) -> list[Deduction]:
    lost = [d for d in deductions if d.criterion == "data_presence"]
    if not lost:
        return deductions
    instances = rendering.libraries
    words = [rendering.text, *(s for i in instances for s in (*i.labels, *i.series))]
    haystack = " ".join(normalise_label(word) for word in words)
    numbers = _numbers(rendering)
    found = {label_subject(label) for label in spec.labels if shows_label(haystack, label)}
    found |= {
        value_subject(value)
        for value in spec.values
        if numbers.shows(value, spec.decimals, spec.compact)
    }
    return [d for d in deductions if not (d.criterion == "data_presence" and d.subject in found)]


def _design_tokens(
    deductions: list[Deduction], spec: ChartSpec, styles: RenderedStyles
) -> list[Deduction]:
    found = set(tokens_found(spec.tokens, styles))
    return [d for d in deductions if not (d.criterion == "design_tokens" and d.subject in found)]


def _design_rules(
    deductions: list[Deduction], spec: ChartSpec, styles: RenderedStyles
) -> list[Deduction]:
    """A rendered shadow or gradient costs its rule's share, unless the code already did."""
    in_force = rules_in_force(spec.rules)
    added = []
    for rule, findings in rule_findings(styles).items():
        lost = any(d.subject == rule_subject(rule) for d in deductions)
        if not findings or lost:
            continue
        shown = findings[:_SHOWN_PER_RULE]
        if len(findings) > len(shown):
            shown[-1] += f" (and {len(findings) - len(shown)} more)"
        points = CHART_CRITERIA["design_rules"] / (len(in_force) * len(shown))
        added += [
            Deduction(
                criterion="design_rules",
                points=points,
                message=f"{rule}: {f} (rendered)",
                subject=rule_subject(rule),
            )
            for f in shown
        ]
    return added


def _numbers(rendering: Rendering) -> ShownNumbers:
    numbers = ShownNumbers()
    text = rendering.text
    for found in _SHOWN.finditer(text):
        end = found.end()
        if end < len(text) and text[end].isalnum() and not found.group(6):
            continue
        _read_number(found, numbers)
    for instance in rendering.libraries:
        for value in instance.values:
            written = repr(float(value))
            decimals = len(written.split(".", 1)[1].rstrip("0")) if "." in written else 0
            numbers.add(value, decimals)
    numbers.freeze()
    return numbers


def _interactivity(
    deductions: list[Deduction], spec: ChartSpec, rendering: Rendering
) -> list[Deduction]:
    checked = {check.kind: check for check in rendering.checks}
    if not checked:
        return deductions
    share = CHART_CRITERIA["interactivity"] / len(spec.interactivity)
    taken = {interaction_subject(kind) for kind in checked}
    kept = [d for d in deductions if d.subject not in taken]
    kept += [
        Deduction(
            criterion="interactivity",
            points=share,
            message=f"{check.kind.replace('_', ' ')}: tried in the browser, {check.detail}",
            subject=interaction_subject(check.kind),
        )
        for check in checked.values()
        if not check.passed
    ]
    return kept


def _detected(static: list[str], rendering: Rendering) -> list[str]:
    detected = list(static)
    if rendering.svg:
        svg_doc = parse_document(f"<!DOCTYPE html><html><body>{rendering.svg}</body></html>")
        detected += detect_types(svg_doc, read_css(svg_doc))
    for instance in rendering.libraries:
        detected += [_LIBRARY_TYPES[t] for t in instance.types if t in _LIBRARY_TYPES]
    return list(dict.fromkeys(detected))
