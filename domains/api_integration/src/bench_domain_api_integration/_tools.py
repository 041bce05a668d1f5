"""The gateway console's tools, as OpenAI function schemas, documented like the real thing.

Near neighbours are on purpose: list vs get-one for endpoints, keys and webhooks; raw request
logs (paged) vs aggregated traffic statistics vs billing-month usage counters; one delivery's
retry vs a replay of every failed delivery in a span; and five writes that a careful engineer
makes only when asked (revoke, rotate, change a limit, retry, disable).
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

WRITE_TOOLS = frozenset(
    {
        "revoke_api_key",
        "rotate_api_key",
        "update_rate_limit",
        "retry_webhook_delivery",
        "disable_webhook",
    }
)

_KEY_ID = {"type": "string", "description": "API key id, e.g. AK-1042 (not the key's secret)."}
_CUSTOMER = {
    "type": "string",
    "description": "Customer id (CUS-104) or customer name (case-insensitive, e.g. 'Brightcart').",
}
_ENDPOINT = {
    "type": "string",
    "description": "Endpoint id (EP-13) or method and path template as documented, e.g. "
    "'GET /v2/tracking/{tracking_number}'.",
}
_WEBHOOK_ID = {"type": "string", "description": "Webhook id, e.g. WH-07."}
_STATUS_CLASS = {
    "type": "string",
    "enum": ["2xx", "3xx", "4xx", "5xx"],
    "description": "HTTP status class.",
}
_TIME_RULES = (
    "ISO 8601 in UTC ('2026-03-17T09:00:00Z') or with an offset; a bare date (YYYY-MM-DD) "
    "means that UTC day: 00:00 for a start, the end of the day for an end."
)


def _time(what: str) -> dict[str, Any]:
    return {"type": "string", "format": "date-time", "description": f"{what}. {_TIME_RULES}"}


def _limit(default: int, maximum: int, what: str) -> dict[str, Any]:
    return {
        "type": "integer",
        "minimum": 1,
        "maximum": maximum,
        "default": default,
        "description": f"{what} per page, 1-{maximum}. Default {default}.",
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
        "list_customers",
        "List customer accounts: id, name, plan (starter, growth, enterprise), country, time "
        "zone, technical and security contacts, account manager. Returns `customers` and "
        "`total`, sorted by name.",
        {
            "query": {
                "type": "string",
                "minLength": 2,
                "description": "Part of the customer's name, case-insensitive.",
            },
            "plan": {
                "type": "string",
                "enum": ["starter", "growth", "enterprise"],
                "description": "Only customers on this plan.",
            },
        },
    ),
    _tool(
        "list_endpoints",
        "List the API's endpoints as summary rows: id, method, path template, version, owner "
        "team, deprecated flag. Use get_endpoint for the scope, latency budget and sunset date "
        "of one endpoint. Returns `endpoints` and `total`, in catalogue order.",
        {
            "version": {"type": "string", "enum": ["v1", "v2"], "description": "API version."},
            "deprecated": {
                "type": "boolean",
                "description": "true: only deprecated endpoints; false: only current ones.",
            },
            "owner_team": {
                "type": "string",
                "enum": [
                    "shipments",
                    "labels",
                    "rates",
                    "tracking",
                    "identity",
                    "billing",
                    "platform",
                ],
                "description": "The team that owns the endpoint.",
            },
            "method": {
                "type": "string",
                "enum": ["GET", "POST", "PATCH", "DELETE"],
                "description": "HTTP method.",
            },
            "path_contains": {
                "type": "string",
                "minLength": 2,
                "description": "Text the path template contains, e.g. 'tracking'.",
            },
        },
    ),
    _tool(
        "get_endpoint",
        "Get one endpoint's full record: method, path, version, summary, owner team, the "
        "scope a key needs to call it (null: no key needed), its p95 latency budget in "
        "milliseconds, and for a deprecated endpoint its sunset date and replacement.",
        {"endpoint": _ENDPOINT},
        ("endpoint",),
    ),
    _tool(
        "list_api_keys",
        "List API keys as summary rows: id, name, customer, environment (live or test), "
        "status, key prefix, created and last-used times (UTC). Secrets are never returned. "
        "Sorted by key id; paged: pass `next_cursor` from a response as `cursor` to get the "
        "next page. Returns `keys`, `total` (all matches) and `next_cursor` (null on the last "
        "page).",
        {
            "customer": _CUSTOMER,
            "status": {
                "type": "string",
                "enum": ["active", "revoked", "expired"],
                "description": "Key status. Default: every status.",
            },
            "environment": {
                "type": "string",
                "enum": ["live", "test"],
                "description": "Key environment.",
            },
            "scope": {
                "type": "string",
                "description": "Only keys granted this scope, e.g. 'labels:write'.",
            },
            "limit": _limit(25, 100, "Keys"),
            "cursor": {"type": "string", "description": "Cursor from a previous response."},
        },
    ),
    _tool(
        "get_api_key",
        "Get one API key's full record: owner, environment, prefix, scopes, rate limit "
        "(requests per minute, fixed one-minute UTC windows), monthly quota (requests), "
        "created, expiry, status, revocation time and reason, last use (time and client IP). "
        "The secret is never returned by any tool; it is shown to the customer once, at "
        "creation.",
        {"key_id": _KEY_ID},
        ("key_id",),
    ),
    _tool(
        "revoke_api_key",
        "Revoke an API key at once and for good: every later request with it gets 401 "
        "`key_revoked`. Cannot be undone; the customer must create or rotate to a new key. "
        "A revoked or expired key cannot be revoked again.",
        {
            "key_id": _KEY_ID,
            "reason": {
                "type": "string",
                "minLength": 3,
                "maxLength": 200,
                "description": "Why, kept in the key's record and shown to the customer.",
            },
        },
        ("key_id",),
    ),
    _tool(
        "rotate_api_key",
        "Issue a new key with the same owner, scopes, rate limit and quota, and schedule the "
        "old one to expire after a grace period so the customer can switch without downtime. "
        "The new secret is sent to the customer's security contact, never returned here. "
        "Returns the new key's id and the old key's new expiry.",
        {
            "key_id": _KEY_ID,
            "grace_period_hours": {
                "type": "integer",
                "minimum": 0,
                "maximum": 168,
                "default": 24,
                "description": "Hours the old key keeps working, 0-168. 0 ends it at once. "
                "Default 24.",
            },
        },
        ("key_id",),
    ),
    _tool(
        "update_rate_limit",
        "Set an active key's rate limit, in requests per minute (fixed one-minute UTC windows; "
        "a request past the limit gets 429 `rate_limited`). Takes effect at once.",
        {
            "key_id": _KEY_ID,
            "requests_per_minute": {
                "type": "integer",
                "minimum": 1,
                "maximum": 10000,
                "description": "The new limit, 1-10000 requests per minute.",
            },
        },
        ("key_id", "requests_per_minute"),
    ),
    _tool(
        "query_request_logs",
        "Search the gateway's request log: one row per request with id, time (UTC, ms), key "
        "id, endpoint, status, latency (ms), response size (bytes), client IP and error code "
        "(null on success). Logs are kept for the current day and the 14 days before it. "
        "Window: from `start_time` (inclusive) to `end_time` (exclusive); default the last 24 "
        "hours. Paged: pass `next_cursor` back as `cursor` with the same filters. Returns "
        "`requests`, `total` (all matches) and `next_cursor`.",
        {
            "start_time": _time("Start of the window, inclusive"),
            "end_time": _time("End of the window, exclusive"),
            "key_id": _KEY_ID,
            "customer": _CUSTOMER,
            "endpoint": _ENDPOINT,
            "status": {
                "type": "integer",
                "minimum": 100,
                "maximum": 599,
                "description": "Exact HTTP status, e.g. 429.",
            },
            "status_class": _STATUS_CLASS,
            "error": {
                "type": "string",
                "description": "Error code, e.g. rate_limited, invalid_signature, key_revoked, "
                "key_expired, missing_key, insufficient_scope, not_found, upstream_timeout.",
            },
            "client_ip": {
                "type": "string",
                "description": "A client IP address, or a CIDR range such as 203.0.113.0/24.",
            },
            "order": {
                "type": "string",
                "enum": ["asc", "desc"],
                "default": "desc",
                "description": "`desc` (default) lists the newest first.",
            },
            "limit": _limit(50, 200, "Requests"),
            "cursor": {"type": "string", "description": "Cursor from a previous response."},
        },
    ),
    _tool(
        "get_traffic_stats",
        "Aggregate the request log over a window, grouped by one dimension. Each group has "
        "`requests`, counts by status class (`2xx`...`5xx`), `rate_limited` (429s), "
        "`unauthorized` (401s), `error_rate_pct` (share of 4xx and 5xx, percent), "
        "`server_error_rate_pct` (5xx), latency percentiles `p50_ms`, `p95_ms`, `p99_ms` "
        "(nearest-rank, over every request in the group) and `avg_bytes`. Window as in "
        "query_request_logs (default: the last 24 hours). Hour and day groups follow "
        "`timezone`. Returns `groups` (sorted, at most `limit`), `total_groups` and `totals`.",
        {
            "group_by": {
                "type": "string",
                "enum": [
                    "endpoint",
                    "key",
                    "customer",
                    "status",
                    "status_class",
                    "error",
                    "client_ip",
                    "hour",
                    "day",
                ],
                "description": "The dimension to group by.",
            },
            "start_time": _time("Start of the window, inclusive"),
            "end_time": _time("End of the window, exclusive"),
            "key_id": _KEY_ID,
            "customer": _CUSTOMER,
            "endpoint": _ENDPOINT,
            "status_class": _STATUS_CLASS,
            "timezone": {
                "type": "string",
                "default": "UTC",
                "description": "IANA time zone for hour and day groups, e.g. America/New_York. "
                "Default UTC. Bare dates in the window stay UTC days.",
            },
            "sort_by": {
                "type": "string",
                "enum": [
                    "requests",
                    "error_rate_pct",
                    "server_error_rate_pct",
                    "rate_limited",
                    "unauthorized",
                    "p50_ms",
                    "p95_ms",
                    "p99_ms",
                    "group",
                ],
                "default": "requests",
                "description": "Sort key; `group` sorts by the group's value (time order for "
                "hour and day). Default requests.",
            },
            "order": {
                "type": "string",
                "enum": ["asc", "desc"],
                "default": "desc",
                "description": "Sort direction. Default desc (asc for sort_by group).",
            },
            "limit": _limit(50, 500, "Groups"),
        },
        ("group_by",),
    ),
    _tool(
        "get_usage",
        "Billing-month usage per key against its monthly quota: requests served (throttled "
        "429s are counted apart and not billed), quota, percent used, and requests over the "
        "quota with their overage charge in USD at the plan's rate per 1,000. Counters go "
        "back to 2026-02-01, further than the request log. Give a key, a customer (all its "
        "keys), or both.",
        {
            "key_id": _KEY_ID,
            "customer": _CUSTOMER,
            "month": {
                "type": "string",
                "pattern": "^[0-9]{4}-[0-9]{2}$",
                "description": "Billing month as YYYY-MM (UTC). Default: the current month.",
            },
            "breakdown": {
                "type": "string",
                "enum": ["total", "day"],
                "default": "total",
                "description": "`day` adds each key's daily counts. Default total.",
            },
        },
    ),
    _tool(
        "list_webhooks",
        "List webhook subscriptions: id, customer, receiver URL, subscribed events, status "
        "(active or disabled), created and URL-change times. Returns `webhooks` and `total`.",
        {
            "customer": _CUSTOMER,
            "status": {
                "type": "string",
                "enum": ["active", "disabled"],
                "description": "Webhook status.",
            },
        },
    ),
    _tool(
        "get_webhook",
        "Get one webhook's full record with its configuration history (created, URL changes, "
        "disabling) and a summary of its deliveries in the last 24 hours and of its latest "
        "attempt.",
        {"webhook_id": _WEBHOOK_ID},
        ("webhook_id",),
    ),
    _tool(
        "get_webhook_deliveries",
        "List a webhook's deliveries, newest first, each with its event, status (succeeded, "
        "failed: all six attempts spent, retrying: another attempt is scheduled) and every "
        "attempt (time, response code or null for no answer, latency ms, error). Attempts "
        "follow the schedule 0, 1, 5, 30, 120 and 480 minutes after the event. Deliveries are "
        "kept for the current day and the 14 days before it. Paged by page number: returns "
        "`deliveries`, `page`, `per_page`, `total` and `total_pages`.",
        {
            "webhook_id": _WEBHOOK_ID,
            "status": {
                "type": "string",
                "enum": ["succeeded", "failed", "retrying"],
                "description": "Delivery status.",
            },
            "since": _time("Only deliveries whose event was created at or after this time"),
            "until": _time("Only deliveries whose event was created before this time"),
            "page": {"type": "integer", "minimum": 1, "default": 1, "description": "Page, from 1."},
            "per_page": _limit(20, 100, "Deliveries"),
        },
        ("webhook_id",),
    ),
    _tool(
        "retry_webhook_delivery",
        "Send failed deliveries again now, as one more attempt each. Either one delivery "
        "(`delivery_id`), or every failed delivery of a webhook whose event was created from "
        "`since` (inclusive) to `until` (exclusive; default now). Only deliveries with status "
        "failed can be retried; the webhook must be active. Returns each retried delivery "
        "with the new attempt's outcome.",
        {
            "delivery_id": {"type": "string", "description": "Delivery id, e.g. DLV-00412."},
            "webhook_id": _WEBHOOK_ID,
            "since": _time("With webhook_id: the earliest event time to retry"),
            "until": _time("With webhook_id: the event time to stop before"),
        },
    ),
    _tool(
        "disable_webhook",
        "Disable a webhook subscription: no further events are sent to it and scheduled "
        "retries are cancelled. Its deliveries stay visible.",
        {
            "webhook_id": _WEBHOOK_ID,
            "reason": {
                "type": "string",
                "minLength": 3,
                "maxLength": 200,
                "description": "Why, kept in the webhook's history.",
            },
        },
        ("webhook_id",),
    ),
)

TOOL_SCHEMAS: MappingProxyType[str, dict[str, Any]] = MappingProxyType(
    {tool["function"]["name"]: tool["function"]["parameters"] for tool in TOOLS}
)
