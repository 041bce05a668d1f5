"""The 20 tool tasks, each with its reference solution, built from the fixtures."""

from __future__ import annotations

from ._expect import Solved
from ._facts import Facts
from ._fixtures import Fixtures
from ._tasks_easy import easy_tasks
from ._tasks_expert import expert_tasks
from ._tasks_hard import hard_tasks
from ._tasks_medium import medium_tasks


def build_tasks(fixtures: Fixtures) -> list[Solved]:
    """AI_E01-AI_E05, AI_M01-AI_M06, AI_H01-AI_H05, AI_X01-AI_X04, in that order."""
    facts = Facts(fixtures)
    return [*easy_tasks(facts), *medium_tasks(facts), *hard_tasks(facts), *expert_tasks(facts)]
