"""The HR analytics API, simulated on the fixtures: one episode per simulator.

An episode starts from the fixtures and keeps its own copy of what a write can change (who
reports to whom, the enrollments). The clock stands still on the reference date and nothing
is random: the same calls give the same results.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from bench_core import Effect

from . import _reports
from ._arguments import ApiError, check_arguments
from ._clock import OFFICE_ZONES, local_iso
from ._fixtures import Employee, Enrollment, Fixtures
from ._lookup import Resolver, fold
from ._metrics import headcount, training_status
from ._paging import page_of
from ._tools import TOOL_SCHEMAS

Handler = Callable[[dict[str, Any]], Any]
MAX_MANAGER_LEAD_DAYS = 90
MAX_DUE_DAYS = 365


def _error(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


class DataAnalysisSimulator:
    """One episode of the HR analytics API.

    Args:
        fixtures: The HR system's data on the reference date.
    """

    def __init__(self, fixtures: Fixtures) -> None:
        self._data = fixtures
        self._resolve = Resolver(fixtures)
        self._today = dt.date.fromisoformat(fixtures.today)
        self._managers: dict[str, str | None] = {e.id: e.manager_id for e in fixtures.employees}
        self._scheduled: dict[str, tuple[str, str]] = {}  # employee -> (manager, date)
        self._enrollments: list[Enrollment] = list(fixtures.enrollments)
        self._next_enrollment = 1 + max(int(e.id[4:]) for e in fixtures.enrollments)
        self._effects: list[Effect] = []
        self._handlers: dict[str, Handler] = {
            "search_employees": self._search_employees,
            "get_employee": self._get_employee,
            "list_departments": self._list_departments,
            "get_headcount": self._report(_reports.get_headcount),
            "get_attrition": self._report(_reports.get_attrition),
            "get_compensation_stats": self._report(_reports.get_compensation_stats),
            "get_salary_bands": self._report(_reports.get_salary_bands),
            "list_surveys": self._report(_reports.list_surveys),
            "get_survey_results": self._report(_reports.get_survey_results),
            "get_survey_comments": self._report(_reports.get_survey_comments),
            "list_projects": self._list_projects,
            "get_project_allocations": self._get_project_allocations,
            "list_courses": self._list_courses,
            "get_training_completions": self._get_training_completions,
            "enroll_employee": self._enroll_employee,
            "update_employee_manager": self._update_employee_manager,
        }

    def call(self, name: str, arguments: Mapping[str, Any] | None) -> Any:
        """Execute one tool call; a bad call returns ``{"error": {"code", "message"}}``."""
        handler = self._handlers.get(name) if isinstance(name, str) else None
        if handler is None:
            known = ", ".join(self._handlers)
            return _error("unknown_tool", f"unknown tool {name!r}; the tools are: {known}")
        if arguments is None:  # some providers send null for a call without arguments
            arguments = {}
        try:
            return handler(check_arguments(name, TOOL_SCHEMAS[name], arguments))
        except ApiError as exc:
            return _error(exc.code, exc.message)

    def effects(self) -> list[Effect]:
        """The changes this episode's successful writes made, in order."""
        return list(self._effects)

    def _report(self, function: Callable[..., Any]) -> Handler:
        return lambda args: function(self._data, self._resolve, args)

    # --- people ---------------------------------------------------------------------------

    def _current(self, employee: Employee) -> bool:
        return employee.status != "exited"

    def _reports_of(self, manager_id: str) -> list[Employee]:
        return [
            e
            for e in self._data.employees
            if self._managers[e.id] == manager_id and self._current(e)
        ]

    def _summary(self, employee: Employee) -> dict[str, Any]:
        return {
            "id": employee.id,
            "name": employee.name,
            "email": employee.email,
            "title": employee.title,
            "department_id": employee.department_id,
            "department": self._data.department_by_id[employee.department_id].name,
            "team_id": employee.team_id,
            "level": employee.level,
            "location_id": employee.location_id,
            "manager_id": self._managers[employee.id],
            "status": employee.status,
            "hire_date": employee.hire_date,
        }

    def _search_employees(self, args: dict[str, Any]) -> Any:
        resolve = self._resolve
        department = resolve.department(args["department"]).id if "department" in args else None
        team = resolve.team(args["team"])[0].id if "team" in args else None
        location = resolve.location(args["location"]).id if "location" in args else None
        manager = resolve.employee(args["manager_id"]).id if "manager_id" in args else None
        status = args.get("status", "current")
        statuses = {"current": ("active", "on_leave"), "all": ("active", "on_leave", "exited")}
        wanted = statuses.get(status, (status,))
        after, before = args.get("hired_after"), args.get("hired_before")
        if after and before and after > before:
            raise ApiError(f"hired_after {after} is after hired_before {before}")
        query = fold(args.get("query", ""))
        found = [
            e
            for e in self._data.employees
            if e.status in wanted
            and department in (None, e.department_id)
            and team in (None, e.team_id)
            and location in (None, e.location_id)
            and args.get("level", e.level) == e.level
            and manager in (None, self._managers[e.id])
            and (after is None or e.hire_date >= after.isoformat())
            and (before is None or e.hire_date <= before.isoformat())
            and (not query or query in fold(e.name) or query in e.email)
        ]
        found.sort(key=lambda e: (fold(e.last_name), fold(e.first_name), e.id))
        return page_of([self._summary(e) for e in found], args, "employees")

    def _person(self, employee_id: str | None) -> dict[str, Any] | None:
        if employee_id is None:
            return None
        employee = self._data.employee_by_id[employee_id]
        return {"id": employee.id, "name": employee.name, "title": employee.title}

    def _get_employee(self, args: dict[str, Any]) -> Any:
        employee = self._resolve.employee(args["employee_id"])
        data = self._data
        department = data.department_by_id[employee.department_id]
        team = data.team_by_id[employee.team_id][0] if employee.team_id else None
        today = self._today.isoformat()
        allocations = [
            {
                "project_id": a.project_id,
                "project": data.project_by_id[a.project_id].name,
                "role": a.role,
                "percent": a.percent,
                "start_date": a.start_date,
                "end_date": a.end_date,
            }
            for a in data.allocations
            if a.employee_id == employee.id and a.start_date <= today <= a.end_date
        ]
        scheduled = self._scheduled.get(employee.id)
        level_name = next(lv.name for lv in data.levels if lv.id == employee.level)
        return {
            **self._summary(employee),
            "first_name": employee.first_name,
            "last_name": employee.last_name,
            "department": department.name,
            "team": team.name if team else None,
            "level_name": level_name,
            "manager": self._person(self._managers[employee.id]),
            "office": data.location_by_id[employee.location_id].city,
            "timezone": OFFICE_ZONES[employee.location_id][0],
            "original_hire_date": employee.original_hire_date,
            "exit_date": employee.exit_date,
            "exit_type": employee.exit_type,
            "exit_reason": employee.exit_reason,
            "leave": None if employee.leave is None else {
                "type": employee.leave.type,
                "start_date": employee.leave.start_date,
                "expected_return": employee.leave.expected_return,
            },
            "employment": [
                {"start_date": s.start_date, "end_date": s.end_date, "exit_type": s.exit_type}
                for s in employee.employment
            ],
            "salary": {
                "annual_base": employee.salary.amount,
                "currency": employee.salary.currency,
                "effective_date": employee.salary.effective_date,
            },
            "direct_reports": [self._person(e.id) for e in self._reports_of(employee.id)],
            "allocations": allocations,
            "total_allocation_pct": sum(a["percent"] for a in allocations),
            "history": [
                {
                    "effective_date": h.effective_date,
                    "department_id": h.department_id,
                    "team_id": h.team_id,
                    "title": h.title,
                    "level": h.level,
                    "manager_id": h.manager_id,
                    "reason": h.reason,
                }
                for h in employee.history
            ],
            "scheduled_changes": []
            if scheduled is None
            else [{"manager_id": scheduled[0], "effective_date": scheduled[1]}],
        }  # fmt: skip

    def _list_departments(self, args: dict[str, Any]) -> Any:
        data = self._data
        by_department = headcount(data, self._today, "department")
        by_team = headcount(data, self._today, "team")
        rows = []
        for department in data.departments:
            head = data.employee_by_id[department.head_id]
            rows.append(
                {
                    "id": department.id,
                    "name": department.name,
                    "former_names": [
                        {"name": f.name, "until": f.until} for f in department.former_names
                    ],
                    "cost_center": department.cost_center,
                    "head": {"id": head.id, "name": head.name, "title": head.title},
                    "headcount": by_department.get(department.id, 0),
                    "teams": [
                        {
                            "id": t.id,
                            "name": t.name,
                            "manager_id": t.manager_id,
                            "headcount": by_team.get(t.id, 0),
                        }
                        for t in department.teams
                    ],
                }
            )
        return {"as_of": self._today.isoformat(), "departments": rows, "total": len(rows)}

    # --- writes ---------------------------------------------------------------------------

    def _living(self, employee: Employee, role: str) -> None:
        if employee.status == "exited":
            raise ApiError(
                f"{role} {employee.id} left the company on {employee.exit_date}", "conflict"
            )

    def _update_employee_manager(self, args: dict[str, Any]) -> Any:
        employee = self._resolve.employee(args["employee_id"])
        manager = self._resolve.employee(args["manager_id"])
        self._living(employee, "employee")
        self._living(manager, "manager")
        if manager.id == employee.id:
            raise ApiError("an employee cannot be their own manager")
        day = args.get("effective_date", self._today)
        if day < self._today:
            raise ApiError(f"effective_date {day} is in the past; today is {self._today}")
        if (day - self._today).days > MAX_MANAGER_LEAD_DAYS:
            raise ApiError(f"effective_date must be within {MAX_MANAGER_LEAD_DAYS} days of today")
        previous = self._managers[employee.id]
        if previous == manager.id and employee.id not in self._scheduled:
            raise ApiError(f"{employee.id} already reports to {manager.id}", "conflict")
        if self._scheduled.get(employee.id) == (manager.id, day.isoformat()):
            raise ApiError("this change is already scheduled", "conflict")
        boss: str | None = manager.id
        while boss is not None:
            if boss == employee.id:
                raise ApiError(
                    f"{manager.id} reports (directly or not) to {employee.id}: the change "
                    "would create a reporting loop"
                )
            boss = self._managers[boss]
        if day == self._today:
            self._managers[employee.id] = manager.id
            self._scheduled.pop(employee.id, None)
        else:
            self._scheduled[employee.id] = (manager.id, day.isoformat())
        self._effects.append(
            Effect(
                action="update_employee_manager",
                target=employee.id,
                fields={"manager_id": manager.id, "effective_date": day.isoformat()},
            )
        )
        return {
            "updated": True,
            "employee_id": employee.id,
            "previous_manager_id": previous,
            "manager_id": manager.id,
            "manager_name": manager.name,
            "effective_date": day.isoformat(),
            "state": "applied" if day == self._today else "scheduled",
        }

    def _enroll_employee(self, args: dict[str, Any]) -> Any:
        employee = self._resolve.employee(args["employee_id"])
        course = self._resolve.course(args["course_id"])
        self._living(employee, "employee")
        for enrollment in self._enrollments:
            if (enrollment.employee_id, enrollment.course_id) != (employee.id, course.id):
                continue
            if enrollment.completed_at is not None:
                raise ApiError(
                    f"{employee.id} already completed {course.id} "
                    f"({enrollment.completed_at[:10]}, enrollment {enrollment.id})",
                    "conflict",
                )
            if enrollment.status == "enrolled":
                raise ApiError(
                    f"{employee.id} is already enrolled in {course.id} "
                    f"(enrollment {enrollment.id})",
                    "conflict",
                )
        due = args.get("due_date")
        if due is not None and not 0 <= (due - self._today).days <= MAX_DUE_DAYS:
            raise ApiError(f"due_date must be between today ({self._today}) and a year ahead")
        enrollment = Enrollment(
            id=f"ENR-{self._next_enrollment:05d}",
            employee_id=employee.id,
            course_id=course.id,
            enrolled_on=self._today.isoformat(),
            due_date=due.isoformat() if due else None,
            source="manager",
            status="enrolled",
            completed_at=None,
            score=None,
        )
        self._next_enrollment += 1
        self._enrollments.append(enrollment)
        self._effects.append(
            Effect(
                action="enroll_employee",
                target=employee.id,
                fields={"course_id": course.id, "due_date": enrollment.due_date},
            )
        )
        return {"enrolled": True, "enrollment": self._training_row(enrollment)}

    # --- projects and learning ------------------------------------------------------------

    def _list_projects(self, args: dict[str, Any]) -> Any:
        data = self._data
        department = (
            self._resolve.department(args["department"]).id if "department" in args else None
        )
        today = self._today.isoformat()
        rows = []
        for project in data.projects:
            if args.get("status", project.status) != project.status:
                continue
            if department not in (None, project.department_id):
                continue
            now = [
                a
                for a in data.allocations
                if a.project_id == project.id and a.start_date <= today <= a.end_date
            ]
            rows.append(
                {
                    "id": project.id,
                    "name": project.name,
                    "department_id": project.department_id,
                    "status": project.status,
                    "lead": self._person(project.lead_id),
                    "start_date": project.start_date,
                    "end_date": project.end_date,
                    "people_allocated": len(now),
                    "allocated_fte": round(sum(a.percent for a in now) / 100, 2),
                }
            )
        return {"as_of": today, "projects": rows, "total": len(rows)}

    def _get_project_allocations(self, args: dict[str, Any]) -> Any:
        data = self._data
        project = self._resolve.project(args["project_id"])
        day = args.get("as_of", self._today).isoformat()
        every = args.get("include_past", False)
        rows: list[dict[str, Any]] = [
            {
                "allocation_id": a.id,
                "employee_id": a.employee_id,
                "name": data.employee_by_id[a.employee_id].name,
                "role": a.role,
                "percent": a.percent,
                "start_date": a.start_date,
                "end_date": a.end_date,
            }
            for a in data.allocations
            if a.project_id == project.id and (every or a.start_date <= day <= a.end_date)
        ]
        return {
            "project_id": project.id,
            "name": project.name,
            "status": project.status,
            "as_of": None if every else day,
            "allocations": rows,
            "total": len(rows),
            "allocated_fte": round(sum(int(r["percent"]) for r in rows) / 100, 2),
        }

    def _list_courses(self, args: dict[str, Any]) -> Any:
        rows = []
        for course in self._data.courses:
            if args.get("mandatory", course.mandatory) != course.mandatory:
                continue
            if args.get("category", course.category) != course.category:
                continue
            mine = [e for e in self._enrollments if e.course_id == course.id]
            rows.append(
                {
                    "id": course.id,
                    "title": course.title,
                    "category": course.category,
                    "format": course.format,
                    "duration_hours": course.duration_hours,
                    "mandatory": course.mandatory,
                    "audience": course.audience,
                    "assigned_on": course.assigned_on,
                    "deadline": course.deadline,
                    "new_hires_until": course.new_hires_until,
                    "enrollments": len(mine),
                    "completions": sum(e.completed_at is not None for e in mine),
                }
            )
        return {"courses": rows, "total": len(rows)}

    def _training_row(self, enrollment: Enrollment) -> dict[str, Any]:
        employee = self._data.employee_by_id[enrollment.employee_id]
        done = enrollment.completed_at
        return {
            "enrollment_id": enrollment.id,
            "employee_id": employee.id,
            "employee_name": employee.name,
            "department_id": employee.department_id,
            "location_id": employee.location_id,
            "course_id": enrollment.course_id,
            "course_title": self._data.course_by_id[enrollment.course_id].title,
            "enrolled_on": enrollment.enrolled_on,
            "due_date": enrollment.due_date,
            "status": training_status(self._data, enrollment),
            "completed_at": done,
            "completed_at_local": local_iso(employee.location_id, done) if done else None,
            "score": enrollment.score,
        }

    def _get_training_completions(self, args: dict[str, Any]) -> Any:
        resolve = self._resolve
        course = resolve.course(args["course_id"]).id if "course_id" in args else None
        person = resolve.employee(args["employee_id"]).id if "employee_id" in args else None
        department = resolve.department(args["department"]).id if "department" in args else None
        after, before = args.get("completed_after"), args.get("completed_before")
        former = bool(args.get("include_former", False)) or person is not None
        rows = []
        for enrollment in sorted(
            self._enrollments, key=lambda e: (e.course_id, e.employee_id, e.enrolled_on)
        ):
            employee = self._data.employee_by_id[enrollment.employee_id]
            done = enrollment.completed_at
            if (
                course not in (None, enrollment.course_id)
                or person not in (None, employee.id)
                or department not in (None, employee.department_id)
                or (not former and employee.status == "exited")
                or (after is not None and (done is None or done[:10] < after.isoformat()))
                or (before is not None and (done is None or done[:10] > before.isoformat()))
            ):
                continue
            row = self._training_row(enrollment)
            if args.get("status", row["status"]) == row["status"]:
                rows.append(row)
        return page_of(rows, args, "completions")
