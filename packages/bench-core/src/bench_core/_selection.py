"""From the run's flags to the list of items: which tasks, at which qualities, how often."""

from __future__ import annotations

import difflib
import hashlib
import random
from collections.abc import Iterable, Sequence
from typing import Literal

import msgspec

from ._errors import BenchError
from ._tasks import Item, Task
from ._weights import QUALITY_LEVELS, Difficulty, Suite

_SUITES = ("tools", "charts", "all")
_MODES = ("normal", "mixed")


class Selection(msgspec.Struct, frozen=True, kw_only=True):
    """The flags that choose a run's items; recorded in the run's header.

    Empty ``domains`` or ``task_ids`` mean all of them.
    """

    suite: str = "all"
    domains: tuple[str, ...] = ()
    task_ids: tuple[str, ...] = ()
    min_quality: int = 1
    max_quality: int = 10
    min_difficulty: str = "easy"
    max_difficulty: str = "expert"
    mode: Literal["normal", "mixed"] | str = "normal"
    seed: int = 42
    repeats: int = 1


def select_items(tasks: Sequence[Task], selection: Selection) -> list[Item]:
    """The items a run with ``selection`` performs, in the order it performs them.

    Normal mode keeps the tasks' order (domain by domain); mixed mode takes the same number of
    tasks of each difficulty from every domain of a suite, sampled and shuffled with the seed,
    so the same seed always gives the same items.

    Raises:
        BenchError: A flag's value is not allowed, or nothing matches the flags.
    """
    suites = _check_suite(selection.suite)
    low, high = _check_difficulties(selection.min_difficulty, selection.max_difficulty)
    qualities = _check_qualities(selection.min_quality, selection.max_quality)
    if selection.mode not in _MODES:
        raise BenchError(f"unknown mode {selection.mode!r}; use normal or mixed")
    if selection.repeats < 1:
        raise BenchError(f"--repeats must be 1 or more, got {selection.repeats}")
    _check_domains(tasks, selection.domains)
    _check_task_ids(tasks, selection.task_ids)

    wanted_domains = set(selection.domains)
    wanted_ids = set(selection.task_ids)
    chosen = [
        task
        for task in tasks
        if task.suite in suites
        and low.rank <= task.difficulty.rank <= high.rank
        and (not wanted_domains or task.domain in wanted_domains)
        and (not wanted_ids or task.id in wanted_ids)
    ]
    if selection.mode == "mixed":
        chosen = _balance(chosen, selection.seed)
    if not chosen:
        raise BenchError(f"no task matches the selection ({_describe(selection)})")
    return [
        Item(task=task, quality=quality, repeat=repeat)
        for task in chosen
        for quality in qualities
        for repeat in range(selection.repeats)
    ]


def task_set_fingerprint(tasks: Iterable[Task]) -> str:
    """A short hash of the tasks' full content: prompts, expectations, data."""
    digest = hashlib.sha256()
    encoder = msgspec.json.Encoder(order="sorted")
    for task in sorted(tasks, key=lambda t: t.id):
        digest.update(encoder.encode(task))
        digest.update(b"\n")
    return digest.hexdigest()[:16]


def _balance(tasks: list[Task], seed: int) -> list[Task]:
    rng = random.Random(seed)
    picked: list[Task] = []
    for suite in Suite:
        in_suite = [task for task in tasks if task.suite == suite]
        domains = sorted({task.domain for task in in_suite})
        for difficulty in Difficulty:
            pools = [
                sorted(
                    (t for t in in_suite if t.domain == d and t.difficulty == difficulty), key=_id
                )
                for d in domains
            ]
            count = min((len(pool) for pool in pools), default=0)
            for pool in pools:
                picked.extend(rng.sample(pool, count))
    rng.shuffle(picked)
    return picked


def _id(task: Task) -> str:
    return task.id


def _check_suite(suite: str) -> set[Suite]:
    if suite not in _SUITES:
        raise BenchError(f"unknown suite {suite!r}; use tools, charts or all")
    return set(Suite) if suite == "all" else {Suite(suite)}


def _check_difficulties(low: str, high: str) -> tuple[Difficulty, Difficulty]:
    allowed = ", ".join(d.value for d in Difficulty)
    parsed = []
    for flag, value in (("--min-difficulty", low), ("--max-difficulty", high)):
        try:
            parsed.append(Difficulty(value))
        except ValueError:
            raise BenchError(
                f"{flag} {value!r} is not a difficulty; use one of {allowed}"
            ) from None
    if parsed[0].rank > parsed[1].rank:
        raise BenchError(f"--min-difficulty {low} is above --max-difficulty {high}")
    return parsed[0], parsed[1]


def _check_qualities(low: int, high: int) -> range:
    first, last = QUALITY_LEVELS[0], QUALITY_LEVELS[-1]
    for flag, value in (("--min-quality", low), ("--max-quality", high)):
        if value not in QUALITY_LEVELS:
            raise BenchError(f"{flag} must be a whole number from {first} to {last}, got {value}")
    if low > high:
        raise BenchError(f"--min-quality {low} is above --max-quality {high}")
    return range(low, high + 1)


def _check_domains(tasks: Sequence[Task], domains: Iterable[str]) -> None:
    known = sorted({task.domain for task in tasks})
    for domain in domains:
        if domain not in known:
            raise BenchError(
                f"unknown domain {domain!r}; installed domains: {', '.join(known) or 'none'}"
            )


def _check_task_ids(tasks: Sequence[Task], task_ids: Iterable[str]) -> None:
    known = {task.id for task in tasks}
    for task_id in task_ids:
        if task_id not in known:
            close = difflib.get_close_matches(task_id, sorted(known), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise BenchError(
                f"unknown task id {task_id!r}{hint} (`bench-run list` shows all {len(known)} ids)"
            )


def _describe(selection: Selection) -> str:
    parts = [f"suite {selection.suite}"]
    if selection.domains:
        parts.append(f"domain {','.join(selection.domains)}")
    if selection.task_ids:
        parts.append(f"task ids {','.join(selection.task_ids)}")
    parts.append(f"difficulty {selection.min_difficulty} to {selection.max_difficulty}")
    if selection.mode == "mixed":
        parts.append("mixed mode keeps only difficulties every domain has")
    return "; ".join(parts)
