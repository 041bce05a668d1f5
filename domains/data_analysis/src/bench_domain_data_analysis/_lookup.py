"""Reading the names people use for things: ids in any case, names, former names, emails.

Every lookup either finds one record or raises an ``ApiError`` whose hint helps the caller
fix the argument (a near spelling, the id format) without handing over an answer.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

from ._arguments import ApiError
from ._fixtures import Course, Department, Employee, Fixtures, Location, Project, Survey, Team


def fold(text: str) -> str:
    """Lower case without accents or surrounding spaces ('Müller ' -> 'muller')."""
    plain = unicodedata.normalize("NFKD", text.strip())
    return "".join(c for c in plain if not unicodedata.combining(c)).casefold()


def _suggest(value: str, options: list[str]) -> str:
    close = difflib.get_close_matches(fold(value), [fold(o) for o in options], n=1, cutoff=0.6)
    if not close:
        return ""
    original = next(o for o in options if fold(o) == close[0])
    return f"; did you mean {original!r}?"


class Resolver:
    """Finds records from the values a caller passes.

    Args:
        fixtures: The HR data.
    """

    def __init__(self, fixtures: Fixtures) -> None:
        self.data = fixtures

    def employee(self, value: str) -> Employee:
        """An employee by id (``E1042``, ``e1042``, ``1042``) or work email."""
        text = fold(value)
        if "@" in text:
            found = next((e for e in self.data.employees if e.email == text), None)
            if found is None:
                raise ApiError(f"no employee with email {value!r}", "not_found")
            return found
        digits = text.removeprefix("e").removeprefix("-")
        employee = self.data.employee_by_id.get(f"E{digits}") if digits.isdigit() else None
        if employee is None:
            if not re.fullmatch(r"e?-?\d+", text):
                raise ApiError(
                    f"{value!r} is not an employee id; ids look like E1042 (use "
                    "search_employees to find someone by name)"
                )
            raise ApiError(f"no employee with id {value!r}", "not_found")
        return employee

    def department(self, value: str) -> Department:
        """A department by id, current name or former name."""
        text = fold(value)
        for department in self.data.departments:
            names = [department.id, department.name, *(f.name for f in department.former_names)]
            if text in (fold(n) for n in names):
                return department
        options = [d.name for d in self.data.departments]
        hint = _suggest(value, options) or f"; departments: {', '.join(options)}"
        raise ApiError(f"unknown department {value!r}{hint}", "not_found")

    def team(self, value: str) -> tuple[Team, Department]:
        """A team (with its department) by id or name."""
        text = fold(value)
        for team, department in self.data.team_by_id.values():
            if text in (fold(team.id), fold(team.name)):
                return team, department
        options = [t.name for t, _ in self.data.team_by_id.values()]
        hint = _suggest(value, options) or " (list_departments shows every team)"
        raise ApiError(f"unknown team {value!r}{hint}", "not_found")

    def location(self, value: str) -> Location:
        """An office by id or city."""
        text = fold(value)
        for location in self.data.locations:
            if text in (fold(location.id), fold(location.city)):
                return location
        options = [f"{loc.id} ({loc.city})" for loc in self.data.locations]
        raise ApiError(f"unknown office {value!r}; offices: {', '.join(options)}", "not_found")

    def course(self, value: str) -> Course:
        """A course by id (``CRS-105``, ``crs105``) or exact title."""
        text = fold(value).replace(" ", "")
        digits = text.removeprefix("crs").removeprefix("-")
        if digits.isdigit() and f"CRS-{digits}" in self.data.course_by_id:
            return self.data.course_by_id[f"CRS-{digits}"]
        for course in self.data.courses:
            if fold(course.title).replace(" ", "") == text:
                return course
        hint = _suggest(value, [c.title for c in self.data.courses])
        hint = hint or "; course ids look like CRS-105 (see list_courses)"
        raise ApiError(
            f"unknown course {value!r}{hint}",
            "not_found",
        )

    def project(self, value: str) -> Project:
        """A project by id (``PRJ-104``) or exact name."""
        text = fold(value).replace(" ", "")
        digits = text.removeprefix("prj").removeprefix("-")
        if digits.isdigit() and f"PRJ-{digits}" in self.data.project_by_id:
            return self.data.project_by_id[f"PRJ-{digits}"]
        for project in self.data.projects:
            if fold(project.name).replace(" ", "") == text:
                return project
        hint = _suggest(value, [p.name for p in self.data.projects])
        hint = hint or "; project ids look like PRJ-104 (see list_projects)"
        raise ApiError(
            f"unknown project {value!r}{hint}",
            "not_found",
        )

    def survey(self, value: str) -> Survey:
        """A survey by id (``SRV-2026-Q1``) or quarter (``2026-Q1``, ``Q1 2026``, ``2026Q1``)."""
        text = fold(value).replace(" ", "").replace("-", "").replace("_", "").removeprefix("srv")
        match = re.fullmatch(r"(\d{4})q([1-4])|q([1-4])(\d{4})", text)
        if match:
            year = match.group(1) or match.group(4)
            quarter = match.group(2) or match.group(3)
            survey = self.data.survey_by_id.get(f"SRV-{year}-Q{quarter}")
            if survey is not None:
                return survey
        first, last = self.data.surveys[0].quarter, self.data.surveys[-1].quarter
        raise ApiError(
            f"no survey {value!r}; surveys run quarterly from {first} to {last} "
            "(ids look like SRV-2026-Q1)",
            "not_found",
        )
