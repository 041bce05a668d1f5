"""Expert tasks: an action for each item of a long, paged result; the manager-change policy
deciding whether to act; and their twins, where the condition is false and the right answer
is to change nothing and say why."""

from __future__ import annotations

import datetime as dt

from bench_core import Difficulty, ExpectedCall

from ._expect import (
    Solved,
    call,
    course,
    day,
    department,
    employee,
    expect,
    fact,
    outcome,
    person,
    reference,
    text,
    tool_task,
    way,
    wrote,
)
from ._facts import CATCH_UP_COURSE, SECURITY_AWARENESS_2026, Facts
from ._fixtures import Employee
from ._policy import MAX_DIRECT_REPORTS
from ._tasks_medium import SECURITY_TITLE

EXPERT = Difficulty.EXPERT
CATCH_UP_TITLE = "Security Awareness Live Catch-up"
MOVE_DAY = dt.date(2026, 5, 1)  # the day after Data Platform's manager leaves
NOBODY = (
    "nobody", "no one", "no-one", "none", "zero", "0", "everyone", "no finance",
    "not overdue", "no employees", "no people",
)  # fmt: skip


def expert_tasks(facts: Facts) -> list[Solved]:
    """X01-X04."""
    return [_x01(facts), _x02(facts), _x03(facts), _x04(facts)]


def catch_up_done(facts: Facts) -> list[Employee]:
    """Overdue people who already completed the catch-up course (the API refuses them)."""
    done = {
        e.employee_id
        for e in facts.fixtures.enrollments
        if e.course_id == CATCH_UP_COURSE and e.completed_at is not None
    }
    return [e for e in facts.missed_deadline(SECURITY_AWARENESS_2026) if e.id in done]


def _x01(facts: Facts) -> Solved:
    overdue = facts.missed_deadline(SECURITY_AWARENESS_2026)
    refused = catch_up_done(facts)
    enrolled = [e for e in overdue if e not in refused]
    catch_up = course(CATCH_UP_COURSE, CATCH_UP_TITLE)
    listing = expect(
        "get_training_completions",
        "overdue",
        optional=("status",),
        course_id=course(SECURITY_AWARENESS_2026, SECURITY_TITLE),
        status=["overdue"],
    )
    enrolls = [
        expect("enroll_employee", f"enroll_{e.id}", employee_id=employee(e), course_id=catch_up)
        for e in enrolled
    ]
    attempts = [
        expect(
            "enroll_employee",
            f"refused_{e.id}",
            fails=True,
            employee_id=employee(e),
            course_id=catch_up,
        )
        for e in refused
    ]
    order = [("overdue", c.id or "") for c in enrolls]
    tried = [("overdue", c.id or "") for c in attempts]
    task = tool_task(
        "DA_X01",
        EXPERT,
        "Enroll everyone overdue on Security Awareness in the catch-up session",
        [
            "put everyone overdue on security awarenes 2026 into the live catchup, say who "
            "didnt work",
            "sec awareness 2026 - whoever missed it, enroll in the catch-up session. tell me "
            "who u couldnt",
            "enroll all the overdue security awareness ppl in catch-up pls + anyone u couldnt",
            "Enroll everyone who's overdue on Security Awareness 2026 in the live catch-up "
            "session, and tell me if anyone couldn't be enrolled.",
            "Security Awareness 2026 was due at the end of March. Please sign up everyone "
            "who's still overdue for the Security Awareness Live Catch-up, and flag anyone you "
            "couldn't sign up.",
            "Can you find everyone overdue on Security Awareness 2026 and enroll each of them "
            "in the Security Awareness Live Catch-up? Tell me who you enrolled and anyone who "
            "couldn't be.",
            "Please enroll every current employee who is overdue on Security Awareness 2026 in "
            "the Security Awareness Live Catch-up course, then report how many you enrolled "
            "and name anyone who could not be enrolled, with the reason.",
            "Compliance clean-up: every current employee overdue on Security Awareness 2026 "
            "(not completed, deadline passed) goes into the Security Awareness Live Catch-up. "
            "Report the number enrolled and anyone who could not be, and why.",
            "Take every current employee whose Security Awareness 2026 (CRS-105) enrollment is "
            "overdue and enroll them in the Security Awareness Live Catch-up (CRS-214). Leave "
            "people who completed late or were excused alone. Report who could not be enrolled "
            "and why.",
            "Ticket: enroll each current employee who is overdue on the mandatory course "
            "CRS-105 (Security Awareness 2026) as of 2026-04-08 - not completed, due date "
            "passed; late completions and waivers excluded - in course CRS-214 (Security "
            "Awareness Live Catch-up), no due date needed. Report the number enrolled and, by "
            "name and employee id, anyone the system would not enroll, with the reason.",
        ],
        [listing, *enrolls],
        order=tuple(order),
        alternatives=(way(listing, *enrolls, *attempts, order=[*order, *tried]),),
        max_turns=8,
        outcome=outcome(
            writes=[wrote("enroll_employee", e.id, course_id=[CATCH_UP_COURSE]) for e in enrolled],
            facts=[person(f"{e.name} could not be enrolled", e) for e in refused],
        ),
    )
    names = ", ".join(f"{e.name} ({e.id})" for e in refused)
    solution = reference(
        [call("get_training_completions", course_id=SECURITY_AWARENESS_2026, status="overdue")],
        [
            call(
                "get_training_completions",
                course_id=SECURITY_AWARENESS_2026,
                status="overdue",
                page=2,
            )
        ],
        [call("enroll_employee", employee_id=e.id, course_id=CATCH_UP_COURSE) for e in enrolled],
        answer=(
            f"{len(overdue)} current employees are overdue on Security Awareness 2026. I "
            f"enrolled {len(enrolled)} of them in the Security Awareness Live Catch-up "
            f"({CATCH_UP_COURSE}). Not enrolled: {names} - they already completed the catch-up "
            "session last year, so the system refuses a second enrollment; they need another "
            "way to finish this year's course."
        ),
    )
    return task, solution


def _x02(facts: Facts) -> Solved:
    finance = [e for e in facts.missed_deadline(SECURITY_AWARENESS_2026)
               if e.department_id == "FIN"]  # fmt: skip
    assert finance == []
    task = tool_task(
        "DA_X02",
        EXPERT,
        "Enroll Finance's overdue people in the catch-up (there are none)",
        [
            "enroll the finance ppl who missed security awarness in the catchup",
            "finance folks who blew the sec awareness deadline -> live catch-up pls",
            "put finance's overdue security awareness people in the catch up session",
            "Enroll the Finance people who missed Security Awareness 2026 in the live catch-up.",
            "A few people in Finance missed the Security Awareness 2026 deadline. Can you "
            "enroll them in the Security Awareness Live Catch-up?",
            "I hear some of Finance missed the Security Awareness 2026 deadline. Please sign "
            "the overdue ones up for the live catch-up session and tell me who.",
            "Please enroll the Finance employees who are overdue on Security Awareness 2026 in "
            "the Security Awareness Live Catch-up, and tell me who you enrolled.",
            "Finance apparently has people overdue on Security Awareness 2026. Enroll each "
            "overdue Finance employee in the Security Awareness Live Catch-up and list them.",
            "Enroll every Finance employee whose Security Awareness 2026 enrollment is overdue "
            "(not completed, deadline passed) in the Security Awareness Live Catch-up course, "
            "and report who was enrolled. If nobody is overdue, enroll no one and say so.",
            "Ticket: for the Finance department, find current employees overdue on the "
            "mandatory course Security Awareness 2026 as of 2026-04-08 (not completed, due date "
            "passed; late completions do not count) and enroll each in the Security Awareness "
            "Live Catch-up. Report the people enrolled, or that there were none.",
        ],
        [
            expect(
                "get_training_completions",
                optional=("status",),
                course_id=course(SECURITY_AWARENESS_2026, SECURITY_TITLE),
                department=department(facts.fixtures, "FIN"),
                status=["overdue"],
            )
        ],
        forbidden=("enroll_employee",),
        max_turns=5,
        outcome=outcome(facts=[fact("that nobody in Finance is overdue", *NOBODY)]),
    )
    solution = reference(
        [call("list_courses", mandatory=True)],
        [
            call(
                "get_training_completions",
                course_id=SECURITY_AWARENESS_2026,
                department="Finance",
                status="overdue",
            )
        ],
        answer=(
            "Nobody in Finance is overdue on Security Awareness 2026: every current Finance "
            "employee has completed it, so I enrolled no one in the catch-up session."
        ),
    )
    return task, solution


def _move_reads(facts: Facts, leaving: Employee, target: Employee) -> list[list[ExpectedCall]]:
    """The ways to read whose reports move (and the target's record): each way's lookups."""
    check = expect("get_employee", "target", employee_id=employee(target))
    team_id = leaving.team_id or ""
    team = facts.fixtures.team_by_id[team_id][0]
    return [
        [expect("get_employee", "reports", employee_id=employee(leaving)), check],
        [expect("search_employees", "reports", manager_id=employee(leaving)), check],
        [expect("search_employees", "reports", team=text(team.id, team.name)), check],
    ]


_MOVE_PROMPTS = [
    "{leaving_first} ({team}) leaves apr 30 - move her 5 reports to {target_first} from may 1 "
    "if thats allowed",
    "data platform reports -> {target} from 1 may, {leaving_first} is leaving. ok per policy?",
    "can {target_first} take over {leaving_first}'s team (data platform) from may 1st? if "
    "allowed do it",
    "{leaving} is leaving on April 30. Move her direct reports to {target} from May 1, if the "
    "policy allows it.",
    "{leaving}, who manages {team}, leaves at the end of April. If our manager-change rules "
    "allow it, have her reports report to {target} starting May 1.",
    "When {leaving} leaves on April 30, her {team} reports need a new manager. Move them to "
    "{target} effective May 1 - but only if that's allowed under our policy.",
    "Please move all of {leaving}'s direct reports ({team} team) to {target} with effect from "
    "May 1, 2026, provided the manager-change policy allows it; otherwise change nothing and "
    "tell me why.",
    "{leaving} ({team} manager) leaves on 2026-04-30. If the manager-change policy permits, "
    "reassign each of her direct reports to {target} effective 2026-05-01. If it does not, "
    "make no changes and explain which rule fails.",
    "Reassign every current direct report of {leaving} ({leaving_id}) to {target} "
    "({target_id}), effective 2026-05-01, if and only if the manager-change policy allows it. "
    "Report who was moved, or the rule that blocks the move.",
    "Ticket: {leaving} ({leaving_id}, {team}) leaves on 2026-04-30. Check the manager-change "
    "policy for moving all her current direct reports to {target} ({target_id}). If every "
    "condition holds, schedule the change for each report effective 2026-05-01 and list them; "
    "if any fails, change nothing and state the failing condition with the numbers.",
]


def _move_prompts(leaving: Employee, target: Employee, team: str) -> list[str]:
    return [
        p.format(
            leaving=leaving.name,
            leaving_first=leaving.first_name.lower(),
            leaving_id=leaving.id,
            target=target.name,
            target_first=target.first_name.lower(),
            target_id=target.id,
            team=team,
        )
        for p in _MOVE_PROMPTS
    ]


def _x03(facts: Facts) -> Solved:
    leaving = facts.team_manager("ENG-DAT")
    target = facts.team_manager("ENG-SEC")
    assert facts.move_problems(leaving.id, target.id) == []
    movers = facts.reports_of(leaving.id)
    after = len(facts.reports_of(target.id)) + len(movers)
    moves = [
        expect(
            "update_employee_manager",
            f"move_{e.id}",
            employee_id=employee(e),
            manager_id=employee(target),
            effective_date=day(MOVE_DAY),
        )
        for e in movers
    ]
    ways = [
        way(*reads, *moves, order=[(r.id or "", m.id or "") for r in reads for m in moves])
        for reads in _move_reads(facts, leaving, target)
    ]
    task = tool_task(
        "DA_X03",
        EXPERT,
        "Move a leaving manager's team where the policy allows it",
        _move_prompts(leaving, target, "Data Platform"),
        list(ways[0].expected),
        order=ways[0].order,
        alternatives=tuple(ways[1:]),
        max_turns=6,
        outcome=outcome(
            writes=[
                wrote(
                    "update_employee_manager",
                    e.id,
                    manager_id=[target.id],
                    effective_date=[MOVE_DAY.isoformat()],
                )
                for e in movers
            ],
            facts=[
                fact(
                    "the move reported (the new manager or the people moved)",
                    target.name,
                    target.id,
                    *(e.name for e in movers),
                    *(e.id for e in movers),
                )
            ],
        ),
    )
    names = ", ".join(f"{e.name} ({e.id})" for e in movers)
    solution = reference(
        [
            call("get_employee", employee_id=leaving.id),
            call("get_employee", employee_id=target.id),
        ],
        [
            call(
                "update_employee_manager",
                employee_id=e.id,
                manager_id=target.id,
                effective_date=MOVE_DAY.isoformat(),
            )
            for e in movers
        ],
        answer=(
            f"The policy allows it: {target.name} is an {target.level} manager in the same "
            f"department, at work, and will have {after} direct reports (at most "
            f"{MAX_DIRECT_REPORTS}). I scheduled {len(movers)} moves to {target.name} "
            f"effective {MOVE_DAY.isoformat()}: {names}."
        ),
    )
    return task, solution


def _x04(facts: Facts) -> Solved:
    leaving = facts.team_manager("ENG-DAT")
    target = facts.team_manager("ENG-QA")
    movers = facts.reports_of(leaving.id)
    now = len(facts.reports_of(target.id))
    after = now + len(movers)
    assert after > MAX_DIRECT_REPORTS
    assert len(facts.move_problems(leaving.id, target.id)) == 1
    first, *others = _move_reads(facts, leaving, target)
    task = tool_task(
        "DA_X04",
        EXPERT,
        "Move a leaving manager's team where the policy forbids it",
        _move_prompts(leaving, target, "Data Platform"),
        first,
        alternatives=tuple(way(*reads) for reads in others),
        forbidden=("update_employee_manager",),
        max_turns=6,
        outcome=outcome(
            facts=[
                fact(
                    "the report limit that blocks the move",
                    MAX_DIRECT_REPORTS,
                    after,
                    now,
                    "limit",
                    "cap",
                    "maximum",
                )
            ]
        ),
    )
    solution = reference(
        [
            call("get_employee", employee_id=leaving.id),
            call("get_employee", employee_id=target.id),
        ],
        answer=(
            f"I made no change. The policy caps a manager at {MAX_DIRECT_REPORTS} direct "
            f"reports: {target.name} already has {now}, and taking {leaving.name}'s "
            f"{len(movers)} reports would make {after}. Another manager in Engineering (or "
            "splitting the team) is needed."
        ),
    )
    return task, solution
