"""The write handlers of the platform API: roll back, update an incident, acknowledge or
silence an alert. Each checks the record's state first, then replaces it in the episode and
records one effect, whose fields are the result and not the wording of the call."""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec

from ._arguments import ApiError
from ._clock import format_utc
from ._episode import Episode
from ._fixtures import Deployment, TimelineEvent, Transition

ACTOR = "oncall-assistant"  # who the API records as the author of the episode's writes


def rollback_deployment(episode: Episode, args: dict[str, Any]) -> Any:
    target = episode.deployment(args["deployment_id"])
    if target.status == "rolled_back":
        raise ApiError(
            f"{target.id} was already rolled back by {target.rolled_back_by}", "conflict"
        )
    if target.status == "failed":
        raise ApiError(
            f"{target.id} failed and never went live; there is nothing to roll back", "conflict"
        )
    live = episode.live_deployment(target.service_id, target.environment)
    if live is None or live.id != target.id:
        raise ApiError(
            f"{target.id} is not the live deployment of {target.service} in "
            f"{target.environment}; only the live one can be rolled back",
            "conflict",
        )
    incident_id = None
    if "incident_id" in args:
        incident_id = episode.incident(args["incident_id"]).id
    if target.previous_version is None:  # pragma: no cover - every deployment replaced one
        raise ApiError(f"{target.id} has no previous version to return to", "conflict")
    number = 1 + max(int(d.removeprefix("DEP-")) for d in episode.deployments)
    now = format_utc(episode.now)
    rollback = Deployment(
        id=f"DEP-{number}",
        service_id=target.service_id,
        service=target.service,
        environment=target.environment,
        version=target.previous_version,
        previous_version=target.version,
        commit=target.commit,
        author=ACTOR,
        kind="rollback",
        description=f"Roll back {target.id}: {args['reason']}",
        started_at=now,
        finished_at=format_utc(episode.now + dt.timedelta(minutes=6)),
        status="succeeded",
        rolled_back_by=None,
        rollback_of=target.id,
    )
    episode.deployments[target.id] = msgspec.structs.replace(
        target, status="rolled_back", rolled_back_by=rollback.id
    )
    episode.deployments[rollback.id] = rollback
    episode.did(
        "rollback_deployment",
        target.id,
        service=target.service,
        environment=target.environment,
        to_version=target.previous_version,
        incident_id=incident_id,
    )
    in_freeze = [
        f.id
        for f in episode.data.freezes
        if target.environment in f.environments and f.starts_at <= now < f.ends_at
    ]
    return {
        "rollback": msgspec.structs.asdict(rollback),
        "rolled_back": target.id,
        "warnings": [f"{target.environment} is in change freeze {f}" for f in in_freeze],
    }


def update_incident(episode: Episode, args: dict[str, Any]) -> Any:
    incident = episode.incident(args["incident_id"])
    changes = {k: args[k] for k in ("status", "severity", "root_cause", "note") if k in args}
    if not changes:
        raise ApiError("give at least one of status, severity, root_cause or note")
    for key in ("status", "severity"):
        if changes.get(key) == getattr(incident, key):
            raise ApiError(f"{incident.id} already has {key} {changes[key]}", "conflict")
    now = format_utc(episode.now)
    events = list(incident.timeline)
    fields: dict[str, Any] = {}
    resolved_at = incident.resolved_at
    reopened = incident.reopened_count
    if "status" in changes:
        status = changes["status"]
        kind = "resolved" if status == "resolved" else "status_changed"
        if incident.status == "resolved":
            kind, resolved_at, reopened = "reopened", None, reopened + 1
        if status == "resolved":
            resolved_at = now
        events.append(TimelineEvent(at=now, type=kind, author=ACTOR, text=f"Status: {status}."))
        fields["status"] = status
    if "severity" in changes:
        text = f"Severity {incident.severity} -> {changes['severity']}."
        events.append(TimelineEvent(at=now, type="severity_changed", author=ACTOR, text=text))
        fields["severity"] = changes["severity"]
    if "root_cause" in changes:
        fields["root_cause"] = changes["root_cause"]
    if "note" in changes:
        events.append(TimelineEvent(at=now, type="note", author=ACTOR, text=changes["note"]))
        fields["note"] = changes["note"]
    updated = msgspec.structs.replace(
        incident,
        status=fields.get("status", incident.status),
        severity=fields.get("severity", incident.severity),
        root_cause=fields.get("root_cause", incident.root_cause),
        resolved_at=resolved_at,
        reopened_count=reopened,
        timeline=tuple(events),
    )
    episode.incidents[incident.id] = updated
    episode.did("update_incident", incident.id, **fields)
    record = msgspec.structs.asdict(updated)
    record["timeline"] = [msgspec.structs.asdict(e) for e in updated.timeline]
    return record


def acknowledge_alert(episode: Episode, args: dict[str, Any]) -> Any:
    alert = episode.alert(args["alert_id"])
    if alert.state != "firing":
        detail = {
            "acked": f"it was acknowledged by {alert.acknowledged_by} at {alert.acknowledged_at}",
            "resolved": f"it resolved at {alert.resolved_at}",
            "silenced": f"it is silenced until {alert.silenced_until}",
        }[alert.state]
        raise ApiError(f"{alert.id} is not firing: {detail}", "conflict")
    now = format_utc(episode.now)
    updated = msgspec.structs.replace(
        alert,
        state="acked",
        acknowledged_by=ACTOR,
        acknowledged_at=now,
        transitions=(*alert.transitions, Transition(at=now, state="acked")),
    )
    episode.alerts[alert.id] = updated
    episode.did("acknowledge_alert", alert.id)
    return {"alert_id": alert.id, "state": "acked", "acknowledged_at": now}


def silence_alert(episode: Episode, args: dict[str, Any]) -> Any:
    alert = episode.alert(args["alert_id"])
    if alert.state == "resolved":
        raise ApiError(
            f"{alert.id} resolved at {alert.resolved_at}; nothing to silence", "conflict"
        )
    if alert.state == "silenced":
        raise ApiError(f"{alert.id} is already silenced until {alert.silenced_until}", "conflict")
    minutes = args["duration_minutes"]
    until = format_utc(episode.now + dt.timedelta(minutes=minutes))
    now = format_utc(episode.now)
    updated = msgspec.structs.replace(
        alert,
        state="silenced",
        silenced_until=until,
        silenced_by=ACTOR,
        silence_reason=args["reason"],
        transitions=(*alert.transitions, Transition(at=now, state="silenced")),
    )
    episode.alerts[alert.id] = updated
    episode.did("silence_alert", alert.id, duration_minutes=minutes, until=until)
    return {"alert_id": alert.id, "state": "silenced", "silenced_until": until}
