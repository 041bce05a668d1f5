"""Shared pieces of the client tests: a fake clock, answer bodies, clients on a MockTransport."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from bench_clients import ChatClient, ClientConfig, RetryPolicy

KEY = "sk-or-v1-test-KEYSECRET-0123456789-abcdef"  # looks like a key, is not one
LOCAL = "http://127.0.0.1:9/v1"

Handler = Callable[[httpx.Request], httpx.Response | Awaitable[httpx.Response]]


class FakeTime:
    """A clock that moves only when the client sleeps (or a test moves it)."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
        await asyncio.sleep(0)


def answer(
    content: str | None = "Done.",
    *,
    tool_calls: list[dict[str, Any]] | None = None,
    finish_reason: str = "stop",
    usage: dict[str, Any] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """A chat completion body."""
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if tool_calls is not None:
        message["tool_calls"] = tool_calls
    body: dict[str, Any] = {
        "id": "gen-1",
        "object": "chat.completion",
        "model": "vendor/model",
        "choices": [{"index": 0, "finish_reason": finish_reason, "message": message}],
        "usage": usage or {"prompt_tokens": 12, "completion_tokens": 3},
    }
    body.update(extra)
    return body


def call(name: str, arguments: Any, call_id: str | None = "call_a") -> dict[str, Any]:
    """A native tool call entry."""
    entry: dict[str, Any] = {"type": "function", "function": {"name": name, "arguments": arguments}}
    if call_id is not None:
        entry["id"] = call_id
    return entry


def ok(body: dict[str, Any] | None = None) -> httpx.Response:
    return httpx.Response(200, json=body if body is not None else answer())


def config(**settings: Any) -> ClientConfig:
    """A config for a local endpoint unless the test says otherwise."""
    values: dict[str, Any] = {"model": "vendor/model", "base_url": LOCAL, "api_key": KEY}
    values.update(settings)
    return ClientConfig(**values)


def client(
    handler: Handler,
    settings: ClientConfig | None = None,
    *,
    time: FakeTime | None = None,
    retry: RetryPolicy | None = None,
    random: Callable[[], float] = lambda: 0.5,
    wall_clock: Callable[[], float] | None = None,
) -> ChatClient:
    """A client sending through ``handler``, on a fake clock."""
    time = time or FakeTime()
    return ChatClient(
        settings or config(),
        httpx.AsyncClient(transport=httpx.MockTransport(handler)),
        retry=retry or RetryPolicy(max_attempts=4),
        clock=time.clock,
        sleep=time.sleep,
        random=random,
        wall_clock=wall_clock,
    )


def sent(request: httpx.Request) -> dict[str, Any]:
    """The JSON body a request carried."""
    body: dict[str, Any] = json.loads(request.content)
    return body


USER = [{"role": "user", "content": "What was my last AAPL trade?"}]
