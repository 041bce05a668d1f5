"""The fixtures are as large as the standard asks, consistent, and regenerate byte for byte.

Every check here recomputes what it needs with code of its own, not the package's.
"""

import datetime as dt
import ipaddress
import re
from collections import Counter, defaultdict
from importlib import resources

from bench_domain_api_integration._fixtures import Fixtures
from bench_domain_api_integration._generate import generate, serialize

NOW = "2026-03-18T15:20:00.000Z"
STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


def test_the_world_has_the_sizes_the_standard_asks_for(data: Fixtures) -> None:
    assert len(data.endpoints) >= 40
    assert len(data.keys) == 60
    assert len(data.requests) >= 20_000
    assert len(data.webhooks) == 15
    assert len(data.deliveries) >= 500
    assert {k.status for k in data.keys} == {"active", "revoked", "expired"}
    statuses = Counter(k.status for k in data.keys)
    assert statuses["revoked"] >= 4
    assert statuses["expired"] >= 4
    assert len({k.customer_id for k in data.keys}) == len(data.customers) >= 15


def test_the_files_stay_small_on_disk() -> None:
    folder = resources.files("bench_domain_api_integration").joinpath("data")
    total = sum(len(p.read_bytes()) for p in folder.iterdir() if p.name.endswith(".json"))
    assert total < 4_000_000


def test_ids_are_unique_and_references_resolve(data: Fixtures) -> None:
    for records in (data.customers, data.endpoints, data.keys, data.webhooks, data.deliveries):
        ids = [r.id for r in records]
        assert len(ids) == len(set(ids))
    assert len({r.id for r in data.requests}) == len(data.requests)
    customers = {c.id for c in data.customers}
    keys = {k.id for k in data.keys}
    endpoints = {e.id for e in data.endpoints}
    assert all(k.customer_id in customers for k in data.keys)
    assert all(w.customer_id in customers for w in data.webhooks)
    assert all(r.key_id is None or r.key_id in keys for r in data.requests)
    assert all(r.endpoint_id in endpoints for r in data.requests)
    assert all(u.key_id in keys for u in data.usage)
    hooks = {w.id for w in data.webhooks}
    assert all(d.webhook_id in hooks for d in data.deliveries)


def test_every_time_is_utc_with_milliseconds_and_before_now(data: Fixtures) -> None:
    times = [r.time for r in data.requests]
    times += [d.created_at for d in data.deliveries]
    times += [a.at for d in data.deliveries for a in d.attempts]
    for key in data.keys:
        times += [t for t in (key.created_at, key.revoked_at, key.last_used_at) if t]
    assert all(STAMP.match(t) for t in times)
    assert max(times) < NOW
    assert data.platform.now == NOW
    assert min(r.time for r in data.requests) >= data.platform.log_retention_start
    assert [r.time for r in data.requests] == sorted(r.time for r in data.requests)


def test_key_states_agree_with_their_dates(data: Fixtures) -> None:
    for key in data.keys:
        assert key.created_at < NOW
        assert (key.status == "revoked") == (key.revoked_at is not None)
        assert (key.revoked_reason is not None) == (key.revoked_at is not None)
        if key.status == "expired":
            assert key.expires_at is not None
            assert key.expires_at <= NOW
        if key.status == "active" and key.expires_at is not None:
            assert key.expires_at > NOW
        if key.last_used_at is not None:
            assert key.created_at <= key.last_used_at
            ended = key.revoked_at or (key.expires_at if key.status == "expired" else None)
            assert ended is None or key.last_used_at < ended, key.id
        assert key.prefix.startswith(f"rbx_{key.environment}_")


def test_only_valid_keys_are_served_and_the_rest_get_401(data: Fixtures) -> None:
    keys = data.key_by_id
    for request in data.requests:
        if request.key_id is None:
            assert request.status in (200, 401), request
            continue
        key = keys[request.key_id]
        revoked = key.revoked_at is not None and request.time >= key.revoked_at
        expired = key.expires_at is not None and request.time >= key.expires_at
        assert request.time >= key.created_at
        if revoked:
            assert (request.status, request.error) == (401, "key_revoked"), request
        elif expired:
            assert (request.status, request.error) == (401, "key_expired"), request
        elif request.status == 401:
            assert request.error == "invalid_signature"


def test_scopes_are_enforced(data: Fixtures) -> None:
    for request in data.requests:
        if request.key_id is None or request.status in (401, 429):
            continue
        scope = data.endpoint_by_id[request.endpoint_id].required_scope
        allowed = scope is None or scope in data.key_by_id[request.key_id].scopes
        assert allowed == (request.status != 403), request


def test_a_fixed_one_minute_window_decides_every_429(data: Fixtures) -> None:
    used: dict[tuple[str, str], int] = defaultdict(int)
    for request in data.requests:  # already in time order
        if request.key_id is None or request.status == 401:
            continue
        window = (request.key_id, request.time[:16])  # the UTC minute
        limit = data.key_by_id[request.key_id].rate_limit_per_minute
        if request.status == 429:
            assert used[window] == limit, request
        else:
            used[window] += 1
            assert used[window] <= limit, request


def test_error_codes_match_statuses(data: Fixtures) -> None:
    for request in data.requests:
        assert (request.error is None) == (request.status < 400), request
    assert {r.status for r in data.requests} >= {200, 201, 204, 400, 401, 403, 404, 409, 422,
                                                 429, 500, 502, 503, 504}  # fmt: skip


def test_error_rates_and_latency_differ_by_endpoint(data: Fixtures) -> None:
    totals: Counter[str] = Counter(r.endpoint_id for r in data.requests)
    client = Counter(r.endpoint_id for r in data.requests if r.status in (400, 404, 409, 422))
    busy = [e for e, n in totals.items() if n >= 300]
    rates = sorted(client[e] / totals[e] for e in busy)
    assert rates[-1] > 4 * rates[0]
    latency: dict[str, list[int]] = defaultdict(list)
    for request in data.requests:
        if request.status < 400:
            latency[request.endpoint_id].append(request.latency_ms)
    medians = sorted(sorted(v)[len(v) // 2] for v in latency.values() if len(v) >= 50)
    assert medians[-1] > 10 * medians[0]


def test_usage_counters_inside_the_log_window_are_the_logs_counted(data: Fixtures) -> None:
    counted: Counter[tuple[str, str, bool]] = Counter()
    for request in data.requests:
        if request.key_id is not None and request.status != 401:
            counted[(request.key_id, request.time[:10], request.status == 429)] += 1
    start = data.platform.log_retention_start[:10]
    for day in data.usage:
        if day.date >= start:
            assert day.requests == counted[(day.key_id, day.date, False)]
            assert day.rate_limited == counted[(day.key_id, day.date, True)]
    stored = {(u.key_id, u.date) for u in data.usage}
    assert {(k, d) for k, d, _ in counted} <= stored
    assert min(u.date for u in data.usage) == data.platform.usage_start


def test_client_ips_are_addresses(data: Fixtures) -> None:
    for ip in {r.client_ip for r in data.requests}:
        ipaddress.ip_address(ip)


def test_deliveries_follow_the_retry_schedule(data: Fixtures) -> None:
    schedule = data.platform.webhook_retry_schedule_minutes
    for delivery in data.deliveries:
        created = dt.datetime.fromisoformat(delivery.created_at)
        ok = [a for a in delivery.attempts if a.response_code and 200 <= a.response_code < 300]
        assert [a.attempt for a in delivery.attempts] == list(range(1, len(delivery.attempts) + 1))
        for attempt in delivery.attempts:
            late = dt.datetime.fromisoformat(attempt.at) - created
            minutes = schedule[attempt.attempt - 1]
            assert dt.timedelta(minutes=minutes) <= late < dt.timedelta(minutes=minutes, seconds=1)
        if delivery.status == "succeeded":
            assert ok == [delivery.attempts[-1]]
        else:
            assert not ok
        if delivery.status == "failed":
            hook = data.webhook_by_id[delivery.webhook_id]
            stopped = hook.disabled_at is not None and delivery.attempts[-1].at < hook.disabled_at
            assert len(delivery.attempts) == len(schedule) or stopped, delivery.id
        assert (delivery.status == "retrying") == (delivery.next_attempt_at is not None)


def test_the_generator_reproduces_the_committed_files_byte_for_byte() -> None:
    files = generate()
    folder = resources.files("bench_domain_api_integration").joinpath("data")
    for name, content in files.items():
        assert folder.joinpath(name).read_text(encoding="utf-8") == serialize(name, content), name
    assert sorted(files) == sorted(p.name for p in folder.iterdir() if p.name.endswith(".json"))
