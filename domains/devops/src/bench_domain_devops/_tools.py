"""The platform API's tools, as OpenAI function schemas, documented like the real thing.

Near neighbours are on purpose: list vs get-one for services, deployments and incidents; the
incident list vs the log search; raw metrics vs the SLO's computed budget; acknowledging vs
silencing an alert; and four write actions beside the reads.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from ._metrics import METRICS, UNITS

ENVIRONMENTS = ("dev", "staging", "prod")
TEAM_IDS = ("payments", "storefront", "identity", "fulfillment", "platform", "discovery")
SEVERITIES = ("SEV1", "SEV2", "SEV3", "SEV4")
INCIDENT_STATUSES = ("investigating", "identified", "monitoring", "resolved")
ALERT_STATES = ("firing", "acked", "resolved", "silenced")
WRITE_TOOLS = frozenset(
    {"rollback_deployment", "update_incident", "acknowledge_alert", "silence_alert"}
)

_SERVICE = {
    "type": "string",
    "description": "Service name as in the catalogue (`checkout`) or its id (`svc-101`); "
    "case-insensitive. Former names of renamed services are not accepted.",
}
_ENVIRONMENT = {"type": "string", "enum": list(ENVIRONMENTS), "description": "Environment."}


def _instant(what: str) -> dict[str, Any]:
    return {
        "type": "string",
        "format": "date-time",
        "description": f"{what}: ISO 8601 date-time (2026-04-07T22:00:00Z). An offset such as "
        "+02:00 is honoured; without one the time is read as UTC; a plain date "
        "(YYYY-MM-DD) means 00:00 UTC that day.",
    }


def _limit(default: int, maximum: int) -> dict[str, Any]:
    return {
        "type": "integer",
        "minimum": 1,
        "maximum": maximum,
        "default": default,
        "description": f"Page size (default {default}, at most {maximum}).",
    }


_CURSOR = {
    "type": "string",
    "description": "Opaque cursor from a previous response's `next_cursor`, to fetch the next "
    "page of the same query (keep every other argument the same).",
}


def _tool(
    name: str, description: str, properties: dict[str, Any], required: tuple[str, ...] = ()
) -> dict[str, Any]:
    return {
        "type": "function",
        "function": {
            "name": name,
            "description": description,
            "parameters": {
                "type": "object",
                "properties": properties,
                "required": list(required),
                "additionalProperties": False,
            },
        },
    }


TOOLS: tuple[dict[str, Any], ...] = (
    _tool(
        "list_services",
        "List the service catalogue: id, name, owning team, tier (1 = customer-facing and "
        "revenue-critical, 3 = internal), owner, former names and deletion time. Deleted "
        "services are left out unless `include_deleted` is true.",
        {
            "team": {"type": "string", "enum": list(TEAM_IDS), "description": "Owning team."},
            "tier": {"type": "integer", "minimum": 1, "maximum": 3, "description": "Tier."},
            "include_deleted": {
                "type": "boolean",
                "default": False,
                "description": "Include services that were deleted.",
            },
        },
    ),
    _tool(
        "get_service",
        "Get one service: its catalogue record, the team's Slack channel, the deployment and "
        "version live in each environment, its SLO ids, and counts of open incidents and "
        "firing alerts.",
        {"service": _SERVICE},
        ("service",),
    ),
    _tool(
        "list_deployments",
        "List deployments as summary rows (id, service, environment, version, previous "
        "version, author, kind, status, start and finish times, rollback links), newest first "
        "unless `order` is `oldest`. Status `rolled_back` means a later rollback deployment "
        "(`rolled_back_by`) restored the previous version; `failed` means the version never "
        "went live. Paged: follow `next_cursor` while it is not null; `total` counts every "
        "match.",
        {
            "service": _SERVICE,
            "environment": _ENVIRONMENT,
            "status": {
                "type": "string",
                "enum": ["succeeded", "failed", "rolled_back"],
                "description": "Deployment status.",
            },
            "author": {"type": "string", "description": "Author's handle (`priya.raman`)."},
            "since": _instant("Only deployments started at or after this instant"),
            "until": _instant("Only deployments started before this instant"),
            "order": {
                "type": "string",
                "enum": ["newest", "oldest"],
                "default": "newest",
                "description": "Sort by start time.",
            },
            "limit": _limit(20, 50),
            "cursor": _CURSOR,
        },
    ),
    _tool(
        "get_deployment",
        "Get one deployment by id (`DEP-4367`): every field of the list row plus the commit, "
        "the description, whether its version is live now, and the incidents it caused.",
        {"deployment_id": {"type": "string", "description": "Deployment id, e.g. DEP-4367."}},
        ("deployment_id",),
    ),
    _tool(
        "rollback_deployment",
        "Roll back a deployment: redeploy the version it replaced, in the same service and "
        "environment. Only the deployment that is live now can be rolled back. Creates a new "
        "deployment of kind `rollback` and marks the target `rolled_back`. Irreversible from "
        "this API. The change-freeze policy is the caller's to respect.",
        {
            "deployment_id": {"type": "string", "description": "Id of the live deployment."},
            "reason": {
                "type": "string",
                "minLength": 5,
                "maxLength": 500,
                "description": "Why, for the audit log.",
            },
            "incident_id": {
                "type": "string",
                "description": "Incident this rollback mitigates (`INC-3080`), if any.",
            },
        },
        ("deployment_id", "reason"),
    ),
    _tool(
        "list_incidents",
        "List incidents as summary rows (id, title, service, environment, severity, status, "
        "opened, resolved, commander, causing deployment) without their timelines, newest "
        "first. `status` `open` matches every status except `resolved`. Paged by page number: "
        "the response has `page`, `pages` and `total`.",
        {
            "service": _SERVICE,
            "environment": _ENVIRONMENT,
            "severity": {"type": "string", "enum": list(SEVERITIES), "description": "Severity."},
            "status": {
                "type": "string",
                "enum": [*INCIDENT_STATUSES, "open"],
                "description": "Status, or `open` for any unresolved one.",
            },
            "since": _instant("Only incidents opened at or after this instant"),
            "until": _instant("Only incidents opened before this instant"),
            "page": {
                "type": "integer",
                "minimum": 1,
                "default": 1,
                "description": "Page number, from 1.",
            },
            "per_page": _limit(20, 50),
        },
    ),
    _tool(
        "get_incident",
        "Get one incident by id (`INC-3080`) with its full timeline (opened, acknowledged, "
        "identified, mitigated, resolved, reopened, notes), root cause and linked alerts.",
        {"incident_id": {"type": "string", "description": "Incident id, e.g. INC-3080."}},
        ("incident_id",),
    ),
    _tool(
        "update_incident",
        "Update an incident: change its status or severity, record the root cause, or add a "
        "note to the timeline. Give at least one of `status`, `severity`, `root_cause`, "
        "`note`. Resolving sets `resolved_at` to now; a resolved incident can be reopened by "
        "setting another status.",
        {
            "incident_id": {"type": "string", "description": "Incident id."},
            "status": {
                "type": "string",
                "enum": list(INCIDENT_STATUSES),
                "description": "New status.",
            },
            "severity": {
                "type": "string",
                "enum": list(SEVERITIES),
                "description": "New severity.",
            },
            "root_cause": {"type": "string", "maxLength": 500, "description": "Root cause text."},
            "note": {
                "type": "string",
                "minLength": 1,
                "maxLength": 2000,
                "description": "A note added to the timeline.",
            },
        },
        ("incident_id",),
    ),
    _tool(
        "list_alerts",
        "List alerts (id, rule, service, environment, severity, state, start, who "
        "acknowledged or silenced it, linked incident, state changes in the last 24 hours as "
        "`flaps_24h`), newest first. Paged: follow `next_cursor` while it is not null.",
        {
            "service": _SERVICE,
            "environment": _ENVIRONMENT,
            "state": {"type": "string", "enum": list(ALERT_STATES), "description": "State."},
            "severity": {
                "type": "string",
                "enum": ["critical", "warning", "info"],
                "description": "Alert severity.",
            },
            "since": _instant("Only alerts that started at or after this instant"),
            "limit": _limit(50, 100),
            "cursor": _CURSOR,
        },
    ),
    _tool(
        "acknowledge_alert",
        "Acknowledge a firing alert: it stays open but stops paging. Only `firing` alerts can "
        "be acknowledged.",
        {
            "alert_id": {"type": "string", "description": "Alert id, e.g. ALT-7095."},
            "note": {"type": "string", "maxLength": 500, "description": "Optional note."},
        },
        ("alert_id",),
    ),
    _tool(
        "silence_alert",
        "Silence an alert for a while: no notifications until the silence ends, whatever its "
        "state. For alerts that are `firing` or `acked`.",
        {
            "alert_id": {"type": "string", "description": "Alert id."},
            "duration_minutes": {
                "type": "integer",
                "minimum": 5,
                "maximum": 10080,
                "description": "How long, in minutes (at most 7 days).",
            },
            "reason": {
                "type": "string",
                "minLength": 3,
                "maxLength": 500,
                "description": "Why, shown to the team.",
            },
        },
        ("alert_id", "duration_minutes", "reason"),
    ),
    _tool(
        "query_metrics",
        "Query one metric of one service in one environment over a time range, in buckets of "
        "`step`. Data is hourly and kept 30 days. Buckets start at `start` floored to the hour "
        "(`1d` buckets at 00:00 UTC); a bucket's timestamp is its start. `aggregation` "
        "combines the hourly points in a bucket; for `error_rate_pct`, `avg` is total errors / "
        "total requests of the bucket; `sum` is for `requests` and `errors` only. At most 500 "
        "points per query. Units: " + "; ".join(f"{m}: {u}" for m, u in UNITS.items()) + ".",
        {
            "service": _SERVICE,
            "environment": _ENVIRONMENT,
            "metric": {"type": "string", "enum": list(METRICS), "description": "Metric."},
            "start": _instant("Start of the range, inclusive"),
            "end": _instant("End of the range, exclusive"),
            "step": {
                "type": "string",
                "enum": ["1h", "6h", "1d"],
                "default": "1h",
                "description": "Bucket size.",
            },
            "aggregation": {
                "type": "string",
                "enum": ["avg", "min", "max", "sum"],
                "default": "avg",
                "description": "How the hourly points of a bucket combine.",
            },
        },
        ("service", "environment", "metric", "start", "end"),
    ),
    _tool(
        "get_slo",
        "Get a service's availability SLO and its error budget over the rolling 30-day "
        "window ending at the last full hour: objective, measured availability, budget in "
        "errors, percent spent and remaining, and burn rates over the last 1, 6, 24 and 72 "
        "hours (1.0 spends the budget exactly over the window; above 14.4 over 1 hour pages).",
        {"service": _SERVICE, "environment": {**_ENVIRONMENT, "default": "prod"}},
        ("service",),
    ),
    _tool(
        "get_oncall",
        "Who holds a team's pager at an instant: primary and secondary, any override in force, "
        "and the shift's start and end in UTC and in the team's local time (Europe/Berlin; "
        "shifts hand over on Mondays at 09:00 local). Give `team` or `service`.",
        {
            "team": {"type": "string", "enum": list(TEAM_IDS), "description": "Team id."},
            "service": _SERVICE,
            "at": _instant("The instant to ask about (default: now)"),
        },
    ),
    _tool(
        "search_logs",
        "Search retained log lines (WARN, ERROR and deployment notices; 30 days) for lines "
        "containing every word of `query` (case-insensitive), newest first unless `order` is "
        "`oldest`. Each line has timestamp, service, environment, level, pod, message and "
        "trace id. Paged: follow `next_cursor` while it is not null.",
        {
            "query": {"type": "string", "minLength": 1, "description": "Words to find."},
            "service": _SERVICE,
            "environment": _ENVIRONMENT,
            "level": {"type": "string", "enum": ["INFO", "WARN", "ERROR"], "description": "Level."},
            "start": _instant("Earliest line, inclusive"),
            "end": _instant("Latest line, exclusive"),
            "order": {
                "type": "string",
                "enum": ["newest", "oldest"],
                "default": "newest",
                "description": "Sort by time.",
            },
            "limit": _limit(50, 100),
            "cursor": _CURSOR,
        },
        ("query",),
    ),
    _tool(
        "list_change_freezes",
        "List change freezes (id, name, start and end in UTC and Berlin time, environments, "
        "reason) that overlap a range, and whether one is in force now. Without a range, "
        "every freeze.",
        {
            "start": _instant("Start of the range"),
            "end": _instant("End of the range"),
            "environment": _ENVIRONMENT,
        },
    ),
)

TOOL_SCHEMAS = MappingProxyType({t["function"]["name"]: t["function"]["parameters"] for t in TOOLS})
