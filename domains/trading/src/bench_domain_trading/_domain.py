"""The trading domain as the runner sees it: tools, simulator, tasks, references."""

from __future__ import annotations

import copy
import functools
from collections.abc import Mapping, Sequence
from typing import Any

from bench_core import ChartReference, Task, ToolReference

from ._charts import build_charts
from ._fixtures import load_fixtures
from ._simulator import TradingSimulator
from ._tasks import build_tasks
from ._tools import TOOLS, WRITE_TOOLS

PREAMBLE = """\
You are the assistant of the trading desk at Kestrel Ridge Capital, a small proprietary \
trading firm in Chicago whose five traders trade the firm's own capital in US stocks, crypto \
and FX. You work through the desk's trading-journal API: every trade (entries, exits, fees, \
tags, notes), the desk's strategies, its open positions, the daily equity curve, journal \
entries and price alerts.

Today is Wednesday, 2026-04-15; it is 14:30 UTC and the US stock market is open. The account's \
base currency is USD: every amount is in US dollars, and every time is UTC.

Instruments: US stocks AAPL, MSFT, NVDA, TSLA, AMZN, META, JPM and AMD; crypto BTCUSD, ETHUSD \
and SOLUSD; FX EURUSD, GBPUSD and AUDUSD.
Strategies: momentum, mean reversion, breakout, swing, scalping and pairs."""


class TradingDomain:
    """A small prop desk's trading journal: 16 tools, a simulator, 20 tool tasks and 22 chart
    tasks.

    Creating one is cheap: the fixtures are read when a simulator, the tasks or a reference is
    first asked for.
    """

    @property
    def id(self) -> str:
        """``trading``."""
        return "trading"

    @property
    def title(self) -> str:
        """``Trader's journal``."""
        return "Trader's journal"

    @property
    def preamble(self) -> str:
        """The desk, its instruments and strategies, and the reference date."""
        return PREAMBLE

    def tools(self) -> Sequence[Mapping[str, Any]]:
        """The 16 tool schemas; a copy the caller may change."""
        return copy.deepcopy(TOOLS)

    def write_tools(self) -> frozenset[str]:
        """The tools that change state."""
        return WRITE_TOOLS

    def tasks(self) -> Sequence[Task]:
        """The tool tasks E01-X04, then the chart tasks C_E01-C_X05."""
        return tuple(task for task, _ in _solved())

    def simulator(self) -> TradingSimulator:
        """A fresh episode of the journal API."""
        return TradingSimulator(load_fixtures())

    def reference(self, task_id: str) -> ToolReference | ChartReference:
        """The reference solution of a task.

        Raises:
            KeyError: The domain has no task with this id.
        """
        for task, solution in _solved():
            if task.id == task_id:
                return solution
        raise KeyError(f"the trading domain has no task {task_id!r}")


@functools.cache
def _solved() -> tuple[tuple[Task, ToolReference | ChartReference], ...]:
    fixtures = load_fixtures()
    return (*build_tasks(fixtures), *build_charts(fixtures))


def domain() -> TradingDomain:
    """The entry point of the ``bench.domains`` group: the trading domain."""
    return TradingDomain()
