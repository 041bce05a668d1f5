"""The visual judge over a MockTransport: the screenshot as an image part, or the HTML as text."""

from __future__ import annotations

import asyncio
import base64
from typing import Any

import httpx
import msgspec
import pytest

from bench_clients import ClientError
from bench_core import JudgeResult
from bench_judge import NO_IMAGE_NOTE, PROMPT_VERSION, judge_chart_visually

from .support import (
    CHART_HTML,
    JUDGE,
    KEY,
    VISUAL_VERDICT,
    Recorder,
    answer,
    chart_task,
    judge_client,
    png,
    user_text,
    verdict_answer,
)


def run_visual(recorder: Recorder, screenshot: bytes | None, **options: Any) -> JudgeResult:
    async def go() -> JudgeResult:
        http, chat = judge_client(recorder)
        async with http, chat:
            return await judge_chart_visually(
                chat,
                chart_task(),
                CHART_HTML,
                judge_model=JUDGE,
                screenshot=screenshot,
                deadline=None,
                quality=options.pop("quality", 4),
                **options,
            )

    return asyncio.run(go())


def test_the_screenshot_goes_as_a_base64_png_image_part() -> None:
    image = png(8, 6)
    recorder = Recorder(verdict_answer(VISUAL_VERDICT))
    verdict = run_visual(recorder, image, repeat=2)
    assert verdict == JudgeResult(
        task_id="C01",
        quality=4,
        repeat=2,
        judge="visual",
        judge_model=JUDGE,
        prompt_version=PROMPT_VERSION,
        status="ok",
        score=88.0,
        reason=VISUAL_VERDICT["reason"],
        input_kind="image",
        usage=verdict.usage,
        structured_output="json_schema",
    )
    [body] = recorder.bodies
    text_part, image_part = body["messages"][1]["content"]
    assert image_part["type"] == "image_url"
    url = image_part["image_url"]["url"]
    assert url.startswith("data:image/png;base64,")
    assert base64.b64decode(url.removeprefix("data:image/png;base64,")) == image
    # The request and the spec go beside the image; the HTML does not.
    assert "chart prompt at quality 4" in text_part["text"]
    assert '"chart_type": "bar"' in text_part["text"]
    assert "<svg" not in user_text(body)
    assert "PNG screenshot" in body["messages"][0]["content"]


def test_without_a_screenshot_the_html_goes_as_text_and_the_verdict_says_so() -> None:
    recorder = Recorder(
        answer("```json\n" + msgspec.json.encode(VISUAL_VERDICT).decode() + "\n```")
    )
    verdict = run_visual(recorder, None)
    assert (verdict.status, verdict.score, verdict.input_kind) == ("ok", 88.0, "html")
    assert verdict.reason == f"{NO_IMAGE_NOTE} {VISUAL_VERDICT['reason']}"
    [body] = recorder.bodies
    assert isinstance(body["messages"][1]["content"], str)
    assert "Feb -4" in body["messages"][1]["content"]
    assert "image is NOT available" in body["messages"][0]["content"]
    assert "image_url" not in msgspec.json.encode(body).decode()


def test_a_garbage_visual_verdict_is_an_infra_error_that_keeps_what_was_seen() -> None:
    verdict = run_visual(Recorder(answer("Looks nice!")), None)
    assert (verdict.status, verdict.score, verdict.input_kind) == ("infra_error", None, "html")
    assert verdict.reason.startswith(NO_IMAGE_NOTE)
    assert verdict.error_message is not None
    assert "no valid verdict" in verdict.error_message


def test_a_503_is_retried_and_a_401_is_a_client_error() -> None:
    retried = Recorder(httpx.Response(503, text="busy"), verdict_answer(VISUAL_VERDICT))
    assert run_visual(retried, png()).score == 88.0
    assert len(retried.bodies) == 2
    refused = Recorder(httpx.Response(401, json={"error": {"message": f"no such key {KEY}"}}))
    with pytest.raises(ClientError) as raised:
        run_visual(refused, png())
    assert KEY not in str(raised.value)


def test_bytes_that_are_not_a_png_are_refused_before_any_call() -> None:
    recorder = Recorder()
    with pytest.raises(ValueError, match="not a PNG"):
        run_visual(recorder, b"GIF89a...")
    assert recorder.bodies == []
