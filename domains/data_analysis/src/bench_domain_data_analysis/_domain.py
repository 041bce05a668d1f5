"""The data_analysis domain as the runner sees it: tools, simulator, tasks, references."""

from __future__ import annotations

import copy
import functools
from collections.abc import Mapping, Sequence
from typing import Any

from bench_core import ChartReference, Task, ToolReference

from ._charts import build_charts
from ._fixtures import load_fixtures
from ._policy import MANAGER_CHANGE_POLICY, PAY_DISCLOSURE_POLICY, SURVEY_ANONYMITY_POLICY
from ._simulator import DataAnalysisSimulator
from ._tasks import build_tasks
from ._tools import TOOLS, WRITE_TOOLS

PREAMBLE = f"""\
You are the people-analytics assistant of Fernhill Software, a 300-person B2B software \
company with offices in Berlin, London, New York, Austin, Toronto and Bangalore. You work \
through the company's HR analytics API: the employee directory and HR records, departments \
and teams, headcount and attrition, pay statistics and salary bands, the quarterly engagement \
surveys, project allocations, and the learning catalogue with its enrollments.

Today is Wednesday, 2026-04-08. The fiscal year is the calendar year, so last quarter is \
2026-Q1 (2026-01-01 to 2026-03-31). Dates are stored in UTC; a course deadline is the end of \
its deadline day in the learner's office time. Pay statistics are in USD unless asked \
otherwise; salary bands are in each office's own currency.

The eight departments: Engineering, Product & Design, Sales, Customer Success (called \
Customer Support until the reorg of 2025-07-01), Marketing, Finance, People and Operations.

HR policies you must follow (the API does not enforce them):
- {MANAGER_CHANGE_POLICY}
- {PAY_DISCLOSURE_POLICY}
- {SURVEY_ANONYMITY_POLICY}"""


class DataAnalysisDomain:
    """Fernhill Software's HR analytics: 16 tools, a simulator, 20 tool tasks and 16 chart
    tasks.

    Creating one is cheap: the fixtures are read when a simulator, the tasks or a reference is
    first asked for.
    """

    @property
    def id(self) -> str:
        """``data_analysis``."""
        return "data_analysis"

    @property
    def title(self) -> str:
        """``HR analytics``."""
        return "HR analytics"

    @property
    def preamble(self) -> str:
        """The company, the reference date and the HR policies the tasks depend on."""
        return PREAMBLE

    def tools(self) -> Sequence[Mapping[str, Any]]:
        """The 16 tool schemas; a copy the caller may change."""
        return copy.deepcopy(TOOLS)

    def write_tools(self) -> frozenset[str]:
        """The tools that change state."""
        return WRITE_TOOLS

    def tasks(self) -> Sequence[Task]:
        """The tool tasks DA_E01-DA_X04, then the chart tasks DA_C_E01-DA_C_X03."""
        return tuple(task for task, _ in _solved())

    def simulator(self) -> DataAnalysisSimulator:
        """A fresh episode of the HR analytics API."""
        return DataAnalysisSimulator(load_fixtures())

    def reference(self, task_id: str) -> ToolReference | ChartReference:
        """The reference solution of a task.

        Raises:
            KeyError: The domain has no task with this id.
        """
        for task, solution in _solved():
            if task.id == task_id:
                return solution
        raise KeyError(f"the data_analysis domain has no task {task_id!r}")


@functools.cache
def _solved() -> tuple[tuple[Task, ToolReference | ChartReference], ...]:
    fixtures = load_fixtures()
    return (*build_tasks(fixtures), *build_charts(fixtures))


def domain() -> DataAnalysisDomain:
    """The entry point of the ``bench.domains`` group: the data_analysis domain."""
    return DataAnalysisDomain()
