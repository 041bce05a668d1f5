"""Alerts: the resolved history of the last 30 days and the state of the pager right now.

Every incident inside the metrics window fired an alert on its series; routine noise (CPU,
memory, disk, restarts) fills the history to 100 alerts. The current states are planted for
the tasks: firing, acknowledged and silenced alerts on checkout, a flapping gateway alert and
its steady twin, and an alert still firing for the service deleted in March.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any, NamedTuple

from .._clock import format_utc
from ._incidents import Incident
from ._world import DELETED_SERVICE, METRICS_START, NOW, SERVICES, service_id

TOTAL = 100
OnCall = Callable[[str, dt.datetime], str]  # (team, instant) -> who held the primary pager

RULES = {
    "ErrorRateHigh": ("error_rate_pct", "> 1.0 for 5m", "warning"),
    "CheckoutErrorRateHigh": ("error_rate_pct", "> 2.0 for 5m", "critical"),
    "SLOBurnRateHigh": ("error_budget_burn_rate", "> 6 over 6h", "critical"),
    "LatencyP95High": ("latency_p95_ms", "> 1.5x baseline for 10m", "warning"),
    "UpstreamLatencyHigh": ("latency_p95_ms", "> 250 for 5m", "warning"),
    "PodRestartsHigh": ("pod_restarts", "> 3 in 15m", "warning"),
    "DiskUsageHigh": ("disk_used_pct", "> 85", "info"),
    "HighCPU": ("cpu_pct", "> 85 for 15m", "warning"),
    "MemoryHigh": ("memory_mb", "> 90% of limit for 15m", "warning"),
    "ReplicationLagHigh": ("replication_lag_s", "> 30 for 10m", "warning"),
    "JobQueueBacklog": ("queue_depth", "> 500 for 30m", "warning"),
    "CanaryErrorRateHigh": ("error_rate_pct", "> 1.0 on canary for 5m", "warning"),
}


class Planted(NamedTuple):
    story: str | None
    rule: str
    service: str
    environment: str
    started: str
    state: str
    by: str | None = None  # who acknowledged or silenced it; None: the team's primary then
    changed: str | None = None  # when it was acknowledged or silenced
    until: str | None = None  # end of a silence
    reason: str | None = None


PLANTED = (
    Planted(
        "checkout_firing_1",
        "CheckoutErrorRateHigh",
        "checkout",
        "prod",
        "2026-04-07T22:32",
        "firing",
    ),
    Planted(
        "checkout_firing_2", "LatencyP95High", "checkout", "prod", "2026-04-07T22:40", "firing"
    ),
    Planted(
        "checkout_firing_3", "SLOBurnRateHigh", "checkout", "prod", "2026-04-07T23:05", "firing"
    ),
    Planted(
        "checkout_acked",
        "PodRestartsHigh",
        "checkout",
        "prod",
        "2026-04-08T00:50",
        "acked",
        None,
        "2026-04-08T01:10",
    ),
    Planted(
        "checkout_silenced",
        "DiskUsageHigh",
        "checkout",
        "prod",
        "2026-04-07T19:00",
        "silenced",
        None,
        "2026-04-07T19:20",
        "2026-04-09T00:00",
        "Log volume clean-up scheduled",
    ),
    Planted(
        "checkout_staging_firing",
        "CanaryErrorRateHigh",
        "checkout",
        "staging",
        "2026-04-07T15:00",
        "firing",
    ),
    Planted(
        "cart_acked",
        "ErrorRateHigh",
        "cart",
        "prod",
        "2026-04-07T10:58",
        "acked",
        None,
        "2026-04-07T11:08",
    ),
    Planted(
        "search_staging_firing", "ErrorRateHigh", "search", "staging", "2026-04-06T14:05", "firing"
    ),
    Planted(
        "gateway_flapping",
        "UpstreamLatencyHigh",
        "api-gateway",
        "prod",
        "2026-04-07T06:40",
        "firing",
    ),
    Planted("search_steady", "LatencyP95High", "search", "prod", "2026-04-08T04:40", "firing"),
    Planted(
        "deleted_service_firing",
        "JobQueueBacklog",
        DELETED_SERVICE.name,
        "prod",
        "2026-03-14T02:00",
        "firing",
    ),
    Planted(None, "HighCPU", "recommendations", "dev", "2026-04-07T16:20", "firing"),
    Planted(None, "ErrorRateHigh", "reviews", "dev", "2026-04-08T05:10", "firing"),
    Planted(
        None,
        "ReplicationLagHigh",
        "ledger",
        "prod",
        "2026-04-07T21:15",
        "silenced",
        "lena.vogt",
        "2026-04-07T21:30",
        "2026-04-08T12:00",
        "Planned reindex of the ledger replica",
    ),
)


def team_of_service(name: str) -> str:
    return next(s.team for s in (*SERVICES, DELETED_SERVICE) if s.name == name)


def _utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


class _Alert(NamedTuple):
    started: dt.datetime
    record: dict[str, Any]
    story: str | None


def _record(
    rule: str, service: str, environment: str, started: dt.datetime, state: str
) -> dict[str, Any]:
    metric, condition, severity = RULES[rule]
    return {
        "id": "",
        "rule": rule,
        "service_id": service_id(service),
        "service": service,
        "environment": environment,
        "severity": severity,
        "state": state,
        "metric": metric,
        "condition": condition,
        "summary": f"{rule} on {service} ({environment})",
        "started_at": format_utc(started),
        "resolved_at": None,
        "acknowledged_by": None,
        "acknowledged_at": None,
        "silenced_until": None,
        "silenced_by": None,
        "silence_reason": None,
        "incident_id": None,
        "flaps_24h": 0,
        "transitions": [{"at": format_utc(started), "state": "firing"}],
    }


def _planted(rng: random.Random, plant: Planted, oncall: OnCall) -> _Alert:
    started = _utc(plant.started)
    record = _record(plant.rule, plant.service, plant.environment, started, plant.state)
    changed = _utc(plant.changed or plant.started)
    by = plant.by or oncall(team_of_service(plant.service), changed)
    if plant.state == "acked":
        record.update(acknowledged_by=by, acknowledged_at=format_utc(changed))
        record["transitions"].append({"at": record["acknowledged_at"], "state": "acked"})
    if plant.state == "silenced":
        record.update(
            silenced_until=format_utc(_utc(plant.until or "")), silence_reason=plant.reason
        )
        record["transitions"].append({"at": format_utc(changed), "state": "silenced"})
        record["silenced_by"] = by
    if plant.story == "gateway_flapping":
        # Firing and clearing about every 50 minutes for the last day.
        moment, state, flaps = started, "firing", 0
        record["transitions"] = []
        while moment < NOW - dt.timedelta(minutes=10):
            record["transitions"].append({"at": format_utc(moment), "state": state})
            flaps += state == "resolved"
            state = "resolved" if state == "firing" else "firing"
            moment += dt.timedelta(minutes=rng.randint(18, 32))
        if record["transitions"][-1]["state"] != "firing":
            record["transitions"].append({"at": format_utc(moment), "state": "firing"})
        record["flaps_24h"] = flaps
        record["started_at"] = record["transitions"][-1]["at"]
    return _Alert(started, record, plant.story)


def alerts(
    rng: random.Random, incidents: list[Incident], oncall: OnCall
) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """The 100 alerts, numbered by start time, and the ids of the planted ones by story."""
    rows = [_planted(rng, plant, oncall) for plant in PLANTED]
    for incident in incidents:
        if incident.opened < METRICS_START or incident.resolved is None:
            continue
        rule = "ErrorRateHigh" if rng.random() < 0.7 else "LatencyP95High"
        started = incident.opened - dt.timedelta(minutes=rng.randint(1, 4))
        record = _record(rule, incident.service, incident.environment, started, "resolved")
        record.update(resolved_at=format_utc(incident.resolved), incident_id=incident.id)
        if incident.severity in ("SEV1", "SEV2"):
            record["severity"] = "critical"
        record["transitions"].append({"at": record["resolved_at"], "state": "resolved"})
        rows.append(_Alert(started, record, None))
    span = (NOW - dt.timedelta(hours=12) - METRICS_START).total_seconds()
    noise = ("HighCPU", "MemoryHigh", "DiskUsageHigh", "PodRestartsHigh", "LatencyP95High")
    while len(rows) < TOTAL:
        spec = rng.choice(SERVICES)
        started = METRICS_START + dt.timedelta(seconds=rng.uniform(0, span))
        started = started.replace(second=0, microsecond=0)
        environment = rng.choice(("prod", "prod", "staging", "dev"))
        record = _record(rng.choice(noise), spec.name, environment, started, "resolved")
        resolved = started + dt.timedelta(minutes=rng.randint(5, 95))
        record["resolved_at"] = format_utc(resolved)
        if rng.random() < 0.4:
            acked = started + dt.timedelta(minutes=rng.randint(1, 4))
            if acked < resolved:
                record.update(
                    acknowledged_by=oncall(spec.team, acked), acknowledged_at=format_utc(acked)
                )
                record["transitions"].append({"at": record["acknowledged_at"], "state": "acked"})
        record["transitions"].append({"at": record["resolved_at"], "state": "resolved"})
        rows.append(_Alert(started, record, None))
    rows.sort(key=lambda a: (a.started, a.record["service"], a.record["rule"]))
    stories = {}
    for number, alert in enumerate(rows, start=7001):
        alert.record["id"] = f"ALT-{number}"
        if alert.story:
            stories[alert.story] = alert.record["id"]
    return [a.record for a in rows], stories
