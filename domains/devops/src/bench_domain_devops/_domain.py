"""The devops domain as the runner sees it: tools, simulator, tasks, references."""

from __future__ import annotations

import copy
import functools
from collections.abc import Mapping, Sequence
from typing import Any

from bench_core import ChartReference, Task, ToolReference

from ._charts import build_charts
from ._fixtures import load_fixtures
from ._simulator import DevopsSimulator
from ._tasks import build_tasks
from ._tools import TOOLS, WRITE_TOOLS

PREAMBLE = """\
You are the on-call assistant of the platform team at Northwind Market, an online \
marketplace. You work through the team's monitoring and incident API: the service catalogue \
(21 services owned by six teams, each in dev, staging and prod), deployments, incidents with \
their timelines, alerts, hourly metrics kept 30 days, SLOs with error budgets, the on-call \
rota, logs and change freezes.

Today is Wednesday, 2026-04-08; it is 06:15 UTC, 08:15 in Berlin, where the team works. \
The API stores every time in UTC; the rota hands over on Mondays at 09:00 Berlin time \
(Europe/Berlin, summer time since 29 March). "Yesterday" is the UTC day 2026-04-07.

The runbook (the team's written policy; follow it):
1. During a change freeze no prod deployment and no prod rollback may be made, except a \
rollback that mitigates an open SEV1 or SEV2 incident of that service in prod; link that \
incident to the rollback. A SEV3 or SEV4 incident does not justify one.
2. Outside a freeze (and always in dev and staging), roll back a deployment when its \
service's error rate in the hours after it finished is more than 1.5 times the rate in the \
hours before it started; otherwise leave it in place.
3. Only the live deployment of a service can be rolled back; a rollback states its reason.
4. Silence only alerts that flap (5 or more state changes in the last 24 hours), for at \
most 4 hours; acknowledge a real page instead of silencing it.
5. Nobody restarts pods or scales workloads through this API; that is done in the cluster \
console by the owning team."""


class DevopsDomain:
    """A platform team's monitoring and incident system: 16 tools, a simulator, 20 tool
    tasks and 16 chart tasks.

    Creating one is cheap: the fixtures are read when a simulator, the tasks or a reference is
    first asked for.
    """

    @property
    def id(self) -> str:
        """``devops``."""
        return "devops"

    @property
    def title(self) -> str:
        """``Server monitoring``."""
        return "Server monitoring"

    @property
    def preamble(self) -> str:
        """The company, the reference date and the runbook."""
        return PREAMBLE

    def tools(self) -> Sequence[Mapping[str, Any]]:
        """The 16 tool schemas; a copy the caller may change."""
        return copy.deepcopy(TOOLS)

    def write_tools(self) -> frozenset[str]:
        """The tools that change state."""
        return WRITE_TOOLS

    def tasks(self) -> Sequence[Task]:
        """The tool tasks DO_E01-DO_X04, then the chart tasks DO_C_E01-DO_C_X03."""
        return tuple(task for task, _ in _solved())

    def simulator(self) -> DevopsSimulator:
        """A fresh episode of the platform API."""
        return DevopsSimulator(load_fixtures())

    def reference(self, task_id: str) -> ToolReference | ChartReference:
        """The reference solution of a task.

        Raises:
            KeyError: The domain has no task with this id.
        """
        for task, solution in _solved():
            if task.id == task_id:
                return solution
        raise KeyError(f"the devops domain has no task {task_id!r}")


@functools.cache
def _solved() -> tuple[tuple[Task, ToolReference | ChartReference], ...]:
    fixtures = load_fixtures()
    return (*build_tasks(fixtures), *build_charts(fixtures))


def domain() -> DevopsDomain:
    """The entry point of the ``bench.domains`` group: the devops domain."""
    return DevopsDomain()
