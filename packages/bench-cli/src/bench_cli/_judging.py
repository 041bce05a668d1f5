"""Judging a finished run: a second model grades each item; verdicts are appended to the run."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Mapping
from pathlib import Path

from bench_clients import ChatClient
from bench_core import (
    BenchError,
    ChartTask,
    Domain,
    ItemResult,
    JudgeResult,
    Store,
    Task,
    ToolReference,
    read_run,
)
from bench_judge import judge_chart_visually, judge_item

from ._progress import RunProgress
from ._run_files import chart_path, screenshot_path

JUDGE_TIMEOUT_S = 300.0


class JudgePlan:
    """Which items of a run each judge still has to grade (resumable: done verdicts stay)."""

    def __init__(self, path: Path, *, llm: bool, visual: bool) -> None:
        run = read_run(path)
        done = {
            (*verdict.key, verdict.judge)
            for verdict in run.latest_judges()
            if verdict.status == "ok"
        }
        graded = [r for r in run.latest() if r.status != "infra_error"]
        self.path = path
        self.llm = [r for r in graded if llm and (*r.key, "llm") not in done]
        self.visual = [
            r for r in graded if visual and r.suite == "charts" and (*r.key, "visual") not in done
        ]

    @property
    def count(self) -> int:
        """How many verdicts are still to ask for."""
        return len(self.llm) + len(self.visual)


async def judge_run(
    plan: JudgePlan,
    *,
    client: ChatClient,
    judge_model: str,
    domains: Mapping[str, Domain],
    tasks: Mapping[str, Task],
    workers: int,
    progress: RunProgress,
) -> None:
    """Ask for every missing verdict and append each to the run's file as it comes."""
    jobs: list[tuple[str, ItemResult]] = [("llm", r) for r in plan.llm]
    jobs += [("visual", r) for r in plan.visual]
    missing = sorted({r.task_id for _, r in jobs} - set(tasks))
    if missing:
        raise BenchError(
            f"the run holds tasks no installed domain has ({', '.join(missing[:5])}); install "
            "the domain packages the run was made with"
        )
    queue = iter(jobs)
    with Store.reopen(plan.path) as store:

        async def work() -> None:
            for kind, result in queue:
                verdict = await _grade(
                    kind,
                    result,
                    client=client,
                    judge_model=judge_model,
                    domains=domains,
                    tasks=tasks,
                    run_path=plan.path,
                )
                store.append(verdict)
                progress.advance_judged(verdict)

        async with asyncio.TaskGroup() as group:
            for _ in range(min(workers, len(jobs))):
                group.create_task(work())


async def _grade(
    kind: str,
    result: ItemResult,
    *,
    client: ChatClient,
    judge_model: str,
    domains: Mapping[str, Domain],
    tasks: Mapping[str, Task],
    run_path: Path,
) -> JudgeResult:
    task = tasks[result.task_id]
    domain = domains[task.domain]
    deadline = asyncio.get_running_loop().time() + JUDGE_TIMEOUT_S
    html = _chart_html(result, run_path)
    if kind == "visual":
        assert isinstance(task, ChartTask)
        return await judge_chart_visually(
            client,
            task,
            html or result.response or "",
            judge_model=judge_model,
            screenshot=_screenshot(result, run_path),
            deadline=deadline,
            quality=result.quality,
            repeat=result.repeat,
        )
    reference = domain.reference(task.id)
    return await judge_item(
        client,
        task,
        result,
        judge_model=judge_model,
        deadline=deadline,
        domain_preamble=domain.preamble,
        html=html,
        reference=reference if isinstance(reference, ToolReference) else None,
    )


def _chart_html(result: ItemResult, run_path: Path) -> str | None:
    """The chart's document, only where the run file names one in the run's chart folder: a
    shared run file must not make the judge send any other file to the judge's endpoint."""
    path = chart_path(run_path, result.chart_file)
    return path.read_text(encoding="utf-8", errors="replace") if path is not None else None


def _screenshot(result: ItemResult, run_path: Path) -> bytes | None:
    """The chart's PNG where the run rendered one (beside its HTML), else None."""
    path = screenshot_path(run_path, result.chart_file)
    return path.read_bytes() if path is not None else None


def task_index(tasks: Iterable[Task]) -> dict[str, Task]:
    """Tasks by id."""
    return {task.id: task for task in tasks}
