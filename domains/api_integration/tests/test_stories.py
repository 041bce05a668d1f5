"""Every planted story is told by the data: what a task will say happened, happened.

Counts here are recomputed from the raw rows; the facts layer must agree with them.
"""

import datetime as dt
import zoneinfo
from collections import Counter

import pytest

from bench_domain_api_integration._facts import Facts
from bench_domain_api_integration._fixtures import Fixtures

NOW = dt.datetime(2026, 3, 18, 15, 20, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def facts(data: Fixtures) -> Facts:
    return Facts(data)


def test_the_reference_time_is_a_wednesday_morning_in_new_york(facts: Facts) -> None:
    assert facts.now == NOW
    assert facts.today.strftime("%A") == "Wednesday"
    local = NOW.astimezone(zoneinfo.ZoneInfo(facts.fixtures.platform.timezone))
    assert (local.hour, local.minute, local.utcoffset()) == (11, 20, dt.timedelta(hours=-4))


def test_a_customer_owns_active_revoked_and_expired_keys(facts: Facts) -> None:
    keys = facts.keys_of("Harbor & Pine")
    assert [k.name for k in keys] == sorted(
        ("Production", "Legacy WooCommerce plugin", "Tracking page"),
        key=lambda n: next(k.id for k in keys if k.name == n),
    )
    assert {k.status for k in keys} == {"active", "revoked"}


def test_the_leaked_key_drew_a_burst_of_401s_from_a_range_never_seen_before(
    facts: Facts, data: Fixtures
) -> None:
    leaked = facts.key("Sable & Stone", "Production server")
    since = (NOW - dt.timedelta(hours=24)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    mine = [r for r in data.requests if r.key_id == leaked.id]
    failures = [r for r in mine if r.status == 401 and r.time >= since]
    assert len(failures) == facts.unauthorized(leaked, *facts.last_day()) == 412
    assert {r.client_ip.rsplit(".", 1)[0] for r in failures} == {"185.220.101"}
    assert {r.error for r in failures} == {"invalid_signature"}
    earliest = min(r.time for r in failures)
    assert not [r for r in data.requests if r.client_ip.startswith("185.220.101.")
                and r.time < earliest]  # fmt: skip
    assert leaked.status == "active"
    # It is the only key over any plausible threshold; the twin is far below.
    counts = facts.status_counts_by_key(401, *facts.last_day()).most_common()
    assert counts[0] == (leaked.id, 412)
    twin = facts.key("Nimbus Prints", "Order sync")
    assert counts[1] == (twin.id, 37) == (twin.id, facts.unauthorized(twin, *facts.last_day()))
    assert all(n < 10 for _, n in counts[2:])
    twin_ips = {r.client_ip for r in data.requests if r.key_id == twin.id and r.status == 401}
    assert twin_ips <= {r.client_ip for r in data.requests if r.key_id == twin.id
                        and r.status < 400}  # fmt: skip


def test_the_most_throttled_key_of_the_last_hour_stands_out(facts: Facts, data: Fixtures) -> None:
    key, count = facts.most_throttled_key(*facts.last_hour())
    assert (key.name, key.rate_limit_per_minute) == ("Bulk tracking poller", 60)
    assert data.customer_by_id[key.customer_id].name == "Quillon Analytics"
    since = "2026-03-18T14:20:00.000Z"
    assert count == sum(r.key_id == key.id and r.status == 429 and r.time >= since
                        for r in data.requests) >= 160  # fmt: skip
    others = facts.status_counts_by_key(429, *facts.last_hour())
    assert sorted(others.values(), reverse=True)[1:] == [6, 3]  # two small bursts, far behind


def test_the_poller_is_over_its_monthly_quota(facts: Facts) -> None:
    poller = facts.key("Quillon Analytics", "Bulk tracking poller")
    usage = facts.usage(poller, "2026-03")
    assert usage["requests"] > poller.monthly_quota == 3_000
    over = usage["requests"] - 3_000
    assert usage["over_quota_requests"] == over
    assert usage["overage_usd"] == round(over * 1.5 / 1000 + 1e-9, 2)


def test_the_retired_plugin_calls_on_with_its_revoked_key(facts: Facts, data: Fixtures) -> None:
    key = facts.key("Harbor & Pine", "Legacy WooCommerce plugin")
    assert key.status == "revoked"
    assert key.revoked_at is not None
    assert dt.date(2026, 3, 9) <= dt.date.fromisoformat(key.revoked_at[:10]) <= dt.date(2026, 3, 13)
    calls = [r for r in data.requests if r.key_id == key.id]
    before = [r for r in calls if r.time < key.revoked_at]
    after = [r for r in calls if r.time >= key.revoked_at]
    assert before
    assert all(r.status != 401 for r in before)
    assert len(after) >= 20
    assert {(r.status, r.error) for r in after} == {(401, "key_revoked")}
    assert key.last_used_at == max(r.time for r in before)


def test_one_customer_still_calls_a_deprecated_endpoint(facts: Facts, data: Fixtures) -> None:
    start = dt.datetime(2026, 3, 4, tzinfo=dt.UTC)
    assert facts.callers_of_deprecated(start, NOW).keys() == {"Oakline Goods"}
    called = {r.endpoint_id for r in data.requests if data.endpoint_by_id[r.endpoint_id].deprecated}
    assert called == {facts.endpoint("GET /v1/rates").id}
    endpoint = facts.endpoint("GET /v1/rates")
    assert (endpoint.sunset_date, endpoint.replacement) == ("2026-04-30", "POST /v2/rates")


def test_a_request_on_the_window_edge_opens_a_new_window(facts: Facts) -> None:
    key = facts.key("Copperleaf Books", "Nightly export")
    rows = facts.window_edge(key, dt.datetime(2026, 3, 16, 2, 0, tzinfo=dt.UTC))
    first_minute = [r for r in rows if r.time < "2026-03-16T02:01:00.000Z"]
    assert len(first_minute) == 31 == key.rate_limit_per_minute + 1
    assert first_minute[0].time == "2026-03-16T02:00:00.000Z"
    assert [r.status for r in first_minute].count(429) == 1
    assert first_minute[-1].time == "2026-03-16T02:00:59.999Z"
    assert first_minute[-1].status == 429
    edge = next(r for r in rows if r.time == "2026-03-16T02:01:00.000Z")
    assert edge.status != 429
    all_429 = [r for r in facts.fixtures.requests if r.key_id == key.id and r.status == 429]
    assert all_429 == [first_minute[-1]]


def test_the_slowest_endpoints_of_yesterday_stand_apart(facts: Facts, data: Fixtures) -> None:
    top = facts.slowest_endpoints(facts.yesterday, 6)
    day = facts.yesterday.isoformat()
    for endpoint, p95 in top:
        values = sorted(r.latency_ms for r in data.requests
                        if r.endpoint_id == endpoint.id and r.time.startswith(day))  # fmt: skip
        assert p95 == values[-(-len(values) * 95 // 100) - 1]
    assert top[4][1] > 1.1 * top[5][1]  # the fifth is clearly slower than the sixth
    events = facts.endpoint("GET /v2/tracking/{tracking_number}/events")
    assert events in [e for e, _ in top[:5]]  # yesterday's slow release shows


def test_incidents_raise_the_5xx_of_their_endpoints(data: Fixtures) -> None:
    for incident in data.incidents:
        inside = [r for r in data.requests if incident.started_at <= r.time < incident.resolved_at
                  and r.key_id is not None and r.status not in (401, 429)]  # fmt: skip
        if incident.endpoints != "all":
            routes = set(incident.endpoints)
            inside = [r for r in inside if data.endpoint_by_id[r.endpoint_id].route in routes]
        errors = sum(r.status >= 500 for r in inside)
        assert inside
        assert errors / len(inside) > 0.03, incident.id
    outside = [r for r in data.requests if r.key_id and r.status not in (401, 429) and not any(
        i.started_at <= r.time < i.resolved_at for i in data.incidents)]  # fmt: skip
    assert sum(r.status >= 500 for r in outside) / len(outside) < 0.01


def test_a_webhook_failed_after_its_receiver_changed_and_recovered_after_the_fix(
    facts: Facts,
) -> None:
    hook = facts.webhook_of("Fernway Outdoor")
    assert hook.url_updated_at == "2026-03-13T17:05:00.000Z"
    assert [c.change for c in hook.history] == ["created", "url_changed"]
    fixed = facts.receiver_fixed_at(hook)
    assert fixed is not None
    assert "2026-03-16T16:30:00.000Z" <= fixed < "2026-03-17T00:00:00.000Z"
    broken = facts.deliveries(hook, "failed", hook.url_updated_at, fixed)
    assert broken == facts.deliveries(hook, "failed", hook.url_updated_at, "2026-03-16T16:30")
    assert 5 <= len(broken) <= 12
    for delivery in broken:
        assert {a.response_code for a in delivery.attempts} == {404}
    recovered = [d for d in facts.deliveries(hook, "succeeded", hook.url_updated_at, fixed)
                 if len(d.attempts) > 1]  # fmt: skip
    assert recovered  # the late retries of the outage landed after the fix
    older = facts.deliveries(hook, "failed", "", hook.url_updated_at)
    assert len(older) == 2
    assert all({a.response_code for a in d.attempts} == {400} for d in older)
    assert not facts.deliveries(hook, "failed", fixed)


def test_one_receiver_is_still_down_and_one_webhook_was_disabled(facts: Facts) -> None:
    down = facts.webhook_of("Juniper Kids")
    recent = facts.deliveries(down, since="2026-03-17T06:00:00.000Z")
    assert recent
    assert all(d.status in ("failed", "retrying") for d in recent)
    assert all(a.response_code is None for d in recent for a in d.attempts)
    assert down.status == "active"
    gone = facts.webhook_of("Pebble Post")
    assert gone.status == "disabled"
    assert gone.disabled_at is not None
    assert not facts.deliveries(gone, since=gone.disabled_at)


def test_dst_gives_new_york_a_23_hour_sunday(data: Fixtures) -> None:
    zone = zoneinfo.ZoneInfo("America/New_York")
    hours = Counter(
        dt.datetime.fromisoformat(r.time).astimezone(zone).replace(minute=0, second=0,
                                                                   microsecond=0)
        for r in data.requests
    )  # fmt: skip
    sunday = [h for h in hours if h.date() == dt.date(2026, 3, 8)]
    assert len({h.hour for h in sunday}) <= 23
    assert 2 not in {h.hour for h in sunday}  # 02:00-02:59 did not exist that night
    offsets = {h.utcoffset() for h in hours}
    assert offsets == {dt.timedelta(hours=-5), dt.timedelta(hours=-4)}


def test_office_hours_show_in_each_customers_local_time(data: Fixtures) -> None:
    busy: Counter[bool] = Counter()
    for request in data.requests:
        if request.key_id is None or request.status == 429:
            continue
        zone = zoneinfo.ZoneInfo(data.customer_by_id[data.key_by_id[request.key_id].customer_id]
                                 .timezone)  # fmt: skip
        local = dt.datetime.fromisoformat(request.time).astimezone(zone)
        busy[8 <= local.hour < 18 and local.weekday() < 5] += 1
    # Office hours are 50 of the week's 168 hours, yet carry most of the traffic.
    assert busy[True] > 1.4 * busy[False]
