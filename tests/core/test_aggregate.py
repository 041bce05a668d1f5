from __future__ import annotations

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench_core import (
    Difference,
    Difficulty,
    paired_difference,
    quality_curve,
    score,
    summarize,
    weighted_percentage,
)

from .factories import result


def test_weighted_percentage_follows_the_spec() -> None:
    results = [result("E01", score=100), result("X01", score=0, difficulty="expert")]
    assert weighted_percentage(results) == pytest.approx(100 * 1.0 / (100 * 1.0 + 100 * 4.0) * 100)


def test_infra_errors_leave_both_sums_model_errors_count_zero() -> None:
    base = [result("E01", score=80)]
    assert weighted_percentage([*base, result("E02", status="infra_error", score=0)]) == 80
    assert weighted_percentage([*base, result("E02", status="model_error", score=0)]) == 40


def test_nothing_scored_is_none_not_zero() -> None:
    assert weighted_percentage([]) is None
    empty = score([result(status="infra_error", score=0)])
    assert (empty.value, empty.low, empty.high, empty.infra_errors) == (None, None, None, 1)


def test_constant_run_has_a_zero_width_interval() -> None:
    results = [result(f"E0{t}", q, score=70) for t in range(1, 6) for q in range(1, 11)]
    total = score(results)
    assert total.value == total.low == total.high == pytest.approx(70)
    assert (total.items, total.tasks) == (50, 5)


def test_interval_resamples_tasks_not_items() -> None:
    # Two tasks, each perfectly consistent across its ten prompts: resampling items would give
    # a narrow interval around 50; resampling tasks can draw the same task twice.
    results = [result("E01", q, score=100) for q in range(1, 11)]
    results += [result("E02", q, score=0) for q in range(1, 11)]
    total = score(results, seed=1)
    assert total.value == 50
    assert total.low == 0
    assert total.high == 100


def test_interval_is_seeded_and_brackets_the_value() -> None:
    results = [
        result(f"E{t:02d}", q, score=(t * 37 + q * 11) % 101)
        for t in range(20)
        for q in range(1, 4)
    ]
    first, again, other = score(results, seed=3), score(results, seed=3), score(results, seed=4)
    assert first == again
    assert first.low is not None
    assert first.high is not None
    assert first.value is not None
    assert first.low <= first.value <= first.high
    assert (first.low, first.high) != (other.low, other.high)


def test_quality_curve_slope_and_keep_point() -> None:
    scores = {1: 20, 2: 40, 3: 60, 4: 80, 5: 91, 6: 92, 7: 95, 8: 100, 9: 99, 10: 100}
    curve = quality_curve([result("E01", q, score=s) for q, s in scores.items()])
    assert curve.points == {q: float(s) for q, s in scores.items()}
    assert curve.keeps_90_at == 5
    assert curve.slope is not None
    assert curve.slope > 0


def test_quality_curve_keep_point_needs_every_higher_level() -> None:
    scores = {1: 95, 2: 50, 3: 100}
    assert quality_curve([result("E01", q, score=s) for q, s in scores.items()]).keeps_90_at == 3


def test_summary_breakdowns() -> None:
    results = [
        result(
            "E01",
            1,
            score=100,
            criteria={
                "tool_selection": 25,
                "required_params": 25,
                "optional_params": 20,
                "param_types": 15,
                "chain_order": 15,
            },
        ),
        result(
            "H01",
            1,
            score=40,
            difficulty="hard",
            criteria={"tool_selection": 25, "required_params": 15},
        ),
        result(
            "C_E01",
            2,
            score=60,
            suite="charts",
            domain="devops",
            criteria={"data_presence": 30, "code_validity": 20, "design_tokens": 10},
        ),
        result("E02", 3, status="infra_error", score=0, error_class="timeout"),
        result("E03", 3, status="model_error", score=0, error_class="no_answer"),
    ]
    summary = summarize(results, resamples=200)
    assert list(summary.by_difficulty) == ["easy", "hard"]
    assert summary.by_suite["charts"].value == 60
    assert summary.by_domain["devops"].value == 60
    assert summary.by_quality[3].infra_errors == 1
    tools = summary.by_criterion["tools"]
    assert tools["tool_selection"].value == pytest.approx(
        (25 * 1 + 25 * 2.5 + 0 * 1) / (25 * (1 + 2.5 + 1)) * 100
    )
    assert summary.errors == {"model_error": {"no_answer": 1}, "infra_error": {"timeout": 1}}
    encoded = msgspec.json.encode(summary)
    assert msgspec.json.decode(encoded, type=type(summary)) == summary


def test_identical_runs_are_tied_with_a_zero_difference() -> None:
    run = [result(f"E{t:02d}", q, score=(t * 29 + q * 7) % 101) for t in range(12) for q in (1, 5)]
    same = paired_difference(run, list(reversed(run)))
    assert same.value == same.low == same.high == 0
    assert same.verdict == "tied"
    assert (same.items, same.tasks) == (24, 12)


def test_a_clearly_better_run_is_not_tied() -> None:
    keys = [(f"E{t:02d}", q) for t in range(10) for q in range(1, 11)]
    strong = [result(t, q, score=90 + (q % 3)) for t, q in keys]
    weak = [result(t, q, score=40 + (q % 5)) for t, q in keys]
    better = paired_difference(strong, weak)
    assert better.verdict == "a"
    assert better.low is not None
    assert better.low > 40
    worse = paired_difference(weak, strong)
    assert worse.verdict == "b"
    assert worse.value == pytest.approx(-better.value)  # type: ignore[operator]


def test_pairing_removes_the_spread_between_tasks() -> None:
    # Tasks range from easy (100) to hard (0); B is exactly 5 points below A on every item.
    # Unpaired intervals overlap widely; the paired one is exactly 5 wide of nothing.
    a = [result(f"E{t:02d}", q, score=t * 10) for t in range(1, 11) for q in (1, 2)]
    b = [result(r.task_id, r.quality, score=r.score - 5) for r in a]
    gap = paired_difference(a, b)
    assert gap.value == gap.low == gap.high == pytest.approx(5)
    assert gap.verdict == "a"
    first, second = score(a), score(b)
    assert first.low is not None
    assert second.high is not None
    assert first.low < second.high  # the unpaired intervals overlap


def test_infra_errors_leave_the_item_out_for_both_models() -> None:
    a = [result("E01", 1, score=100), result("E02", 1, score=100, status="infra_error")]
    b = [result("E01", 1, score=100), result("E02", 1, score=0)]
    gap = paired_difference(a, b)
    assert gap.value == 0
    assert (gap.items, gap.tasks) == (1, 1)
    nothing = paired_difference(a[1:], b[1:])
    assert nothing == Difference(value=None, low=None, high=None, verdict=None, items=0, tasks=0)


def test_paired_difference_refuses_different_items() -> None:
    with pytest.raises(ValueError, match="same items"):
        paired_difference([result("E01", 1)], [result("E01", 2)])


def test_paired_difference_weights_items_by_difficulty() -> None:
    # An expert item weighs 3x an easy one: A wins the expert one by 30, loses the easy one by 30.
    a = [result("X01", 1, score=100, difficulty="expert"), result("E01", 1, score=0)]
    b = [result("X01", 1, score=70, difficulty="expert"), result("E01", 1, score=30)]
    gap = paired_difference(a, b)
    expert, easy = Difficulty.EXPERT.weight, Difficulty.EASY.weight
    expected = (30 * expert - 30 * easy) / (100 * (expert + easy)) * 100
    assert gap.value == pytest.approx(expected)


@given(
    scores=st.lists(st.tuples(st.floats(0, 100), st.floats(0, 100)), min_size=1, max_size=30),
    seed=st.integers(0, 2**16),
)
@settings(max_examples=60, deadline=None)
def test_paired_difference_properties(scores: list[tuple[float, float]], seed: int) -> None:
    a = [result(f"E{i // 3:02d}", i % 3 + 1, score=x) for i, (x, _) in enumerate(scores)]
    b = [result(f"E{i // 3:02d}", i % 3 + 1, score=y) for i, (_, y) in enumerate(scores)]
    forward = paired_difference(a, b, seed=seed, resamples=200)
    backward = paired_difference(b, a, seed=seed, resamples=200)
    assert forward.value is not None
    assert forward.low is not None
    assert forward.high is not None
    # The difference equals the difference of the two weighted percentages...
    first, second = weighted_percentage(a), weighted_percentage(b)
    assert first is not None
    assert second is not None
    assert forward.value == pytest.approx(first - second, abs=1e-9)
    # ...lies in its interval, and swapping the models mirrors everything.
    assert forward.low - 1e-9 <= forward.value <= forward.high + 1e-9
    assert backward.value == pytest.approx(-forward.value, abs=1e-9)
    assert backward.low == pytest.approx(-forward.high, abs=1e-9)
    assert -100 <= forward.low <= forward.high <= 100
    mirrored = {"a": "b", "b": "a", "tied": "tied"}
    assert backward.verdict == mirrored[forward.verdict]  # type: ignore[index]
