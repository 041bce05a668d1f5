"""The client over real sockets: a server on 127.0.0.1 that the test starts."""

from __future__ import annotations

import asyncio
import json
import socket

import pytest

from bench_clients import (
    ChatClient,
    ClientError,
    Completion,
    InfraError,
    ResponseFormat,
    RetryPolicy,
)
from bench_core import ToolCall

from .local_server import LocalServer
from .support import KEY, USER, FakeTime, answer, config

VERDICT = ResponseFormat(
    name="Verdict",
    schema={
        "type": "object",
        "properties": {"score": {"type": "number"}},
        "required": ["score"],
        "additionalProperties": False,
    },
)


def own_client(server: LocalServer, time: FakeTime | None = None, **settings: object) -> ChatClient:
    """A client that opens its own connection pools, waiting between attempts on a fake clock."""
    time = time or FakeTime()
    return ChatClient(
        config(base_url=server.base_url, **settings),
        retry=RetryPolicy(max_attempts=5),
        sleep=time.sleep,
        random=lambda: 0.5,
    )


def test_many_requests_in_flight_share_a_few_pools_of_kept_alive_connections() -> None:
    server = LocalServer(latency=0.05)

    async def go() -> list[str | None]:
        async with server.running(), own_client(server, concurrency=20) as chat:
            first = await asyncio.gather(*(chat.complete(USER) for _ in range(40)))
            second = await asyncio.gather(*(chat.complete(USER) for _ in range(40)))
            return [c.content for c in first + second]

    assert asyncio.run(go()) == ["Done."] * 80
    assert len(server.requests) == 80
    # 20 in flight at most, over three pools of at most 8 connections, all kept alive.
    assert server.connections <= 24
    method, path, headers, _ = server.requests[0]
    assert (method, path) == ("POST", "/v1/chat/completions")
    assert headers["authorization"].startswith("Bearer ")


def test_faults_on_the_wire_are_retried_until_an_answer_comes() -> None:
    written = answer(
        'Checking.\n<tool_call>{"name": "get_trades", "arguments": {"symbol": "AAPL"}}</tool_call>'
    )
    server = LocalServer("503_html", "drop", "invalid_json", "429", written)
    time = FakeTime()

    async def go() -> tuple[object, ...]:
        async with server.running(), own_client(server, time) as chat:
            completion = await chat.complete(USER)
            return completion.attempts, completion.content, completion.tool_calls

    attempts, content, calls = asyncio.run(go())
    assert attempts == 5
    assert content == "Checking."
    assert calls == [ToolCall(name="get_trades", arguments={"symbol": "AAPL"}, id="call_1")]
    assert time.sleeps == [0.5, 1.0, 2.0, 0.0]  # jittered backoff, then Retry-After: 0


def test_a_server_that_hangs_past_the_request_timeout_is_an_infra_timeout() -> None:
    server = LocalServer("hang", "hang")

    async def go() -> InfraError:
        async with server.running():
            chat = ChatClient(
                config(base_url=server.base_url, request_timeout_s=0.2),
                retry=RetryPolicy(max_attempts=2),
                sleep=FakeTime().sleep,
            )
            async with chat:
                with pytest.raises(InfraError) as caught:
                    await chat.complete(USER)
                return caught.value

    error = asyncio.run(go())
    assert (error.kind, error.attempts) == ("timeout", 2)
    assert str(error).startswith(f"no answer from 127.0.0.1:{server.port} within 0.2 s")


def test_a_server_that_hangs_past_the_deadline_is_a_deadline_error() -> None:
    server = LocalServer("hang")

    async def go() -> InfraError:
        async with server.running(), own_client(server) as chat:
            deadline = asyncio.get_running_loop().time() + 0.2
            with pytest.raises(InfraError) as caught:
                await chat.complete(USER, deadline=deadline)
            return caught.value

    error = asyncio.run(go())
    assert (error.kind, error.attempts) == ("deadline", 1)


def test_preflight_passes_against_a_local_server_without_a_key() -> None:
    server = LocalServer()

    async def go() -> None:
        async with server.running(), own_client(server, api_key=None) as chat:
            await chat.preflight()

    asyncio.run(go())
    method, path, headers, _ = server.requests[0]
    assert (method, path) == ("GET", "/v1/models")
    assert "authorization" not in headers


def test_preflight_names_an_endpoint_that_nobody_listens_on() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # The port was free a moment ago and nothing listens on it now.

    async def go() -> None:
        async with ChatClient(config(base_url=f"http://127.0.0.1:{port}/v1")) as chat:
            await chat.preflight()

    with pytest.raises(ClientError) as caught:
        asyncio.run(go())
    message = str(caught.value)
    assert message.startswith(f"cannot reach http://127.0.0.1:{port}/v1: ")
    assert message.endswith("; check --base-url and the network")


def test_a_server_that_refuses_response_format_costs_one_extra_request_once() -> None:
    server = LocalServer("refuse_response_format", answer('{"score": 1}'), "503_html")
    time = FakeTime()

    async def go() -> tuple[list[Completion], str | None]:
        async with server.running(), own_client(server, time) as chat:
            done = [await chat.complete(USER, response_format=VERDICT) for _ in range(3)]
            return done, chat.structured_output_refusal

    completions, refusal = asyncio.run(go())
    formats = [json.loads(body).get("response_format") for _, _, _, body in server.requests]
    assert formats == [
        VERDICT.request("json_schema"),
        {"type": "json_object"},
        {"type": "json_object"},  # the 503 of the second call is retried as JSON mode
        {"type": "json_object"},
        {"type": "json_object"},
    ]
    assert [(c.structured_output, c.attempts) for c in completions] == [
        ("json_object", 2),
        ("json_object", 2),
        ("json_object", 1),
    ]
    assert time.sleeps == [0.5]  # the refusal waited for nothing; the 503 backed off
    assert refusal is not None
    assert refusal.startswith(f"HTTP 400 from 127.0.0.1:{server.port}: Unsupported parameter")
    assert KEY not in refusal


def test_a_server_that_ignores_response_format_still_answers() -> None:
    server = LocalServer(answer("Score: one."))

    async def go() -> Completion:
        async with server.running(), own_client(server) as chat:
            return await chat.complete(USER, response_format=VERDICT)

    completion = asyncio.run(go())
    assert (completion.structured_output, completion.content) == ("json_schema", "Score: one.")
    _, _, _, body = server.requests[0]
    assert json.loads(body)["response_format"]["json_schema"]["name"] == "Verdict"
