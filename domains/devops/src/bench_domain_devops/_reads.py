"""The read-only handlers of the platform API: catalogue, deployments, incidents, alerts,
metrics, SLOs, the rota, logs and freezes. Each takes the episode and the checked arguments."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any

import msgspec

from ._arguments import ApiError
from ._clock import format_local, format_utc, parse_utc
from ._episode import Episode, page
from ._fixtures import Alert, Deployment, Incident, Service
from ._metrics import (
    COUNTS,
    UNITS,
    buckets,
    budget,
    burn_rate,
    hours,
    index_of,
    rounded,
    value,
)

MAX_POINTS = 500
STEP_HOURS = {"1h": 1, "6h": 6, "1d": 24}
OPEN = ("investigating", "identified", "monitoring")


def _filters(args: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in args.items() if k not in ("cursor", "limit", "page", "per_page")}


def _service_row(service: Service) -> dict[str, Any]:
    return {
        "id": service.id,
        "name": service.name,
        "team": service.team,
        "owner": service.owner,
        "tier": service.tier,
        "former_names": [msgspec.structs.asdict(f) for f in service.former_names],
        "deleted_at": service.deleted_at,
    }


def list_services(episode: Episode, args: dict[str, Any]) -> Any:
    rows = [
        _service_row(s)
        for s in episode.data.services
        if (args.get("include_deleted", False) or s.deleted_at is None)
        and args.get("team", s.team) == s.team
        and args.get("tier", s.tier) == s.tier
    ]
    return {"services": rows, "total": len(rows)}


def get_service(episode: Episode, args: dict[str, Any]) -> Any:
    service = episode.service(args["service"])
    team = next(t for t in episode.data.teams if t.id == service.team)
    record = msgspec.structs.asdict(service)
    record["former_names"] = [msgspec.structs.asdict(f) for f in service.former_names]
    record["environments"] = list(service.environments)
    live = {}
    for environment in service.environments:
        deployment = episode.live_deployment(service.id, environment)
        live[environment] = (
            {"deployment_id": deployment.id, "version": deployment.version}
            if deployment and service.deleted_at is None
            else None
        )
    record.update(
        {
            "slack_channel": team.slack_channel,
            "live": live,
            "slo_ids": [s.id for s in episode.data.slos if s.service_id == service.id],
            "open_incidents": sum(
                i.service_id == service.id and i.status in OPEN for i in episode.incidents.values()
            ),
            "firing_alerts": sum(
                a.service_id == service.id and a.state == "firing" for a in episode.alerts.values()
            ),
        }
    )
    return record


def _deployment_row(deployment: Deployment) -> dict[str, Any]:
    row = msgspec.structs.asdict(deployment)
    del row["commit"], row["description"]
    return row


def list_deployments(episode: Episode, args: dict[str, Any]) -> Any:
    since, until = episode.range(args, "since", "until")
    service = episode.service(args["service"]).id if "service" in args else None
    author = args.get("author", "").casefold()
    rows = [
        d
        for d in episode.deployments.values()
        if (service is None or d.service_id == service)
        and args.get("environment", d.environment) == d.environment
        and args.get("status", d.status) == d.status
        and (not author or d.author == author)
        and (since is None or parse_utc(d.started_at) >= since)
        and (until is None or parse_utc(d.started_at) < until)
    ]
    rows.sort(key=lambda d: (d.started_at, d.id), reverse=args.get("order", "newest") == "newest")
    chunk, following = page(rows, args, 20, _filters(args))
    return {
        "deployments": [_deployment_row(d) for d in chunk],
        "total": len(rows),
        "returned": len(chunk),
        "next_cursor": following,
    }


def get_deployment(episode: Episode, args: dict[str, Any]) -> Any:
    deployment = episode.deployment(args["deployment_id"])
    record = msgspec.structs.asdict(deployment)
    live = episode.live_deployment(deployment.service_id, deployment.environment)
    record["is_live"] = live is not None and live.id == deployment.id
    record["caused_incidents"] = [
        i.id for i in episode.incidents.values() if i.caused_by_deployment == deployment.id
    ]
    return record


def _incident_row(incident: Incident) -> dict[str, Any]:
    row = msgspec.structs.asdict(incident)
    for key in ("timeline", "root_cause", "acknowledged_at"):
        del row[key]
    return row


def list_incidents(episode: Episode, args: dict[str, Any]) -> Any:
    since, until = episode.range(args, "since", "until")
    service = episode.service(args["service"]).id if "service" in args else None
    status = args.get("status")
    rows = [
        i
        for i in episode.incidents.values()
        if (service is None or i.service_id == service)
        and args.get("environment", i.environment) == i.environment
        and args.get("severity", i.severity) == i.severity
        and (status is None or i.status == status or (status == "open" and i.status in OPEN))
        and (since is None or parse_utc(i.opened_at) >= since)
        and (until is None or parse_utc(i.opened_at) < until)
    ]
    rows.sort(key=lambda i: (i.opened_at, i.id), reverse=True)
    per_page = args.get("per_page", 20)
    pages = max(1, math.ceil(len(rows) / per_page))
    number = args.get("page", 1)
    if number > pages:
        raise ApiError(f"page {number} is past the last page ({pages})")
    chunk = rows[(number - 1) * per_page : number * per_page]
    return {
        "incidents": [_incident_row(i) for i in chunk],
        "total": len(rows),
        "page": number,
        "pages": pages,
        "per_page": per_page,
    }


def get_incident(episode: Episode, args: dict[str, Any]) -> Any:
    incident = episode.incident(args["incident_id"])
    record = msgspec.structs.asdict(incident)
    record["timeline"] = [msgspec.structs.asdict(e) for e in incident.timeline]
    record["alert_ids"] = [a.id for a in episode.alerts.values() if a.incident_id == incident.id]
    return record


def _alert_row(alert: Alert) -> dict[str, Any]:
    row = msgspec.structs.asdict(alert)
    row["transitions"] = [msgspec.structs.asdict(t) for t in alert.transitions]
    return row


def list_alerts(episode: Episode, args: dict[str, Any]) -> Any:
    service = episode.service(args["service"]).id if "service" in args else None
    since = args.get("since")
    rows = [
        a
        for a in episode.alerts.values()
        if (service is None or a.service_id == service)
        and args.get("environment", a.environment) == a.environment
        and args.get("state", a.state) == a.state
        and args.get("severity", a.severity) == a.severity
        and (since is None or parse_utc(a.started_at) >= since)
    ]
    rows.sort(key=lambda a: (a.started_at, a.id), reverse=True)
    chunk, following = page(rows, args, 50, _filters(args))
    return {
        "alerts": [_alert_row(a) for a in chunk],
        "total": len(rows),
        "returned": len(chunk),
        "next_cursor": following,
    }


def query_metrics(episode: Episode, args: dict[str, Any]) -> Any:
    service = episode.live_service(args["service"])
    start, end = episode.range(args, "start", "end")
    assert start is not None
    assert end is not None
    metric, aggregation = args["metric"], args.get("aggregation", "avg")
    if aggregation == "sum" and metric not in COUNTS:
        raise ApiError(f"aggregation 'sum' applies to requests and errors, not {metric}")
    metrics = episode.data.metrics
    step = args.get("step", "1h")
    if not len(hours(metrics, start, end)):
        first = metrics.start
        last = format_utc(parse_utc(first) + dt.timedelta(hours=metrics.points))
        raise ApiError(f"no data in that range; metrics cover {first} to {last}", "not_found")
    rows = buckets(metrics, start, end, STEP_HOURS[step])
    if len(rows) > MAX_POINTS:
        raise ApiError(
            f"the query asks for {len(rows)} points; at most {MAX_POINTS} per query: narrow "
            "the range or use a larger step",
            "too_many_points",
        )
    series = episode.data.series_by_key[service.name, args["environment"]]
    return {
        "service": service.name,
        "environment": args["environment"],
        "metric": metric,
        "unit": UNITS[metric],
        "step": step,
        "aggregation": aggregation,
        "points": [
            {
                "timestamp": format_utc(moment),
                "value": rounded(metric, value(series, metric, idx, aggregation)),
            }
            for moment, idx in rows
        ],
    }


def get_slo(episode: Episode, args: dict[str, Any]) -> Any:
    service = episode.live_service(args["service"])
    environment = args.get("environment", "prod")
    slo = next(
        (
            s
            for s in episode.data.slos
            if (s.service_id, s.environment) == (service.id, environment)
        ),
        None,
    )
    if slo is None:
        with_slo = sorted({s.service for s in episode.data.slos})
        raise ApiError(
            f"{service.name} has no SLO in {environment}; services with SLOs (prod): "
            + ", ".join(with_slo),
            "not_found",
        )
    metrics = episode.data.metrics
    series = episode.data.series_by_key[service.name, environment]
    last = index_of(metrics, episode.now)  # the hour in progress is not complete
    window = range(max(0, last - 24 * slo.window_days), last)
    return {
        **msgspec.structs.asdict(slo),
        "window_start": format_utc(parse_utc(metrics.start) + dt.timedelta(hours=window.start)),
        "window_end": format_utc(parse_utc(metrics.start) + dt.timedelta(hours=window.stop)),
        **budget(slo, series, window),
        "burn_rates": {
            f"{h}h": burn_rate(slo, series, range(last - h, last)) for h in (1, 6, 24, 72)
        },
    }


def get_oncall(episode: Episode, args: dict[str, Any]) -> Any:
    if ("team" in args) == ("service" in args):
        raise ApiError("give exactly one of team or service")
    team = args["team"] if "team" in args else episode.service(args["service"]).team
    moment = args.get("at", episode.now)
    stamp = format_utc(moment)
    shift = next(
        (
            s
            for s in episode.data.oncall.shifts
            if s.team == team and s.starts_at <= stamp < s.ends_at
        ),
        None,
    )
    if shift is None:
        shifts = [s for s in episode.data.oncall.shifts if s.team == team]
        raise ApiError(
            f"the rota covers {shifts[0].starts_at} to {shifts[-1].ends_at}; {stamp} is outside",
            "not_found",
        )
    override = next(
        (
            o
            for o in episode.data.oncall.overrides
            if o.team == team and o.starts_at <= stamp < o.ends_at
        ),
        None,
    )
    return {
        "team": team,
        "at": stamp,
        "at_local": format_local(moment),
        "timezone": episode.data.meta.timezone,
        "primary": override.primary if override else shift.primary,
        "secondary": shift.secondary,
        "override": msgspec.structs.asdict(override) if override else None,
        "shift": msgspec.structs.asdict(shift),
    }


def search_logs(episode: Episode, args: dict[str, Any]) -> Any:
    start, end = episode.range(args, "start", "end")
    words = args["query"].casefold().split()
    service = episode.service(args["service"]).name if "service" in args else None
    start_stamp = format_utc(start) if start else None
    end_stamp = format_utc(end) if end else None
    rows = [
        line
        for line in episode.data.logs
        if (service is None or line.service == service)
        and args.get("environment", line.environment) == line.environment
        and args.get("level", line.level) == line.level
        and (start_stamp is None or line.timestamp >= start_stamp)
        and (end_stamp is None or line.timestamp < end_stamp)
        and all(w in line.message.casefold() for w in words)
    ]
    if args.get("order", "newest") == "newest":
        rows.reverse()
    chunk, following = page(rows, args, 50, _filters(args))
    return {
        "lines": [msgspec.structs.asdict(line) for line in chunk],
        "total": len(rows),
        "returned": len(chunk),
        "next_cursor": following,
    }


def list_change_freezes(episode: Episode, args: dict[str, Any]) -> Any:
    start, end = episode.range(args, "start", "end")
    now = format_utc(episode.now)
    rows = [
        f
        for f in episode.data.freezes
        if (start is None or f.ends_at > format_utc(start))
        and (end is None or f.starts_at < format_utc(end))
        and ("environment" not in args or args["environment"] in f.environments)
    ]
    active = [f.id for f in episode.data.freezes if f.starts_at <= now < f.ends_at]
    return {
        "freezes": [
            {**msgspec.structs.asdict(f), "environments": list(f.environments)} for f in rows
        ],
        "active_now": active,
        "now": now,
    }
