"""Webhooks in the console: subscriptions, deliveries, retries and disabling, per episode."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import Any

import msgspec

from ._arguments import ApiError
from ._fixtures import Attempt, Delivery, Fixtures, Webhook, WebhookChange
from ._lookup import Resolver, canonical_id, stamp

Record = Callable[[str, str, dict[str, Any]], None]


class WebhookDesk:
    """The webhook tools over one episode's copy of webhooks and deliveries.

    Args:
        data: The fixtures.
        resolve: The episode's lookups (for times and customers).
        record: Where a successful write reports its effect.
    """

    def __init__(self, data: Fixtures, resolve: Resolver, record: Record) -> None:
        self._data = data
        self._resolve = resolve
        self._record = record
        self._now = data.platform.now
        self._hooks: dict[str, Webhook] = {w.id: w for w in data.webhooks}
        self._deliveries: dict[str, Delivery] = {d.id: d for d in data.deliveries}

    def _hook(self, value: str) -> Webhook:
        webhook_id = canonical_id(value, "WH", 2)
        hook = self._hooks.get(webhook_id or "")
        if hook is None:
            raise ApiError(f"no webhook {value!r}; ids run WH-01 to WH-15", "not_found")
        return hook

    def _row(self, hook: Webhook) -> dict[str, Any]:
        return {
            "id": hook.id,
            "customer_id": hook.customer_id,
            "customer_name": self._data.customer_by_id[hook.customer_id].name,
            "url": hook.url,
            "events": list(hook.events),
            "status": hook.status,
            "created_at": hook.created_at,
            "url_updated_at": hook.url_updated_at,
            "disabled_at": hook.disabled_at,
        }

    def list_webhooks(self, args: dict[str, Any]) -> Any:
        """The ``list_webhooks`` tool."""
        customer = self._resolve.customer(args["customer"]).id if "customer" in args else None
        found = [
            self._row(h)
            for h in sorted(self._hooks.values(), key=lambda h: h.id)
            if (customer is None or h.customer_id == customer)
            and args.get("status", h.status) == h.status
        ]
        return {"webhooks": found, "total": len(found)}

    def _of(self, hook: Webhook) -> list[Delivery]:
        return [d for d in self._deliveries.values() if d.webhook_id == hook.id]

    def _latest_attempt(self, hook: Webhook) -> Attempt | None:
        attempts = [a for d in self._of(hook) for a in d.attempts]
        return max(attempts, key=lambda a: a.at, default=None)

    def get_webhook(self, args: dict[str, Any]) -> Any:
        """The ``get_webhook`` tool."""
        hook = self._hook(args["webhook_id"])
        day_ago = stamp(self._resolve.now - dt.timedelta(hours=24))
        recent = [d for d in self._of(hook) if d.created_at >= day_ago]
        latest = self._latest_attempt(hook)
        return {
            **self._row(hook),
            "history": [msgspec.structs.asdict(c) for c in hook.history],
            "last_24_hours": {
                status: sum(d.status == status for d in recent)
                for status in ("succeeded", "failed", "retrying")
            },
            "latest_attempt": None if latest is None else msgspec.structs.asdict(latest),
        }

    @staticmethod
    def _delivery_row(delivery: Delivery) -> dict[str, Any]:
        row = msgspec.structs.asdict(delivery)
        row["attempts"] = [msgspec.structs.asdict(a) for a in delivery.attempts]
        return row

    @staticmethod
    def _moment(value: dt.datetime | dt.date, end: bool) -> str:
        if isinstance(value, dt.datetime):
            return stamp(value)
        day = value + dt.timedelta(days=1) if end else value  # a bare date is the whole day
        return stamp(dt.datetime.combine(day, dt.time(), dt.UTC))

    def _between(self, args: dict[str, Any], hook: Webhook) -> list[Delivery]:
        low = self._moment(args["since"], end=False) if "since" in args else ""
        high = self._moment(args["until"], end=True) if "until" in args else "~"
        if low >= high:
            raise ApiError(f"since {low} is not before until {high}")
        return [d for d in self._of(hook) if low <= d.created_at < high]

    def get_deliveries(self, args: dict[str, Any]) -> Any:
        """The ``get_webhook_deliveries`` tool."""
        hook = self._hook(args["webhook_id"])
        found = [d for d in self._between(args, hook) if args.get("status", d.status) == d.status]
        found.sort(key=lambda d: (d.created_at, d.id), reverse=True)
        page, per_page = args.get("page", 1), args.get("per_page", 20)
        chunk = found[(page - 1) * per_page : page * per_page]
        return {
            "webhook_id": hook.id,
            "deliveries": [self._delivery_row(d) for d in chunk],
            "page": page,
            "per_page": per_page,
            "total": len(found),
            "total_pages": math.ceil(len(found) / per_page),
        }

    def _retry_one(self, delivery: Delivery, hook: Webhook) -> dict[str, Any]:
        latest = self._latest_attempt(hook)
        # The receiver answers now as it answered the webhook's latest attempt.
        code = latest.response_code if latest is not None else 200
        attempt = Attempt(
            attempt=len(delivery.attempts) + 1,
            at=self._now,
            response_code=code,
            latency_ms=latest.latency_ms if latest is not None else 100,
            error=latest.error if latest is not None else None,
        )
        succeeded = code is not None and 200 <= code < 300
        updated = msgspec.structs.replace(
            delivery,
            status="succeeded" if succeeded else "failed",
            attempts=(*delivery.attempts, attempt),
        )
        self._deliveries[delivery.id] = updated
        self._record("retry_webhook_delivery", delivery.id, {"webhook_id": hook.id})
        return {
            "delivery_id": delivery.id,
            "status": updated.status,
            "attempt": msgspec.structs.asdict(attempt),
        }

    def retry(self, args: dict[str, Any]) -> Any:
        """The ``retry_webhook_delivery`` tool."""
        if ("delivery_id" in args) == ("webhook_id" in args):
            raise ApiError("give either delivery_id, or webhook_id with since")
        if "delivery_id" in args:
            if "since" in args or "until" in args:
                raise ApiError("since and until go with webhook_id, not with delivery_id")
            delivery_id = canonical_id(args["delivery_id"], "DLV", 5)
            delivery = self._deliveries.get(delivery_id or "")
            if delivery is None:
                raise ApiError(f"no delivery {args['delivery_id']!r}", "not_found")
            hook = self._hooks[delivery.webhook_id]
            self._active(hook)
            if delivery.status != "failed":
                raise ApiError(
                    f"delivery {delivery.id} is {delivery.status}; only failed deliveries can "
                    "be retried",
                    "failed_precondition",
                )
            return {"webhook_id": hook.id, "retried": [self._retry_one(delivery, hook)]}
        hook = self._hook(args["webhook_id"])
        if "since" not in args:
            raise ApiError("with webhook_id, give since: the earliest event time to retry")
        self._active(hook)
        failed = sorted(
            (d for d in self._between(args, hook) if d.status == "failed"),
            key=lambda d: d.id,
        )
        return {"webhook_id": hook.id, "retried": [self._retry_one(d, hook) for d in failed]}

    def _active(self, hook: Webhook) -> None:
        if hook.status == "disabled":
            raise ApiError(
                f"webhook {hook.id} is disabled since {hook.disabled_at}; deliveries of a "
                "disabled webhook cannot be retried",
                "failed_precondition",
            )

    def disable(self, args: dict[str, Any]) -> Any:
        """The ``disable_webhook`` tool."""
        hook = self._hook(args["webhook_id"])
        self._active(hook)
        reason = args.get("reason") or "Disabled from the admin console"
        change = WebhookChange(at=self._now, change="disabled", detail=reason)
        disabled = msgspec.structs.replace(
            hook, status="disabled", disabled_at=self._now, history=(*hook.history, change)
        )
        self._hooks[hook.id] = disabled
        for delivery in self._of(hook):
            if delivery.status == "retrying":  # scheduled retries are cancelled
                self._deliveries[delivery.id] = msgspec.structs.replace(
                    delivery, status="failed", next_attempt_at=None
                )
        self._record("disable_webhook", hook.id, {"customer_id": hook.customer_id})
        return {
            "disabled": True,
            "webhook": {
                **self._row(disabled),
                "history": [msgspec.structs.asdict(c) for c in disabled.history],
            },
        }
