"""``bench-run judge``: grade a finished run with a second model, resumably."""

from __future__ import annotations

import asyncio
import os
import shlex
from pathlib import Path

import msgspec
from rich.console import Console

from bench_clients import OPENROUTER_BASE_URL, ChatClient, ClientConfig, resolve_api_key
from bench_core import BenchError, Registry, Run, read_run

from .._errors import disk_full_message, is_disk_full
from .._judging import JudgePlan, judge_run, task_index
from .._plan import load_domains
from .._progress import RunProgress
from .._report import build_report
from .._tables import print_judges
from .._terminal import printable
from ..html import html_report_path, write_run_html


def judge(
    path: Path,
    /,
    *,
    judge_model: str,
    model: str | None = None,
    visual: bool = False,
    workers: int = 4,
    api_key: str | None = None,
    base_url: str | None = None,
) -> int:
    """Add judge verdicts to a finished run without calling the benchmarked model again.

    Verdicts are appended to the run's JSONL; run it again to retry the verdicts that failed.
    Exits with status 1 where every verdict asked for ended in an infra error.

    Args:
        path: The run's incremental_*.jsonl file.
        judge_model: The model that judges (OpenRouter form vendor/model).
        model: A label for the judged model in the output (default: the run's model id).
        visual: Also have the judge grade each chart as an image (its screenshot, where the
            run rendered one; else its HTML as text, and the verdict says so).
        workers: Verdicts asked for at once.
        api_key: API key of the judge's endpoint; default LLM_API_KEY from the environment or
            ./.env.
        base_url: The judge's OpenAI-compatible endpoint (default OpenRouter).
    """
    if workers < 1:
        raise BenchError(f"--workers must be 1 or more, got {workers}")
    console = Console()
    errors = Console(stderr=True, soft_wrap=True)
    plan = JudgePlan(path, llm=True, visual=visual)
    config = ClientConfig(
        model=judge_model,
        base_url=base_url or OPENROUTER_BASE_URL,
        api_key=resolve_api_key(api_key, environ=os.environ, cwd=Path.cwd()),
        temperature=0.0,
        concurrency=workers,
    )
    label = model or read_run(path).header.model
    try:
        asyncio.run(
            _judge(
                plan, config, judge_model=judge_model, workers=workers, label=label, errors=errors
            )
        )
    except BaseExceptionGroup as group:
        first = group.exceptions[0]
        if is_disk_full(first):
            advice = (
                "every verdict given is saved; free some space, then run the same "
                f"bench-run judge {shlex.quote(str(path))} again to ask for the rest"
            )
            raise BenchError(disk_full_message(first, advice=advice)) from None
        raise first from None
    run = read_run(path)
    report = build_report(run)
    path.with_suffix(".report.json").write_bytes(
        msgspec.json.format(msgspec.json.encode(report)) + b"\n"
    )
    page = html_report_path(path)
    if page.exists():  # the run's HTML report shows the verdicts too: keep it in step
        write_run_html(report, run, path, page, Registry().load_all())
    print_judges(report, console, label=label)
    return _all_failed(plan, run, errors)


def _all_failed(plan: JudgePlan, run: Run, errors: Console) -> int:
    """1, with one line saying so, where every verdict asked for ended in an infra error."""
    asked = {(*r.key, "llm") for r in plan.llm} | {(*r.key, "visual") for r in plan.visual}
    verdicts = [v for v in run.latest_judges() if (*v.key, v.judge) in asked]
    if not verdicts or any(v.status != "infra_error" for v in verdicts):
        return 0
    errors.print(
        printable(
            f"bench-run: error: every one of the {len(verdicts)} verdicts ended in an infra "
            f"error (the last: {verdicts[-1].error_message}); no verdict was given; run the "
            "command again to retry them"
        ),
        highlight=False,
        markup=False,
        soft_wrap=True,
    )
    return 1


async def _judge(
    plan: JudgePlan,
    config: ClientConfig,
    *,
    judge_model: str,
    workers: int,
    label: str,
    errors: Console,
) -> None:
    registry = Registry()
    domains, tasks = load_domains(registry)
    async with ChatClient(config) as client:
        await client.preflight()
        errors.print(
            printable(f"Judging {plan.count} verdicts of {label} with {judge_model}"),
            highlight=False,
            markup=False,
        )
        with RunProgress(plan.count, errors, label="judging") as progress:
            await judge_run(
                plan,
                client=client,
                judge_model=judge_model,
                domains=domains,
                tasks=task_index(tasks),
                workers=workers,
                progress=progress,
            )
