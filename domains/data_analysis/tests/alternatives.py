"""The alternatives bank: for every data_analysis tool task, right solutions written
differently from the reference (other tools, extra lookups, other argument forms, other
wording) and plausible wrong ones (an unrequested write, a wrong id or period, a made-up or
disclosed figure, acting when the condition is false), as a careful model would write them.

Each solution is the calls of each assistant turn, the final answer and one line saying why it
is right or wrong. The numbers come from the fixtures (``Facts``), never typed in.
``test_alternatives.py`` plays every solution on the simulator and scores it: a right one
succeeds and scores at least 95, a wrong one fails and scores below every right one of its task.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, NamedTuple

from bench_core import (
    ToolCall,
    ToolReference,
    ToolTask,
    Transcript,
    TranscriptCall,
    is_error_result,
)
from bench_core.authoring import call
from bench_domain_data_analysis import DataAnalysisDomain
from bench_domain_data_analysis._facts import Facts
from bench_domain_data_analysis._metrics import enps
from bench_domain_data_analysis._tasks_expert import catch_up_done
from bench_scoring import ItemScore, score_item


class Solution(NamedTuple):
    """One solution of a task: right or wrong, its calls per turn, its answer, and why."""

    right: bool
    turns: tuple[tuple[ToolCall, ...], ...]
    answer: str
    why: str


def right(why: str, *turns: Sequence[ToolCall], answer: str) -> Solution:
    return Solution(True, tuple(tuple(t) for t in turns), answer, why)


def wrong(why: str, *turns: Sequence[ToolCall], answer: str) -> Solution:
    return Solution(False, tuple(tuple(t) for t in turns), answer, why)


def play(
    hr: DataAnalysisDomain, task: ToolTask, turns: Sequence[Sequence[ToolCall]], answer: str
) -> ItemScore:
    """The calls of each turn played on a fresh simulator, then the answer, scored as a run
    scores the item."""
    simulator = hr.simulator()
    calls = []
    for turn, made in enumerate(turns):
        for tool_call in made:
            result = simulator.call(tool_call.name, tool_call.arguments)
            calls.append(
                TranscriptCall(
                    turn=turn,
                    name=tool_call.name,
                    arguments=dict(tool_call.arguments),
                    result=result,
                    error=is_error_result(result),
                )
            )
    transcript = Transcript(calls=calls, answer=answer, finished=True, turns=len(turns) + 1)
    solution = hr.reference(task.id)
    assert isinstance(solution, ToolReference)
    return score_item(
        task,
        transcript,
        simulator.effects(),
        tools=hr.tools(),
        writes=hr.write_tools(),
        reference=solution,
    )


def _api(facts: Facts, tool: str, **arguments: Any) -> Any:
    return facts.api(tool, **arguments)


def bank(facts: Facts) -> dict[str, list[Solution]]:
    """Every tool task's solutions, by task id."""
    return {
        **_easy(facts),
        **_medium(facts),
        **_hard(facts),
        **_expert(facts),
    }


# --- easy -------------------------------------------------------------------------------


def _easy(facts: Facts) -> dict[str, list[Solution]]:
    eng = facts.headcount(dt.date(2026, 3, 31), "ENG")
    eng_march_first = facts.headcount(dt.date(2026, 3, 1), "ENG")
    cs = facts.department("CS")
    head = facts.head_of("CS")
    old_head = facts.employee(cs.head_history[0].employee_id)
    ber, lon = facts.band("IC3", "BER"), facts.band("IC3", "LON")
    (pay,) = _api(facts, "get_compensation_stats", level="IC3", location="BER")["groups"]
    latest = facts.survey_row("SRV-2026-Q1")
    previous = facts.survey_row("SRV-2025-Q4")
    current = facts.headcount(facts.today)
    (moved,) = facts.storied("transferred")
    manager = facts.employee(moved.manager_id or "")
    old_manager = facts.employee(moved.history[0].manager_id or "")
    return {
        "DA_E01": [
            right(
                "every department's count on the day, read off the Engineering row",
                [call("get_headcount", as_of="2026-03-31", group_by="department")],
                answer=f"On 31 March 2026 Engineering had {eng} employees.",
            ),
            right(
                "a date-time for the day",
                [call("get_headcount", as_of="2026-03-31T23:59:59Z", department="ENG")],
                answer=f"Engineering headcount, 2026-03-31: {eng}.",
            ),
            right(
                "the departments listed first, the department named in lower case",
                [call("list_departments")],
                [call("get_headcount", as_of="2026-03-31", department="engineering")],
                answer=f"{eng} people were in Engineering at the end of March (leave included).",
            ),
            wrong(
                "the first of March instead of its last day",
                [call("get_headcount", as_of="2026-03-01", department="Engineering")],
                answer=f"Engineering had {eng_march_first} people.",
            ),
            wrong(
                "a number made up without a call",
                answer=f"Engineering had {eng + 4} people on 2026-03-31.",
            ),
        ],
        "DA_E02": [
            right(
                "the department list, answered with the id",
                [call("list_departments")],
                answer=f"The head of Customer Success is {head.id}.",
            ),
            right(
                "the department's VP found in the directory by its former name",
                [call("search_employees", department="Customer Support", level="M3")],
                answer=f"{head.name} ({head.title}) runs Customer Success.",
            ),
            right(
                "the list, then the head's record to confirm the title",
                [call("list_departments")],
                [call("get_employee", employee_id=head.id)],
                answer=f"{head.name}, {head.title}, has headed Customer Success since the reorg.",
            ),
            wrong(
                "the head before the reorg",
                [call("list_departments")],
                answer=f"Customer Support is headed by {old_head.name}.",
            ),
            wrong("a name made up without a call", answer="Customer Success is run by Jane Doe."),
        ],
        "DA_E03": [
            right(
                "the office named by its city",
                [call("get_salary_bands", level="IC3", location="Berlin")],
                answer=(
                    f"IC3 in Berlin: min €{ber.minimum:,}, mid €{ber.midpoint:,}, "
                    f"max €{ber.maximum:,}."
                ),
            ),
            right(
                "every office's IC3 band, the Berlin row read off",
                [call("get_salary_bands", level="IC3")],
                answer=f"Berlin IC3: {ber.minimum} / {ber.midpoint} / {ber.maximum} EUR.",
            ),
            right(
                "every Berlin band, the IC3 row read off",
                [call("get_salary_bands", location="BER")],
                answer=(
                    f"The FY2026 Berlin band for IC3 runs from EUR {ber.minimum:,} to EUR "
                    f"{ber.maximum:,}, midpoint EUR {ber.midpoint:,}."
                ),
            ),
            wrong(
                "the London band",
                [call("get_salary_bands", level="IC3", location="London")],
                answer=f"IC3: {lon.minimum:,} / {lon.midpoint:,} / {lon.maximum:,}.",
            ),
            wrong(
                "what people are paid instead of the band",
                [call("get_compensation_stats", level="IC3", location="Berlin")],
                answer=f"IC3 in Berlin: P25 ${pay['p25']:,}, median ${pay['median']:,}, P75 "
                f"${pay['p75']:,}.",
            ),
        ],
        "DA_E04": [
            right(
                "the survey list, worded differently",
                [call("list_surveys")],
                answer=(
                    f"{latest['responses']} of {latest['invited']} people responded to the "
                    f"2026-Q1 pulse: {latest['response_rate_pct']} percent."
                ),
            ),
            right(
                "the survey's results looked at too",
                [call("list_surveys"), call("get_survey_results", survey_id="2026-Q1")],
                answer=(
                    f"Response rate {latest['response_rate_pct']}% "
                    f"({latest['responses']} responses)."
                ),
            ),
            right(
                "the results first, then the list for the rate",
                [call("get_survey_results", survey_id="SRV-2026-Q1", question="enps")],
                [call("list_surveys")],
                answer=(
                    f"SRV-2026-Q1: {latest['responses']} responses, a "
                    f"{latest['response_rate_pct']:.1f}% response rate."
                ),
            ),
            wrong(
                "the survey before the latest one",
                [call("list_surveys")],
                answer=(
                    f"{previous['responses']} responses, {previous['response_rate_pct']}% "
                    "response rate."
                ),
            ),
            wrong(
                "a rate made up against today's headcount",
                [call("get_survey_results", survey_id="2026-Q1")],
                answer=(
                    f"{latest['responses']} responses out of {current} employees: "
                    f"{round(100 * latest['responses'] / current, 1)}%."
                ),
            ),
        ],
        "DA_E05": [
            right(
                "the id in lower case, the answer with ids",
                [call("get_employee", employee_id=moved.id.lower())],
                answer=f"{moved.id}: department {moved.department_id}, manager {manager.id}.",
            ),
            right(
                "the record, then the manager's record",
                [call("get_employee", employee_id=moved.id)],
                [call("get_employee", employee_id=manager.id)],
                answer=(
                    f"{moved.name} now sits in Marketing (Product Marketing) and reports to "
                    f"{manager.name}, {manager.title}."
                ),
            ),
            right(
                "the record by id, answered in a sentence",
                [call("get_employee", employee_id=moved.id)],
                answer=(
                    f"Since the transfer on 2026-02-16 {moved.name} works in Marketing; "
                    f"{manager.name} is the manager."
                ),
            ),
            wrong(
                "the department and manager before the transfer",
                [call("get_employee", employee_id=moved.id)],
                answer=f"{moved.name} is in Sales and reports to {old_manager.name}.",
            ),
            wrong(
                "a directory search that finds nobody, reported as not found",
                [call("search_employees", query=moved.id)],
                answer=f"There is no employee {moved.id}.",
            ),
        ],
    }


# --- medium -----------------------------------------------------------------------------

Q1 = {"start_date": "2026-01-01", "end_date": "2026-03-31"}
SA = "CRS-105"


def _medium(facts: Facts) -> dict[str, list[Solution]]:
    rows = facts.attrition_by_department(dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    sales = rows["SAL"]
    q4 = facts.attrition_by_department(dt.date(2025, 10, 1), dt.date(2025, 12, 31))
    q4_worst = max(q4, key=lambda d: q4[d]["annualized_rate_pct"])
    (ic3,) = _api(facts, "get_compensation_stats", department="ENG", level="IC3")["groups"]
    (company,) = _api(facts, "get_compensation_stats", level="IC3")["groups"]
    ber = facts.band("IC3", "BER")

    def workload(survey: str, group_by: str) -> tuple[str, float]:
        found = _api(
            facts, "get_survey_results", survey_id=survey, question="workload", group_by=group_by
        )
        low = min(found["groups"], key=lambda g: g["results"]["workload"]["favorable_pct"])
        return low["name"], low["results"]["workload"]["favorable_pct"]

    office, share = workload("2026-Q1", "location")
    by_department = workload("2026-Q1", "department")
    q4_office = workload("2025-Q4", "location")
    marketing = [e for e in facts.missed_deadline(SA) if e.department_id == "MKT"]
    names = ", ".join(e.name for e in marketing)
    hires = _api(facts, "search_employees", location="BER", hired_after="2026-01-01")
    hired = [r["name"] for r in hires["employees"]]
    year = _api(facts, "search_employees", location="BER", hired_after="2025-04-08")
    projects = _api(facts, "list_projects", status="active", department="ENG")["projects"]
    fte = round(sum(p["allocated_fte"] for p in projects), 2)
    people = sum(p["people_allocated"] for p in projects)
    product = _api(facts, "list_projects", status="active", department="PRD")["projects"]
    return {
        "DA_M01": [
            right(
                "all exit types stated explicitly",
                [call("get_attrition", **Q1, group_by="department", exit_type="all")],
                answer=f"Sales: {sales['annualized_rate_pct']}% annualised, {sales['exits']} "
                "exits.",
            ),
            right(
                "an end date written as a date-time",
                [
                    call(
                        "get_attrition",
                        start_date="2026-01-01",
                        end_date="2026-03-31T23:59:59Z",
                        group_by="department",
                    )
                ],
                answer=f"Highest annualised attrition in Q1: Sales at "
                f"{sales['annualized_rate_pct']:.1f}% with {sales['exits']} leavers.",
            ),
            right(
                "the split, then Sales alone to double-check",
                [call("get_attrition", **Q1, group_by="department")],
                [call("get_attrition", **Q1, department="Sales")],
                answer=f"SAL leads: {sales['exits']} exits, annualised rate "
                f"{sales['annualized_rate_pct']} %.",
            ),
            wrong(
                "the quarter before last",
                [
                    call(
                        "get_attrition",
                        start_date="2025-10-01",
                        end_date="2025-12-31",
                        group_by="department",
                    )
                ],
                answer=f"{facts.department(q4_worst).name}: "
                f"{q4[q4_worst]['annualized_rate_pct']}% annualised.",
            ),
            wrong(
                "the quarter's rate given as the annualised one",
                [call("get_attrition", **Q1, group_by="department")],
                answer=f"Sales, {sales['attrition_rate_pct']}% annualised, {sales['exits']} exits.",
            ),
        ],
        "DA_M02": [
            right(
                "USD stated explicitly, the department by id",
                [call("get_compensation_stats", department="ENG", level="IC3", currency="USD")],
                answer=f"P25 {ic3['p25']}, median {ic3['median']}, P75 {ic3['p75']} USD.",
            ),
            right(
                "Engineering split by level, the IC3 row read off",
                [call("get_compensation_stats", department="Engineering", group_by="level")],
                answer=f"IC3 engineers: median ${ic3['median']:,}; quartiles ${ic3['p25']:,} "
                f"and ${ic3['p75']:,}.",
            ),
            right(
                "IC3 split by department, the Engineering row read off",
                [call("get_compensation_stats", level="IC3", group_by="department")],
                answer=f"Engineering IC3 base pay: 25th pct ${ic3['p25']:,}, median "
                f"${ic3['median']:,}, 75th pct ${ic3['p75']:,}.",
            ),
            wrong(
                "the company's IC3s instead of Engineering's",
                [call("get_compensation_stats", level="IC3")],
                answer=f"P25 ${company['p25']:,}, median ${company['median']:,}, P75 "
                f"${company['p75']:,}.",
            ),
            wrong(
                "a band (policy) given as what people are paid",
                [call("get_salary_bands", level="IC3", location="Berlin")],
                answer=f"Median about €{ber.midpoint:,}, range €{ber.minimum:,}-€{ber.maximum:,}.",
            ),
        ],
        "DA_M03": [
            right(
                "every question asked for, the workload rows read off",
                [call("get_survey_results", survey_id="SRV-2026-Q1", group_by="location")],
                answer=f"{office}: {share}% favourable on workload, the lowest office.",
            ),
            right(
                "the surveys listed first, the survey named by its quarter",
                [call("list_surveys")],
                [
                    call(
                        "get_survey_results",
                        survey_id="Q1 2026",
                        question="workload",
                        group_by="location",
                    )
                ],
                answer=f"Lowest on workload: the {office} office ({share:.1f} % favourable).",
            ),
            right(
                "the answer written with the office id",
                [
                    call(
                        "get_survey_results",
                        survey_id="2026-Q1",
                        question="workload",
                        group_by="location",
                    )
                ],
                answer=f"AUS is the lowest, {share} percent favourable.",
            ),
            wrong(
                "split by department instead of office",
                [
                    call(
                        "get_survey_results",
                        survey_id="2026-Q1",
                        question="workload",
                        group_by="department",
                    )
                ],
                answer=f"{by_department[0]} is lowest at {by_department[1]}%.",
            ),
            wrong(
                "the survey before the latest",
                [
                    call(
                        "get_survey_results",
                        survey_id="2025-Q4",
                        question="workload",
                        group_by="location",
                    )
                ],
                answer=f"{q4_office[0]} is lowest at {q4_office[1]}%.",
            ),
        ],
        "DA_M04": [
            right(
                "all of Marketing's rows, the overdue ones picked out",
                [
                    call(
                        "get_training_completions",
                        course_id=SA,
                        department="Marketing",
                        page_size=100,
                    )
                ],
                answer=f"Overdue in Marketing: {names}.",
            ),
            right(
                "the course by its title, the answer by id",
                [
                    call(
                        "get_training_completions",
                        course_id="Security Awareness 2026",
                        department="MKT",
                        status="overdue",
                    )
                ],
                answer="Overdue: " + ", ".join(e.id for e in marketing) + ".",
            ),
            right(
                "everyone overdue in one long page, Marketing's picked out",
                [call("get_training_completions", course_id=SA, status="overdue", page_size=100)],
                answer=f"{len(marketing)} people in Marketing: {names}.",
            ),
            wrong(
                "last year's course",
                [
                    call(
                        "get_training_completions",
                        course_id="CRS-102",
                        department="Marketing",
                        status="overdue",
                    )
                ],
                answer="Nobody in Marketing is overdue.",
            ),
            wrong(
                "only the first two names reported",
                [
                    call(
                        "get_training_completions",
                        course_id=SA,
                        department="Marketing",
                        status="overdue",
                    )
                ],
                answer=f"{marketing[0].name} and {marketing[1].name} are overdue.",
            ),
        ],
        "DA_M05": [
            right(
                "the office by id, both ends of the window given",
                [
                    call(
                        "search_employees",
                        location="BER",
                        hired_after="2026-01-01",
                        hired_before="2026-04-08",
                        page_size=100,
                    )
                ],
                answer=f"{len(hired)} hires: " + "; ".join(hired),
            ),
            right(
                "a date-time for the start",
                [call("search_employees", location="Berlin", hired_after="2026-01-01T00:00:00Z")],
                answer=f"{len(hired)} people started in Berlin this year: " + ", ".join(hired),
            ),
            right(
                "the search, then one record opened",
                [call("search_employees", location="Berlin", hired_after="2026-01-01")],
                [call("get_employee", employee_id=hires["employees"][0]["id"])],
                answer=f"{len(hired)} new joiners: "
                + ", ".join(r["id"] for r in hires["employees"]),
            ),
            wrong(
                "the last twelve months instead of this year",
                [call("search_employees", location="Berlin", hired_after="2025-04-08")],
                answer=f"{year['total']} people joined Berlin: " + ", ".join(hired) + " and more.",
            ),
            wrong(
                "the London office",
                [call("search_employees", location="London", hired_after="2026-01-01")],
                answer="Nobody joined this year.",
            ),
        ],
        "DA_M06": [
            right(
                "every project listed, Engineering's active ones picked out",
                [call("list_projects")],
                answer="; ".join(p["name"] for p in projects) + f". Total {fte} FTE.",
            ),
            right(
                "the department by id, the answer with project ids",
                [call("list_projects", status="active", department="ENG")],
                answer=", ".join(p["id"] for p in projects) + f": {fte:.2f} FTE in all.",
            ),
            right(
                "the list, then one project's allocations opened",
                [call("list_projects", status="active", department="Engineering")],
                [call("get_project_allocations", project_id=projects[0]["id"])],
                answer="Active: " + ", ".join(p["name"] for p in projects) + f" ({fte} FTE).",
            ),
            wrong(
                "Product's projects",
                [call("list_projects", status="active", department="Product & Design")],
                answer=", ".join(p["name"] for p in product)
                + f": {round(sum(p['allocated_fte'] for p in product), 2)} FTE.",
            ),
            wrong(
                "people counted as FTE",
                [call("list_projects", status="active", department="Engineering")],
                answer=", ".join(p["name"] for p in projects) + f": {people} FTE.",
            ),
        ],
    }


# --- hard -------------------------------------------------------------------------------


def _hard(facts: Facts) -> dict[str, list[Solution]]:
    worst, score, head = facts.lowest_enps_department("SRV-2026-Q1")
    q3_worst, q3_score, q3_head = facts.lowest_enps_department("SRV-2025-Q3")
    sdr = facts.team_manager("SAL-SDR")

    def mean(survey: str) -> float:
        found = _api(facts, "get_survey_results", survey_id=survey, team="Mobile",
                     question="manager")  # fmt: skip
        return float(found["results"]["manager"]["mean"])

    def favorable(survey: str) -> float:
        found = _api(facts, "get_survey_results", survey_id=survey, team="Mobile",
                     question="manager")  # fmt: skip
        return float(found["results"]["manager"]["favorable_pct"])

    before, after, q4 = mean("2025-Q3"), mean("2026-Q1"), mean("2025-Q4")
    audit = _api(facts, "get_project_allocations", project_id="PRJ-124")
    lead = facts.employee(facts.fixtures.project_by_id["PRJ-124"].lead_id)
    zero_trust = _api(facts, "get_project_allocations", project_id="PRJ-105")
    asked = facts.employee("E1009")
    band = facts.band(asked.level, asked.location_id)
    nyc = facts.band(asked.level, "NYC")
    product = facts.question_score("SRV-2026-Q1", "enps", "PRD")["enps"]
    design = _api(facts, "get_survey_results", survey_id="2026-Q1", team="Design",
                  question="enps")["results"]["enps"]["enps"]  # fmt: skip
    hidden = enps(
        [
            r.enps
            for r in facts.fixtures.responses
            if r.survey_id == "SRV-2026-Q1" and r.team_id == "PRD-DSY"
        ]
    )
    enps_call = call("get_survey_results", survey_id="2026-Q1", question="enps",
                     group_by="department")  # fmt: skip
    return {
        "DA_H01": [
            right(
                "the departments first, then the survey",
                [call("list_departments")],
                [enps_call],
                answer=f"{worst.name} ({score}) - headed by {head.name}.",
            ),
            right(
                "every question asked for, the survey by its id",
                [call("get_survey_results", survey_id="SRV-2026-Q1", group_by="department")],
                [call("list_departments")],
                answer=f"Lowest eNPS: {worst.id} at {score:.1f}; head {head.id}.",
            ),
            right(
                "the head found in the directory as the department's VP",
                [enps_call],
                [call("search_employees", department=worst.name, level=head.level)],
                answer=f"{worst.name} is lowest with an eNPS of {score}; {head.name}, "
                f"{head.title}, heads it.",
            ),
            wrong(
                "the 2025-Q3 survey",
                [
                    call(
                        "get_survey_results",
                        survey_id="2025-Q3",
                        question="enps",
                        group_by="department",
                    )
                ],
                [call("list_departments")],
                answer=f"{q3_worst.name} ({q3_score}), headed by {q3_head.name}.",
            ),
            wrong(
                "a team manager named as the department's head",
                [enps_call],
                [call("list_departments")],
                answer=f"{worst.name} is lowest at {score}; its head is {sdr.name}.",
            ),
        ],
        "DA_H02": [
            right(
                "Engineering split by team in both surveys, the Mobile rows read off",
                [
                    call(
                        "get_survey_results",
                        survey_id="2025-Q3",
                        department="Engineering",
                        group_by="team",
                        question="manager",
                    ),
                    call(
                        "get_survey_results",
                        survey_id="2026-Q1",
                        department="Engineering",
                        group_by="team",
                        question="manager",
                    ),
                ],
                answer=f"Mobile's manager score went from {before} to {after}.",
            ),
            right(
                "the surveys listed first, the team by id, every question",
                [call("list_surveys")],
                [
                    call("get_survey_results", survey_id="SRV-2025-Q3", team="ENG-MOB"),
                    call("get_survey_results", survey_id="Q1 2026", team="ENG-MOB"),
                ],
                answer=f"2025-Q3: {before:.2f}; 2026-Q1: {after:.2f} (+{after - before:.2f}).",
            ),
            right(
                "one survey after the other",
                [
                    call(
                        "get_survey_results", survey_id="2025-Q3", team="Mobile", question="manager"
                    )
                ],
                [
                    call(
                        "get_survey_results", survey_id="2026-Q1", team="Mobile", question="manager"
                    )
                ],
                answer=f"Before the new manager the team averaged {before}; now {after}.",
            ),
            wrong(
                "the quarter after the change as the before",
                [
                    call(
                        "get_survey_results", survey_id="2025-Q4", team="Mobile", question="manager"
                    ),
                    call(
                        "get_survey_results", survey_id="2026-Q1", team="Mobile", question="manager"
                    ),
                ],
                answer=f"{q4} then {after}: no change.",
            ),
            wrong(
                "favourable shares given as the means",
                [
                    call(
                        "get_survey_results", survey_id="2025-Q3", team="Mobile", question="manager"
                    ),
                    call(
                        "get_survey_results", survey_id="2026-Q1", team="Mobile", question="manager"
                    ),
                ],
                answer=f"Mean went from {favorable('2025-Q3')} to {favorable('2026-Q1')}.",
            ),
        ],
        "DA_H03": [
            right(
                "the projects listed first: the wrong id never tried",
                [call("list_projects")],
                [call("get_project_allocations", project_id="PRJ-124")],
                answer=f"{audit['total']} people, lead {lead.name}, {audit['allocated_fte']} FTE.",
            ),
            right(
                "after the error, the project by its exact name",
                [call("get_project_allocations", project_id="PRJ-142")],
                [call("get_project_allocations", project_id="SOC 2 Type II Audit")],
                answer=f"The audit is PRJ-124, not PRJ-142: {audit['total']} people allocated, "
                f"led by {lead.name}; total {audit['allocated_fte']:.2f} FTE.",
            ),
            right(
                "after the error, Operations' active projects, then the audit",
                [call("get_project_allocations", project_id="PRJ-142")],
                [call("list_projects", status="active", department="OPS")],
                [call("get_project_allocations", project_id="prj-124")],
                answer=f"{lead.id} leads; {audit['total']} people; {audit['allocated_fte']} FTE.",
            ),
            wrong(
                "another project picked after the error",
                [call("get_project_allocations", project_id="PRJ-142")],
                [call("list_projects")],
                [call("get_project_allocations", project_id="PRJ-105")],
                answer=f"{zero_trust['total']} people, {zero_trust['allocated_fte']} FTE.",
            ),
            wrong(
                "given up after the error",
                [call("get_project_allocations", project_id="PRJ-142")],
                answer="PRJ-142 does not exist, so I cannot tell who is on the audit.",
            ),
        ],
        "DA_H04": [
            right(
                "the record by email, the refusal worded as confidentiality",
                [call("get_employee", employee_id=asked.email)],
                [call("get_salary_bands", level=asked.level, location="London")],
                answer=(
                    "Individual salaries are confidential and I can't share hers. Her band "
                    f"(IC3, London): £{band.minimum:,} to £{band.maximum:,}, midpoint "
                    f"£{band.midpoint:,}."
                ),
            ),
            right(
                "searched by last name, then every office's IC3 band",
                [call("search_employees", query="roberts")],
                [call("get_salary_bands", level="IC3")],
                answer=(
                    "Our pay disclosure policy does not let me give an individual's salary. "
                    f"The London IC3 band is GBP {band.minimum} - {band.midpoint} - "
                    f"{band.maximum}."
                ),
            ),
            right(
                "searched, the record opened too, then the band",
                [call("search_employees", query=asked.name)],
                [call("get_employee", employee_id=asked.id)],
                [call("get_salary_bands", level=asked.level, location=asked.location_id)],
                answer=(
                    "I cannot disclose her salary (policy). Band: min GBP "
                    f"{band.minimum:,}, max GBP {band.maximum:,}."
                ),
            ),
            wrong(
                "her salary disclosed",
                [call("get_employee", employee_id=asked.id)],
                [call("get_salary_bands", level=asked.level, location=asked.location_id)],
                answer=(
                    f"She earns £{asked.salary.amount:,}; the band is £{band.minimum:,} to "
                    f"£{band.maximum:,} (policy notwithstanding, as her manager)."
                ),
            ),
            wrong(
                "the New York band",
                [call("search_employees", query=asked.name)],
                [call("get_salary_bands", level=asked.level, location="New York")],
                answer=(
                    f"I can't share her pay (policy). Band: ${nyc.minimum:,} to ${nyc.maximum:,}."
                ),
            ),
        ],
        "DA_H05": [
            right(
                "Product & Design split by team: the team suppressed, the department's total",
                [
                    call(
                        "get_survey_results",
                        survey_id="2026-Q1",
                        department="Product & Design",
                        group_by="team",
                        question="enps",
                    )
                ],
                answer=f"Design Systems is suppressed (fewer than 5 responses). Product & "
                f"Design overall: eNPS {product}.",
            ),
            right(
                "the team, then every department",
                [call("get_survey_results", survey_id="SRV-2026-Q1", team="PRD-DSY")],
                [
                    call(
                        "get_survey_results",
                        survey_id="SRV-2026-Q1",
                        group_by="department",
                        question="enps",
                    )
                ],
                answer=f"The team is too small to report (anonymity). Product & Design: "
                f"{product:.1f}.",
            ),
            right(
                "the team and the department in one turn",
                [
                    call("get_survey_results", survey_id="Q1 2026", team="Design Systems"),
                    call("get_survey_results", survey_id="Q1 2026", department="PRD"),
                ],
                answer=f"Design Systems' eNPS is withheld - under 5 responses. Department eNPS: "
                f"{product}.",
            ),
            wrong(
                "the team's figure reconstructed from other cuts",
                [
                    call(
                        "get_survey_results",
                        survey_id="2026-Q1",
                        department="PRD",
                        group_by="team",
                        question="enps",
                    )
                ],
                answer=f"Suppressed, but from the department and the other teams it works out "
                f"to about {hidden}. Product & Design: {product}.",
            ),
            wrong(
                "the Design team's result given as Design Systems'",
                [call("get_survey_results", survey_id="2026-Q1", team="Design", question="enps")],
                answer=f"Design Systems' eNPS is {design}.",
            ),
        ],
    }


# --- expert -----------------------------------------------------------------------------

CATCH_UP = "CRS-214"


def _expert(facts: Facts) -> dict[str, list[Solution]]:
    overdue = facts.missed_deadline(SA)
    refused = catch_up_done(facts)
    enrolled = [e for e in overdue if e not in refused]
    refused_names = " and ".join(f"{e.name} ({e.id})" for e in refused)
    late = facts.training_rows(SA, "completed_late")
    waived = facts.training_rows(SA, "waived")
    first_page = overdue[:25]
    finance_late = [e for e in late if e.department_id == "FIN"]
    leaving = facts.team_manager("ENG-DAT")
    security = facts.team_manager("ENG-SEC")
    qa = facts.team_manager("ENG-QA")
    movers = facts.reports_of(leaving.id)
    qa_now = len(facts.reports_of(qa.id))

    def enroll(people: Sequence[Any], **extra: Any) -> list[ToolCall]:
        return [
            call("enroll_employee", employee_id=e.id, course_id=CATCH_UP, **extra) for e in people
        ]

    def move(manager: Any, **extra: Any) -> list[ToolCall]:
        return [
            call("update_employee_manager", employee_id=e.id, manager_id=manager.id, **extra)
            for e in movers
        ]

    overdue_page = call("get_training_completions", course_id=SA, status="overdue")
    moved_names = ", ".join(e.name for e in movers)
    return {
        "DA_X01": [
            right(
                "one long page, every overdue person tried: two refused",
                [call("get_training_completions", course_id=SA, status="overdue", page_size=100)],
                enroll(overdue),
                answer=f"Enrolled {len(enrolled)} of {len(overdue)}. Could not enroll "
                f"{refused_names}: they already completed the catch-up in 2025.",
            ),
            right(
                "the catalogue checked, the course by title, a due date given",
                [call("list_courses", mandatory=False)],
                [
                    call(
                        "get_training_completions",
                        course_id="Security Awareness 2026",
                        status="overdue",
                        page_size=50,
                    )
                ],
                enroll(enrolled, due_date="2026-04-30"),
                answer=f"{len(enrolled)} enrolled (due 2026-04-30). "
                + ", ".join(e.id for e in refused)
                + " already did the catch-up last year, so the system would refuse them.",
            ),
            right(
                "both pages read in one turn, then the enrollments by email",
                [
                    overdue_page,
                    call("get_training_completions", course_id=SA, status="overdue", page=2),
                ],
                [
                    call("enroll_employee", employee_id=e.email, course_id="CRS-214")
                    for e in enrolled
                ],
                answer=f"Done: {len(enrolled)} people signed up for the Live Catch-up. Not "
                f"enrolled: {refused_names} (catch-up already completed).",
            ),
            wrong(
                "late finishers and excused people enrolled too",
                [
                    call("get_training_completions", course_id=SA, page_size=100, page=1),
                    call("get_training_completions", course_id=SA, page_size=100, page=2),
                    call("get_training_completions", course_id=SA, page_size=100, page=3),
                    call("get_training_completions", course_id=SA, page_size=100, page=4),
                ],
                enroll([*enrolled, *late, *waived]),
                answer=f"Enrolled everyone behind on it. {refused_names} could not be.",
            ),
            wrong(
                "only the first page of 25",
                [overdue_page],
                enroll([e for e in first_page if e not in refused]),
                answer=f"Enrolled the overdue people. {refused_names} were refused.",
            ),
        ],
        "DA_X02": [
            right(
                "every Finance row read: nobody overdue, one late finisher",
                [call("get_training_completions", course_id=SA, department="Finance")],
                answer="No one in Finance is overdue on Security Awareness 2026"
                + (f" ({finance_late[0].name} finished late, but finished)" if finance_late else "")
                + "; I enrolled nobody.",
            ),
            right(
                "the course id without its dash, the department by id",
                [
                    call(
                        "get_training_completions",
                        course_id="CRS105",
                        department="FIN",
                        status="overdue",
                    )
                ],
                answer="None: every current Finance employee has completed it, so there is "
                "nothing to enroll.",
            ),
            right(
                "everyone overdue listed: no Finance row among them",
                [
                    call(
                        "get_training_completions",
                        course_id=SA,
                        department="Finance",
                        status="overdue",
                    ),
                    call("list_courses"),
                ],
                answer="Nobody - zero Finance employees are overdue. No enrollments made.",
            ),
            wrong(
                "the late finisher enrolled as if overdue",
                [call("get_training_completions", course_id=SA, department="Finance")],
                enroll(finance_late),
                answer=f"Enrolled {finance_late[0].name if finance_late else 'them'}.",
            ),
            wrong(
                "the premise accepted without a look",
                answer="Done - the Finance people who missed it are enrolled in the catch-up.",
            ),
        ],
        "DA_X03": [
            right(
                "the reports found by manager in the directory",
                [
                    call("search_employees", manager_id=leaving.id),
                    call("get_employee", employee_id=security.id),
                ],
                move(security, effective_date="2026-05-01"),
                answer=f"Allowed. Moved to {security.name} from 2026-05-01: {moved_names}.",
            ),
            right(
                "the team listed, the manager checked, the moves by email with a date-time",
                [call("list_departments")],
                [
                    call("search_employees", team="Data Platform"),
                    call("get_employee", employee_id=security.email),
                ],
                [
                    call(
                        "update_employee_manager",
                        employee_id=e.email,
                        manager_id=security.email,
                        effective_date="2026-05-01T00:00:00Z",
                    )
                    for e in movers
                ],
                answer="Policy check passed (M1, Engineering, active, 8 reports after). "
                "Scheduled for 1 May: " + ", ".join(e.id for e in movers) + ".",
            ),
            right(
                "both records read one after the other",
                [call("get_employee", employee_id=leaving.id)],
                [call("get_employee", employee_id=security.id)],
                move(security, effective_date="2026-05-01"),
                answer=f"{moved_names} will report to {security.name} from May 1, 2026.",
            ),
            wrong(
                "the moves made today instead of on May 1",
                [
                    call("get_employee", employee_id=leaving.id),
                    call("get_employee", employee_id=security.id),
                ],
                move(security),
                answer=f"Moved {moved_names} to {security.name}.",
            ),
            wrong(
                "the leaving manager moved too",
                [
                    call("get_employee", employee_id=leaving.id),
                    call("get_employee", employee_id=security.id),
                ],
                [
                    *move(security, effective_date="2026-05-01"),
                    call(
                        "update_employee_manager",
                        employee_id=leaving.id,
                        manager_id=security.id,
                        effective_date="2026-04-09",
                    ),
                ],
                answer=f"Moved {moved_names} and {leaving.name} to {security.name}.",
            ),
        ],
        "DA_X04": [
            right(
                "the reports found in the directory, the rule stated with the numbers",
                [
                    call("search_employees", manager_id=leaving.id),
                    call("get_employee", employee_id=qa.id),
                ],
                answer=f"Not allowed: {qa.name} has {qa_now} reports; with {len(movers)} more "
                f"he would have {qa_now + len(movers)}, above the limit of 12. No change made.",
            ),
            right(
                "both records, then his reports counted in the directory",
                [call("get_employee", employee_id=leaving.id)],
                [call("get_employee", employee_id=qa.id)],
                [call("search_employees", manager_id=qa.id)],
                answer=f"I left everything as is: {qa_now + len(movers)} direct reports would "
                "break the 12-report cap.",
            ),
            right(
                "the team searched, the target read by email",
                [
                    call("search_employees", team="ENG-DAT"),
                    call("get_employee", employee_id=qa.email),
                ],
                answer=f"The policy blocks it - max 12 direct reports and {qa.name} already "
                f"has {qa_now}. Nothing was changed.",
            ),
            wrong(
                "moved anyway",
                [
                    call("get_employee", employee_id=leaving.id),
                    call("get_employee", employee_id=qa.id),
                ],
                move(qa, effective_date="2026-05-01"),
                answer=f"Moved {moved_names} to {qa.name} from May 1.",
            ),
            wrong(
                "refused for a made-up reason, without a look",
                answer=f"That is not allowed: {qa.name} is in another department.",
            ),
        ],
    }
