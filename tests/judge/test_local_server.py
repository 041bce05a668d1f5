"""Both judges over real sockets, against a server on 127.0.0.1 that the test starts."""

from __future__ import annotations

import asyncio
import base64

import msgspec
import pytest

from bench_clients import ChatClient, ClientError, RetryPolicy
from bench_core import JudgeResult
from bench_judge import judge_chart_visually, judge_item

from .local_server import LocalServer
from .support import (
    CHART_HTML,
    JUDGE,
    KEY,
    TOOL_VERDICT,
    VISUAL_VERDICT,
    chart_task,
    config,
    no_wait,
    png,
    tool_result,
    tool_task,
    verdict_answer,
)


def own_client(server: LocalServer) -> ChatClient:
    """A client that opens its own connections to the server and retries without waiting."""
    return ChatClient(
        config(base_url=server.base_url),
        retry=RetryPolicy(max_attempts=3),
        sleep=no_wait,
        random=lambda: 0.5,
    )


def test_the_visual_judge_sends_the_image_and_outlasts_a_503() -> None:
    image = png(16, 9)
    server = LocalServer(503, verdict_answer(VISUAL_VERDICT))

    async def go() -> JudgeResult:
        async with server.running(), own_client(server) as chat:
            return await judge_chart_visually(
                chat,
                chart_task(),
                CHART_HTML,
                judge_model=JUDGE,
                screenshot=image,
                deadline=asyncio.get_running_loop().time() + 30,
                quality=6,
            )

    verdict = asyncio.run(go())
    assert (verdict.status, verdict.score, verdict.input_kind) == ("ok", 88.0, "image")
    assert len(server.requests) == 2
    path, headers, body = server.requests[-1]
    assert path == "/v1/chat/completions"
    assert headers["authorization"] == f"Bearer {KEY}"
    url = body["messages"][1]["content"][1]["image_url"]["url"]
    assert base64.b64decode(url.removeprefix("data:image/png;base64,")) == image
    assert KEY not in msgspec.json.encode(verdict).decode()


def test_the_llm_judge_sends_the_trajectory_and_a_401_stops_it() -> None:
    server = LocalServer(verdict_answer(TOOL_VERDICT), 401)

    async def go() -> JudgeResult:
        async with server.running(), own_client(server) as chat:
            verdict = await judge_item(
                chat, tool_task(), tool_result(), judge_model=JUDGE, deadline=None
            )
            with pytest.raises(ClientError, match="refused the API key"):
                await judge_item(chat, tool_task(), tool_result(), judge_model=JUDGE, deadline=None)
            return verdict

    verdict = asyncio.run(go())
    assert (verdict.status, verdict.score, verdict.input_kind) == ("ok", 94.0, "trajectory")
    _, _, body = server.requests[0]
    sent = body["messages"][1]["content"]
    assert '"tool_call_id": "call_1"' in sent
    assert "T-981" in sent
    assert len(server.requests) == 2
