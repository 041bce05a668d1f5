"""The static chart scorer: six criteria, 100 points, a reason for every point lost."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import msgspec

from bench_core import CHART_CRITERIA, ChartSpec, DesignTokens

from ._chart_css import StyleFacts, read_css
from ._chart_data import missing_data
from ._chart_document import (
    MAX_ANSWER_SIZE,
    ChartDocument,
    decode_answer,
    extract_chart,
    parse_document,
    svg_xml_problem,
)
from ._chart_interaction import check_interactions, missing_interactions
from ._chart_rules import check_rules, rule_subject, rules_in_force, violations
from ._chart_tokens import check_tokens, missing_tokens, token_count
from ._chart_types import detect_types, libraries_used, requested_types, type_shortfall
from ._libraries import library_for_url
from ._tool_score import Deduction

STATIC_NOTE = "static check only: script errors and hover are checked in a browser"
PARSE_ERROR_POINTS = 2.0  # each html5lib parse error; at most five are charged
SVG_ERROR_POINTS = 10.0  # each inline <svg> that is not well-formed XML
SCRIPT_ERROR_POINTS = 10.0  # each script whose brackets do not balance: it cannot run
MISSING_LIBRARY_POINTS = 10.0  # a library the code calls but never loads
STOPPED_POINTS = 10.0  # a document too large or too deep to parse whole
_SHOWN_PER_RULE = 3
# What a script URL must contain to load each library, in any version or CDN form.
_LOADED_BY = {
    "Chart.js": (("chart.js", "chart.umd", "chart.min.js"),),
    "D3": (("/d3@", "/d3/", "d3.v", "d3.min.js", "/d3"),),
    "ECharts": (("echarts",),),
    "Plotly": (("plotly",),),
    "Vega-Lite": (("vega@", "/vega/", "vega.min.js", "/vega"), ("vega-lite",), ("vega-embed",)),
}


class ChartScore(msgspec.Struct, frozen=True, kw_only=True):
    """The score of a chart.

    Attributes:
        total: 0..100, the sum of the criteria.
        criteria: Points per criterion (``data_presence`` 30, ``code_validity`` 20,
            ``design_tokens`` 20, ``chart_type_match`` 10, ``design_rules`` 10,
            ``interactivity`` 10).
        reasons: One readable line per loss, naming the criterion and the points.
        deductions: The same losses as records; their points add up to ``100 - total``.
        detected_type: The main chart's type, or None when none was detected.
        detected_types: Every type detected, in document order (a dashboard has several).
        notes: What was not, or could not be, checked, one line each.
    """

    total: float
    criteria: dict[str, float]
    reasons: list[str]
    deductions: list[Deduction]
    detected_type: str | None
    detected_types: list[str]
    notes: list[str]


def score_chart(answer_or_html: str | bytes, spec: ChartSpec | Mapping[str, Any]) -> ChartScore:
    """Score a chart document, or a model's answer that contains one, against its spec.

    Args:
        answer_or_html: The model's answer or the document itself, as text or bytes (bytes
            are decoded by their BOM or meta charset, else as UTF-8).
        spec: A ``ChartSpec``, or a dict of its fields (``tokens`` as a nested dict). Every
            part is optional; a criterion with nothing asked gets full marks and a note.

    Raises:
        ValueError: The spec names an unknown chart type, rule, interaction or field, or a
            token that is not a color or a length.
    """
    chart_spec = _read_spec(spec)
    if len(answer_or_html) > MAX_ANSWER_SIZE:
        unit = "bytes" if isinstance(answer_or_html, bytes) else "characters"
        return _zero(
            f"the answer has {len(answer_or_html):,} {unit}, over the {MAX_ANSWER_SIZE:,} "
            "limit: not scored",
            [],
        )
    text, notes = decode_answer(answer_or_html)
    document = extract_chart(text)
    if document is None:
        return _zero(
            "no chart document in the answer: expected a ```html block, or an <html> or <svg> "
            "document",
            notes,
        )
    if not document.strip():
        return _zero("the chart document is empty", notes)
    doc = parse_document(document)
    css = read_css(doc)
    libraries = libraries_used(doc.scripts)
    if not (doc.svgs or doc.canvases or libraries or _draws_at_runtime(doc)):
        # A table or prose is not a chart: crediting its data or colours would score an
        # answer that never drew anything above one that drew a flawed chart.
        return _zero(
            "no <svg> or <canvas> chart, and no chart library that draws one: nothing was drawn",
            notes,
        )
    detected = detect_types(doc, css)
    deductions = _data_presence(chart_spec, doc, notes)
    deductions += _code_validity(doc, libraries, notes)
    deductions += _design_tokens(chart_spec.tokens, doc, css, notes)
    deductions += _chart_type_match(chart_spec.chart_type, detected, notes)
    deductions += _design_rules(chart_spec.rules, doc, css, libraries)
    deductions += _interactivity(chart_spec.interactivity, doc, css, libraries, notes)
    notes += [*doc.notes, *css.notes, STATIC_NOTE]
    return _result(deductions, detected, notes)


def _read_spec(spec: ChartSpec | Mapping[str, Any]) -> ChartSpec:
    if isinstance(spec, Mapping):
        _check_keys("chart spec", spec, ChartSpec.__struct_fields__)
        tokens = spec.get("tokens")
        if isinstance(tokens, Mapping):
            _check_keys("tokens", tokens, DesignTokens.__struct_fields__)
        try:
            spec = msgspec.convert(dict(spec), ChartSpec)
        except msgspec.ValidationError as error:
            raise ValueError(f"chart spec: {error}") from None
    elif not isinstance(spec, ChartSpec):
        raise TypeError(f"spec must be a ChartSpec or a dict, not {type(spec).__name__}")
    if spec.chart_type is not None:
        requested_types(spec.chart_type)
    check_rules(spec.rules)
    check_interactions(spec.interactivity)
    check_tokens(spec.tokens)
    return spec


def _check_keys(what: str, given: Mapping[str, Any], allowed: tuple[str, ...]) -> None:
    unknown = sorted(str(key) for key in given if key not in allowed)
    if unknown:
        raise ValueError(f"{what}: unknown key {', '.join(unknown)}; allowed: {', '.join(allowed)}")


def _share(
    criterion: str, problems: list[tuple[str, str]], of: int, part: float = 1.0
) -> list[Deduction]:
    """An equal share of ``criterion`` lost on each ``(subject, message)``."""
    points = CHART_CRITERIA[criterion] * part / of
    return [
        Deduction(criterion=criterion, points=points, message=message, subject=subject)
        for subject, message in problems
    ]


def _data_presence(spec: ChartSpec, doc: ChartDocument, notes: list[str]) -> list[Deduction]:
    asked = len(spec.labels) + len(spec.values)
    if not asked:
        notes.append("no labels or values requested: data presence not checked")
        return []
    return _share("data_presence", missing_data(spec, doc), asked)


def _code_validity(doc: ChartDocument, libraries: list[str], notes: list[str]) -> list[Deduction]:
    if not (doc.svgs or doc.canvases or libraries or _draws_at_runtime(doc)):
        message = "no <svg> or <canvas> chart, and no chart library that draws one"
        return [_lose(CHART_CRITERIA["code_validity"], message)]
    found: list[Deduction] = []
    if doc.stopped:
        found.append(_lose(STOPPED_POINTS, f"parsing stopped before the end: {doc.stopped}"))
    charged = doc.parse_errors[:5]
    more = doc.parse_error_count - len(charged)
    for number, error in enumerate(charged, start=1):
        suffix = f" (and {more} more parse errors)" if number == len(charged) and more > 0 else ""
        found.append(_lose(PARSE_ERROR_POINTS, f"HTML parse error at {error}{suffix}"))
    for line, source in doc.svg_sources[:2]:
        problem = svg_xml_problem(source, line)
        if problem is not None:
            message = f"the <svg> at line {line} is not well-formed XML: {problem}"
            found.append(_lose(SVG_ERROR_POINTS, message))
    for problem in doc.scripts.problems[:2]:
        found.append(_lose(SCRIPT_ERROR_POINTS, f"{problem}: cut off or not valid JavaScript"))
    found += _unloaded_libraries(doc, libraries)
    notes += [
        f"{url[:120]} is not one of the pinned chart libraries: the browser check blocks it"
        for url in doc.script_sources
        if library_for_url(url) is None
    ]
    return found


def _lose(points: float, message: str) -> Deduction:
    return Deduction(criterion="code_validity", points=points, message=message)


def _unloaded_libraries(doc: ChartDocument, libraries: list[str]) -> list[Deduction]:
    """A library the code calls but no ``<script src>`` or ``import`` loads, in any form."""
    urls = [url.lower() for url in doc.script_sources]
    urls += [
        s.lower() for s in doc.scripts.strings if s.startswith(("http", "//")) and len(s) < 300
    ]
    return [
        _lose(MISSING_LIBRARY_POINTS, f"the code calls {library} but the page never loads it")
        for library in libraries
        if not all(
            any(hint in url for url in urls for hint in hints) for hints in _LOADED_BY[library]
        )
    ]


def _draws_at_runtime(doc: ChartDocument) -> bool:
    """Whether a script makes an ``<svg>`` or ``<canvas>`` itself."""
    for call in doc.scripts.calls:
        names = [a.lower() for a in call.args[:2] if isinstance(a, str)]
        if call.method in ("createElementNS", "createElement", "append", "insert") and any(
            name in ("svg", "canvas") for name in names
        ):
            return True
    return any("<svg" in s or "<canvas" in s for s in doc.scripts.strings)


def _design_tokens(
    tokens: DesignTokens, doc: ChartDocument, css: StyleFacts, notes: list[str]
) -> list[Deduction]:
    asked = token_count(tokens)
    if not asked:
        notes.append("no design tokens requested")
        return []
    return _share("design_tokens", missing_tokens(tokens, doc, css), asked)


def _chart_type_match(
    chart_type: str | None, detected: list[str], notes: list[str]
) -> list[Deduction]:
    if chart_type is None:
        notes.append("no chart type requested")
        return []
    wanted = requested_types(chart_type)
    found = []
    for kind in wanted:
        shortfall = type_shortfall(kind, detected)
        if shortfall is not None:
            found += _share("chart_type_match", [("", shortfall[1])], len(wanted), shortfall[0])
    return found


def _design_rules(
    rules: tuple[str, ...], doc: ChartDocument, css: StyleFacts, libraries: list[str]
) -> list[Deduction]:
    in_force = rules_in_force(rules)
    found = []
    for rule in in_force:
        findings = violations(rule, doc, css, libraries)
        if not findings:
            continue
        shown = findings[:_SHOWN_PER_RULE]
        if len(findings) > len(shown):
            shown[-1] += f" (and {len(findings) - len(shown)} more)"
        problems = [(rule_subject(rule), f"{rule}: {finding}") for finding in shown]
        found += _share("design_rules", problems, len(in_force) * len(shown))
    return found


def _interactivity(
    kinds: tuple[str, ...],
    doc: ChartDocument,
    css: StyleFacts,
    libraries: list[str],
    notes: list[str],
) -> list[Deduction]:
    if not kinds:
        notes.append("no interactivity requested")
        return []
    return _share("interactivity", missing_interactions(kinds, doc, css, libraries), len(kinds))


def _zero(message: str, notes: list[str]) -> ChartScore:
    deductions = [
        Deduction(criterion=criterion, points=points, message=message)
        for criterion, points in CHART_CRITERIA.items()
    ]
    return _result(deductions, [], notes)


def _result(deductions: list[Deduction], detected: list[str], notes: list[str]) -> ChartScore:
    lost: dict[str, float] = dict.fromkeys(CHART_CRITERIA, 0.0)
    for deduction in deductions:
        lost[deduction.criterion] += deduction.points
    # Losses past a criterion's points are scaled down so that they add up to exactly it.
    scale = {
        name: min(1.0, CHART_CRITERIA[name] / lost[name]) if lost[name] else 1.0 for name in lost
    }
    rounded = [
        msgspec.structs.replace(d, points=round(d.points * scale[d.criterion], 4))
        for d in deductions
    ]
    criteria = {
        name: round(max(0.0, most - lost[name] * scale[name]), 4)
        for name, most in CHART_CRITERIA.items()
    }
    return ChartScore(
        total=round(sum(criteria.values()), 4),
        criteria=criteria,
        reasons=[str(d) for d in rounded],
        deductions=rounded,
        detected_type=detected[0] if detected else None,
        detected_types=detected,
        notes=list(dict.fromkeys(notes)),
    )
