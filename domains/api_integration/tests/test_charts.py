"""The 16 chart tasks: their data is the fixtures' own figures,
every point the scorer looks for is in the data or computed from it, the prompts ask for every
scored requirement, and every reference is a real chart that scores 100 (statically, and in
Chromium where it is installed)."""

import asyncio
import csv
import importlib.util
import io
import json
import re
from collections import Counter

import pytest

from bench_core import ChartTask
from bench_domain_api_integration import ApiIntegrationDomain, domain
from bench_domain_api_integration._fixtures import Fixtures
from bench_scoring import score_chart

CHART_IDS = [
    *(f"AI_C_E0{i}" for i in range(1, 5)),
    *(f"AI_C_M0{i}" for i in range(1, 6)),
    *(f"AI_C_H0{i}" for i in range(1, 5)),
    *(f"AI_C_X0{i}" for i in range(1, 4)),
]
LEVELS = {"E": "easy", "M": "medium", "H": "hard", "X": "expert"}


@pytest.fixture(scope="module")
def gateway() -> ApiIntegrationDomain:
    return domain()


def _charts(gateway: ApiIntegrationDomain) -> list[ChartTask]:
    return [t for t in gateway.tasks() if isinstance(t, ChartTask)]


def _rows(task: ChartTask) -> list[dict[str, str]]:
    if task.data_format == "json":
        return [{k: str(v) for k, v in row.items()} for row in json.loads(task.data)]
    return list(csv.DictReader(io.StringIO(task.data)))


def test_the_charts_follow_the_tool_tasks_in_id_order(gateway: ApiIntegrationDomain) -> None:
    ids = [t.id for t in gateway.tasks()]
    assert ids[20:] == CHART_IDS
    for task in _charts(gateway):
        level = LEVELS[task.id[5]]
        assert task.difficulty.value == level, task.id
        if level == "easy":
            assert len(_rows(task)) <= 12, task.id
        if level == "expert":
            points = sum(_is_number(v) for row in _rows(task) for v in row.values())
            assert points >= 100, task.id


def test_the_data_is_the_fixtures_own_figures(
    gateway: ApiIntegrationDomain, data: Fixtures
) -> None:
    week = [r for r in data.requests if "2026-03-11" <= r.time[:10] <= "2026-03-17"]
    charts = {t.id: t for t in _charts(gateway)}
    by_route = Counter(data.endpoint_by_id[r.endpoint_id].route for r in week)
    for row in _rows(charts["AI_C_E01"]):
        assert by_route[row["endpoint"]] == int(row["requests"])
    classes = Counter(f"{r.status // 100}xx" for r in week)
    assert {r["status_class"]: int(r["responses"]) for r in _rows(charts["AI_C_E02"])} == classes
    outcomes = Counter(d.status for d in data.deliveries)
    assert {r["outcome"]: int(r["deliveries"]) for r in _rows(charts["AI_C_E04"])} == outcomes
    assert len(_rows(charts["AI_C_E03"])) == 7
    errors = {r["day"]: (int(r["client_errors"]), int(r["server_errors"]))
              for r in _rows(charts["AI_C_M01"])}  # fmt: skip
    for day, (client, server) in errors.items():
        found = [r for r in week if r.time.startswith(day)]
        assert client == sum(400 <= r.status < 500 for r in found)
        assert server == sum(r.status >= 500 for r in found)
    plans = {k.id: data.customer_by_id[k.customer_id].plan for k in data.keys}
    by_plan = Counter(plans[r.key_id] for r in week if r.key_id)
    assert {r["plan"]: int(r["requests"]) for r in _rows(charts["AI_C_M04"])} == by_plan
    assert len(_rows(charts["AI_C_H01"])) == 72
    usage = {r["day"]: int(r["requests"]) for r in _rows(charts["AI_C_H03"])}
    assert usage == {u.date: u.requests for u in data.usage
                     if u.key_id == "AK-1030" and u.date.startswith("2026-03")}  # fmt: skip
    hooks = Counter(d.webhook_id for d in data.deliveries)
    per_hook = Counter()
    for row in _rows(charts["AI_C_X03"]):
        per_hook[row["webhook"]] += int(row["succeeded"]) + int(row["failed"])
    assert per_hook == hooks
    hours = _rows(charts["AI_C_M05"])
    assert sum(int(r["mar_17"]) for r in hours) == sum(
        r.time.startswith("2026-03-17") for r in data.requests
    )


def test_each_spec_asks_for_a_computed_value(gateway: ApiIntegrationDomain) -> None:
    for task in _charts(gateway):
        given = {float(v) for row in _rows(task) for v in row.values() if _is_number(v)}
        computed = [v for v in task.spec.values if float(v) not in given]
        assert computed, task.id


def _is_number(text: str) -> bool:
    return re.fullmatch(r"-?\d+(\.\d+)?", text) is not None


def test_every_prompt_names_every_token(gateway: ApiIntegrationDomain) -> None:
    for task in _charts(gateway):
        tokens = task.spec.tokens
        wanted = [*tokens.colors, *tokens.radii, tokens.background or ""]
        for quality, prompt in enumerate(task.prompts, start=1):
            text = prompt.lower()
            for token in wanted:
                assert token.lower() in text, f"{task.id} Q{quality} lacks {token}"
            assert tokens.fonts[0].lower() in text, f"{task.id} Q{quality} lacks the font"
            assert "anim" in text or "static" in text, f"{task.id} Q{quality}"
            assert "tooltip" in text, f"{task.id} Q{quality}"
            if "legend_toggle" in task.spec.interactivity:
                assert "legend" in text, f"{task.id} Q{quality}"
        assert len(set(task.prompts)) == 10, task.id
        assert max(len(task.prompt(q)) for q in (1, 2, 3)) < len(task.prompt(10)), task.id


@pytest.mark.parametrize("task_id", CHART_IDS)
def test_the_reference_chart_scores_100(gateway: ApiIntegrationDomain, task_id: str) -> None:
    task = next(t for t in _charts(gateway) if t.id == task_id)
    html = gateway.reference(task_id).html  # type: ignore[union-attr]
    assert "<!DOCTYPE html>" in html
    score = score_chart(html, task.spec)
    assert score.total == 100, score.reasons


def test_a_reference_does_not_pass_for_its_neighbour(gateway: ApiIntegrationDomain) -> None:
    charts = _charts(gateway)
    for task, other in zip(charts, [*charts[1:], charts[0]], strict=True):
        score = score_chart(gateway.reference(other.id).html, task.spec)  # type: ignore[union-attr]
        assert score.total < 60, (task.id, other.id, score.total)


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
def test_the_references_score_100_in_the_browser(gateway: ApiIntegrationDomain) -> None:
    from bench_scoring.browser import BrowserSettings, ChartBrowser, score_chart_rendered

    async def scores() -> dict[str, float]:
        found = {}
        async with ChartBrowser(BrowserSettings(timeout_s=4.0)) as browser:
            for task in _charts(gateway):
                html = gateway.reference(task.id).html  # type: ignore[union-attr]
                rendered = await score_chart_rendered(html, task.spec, browser)
                assert any("tooltip passed" in n for n in rendered.notes), task.id
                found[task.id] = rendered.total
        return found

    assert set(asyncio.run(scores()).values()) == {100.0}
