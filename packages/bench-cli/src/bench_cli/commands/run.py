"""``bench-run run``: benchmark one model."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import os
import shlex
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import msgspec
from rich.console import Console

from bench_clients import OPENROUTER_BASE_URL, ChatClient, ClientConfig, resolve_api_key
from bench_core import BenchError, Item, Registry, Store, plan_resume, read_run

from .._errors import disk_full_message, is_disk_full
from .._judging import JudgePlan, judge_run
from .._models import REFERENCE_MODEL, EndpointModel, Model, ReferenceModel
from .._plan import (
    Plan,
    endpoint_host,
    make_header,
    make_plan,
    model_slug,
    public_base_url,
    slug_is_shortened,
)
from .._progress import RunProgress
from .._report import build_report
from .._runner import Runner
from .._tables import print_report
from .._terminal import printable
from ..html import html_report_path, write_run_html

if TYPE_CHECKING:  # the browser extra is optional
    from bench_scoring.browser import ChartBrowser


def run(
    *,
    model: str,
    suite: Literal["tools", "charts", "all"] | None = None,
    domain: str | None = None,
    task_id: str | None = None,
    mode: Literal["normal", "mixed"] | None = None,
    seed: int | None = None,
    min_quality: int | None = None,
    max_quality: int | None = None,
    min_difficulty: Literal["easy", "medium", "hard", "expert"] | None = None,
    max_difficulty: Literal["easy", "medium", "hard", "expert"] | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    max_tokens: int | None = None,
    workers: int = 4,
    task_timeout: float = 300.0,
    resume: Path | None = None,
    repeats: int | None = None,
    provider_sort: Literal["price", "throughput", "latency"] | None = None,
    provider_order: str | None = None,
    provider_no_fallback: bool = False,
    api_key: str | None = None,
    base_url: str | None = None,
    output_dir: Path = Path("results"),
    llm_judge: bool = False,
    judge_model: str | None = None,
    visual_judge: bool = False,
    render: bool = False,
) -> int:
    """Run the benchmark on one model.

    Args:
        model: Model id as the endpoint expects it (OpenRouter form vendor/model), or
            "reference" for the offline reference solutions.
        suite: tools, charts or all (default all).
        domain: One domain, a comma list, or all (default all).
        task_id: Comma list of task ids (default all).
        mode: normal, or mixed: the same number of tasks per difficulty from each domain.
        seed: Seed of --mode mixed (default 42).
        min_quality: Lowest prompt quality, 1-10 (default 1).
        max_quality: Highest prompt quality, 1-10 (default 10).
        min_difficulty: Lowest difficulty (default easy).
        max_difficulty: Highest difficulty (default expert).
        temperature: Sampling temperature (default 0.0).
        top_p: Nucleus sampling; sent only when given.
        max_tokens: Most tokens per response; sent only when given.
        workers: Items in flight at once.
        task_timeout: Seconds per item; past it the item is an infra error.
        resume: A run's JSONL to continue: finished items are kept, infra errors retried.
        repeats: Run each item this many times (default 1); the report adds pass^k.
        provider_sort: OpenRouter only: price, throughput or latency.
        provider_order: OpenRouter only: comma list of preferred providers.
        provider_no_fallback: OpenRouter only: use only --provider-order.
        api_key: API key; default LLM_API_KEY from the environment or ./.env.
        base_url: Any OpenAI-compatible endpoint (default OpenRouter).
        output_dir: Where the JSONL, the report and chart files go.
        llm_judge: A second model grades each item (apart from the automated score).
        judge_model: The judging model, on the same endpoint; needed by both judges.
        visual_judge: The judge also grades each chart as an image (its HTML as text where no
            screenshot was rendered; the verdict says which).
        render: Render each chart in a sandboxed Chromium: script errors, data drawn by
            scripts, hover and legend checks count in its score, and a PNG is saved beside it
            (needs the browser extra, a Chromium and `bench-run setup`).
    """
    console = Console()
    errors = Console(stderr=True, soft_wrap=True)  # paths and commands must stay copyable
    if workers < 1:
        raise BenchError(f"--workers must be 1 or more, got {workers}")
    if not task_timeout > 0:
        raise BenchError(f"--task-timeout must be a positive number of seconds, got {task_timeout}")
    if max_tokens is not None and max_tokens < 1:
        raise BenchError(f"--max-tokens must be 1 or more, got {max_tokens}")
    if (llm_judge or visual_judge) and not judge_model:
        flag = "--llm-judge" if llm_judge else "--visual-judge"
        raise BenchError(f"{flag} needs --judge-model: the model that judges")
    if judge_model and not (llm_judge or visual_judge):
        raise BenchError("--judge-model is used by --llm-judge or --visual-judge; add one")

    resumed = read_run(resume).header if resume is not None else None
    registry = Registry()
    plan = make_plan(
        model=model,
        selection={
            "suite": suite,
            "domains": _split(domain),
            "task_ids": _split(task_id),
            "min_quality": min_quality,
            "max_quality": max_quality,
            "min_difficulty": min_difficulty,
            "max_difficulty": max_difficulty,
            "mode": mode,
            "seed": seed,
            "repeats": repeats,
        },
        params={
            "temperature": temperature,
            "top_p": top_p,
            "max_tokens": max_tokens,
            "base_url": public_base_url(base_url) if base_url else None,
            "provider_sort": provider_sort,
            "provider_order": list(_split(provider_order) or ()) or None,
            "provider_no_fallback": provider_no_fallback or None,
        },
        registry=registry,
        resumed=resumed,
    )
    for problem in registry.problems:  # the domains left out; the others run
        errors.print(printable(f"bench-run: warning: {problem}"), highlight=False, markup=False)
    endpoint = base_url or plan.params["base_url"] or OPENROUTER_BASE_URL
    return asyncio.run(
        _run(
            plan,
            base_url=endpoint,
            api_key=api_key,
            workers=workers,
            task_timeout=task_timeout,
            resume=resume,
            output_dir=output_dir,
            render=render,
            judging=Judging(llm=llm_judge, visual=visual_judge, model=judge_model),
            console=console,
            errors=errors,
        )
    )


async def _run(
    plan: Plan,
    *,
    base_url: str,
    api_key: str | None,
    workers: int,
    task_timeout: float,
    resume: Path | None,
    output_dir: Path,
    render: bool,
    judging: Judging,
    console: Console,
    errors: Console,
) -> int:
    key = (
        None
        if plan.model == REFERENCE_MODEL and judging.model is None
        else resolve_api_key(api_key, environ=os.environ, cwd=Path.cwd())
    )
    async with contextlib.AsyncExitStack() as stack:
        browser = await _open_browser(stack) if render else None
        if browser is None and judging.visual:
            # The visual judge wants screenshots: render where a browser is at hand, and
            # otherwise judge the HTML as text, as the verdicts then say.
            try:
                browser = await _open_browser(stack)
            except BenchError as error:
                errors.print(
                    printable(
                        f"bench-run: warning: {error}; the visual judge gets the HTML as text"
                    ),
                    highlight=False,
                    markup=False,
                )
        model: Model
        if plan.model == REFERENCE_MODEL:
            model = ReferenceModel(plan.domains)
        else:
            params = plan.params
            config = ClientConfig(
                model=plan.model,
                base_url=base_url,
                api_key=key,
                temperature=params["temperature"],
                top_p=params["top_p"],
                max_tokens=params["max_tokens"],
                provider_sort=params["provider_sort"],
                provider_order=tuple(params["provider_order"]),
                provider_no_fallback=params["provider_no_fallback"],
                concurrency=workers,
                request_timeout_s=min(task_timeout, 600.0),
            )
            for warning in config.warnings():
                errors.print(
                    printable(f"bench-run: warning: {warning}"), highlight=False, markup=False
                )
            model = EndpointModel(await _connect(stack, config))
        judge_client = None
        if judging.model is not None:
            judge_config = ClientConfig(
                model=judging.model,
                base_url=base_url,
                api_key=key,
                temperature=0.0,
                concurrency=workers,
            )
            judge_client = await _connect(stack, judge_config)
        store, pending, done = _open_store(plan, base_url, resume, output_dir)
        if resume is None and slug_is_shortened(plan.model):
            errors.print(
                f"bench-run: note: the model id is {len(plan.model)} characters long, so the "
                "run's file name carries a shortened form with a hash; nothing is lost: the "
                "run's header keeps the whole id",
                highlight=False,
                markup=False,
            )
        code = await _execute(
            plan,
            model=model,
            store=store,
            pending=pending,
            done=done,
            workers=workers,
            task_timeout=task_timeout,
            browser=browser,
            errors=errors,
        )
        if code == 0 and judge_client is not None and judging.model is not None:
            await _judge_after(
                store.path,
                plan,
                client=judge_client,
                judging=judging,
                workers=workers,
                errors=errors,
            )
        if code == 0:
            _finish(store.path, plan, console)
            code = _all_infra_errors(store.path, plan, errors)
        return code


def _all_infra_errors(path: Path, plan: Plan, errors: Console) -> int:
    """1, with one line saying so, where every item of the run ended in an infra error: the
    endpoint answered nothing that could be scored, and a pipeline must not take that for a
    result."""
    latest = read_run(path).latest()
    if not latest or any(result.status != "infra_error" for result in latest):
        return 0
    last = latest[-1]
    errors.print(
        printable(
            f"bench-run: error: every one of the {len(latest)} items ended in an infra error "
            f"(the last: {last.error_class}: {last.error_message}); nothing was scored; "
            f"retry them with: {_resume_command(plan, path)}"
        ),
        highlight=False,
        markup=False,
        soft_wrap=True,
    )
    return 1


async def _open_browser(stack: contextlib.AsyncExitStack) -> ChartBrowser:
    """The run's sandboxed Chromium, or one clear line on what is missing."""
    try:
        from bench_scoring.browser import ChartBrowser  # noqa: PLC0415 - the optional extra
    except ImportError:
        raise BenchError(
            "--render needs the browser extra: pip install 'bench-scoring[browser]'"
        ) from None
    try:
        return await stack.enter_async_context(ChartBrowser())
    except (ImportError, FileNotFoundError) as error:
        raise BenchError(f"--render: {error}") from None


async def _connect(stack: contextlib.AsyncExitStack, config: ClientConfig) -> ChatClient:
    """An open client whose endpoint, key and model were checked: a run that cannot start
    writes nothing."""
    client = await stack.enter_async_context(ChatClient(config))
    await client.preflight()
    return client


async def _judge_after(
    path: Path,
    plan: Plan,
    *,
    client: ChatClient,
    judging: Judging,
    workers: int,
    errors: Console,
) -> None:
    assert judging.model is not None
    judge_plan = JudgePlan(path, llm=judging.llm, visual=judging.visual)
    errors.print(
        printable(f"Judging {judge_plan.count} verdicts with {judging.model}"),
        highlight=False,
        markup=False,
    )
    tasks = {item.task.id: item.task for item in plan.items}
    with RunProgress(judge_plan.count, errors, label="judging") as progress:
        await judge_run(
            judge_plan,
            client=client,
            judge_model=judging.model,
            domains=plan.domains,
            tasks=tasks,
            workers=workers,
            progress=progress,
        )


def _finish(path: Path, plan: Plan, console: Console) -> None:
    run = read_run(path)
    report = build_report(run)
    report_path = path.with_suffix(".report.json")
    report_path.write_bytes(msgspec.json.format(msgspec.json.encode(report)) + b"\n")
    html_path = html_report_path(path)
    write_run_html(report, run, path, html_path, plan.domains.values())
    print_report(report, console)
    console.print(
        f"Results: {path}\nReport:  {report_path}\nHTML:    {html_path}",
        highlight=False,
        markup=False,
    )


class Judging(msgspec.Struct, frozen=True, kw_only=True):
    """The judges asked for with the run."""

    llm: bool = False
    visual: bool = False
    model: str | None = None


def _open_store(
    plan: Plan, base_url: str, resume: Path | None, output_dir: Path
) -> tuple[Store, list[Item], int]:
    if resume is not None:
        store = Store.reopen(resume)
        resume_plan = plan_resume(read_run(resume), plan.items)
        return store, resume_plan.pending, len(resume_plan.done)
    now = dt.datetime.now(dt.UTC)
    stem = f"incremental_{model_slug(plan.model)}_{now:%Y%m%d_%H%M%S}"
    path = output_dir / f"{stem}.jsonl"
    suffix = 1
    while path.exists():  # two runs started within the same second
        suffix += 1
        path = output_dir / f"{stem}_{suffix}.jsonl"
    header = make_header(
        plan, endpoint=endpoint_host(plan.model, base_url), run_id=path.stem, created_at=now
    )
    try:
        output_dir.mkdir(parents=True, exist_ok=True)
        return Store.create(path, header), list(plan.items), 0
    except OSError as error:
        if is_disk_full(error):
            path.unlink(missing_ok=True)  # a run that cannot start writes nothing
        full = disk_full_message(
            error, advice="nothing was written; free some space, then start the run again"
        )
        reason = full or f"cannot create the run file {path}: {error.strerror or error}"
        raise BenchError(reason) from None


async def _execute(
    plan: Plan,
    *,
    model: Model,
    store: Store,
    pending: list[Item],
    done: int,
    workers: int,
    task_timeout: float,
    browser: ChartBrowser | None,
    errors: Console,
) -> int:
    resume_command = _resume_command(plan, store.path)
    errors.print(
        printable(
            f"Running {len(pending)} items on {plan.model} ({done} already done) → {store.path}"
        ),
        highlight=False,
        markup=False,
    )
    try:
        with RunProgress(done + len(pending), errors, done=done) as progress:
            runner = Runner(
                model=model,
                domains=plan.domains,
                store=store,
                progress=progress,
                workers=workers,
                task_timeout=task_timeout,
                # A folder per run, so that runs sharing an output dir keep their own charts.
                charts_dir=store.path.parent / f"{store.path.stem}_charts",
                browser=browser,
            )
            await runner.run(pending)
    except asyncio.CancelledError:
        store.close()
        errors.print(
            printable(
                f"\nInterrupted. Every finished item is saved. To continue:\n  {resume_command}",
                multiline=True,
            ),
            highlight=False,
            markup=False,
            soft_wrap=True,
        )
        return 130
    except BaseExceptionGroup as group:
        first = group.exceptions[0]
        if is_disk_full(first):
            # Nothing is lost: each line went whole or not at all, and a torn last line is
            # repaired by --resume.
            with contextlib.suppress(OSError):
                store.close()
            advice = (
                "every finished item is saved; free some space, then continue the run with "
                f"--resume: {resume_command}"
            )
            raise BenchError(disk_full_message(first, advice=advice)) from None
        store.close()
        errors.print(
            printable(
                f"The run stopped. Every finished item is saved. To continue:\n  {resume_command}",
                multiline=True,
            ),
            highlight=False,
            markup=False,
            soft_wrap=True,
        )
        raise first from None
    store.close()
    return 0


def _resume_command(plan: Plan, path: Path) -> str:
    return shlex.join(["bench-run", "run", "--model", plan.model, "--resume", str(path)])


def _split(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    parts = tuple(part.strip() for part in value.split(",") if part.strip())
    return () if parts in ((), ("all",)) else parts
