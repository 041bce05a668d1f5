"""The HTML report of a comparison: the run report's figures with one series per model, and
the paired differences that say which model is better, or that they are tied."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

from . import _figures as figures
from ._page import render_page
from ._sections import (
    cost_text,
    figure_card,
    interval_text,
    navigation,
    score_text,
    section,
    table,
    tokens_text,
)


def render_compare_html(comparison: Mapping[str, Any]) -> str:
    """The self-contained HTML report of ``bench-run compare``.

    Args:
        comparison: The comparison as ``bench-run compare --json`` writes it: ``runs``,
            ``shared``, ``excluded``, ``differences``, ``summaries``, ``pairs``, ``usage`` and
            ``latency_s``, each keyed by run label in the order of ``runs``.
    """
    labels = [run["label"] for run in comparison["runs"]]
    summaries = comparison["summaries"]
    series = [(label, summaries[label]) for label in labels if label in summaries]
    usage = comparison.get("usage", {})
    latency = comparison.get("latency_s", {})
    figure_set = figures.shared(
        series,
        [(label, s["overall"], usage[label]) for label, s in series if label in usage],
        [(label, latency[label]) for label in labels if label in latency],
    )
    figure_set["differences"] = figures.differences(comparison.get("pairs", []), labels)
    data = {"kind": "compare", "figures": figure_set, "labels": labels}
    title = "Bencher comparison — " + " vs ".join(labels)
    return render_page(title=title, body=_body(comparison, labels, figure_set), data=data)


def _body(comparison: Mapping[str, Any], labels: list[str], figure_set: Mapping[str, Any]) -> str:
    summaries = comparison["summaries"]
    usage = comparison.get("usage", {})
    latency = comparison.get("latency_s", {})
    shared = comparison.get("shared", {})
    chips = "".join(
        f'<div class="chip"><span>{escape(label)}</span> '
        f"<b>{escape(score_text(summaries.get(label, {}).get('overall')))}</b> "
        f"<small>{escape(interval_text(summaries.get(label, {}).get('overall')))}</small></div>"
        for label in labels
    )
    headline = (
        '<section id="score" class="headline">'
        f'<div class="counts">Over the {shared.get("items", 0)} items '
        f"({shared.get('tasks', 0)} tasks) every run shares; intervals from "
        f"{comparison.get('resamples', 0)} bootstrap resamples of tasks, seed "
        f"{comparison.get('seed', 0)}.</div>"
        f'<div class="chips">{chips}</div></section>'
    )
    runs = table(
        [
            "Label",
            "Model",
            "Run",
            "Started",
            "Endpoint",
            "Items",
            "Shared",
            "Score",
            "Task success",
            "Cost",
            "Tokens",
            "Latency p50",
        ],
        (
            [
                run["label"],
                run.get("model", ""),
                run.get("run_id", ""),
                run.get("created_at", ""),
                run.get("endpoint", ""),
                str(run.get("items", "")),
                str(run.get("shared_items", "")),
                _score_cell(summaries.get(run["label"], {}).get("overall")),
                _score_cell((summaries.get(run["label"], {}).get("success") or {}).get("overall")),
                cost_text(usage.get(run["label"], {})),
                tokens_text(usage.get(run["label"], {})),
                _seconds(latency.get(run["label"], {}).get("p50")),
            ]
            for run in comparison["runs"]
        ),
        numeric=[5, 6],
        identifiers=[1, 2, 4],
    )
    notes = [
        *(escape(text) for text in comparison.get("differences", [])),
        *(
            f"{escape(e['label'])}: {e['items']} items left out — {escape(e['reason'])}"
            for e in comparison.get("excluded", [])
        ),
    ]
    notes_html = (
        '<ul class="notes">' + "".join(f"<li>{n}</li>" for n in notes) + "</ul>" if notes else ""
    )
    pairs_html = table(
        ["Scope", "A", "B", "A − B (points)", "95% interval", "Verdict"],
        (_pair_row(pair) for pair in comparison.get("pairs", [])),
        numeric=[3],
    )
    if comparison.get("success_pairs"):
        pairs_html += "<h3>Task success rate (tool items)</h3>" + table(
            ["Scope", "A", "B", "A − B (points)", "95% interval", "Verdict"],
            (_pair_row(pair) for pair in comparison["success_pairs"]),
            numeric=[3],
        )
    charts_html = (
        '<div class="grid">'
        + figure_card("difficulty", "Score by difficulty", figure_set)
        + figure_card("domain", "Score by domain", figure_set)
        + figure_card("suite", "Score by suite", figure_set)
        + figure_card("quality", "Prompt-quality curve", figure_set, _curve_notes(comparison))
        + "</div>"
        + '<div class="grid wide">'
        + figure_card("criterion", "Score by criterion", figure_set)
        + "</div>"
        + '<div class="grid">'
        + figure_card("cost", "Cost against score", figure_set)
        + figure_card("latency", "Latency per item", figure_set)
        + "</div>"
    )
    error_lines = [
        [label, status.replace("_", " "), kind, str(count)]
        for label in labels
        for status, kinds in summaries.get(label, {}).get("errors", {}).items()
        for kind, count in kinds.items()
    ]
    errors_html = (
        '<div class="grid"><div class="card">'
        + table(["Run", "Status", "Kind", "Items"], error_lines, numeric=[3])
        + "</div>"
        + figure_card("errors", "Errors by kind", figure_set)
        + "</div>"
        if error_lines
        else '<p class="empty">No errors in any run.</p>'
    )
    return (
        "<header>"
        f"<h1>Bencher comparison — {escape(' vs '.join(labels))}</h1>"
        + navigation(
            [
                ("score", "Score"),
                ("runs", "Runs"),
                ("differences", "Differences"),
                ("charts", "Charts"),
                ("errors", "Errors"),
            ]
        )
        + "</header><main>"
        + headline
        + section("runs", "Runs", runs + notes_html)
        + section(
            "differences",
            "Paired differences",
            '<div class="grid wide">'
            + figure_card("differences", "A − B with its 95% interval", figure_set)
            + "</div>"
            + pairs_html,
            "Over the shared items, each task's prompts resampled together. Where the interval "
            "spans zero the two models are tied.",
        )
        + section("charts", "Scores", charts_html)
        + section("errors", "Errors", errors_html)
        + "</main>"
    )


def _pair_row(pair: Mapping[str, Any]) -> list[str]:
    difference, low, high = pair.get("difference"), pair.get("low"), pair.get("high")
    verdict = pair.get("verdict")
    if verdict == "a":
        said = f"{pair['a']} better"
    elif verdict == "b":
        said = f"{pair['b']} better"
    elif verdict == "tied":
        said = "tied"
    else:
        said = "—"
    return [
        pair.get("scope", ""),
        pair["a"],
        pair["b"],
        "—" if difference is None else f"{difference:+.1f}",
        "—" if low is None or high is None else f"{low:+.1f} to {high:+.1f}",
        said,
    ]


def _score_cell(score: Mapping[str, Any] | None) -> str:
    interval = interval_text(score).replace("95% interval ", "")
    return score_text(score) + (f" [{interval}]" if interval else "")


def _seconds(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f} s"


def _curve_notes(comparison: Mapping[str, Any]) -> str:
    notes = []
    for run in comparison["runs"]:
        curve = comparison["summaries"].get(run["label"], {}).get("quality_curve", {})
        if curve.get("slope") is None:
            continue
        note = f"{run['label']}: {curve['slope']:+.2f} points per level"
        if curve.get("keeps_90_at") is not None:
            note += f", keeps 90% from quality {curve['keeps_90_at']}"
        notes.append(note)
    return "; ".join(notes)
