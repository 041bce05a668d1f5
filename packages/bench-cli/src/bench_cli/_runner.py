"""Runs the planned items with bounded concurrency and streams each result to the store."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench_core import Domain, Item, ItemResult, Store, ToolTask

from ._episode import ChartEpisode, Episode, ToolEpisode
from ._models import Model
from ._progress import RunProgress

if TYPE_CHECKING:  # the browser extra is optional
    from bench_scoring.browser import ChartBrowser


class Runner:
    """Plays items on a model and appends every result to the store as it completes.

    ``workers`` items are in flight at once; each has ``task_timeout`` seconds, past which it
    becomes an infra error. A ``ClientError`` (bad key, unknown model) stops the whole run.
    Chart documents are saved in ``charts_dir``; with a ``browser`` each is also rendered,
    checked in it, and screenshotted beside its HTML.
    """

    def __init__(
        self,
        *,
        model: Model,
        domains: Mapping[str, Domain],
        store: Store,
        progress: RunProgress,
        workers: int,
        task_timeout: float,
        charts_dir: Path,
        browser: ChartBrowser | None = None,
    ) -> None:
        self._model = model
        self._charts_dir = charts_dir
        self._browser = browser
        self._domains = domains
        self._store = store
        self._progress = progress
        self._workers = workers
        self._timeout = task_timeout
        self._tools: dict[str, list[Mapping[str, Any]]] = {}

    async def run(self, items: Sequence[Item]) -> None:
        """Play every item; returns when all are stored (or raises what stopped the run)."""
        queue = iter(items)
        async with asyncio.TaskGroup() as group:
            for _ in range(min(self._workers, len(items))):
                group.create_task(self._work(queue))

    async def _work(self, queue: Iterable[Item]) -> None:
        # One shared iterator: next() never awaits, so no two workers take the same item.
        for item in queue:
            result = await self.play(item)
            self._store.append(result)
            self._progress.advance(result)

    async def play(self, item: Item) -> ItemResult:
        """One item to its result."""
        task = item.task
        domain = self._domains[task.domain]
        episode: Episode
        if isinstance(task, ToolTask):
            episode = ToolEpisode(item, domain, self._tools_of(task, domain))
        else:
            episode = ChartEpisode(item, domain, self._charts_dir, self._browser)
        deadline = asyncio.get_running_loop().time() + self._timeout
        try:
            async with asyncio.timeout(self._timeout):
                return await episode.play(self._model, deadline)
        except TimeoutError:
            return episode.timed_out(self._timeout)

    def _tools_of(self, task: ToolTask, domain: Domain) -> list[Mapping[str, Any]]:
        key = f"{task.domain}:{','.join(task.tools)}"
        if key not in self._tools:
            offered = set(task.tools)
            self._tools[key] = [
                tool
                for tool in domain.tools()
                if not offered or tool["function"]["name"] in offered
            ]
        return self._tools[key]
