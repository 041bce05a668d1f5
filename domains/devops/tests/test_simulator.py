"""The simulated platform API: filters, paging, errors, writes per episode, and their effects."""

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench_core import Effect
from bench_domain_devops import WRITE_TOOLS, DevopsSimulator
from bench_domain_devops._facts import Facts
from bench_domain_devops._fixtures import Fixtures
from bench_domain_devops._tools import TOOL_SCHEMAS, TOOLS


def ok(result: Any) -> dict[str, Any]:
    """The result of a call that must succeed."""
    assert isinstance(result, dict)
    assert "error" not in result, result
    return result


def error_of(result: Any) -> tuple[str, str]:
    """The code and message of a call that must fail."""
    assert isinstance(result, dict)
    assert set(result) == {"error"}, result
    return result["error"]["code"], result["error"]["message"]


# --- schemas ---------------------------------------------------------------------------------


def test_there_are_twelve_to_sixteen_tools_with_valid_schemas() -> None:
    assert 12 <= len(TOOLS) <= 16
    names = [t["function"]["name"] for t in TOOLS]
    assert len(set(names)) == len(names)
    assert set(WRITE_TOOLS) < set(names)
    for tool in TOOLS:
        assert tool["type"] == "function"
        function = tool["function"]
        assert len(function["description"]) > 60
        parameters = function["parameters"]
        assert parameters["type"] == "object"
        assert parameters["additionalProperties"] is False
        assert set(parameters["required"]) <= set(parameters["properties"])
        for name, spec in parameters["properties"].items():
            assert spec["type"] in ("string", "integer", "number", "boolean"), name
            assert spec.get("description"), name
            if "enum" in spec:
                assert len(set(spec["enum"])) == len(spec["enum"]) > 1
                assert spec.get("default", spec["enum"][0]) in spec["enum"]
            if "format" in spec:
                assert spec["format"] in ("date", "date-time")
            if spec["type"] == "integer" and "default" in spec:
                assert spec.get("minimum", spec["default"]) <= spec["default"]
                assert spec["default"] <= spec.get("maximum", spec["default"])
        json.dumps(tool)


def test_every_tool_answers_a_minimal_call(episode: DevopsSimulator, data: Fixtures) -> None:
    minimal = {
        "get_service": {"service": "checkout"},
        "get_deployment": {"deployment_id": data.deployments[0].id},
        "rollback_deployment": {
            "deployment_id": data.stories.live_prod["cart"],
            "reason": "test run",
        },
        "get_incident": {"incident_id": data.incidents[0].id},
        "update_incident": {"incident_id": data.incidents[-1].id, "note": "checking"},
        "acknowledge_alert": {"alert_id": data.stories.alerts["checkout_firing_1"]},
        "silence_alert": {
            "alert_id": data.stories.alerts["search_steady"],
            "duration_minutes": 60,
            "reason": "x y",
        },
        "query_metrics": {
            "service": "cart",
            "environment": "prod",
            "metric": "requests",
            "start": "2026-04-07",
            "end": "2026-04-08",
        },
        "get_slo": {"service": "cart"},
        "get_oncall": {"team": "payments"},
        "search_logs": {"query": "timeout"},
    }
    for name in TOOL_SCHEMAS:
        ok(episode.call(name, minimal.get(name, {})))


# --- argument checking -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "arguments", "code", "words"),
    [
        ("restart_pod", {}, "unknown_tool", "the tools are"),
        ("get_service", {}, "invalid_argument", "missing required argument 'service'"),
        (
            "get_service",
            {"service": "checkout", "env": "prod"},
            "invalid_argument",
            "unknown argument 'env'",
        ),
        ("get_service", {"service": "chekout"}, "not_found", "did you mean 'checkout'"),
        ("get_service", {"service": "notifier"}, "not_found", "renamed"),
        ("list_deployments", {"environment": "production"}, "invalid_argument", "must be one of"),
        ("list_deployments", {"limit": 500}, "invalid_argument", "between 1 and 50"),
        ("list_deployments", {"limit": "ten"}, "invalid_argument", "must be an integer"),
        ("list_deployments", {"since": "last week"}, "invalid_argument", "date-time"),
        (
            "list_deployments",
            {"since": "2026-04-02", "until": "2026-04-01"},
            "invalid_argument",
            "before",
        ),
        ("list_deployments", {"cursor": "garbage!"}, "invalid_argument", "cursor"),
        ("list_services", {"include_deleted": "yes"}, "invalid_argument", "must be a boolean"),
        ("get_deployment", {"deployment_id": "DEP-1"}, "not_found", "ids look like"),
        ("get_incident", {"incident_id": "INC-99999"}, "not_found", "ids look like"),
        ("list_incidents", {"page": 99}, "invalid_argument", "past the last page"),
        ("get_oncall", {}, "invalid_argument", "exactly one of team or service"),
        (
            "get_oncall",
            {"team": "payments", "at": "2027-01-01T00:00:00Z"},
            "not_found",
            "rota covers",
        ),
        ("get_slo", {"service": "reviews"}, "not_found", "has no SLO"),
        ("get_slo", {"service": "legacy-reports"}, "not_found", "deleted"),
        (
            "query_metrics",
            {
                "service": "checkout",
                "environment": "prod",
                "metric": "latency_p95_ms",
                "start": "2026-01-01",
                "end": "2026-01-02",
            },
            "not_found",
            "metrics cover",
        ),
        (
            "query_metrics",
            {
                "service": "checkout",
                "environment": "prod",
                "metric": "cpu_pct",
                "start": "2026-03-10",
                "end": "2026-03-11",
                "aggregation": "sum",
            },
            "invalid_argument",
            "requests and errors",
        ),
        ("update_incident", {"incident_id": "INC-3001"}, "invalid_argument", "at least one"),
    ],
)
def test_bad_calls_get_one_line_structured_errors(
    episode: DevopsSimulator, name: str, arguments: dict[str, Any], code: str, words: str
) -> None:
    got_code, message = error_of(episode.call(name, arguments))
    assert got_code == code
    assert words in message
    assert "\n" not in message
    assert episode.effects() == []


def test_a_month_of_hourly_points_is_refused_without_handing_over_the_answer(
    episode: DevopsSimulator,
) -> None:
    arguments = {
        "service": "checkout",
        "environment": "prod",
        "metric": "error_rate_pct",
        "start": "2026-03-09T06:00:00Z",
        "end": "2026-04-08T06:00:00Z",
    }
    code, message = error_of(episode.call("query_metrics", arguments))
    assert code == "too_many_points"
    assert "720" in message
    daily = ok(episode.call("query_metrics", {**arguments, "step": "1d"}))
    assert len(daily["points"]) == 31  # 9 March 06:00 to 8 April 06:00, by calendar day


def test_null_arguments_and_id_spellings_are_accepted(episode: DevopsSimulator) -> None:
    assert ok(episode.call("list_services", None))["total"] == 21
    a = ok(episode.call("get_deployment", {"deployment_id": " dep-4388 "}))
    b = ok(episode.call("get_deployment", {"deployment_id": "4388"}))
    assert a == b
    assert ok(episode.call("get_service", {"service": "SVC-101"}))["name"] == "checkout"
    assert ok(episode.call("list_alerts", {"state": "firing", "severity": None}))["total"] == 10


# --- reads -----------------------------------------------------------------------------------


def test_services_hide_the_deleted_one_unless_asked(episode: DevopsSimulator) -> None:
    names = {s["name"] for s in ok(episode.call("list_services", {}))["services"]}
    assert "legacy-reports" not in names
    everything = ok(episode.call("list_services", {"include_deleted": True}))
    assert everything["total"] == 22
    platform = ok(episode.call("list_services", {"team": "platform"}))["services"]
    assert {s["name"] for s in platform} == {"api-gateway", "feature-flags", "notifications"}


def test_get_service_reports_the_live_versions(episode: DevopsSimulator, facts: Facts) -> None:
    record = ok(episode.call("get_service", {"service": "checkout"}))
    live = facts.live_deployment("checkout", "prod")
    assert record["live"]["prod"] == {"deployment_id": live.id, "version": live.version}
    assert record["open_incidents"] == 1
    assert record["firing_alerts"] == 3 + 1  # three in prod, one in staging


def test_deployments_page_through_every_match_once(
    episode: DevopsSimulator, data: Fixtures
) -> None:
    query = {"since": "2026-03-01", "until": "2026-04-01T00:00:00+00:00", "limit": 50}
    seen: list[str] = []
    cursor = None
    while True:
        result = ok(episode.call("list_deployments", {**query, "cursor": cursor}))
        seen += [d["id"] for d in result["deployments"]]
        cursor = result["next_cursor"]
        if cursor is None:
            break
    march = [d.id for d in data.deployments if d.started_at.startswith("2026-03")]
    assert len(seen) == len(set(seen)) == result["total"] == len(march) > 100
    assert set(seen) == set(march)
    assert seen == sorted(seen, reverse=True)


def test_a_cursor_is_refused_with_other_filters(episode: DevopsSimulator) -> None:
    first = ok(episode.call("list_deployments", {"environment": "prod"}))
    code, message = error_of(
        episode.call("list_deployments", {"environment": "dev", "cursor": first["next_cursor"]})
    )
    assert (code, "other filters" in message) == ("invalid_argument", True)


def test_incidents_filter_and_page_by_number(episode: DevopsSimulator, data: Fixtures) -> None:
    sev2 = ok(episode.call("list_incidents", {"severity": "SEV2", "per_page": 5, "page": 2}))
    expected = sorted(
        (i for i in data.incidents if i.severity == "SEV2"), key=lambda i: i.opened_at
    )
    assert sev2["total"] == len(expected)
    assert [i["id"] for i in sev2["incidents"]] == [i.id for i in expected[::-1][5:10]]
    open_ones = ok(episode.call("list_incidents", {"status": "open"}))
    assert {i["status"] for i in open_ones["incidents"]} == {
        "investigating",
        "identified",
        "monitoring",
    }
    assert "timeline" not in open_ones["incidents"][0]


def test_search_logs_finds_every_word_newest_first(episode: DevopsSimulator, facts: Facts) -> None:
    result = ok(episode.call("search_logs", {"query": "OOMKILLED inventory", "limit": 100}))
    assert result["total"] == facts.log_count(
        "inventory", "prod", "oomkilled", facts.yesterday.replace(day=3)
    )
    stamps = [line["timestamp"] for line in result["lines"]]
    assert stamps == sorted(stamps, reverse=True)
    assert result["next_cursor"] is not None


def test_query_metrics_buckets_by_day_and_weights_error_rates(
    episode: DevopsSimulator, facts: Facts
) -> None:
    result = ok(
        episode.call(
            "query_metrics",
            {
                "service": "checkout",
                "environment": "prod",
                "metric": "error_rate_pct",
                "start": "2026-04-06",
                "end": "2026-04-08",
                "step": "1d",
            },
        )
    )
    series = facts.series("checkout", "prod")
    index = 24 * 28 - 6  # 6 April 00:00 UTC, from 9 March 06:00
    day = range(index, index + 24)
    expected = 100 * sum(series.errors[i] for i in day) / sum(series.requests[i] for i in day)
    assert result["points"][0] == {"timestamp": "2026-04-06T00:00:00Z", "value": round(expected, 3)}
    p95 = ok(
        episode.call(
            "query_metrics",
            {
                "service": "checkout",
                "environment": "prod",
                "metric": "latency_p95_ms",
                "start": "2026-04-07T00:00:00+02:00",
                "end": "2026-04-08",
                "step": "1d",
                "aggregation": "max",
            },
        )
    )
    assert p95["points"][-1]["value"] == facts.day_value(
        "checkout", "prod", "latency_p95_ms", facts.yesterday, "max"
    )


def test_get_slo_agrees_with_the_metrics(episode: DevopsSimulator, facts: Facts) -> None:
    slo = ok(episode.call("get_slo", {"service": "checkout"}))
    series = facts.series("checkout", "prod")
    errors, requests = sum(series.errors), sum(series.requests)
    assert (slo["errors"], slo["requests"]) == (errors, requests)
    spent = 100 * errors / (requests * 0.001)
    assert slo["budget_spent_pct"] == round(spent, 1)
    assert slo["burn_rates"]["6h"] > 6  # the checkout alert that fires says so


def test_get_oncall_reads_offsets_and_overrides(episode: DevopsSimulator, facts: Facts) -> None:
    now = ok(episode.call("get_oncall", {"service": "payments"}))
    assert now["primary"] == facts.primary_at("payments", facts.now)
    assert now["override"]["replaces"] == facts.scheduled_primary_at("payments", facts.now)
    local = ok(episode.call("get_oncall", {"team": "discovery", "at": "2026-03-30T08:30:00+02:00"}))
    naive = ok(episode.call("get_oncall", {"team": "discovery", "at": "2026-03-30T08:30:00"}))
    assert local["at"] == "2026-03-30T06:30:00Z"
    assert naive["at"] == "2026-03-30T08:30:00Z"
    assert local["primary"] != naive["primary"]


def test_freezes_show_the_one_in_force(episode: DevopsSimulator) -> None:
    result = ok(episode.call("list_change_freezes", {"start": "2026-04-01"}))
    assert [f["id"] for f in result["freezes"]] == result["active_now"] == ["FRZ-2026-04"]


# --- writes and their effects ----------------------------------------------------------------


def test_rolling_back_the_live_deploy_restores_the_previous_version(
    episode: DevopsSimulator, facts: Facts
) -> None:
    target = facts.story_deployment("checkout_bad_hotfix")
    incident = facts.story_incident("checkout_incident")
    result = ok(
        episode.call(
            "rollback_deployment",
            {
                "deployment_id": target.id,
                "reason": "SEV2 after hotfix",
                "incident_id": incident.id.lower(),
            },
        )
    )
    assert result["rollback"]["version"] == target.previous_version
    assert result["warnings"] == ["prod is in change freeze FRZ-2026-04"]
    assert episode.effects() == [
        Effect(
            action="rollback_deployment",
            target=target.id,
            fields={
                "service": "checkout",
                "environment": "prod",
                "to_version": target.previous_version,
                "incident_id": incident.id,
            },
        )
    ]
    after = ok(episode.call("get_service", {"service": "checkout"}))
    assert after["live"]["prod"]["version"] == target.previous_version
    code, message = error_of(
        episode.call("rollback_deployment", {"deployment_id": target.id, "reason": "again"})
    )
    assert code == "conflict"
    assert "already rolled back" in message
    assert len(episode.effects()) == 1


def test_equivalent_rollbacks_leave_equal_effects(data: Fixtures, facts: Facts) -> None:
    target = facts.story_deployment("search_staging_bad")
    one, two = DevopsSimulator(data), DevopsSimulator(data)
    ok(one.call("rollback_deployment", {"deployment_id": target.id, "reason": "errors up 10x"}))
    ok(
        two.call(
            "rollback_deployment", {"deployment_id": target.id.lower(), "reason": "bad deploy"}
        )
    )
    assert one.effects() == two.effects()


@pytest.mark.parametrize(
    ("story", "words"),
    [
        ("payments_rolled_back", "already rolled back by"),
        ("orders_bad_release", "not the live deployment"),
    ],
)
def test_rollbacks_that_cannot_happen_explain_why(
    episode: DevopsSimulator, facts: Facts, story: str, words: str
) -> None:
    target = facts.story_deployment(story)
    code, message = error_of(
        episode.call("rollback_deployment", {"deployment_id": target.id, "reason": "as asked"})
    )
    assert code == "conflict"
    assert words in message
    assert episode.effects() == []


def test_a_failed_deploy_has_nothing_to_roll_back(episode: DevopsSimulator, data: Fixtures) -> None:
    failed = next(d for d in data.deployments if d.status == "failed")
    code, message = error_of(
        episode.call("rollback_deployment", {"deployment_id": failed.id, "reason": "failed"})
    )
    assert (code, "never went live" in message) == ("conflict", True)


def test_acknowledging_only_firing_alerts(episode: DevopsSimulator, facts: Facts) -> None:
    for alert in facts.alerts_in_state("checkout", "prod", "firing"):
        ok(episode.call("acknowledge_alert", {"alert_id": alert.id}))
    acked = facts.alerts_in_state("checkout", "prod", "acked")[0]
    code, message = error_of(episode.call("acknowledge_alert", {"alert_id": acked.id}))
    assert code == "conflict"
    assert acked.acknowledged_by in message  # type: ignore[operator]
    assert [e.action for e in episode.effects()] == ["acknowledge_alert"] * 3
    assert {e.target for e in episode.effects()} == {
        a.id for a in facts.alerts_in_state("checkout", "prod", "firing")
    }
    still = ok(
        episode.call(
            "list_alerts", {"service": "checkout", "environment": "prod", "state": "firing"}
        )
    )
    assert still["total"] == 0


def test_silencing_records_its_end(episode: DevopsSimulator, facts: Facts) -> None:
    alert = facts.story_alert("gateway_flapping")
    result = ok(
        episode.call(
            "silence_alert",
            {
                "alert_id": alert.id,
                "duration_minutes": 120,
                "reason": "flapping, tuning the rule",
            },
        )
    )
    assert result["silenced_until"] == "2026-04-08T08:15:00Z"
    assert episode.effects() == [
        Effect(
            action="silence_alert",
            target=alert.id,
            fields={"duration_minutes": 120, "until": "2026-04-08T08:15:00Z"},
        )
    ]
    code, _ = error_of(
        episode.call(
            "silence_alert",
            {
                "alert_id": alert.id,
                "duration_minutes": 60,
                "reason": "again",
            },
        )
    )
    assert code == "conflict"


def test_updating_an_incident_changes_it_and_its_timeline(
    episode: DevopsSimulator, facts: Facts
) -> None:
    incident = facts.story_incident("cart_incident")
    result = ok(
        episode.call(
            "update_incident",
            {
                "incident_id": incident.id,
                "severity": "SEV2",
                "note": "Escalating: checkout affected.",
            },
        )
    )
    assert result["severity"] == "SEV2"
    assert [e["type"] for e in result["timeline"][-2:]] == ["severity_changed", "note"]
    assert episode.effects()[0] == Effect(
        action="update_incident",
        target=incident.id,
        fields={"severity": "SEV2", "note": "Escalating: checkout affected."},
    )
    code, _ = error_of(
        episode.call("update_incident", {"incident_id": incident.id, "severity": "SEV2"})
    )
    assert code == "conflict"


def test_reopening_a_resolved_incident(episode: DevopsSimulator, facts: Facts) -> None:
    incident = facts.story_incident("payments_incident")
    result = ok(
        episode.call("update_incident", {"incident_id": incident.id, "status": "investigating"})
    )
    assert result["resolved_at"] is None
    assert result["reopened_count"] == 1
    assert result["timeline"][-1]["type"] == "reopened"


def test_writes_stay_in_their_episode(data: Fixtures, facts: Facts) -> None:
    one, two = DevopsSimulator(data), DevopsSimulator(data)
    alert = facts.story_alert("checkout_firing_1")
    ok(one.call("acknowledge_alert", {"alert_id": alert.id}))
    assert ok(two.call("acknowledge_alert", {"alert_id": alert.id}))["state"] == "acked"
    assert data.alert_by_id[alert.id].state == "firing"


# --- determinism ------------------------------------------------------------------------------

_CALLS = [
    ("list_deployments", {"service": "checkout"}),
    ("list_incidents", {"status": "open"}),
    ("list_alerts", {"state": "firing"}),
    ("get_slo", {"service": "payments"}),
    ("get_oncall", {"team": "storefront"}),
    ("search_logs", {"query": "timeout", "limit": 5}),
    (
        "query_metrics",
        {
            "service": "search",
            "environment": "staging",
            "metric": "error_rate_pct",
            "start": "2026-04-06T10:00:00Z",
            "end": "2026-04-06T20:00:00Z",
        },
    ),
    ("acknowledge_alert", {"alert_id": "ALT-7099"}),
    ("get_service", {"service": "x"}),
]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(range(len(_CALLS))), max_size=6))
def test_the_same_calls_give_the_same_results(order: list[int]) -> None:
    from bench_domain_devops._fixtures import load_fixtures

    runs = []
    for _ in range(2):
        simulator = DevopsSimulator(load_fixtures())
        runs.append(
            (
                [json.dumps(simulator.call(*_CALLS[i]), sort_keys=True) for i in order],
                simulator.effects(),
            )
        )
    assert runs[0] == runs[1]
