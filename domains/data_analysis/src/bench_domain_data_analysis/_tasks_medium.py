"""Medium tasks: one or two calls with the optional parameters that matter (filters, groups),
relative dates against the reference date, names to ids."""

from __future__ import annotations

import datetime as dt

from bench_core import Difficulty

from ._expect import (
    Solved,
    call,
    course,
    day,
    department,
    expect,
    fact,
    office,
    outcome,
    person,
    reference,
    survey,
    tool_task,
    way,
)
from ._facts import SECURITY_AWARENESS_2026, Facts

MEDIUM = Difficulty.MEDIUM
Q1 = (dt.date(2026, 1, 1), dt.date(2026, 3, 31))
YEAR_START = dt.date(2026, 1, 1)
SECURITY_TITLE = "Security Awareness 2026"


def medium_tasks(facts: Facts) -> list[Solved]:
    """M01-M06."""
    return [_m01(facts), _m02(facts), _m03(facts), _m04(facts), _m05(facts), _m06(facts)]


def _m01(facts: Facts) -> Solved:
    start, end = Q1
    rows = facts.attrition_by_department(start, end)
    worst = max(rows, key=lambda d: rows[d]["annualized_rate_pct"])
    row = rows[worst]
    name = facts.department(worst).name
    task = tool_task(
        "DA_M01",
        MEDIUM,
        "Last quarter's annualised attrition by department",
        [
            "attrition by dept last qtr annualized - who's worst + how many left",
            "which dept had the worst attrition last quarter? annualised rate n # of leavers",
            "last q attrition per department, highest one (annualised), how many exits",
            "Which department had the worst annualised attrition last quarter, and how many "
            "people left it?",
            "Can you break down last quarter's attrition by department and tell me which one "
            "was highest, annualised, and how many left?",
            "I'd like last quarter's attrition by department. Which department had the highest "
            "annualised rate, and how many people left it?",
            "Please compute attrition by department for Q1 2026 and tell me which department "
            "had the highest annualised attrition rate, with its number of exits.",
            "For the people review: attrition by department for January to March 2026, all "
            "exit types. Name the department with the highest annualised rate, its rate and "
            "how many people left.",
            "Attrition by department for 2026-01-01 to 2026-03-31, voluntary and involuntary "
            "exits together: which department has the highest annualised rate? Give the rate "
            "in percent and the number of exits.",
            "Ticket: attrition by department over 2026-01-01..2026-03-31 (both days included, "
            "all exit types). Report the department with the highest annualised attrition "
            "rate, that rate as a percentage with two decimals, and its number of exits.",
        ],
        [
            expect(
                "get_attrition",
                optional=("exit_type",),
                start_date=day(start),
                end_date=day(end),
                group_by=["department"],
                exit_type=["all"],
            )
        ],
        max_turns=3,
        outcome=outcome(
            facts=[
                fact("the department", name, worst),
                fact("its annualised rate", row["annualized_rate_pct"], tolerance=0.05),
                fact("its exits", row["exits"]),
            ]
        ),
    )
    solution = reference(
        [
            call(
                "get_attrition",
                start_date=start.isoformat(),
                end_date=end.isoformat(),
                group_by="department",
            )
        ],
        answer=(
            f"{name} had the highest annualised attrition in Q1 2026: "
            f"{row['annualized_rate_pct']}% ({row['exits']} exits, all voluntary)."
        ),
    )
    return task, solution


def _m02(facts: Facts) -> Solved:
    fixtures = facts.fixtures
    (row,) = facts.api("get_compensation_stats", department="ENG", level="IC3")["groups"]
    eng = department(fixtures, "ENG")
    by_level = expect("get_compensation_stats", optional=("currency",), department=eng,
                      group_by=["level"], currency=["USD"])  # fmt: skip
    by_department = expect("get_compensation_stats", optional=("currency",), level=["IC3"],
                           group_by=["department"], currency=["USD"])  # fmt: skip
    task = tool_task(
        "DA_M02",
        MEDIUM,
        "What IC3 engineers are paid",
        [
            "ic3 eng pay median + quartiles usd",
            "what do senior engineers (IC3) make, median + quartiles?",
            "eng IC3 salary p25/median/p75 pls",
            "What's the median pay for IC3 engineers, and the quartiles?",
            "Can you get me the pay spread for IC3s in Engineering? Median and the quartiles, "
            "in dollars.",
            "I'm benchmarking an offer. What do our IC3 engineers earn in base salary: 25th "
            "percentile, median and 75th percentile, in USD?",
            "Please give me the annual base salary statistics for level IC3 in the Engineering "
            "department: the 25th percentile, the median and the 75th percentile, in USD.",
            "For offer calibration: annual base pay of current IC3 employees in Engineering, "
            "all offices together, converted to USD - give the quartiles and the median.",
            "Pay benchmark request: current employees at level IC3 in Engineering, all offices, "
            "annual base salary in USD at the planning rates. I need P25, median and P75.",
            "Ticket: report the annual base salary distribution of current Engineering "
            "employees at level IC3 (all offices, USD at the FY2026 planning rates): 25th "
            "percentile, median and 75th percentile, as whole dollars.",
        ],
        [
            expect(
                "get_compensation_stats",
                optional=("currency",),
                department=eng,
                level=["IC3"],
                currency=["USD"],
            )
        ],
        alternatives=(way(by_level), way(by_department)),
        max_turns=3,
        outcome=outcome(
            facts=[
                fact("the 25th percentile", row["p25"], tolerance=1),
                fact("the median", row["median"], tolerance=1),
                fact("the 75th percentile", row["p75"], tolerance=1),
            ]
        ),
    )
    solution = reference(
        [call("get_compensation_stats", department="Engineering", level="IC3")],
        answer=(
            f"IC3 in Engineering ({row['employees']} people), annual base in USD: P25 "
            f"${row['p25']:,}, median ${row['median']:,}, P75 ${row['p75']:,}."
        ),
    )
    return task, solution


def _m03(facts: Facts) -> Solved:
    latest = facts.latest_survey()
    result = facts.api(
        "get_survey_results", survey_id=latest, question="workload", group_by="location"
    )
    rows = {g["group"]: g["results"]["workload"] for g in result["groups"]}
    worst = min(rows, key=lambda k: rows[k]["favorable_pct"])
    city = facts.fixtures.location_by_id[worst].city
    task = tool_task(
        "DA_M03",
        MEDIUM,
        "The office least happy with its workload",
        [
            "workload q by office last survey - lowest + its favourable %?",
            "which offce is worst on workload in the latest pulse, what % favourable",
            "workload favourable % by location, latest survey, who's lowest",
            "Which office had the lowest favourable share on workload in the latest engagement "
            "survey, and what was it?",
            "In last quarter's pulse survey, which office had the lowest favourable score on "
            "the workload question, and how low?",
            "Can you compare offices on the workload question from the most recent engagement "
            "survey and tell me which one is lowest, with its favourable share?",
            "Please break down the workload question of the 2026-Q1 engagement survey by "
            "office and tell me which office has the lowest favourable percentage, and what it "
            "is.",
            "For the wellbeing review: in the 2026-Q1 survey, which office had the lowest share "
            "of favourable answers (4 or 5) to 'My workload is sustainable', and what share?",
            "Using the 2026-Q1 engagement survey, split the workload question by office and "
            "report the office with the lowest favourable percentage, with that percentage.",
            "Ticket: for the 2026-Q1 engagement survey, question 'My workload is sustainable', "
            "grouped by the respondent's office: report the office with the lowest favourable "
            "share (answers 4-5) and that share in percent, one decimal.",
        ],
        [
            expect(
                "get_survey_results",
                optional=("question",),
                survey_id=survey(latest),
                question=["workload"],
                group_by=["location"],
            )
        ],
        max_turns=3,
        outcome=outcome(
            facts=[
                fact("the office", city, worst),
                fact("its favourable share", rows[worst]["favorable_pct"], tolerance=0.05),
            ]
        ),
    )
    solution = reference(
        [call("get_survey_results", survey_id=latest, question="workload", group_by="location")],
        answer=(
            f"{city} is lowest on workload in {latest}: {rows[worst]['favorable_pct']}% favourable."
        ),
    )
    return task, solution


def _m04(facts: Facts) -> Solved:
    overdue = [e for e in facts.missed_deadline(SECURITY_AWARENESS_2026)
               if e.department_id == "MKT"]  # fmt: skip
    task = tool_task(
        "DA_M04",
        MEDIUM,
        "Who in Marketing is overdue on Security Awareness",
        [
            "marketing ppl overdue on security awarness?",
            "who in mktg hasnt done the security training yet, past deadline",
            "security awareness 2026 overdue - marketing only",
            "Who in Marketing is overdue on Security Awareness 2026?",
            "Can you list the Marketing people who still haven't finished Security Awareness "
            "2026 and are past the deadline?",
            "Which Marketing employees are overdue on the Security Awareness 2026 course? I "
            "want to nudge them.",
            "Please list the people in the Marketing department who are overdue on the "
            "mandatory Security Awareness 2026 course (not completed, deadline passed).",
            "I need the names of everyone in Marketing whose Security Awareness 2026 training "
            "is overdue today - not finished and past their due date.",
            "Compliance follow-up: current Marketing employees whose Security Awareness 2026 "
            "enrollment is overdue (not completed, due date passed). Names and employee ids.",
            "Ticket: list every current employee of the Marketing department whose mandatory "
            "Security Awareness 2026 course is overdue as of 2026-04-08 (not completed, due "
            "date passed). Return full names with employee ids.",
        ],
        [
            expect(
                "get_training_completions",
                optional=("status",),
                course_id=course(SECURITY_AWARENESS_2026, SECURITY_TITLE),
                department=department(facts.fixtures, "MKT"),
                status=["overdue"],
            )
        ],
        # Everyone overdue, with Marketing's rows picked out of the list, is as right.
        alternatives=(
            way(
                expect(
                    "get_training_completions",
                    course_id=course(SECURITY_AWARENESS_2026, SECURITY_TITLE),
                    status=["overdue"],
                )
            ),
        ),
        max_turns=4,
        outcome=outcome(facts=[person(f"{e.name} is overdue", e) for e in overdue]),
    )
    names = ", ".join(f"{e.name} ({e.id})" for e in overdue)
    solution = reference(
        [
            call(
                "get_training_completions",
                course_id=SECURITY_AWARENESS_2026,
                department="MKT",
                status="overdue",
            )
        ],
        answer=f"{len(overdue)} Marketing people are overdue on Security Awareness 2026: {names}.",
    )
    return task, solution


def _m05(facts: Facts) -> Solved:
    result = facts.api("search_employees", location="BER", hired_after="2026-01-01")
    hires = [facts.employee(r["id"]) for r in result["employees"]]
    assert result["next_page"] is None
    task = tool_task(
        "DA_M05",
        MEDIUM,
        "This year's new hires in Berlin",
        [
            "berlin new joiners this yr? how many + who",
            "who started in berln since jan, and how many",
            "new hires berlin ytd - count + names",
            "How many people have joined the Berlin office since the start of the year, and "
            "who are they?",
            "Can you list everyone who started in Berlin this year, with a count? Names are "
            "enough.",
            "I'm planning a welcome lunch in Berlin. Who joined the Berlin office since "
            "January 1st, and how many is that?",
            "Please list the current employees of the Berlin office hired on or after "
            "January 1, 2026, with the total count.",
            "For the Berlin onboarding cohort: every current Berlin employee whose hire date is "
            "in 2026 so far. Give the count and the names.",
            "Berlin office, current employees with a hire date from 2026-01-01 up to today: "
            "how many are there, and who are they (name and start date)?",
            "Ticket: list the current employees based in the Berlin office whose latest hire "
            "date falls between 2026-01-01 and 2026-04-08 inclusive. Report the count, then "
            "each person's full name and hire date.",
        ],
        [
            expect(
                "search_employees",
                location=office(facts.fixtures, "BER"),
                hired_after=day(YEAR_START),
            )
        ],
        max_turns=3,
        outcome=outcome(
            facts=[
                fact("the number of hires", len(hires)),
                *(person(f"{e.name} was hired", e) for e in hires),
            ]
        ),
    )
    names = ", ".join(f"{e.name} ({e.hire_date})" for e in hires)
    solution = reference(
        [call("search_employees", location="Berlin", hired_after="2026-01-01")],
        answer=f"{len(hires)} people joined Berlin in 2026: {names}.",
    )
    return task, solution


def _m06(facts: Facts) -> Solved:
    result = facts.api("list_projects", status="active", department="ENG")
    projects = result["projects"]
    fte = round(sum(p["allocated_fte"] for p in projects), 2)
    task = tool_task(
        "DA_M06",
        MEDIUM,
        "Engineering's active projects and their staffing",
        [
            "eng active projects + total fte",
            "what projects is engineering running rn, how many fte",
            "active eng projcts and fte total",
            "What active projects does Engineering own, and how many FTE are on them?",
            "Can you list Engineering's active projects and add up the FTE allocated to them?",
            "Which projects owned by Engineering are active right now, and what's the total "
            "FTE allocated across them today?",
            "Please list the active projects owned by the Engineering department and give the "
            "total FTE allocated to them as of today.",
            "For capacity planning: every project with status active owned by Engineering, "
            "with the FTE allocated to each today, and the total across them.",
            "Capacity review: list the active projects whose owning department is Engineering, "
            "each with its allocated FTE today, and the sum of those FTE.",
            "Ticket: as of 2026-04-08, list the projects owned by the Engineering department "
            "whose status is active, each with its allocated FTE (sum of allocation percentages "
            "/ 100), and report the total FTE across them to two decimals.",
        ],
        [
            expect(
                "list_projects",
                optional=("status", "department"),
                status=["active"],
                department=department(facts.fixtures, "ENG"),
            )
        ],
        max_turns=3,
        outcome=outcome(
            facts=[
                *(fact(p["name"], p["name"], p["id"]) for p in projects),
                fact("the total FTE", fte, tolerance=0.01),
            ]
        ),
    )
    lines = ", ".join(f"{p['id']} {p['name']} ({p['allocated_fte']} FTE)" for p in projects)
    solution = reference(
        [call("list_projects", status="active", department="Engineering")],
        answer=f"Engineering's active projects: {lines}. Total: {fte} FTE.",
    )
    return task, solution
