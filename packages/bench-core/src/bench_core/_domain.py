"""What a domain package provides, as the runner and the conformance checks see it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

from ._outcome import Effect
from ._tasks import ChartReference, Task, ToolReference


@runtime_checkable
class Simulator(Protocol):
    """One episode of a domain's API, on the domain's fixtures.

    Deterministic: the same calls give the same results. Write actions change this episode
    only. A bad call returns ``{"error": {"code": ..., "message": ...}}``; it never raises.
    """

    def call(self, name: str, arguments: Mapping[str, Any]) -> Any:
        """Execute one tool call and return its JSON-serialisable result."""
        ...

    def effects(self) -> Sequence[Effect]:
        """The changes this episode's successful write calls made, in the order they made them.

        A call that returned an error leaves no effect. The task's outcome compares these with
        the writes the job requires.
        """
        ...


@runtime_checkable
class Domain(Protocol):
    """A domain of the benchmark: its tools, their simulator, its tasks and their solutions.

    Creating a domain must be cheap; fixtures are read lazily, when a simulator, the tasks or a
    reference is first asked for.
    """

    @property
    def id(self) -> str:
        """The domain id, equal to its entry-point name (``trading``)."""
        ...

    @property
    def title(self) -> str:
        """A short human name (``Trader's journal``)."""
        ...

    @property
    def preamble(self) -> str:
        """Company context and the reference date, prepended to every prompt of the domain."""
        ...

    def tools(self) -> Sequence[Mapping[str, Any]]:
        """The OpenAI function-tool schemas of the domain's API."""
        ...

    def write_tools(self) -> frozenset[str]:
        """Names of the tools that change state (repeating one is not a harmless lookup)."""
        ...

    def tasks(self) -> Sequence[Task]:
        """Every task of the domain, both suites."""
        ...

    def simulator(self) -> Simulator:
        """A fresh episode of the API."""
        ...

    def reference(self, task_id: str) -> ToolReference | ChartReference:
        """The reference solution of a task: it scores 100."""
        ...
