"""``bench-run report``: rebuild a run's report from its JSONL file alone."""

from __future__ import annotations

from pathlib import Path

import msgspec
from rich.console import Console

from bench_core import read_run

from .._report import build_report
from .._tables import print_report


def report(path: Path, /, *, json: bool = False) -> int:
    """Rebuild the JSON report and the tables of a run from its JSONL.

    Args:
        path: The run's incremental_*.jsonl file.
        json: Print the JSON report instead of the tables.
    """
    run = read_run(path)
    built = build_report(run)
    encoded = msgspec.json.format(msgspec.json.encode(built)) + b"\n"
    report_path = path.with_suffix(".report.json")
    report_path.write_bytes(encoded)
    if json:
        print(encoded.decode(), end="")
    else:
        print_report(built, Console())
        Console().print(f"Report: {report_path}", highlight=False)
    return 0
