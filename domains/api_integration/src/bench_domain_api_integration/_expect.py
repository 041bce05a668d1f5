"""How the tasks write acceptable values, answer facts and reference calls."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from bench_core import ArgMatcher, Difficulty, ExpectedCall, ToolReference, ToolTask, authoring
from bench_core.authoring import (
    call,
    expect,
    fact,
    false_claim,
    outcome,
    reference,
    text,
    way,
    wrote,
)

from ._fixtures import ApiKey, Customer, Endpoint

__all__ = [
    "DOMAIN_ID",
    "Solved",
    "call",
    "customer",
    "date_forms",
    "endpoint",
    "expect",
    "fact",
    "false_claim",
    "moment",
    "outcome",
    "reference",
    "route_forms",
    "text",
    "tool_task",
    "way",
    "wrote",
]

DOMAIN_ID = "api_integration"

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


def customer(record: Customer) -> ArgMatcher:
    """A customer as the tools accept it: its id or its name ('&' also written 'and')."""
    return text(*dict.fromkeys((record.id, record.name, record.name.replace(" & ", " and "))))


def endpoint(record: Endpoint) -> ArgMatcher:
    """An endpoint as the tools accept it: its id or ``METHOD /path``."""
    return text(record.id, record.route)


def route_forms(record: Endpoint) -> tuple[str, ...]:
    """The ways an answer names an endpoint: ``GET /v2/labels/{label_id}``, ``EP-08``, the
    path alone, and the path parameters written ``:label_id`` as some frameworks write them."""
    colon = re.sub(r"\{(\w+)\}", r":\1", record.path)
    return tuple(dict.fromkeys((record.route, record.id, record.path, f"{record.method} {colon}")))


def key_forms(key: ApiKey) -> tuple[str, ...]:
    """The ways an answer names a key: its id."""
    return (key.id,)


def date_forms(day: dt.date) -> tuple[str, ...]:
    """A calendar date as people write it: ``2026-04-30``, ``April 30``, ``30 April``."""
    month = day.strftime("%B")
    short = day.strftime("%b")
    return (
        day.isoformat(),
        f"{month} {day.day}",
        f"{day.day} {month}",
        f"{short} {day.day}",
        f"{day.day} {short}",
        f"{month[:3]}. {day.day}",
    )


def moment(value: dt.datetime) -> list[str]:
    """A UTC moment as a date-time argument (every offset form compares equal)."""
    return [value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")]
