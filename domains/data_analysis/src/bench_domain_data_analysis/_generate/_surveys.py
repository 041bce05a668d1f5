"""The quarterly engagement surveys: anonymous responses whose scores follow what happened.

A respondent's latent engagement is their own disposition plus their department's climate,
plus the events of the quarter: the Customer Support reorg (2025-Q3), the new Sales
commission plan (2026-Q1), Mobile's change of manager (2025-10-01), and a dip before people
resign. Likert answers and the eNPS score are drawn around it.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from .._clock import quarter_bounds
from ._people import Person
from ._world import TODAY

QUARTERS = (
    "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1",
)  # fmt: skip
QUESTIONS = (
    ("pride", "I am proud to work for Fernhill."),
    ("manager", "My manager gives me regular, useful feedback."),
    ("growth", "I see a path for my career to grow here."),
    ("workload", "My workload is sustainable."),
    ("alignment", "I understand how my work contributes to our goals."),
    ("intent", "I expect to still be working here a year from now."),
)
ENPS_TEXT = "How likely are you to recommend Fernhill as a place to work? (0-10)"
ITEM_OFFSET = {"pride": 0.15, "manager": 0.1, "growth": -0.25, "workload": -0.3,
               "alignment": 0.2, "intent": 0.0}  # fmt: skip
CLIMATE = {"ENG": 0.15, "PRD": 0.1, "SAL": 0.0, "CS": -0.05, "MKT": 0.05, "FIN": 0.05,
           "PPL": 0.2, "OPS": 0.1}  # fmt: skip
RESPONSE_RATE = {"ENG": 0.82, "PRD": 0.86, "SAL": 0.72, "CS": 0.78, "MKT": 0.84, "FIN": 0.9,
                 "PPL": 0.95, "OPS": 0.85}  # fmt: skip
EVENTS = {  # (department, quarter): shift of engagement
    ("CS", "2025-Q2"): -0.1,
    ("CS", "2025-Q3"): -0.75,
    ("CS", "2025-Q4"): -0.35,
    ("CS", "2026-Q1"): -0.1,
    ("SAL", "2026-Q1"): -0.75,
}
MOBILE_NEW_MANAGER = dt.date(2025, 10, 1)

COMMENTS: dict[tuple[str, str], tuple[str, ...]] = {
    ("manager", "negative"): (
        "I rarely get feedback from my manager; 1:1s get cancelled most weeks.",
        "I don't know where I stand. Feedback only comes at review time.",
        "My manager is stretched too thin to help with anything beyond status updates.",
    ),
    ("manager", "positive"): (
        "My manager makes time for me every week and the feedback is specific.",
        "Great support from my lead, especially when things got busy.",
    ),
    ("growth", "negative"): (
        "The promotion criteria are unclear and nobody seems to get promoted.",
        "I'd like more chances to learn new skills; training budget is hard to use.",
        "Not sure what the next step in my career here looks like.",
    ),
    ("growth", "positive"): (
        "I've learned more in the last year than in my previous job. Lots of room to grow.",
        "The mentoring program has been really valuable.",
    ),
    ("workload", "negative"): (
        "Too many priorities at once; we keep adding work and never stop anything.",
        "The on-call load and constant context switching are wearing me out.",
        "We are understaffed and it shows: evenings and weekends are becoming normal.",
    ),
    ("workload", "positive"): ("Workload is demanding but fair, and we can push back.",),
    ("alignment", "negative"): (
        "Strategy changes every quarter; hard to see how my work matters.",
        "Would love more context from leadership on why decisions are made.",
    ),
    ("alignment", "positive"): ("The all-hands and OKR reviews make the goals very clear.",),
    ("pride", "negative"): ("Customers have been unhappy lately and it's hard to stay motivated.",),
    ("pride", "positive"): (
        "Proud of what we ship. The product really helps our customers.",
        "Great colleagues, good culture, flexible hours.",
    ),
    ("intent", "negative"): (
        "Honestly looking around. Pay has fallen behind the market.",
        "Compensation is below what similar companies offer for this role.",
    ),
    ("intent", "positive"): ("I can see myself here for a long time.",),
    ("commission", "negative"): (
        "The new commission plan cut my take-home pay; quotas went up 30% with no warning.",
        "Accelerators were removed in the new comp plan. Several of us are interviewing.",
        "Nobody asked the field before changing the commission plan.",
    ),
    ("reorg", "negative"): (
        "The reorg was announced with no explanation; we lost two good colleagues.",
        "Since the restructure nobody knows who owns escalations.",
        "New team structure, new manager, same ticket volume. Morale is low.",
    ),
}


def survey_records() -> list[dict[str, Any]]:
    """The eight quarterly surveys: when they ran and what they asked."""
    records = []
    for quarter in QUARTERS:
        _first, last = quarter_bounds(quarter)
        opened, closed = _window(last)
        records.append(
            {
                "id": f"SRV-{quarter}",
                "title": f"Quarterly engagement pulse {quarter}",
                "quarter": quarter,
                "open_date": opened.isoformat(),
                "close_date": closed.isoformat(),
                "questions": [
                    {"id": qid, "text": text, "scale": "likert_5"} for qid, text in QUESTIONS
                ]
                + [{"id": "enps", "text": ENPS_TEXT, "scale": "nps_0_10"}],
            }
        )
    return records


def _window(quarter_end: dt.date) -> tuple[dt.date, dt.date]:
    # Opens on the second Monday of the quarter's last month, closes eleven days later (Friday).
    first = quarter_end.replace(day=1)
    monday = first + dt.timedelta(days=(7 - first.weekday()) % 7 + 7)
    return monday, monday + dt.timedelta(days=11)


def _tenure(person: Person, day: dt.date) -> str:
    start = max(s.start for s in person.stints if s.start <= day)
    years = (day - start).days / 365.25
    return "<1y" if years < 1 else "1-3y" if years < 3 else "3-5y" if years < 5 else "5y+"


def _on_leave(person: Person, day: dt.date) -> bool:
    leave = person.leave
    return leave is not None and leave["start_date"] <= day.isoformat() < leave["expected_return"]


def response_records(
    rng: random.Random, people: list[Person], surveys: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Every response of every survey, without the respondent's identity."""
    disposition = {p.key: rng.gauss(0, 0.35) for p in people}
    rows: list[dict[str, Any]] = []
    for survey in surveys:
        day = dt.date.fromisoformat(survey["open_date"])
        quarter = survey["quarter"]
        for p in people:
            if not p.employed(day) or _on_leave(p, day) or day > TODAY:
                continue
            department, team = p.department_on(day), p.team_on(day)
            rate = RESPONSE_RATE[department] - (0.08 if (department, quarter) in EVENTS else 0)
            if rng.random() > rate:
                continue
            shift = CLIMATE[department] + EVENTS.get((department, quarter), 0.0)
            manager_shift = 0.0
            if team == "ENG-MOB":
                before = day < MOBILE_NEW_MANAGER
                shift += -0.35 if before else 0.25
                manager_shift = -1.1 if before else 0.4
            stint = next(s for s in p.stints if s.start <= day and (s.end is None or day <= s.end))
            if stint.exit_type == "voluntary" and stint.end and (stint.end - day).days < 180:
                shift -= 0.45  # people who are about to resign are already disengaged
            engagement = disposition[p.key] + shift + rng.gauss(0, 0.3)
            scores = []
            for qid, _text in QUESTIONS:
                extra = manager_shift if qid == "manager" else 0.0
                value = 3.75 + engagement + ITEM_OFFSET[qid] + extra + rng.gauss(0, 0.55)
                scores.append(min(5, max(1, round(value))))
            enps = min(10, max(0, round(7.9 + 2.3 * engagement + rng.gauss(0, 1.0))))
            theme, comment = _comment(rng, department, quarter, scores)
            rows.append(
                {
                    "survey_id": survey["id"],
                    "department_id": department,
                    "team_id": team,
                    "location_id": p.office,
                    "level": p.level_on(day),
                    "tenure": _tenure(p, day),
                    "scores": scores,
                    "enps": enps,
                    "theme": theme,
                    "comment": comment,
                }
            )
    return rows


def _comment(
    rng: random.Random, department: str, quarter: str, scores: list[int]
) -> tuple[str | None, str | None]:
    if rng.random() > 0.3:
        return None, None
    mean = sum(scores) / len(scores)
    if (department, quarter) == ("SAL", "2026-Q1") and mean < 3.6 and rng.random() < 0.7:
        return "commission", rng.choice(COMMENTS[("commission", "negative")])
    if (department, quarter) == ("CS", "2025-Q3") and mean < 3.6 and rng.random() < 0.7:
        return "reorg", rng.choice(COMMENTS[("reorg", "negative")])
    if mean >= 3.6:
        best = max(range(len(scores)), key=lambda i: (scores[i], -i))
        theme, sentiment = QUESTIONS[best][0], "positive"
    else:
        worst = min(range(len(scores)), key=lambda i: (scores[i], i))
        theme, sentiment = QUESTIONS[worst][0], "negative"
    return theme, rng.choice(COMMENTS[(theme, sentiment)])
