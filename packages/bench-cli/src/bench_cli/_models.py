"""What answers an item's turns: a model behind an endpoint, or the offline reference."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from bench_clients import ChatClient, Completion
from bench_core import ChartReference, Domain, Item, ToolCall, ToolReference, Usage

REFERENCE_MODEL = "reference"


class Model(Protocol):
    """Answers one turn of an item's conversation."""

    async def respond(
        self,
        item: Item,
        turn: int,
        messages: Sequence[Mapping[str, Any]],
        tools: Sequence[Mapping[str, Any]] | None,
        deadline: float,
    ) -> Completion:
        """The assistant's next message."""
        ...


class EndpointModel:
    """A model served by an OpenAI-compatible endpoint."""

    def __init__(self, client: ChatClient) -> None:
        self._client = client

    async def respond(
        self,
        item: Item,
        turn: int,
        messages: Sequence[Mapping[str, Any]],
        tools: Sequence[Mapping[str, Any]] | None,
        deadline: float,
    ) -> Completion:
        return await self._client.complete(list(messages), tools=tools, deadline=deadline)


class ReferenceModel:
    """Answers every item with its reference solution: offline, free, and scoring 100.

    It shows the whole product working before a key is spent, and it is the proof that every
    task is solvable through the same loop a real model goes through.
    """

    def __init__(self, domains: Mapping[str, Domain]) -> None:
        self._domains = domains

    async def respond(
        self,
        item: Item,
        turn: int,
        messages: Sequence[Mapping[str, Any]],
        tools: Sequence[Mapping[str, Any]] | None,
        deadline: float,
    ) -> Completion:
        reference = self._domains[item.task.domain].reference(item.task.id)
        if isinstance(reference, ChartReference):
            return _answer(f"```html\n{reference.html}\n```", [])
        assert isinstance(reference, ToolReference)
        if turn < len(reference.turns):
            calls = [
                ToolCall(name=call.name, arguments=dict(call.arguments), id=f"call_{turn}_{index}")
                for index, call in enumerate(reference.turns[turn])
            ]
            return _answer(None, calls)
        return _answer(reference.answer, [])


def _answer(content: str | None, calls: list[ToolCall]) -> Completion:
    return Completion(
        content=content,
        tool_calls=calls,
        reasoning=None,
        finish_reason="tool_calls" if calls else "stop",
        usage=Usage(),
        latency_s=0.0,
        attempts=1,
        model=REFERENCE_MODEL,
    )
