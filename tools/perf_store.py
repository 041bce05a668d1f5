"""Speed of the JSONL store: appending results, reading a run back, planning a resume.

    uv run python tools/perf_store.py [--lines 100000]

Lines are shaped like real tool items (criteria, reasons, a three-message trajectory, usage),
about 1 KB each. Target: reading 100,000 lines in under 2 seconds on a 2-core machine.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import msgspec

from bench_core import (
    Difficulty,
    ExpectedCall,
    Item,
    ItemResult,
    RunHeader,
    Store,
    Suite,
    ToolTask,
    Usage,
    plan_resume,
    read_run,
)

TRAJECTORY: list[dict[str, Any]] = [
    {
        "role": "assistant",
        "content": None,
        "tool_calls": [
            {
                "id": "call_1",
                "type": "function",
                "function": {"name": "get_trades", "arguments": '{"symbol": "AAPL", "limit": 10}'},
            }
        ],
    },
    {
        "role": "tool",
        "tool_call_id": "call_1",
        "content": '{"trades": [{"id": "T-000123", "symbol": "AAPL", "pnl": 412.5}], "total": 1}',
    },
    {"role": "assistant", "content": "Your last AAPL trade T-000123 made $412.50."},
]


def line(index: int) -> ItemResult:
    return ItemResult(
        task_id=f"E{index // 10 % 100:02d}",
        suite=Suite.TOOLS,
        domain="trading",
        difficulty=Difficulty.EASY,
        quality=index % 10 + 1,
        repeat=index // 1000,
        weight=1.0,
        status="ok",
        score=92.5,
        criteria={
            "tool_selection": 25.0,
            "required_params": 25.0,
            "optional_params": 20.0,
            "param_types": 7.5,
            "chain_order": 15.0,
        },
        reasons=["param_types -7.50: argument 'limit' in get_trades expects integer, got string"],
        response="Your last AAPL trade T-000123 made $412.50.",
        trajectory=TRAJECTORY,
        usage=Usage(prompt_tokens=1812, completion_tokens=64, cost=0.00042),
        latency_s=1.234,
        turns=2,
        providers=["Together"],
        finished_at="2026-11-28T10:00:00Z",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=100_000)
    count = parser.parse_args().lines
    header = RunHeader(
        run_id="perf",
        created_at="2026-11-28T10:00:00Z",
        model="perf/model",
        endpoint="127.0.0.1",
        params={},
        selection={},
        task_set="x",
        items=count,
    )
    results = [line(i) for i in range(count)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "run.jsonl"
        start = time.perf_counter()
        with Store.create(path, header) as store:
            for result in results:
                store.append(result)
        write_s = time.perf_counter() - start
        size_mb = path.stat().st_size / 1e6
        reads = []
        for _ in range(3):
            start = time.perf_counter()
            run = read_run(path)
            reads.append(time.perf_counter() - start)
        assert len(run.results) == count
        task = ToolTask(
            id="E00",
            domain="trading",
            difficulty=Difficulty.EASY,
            title="t",
            prompts=("p",) * 10,
            expected=(ExpectedCall(name="get_trades"),),
        )
        # The planned items: those of the file, plus 1,000 not run yet.
        items = [
            Item(
                task=msgspec.structs.replace(task, id=r.task_id), quality=r.quality, repeat=r.repeat
            )
            for r in results
        ]
        items += [Item(task=task, quality=1, repeat=10_000 + i) for i in range(1_000)]
        start = time.perf_counter()
        plan = plan_resume(run, items)
        plan_s = time.perf_counter() - start
    print(
        f"append {count:,} lines ({size_mb:.0f} MB): {write_s:.2f} s "
        f"({count / write_s:,.0f} lines/s)"
    )
    print(
        f"read back: median {statistics.median(reads):.2f} s of 3 "
        f"({count / statistics.median(reads):,.0f} lines/s)"
    )
    print(f"resume plan over {count:,} items: {plan_s:.2f} s ({len(plan.pending):,} pending)")


if __name__ == "__main__":
    main()
