"""``bench-run compare``: several runs side by side, over the items they share."""

from __future__ import annotations

from pathlib import Path

import msgspec
from rich.console import Console

from bench_core import BenchError, read_run

from .._compare import build_comparison, run_labels
from .._tables import print_comparison


def compare(
    *runs: Path,
    models: str | None = None,
    html: Path | None = None,
    json: bool = False,
) -> int:
    """Compare runs of several models on the items every run shares.

    Intervals come from a seeded bootstrap over tasks (a task's prompts are correlated); each
    pair of models gets a paired difference, "tied" where its interval spans zero.

    Args:
        runs: Two or more incremental_*.jsonl run files.
        models: Names for the runs in the tables, comma-separated, one per file in order
            (default: the model ids).
        html: Also write the comparison as a self-contained HTML report to this path.
        json: Print the comparison as JSON instead of the tables.
    """
    if len(runs) < 2:
        raise BenchError(f"compare needs at least two run files, got {len(runs)}")
    if html is not None and html.suffix.lower() not in (".html", ".htm"):
        raise BenchError(f"--html takes a path ending in .html, got {str(html)!r}")
    read = [read_run(path) for path in runs]
    comparison = build_comparison(read, run_labels(read, models))
    if html is not None:
        from ..html import render_compare_html  # noqa: PLC0415 - Plotly is 4.8 MB

        html.parent.mkdir(parents=True, exist_ok=True)
        html.write_text(render_compare_html(comparison), encoding="utf-8")
    if json:
        print(msgspec.json.format(msgspec.json.encode(comparison)).decode())
        return 0
    console = Console()
    print_comparison(comparison, console)
    if html is not None:
        console.print(f"HTML report: {html}", highlight=False)
    return 0
