"""The report of a run, rebuilt from its JSONL file alone, as JSON and as terminal tables."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

import msgspec

from bench_core import ItemResult, JudgeResult, Run, Score, summarize

REPORT_VERSION = 1


def build_report(run: Run) -> dict[str, Any]:
    """Every figure of the run's report, from its latest result per item."""
    results = run.latest()
    summary = summarize(results, seed=0)
    return {
        "report_version": REPORT_VERSION,
        "run": msgspec.to_builtins(run.header),
        "items": {
            "planned": run.header.items,
            "finished": len(results),
            "ok": sum(r.status == "ok" for r in results),
            "model_errors": sum(r.status == "model_error" for r in results),
            "infra_errors": sum(r.status == "infra_error" for r in results),
        },
        "summary": msgspec.to_builtins(summary),
        "usage": usage_totals(results),
        "latency_s": latency_percentiles(results),
        "consistency": _consistency(results),
        "efficiency": efficiency(results),
        "judges": _judges(run),
    }


def _judges(run: Run) -> list[dict[str, Any]]:
    """Each judge's verdicts summed up by suite, apart from the automated score."""
    suites = {result.key: result.suite.value for result in run.latest()}
    groups: dict[tuple[str, str, str, str], list[JudgeResult]] = defaultdict(list)
    for verdict in run.latest_judges():
        suite = suites.get(verdict.key, "unknown")
        groups[(verdict.judge, verdict.judge_model, verdict.prompt_version, suite)].append(verdict)
    summaries = []
    for (judge, model, version, suite), verdicts in sorted(groups.items()):
        scored = [v for v in verdicts if v.status == "ok" and v.score is not None]
        names = sorted({name for v in scored for name in v.scores})
        summaries.append(
            {
                "judge": judge,
                "judge_model": model,
                "prompt_version": version,
                "suite": suite,
                "verdicts": len(scored),
                "infra_errors": len(verdicts) - len(scored),
                "mean_score": _mean([v.score for v in scored if v.score is not None]),
                "mean_scores": {
                    name: _mean([v.scores[name] for v in scored if name in v.scores])
                    for name in names
                },
                "input_kinds": dict(sorted(Counter(v.input_kind for v in scored).items())),
                "structured_output": dict(
                    sorted(Counter(v.structured_output or "unknown" for v in scored).items())
                ),
            }
        )
    return summaries


def _mean(values: Sequence[float]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


def usage_totals(results: Sequence[ItemResult]) -> dict[str, Any]:
    """Tokens, cost, upstream providers and attempts summed over ``results``."""
    costs = [r.usage.cost for r in results if r.usage.cost is not None]
    providers: dict[str, int] = defaultdict(int)
    for result in results:
        for provider in result.providers:
            providers[provider] += 1
    return {
        "prompt_tokens": sum(r.usage.prompt_tokens for r in results),
        "completion_tokens": sum(r.usage.completion_tokens for r in results),
        "reasoning_tokens": sum(r.usage.reasoning_tokens for r in results),
        "cost": round(sum(costs), 6) if costs else None,
        "items_with_cost": len(costs),
        "providers": dict(sorted(providers.items())),
        "attempts": sum(r.attempts for r in results),
    }


def latency_percentiles(results: Sequence[ItemResult]) -> dict[str, float | None]:
    """Nearest-rank percentiles of the items' latency in seconds (infra errors left out)."""
    values = sorted(r.latency_s for r in results if r.status != "infra_error")
    return {f"p{p}": _percentile(values, p) for p in (50, 90, 95, 99)} | {
        "max": values[-1] if values else None
    }


def _percentile(ordered: list[float], percent: int) -> float | None:
    if not ordered:
        return None
    rank = max(0, math.ceil(percent / 100 * len(ordered)) - 1)
    return round(ordered[rank], 4)


def efficiency(results: Sequence[ItemResult]) -> dict[str, Any] | None:
    """What the tool items spent against their reference solutions: calls and turns per item,
    apart from the score (lookups cost no points, but they cost time and tokens)."""
    spent = [
        r.outcome
        for r in results
        if r.outcome is not None and r.outcome.reference_calls is not None
    ]
    if not spent:
        return None
    count = len(spent)
    return {
        "items": count,
        "calls": round(sum(o.calls for o in spent) / count, 2),
        "reference_calls": round(sum(o.reference_calls or 0 for o in spent) / count, 2),
        "turns": round(sum(o.turns for o in spent) / count, 2),
        "reference_turns": round(sum(o.reference_turns or 0 for o in spent) / count, 2),
    }


def _consistency(results: Sequence[ItemResult]) -> dict[str, Any] | None:
    """pass^k over repeated items: the chance that k runs of an item all score full marks."""
    trials: dict[tuple[str, int], list[bool]] = defaultdict(list)
    for result in results:
        if result.status != "infra_error":
            trials[(result.task_id, result.quality)].append(result.score >= 100.0)
    most = max((len(t) for t in trials.values()), default=0)
    if most < 2:
        return None
    table: dict[str, float] = {}
    for k in range(1, most + 1):
        eligible = [t for t in trials.values() if len(t) >= k]
        estimates = [math.comb(sum(t), k) / math.comb(len(t), k) for t in eligible]
        table[f"pass^{k}"] = round(sum(estimates) / len(estimates), 4)
    return {"repeats": most, "items": len(trials), **table}


def format_score(score: Score | dict[str, Any]) -> str:
    """``72.4%  [68.1–76.5]`` or ``—`` when nothing was scored."""
    data = score if isinstance(score, dict) else msgspec.to_builtins(score)
    if data["value"] is None:
        return "—"
    return f"{data['value']:.1f}%  [{data['low']:.1f}–{data['high']:.1f}]"
