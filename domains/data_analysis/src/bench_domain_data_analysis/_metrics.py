"""The HR figures, defined once: headcount, attrition, pay statistics, survey scores, training
status. The simulator's answers and the tasks' expected values both come from here.

Definitions (the tools' descriptions state the same):
- Headcount on a date counts everyone employed that day (hire date to last day, inclusive),
  on leave or not, in the department, team and level they held that day.
- Attrition over a period is exits (last day within the period) divided by the average of the
  headcount on the first and on the last day, in percent; annualised, it is multiplied by
  365 / the period's length in days.
- Quartiles interpolate between the closest ranks (the "inclusive" method, as Excel's
  QUARTILE.INC); groups smaller than the company's minimum group size are suppressed.
- A Likert answer is favourable at 4 or 5. eNPS is the percentage of promoters (9-10) minus
  the percentage of detractors (0-6), from -100 to 100.
- A course is completed on time when it is completed by the end of the due date in the
  learner's office time zone.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Callable, Iterable
from typing import Any

from ._clock import local_date
from ._fixtures import Employee, Enrollment, Fixtures, JobRecord, Response

GROUPS = ("department", "team", "location", "level")


def group_key(fixtures: Fixtures, employee: Employee, job: JobRecord, group_by: str) -> str:
    """The group an employee belongs to on the job record's day."""
    if group_by == "department":
        return job.department_id
    if group_by == "team":
        return job.team_id or "(no team)"
    if group_by == "location":
        return employee.location_id
    if group_by == "level":
        return job.level
    return "all"


def employed_on(
    fixtures: Fixtures, day: dt.date, keep: Callable[[Employee, JobRecord], bool] | None = None
) -> list[tuple[Employee, JobRecord]]:
    """Everyone employed on a day with the job they held, optionally filtered."""
    text = day.isoformat()
    found = []
    for employee in fixtures.employees:
        job = employee.job_on(text)
        if job is not None and (keep is None or keep(employee, job)):
            found.append((employee, job))
    return found


def headcount(
    fixtures: Fixtures,
    day: dt.date,
    group_by: str | None = None,
    keep: Callable[[Employee, JobRecord], bool] | None = None,
) -> dict[str, int]:
    """Headcount on a day, by group (one group ``all`` without ``group_by``)."""
    counts: dict[str, int] = {}
    for employee, job in employed_on(fixtures, day, keep):
        key = group_key(fixtures, employee, job, group_by or "")
        counts[key] = counts.get(key, 0) + 1
    return dict(sorted(counts.items()))


def exits_between(
    fixtures: Fixtures, start: dt.date, end: dt.date, exit_type: str | None = None
) -> list[tuple[Employee, JobRecord, str]]:
    """Every exit whose last day falls in the period: (employee, last job, exit type)."""
    found: list[tuple[Employee, JobRecord, str]] = []
    for employee in fixtures.employees:
        for stint in employee.employment:
            if stint.end_date is None or not start.isoformat() <= stint.end_date <= end.isoformat():
                continue
            if exit_type not in (None, "all", stint.exit_type):
                continue
            job = employee.job_on(stint.end_date)
            assert job is not None
            found.append((employee, job, stint.exit_type or "voluntary"))
    return found


def attrition(
    fixtures: Fixtures,
    start: dt.date,
    end: dt.date,
    *,
    exit_type: str | None = None,
    group_by: str | None = None,
    keep: Callable[[Employee, JobRecord], bool] | None = None,
) -> list[dict[str, Any]]:
    """Attrition rows by group: exits, opening, closing and average headcount, both rates."""
    opening = headcount(fixtures, start, group_by, keep)
    closing = headcount(fixtures, end, group_by, keep)
    exits: dict[str, dict[str, int]] = {}
    for employee, job, kind in exits_between(fixtures, start, end, exit_type):
        if keep is not None and not keep(employee, job):
            continue
        key = group_key(fixtures, employee, job, group_by or "")
        counted = exits.setdefault(key, {"voluntary": 0, "involuntary": 0})
        counted[kind] += 1
    days = (end - start).days + 1
    rows = []
    for key in sorted(set(opening) | set(closing) | set(exits)):
        counted = exits.get(key, {"voluntary": 0, "involuntary": 0})
        total = counted["voluntary"] + counted["involuntary"]
        average = (opening.get(key, 0) + closing.get(key, 0)) / 2
        rate = 100 * total / average if average else None
        rows.append(
            {
                "group": key,
                "exits": total,
                "voluntary_exits": counted["voluntary"],
                "involuntary_exits": counted["involuntary"],
                "opening_headcount": opening.get(key, 0),
                "closing_headcount": closing.get(key, 0),
                "average_headcount": average,
                "attrition_rate_pct": None if rate is None else round(rate, 2),
                "annualized_rate_pct": None if rate is None else round(rate * 365 / days, 2),
            }
        )
    return rows


def quartiles(values: Iterable[float]) -> dict[str, float]:
    """Minimum-free pay statistics of a group: 25th percentile, median, 75th, mean."""
    data = sorted(values)
    if len(data) == 1:
        return {"p25": data[0], "median": data[0], "p75": data[0], "mean": data[0]}
    p25, median, p75 = statistics.quantiles(data, n=4, method="inclusive")
    return {"p25": p25, "median": median, "p75": p75, "mean": statistics.fmean(data)}


def enps(scores: Iterable[int]) -> float:
    """eNPS of 0-10 scores: promoters' share minus detractors' share, in points."""
    values = list(scores)
    promoters = sum(v >= 9 for v in values)
    detractors = sum(v <= 6 for v in values)
    return round(100 * (promoters - detractors) / len(values), 1)


def question_stats(responses: list[Response], index: int | None) -> dict[str, Any]:
    """Favourable share, mean and distribution of one Likert question (index) or of eNPS."""
    if index is None:
        values = [r.enps for r in responses]
        return {
            "enps": enps(values),
            "promoters_pct": round(100 * sum(v >= 9 for v in values) / len(values), 1),
            "passives_pct": round(100 * sum(7 <= v <= 8 for v in values) / len(values), 1),
            "detractors_pct": round(100 * sum(v <= 6 for v in values) / len(values), 1),
            "mean": round(statistics.fmean(values), 2),
        }
    values = [r.scores[index] for r in responses]
    return {
        "favorable_pct": round(100 * sum(v >= 4 for v in values) / len(values), 1),
        "neutral_pct": round(100 * sum(v == 3 for v in values) / len(values), 1),
        "unfavorable_pct": round(100 * sum(v <= 2 for v in values) / len(values), 1),
        "mean": round(statistics.fmean(values), 2),
    }


def training_status(fixtures: Fixtures, enrollment: Enrollment) -> str:
    """The status of an enrollment today (the values of the completions tool's filter)."""
    if enrollment.status != "enrolled":
        return enrollment.status
    employee = fixtures.employee_by_id[enrollment.employee_id]
    if enrollment.completed_at is not None:
        if enrollment.due_date is None:
            return "completed"
        finished = local_date(employee.location_id, enrollment.completed_at)
        return "completed" if finished.isoformat() <= enrollment.due_date else "completed_late"
    if enrollment.due_date is not None and enrollment.due_date < fixtures.today:
        return "overdue"
    return "in_progress"


def direct_reports(fixtures: Fixtures, manager_id: str) -> list[Employee]:
    """The people who report to a manager today (current employees only)."""
    return [e for e in fixtures.employees if e.manager_id == manager_id and e.status != "exited"]


def to_usd(fixtures: Fixtures, amount: float, currency: str) -> float:
    """An amount in USD at the company's fixed planning rates."""
    return amount * fixtures.company.usd_rates[currency]
