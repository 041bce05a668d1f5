"""The lines of a run's JSONL file: one header, then item results and judge verdicts.

Field names are part of the file format: renaming one is a schema change and bumps
``SCHEMA_VERSION``.
"""

from __future__ import annotations

from typing import Any, Literal

import msgspec

from ._outcome import OutcomeResult
from ._weights import Difficulty, Suite

SCHEMA_VERSION = 1

Status = Literal["ok", "model_error", "infra_error"]


class RunHeader(msgspec.Struct, frozen=True, kw_only=True, tag="header", tag_field="type"):
    """The first line of a run: what was run, against what, with which settings.

    Attributes:
        run_id: Unique id of the run (the file's stem).
        created_at: ISO 8601 UTC time the run started.
        model: The model id as sent to the endpoint.
        endpoint: The endpoint's host (never a key or a query string).
        params: Sampling and runner settings that change results (temperature, top_p, ...).
        selection: The flags that chose the items (suites, domains, ids, ranges, mode, seed).
        task_set: Fingerprint of the selected tasks' content; resume refuses another one.
        items: How many items the run plans.
        packages: Versions of the Bencher packages and domains that ran.
    """

    run_id: str
    created_at: str
    model: str
    endpoint: str
    params: dict[str, Any]
    selection: dict[str, Any]
    task_set: str
    items: int
    packages: dict[str, str] = {}
    schema_version: int = SCHEMA_VERSION


class Usage(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    """Tokens and cost of an item, summed over its calls."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    reasoning_tokens: int = 0
    cost: float | None = None

    def __add__(self, other: Usage) -> Usage:
        cost = (
            None
            if self.cost is None and other.cost is None
            else (self.cost or 0) + (other.cost or 0)
        )
        return Usage(
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            reasoning_tokens=self.reasoning_tokens + other.reasoning_tokens,
            cost=cost,
        )


class ItemResult(msgspec.Struct, frozen=True, kw_only=True, tag="item", tag_field="type"):
    """The scored outcome of one item.

    Attributes:
        task_id, quality, repeat: The item's identity.
        status: ``ok`` (scored), ``model_error`` (the model failed: scored 0 and counted) or
            ``infra_error`` (not the model's fault: kept out of every total, retried on resume).
        score: 0..100; criteria: points per criterion; reasons: one line per lost point.
        response: The model's final text (the chart answer for chart items).
        trajectory: The messages of a tool episode after the prompt (assistant turns with
            their calls, tool results).
        normalized: What the normalisation layer changed to read the answer.
        chart_file: The chart's HTML file, relative to the run file's folder, for chart items.
        notes: What the scorer could not check, or checked only in part (never lost points).
        providers: Upstream providers that served the calls, where the endpoint says.
        outcome: For tool items, whether the job was done (end state and answer facts).
        run_id: The run that wrote the line (its header's ``run_id``; the store fills it in).
            Empty in files written before the field, which still read.
    """

    task_id: str
    suite: Suite
    domain: str
    difficulty: Difficulty
    quality: int
    weight: float
    status: Status
    score: float
    repeat: int = 0
    criteria: dict[str, float] = {}
    reasons: list[str] = []
    response: str | None = None
    trajectory: list[dict[str, Any]] = []
    normalized: list[str] = []
    chart_file: str | None = None
    notes: list[str] = []
    usage: Usage = Usage()
    latency_s: float = 0.0
    attempts: int = 1
    turns: int = 0
    providers: list[str] = []
    error_class: str | None = None
    error_message: str | None = None
    finished_at: str = ""
    outcome: OutcomeResult | None = None
    run_id: str = ""

    @property
    def key(self) -> tuple[str, int, int]:
        """The item's identity within a run."""
        return (self.task_id, self.quality, self.repeat)


class JudgeResult(msgspec.Struct, frozen=True, kw_only=True, tag="judge", tag_field="type"):
    """A judge's verdict on one item, kept apart from the automated score.

    Attributes:
        judge: ``llm`` or ``visual``.
        judge_model, prompt_version: Which model and which prompt produced it.
        scores: Sub-scores (correctness, clarity, ...), 0..100 each.
        score: The overall 0..100, or None where the verdict failed (``status`` says why).
        reason: The judge's reason, written before its score.
        input_kind: What the judge saw: ``trajectory``, ``html``, ``image``.
        structured_output: Whether the endpoint held the judge to the verdict's schema:
            ``json_schema`` (it took the schema and answered bare JSON), ``json_object`` (it
            took only JSON mode), ``ignored`` (it took the field but answered something else),
            ``none`` (it refused the field: the schema was only in the prompt); empty where
            unknown (the call failed, or the line predates the field).
        run_id: The run whose file the line was written to (the store fills it in); empty in
            files written before the field.
    """

    task_id: str
    quality: int
    judge: Literal["llm", "visual"]
    judge_model: str
    prompt_version: str
    status: Status
    repeat: int = 0
    score: float | None = None
    scores: dict[str, float] = {}
    reason: str = ""
    input_kind: str = ""
    error_message: str | None = None
    usage: Usage = Usage()
    structured_output: str = ""
    run_id: str = ""

    @property
    def key(self) -> tuple[str, int, int]:
        """The identity of the judged item."""
        return (self.task_id, self.quality, self.repeat)


RunLine = RunHeader | ItemResult | JudgeResult
