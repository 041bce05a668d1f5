"""The comparison of runs: shared items, exclusions, differences, paired verdicts, tables."""

from __future__ import annotations

import io
from typing import Any

import msgspec
import pytest
from rich.console import Console

from bench_cli._compare import build_comparison, run_labels
from bench_cli._tables import print_comparison
from bench_core import BenchError, Difficulty, ItemResult, Run, RunHeader, Suite, Usage


def header(model: str, **overrides: Any) -> RunHeader:
    values: dict[str, Any] = {
        "run_id": f"incremental_{model}_20261128_000000",
        "created_at": "2026-11-28T00:00:00Z",
        "model": model,
        "endpoint": "127.0.0.1",
        "params": {"temperature": 0.0, "base_url": f"http://127.0.0.1/{model}"},
        "selection": {"suite": "all"},
        "task_set": "abcdef0123456789",
        "items": 0,
        "packages": {"bench-scoring": "0.1.0"},
    }
    values.update(overrides)
    return RunHeader(**values)


def item(task: str, quality: int, score: float, **overrides: Any) -> ItemResult:
    values: dict[str, Any] = {
        "task_id": task,
        "suite": Suite.CHARTS if task.startswith("C_") else Suite.TOOLS,
        "domain": "trading",
        "difficulty": Difficulty.EASY if "E" in task else Difficulty.HARD,
        "quality": quality,
        "weight": (Difficulty.EASY if "E" in task else Difficulty.HARD).weight,
        "status": "ok",
        "score": score,
        "usage": Usage(prompt_tokens=100, completion_tokens=10, cost=0.001),
        "latency_s": 1.0,
    }
    values.update(overrides)
    return ItemResult(**values)


def run(model: str, results: list[ItemResult], **overrides: Any) -> Run:
    return Run(path=f"{model}.jsonl", header=header(model, **overrides), results=results, judges=[])


TASKS = ["E01", "E02", "H01", "H02", "C_E01", "C_H01"]


def steady(score: float) -> list[ItemResult]:
    return [item(task, quality, score) for task in TASKS for quality in range(1, 11)]


def test_identical_runs_are_tied_everywhere() -> None:
    comparison = build_comparison([run("a", steady(70)), run("b", steady(70))], ["a", "b"])
    assert comparison["shared"] == {"items": 60, "tasks": 6}
    assert {pair["verdict"] for pair in comparison["pairs"]} == {"tied"}
    assert {pair["difference"] for pair in comparison["pairs"]} == {0.0}
    scopes = [pair["scope"] for pair in comparison["pairs"]]
    assert scopes == [
        "overall",
        "suite:tools",
        "suite:charts",
        "difficulty:easy",
        "difficulty:hard",
        "domain:trading",
    ]
    overall = comparison["summaries"]["a"]["overall"]
    assert overall["value"] == overall["low"] == overall["high"] == pytest.approx(70)


def test_a_clearly_better_model_wins_and_the_pairs_cover_every_couple() -> None:
    runs = [run("strong", steady(90)), run("middle", steady(60)), run("weak", steady(20))]
    comparison = build_comparison(runs, ["strong", "middle", "weak"])
    overall = {(p["a"], p["b"]): p for p in comparison["pairs"] if p["scope"] == "overall"}
    assert set(overall) == {("strong", "middle"), ("strong", "weak"), ("middle", "weak")}
    assert overall[("strong", "weak")]["difference"] == pytest.approx(70)
    assert all(pair["verdict"] == "a" for pair in overall.values())


def test_only_shared_items_are_compared_and_the_rest_is_accounted_for() -> None:
    extra = [item("E09", quality, 100) for quality in range(1, 11)]
    broken = steady(50)
    broken[0] = item("E01", 1, 0, status="infra_error", error_class="timeout")
    comparison = build_comparison([run("a", steady(50) + extra), run("b", broken)], ["a", "b"])
    assert comparison["shared"]["items"] == 59
    assert comparison["excluded"] == [
        {"label": "a", "items": 10, "reason": "not in every run being compared"},
        {
            "label": "a",
            "items": 1,
            "reason": "an infra error in at least one run (left out of every run)",
        },
        {
            "label": "b",
            "items": 1,
            "reason": "an infra error in at least one run (left out of every run)",
        },
    ]
    # E09 (100 points) is left out, so a's score is its 50 on the shared items.
    assert comparison["summaries"]["a"]["overall"]["value"] == pytest.approx(50)
    assert comparison["runs"][1]["infra_errors"] == 1
    assert comparison["usage"]["a"]["prompt_tokens"] == 59 * 100


def test_differences_name_what_is_not_alike_but_not_the_endpoint() -> None:
    a = run("a", steady(50))
    b = run(
        "b",
        steady(50),
        task_set="ffffffffffff0000",
        packages={"bench-scoring": "0.2.0"},
        params={"temperature": 0.7, "base_url": "https://elsewhere/v1"},
    )
    differences = build_comparison([a, b], ["A", "B"])["differences"]
    assert len(differences) == 3
    assert differences[0].startswith("task sets differ: A abcdef012345, B ffffffffffff")
    assert "bench-scoring versions differ: A 0.1.0, B 0.2.0; scores may differ" in differences[1]
    assert differences[2].startswith("temperature settings differ: A 0.0, B 0.7")
    assert not any("base_url" in sentence for sentence in differences)
    assert build_comparison([a, run("c", steady(10))], ["A", "C"])["differences"] == []


def test_the_same_files_give_the_same_numbers() -> None:
    scores = [(t * 37 + q * 11) % 101 for t in range(6) for q in range(1, 11)]
    a = [item(TASKS[i // 10], i % 10 + 1, s) for i, s in enumerate(scores)]
    b = [item(r.task_id, r.quality, 100 - r.score) for r in a]
    first = build_comparison([run("a", a), run("b", b)], ["a", "b"])
    again = build_comparison([run("a", a), run("b", b)], ["a", "b"])
    assert msgspec.json.encode(first) == msgspec.json.encode(again)


@pytest.mark.parametrize(
    ("runs", "message"),
    [
        ([run("a", steady(1))], "at least two run files"),
        ([run("a", steady(1)), run("b", [])], "no results"),
        (
            [run("a", steady(1)), run("b", [item("X01", 1, 5)])],
            "share no item",
        ),
        (
            [
                run("a", [item("E01", 1, 5, status="infra_error")]),
                run("b", [item("E01", 1, 5)]),
            ],
            "infra error in at least one run",
        ),
    ],
)
def test_comparisons_that_cannot_be_made_say_why(runs: list[Run], message: str) -> None:
    with pytest.raises(BenchError, match=message):
        build_comparison(runs, [r.header.model for r in runs])


def test_labels() -> None:
    runs = [run("m", steady(1)), run("m", steady(1), run_id="second"), run("n", steady(1))]
    assert run_labels(runs, None) == [
        "m (incremental_m_20261128_000000)",
        "m (second)",
        "n",
    ]
    copy = [runs[2], runs[2]]
    assert run_labels(copy, None) == [
        "n (incremental_n_20261128_000000) #1",
        "n (incremental_n_20261128_000000) #2",
    ]
    assert run_labels(runs, " A , B,C") == ["A", "B", "C"]
    with pytest.raises(BenchError, match="2 name\\(s\\) for 3 runs"):
        run_labels(runs, "A,B")
    with pytest.raises(BenchError, match="must differ"):
        run_labels(runs, "A,A,B")
    with pytest.raises(BenchError, match="non-empty"):
        run_labels(runs, "A,,B")


def test_tables_show_each_model_and_each_pair() -> None:
    runs = [run("strong", steady(90)), run("twin", steady(90)), run("weak", steady(20))]
    comparison = build_comparison(runs, ["strong", "twin", "weak"])
    out = io.StringIO()
    print_comparison(comparison, Console(file=out, width=200))
    text = out.getvalue()
    assert "over the 60 items (6 tasks) every run shares" in text
    assert "strong − twin" in text
    assert "+0.0 [+0.0, +0.0] tied" in text
    assert "+70.0 [+70.0, +70.0]" in text
    assert "90.0%  [90.0–90.0]" in text
    assert "$0.0600" in text  # 60 items at $0.001
