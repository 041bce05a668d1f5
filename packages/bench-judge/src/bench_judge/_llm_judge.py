"""The LLM judge: a second model grades a tool episode or a chart document."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from bench_clients import ChatClient, Completion, InfraError, ModelError
from bench_core import (
    ChartReference,
    ItemResult,
    JudgeResult,
    Task,
    ToolReference,
    ToolTask,
    Usage,
)

from ._prompts import PROMPT_VERSION, chart_messages, tool_messages
from ._verdicts import (
    ChartVerdict,
    ToolVerdict,
    Verdict,
    VerdictError,
    is_bare_json_object,
    parse_verdict,
    verdict_format,
)


@dataclass(frozen=True, slots=True)
class JudgeAnswer:
    """What one judge call gave: a verdict or why not, what it cost, and how far the endpoint
    held the answer to the verdict's schema (see ``JudgeResult.structured_output``)."""

    verdict: Verdict | None
    usage: Usage
    error: str | None
    structured_output: str


async def ask(
    client: ChatClient,
    messages: Sequence[dict[str, Any]],
    model: type[Verdict],
    *,
    deadline: float | None,
) -> JudgeAnswer:
    """Send the judge's conversation, asking for the verdict's schema as a strict
    ``json_schema`` response format, and read its verdict.

    Without a verdict, the answer's ``error`` gives the reason on one line. `ClientError`
    propagates: a bad key or an unknown judge model stops the run.
    """
    try:
        completion = await client.complete(
            messages, response_format=verdict_format(model), deadline=deadline
        )
    except (InfraError, ModelError) as error:
        # A judged item too long for the judge's context is the judge's failure, as any other.
        return JudgeAnswer(None, Usage(), f"judge call failed ({error.kind}): {error}", "")
    structured = _structured_output(completion)
    try:
        verdict = parse_verdict(completion.content, model)
    except VerdictError as error:
        return JudgeAnswer(None, completion.usage, str(error), structured)
    return JudgeAnswer(verdict, completion.usage, None, structured)


def _structured_output(completion: Completion) -> str:
    sent = completion.structured_output
    if sent is None:
        return ""
    if sent != "none" and not is_bare_json_object(completion.content):
        # The endpoint took the field, yet the answer is not the JSON it would have forced.
        return "ignored"
    return sent


def judge_result(
    *,
    task_id: str,
    quality: int,
    repeat: int,
    judge: Literal["llm", "visual"],
    judge_model: str,
    input_kind: str,
    answer: JudgeAnswer,
    note: str = "",
) -> JudgeResult:
    """The record of a verdict, or of the judge's failure (status ``infra_error``, no score)."""
    verdict = answer.verdict
    if verdict is None:
        return JudgeResult(
            task_id=task_id,
            quality=quality,
            repeat=repeat,
            judge=judge,
            judge_model=judge_model,
            prompt_version=PROMPT_VERSION,
            status="infra_error",
            reason=note,
            input_kind=input_kind,
            error_message=answer.error or "the judge gave no verdict",
            usage=answer.usage,
            structured_output=answer.structured_output,
        )
    return JudgeResult(
        task_id=task_id,
        quality=quality,
        repeat=repeat,
        judge=judge,
        judge_model=judge_model,
        prompt_version=PROMPT_VERSION,
        status="ok",
        score=verdict.score,
        scores=verdict.scores(),
        reason=f"{note} {verdict.reason}" if note else verdict.reason,
        input_kind=input_kind,
        usage=answer.usage,
        structured_output=answer.structured_output,
    )


async def judge_item(
    client: ChatClient,
    task: Task,
    result: ItemResult,
    *,
    judge_model: str,
    deadline: float | None,
    domain_preamble: str | None = None,
    html: str | None = None,
    reference: ToolReference | ChartReference | None = None,
) -> JudgeResult:
    """Have a second model grade one item, apart from its automated score.

    A tool item is judged on its trajectory against the request at the item's quality, the
    expected calls and the reference answer where given: ``correctness``,
    ``reasoning_quality`` and ``hallucinations`` (100: nothing invented). A chart item is
    judged on its HTML document against the request, the data and the spec:
    ``visual_clarity``, ``data_accuracy`` and ``design_quality``. Each verdict gives its
    reason before its scores and an overall ``score``; long episodes and documents are cut in
    the middle with a marker. The verdict's schema goes in the prompt and as a strict
    ``json_schema`` response format (with the client's fallback where the endpoint refuses
    it); the verdict's ``structured_output`` says whether the endpoint enforced it.

    Args:
        client: A client pointed at the judge model.
        task: The item's task.
        result: The item's result; only its task, quality, repeat, trajectory and response
            are read.
        judge_model: The judge model's id, recorded on the verdict.
        deadline: The call's deadline on the client's clock, or None.
        domain_preamble: The domain's context given to the benchmarked model, if any.
        html: The chart document (the saved file's content); default ``result.response``.
        reference: The task's reference solution, shown to the judge where given.

    Returns:
        An ``ok`` verdict with its scores, or an ``infra_error`` one without a score when the
        judge call failed or its answer held no valid verdict.

    Raises:
        ClientError: The judge endpoint refuses the key or the model.
        ValueError: ``result`` is not an item of ``task``, or ``reference`` is of the wrong
            suite.
    """
    if result.task_id != task.id:
        raise ValueError(f"the result is of task {result.task_id}, not {task.id}")
    if isinstance(task, ToolTask):
        if isinstance(reference, ChartReference):
            raise ValueError(f"{task.id} is a tool task: its reference cannot be a chart")
        messages = tool_messages(task, result, domain_preamble=domain_preamble, reference=reference)
        answer = await ask(client, messages, ToolVerdict, deadline=deadline)
        input_kind = "trajectory"
    else:
        if isinstance(reference, ToolReference):
            raise ValueError(f"{task.id} is a chart task: its reference cannot be tool calls")
        document = html if html is not None else (result.response or "")
        messages = chart_messages(
            task, result, document, domain_preamble=domain_preamble, reference=reference
        )
        answer = await ask(client, messages, ChartVerdict, deadline=deadline)
        input_kind = "html"
    return judge_result(
        task_id=task.id,
        quality=result.quality,
        repeat=result.repeat,
        judge="llm",
        judge_model=judge_model,
        input_kind=input_kind,
        answer=answer,
    )
