"""The API's read-only analytics: headcount, attrition, pay, surveys. No write changes them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from ._arguments import ApiError
from ._fixtures import Employee, Fixtures, JobRecord, Response
from ._lookup import Resolver
from ._metrics import attrition, headcount, quartiles, question_stats, to_usd
from ._paging import page_of

Keep = Callable[[Employee, JobRecord], bool]


def _day(data: Fixtures, value: dt.date | None, name: str) -> dt.date:
    today = dt.date.fromisoformat(data.today)
    day = value or today
    founded = dt.date.fromisoformat(data.company.founded)
    if day > today:
        raise ApiError(f"{name} {day} is in the future; today is {today}")
    if day < founded:
        raise ApiError(f"{name} {day} is before the company was founded ({founded})")
    return day


def group_name(data: Fixtures, group_by: str | None, key: str) -> str:
    """The readable name of a group id."""
    if group_by == "department" and key in data.department_by_id:
        return data.department_by_id[key].name
    if group_by == "team" and key in data.team_by_id:
        return data.team_by_id[key][0].name
    if group_by == "location" and key in data.location_by_id:
        return data.location_by_id[key].city
    return key


def _filters(resolve: Resolver, args: dict[str, Any]) -> tuple[Keep | None, dict[str, str]]:
    department = resolve.department(args["department"]).id if "department" in args else None
    location = resolve.location(args["location"]).id if "location" in args else None
    level = args.get("level")
    applied = {
        k: v for k, v in (("department", department), ("location", location), ("level", level)) if v
    }
    if not applied:
        return None, applied

    def keep(employee: Employee, job: JobRecord) -> bool:
        return (
            department in (None, job.department_id)
            and location in (None, employee.location_id)
            and level in (None, job.level)
        )

    return keep, applied


def get_headcount(data: Fixtures, resolve: Resolver, args: dict[str, Any]) -> Any:
    """The ``get_headcount`` tool."""
    day = _day(data, args.get("as_of"), "as_of")
    keep, applied = _filters(resolve, args)
    group_by = args.get("group_by")
    counts = headcount(data, day, group_by, keep)
    return {
        "as_of": day.isoformat(),
        "filters": applied,
        "group_by": group_by,
        "total": sum(counts.values()),
        "groups": [
            {"group": key, "name": group_name(data, group_by, key), "headcount": n}
            for key, n in counts.items()
        ]
        if group_by
        else [],
    }


def get_attrition(data: Fixtures, resolve: Resolver, args: dict[str, Any]) -> Any:
    """The ``get_attrition`` tool."""
    start = _day(data, args["start_date"], "start_date")
    end = _day(data, args["end_date"], "end_date")
    if start > end:
        raise ApiError(f"start_date {start} is after end_date {end}")
    keep, applied = _filters(resolve, args)
    exit_type = args.get("exit_type", "all")
    group_by = args.get("group_by")
    rows = (
        attrition(data, start, end, exit_type=exit_type, group_by=group_by, keep=keep)
        if group_by
        else []
    )
    total = attrition(data, start, end, exit_type=exit_type, keep=keep)
    return {
        "start_date": start.isoformat(),
        "end_date": end.isoformat(),
        "days": (end - start).days + 1,
        "exit_type": exit_type,
        "filters": applied,
        "group_by": group_by,
        "groups": [{**r, "name": group_name(data, group_by, r["group"])} for r in rows],
        "total": total[0] if total else None,
    }


def get_compensation_stats(data: Fixtures, resolve: Resolver, args: dict[str, Any]) -> Any:
    """The ``get_compensation_stats`` tool."""
    keep, applied = _filters(resolve, args)
    group_by = args.get("group_by")
    currency = args.get("currency", "USD")
    today = dt.date.fromisoformat(data.today)
    groups: dict[str, list[Employee]] = {}
    for employee in data.employees:
        job = employee.job_on(today.isoformat())
        if job is None or (keep is not None and not keep(employee, job)):
            continue
        key = {
            "department": job.department_id,
            "location": employee.location_id,
            "level": job.level,
        }.get(group_by or "", "all")
        groups.setdefault(key, []).append(employee)
    rows = []
    for key in sorted(groups):
        people = groups[key]
        currencies = sorted({e.salary.currency for e in people})
        if currency == "local" and len(currencies) > 1:
            raise ApiError(
                f"group {key!r} is paid in {', '.join(currencies)}: with currency 'local' "
                "filter or group by location, or ask for USD"
            )
        row: dict[str, Any] = {"group": key, "name": group_name(data, group_by, key)}
        if len(people) < data.company.min_group_size:
            row.update(suppressed=True, reason="fewer than 5 employees")
        else:
            unit = currencies[0] if currency == "local" else "USD"
            values = [
                e.salary.amount
                if currency == "local"
                else to_usd(data, e.salary.amount, e.salary.currency)
                for e in people
            ]
            stats = quartiles(values)
            row.update(
                suppressed=False,
                employees=len(people),
                currency=unit,
                **{k: round(v) for k, v in stats.items()},
            )
        rows.append(row)
    if not rows:
        raise ApiError("no current employees match these filters", "not_found")
    return {"as_of": today.isoformat(), "filters": applied, "group_by": group_by, "groups": rows}


def get_salary_bands(data: Fixtures, resolve: Resolver, args: dict[str, Any]) -> Any:
    """The ``get_salary_bands`` tool."""
    location = resolve.location(args["location"]).id if "location" in args else None
    bands = [
        {
            "level": b.level,
            "location_id": b.location_id,
            "currency": b.currency,
            "minimum": b.minimum,
            "midpoint": b.midpoint,
            "maximum": b.maximum,
        }
        for b in data.salary_bands
        if args.get("level", b.level) == b.level and location in (None, b.location_id)
    ]
    return {"fiscal_year": "FY2026", "bands": bands, "total": len(bands)}


def _eligible(data: Fixtures, day: str) -> int:
    count = 0
    for employee in data.employees:
        leave = employee.leave
        away = leave is not None and leave.start_date <= day < leave.expected_return
        count += employee.employed_on(day) and not away
    return count


def list_surveys(data: Fixtures, resolve: Resolver, args: dict[str, Any]) -> Any:
    """The ``list_surveys`` tool."""
    rows = []
    for survey in data.surveys:
        responses = sum(r.survey_id == survey.id for r in data.responses)
        eligible = _eligible(data, survey.open_date)
        rows.append(
            {
                "id": survey.id,
                "title": survey.title,
                "quarter": survey.quarter,
                "open_date": survey.open_date,
                "close_date": survey.close_date,
                "responses": responses,
                "invited": eligible,
                "response_rate_pct": round(100 * responses / eligible, 1),
                "questions": [
                    {"id": q.id, "text": q.text, "scale": q.scale} for q in survey.questions
                ],
            }
        )
    return {"surveys": rows, "total": len(rows)}


def _response_key(response: Response, group_by: str) -> str:
    return {
        "department": response.department_id,
        "team": response.team_id or "(no team)",
        "location": response.location_id,
        "level": response.level,
        "tenure": response.tenure,
    }[group_by]


def _scores(data: Fixtures, responses: list[Response], question: str) -> dict[str, Any]:
    likert = [q.id for q in data.surveys[0].questions if q.scale == "likert_5"]
    wanted = [*likert, "enps"] if question == "all" else [question]
    return {q: question_stats(responses, None if q == "enps" else likert.index(q)) for q in wanted}


def get_survey_results(data: Fixtures, resolve: Resolver, args: dict[str, Any]) -> Any:
    """The ``get_survey_results`` tool."""
    survey = resolve.survey(args["survey_id"])
    department = resolve.department(args["department"]).id if "department" in args else None
    team = resolve.team(args["team"])[0].id if "team" in args else None
    responses = [
        r
        for r in data.responses
        if r.survey_id == survey.id
        and department in (None, r.department_id)
        and team in (None, r.team_id)
    ]
    question = args.get("question", "all")
    group_by = args.get("group_by")
    minimum = data.company.min_group_size
    result: dict[str, Any] = {
        "survey_id": survey.id,
        "quarter": survey.quarter,
        "filters": {k: v for k, v in (("department", department), ("team", team)) if v},
        "group_by": group_by,
        "min_group_size": minimum,
    }
    if len(responses) < minimum:
        # The count itself is withheld: it would say how many of a small team answered.
        return {**result, "suppressed": True, "reason": "fewer than 5 responses", "groups": []}
    result.update(
        suppressed=False, responses=len(responses), results=_scores(data, responses, question)
    )
    groups = []
    if group_by:
        split: dict[str, list[Response]] = {}
        for response in responses:
            split.setdefault(_response_key(response, group_by), []).append(response)
        for key in sorted(split):
            row: dict[str, Any] = {"group": key, "name": group_name(data, group_by, key)}
            if len(split[key]) < minimum:
                row.update(suppressed=True)
            else:
                row.update(
                    suppressed=False,
                    responses=len(split[key]),
                    results=_scores(data, split[key], question),
                )
            groups.append(row)
    return {**result, "groups": groups}


def get_survey_comments(data: Fixtures, resolve: Resolver, args: dict[str, Any]) -> Any:
    """The ``get_survey_comments`` tool."""
    survey = resolve.survey(args["survey_id"])
    department = resolve.department(args["department"]).id if "department" in args else None
    location = resolve.location(args["location"]).id if "location" in args else None
    responses = [
        r
        for r in data.responses
        if r.survey_id == survey.id
        and department in (None, r.department_id)
        and location in (None, r.location_id)
    ]
    if len(responses) < data.company.min_group_size:
        return {"survey_id": survey.id, "suppressed": True, "reason": "fewer than 5 responses"}
    theme = args.get("theme")
    comments = [
        {"department_id": r.department_id, "theme": r.theme, "comment": r.comment}
        for r in responses
        if r.comment is not None and theme in (None, r.theme)
    ]
    return {
        "survey_id": survey.id,
        "suppressed": False,
        **page_of(comments, args, "comments"),
    }
