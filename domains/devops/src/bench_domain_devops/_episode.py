"""One episode's state of the platform API, and the lookups every handler shares.

The records are immutable; a write replaces a record in this episode's own tables, so episodes
cannot see each other's writes. The clock stands still at the data's reference time.
"""

from __future__ import annotations

import base64
import datetime as dt
import difflib
import hashlib
import json
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from bench_core import Effect

from ._arguments import ApiError
from ._clock import parse_utc
from ._fixtures import Alert, Deployment, Fixtures, Incident, Service

_T = TypeVar("_T")


class Episode:
    """The mutable state of one episode over the shared, frozen fixtures.

    Args:
        fixtures: The platform's data at the reference time.
    """

    def __init__(self, fixtures: Fixtures) -> None:
        self.data = fixtures
        self.now = parse_utc(fixtures.meta.now)
        self.deployments: dict[str, Deployment] = {d.id: d for d in fixtures.deployments}
        self.incidents: dict[str, Incident] = {i.id: i for i in fixtures.incidents}
        self.alerts: dict[str, Alert] = {a.id: a for a in fixtures.alerts}
        self.effects: list[Effect] = []

    def did(self, action: str, target: str, **fields: Any) -> None:
        """Record the effect of a successful write."""
        self.effects.append(Effect(action=action, target=target, fields=fields))

    # --- lookups ------------------------------------------------------------------------------

    def service(self, value: str) -> Service:
        """The service named or numbered ``value`` (case-insensitive), deleted ones included."""
        key = value.strip().casefold()
        for service in self.data.services:
            if key in (service.name, service.id):
                return service
        if any(key == f.name for s in self.data.services for f in s.former_names):
            raise ApiError(
                f"no service named {value!r}; it may have been renamed: list_services shows "
                "current names and former names",
                "not_found",
            )
        names = [s.name for s in self.data.services if s.deleted_at is None]
        close = difflib.get_close_matches(key, names, n=1, cutoff=0.75)
        hint = f"; did you mean {close[0]!r}?" if close else "; list_services shows the catalogue"
        raise ApiError(f"no service named {value!r}{hint}", "not_found")

    def live_service(self, value: str) -> Service:
        """A service that still exists (metrics and SLOs are kept for live services only)."""
        service = self.service(value)
        if service.deleted_at is not None:
            raise ApiError(
                f"service {service.name!r} was deleted at {service.deleted_at}; its metrics "
                "and SLOs are gone",
                "not_found",
            )
        return service

    def deployment(self, value: str) -> Deployment:
        """The deployment with id ``value`` (case-insensitive)."""
        return _by_id(self.deployments, value, "deployment", "DEP-")

    def incident(self, value: str) -> Incident:
        """The incident with id ``value`` (case-insensitive)."""
        return _by_id(self.incidents, value, "incident", "INC-")

    def alert(self, value: str) -> Alert:
        """The alert with id ``value`` (case-insensitive)."""
        return _by_id(self.alerts, value, "alert", "ALT-")

    def live_deployment(self, service_id: str, environment: str) -> Deployment | None:
        """The deployment whose version runs now in the service and environment."""
        live = None
        for deployment in self.deployments.values():
            same = (deployment.service_id, deployment.environment) == (service_id, environment)
            if (
                same
                and deployment.status != "failed"
                and (live is None or deployment.started_at >= live.started_at)
            ):
                live = deployment
        return live

    def range(
        self, args: Mapping[str, Any], start_key: str, end_key: str
    ) -> tuple[dt.datetime | None, dt.datetime | None]:
        """The optional time range of a call, checked for order."""
        start, end = args.get(start_key), args.get(end_key)
        if start is not None and end is not None and start >= end:
            raise ApiError(f"{start_key} must be before {end_key}")
        return start, end


def _by_id(table: Mapping[str, _T], value: str, what: str, prefix: str) -> _T:
    key = value.strip().upper()
    if key.isdigit():
        key = prefix + key
    found = table.get(key)
    if found is None:
        ids = sorted(table)
        raise ApiError(
            f"no {what} with id {value!r}; {what} ids look like {ids[0]} to {ids[-1]}", "not_found"
        )
    return found


def page(
    rows: Sequence[_T], args: Mapping[str, Any], default: int, query: Mapping[str, Any]
) -> tuple[Sequence[_T], str | None]:
    """One page of ``rows`` from a cursor, and the cursor of the next page (None at the end).

    The cursor carries the offset and a fingerprint of the query, so a cursor used with other
    filters is refused instead of silently skipping rows.
    """
    fingerprint = _fingerprint(query)
    offset = 0
    if "cursor" in args:
        offset = _decode_cursor(args["cursor"], fingerprint)
    limit = args.get("limit", default)
    chunk = rows[offset : offset + limit]
    following = offset + limit
    return chunk, _encode_cursor(following, fingerprint) if following < len(rows) else None


def _fingerprint(query: Mapping[str, Any]) -> str:
    text = json.dumps({k: str(v) for k, v in sorted(query.items())}, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:8]


def _encode_cursor(offset: int, fingerprint: str) -> str:
    return base64.urlsafe_b64encode(f"{fingerprint}:{offset}".encode()).decode().rstrip("=")


def _decode_cursor(cursor: str, fingerprint: str) -> int:
    try:
        padded = cursor.strip() + "=" * (-len(cursor.strip()) % 4)
        mark, offset = base64.urlsafe_b64decode(padded).decode().split(":")
        number = int(offset)
    except (ValueError, UnicodeDecodeError):
        raise ApiError("cursor is not one this API issued; start again without it") from None
    if mark != fingerprint:
        raise ApiError(
            "cursor belongs to a query with other filters; repeat the same filters with it"
        )
    return number
