"""The facts the tasks are about, computed from the fixtures: never typed in by hand.

The headcount of a department on a day, last quarter's attrition, the department with the
lowest eNPS and its head, who missed a course deadline, whether a team may move to a new
manager: each task asks the fixtures through these functions, so regenerating the data moves
the expected answers with it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from . import _reports
from ._clock import quarter_bounds, quarter_of
from ._fixtures import Department, Employee, Fixtures, SalaryBand
from ._lookup import Resolver
from ._metrics import (
    attrition,
    direct_reports,
    enps,
    headcount,
    question_stats,
    training_status,
)
from ._policy import manager_change_problems
from ._simulator import DataAnalysisSimulator

SECURITY_AWARENESS_2026 = "CRS-105"
CODE_OF_CONDUCT_2026 = "CRS-104"
CATCH_UP_COURSE = "CRS-214"


class Facts:
    """Questions about the fixtures that the tasks' expected values come from.

    Args:
        fixtures: The HR data.
    """

    def __init__(self, fixtures: Fixtures) -> None:
        self.fixtures = fixtures
        self.today = dt.date.fromisoformat(fixtures.today)

    # --- dates ----------------------------------------------------------------------------

    def last_quarter(self) -> tuple[str, dt.date, dt.date]:
        """The last complete quarter before today: label, first and last day."""
        first, _ = quarter_bounds(quarter_of(self.today))
        label = quarter_of(first - dt.timedelta(days=1))
        return (label, *quarter_bounds(label))

    # --- people ---------------------------------------------------------------------------

    def employee(self, employee_id: str) -> Employee:
        """The employee with this id."""
        return self.fixtures.employee_by_id[employee_id]

    def department(self, department_id: str) -> Department:
        """The department with this id."""
        return self.fixtures.department_by_id[department_id]

    def head_of(self, department_id: str) -> Employee:
        """The department's head today."""
        return self.employee(self.department(department_id).head_id)

    def team_manager(self, team_id: str) -> Employee:
        """The manager of a team today."""
        manager_id = self.fixtures.team_by_id[team_id][0].manager_id
        assert manager_id is not None
        return self.employee(manager_id)

    def reports_of(self, manager_id: str) -> list[Employee]:
        """The manager's current direct reports, by id."""
        return sorted(direct_reports(self.fixtures, manager_id), key=lambda e: e.id)

    def storied(self, predicate: str) -> list[Employee]:
        """Employees in a messy corner: ``rehired``, ``transferred``, ``on_leave``, ``notice``."""
        employees = self.fixtures.employees
        if predicate == "rehired":
            return [e for e in employees if len(e.employment) > 1]
        if predicate == "transferred":
            return [e for e in employees if len({h.department_id for h in e.history}) > 1]
        if predicate == "on_leave":
            return [e for e in employees if e.status == "on_leave"]
        if predicate == "notice":
            return [e for e in employees if e.exit_date is not None and e.status != "exited"]
        raise ValueError(f"unknown predicate {predicate!r}")

    # --- headcount and attrition ----------------------------------------------------------

    def headcount(self, day: dt.date, department_id: str | None = None) -> int:
        """Headcount on a day, company-wide or of one department."""
        counts = headcount(self.fixtures, day, "department")
        return counts.get(department_id, 0) if department_id else sum(counts.values())

    def headcount_by_department(self, day: dt.date) -> dict[str, int]:
        """Headcount on a day by department id."""
        return headcount(self.fixtures, day, "department")

    def attrition_by_department(
        self, start: dt.date, end: dt.date, exit_type: str = "all"
    ) -> dict[str, dict[str, Any]]:
        """Attrition rows by department id over a period."""
        rows = attrition(self.fixtures, start, end, exit_type=exit_type, group_by="department")
        return {r["group"]: r for r in rows}

    def company_attrition(
        self, start: dt.date, end: dt.date, exit_type: str = "all"
    ) -> dict[str, Any]:
        """The company's attrition row over a period."""
        return attrition(self.fixtures, start, end, exit_type=exit_type)[0]

    def quarterly_attrition(self, quarters: list[str]) -> dict[str, dict[str, Any]]:
        """The company's attrition in each quarter (``2025-Q3`` labels)."""
        return {q: self.company_attrition(*quarter_bounds(q)) for q in quarters}

    # --- surveys --------------------------------------------------------------------------

    def latest_survey(self) -> str:
        """The id of the most recent survey."""
        return max(self.fixtures.surveys, key=lambda s: s.close_date).id

    def enps_by_department(self, survey_id: str) -> dict[str, float]:
        """eNPS of each department in a survey (departments under 5 responses left out)."""
        groups: dict[str, list[int]] = {}
        for response in self.fixtures.responses:
            if response.survey_id == survey_id:
                groups.setdefault(response.department_id, []).append(response.enps)
        minimum = self.fixtures.company.min_group_size
        return {d: enps(v) for d, v in sorted(groups.items()) if len(v) >= minimum}

    def lowest_enps_department(self, survey_id: str) -> tuple[Department, float, Employee]:
        """The department with the lowest eNPS in a survey, its eNPS and its head."""
        scores = self.enps_by_department(survey_id)
        worst = min(scores, key=lambda d: (scores[d], d))
        return self.department(worst), scores[worst], self.head_of(worst)

    def survey_row(self, survey_id: str) -> dict[str, Any]:
        """A survey as the survey list shows it: responses, invited, response rate."""
        rows = _reports.list_surveys(self.fixtures, Resolver(self.fixtures), {})["surveys"]
        return next(dict(r) for r in rows if r["id"] == survey_id)

    def api(self, tool: str, **arguments: Any) -> Any:
        """What a read-only call returns on a fresh episode (for values a report computes)."""
        return DataAnalysisSimulator(self.fixtures).call(tool, arguments)

    def question_score(self, survey_id: str, question: str, department_id: str) -> dict[str, Any]:
        """The result of one question for one department in one survey."""
        responses = [
            r
            for r in self.fixtures.responses
            if r.survey_id == survey_id and r.department_id == department_id
        ]
        ids = [q.id for q in self.fixtures.survey_by_id[survey_id].questions]
        return question_stats(responses, None if question == "enps" else ids.index(question))

    def responses_of_team(self, survey_id: str, team_id: str) -> int:
        """How many responses came from a team (the API withholds it under 5)."""
        return sum(
            r.survey_id == survey_id and r.team_id == team_id for r in self.fixtures.responses
        )

    # --- learning -------------------------------------------------------------------------

    def training_rows(
        self, course_id: str, status: str, current_only: bool = True
    ) -> list[Employee]:
        """The people with this training status in a course, by id."""
        found = []
        for enrollment in self.fixtures.enrollments:
            if enrollment.course_id != course_id:
                continue
            employee = self.employee(enrollment.employee_id)
            if current_only and employee.status == "exited":
                continue
            if training_status(self.fixtures, enrollment) == status:
                found.append(employee)
        return sorted(found, key=lambda e: e.id)

    def missed_deadline(self, course_id: str) -> list[Employee]:
        """Current employees who have not completed the course and are past their due date."""
        return self.training_rows(course_id, "overdue")

    def completion_rate(self, course_id: str) -> dict[str, Any]:
        """Completion of a course among current employees: enrolled, completed, share."""
        rows = [
            (e, training_status(self.fixtures, e))
            for e in self.fixtures.enrollments
            if e.course_id == course_id and self.employee(e.employee_id).status != "exited"
        ]
        counted = [s for _, s in rows if s not in ("waived", "withdrawn")]
        done = sum(s in ("completed", "completed_late") for s in counted)
        on_time = sum(s == "completed" for s in counted)
        return {
            "enrolled": len(counted),
            "completed": done,
            "completed_on_time": on_time,
            "completion_pct": round(100 * done / len(counted), 1) if counted else None,
            "on_time_pct": round(100 * on_time / len(counted), 1) if counted else None,
        }

    # --- policy ---------------------------------------------------------------------------

    def move_problems(self, from_manager: str, to_manager: str) -> list[str]:
        """Why moving one manager's direct reports to another breaks the policy, if it does."""
        movers = self.reports_of(from_manager)
        return manager_change_problems(self.fixtures, movers, self.employee(to_manager))

    def band(self, level: str, location_id: str) -> SalaryBand:
        """The salary band of a level in an office."""
        return next(
            b
            for b in self.fixtures.salary_bands
            if (b.level, b.location_id) == (level, location_id)
        )
