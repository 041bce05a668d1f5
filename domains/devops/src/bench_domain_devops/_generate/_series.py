"""Hourly metrics of every live service in every environment, with the incidents' damage in them.

Traffic follows Berlin's day (a trough before dawn, a peak in the evening); errors are counts
drawn around the service's base rate; latency percentiles keep their order (p50 < p95 < p99).
During an incident, or after a bad deployment until its fix, the error rate and latency of the
affected series rise by the incident's factors, pro rata for partial hours.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from typing import Any, NamedTuple

from .._clock import format_utc, to_local
from ._world import ENVIRONMENTS, METRICS_POINTS, METRICS_START, SERVICES, ServiceSpec

TRAFFIC_SHARE = {"prod": 1.0, "staging": 0.05, "dev": 0.008}
# Unfinished features and synthetic tests make the lower environments fail more often.
ERROR_SCALE = {"prod": 1.0, "staging": 2.5, "dev": 4.0}
CPU_FLOOR = {"prod": 14.0, "staging": 6.0, "dev": 3.0}


class Damage(NamedTuple):
    """A span during which one series runs worse: error-rate and latency factors."""

    service: str
    environment: str
    start: dt.datetime
    end: dt.datetime
    errors: float
    latency: float


def _overlap(hour: dt.datetime, damage: Damage) -> float:
    end = hour + dt.timedelta(hours=1)
    seconds = (min(end, damage.end) - max(hour, damage.start)).total_seconds()
    return max(0.0, seconds / 3600)


def _load(hour: dt.datetime) -> float:
    """Traffic relative to the evening peak, by Berlin hour and weekday."""
    local = to_local(hour)
    daily = 0.6 + 0.4 * math.cos(2 * math.pi * (local.hour + 0.5 - 20) / 24)
    return daily * (1.08 if local.weekday() >= 5 else 1.0)


def series(
    rng: random.Random, spec: ServiceSpec, environment: str, damages: list[Damage]
) -> dict[str, Any]:
    """One series: 720 hourly points of every stored metric."""
    mine = [d for d in damages if (d.service, d.environment) == (spec.name, environment)]
    share = TRAFFIC_SHARE[environment]
    noisy = 0.1 if environment == "prod" else 0.15
    columns: dict[str, list[Any]] = {
        k: []
        for k in (
            "requests",
            "errors",
            "cpu_pct",
            "memory_mb",
            "latency_p50_ms",
            "latency_p95_ms",
            "latency_p99_ms",
        )
    }
    memory = spec.memory_mb * rng.uniform(0.6, 0.7)
    for index in range(METRICS_POINTS):
        hour = METRICS_START + dt.timedelta(hours=index)
        load = _load(hour)
        error_factor = latency_factor = 1.0
        for damage in mine:
            part = _overlap(hour, damage)
            error_factor += (damage.errors - 1) * part
            latency_factor += (damage.latency - 1) * part
        requests = max(1, round(spec.peak_rps * share * 3600 * load * rng.lognormvariate(0, 0.05)))
        mean = (
            requests
            * spec.base_error_pct
            * ERROR_SCALE[environment]
            / 100
            * rng.lognormvariate(0, noisy)
            * error_factor
        )
        errors = min(requests, max(0, round(mean + math.sqrt(mean) * rng.gauss(0, 1))))
        p95 = spec.p95_ms * (0.85 + 0.2 * load) * rng.lognormvariate(0, 0.06) * latency_factor
        if environment != "prod":
            p95 *= 0.9
        p50 = p95 * rng.uniform(0.38, 0.48)
        p99 = p95 * rng.uniform(1.6, 2.2)
        cpu = CPU_FLOOR[environment] + 52 * load * share**0.25 * rng.lognormvariate(0, 0.08)
        cpu *= 1 + 0.4 * (latency_factor - 1)
        # Memory creeps up between restarts; a pod restart (a deploy, in effect) resets it.
        memory = min(spec.memory_mb, memory * rng.uniform(1.0, 1.004))
        if rng.random() < 0.02:
            memory = spec.memory_mb * rng.uniform(0.6, 0.7)
        columns["requests"].append(requests)
        columns["errors"].append(errors)
        columns["cpu_pct"].append(round(min(cpu, 99.0), 1))
        columns["memory_mb"].append(round(memory))
        columns["latency_p50_ms"].append(round(p50))
        columns["latency_p95_ms"].append(round(p95))
        columns["latency_p99_ms"].append(round(p99))
    return {"service": spec.name, "environment": environment, **columns}


def metrics(rng: random.Random, damages: list[Damage]) -> dict[str, Any]:
    """The metrics file: the time axis once, then one series per live service and environment."""
    return {
        "start": format_utc(METRICS_START),
        "step_seconds": 3600,
        "points": METRICS_POINTS,
        "series": [
            series(rng, spec, environment, damages)
            for spec in SERVICES
            for environment in ENVIRONMENTS
        ],
    }
