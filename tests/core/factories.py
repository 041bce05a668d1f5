"""Small builders of records for the core tests."""

from __future__ import annotations

from typing import Any

from bench_core import (
    ChartSpec,
    ChartTask,
    Difficulty,
    ExpectedCall,
    ItemResult,
    OutcomeResult,
    RunHeader,
    Suite,
    ToolTask,
)

PROMPTS = tuple(f"prompt at quality {q}" for q in range(1, 11))


def tool_task(task_id: str, domain: str = "trading", difficulty: str = "easy") -> ToolTask:
    return ToolTask(
        id=task_id,
        domain=domain,
        difficulty=Difficulty(difficulty),
        title=f"task {task_id}",
        prompts=PROMPTS,
        expected=(ExpectedCall(name="get_trades", args={"symbol": ["AAPL"]}),),
    )


def chart_task(task_id: str, domain: str = "trading", difficulty: str = "easy") -> ChartTask:
    return ChartTask(
        id=task_id,
        domain=domain,
        difficulty=Difficulty(difficulty),
        title=f"chart {task_id}",
        prompts=PROMPTS,
        data="month,pnl\nJan,10\n",
        data_format="csv",
        spec=ChartSpec(chart_type="bar", labels=("Jan",), values=(10.0,)),
    )


def header(**overrides: Any) -> RunHeader:
    values: dict[str, Any] = {
        "run_id": "incremental_test_20261128_000000",
        "created_at": "2026-11-28T00:00:00Z",
        "model": "test/model",
        "endpoint": "127.0.0.1",
        "params": {"temperature": 0.0},
        "selection": {"suite": "all"},
        "task_set": "abc",
        "items": 10,
    }
    values.update(overrides)
    return RunHeader(**values)


def result(
    task_id: str = "E01",
    quality: int = 1,
    *,
    score: float = 100.0,
    status: str = "ok",
    difficulty: str = "easy",
    domain: str = "trading",
    suite: str = "tools",
    repeat: int = 0,
    criteria: dict[str, float] | None = None,
    error_class: str | None = None,
    success: bool | None = None,
) -> ItemResult:
    level = Difficulty(difficulty)
    return ItemResult(
        task_id=task_id,
        suite=Suite(suite),
        domain=domain,
        difficulty=level,
        quality=quality,
        weight=level.weight,
        status=status,  # type: ignore[arg-type]
        score=score,
        repeat=repeat,
        criteria=criteria or {},
        error_class=error_class,
        outcome=None if success is None else OutcomeResult(success=success),
    )
