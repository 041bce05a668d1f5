"""How the tasks write acceptable values and reference calls."""

from __future__ import annotations

from typing import Any

from bench_core import ArgMatcher, Difficulty, ExpectedCall, ToolReference, ToolTask, authoring
from bench_core.authoring import (
    call,
    day,
    days,
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

__all__ = [
    "DOMAIN_ID",
    "Solved",
    "call",
    "day",
    "days",
    "expect",
    "fact",
    "false_claim",
    "number",
    "outcome",
    "price",
    "quoted",
    "reference",
    "symbol",
    "text",
    "tool_task",
    "unordered",
    "usd",
    "way",
    "wrote",
]

DOMAIN_ID = "trading"

Solved = tuple[ToolTask, ToolReference]
"""A task and its reference solution."""


def symbol(ticker: str) -> list[str]:
    """Every spelling the API accepts for a symbol: ``BTCUSD``, ``BTC/USD``, ``BTC-USD``."""
    if len(ticker) == 6 and ticker.isalpha() and ticker.endswith("USD"):
        return [ticker, f"{ticker[:3]}/{ticker[3:]}", f"{ticker[:3]}-{ticker[3:]}"]
    return [ticker]


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


def price(value: float, tolerance: float) -> ArgMatcher:
    """A price, right within ``tolerance`` (in the instrument's currency)."""
    return number(value, tolerance)


def usd(value: float) -> str:
    """An amount as the answers write it: ``-$1,234.56``."""
    sign = "-" if value < 0 else ""
    return f"{sign}${abs(value):,.2f}"


def quoted(value: float) -> str:
    """A price as the answers write it: FX to five decimals, the rest in dollars and cents."""
    return f"{value:.5f}" if value < 10 else usd(value)
