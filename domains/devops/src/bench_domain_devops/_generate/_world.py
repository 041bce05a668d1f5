"""The company's fixed world: teams and their engineers, services, SLOs, the change freeze.

Northwind Market is a mid-sized online marketplace; its platform team runs 22 services (one
since deleted) in dev, staging and prod. Nothing here is random: the random parts (deployments,
incidents, metrics, alerts, logs) are drawn in the sibling modules.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from .._clock import format_local, format_utc, from_local

NOW = dt.datetime(2026, 4, 8, 6, 15, tzinfo=dt.UTC)  # Wednesday, 08:15 in Berlin
HISTORY_START = dt.datetime(2026, 1, 8, tzinfo=dt.UTC)  # deployments and incidents: 90 days
METRICS_START = dt.datetime(2026, 3, 9, 6, tzinfo=dt.UTC)  # hourly metrics: 30 days
METRICS_POINTS = 720  # the last point is the hour 05:00-06:00 UTC today, the last full hour
ENVIRONMENTS = ("dev", "staging", "prod")


class Team(NamedTuple):
    id: str
    name: str
    slack: str
    members: tuple[str, ...]  # rota order: the first is primary in the rota's first week


TEAMS = (
    Team(
        "payments",
        "Payments",
        "#team-payments",
        ("lena.vogt", "omar.haddad", "sofia.marques", "jan.kowalski", "aiko.tanaka"),
    ),
    Team(
        "storefront",
        "Storefront",
        "#team-storefront",
        ("priya.raman", "lukas.brandt", "chen.wei", "marta.ruiz", "tom.becker"),
    ),
    Team(
        "identity", "Identity", "#team-identity", ("nina.petrova", "felix.wagner", "amara.okafor")
    ),
    Team(
        "fulfillment",
        "Fulfillment",
        "#team-fulfillment",
        ("tomas.novak", "hannah.schulz", "diego.alvarez", "ines.costa"),
    ),
    Team(
        "platform",
        "Platform",
        "#team-platform",
        ("max.richter", "yusuf.demir", "clara.fischer", "noah.jensen"),
    ),
    Team(
        "discovery",
        "Discovery",
        "#team-discovery",
        ("elif.yilmaz", "ben.carter", "julia.hoffmann", "ravi.iyer"),
    ),
)


class ServiceSpec(NamedTuple):
    name: str
    team: str
    tier: int  # 1: customer-facing and revenue-critical; 3: internal
    language: str
    description: str
    peak_rps: float  # prod requests per second at the evening peak
    base_error_pct: float
    p95_ms: float
    memory_mb: float


# name, team, tier, language, peak prod requests/s, base error %, p95 ms, memory MiB, purpose
_CATALOGUE = """
checkout        storefront  1 kotlin       38 0.03  420 1400 Checkout flow and order placement.
cart            storefront  1 kotlin       95 0.025 160  900 Shopping carts and saved items.
catalog         storefront  2 go          420 0.1    70  700 Product catalogue reads.
web-frontend    storefront  1 typescript  610 0.02  310 1100 Server-side rendered storefront.
pricing         storefront  2 go          260 0.08   55  600 Prices, discounts and tax.
payments        payments    1 java         30 0.015 650 1800 Card and wallet payments via PSPs.
billing         payments    2 java          6 0.15  380 1300 Invoices and seller payouts.
ledger          payments    1 java         44 0.01  120 2000 Double-entry money ledger.
fraud-detection payments    2 python       31 0.2   240 2600 Risk scoring of payments.
auth            identity    1 go          300 0.012  45  500 Login, tokens and sessions.
user-profile    identity    2 kotlin      140 0.08   90  800 Customer profiles and addresses.
orders          fulfillment 1 kotlin       52 0.03  210 1200 Order lifecycle after checkout.
inventory       fulfillment 2 go          120 0.12   85 1600 Stock levels and reservations.
shipping        fulfillment 2 python       18 0.35  520  900 Carrier labels and tracking.
api-gateway     platform    1 go         1400 0.01   35  700 Edge routing, rate limits and TLS.
feature-flags   platform    2 go          380 0.02   12  300 Feature flag evaluation.
notifications   platform    3 python       14 0.4   300  600 E-mail, SMS and push messages.
search          discovery   1 java        210 0.12  180 3200 Product search.
recommendations discovery   3 python      160 0.25  140 2800 Recommended products.
reviews         discovery   3 kotlin       40 0.12  110  700 Product reviews and ratings.
media           discovery   2 go          520 0.05   60 1000 Image resizing and delivery.
legacy-reports  platform    3 python        2 0.5   900  500 Nightly CSV reports (replaced).
"""


def _catalogue() -> tuple[ServiceSpec, ...]:
    specs = []
    for line in _CATALOGUE.strip().splitlines():
        name, team, tier, language, rps, errors, p95, memory, what = line.split(maxsplit=8)
        specs.append(
            ServiceSpec(
                name,
                team,
                int(tier),
                language,
                what,
                float(rps),
                float(errors),
                float(p95),
                float(memory),
            )
        )
    return tuple(specs)


*_LIVE, DELETED_SERVICE = _catalogue()
SERVICES = tuple(_LIVE)

# The messy corners of the service list.
RENAMED = {"notifications": ("notifier", dt.datetime(2026, 3, 20, 10, tzinfo=dt.UTC))}
DELETED_AT = dt.datetime(2026, 3, 15, 14, 30, tzinfo=dt.UTC)

# Availability objectives of the prod services that have one, in percent.
SLO_TARGETS = {
    "checkout": 99.9,
    "cart": 99.9,
    "web-frontend": 99.9,
    "payments": 99.95,
    "ledger": 99.95,
    "auth": 99.95,
    "orders": 99.9,
    "api-gateway": 99.95,
    "search": 99.5,
    "catalog": 99.5,
    "pricing": 99.5,
    "inventory": 99.5,
}

# The quarter-close freeze, announced in Berlin time; it covers prod only.
FREEZE_START = from_local(dt.datetime(2026, 4, 7, 18, 0))
FREEZE_END = from_local(dt.datetime(2026, 4, 14, 8, 0))


def service_id(name: str) -> str:
    """The stable id of a service: its position in the catalogue, never its name."""
    names = [s.name for s in (*SERVICES, DELETED_SERVICE)]
    return f"svc-{101 + names.index(name)}"


def service_records() -> list[dict[str, Any]]:
    """The service catalogue, the deleted service included."""
    records = []
    for spec in (*SERVICES, DELETED_SERVICE):
        team = next(t for t in TEAMS if t.id == spec.team)
        renamed = RENAMED.get(spec.name)
        deleted = spec is DELETED_SERVICE
        records.append(
            {
                "id": service_id(spec.name),
                "name": spec.name,
                "former_names": (
                    [{"name": renamed[0], "until": format_utc(renamed[1])}] if renamed else []
                ),
                "team": spec.team,
                "owner": team.members[0],
                "tier": spec.tier,
                "language": spec.language,
                "description": spec.description,
                "repository": f"github.com/northwind-market/{renamed[0] if renamed else spec.name}",
                "environments": list(ENVIRONMENTS),
                "created_at": "2023-02-01T09:00:00Z" if spec.tier == 1 else "2024-06-03T09:00:00Z",
                "deleted_at": format_utc(DELETED_AT) if deleted else None,
            }
        )
    return records


def team_records() -> list[dict[str, Any]]:
    """The teams, with their members and Slack channels."""
    return [
        {
            "id": team.id,
            "name": team.name,
            "slack_channel": team.slack,
            "members": list(team.members),
            "services": [s.name for s in (*SERVICES, DELETED_SERVICE) if s.team == team.id],
        }
        for team in TEAMS
    ]


def freeze_records() -> list[dict[str, Any]]:
    """The change freezes: one past (year-end), the quarter-close one in force now."""
    year_end = (
        from_local(dt.datetime(2025, 12, 19, 18, 0)),
        from_local(dt.datetime(2026, 1, 12, 8, 0)),
    )
    rows = []
    for freeze_id, name, (start, end), reason in (
        ("FRZ-2025-12", "Year-end freeze", year_end, "Holiday peak and reduced staffing."),
        (
            "FRZ-2026-04",
            "Q1 close freeze",
            (FREEZE_START, FREEZE_END),
            "Quarter close: finance reconciles the ledger and seller payouts.",
        ),
    ):
        rows.append(
            {
                "id": freeze_id,
                "name": name,
                "starts_at": format_utc(start),
                "ends_at": format_utc(end),
                "starts_local": format_local(start),
                "ends_local": format_local(end),
                "environments": ["prod"],
                "reason": reason,
            }
        )
    return rows


def slo_records() -> list[dict[str, Any]]:
    """The availability SLOs of the prod services (30-day rolling window)."""
    return [
        {
            "id": f"slo-{name}-prod-availability",
            "service_id": service_id(name),
            "service": name,
            "environment": "prod",
            "sli": "availability",
            "description": "Share of requests answered without a 5xx, over a rolling window.",
            "objective_pct": target,
            "window_days": 30,
        }
        for name, target in SLO_TARGETS.items()
    ]
