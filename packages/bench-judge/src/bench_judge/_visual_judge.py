"""The visual judge: a multimodal model scores the rendered chart, or its HTML without one."""

from __future__ import annotations

from bench_clients import ChatClient
from bench_core import ChartTask, JudgeResult

from ._llm_judge import ask, judge_result
from ._prompts import visual_messages
from ._verdicts import VisualVerdict

NO_IMAGE_NOTE = "[image not available: judged from the HTML source]"
"""Opens the reason of a visual verdict given without a screenshot."""


async def judge_chart_visually(
    client: ChatClient,
    task: ChartTask,
    html: str,
    *,
    judge_model: str,
    screenshot: bytes | None,
    deadline: float | None,
    quality: int,
    repeat: int = 0,
) -> JudgeResult:
    """Have a multimodal model score a chart 0..100, with its reason first.

    With a screenshot, the PNG goes to the model as an ``image_url`` content part (a base64
    ``data:`` URL) beside the request at ``quality``, the data and the spec: the verdict's
    ``input_kind`` is ``image``. Without one (no browser), the HTML goes as text, the model is
    told so, and the verdict says it: ``input_kind`` ``html`` and a reason opening with
    `NO_IMAGE_NOTE`. As for the LLM judge, the verdict's schema is also asked for as a
    response format, and ``structured_output`` records whether the endpoint enforced it.

    Args:
        client: A client pointed at a multimodal judge model.
        task: The chart task.
        html: The chart document the model wrote (sent only without a screenshot).
        judge_model: The judge model's id, recorded on the verdict.
        screenshot: The rendered chart as PNG bytes, or None.
        deadline: The call's deadline on the client's clock, or None.
        quality: The item's prompt quality (1..10).
        repeat: The item's repeat.

    Returns:
        An ``ok`` verdict, or an ``infra_error`` one without a score when the judge call
        failed or its answer held no valid verdict.

    Raises:
        ClientError: The judge endpoint refuses the key or the model.
        ValueError: ``screenshot`` is not a PNG, or ``quality`` is out of range.
    """
    messages = visual_messages(task, quality, html, screenshot)
    answer = await ask(client, messages, VisualVerdict, deadline=deadline)
    return judge_result(
        task_id=task.id,
        quality=quality,
        repeat=repeat,
        judge="visual",
        judge_model=judge_model,
        input_kind="image" if screenshot is not None else "html",
        answer=answer,
        note="" if screenshot is not None else NO_IMAGE_NOTE,
    )
