"""The api_integration domain as the runner sees it: tools, simulator, tasks, references."""

from __future__ import annotations

import copy
import functools
from collections.abc import Mapping, Sequence
from typing import Any

from bench_core import ChartReference, Task, ToolReference

from ._charts import build_charts
from ._charts_expert import expert_charts
from ._charts_hard import hard_charts
from ._charts_medium import medium_charts
from ._facts import Facts
from ._fixtures import load_fixtures
from ._policy import PREAMBLE
from ._simulator import ApiGatewaySimulator
from ._tasks import build_tasks
from ._tools import TOOLS, WRITE_TOOLS


class ApiIntegrationDomain:
    """Relaybox's API gateway console: 16 tools, a simulator, 20 tool tasks and 16 chart
    tasks.

    Creating one is cheap: the fixtures are read when a simulator, the tasks or a reference is
    first asked for.
    """

    @property
    def id(self) -> str:
        """``api_integration``."""
        return "api_integration"

    @property
    def title(self) -> str:
        """``API gateway``."""
        return "API gateway"

    @property
    def preamble(self) -> str:
        """The company, the reference date and the key-security runbook."""
        return PREAMBLE

    def tools(self) -> Sequence[Mapping[str, Any]]:
        """The 16 tool schemas; a copy the caller may change."""
        return copy.deepcopy(TOOLS)

    def write_tools(self) -> frozenset[str]:
        """The tools that change state."""
        return WRITE_TOOLS

    def tasks(self) -> Sequence[Task]:
        """The tool tasks AI_E01-AI_X04, then the chart tasks AI_C_E01-AI_C_X03."""
        return tuple(task for task, _ in _solved())

    def simulator(self) -> ApiGatewaySimulator:
        """A fresh episode of the gateway console."""
        return ApiGatewaySimulator(load_fixtures())

    def reference(self, task_id: str) -> ToolReference | ChartReference:
        """The reference solution of a task.

        Raises:
            KeyError: The domain has no task with this id.
        """
        for task, solution in _solved():
            if task.id == task_id:
                return solution
        raise KeyError(f"the api_integration domain has no task {task_id!r}")


@functools.cache
def _solved() -> tuple[tuple[Task, ToolReference | ChartReference], ...]:
    fixtures = load_fixtures()
    facts = Facts(fixtures)
    return (
        *build_tasks(fixtures),
        *build_charts(facts),
        *medium_charts(facts),
        *hard_charts(facts),
        *expert_charts(facts),
    )


def domain() -> ApiIntegrationDomain:
    """The entry point of the ``bench.domains`` group: the api_integration domain."""
    return ApiIntegrationDomain()
