"""Incidents: the ones bad deployments caused, the ones with other causes, and their timelines.

An incident caused by a deployment opens minutes after the deployment finished and ends with
a rollback or a hotfix deployment; the acknowledging engineer is whoever held the team's
primary pager then (overrides included), so the incidents agree with the rota.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from typing import Any

from .._clock import format_utc
from ._deploys import Deploy, commit, in_freeze, reserved, team_of
from ._oncall import primary_at
from ._world import DELETED_AT, DELETED_SERVICE, HISTORY_START, NOW, SERVICES, service_id

SEVERITY_WEIGHTS = (("SEV1", 0.06), ("SEV2", 0.2), ("SEV3", 0.42), ("SEV4", 0.32))
_HOURS = {"SEV1": (0.7, 3.0), "SEV2": (0.5, 4.0), "SEV3": (0.4, 5.0), "SEV4": (0.5, 10.0)}
# How much worse a service runs during an incident of each severity: error and latency factors.
IMPACT = {"SEV1": (30.0, 2.4), "SEV2": (12.0, 1.8), "SEV3": (5.0, 1.4), "SEV4": (2.5, 1.15)}

_CAUSES = {
    "config": (
        "A config change lowered the {svc} connection limit",
        "Expired TLS certificate on the {svc} ingress",
        "Feature flag enabled for 100% instead of 10% in {svc}",
    ),
    "capacity": (
        "Traffic spike exhausted {svc} worker threads",
        "{svc} pods hit their memory limit",
        "Database connection pool of {svc} saturated",
    ),
    "dependency": (
        "Upstream PSP timeouts slowed {svc}",
        "Carrier API outage degraded {svc}",
        "Managed Redis failover paused {svc} cache reads",
    ),
    "infrastructure": (
        "Node pool upgrade evicted {svc} pods",
        "DNS resolution failures in the {svc} namespace",
        "Disk pressure on the node hosting {svc}",
    ),
    "unknown": ("Transient errors in {svc}; cause not found",),
}
_CAUSE_WEIGHTS = (
    ("config", 0.25),
    ("capacity", 0.25),
    ("dependency", 0.22),
    ("infrastructure", 0.2),
    ("unknown", 0.08),
)
_TITLES = (
    "Elevated 5xx on {svc}",
    "{svc} latency above SLO",
    "{svc} requests timing out",
    "Partial outage of {svc}",
    "{svc} error rate alert",
    "Degraded {svc} responses",
)


@dataclasses.dataclass(eq=False)
class Incident:
    """An incident while the generator builds it."""

    service: str
    environment: str
    severity: str
    opened: dt.datetime
    resolved: dt.datetime | None
    title: str
    category: str | None  # root cause category; None while unknown
    root_cause: str | None
    cause: Deploy | None = None
    mitigation: Deploy | None = None
    reopened: tuple[dt.datetime, dt.datetime] | None = None  # (first resolved, reopened)
    status: str = "resolved"
    effect_start: dt.datetime | None = None
    effect_end: dt.datetime | None = None
    impact: tuple[float, float] | None = None
    story: str | None = None
    identified: dt.datetime | None = None
    id: str = ""

    @property
    def affected(self) -> tuple[dt.datetime, dt.datetime]:
        """When the metrics show the damage: from the cause to the end (or now)."""
        start = self.effect_start or self.opened - dt.timedelta(minutes=15)
        return start, self.effect_end or self.resolved or NOW


def _pick(rng: random.Random, weighted: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([k for k, _ in weighted], [w for _, w in weighted])[0]


def bad_deploys(rng: random.Random, deploys: list[Deploy], count: int) -> list[Incident]:
    """Turn ``count`` routine prod releases into bad ones, each with its incident and its fix."""
    by_key: dict[tuple[str, str], list[Deploy]] = {}
    for deploy in sorted(deploys, key=lambda d: d.started):
        by_key.setdefault((deploy.service, deploy.environment), []).append(deploy)
    candidates = []
    for (service, environment), rows in sorted(by_key.items()):
        if environment != "prod" or service == DELETED_SERVICE.name:
            continue
        for deploy, after in zip(rows, [*rows[1:], None], strict=True):
            calm = after is None or after.started - deploy.finished > dt.timedelta(days=1)
            if (
                deploy.story is None
                and not deploy.fails
                and calm
                and deploy.finished < NOW - dt.timedelta(days=2)
                and not reserved(
                    service, environment, deploy.started, deploy.finished + dt.timedelta(days=1)
                )
            ):
                candidates.append(deploy)
    chosen = sorted(rng.sample(candidates, count), key=lambda d: d.started)
    incidents = []
    for deploy in chosen:
        severity = _pick(rng, SEVERITY_WEIGHTS)
        opened = deploy.finished + dt.timedelta(minutes=rng.randint(6, 45))
        fixed_at = opened + dt.timedelta(minutes=rng.randint(15, 80))
        members = team_of(deploy.service)
        if rng.random() < 0.6 and not in_freeze(fixed_at):
            fix = Deploy(
                deploy.service,
                "prod",
                "rollback",
                fixed_at,
                rng.randint(4, 10),
                "",
                deploy.commit,
                f"Roll back {deploy.service}: incident",
                target=deploy,
            )
        else:
            fix = Deploy(
                deploy.service,
                "prod",
                "hotfix",
                fixed_at,
                rng.randint(6, 15),
                rng.choice(members),
                commit(rng),
                f"Hotfix: revert '{deploy.description}'",
            )
        deploys.append(fix)
        incidents.append(
            Incident(
                deploy.service,
                "prod",
                severity,
                opened,
                fix.finished + dt.timedelta(minutes=rng.randint(10, 50)),
                rng.choice(_TITLES).format(svc=deploy.service),
                "deployment",
                f"Regression shipped in the release '{deploy.description}'",
                cause=deploy,
                mitigation=fix,
                effect_start=deploy.finished,
                identified=fix.started - dt.timedelta(minutes=rng.randint(2, 8)),
            )
        )
    return incidents


def other_incidents(rng: random.Random, count: int) -> list[Incident]:
    """Incidents with causes other than a deployment, spread over the 90 days."""
    weights = [4 if s.tier == 1 else 2 if s.tier == 2 else 1 for s in SERVICES]
    incidents: list[Incident] = []
    span = (NOW - dt.timedelta(hours=30) - HISTORY_START).total_seconds()
    while len(incidents) < count:
        spec = rng.choices(SERVICES, weights)[0]
        if rng.random() < 0.03:
            spec = DELETED_SERVICE
        environment = "prod" if rng.random() < 0.85 else "staging"
        opened = HISTORY_START + dt.timedelta(seconds=rng.uniform(0, span))
        opened = opened.replace(second=0, microsecond=0)
        severity = _pick(rng, SEVERITY_WEIGHTS)
        low, high = _HOURS[severity]
        resolved = opened + dt.timedelta(hours=rng.uniform(low, high))
        resolved = resolved.replace(second=0, microsecond=0)
        if reserved(spec.name, environment, opened - dt.timedelta(hours=1), resolved):
            continue
        if spec is DELETED_SERVICE and resolved >= DELETED_AT:
            continue
        category = _pick(rng, _CAUSE_WEIGHTS)
        incidents.append(
            Incident(
                spec.name,
                environment,
                severity,
                opened,
                resolved,
                rng.choice(_TITLES).format(svc=spec.name),
                category,
                rng.choice(_CAUSES[category]).format(svc=spec.name),
                identified=opened + (resolved - opened) / 2,
            )
        )
    return incidents


def timeline(
    rng: random.Random,
    incident: Incident,
    shifts: list[dict[str, Any]],
    overrides: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """The incident's timeline: opened, acknowledged, updates, identified, mitigated, resolved."""
    spec = next(s for s in (*SERVICES, DELETED_SERVICE) if s.name == incident.service)
    oncall = primary_at(shifts, overrides, spec.team, incident.opened)
    events: list[tuple[dt.datetime, str, str, str]] = [
        (
            incident.opened,
            "opened",
            "alertmanager",
            f"Opened from alert on {incident.service} ({incident.environment}).",
        ),
        (
            incident.opened + dt.timedelta(minutes=rng.randint(2, 9)),
            "acknowledged",
            oncall,
            "Acknowledged; looking.",
        ),
    ]
    if incident.identified is not None and incident.root_cause is not None:
        text = f"Root cause: {incident.root_cause}."
        if incident.cause is not None:
            cause = incident.cause
            text = f"Errors began after deployment {cause.id} ({cause.version}); {text}"
        events.append((incident.identified, "identified", oncall, text))
    if incident.mitigation is not None:
        fix = incident.mitigation
        verb = "Rolled back" if fix.kind == "rollback" else "Hotfix deployed"
        events.append((fix.finished, "mitigated", fix.author, f"{verb}: {fix.id} ({fix.version})."))
    if incident.reopened is not None:
        first, again = incident.reopened
        events.append((first, "resolved", oncall, "Resolved; error rate back to normal."))
        events.append(
            (
                again,
                "reopened",
                primary_at(shifts, overrides, spec.team, again),
                "Reopened: the problem came back.",
            )
        )
    if incident.resolved is not None:
        events.append(
            (incident.resolved, "resolved", oncall, "Resolved; error rate back to normal.")
        )
        if incident.severity in ("SEV1", "SEV2"):
            events.append(
                (
                    incident.resolved + dt.timedelta(hours=2),
                    "postmortem",
                    oncall,
                    "Postmortem scheduled.",
                )
            )
    events.sort(key=lambda e: e[0])
    return [
        {"at": format_utc(at), "type": kind, "author": author, "text": text}
        for at, kind, author, text in events
        if at <= NOW
    ]


def incident_record(incident: Incident, events: list[dict[str, Any]]) -> dict[str, Any]:
    """The fixture form of an incident."""
    acknowledged = next(e for e in events if e["type"] == "acknowledged")
    return {
        "id": incident.id,
        "title": incident.title,
        "service_id": service_id(incident.service),
        "service": incident.service,
        "environment": incident.environment,
        "severity": incident.severity,
        "status": incident.status,
        "opened_at": format_utc(incident.opened),
        "acknowledged_at": acknowledged["at"],
        "resolved_at": format_utc(incident.resolved) if incident.resolved else None,
        "commander": acknowledged["author"],
        "caused_by_deployment": incident.cause.id if incident.cause else None,
        "root_cause_category": incident.category,
        "root_cause": incident.root_cause,
        "reopened_count": 1 if incident.reopened else 0,
        "timeline": events,
    }
