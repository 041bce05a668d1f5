"""Easy tasks: one call, the values stated or plainly implied."""

from __future__ import annotations

import datetime as dt

from bench_core import Difficulty

from ._expect import (
    Solved,
    amount,
    call,
    day,
    department,
    employee,
    expect,
    fact,
    office,
    outcome,
    person,
    reference,
    tool_task,
    way,
)
from ._facts import Facts

EASY = Difficulty.EASY
MARCH_END = dt.date(2026, 3, 31)


def easy_tasks(facts: Facts) -> list[Solved]:
    """E01-E05."""
    return [_e01(facts), _e02(facts), _e03(facts), _e04(facts), _e05(facts)]


def _e01(facts: Facts) -> Solved:
    count = facts.headcount(MARCH_END, "ENG")
    task = tool_task(
        "DA_E01",
        EASY,
        "Engineering headcount at the end of March",
        [
            "eng headcount end of march?",
            "how many ppl in engineering on mar 31",
            "engineering headcount 31st march pls",
            "How many people did Engineering have at the end of March?",
            "What was the Engineering headcount on March 31st? Quick number is fine.",
            "Can you tell me how many people were in the Engineering department on 31 March "
            "2026, counting anyone on leave?",
            "Please give me the headcount of the Engineering department as of March 31, 2026 "
            "(everyone employed that day, people on leave included).",
            "I need Engineering's headcount on 2026-03-31 for the board deck: everyone employed "
            "in the department that day, including anyone on leave.",
            "For the Q1 board pack: the number of people employed in Engineering on 2026-03-31 "
            "(people on leave count). One number is all I need.",
            "Ticket: report the headcount of the Engineering department on 2026-03-31, counting "
            "everyone employed that day in the department they held then, people on leave "
            "included. Answer with the single number.",
        ],
        [
            expect(
                "get_headcount",
                as_of=day(MARCH_END),
                department=department(facts.fixtures, "ENG"),
            )
        ],
        # Every department's count on the day, read off the Engineering row, is as right.
        alternatives=(way(expect("get_headcount", as_of=day(MARCH_END), group_by=["department"])),),
        max_turns=3,
        outcome=outcome(facts=[fact("Engineering's headcount on 2026-03-31", count)]),
    )
    solution = reference(
        [call("get_headcount", as_of="2026-03-31", department="Engineering")],
        answer=f"Engineering had {count} people on 2026-03-31 (people on leave included).",
    )
    return task, solution


def _e02(facts: Facts) -> Solved:
    head = facts.head_of("CS")
    task = tool_task(
        "DA_E02",
        EASY,
        "Who heads Customer Success",
        [
            "who runs customer suport now",
            "head of cust support these days?",
            "who's the boss of customer success",
            "Who's in charge of Customer Success now?",
            "Who heads the Customer Success department today? It used to be Customer Support.",
            "Can you tell me who the current head of Customer Success is? I know it was renamed "
            "from Customer Support in the reorg.",
            "Please tell me the name and title of the current head of the Customer Success "
            "department (formerly Customer Support).",
            "I'm updating the org chart: who heads Customer Success (formerly Customer "
            "Support) as of today? Name and title, please.",
            "For the org chart refresh, give me the current head of the Customer Success "
            "department (renamed from Customer Support on 2025-07-01): full name, employee id "
            "and title.",
            "Ticket: identify the person who heads the Customer Success department today "
            "(2026-04-08; the department was called Customer Support before 2025-07-01). "
            "Return their full name, employee id and job title.",
        ],
        [expect("list_departments")],
        # The department's one M3 (its VP) found in the directory is as right.
        alternatives=(
            way(
                expect(
                    "search_employees",
                    optional=("level",),
                    department=department(facts.fixtures, "CS"),
                    level=[head.level],
                )
            ),
        ),
        max_turns=3,
        outcome=outcome(facts=[person("the head of Customer Success", head)]),
    )
    solution = reference(
        [call("list_departments")],
        answer=f"Customer Success is headed by {head.name} ({head.id}), {head.title}.",
    )
    return task, solution


def _e03(facts: Facts) -> Solved:
    band = facts.band("IC3", "BER")
    task = tool_task(
        "DA_E03",
        EASY,
        "The IC3 salary band in Berlin",
        [
            "ic3 band berlin? min/mid/max",
            "berln salary band for ic3 - min mid max",
            "whats the pay band for IC3 in berlin, min to max + mid",
            "What's the salary band for an IC3 in Berlin - minimum, midpoint and maximum?",
            "Can you pull the IC3 salary band for our Berlin office? Min, mid and max.",
            "I'm writing a Berlin job ad for an IC3 role. What are the band's minimum, "
            "midpoint and maximum?",
            "Please give me the FY2026 salary band for level IC3 in the Berlin office: "
            "minimum, midpoint and maximum, in the office's currency.",
            "For a Berlin offer at level IC3 I need this year's band: the minimum, midpoint and "
            "maximum annual base, in euros.",
            "Offer prep: state the FY2026 annual base salary band for level IC3 (Senior) in "
            "Berlin - minimum, midpoint and maximum - in EUR.",
            "Ticket: report the FY2026 salary band (annual base) for career level IC3 in the "
            "Berlin office: minimum, midpoint and maximum, in EUR, as three numbers with the "
            "currency named.",
        ],
        [
            expect(
                "get_salary_bands",
                optional=("level", "location"),
                level=["IC3"],
                location=office(facts.fixtures, "BER"),
            )
        ],
        max_turns=3,
        outcome=outcome(
            facts=[
                amount("the band minimum", band.minimum),
                amount("the band midpoint", band.midpoint),
                amount("the band maximum", band.maximum),
            ]
        ),
    )
    solution = reference(
        [call("get_salary_bands", level="IC3", location="BER")],
        answer=(
            f"FY2026 IC3 band in Berlin: minimum EUR {band.minimum:,}, midpoint EUR "
            f"{band.midpoint:,}, maximum EUR {band.maximum:,}."
        ),
    )
    return task, solution


def _e04(facts: Facts) -> Solved:
    latest = facts.fixtures.survey_by_id[facts.latest_survey()]
    rate = facts.survey_row(latest.id)
    task = tool_task(
        "DA_E04",
        EASY,
        "Response rate of the latest engagement survey",
        [
            "latest pulse survey response rate? + how many answered",
            "how many ppl answerd the last engagment survey + the rate",
            "response rate last survey, n responses too",
            "How many people answered the most recent engagement survey, and what was the "
            "response rate?",
            "How did participation look on our latest engagement pulse? Responses and the rate.",
            "Can you tell me how many people responded to the most recent quarterly engagement "
            "survey, and what response rate that is?",
            "Please give me the response count and response rate of the latest quarterly "
            "engagement survey.",
            "For the all-hands slide: how many responses did the most recent quarterly "
            "engagement survey get, out of how many invited, and the response rate?",
            "I need the participation of the 2026-Q1 engagement survey (the latest one): "
            "responses, people invited and the response rate in percent.",
            "Ticket: for the most recent quarterly engagement survey (2026-Q1), report the "
            "number of responses, the number of people invited and the response rate as a "
            "percentage with one decimal.",
        ],
        [expect("list_surveys")],
        max_turns=3,
        outcome=outcome(
            facts=[
                fact("the response rate", rate["response_rate_pct"], tolerance=0.05),
                fact("the number of responses", rate["responses"]),
            ]
        ),
    )
    solution = reference(
        [call("list_surveys")],
        answer=(
            f"The latest survey ({latest.id}) got {rate['responses']} responses out of "
            f"{rate['invited']} invited: a {rate['response_rate_pct']}% response rate."
        ),
    )
    return task, solution


def _e05(facts: Facts) -> Solved:
    (moved,) = facts.storied("transferred")
    manager = facts.employee(moved.manager_id or "")
    dept = facts.department(moved.department_id)
    task = tool_task(
        "DA_E05",
        EASY,
        "One person's department and manager",
        [
            f"{moved.id.lower()} - what dept + who's their mgr",
            f"{moved.id} dept n who they report to now",
            f"{moved.id} dept and manager?",
            f"Who's {moved.id}'s manager these days, and what department are they in?",
            f"Can you check employee {moved.id} for me: which department and who they report "
            "to right now?",
            f"I think {moved.id} moved teams recently. Which department are they in now and "
            "who's their manager?",
            f"Please look up employee {moved.id} and tell me their current department and "
            "their current manager's name.",
            f"Employee {moved.id} transferred this quarter. Tell me the department they are in "
            "today and the name of the person they report to.",
            f"For the transfer audit: employee {moved.id}'s current department and the full "
            "name of their current manager, as of today.",
            f"Ticket: for employee {moved.id}, report as of 2026-04-08 (a) the department they "
            "belong to and (b) the full name and employee id of their direct manager.",
        ],
        [expect("get_employee", employee_id=employee(moved))],
        max_turns=3,
        outcome=outcome(
            facts=[
                fact("the department", dept.name, dept.id),
                person("the manager", manager),
            ]
        ),
    )
    solution = reference(
        [call("get_employee", employee_id=moved.id)],
        answer=(
            f"{moved.name} ({moved.id}) is in {dept.name} and reports to {manager.name} "
            f"({manager.id})."
        ),
    )
    return task, solution
