"""The simulated HR API: the usual spellings, paging, reports that agree with the facts,
structured errors that do not give the answer away, and the same results every time."""

import datetime as dt
import json
import statistics
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench_domain_data_analysis._facts import Facts
from bench_domain_data_analysis._fixtures import Fixtures
from bench_domain_data_analysis._simulator import DataAnalysisSimulator
from bench_domain_data_analysis._tools import TOOL_SCHEMAS

D = dt.date.fromisoformat


def ok(result: Any) -> dict[str, Any]:
    assert isinstance(result, dict)
    assert "error" not in result, result
    return result


def error_of(result: Any) -> tuple[str, str]:
    assert isinstance(result, dict)
    assert set(result) == {"error"}, result
    return result["error"]["code"], result["error"]["message"]


@pytest.fixture(scope="module")
def facts(data: Fixtures) -> Facts:
    return Facts(data)


# --- spellings ------------------------------------------------------------------------------


def test_an_employee_is_found_by_id_in_any_case_or_by_email(
    episode: DataAnalysisSimulator, data: Fixtures
) -> None:
    person = data.employee_by_id["E1063"]
    by_id = ok(episode.call("get_employee", {"employee_id": "E1063"}))
    assert ok(episode.call("get_employee", {"employee_id": " e1063 "})) == by_id
    assert ok(episode.call("get_employee", {"employee_id": person.email.upper()})) == by_id
    assert by_id["name"] == person.name
    assert by_id["exit_date"] == "2026-04-30"


def test_a_department_is_found_by_id_name_or_former_name(episode: DataAnalysisSimulator) -> None:
    results = [
        ok(episode.call("get_headcount", {"department": name, "as_of": "2026-03-31"}))
        for name in ("CS", "customer success", "Customer Support")
    ]
    assert results[0] == results[1] == results[2]
    code, message = error_of(episode.call("get_headcount", {"department": "Enginering"}))
    assert code == "not_found"
    assert "did you mean 'Engineering'?" in message


def test_dates_enums_and_quarters_take_the_usual_spellings(episode: DataAnalysisSimulator) -> None:
    plain = ok(episode.call("get_headcount", {"as_of": "2026-01-31", "group_by": "department"}))
    stamp = ok(
        episode.call("get_headcount", {"as_of": "2026-01-31T10:00:00Z", "group_by": "Department"})
    )
    assert plain == stamp
    by_id = ok(episode.call("get_survey_results", {"survey_id": "SRV-2026-Q1", "question": "enps"}))
    for spelling in ("2026-Q1", "q1 2026", "2026q1", "srv-2026-q1"):
        assert (
            ok(episode.call("get_survey_results", {"survey_id": spelling, "question": "ENPS"}))
            == by_id
        )


# --- errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "arguments", "code", "fragment"),
    [
        ("get_employee", {}, "invalid_argument", "missing required argument 'employee_id'"),
        ("get_employee", {"employee_id": 1063}, "invalid_argument", "must be a string"),
        ("get_employee", {"employee_id": "E9999"}, "not_found", "no employee with id"),
        ("get_employee", {"employee_id": "Priya"}, "invalid_argument", "search_employees"),
        ("get_employee", {"id": "E1001"}, "invalid_argument", "unknown argument 'id'"),
        ("get_headcount", {"as_of": "2026-04-09"}, "invalid_argument", "in the future"),
        ("get_headcount", {"as_of": "31/03/2026"}, "invalid_argument", "YYYY-MM-DD"),
        ("get_headcount", {"group_by": "city"}, "invalid_argument", "must be one of"),
        (
            "get_attrition",
            {"start_date": "2026-03-31", "end_date": "2026-01-01"},
            "invalid_argument",
            "is after end_date",
        ),
        ("search_employees", {"page_size": 500}, "invalid_argument", "between 1 and 100"),
        ("search_employees", {"page": 1.5}, "invalid_argument", "whole number"),
        ("get_survey_results", {"survey_id": "2023-Q4"}, "not_found", "from 2024-Q2 to 2026-Q1"),
        ("get_project_allocations", {"project_id": "PRJ-999"}, "not_found", "PRJ-104"),
        (
            "get_training_completions",
            {"course_id": "Security Awarness 2026"},
            "not_found",
            "did you mean",
        ),
        ("get_compensation_stats", {"currency": "local"}, "invalid_argument", "ask for USD"),
        ("list_courses", {"mandatory": "yes"}, "invalid_argument", "true or false"),
    ],
)
def test_bad_calls_return_one_line_structured_errors(
    episode: DataAnalysisSimulator, name: str, arguments: dict[str, Any], code: str, fragment: str
) -> None:
    got_code, message = error_of(episode.call(name, arguments))
    assert (got_code, fragment in message) == (code, True), message
    assert "\n" not in message


def test_arguments_that_are_not_an_object_or_a_tool_that_does_not_exist_are_errors(
    episode: DataAnalysisSimulator,
) -> None:
    assert error_of(episode.call("get_employee", ["E1001"]))[0] == "invalid_argument"  # type: ignore[arg-type]
    assert error_of(episode.call("fire_employee", {}))[0] == "unknown_tool"
    assert ok(episode.call("list_departments", None))["total"] == 8


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


@settings(max_examples=150, deadline=None)
@given(
    name=st.sampled_from(sorted(TOOL_SCHEMAS)),
    arguments=st.dictionaries(
        st.sampled_from(["employee_id", "course_id", "as_of", "page", "department", "survey_id",
                         "group_by", "start_date", "end_date", "manager_id", "status", "x"]),
        _json,
        max_size=4,
    ),
)  # fmt: skip
def test_the_simulator_never_raises_whatever_arrives(name: str, arguments: dict[str, Any]) -> None:
    from bench_domain_data_analysis._fixtures import load_fixtures

    result = DataAnalysisSimulator(load_fixtures()).call(name, arguments)
    json.dumps(result)  # every result is plain JSON
    if isinstance(result, dict) and "error" in result:
        assert set(result["error"]) == {"code", "message"}


# --- determinism and paging -----------------------------------------------------------------

SCRIPT: list[tuple[str, dict[str, Any]]] = [
    ("search_employees", {"department": "Sales", "page": 2}),
    ("get_attrition", {"start_date": "2025-07-01", "end_date": "2025-09-30", "group_by": "team"}),
    ("get_survey_results", {"survey_id": "2025-Q3", "group_by": "tenure"}),
    ("enroll_employee", {"employee_id": "E1014", "course_id": "CRS-214"}),
    ("get_training_completions", {"course_id": "CRS-214", "page_size": 100}),
    ("update_employee_manager", {"employee_id": "E1002", "manager_id": "E1233"}),
    ("get_employee", {"employee_id": "E1002"}),
    ("get_compensation_stats", {"group_by": "location", "currency": "local"}),
]


def test_the_same_calls_give_the_same_results_and_effects(data: Fixtures) -> None:
    runs = []
    for _ in range(2):
        episode = DataAnalysisSimulator(data)
        results = [json.dumps(episode.call(n, a), sort_keys=True) for n, a in SCRIPT]
        runs.append((results, episode.effects()))
    assert runs[0] == runs[1]


def test_paging_through_the_overdue_list_gives_every_row_once(
    episode: DataAnalysisSimulator, facts: Facts
) -> None:
    query = {"course_id": "CRS-105", "status": "overdue"}
    first = ok(episode.call("get_training_completions", query))
    assert (first["total"], first["page_size"], first["total_pages"], first["next_page"]) == (
        27, 25, 2, 2,
    )  # fmt: skip
    second = ok(episode.call("get_training_completions", {**query, "page": 2}))
    assert (len(second["completions"]), second["next_page"]) == (2, None)
    ids = [r["employee_id"] for r in first["completions"] + second["completions"]]
    assert ids == [e.id for e in facts.missed_deadline("CRS-105")]
    beyond = ok(episode.call("get_training_completions", {**query, "page": 3}))
    assert beyond["completions"] == []


def test_searching_every_page_finds_every_current_employee_once(
    episode: DataAnalysisSimulator, data: Fixtures
) -> None:
    seen: list[str] = []
    page: int | None = 1
    while page is not None:
        result = ok(episode.call("search_employees", {"page": page, "page_size": 100}))
        seen += [r["id"] for r in result["employees"]]
        page = result["next_page"]
    assert sorted(seen) == sorted(e.id for e in data.employees if e.status != "exited")
    assert len(seen) == len(set(seen))
    muller = ok(episode.call("search_employees", {"query": "muller", "status": "all"}))
    assert muller["total"] == sum("Müller" in e.name for e in data.employees) > 0


# --- reports agree with the facts -----------------------------------------------------------


def test_headcount_and_attrition_agree_with_the_facts(
    episode: DataAnalysisSimulator, facts: Facts
) -> None:
    day = D("2026-03-31")
    result = ok(episode.call("get_headcount", {"as_of": "2026-03-31", "group_by": "department"}))
    assert {g["group"]: g["headcount"] for g in result["groups"]} == facts.headcount_by_department(
        day
    )
    assert result["total"] == facts.headcount(day)
    _label, start, end = facts.last_quarter()
    rows = ok(
        episode.call(
            "get_attrition",
            {"start_date": str(start), "end_date": str(end), "group_by": "department"},
        )
    )
    expected = facts.attrition_by_department(start, end)
    assert {g["group"]: g["annualized_rate_pct"] for g in rows["groups"]} == {
        k: v["annualized_rate_pct"] for k, v in expected.items()
    }
    assert rows["total"]["exits"] == facts.company_attrition(start, end)["exits"]


def test_the_transfer_moves_headcount_without_counting_as_an_exit(
    episode: DataAnalysisSimulator, facts: Facts
) -> None:
    (moved,) = facts.storied("transferred")
    before = ok(episode.call("search_employees", {"department": "MKT", "page_size": 100}))
    assert moved.id in {r["id"] for r in before["employees"]}
    q1 = ok(
        episode.call(
            "get_attrition",
            {"start_date": "2026-01-01", "end_date": "2026-03-31", "department": "Sales"},
        )
    )
    sales = q1["total"]

    def in_sales(day: str) -> set[str]:
        return {
            e.id
            for e in facts.fixtures.employees
            if (job := e.job_on(day)) is not None and job.department_id == "SAL"
        }

    assert moved.id in in_sales("2026-01-01")
    assert moved.id not in in_sales("2026-03-31")
    assert (sales["opening_headcount"], sales["closing_headcount"]) == (
        len(in_sales("2026-01-01")), len(in_sales("2026-03-31")),
    )  # fmt: skip
    leavers = {
        e.id
        for e in facts.fixtures.employees
        if "2026-01-01" <= (e.exit_date or "") <= "2026-03-31"
    }
    assert moved.id not in leavers
    assert sales["exits"] == len(leavers & in_sales("2026-01-01"))


def test_survey_results_suppress_small_groups_without_leaking_their_size(
    episode: DataAnalysisSimulator, facts: Facts
) -> None:
    team = ok(
        episode.call("get_survey_results", {"survey_id": "2026-Q1", "team": "Design Systems"})
    )
    assert team["suppressed"] is True
    assert "responses" not in team
    assert "results" not in team
    by_team = ok(episode.call("get_survey_results", {"survey_id": "2026-Q1", "group_by": "team"}))
    row = next(g for g in by_team["groups"] if g["group"] == "PRD-DSY")
    assert row == {"group": "PRD-DSY", "name": "Design Systems", "suppressed": True}
    enps = ok(
        episode.call(
            "get_survey_results",
            {"survey_id": "2026-Q1", "question": "enps", "group_by": "department"},
        )
    )
    scores = {g["group"]: g["results"]["enps"]["enps"] for g in enps["groups"]}
    assert scores == facts.enps_by_department("SRV-2026-Q1")


def test_pay_statistics_are_quartiles_and_small_groups_are_hidden(
    episode: DataAnalysisSimulator, data: Fixtures
) -> None:
    result = ok(
        episode.call(
            "get_compensation_stats",
            {"location": "Berlin", "group_by": "level", "currency": "local"},
        )
    )
    for group in result["groups"]:
        pay = [
            e.salary.amount
            for e in data.employees
            if e.status != "exited" and (e.location_id, e.level) == ("BER", group["group"])
        ]
        if len(pay) < 5:
            assert group == {"group": group["group"], "name": group["group"], "suppressed": True,
                             "reason": "fewer than 5 employees"}  # fmt: skip
            continue
        q1, median, q3 = statistics.quantiles(pay, n=4, method="inclusive")
        assert (group["p25"], group["median"], group["p75"]) == (
            round(q1),
            round(median),
            round(q3),
        )
        assert group["currency"] == "EUR"
    assert any(g["suppressed"] for g in result["groups"])


def test_a_completion_just_after_utc_midnight_is_on_time_in_new_york(
    episode: DataAnalysisSimulator, data: Fixtures
) -> None:
    rows = ok(
        episode.call(
            "get_training_completions",
            {
                "course_id": "CRS-105",
                "completed_after": "2026-03-31",
                "completed_before": "2026-04-01",
                "page_size": 100,
            },
        )
    )["completions"]
    midnight = {r["completed_at"]: r for r in rows}
    new_york = midnight["2026-04-01T02:40:00Z"]
    assert (new_york["status"], new_york["completed_at_local"]) == (
        "completed",
        "2026-03-31T22:40:00-04:00",
    )
    berlin = midnight["2026-03-31T22:30:00Z"]
    assert (berlin["status"], berlin["completed_at_local"]) == (
        "completed_late",
        "2026-04-01T00:30:00+02:00",
    )


# --- writes and their effects ---------------------------------------------------------------


def test_equivalent_enrollments_leave_equal_effects(data: Fixtures) -> None:
    person = data.employee_by_id["E1014"]
    one, two = DataAnalysisSimulator(data), DataAnalysisSimulator(data)
    ok(one.call("enroll_employee", {"employee_id": "E1014", "course_id": "CRS-214"}))
    ok(two.call("enroll_employee", {"employee_id": person.email, "course_id": "crs 214"}))
    assert one.effects() == two.effects()
    (effect,) = one.effects()
    assert (effect.action, effect.target, effect.fields) == (
        "enroll_employee", "E1014", {"course_id": "CRS-214", "due_date": None},
    )  # fmt: skip


def test_an_enrollment_shows_in_this_episode_only(data: Fixtures) -> None:
    episode = DataAnalysisSimulator(data)
    ok(
        episode.call(
            "enroll_employee",
            {"employee_id": "E1014", "course_id": "CRS-214", "due_date": "2026-04-30"},
        )
    )
    mine = ok(
        episode.call("get_training_completions", {"employee_id": "E1014", "course_id": "CRS-214"})
    )
    assert [(r["status"], r["due_date"]) for r in mine["completions"]] == [
        ("in_progress", "2026-04-30")
    ]
    other = DataAnalysisSimulator(data)
    assert (
        ok(
            other.call("get_training_completions", {"employee_id": "E1014", "course_id": "CRS-214"})
        )["total"]
        == 0
    )
    assert other.effects() == []


def test_failed_enrollments_leave_no_effect(data: Fixtures, facts: Facts) -> None:
    episode = DataAnalysisSimulator(data)
    done = next(e for e in data.enrollments if e.course_id == "CRS-104" and e.completed_at)
    overdue = facts.missed_deadline("CRS-105")[0]
    former = next(e for e in data.employees if e.status == "exited")
    cases = [
        ({"employee_id": done.employee_id, "course_id": "CRS-104"}, "already completed"),
        ({"employee_id": overdue.id, "course_id": "CRS-105"}, "already enrolled"),
        ({"employee_id": former.id, "course_id": "CRS-214"}, "left the company"),
        ({"employee_id": "E1014", "course_id": "CRS-999"}, "unknown course"),
        (
            {"employee_id": "E1014", "course_id": "CRS-214", "due_date": "2026-04-01"},
            "between today",
        ),
    ]
    for arguments, fragment in cases:
        code, message = error_of(episode.call("enroll_employee", arguments))
        assert fragment in message, message
        assert code in ("conflict", "not_found", "invalid_argument")
    assert episode.effects() == []
    ok(episode.call("enroll_employee", {"employee_id": "E1014", "course_id": "CRS-214"}))
    assert (
        error_of(episode.call("enroll_employee", {"employee_id": "E1014", "course_id": "CRS-214"}))[
            0
        ]
        == "conflict"
    )
    assert len(episode.effects()) == 1


def test_equivalent_manager_changes_leave_equal_effects_and_show_up(
    data: Fixtures, facts: Facts
) -> None:
    leaving, security = facts.team_manager("ENG-DAT"), facts.team_manager("ENG-SEC")
    mover = facts.reports_of(leaving.id)[0]
    one, two = DataAnalysisSimulator(data), DataAnalysisSimulator(data)
    ok(one.call("update_employee_manager", {"employee_id": mover.id, "manager_id": security.id}))
    ok(
        two.call(
            "update_employee_manager",
            {
                "employee_id": mover.email,
                "manager_id": security.id.lower(),
                "effective_date": "2026-04-08",
            },
        )
    )
    assert one.effects() == two.effects()
    (effect,) = one.effects()
    assert (effect.action, effect.target) == ("update_employee_manager", mover.id)
    assert effect.fields == {"manager_id": security.id, "effective_date": "2026-04-08"}
    record = ok(one.call("get_employee", {"employee_id": mover.id}))
    assert record["manager"]["id"] == security.id
    reports = ok(one.call("search_employees", {"manager_id": security.id}))
    assert mover.id in {r["id"] for r in reports["employees"]}


def test_a_future_manager_change_is_scheduled_not_applied(data: Fixtures, facts: Facts) -> None:
    leaving, security = facts.team_manager("ENG-DAT"), facts.team_manager("ENG-SEC")
    mover = facts.reports_of(leaving.id)[0]
    episode = DataAnalysisSimulator(data)
    result = ok(
        episode.call(
            "update_employee_manager",
            {"employee_id": mover.id, "manager_id": security.id, "effective_date": "2026-05-01"},
        )
    )
    assert result["state"] == "scheduled"
    record = ok(episode.call("get_employee", {"employee_id": mover.id}))
    assert record["manager"]["id"] == leaving.id
    assert record["scheduled_changes"] == [
        {"manager_id": security.id, "effective_date": "2026-05-01"}
    ]


def test_refused_manager_changes_leave_no_effect(data: Fixtures, facts: Facts) -> None:
    ceo = next(e for e in data.employees if e.manager_id is None)
    leaving = facts.team_manager("ENG-DAT")
    mover = facts.reports_of(leaving.id)[0]
    former = next(e for e in data.employees if e.status == "exited")
    episode = DataAnalysisSimulator(data)
    cases = [
        ({"employee_id": mover.id, "manager_id": mover.id}, "own manager"),
        ({"employee_id": mover.id, "manager_id": leaving.id}, "already reports"),
        ({"employee_id": mover.id, "manager_id": former.id}, "left the company"),
        ({"employee_id": ceo.id, "manager_id": mover.id}, "reporting loop"),
        (
            {"employee_id": mover.id, "manager_id": ceo.id, "effective_date": "2026-04-07"},
            "in the past",
        ),
        (
            {"employee_id": mover.id, "manager_id": ceo.id, "effective_date": "2026-09-01"},
            "within 90 days",
        ),
    ]
    for arguments, fragment in cases:
        _code, message = error_of(episode.call("update_employee_manager", arguments))
        assert fragment in message, message
    assert episode.effects() == []


def test_reads_leave_no_effects(episode: DataAnalysisSimulator) -> None:
    for name, arguments in SCRIPT:
        if name not in ("enroll_employee", "update_employee_manager"):
            ok(episode.call(name, arguments))
    assert episode.effects() == []
