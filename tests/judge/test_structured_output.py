"""The judges ask for their verdict's schema as a strict response format, fall back where the
endpoint refuses it, and record on each verdict whether the schema was enforced."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import msgspec
import pytest
from pydantic import BaseModel

from bench_clients import ChatClient, RetryPolicy
from bench_core import JudgeResult, RunLine
from bench_judge import ChartVerdict, ToolVerdict, VisualVerdict, judge_chart_visually, judge_item
from bench_judge._verdicts import strict_schema, verdict_format

from .local_server import LocalServer
from .support import (
    CHART_HTML,
    CHART_VERDICT,
    JUDGE,
    KEY,
    TOOL_VERDICT,
    VISUAL_VERDICT,
    Recorder,
    answer,
    chart_result,
    chart_task,
    config,
    judge_client,
    no_wait,
    png,
    tool_result,
    tool_task,
    verdict_answer,
)

Judging = Callable[[ChatClient], Awaitable[JudgeResult]]

REFUSED = httpx.Response(
    400,
    json={
        "error": {
            "message": "Unsupported parameter: 'response_format' is not supported with this model.",
            "param": "response_format",
            "code": "unsupported_parameter",
        }
    },
)
NO_JSON_MODE = httpx.Response(400, json={"error": {"message": "json_object is not supported"}})


async def judge_tool(chat: ChatClient) -> JudgeResult:
    return await judge_item(chat, tool_task(), tool_result(), judge_model=JUDGE, deadline=None)


async def judge_chart(chat: ChatClient) -> JudgeResult:
    return await judge_item(chat, chart_task(), chart_result(), judge_model=JUDGE, deadline=None)


async def judge_visual(chat: ChatClient) -> JudgeResult:
    return await judge_chart_visually(
        chat,
        chart_task(),
        CHART_HTML,
        judge_model=JUDGE,
        screenshot=png(),
        deadline=None,
        quality=4,
    )


def run(recorder: Recorder, *judgings: Judging) -> list[JudgeResult]:
    """The judgings, one after another, on one client."""

    async def go() -> list[JudgeResult]:
        http, chat = judge_client(recorder)
        async with http, chat:
            return [await judging(chat) for judging in judgings]

    return asyncio.run(go())


def formats(recorder: Recorder) -> list[str | None]:
    return [body.get("response_format", {}).get("type") for body in recorder.bodies]


# --- the schema --------------------------------------------------------------------------


@pytest.mark.parametrize("model", [ToolVerdict, ChartVerdict, VisualVerdict])
def test_each_verdict_schema_is_strict_with_the_reason_first(model: type[BaseModel]) -> None:
    schema = strict_schema(model.model_json_schema())
    properties = list(schema["properties"])
    assert properties[0] == "reason"
    assert properties[-1] == "score"
    assert schema["required"] == properties
    assert schema["additionalProperties"] is False
    assert schema["type"] == "object"
    assert "minLength" not in json.dumps(schema)  # refused by strict mode; pydantic checks it
    for name, field in schema["properties"].items():
        if name != "reason":
            assert (field["type"], field["minimum"], field["maximum"]) == ("number", 0, 100)


def test_nested_objects_and_optional_fields_are_made_strict_and_names_are_kept() -> None:
    class Mark(BaseModel):
        label: str
        default: int = 0  # a property named like the keyword

    class Chart(BaseModel):
        title: str = "untitled"
        marks: list[Mark]
        main: Mark | None = None

    schema = strict_schema(Chart.model_json_schema())
    assert schema["required"] == ["title", "marks", "main"]
    assert schema["additionalProperties"] is False
    assert "default" not in schema["properties"]["title"]
    mark = schema["$defs"]["Mark"]
    assert list(mark["properties"]) == ["label", "default"]
    assert mark["required"] == ["label", "default"]
    assert mark["additionalProperties"] is False
    assert "default" not in mark["properties"]["default"]


def test_the_judges_send_the_strict_schema_and_keep_it_in_the_prompt() -> None:
    recorder = Recorder(
        verdict_answer(TOOL_VERDICT), verdict_answer(CHART_VERDICT), verdict_answer(VISUAL_VERDICT)
    )
    run(recorder, judge_tool, judge_chart, judge_visual)
    models = (ToolVerdict, ChartVerdict, VisualVerdict)
    for body, model in zip(recorder.bodies, models, strict=True):
        assert body["response_format"] == {
            "type": "json_schema",
            "json_schema": {
                "name": model.__name__,
                "strict": True,
                "schema": strict_schema(model.model_json_schema()),
            },
        }
        assert verdict_format(model).request("json_schema") == body["response_format"]
        system = body["messages"][0]["content"]
        assert "The JSON schema of the answer" in system
        assert f'"title": "{model.__name__}"' in system
    # The visual judge's request still carries the image beside the response format.
    assert recorder.bodies[2]["messages"][1]["content"][1]["type"] == "image_url"


# --- what each verdict records -----------------------------------------------------------


def test_a_bare_json_verdict_from_an_endpoint_that_took_the_schema_is_enforced() -> None:
    [verdict] = run(Recorder(verdict_answer(TOOL_VERDICT)), judge_tool)
    assert (verdict.status, verdict.score, verdict.structured_output) == ("ok", 94.0, "json_schema")


def test_a_fenced_verdict_shows_the_endpoint_ignored_the_schema() -> None:
    fenced = answer("Here it is:\n```json\n" + json.dumps(VISUAL_VERDICT) + "\n```")
    [verdict] = run(Recorder(fenced), judge_visual)
    assert (verdict.status, verdict.score, verdict.structured_output) == ("ok", 88.0, "ignored")


def test_a_refused_schema_falls_back_to_json_mode_once_for_all_later_verdicts() -> None:
    recorder = Recorder(
        REFUSED,
        verdict_answer(TOOL_VERDICT),
        verdict_answer(CHART_VERDICT),
        verdict_answer(VISUAL_VERDICT),
    )
    verdicts = run(recorder, judge_tool, judge_chart, judge_visual)
    assert formats(recorder) == ["json_schema", "json_object", "json_object", "json_object"]
    assert [(v.status, v.structured_output) for v in verdicts] == [("ok", "json_object")] * 3
    assert [v.score for v in verdicts] == [94.0, 85.0, 88.0]


def test_an_endpoint_that_refuses_both_is_judged_on_the_prompt_alone_and_says_so() -> None:
    recorder = Recorder(
        REFUSED, NO_JSON_MODE, verdict_answer(TOOL_VERDICT), verdict_answer(TOOL_VERDICT)
    )
    verdicts = run(recorder, judge_tool, judge_tool)
    assert formats(recorder) == ["json_schema", "json_object", None, None]
    assert [(v.status, v.score, v.structured_output) for v in verdicts] == [
        ("ok", 94.0, "none"),
        ("ok", 94.0, "none"),
    ]
    # The messages of the request without the field are those of the first request.
    assert recorder.bodies[2]["messages"] == recorder.bodies[0]["messages"]


@pytest.mark.parametrize(
    "content",
    [
        "Fine work, 9/10.",
        '{"reason": "no scores"}',
        '{"reason": "x", "score": 101}',
    ],
)
def test_after_a_fallback_a_bad_verdict_is_still_an_infra_error(content: str) -> None:
    recorder = Recorder(REFUSED, NO_JSON_MODE, answer(content))
    [verdict] = run(recorder, judge_visual)
    assert (verdict.status, verdict.score, verdict.scores) == ("infra_error", None, {})
    assert verdict.error_message is not None
    assert "no valid verdict" in verdict.error_message
    assert verdict.structured_output == "none"


def test_a_schema_shaped_answer_out_of_range_is_an_infra_error_even_when_enforced() -> None:
    out_of_range = answer(json.dumps({**VISUAL_VERDICT, "score": 140}))
    [verdict] = run(Recorder(out_of_range), judge_visual)
    assert (verdict.status, verdict.score) == ("infra_error", None)
    assert verdict.structured_output == "json_schema"


def test_a_400_that_is_not_about_the_field_is_a_judge_infra_error_without_fallback() -> None:
    other = httpx.Response(400, json={"error": {"message": f"context too long for key {KEY}"}})
    recorder = Recorder(other)
    [verdict] = run(recorder, judge_tool)
    assert (verdict.status, verdict.structured_output) == ("infra_error", "")
    assert verdict.error_message is not None
    assert verdict.error_message.startswith("judge call failed (http_4xx): HTTP 400")
    assert formats(recorder) == ["json_schema"]
    assert KEY not in msgspec.json.encode(verdict).decode()


def test_a_refusal_that_echoes_the_key_leaves_no_trace_of_it() -> None:
    echo = {"error": {"message": f"response_format refused for {KEY}"}}
    recorder = Recorder(
        httpx.Response(400, json=echo),
        httpx.Response(400, json=echo),
        httpx.Response(503, json=echo),
        httpx.Response(503, json=echo),
        httpx.Response(503, json=echo),
    )
    [verdict] = run(recorder, judge_tool)
    assert verdict.status == "infra_error"
    assert verdict.error_message is not None
    assert "gave up after 5 attempts" in verdict.error_message  # 2 refusals + 3 retries
    assert KEY not in msgspec.json.encode(verdict).decode()


# --- the record --------------------------------------------------------------------------


def test_a_judge_line_written_before_the_field_still_reads() -> None:
    old = (
        b'{"type": "judge", "task_id": "E01", "quality": 3, "judge": "llm", '
        b'"judge_model": "j", "prompt_version": "judge-v1", "status": "ok", "score": 80.0}'
    )
    verdict = msgspec.json.Decoder(RunLine).decode(old)
    assert isinstance(verdict, JudgeResult)
    assert (verdict.score, verdict.structured_output) == (80.0, "")
    [new] = run(Recorder(verdict_answer(TOOL_VERDICT)), judge_tool)
    assert msgspec.json.decode(msgspec.json.encode(new))["structured_output"] == "json_schema"


# --- over real sockets -------------------------------------------------------------------


def test_over_a_socket_a_refusing_server_costs_one_extra_request_for_the_whole_run() -> None:
    refusal: dict[str, Any] = {"error": {"message": "response_format is not supported"}}
    server = LocalServer(
        (400, refusal),
        verdict_answer(VISUAL_VERDICT),
        503,
        verdict_answer(TOOL_VERDICT),
    )

    async def go() -> list[JudgeResult]:
        async with server.running():
            chat = ChatClient(
                config(base_url=server.base_url),
                retry=RetryPolicy(max_attempts=3),
                sleep=no_wait,
                random=lambda: 0.5,
            )
            async with chat:
                return [await judge_visual(chat), await judge_tool(chat)]

    visual, tool = asyncio.run(go())
    assert [(v.status, v.score, v.structured_output) for v in (visual, tool)] == [
        ("ok", 88.0, "json_object"),
        ("ok", 94.0, "json_object"),
    ]
    sent = [body.get("response_format") for _, _, body in server.requests]
    assert sent[0] == verdict_format(VisualVerdict).request("json_schema")
    assert sent[1:] == [{"type": "json_object"}] * 3  # the 503 was retried in JSON mode
    assert all(headers["authorization"] == f"Bearer {KEY}" for _, headers, _ in server.requests)
