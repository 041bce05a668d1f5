"""Reading the hourly metrics: windows, buckets, aggregations, error rates and error budgets.

One module serves both the simulated API and the facts layer, so what a task expects is what
the API answers. An error rate over several hours is always total errors over total requests
(never a mean of hourly rates); latency, CPU and memory aggregate their hourly values.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import Literal

from ._clock import parse_utc
from ._fixtures import Metrics, Series, Slo

Aggregation = Literal["avg", "min", "max", "sum"]
METRICS = (
    "requests",
    "errors",
    "error_rate_pct",
    "cpu_pct",
    "memory_mb",
    "latency_p50_ms",
    "latency_p95_ms",
    "latency_p99_ms",
)
UNITS = {
    "requests": "requests per hour",
    "errors": "5xx responses per hour",
    "error_rate_pct": "percent of requests",
    "cpu_pct": "percent of requested CPU",
    "memory_mb": "MiB (working set)",
    "latency_p50_ms": "milliseconds",
    "latency_p95_ms": "milliseconds",
    "latency_p99_ms": "milliseconds",
}
COUNTS = frozenset({"requests", "errors"})
HOUR = dt.timedelta(hours=1)


def first_hour(metrics: Metrics) -> dt.datetime:
    """The start of the first hourly point."""
    return parse_utc(metrics.start)


def index_of(metrics: Metrics, moment: dt.datetime) -> int:
    """The index of the hourly point that contains ``moment`` (may be out of range)."""
    return math.floor((moment - first_hour(metrics)) / HOUR)


def hours(metrics: Metrics, start: dt.datetime, end: dt.datetime) -> range:
    """The indices of the points that overlap ``[start, end)``, clipped to the data."""
    first = max(0, index_of(metrics, start))
    last = min(metrics.points, math.ceil((end - first_hour(metrics)) / HOUR))
    return range(first, max(first, last))


def value(series: Series, metric: str, indices: Sequence[int], aggregation: Aggregation) -> float:
    """One aggregate of ``metric`` over the points ``indices`` (not empty)."""
    if metric == "error_rate_pct":
        if aggregation == "avg":
            requests = sum(series.requests[i] for i in indices)
            return 100 * sum(series.errors[i] for i in indices) / requests
        rates = [100 * series.errors[i] / series.requests[i] for i in indices]
        return min(rates) if aggregation == "min" else max(rates)
    column: Sequence[float] = getattr(series, metric)
    values = [column[i] for i in indices]
    if aggregation == "sum":
        return float(sum(values))
    if aggregation == "min":
        return float(min(values))
    if aggregation == "max":
        return float(max(values))
    return sum(values) / len(values)


def rounded(metric: str, number: float) -> float:
    """A metric value as the API shows it."""
    if metric == "error_rate_pct":
        return round(number, 3)
    if metric in COUNTS or metric == "memory_mb":
        return round(number, 1) if number % 1 else round(number)
    return round(number, 1)


def buckets(
    metrics: Metrics, start: dt.datetime, end: dt.datetime, step_hours: int
) -> list[tuple[dt.datetime, range]]:
    """The buckets of ``step_hours`` from ``start`` floored to the hour, as point indices.

    A one-day step is aligned to UTC midnight instead, so that a day is a calendar day.
    """
    origin = first_hour(metrics)
    floor = start.replace(minute=0, second=0, microsecond=0)
    if step_hours == 24:
        floor = floor.replace(hour=0)
    rows = []
    moment = floor
    while moment < end:
        upper = min(moment + dt.timedelta(hours=step_hours), end)
        indices = hours(metrics, max(moment, start), upper)
        if len(indices):
            rows.append((max(moment, origin), indices))
        moment += dt.timedelta(hours=step_hours)
    return rows


def error_rate(series: Series, indices: Sequence[int]) -> float:
    """Total errors over total requests of the points, in percent."""
    return value(series, "error_rate_pct", indices, "avg")


def around(metrics: Metrics, started_at: str, finished_at: str, span: int) -> tuple[range, range]:
    """The ``span`` whole hours before a deployment started and after it finished."""
    start, finish = parse_utc(started_at), parse_utc(finished_at)
    before_end = index_of(metrics, start)  # the hour the deploy started in is left out
    after_start = index_of(metrics, finish) + (0 if finish == _hour_floor(finish) else 1)
    before = range(max(0, before_end - span), max(0, before_end))
    after = range(after_start, min(metrics.points, after_start + span))
    return before, after


def _hour_floor(moment: dt.datetime) -> dt.datetime:
    return moment.replace(minute=0, second=0, microsecond=0)


def budget(slo: Slo, series: Series, indices: Sequence[int]) -> dict[str, float]:
    """The error budget of ``slo`` over the points: allowed errors, spent, left."""
    requests = sum(series.requests[i] for i in indices)
    errors = sum(series.errors[i] for i in indices)
    allowed = requests * (100 - slo.objective_pct) / 100
    return {
        "requests": requests,
        "errors": errors,
        "availability_pct": round(100 * (1 - errors / requests), 4),
        "budget_errors": round(allowed, 1),
        "budget_spent_pct": round(100 * errors / allowed, 1),
        "budget_remaining_pct": round(100 - 100 * errors / allowed, 1),
    }


def burn_rate(slo: Slo, series: Series, indices: Sequence[int]) -> float:
    """How fast the budget burns over the points: 1.0 spends it exactly in the window."""
    return round(error_rate(series, indices) / (100 - slo.objective_pct), 2)
