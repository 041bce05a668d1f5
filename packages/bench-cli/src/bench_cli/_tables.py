"""The report as Rich tables in the terminal."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from bench_core import CRITERIA, WEIGHTS, Difficulty, Suite

from ._report import format_score
from ._terminal import printable


def print_report(report: dict[str, Any], console: Console) -> None:
    """Print the overall score, then the breakdowns a reader compares models by."""
    run, summary, items, usage = report["run"], report["summary"], report["items"], report["usage"]
    latency = report["latency_s"]
    overall = Table(
        title=_text(f"Bencher — {run['model']}"), show_header=False, title_justify="left"
    )
    overall.add_column(style="bold")
    overall.add_column()
    _row(overall, "Score", format_score(summary["overall"]))
    success = summary.get("success")
    if success is not None:
        _row(overall, "Task success", describe_success(success))
    _row(
        overall,
        "Items",
        f"{items['finished']} of {items['planned']} finished; {items['model_errors']} model "
        f"errors (scored 0), {items['infra_errors']} infra errors (left out)",
    )
    cost = "not reported" if usage["cost"] is None else f"${usage['cost']:.4f}"
    _row(
        overall,
        "Usage",
        f"{usage['prompt_tokens']:,} prompt + {usage['completion_tokens']:,} completion tokens; "
        f"cost {cost}",
    )
    spent = report.get("efficiency")
    if spent:
        _row(
            overall,
            "Efficiency",
            f"{spent['calls']:.1f} calls and {spent['turns']:.1f} turns per tool item "
            f"(the references: {spent['reference_calls']:.1f} and {spent['reference_turns']:.1f})",
        )
    if latency["p50"] is not None:
        _row(overall, "Latency", f"p50 {latency['p50']:.2f} s, p95 {latency['p95']:.2f} s per item")
    console.print(overall)

    by_difficulty = _table("By difficulty", "Difficulty", "Weight")
    for name, score in summary["by_difficulty"].items():
        _row(by_difficulty, name, f"{WEIGHTS[Difficulty(name)]:.1f}", *_cells(score))
    console.print(by_difficulty)

    by_domain = _table("By domain", "Domain")
    for name, score in summary["by_domain"].items():
        _row(by_domain, name, *_cells(score))
    console.print(by_domain)

    for suite, criteria in summary["by_criterion"].items():
        table = _table(f"Criteria — {suite}", "Criterion", "Points")
        for name, score in criteria.items():
            _row(table, name, f"{CRITERIA[Suite(suite)][name]:.0f}", *_cells(score))
        console.print(table)

    curve = summary["quality_curve"]
    quality = _table("By prompt quality", "Quality")
    for level, score in summary["by_quality"].items():
        _row(quality, str(level), *_cells(score))
    console.print(quality)
    if curve["slope"] is not None:
        console.print(f"Quality curve: {describe_curve(curve)}", highlight=False)

    errors = summary["errors"]
    if any(errors.values()):
        table = Table(title="Errors", title_justify="left")
        for column in ("Status", "Kind", "Items"):
            table.add_column(column)
        for status, kinds in errors.items():
            for kind, count in kinds.items():
                _row(table, status, kind, str(count))
        console.print(table)
    if report.get("judges"):
        print_judges(report, console, label=run["model"])
    if report.get("consistency"):
        consistency = report["consistency"]
        shown = ", ".join(f"{k} {v:.2f}" for k, v in consistency.items() if k.startswith("pass^"))
        console.print(f"Consistency over {consistency['repeats']} repeats: {shown}")


def describe_success(success: dict[str, Any]) -> str:
    """The tool items' task success rate with its interval, and pass^k where repeated."""
    text = format_score(success["overall"]) + " of the tool items did the job"
    more = {k: v for k, v in success.get("pass_k", {}).items() if int(k) > 1}
    if more:
        text += "; " + ", ".join(f"pass^{k} {v:.2f}" for k, v in more.items())
    return text


def describe_curve(curve: dict[str, Any]) -> str:
    """The quality curve in one sentence: its slope, and from where the model keeps 90%."""
    slope = f"{curve['slope']:+.2f} points per quality level"
    keeps = curve["keeps_90_at"]
    if keeps is None:
        top = max(curve["points"], key=int)
        return f"{slope}; at quality {top} it is already below 90% of its best score."
    return f"{slope}; keeps 90% of its best score from quality {keeps} up."


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column)
    table.add_column("Score [95% CI]", justify="right")
    table.add_column("Items", justify="right")
    table.add_column("Tasks", justify="right")
    return table


def _cells(score: dict[str, Any]) -> tuple[str, str, str]:
    return format_score(score), str(score["items"]), str(score["tasks"])


def print_judges(report: dict[str, Any], console: Console, *, label: str) -> None:
    """The judges' verdicts, apart from the automated score."""
    table = Table(
        title=_text(f"Judges of {label} (apart from the automated score)"), title_justify="left"
    )
    for column in (
        "Judge",
        "Judge model",
        "Suite",
        "Verdicts",
        "Mean score",
        "Sub-scores",
        "Infra errors",
    ):
        table.add_column(column)
    for entry in report["judges"]:
        mean = "—" if entry["mean_score"] is None else f"{entry['mean_score']:.1f}"
        parts = ", ".join(
            f"{name} {value:.1f}"
            for name, value in entry["mean_scores"].items()
            if value is not None
        )
        judge = entry["judge"]
        if judge == "visual" and "html" in entry["input_kinds"]:
            judge += " (HTML as text)"  # no screenshot: the visual judge read the source
        enforced = entry.get("structured_output", {})
        if enforced and set(enforced) != {"json_schema"}:
            judge += " (schema " + ", ".join(f"{k} {n}" for k, n in enforced.items()) + ")"
        _row(
            table,
            judge,
            entry["judge_model"],
            entry["suite"],
            str(entry["verdicts"]),
            mean,
            parts or "—",
            str(entry["infra_errors"]),
        )
    console.print(table)


def print_comparison(comparison: dict[str, Any], console: Console) -> None:
    """Print runs side by side: each model's totals, the paired differences, the breakdowns."""
    labels = [run["label"] for run in comparison["runs"]]
    summaries, shared = comparison["summaries"], comparison["shared"]
    models = Table(
        title=f"Models — over the {_count(shared['items'], 'item')} "
        f"({_count(shared['tasks'], 'task')}) every run "
        "shares",
        title_justify="left",
    )
    columns = ("Model", "Score [95% CI]", "Task success", "Tokens", "Cost", "Latency p50 / p95")
    for column in (*columns, "Infra"):
        models.add_column(column, justify="left" if column == "Model" else "right")
    for run in comparison["runs"]:
        label = run["label"]
        usage, latency = comparison["usage"][label], comparison["latency_s"][label]
        cost = "not reported" if usage["cost"] is None else f"${usage['cost']:.4f}"
        timing = "—" if latency["p50"] is None else f"{latency['p50']:.2f} / {latency['p95']:.2f} s"
        _row(
            models,
            label,
            format_score(summaries[label]["overall"]),
            _score_cell((summaries[label].get("success") or {}).get("overall")),
            f"{usage['prompt_tokens'] + usage['completion_tokens']:,}",
            cost,
            timing,
            f"{run['infra_errors']} of {run['items']}",
        )
    console.print(models)

    pair_names = list(dict.fromkeys((pair["a"], pair["b"]) for pair in comparison["pairs"]))
    differences = _differences_table(
        "Paired differences in points (+ means the first is better; tasks resampled for both)",
        comparison["pairs"],
        pair_names,
    )
    console.print(differences)
    if comparison.get("success_pairs"):
        console.print(
            _differences_table(
                "Paired differences in task success rate (tool items; points of percentage)",
                comparison["success_pairs"],
                pair_names,
            )
        )

    for title, key in (
        ("By suite", "by_suite"),
        ("By difficulty", "by_difficulty"),
        ("By domain", "by_domain"),
        ("By prompt quality", "by_quality"),
    ):
        groups = list(dict.fromkeys(g for label in labels for g in summaries[label][key]))
        table = _side_by_side(title, key.removeprefix("by_").capitalize(), labels)
        for group in groups:
            _row(
                table,
                str(group),
                *(_score_cell(summaries[label][key].get(group)) for label in labels),
            )
        console.print(table)
    suites = list(dict.fromkeys(s for label in labels for s in summaries[label]["by_criterion"]))
    for suite in suites:
        table = _side_by_side(f"Criteria — {suite}", "Criterion", labels)
        for name in CRITERIA[Suite(suite)]:
            _row(
                table,
                name,
                *(
                    _score_cell(summaries[label]["by_criterion"].get(suite, {}).get(name))
                    for label in labels
                ),
            )
        console.print(table)
    for label in labels:
        curve = summaries[label]["quality_curve"]
        if curve["slope"] is not None:
            console.print(_text(f"{label}: {describe_curve(curve)}"), highlight=False)
    for label in labels:
        errors = summaries[label]["errors"]["model_error"]
        if errors:
            kinds = ", ".join(f"{kind} {count}" for kind, count in errors.items())
            console.print(_text(f"{label}: model errors (scored 0): {kinds}"), highlight=False)
    for note in comparison["excluded"]:
        console.print(
            _text(f"Left out of {note['label']}: {note['items']} items, {note['reason']}."),
            highlight=False,
        )
    for sentence in comparison["differences"]:
        console.print(_text(f"Note: {sentence}."), highlight=False)


def _differences_table(
    title: str, pairs: list[dict[str, Any]], pair_names: list[tuple[str, str]]
) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("Scope")
    for a, b in pair_names:
        table.add_column(_text(f"{a} − {b}"), justify="right")
    cells: dict[str, dict[tuple[str, str], str]] = {}
    for pair in pairs:
        cells.setdefault(pair["scope"], {})[(pair["a"], pair["b"])] = _difference(pair)
    for scope, row in cells.items():
        kind, _, value = scope.partition(":")
        _row(table, f"{value} ({kind})" if value else kind, *(row.get(p, "—") for p in pair_names))
    return table


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _side_by_side(title: str, first: str, labels: list[str]) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(first)
    for label in labels:
        table.add_column(_text(label), justify="right")
    return table


def _score_cell(score: dict[str, Any] | None) -> str:
    return "—" if score is None else format_score(score)


def _difference(pair: dict[str, Any]) -> str:
    """``+15.5 [+11.7, +18.7]``, with ``tied`` where the interval spans zero."""
    if pair["difference"] is None:
        return "—"
    shown = f"{pair['difference']:+.1f} [{pair['low']:+.1f}, {pair['high']:+.1f}]"
    return f"{shown} tied" if pair["verdict"] == "tied" else shown


def _text(value: object) -> Text:
    """Text from a run file (model ids, labels, domains, error kinds) as plain text: no escape
    codes, no control characters, and no Rich markup read into it."""
    return Text(printable(str(value)))


def _row(table: Table, *cells: object) -> None:
    table.add_row(*(_text(cell) for cell in cells))
