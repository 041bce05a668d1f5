"""The data the chart tasks will hand to the model, and the computed values each chart must show.

Each method returns rows (one dict per CSV line or JSON item) in the order the task gives them;
``*_computed`` methods return the derived figures (totals, shares, rates, averages) that the
request implies and that a chart dumping the raw rows would not show. Every figure comes from
``_metrics``, so a chart agrees with what the API reports.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
from typing import Any

from ._clock import quarter_bounds
from ._facts import Facts
from ._fixtures import Fixtures
from ._metrics import attrition, enps, headcount, quartiles, to_usd, training_status

Row = dict[str, Any]

QUARTERS = (
    "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1",
)  # fmt: skip


def to_csv(rows: list[Row]) -> str:
    """Rows as CSV text with a header line (the format the prompts give)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


class ChartData:
    """The datasets of the chart tasks.

    Args:
        fixtures: The HR data.
    """

    def __init__(self, fixtures: Fixtures) -> None:
        self.fixtures = fixtures
        self.facts = Facts(fixtures)
        self.today = dt.date.fromisoformat(fixtures.today)
        self.names = {d.id: d.name for d in fixtures.departments}

    # --- headcount ------------------------------------------------------------------------

    def headcount_by_department(self) -> list[Row]:
        """Headcount today per department, largest first."""
        counts = headcount(self.fixtures, self.today, "department")
        ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        return [{"department": self.names[d], "headcount": n} for d, n in ordered]

    def headcount_by_department_computed(self) -> Row:
        """The company total and each department's share of it, in percent (1 decimal)."""
        rows = self.headcount_by_department()
        total = sum(r["headcount"] for r in rows)
        return {
            "total": total,
            "share_pct": {r["department"]: round(100 * r["headcount"] / total, 1) for r in rows},
        }

    def headcount_trend(self) -> list[Row]:
        """Headcount per department at the end of each surveyed quarter (64 rows)."""
        rows = []
        for quarter in QUARTERS:
            end = quarter_bounds(quarter)[1]
            counts = headcount(self.fixtures, end, "department")
            rows += [
                {"quarter": quarter, "department": self.names[d], "headcount": counts.get(d, 0)}
                for d in self.names
            ]
        return rows

    # --- attrition ------------------------------------------------------------------------

    def attrition_trend(self) -> list[Row]:
        """Company exits and annualised attrition per quarter."""
        rows = []
        for quarter in QUARTERS:
            start, end = quarter_bounds(quarter)
            row = attrition(self.fixtures, start, end)[0]
            rows.append(
                {
                    "quarter": quarter,
                    "voluntary_exits": row["voluntary_exits"],
                    "involuntary_exits": row["involuntary_exits"],
                    "average_headcount": row["average_headcount"],
                    "annualized_rate_pct": row["annualized_rate_pct"],
                }
            )
        return rows

    def attrition_trend_computed(self) -> Row:
        """Total exits, the voluntary share, and the trailing four-quarter average rate."""
        rows = self.attrition_trend()
        exits = sum(r["voluntary_exits"] + r["involuntary_exits"] for r in rows)
        voluntary = sum(r["voluntary_exits"] for r in rows)
        rates = [r["annualized_rate_pct"] for r in rows]
        moving = {
            rows[i]["quarter"]: round(sum(rates[i - 3 : i + 1]) / 4, 2) for i in range(3, len(rows))
        }
        return {
            "total_exits": exits,
            "voluntary_share_pct": round(100 * voluntary / exits, 1),
            "moving_average_4q": moving,
        }

    # --- engagement -----------------------------------------------------------------------

    def enps_by_department(self, survey_id: str = "SRV-2026-Q1") -> list[Row]:
        """eNPS per department in a survey, lowest first (the diverging bar's order)."""
        scores = self.facts.enps_by_department(survey_id)
        ordered = sorted(scores.items(), key=lambda kv: (kv[1], kv[0]))
        return [{"department": self.names[d], "enps": v} for d, v in ordered]

    def enps_by_department_computed(self, survey_id: str = "SRV-2026-Q1") -> Row:
        """The company's eNPS and each department's gap to it, in points."""
        company = enps(r.enps for r in self.fixtures.responses if r.survey_id == survey_id)
        rows = self.enps_by_department(survey_id)
        return {
            "company_enps": company,
            "gap": {r["department"]: round(r["enps"] - company, 1) for r in rows},
            "negative": [r["department"] for r in rows if r["enps"] < 0],
        }

    def enps_trend(self) -> list[Row]:
        """eNPS per department in each survey (64 rows, for a heatmap or small multiples)."""
        rows = []
        for survey in self.fixtures.surveys:
            scores = self.facts.enps_by_department(survey.id)
            rows += [
                {"quarter": survey.quarter, "department": self.names[d], "enps": scores[d]}
                for d in self.names
                if d in scores
            ]
        return rows

    # --- pay ------------------------------------------------------------------------------

    def salary_ranges_by_level(self) -> list[Row]:
        """Quartiles of current base pay per level in USD (levels of 5+ people)."""
        groups: dict[str, list[float]] = {}
        for employee in self.fixtures.employees:
            if employee.status == "exited":
                continue
            pay = to_usd(self.fixtures, employee.salary.amount, employee.salary.currency)
            groups.setdefault(employee.level, []).append(pay)
        rows = []
        for level in (lv.id for lv in self.fixtures.levels):
            values = groups.get(level, [])
            if len(values) < self.fixtures.company.min_group_size:
                continue
            stats = quartiles(values)
            rows.append(
                {
                    "level": level,
                    "employees": len(values),
                    "p25_usd": round(stats["p25"]),
                    "median_usd": round(stats["median"]),
                    "p75_usd": round(stats["p75"]),
                }
            )
        return rows

    def salary_ranges_computed(self) -> Row:
        """The interquartile range of each level and the median's rise from level to level."""
        rows = self.salary_ranges_by_level()
        return {
            "iqr_usd": {r["level"]: r["p75_usd"] - r["p25_usd"] for r in rows},
            "median_step_pct": {
                b["level"]: round(100 * (b["median_usd"] / a["median_usd"] - 1), 1)
                for a, b in itertools.pairwise(rows)
                if a["level"].startswith("IC") and b["level"].startswith("IC")
            },
        }

    # --- learning -------------------------------------------------------------------------

    def training_completion_by_course(self) -> list[Row]:
        """Per mandatory course: current employees enrolled, completed, completed on time."""
        rows = []
        for course in self.fixtures.courses:
            if not course.mandatory:
                continue
            rate = self.facts.completion_rate(course.id)
            rows.append(
                {
                    "course": course.title,
                    "deadline": course.deadline,
                    "enrolled": rate["enrolled"],
                    "completed": rate["completed"],
                    "completed_on_time": rate["completed_on_time"],
                }
            )
        return rows

    def training_completion_computed(self) -> Row:
        """Completion and on-time shares per course, in percent, and the overall on-time share."""
        rows = self.training_completion_by_course()
        enrolled = sum(r["enrolled"] for r in rows)
        return {
            "completion_pct": {
                r["course"]: round(100 * r["completed"] / r["enrolled"], 1) for r in rows
            },
            "on_time_pct": {
                r["course"]: round(100 * r["completed_on_time"] / r["enrolled"], 1) for r in rows
            },
            "overall_on_time_pct": round(
                100 * sum(r["completed_on_time"] for r in rows) / enrolled, 1
            ),
            "overdue_now": sum(
                training_status(self.fixtures, e) == "overdue"
                for e in self.fixtures.enrollments
                if self.fixtures.employee_by_id[e.employee_id].status != "exited"
                and self.fixtures.course_by_id[e.course_id].mandatory
            ),
        }
