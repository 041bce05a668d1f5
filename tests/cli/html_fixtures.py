"""Runs and comparisons for the HTML report's tests, with hostile model output in them."""

from __future__ import annotations

import base64
import hashlib
import re
import struct
import zlib
from pathlib import Path
from typing import Any

import msgspec

from bench_cli._report import build_report
from bench_core import (
    Difficulty,
    ItemResult,
    JudgeResult,
    Run,
    RunHeader,
    Suite,
    Usage,
    summarize,
)

# What a hostile model may write: it must stay text everywhere in the report.
HOSTILE = (
    "</script><script>window.__pwned = 1</script>"
    '<img src="x" onerror="window.__pwned = 2">'
    "<!-- \u2028 \u2029 & done"
)
HOSTILE_MODEL = "acme/<b>bold</b>-model"
HOSTILE_DOMAIN = "ops<i>&</i>"
RUN_STEM = "incremental_acme_20261128_000000"
CHARTS_DIR = f"{RUN_STEM}_charts"  # the run's own chart folder, beside its file


def png(width: int = 4, height: int = 3, rgb: tuple[int, int, int] = (37, 99, 235)) -> bytes:
    """A real PNG image of one colour."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def header(model: str = HOSTILE_MODEL, items: int = 0) -> RunHeader:
    return RunHeader(
        run_id="incremental_acme_20261128_000000",
        created_at="2026-11-28T00:00:00Z",
        model=model,
        endpoint="127.0.0.1",
        params={"temperature": 0.0},
        selection={"suite": "all"},
        task_set="abcdef0123456789",
        items=items,
        packages={"bench-run": "0.1.0"},
    )


def item(task: str, quality: int, score: float, **overrides: Any) -> ItemResult:
    difficulty = {
        "E": Difficulty.EASY,
        "M": Difficulty.MEDIUM,
        "H": Difficulty.HARD,
        "X": Difficulty.EXPERT,
    }[task.rsplit("_", maxsplit=1)[-1][0]]
    charts = task.startswith("C_")
    criteria = (
        {
            "data_presence": 30 * score / 100,
            "code_validity": 20.0,
            "design_tokens": 20 * score / 100,
            "chart_type_match": 10.0 if score > 50 else 0.0,
            "design_rules": 10.0,
            "interactivity": 10 * score / 100,
        }
        if charts
        else {
            "tool_selection": 25 * score / 100,
            "required_params": 25 * score / 100,
            "optional_params": 20.0,
            "param_types": 15 * score / 100,
            "chain_order": 15 * score / 100,
        }
    )
    values: dict[str, Any] = {
        "task_id": task,
        "suite": Suite.CHARTS if charts else Suite.TOOLS,
        "domain": "trading",
        "difficulty": difficulty,
        "quality": quality,
        "weight": difficulty.weight,
        "status": "ok",
        "score": score,
        "criteria": criteria,
        "usage": Usage(prompt_tokens=100 * quality, completion_tokens=20, cost=0.0005 * quality),
        "latency_s": 0.5 * quality,
        "providers": ["Acme"],
    }
    if charts:
        values["response"] = f"```html\n<svg>{HOSTILE}</svg>\n```"
        values["chart_file"] = f"{CHARTS_DIR}/{task}_Q{quality}.html"
    else:
        values["response"] = f"Done. {HOSTILE}"
        values["trajectory"] = [
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [
                    {
                        "id": "call_1",
                        "type": "function",
                        "function": {"name": "get_trades", "arguments": '{"note": "</script>"}'},
                    }
                ],
            },
            {"role": "tool", "tool_call_id": "call_1", "content": '{"trades": [1, 2]}'},
            {"role": "assistant", "content": f"Done. {HOSTILE}"},
        ]
    values.update(overrides)
    return ItemResult(**values)


def hostile_results() -> list[ItemResult]:
    """Every suite, difficulty and status, hostile text in answers, reasons and a domain."""
    results = [
        item(task, quality, score)
        for task, scores in {
            "E01": (100.0, 80.0, 100.0),
            "M01": (60.0, 70.0, 90.0),
            "H01": (20.0, 50.0, 40.0),
            "X01": (0.0, 30.0, 60.0),
            "C_E01": (100.0, 90.0, 100.0),
            "C_H01": (40.0, 70.0, 55.0),
        }.items()
        for quality, score in enumerate(scores, start=1)
    ]
    results[1] = item("E01", 2, 80.0, reasons=[f"missing required argument {HOSTILE}"])
    results += [
        item(
            "C_M01",
            1,
            0.0,
            status="model_error",
            error_class="no_chart",
            error_message="the answer holds no HTML or SVG document",
            response=HOSTILE,
            chart_file=None,
        ),
        item(
            "M02",
            1,
            0.0,
            status="infra_error",
            error_class="task_timeout",
            error_message="the item took longer than the task timeout of 300 s",
            trajectory=[],
            response=None,
        ),
        item("ZZ_E01", 1, 75.0, domain=HOSTILE_DOMAIN, notes=[f"note {HOSTILE}"]),
    ]
    return results


def hostile_run(tmp_path: Path, *, cost: bool = True) -> tuple[Run, Path]:
    """A run file's content and its path, with charts and screenshots beside it."""
    results = hostile_results()
    if not cost:
        results = [msgspec.structs.replace(r, usage=Usage(prompt_tokens=50)) for r in results]
    charts = tmp_path / CHARTS_DIR
    charts.mkdir(parents=True, exist_ok=True)
    for result in results:
        if result.chart_file:
            (tmp_path / result.chart_file).write_text(f"<svg>{HOSTILE}</svg>")
    # C_E01's three answers drew the same picture; C_H01 Q1 has a screenshot of its own.
    for quality in (1, 2, 3):
        (charts / f"C_E01_Q{quality}.png").write_bytes(png())
    (charts / "C_H01_Q1.png").write_bytes(png(5, 2, (219, 39, 119)))
    (charts / "C_H01_Q2.png").write_bytes(b"not a png at all")
    judges = [
        JudgeResult(
            task_id="E01",
            quality=1,
            judge="llm",
            judge_model="judge/<script>",
            prompt_version="1",
            status="ok",
            score=88.0,
            scores={"correctness": 90.0},
            reason=f"Fine. {HOSTILE}",
            input_kind="trajectory",
        ),
        JudgeResult(
            task_id="C_E01",
            quality=1,
            judge="visual",
            judge_model="judge/eye",
            prompt_version="1",
            status="infra_error",
            error_message="the verdict could not be parsed",
        ),
    ]
    path = tmp_path / f"{RUN_STEM}.jsonl"
    run = Run(path=str(path), header=header(items=len(results)), results=results, judges=judges)
    return run, path


def prompts(task_id: str, quality: int) -> str | None:
    """Prompts of the tasks the fixtures know; ZZ_E01 is not installed anywhere."""
    if task_id == "ZZ_E01":
        return None
    return f"Prompt of {task_id} at quality {quality}: {HOSTILE}"


def hostile_report(run: Run) -> dict[str, Any]:
    return msgspec.json.decode(msgspec.json.encode(build_report(run)))


def embedded_data(page: str) -> dict[str, Any]:
    """The page's JSON blob, read as a browser reads it."""
    found = re.search(r'<script type="application/json" id="bench-data">(.*?)</script>', page, re.S)
    assert found is not None
    data: dict[str, Any] = msgspec.json.decode(found.group(1))
    return data


def inline_scripts(page: str) -> list[str]:
    """The contents of the page's executable inline scripts."""
    return re.findall(r"<script>(.*?)</script>", page, re.S)


def csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def comparison(labels: tuple[str, ...] = ("Model A", "<b>Model B</b>")) -> dict[str, Any]:
    """A comparison of the shape ``bench-run compare --json`` writes, over two made-up runs."""
    runs = {
        labels[0]: [
            item(t, q, s) for t in ("E01", "H01", "C_E01") for q, s in ((1, 90.0), (2, 100.0))
        ],
        labels[1]: [
            item(t, q, s, usage=Usage(prompt_tokens=300, completion_tokens=30, cost=0.01))
            for t in ("E01", "H01", "C_E01")
            for q, s in ((1, 40.0), (2, 60.0))
        ],
    }
    runs[labels[1]][0] = item(
        "E01", 1, 0.0, status="model_error", error_class="turn_limit", error_message="limit"
    )
    summaries = {
        label: msgspec.to_builtins(summarize(results, seed=0)) for label, results in runs.items()
    }
    return {
        "compare_version": 1,
        "seed": 0,
        "resamples": 1000,
        "runs": [
            {
                "label": label,
                "path": f"/runs/{index}.jsonl",
                "model": f"acme/model-{index}",
                "run_id": f"incremental_acme_model-{index}_20261128_000000",
                "created_at": "2026-11-28T00:00:00Z",
                "endpoint": "127.0.0.1",
                "items": 6,
                "shared_items": 6,
            }
            for index, label in enumerate(labels)
        ],
        "shared": {"items": 6, "tasks": 3},
        "excluded": [{"label": labels[1], "items": 2, "reason": "not in every run <script>"}],
        "differences": ["the runs used different temperatures (0.0 vs <b>0.7</b>)"],
        "summaries": summaries,
        "pairs": [
            {
                "a": labels[0],
                "b": labels[1],
                "scope": "overall",
                "difference": 42.5,
                "low": 30.25,
                "high": 55.0,
                "verdict": "a",
            },
            {
                "a": labels[0],
                "b": labels[1],
                "scope": "difficulty:hard",
                "difference": 5.0,
                "low": -2.5,
                "high": 12.0,
                "verdict": "tied",
            },
            {
                "a": labels[0],
                "b": labels[1],
                "scope": "suite:charts",
                "difference": None,
                "low": None,
                "high": None,
                "verdict": None,
            },
        ],
        "usage": {
            label: {
                "prompt_tokens": sum(r.usage.prompt_tokens for r in results),
                "completion_tokens": sum(r.usage.completion_tokens for r in results),
                "reasoning_tokens": 0,
                "cost": round(sum(r.usage.cost or 0 for r in results), 6),
                "items_with_cost": len(results),
                "providers": {"Acme": len(results)},
                "attempts": len(results),
            }
            for label, results in runs.items()
        },
        "latency_s": {
            labels[0]: {"p50": 0.5, "p90": 1.0, "p95": 1.0, "p99": 1.0, "max": 1.0},
            labels[1]: {"p50": 2.0, "p90": 3.0, "p95": 3.5, "p99": 4.0, "max": 4.0},
        },
    }
