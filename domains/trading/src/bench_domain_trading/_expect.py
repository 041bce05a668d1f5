"""How the tasks write acceptable values and reference calls."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bench_core import ArgMatcher, Difficulty, ExpectedCall, ToolCall, ToolReference, ToolTask

DOMAIN_ID = "trading"

Solved = tuple[ToolTask, ToolReference]
"""A task and its reference solution."""


def symbol(ticker: str) -> list[str]:
    """Every spelling the API accepts for a symbol: ``BTCUSD``, ``BTC/USD``, ``BTC-USD``."""
    if len(ticker) == 6 and ticker.isalpha() and ticker.endswith("USD"):
        return [ticker, f"{ticker[:3]}/{ticker[3:]}", f"{ticker[:3]}-{ticker[3:]}"]
    return [ticker]


def day(date: dt.date) -> list[str]:
    """A calendar date, as the schemas' ``date`` format writes it."""
    return [date.isoformat()]


def days(*dates: dt.date) -> list[str]:
    """Several acceptable calendar dates (a period's end that may be today or yesterday)."""
    return [d.isoformat() for d in dates]


def text(*values: str) -> ArgMatcher:
    """Free text compared trimmed and case-folded."""
    return ArgMatcher(any_of=values, match="text")


def price(value: float, tolerance: float) -> ArgMatcher:
    """A price, right within ``tolerance`` (in the instrument's currency)."""
    return ArgMatcher(any_of=(value,), match="number", tolerance=tolerance)


def unordered(*values: str) -> ArgMatcher:
    """A list of strings (ids, tags) in any order."""
    return ArgMatcher(any_of=(list(values),), unordered=True)


def call(name: str, **arguments: Any) -> ToolCall:
    """A reference call."""
    return ToolCall(name=name, arguments=arguments)


def expect(
    name: str, key: str | None = None, optional: tuple[str, ...] = (), **args: Any
) -> ExpectedCall:
    """An expected call; ``args`` maps each argument to its acceptable values."""
    return ExpectedCall(name=name, args=args, optional=optional, id=key)


def tool_task(
    task_id: str,
    difficulty: Difficulty,
    title: str,
    prompts: list[str],
    expected: list[ExpectedCall],
    **options: Any,
) -> ToolTask:
    """A task of this domain, offering every tool of the domain."""
    return ToolTask(
        id=task_id,
        domain=DOMAIN_ID,
        difficulty=difficulty,
        title=title,
        prompts=tuple(prompts),
        expected=tuple(expected),
        **options,
    )


def reference(*turns: list[ToolCall], answer: str) -> ToolReference:
    """A reference solution: the calls of each assistant turn, then the final answer."""
    return ToolReference(turns=tuple(tuple(turn) for turn in turns), answer=answer)


def usd(value: float) -> str:
    """An amount as the answers write it: ``-$1,234.56``."""
    sign = "-" if value < 0 else ""
    return f"{sign}${abs(value):,.2f}"


def quoted(value: float) -> str:
    """A price as the answers write it: FX to five decimals, the rest in dollars and cents."""
    return f"{value:.5f}" if value < 10 else usd(value)
