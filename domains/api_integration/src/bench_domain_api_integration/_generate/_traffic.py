"""Fourteen days of request logs, the incidents they follow, and the daily usage counters.

Every request is drawn for a key while that key may call the API, at the hours its owner
works (in the owner's time zone), on the endpoints its scopes allow. Status and latency come
from the endpoint's own profile, made worse inside incidents. The planted stories (a leaked
key, a retired plugin still calling with a revoked key, a poller hitting its rate limit, an
export landing exactly on a window edge, the one customer still on a deprecated endpoint)
are added on top; then one fixed-window rate limiter decides every 429.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import zoneinfo
from dataclasses import dataclass, field
from typing import Any

from ._world import CUSTOMERS, ENDPOINTS, LOG_START, NOW, USAGE_START, EndpointSpec, iso

ENDPOINT_IDS = {(s.method, s.path): f"EP-{n:02d}" for n, s in enumerate(ENDPOINTS, start=1)}
GATEWAY_TIMEOUT_MS = 10_000

INCIDENTS: tuple[dict[str, Any], ...] = (
    {
        "id": "INC-2026-031",
        "title": "Primary database failover",
        "severity": "major",
        "started_at": "2026-03-06T15:10:00.000Z",
        "resolved_at": "2026-03-06T15:41:00.000Z",
        "endpoints": "all",
        "error_rate": 0.35,
        "latency_factor": 2.0,
        "statuses": [502, 503],
    },
    {
        "id": "INC-2026-034",
        "title": "Carrier label service degraded (UPS, FedEx)",
        "severity": "major",
        "started_at": "2026-03-10T13:05:00.000Z",
        "resolved_at": "2026-03-10T13:52:00.000Z",
        "endpoints": ["POST /v2/labels", "POST /v2/labels/batch", "POST /v2/returns",
                      "POST /v2/manifests"],
        "error_rate": 0.45,
        "latency_factor": 3.0,
        "statuses": [503, 504],
    },
    {
        "id": "INC-2026-035",
        "title": "Rate quotes timing out at a carrier",
        "severity": "minor",
        "started_at": "2026-03-13T18:20:00.000Z",
        "resolved_at": "2026-03-13T19:05:00.000Z",
        "endpoints": ["POST /v2/rates", "GET /v1/rates"],
        "error_rate": 0.30,
        "latency_factor": 4.0,
        "statuses": [504],
    },
    {
        "id": "INC-2026-037",
        "title": "Tracking events slow after release tracking-2026.03.17",
        "severity": "minor",
        "started_at": "2026-03-17T09:00:00.000Z",
        "resolved_at": "2026-03-17T21:10:00.000Z",
        "endpoints": ["GET /v2/tracking/{tracking_number}/events"],
        "error_rate": 0.04,
        "latency_factor": 7.0,
        "statuses": [504],
    },
)  # fmt: skip

LEAK_RANGE = "185.220.101"
MONITOR_IPS = ("198.51.100.14", "198.51.100.15")

_CREATES = {"POST"}
_STATUS_ERRORS = {
    400: "bad_request",
    404: "not_found",
    409: "conflict",
    410: "endpoint_sunset",
    422: "validation_failed",
    500: "internal_error",
    502: "bad_gateway",
    503: "service_unavailable",
    504: "upstream_timeout",
}


@dataclass
class Request:
    """One request while it is being drawn; ``at`` in milliseconds since the epoch."""

    at: int
    key: str | None
    endpoint: str
    status: int
    latency: int
    size: int
    ip: str
    error: str | None
    authenticated: bool = True


@dataclass
class Profile:
    """How one key calls the API."""

    key: dict[str, Any]
    timezone: str
    daily: float
    endpoints: list[tuple[str, float]]
    ips: list[str]
    extra: dict[str, float] = field(default_factory=dict)


def _ms(moment: dt.datetime) -> int:
    return int(moment.timestamp() * 1000)


def _moment(ms: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(ms / 1000, dt.UTC)


def _poisson(rng: random.Random, mean: float) -> int:
    if mean > 30:
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def _shape(local: dt.datetime) -> float:
    """Relative traffic at a local hour: shops work office hours and batch at night."""
    hour = local.hour
    base = 1.0 if 8 <= hour < 18 else 0.45 if 18 <= hour < 23 else 0.12
    return base * (0.4 if local.weekday() >= 5 else 1.0)


def _spec(endpoint: str) -> EndpointSpec:
    return ENDPOINTS[int(endpoint[3:]) - 1]


def _incident(endpoint: str, at: int) -> dict[str, Any] | None:
    spec = _spec(endpoint)
    route = f"{spec.method} {spec.path}"
    stamp = iso(_moment(at))
    for incident in INCIDENTS:
        if incident["started_at"] <= stamp < incident["resolved_at"] and (
            (incident["endpoints"] == "all" and spec.scope is not None)
            or route in incident["endpoints"]
        ):
            return incident
    return None


def outcome(rng: random.Random, endpoint: str, at: int) -> tuple[int, int, int, str | None]:
    """Status, latency (ms), response bytes and error code of an authorised call."""
    spec = _spec(endpoint)
    incident = _incident(endpoint, at)
    factor = incident["latency_factor"] if incident else 1.0
    latency = spec.median_ms * factor * math.exp(rng.gauss(0, 0.42))
    if rng.random() < 0.04:  # the slow tail every real endpoint has
        latency *= rng.uniform(1.8, 3.5)
    if incident and rng.random() < incident["error_rate"]:
        status = rng.choice(incident["statuses"])
    elif rng.random() < spec.server_error:
        status = rng.choice((500, 500, 502, 503, 504))
    elif rng.random() < spec.client_error:
        if spec.deprecated and spec.client_error == 1.0:
            status = 410
        elif spec.method == "GET":
            status = rng.choice((404, 404, 404, 400))
        elif spec.method == "DELETE":
            status = rng.choice((404, 409))
        else:
            status = rng.choice((422, 422, 400, 409))
    else:
        status = 201 if spec.method in _CREATES and "{" not in spec.path.split("/")[-1] else 200
        if spec.method == "DELETE":
            status = 204
        if spec.path.endswith(("/validate", "/batch", "/rates", "/token")) or "/v1/rates" in (
            spec.path
        ):
            status = 200
        size = spec.size * math.exp(rng.gauss(0, 0.35)) if status != 204 else 0
        return status, max(3, round(latency)), round(size), None
    if status == 504:
        latency = GATEWAY_TIMEOUT_MS
    elif status in (502, 503):
        latency = rng.uniform(15, 60)
    else:
        latency *= rng.uniform(0.2, 0.6)
    return status, max(3, round(latency)), rng.randint(140, 420), _STATUS_ERRORS[status]


def profiles(
    rng: random.Random, keys: list[dict[str, Any]], customers: list[dict[str, Any]]
) -> list[Profile]:
    """How each key that has any traffic calls the API."""
    zones = {c["id"]: c["timezone"] for c in customers}
    ip_bases = {c["id"]: spec.ip_base for c, spec in zip(customers, CUSTOMERS, strict=True)}
    found = []
    for key in keys:
        scopes = set(key["scopes"])
        weights = [
            (ENDPOINT_IDS[(s.method, s.path)], s.weight * rng.uniform(0.3, 1.7))
            for s in ENDPOINTS
            if s.weight > 0 and (s.scope is None or s.scope in scopes)
        ]
        volume = math.exp(rng.gauss(math.log(23), 0.8))
        if key["environment"] == "test":
            volume *= 0.15
        base = ip_bases[key["customer_id"]]
        ips = [f"{base}.{rng.randint(2, 250)}" for _ in range(rng.choice((1, 1, 2, 3)))]
        found.append(Profile(key, zones[key["customer_id"]], volume, weights, ips))
    return found


def _active(key: dict[str, Any], at: dt.datetime) -> bool:
    stamp = iso(at)
    if iso(key["created_at"]) > stamp:
        return False
    if key["revoked_at"] is not None and key["revoked_at"] <= stamp:
        return False
    return key["expires_at"] is None or stamp < key["expires_at"]


def _pick(rng: random.Random, weights: list[tuple[str, float]]) -> str:
    return rng.choices([e for e, _ in weights], [w for _, w in weights])[0]


def base_requests(rng: random.Random, profile: Profile) -> list[Request]:
    """A key's everyday traffic across the log window, hour by hour."""
    zone = zoneinfo.ZoneInfo(profile.timezone)
    key = profile.key
    out_of_scope = [
        ENDPOINT_IDS[(s.method, s.path)]
        for s in ENDPOINTS
        if s.scope is not None and s.weight > 0 and s.scope not in key["scopes"]
    ]
    requests = []
    hour = LOG_START
    while hour < NOW:
        mean = profile.daily * _shape(hour.astimezone(zone)) / 13.0
        for _ in range(_poisson(rng, mean)):
            at = _ms(hour) + rng.randrange(3_600_000)
            if at >= _ms(NOW) or not _active(key, _moment(at)):
                continue
            ip = rng.choice(profile.ips)
            if out_of_scope and rng.random() < 0.006:
                endpoint = rng.choice(out_of_scope)
                latency, size = rng.randint(6, 18), rng.randint(160, 240)
                denied = Request(
                    at, key["id"], endpoint, 403, latency, size, ip, "insufficient_scope"
                )
                requests.append(denied)
                continue
            endpoint = _pick(rng, profile.endpoints)
            status, latency, size, error = outcome(rng, endpoint, at)
            requests.append(Request(at, key["id"], endpoint, status, latency, size, ip, error))
        hour += dt.timedelta(hours=1)
    return requests


def rejected(
    rng: random.Random, key: dict[str, Any], endpoint: str, at: int, *, ip: str, error: str
) -> Request:
    """A request the gateway turned away with a 401 before any rate limiting."""
    key_id = key["id"] if key else None
    latency, size = rng.randint(4, 16), rng.randint(150, 230)
    return Request(at, key_id, endpoint, 401, latency, size, ip, error, authenticated=False)


def apply_rate_limits(requests: list[Request], limits: dict[str, int]) -> None:
    """One fixed window per key and UTC minute: calls past the limit get a 429.

    Only authenticated calls count, and a rejected call does not use up the window.
    """
    counts: dict[tuple[str, int], int] = {}
    for request in sorted(requests, key=lambda r: (r.at, r.key or "")):
        if request.key is None or not request.authenticated:
            continue
        window = (request.key, request.at // 60_000)
        used = counts.get(window, 0)
        if used >= limits[request.key]:
            request.status, request.error = 429, "rate_limited"
            request.latency, request.size = 2 + request.at % 5, 172
        else:
            counts[window] = used + 1


def usage_counters(
    rng: random.Random, profiles_: list[Profile], requests: list[Request]
) -> list[list[Any]]:
    """Daily counters per key: drawn before the log window, counted from the logs inside it."""
    counted: dict[tuple[str, str], list[int]] = {}
    for request in requests:
        if request.key is None or not request.authenticated:
            continue
        stamp = iso(_moment(request.at))[:10]
        cell = counted.setdefault((request.key, stamp), [0, 0])
        cell[1 if request.status == 429 else 0] += 1
    rows: list[list[Any]] = []
    last_day = NOW.date()
    for profile in profiles_:
        key = profile.key
        day = USAGE_START
        while day <= last_day:
            text = day.isoformat()
            if day >= LOG_START.date():
                billable, limited = counted.get((key["id"], text), [0, 0])
            else:
                noon = dt.datetime.combine(day, dt.time(17), dt.UTC)
                weekday = 0.55 if day.weekday() >= 5 else 1.0
                mean = profile.extra.get("usage_daily", profile.daily) * weekday
                billable = _poisson(rng, mean) if _active(key, noon) else 0
                limited = 0
            if billable or limited:
                rows.append([key["id"], text, billable, limited])
            day += dt.timedelta(days=1)
    return rows


def log_document(requests: list[Request], rng: random.Random) -> dict[str, Any]:
    """The request log as stored: one short row per request, oldest first."""
    ids: set[str] = set()
    rows = []
    for request in sorted(requests, key=lambda r: (r.at, r.key or "", r.endpoint)):
        request_id = f"req_{rng.getrandbits(40):010x}"
        while request_id in ids:
            request_id = f"req_{rng.getrandbits(40):010x}"
        ids.add(request_id)
        rows.append(
            [
                request_id,
                iso(_moment(request.at)),
                request.key,
                request.endpoint,
                request.status,
                request.latency,
                request.size,
                request.ip,
                request.error,
            ]
        )
    return {
        "fields": ["id", "time", "key_id", "endpoint_id", "status", "latency_ms", "bytes",
                   "client_ip", "error"],
        "rows": rows,
    }  # fmt: skip
