"""The HTML report of one run: its figures drawn, every item listed, its charts shown.

Everything the model wrote is hostile: it reaches the page only as JSON that the page's
script writes into text nodes, never as markup, and no chart document is ever loaded. Each
chart is linked through a sandboxed wrapper (`_sandbox`), never as the model's file itself.
"""

from __future__ import annotations

import base64
import hashlib
import os
import urllib.parse
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from html import escape
from pathlib import Path
from typing import Any

import msgspec

from bench_core import (
    CRITERIA,
    Difficulty,
    Domain,
    Item,
    ItemResult,
    JudgeResult,
    Run,
    Suite,
    Task,
    task_set_fingerprint,
)

from .._library_cache import default_cache_dir
from .._prompts import opening_messages
from .._run_files import chart_path, screenshot_path
from . import _figures as figures
from ._page import render_page
from ._sandbox import (
    LIBRARIES_FILE,
    LocalLibraries,
    sandbox_folder,
    sandbox_path,
    sandboxed_page,
)
from ._sections import (
    JUDGE_HEADERS,
    cost_text,
    definition_list,
    error_rows,
    figure_card,
    interval_text,
    judge_rows,
    navigation,
    score_text,
    section,
    table,
    tokens_text,
)

PromptLookup = Callable[[str, int], str | None]
"""``(task_id, quality) -> the prompt the model was given``, or None where it is unknown."""

ANSWER_LIMIT = 30_000
MESSAGE_LIMIT = 6_000
SCREENSHOT_LIMIT = 4_000_000
_PNG = b"\x89PNG\r\n\x1a\n"


def render_run_html(
    report: Mapping[str, Any],
    run: Run,
    run_path: Path,
    prompts: PromptLookup | None,
    *,
    html_path: Path | None = None,
    prompts_note: str | None = None,
) -> str:
    """The self-contained HTML report of a run.

    Args:
        report: The run's JSON report (``build_report``).
        run: The run read back: its items, answers and judge verdicts.
        run_path: The run's JSONL file; chart files and screenshots are found beside it.
        prompts: Where each item's prompt comes from (``installed_prompts``); None: no prompts.
        html_path: Where the page will be written, so that links to the charts' sandboxed
            wrappers (`write_run_html` writes them) are relative to it; by default beside the
            run.
        prompts_note: Said above every prompt (that the installed tasks changed since the run).
    """
    html_path = html_path or html_report_path(run_path)
    page_dir = html_path.parent
    header, summary = report["run"], report["summary"]
    label = header["model"]
    series = [(label, summary)]
    figure_set = figures.shared(
        series,
        [(label, summary["overall"], report["usage"])],
        [(label, report["latency_s"])],
    )
    judges = _verdicts(run.latest_judges())
    images: dict[str, str] = {}
    items = []
    for result in sorted(run.latest(), key=_reading_order):
        chart = chart_path(run_path, result.chart_file)
        # The wrapper, never the model's file: opened as it is, it would run with the network.
        href = _link(sandbox_path(html_path, chart), page_dir) if chart is not None else None
        png = screenshot_path(run_path, result.chart_file)
        image = _screenshot(png, images) if png is not None else None
        items.append(_item(result, prompts, judges.get(result.key, []), href, image))
    data = {
        "kind": "run",
        "figures": figure_set,
        "items": items,
        "images": images,
        "criteria": {suite.value: dict(CRITERIA[suite]) for suite in Suite},
        "prompts_note": prompts_note,
    }
    body = _body(report, figure_set, items)
    return render_page(title=f"Bencher — {label}", body=body, data=data)


def _reading_order(result: ItemResult) -> tuple[int, str, int, str, int, int]:
    """Suite, domain, difficulty, task, quality: the order of the task tables."""
    return (
        list(Suite).index(result.suite),
        result.domain,
        list(Difficulty).index(result.difficulty),
        result.task_id,
        result.quality,
        result.repeat,
    )


def installed_prompts(run: Run, domains: Iterable[Domain]) -> tuple[PromptLookup, str | None]:
    """Each item's prompt from the installed domains, and a note where they changed since the
    run (the prompts shown are then today's, not necessarily those the model was given)."""
    found: dict[str, tuple[Domain, Task]] = {}
    for domain in domains:
        for task in domain.tasks():
            found[task.id] = (domain, task)

    def prompt(task_id: str, quality: int) -> str | None:
        if task_id not in found:
            return None
        domain, task = found[task_id]
        try:
            messages = opening_messages(domain, Item(task=task, quality=quality))
        except ValueError:  # a quality the installed task does not have
            return None
        return str(messages[-1]["content"])

    run_ids = {result.task_id for result in run.latest()}
    tasks = [found[task_id][1] for task_id in run_ids if task_id in found]
    note = None
    if len(tasks) < len(run_ids):
        note = "Some of the run's tasks are not installed: their prompts are not available."
    elif task_set_fingerprint(tasks) != run.header.task_set:
        note = (
            "The installed tasks differ from those of the run: the prompts shown are today's, "
            "not necessarily those the model was given."
        )
    return prompt, note


def _item(
    result: ItemResult,
    prompts: PromptLookup | None,
    verdicts: list[JudgeResult],
    href: str | None,
    image: str | None,
) -> dict[str, Any]:
    key = f"{result.task_id}_Q{result.quality}" + (f"_R{result.repeat}" if result.repeat else "")
    item: dict[str, Any] = {
        "key": key,
        "task_id": result.task_id,
        "suite": result.suite.value,
        "domain": result.domain,
        "difficulty": result.difficulty.value,
        "quality": result.quality,
        "repeat": result.repeat,
        "status": result.status,
        "score": result.score,
        "weight": result.weight,
        "criteria": result.criteria,
        "reasons": result.reasons,
        "notes": result.notes,
        "normalized": result.normalized,
        "error": (
            None
            if result.error_class is None and result.error_message is None
            else f"{result.error_class or 'error'}: {result.error_message or ''}"
        ),
        "latency_s": result.latency_s,
        "attempts": result.attempts,
        "turns": result.turns,
        "usage": {
            "prompt_tokens": result.usage.prompt_tokens,
            "completion_tokens": result.usage.completion_tokens,
            "reasoning_tokens": result.usage.reasoning_tokens,
            "cost": result.usage.cost,
        },
        "providers": result.providers,
        "prompt": prompts(result.task_id, result.quality) if prompts else None,
        "chart_href": href,
        "image": image,
        "judges": [
            {
                "judge": v.judge,
                "judge_model": v.judge_model,
                "status": v.status,
                "score": v.score,
                "scores": v.scores,
                "reason": v.reason,
                "input_kind": v.input_kind,
                "error": v.error_message,
            }
            for v in verdicts
        ],
    }
    if result.suite == Suite.CHARTS:
        item["answer"] = _clip(result.response, ANSWER_LIMIT)
        item["trajectory"] = []  # a chart item's one message is its answer
    else:
        item["answer"] = _clip(result.response, MESSAGE_LIMIT)
        item["trajectory"] = [_message(message) for message in result.trajectory]
    return item


def _message(message: Mapping[str, Any]) -> dict[str, Any]:
    """A trajectory message with only what a reader needs, each text clipped."""
    calls = []
    for call in message.get("tool_calls") or []:
        function = call.get("function", {}) if isinstance(call, Mapping) else {}
        arguments = function.get("arguments", "")
        if not isinstance(arguments, str):
            arguments = msgspec.json.encode(arguments).decode()
        calls.append({"name": str(function.get("name", "")), "arguments": _clip(arguments)})
    content = message.get("content")
    reasoning = message.get("reasoning") or message.get("reasoning_content")
    return {
        "role": str(message.get("role", "")),
        "content": _clip(content if isinstance(content, str) else None),
        "reasoning": _clip(reasoning if isinstance(reasoning, str) else None),
        "calls": calls,
        "tool_call_id": message.get("tool_call_id"),
    }


def _clip(text: str | None, limit: int = MESSAGE_LIMIT) -> str | None:
    if text is None or len(text) <= limit:
        return text
    return f"{text[:limit]}\n… [{len(text) - limit:,} more characters not shown]"


def _verdicts(verdicts: Iterable[JudgeResult]) -> dict[tuple[str, int, int], list[JudgeResult]]:
    by_item: dict[tuple[str, int, int], list[JudgeResult]] = defaultdict(list)
    for verdict in verdicts:
        by_item[verdict.key].append(verdict)
    return by_item


def _link(path: Path, page_dir: Path) -> str:
    relative = os.path.relpath(path, page_dir.resolve()).replace(os.sep, "/")
    return urllib.parse.quote(relative)  # ':' too, so no name reads as a URL scheme


def _screenshot(png: Path, images: dict[str, str]) -> str | None:
    """The id of the chart's PNG among ``images`` (added there as a data: URI), or None."""
    try:
        if png.stat().st_size > SCREENSHOT_LIMIT:
            return None
        content = png.read_bytes()
    except OSError:
        return None
    if not content.startswith(_PNG):
        return None
    # Charts that draw alike (the same answer at several qualities) are stored once.
    image_id = hashlib.sha1(content, usedforsecurity=False).hexdigest()[:16]
    if image_id not in images:
        images[image_id] = "data:image/png;base64," + base64.b64encode(content).decode()
    return image_id


def _body(
    report: Mapping[str, Any], figure_set: Mapping[str, Any], items: list[dict[str, Any]]
) -> str:
    header, summary, counts = report["run"], report["summary"], report["items"]
    overall, usage = summary["overall"], report["usage"]
    shots = sum(1 for item in items if item["image"])
    charts = sum(1 for item in items if item["suite"] == Suite.CHARTS.value)
    suites = "".join(
        f'<div class="chip"><span>{escape(name)}</span> <b>{escape(score_text(s))}</b> '
        f"<small>{escape(interval_text(s))}</small></div>"
        for name, s in summary["by_suite"].items()
    )
    success = summary.get("success")
    if success is not None:
        suites += (
            '<div class="chip" id="task-success"><span>task success</span> '
            f"<b>{escape(score_text(success['overall']))}</b> "
            f"<small>{escape(interval_text(success['overall']))}</small></div>"
        )
    headline = (
        '<section id="score" class="headline">'
        f'<div class="big" data-value="{escape(str(overall["value"]))}">'
        f"{escape(score_text(overall))}</div>"
        f'<div class="interval">{escape(interval_text(overall))}</div>'
        f'<div class="counts">{counts["finished"]} of {counts["planned"]} items finished '
        f"over {overall['tasks']} tasks · {counts['model_errors']} model errors (scored 0) · "
        f"{counts['infra_errors']} infra errors (left out of every score)</div>"
        f'<div class="chips">{suites}</div></section>'
    )
    curve = summary["quality_curve"]
    curve_note = _curve_note(curve)
    cost_note = (
        f"Cost {cost_text(usage)}; tokens {tokens_text(usage)}."
        if usage.get("cost") is not None
        else f"No cost reported: tokens instead ({tokens_text(usage)})."
    )
    charts_html = (
        '<div class="grid">'
        + figure_card("difficulty", "Score by difficulty", figure_set)
        + figure_card("domain", "Score by domain", figure_set)
        + figure_card("suite", "Score by suite", figure_set)
        + figure_card("quality", "Prompt-quality curve", figure_set, curve_note)
        + "</div>"
        + '<div class="grid wide">'
        + figure_card("criterion", "Score by criterion", figure_set)
        + "</div>"
        + '<div class="grid">'
        + figure_card("cost", "Cost against score", figure_set, cost_note)
        + figure_card("latency", "Latency per item", figure_set)
        + "</div>"
    )
    error_table = error_rows(summary["errors"])
    errors_html = (
        '<div class="grid top"><div class="card">'
        + (
            table(["Status", "Kind", "Items"], error_table, numeric=[2])
            if error_table
            else '<p class="empty">No errors: every item was answered and scored.</p>'
        )
        + "</div>"
        + (figure_card("errors", "Errors by kind", figure_set) if error_table else "")
        + "</div>"
    )
    judges_html = (
        table(JUDGE_HEADERS, judge_rows(report["judges"]), numeric=[3, 4, 7])
        if report["judges"]
        else '<p class="empty">No judge ran on this run (bench-run judge adds one).</p>'
    )
    usage_facts = [
        ("Tokens", tokens_text(usage)),
        ("Cost", cost_text(usage)),
        ("Items with a reported cost", str(usage.get("items_with_cost", 0))),
        ("Requests made (attempts)", str(usage.get("attempts", 0))),
        (
            "Providers",
            ", ".join(f"{k} ({v})" for k, v in usage.get("providers", {}).items()) or "—",
        ),
    ]
    consistency = report.get("consistency")
    if consistency:
        usage_facts += [
            (name, f"{value:.3f}") for name, value in consistency.items() if name.startswith("pass")
        ]
    settings = [
        ("Model", header["model"]),
        ("Endpoint", header["endpoint"]),
        ("Run", header["run_id"]),
        ("Started", header["created_at"]),
        ("Task set", header["task_set"]),
        *((k, _setting(v)) for k, v in header.get("params", {}).items() if v not in (None, [])),
        *((k, _setting(v)) for k, v in header.get("selection", {}).items() if v not in (None, [])),
        ("Packages", ", ".join(f"{k} {v}" for k, v in header.get("packages", {}).items())),
    ]
    gallery_note = (
        f"{shots} of {charts} charts have a screenshot. "
        + ("Runs with --render save one beside each chart. " if shots < charts else "")
        + "Each links to its chart shown in a sandbox: the model's code runs there with no "
        + "network and no access to your files."
    )
    gallery = (
        '<div class="gallery" id="gallery-cards"></div>'
        if shots
        else '<p class="empty">No screenshots in this run.</p>'
    )
    return (
        "<header>"
        f"<h1>Bencher report — {escape(header['model'])}</h1>"
        f'<p class="meta">{escape(header["run_id"])} · started {escape(header["created_at"])} · '
        f"{escape(header['endpoint'])}</p>"
        + navigation(
            [
                ("score", "Score"),
                ("charts", "Charts"),
                ("errors", "Errors"),
                ("judges", "Judges"),
                ("usage", "Usage and settings"),
                ("items", "Items"),
                ("gallery", "Gallery"),
            ]
        )
        + "</header><main>"
        + headline
        + section(
            "charts",
            "Scores",
            charts_html,
            "Weighted scores with 95% intervals from a bootstrap over tasks; infra errors are "
            "left out.",
        )
        + section("errors", "Errors", errors_html)
        + section("judges", "Judges", judges_html, "Apart from the automated score.")
        + section(
            "usage",
            "Usage and settings",
            '<div class="grid top"><div class="card">'
            + definition_list(usage_facts)
            + '</div><div class="card">'
            + definition_list(settings)
            + "</div></div>",
        )
        + section(
            "items",
            "Items",
            '<div id="item-table"></div>',
            "Every scored item; choose a row to see its prompt, answer, lost points and verdicts.",
        )
        + section("gallery", "Gallery", gallery, gallery_note)
        + "</main>"
    )


def _curve_note(curve: Mapping[str, Any]) -> str:
    parts = []
    if curve.get("slope") is not None:
        parts.append(f"slope {curve['slope']:+.2f} points per quality level")
    if curve.get("keeps_90_at") is not None:
        parts.append(f"keeps 90% of its best score from quality {curve['keeps_90_at']} up")
    return "; ".join(parts).capitalize() + ("." if parts else "")


def _setting(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def html_report_path(run_path: Path) -> Path:
    """Where the HTML report of a run goes by default: ``{run stem}.report.html`` beside it."""
    return run_path.with_suffix(".report.html")


def write_run_html(
    report: Mapping[str, Any],
    run: Run,
    run_path: Path,
    html_path: Path,
    domains: Iterable[Domain],
) -> None:
    """Write the run's HTML report to ``html_path``, with prompts from ``domains``, and beside
    it the sandboxed wrapper of each chart it links to."""
    prompts, note = installed_prompts(run, domains)
    page = render_run_html(report, run, run_path, prompts, html_path=html_path, prompts_note=note)
    html_path.parent.mkdir(parents=True, exist_ok=True)
    _write_sandboxed_charts(run, run_path, html_path, LocalLibraries(default_cache_dir()))
    html_path.write_text(page, encoding="utf-8")


def _write_sandboxed_charts(
    run: Run, run_path: Path, html_path: Path, libraries: LocalLibraries
) -> None:
    folder = sandbox_folder(html_path)
    needed: set[str] = set()
    for result in run.latest():
        chart = chart_path(run_path, result.chart_file)
        if chart is None:
            continue
        try:
            document = chart.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        folder.mkdir(exist_ok=True)
        title = f"{result.task_id} Q{result.quality}" + (
            f" #{result.repeat}" if result.repeat else ""
        )
        document, used = libraries.with_placeholders(document)
        needed |= used
        sandbox_path(html_path, chart).write_text(
            sandboxed_page(document, title, libraries=bool(used)), encoding="utf-8"
        )
    if needed:
        (folder / LIBRARIES_FILE).write_text(libraries.script(needed), encoding="utf-8")
