"""``bench-run setup``: fill the local cache of chart libraries."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from bench_scoring import CHART_LIBRARIES

from .._library_cache import default_cache_dir, fill_cache


def setup(*, cache_dir: Path | None = None, npm: str = "npm") -> int:
    """Fill the local cache of the chart libraries that charts may load from a CDN.

    Charts are rendered with the network blocked; requests for these libraries are answered
    from this cache. Run once; it is quick when the cache is already full.

    Args:
        cache_dir: Where the cache lives (default $BENCH_CACHE_DIR, else
            ~/.cache/bench-run/libraries).
        npm: The npm executable used to fetch the packages.
    """
    console = Console()
    cache = cache_dir or default_cache_dir()
    cached = fill_cache(CHART_LIBRARIES, cache, npm=npm, report=console.print)
    table = Table(title=f"Chart libraries in {cache}", title_justify="left")
    for column in ("Library", "Version", "File", "CDN URLs"):
        table.add_column(column)
    for entry in cached:
        table.add_row(entry.name, entry.version, entry.path, str(len(entry.urls)))
    console.print(table)
    return 0
