"""The comparison of several runs, over the items every run shares, as one JSON-ready dict.

Each model's figures are its report's figures restricted to the shared items; an item that is
an infra error in any run is left out of every run, so all models are scored on the same work.
Pairs of models get a paired bootstrap difference per scope (overall, suite, difficulty, domain).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import combinations
from typing import Any

import msgspec

from bench_core import (
    RESAMPLES,
    BenchError,
    Difficulty,
    ItemResult,
    Run,
    Suite,
    paired_difference,
    success_points,
    summarize,
)

from ._report import latency_percentiles, usage_totals

COMPARE_VERSION = 1

Key = tuple[str, int, int]


def run_labels(runs: Sequence[Run], names: str | None) -> list[str]:
    """The models' names in the tables: ``names`` (a comma list, one per run) or the model ids.

    Two runs of the same model id are told apart by their run ids (a copy of a run by its
    place among the files).

    Raises:
        BenchError: ``names`` does not hold one distinct, non-empty name per run.
    """
    if names is not None:
        labels = [name.strip() for name in names.split(",")]
        if len(labels) != len(runs) or not all(labels):
            raise BenchError(
                f"--models gives {len(labels)} name(s) for {len(runs)} runs; give one non-empty "
                "name per run, comma-separated, in the order of the files"
            )
        if len(set(labels)) != len(labels):
            raise BenchError(f"--models names must differ from each other; got {names!r}")
        return labels
    models = [run.header.model for run in runs]
    labels = [
        model if models.count(model) == 1 else f"{model} ({run.header.run_id})"
        for model, run in zip(models, runs, strict=True)
    ]
    return [  # the same run given twice (a copy) is told apart by its place on the command line
        label if labels.count(label) == 1 else f"{label} #{place}"
        for place, label in enumerate(labels, start=1)
    ]


def build_comparison(
    runs: Sequence[Run],
    labels: Sequence[str],
    *,
    seed: int = 0,
    resamples: int = RESAMPLES,
) -> dict[str, Any]:
    """Side-by-side figures of ``runs`` over the items they all share, with paired differences.

    Raises:
        BenchError: Fewer than two runs, a run without results, or no item in common.
    """
    if len(runs) < 2:
        raise BenchError("compare needs at least two run files")
    latest = [{result.key: result for result in run.latest()} for run in runs]
    for run, results in zip(runs, latest, strict=True):
        if not results:
            raise BenchError(f"{run.path} has a header but no results; there is nothing to compare")
    common = [key for key in latest[0] if all(key in results for results in latest[1:])]
    if not common:
        raise BenchError(
            "the runs share no item (task id, quality and repeat); compare runs made on the "
            "same tasks"
        )
    infra = {key for key in common if any(r[key].status == "infra_error" for r in latest)}
    shared = [key for key in common if key not in infra]
    if not shared:
        raise BenchError(
            f"every one of the {len(common)} items the runs share is an infra error in at least "
            "one run; resume the runs (bench-run run --resume FILE) before comparing"
        )
    chosen = [[results[key] for key in shared] for results in latest]
    return {
        "compare_version": COMPARE_VERSION,
        "seed": seed,
        "resamples": resamples,
        "runs": [
            {
                "label": label,
                "path": run.path,
                "model": run.header.model,
                "run_id": run.header.run_id,
                "created_at": run.header.created_at,
                "endpoint": run.header.endpoint,
                "items": len(results),
                "shared_items": len(shared),
                "infra_errors": sum(r.status == "infra_error" for r in results.values()),
            }
            for label, run, results in zip(labels, runs, latest, strict=True)
        ],
        "shared": {"items": len(shared), "tasks": len({key[0] for key in shared})},
        "excluded": _excluded(labels, latest, set(common), infra),
        "differences": _differences(runs, labels),
        "summaries": {
            label: msgspec.to_builtins(summarize(results, seed=seed, resamples=resamples))
            for label, results in zip(labels, chosen, strict=True)
        },
        "pairs": _pairs(labels, chosen, seed=seed, resamples=resamples),
        "success_pairs": _pairs(
            labels,
            [[r for r in results if r.suite == Suite.TOOLS] for results in chosen],
            seed=seed,
            resamples=resamples,
            points=success_points,
            groups=("difficulty", "domain"),
        ),
        "usage": {
            label: usage_totals(results) for label, results in zip(labels, chosen, strict=True)
        },
        "latency_s": {
            label: latency_percentiles(results)
            for label, results in zip(labels, chosen, strict=True)
        },
    }


def _excluded(
    labels: Sequence[str],
    latest: Sequence[dict[Key, ItemResult]],
    common: set[Key],
    infra: set[Key],
) -> list[dict[str, Any]]:
    notes = []
    for label, results in zip(labels, latest, strict=True):
        missing = sum(key not in common for key in results)
        if missing:
            notes.append(
                {"label": label, "items": missing, "reason": "not in every run being compared"}
            )
        failed = sum(key in infra for key in results)
        if failed:
            notes.append(
                {
                    "label": label,
                    "items": failed,
                    "reason": "an infra error in at least one run (left out of every run)",
                }
            )
    return notes


_SAMPLING = {"temperature", "top_p", "max_tokens"}
_WHERE = {"base_url"}  # where each model is served: expected to differ, not worth a note


def _differences(runs: Sequence[Run], labels: Sequence[str]) -> list[str]:
    """What differs between the runs besides the model: each a sentence for the reader."""
    headers = [run.header for run in runs]

    def differ(what: str, values: list[Any], consequence: str) -> str | None:
        if all(value == values[0] for value in values[1:]):
            return None
        shown = ", ".join(
            f"{label} {value if value not in (None, '') else 'unset'}"
            for label, value in zip(labels, values, strict=True)
        )
        return f"{what} differ: {shown}; {consequence}"

    found = [
        differ(
            "task sets",
            [header.task_set[:12] for header in headers],
            "only the items every run holds are compared, matched by task id, quality and "
            "repeat (a task changed under the same id would not show here)",
        ),
        differ(
            "schema versions",
            [header.schema_version for header in headers],
            "the files were written by different releases",
        ),
    ]
    packages = sorted({name for header in headers for name in header.packages})
    for name in packages:
        consequence = (
            "scores may differ for the scorer's sake, not the model's"
            if name == "bench-scoring"
            else "tasks or their expected results may differ"
            if name.startswith("bench-domain-")
            else "the harness differs"
        )
        found.append(
            differ(
                f"{name} versions",
                [header.packages.get(name) for header in headers],
                consequence,
            )
        )
    for name in sorted({name for header in headers for name in header.params} - _WHERE):
        found.append(
            differ(
                f"{name} settings",
                [header.params.get(name) for header in headers],
                "the models were not sampled alike"
                if name in _SAMPLING
                else "the calls were routed differently"
                if name.startswith("provider_")
                else "the runs were not made alike",
            )
        )
    return [sentence for sentence in found if sentence is not None]


_GROUPS: dict[str, Callable[[ItemResult], str]] = {
    "suite": lambda result: result.suite.value,
    "difficulty": lambda result: result.difficulty.value,
    "domain": lambda result: result.domain,
}
_ORDER = {
    "suite": [suite.value for suite in Suite],
    "difficulty": [level.value for level in Difficulty],
}


def _pairs(
    labels: Sequence[str],
    chosen: Sequence[list[ItemResult]],
    *,
    seed: int,
    resamples: int,
    points: Callable[[ItemResult], float] | None = None,
    groups: Sequence[str] = ("suite", "difficulty", "domain"),
) -> list[dict[str, Any]]:
    """Every pair of models, overall and per group (suite, difficulty, domain), on the score
    or, with ``points=success_points``, on the task success rate."""
    if not chosen or not chosen[0]:
        return []
    scopes: list[tuple[str, Callable[[ItemResult], str] | None, str]] = [("overall", None, "")]
    for kind in groups:
        by = _GROUPS[kind]
        present = {by(result) for result in chosen[0]}
        order = _ORDER.get(kind, sorted(present))
        scopes += [(f"{kind}:{value}", by, value) for value in order if value in present]
    pairs = []
    for (i, a), (j, b) in combinations(enumerate(labels), 2):
        for scope, group, value in scopes:
            gap = paired_difference(
                [r for r in chosen[i] if group is None or group(r) == value],
                [r for r in chosen[j] if group is None or group(r) == value],
                points=points,
                seed=seed,
                resamples=resamples,
            )
            pairs.append(
                {
                    "a": a,
                    "b": b,
                    "scope": scope,
                    "difference": gap.value,
                    "low": gap.low,
                    "high": gap.high,
                    "verdict": gap.verdict,
                    "items": gap.items,
                    "tasks": gap.tasks,
                }
            )
    return pairs
