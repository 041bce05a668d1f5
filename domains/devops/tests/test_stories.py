"""The planted stories, told by the data: what a task will say happened, happened."""

import datetime as dt

import pytest

from bench_domain_devops._clock import parse_utc
from bench_domain_devops._facts import Facts
from bench_domain_devops._fixtures import Fixtures

SPANS = range(1, 7)  # any whole-hour window a careful reader might pick


def test_the_checkout_hotfix_raised_errors_and_a_sev2_is_open_during_the_freeze(
    facts: Facts,
) -> None:
    deployment = facts.story_deployment("checkout_bad_hotfix")
    incident = facts.story_incident("checkout_incident")
    assert deployment.kind == "hotfix"
    assert deployment.environment == "prod"
    assert facts.live_deployment("checkout", "prod") == deployment
    assert facts.freeze_in_force("prod", parse_utc(deployment.started_at)) is not None
    assert "freeze exception" in deployment.description
    assert all(facts.error_rate_rose(deployment, span, factor=4) for span in SPANS)
    assert incident.caused_by_deployment == deployment.id
    assert (incident.severity, incident.status) == ("SEV2", "identified")
    assert facts.freeze_in_force("prod") is not None
    assert facts.runbook_allows_rollback(deployment)


def test_the_cart_release_raised_errors_but_only_a_sev3_is_open(facts: Facts) -> None:
    deployment = facts.story_deployment("cart_regression")
    assert facts.live_deployment("cart", "prod") == deployment
    assert deployment.finished_at < facts.fixtures.stories.freeze["starts_at"]
    assert all(facts.error_rate_rose(deployment, span, factor=3) for span in SPANS)
    assert [i.severity for i in facts.open_incidents("cart", "prod")] == ["SEV3"]
    assert not facts.runbook_allows_rollback(deployment)


def test_the_staging_twins_one_worse_after_its_deploy_one_not(facts: Facts) -> None:
    bad = facts.story_deployment("search_staging_bad")
    fine = facts.story_deployment("pricing_staging_fine")
    for deployment in (bad, fine):
        assert deployment.environment == "staging"
        assert facts.live_deployment(deployment.service, "staging") == deployment
        assert facts.runbook_allows_rollback(deployment)  # no freeze on staging
    for span in SPANS:
        before, after = facts.error_rates_around(bad, span)
        assert after > 4 * before
        before, after = facts.error_rates_around(fine, span)
        assert 0.75 * before <= after <= 1.33 * before


def test_the_failed_payments_deploy_was_already_rolled_back(facts: Facts, data: Fixtures) -> None:
    deployment = facts.story_deployment("payments_rolled_back")
    rollback = facts.story_deployment("payments_rollback")
    assert deployment.status == "rolled_back"
    assert deployment.rolled_back_by == rollback.id
    assert rollback.rollback_of == deployment.id
    assert rollback.version == deployment.previous_version
    assert facts.live_deployment("payments", "prod").version == rollback.version
    incident = facts.story_incident("payments_incident")
    assert (incident.caused_by_deployment, incident.status) == (deployment.id, "resolved")
    assert rollback.finished_at < incident.resolved_at  # type: ignore[operator]
    assert parse_utc(deployment.started_at).strftime("%A") == "Thursday"


def test_the_deployment_before_the_orders_incident_is_orders_own(facts: Facts) -> None:
    incident = facts.story_incident("orders_incident")
    own = facts.story_deployment("orders_bad_release")
    between = facts.story_deployment("inventory_between")
    assert facts.deployment_before(incident) == own
    assert own.author == "tomas.novak"
    # Another service deployed after it and before the incident: the tempting wrong answer.
    assert facts.any_deployment_before(incident) == between
    assert own.started_at < between.started_at < incident.opened_at
    assert incident.caused_by_deployment == own.id
    assert all(facts.error_rate_rose(own, span, factor=2) for span in range(1, 4))


def test_the_reopened_orders_incident_is_not_resolved(facts: Facts) -> None:
    incident = facts.story_incident("orders_reopened")
    kinds = [e.type for e in incident.timeline]
    assert kinds.index("resolved") < kinds.index("reopened")
    assert incident.status == "monitoring"
    assert incident.resolved_at is None
    assert incident.reopened_count == 1


def test_payments_on_call_now_is_the_override_not_the_rota(facts: Facts) -> None:
    now = facts.now
    assert facts.primary_at("payments", now) == "omar.haddad"
    assert facts.scheduled_primary_at("payments", now) == "jan.kowalski"


@pytest.mark.parametrize("team", ["discovery", "payments", "storefront"])
def test_the_dst_change_moves_the_monday_handover(facts: Facts, team: str) -> None:
    # 08:30 in Berlin on 30 March is 06:30 UTC (summer time): before the 07:00 UTC handover.
    # Read with the winter offset it would be 07:30 UTC, after it: another person.
    wall = dt.datetime(2026, 3, 30, 8, 30)
    right = facts.primary_at_local(team, wall)
    wrong = facts.primary_at(team, dt.datetime(2026, 3, 30, 7, 30, tzinfo=dt.UTC))
    assert right == facts.primary_at(team, dt.datetime(2026, 3, 23, 12, tzinfo=dt.UTC))
    assert right != wrong


def test_checkout_prod_alerts_in_every_state(facts: Facts) -> None:
    firing = facts.alerts_in_state("checkout", "prod", "firing")
    assert {a.id for a in firing} == {
        facts.fixtures.stories.alerts[f"checkout_firing_{n}"] for n in (1, 2, 3)
    }
    assert len(facts.alerts_in_state("checkout", "prod", "acked")) == 1
    assert len(facts.alerts_in_state("checkout", "prod", "silenced")) == 1
    assert len(facts.alerts_in_state("checkout", "staging", "firing")) == 1
    assert len(facts.alerts_in_state("checkout", "prod", "resolved")) >= 1


def test_one_alert_flaps_and_its_twin_is_steady(facts: Facts) -> None:
    flapping = facts.story_alert("gateway_flapping")
    steady = facts.story_alert("search_steady")
    assert facts.flapping_alerts() == [flapping]
    assert flapping.flaps_24h >= 10
    assert flapping.state == "firing"
    assert steady.flaps_24h == 0
    assert steady.state == "firing"
    recent = [t for t in flapping.transitions if t.at >= "2026-04-07T06:15:00Z"]
    assert sum(t.state == "resolved" for t in recent) == flapping.flaps_24h


def test_an_alert_still_fires_for_the_deleted_service(facts: Facts, data: Fixtures) -> None:
    alert = facts.story_alert("deleted_service_firing")
    service = data.service_by_id[alert.service_id]
    assert service.name == data.stories.deleted_service
    assert service.deleted_at is not None
    assert alert.state == "firing"
    assert alert.started_at < service.deleted_at
    assert (service.name, "prod") not in data.series_by_key


def test_the_renamed_service_keeps_its_former_name(data: Fixtures) -> None:
    service = data.service_by_name["notifications"]
    assert [f.name for f in service.former_names] == ["notifier"]
    assert "notifier" not in data.service_by_name


def test_the_oom_kills_take_several_pages_and_one_pod_only_shows_early(
    facts: Facts, data: Fixtures
) -> None:
    day = dt.date(2026, 4, 3)
    pods = facts.pods_logging("inventory", "prod", "OOMKilled", day)
    assert pods == list(data.stories.oom_pods)
    lines = [line for line in data.logs if "OOMKilled" in line.message]
    assert len(lines) == facts.log_count("inventory", "prod", "oomkilled", day) > 100
    newest_first = sorted(lines, key=lambda line: line.timestamp, reverse=True)
    first_page = {line.pod for line in newest_first[:100]}
    assert set(pods) - first_page == {"inventory-x7k2m9qcd-wq4tz"}
    incident = facts.story_incident("inventory_oom")
    assert incident.root_cause_category == "capacity"
    series = facts.series("inventory", "prod")
    limit = 1600
    assert max(series.memory_mb) == limit


def test_the_busiest_deployer_of_march_leads_clearly(facts: Facts) -> None:
    ranking = facts.top_deployers(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert ranking[0][1] > ranking[1][1]
    assert sum(n for _, n in ranking) > 100  # more than two pages of 50


def test_yesterdays_checkout_p95_is_a_plain_day_before_the_hotfix(facts: Facts) -> None:
    average = facts.day_value("checkout", "prod", "latency_p95_ms", facts.yesterday, "avg")
    peak = facts.day_value("checkout", "prod", "latency_p95_ms", facts.yesterday, "max")
    assert 300 < average < peak
