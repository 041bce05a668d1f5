"""Throughput of the tool-call scorer: scored items per second.

    uv run python tools/perf_tool_scorer.py [--seconds 3]

Prints the median of five rounds for a one-call task and a five-call task (with ordering
constraints, a lookup to ignore and a wrong argument, so every criterion does real work), and
for a one-call item scored as the runner scores it (score_item: the outcome rules, a required
write compared as an effect, two answer facts found in the final answer).
Target on a 2-core machine: at least 10,000 one-call items per second.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from typing import Any

from bench_core import (
    AnswerFact,
    Difficulty,
    Effect,
    ExpectedCall,
    ExpectedEffect,
    Outcome,
    ToolTask,
    Transcript,
    TranscriptCall,
)
from bench_scoring import score_item, score_tool_calls


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

    task = ToolTask(
        id="PF_E01",
        domain="perf",
        difficulty=Difficulty.EASY,
        title="close one position",
        prompts=tuple(f"prompt {q}" for q in range(1, 11)),
        expected=(ExpectedCall(name="close_position", args={"position_id": ["P-7"]}),),
        outcome=Outcome(
            writes=(ExpectedEffect(action="close_position", target=("P-7",)),),
            facts=(
                AnswerFact(name="the position", any_of=("P-7",)),
                AnswerFact(name="realized PnL", any_of=(-1234.5,), tolerance=0.01),
            ),
        ),
    )
    transcript = Transcript(
        calls=[TranscriptCall(turn=0, name="close_position", arguments={"position_id": "P-7"})],
        answer="Closed P-7 (AAPL, 100 shares) at $187.20; realized PnL -$1,234.50 after fees.",
        turns=2,
    )
    effects = [Effect(action="close_position", target="P-7", fields={"quantity": 100})]
    writes = ["close_position", "add_note"]

    def item() -> object:
        return score_item(task, transcript, effects, tools=TOOLS, writes=writes)

    assert one().total == 100  # type: ignore[attr-defined]
    assert item().outcome.success  # type: ignore[attr-defined]
    print(f"five-call sample scores {five().total}: {five().reasons}")  # type: ignore[attr-defined]
    rounds: dict[str, list[float]] = {"one-call": [], "five-call": [], "one-call item": []}
    for _ in range(5):  # interleaved, as shared machines drift
        rounds["one-call"].append(rate(one, seconds / 5))
        rounds["five-call"].append(rate(five, seconds / 5))
        rounds["one-call item"].append(rate(item, seconds / 5))
    for name, values in rounds.items():
        print(
            f"{name:>13}: {statistics.median(values):>9,.0f} items/s  "
            f"(min {min(values):,.0f}, max {max(values):,.0f}, 5 rounds)"
        )


if __name__ == "__main__":
    main()
