"""The learning system: twenty courses, the mandatory ones assigned with deadlines, and every
enrollment with its completion time (UTC).

A deadline is met when the course is completed by the end of the due date in the learner's
office time zone; the completions around the Security Awareness 2026 deadline straddle midnight
in several offices on purpose. Code of Conduct 2026 is the twin: everyone it applies to
finished on time.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from .._clock import format_utc, utc_offset
from ._people import Person
from ._world import TODAY

D = dt.date.fromisoformat

# id, title, category, format, hours, mandatory (assigned_on, deadline, audience) or None
COURSES: tuple[tuple[str, str, str, str, float, tuple[str, str, str] | None], ...] = (
    ("CRS-101", "Code of Conduct 2025", "compliance", "self_paced", 1.0,
     ("2025-01-06", "2025-02-28", "all")),
    ("CRS-102", "Security Awareness 2025", "compliance", "self_paced", 1.5,
     ("2025-02-03", "2025-03-31", "all")),
    ("CRS-103", "Data Protection Essentials (GDPR)", "compliance", "self_paced", 2.0,
     ("2025-09-01", "2025-10-31", "offices:BER,LON")),
    ("CRS-104", "Code of Conduct 2026", "compliance", "self_paced", 1.0,
     ("2026-01-05", "2026-02-27", "all")),
    ("CRS-105", "Security Awareness 2026", "compliance", "self_paced", 1.5,
     ("2026-02-02", "2026-03-31", "all")),
    ("CRS-106", "Respectful Workplace for People Managers", "compliance", "self_paced", 2.5,
     ("2026-03-02", "2026-05-29", "managers")),
    ("CRS-201", "SQL Fundamentals", "technical", "self_paced", 6.0, None),
    ("CRS-202", "Python for Data Analysis", "technical", "self_paced", 10.0, None),
    ("CRS-203", "Kubernetes Fundamentals", "technical", "self_paced", 8.0, None),
    ("CRS-204", "Secure Coding: OWASP Top 10", "technical", "self_paced", 4.0, None),
    ("CRS-205", "Effective One-on-Ones", "leadership", "self_paced", 2.0, None),
    ("CRS-206", "Giving and Receiving Feedback", "leadership", "instructor_led", 3.0, None),
    ("CRS-207", "Negotiation Skills", "business", "instructor_led", 5.0, None),
    ("CRS-208", "Presenting with Confidence", "business", "instructor_led", 4.0, None),
    ("CRS-209", "Product Discovery Basics", "product", "self_paced", 6.0, None),
    ("CRS-210", "Writing Clearly at Work", "business", "self_paced", 2.0, None),
    ("CRS-211", "Accessibility Fundamentals", "technical", "self_paced", 3.0, None),
    ("CRS-212", "Financial Literacy for Managers", "leadership", "self_paced", 4.0, None),
    ("CRS-213", "Customer Empathy Workshop", "customer", "instructor_led", 3.0, None),
    ("CRS-214", "Security Awareness Live Catch-up", "compliance", "instructor_led", 1.5, None),
)  # fmt: skip
# Which electives each department's people tend to take.
AFFINITY = {
    "ENG": ("CRS-201", "CRS-202", "CRS-203", "CRS-204", "CRS-211", "CRS-210"),
    "PRD": ("CRS-209", "CRS-211", "CRS-201", "CRS-208", "CRS-210"),
    "SAL": ("CRS-207", "CRS-208", "CRS-213", "CRS-210"),
    "CS": ("CRS-213", "CRS-210", "CRS-201", "CRS-208"),
    "MKT": ("CRS-208", "CRS-210", "CRS-202", "CRS-209"),
    "FIN": ("CRS-201", "CRS-202", "CRS-212", "CRS-210"),
    "PPL": ("CRS-206", "CRS-205", "CRS-210", "CRS-208"),
    "OPS": ("CRS-201", "CRS-210", "CRS-212", "CRS-204"),
}
MANAGER_ELECTIVES = ("CRS-205", "CRS-206", "CRS-212")
YEAR = dt.timedelta(days=363)
SA_2026 = "CRS-105"
COC_2026 = "CRS-104"
OVERDUE_SA_2026 = 27  # people who have not finished Security Awareness 2026 and are past due
LATE_SA_2026 = 4  # finished during the first week of April, besides the midnight cases
# Completions a few minutes either side of midnight on the Security Awareness 2026 deadline
# day: (office, UTC timestamp). Three are on time where the learner works, two are late.
MIDNIGHT_CASES = (
    ("NYC", "2026-04-01T02:40:00Z"),  # 22:40 EDT on the 31st: on time
    ("TOR", "2026-04-01T03:55:00Z"),  # 23:55 EDT on the 31st: on time
    ("AUS", "2026-04-01T04:30:00Z"),  # 23:30 CDT on the 31st: on time
    ("BER", "2026-03-31T22:30:00Z"),  # 00:30 CEST on April 1: late
    ("BLR", "2026-03-31T19:10:00Z"),  # 00:40 IST on April 1: late
)


def course_records() -> list[dict[str, Any]]:
    """The course catalogue."""
    records = []
    for cid, title, category, fmt, hours, mandatory in COURSES:
        assigned, deadline, audience = mandatory or (None, None, None)
        records.append(
            {
                "id": cid,
                "title": title,
                "category": category,
                "format": fmt,
                "duration_hours": hours,
                "mandatory": mandatory is not None,
                "audience": audience or "optional",
                "assigned_on": assigned,
                "deadline": deadline,
                "new_hire_days": 14 if mandatory else None,
                "new_hires_until": (D(assigned) + YEAR).isoformat() if assigned else None,
            }
        )
    return records


def _in_audience(person: Person, audience: str, day: dt.date) -> bool:
    if audience == "all":
        return True
    if audience == "managers":
        return person.level_on(day)[0] in "ME"
    return person.office in audience.removeprefix("offices:").split(",")


def _on_leave_by(person: Person, due: dt.date) -> bool:
    return bool(person.leave) and person.leave["start_date"] <= due.isoformat()  # type: ignore[index]


def _stamp(rng: random.Random, office: str, day: dt.date) -> str:
    # A moment in office hours where the learner works, stored in UTC.
    naive = dt.datetime.combine(day, dt.time(rng.randint(8, 18), rng.randint(0, 59)), dt.UTC)
    guess = naive - utc_offset(office, naive)
    return format_utc(naive - utc_offset(office, guess))


def _day_between(rng: random.Random, first: dt.date, last: dt.date, rush: bool) -> dt.date:
    span = max((last - first).days, 0)
    share = rng.random() ** 0.5 if rush else rng.random()  # many finish near the deadline
    return first + dt.timedelta(days=int(span * share))


def enrollment_records(rng: random.Random, people: list[Person]) -> list[dict[str, Any]]:
    """Every enrollment: mandatory assignments, then elective sign-ups."""
    rows: list[dict[str, Any]] = []
    ordered = sorted(people, key=lambda p: p.id)
    for cid, _title, _cat, _fmt, _hours, mandatory in COURSES:
        if mandatory is not None:
            assigned, deadline, audience = mandatory
            rows += _assigned(
                rng, ordered, cid, assigned=assigned, deadline=deadline, audience=audience
            )
    rows += _catch_up(rows, ordered)
    rows += _electives(rng, ordered)
    rows.sort(key=lambda r: (r["enrolled_on"], r["course_id"], r["employee_id"]))
    for number, row in enumerate(rows, start=1):
        row["id"] = f"ENR-{number:05d}"
    return [{"id": r.pop("id"), **r} for r in rows]


def _assigned(
    rng: random.Random,
    people: list[Person],
    cid: str,
    *,
    assigned: str,
    deadline: str,
    audience: str,
) -> list[dict[str, Any]]:
    start, due_day = D(assigned), D(deadline)
    rows = []
    for p in people:
        # A yearly course is assigned to new hires until next year's edition replaces it.
        hires = [s.start for s in p.stints if start < s.start <= min(TODAY, start + YEAR)]
        if p.employed(start) and _in_audience(p, audience, start):
            enrolled = start
        elif hires and _in_audience(p, audience, hires[0]):
            enrolled = hires[0]
        else:
            continue
        due = max(due_day, enrolled + dt.timedelta(days=14))
        stint = next(
            s for s in p.stints if s.start <= enrolled and (s.end is None or s.end >= enrolled)
        )
        leaves = stint.end if stint.end is not None and stint.end < TODAY else None
        last_day = min(due, TODAY - dt.timedelta(days=1), leaves or due)
        if p.leave is not None:
            last_day = min(last_day, D(p.leave["start_date"]) - dt.timedelta(days=1))
        row: dict[str, Any] = {
            "employee_id": p.id, "course_id": cid, "enrolled_on": enrolled.isoformat(),
            "due_date": due.isoformat(), "source": "assigned", "status": "enrolled",
            "completed_at": None, "score": None,
        }  # fmt: skip
        if cid == SA_2026 and _on_leave_by(p, due):
            row["status"], outcome = "waived", "none"  # on leave over the whole window
        elif cid == COC_2026 or (cid == SA_2026 and due < TODAY):
            outcome = "on_time"  # the Security Awareness story is planted afterwards
        elif due >= TODAY:
            outcome = "on_time" if rng.random() < 0.45 else "open"
        else:
            outcome = rng.choices(["on_time", "late", "never"], weights=[93, 5, 2])[0]
        if outcome == "on_time" and last_day >= enrolled:
            day = _day_between(rng, enrolled, last_day, rush=True)
            row["completed_at"] = _stamp(rng, p.office, day)
        elif outcome == "late" and due + dt.timedelta(days=1) < min(TODAY, leaves or TODAY):
            late_last = min(
                due + dt.timedelta(days=30), TODAY - dt.timedelta(days=1), leaves or TODAY
            )
            day = _day_between(rng, due + dt.timedelta(days=1), late_last, rush=False)
            row["completed_at"] = _stamp(rng, p.office, day)
        if leaves is not None and row["completed_at"] is None and leaves < due:
            row["status"] = "withdrawn"  # left the company before the due date
        rows.append(row)
    if cid == SA_2026:
        _plant_security_story(rng, people, rows)
    for row in rows:
        if row["completed_at"] is not None:
            row["score"] = rng.randint(16, 20) * 5
    return rows


def _plant_security_story(
    rng: random.Random, people: list[Person], rows: list[dict[str, Any]]
) -> None:
    """Who missed the Security Awareness 2026 deadline, who was late, who finished at midnight."""
    by_id = {p.id: p for p in people}
    candidates = [
        r
        for r in rows
        if r["status"] == "enrolled"
        and r["due_date"] == "2026-03-31"
        and by_id[r["employee_id"]].story is None
        and (by_id[r["employee_id"]].stints[-1].end or TODAY) >= TODAY
    ]
    rng.shuffle(candidates)
    for office, stamp in MIDNIGHT_CASES:
        row = next(r for r in candidates if by_id[r["employee_id"]].office == office)
        candidates.remove(row)
        row["completed_at"] = stamp
    for row in candidates[:OVERDUE_SA_2026]:
        row["completed_at"] = None
    for row in candidates[OVERDUE_SA_2026 : OVERDUE_SA_2026 + LATE_SA_2026]:
        day = D("2026-04-01") + dt.timedelta(days=rng.randint(0, 5))
        row["completed_at"] = _stamp(rng, by_id[row["employee_id"]].office, day)


def _catch_up(rows: list[dict[str, Any]], people: list[Person]) -> list[dict[str, Any]]:
    """Last year's catch-up: who had not finished Security Awareness 2025 by its deadline
    attended the live session of 2025-04-16 (15:00 UTC), if they still worked here."""
    by_id = {p.id: p for p in people}
    session = dt.datetime(2025, 4, 16, 15, 0, tzinfo=dt.UTC)
    added = []
    for row in rows:
        if row["course_id"] != "CRS-102" or row["status"] != "enrolled":
            continue
        done = row["completed_at"]
        if done is not None and done[:10] <= row["due_date"]:
            continue
        if not by_id[row["employee_id"]].employed(session.date()):
            continue
        added.append(
            {
                "employee_id": row["employee_id"], "course_id": "CRS-214",
                "enrolled_on": "2025-04-07", "due_date": None, "source": "manager",
                "status": "enrolled", "completed_at": format_utc(session), "score": None,
            }
        )  # fmt: skip
    return added


def _electives(rng: random.Random, people: list[Person]) -> list[dict[str, Any]]:
    rows = []
    for p in people:
        for stint in p.stints:
            first = max(stint.start, D("2024-01-08"))
            last = min(stint.end or TODAY, TODAY - dt.timedelta(days=1))
            if first >= last:
                continue
            department = p.department_on(first)
            options = list(AFFINITY[department])
            if p.role in ("manager", "head"):
                options += MANAGER_ELECTIVES
            picks = rng.sample(options, k=min(len(options), rng.choice([0, 1, 1, 2, 2, 3, 4])))
            for cid in picks:
                enrolled = _day_between(rng, first, last, rush=False)
                finish = enrolled + dt.timedelta(days=rng.randint(3, 60))
                done = finish < min(last, TODAY) and rng.random() < 0.8
                rows.append(
                    {
                        "employee_id": p.id, "course_id": cid,
                        "enrolled_on": enrolled.isoformat(), "due_date": None,
                        "source": rng.choice(["self", "self", "manager"]), "status": "enrolled",
                        "completed_at": _stamp(rng, p.office, finish) if done else None,
                        "score": None,
                    }
                )  # fmt: skip
    return rows
