"""The HR system's fixture data: typed records, read lazily from the package's ``data/`` folder."""

from __future__ import annotations

import functools
from importlib import resources
from typing import Literal, TypeVar

import msgspec

EmployeeStatus = Literal["active", "on_leave", "exited"]
ExitType = Literal["voluntary", "involuntary"]
ChangeReason = Literal[
    "hire", "rehire", "transfer", "promotion", "manager_change", "reorg", "title_change"
]
ProjectStatus = Literal["active", "completed", "planned", "on_hold"]
EnrollmentStatus = Literal["enrolled", "waived", "withdrawn"]


class Company(msgspec.Struct, frozen=True, kw_only=True):
    """The company, its reference date ("today") and the reporting rules."""

    name: str
    reference_date: str
    founded: str
    fiscal_year_start: str
    reorg_date: str
    reporting_currency: str
    usd_rates: dict[str, float]
    min_group_size: int


class Location(msgspec.Struct, frozen=True, kw_only=True):
    """An office: its time zone and the currency its people are paid in."""

    id: str
    city: str
    country: str
    timezone: str
    currency: str


class Level(msgspec.Struct, frozen=True, kw_only=True):
    """A career level."""

    id: str
    name: str
    track: str


class SalaryBand(msgspec.Struct, frozen=True, kw_only=True):
    """The FY2026 base-salary band of one level in one office, in the office's currency."""

    level: str
    location_id: str
    currency: str
    minimum: int
    midpoint: int
    maximum: int


class FormerName(msgspec.Struct, frozen=True, kw_only=True):
    """A name a department had until a date (inclusive)."""

    name: str
    until: str


class HeadTerm(msgspec.Struct, frozen=True, kw_only=True):
    """A department head's time in the role."""

    employee_id: str
    start_date: str
    end_date: str | None


class Team(msgspec.Struct, frozen=True, kw_only=True):
    """A team and its manager today."""

    id: str
    name: str
    manager_id: str | None
    created: str


class Department(msgspec.Struct, frozen=True, kw_only=True):
    """A department with its teams and heads."""

    id: str
    name: str
    former_names: tuple[FormerName, ...]
    cost_center: str
    head_id: str
    head_history: tuple[HeadTerm, ...]
    teams: tuple[Team, ...]


class Salary(msgspec.Struct, frozen=True, kw_only=True):
    """Annual base salary in the office's currency."""

    amount: int
    currency: str
    effective_date: str


class Leave(msgspec.Struct, frozen=True, kw_only=True):
    """A leave of absence in progress."""

    type: str
    start_date: str
    expected_return: str


class Employment(msgspec.Struct, frozen=True, kw_only=True):
    """One stint of employment; ``end_date`` is the last day worked."""

    start_date: str
    end_date: str | None
    exit_type: ExitType | None
    exit_reason: str | None


class JobRecord(msgspec.Struct, frozen=True, kw_only=True):
    """The job as it was from ``effective_date`` until the next record."""

    effective_date: str
    department_id: str
    team_id: str | None
    title: str
    level: str
    manager_id: str | None
    reason: ChangeReason


class Employee(msgspec.Struct, frozen=True, kw_only=True):
    """A person who works or worked at the company, as the HR system shows them today.

    ``hire_date`` is the start of the latest stint; an ``exit_date`` after the reference date
    is a resignation in its notice period (the person is still employed).
    """

    id: str
    first_name: str
    last_name: str
    email: str
    location_id: str
    status: EmployeeStatus
    hire_date: str
    original_hire_date: str
    exit_date: str | None
    exit_type: ExitType | None
    exit_reason: str | None
    department_id: str
    team_id: str | None
    title: str
    level: str
    manager_id: str | None
    salary: Salary
    leave: Leave | None
    employment: tuple[Employment, ...]
    history: tuple[JobRecord, ...]

    @property
    def name(self) -> str:
        """First and last name."""
        return f"{self.first_name} {self.last_name}"

    def employed_on(self, day: str) -> bool:
        """Whether the person was employed on a day (``YYYY-MM-DD``), last day included."""
        return any(
            s.start_date <= day and (s.end_date is None or day <= s.end_date)
            for s in self.employment
        )

    def job_on(self, day: str) -> JobRecord | None:
        """The job record in effect on a day, if employed then."""
        if not self.employed_on(day):
            return None
        found = None
        for record in self.history:
            if record.effective_date <= day:
                found = record
        return found


class Question(msgspec.Struct, frozen=True, kw_only=True):
    """A survey question."""

    id: str
    text: str
    scale: Literal["likert_5", "nps_0_10"]


class Survey(msgspec.Struct, frozen=True, kw_only=True):
    """A quarterly engagement survey."""

    id: str
    title: str
    quarter: str
    open_date: str
    close_date: str
    questions: tuple[Question, ...]


class Response(msgspec.Struct, frozen=True, kw_only=True):
    """One anonymous response, with the respondent's group at the time of the survey.

    ``scores`` follow the order of the survey's Likert questions; ``enps`` is 0-10.
    """

    survey_id: str
    department_id: str
    team_id: str | None
    location_id: str
    level: str
    tenure: str
    scores: tuple[int, ...]
    enps: int
    theme: str | None
    comment: str | None


class Project(msgspec.Struct, frozen=True, kw_only=True):
    """A project; ``end_date`` is the planned end while active or planned."""

    id: str
    name: str
    department_id: str
    status: ProjectStatus
    lead_id: str
    start_date: str
    end_date: str


class Allocation(msgspec.Struct, frozen=True, kw_only=True):
    """A share of one person's time on one project, both dates inclusive."""

    id: str
    project_id: str
    employee_id: str
    role: Literal["lead", "contributor"]
    percent: int
    start_date: str
    end_date: str


class Course(msgspec.Struct, frozen=True, kw_only=True):
    """A course; mandatory ones are assigned on a date with a deadline for an audience."""

    id: str
    title: str
    category: str
    format: str
    duration_hours: float
    mandatory: bool
    audience: str
    assigned_on: str | None
    deadline: str | None
    new_hire_days: int | None
    new_hires_until: str | None


class Enrollment(msgspec.Struct, frozen=True, kw_only=True):
    """One person in one course; ``completed_at`` is UTC (``YYYY-MM-DDTHH:MM:SSZ``)."""

    id: str
    employee_id: str
    course_id: str
    enrolled_on: str
    due_date: str | None
    source: Literal["assigned", "self", "manager"]
    status: EnrollmentStatus
    completed_at: str | None
    score: int | None


class Fixtures(msgspec.Struct, frozen=True, kw_only=True, dict=True):
    """Everything the HR system holds on the reference date."""

    company: Company
    locations: tuple[Location, ...]
    levels: tuple[Level, ...]
    salary_bands: tuple[SalaryBand, ...]
    departments: tuple[Department, ...]
    employees: tuple[Employee, ...]
    surveys: tuple[Survey, ...]
    responses: tuple[Response, ...]
    projects: tuple[Project, ...]
    allocations: tuple[Allocation, ...]
    courses: tuple[Course, ...]
    enrollments: tuple[Enrollment, ...]

    @property
    def today(self) -> str:
        """The reference date, ``YYYY-MM-DD``."""
        return self.company.reference_date

    @functools.cached_property
    def employee_by_id(self) -> dict[str, Employee]:
        """The employees keyed by id."""
        return {e.id: e for e in self.employees}

    @functools.cached_property
    def department_by_id(self) -> dict[str, Department]:
        """The departments keyed by id."""
        return {d.id: d for d in self.departments}

    @functools.cached_property
    def team_by_id(self) -> dict[str, tuple[Team, Department]]:
        """Every team with its department, keyed by team id."""
        return {t.id: (t, d) for d in self.departments for t in d.teams}

    @functools.cached_property
    def location_by_id(self) -> dict[str, Location]:
        """The offices keyed by id."""
        return {loc.id: loc for loc in self.locations}

    @functools.cached_property
    def course_by_id(self) -> dict[str, Course]:
        """The courses keyed by id."""
        return {c.id: c for c in self.courses}

    @functools.cached_property
    def project_by_id(self) -> dict[str, Project]:
        """The projects keyed by id."""
        return {p.id: p for p in self.projects}

    @functools.cached_property
    def survey_by_id(self) -> dict[str, Survey]:
        """The surveys keyed by id."""
        return {s.id: s for s in self.surveys}


_T = TypeVar("_T")


def _read(name: str, kind: type[_T]) -> _T:
    data = resources.files(__package__).joinpath("data", name).read_bytes()
    return msgspec.json.decode(data, type=kind)


@functools.cache
def load_fixtures() -> Fixtures:
    """The fixtures, read and validated on first use, then shared (every record is frozen)."""
    return Fixtures(
        company=_read("company.json", Company),
        locations=_read("locations.json", tuple[Location, ...]),
        levels=_read("levels.json", tuple[Level, ...]),
        salary_bands=_read("salary_bands.json", tuple[SalaryBand, ...]),
        departments=_read("departments.json", tuple[Department, ...]),
        employees=_read("employees.json", tuple[Employee, ...]),
        surveys=_read("surveys.json", tuple[Survey, ...]),
        responses=_read("survey_responses.json", tuple[Response, ...]),
        projects=_read("projects.json", tuple[Project, ...]),
        allocations=_read("allocations.json", tuple[Allocation, ...]),
        courses=_read("courses.json", tuple[Course, ...]),
        enrollments=_read("enrollments.json", tuple[Enrollment, ...]),
    )
