"""Shared pieces of the judge tests: small records, judge answers, clients on a MockTransport."""

from __future__ import annotations

import asyncio
import json
import struct
import zlib
from collections.abc import Callable
from typing import Any

import httpx

from bench_clients import ChatClient, ClientConfig, RetryPolicy
from bench_core import (
    ChartSpec,
    ChartTask,
    DesignTokens,
    Difficulty,
    ExpectedCall,
    ItemResult,
    Suite,
    ToolTask,
)

KEY = "sk-or-v1-test-JUDGESECRET-0123456789-abcdef"  # looks like a key, is not one
LOCAL = "http://127.0.0.1:9/v1"
JUDGE = "vendor/judge"

Handler = Callable[[httpx.Request], httpx.Response]


def tool_task(task_id: str = "E01") -> ToolTask:
    return ToolTask(
        id=task_id,
        domain="trading",
        difficulty=Difficulty.EASY,
        title=f"task {task_id}",
        prompts=tuple(
            f"Show my last AAPL trade (tool prompt at quality {q})" for q in range(1, 11)
        ),
        expected=(ExpectedCall(name="get_trades", args={"symbol": ["AAPL"]}),),
        forbidden=("cancel_order",),
    )


def chart_task(task_id: str = "C01") -> ChartTask:
    return ChartTask(
        id=task_id,
        domain="trading",
        difficulty=Difficulty.MEDIUM,
        title=f"chart {task_id}",
        prompts=tuple(f"Chart the monthly P&L (chart prompt at quality {q})" for q in range(1, 11)),
        data="month,pnl\nJan,10\nFeb,-4\n",
        data_format="csv",
        spec=ChartSpec(
            chart_type="bar",
            labels=("Jan", "Feb"),
            values=(10.0, -4.0),
            tokens=DesignTokens(colors=("#1f77b4",)),
        ),
    )


TRAJECTORY: list[dict[str, Any]] = [
    {
        "role": "assistant",
        "content": None,
        "tool_calls": [
            {
                "id": "call_1",
                "type": "function",
                "function": {"name": "get_trades", "arguments": '{"symbol": "AAPL"}'},
            }
        ],
    },
    {"role": "tool", "tool_call_id": "call_1", "content": '[{"id": "T-981", "qty": 12}]'},
    {"role": "assistant", "content": "Your last AAPL trade was T-981, 12 shares."},
]


def tool_result(
    *, trajectory: list[dict[str, Any]] | None = None, quality: int = 3, repeat: int = 1
) -> ItemResult:
    return ItemResult(
        task_id="E01",
        suite=Suite.TOOLS,
        domain="trading",
        difficulty=Difficulty.EASY,
        quality=quality,
        weight=Difficulty.EASY.weight,
        status="ok",
        score=100.0,
        repeat=repeat,
        response="Your last AAPL trade was T-981, 12 shares.",
        trajectory=TRAJECTORY if trajectory is None else trajectory,
    )


CHART_HTML = (
    "<!DOCTYPE html><html><body><svg id='chart'><rect fill='#1f77b4' height='10'/>"
    "<text>Jan 10</text><text>Feb -4</text></svg></body></html>"
)


def chart_result(*, response: str | None = CHART_HTML, quality: int = 5) -> ItemResult:
    return ItemResult(
        task_id="C01",
        suite=Suite.CHARTS,
        domain="trading",
        difficulty=Difficulty.MEDIUM,
        quality=quality,
        weight=Difficulty.MEDIUM.weight,
        status="ok",
        score=90.0,
        response=response,
        chart_file="C01_Q5.html",
    )


TOOL_VERDICT = {
    "reason": "Called get_trades with AAPL and reported the trade from the result.",
    "correctness": 95,
    "reasoning_quality": 90,
    "hallucinations": 100,
    "score": 94,
}
CHART_VERDICT = {
    "reason": "Both months drawn with the token color; no axis title.",
    "visual_clarity": 80,
    "data_accuracy": 100,
    "design_quality": 70,
    "score": 85,
}
VISUAL_VERDICT = {"reason": "A clear bar chart of both months.", "score": 88}


def answer(content: str | None, **usage: int) -> dict[str, Any]:
    """A chat completion body whose text is ``content``."""
    return {
        "id": "gen-1",
        "model": JUDGE,
        "choices": [
            {
                "index": 0,
                "finish_reason": "stop",
                "message": {"role": "assistant", "content": content},
            }
        ],
        "usage": usage or {"prompt_tokens": 300, "completion_tokens": 40},
    }


def verdict_answer(verdict: dict[str, Any]) -> dict[str, Any]:
    return answer(json.dumps(verdict))


def config(**settings: Any) -> ClientConfig:
    values: dict[str, Any] = {"model": JUDGE, "base_url": LOCAL, "api_key": KEY}
    values.update(settings)
    return ClientConfig(**values)


async def no_wait(seconds: float) -> None:
    await asyncio.sleep(0)


class Recorder:
    """A MockTransport handler that answers from a script and keeps every request body."""

    def __init__(self, *script: httpx.Response | dict[str, Any]) -> None:
        self.script = list(script)
        self.bodies: list[dict[str, Any]] = []
        self.headers: list[httpx.Headers] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.bodies.append(json.loads(request.content))
        self.headers.append(request.headers)
        step = self.script.pop(0)
        return step if isinstance(step, httpx.Response) else httpx.Response(200, json=step)


def judge_client(
    handler: Handler, *, max_attempts: int = 3
) -> tuple[httpx.AsyncClient, ChatClient]:
    """A judge client over a MockTransport that retries without waiting."""
    http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    chat = ChatClient(
        config(),
        http,
        retry=RetryPolicy(max_attempts=max_attempts),
        sleep=no_wait,
        random=lambda: 0.5,
    )
    return http, chat


def png(width: int = 2, height: int = 2) -> bytes:
    """A small valid PNG (grey pixels)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def user_text(body: dict[str, Any]) -> str:
    """All the text of a request's messages, parts included."""
    texts = []
    for message in body["messages"]:
        content = message["content"]
        if isinstance(content, str):
            texts.append(content)
        else:
            texts.extend(part["text"] for part in content if part["type"] == "text")
    return "\n".join(texts)
