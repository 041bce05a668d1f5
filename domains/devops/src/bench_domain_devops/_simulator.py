"""The platform API, simulated on the fixtures: one episode per simulator.

Each episode starts from the fixtures and keeps its own tables of what a write can change
(deployments, incidents, alerts). Nothing is random: the same calls give the same results.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from bench_core import Effect

from . import _reads, _writes
from ._arguments import ApiError, check_arguments
from ._episode import Episode
from ._fixtures import Fixtures
from ._tools import TOOL_SCHEMAS

Handler = Callable[[Episode, dict[str, Any]], Any]

HANDLERS: Mapping[str, Handler] = {
    "list_services": _reads.list_services,
    "get_service": _reads.get_service,
    "list_deployments": _reads.list_deployments,
    "get_deployment": _reads.get_deployment,
    "rollback_deployment": _writes.rollback_deployment,
    "list_incidents": _reads.list_incidents,
    "get_incident": _reads.get_incident,
    "update_incident": _writes.update_incident,
    "list_alerts": _reads.list_alerts,
    "acknowledge_alert": _writes.acknowledge_alert,
    "silence_alert": _writes.silence_alert,
    "query_metrics": _reads.query_metrics,
    "get_slo": _reads.get_slo,
    "get_oncall": _reads.get_oncall,
    "search_logs": _reads.search_logs,
    "list_change_freezes": _reads.list_change_freezes,
}


def _error(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


class DevopsSimulator:
    """One episode of the platform API.

    Args:
        fixtures: The platform's data at the reference time.
    """

    def __init__(self, fixtures: Fixtures) -> None:
        self._episode = Episode(fixtures)

    def call(self, name: str, arguments: Mapping[str, Any] | None) -> Any:
        """Execute one tool call; a bad call returns ``{"error": {"code", "message"}}``."""
        handler = HANDLERS.get(name) if isinstance(name, str) else None
        if handler is None:
            known = ", ".join(HANDLERS)
            return _error("unknown_tool", f"unknown tool {name!r}; the tools are: {known}")
        if arguments is None:  # some providers send null for a call without arguments
            arguments = {}
        try:
            return handler(self._episode, check_arguments(name, TOOL_SCHEMAS[name], arguments))
        except ApiError as exc:
            return _error(exc.code, exc.message)

    def effects(self) -> list[Effect]:
        """The changes this episode's successful writes made, in order."""
        return list(self._episode.effects)
