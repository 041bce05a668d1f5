"""The gateway console's API, simulated on the fixtures: one episode per simulator.

Each episode starts from the fixtures and keeps its own copy of what a write can change
(keys, webhooks, deliveries); records are immutable and replaced, never edited, so episodes
cannot see each other's writes. The clock stands still at the platform's ``now`` and nothing
is random: the same calls give the same results.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

import msgspec

from bench_core import Effect

from ._arguments import ApiError, check_arguments
from ._fixtures import ApiKey, Fixtures
from ._logs import decode_cursor, encode_cursor, get_traffic_stats, query_request_logs
from ._lookup import Resolver, stamp
from ._tools import TOOL_SCHEMAS
from ._usage import usage
from ._webhook_api import WebhookDesk

Handler = Callable[[dict[str, Any]], Any]


def _error(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


class ApiGatewaySimulator:
    """One episode of the API gateway's admin console.

    Args:
        fixtures: The gateway's data at the reference time.
    """

    def __init__(self, fixtures: Fixtures) -> None:
        self._data = fixtures
        self._keys: dict[str, ApiKey] = {k.id: k for k in fixtures.keys}
        self._resolve = Resolver(fixtures, self._keys)
        self._now = fixtures.platform.now
        self._next_key = 1 + max(int(k.id.removeprefix("AK-")) for k in fixtures.keys)
        self._effects: list[Effect] = []
        self._webhooks = WebhookDesk(fixtures, self._resolve, self._did)
        self._handlers: dict[str, Handler] = {
            "list_customers": self._list_customers,
            "list_endpoints": self._list_endpoints,
            "get_endpoint": self._get_endpoint,
            "list_api_keys": self._list_api_keys,
            "get_api_key": self._get_api_key,
            "revoke_api_key": self._revoke_api_key,
            "rotate_api_key": self._rotate_api_key,
            "update_rate_limit": self._update_rate_limit,
            "query_request_logs": lambda a: query_request_logs(self._data, self._resolve, a),
            "get_traffic_stats": lambda a: get_traffic_stats(self._data, self._resolve, a),
            "get_usage": lambda a: usage(self._data, self._resolve, a),
            "list_webhooks": self._webhooks.list_webhooks,
            "get_webhook": self._webhooks.get_webhook,
            "get_webhook_deliveries": self._webhooks.get_deliveries,
            "retry_webhook_delivery": self._webhooks.retry,
            "disable_webhook": self._webhooks.disable,
        }

    def call(self, name: str, arguments: Mapping[str, Any] | None) -> Any:
        """Execute one tool call; a bad call returns ``{"error": {"code", "message"}}``."""
        handler = self._handlers.get(name) if isinstance(name, str) else None
        if handler is None:
            known = ", ".join(self._handlers)
            return _error("unknown_tool", f"unknown tool {name!r}; the tools are: {known}")
        if arguments is None:  # some providers send null for a call without arguments
            arguments = {}
        try:
            return handler(check_arguments(name, TOOL_SCHEMAS[name], arguments))
        except ApiError as exc:
            return _error(exc.code, exc.message)

    def effects(self) -> list[Effect]:
        """The changes this episode's successful writes made, in order."""
        return list(self._effects)

    def _did(self, action: str, target: str, fields: dict[str, Any]) -> None:
        self._effects.append(Effect(action=action, target=target, fields=fields))

    # --- customers and endpoints ----------------------------------------------------------

    def _list_customers(self, args: dict[str, Any]) -> Any:
        query = args.get("query", "").casefold()
        found = [
            msgspec.structs.asdict(c)
            for c in sorted(self._data.customers, key=lambda c: c.name.casefold())
            if query in c.name.casefold() and args.get("plan", c.plan) == c.plan
        ]
        return {"customers": found, "total": len(found)}

    def _list_endpoints(self, args: dict[str, Any]) -> Any:
        path = args.get("path_contains", "").lower()
        found = [
            {
                "id": e.id,
                "method": e.method,
                "path": e.path,
                "version": e.version,
                "owner_team": e.owner_team,
                "deprecated": e.deprecated,
            }
            for e in self._data.endpoints
            if args.get("version", e.version) == e.version
            and args.get("deprecated", e.deprecated) == e.deprecated
            and args.get("owner_team", e.owner_team) == e.owner_team
            and args.get("method", e.method) == e.method
            and path in e.path.lower()
        ]
        return {"endpoints": found, "total": len(found)}

    def _get_endpoint(self, args: dict[str, Any]) -> Any:
        return msgspec.structs.asdict(self._resolve.endpoint(args["endpoint"]))

    # --- keys --------------------------------------------------------------------------------

    def _key_summary(self, key: ApiKey) -> dict[str, Any]:
        return {
            "id": key.id,
            "name": key.name,
            "customer_id": key.customer_id,
            "customer_name": self._data.customer_by_id[key.customer_id].name,
            "environment": key.environment,
            "status": key.status,
            "prefix": key.prefix,
            "created_at": key.created_at,
            "last_used_at": key.last_used_at,
        }

    def _list_api_keys(self, args: dict[str, Any]) -> Any:
        customer = self._resolve.customer(args["customer"]).id if "customer" in args else None
        scope = args.get("scope", "").strip().lower()
        found = [
            k
            for k in sorted(self._keys.values(), key=lambda k: k.id)
            if (customer is None or k.customer_id == customer)
            and args.get("status", k.status) == k.status
            and args.get("environment", k.environment) == k.environment
            and (not scope or scope in k.scopes)
        ]
        limit = args.get("limit", 25)
        offset = decode_cursor(args["cursor"]) if "cursor" in args else 0
        page = found[offset : offset + limit]
        more = offset + limit < len(found)
        return {
            "keys": [self._key_summary(k) for k in page],
            "total": len(found),
            "returned": len(page),
            "next_cursor": encode_cursor(offset + limit) if more else None,
        }

    def _key_record(self, key: ApiKey) -> dict[str, Any]:
        record = msgspec.structs.asdict(key)
        record["scopes"] = list(key.scopes)
        record["customer_name"] = self._data.customer_by_id[key.customer_id].name
        return record

    def _get_api_key(self, args: dict[str, Any]) -> Any:
        return self._key_record(self._resolve.key(args["key_id"]))

    def _usable(self, key: ApiKey, action: str) -> None:
        if key.status == "revoked":
            raise ApiError(
                f"key {key.id} was revoked at {key.revoked_at}; a revoked key cannot be {action}",
                "failed_precondition",
            )
        if key.status == "expired":
            raise ApiError(
                f"key {key.id} expired at {key.expires_at}; an expired key cannot be {action}",
                "failed_precondition",
            )

    def _revoke_api_key(self, args: dict[str, Any]) -> Any:
        key = self._resolve.key(args["key_id"])
        self._usable(key, "revoked")
        reason = args.get("reason") or "Revoked from the admin console"
        revoked = msgspec.structs.replace(
            key, status="revoked", revoked_at=self._now, revoked_reason=reason
        )
        self._keys[key.id] = revoked
        self._did("revoke_api_key", key.id, {"customer_id": key.customer_id})
        return {"revoked": True, "key": self._key_record(revoked)}

    def _rotate_api_key(self, args: dict[str, Any]) -> Any:
        key = self._resolve.key(args["key_id"])
        self._usable(key, "rotated")
        hours = args.get("grace_period_hours", 24)
        now = self._resolve.now
        ends = stamp(now + dt.timedelta(hours=hours))
        if key.expires_at is not None and key.expires_at < ends:
            ends = key.expires_at  # a grace period never outlives the key
        new = msgspec.structs.replace(
            key,
            id=f"AK-{self._next_key}",
            prefix=f"rbx_{key.environment}_r{self._next_key}",
            created_at=self._now,
            expires_at=None if key.environment == "live" else stamp(now + dt.timedelta(days=365)),
            last_used_at=None,
            last_used_ip=None,
        )
        self._next_key += 1
        old = msgspec.structs.replace(key, expires_at=ends)
        if hours == 0:
            old = msgspec.structs.replace(old, status="expired")
        self._keys[key.id] = old
        self._keys[new.id] = new
        self._did(
            "rotate_api_key",
            key.id,
            {"new_key_id": new.id, "grace_period_hours": hours},
        )
        customer = self._data.customer_by_id[key.customer_id]
        return {
            "rotated": True,
            "old_key": {"id": key.id, "status": old.status, "expires_at": ends},
            "new_key": self._key_record(new),
            "secret_sent_to": customer.security_contact,
        }

    def _update_rate_limit(self, args: dict[str, Any]) -> Any:
        key = self._resolve.key(args["key_id"])
        self._usable(key, "changed")
        limit = args["requests_per_minute"]
        self._keys[key.id] = msgspec.structs.replace(key, rate_limit_per_minute=limit)
        self._did("update_rate_limit", key.id, {"requests_per_minute": limit})
        return {
            "key_id": key.id,
            "previous_requests_per_minute": key.rate_limit_per_minute,
            "requests_per_minute": limit,
            "effective_at": self._now,
        }
