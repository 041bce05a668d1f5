"""The task success rate: weighted like the score, clustered by task, with pass^k."""

from __future__ import annotations

import pytest

from bench_core import paired_difference, pass_k, success_points, success_rates, summarize

from .factories import result


def test_the_rate_is_weighted_by_difficulty_and_counts_model_errors_as_not_done() -> None:
    results = [
        result("E01", success=True),  # weight 1
        result("X01", difficulty="expert", success=False),  # weight 4
        result("M01", difficulty="medium", status="model_error", score=0),  # no outcome
        result("H01", difficulty="hard", status="infra_error", score=0),  # left out
    ]
    rates = success_rates(results)
    assert rates is not None
    assert rates.overall.value == pytest.approx(100 * 1 / (1 + 4 + 1.5))
    assert rates.overall.infra_errors == 1
    assert rates.by_difficulty["easy"].value == 100.0
    assert rates.by_difficulty["expert"].value == 0.0
    assert list(rates.by_difficulty) == ["easy", "medium", "hard", "expert"]
    assert rates.by_difficulty["hard"].value is None  # only an infra error there


def test_a_run_without_tool_items_has_no_success_rate() -> None:
    assert success_rates([result("C_E01", suite="charts")]) is None
    assert summarize([result("C_E01", suite="charts")]).success is None


def test_the_summary_carries_the_rate_by_domain_and_quality() -> None:
    results = [
        result(f"{d[:2].upper()}_E01", quality=q, domain=d, success=q > 5)
        for q in range(1, 11)
        for d in ("trading", "devops")
    ]
    rates = summarize(results).success
    assert rates is not None
    assert rates.overall.value == 50.0
    assert rates.by_quality[10].value == 100.0
    assert rates.by_quality[1].value == 0.0
    assert set(rates.by_domain) == {"trading", "devops"}
    assert rates.pass_k == {1: 0.5}


def test_pass_k_is_the_chance_that_k_runs_all_succeed() -> None:
    trials = [
        ("E01", 1, True),
        ("E01", 1, True),
        ("E01", 1, False),
        ("E02", 1, True),
        ("E02", 1, True),
        ("E02", 1, True),
    ]
    table = pass_k(trials)
    # E01: 2 of 3 -> pass^1 2/3, pass^2 1/3, pass^3 0; E02: 3 of 3 -> 1 each.
    assert table[1] == pytest.approx((2 / 3 + 1) / 2)
    assert table[2] == pytest.approx((1 / 3 + 1) / 2)
    assert table[3] == pytest.approx(0.5)
    assert pass_k([]) == {}


def test_pass_k_never_rises_with_k() -> None:
    trials = [(f"T{i}", 1, (i * j) % 3 != 0) for i in range(6) for j in range(4)]
    values = list(pass_k(trials).values())
    assert values == sorted(values, reverse=True)


def test_the_paired_difference_of_success_rates() -> None:
    a = [result(f"E0{i}", success=True) for i in range(1, 6)]
    b = [result(f"E0{i}", success=i > 2) for i in range(1, 6)]
    gap = paired_difference(a, b, points=success_points, seed=1)
    assert gap.value == pytest.approx(40.0)
    assert gap.low is not None
    assert gap.low >= 0
    same = paired_difference(a, a, points=success_points)
    assert (same.value, same.verdict) == (0.0, "tied")
