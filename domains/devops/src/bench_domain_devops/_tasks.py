"""The domain's twenty tool tasks and their reference solutions, built from the fixtures."""

from __future__ import annotations

from ._expect import Solved
from ._facts import Facts
from ._fixtures import Fixtures
from ._tasks_easy import easy_tasks
from ._tasks_expert import expert_tasks
from ._tasks_hard import hard_tasks
from ._tasks_medium import medium_tasks


def build_tasks(fixtures: Fixtures) -> list[Solved]:
    """Every task with its reference, in id order: DO_E01-E05, M01-M06, H01-H05, X01-X04."""
    facts = Facts(fixtures)
    return [*easy_tasks(facts), *medium_tasks(facts), *hard_tasks(facts), *expert_tasks(facts)]
