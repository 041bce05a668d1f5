"""How the tasks write acceptable values: every spelling the API accepts for one thing."""

from __future__ import annotations

from typing import Any

from bench_core import ArgMatcher, Difficulty, ExpectedCall, ToolReference, ToolTask, authoring
from bench_core.authoring import (
    call,
    day,
    expect,
    fact,
    false_claim,
    number,
    outcome,
    reference,
    text,
    way,
    wrote,
)

from ._fixtures import Employee, Fixtures

__all__ = [
    "DOMAIN_ID",
    "Solved",
    "amount",
    "call",
    "course",
    "day",
    "department",
    "employee",
    "expect",
    "fact",
    "false_claim",
    "number",
    "office",
    "outcome",
    "person",
    "reference",
    "survey",
    "text",
    "tool_task",
    "way",
    "wrote",
]

DOMAIN_ID = "data_analysis"

Solved = tuple[ToolTask, ToolReference]
"""A task and its reference solution."""


def tool_task(
    task_id: str,
    difficulty: Difficulty,
    title: str,
    prompts: list[str],
    expected: list[ExpectedCall],
    **options: Any,
) -> ToolTask:
    """A task of this domain, offering every tool of the domain."""
    assert len(prompts) == 10, task_id
    return authoring.tool_task(
        task_id, difficulty, title, prompts, expected, domain=DOMAIN_ID, **options
    )


def department(fixtures: Fixtures, department_id: str) -> ArgMatcher:
    """A department as the API accepts it: id, name or a former name."""
    found = fixtures.department_by_id[department_id]
    return text(found.id, found.name, *(f.name for f in found.former_names))


def office(fixtures: Fixtures, location_id: str) -> ArgMatcher:
    """An office by id or city."""
    return text(location_id, fixtures.location_by_id[location_id].city)


def employee(person: Employee) -> ArgMatcher:
    """An employee by id or work email."""
    return text(person.id, person.email)


def course(course_id: str, title: str) -> ArgMatcher:
    """A course by id (``CRS-105``, ``CRS105``) or exact title."""
    return text(course_id, course_id.replace("-", ""), title)


def survey(survey_id: str) -> ArgMatcher:
    """A survey by id or by its quarter, as the API accepts it."""
    year, quarter = survey_id.removeprefix("SRV-").split("-")
    return text(
        survey_id,
        f"{year}-{quarter}",
        f"{year}{quarter}",
        f"{quarter} {year}",
        f"{quarter}-{year}",
        f"{year} {quarter}",
    )


def amount(name: str, value: float) -> Any:
    """An amount (``68k`` accepted), often one end of a range (``66,000 - 98,000``).

    The answer-fact matcher reads a hyphen or dash between two numbers as the second one's
    minus sign, so the negative is accepted too: a pay band is never negative.
    """
    return fact(name, value, -value, compact=True)


def person(name: str, who: Employee) -> Any:
    """A fact naming a person: by full name or id."""
    return fact(name, who.name, who.id)
