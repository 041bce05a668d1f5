"""``bench-run list``: the installed domains and their tasks."""

from __future__ import annotations

from collections import Counter

import msgspec
from rich.console import Console
from rich.table import Table

from bench_core import QUALITY_LEVELS, Registry

from .._plan import load_domains
from .._terminal import printable


def list_tasks(*, json: bool = False) -> int:
    """List the installed domains and their tasks.

    Args:
        json: Print JSON (one object with domains, tasks and the domains left out) instead
            of tables.
    """
    registry = Registry()
    entries = {entry.id: entry for entry in registry.entries()}
    domains, tasks = load_domains(registry)
    console = Console()
    errors = Console(stderr=True, soft_wrap=True)  # one warning, one line, at any width
    for problem in registry.problems:
        errors.print(printable(f"bench-run: warning: {problem}"), highlight=False, markup=False)
    if json:
        listing = {
            "domains": [
                {
                    "id": domain.id,
                    "title": domain.title,
                    "distribution": entries[domain.id].distribution,
                    "version": entries[domain.id].version,
                    "tasks": sum(task.domain == domain.id for task in tasks),
                }
                for domain in domains.values()
            ],
            "tasks": [
                {
                    "id": task.id,
                    "domain": task.domain,
                    "suite": task.suite.value,
                    "difficulty": task.difficulty.value,
                    "weight": task.weight,
                    "title": task.title,
                    "qualities": list(QUALITY_LEVELS),
                }
                for task in tasks
            ],
            "left_out": [
                {
                    "id": entry.id,
                    "distribution": entry.distribution,
                    "version": entry.version,
                    "reason": reason,
                }
                for entry, reason in registry.left_out()
            ],
            "problems": registry.problems,
        }
        print(msgspec.json.format(msgspec.json.encode(listing)).decode())
        return 0
    summary = Table(title="Domains", title_justify="left")
    for column in ("Domain", "Title", "Package", "Tools tasks", "Chart tasks"):
        summary.add_column(column)
    for domain in domains.values():
        counts = Counter(task.suite.value for task in tasks if task.domain == domain.id)
        entry = entries[domain.id]
        summary.add_row(
            domain.id,
            domain.title,
            f"{entry.distribution} {entry.version}",
            str(counts["tools"]),
            str(counts["charts"]),
        )
    console.print(summary)
    table = Table(
        title=f"Tasks (each at prompt qualities {QUALITY_LEVELS[0]}-{QUALITY_LEVELS[-1]})",
        title_justify="left",
    )
    for column in ("Id", "Domain", "Suite", "Difficulty", "Title"):
        table.add_column(column)
    for task in tasks:
        table.add_row(task.id, task.domain, task.suite.value, task.difficulty.value, task.title)
    console.print(table)
    return 0
