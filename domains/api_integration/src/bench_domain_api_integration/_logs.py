"""The request log as the console serves it: a paged search and grouped statistics.

The log never changes within an episode (revoking a key does not rewrite history), so both
tools read the fixtures directly.
"""

from __future__ import annotations

import base64
import bisect
import datetime as dt
import ipaddress
import zoneinfo
from collections.abc import Callable, Iterable
from typing import Any

from ._arguments import ApiError
from ._fixtures import Fixtures, Request
from ._lookup import Resolver, stamp, utc
from ._stats import status_class, summarize

NO_KEY = "(no key)"
NO_ERROR = "(none)"


def encode_cursor(offset: int) -> str:
    """An opaque cursor for the row at ``offset``."""
    return base64.urlsafe_b64encode(f"off:{offset}".encode()).decode().rstrip("=")


def decode_cursor(value: str) -> int:
    """The offset a cursor stands for."""
    try:
        text = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode()
        kind, number = text.split(":")
        if kind != "off" or int(number) < 0:
            raise ValueError(text)
        return int(number)
    except ValueError:
        raise ApiError(
            f"cursor {value!r} is not one this API issued; pass next_cursor from the previous "
            "page unchanged, or leave cursor out to start again"
        ) from None


def _ip_filter(value: str) -> Callable[[str], bool]:
    try:
        network = ipaddress.ip_network(value.strip(), strict=False)
    except ValueError:
        raise ApiError(f"client_ip must be an IP address or a CIDR range, got {value!r}") from None
    return lambda ip: ipaddress.ip_address(ip) in network


def _times(data: Fixtures) -> list[str]:
    return [r.time for r in data.requests]


def select(data: Fixtures, resolve: Resolver, args: dict[str, Any]) -> list[Request]:
    """The requests of the window that pass every filter, oldest first."""
    start, end = resolve.log_window(args)
    times = _times(data)
    rows: Iterable[Request] = data.requests[
        bisect.bisect_left(times, stamp(start)) : bisect.bisect_left(times, stamp(end))
    ]
    if "key_id" in args:
        key_id = resolve.key(args["key_id"]).id
        rows = (r for r in rows if r.key_id == key_id)
    if "customer" in args:
        customer = resolve.customer(args["customer"]).id
        owned = {k.id for k in data.keys if k.customer_id == customer}
        rows = (r for r in rows if r.key_id in owned)
    if "endpoint" in args:
        endpoint = resolve.endpoint(args["endpoint"]).id
        rows = (r for r in rows if r.endpoint_id == endpoint)
    if "status" in args:
        rows = (r for r in rows if r.status == args["status"])
    if "status_class" in args:
        rows = (r for r in rows if status_class(r.status) == args["status_class"])
    if "error" in args:
        error = args["error"].strip().lower()
        rows = (r for r in rows if r.error == error)
    if "client_ip" in args:
        inside = _ip_filter(args["client_ip"])
        rows = (r for r in rows if inside(r.client_ip))
    return list(rows)


def _row(request: Request) -> dict[str, Any]:
    return {
        "id": request.id,
        "time": request.time,
        "key_id": request.key_id,
        "endpoint_id": request.endpoint_id,
        "status": request.status,
        "latency_ms": request.latency_ms,
        "bytes": request.bytes,
        "client_ip": request.client_ip,
        "error": request.error,
    }


def query_request_logs(data: Fixtures, resolve: Resolver, args: dict[str, Any]) -> Any:
    """One page of matching requests, with the total and the cursor of the next page."""
    start, end = resolve.log_window(args)
    rows = select(data, resolve, args)
    if args.get("order", "desc") == "desc":
        rows.reverse()
    limit = args.get("limit", 50)
    offset = decode_cursor(args["cursor"]) if "cursor" in args else 0
    page = rows[offset : offset + limit]
    routes = {e.id: e.route for e in data.endpoints}
    more = offset + limit < len(rows)
    return {
        "start_time": stamp(start),
        "end_time": stamp(end),
        "requests": [{**_row(r), "route": routes[r.endpoint_id]} for r in page],
        "total": len(rows),
        "returned": len(page),
        "next_cursor": encode_cursor(offset + limit) if more else None,
    }


def _grouper(data: Fixtures, group_by: str, zone: dt.tzinfo) -> Callable[[Request], Any]:
    owners = {k.id: k.customer_id for k in data.keys}
    if group_by == "endpoint":
        return lambda r: r.endpoint_id
    if group_by == "key":
        return lambda r: r.key_id or NO_KEY
    if group_by == "customer":
        return lambda r: owners[r.key_id] if r.key_id else NO_KEY
    if group_by == "status":
        return lambda r: r.status
    if group_by == "status_class":
        return lambda r: status_class(r.status)
    if group_by == "error":
        return lambda r: r.error or NO_ERROR
    if group_by == "client_ip":
        return lambda r: r.client_ip
    if group_by == "hour":
        return lambda r: utc(r.time).astimezone(zone).replace(minute=0, second=0, microsecond=0)
    return lambda r: utc(r.time).astimezone(zone).date()


def _labels(data: Fixtures, group_by: str, value: Any) -> dict[str, Any]:
    if group_by == "endpoint":
        endpoint = data.endpoint_by_id[value]
        return {"endpoint_id": value, "route": endpoint.route, "deprecated": endpoint.deprecated}
    if group_by == "key":
        key = data.key_by_id.get(value)
        if key is None:
            return {"key_id": None}
        return {"key_id": value, "key_name": key.name, "customer_id": key.customer_id}
    if group_by == "customer":
        customer = data.customer_by_id.get(value)
        return {
            "customer_id": None if customer is None else value,
            "customer_name": None if customer is None else customer.name,
        }
    if group_by in ("hour", "day"):
        return {group_by: value.isoformat(timespec="minutes") if group_by == "hour" else str(value)}
    return {group_by: None if value in (NO_ERROR,) else value}


def get_traffic_stats(data: Fixtures, resolve: Resolver, args: dict[str, Any]) -> Any:
    """Grouped statistics of the matching requests, sorted and cut to ``limit`` groups."""
    start, end = resolve.log_window(args)
    name = args.get("timezone", "UTC").strip()
    try:
        zone: dt.tzinfo = dt.UTC if name.upper() in ("UTC", "Z") else zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ApiError(
            f"unknown time zone {name!r}; use an IANA name such as America/New_York"
        ) from None
    group_by = args["group_by"]
    rows = select(data, resolve, args)
    key_of = _grouper(data, group_by, zone)
    groups: dict[Any, list[Request]] = {}
    for row in rows:
        groups.setdefault(key_of(row), []).append(row)
    summaries = [(value, summarize(members)) for value, members in groups.items()]
    sort_by = args.get("sort_by", "requests")
    descending = args.get("order", "asc" if sort_by == "group" else "desc") == "desc"
    summaries.sort(key=lambda s: str(s[0]))
    if sort_by != "group":
        present = [s for s in summaries if s[1][sort_by] is not None]
        present.sort(key=lambda s: s[1][sort_by], reverse=descending)
        summaries = present + [s for s in summaries if s[1][sort_by] is None]
    elif descending:
        summaries.reverse()
    limit = args.get("limit", 50)
    return {
        "start_time": stamp(start),
        "end_time": stamp(end),
        "group_by": group_by,
        "timezone": name if zone is not dt.UTC else "UTC",
        "groups": [{**_labels(data, group_by, v), **s} for v, s in summaries[:limit]],
        "total_groups": len(summaries),
        "totals": summarize(rows),
    }
