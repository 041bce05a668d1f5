"""Declaring tool tasks: expected calls and their matchers, right ways, outcomes, references."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from .._matchers import ArgMatcher
from .._outcome import AnswerFact, ExpectedEffect, Outcome
from .._tasks import CallSet, ExpectedCall, ToolCall, ToolReference, ToolTask
from .._weights import Difficulty


def tool_task(
    task_id: str,
    difficulty: Difficulty,
    title: str,
    prompts: Sequence[str],
    expected: Sequence[ExpectedCall],
    *,
    domain: str,
    **options: Any,
) -> ToolTask:
    """A tool task: its ten prompts (quality 1 first), expected calls and options
    (``order``, ``allowed``, ``forbidden``, ``max_turns``, ``alternatives``, ``outcome``)."""
    return ToolTask(
        id=task_id,
        domain=domain,
        difficulty=difficulty,
        title=title,
        prompts=tuple(prompts),
        expected=tuple(expected),
        **options,
    )


def expect(
    name: str,
    key: str | None = None,
    optional: tuple[str, ...] = (),
    *,
    fails: bool = False,
    **args: Any,
) -> ExpectedCall:
    """An expected call; ``args`` maps each argument to its acceptable values (a list, or a
    matcher from ``text``, ``number``, ``unordered``). ``fails``: the call must return an
    error (the mistake the task plants)."""
    return ExpectedCall(name=name, args=args, optional=optional, id=key, fails=fails)


def way(*expected: ExpectedCall, order: Sequence[tuple[str, str]] = ()) -> CallSet:
    """Another right way to do the task: its calls and their partial order."""
    return CallSet(expected=expected, order=tuple(order))


def text(*values: str) -> ArgMatcher:
    """Free text, compared trimmed and case-folded, quotation marks around it ignored."""
    return ArgMatcher(any_of=values, match="text")


def number(value: float, tolerance: float) -> ArgMatcher:
    """A number, right within ``tolerance``."""
    return ArgMatcher(any_of=(value,), match="number", tolerance=tolerance)


def unordered(*values: Any) -> ArgMatcher:
    """A list (ids, tags) in any order."""
    return ArgMatcher(any_of=(list(values),), unordered=True)


def day(date: dt.date) -> list[str]:
    """A calendar date, as the schemas' ``date`` format writes it."""
    return [date.isoformat()]


def days(*dates: dt.date) -> list[str]:
    """Several acceptable calendar dates (a period's end that may be today or yesterday)."""
    return [d.isoformat() for d in dates]


def call(name: str, **arguments: Any) -> ToolCall:
    """A call of a reference solution."""
    return ToolCall(name=name, arguments=arguments)


def reference(*turns: Sequence[ToolCall], answer: str) -> ToolReference:
    """A reference solution: the calls of each assistant turn, then the final answer."""
    return ToolReference(turns=tuple(tuple(turn) for turn in turns), answer=answer)


def outcome(
    *,
    writes: Sequence[ExpectedEffect] = (),
    facts: Sequence[AnswerFact] = (),
    allowed_writes: Sequence[str] = (),
) -> Outcome:
    """What success means: the writes required (none: the job changes nothing), the facts
    the answer states, and writes that may be made besides."""
    return Outcome(writes=tuple(writes), facts=tuple(facts), allowed_writes=tuple(allowed_writes))


def wrote(action: str, *targets: str, **fields: Any) -> ExpectedEffect:
    """A required write: the effect's action, its acceptable targets, and the fields that
    matter (each a list of acceptable values or a matcher)."""
    return ExpectedEffect(action=action, target=targets, fields=fields)


def fact(
    name: str, *forms: str | float, tolerance: float = 0.0, compact: bool = False
) -> AnswerFact:
    """A fact the answer must state: ids and names as words, numbers in any usual form
    within ``tolerance``."""
    return AnswerFact(name=name, any_of=forms, tolerance=tolerance, compact=compact)


def false_claim(name: str, *forms: str | float, tolerance: float = 0.0) -> AnswerFact:
    """A claim the answer must not make (what a false premise asserts)."""
    return AnswerFact(name=name, any_of=forms, tolerance=tolerance, absent=True)
