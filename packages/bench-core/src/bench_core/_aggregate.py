"""Weighted totals, breakdowns, bootstrap intervals and the prompt-quality curve of a run.

Every figure is computed from ``ItemResult`` lines alone, so a report rebuilt from the JSONL
file equals the one printed at the end of the run.
"""

from __future__ import annotations

import functools
import math
import random
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Literal

import msgspec

from ._records import ItemResult
from ._weights import CRITERIA, QUALITY_LEVELS, Difficulty, Suite

RESAMPLES = 1000
CONFIDENCE = 0.95
KEEP_SHARE = 0.9


class Score(msgspec.Struct, frozen=True, kw_only=True):
    """A weighted percentage with its 95% bootstrap interval.

    Attributes:
        value: ``sum(score × weight) / sum(100 × weight) × 100`` over scored items; None when no
            item could be scored (all infra errors, or none at all).
        low, high: The interval's ends (tasks resampled, not items: a task's prompts correlate).
        items: Items counted (ok and model errors). tasks: Distinct tasks among them.
        infra_errors: Items left out because of infra errors.
    """

    value: float | None
    low: float | None
    high: float | None
    items: int
    tasks: int
    infra_errors: int


class QualityCurve(msgspec.Struct, frozen=True, kw_only=True):
    """How the score moves with the quality of the prompt.

    Attributes:
        points: Score at each quality level that was run.
        slope: Least-squares change of the score per quality level (None for fewer than 2 levels).
        keeps_90_at: The lowest quality from which every higher level keeps at least 90% of
            the best level's score (None when nothing was scored).
    """

    points: dict[int, float]
    slope: float | None
    keeps_90_at: int | None


class SuccessRates(msgspec.Struct, frozen=True, kw_only=True):
    """The task success rate of the tool items: the share whose job was done, weighted like
    the score, with the same task-clustered intervals.

    Attributes:
        overall, by_difficulty, by_domain, by_quality: Success rates in percent; an item
            without an outcome (a model error) counts as not done.
        pass_k: ``pass^k`` for each k up to the fewest repeats of an item: the chance that
            k runs of an item all succeed (``pass^1`` is the plain rate, unweighted).
    """

    overall: Score
    by_difficulty: dict[str, Score]
    by_domain: dict[str, Score]
    by_quality: dict[int, Score]
    pass_k: dict[int, float]


class Summary(msgspec.Struct, frozen=True, kw_only=True):
    """Every total of a run, as the JSON report holds them.

    Attributes:
        success: The tool items' task success rate; None where the run has no tool item.
    """

    overall: Score
    by_suite: dict[str, Score]
    by_difficulty: dict[str, Score]
    by_quality: dict[int, Score]
    by_domain: dict[str, Score]
    by_criterion: dict[str, dict[str, Score]]
    quality_curve: QualityCurve
    errors: dict[str, dict[str, int]]
    success: SuccessRates | None = None


def weighted_percentage(results: Iterable[ItemResult]) -> float | None:
    """The weighted score of ``results`` in percent; infra errors count in neither sum."""
    achieved = possible = 0.0
    for result in results:
        if result.status != "infra_error":
            achieved += result.score * result.weight
            possible += 100.0 * result.weight
    return achieved / possible * 100.0 if possible else None


def score(
    results: Sequence[ItemResult],
    *,
    points: Callable[[ItemResult], tuple[float, float]] | None = None,
    seed: int = 0,
    resamples: int = RESAMPLES,
) -> Score:
    """The weighted percentage of ``results`` with a bootstrap interval over tasks.

    Args:
        points: ``(achieved, maximum)`` of one item before weighting; the item's score out
            of 100 by default (a criterion breakdown passes its criterion's points).
        seed: Seeds the resampling, so the same results always give the same interval.
    """
    measure = points or _total_points
    clusters: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    counted = infra = 0
    for result in results:
        if result.status == "infra_error":
            infra += 1
            continue
        counted += 1
        got, most = measure(result)
        cluster = clusters[result.task_id]
        cluster[0] += got * result.weight
        cluster[1] += most * result.weight
    achieved = [c[0] for c in clusters.values()]
    possible = [c[1] for c in clusters.values()]
    total = sum(possible)
    if not total:
        return Score(
            value=None, low=None, high=None, items=counted, tasks=len(clusters), infra_errors=infra
        )
    low, high = _bootstrap(achieved, possible, seed=seed, resamples=resamples)
    return Score(
        value=sum(achieved) / total * 100.0,
        low=low,
        high=high,
        items=counted,
        tasks=len(clusters),
        infra_errors=infra,
    )


class Difference(msgspec.Struct, frozen=True, kw_only=True):
    """The paired difference ``a − b`` between two models' weighted percentages on the same items.

    Attributes:
        value: The difference in points; None when neither model has a scored item.
        low, high: Its 95% bootstrap interval: tasks are resampled once for both models, so
            the interval reflects how the models differ on the same tasks.
        verdict: ``a`` or ``b`` (the better model) where the interval excludes zero, ``tied``
            where it spans zero, None when nothing was scored.
        items, tasks: Items and distinct tasks compared (items with an infra error in either
            model are left out of both).
    """

    value: float | None
    low: float | None
    high: float | None
    verdict: Literal["a", "b", "tied"] | None
    items: int
    tasks: int


def paired_difference(
    a: Sequence[ItemResult],
    b: Sequence[ItemResult],
    *,
    points: Callable[[ItemResult], float] | None = None,
    seed: int = 0,
    resamples: int = RESAMPLES,
) -> Difference:
    """Compare two models on the items both were run on, with a paired task-cluster bootstrap.

    An item that is an infra error for either model is left out for both, so each resample
    draws the same tasks, with the same items, for both models.

    Args:
        points: An item's points out of 100: its score by default; ``success_points``
            compares task success rates.

    Raises:
        ValueError: ``a`` and ``b`` hold different items (compare only what both share).
    """
    measure = points or _score_of
    by_key = {result.key: result for result in b}
    if len(by_key) != len(a) or any(result.key not in by_key for result in a):
        raise ValueError("paired_difference needs the same items on both sides")
    clusters: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    items = 0
    for first in a:
        second = by_key[first.key]
        if "infra_error" in (first.status, second.status):
            continue
        items += 1
        cluster = clusters[first.task_id]
        cluster[0] += (measure(first) - measure(second)) * first.weight
        cluster[1] += 100.0 * first.weight
    gaps = [c[0] for c in clusters.values()]
    possible = [c[1] for c in clusters.values()]
    total = sum(possible)
    if not total:
        return Difference(value=None, low=None, high=None, verdict=None, items=0, tasks=0)
    low, high = _bootstrap(gaps, possible, seed=seed, resamples=resamples)
    verdict: Literal["a", "b", "tied"] = "a" if low > 0 else "b" if high < 0 else "tied"
    return Difference(
        value=sum(gaps) / total * 100.0,
        low=low,
        high=high,
        verdict=verdict,
        items=items,
        tasks=len(clusters),
    )


def quality_curve(results: Sequence[ItemResult]) -> QualityCurve:
    """Score per prompt quality, its slope, and where the model keeps 90% of its best."""
    by_quality: dict[int, list[ItemResult]] = defaultdict(list)
    for result in results:
        by_quality[result.quality].append(result)
    points: dict[int, float] = {}
    for quality in QUALITY_LEVELS:
        value = weighted_percentage(by_quality.get(quality, ()))
        if value is not None:
            points[quality] = value
    if not points:
        return QualityCurve(points={}, slope=None, keeps_90_at=None)
    best = max(points.values())
    keeps = None
    for quality in sorted(points, reverse=True):
        if points[quality] + 1e-9 < KEEP_SHARE * best:
            break
        keeps = quality
    return QualityCurve(points=points, slope=_slope(points), keeps_90_at=keeps)


def summarize(
    results: Sequence[ItemResult], *, seed: int = 0, resamples: int = RESAMPLES
) -> Summary:
    """Every total and breakdown of a run's latest results."""

    def by(key: Callable[[ItemResult], str | int]) -> dict[str | int, Score]:
        groups: dict[str | int, list[ItemResult]] = defaultdict(list)
        for result in results:
            groups[key(result)].append(result)
        return {k: score(v, seed=seed, resamples=resamples) for k, v in groups.items()}

    def criteria(suite: Suite) -> dict[str, Score]:
        in_suite = [r for r in results if r.suite == suite]
        return {
            name: score(
                in_suite, points=_criterion_points(name, most), seed=seed, resamples=resamples
            )
            for name, most in CRITERIA[suite].items()
        }

    suites = [suite for suite in Suite if any(r.suite == suite for r in results)]
    difficulties = by(lambda r: r.difficulty.value)
    return Summary(
        overall=score(results, seed=seed, resamples=resamples),
        by_suite={
            suite.value: score(
                [r for r in results if r.suite == suite], seed=seed, resamples=resamples
            )
            for suite in suites
        },
        by_difficulty={
            d.value: difficulties[d.value] for d in Difficulty if d.value in difficulties
        },
        by_quality={int(k): v for k, v in sorted(by(lambda r: r.quality).items())},
        by_domain={str(k): v for k, v in sorted(by(lambda r: r.domain).items())},
        by_criterion={suite.value: criteria(suite) for suite in suites},
        quality_curve=quality_curve(results),
        errors=_errors(results),
        success=success_rates(results, seed=seed, resamples=resamples),
    )


def success_points(result: ItemResult) -> float:
    """100 where a tool item did its job, else 0 (no outcome: a model error, not done)."""
    return 100.0 if result.outcome is not None and result.outcome.success else 0.0


def success_rates(
    results: Sequence[ItemResult], *, seed: int = 0, resamples: int = RESAMPLES
) -> SuccessRates | None:
    """The task success rate of the tool items among ``results``, with its breakdowns."""
    tools = [r for r in results if r.suite == Suite.TOOLS]
    if not tools:
        return None

    def rate(group: Sequence[ItemResult]) -> Score:
        return score(
            group, points=lambda r: (success_points(r), 100.0), seed=seed, resamples=resamples
        )

    def by(key: Callable[[ItemResult], str | int]) -> dict[str | int, Score]:
        groups: dict[str | int, list[ItemResult]] = defaultdict(list)
        for result in tools:
            groups[key(result)].append(result)
        return {k: rate(v) for k, v in sorted(groups.items(), key=lambda kv: str(kv[0]))}

    difficulties = by(lambda r: r.difficulty.value)
    return SuccessRates(
        overall=rate(tools),
        by_difficulty={
            d.value: difficulties[d.value] for d in Difficulty if d.value in difficulties
        },
        by_domain={str(k): v for k, v in by(lambda r: r.domain).items()},
        by_quality={int(k): v for k, v in sorted(by(lambda r: r.quality).items())},
        pass_k=pass_k(
            [
                (r.task_id, r.quality, success_points(r) > 0)
                for r in tools
                if r.status != "infra_error"
            ]
        ),
    )


def pass_k(trials: Iterable[tuple[str, int, bool]]) -> dict[int, float]:
    """``pass^k`` for k = 1 .. the fewest repeats of an item: the mean over items of
    ``C(successes, k) / C(runs, k)``, the chance that k runs drawn from an item's all succeed.

    Args:
        trials: ``(task_id, quality, succeeded)`` per run of an item.
    """
    runs: dict[tuple[str, int], list[bool]] = defaultdict(list)
    for task_id, quality, succeeded in trials:
        runs[(task_id, quality)].append(succeeded)
    if not runs:
        return {}
    fewest = min(len(r) for r in runs.values())
    return {
        k: sum(math.comb(sum(r), k) / math.comb(len(r), k) for r in runs.values()) / len(runs)
        for k in range(1, fewest + 1)
    }


def _score_of(result: ItemResult) -> float:
    return result.score


def _total_points(result: ItemResult) -> tuple[float, float]:
    return result.score, 100.0


def _criterion_points(name: str, most: float) -> Callable[[ItemResult], tuple[float, float]]:
    def points(result: ItemResult) -> tuple[float, float]:
        return result.criteria.get(name, 0.0), most

    return points


def _errors(results: Iterable[ItemResult]) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {"model_error": {}, "infra_error": {}}
    for result in results:
        if result.status in counts:
            kind = result.error_class or "unknown"
            counts[result.status][kind] = counts[result.status].get(kind, 0) + 1
    return {status: dict(sorted(kinds.items())) for status, kinds in counts.items()}


def _bootstrap(
    achieved: list[float], possible: list[float], *, seed: int, resamples: int
) -> tuple[float, float]:
    count = len(achieved)
    estimates: list[float] = []
    got, most_of = achieved.__getitem__, possible.__getitem__
    for draw in _draws(seed, count, resamples):
        most = sum(map(most_of, draw))  # map over a bound method: ~3x a generator's speed
        if most:
            estimates.append(sum(map(got, draw)) / most * 100.0)
    if not estimates:
        return 0.0, 0.0
    estimates.sort()
    tail = (1.0 - CONFIDENCE) / 2.0
    return _percentile(estimates, tail), _percentile(estimates, 1.0 - tail)


@functools.lru_cache(maxsize=64)
def _draws(seed: int, count: int, resamples: int) -> tuple[list[int], ...]:
    """The resampled cluster indices: the same for every breakdown of the same size and seed.

    A report bootstraps a hundred breakdowns, most with the same number of tasks; drawing the
    indices once per size saves three quarters of the time and gives the very same intervals.
    """
    rng = random.Random(seed)
    indices = range(count)
    return tuple(rng.choices(indices, k=count) for _ in range(resamples))


def _percentile(ordered: list[float], share: float) -> float:
    position = share * (len(ordered) - 1)
    below = int(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


def _slope(points: dict[int, float]) -> float | None:
    if len(points) < 2:
        return None
    xs = list(points)
    ys = list(points.values())
    mean_x = sum(xs) / len(xs)
    mean_y = sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread
