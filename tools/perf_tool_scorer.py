"""Throughput of the tool-call scorer: scored items per second.

    uv run python tools/perf_tool_scorer.py [--seconds 3]

Prints the median of five rounds for a one-call task and a five-call task (with ordering
constraints, a lookup to ignore and a wrong argument, so every criterion does real work).
Target on a 2-core machine: at least 10,000 one-call items per second.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from typing import Any

from bench_scoring import score_tool_calls


def tool(name: str, properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    return {
        "type": "function",
        "function": {
            "name": name,
            "parameters": {"type": "object", "properties": properties, "required": required},
        },
    }


TOOLS = [
    tool(
        "get_trades",
        {
            "symbol": {"type": "string"},
            "status": {"type": "string", "enum": ["open", "closed"]},
            "since": {"type": "string", "format": "date"},
            "limit": {"type": "integer"},
        },
        ["symbol"],
    ),
    tool("get_trade", {"trade_id": {"type": "string"}}, ["trade_id"]),
    tool("list_strategies", {}, []),
    tool("risk_metrics", {"strategy": {"type": "string"}, "metric": {"type": "string"}}, []),
    tool("close_position", {"position_id": {"type": "string"}}, ["position_id"]),
    tool("add_note", {"text": {"type": "string"}, "trade_id": {"type": "string"}}, ["text"]),
    *[tool(f"other_{i}", {"x": {"type": "integer"}}, []) for i in range(8)],
]

ONE_EXPECTED = [
    {"name": "get_trades", "args": {"symbol": ["AAPL"], "status": ["closed"], "limit": [10]}}
]
ONE_CALLS = [
    {
        "id": "call_0",
        "type": "function",
        "function": {
            "name": "get_trades",
            "arguments": json.dumps({"symbol": "aapl", "status": "closed", "limit": 10}),
        },
    }
]

FIVE_EXPECTED = [
    {"name": "list_strategies", "args": {}, "id": "list"},
    {
        "name": "risk_metrics",
        "args": {"strategy": ["momentum"], "metric": ["drawdown"]},
        "id": "risk",
    },
    {"name": "get_trades", "args": {"symbol": ["AAPL"], "since": ["2026-03-01"]}, "id": "trades"},
    {"name": "close_position", "args": {"position_id": ["P-104"]}, "id": "close"},
    {
        "name": "add_note",
        "args": {"text": ["closed on drawdown"], "trade_id": ["T-77"]},
        "id": "note",
    },
]
FIVE_ORDER = [("list", "risk"), ("risk", "close"), ("trades", "close"), ("close", "note")]
FIVE_CALLS = [
    {"name": "list_strategies", "arguments": {}, "turn": 0},
    {
        "name": "risk_metrics",
        "arguments": {"strategy": "Momentum", "metric": "drawdown"},
        "turn": 1,
    },
    {
        "name": "get_trades",
        "arguments": {"symbol": "AAPL", "since": "2026-03-01T00:00:00Z"},
        "turn": 1,
    },
    {"name": "get_trade", "arguments": {"trade_id": "T-77"}, "turn": 2},
    {"name": "close_position", "arguments": '{"position_id": "P-104"}', "turn": 2},
    {
        "name": "add_note",
        "arguments": {"text": "Closed on drawdown", "trade_id": "T-76"},
        "turn": 3,
    },
]


def rate(work: Callable[[], object], seconds: float) -> float:
    count = 0
    start = time.perf_counter()
    deadline = start + seconds
    while time.perf_counter() < deadline:
        for _ in range(100):
            work()
        count += 100
    return count / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="length of one round")
    seconds = parser.parse_args().seconds

    def one() -> object:
        return score_tool_calls(tools=TOOLS, expected=ONE_EXPECTED, calls=ONE_CALLS)

    def five() -> object:
        return score_tool_calls(
            tools=TOOLS,
            expected=FIVE_EXPECTED,
            calls=FIVE_CALLS,
            order=FIVE_ORDER,
            allowed=["get_trade"],
            writes=["close_position", "add_note"],
        )

    assert one().total == 100  # type: ignore[attr-defined]
    print(f"five-call sample scores {five().total}: {five().reasons}")  # type: ignore[attr-defined]
    rounds: dict[str, list[float]] = {"one-call": [], "five-call": []}
    for _ in range(5):  # interleaved, as shared machines drift
        rounds["one-call"].append(rate(one, seconds / 5))
        rounds["five-call"].append(rate(five, seconds / 5))
    for name, values in rounds.items():
        print(
            f"{name:>9}: {statistics.median(values):>9,.0f} items/s  "
            f"(min {min(values):,.0f}, max {max(values):,.0f}, 5 rounds)"
        )


if __name__ == "__main__":
    main()
