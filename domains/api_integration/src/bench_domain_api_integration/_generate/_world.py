"""The gateway's catalogue: the platform, its endpoints, its customers and their API keys.

Relaybox sells a shipping API (rates, labels, tracking, pickups, customs, returns) to online
shops and logistics firms. The tables here are content, written once; the generator draws
the rest (key creation times, volumes, addresses) from a seeded ``random.Random``.
"""

# ruff: noqa: E501  (content tables: one record a line reads best)

from __future__ import annotations

import datetime as dt
import random
import string
from dataclasses import dataclass
from typing import Any

# The console's clock stands still here: Wednesday 2026-03-18, 11:20 in New York (EDT).
NOW = dt.datetime(2026, 3, 18, 15, 20, tzinfo=dt.UTC)
# Request logs and webhook deliveries are kept for the current day and the 14 days before it.
LOG_START = dt.datetime(2026, 3, 4, tzinfo=dt.UTC)
# Usage counters go back to the start of the previous billing month.
USAGE_START = dt.date(2026, 2, 1)

PLATFORM = {
    "name": "Relaybox",
    "product": "Relaybox Shipping API",
    "base_url": "https://api.relaybox.io",
    "now": "2026-03-18T15:20:00.000Z",
    "timezone": "America/New_York",
    "currency": "USD",
    "log_retention_start": "2026-03-04T00:00:00.000Z",
    "usage_start": "2026-02-01",
    "rate_limit_window": "fixed, one UTC minute",
    "webhook_retry_schedule_minutes": [0, 1, 5, 30, 120, 480],
    "plans": {
        "starter": {
            "monthly_quota": 6_000,
            "rate_limit_per_minute": 60,
            "overage_usd_per_1000": 2.0,
        },
        "growth": {
            "monthly_quota": 20_000,
            "rate_limit_per_minute": 120,
            "overage_usd_per_1000": 1.5,
        },
        "enterprise": {
            "monthly_quota": 100_000,
            "rate_limit_per_minute": 600,
            "overage_usd_per_1000": 1.0,
        },
    },
}

TEAMS = ("shipments", "labels", "rates", "tracking", "identity", "billing", "platform")


@dataclass(frozen=True)
class EndpointSpec:
    """One route of the API: its cost in latency and errors, and how often it is called."""

    method: str
    path: str
    team: str
    scope: str | None
    summary: str
    median_ms: int
    budget_ms: int
    size: int  # typical response body, bytes
    weight: float  # share of traffic among the endpoints a key may call
    client_error: float  # share of 4xx (400/404/409/422) among authorised calls
    server_error: float  # share of 5xx outside incidents
    deprecated: bool = False
    sunset: str | None = None
    replacement: str | None = None


E = EndpointSpec
ENDPOINTS: tuple[EndpointSpec, ...] = (
    E("GET", "/v2/shipments", "shipments", "shipments:read", "List shipments, newest first, paged.", 140, 400, 18_000, 5, 0.01, 0.002),
    E("POST", "/v2/shipments", "shipments", "shipments:write", "Create a shipment from addresses and parcels.", 260, 700, 3_400, 6, 0.06, 0.004),
    E("GET", "/v2/shipments/{shipment_id}", "shipments", "shipments:read", "Get one shipment.", 70, 250, 3_100, 9, 0.03, 0.002),
    E("PATCH", "/v2/shipments/{shipment_id}", "shipments", "shipments:write", "Update a shipment before it is labelled.", 120, 400, 3_100, 1.5, 0.08, 0.003),
    E("DELETE", "/v2/shipments/{shipment_id}", "shipments", "shipments:write", "Delete a draft shipment.", 90, 300, 120, 0.5, 0.10, 0.002),
    E("POST", "/v2/shipments/{shipment_id}/cancel", "shipments", "shipments:write", "Cancel a labelled shipment and void its label.", 420, 1_200, 900, 0.6, 0.12, 0.006),
    E("POST", "/v2/labels", "labels", "labels:write", "Buy a label for a shipment from the chosen carrier.", 520, 1_500, 2_600, 5, 0.05, 0.008),
    E("GET", "/v2/labels/{label_id}", "labels", "labels:read", "Get a label's record.", 60, 250, 1_800, 2, 0.02, 0.002),
    E("GET", "/v2/labels/{label_id}/pdf", "labels", "labels:read", "Download a label as PDF.", 240, 900, 96_000, 3, 0.01, 0.003),
    E("POST", "/v2/labels/batch", "labels", "labels:write", "Buy labels for up to 500 shipments at once.", 1_900, 5_000, 14_000, 0.6, 0.07, 0.012),
    E("POST", "/v2/rates", "rates", "rates:read", "Quote rates from every enabled carrier.", 610, 1_500, 6_200, 7, 0.04, 0.010),
    E("GET", "/v2/rates/carriers", "rates", "rates:read", "List the carriers and services that can quote.", 45, 200, 7_800, 1, 0.0, 0.001),
    E("GET", "/v2/tracking/{tracking_number}", "tracking", "tracking:read", "Get the latest status of a parcel.", 95, 300, 2_200, 14, 0.09, 0.003),
    E("GET", "/v2/tracking/{tracking_number}/events", "tracking", "tracking:read", "Get every scan event of a parcel.", 130, 400, 6_900, 6, 0.07, 0.003),
    E("POST", "/v2/tracking/subscriptions", "tracking", "tracking:write", "Subscribe to tracking updates for a parcel.", 110, 350, 600, 1.5, 0.05, 0.002),
    E("POST", "/v2/addresses/validate", "shipments", "addresses:read", "Validate and normalise a postal address.", 180, 500, 1_100, 5, 0.15, 0.004),
    E("GET", "/v2/addresses/autocomplete", "shipments", "addresses:read", "Suggest addresses for a partial input.", 75, 200, 2_300, 2.5, 0.03, 0.002),
    E("POST", "/v2/pickups", "shipments", "pickups:write", "Book a carrier pickup.", 700, 2_000, 1_400, 0.7, 0.09, 0.010),
    E("GET", "/v2/pickups/{pickup_id}", "shipments", "pickups:read", "Get a pickup booking.", 65, 250, 1_000, 0.6, 0.03, 0.002),
    E("DELETE", "/v2/pickups/{pickup_id}", "shipments", "pickups:write", "Cancel a pickup booking.", 380, 1_200, 150, 0.2, 0.10, 0.006),
    E("POST", "/v2/customs/declarations", "shipments", "customs:write", "File a customs declaration for an international shipment.", 340, 900, 2_900, 1, 0.10, 0.005),
    E("GET", "/v2/customs/hs-codes", "shipments", "customs:read", "Search harmonised system codes.", 55, 200, 4_600, 0.8, 0.02, 0.001),
    E("POST", "/v2/returns", "shipments", "returns:write", "Create a return shipment and its label.", 480, 1_400, 2_700, 1.2, 0.07, 0.007),
    E("GET", "/v2/returns/{return_id}", "shipments", "returns:read", "Get a return.", 70, 250, 2_000, 0.8, 0.03, 0.002),
    E("POST", "/v2/manifests", "labels", "manifests:write", "Close the day's labels into a carrier manifest.", 900, 2_500, 5_200, 0.4, 0.06, 0.008),
    E("GET", "/v2/manifests/{manifest_id}", "labels", "manifests:read", "Get a manifest and its documents.", 80, 300, 3_800, 0.3, 0.02, 0.002),
    E("GET", "/v2/webhooks", "platform", "webhooks:read", "List the account's webhook subscriptions.", 40, 200, 1_500, 0.3, 0.0, 0.001),
    E("POST", "/v2/webhooks", "platform", "webhooks:write", "Create a webhook subscription.", 90, 300, 700, 0.1, 0.12, 0.002),
    E("DELETE", "/v2/webhooks/{webhook_id}", "platform", "webhooks:write", "Delete a webhook subscription.", 60, 250, 120, 0.05, 0.05, 0.002),
    E("GET", "/v2/invoices", "billing", "billing:read", "List invoices.", 150, 500, 5_400, 0.4, 0.0, 0.002),
    E("GET", "/v2/invoices/{invoice_id}", "billing", "billing:read", "Get one invoice with its lines.", 110, 400, 8_800, 0.3, 0.04, 0.002),
    E("GET", "/v2/usage", "billing", "billing:read", "Get the account's usage this billing month.", 95, 300, 1_300, 0.5, 0.0, 0.001),
    E("GET", "/v2/account", "identity", "account:read", "Get the account's profile and plan.", 35, 150, 900, 0.6, 0.0, 0.001),
    E("GET", "/v2/carriers", "rates", "rates:read", "List the carrier accounts connected to this account.", 50, 200, 2_600, 0.5, 0.0, 0.001),
    E("POST", "/v2/documents/commercial-invoice", "shipments", "customs:write", "Render a commercial invoice PDF.", 650, 1_800, 64_000, 0.4, 0.05, 0.006),
    E("GET", "/v2/service-points", "tracking", "tracking:read", "Find drop-off points near a postcode.", 210, 600, 9_500, 1.2, 0.04, 0.004),
    E("GET", "/v1/rates", "rates", "rates:read", "Quote rates (v1 request format).", 820, 1_500, 5_100, 0, 0.05, 0.015, True, "2026-04-30", "POST /v2/rates"),
    E("POST", "/v1/shipments", "shipments", "shipments:write", "Create a shipment (v1 request format).", 330, 800, 3_000, 0, 0.08, 0.006, True, "2026-04-30", "POST /v2/shipments"),
    E("GET", "/v1/tracking/{tracking_number}", "tracking", "tracking:read", "Get a parcel's status (v1 response format).", 140, 400, 1_900, 0, 0.09, 0.004, True, "2026-06-30", "GET /v2/tracking/{tracking_number}"),
    E("POST", "/v1/labels", "labels", "labels:write", "Buy a label (v1). Sunset: answers 410 Gone.", 20, 200, 180, 0, 1.0, 0.0, True, "2026-02-28", "POST /v2/labels"),
    E("GET", "/v2/health", "platform", None, "Liveness of the gateway; no key needed.", 8, 50, 60, 0.8, 0.0, 0.0005),
    E("POST", "/v2/oauth/token", "identity", None, "Exchange client credentials for a one-hour access token.", 85, 300, 700, 0.4, 0.06, 0.002),
)  # fmt: skip

SCOPE_SETS: dict[str, tuple[str, ...]] = {
    "full": (
        "shipments:read", "shipments:write", "labels:read", "labels:write", "rates:read",
        "tracking:read", "tracking:write", "addresses:read", "pickups:read", "pickups:write",
        "customs:read", "customs:write", "returns:read", "returns:write", "manifests:read",
        "manifests:write", "webhooks:read", "webhooks:write", "billing:read", "account:read",
    ),
    "shipping": (
        "shipments:read", "shipments:write", "labels:read", "labels:write", "rates:read",
        "addresses:read", "pickups:read", "pickups:write", "customs:read", "customs:write",
        "manifests:read", "manifests:write",
    ),
    "tracking": ("tracking:read", "tracking:write", "shipments:read"),
    "rates": ("rates:read", "addresses:read"),
    "returns": ("returns:read", "returns:write", "labels:read", "shipments:read"),
    "readonly": (
        "shipments:read", "labels:read", "rates:read", "tracking:read", "returns:read",
        "billing:read", "account:read",
    ),
    "billing": ("billing:read", "account:read"),
}  # fmt: skip


@dataclass(frozen=True)
class CustomerSpec:
    """A customer account: who they are, where they work, which plan they pay for."""

    name: str
    domain: str
    plan: str
    country: str
    timezone: str
    ip_base: str  # the /24 their servers call from, in their cloud provider's space
    keys: tuple[tuple[str, str, str], ...]  # (key name, environment, scope set)


C = CustomerSpec
CUSTOMERS: tuple[CustomerSpec, ...] = (
    C("Brightcart", "brightcart.com", "enterprise", "US", "America/New_York", "34.86.142", (("Production", "live", "full"), ("Staging", "test", "full"), ("Returns portal", "live", "returns"), ("Warehouse scanners", "live", "tracking"), ("Marketplace connector", "live", "shipping"))),
    C("Harbor & Pine", "harborandpine.com", "growth", "US", "America/Chicago", "52.15.88", (("Production", "live", "shipping"), ("Legacy WooCommerce plugin", "live", "shipping"), ("Tracking page", "live", "tracking"))),
    C("Oakline Goods", "oaklinegoods.com", "growth", "US", "America/Denver", "18.220.61", (("ERP connector", "live", "full"), ("Sandbox", "test", "full"), ("Finance reports", "live", "billing"))),
    C("Quillon Analytics", "quillon.io", "growth", "GB", "Europe/London", "35.189.77", (("Bulk tracking poller", "live", "tracking"), ("Dashboard", "live", "readonly"), ("Test", "test", "readonly"))),
    C("Fernway Outdoor", "fernway.com", "growth", "US", "America/Los_Angeles", "20.62.134", (("Storefront", "live", "shipping"), ("Returns", "live", "returns"), ("Staging", "test", "shipping"))),
    C("Mosaic Home", "mosaichome.co", "enterprise", "US", "America/New_York", "44.201.17", (("Production", "live", "full"), ("Label printer fleet", "live", "shipping"), ("Data warehouse sync", "live", "readonly"), ("Staging", "test", "full"), ("Customer service desk", "live", "tracking"))),
    C("Larkspur Pharmacy", "larkspurrx.com", "enterprise", "US", "America/Chicago", "3.139.212", (("Dispatch service", "live", "shipping"), ("Patient tracking", "live", "tracking"), ("QA", "test", "full"), ("Pharmacy network sync", "live", "shipping"))),
    C("Tallgrass Supply", "tallgrasssupply.com", "starter", "US", "America/Chicago", "13.59.40", (("Main", "live", "full"), ("Old main", "live", "full"))),
    C("Nimbus Prints", "nimbusprints.com", "growth", "US", "America/New_York", "104.196.23", (("Order sync", "live", "shipping"), ("Rate widget", "live", "rates"), ("Dev laptop", "test", "full"))),
    C("Redwater Coffee", "redwatercoffee.com", "starter", "US", "America/Los_Angeles", "54.183.9", (("Shopify app", "live", "shipping"), ("Subscriptions", "live", "shipping"), ("Wholesale", "live", "shipping"))),
    C("Atlas Tiles", "atlastiles.de", "growth", "DE", "Europe/Berlin", "35.234.96", (("Production", "live", "shipping"), ("Customs desk", "live", "shipping"), ("Staging", "test", "shipping"))),
    C("Juniper Kids", "juniperkids.com", "starter", "US", "America/New_York", "34.74.188", (("Store", "live", "shipping"), ("Tracking emails", "live", "tracking"))),
    C("Copperleaf Books", "copperleafbooks.com", "growth", "CA", "America/Toronto", "35.203.50", (("Storefront", "live", "shipping"), ("Nightly export", "live", "readonly"), ("Returns desk", "live", "returns"))),
    C("Sable & Stone", "sableandstone.com", "enterprise", "US", "America/New_York", "52.71.230", (("Production server", "live", "full"), ("Boutique POS", "live", "shipping"), ("Analytics", "live", "readonly"), ("Staging", "test", "full"), ("Gift registry", "live", "tracking"))),
    C("Kitewing Drones", "kitewing.aero", "starter", "US", "America/Los_Angeles", "34.102.56", (("Production", "live", "shipping"), ("Beta app", "test", "full"))),
    C("Orchard Lane Market", "orchardlane.market", "growth", "US", "America/New_York", "18.208.119", (("Checkout", "live", "shipping"), ("Courier portal", "live", "tracking"), ("Billing export", "live", "billing"), ("Staging", "test", "shipping"), ("Farm partners", "live", "shipping"))),
    C("Vantage Cycles", "vantagecycles.nl", "growth", "NL", "Europe/Amsterdam", "34.90.161", (("Webshop", "live", "shipping"), ("Dealer portal", "live", "tracking"), ("Staging", "test", "shipping"), ("Warranty returns", "live", "returns"))),
    C("Pebble Post", "pebblepost.app", "starter", "US", "America/Chicago", "35.224.12", (("Production", "live", "shipping"), ("Postcard API bridge", "live", "tracking"))),
)  # fmt: skip

PLANS = {
    name: (plan["monthly_quota"], plan["rate_limit_per_minute"], plan["overage_usd_per_1000"])
    for name, plan in PLATFORM["plans"].items()  # type: ignore[attr-defined]
}

# Keys whose state the stories fix; every other key is drawn.
STATUS_OVERRIDES: dict[tuple[str, str], dict[str, Any]] = {
    ("Harbor & Pine", "Legacy WooCommerce plugin"): {
        "status": "revoked",
        "revoked_at": "2026-03-11T14:42:09.000Z",
        "revoked_reason": "Customer request: WooCommerce plugin retired after the move to Production",
    },
    ("Tallgrass Supply", "Old main"): {
        "status": "revoked",
        "revoked_at": "2026-01-20T16:05:44.000Z",
        "revoked_reason": "Rotated: replaced by 'Main'",
    },
    ("Quillon Analytics", "Bulk tracking poller"): {"rate_limit_per_minute": 60, "quota": 3_000},
    ("Copperleaf Books", "Nightly export"): {"rate_limit_per_minute": 30},
    ("Nimbus Prints", "Dev laptop"): {
        "status": "expired",
        "expires_at": "2026-03-09T00:00:00.000Z",
    },
    ("Oakline Goods", "Sandbox"): {"status": "expired", "expires_at": "2026-02-15T00:00:00.000Z"},
}

# Keys revoked or expired long before the log window: they add history, not traffic.
OLD_REVOKED = {("Brightcart", "Staging"), ("Atlas Tiles", "Staging"), ("Pebble Post", "Postcard API bridge"), ("Orchard Lane Market", "Staging")}  # fmt: skip
NEVER_USED = {("Orchard Lane Market", "Billing export")}
OLD_EXPIRED = {("Kitewing Drones", "Beta app"), ("Vantage Cycles", "Staging"), ("Larkspur Pharmacy", "QA")}  # fmt: skip


def iso(moment: dt.datetime) -> str:
    """A UTC timestamp as the gateway writes it: milliseconds and a ``Z``."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.") + (
        f"{moment.microsecond // 1000:03d}Z"
    )


def endpoint_records() -> list[dict[str, Any]]:
    """The endpoints, ``EP-01`` onwards, in catalogue order."""
    return [
        {
            "id": f"EP-{number:02d}",
            "method": spec.method,
            "path": spec.path,
            "version": spec.path.split("/")[1],
            "summary": spec.summary,
            "owner_team": spec.team,
            "required_scope": spec.scope,
            "latency_budget_ms": spec.budget_ms,
            "deprecated": spec.deprecated,
            "sunset_date": spec.sunset,
            "replacement": spec.replacement,
        }
        for number, spec in enumerate(ENDPOINTS, start=1)
    ]


def customer_records(rng: random.Random) -> list[dict[str, Any]]:
    """The customers, ``CUS-101`` onwards, with their contacts."""
    first = ("Maya", "Jonas", "Priya", "Diego", "Hannah", "Kwame", "Sofia", "Liam", "Aiko", "Omar")
    last = ("Okafor", "Lindqvist", "Reyes", "Chen", "Novak", "Brennan", "Haddad", "Moreau", "Ito")
    rows = []
    for number, spec in enumerate(CUSTOMERS, start=101):
        person = f"{rng.choice(first)} {rng.choice(last)}"
        since = dt.date(2023, 1, 9) + dt.timedelta(days=rng.randrange(0, 900))
        rows.append(
            {
                "id": f"CUS-{number}",
                "name": spec.name,
                "plan": spec.plan,
                "country": spec.country,
                "timezone": spec.timezone,
                "customer_since": since.isoformat(),
                "technical_contact": f"{person.split(maxsplit=1)[0].lower()}@{spec.domain}",
                "security_contact": f"security@{spec.domain}",
                "account_manager": rng.choice(("Dana Whitfield", "Rafael Souza", "Imke Vos")),
            }
        )
    return rows


def _prefix(rng: random.Random, environment: str) -> str:
    alphabet = string.ascii_letters + string.digits
    return f"rbx_{environment}_" + "".join(rng.choice(alphabet) for _ in range(6))


def key_drafts(rng: random.Random, customers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every key, without ids and usage yet: owner, scopes, limits, lifecycle."""
    drafts = []
    for spec, customer in zip(CUSTOMERS, customers, strict=True):
        quota, limit, _ = PLANS[spec.plan]
        since = dt.date.fromisoformat(customer["customer_since"])
        for name, environment, scope_set in spec.keys:
            span = (dt.date(2026, 2, 20) - since).days
            created = dt.datetime.combine(
                since + dt.timedelta(days=rng.randrange(0, max(1, span))), dt.time(), dt.UTC
            ) + dt.timedelta(seconds=rng.randrange(13 * 3600, 23 * 3600))
            draft: dict[str, Any] = {
                "customer": spec.name,
                "customer_id": customer["id"],
                "name": name,
                "environment": environment,
                "prefix": _prefix(rng, environment),
                "scopes": list(SCOPE_SETS[scope_set]),
                "rate_limit_per_minute": limit if environment == "live" else 30,
                "quota": quota if environment == "live" else 2_000,
                "created_at": created,
                "expires_at": None,
                "status": "active",
                "revoked_at": None,
                "revoked_reason": None,
            }
            if environment == "test":  # test keys are issued for a year
                draft["expires_at"] = iso(created + dt.timedelta(days=365))
            if (spec.name, name) in OLD_REVOKED:
                revoked = created + dt.timedelta(days=rng.randrange(40, 200))
                revoked = min(revoked, LOG_START - dt.timedelta(days=9))
                draft["created_at"] = min(created, revoked - dt.timedelta(days=30))
                draft |= {
                    "status": "revoked",
                    "revoked_at": iso(revoked),
                    "revoked_reason": "No longer used",
                }
            if (spec.name, name) in OLD_EXPIRED:
                expired = LOG_START - dt.timedelta(days=rng.randrange(12, 90))
                expired = expired.replace(hour=0, minute=0, second=0)
                draft["created_at"] = expired - dt.timedelta(days=365)
                draft |= {"status": "expired", "expires_at": iso(expired)}
            draft |= STATUS_OVERRIDES.get((spec.name, name), {})
            if draft["status"] == "expired" and draft["expires_at"] is not None:
                expires = dt.datetime.fromisoformat(draft["expires_at"])
                draft["created_at"] = expires - dt.timedelta(days=365)
            if (spec.name, name) in NEVER_USED:
                draft["created_at"] = dt.datetime(2026, 3, 12, 19, 31, 5, tzinfo=dt.UTC)
            expiry = draft["expires_at"]
            if draft["status"] == "active" and expiry is not None and expiry <= iso(NOW):
                draft["status"] = "expired"  # a test key past its year
            drafts.append(draft)
    return drafts
