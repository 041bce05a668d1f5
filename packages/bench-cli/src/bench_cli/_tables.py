"""The report as Rich tables in the terminal."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from bench_core import CRITERIA, WEIGHTS, Difficulty, Suite

from ._report import format_score


def print_report(report: dict[str, Any], console: Console) -> None:
    """Print the overall score, then the breakdowns a reader compares models by."""
    run, summary, items, usage = report["run"], report["summary"], report["items"], report["usage"]
    latency = report["latency_s"]
    overall = Table(title=f"Bencher — {run['model']}", show_header=False, title_justify="left")
    overall.add_column(style="bold")
    overall.add_column()
    overall.add_row("Score", format_score(summary["overall"]))
    overall.add_row(
        "Items",
        f"{items['finished']} of {items['planned']} finished; {items['model_errors']} model "
        f"errors (scored 0), {items['infra_errors']} infra errors (left out)",
    )
    cost = "not reported" if usage["cost"] is None else f"${usage['cost']:.4f}"
    overall.add_row(
        "Usage",
        f"{usage['prompt_tokens']:,} prompt + {usage['completion_tokens']:,} completion tokens; "
        f"cost {cost}",
    )
    if latency["p50"] is not None:
        overall.add_row(
            "Latency", f"p50 {latency['p50']:.2f} s, p95 {latency['p95']:.2f} s per item"
        )
    console.print(overall)

    by_difficulty = _table("By difficulty", "Difficulty", "Weight")
    for name, score in summary["by_difficulty"].items():
        by_difficulty.add_row(name, f"{WEIGHTS[Difficulty(name)]:.1f}", *_cells(score))
    console.print(by_difficulty)

    by_domain = _table("By domain", "Domain")
    for name, score in summary["by_domain"].items():
        by_domain.add_row(name, *_cells(score))
    console.print(by_domain)

    for suite, criteria in summary["by_criterion"].items():
        table = _table(f"Criteria — {suite}", "Criterion", "Points")
        for name, score in criteria.items():
            table.add_row(name, f"{CRITERIA[Suite(suite)][name]:.0f}", *_cells(score))
        console.print(table)

    curve = summary["quality_curve"]
    quality = _table("By prompt quality", "Quality")
    for level, score in summary["by_quality"].items():
        quality.add_row(str(level), *_cells(score))
    console.print(quality)
    if curve["slope"] is not None:
        keeps = curve["keeps_90_at"]
        console.print(
            f"Quality curve: {curve['slope']:+.2f} points per quality level; keeps 90% of its "
            f"best score from quality {keeps} up."
        )

    errors = summary["errors"]
    if any(errors.values()):
        table = Table(title="Errors", title_justify="left")
        for column in ("Status", "Kind", "Items"):
            table.add_column(column)
        for status, kinds in errors.items():
            for kind, count in kinds.items():
                table.add_row(status, kind, str(count))
        console.print(table)
    if report.get("judges"):
        print_judges(report, console, label=run["model"])
    if report.get("consistency"):
        consistency = report["consistency"]
        shown = ", ".join(f"{k} {v:.2f}" for k, v in consistency.items() if k.startswith("pass^"))
        console.print(f"Consistency over {consistency['repeats']} repeats: {shown}")


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
    table = Table(title=f"Judges of {label} (apart from the automated score)", title_justify="left")
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
        judge = entry["judge"] + (" (HTML as text)" if "html" in entry["input_kinds"] else "")
        table.add_row(
            judge,
            entry["judge_model"],
            entry["suite"],
            str(entry["verdicts"]),
            mean,
            parts or "—",
            str(entry["infra_errors"]),
        )
    console.print(table)
