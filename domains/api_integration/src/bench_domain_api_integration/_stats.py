"""Traffic arithmetic shared by the simulator and the facts layer: one definition of each figure.

Percentiles are nearest-rank (the smallest value with at least p% of the values at or below
it), the definition a support engineer can check by sorting a column.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

from ._fixtures import Request


def status_class(status: int) -> str:
    """``2xx`` for 200-299, and so on."""
    return f"{status // 100}xx"


def percentile(ordered: Sequence[int], p: float) -> int | None:
    """The nearest-rank ``p``-th percentile of values sorted ascending; None when empty."""
    if not ordered:
        return None
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def rate(part: int, whole: int) -> float:
    """``part`` as a percentage of ``whole``, two decimals; 0.0 when there is no whole."""
    return round(100 * part / whole, 2) if whole else 0.0


def summarize(requests: Iterable[Request]) -> dict[str, Any]:
    """Counts, error rates, latency percentiles and the mean response size of some requests."""
    rows = list(requests)
    classes = {"2xx": 0, "3xx": 0, "4xx": 0, "5xx": 0}
    for row in rows:
        classes[status_class(row.status)] += 1
    latencies = sorted(r.latency_ms for r in rows)
    total = len(rows)
    return {
        "requests": total,
        **classes,
        "rate_limited": sum(r.status == 429 for r in rows),
        "unauthorized": sum(r.status == 401 for r in rows),
        "error_rate_pct": rate(classes["4xx"] + classes["5xx"], total),
        "server_error_rate_pct": rate(classes["5xx"], total),
        "p50_ms": percentile(latencies, 50),
        "p95_ms": percentile(latencies, 95),
        "p99_ms": percentile(latencies, 99),
        "avg_bytes": round(sum(r.bytes for r in rows) / total) if total else None,
    }
