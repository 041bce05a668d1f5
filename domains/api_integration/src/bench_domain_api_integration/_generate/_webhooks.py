"""Fifteen webhook subscriptions and every delivery of the last fourteen days.

A delivery is tried at once and then again on the platform's backoff schedule (1, 5, 30,
120 and 480 minutes after the event) until the receiver answers 2xx or the six attempts are
spent. What a receiver answers depends on its health at the moment of the attempt, so one
outage shows as a run of failed deliveries and a recovery as late successes.
"""

# ruff: noqa: E501  (content tables: one record a line reads best)

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

from ._world import LOG_START, NOW, iso

SCHEDULE_MINUTES = (0, 1, 5, 30, 120, 480)
TIMEOUT_MS = 10_000


@dataclass(frozen=True)
class Outage:
    """A span in which a receiver answers every attempt the same wrong way."""

    start: dt.datetime
    end: dt.datetime | None  # None: still broken now
    code: int | None  # None: no answer (timeout)
    error: str


@dataclass(frozen=True)
class WebhookSpec:
    """One subscription: its owner, its receiver, the events it wants and their daily rate."""

    customer: str
    url: str
    events: tuple[str, ...]
    daily: float
    created: str
    flaky: float = 0.015
    outages: tuple[Outage, ...] = ()
    url_change: tuple[str, str] | None = None  # (when, previous URL)
    disabled: tuple[str, str] | None = None  # (when, reason)
    rejected_events: tuple[str, ...] = ()  # event times whose payload the receiver refuses


def _t(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


FERNWAY_CHANGE = "2026-03-13T17:05:00"
FERNWAY_FIX = "2026-03-16T16:30:00"
JUNIPER_DOWN = "2026-03-17T06:00:00"
PEBBLE_GONE = "2026-03-05T12:00:00"
PEBBLE_DISABLED = "2026-03-08T12:00:00"

W = WebhookSpec
WEBHOOKS: tuple[WebhookSpec, ...] = (
    W("Brightcart", "https://hooks.brightcart.com/relaybox/tracking", ("tracking.updated",), 26, "2024-05-14T15:02:11"),
    W("Brightcart", "https://hooks.brightcart.com/relaybox/labels", ("label.created", "shipment.created"), 9, "2024-05-14T15:04:40"),
    W("Harbor & Pine", "https://api.harborandpine.com/webhooks/relaybox", ("shipment.delivered", "tracking.exception"), 5, "2025-02-03T18:22:09"),
    W("Oakline Goods", "https://erp.oaklinegoods.com/inbound/relaybox", ("label.created", "invoice.issued"), 4, "2024-09-30T16:45:00"),
    W("Fernway Outdoor", "https://fernway-integrations.azurewebsites.net/api/relaybox-events", ("return.created", "pickup.scheduled"), 4, "2025-06-11T20:10:31",
      outages=(Outage(_t(FERNWAY_CHANGE), _t(FERNWAY_FIX), 404, "HTTP 404 Not Found"),),
      url_change=(FERNWAY_CHANGE, "https://hooks.fernway.com/relaybox"),
      rejected_events=("2026-03-07T16:12:40", "2026-03-07T21:48:03")),
    W("Mosaic Home", "https://events.mosaichome.co/relaybox", ("tracking.updated", "shipment.delivered"), 12, "2024-11-20T14:00:52", flaky=0.06),
    W("Mosaic Home", "https://finance.mosaichome.co/hooks/invoices", ("invoice.issued",), 0.4, "2025-01-08T17:31:26"),
    W("Larkspur Pharmacy", "https://dispatch.larkspurrx.com/carrier-events", ("tracking.exception", "shipment.delivered", "label.voided"), 6, "2025-03-27T15:18:44"),
    W("Nimbus Prints", "https://nimbusprints.com/api/relaybox/webhook", ("shipment.created",), 4, "2025-08-19T13:55:00"),
    W("Atlas Tiles", "https://webhooks.atlastiles.de/versand", ("tracking.updated", "customs.held"), 5, "2025-04-02T08:40:10"),
    W("Juniper Kids", "https://juniperkids.com/hooks/shipping", ("shipment.delivered", "tracking.exception"), 3, "2025-10-05T19:12:37",
      outages=(Outage(_t(JUNIPER_DOWN), None, None, "timeout after 10 s"),)),
    W("Copperleaf Books", "https://copperleafbooks.com/relaybox/events", ("return.created", "shipment.delivered"), 4, "2025-05-21T16:03:58"),
    W("Sable & Stone", "https://ops.sableandstone.com/hooks/relaybox", ("label.created", "tracking.exception"), 5, "2024-08-08T14:27:15"),
    W("Orchard Lane Market", "https://orchardlane.market/webhooks/delivery", ("shipment.delivered",), 7, "2025-07-15T12:49:03"),
    W("Pebble Post", "https://bridge.pebblepost.app/relaybox", ("tracking.updated",), 4, "2025-09-02T21:05:44",
      outages=(Outage(_t(PEBBLE_GONE), None, 410, "HTTP 410 Gone"),),
      disabled=(PEBBLE_DISABLED, "Disabled automatically: every delivery failed for 3 days")),
)  # fmt: skip


def _answer(
    rng: random.Random, spec: WebhookSpec, at: dt.datetime, rejected: bool
) -> tuple[int | None, int, str | None]:
    """The receiver's status code (None when it never answered), latency and error."""
    for outage in spec.outages:
        if outage.start <= at and (outage.end is None or at < outage.end):
            latency = TIMEOUT_MS if outage.code is None else rng.randint(40, 180)
            return outage.code, latency, outage.error
    if rejected:
        return 400, rng.randint(60, 140), "HTTP 400 Bad Request: unknown field 'customs'"
    if rng.random() < spec.flaky:
        code = rng.choice((500, 502, 503))
        return code, rng.randint(30, 900), f"HTTP {code}"
    return rng.choice((200, 200, 200, 204)), rng.randint(70, 650), None


def deliveries(rng: random.Random, spec: WebhookSpec, webhook_id: str) -> list[dict[str, Any]]:
    """Every delivery of one webhook in the retention window, with its attempts."""
    disabled_at = _t(spec.disabled[0]) if spec.disabled else None
    events = []
    moment = LOG_START
    while moment < NOW:
        weight = 1.0 if 12 <= moment.hour < 24 else 0.3  # US daytime in UTC
        if rng.random() < spec.daily * weight / 16.5:
            events.append(moment + dt.timedelta(seconds=rng.randrange(3600)))
        moment += dt.timedelta(hours=1)
    events += [_t(t) for t in spec.rejected_events]
    rows = []
    for created in sorted(events):
        if created >= NOW or (disabled_at is not None and created >= disabled_at):
            continue
        rejected = created.isoformat()[:19] in spec.rejected_events
        attempts = []
        status, next_at = "failed", None
        for number, minutes in enumerate(SCHEDULE_MINUTES, start=1):
            at = created + dt.timedelta(minutes=minutes, milliseconds=rng.randrange(0, 900))
            if at >= NOW or (disabled_at is not None and at >= disabled_at):
                status = "retrying" if at >= NOW and disabled_at is None else "failed"
                next_at = iso(at) if status == "retrying" else None
                break
            code, latency, error = _answer(rng, spec, at, rejected)
            attempts.append({"attempt": number, "at": iso(at), "response_code": code,
                             "latency_ms": latency, "error": error})  # fmt: skip
            if code is not None and 200 <= code < 300:
                status = "succeeded"
                break
        rows.append(
            {
                "webhook_id": webhook_id,
                "event_id": f"evt_{rng.getrandbits(48):012x}",
                "event_type": rng.choice(spec.events),
                "created_at": iso(created),
                "status": status,
                "next_attempt_at": next_at,
                "attempts": attempts,
            }
        )
    return rows


def webhook_records(
    rng: random.Random, customers: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The webhooks ``WH-01`` onwards and all their deliveries, ``DLV-00001`` onwards."""
    ids = {c["name"]: c["id"] for c in customers}
    hooks, every = [], []
    for number, spec in enumerate(WEBHOOKS, start=1):
        webhook_id = f"WH-{number:02d}"
        created = iso(_t(spec.created))
        history = [{"at": created, "change": "created", "detail": f"url {spec.url}"}]
        url_updated = None
        if spec.url_change:
            when, previous = spec.url_change
            url_updated = iso(_t(when))
            history.append({"at": url_updated, "change": "url_changed",
                            "detail": f"url {previous} -> {spec.url}"})  # fmt: skip
        if spec.disabled:
            history.append({"at": iso(_t(spec.disabled[0])), "change": "disabled",
                            "detail": spec.disabled[1]})  # fmt: skip
        hooks.append(
            {
                "id": webhook_id,
                "customer_id": ids[spec.customer],
                "url": spec.url,
                "events": list(spec.events),
                "status": "disabled" if spec.disabled else "active",
                "created_at": created,
                "url_updated_at": url_updated,
                "disabled_at": iso(_t(spec.disabled[0])) if spec.disabled else None,
                "history": history,
            }
        )
        every += deliveries(rng, spec, webhook_id)
    every.sort(key=lambda d: (d["created_at"], d["webhook_id"]))
    for number, delivery in enumerate(every, start=1):
        delivery["id"] = f"DLV-{number:05d}"
    return hooks, [{"id": d.pop("id"), **d} for d in every]
