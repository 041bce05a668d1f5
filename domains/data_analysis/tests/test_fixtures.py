"""The fixtures are as big as the standard asks and internally consistent: every figure the
API derives can be traced to the records, and the records agree with each other."""

import datetime as dt
import itertools
from collections import Counter

from bench_domain_data_analysis._clock import OFFICE_ZONES
from bench_domain_data_analysis._fixtures import Fixtures

TODAY = "2026-04-08"


def _current(data: Fixtures) -> list:  # type: ignore[type-arg]
    return [e for e in data.employees if e.status != "exited"]


def test_the_world_has_the_sizes_the_standard_asks_for(data: Fixtures) -> None:
    assert data.today == TODAY
    assert dt.date.fromisoformat(TODAY).strftime("%A") == "Wednesday"
    assert len(_current(data)) >= 300
    assert len(data.employees) >= 340
    assert len(data.departments) == 8
    assert len(data.locations) == 6
    assert len({loc.currency for loc in data.locations}) == 5
    assert len({loc.timezone for loc in data.locations}) == 6
    assert len(data.surveys) == 8
    assert len(data.projects) == 25
    assert len(data.courses) == 20
    assert sum(e.completed_at is not None for e in data.enrollments) >= 1500
    assert len(data.responses) >= 1500
    assert {e.department_id for e in _current(data)} == {d.id for d in data.departments}
    assert {e.location_id for e in _current(data)} == {loc.id for loc in data.locations}


def test_ids_are_unique_and_references_resolve(data: Fixtures) -> None:
    for records in (
        data.employees,
        data.projects,
        data.courses,
        data.enrollments,
        data.allocations,
    ):
        ids = [r.id for r in records]
        assert len(ids) == len(set(ids))
    assert len({e.email for e in data.employees}) == len(data.employees)
    people = data.employee_by_id
    for department in data.departments:
        assert department.head_id in people
        assert department.head_history[-1].employee_id == department.head_id
    for allocation in data.allocations:
        assert allocation.employee_id in people
        assert allocation.project_id in data.project_by_id
    for enrollment in data.enrollments:
        assert enrollment.employee_id in people
        assert enrollment.course_id in data.course_by_id


def test_status_and_dates_agree(data: Fixtures) -> None:
    for e in data.employees:
        stints = e.employment
        assert e.hire_date == stints[-1].start_date
        assert e.original_hire_date == stints[0].start_date
        assert e.exit_date == stints[-1].end_date
        for earlier, later in itertools.pairwise(stints):
            assert earlier.end_date is not None
            assert earlier.end_date < later.start_date
        for stint in stints:
            assert (stint.end_date is None) == (stint.exit_type is None)
        exited = e.exit_date is not None and e.exit_date < TODAY
        assert (e.status == "exited") == exited, e.id
        assert (e.status == "on_leave") == (e.leave is not None and not exited)
        assert e.hire_date <= TODAY


def test_current_fields_are_the_last_job_record_and_history_is_ordered(data: Fixtures) -> None:
    for e in data.employees:
        last = e.history[-1]
        assert (e.department_id, e.team_id, e.title, e.level, e.manager_id) == (
            last.department_id, last.team_id, last.title, last.level, last.manager_id,
        )  # fmt: skip
        days = [h.effective_date for h in e.history]
        assert days == sorted(days)
        assert len(set(days)) == len(days)
        assert e.history[0].reason == "hire"
        assert sum(h.reason == "rehire" for h in e.history) == len(e.employment) - 1
        for record in e.history:
            assert e.employed_on(record.effective_date), (e.id, record)
            if record.team_id is not None:
                assert data.team_by_id[record.team_id][1].id == record.department_id


def test_every_manager_was_employed_whenever_someone_reported_to_them(data: Fixtures) -> None:
    people = data.employee_by_id
    for e in data.employees:
        for record in e.history:
            if record.manager_id is None:
                assert e.level == "E1"
                continue
            assert record.manager_id != e.id
            assert people[record.manager_id].employed_on(record.effective_date), (e.id, record)
    ceo = [e for e in data.employees if e.manager_id is None]
    assert [e.title for e in ceo] == ["Chief Executive Officer"]


def test_the_reporting_lines_today_form_one_tree(data: Fixtures) -> None:
    people = data.employee_by_id
    for e in _current(data):
        seen = {e.id}
        boss = e.manager_id
        while boss is not None:
            assert boss not in seen
            assert people[boss].status != "exited", (e.id, boss)
            seen.add(boss)
            boss = people[boss].manager_id


def test_salaries_are_in_the_band_of_the_level_and_office_and_its_currency(data: Fixtures) -> None:
    bands = {(b.level, b.location_id): b for b in data.salary_bands}
    assert len(bands) == len(data.levels) * len(data.locations)
    for e in _current(data):
        band = bands[(e.level, e.location_id)]
        assert e.salary.currency == band.currency == data.location_by_id[e.location_id].currency
        assert band.minimum <= e.salary.amount <= band.maximum, e.id
    for band in data.salary_bands:
        assert band.minimum < band.midpoint < band.maximum


def test_pay_bands_rise_with_level_and_differ_by_office(data: Fixtures) -> None:
    rates = data.company.usd_rates
    for office in OFFICE_ZONES:
        mids = [
            next(b for b in data.salary_bands if (b.level, b.location_id) == (lv, office))
            for lv in ("IC1", "IC2", "IC3", "IC4", "IC5")
        ]
        assert [b.midpoint for b in mids] == sorted(b.midpoint for b in mids)
    usd = {
        b.location_id: b.midpoint * rates[b.currency] for b in data.salary_bands if b.level == "IC3"
    }
    assert usd["NYC"] > usd["LON"] > usd["BER"] > usd["BLR"]


def test_allocations_never_exceed_a_full_week_for_anyone_on_any_day(data: Fixtures) -> None:
    by_person: dict[str, list] = {}  # type: ignore[type-arg]
    for a in data.allocations:
        assert 0 < a.percent <= 100
        assert a.start_date <= a.end_date
        project = data.project_by_id[a.project_id]
        assert project.start_date <= a.start_date
        assert a.end_date <= project.end_date
        employee = data.employee_by_id[a.employee_id]
        assert employee.employed_on(a.start_date)
        assert employee.employed_on(a.end_date)
        by_person.setdefault(a.employee_id, []).append(a)
    full = 0
    for allocations in by_person.values():
        for edge in {a.start_date for a in allocations}:
            load = sum(a.percent for a in allocations if a.start_date <= edge <= a.end_date)
            assert load <= 100
            full += load == 100
    assert full > 0
    assert set(Counter(p.status for p in data.projects)) == {
        "active", "completed", "planned", "on_hold",
    }  # fmt: skip
    for project in data.projects:
        assert any(a.project_id == project.id and a.role == "lead" for a in data.allocations)


def test_mandatory_enrollments_follow_the_assignment_rule(data: Fixtures) -> None:
    for course in data.courses:
        rows = [e for e in data.enrollments if e.course_id == course.id]
        assert rows, course.id
        if not course.mandatory:
            assert all(r.due_date is None for r in rows)
            continue
        assert course.assigned_on is not None
        assert course.deadline is not None
        for row in rows:
            employee = data.employee_by_id[row.employee_id]
            assert row.enrolled_on >= course.assigned_on
            if row.enrolled_on == course.assigned_on:
                assert employee.employed_on(course.assigned_on)
            else:  # a later hire: assigned on the first day, 14 days at least
                assert row.enrolled_on in {s.start_date for s in employee.employment}
                assert course.new_hires_until is not None
                assert row.enrolled_on <= course.new_hires_until
            days = dt.date.fromisoformat(row.enrolled_on) + dt.timedelta(days=14)
            assert row.due_date == max(course.deadline, days.isoformat())
        assert len({r.employee_id for r in rows}) == len(rows)


def test_completions_are_utc_timestamps_within_employment(data: Fixtures) -> None:
    for row in data.enrollments:
        if row.completed_at is None:
            assert row.score is None
            continue
        assert row.completed_at.endswith("Z")
        assert len(row.completed_at) == 20
        assert row.enrolled_on <= row.completed_at[:10] < TODAY
        employee = data.employee_by_id[row.employee_id]
        assert employee.employed_on(row.completed_at[:10]) or employee.employed_on(
            (dt.date.fromisoformat(row.completed_at[:10]) - dt.timedelta(days=1)).isoformat()
        )


def test_survey_responses_come_from_people_who_were_there(data: Fixtures) -> None:
    for survey in data.surveys:
        rows = [r for r in data.responses if r.survey_id == survey.id]
        employed = [
            e
            for e in data.employees
            if e.job_on(survey.open_date) is not None
            and not (e.leave and e.leave.start_date <= survey.open_date < e.leave.expected_return)
        ]
        assert 0.6 * len(employed) <= len(rows) <= len(employed)
        by_department = Counter(r.department_id for r in rows)
        eligible = Counter(e.job_on(survey.open_date).department_id for e in employed)  # type: ignore[union-attr]
        assert all(by_department[d] <= eligible[d] for d in by_department)
        for r in rows:
            assert len(r.scores) == 6
            assert all(1 <= s <= 5 for s in r.scores)
            assert 0 <= r.enps <= 10
            assert (r.comment is None) == (r.theme is None)
