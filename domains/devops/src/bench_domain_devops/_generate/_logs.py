"""Application logs of the last 30 days: deployments, incident errors, background noise, OOMs.

Lines are kept for warnings and errors (and deployment notices): the retention policy of a
platform that cannot afford to keep every INFO line. The inventory OOM story spreads over more
lines than one page holds, and one pod appears only in its first minutes.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from .._clock import format_utc
from ._deploys import Deploy
from ._incidents import Incident
from ._world import ENVIRONMENTS, METRICS_START, NOW, SERVICES

BACKGROUND_LINES = 1300
OOM_START = dt.datetime(2026, 4, 3, 12, 55, tzinfo=dt.UTC)
OOM_END = dt.datetime(2026, 4, 3, 16, 5, tzinfo=dt.UTC)
OOM_LINES = 136
OOM_LIMIT = "1600Mi"

_NOISE = (
    ("WARN", "slow query on {table}: {ms} ms"),
    ("WARN", "retrying call to {dep} (attempt 2 of 3)"),
    ("WARN", "GC pause {ms} ms"),
    ("WARN", "cache miss ratio {pct}% above 20%"),
    ("ERROR", "request failed: upstream {dep} returned 503"),
    ("WARN", "connection pool at {pct}% of capacity"),
)
_INCIDENT = {
    "deployment": "unhandled exception after release: {exc}",
    "config": "rejected connection: limit reached (config)",
    "capacity": "worker pool exhausted, queue length {n}",
    "dependency": "timeout after 3000 ms calling {dep}",
    "infrastructure": "lookup {dep}.svc.cluster.local: no such host",
    None: "HTTP 500 on {route}",
    "unknown": "HTTP 500 on {route}",
}
_EXCEPTIONS = (
    "NullPointerException",
    "IllegalStateException",
    "KeyError: 'currency'",
    "ArithmeticException: scale",
)
_DEPS = (
    "postgres-main",
    "redis-cache",
    "payments",
    "ledger",
    "kafka",
    "psp-adyen",
    "carrier-dhl",
    "auth",
)
_TABLES = ("orders", "carts", "line_items", "stock_levels", "sessions", "invoices")


def pods(rng: random.Random) -> dict[tuple[str, str], list[str]]:
    """Each live series' pods: a ReplicaSet hash and a few replicas."""
    names: dict[tuple[str, str], list[str]] = {}
    alphabet = "bcdfghjklmnpqrstvwxz2456789"
    for spec in SERVICES:
        for environment in ENVIRONMENTS:
            replica_set = "".join(rng.choice(alphabet) for _ in range(9))
            count = 4 if environment == "prod" else 2
            names[spec.name, environment] = [
                f"{spec.name}-{replica_set}-{''.join(rng.choice(alphabet) for _ in range(5))}"
                for _ in range(count)
            ]
    return names


def _line(  # noqa: PLR0917 - one log line's fields, in the order a log shows them
    moment: dt.datetime,
    service: str,
    environment: str,
    level: str,
    pod: str,
    message: str,
    rng: random.Random,
) -> dict[str, Any]:
    return {
        "timestamp": format_utc(moment),
        "service": service,
        "environment": environment,
        "level": level,
        "pod": pod,
        "message": message,
        "trace_id": f"{rng.getrandbits(64):016x}",
    }


def _fill(template: str, rng: random.Random) -> str:
    return template.format(
        table=rng.choice(_TABLES),
        ms=rng.randint(300, 2400),
        dep=rng.choice(_DEPS),
        pct=rng.randint(21, 97),
        n=rng.randint(200, 5000),
        exc=rng.choice(_EXCEPTIONS),
        route=rng.choice(("/v1/items", "/v1/orders", "/v1/checkout", "/healthz/ready")),
    )


def logs(
    rng: random.Random,
    deploys: list[Deploy],
    incidents: list[Incident],
    pod_names: dict[tuple[str, str], list[str]],
) -> tuple[list[dict[str, Any]], list[str]]:
    """Every log line in time order, and the inventory pods that were OOM-killed."""
    lines = []
    live = {spec.name for spec in SERVICES}
    for deploy in deploys:
        if deploy.started < METRICS_START or deploy.service not in live:
            continue
        pod = pod_names[deploy.service, deploy.environment][0]
        lines.append(
            _line(
                deploy.started,
                deploy.service,
                deploy.environment,
                "INFO",
                pod,
                f"deployment {deploy.id} started: {deploy.previous_version} -> {deploy.version}",
                rng,
            )
        )
        if deploy.status == "failed":
            lines.append(
                _line(
                    deploy.finished,
                    deploy.service,
                    deploy.environment,
                    "ERROR",
                    pod,
                    f"deployment {deploy.id} failed: readiness probe timed out",
                    rng,
                )
            )
        else:
            lines.append(
                _line(
                    deploy.finished,
                    deploy.service,
                    deploy.environment,
                    "INFO",
                    pod,
                    f"deployment {deploy.id} finished: {deploy.version} live",
                    rng,
                )
            )
    for incident in incidents:
        start, end = incident.affected
        if end < METRICS_START or incident.service not in live or incident.story == "inventory_oom":
            continue
        start = max(start, METRICS_START)
        seconds = (end - start).total_seconds()
        template = _INCIDENT[incident.category]
        for _ in range(rng.randint(12, 36)):
            moment = start + dt.timedelta(seconds=rng.uniform(0, seconds))
            pod = rng.choice(pod_names[incident.service, incident.environment])
            lines.append(
                _line(
                    moment,
                    incident.service,
                    incident.environment,
                    "ERROR",
                    pod,
                    _fill(template, rng),
                    rng,
                )
            )
    # The OOM story: the pods of inventory prod, and one extra that only the first lines name.
    oom_pods = [*pod_names["inventory", "prod"], "inventory-x7k2m9qcd-wq4tz"]
    seconds = (OOM_END - OOM_START).total_seconds()
    for index in range(OOM_LINES):
        moment = OOM_START + dt.timedelta(seconds=index * seconds / OOM_LINES + rng.uniform(0, 50))
        pod = oom_pods[-1] if index < 6 else rng.choice(oom_pods[:-1])
        lines.append(
            _line(
                moment,
                "inventory",
                "prod",
                "ERROR",
                pod,
                f"container inventory OOMKilled (limit {OOM_LIMIT}); restarting",
                rng,
            )
        )
    span = (NOW - METRICS_START).total_seconds()
    for _ in range(BACKGROUND_LINES):
        spec = rng.choice(SERVICES)
        environment = rng.choice(("prod", "prod", "prod", "staging", "dev"))
        moment = METRICS_START + dt.timedelta(seconds=rng.uniform(0, span))
        level, template = rng.choice(_NOISE)
        lines.append(
            _line(
                moment,
                spec.name,
                environment,
                level,
                rng.choice(pod_names[spec.name, environment]),
                _fill(template, rng),
                rng,
            )
        )
    for line in lines:
        line["timestamp"] = line["timestamp"][:19] + "Z"
    lines.sort(key=lambda line: (line["timestamp"], line["service"], line["trace_id"]))
    return lines, sorted(set(oom_pods))
