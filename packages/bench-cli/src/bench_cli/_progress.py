"""Progress while a run goes: a live bar on a terminal, a line now and then in a log."""

from __future__ import annotations

import time
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from bench_core import ItemResult, JudgeResult

_LOG_EVERY_S = 10.0


class RunProgress:
    """Counts finished items and shows done/total, ETA, the score so far and infra errors."""

    def __init__(
        self, total: int, console: Console, *, done: int = 0, label: str = "running"
    ) -> None:
        self.total = total
        self.done = done
        self.infra_errors = 0
        self._achieved = 0.0
        self._possible = 0.0
        self._console = console
        self._live = console.is_terminal
        self._last_log = time.monotonic()
        self._bar = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("eta"),
            TimeRemainingColumn(),
            TextColumn("score {task.fields[score]}  infra errors {task.fields[infra]}"),
            console=console,
            disable=not self._live,
        )
        self._task: TaskID | None = None
        self._label = label

    def __enter__(self) -> RunProgress:
        self._bar.__enter__()
        self._task = self._bar.add_task(
            self._label, total=self.total, completed=self.done, score="—", infra=0
        )
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._bar.__exit__(exc_type, exc, tb)

    @property
    def score(self) -> str:
        """The weighted score of the items finished so far in this session."""
        return f"{self._achieved / self._possible * 100:.1f}%" if self._possible else "—"

    def advance(self, result: ItemResult) -> None:
        """Count one finished item."""
        if result.status == "infra_error":
            self._step(None)
        else:
            self._step((result.score * result.weight, 100 * result.weight))

    def advance_judged(self, verdict: JudgeResult) -> None:
        """Count one verdict (the score shown is the judges' mean)."""
        self._step(None if verdict.score is None else (verdict.score, 100.0))

    def _step(self, points: tuple[float, float] | None) -> None:
        self.done += 1
        if points is None:
            self.infra_errors += 1
        else:
            self._achieved += points[0]
            self._possible += points[1]
        if self._task is not None:
            self._bar.update(self._task, advance=1, score=self.score, infra=self.infra_errors)
        now = time.monotonic()
        if not self._live and (now - self._last_log >= _LOG_EVERY_S or self.done == self.total):
            self._last_log = now
            self._console.print(
                f"{self.done}/{self.total} items, score so far {self.score}, "
                f"{self.infra_errors} infra errors"
            )
