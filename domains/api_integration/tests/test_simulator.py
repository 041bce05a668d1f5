"""The simulated console: filters, paging, errors, writes per episode, effects, schemas."""

import json
from typing import Any

import pytest

from bench_core import Effect
from bench_domain_api_integration._facts import Facts
from bench_domain_api_integration._fixtures import Fixtures
from bench_domain_api_integration._simulator import ApiGatewaySimulator
from bench_domain_api_integration._tools import TOOL_SCHEMAS, TOOLS, WRITE_TOOLS


@pytest.fixture
def episode(data: Fixtures) -> ApiGatewaySimulator:
    return ApiGatewaySimulator(data)


def ok(result: Any) -> dict[str, Any]:
    assert isinstance(result, dict)
    assert "error" not in result, result
    return result


def error_of(result: Any) -> tuple[str, str]:
    assert isinstance(result, dict)
    assert set(result) == {"error"}, result
    return result["error"]["code"], result["error"]["message"]


def test_every_schema_is_valid_and_the_count_is_in_range() -> None:
    assert len(TOOLS) in range(12, 17)
    assert set(TOOL_SCHEMAS) >= WRITE_TOOLS
    for tool in TOOLS:
        function = tool["function"]
        params = function["parameters"]
        assert len(function["description"]) > 60
        assert set(params["required"]) <= set(params["properties"])
        assert params["additionalProperties"] is False
        for name, prop in params["properties"].items():
            assert prop["type"] in ("string", "integer", "boolean"), name
            assert prop.get("description"), name
            if "enum" in prop:
                assert len(prop["enum"]) == len(set(prop["enum"])) >= 2
                assert "default" not in prop or prop["default"] in prop["enum"]
            if "format" in prop:
                assert prop["format"] == "date-time"
            if "default" in prop and prop["type"] == "integer":
                assert prop["minimum"] <= prop["default"] <= prop.get("maximum", 10**9)


def test_list_api_keys_of_a_customer_by_name_or_id(
    episode: ApiGatewaySimulator, facts: Facts
) -> None:
    by_name = ok(episode.call("list_api_keys", {"customer": "harbor and pine"}))
    assert error_of(episode.call("list_api_keys", {"customer": "harbour & pine"}))[0] == "not_found"
    by_name = ok(episode.call("list_api_keys", {"customer": "HARBOR & PINE"}))
    by_id = ok(episode.call("list_api_keys", {"customer": "cus-102"}))
    assert by_name == by_id
    assert [k["id"] for k in by_name["keys"]] == [k.id for k in facts.keys_of("Harbor & Pine")]
    assert all("secret" not in k for k in by_name["keys"])


@pytest.fixture(scope="module")
def facts(data: Fixtures) -> Facts:
    return Facts(data)


def test_list_api_keys_pages_with_a_cursor(episode: ApiGatewaySimulator, data: Fixtures) -> None:
    seen: list[str] = []
    cursor = None
    while True:
        page = ok(episode.call("list_api_keys", {"limit": 25, "cursor": cursor}))
        assert page["total"] == len(data.keys)
        seen += [k["id"] for k in page["keys"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == sorted(k.id for k in data.keys)
    assert error_of(episode.call("list_api_keys", {"cursor": "bogus!"}))[0] == "invalid_argument"


def test_query_request_logs_pages_through_the_leaked_keys_401s(
    episode: ApiGatewaySimulator, facts: Facts
) -> None:
    leaked = facts.key("Sable & Stone", "Production server")
    args = {"key_id": leaked.id.lower(), "status": 401, "limit": 200}
    first = ok(episode.call("query_request_logs", args))
    assert first["total"] == 412
    second = ok(episode.call("query_request_logs", {**args, "cursor": first["next_cursor"]}))
    third = ok(episode.call("query_request_logs", {**args, "cursor": second["next_cursor"]}))
    ids = [r["id"] for page in (first, second, third) for r in page["requests"]]
    assert len(ids) == len(set(ids)) == 412
    assert third["next_cursor"] is None
    times = [r["time"] for page in (first, second, third) for r in page["requests"]]
    assert times == sorted(times, reverse=True)
    cidr = ok(episode.call("query_request_logs", {**args, "client_ip": "185.220.101.0/24"}))
    assert cidr["total"] == 412


def test_the_log_refuses_a_window_before_retention(episode: ApiGatewaySimulator) -> None:
    code, message = error_of(
        episode.call("query_request_logs", {"start_time": "2026-02-20", "end_time": "2026-02-21"})
    )
    assert code == "out_of_range"
    assert "2026-03-04" in message


def test_traffic_stats_rank_yesterdays_slowest_endpoints(
    episode: ApiGatewaySimulator, facts: Facts
) -> None:
    expected = [(e.id, p95) for e, p95 in facts.slowest_endpoints(facts.yesterday, 5)]
    for window in (
        {"start_time": "2026-03-17", "end_time": "2026-03-17"},
        {"start_time": "2026-03-17T00:00:00Z", "end_time": "2026-03-18T00:00:00Z"},
        {"start_time": "2026-03-16T20:00:00-04:00", "end_time": "2026-03-17T20:00:00-04:00"},
    ):
        result = ok(
            episode.call(
                "get_traffic_stats",
                {"group_by": "endpoint", "sort_by": "p95_ms", "limit": 5, **window},
            )
        )
        assert [(g["endpoint_id"], g["p95_ms"]) for g in result["groups"]] == expected


def test_traffic_stats_by_local_hour_follow_dst(episode: ApiGatewaySimulator) -> None:
    result = ok(
        episode.call(
            "get_traffic_stats",
            {"group_by": "hour", "start_time": "2026-03-08T05:00:00Z",
             "end_time": "2026-03-09T04:00:00Z", "timezone": "America/New_York",
             "sort_by": "group", "limit": 500},
        )
    )  # fmt: skip
    hours = [g["hour"] for g in result["groups"]]
    assert all(h.startswith("2026-03-08") for h in hours)
    assert not any(h.startswith("2026-03-08T02:") for h in hours)
    assert hours[0].endswith("-05:00")
    assert hours[-1].endswith("-04:00")
    assert sum(g["requests"] for g in result["groups"]) == result["totals"]["requests"]
    assert error_of(episode.call("get_traffic_stats", {"group_by": "hour", "timezone": "EST5"}))


def test_traffic_stats_find_the_most_throttled_key(
    episode: ApiGatewaySimulator, facts: Facts
) -> None:
    key, count = facts.most_throttled_key(*facts.last_hour())
    result = ok(
        episode.call(
            "get_traffic_stats",
            {"group_by": "key", "start_time": "2026-03-18T14:20:00Z", "sort_by": "rate_limited",
             "limit": 1},
        )
    )  # fmt: skip
    assert (result["groups"][0]["key_id"], result["groups"][0]["rate_limited"]) == (key.id, count)


def test_usage_reports_the_overage_in_usd(episode: ApiGatewaySimulator, facts: Facts) -> None:
    poller = facts.key("Quillon Analytics", "Bulk tracking poller")
    result = ok(episode.call("get_usage", {"key_id": poller.id, "breakdown": "day"}))
    row = result["keys"][0]
    assert result["currency"] == "USD"
    assert row["requests"] == sum(d["requests"] for d in row["days"])
    assert row["overage_usd"] == facts.usage(poller, "2026-03")["overage_usd"] > 0
    assert error_of(episode.call("get_usage", {}))[0] == "invalid_argument"


def test_endpoints_are_found_by_id_or_route(episode: ApiGatewaySimulator) -> None:
    by_id = ok(episode.call("get_endpoint", {"endpoint": "ep-37"}))
    assert by_id == ok(episode.call("get_endpoint", {"endpoint": "get /v1/rates/"}))
    assert by_id["deprecated"] is True
    _, message = error_of(episode.call("get_endpoint", {"endpoint": "/v2/shipments"}))
    assert "GET or POST" in message
    deprecated = ok(episode.call("list_endpoints", {"deprecated": True}))
    assert {e["version"] for e in deprecated["endpoints"]} == {"v1"}


@pytest.mark.parametrize(
    ("tool", "arguments", "code"),
    [
        ("get_api_key", {}, "invalid_argument"),
        ("get_api_key", {"key_id": "AK-9999"}, "not_found"),
        ("get_api_key", {"key_id": "rbx_live_abc"}, "invalid_argument"),
        ("get_api_key", {"key_id": "AK-1001", "show_secret": True}, "invalid_argument"),
        ("list_api_keys", {"status": "deleted"}, "invalid_argument"),
        ("list_api_keys", {"limit": 0}, "invalid_argument"),
        ("list_api_keys", {"limit": "10"}, "invalid_argument"),
        ("query_request_logs", {"start_time": "yesterday"}, "invalid_argument"),
        ("query_request_logs", {"start_time": "2026-03-18", "end_time": "2026-03-17"},
         "invalid_argument"),
        ("update_rate_limit", {"key_id": "AK-1001", "requests_per_minute": 2.5},
         "invalid_argument"),
        ("get_webhook", {"webhook_id": "WH-99"}, "not_found"),
        ("retry_webhook_delivery", {}, "invalid_argument"),
        ("no_such_tool", {}, "unknown_tool"),
    ],
)  # fmt: skip
def test_bad_calls_return_structured_errors(
    episode: ApiGatewaySimulator, tool: str, arguments: dict[str, Any], code: str
) -> None:
    assert error_of(episode.call(tool, arguments))[0] == code
    assert episode.effects() == []


def test_a_secret_is_never_returned(episode: ApiGatewaySimulator, data: Fixtures) -> None:
    for key in data.keys[:10]:
        record = ok(episode.call("get_api_key", {"key_id": key.id}))
        assert not {"secret", "key", "token"} & set(record)


def test_revoking_leaves_one_effect_and_a_second_revoke_fails(data: Fixtures, facts: Facts) -> None:
    leaked = facts.key("Sable & Stone", "Production server")
    first, second = ApiGatewaySimulator(data), ApiGatewaySimulator(data)
    ok(first.call("revoke_api_key", {"key_id": leaked.id, "reason": "Leaked: 401 burst"}))
    ok(second.call("revoke_api_key", {"key_id": leaked.id.lower().replace("-", "")}))
    assert (
        first.effects()
        == second.effects()
        == [
            Effect(
                action="revoke_api_key",
                target=leaked.id,
                fields={"customer_id": leaked.customer_id},
            )
        ]
    )
    assert ok(first.call("get_api_key", {"key_id": leaked.id}))["status"] == "revoked"
    assert error_of(first.call("revoke_api_key", {"key_id": leaked.id}))[0] == (
        "failed_precondition"
    )
    assert len(first.effects()) == 1
    # another episode never sees the write
    assert ok(ApiGatewaySimulator(data).call("get_api_key", {"key_id": leaked.id}))["status"] == (
        "active"
    )


def test_a_revoked_key_cannot_be_revoked_rotated_or_changed(
    episode: ApiGatewaySimulator, facts: Facts
) -> None:
    revoked = facts.key("Harbor & Pine", "Legacy WooCommerce plugin")
    for tool, extra in (("revoke_api_key", {}), ("rotate_api_key", {}),
                        ("update_rate_limit", {"requests_per_minute": 100})):  # fmt: skip
        code, message = error_of(episode.call(tool, {"key_id": revoked.id, **extra}))
        assert code == "failed_precondition"
        assert "revoked" in message
    assert episode.effects() == []


def test_rotation_issues_a_new_key_and_schedules_the_old_ones_end(
    episode: ApiGatewaySimulator, facts: Facts
) -> None:
    key = facts.key("Nimbus Prints", "Order sync")
    result = ok(episode.call("rotate_api_key", {"key_id": key.id, "grace_period_hours": 48}))
    new_id = result["new_key"]["id"]
    assert new_id == "AK-1061"
    assert result["old_key"]["expires_at"] == "2026-03-20T15:20:00.000Z"
    assert result["new_key"]["scopes"] == list(key.scopes)
    assert "secret" not in result["new_key"]
    assert episode.effects() == [
        Effect(action="rotate_api_key", target=key.id,
               fields={"new_key_id": "AK-1061", "grace_period_hours": 48})
    ]  # fmt: skip
    assert ok(episode.call("get_api_key", {"key_id": new_id}))["status"] == "active"
    default = ApiGatewaySimulator(facts.fixtures)
    ok(default.call("rotate_api_key", {"key_id": key.id}))
    assert default.effects()[0].fields["grace_period_hours"] == 24


def test_rate_limit_updates_record_the_new_limit(episode: ApiGatewaySimulator) -> None:
    result = ok(
        episode.call("update_rate_limit", {"key_id": "AK-1030", "requests_per_minute": 120.0})
    )
    assert (result["previous_requests_per_minute"], result["requests_per_minute"]) == (60, 120)
    assert episode.effects() == [
        Effect(action="update_rate_limit", target="AK-1030", fields={"requests_per_minute": 120})
    ]


def test_replaying_the_outage_equals_retrying_each_delivery(data: Fixtures, facts: Facts) -> None:
    hook = facts.webhook_of("Fernway Outdoor")
    fixed = facts.receiver_fixed_at(hook)
    assert hook.url_updated_at is not None
    assert fixed is not None
    broken = facts.deliveries(hook, "failed", hook.url_updated_at, fixed)
    bulk, single = ApiGatewaySimulator(data), ApiGatewaySimulator(data)
    replay = {"webhook_id": hook.id.lower(), "since": "2026-03-13T10:05:00-07:00",
              "until": "2026-03-16T16:30:00Z"}  # fmt: skip
    result = ok(bulk.call("retry_webhook_delivery", replay))
    assert {r["status"] for r in result["retried"]} == {"succeeded"}
    for delivery in reversed(broken):
        ok(single.call("retry_webhook_delivery", {"delivery_id": delivery.id.lower()}))
    assert sorted(bulk.effects(), key=lambda e: e.target) == sorted(
        single.effects(), key=lambda e: e.target
    )
    assert [e.target for e in sorted(bulk.effects(), key=lambda e: e.target)] == [
        d.id for d in broken
    ]
    again = bulk.call("retry_webhook_delivery", {"delivery_id": broken[0].id})
    assert error_of(again)[0] == "failed_precondition"
    older = facts.deliveries(hook, "failed", "", hook.url_updated_at)
    assert ok(bulk.call("get_webhook_deliveries", {"webhook_id": hook.id, "status": "failed"}))[
        "total"
    ] == len(older)


def test_retrying_against_a_receiver_still_down_fails_again(
    episode: ApiGatewaySimulator, facts: Facts
) -> None:
    hook = facts.webhook_of("Juniper Kids")
    failed = facts.deliveries(hook, "failed", "2026-03-17T06:00:00.000Z")
    result = ok(episode.call("retry_webhook_delivery", {"delivery_id": failed[0].id}))
    assert result["retried"][0]["status"] == "failed"
    assert result["retried"][0]["attempt"]["response_code"] is None
    assert len(episode.effects()) == 1


def test_disabling_a_webhook_cancels_its_retries(
    episode: ApiGatewaySimulator, facts: Facts
) -> None:
    hook = facts.webhook_of("Juniper Kids")
    ok(episode.call("disable_webhook", {"webhook_id": hook.id, "reason": "receiver down"}))
    assert episode.effects() == [
        Effect(action="disable_webhook", target=hook.id, fields={"customer_id": hook.customer_id})
    ]
    retrying = ok(episode.call("get_webhook_deliveries", {"webhook_id": hook.id,
                                                          "status": "retrying"}))  # fmt: skip
    assert retrying["total"] == 0
    gone = facts.webhook_of("Pebble Post")
    assert error_of(episode.call("disable_webhook", {"webhook_id": gone.id}))[0] == (
        "failed_precondition"
    )
    assert len(episode.effects()) == 1


def test_deliveries_page_by_number(episode: ApiGatewaySimulator, data: Fixtures) -> None:
    hook = data.webhooks[0]
    first = ok(episode.call("get_webhook_deliveries", {"webhook_id": hook.id, "per_page": 50}))
    total = sum(d.webhook_id == hook.id for d in data.deliveries)
    assert first["total"] == total > 100
    assert first["total_pages"] == -(-total // 50)
    pages = [first] + [
        ok(episode.call("get_webhook_deliveries",
                        {"webhook_id": hook.id, "per_page": 50, "page": n}))
        for n in range(2, first["total_pages"] + 1)
    ]  # fmt: skip
    ids = [d["id"] for p in pages for d in p["deliveries"]]
    assert len(ids) == len(set(ids)) == total


def test_the_same_calls_give_the_same_bytes(data: Fixtures) -> None:
    calls = [
        ("get_traffic_stats", {"group_by": "customer", "sort_by": "error_rate_pct"}),
        ("query_request_logs", {"status_class": "5xx", "limit": 30}),
        ("rotate_api_key", {"key_id": "AK-1010"}),
        ("list_api_keys", {"status": "active"}),
        ("get_usage", {"customer": "Brightcart", "breakdown": "day"}),
    ]
    runs = []
    for _ in range(2):
        episode = ApiGatewaySimulator(data)
        runs.append([json.dumps(episode.call(n, a), sort_keys=True) for n, a in calls])
    assert runs[0] == runs[1]


@pytest.mark.parametrize("tool", sorted(TOOL_SCHEMAS))
@pytest.mark.parametrize("junk", [None, [], "x", 3, {"limit": -1}, {"key_id": 5}])
def test_no_argument_makes_the_simulator_raise(data: Fixtures, tool: str, junk: Any) -> None:
    result = ApiGatewaySimulator(data).call(tool, junk)
    json.dumps(result)
