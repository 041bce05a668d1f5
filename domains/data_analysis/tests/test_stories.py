"""Every story the tasks will tell is told by the data: what a task says happened, happened.

Each check reads the raw records with code of its own where it can, and the facts layer where
the definition is the product's (eNPS, attrition), so a regenerated world that lost a story
fails here before any task is written on it.
"""

import datetime as dt
import statistics

import pytest

from bench_domain_data_analysis._facts import Facts
from bench_domain_data_analysis._fixtures import Fixtures
from bench_domain_data_analysis._policy import MAX_DIRECT_REPORTS

D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def facts(data: Fixtures) -> Facts:
    return Facts(data)


def test_last_quarter_is_q1_2026(facts: Facts) -> None:
    assert facts.last_quarter() == ("2026-Q1", D("2026-01-01"), D("2026-03-31"))


def test_sales_has_the_lowest_enps_in_the_latest_survey_by_a_clear_margin(facts: Facts) -> None:
    latest = facts.latest_survey()
    assert latest == "SRV-2026-Q1"
    department, score, head = facts.lowest_enps_department(latest)
    assert department.id == "SAL"
    assert head.title == "VP Sales"
    assert head.status == "active"
    others = [v for k, v in facts.enps_by_department(latest).items() if k != "SAL"]
    assert score < 0 < min(others)
    assert min(others) - score >= 30
    # The quarter before, Sales was not the lowest: the commission plan changed in January.
    assert facts.lowest_enps_department("SRV-2025-Q4")[0].id != "SAL"


def test_sales_comments_in_q1_2026_name_the_commission_plan(data: Fixtures) -> None:
    sales = [r for r in data.responses if (r.survey_id, r.department_id) == ("SRV-2026-Q1", "SAL")]
    themed = [r for r in sales if r.theme == "commission"]
    assert len(themed) >= 5
    assert all(
        "commission" in (r.comment or "") or "comp plan" in (r.comment or "") for r in themed
    )
    assert not any(r.theme == "commission" for r in data.responses if r.survey_id != "SRV-2026-Q1")


def test_customer_success_engagement_fell_after_the_reorg_and_recovered(facts: Facts) -> None:
    cs = {
        s: facts.enps_by_department(s)["CS"] for s in ("SRV-2025-Q2", "SRV-2025-Q3", "SRV-2026-Q1")
    }
    assert cs["SRV-2025-Q3"] <= cs["SRV-2025-Q2"] - 30
    assert cs["SRV-2026-Q1"] >= cs["SRV-2025-Q3"] + 30
    assert facts.lowest_enps_department("SRV-2025-Q3")[0].id == "CS"


def test_the_reorg_renamed_customer_support_and_replaced_its_head(data: Fixtures) -> None:
    cs = data.department_by_id["CS"]
    assert cs.name == "Customer Success"
    assert [(f.name, f.until) for f in cs.former_names] == [("Customer Support", "2025-06-30")]
    old, new = cs.head_history
    assert (old.end_date, new.start_date) == ("2025-06-30", data.company.reorg_date)
    assert data.employee_by_id[old.employee_id].exit_type == "involuntary"
    reorg = [h for e in data.employees for h in e.history if h.reason == "reorg"]
    assert len(reorg) >= 8  # new teams and a new head: who changed team or manager that day
    assert {(h.effective_date, h.department_id) for h in reorg} == {("2025-07-01", "CS")}
    onboarding = data.team_by_id["CS-ONB"][0]
    assert onboarding.created == "2025-07-01"
    lead = data.employee_by_id[onboarding.manager_id or ""]
    assert lead.history[0].level.startswith("IC")
    assert lead.level == "M1"


def test_mobile_manager_scores_rose_after_the_new_manager_arrived(data: Fixtures) -> None:
    mobile = data.team_by_id["ENG-MOB"][0]
    new = data.employee_by_id[mobile.manager_id or ""]
    assert new.hire_date == "2025-10-01"
    previous = {
        h.manager_id
        for e in data.employees
        for h in e.history
        if h.team_id == "ENG-MOB" and h.effective_date < "2025-10-01" and e.id != h.manager_id
    }
    old = [data.employee_by_id[m] for m in previous if data.employee_by_id[m].level == "M1"]
    assert [o.exit_date for o in old] == ["2025-09-30"]

    def manager_score(survey: str) -> float:
        rows = [r for r in data.responses if (r.survey_id, r.team_id) == (survey, "ENG-MOB")]
        assert len(rows) >= 5
        return statistics.fmean(r.scores[1] for r in rows)

    before = [manager_score(s) for s in ("SRV-2025-Q2", "SRV-2025-Q3")]
    after = [manager_score(s) for s in ("SRV-2025-Q4", "SRV-2026-Q1")]
    assert min(after) - max(before) >= 1.0


def test_sales_lost_the_most_people_last_quarter_all_of_them_by_choice(facts: Facts) -> None:
    _label, start, end = facts.last_quarter()
    rows = facts.attrition_by_department(start, end)
    sales = rows["SAL"]
    assert sales["exits"] == sales["voluntary_exits"] >= 6
    assert sales["annualized_rate_pct"] == max(r["annualized_rate_pct"] for r in rows.values())
    assert rows["ENG"]["exits"] == 0
    # The formula in the tool's description, recomputed.
    average = (sales["opening_headcount"] + sales["closing_headcount"]) / 2
    assert sales["annualized_rate_pct"] == round(100 * sales["exits"] / average * 365 / 90, 2)


def test_security_awareness_2026_was_missed_by_27_people_and_code_of_conduct_by_nobody(
    facts: Facts, data: Fixtures
) -> None:
    overdue = facts.missed_deadline("CRS-105")
    assert len(overdue) == 27  # more than one default page of 25
    assert all(e.status == "active" for e in overdue)
    assert all(
        any(
            (r.employee_id, r.course_id) == (e.id, "CRS-105") and r.completed_at is None
            for r in data.enrollments
        )
        for e in overdue
    )
    assert facts.missed_deadline("CRS-104") == []
    assert facts.training_rows("CRS-104", "completed_late") == []
    coc = [r for r in data.enrollments if r.course_id == "CRS-104"]
    current = {e.id for e in data.employees if e.status != "exited"}
    assert current <= {r.employee_id for r in coc if r.completed_at is not None}
    # Those on leave were excused from Security Awareness, not counted as overdue.
    waived = facts.training_rows("CRS-105", "waived")
    assert {e.id for e in waived} == {e.id for e in facts.storied("on_leave")}


def test_the_data_platform_move_is_allowed_to_security_and_not_to_qa_or_sales(facts: Facts) -> None:
    leaving = facts.team_manager("ENG-DAT")
    assert leaving.exit_date == "2026-04-30"
    assert leaving.status == "active"
    reports = facts.reports_of(leaving.id)
    assert len(reports) == 5
    security = facts.team_manager("ENG-SEC")
    assert len(facts.reports_of(security.id)) + len(reports) == 8 <= MAX_DIRECT_REPORTS
    assert facts.move_problems(leaving.id, security.id) == []
    qa = facts.team_manager("ENG-QA")
    assert len(facts.reports_of(qa.id)) + len(reports) == MAX_DIRECT_REPORTS + 1
    assert len(facts.move_problems(leaving.id, qa.id)) == 1
    sdr = facts.team_manager("SAL-SDR")
    assert sdr.status == "on_leave"
    assert len(facts.move_problems(leaving.id, sdr.id)) == 3


def test_the_messy_corners_exist_once_each(facts: Facts, data: Fixtures) -> None:
    (rehired,) = facts.storied("rehired")
    assert [(s.start_date, s.end_date) for s in rehired.employment] == [
        ("2019-03-04", "2023-08-31"), ("2025-02-03", None),
    ]  # fmt: skip
    assert not rehired.employed_on("2024-06-01")
    (moved,) = facts.storied("transferred")
    change = next(h for h in moved.history if h.reason == "transfer")
    assert (change.effective_date, change.department_id, moved.history[0].department_id) == (
        "2026-02-16", "MKT", "SAL",
    )  # fmt: skip
    # Mid-quarter: in Sales at the start of Q1 2026, in Marketing at its end.
    assert moved.job_on("2026-01-01").department_id == "SAL"  # type: ignore[union-attr]
    assert moved.job_on("2026-03-31").department_id == "MKT"  # type: ignore[union-attr]
    assert {e.leave.type for e in facts.storied("on_leave") if e.leave} == {"parental", "medical"}
    assert sorted(e.exit_date or "" for e in facts.storied("notice")) == [
        "2026-04-17",
        "2026-04-30",
    ]


def test_design_systems_is_too_small_to_report_on(facts: Facts, data: Fixtures) -> None:
    assert facts.responses_of_team("SRV-2026-Q1", "PRD-DSY") == 3
    members = [e for e in data.employees if e.team_id == "PRD-DSY" and e.status != "exited"]
    assert len(members) == 3
    assert data.team_by_id["PRD-DSY"][0].manager_id == data.team_by_id["PRD-DES"][0].manager_id


def test_headcount_grew_and_engineering_is_the_largest_department(facts: Facts) -> None:
    today = facts.headcount(D("2026-04-08"))
    year_ago = facts.headcount(D("2025-04-08"))
    assert today >= 300 > year_ago
    by_department = facts.headcount_by_department(D("2026-04-08"))
    assert max(by_department, key=lambda d: by_department[d]) == "ENG"
    assert facts.headcount(D("2016-03-01")) == 1  # the founder
