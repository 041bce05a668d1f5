"""The fixture set: sizes, ids, links between records, and the generator's reproducibility."""

import collections
import json
import re
from importlib import resources

from bench_domain_devops._fixtures import Fixtures
from bench_domain_devops._generate import generate, serialize

UTC_STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


def test_the_generator_reproduces_the_committed_files_byte_for_byte() -> None:
    data_dir = resources.files("bench_domain_devops").joinpath("data")
    for name, content in generate().items():
        assert data_dir.joinpath(name).read_text(encoding="utf-8") == serialize(name, content), name


def test_sizes_meet_the_content_standard(data: Fixtures) -> None:
    live = [s for s in data.services if s.deleted_at is None]
    assert len(live) >= 20
    assert {e for s in live for e in s.environments} == {"dev", "staging", "prod"}
    assert len(data.deployments) >= 300
    assert len(data.incidents) == 80
    assert len(data.alerts) == 100
    assert data.metrics.points == 720
    assert len(data.metrics.series) == 3 * len(live)
    assert len(data.logs) > 2000
    assert {t.id for t in data.teams} == {s.team for s in data.services}


def test_every_state_of_every_record_kind_occurs(data: Fixtures) -> None:
    assert {d.status for d in data.deployments} == {"succeeded", "failed", "rolled_back"}
    assert {d.kind for d in data.deployments} == {"release", "hotfix", "rollback"}
    assert {i.severity for i in data.incidents} == {"SEV1", "SEV2", "SEV3", "SEV4"}
    assert {i.status for i in data.incidents} == {
        "investigating", "identified", "monitoring", "resolved",
    }  # fmt: skip
    assert {a.state for a in data.alerts} == {"firing", "acked", "resolved", "silenced"}
    severities = collections.Counter(i.severity for i in data.incidents)
    assert severities["SEV1"] < severities["SEV2"] < severities["SEV3"]


def test_ids_are_unique_and_numbered_in_time_order(data: Fixtures) -> None:
    for rows, first in (
        (data.deployments, [d.started_at for d in data.deployments]),
        (data.incidents, [i.opened_at for i in data.incidents]),
        # An alert is numbered when it first fired; a flapping one shows its latest start.
        (data.alerts, [a.transitions[0].at for a in data.alerts]),
    ):
        ids = [r.id for r in rows]
        assert len(set(ids)) == len(ids)
        numbers = [int(i.split("-")[1]) for i in ids]
        assert numbers == sorted(numbers)
        assert first == sorted(first)


def test_every_stored_instant_is_utc(data: Fixtures) -> None:
    stamps = [data.meta.now, data.metrics.start]
    stamps += [x for d in data.deployments for x in (d.started_at, d.finished_at)]
    stamps += [i.opened_at for i in data.incidents] + [
        e.at for i in data.incidents for e in i.timeline
    ]
    stamps += [a.started_at for a in data.alerts] + [
        t.at for a in data.alerts for t in a.transitions
    ]
    stamps += [line.timestamp for line in data.logs]
    stamps += [s.starts_at for s in data.oncall.shifts] + [f.starts_at for f in data.freezes]
    assert all(UTC_STAMP.match(s) for s in stamps)
    assert max(d.finished_at for d in data.deployments) <= data.meta.now
    assert max(e.at for i in data.incidents for e in i.timeline) <= data.meta.now
    assert max(line.timestamp for line in data.logs) <= data.meta.now


def test_records_refer_to_records_that_exist(data: Fixtures) -> None:
    services = data.service_by_id
    for row in (*data.deployments, *data.incidents, *data.alerts, *data.slos):
        assert services[row.service_id].name == row.service
    for incident in data.incidents:
        if incident.caused_by_deployment:
            assert incident.caused_by_deployment in data.deployment_by_id
    for alert in data.alerts:
        if alert.incident_id:
            assert alert.incident_id in data.incident_by_id
    people = {m for t in data.teams for m in t.members}
    assert {d.author for d in data.deployments} <= people
    assert {i.commander for i in data.incidents} <= people


def test_versions_follow_from_the_deployments_in_time_order(data: Fixtures) -> None:
    live: dict[tuple[str, str], str] = {}
    for deployment in data.deployments:
        key = (deployment.service_id, deployment.environment)
        if key in live:
            assert deployment.previous_version == live[key], deployment.id
        if deployment.kind == "rollback":
            target = data.deployment_by_id[deployment.rollback_of or ""]
            assert target.status == "rolled_back"
            assert target.rolled_back_by == deployment.id
            assert deployment.version == target.previous_version
            assert (target.service_id, target.environment) == key
        if deployment.status != "failed":
            live[key] = deployment.version
    rolled_back = [d for d in data.deployments if d.status == "rolled_back"]
    assert all(d.rolled_back_by for d in rolled_back)


def test_incidents_caused_by_deployments_open_after_them(data: Fixtures) -> None:
    caused = [i for i in data.incidents if i.caused_by_deployment]
    assert len(caused) >= 15
    for incident in caused:
        deployment = data.deployment_by_id[incident.caused_by_deployment or ""]
        assert (deployment.service_id, deployment.environment) == (
            incident.service_id, incident.environment,
        )  # fmt: skip
        assert deployment.finished_at < incident.opened_at
        assert incident.root_cause_category == "deployment"


def test_incident_timelines_agree_with_their_fields(data: Fixtures) -> None:
    for incident in data.incidents:
        kinds = [e.type for e in incident.timeline]
        assert kinds[0] == "opened"
        assert incident.timeline[0].at == incident.opened_at
        assert [e.at for e in incident.timeline] == sorted(e.at for e in incident.timeline)
        acknowledged = next(e for e in incident.timeline if e.type == "acknowledged")
        assert (acknowledged.at, acknowledged.author) == (
            incident.acknowledged_at, incident.commander,
        )  # fmt: skip
        assert (incident.status == "resolved") == (incident.resolved_at is not None)
        assert ("reopened" in kinds) == (incident.reopened_count > 0)


def test_alert_fields_agree_with_their_state(data: Fixtures) -> None:
    now = data.meta.now
    for alert in data.alerts:
        assert (alert.state == "resolved") == (alert.resolved_at is not None)
        assert (alert.state == "silenced") == (alert.silenced_until is not None)
        if alert.state == "acked":
            assert alert.acknowledged_by is not None
        if alert.silenced_until is not None:
            assert alert.silenced_until > now
        assert alert.transitions[0].state == "firing"
        latest = alert.transitions[-1].state
        assert latest == alert.state or (alert.state, latest) == ("firing", "firing")


def test_metrics_are_plausible_everywhere(data: Fixtures) -> None:
    for series in data.metrics.series:
        columns = (series.requests, series.errors, series.cpu_pct, series.memory_mb)
        assert all(len(c) == data.metrics.points for c in columns)
        assert all(0 <= e <= r for e, r in zip(series.errors, series.requests, strict=True))
        assert all(0 < c < 100 for c in series.cpu_pct)
        assert all(
            p50 < p95 < p99
            for p50, p95, p99 in zip(
                series.latency_p50_ms, series.latency_p95_ms, series.latency_p99_ms, strict=True
            )
        )
    prod = {s.service: sum(s.requests) for s in data.metrics.series if s.environment == "prod"}
    staging = {
        s.service: sum(s.requests) for s in data.metrics.series if s.environment == "staging"
    }
    assert all(prod[name] > 10 * staging[name] for name in prod)


def test_fixture_files_stay_small(data: Fixtures) -> None:
    data_dir = resources.files("bench_domain_devops").joinpath("data")
    sizes = {p.name: len(p.read_bytes()) for p in data_dir.iterdir() if p.name.endswith(".json")}
    assert sum(sizes.values()) < 3_000_000
    assert json.loads(data_dir.joinpath("meta.json").read_text())["timezone"] == "Europe/Berlin"
