"""The planted traffic: what the tasks will say happened, written into the request log.

Each function returns the requests of one story; ``apply_rate_limits`` later decides which
of the authenticated ones were throttled, so a burst's 429s follow from the key's limit.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from ._traffic import (
    ENDPOINT_IDS,
    LEAK_RANGE,
    MONITOR_IPS,
    Profile,
    Request,
    _ms,
    outcome,
    rejected,
)
from ._world import LOG_START, NOW

# (customer, key name) of each story's key
LEAKED = ("Sable & Stone", "Production server")
SKEWED_CLOCK = ("Nimbus Prints", "Order sync")
RETIRED_PLUGIN = ("Harbor & Pine", "Legacy WooCommerce plugin")
POLLER = ("Quillon Analytics", "Bulk tracking poller")
EXPORT = ("Copperleaf Books", "Nightly export")
DEPRECATED_CALLER = ("Oakline Goods", "ERP connector")
FORGOTTEN_LAPTOP = ("Nimbus Prints", "Dev laptop")
SMALL_BURSTS = (("Redwater Coffee", "Subscriptions", "2026-03-18T14:50:00", 66),
                ("Juniper Kids", "Store", "2026-03-18T15:05:00", 63))  # fmt: skip

LEAK_FROM = dt.datetime(2026, 3, 17, 19, 0, tzinfo=dt.UTC)
LEAK_UNTIL = dt.datetime(2026, 3, 18, 14, 0, tzinfo=dt.UTC)
LEAK_COUNT = 412
SKEW_COUNT = 37
LAST_HOUR_BURSTS = ("14:31", "14:44", "14:58", "15:12")
EDGE_WINDOW = dt.datetime(2026, 3, 16, 2, 0, tzinfo=dt.UTC)

_EP = ENDPOINT_IDS


def _at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


def _call(rng: random.Random, key: dict[str, Any], endpoint: str, at: int, ip: str) -> Request:
    status, latency, size, error = outcome(rng, endpoint, at)
    return Request(at, key["id"], endpoint, status, latency, size, ip, error)


def _burst(
    rng: random.Random, profile: Profile, endpoint: str, minute: dt.datetime, count: int
) -> list[Request]:
    """``count`` calls inside one UTC minute, as a poller that ignores its limit sends them."""
    start = _ms(minute)
    times = sorted(start + rng.randrange(58_000) for _ in range(count))
    return [_call(rng, profile.key, endpoint, t, profile.ips[0]) for t in times]


def poller(rng: random.Random, profile: Profile) -> list[Request]:
    """Quillon's tracking poller: a burst past its 60/min limit every afternoon, four today."""
    tracking = _EP[("GET", "/v2/tracking/{tracking_number}")]
    found: list[Request] = []
    day = LOG_START.date()
    while day < NOW.date():
        minute = dt.datetime.combine(day, dt.time(14, 30 + rng.randrange(8)), dt.UTC)
        found += _burst(rng, profile, tracking, minute, rng.randint(72, 90))
        day += dt.timedelta(days=1)
    for text in LAST_HOUR_BURSTS:
        found += _burst(rng, profile, tracking, _at(f"2026-03-18T{text}:00"), 100)
    return found


def small_burst(rng: random.Random, profile: Profile, minute: str, count: int) -> list[Request]:
    """A one-off burst a little past a key's limit."""
    endpoint = _EP[("GET", "/v2/shipments/{shipment_id}")]
    return _burst(rng, profile, endpoint, _at(minute), count)


def nightly_export(rng: random.Random, profile: Profile) -> list[Request]:
    """Copperleaf's export at 02:00 UTC; on 2026-03-16 it lands exactly on the window edge.

    That night 31 calls fall in the minute from 02:00:00.000: the 31st (at 02:00:59.999) is
    throttled and the next one, at 02:01:00.000 sharp, opens a new window and succeeds.
    """
    reads = [_EP[("GET", "/v2/shipments")], _EP[("GET", "/v2/invoices")],
             _EP[("GET", "/v2/returns/{return_id}")]]  # fmt: skip
    ip = profile.ips[0]
    found = []
    day = LOG_START.date()
    while day < NOW.date():
        start = _ms(dt.datetime.combine(day, dt.time(2), dt.UTC))
        if day == EDGE_WINDOW.date():
            times = [start, *sorted(start + rng.randrange(1, 59_000) for _ in range(28))]
            times += [start + 59_998, start + 59_999, start + 60_000]
            times += sorted(start + 60_000 + rng.randrange(1, 50_000) for _ in range(9))
        else:
            times = sorted(start + rng.randrange(5_000, 110_000) for _ in range(40))
        found += [_call(rng, profile.key, rng.choice(reads), t, ip) for t in times]
        day += dt.timedelta(days=1)
    return found


def leak(rng: random.Random, profile: Profile) -> list[Request]:
    """Someone holding the key id but not its signing secret, from a range never seen before."""
    targets = [_EP[("GET", "/v2/account")], _EP[("GET", "/v2/shipments")],
               _EP[("POST", "/v2/labels")], _EP[("GET", "/v2/invoices")]]  # fmt: skip
    span = _ms(LEAK_UNTIL) - _ms(LEAK_FROM)
    waves = sorted(_ms(LEAK_FROM) + rng.randrange(span - 900_000) for _ in range(6))
    found = []
    for number in range(LEAK_COUNT):
        at = waves[number % 6] + rng.randrange(900_000)
        ip = f"{LEAK_RANGE}.{rng.randint(3, 60)}"
        endpoint = rng.choice(targets)
        found.append(rejected(rng, profile.key, endpoint, at, ip=ip, error="invalid_signature"))
    return found


def skewed_clock(rng: random.Random, profile: Profile) -> list[Request]:
    """Nimbus's order sync after a server move: signatures off by its clock, from its own IP."""
    start = _ms(dt.datetime(2026, 3, 18, 3, 10, tzinfo=dt.UTC))
    endpoint = _EP[("POST", "/v2/shipments")]
    ip = profile.ips[0]
    times = [start + rng.randrange(20_400_000) for _ in range(SKEW_COUNT)]
    return [
        rejected(rng, profile.key, endpoint, t, ip=ip, error="invalid_signature") for t in times
    ]


def retired_plugin(rng: random.Random, profile: Profile) -> list[Request]:
    """Harbor & Pine's old plugin keeps polling after its key was revoked."""
    revoked = dt.datetime.fromisoformat(profile.key["revoked_at"])
    endpoint = _EP[("GET", "/v2/tracking/{tracking_number}")]
    found = []
    moment = revoked + dt.timedelta(minutes=rng.randint(20, 90))
    while moment < NOW:
        at, ip = _ms(moment), profile.ips[0]
        found.append(rejected(rng, profile.key, endpoint, at, ip=ip, error="key_revoked"))
        moment += dt.timedelta(minutes=rng.randint(160, 330))
    return found


def deprecated_calls(rng: random.Random, profile: Profile) -> list[Request]:
    """Oakline's ERP still quotes rates on v1, about ten times a working day."""
    endpoint = _EP[("GET", "/v1/rates")]
    found = []
    day = LOG_START.date()
    while day <= NOW.date():
        if day.weekday() < 5:
            for _ in range(rng.randint(7, 13)):
                # 08:00-17:00 in Denver (MST until 8 March, MDT after)
                offset = 15 if day < dt.date(2026, 3, 8) else 14
                at = dt.datetime.combine(day, dt.time(offset), dt.UTC) + dt.timedelta(
                    seconds=rng.randrange(9 * 3600)
                )
                if at < NOW:
                    found.append(_call(rng, profile.key, endpoint, _ms(at), profile.ips[0]))
        day += dt.timedelta(days=1)
    return found


def forgotten_laptop(rng: random.Random, profile: Profile) -> list[Request]:
    """A developer's test key, expired on 9 March, still tried from home the next day."""
    endpoint = _EP[("POST", "/v2/rates")]
    start = _ms(dt.datetime(2026, 3, 10, 22, 5, tzinfo=dt.UTC))
    return [
        rejected(
            rng, profile.key, endpoint, start + n * 47_000, ip="73.162.44.9", error="key_expired"
        )
        for n in range(7)
    ]


def anonymous(rng: random.Random) -> list[Request]:
    """Uptime monitors on the health check, and callers with no key or a made-up one."""
    health = _EP[("GET", "/v2/health")]
    found = []
    moment = LOG_START
    while moment < NOW:
        for ip in MONITOR_IPS:
            at = _ms(moment) + rng.randrange(4_000)
            found.append(Request(at, None, health, 200, rng.randint(4, 14), 60, ip, None, False))
        moment += dt.timedelta(hours=1)
    endpoints = [e for (method, path), e in _EP.items() if path.startswith("/v2/") and
                 not path.endswith("/health")]  # fmt: skip
    span = _ms(NOW) - _ms(LOG_START)
    for _ in range(260):
        first = rng.choice((45, 89, 91, 103, 146, 171, 194, 212))
        ip = f"{first}.{rng.randint(1, 254)}.{rng.randint(1, 254)}.{rng.randint(1, 254)}"
        error = rng.choice(("missing_key", "missing_key", "invalid_key"))
        at = _ms(LOG_START) + rng.randrange(span)
        found.append(rejected(rng, {}, rng.choice(endpoints), at, ip=ip, error=error))
    return found
