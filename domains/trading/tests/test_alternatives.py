"""Every right path passes, every wrong one fails below them: the alternatives bank, played on
the simulator and scored as a run scores an item (``score_item``)."""

from __future__ import annotations

import functools

import pytest

from bench_core import ToolTask
from bench_domain_trading import TradingDomain, domain
from bench_domain_trading._facts import Facts
from bench_domain_trading._fixtures import load_fixtures
from bench_scoring import ItemScore

from .alternatives import Solution, bank, play

MIN_RIGHT = 3
MIN_WRONG = 2
RIGHT_SCORE = 95.0

# The cases issue 11 lists, and how each must come out (True: success, >= 95).
ISSUE_11 = {
    "M01 with six get_strategy_stats calls for March": True,
    "H02 done with six get_strategy_stats calls": True,
    "E05 with a get_quote first": True,
    "M03 with list_strategies first": True,
    "X02 by search_trades": True,
    "H03 with a verifying list after the delete": True,
    "X01 via get_equity_curve": True,
    'M05 with end_date "2026-03-31T23:59:59Z"': True,
    "M06 with the quoted text kept in quotation marks": True,
    "X01 closing all nine positions": False,
    "H03 deleting both ETH alerts": False,
    "H05 closing three positions": False,
    "X04 with two alerts the simulator rejected": False,
    "H04 with an invented comparison": False,
}


def _play(trading: TradingDomain, task: ToolTask, solution: Solution) -> ItemScore:
    return play(trading, task, solution.turns, solution.answer)


@functools.cache
def _bank() -> dict[str, list[Solution]]:
    return bank(Facts(load_fixtures()))


def _tasks() -> dict[str, ToolTask]:
    return {t.id: t for t in domain().tasks() if isinstance(t, ToolTask)}


def _cases() -> list[tuple[str, int]]:
    return [(task_id, i) for task_id, found in _bank().items() for i in range(len(found))]


def test_the_bank_covers_every_tool_task() -> None:
    assert set(_bank()) == set(_tasks())
    for task_id, found in _bank().items():
        assert sum(s.right for s in found) >= MIN_RIGHT, task_id
        assert sum(not s.right for s in found) >= MIN_WRONG, task_id
        assert all(s.why.strip() for s in found), task_id
        # Right ones are written differently: no two make the same calls and give one answer.
        rights = [(s.turns, s.answer) for s in found if s.right]
        assert len(set(map(repr, rights))) == len(rights), task_id


@pytest.mark.parametrize(("task_id", "index"), _cases(), ids=str)
def test_a_solution_scores_as_the_bank_says(
    trading: TradingDomain, task_id: str, index: int
) -> None:
    task = _tasks()[task_id]
    solution = _bank()[task_id][index]
    scored = _play(trading, task, solution)
    why = f"{task_id} {'right' if solution.right else 'wrong'}: {solution.why}"
    if solution.right:
        assert scored.outcome.success, (why, scored.outcome.reasons)
        assert scored.score.total >= RIGHT_SCORE, (why, scored.score.reasons)
        return
    assert not scored.outcome.success, why
    lowest_right = min(_play(trading, task, s).score.total for s in _bank()[task_id] if s.right)
    assert scored.score.total < lowest_right, (why, scored.score.total, lowest_right)


def test_the_cases_of_issue_11_come_out_as_listed(trading: TradingDomain) -> None:
    tasks = _tasks()
    found = {
        s.case: (task_id, s) for task_id, solutions in _bank().items() for s in solutions if s.case
    }
    assert set(found) == set(ISSUE_11)
    for case, (task_id, solution) in found.items():
        assert solution.right == ISSUE_11[case], case
        scored = _play(trading, tasks[task_id], solution)
        assert scored.outcome.success == ISSUE_11[case], (case, scored.outcome.reasons)
        if ISSUE_11[case]:
            assert scored.score.total >= RIGHT_SCORE, (case, scored.score.reasons)
        else:
            assert scored.score.total < RIGHT_SCORE, case
