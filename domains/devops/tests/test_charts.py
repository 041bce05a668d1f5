"""The sixteen chart tasks are fair: their data is the fixtures' own figures, every computed
point the scorer looks for follows from that data, every prompt asks for everything the spec
scores, and every reference chart scores 100."""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import importlib.util
import io
import json
from collections import Counter

import pytest

from bench_core import ChartReference, ChartTask
from bench_domain_devops import DevopsDomain
from bench_domain_devops._facts import Facts
from bench_scoring import score_chart

CHART_IDS = [
    *(f"DO_C_E0{i}" for i in range(1, 5)),
    *(f"DO_C_M0{i}" for i in range(1, 6)),
    *(f"DO_C_H0{i}" for i in range(1, 5)),
    *(f"DO_C_X0{i}" for i in range(1, 4)),
]
LIBRARIES = {
    "https://cdn.jsdelivr.net/npm/chart.js@4.4.1/dist/chart.umd.min.js",
    "https://cdn.jsdelivr.net/npm/echarts@5.5.0/dist/echarts.min.js",
    "https://cdn.jsdelivr.net/npm/plotly.js-dist-min@2.35.2/plotly.min.js",
    "https://cdn.jsdelivr.net/npm/vega-lite@5.21.0",
    "https://cdn.jsdelivr.net/npm/d3@7.9.0/dist/d3.min.js",
}


def _charts(devops: DevopsDomain) -> list[ChartTask]:
    return [t for t in devops.tasks() if isinstance(t, ChartTask)]


def _chart(devops: DevopsDomain, task_id: str) -> ChartTask:
    return next(t for t in _charts(devops) if t.id == task_id)


def _rows(task: ChartTask) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(task.data)))


def test_the_sixteen_chart_tasks_are_there_in_id_order(devops: DevopsDomain) -> None:
    assert [t.id for t in _charts(devops)] == CHART_IDS
    assert Counter(t.difficulty.value for t in _charts(devops)) == {
        "easy": 4,
        "medium": 5,
        "hard": 4,
        "expert": 3,
    }


@pytest.mark.parametrize("task_id", CHART_IDS)
def test_every_prompt_asks_for_every_token(devops: DevopsDomain, task_id: str) -> None:
    task = _chart(devops, task_id)
    tokens = task.spec.tokens
    assert len(set(task.prompts)) == 10
    assert max(len(task.prompt(q)) for q in (1, 2, 3)) < len(task.prompt(10))
    for quality, prompt in enumerate(task.prompts, start=1):
        text = prompt.lower()
        wanted = [*tokens.colors, *tokens.fonts, *tokens.radii, tokens.background]
        missing = [w for w in wanted if w.lower() not in text]
        assert not missing, f"{task_id} Q{quality} lacks {missing}"
        assert "tooltip" in text, f"{task_id} Q{quality}"


@pytest.mark.parametrize("task_id", CHART_IDS)
def test_every_reference_scores_100(devops: DevopsDomain, task_id: str) -> None:
    task = _chart(devops, task_id)
    reference = devops.reference(task_id)
    assert isinstance(reference, ChartReference)
    assert score_chart(reference.html, task.spec).total == 100
    assert any(library in reference.html for library in LIBRARIES)


def test_the_data_is_the_fixtures_own(devops: DevopsDomain, facts: Facts) -> None:
    data = facts.fixtures
    team_of = {s.id: s.team for s in data.services}
    march = Counter(
        team_of[d.service_id] for d in data.deployments if d.started_at[:7] == "2026-03"
    )
    rows = _rows(_chart(devops, "DO_C_E01"))
    assert {r["team"]: int(r["deployments"]) for r in rows} == dict(march)
    assert sum(march.values()) in _chart(devops, "DO_C_E01").spec.values

    severities = Counter(i.severity for i in data.incidents)
    task = _chart(devops, "DO_C_E02")
    assert {r["severity"]: int(r["incidents"]) for r in _rows(task)} == dict(severities)
    share = round(100 * severities["SEV1"] / len(data.incidents), 1)
    assert share in task.spec.values

    states = Counter(a.state for a in data.alerts)
    task = _chart(devops, "DO_C_E04")
    assert {r["state"]: int(r["alerts"]) for r in _rows(task)} == dict(states)
    assert len(data.alerts) - states["resolved"] in task.spec.values


def test_the_week_of_p95_matches_the_metrics(devops: DevopsDomain, facts: Facts) -> None:
    task = _chart(devops, "DO_C_E03")
    rows = _rows(task)
    assert [r["day"] for r in rows] == [f"2026-04-0{d}" for d in range(1, 8)]
    for row in rows:
        day = facts.today.replace(day=int(row["day"][-2:]))
        wanted = facts.day_value("checkout", "prod", "latency_p95_ms", day, "avg")
        assert abs(float(row["p95_ms"]) - wanted) <= 0.05
    mean = round(sum(float(r["p95_ms"]) for r in rows) / 7, 1)
    assert mean in task.spec.values


def test_the_medium_charts_data_and_computed_points(devops: DevopsDomain, facts: Facts) -> None:
    data = facts.fixtures
    task = _chart(devops, "DO_C_M01")
    for row in _rows(task):
        monday = dt.date.fromisoformat(row["week"])
        assert monday.weekday() == 0
        week = [
            d for d in data.deployments
            if monday.isoformat() <= d.started_at[:10] < str(monday + dt.timedelta(days=7))
        ]  # fmt: skip
        by_env = Counter(d.environment for d in week)
        assert {e: int(row[e]) for e in ("dev", "staging", "prod")} == {
            e: by_env[e] for e in ("dev", "staging", "prod")
        }
        assert len(week) in task.spec.values

    task = _chart(devops, "DO_C_M02")
    rows = _rows(task)
    for service in ("checkout", "cart"):
        mean = round(sum(float(r[service]) for r in rows) / len(rows), 3)
        assert mean in task.spec.values

    task = _chart(devops, "DO_C_M03")
    counts = Counter(i.service for i in data.incidents)
    assert {r["service"]: int(r["incidents"]) for r in _rows(task)} == dict(counts)
    kept = [s for s, n in counts.items() if n >= 5]
    assert sorted(task.spec.labels) == sorted(kept)
    for service in kept:
        assert round(100 * counts[service] / len(data.incidents), 1) in task.spec.values


def test_the_budget_and_resolution_charts_compute_from_their_data(
    devops: DevopsDomain, facts: Facts
) -> None:
    task = _chart(devops, "DO_C_M04")
    for row in _rows(task):
        allowed = int(row["requests"]) * (100 - float(row["objective_pct"])) / 100
        remaining = round(100 * (1 - int(row["errors"]) / allowed), 1)
        assert remaining in task.spec.values
        assert remaining == facts.slo_budget(row["service"], "prod")["budget_remaining_pct"]

    task = _chart(devops, "DO_C_M05")
    spans: dict[str, list[float]] = {}
    for row in _rows(task):
        opened = dt.datetime.fromisoformat(row["opened_at"])
        resolved = dt.datetime.fromisoformat(row["resolved_at"])
        spans.setdefault(row["severity"], []).append((resolved - opened).total_seconds() / 3600)
    for hours in spans.values():
        assert round(sum(hours) / len(hours), 1) in task.spec.values
        assert len(hours) in task.spec.values


def test_the_hard_charts_compute_from_their_data(devops: DevopsDomain, facts: Facts) -> None:
    task = _chart(devops, "DO_C_H01")
    data = json.loads(task.data)
    assert len(data["points"]) >= 50
    for key in ("latency_p50_ms", "latency_p95_ms", "latency_p99_ms"):
        assert max(p[key] for p in data["points"]) in task.spec.values
    hotfix = facts.story_deployment("checkout_bad_hotfix")
    assert data["deployments"][0]["id"] == hotfix.id
    assert data["points"][0]["hour"] < hotfix.started_at < data["points"][-1]["hour"]

    task = _chart(devops, "DO_C_H02")
    rows = _rows(task)
    budget = sum(int(r["requests"]) for r in rows) / 1000
    spent = round(100 * sum(int(r["errors"]) for r in rows) / budget, 1)
    assert spent in task.spec.values

    task = _chart(devops, "DO_C_H03")
    rows = _rows(task)
    assert len(rows) * 3 >= 50
    totals = [sum(int(r[e]) for e in ("dev", "staging", "prod")) for r in rows]
    moving = [round(sum(totals[i - 6 : i + 1]) / 7, 2) for i in range(6, len(totals))]
    assert all(v in moving for v in task.spec.values)

    task = _chart(devops, "DO_C_H04")
    data = json.loads(task.data)
    deployment = data["deployment"]
    start_hour = deployment["started_at"][:13] + ":00:00Z"
    before = [p for p in data["points"] if p["hour"] < start_hour]
    after = [p for p in data["points"] if p["hour"] > deployment["finished_at"]]
    for side in (before, after):
        rate = round(100 * sum(p["errors"] for p in side) / sum(p["requests"] for p in side), 3)
        assert rate in task.spec.values
    assert task.spec.values[-1] > 4 * task.spec.values[-2]  # the deploy made it worse


def test_the_expert_charts_compute_from_their_data(devops: DevopsDomain) -> None:
    task = _chart(devops, "DO_C_X01")
    rows = _rows(task)
    assert len(rows) >= 100
    cells: Counter[tuple[int, int]] = Counter()
    for row in rows:
        moment = dt.datetime.fromisoformat(row["started_at"].replace("Z", "+00:00"))
        summer = moment >= dt.datetime(2026, 3, 29, 1, tzinfo=dt.UTC)
        local = moment + dt.timedelta(hours=2 if summer else 1)
        cells[local.weekday(), local.hour] += 1
    by_day = [sum(cells[d, h] for h in range(24)) for d in range(7)]
    assert all(n in task.spec.values for n in by_day)

    task = _chart(devops, "DO_C_X02")
    weekly: Counter[str] = Counter()
    for row in _rows(task):
        day = dt.date.fromisoformat(row["opened_at"][:10])
        weekly[str(day - dt.timedelta(days=day.weekday()))] += 1
    assert all(n in task.spec.values for n in weekly.values())
    top = max(weekly.values())
    assert all(w in task.spec.labels for w, n in weekly.items() if n == top)

    task = _chart(devops, "DO_C_X03")
    rows = _rows(task)
    assert len(rows) >= 100
    for service in task.spec.labels:
        values = [float(r["p95_ms"]) for r in rows if r["service"] == service]
        assert len(values) == 29
        assert round(sum(values) / 29, 1) in task.spec.values
        assert max(values) in task.spec.values


_RULE_CUES = {
    "no-shadows": ("shadow",),
    "no-gradients": ("gradient",),
    "no-animation": ("anim",),
    "no-3d": ("3-d", "3d"),
}


@pytest.mark.parametrize("task_id", CHART_IDS)
def test_every_prompt_states_every_design_rule(devops: DevopsDomain, task_id: str) -> None:
    task = _chart(devops, task_id)
    rules = ("no-shadows", "no-gradients", *task.spec.rules)
    for quality, prompt in enumerate(task.prompts, start=1):
        text = prompt.lower()
        for rule in rules:
            assert any(c in text for c in _RULE_CUES[rule]), f"{task_id} Q{quality} lacks {rule}"


def _browser_missing() -> str | None:
    if importlib.util.find_spec("playwright") is None:
        return "playwright is not installed"
    from bench_scoring.browser import find_chromium

    try:
        find_chromium()
    except FileNotFoundError as error:
        return str(error)
    return None


@pytest.mark.skipif(_browser_missing() is not None, reason=str(_browser_missing()))
def test_the_references_score_100_in_the_browser(devops: DevopsDomain) -> None:
    from bench_scoring.browser import BrowserSettings, ChartBrowser, score_chart_rendered

    async def scores() -> dict[str, float]:
        found = {}
        async with ChartBrowser(BrowserSettings(timeout_s=6.0)) as browser:
            for task in _charts(devops):
                reference = devops.reference(task.id)
                assert isinstance(reference, ChartReference)
                rendered = await score_chart_rendered(reference.html, task.spec, browser)
                found[task.id] = rendered.total
        return found

    assert asyncio.run(scores()) == dict.fromkeys(CHART_IDS, 100.0)
