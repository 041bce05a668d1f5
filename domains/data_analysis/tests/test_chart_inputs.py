"""The chart tasks' inputs and computed values agree with the records and with the API."""

import datetime as dt
import statistics

import pytest

from bench_domain_data_analysis._chart_inputs import QUARTERS, ChartData, to_csv
from bench_domain_data_analysis._fixtures import Fixtures
from bench_domain_data_analysis._simulator import DataAnalysisSimulator


@pytest.fixture(scope="module")
def charts(data: Fixtures) -> ChartData:
    return ChartData(data)


def test_headcount_by_department_adds_up_to_the_company_and_shares_to_100(
    charts: ChartData, data: Fixtures
) -> None:
    rows = charts.headcount_by_department()
    assert len(rows) == 8
    assert [r["headcount"] for r in rows] == sorted((r["headcount"] for r in rows), reverse=True)
    computed = charts.headcount_by_department_computed()
    assert computed["total"] == sum(e.status != "exited" for e in data.employees)
    assert abs(sum(computed["share_pct"].values()) - 100) <= 0.5
    assert to_csv(rows).splitlines()[0] == "department,headcount"


def test_the_headcount_trend_matches_the_api_at_each_quarter_end(
    charts: ChartData, data: Fixtures
) -> None:
    rows = charts.headcount_trend()
    assert len(rows) == 64
    episode = DataAnalysisSimulator(data)
    for quarter, day in (("2024-Q2", "2024-06-30"), ("2025-Q3", "2025-09-30")):
        api = episode.call("get_headcount", {"as_of": day, "group_by": "department"})
        expected = {g["name"]: g["headcount"] for g in api["groups"]}
        assert {r["department"]: r["headcount"] for r in rows if r["quarter"] == quarter} == {
            name: expected.get(name, 0) for name in expected
        }


def test_the_attrition_trend_matches_the_api_and_its_moving_average(
    charts: ChartData, data: Fixtures
) -> None:
    rows = charts.attrition_trend()
    assert [r["quarter"] for r in rows] == list(QUARTERS)
    episode = DataAnalysisSimulator(data)
    q3 = episode.call("get_attrition", {"start_date": "2025-07-01", "end_date": "2025-09-30"})
    row = next(r for r in rows if r["quarter"] == "2025-Q3")
    assert row["annualized_rate_pct"] == q3["total"]["annualized_rate_pct"]
    computed = charts.attrition_trend_computed()
    rates = [r["annualized_rate_pct"] for r in rows]
    assert computed["moving_average_4q"]["2026-Q1"] == round(statistics.fmean(rates[-4:]), 2)
    exits = [e for e in data.employees if "2024-04-01" <= (e.exit_date or "") <= "2026-03-31"]
    former_stints = sum(
        "2024-04-01" <= (s.end_date or "") <= "2026-03-31"
        for e in data.employees
        for s in e.employment[:-1]
    )
    assert computed["total_exits"] == len(exits) + former_stints


def test_enps_by_department_is_ordered_for_a_diverging_bar(charts: ChartData) -> None:
    rows = charts.enps_by_department()
    assert rows[0]["department"] == "Sales"
    assert rows[0]["enps"] < 0 < rows[-1]["enps"]
    computed = charts.enps_by_department_computed()
    assert computed["negative"] == ["Sales"]
    assert -100 <= computed["company_enps"] <= 100
    assert len(charts.enps_trend()) == 64


def test_salary_ranges_hide_small_levels_and_order_quartiles(
    charts: ChartData, data: Fixtures
) -> None:
    rows = charts.salary_ranges_by_level()
    levels = {r["level"] for r in rows}
    counts = {lv: sum(e.level == lv and e.status != "exited" for e in data.employees) for lv in
              ("IC1", "IC2", "IC3", "IC4", "IC5", "M1", "M2", "M3", "E1")}  # fmt: skip
    assert levels == {lv for lv, n in counts.items() if n >= 5}
    for row in rows:
        assert row["p25_usd"] <= row["median_usd"] <= row["p75_usd"]
        assert row["employees"] == counts[row["level"]]
    ic = [r["median_usd"] for r in rows if r["level"].startswith("IC")]
    assert ic == sorted(ic)


def test_training_completion_shows_the_twin_and_the_missed_deadline(charts: ChartData) -> None:
    rows = {r["course"]: r for r in charts.training_completion_by_course()}
    assert len(rows) == 6
    computed = charts.training_completion_computed()
    assert computed["on_time_pct"]["Code of Conduct 2026"] == 100.0
    security = rows["Security Awareness 2026"]
    assert security["enrolled"] - security["completed"] == 27
    assert security["completed"] - security["completed_on_time"] == 6
    assert computed["overdue_now"] >= 27
    assert dt.date.fromisoformat(security["deadline"]) == dt.date(2026, 3, 31)
