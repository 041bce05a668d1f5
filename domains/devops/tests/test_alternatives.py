"""Every right path passes, every wrong one fails below them: the alternatives bank, played on
the simulator and scored as a run scores an item (``score_item``)."""

from __future__ import annotations

import functools

import pytest

from bench_core import ToolTask
from bench_domain_devops import DevopsDomain, domain
from bench_domain_devops._facts import Facts
from bench_domain_devops._fixtures import load_fixtures
from bench_scoring import ItemScore

from .alternatives import Solution, bank, play

MIN_RIGHT = 3
MIN_WRONG = 2
RIGHT_SCORE = 95.0


@functools.cache
def _bank() -> dict[str, list[Solution]]:
    return bank(Facts(load_fixtures()))


def _tasks() -> dict[str, ToolTask]:
    return {t.id: t for t in domain().tasks() if isinstance(t, ToolTask)}


def _cases() -> list[tuple[str, int]]:
    return [(task_id, i) for task_id, found in _bank().items() for i in range(len(found))]


@functools.cache
def _score(task_id: str, index: int) -> ItemScore:
    solution = _bank()[task_id][index]
    return play(domain(), _tasks()[task_id], solution.turns, solution.answer)


def test_the_bank_covers_every_tool_task() -> None:
    assert set(_bank()) == set(_tasks())
    for task_id, found in _bank().items():
        assert sum(s.right for s in found) >= MIN_RIGHT, task_id
        assert sum(not s.right for s in found) >= MIN_WRONG, task_id
        assert all(s.why.strip() for s in found), task_id
        rights = [(s.turns, s.answer) for s in found if s.right]
        assert len(set(map(repr, rights))) == len(rights), task_id


@pytest.mark.parametrize(("task_id", "index"), _cases(), ids=str)
def test_a_solution_scores_as_the_bank_says(devops: DevopsDomain, task_id: str, index: int) -> None:
    solution = _bank()[task_id][index]
    scored = _score(task_id, index)
    why = f"{task_id} {'right' if solution.right else 'wrong'}: {solution.why}"
    if solution.right:
        assert scored.outcome.success, (why, scored.outcome.reasons)
        assert scored.score.total >= RIGHT_SCORE, (why, scored.score.reasons)
        return
    assert not scored.outcome.success, why
    lowest_right = min(
        _score(task_id, i).score.total for i, s in enumerate(_bank()[task_id]) if s.right
    )
    assert scored.score.total < lowest_right, (why, scored.score.total, lowest_right)
