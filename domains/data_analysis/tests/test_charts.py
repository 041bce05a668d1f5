"""The sixteen chart tasks: ids, the size of each tier, prompts that state every requirement,
computed values the data does not carry, and references that score 100, statically and in
Chromium."""

import asyncio
import importlib.util

import pytest

from bench_core import ChartTask
from bench_domain_data_analysis import DataAnalysisDomain, domain
from bench_domain_data_analysis._chart_inputs import ChartData
from bench_domain_data_analysis._fixtures import Fixtures
from bench_scoring import score_chart


def _charts(hr: DataAnalysisDomain) -> list[ChartTask]:
    return [t for t in hr.tasks() if isinstance(t, ChartTask)]


def test_the_chart_tasks_follow_the_tool_tasks_in_id_order(hr: DataAnalysisDomain) -> None:
    ids = [t.id for t in hr.tasks()]
    assert ids[20:] == [
        "DA_C_E01", "DA_C_E02", "DA_C_E03", "DA_C_E04",
        "DA_C_M01", "DA_C_M02", "DA_C_M03", "DA_C_M04", "DA_C_M05",
        "DA_C_H01", "DA_C_H02", "DA_C_H03", "DA_C_H04", "DA_C_X01", "DA_C_X02", "DA_C_X03",
    ]  # fmt: skip
    levels = [t.difficulty.value for t in _charts(hr)]
    assert levels == ["easy"] * 4 + ["medium"] * 5 + ["hard"] * 4 + ["expert"] * 3


def test_expert_charts_have_many_points_and_computed_aggregates(hr: DataAnalysisDomain) -> None:
    tasks = {t.id: t for t in _charts(hr)}
    assert tasks["DA_C_X01"].spec.chart_type == "heatmap"
    assert len(tasks["DA_C_X01"].data.splitlines()) - 1 == 64
    assert len(tasks["DA_C_X02"].data.splitlines()) - 1 >= 100  # 24 months x 8 departments
    assert set(tasks["DA_C_X03"].spec.interactivity) == {"tooltip", "click"}
    assert tasks["DA_C_X03"].data_format == "json"
    for task_id in ("DA_C_X01", "DA_C_X02", "DA_C_X03"):
        prompt = tasks[task_id].prompt(10).lower()
        assert "computed" in prompt or "sum(" in prompt, task_id


def test_hard_charts_stack_or_use_two_axes_with_derived_values(hr: DataAnalysisDomain) -> None:
    tasks = {t.id: t for t in _charts(hr)}
    assert tasks["DA_C_H01"].spec.chart_type == "stacked_bar"
    assert len(tasks["DA_C_H01"].spec.values) >= 50  # 24 months of stacks and totals
    assert len(tasks["DA_C_H04"].spec.values) >= 50  # a running total per day
    assert "annotat" in tasks["DA_C_H03"].prompt(10).lower()
    assert "annotat" in tasks["DA_C_H04"].prompt(10).lower()
    assert "axis" in tasks["DA_C_H02"].prompt(10)
    assert "moving average" in tasks["DA_C_H02"].prompt(10)


def test_medium_charts_have_several_series_a_legend_and_tooltips(hr: DataAnalysisDomain) -> None:
    for task in _charts(hr):
        if task.difficulty.value != "medium" and task.id not in ("DA_C_H01", "DA_C_H02"):
            continue
        assert set(task.spec.interactivity) == {"tooltip", "legend_toggle"}, task.id
        assert len(task.spec.tokens.colors) >= 3, task.id
        assert "legend" in task.prompt(10).lower(), task.id


def test_easy_charts_have_one_series_of_at_most_twelve_points(hr: DataAnalysisDomain) -> None:
    for task in _charts(hr):
        if task.difficulty.value != "easy":
            continue
        assert task.spec.chart_type in ("bar", "line", "pie"), task.id
        assert len(task.spec.labels) <= 12, task.id
        assert 2 <= len(task.spec.tokens.colors) <= 6, task.id
        assert {"no-animation"} <= set(task.spec.rules), task.id
        assert task.spec.interactivity == ("tooltip",), task.id


def test_every_prompt_states_every_token_rule_and_interaction(hr: DataAnalysisDomain) -> None:
    for task in _charts(hr):
        assert len(set(task.prompts)) == 10, task.id
        tokens = task.spec.tokens
        for quality, prompt in enumerate(task.prompts, start=1):
            lower = prompt.lower()
            for token in (*tokens.colors, tokens.background, *tokens.radii, *tokens.fonts):
                assert token.lower() in lower, (task.id, quality, token)
            assert "anim" in lower, (task.id, quality)
            assert "shadow" in lower or "flat" in lower, (task.id, quality)
            assert "tooltip" in lower or "hover" in lower, (task.id, quality)
        sloppy = max(len(task.prompt(q)) for q in (1, 2, 3))
        assert sloppy < len(task.prompt(10)), task.id


def test_every_chart_asks_for_a_value_the_data_does_not_carry(hr: DataAnalysisDomain) -> None:
    for task in _charts(hr):
        given = {float(v) for line in task.data.splitlines()[1:] for v in _numbers(line)}
        computed = [v for v in task.spec.values if float(v) not in given]
        assert computed, task.id


def _numbers(line: str) -> list[float]:
    found = []
    for cell in line.split(","):
        try:
            found.append(float(cell))
        except ValueError:
            continue
    return found


def test_the_computed_values_agree_with_the_facts(data: Fixtures, hr: DataAnalysisDomain) -> None:
    inputs = ChartData(data)
    tasks = {t.id: t for t in _charts(hr)}
    assert inputs.headcount_by_department_computed()["total"] in tasks["DA_C_E01"].spec.values
    assert inputs.attrition_trend_computed()["total_exits"] in tasks["DA_C_E02"].spec.values
    company = inputs.enps_by_department_computed()["company_enps"]
    assert company in tasks["DA_C_E03"].spec.values
    overall = inputs.training_completion_computed()["overall_on_time_pct"]
    assert overall in tasks["DA_C_E04"].spec.values
    trend = inputs.attrition_trend_computed()
    assert trend["voluntary_share_pct"] in tasks["DA_C_M01"].spec.values
    for iqr in inputs.salary_ranges_computed()["iqr_usd"].values():
        assert iqr in tasks["DA_C_M02"].spec.values
    for average in trend["moving_average_4q"].values():
        assert average in tasks["DA_C_H02"].spec.values


@pytest.mark.parametrize("task", _charts(domain()), ids=lambda t: t.id)
def test_the_reference_chart_scores_100(hr: DataAnalysisDomain, task: ChartTask) -> None:
    html = hr.reference(task.id).html
    score = score_chart(html, task.spec)
    assert score.total == 100, score.reasons
    lower = html.lower()
    for banned in ("shadow", "gradient", "@keyframes", "transition", "@import", "@font-face"):
        assert banned not in lower, (task.id, banned)


# The dashboard shows the headcount by department (DA_C_E01's data) and many small numbers
# that a month-end headcount series (DA_C_X02) also has: they share data by design.
_SHARED = {("DA_C_X02", "DA_C_X03"), ("DA_C_X03", "DA_C_E01")}


def test_a_reference_does_not_pass_for_its_neighbour(hr: DataAnalysisDomain) -> None:
    charts = _charts(hr)
    for task, other in zip(charts, [*charts[1:], charts[0]], strict=True):
        score = score_chart(hr.reference(other.id).html, task.spec)
        limit = 75 if (task.id, other.id) in _SHARED else 60
        assert score.total < limit, (task.id, other.id, score.total)


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
def test_the_references_score_100_in_the_browser(hr: DataAnalysisDomain) -> None:
    from bench_scoring.browser import BrowserSettings, ChartBrowser, score_chart_rendered

    async def scores() -> dict[str, float]:
        found = {}
        async with ChartBrowser(BrowserSettings(timeout_s=4.0)) as browser:
            for task in _charts(hr):
                html = hr.reference(task.id).html
                rendered = await score_chart_rendered(html, task.spec, browser)
                assert any("tooltip passed" in n for n in rendered.notes), task.id
                found[task.id] = rendered.total
        return found

    assert set(asyncio.run(scores()).values()) == {100.0}
