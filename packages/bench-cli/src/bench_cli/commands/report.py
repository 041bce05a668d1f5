"""``bench-run report``: rebuild a run's report from its JSONL file alone."""

from __future__ import annotations

from pathlib import Path

import msgspec
from rich.console import Console

from bench_core import Registry, read_run

from .._report import build_report
from .._tables import print_report
from ..html import html_report_path, write_run_html


def report(path: Path, /, *, json: bool = False, html: bool | Path = False) -> int:
    """Rebuild the JSON report and the tables of a run from its JSONL.

    Args:
        path: The run's incremental_*.jsonl file.
        json: Print the JSON report instead of the tables.
        html: Also write the HTML report: to this path, or with no path beside the run
            ({run stem}.report.html).
    """
    run = read_run(path)
    built = build_report(run)
    encoded = msgspec.json.format(msgspec.json.encode(built)) + b"\n"
    report_path = path.with_suffix(".report.json")
    report_path.write_bytes(encoded)
    html_path = None
    if html is not False:
        html_path = html_report_path(path) if html is True else Path(html)
        write_run_html(built, run, path, html_path, Registry().load_all())
    if json:
        print(encoded.decode(), end="")
    else:
        print_report(built, Console())
        Console().print(f"Report: {report_path}", highlight=False)
        if html_path is not None:
            Console().print(f"HTML:   {html_path}", highlight=False)
    return 0
