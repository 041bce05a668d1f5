"""The LLM judge over a MockTransport: what it sends, what it records, how it fails."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import msgspec
import pytest

from bench_clients import ClientError
from bench_core import ChartReference, JudgeResult, ToolReference
from bench_judge import MAX_HTML_CHARS, MAX_TRAJECTORY_CHARS, PROMPT_VERSION, judge_item

from .support import (
    CHART_HTML,
    CHART_VERDICT,
    JUDGE,
    KEY,
    TOOL_VERDICT,
    Recorder,
    answer,
    chart_result,
    chart_task,
    judge_client,
    tool_result,
    tool_task,
    user_text,
    verdict_answer,
)


def run_judge(recorder: Recorder, *args: Any, max_attempts: int = 3, **options: Any) -> JudgeResult:
    async def go() -> JudgeResult:
        http, chat = judge_client(recorder, max_attempts=max_attempts)
        async with http, chat:
            return await judge_item(chat, *args, judge_model=JUDGE, deadline=None, **options)

    return asyncio.run(go())


def assert_no_key(verdict: JudgeResult) -> None:
    assert KEY not in msgspec.json.encode(verdict).decode()


def test_a_tool_item_is_judged_on_its_trajectory_against_the_expected_calls() -> None:
    recorder = Recorder(verdict_answer(TOOL_VERDICT))
    reference = ToolReference(turns=(), answer="T-981, 12 shares, bought on 2026-11-02")
    verdict = run_judge(
        recorder,
        tool_task(),
        tool_result(),
        domain_preamble="Acme Capital; today is 2026-11-28.",
        reference=reference,
    )
    assert verdict == JudgeResult(
        task_id="E01",
        quality=3,
        repeat=1,
        judge="llm",
        judge_model=JUDGE,
        prompt_version=PROMPT_VERSION,
        status="ok",
        score=94.0,
        scores={"correctness": 95.0, "reasoning_quality": 90.0, "hallucinations": 100.0},
        reason=TOOL_VERDICT["reason"],
        input_kind="trajectory",
        usage=verdict.usage,
        structured_output="json_schema",
    )
    assert verdict.usage.prompt_tokens == 300
    [body] = recorder.bodies
    assert body["model"] == JUDGE
    text = user_text(body)
    # The request at the item's quality, the expected and forbidden calls, the reference, the
    # domain's context and the whole episode with its tool result and final answer.
    assert "tool prompt at quality 3" in text
    assert '"get_trades"' in text
    assert "AAPL" in text
    assert "cancel_order" in text
    assert "bought on 2026-11-02" in text
    assert "Acme Capital" in text
    assert "call_1" in text
    assert "T-981" in text
    assert "FINAL ANSWER: Your last AAPL trade was T-981" in text
    # The reason is asked for first, and the schema is in the prompt for any endpoint.
    system = body["messages"][0]["content"]
    assert '"reason" FIRST' in system
    assert '"hallucinations"' in system
    assert_no_key(verdict)


def test_a_chart_item_is_judged_on_the_document_passed_in_with_the_spec() -> None:
    recorder = Recorder(answer("My verdict:\n```json\n" + json.dumps(CHART_VERDICT) + "\n```"))
    saved = CHART_HTML.replace("Jan 10", "January 10 (from the saved file)")
    verdict = run_judge(
        recorder,
        chart_task(),
        chart_result(),
        html=saved,
        reference=ChartReference(html="<svg>reference chart</svg>"),
    )
    assert (verdict.status, verdict.score, verdict.input_kind) == ("ok", 85.0, "html")
    assert verdict.scores == {
        "visual_clarity": 80.0,
        "data_accuracy": 100.0,
        "design_quality": 70.0,
    }
    assert (verdict.quality, verdict.repeat, verdict.judge) == (5, 0, "llm")
    text = user_text(recorder.bodies[0])
    assert "from the saved file" in text
    assert "chart prompt at quality 5" in text
    assert '"chart_type": "bar"' in text
    assert "#1f77b4" in text
    assert "month,pnl" in text
    assert "reference chart" in text
    assert "visual_clarity" in recorder.bodies[0]["messages"][0]["content"]


def test_a_chart_without_html_passed_in_is_read_from_the_response() -> None:
    recorder = Recorder(verdict_answer(CHART_VERDICT))
    verdict = run_judge(recorder, chart_task(), chart_result())
    assert verdict.status == "ok"
    assert "Feb -4" in user_text(recorder.bodies[0])


def test_a_chart_with_no_document_is_still_judged_as_empty() -> None:
    recorder = Recorder(verdict_answer({**CHART_VERDICT, "score": 0}))
    verdict = run_judge(recorder, chart_task(), chart_result(response=None))
    assert (verdict.status, verdict.score) == ("ok", 0.0)
    assert "(no document)" in user_text(recorder.bodies[0])


@pytest.mark.parametrize(
    "content",
    [
        "The trajectory looks good, I'd say 9/10.",
        '{"reason": "missing scores"}',
        '{"reason": "x", "correctness": 150, "reasoning_quality": 1, "hallucinations": 1, '
        '"score": 1}',
        None,
    ],
)
def test_an_unreadable_verdict_is_an_infra_error_without_a_score(content: str | None) -> None:
    verdict = run_judge(Recorder(answer(content)), tool_task(), tool_result())
    assert verdict.status == "infra_error"
    assert verdict.score is None
    assert verdict.scores == {}
    assert verdict.error_message
    assert (verdict.judge_model, verdict.prompt_version) == (JUDGE, PROMPT_VERSION)
    assert verdict.usage.prompt_tokens == 300  # the call was made and paid for


def test_a_503_is_retried_by_the_client_and_then_judged() -> None:
    recorder = Recorder(
        httpx.Response(503, json={"error": {"message": "overloaded"}}),
        verdict_answer(TOOL_VERDICT),
    )
    verdict = run_judge(recorder, tool_task(), tool_result())
    assert (verdict.status, verdict.score) == ("ok", 94.0)
    assert len(recorder.bodies) == 2


def test_a_judge_call_that_outlives_its_retries_is_an_infra_error() -> None:
    echo = {"error": {"message": f"upstream down (key {KEY})"}}
    recorder = Recorder(httpx.Response(503, json=echo), httpx.Response(502, json=echo))
    verdict = run_judge(recorder, chart_task(), chart_result(), max_attempts=2)
    assert verdict.status == "infra_error"
    assert verdict.score is None
    assert verdict.error_message is not None
    assert "http_5xx" in verdict.error_message
    assert "gave up after 2 attempts" in verdict.error_message
    assert_no_key(verdict)


def test_a_refused_key_stops_the_run_with_a_client_error() -> None:
    recorder = Recorder(httpx.Response(401, json={"error": {"message": f"bad key {KEY}"}}))
    with pytest.raises(ClientError) as raised:
        run_judge(recorder, tool_task(), tool_result())
    assert KEY not in str(raised.value)
    assert len(recorder.bodies) == 1


def test_the_key_goes_only_in_the_header_never_in_the_body_or_the_verdict() -> None:
    recorder = Recorder(verdict_answer(TOOL_VERDICT))
    verdict = run_judge(recorder, tool_task(), tool_result())
    assert recorder.headers[0]["authorization"] == f"Bearer {KEY}"
    assert KEY not in json.dumps(recorder.bodies[0])
    assert_no_key(verdict)


def test_a_long_trajectory_and_a_long_document_are_cut_with_a_marker() -> None:
    huge_tool_result = {"role": "tool", "tool_call_id": "call_1", "content": "x" * 100_000}
    many = [*([huge_tool_result] * 40), {"role": "assistant", "content": "LAST WORDS"}]
    recorder = Recorder(verdict_answer(TOOL_VERDICT), verdict_answer(CHART_VERDICT))
    run_judge(recorder, tool_task(), tool_result(trajectory=many))
    run_judge(
        recorder, chart_task(), chart_result(), html="<html>" + "<p>y</p>" * 50_000 + "</html>"
    )
    tool_text, chart_text = (user_text(body) for body in recorder.bodies)
    assert len(tool_text) < MAX_TRAJECTORY_CHARS + 5_000
    assert "characters cut here" in tool_text
    assert "FINAL ANSWER" in tool_text  # the end of the episode survives the cut
    assert len(chart_text) < MAX_HTML_CHARS + 5_000
    assert "characters cut here" in chart_text
    assert "</html>" in chart_text


def test_a_result_of_another_task_is_refused_before_any_call() -> None:
    recorder = Recorder()
    with pytest.raises(ValueError, match="task E01, not C01"):
        run_judge(recorder, chart_task(), tool_result())
    with pytest.raises(ValueError, match="reference cannot be a chart"):
        run_judge(recorder, tool_task(), tool_result(), reference=ChartReference(html="<svg/>"))
    assert recorder.bodies == []
