from __future__ import annotations

import pytest

from bench_cli._report import _consistency, format_score, latency_percentiles
from bench_core import Difficulty, ItemResult, Suite


def result(task: str, quality: int, repeat: int, score: float, latency: float = 1.0) -> ItemResult:
    return ItemResult(
        task_id=task,
        suite=Suite.TOOLS,
        domain="trading",
        difficulty=Difficulty.EASY,
        quality=quality,
        repeat=repeat,
        weight=1.0,
        status="ok",
        score=score,
        latency_s=latency,
    )


def test_pass_k_follows_the_unbiased_estimator() -> None:
    # One item passes 2 of 3 repeats, another 3 of 3: pass^1 = (2/3 + 1) / 2,
    # pass^2 = (C(2,2)/C(3,2) + 1) / 2, pass^3 = (0 + 1) / 2.
    results = [result("E01", 1, r, s) for r, s in enumerate((100, 100, 40))]
    results += [result("E02", 1, r, 100) for r in range(3)]
    table = _consistency(results)
    assert table is not None
    assert table["repeats"] == 3
    assert table["pass^1"] == pytest.approx((2 / 3 + 1) / 2, abs=1e-4)
    assert table["pass^2"] == pytest.approx((1 / 3 + 1) / 2, abs=1e-4)
    assert table["pass^3"] == pytest.approx(0.5)


def test_no_consistency_without_repeats() -> None:
    assert _consistency([result("E01", 1, 0, 100)]) is None


def test_latency_percentiles() -> None:
    values = [result("E01", q, 0, 100, latency=float(q)) for q in range(1, 11)]
    latency = latency_percentiles(values)
    assert latency == {"p50": 5.0, "p90": 9.0, "p95": 10.0, "p99": 10.0, "max": 10.0}


def test_format_score() -> None:
    assert format_score({"value": 72.44, "low": 68.1, "high": 76.5}) == "72.4%  [68.1–76.5]"
    assert format_score({"value": None, "low": None, "high": None}) == "—"
