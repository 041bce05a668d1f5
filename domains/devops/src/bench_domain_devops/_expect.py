"""How the devops tasks write acceptable values and reference calls."""

from __future__ import annotations

from typing import Any

from bench_core import ArgMatcher, Difficulty, ExpectedCall, ToolReference, ToolTask, authoring
from bench_core.authoring import (
    call,
    expect,
    fact,
    false_claim,
    number,
    outcome,
    reference,
    text,
    unordered,
    way,
    wrote,
)

from ._fixtures import Fixtures

__all__ = [
    "DOMAIN_ID",
    "Solved",
    "call",
    "expect",
    "fact",
    "false_claim",
    "instant",
    "number",
    "outcome",
    "person",
    "reference",
    "service",
    "text",
    "tool_task",
    "unordered",
    "way",
    "wrote",
]

DOMAIN_ID = "devops"

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
    return authoring.tool_task(
        task_id, difficulty, title, prompts, expected, domain=DOMAIN_ID, **options
    )


def instant(*values: str) -> ArgMatcher:
    """An instant or a date, in any ISO form of the same moment (offsets honoured)."""
    return ArgMatcher(any_of=values, match="date")


def service(fixtures: Fixtures, name: str) -> ArgMatcher:
    """Every way the API accepts a service: its name or its id, any case."""
    return text(name, fixtures.service_by_name[name].id)


def person(handle: str) -> tuple[str, ...]:
    """The forms an answer may name a person in: ``omar.haddad`` or ``Omar Haddad``."""
    return handle, handle.replace(".", " ")
