"""One item from its prompt to its scored result: the multi-turn tool loop, or one chart."""

from __future__ import annotations

import abc
import datetime as dt
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from bench_clients import Completion, InfraError, ModelError
from bench_core import (
    CRITERIA,
    ChartTask,
    Domain,
    Item,
    ItemResult,
    OutcomeResult,
    Simulator,
    ToolReference,
    ToolTask,
    Transcript,
    TranscriptCall,
    Usage,
    is_error_result,
)
from bench_scoring import extract_chart, score_chart, score_item

from ._models import Model

if TYPE_CHECKING:  # the browser extra is optional: imported only where a run renders
    from bench_scoring.browser import ChartBrowser
from ._prompts import opening_messages

_encode = msgspec.json.Encoder().encode


class Episode(abc.ABC):
    """What every item keeps while it runs: the conversation, usage, attempts, latency."""

    def __init__(self, item: Item, domain: Domain) -> None:
        self.item = item
        self.domain = domain
        self.messages = opening_messages(domain, item)
        self.trajectory: list[dict[str, Any]] = []
        self.usage = Usage()
        self.attempts = 0
        self.latency_s = 0.0
        self.providers: list[str] = []
        self.normalized: list[str] = []
        self.answer: str | None = None
        self.chart_file: str | None = None
        self.turns = 0

    async def play(self, model: Model, deadline: float) -> ItemResult:
        """Run the item to its end and score it; infra failures become infra errors, the
        model's limits (a conversation past its context window) model errors."""
        started = time.perf_counter()
        try:
            finished = await self._converse(model, deadline)
        except ModelError as error:
            self.latency_s = time.perf_counter() - started
            return self._result(
                "model_error",
                error_class=error.kind,
                error_message=str(error),
                attempts=self.attempts + error.attempts,
            )
        except InfraError as error:
            self.latency_s = time.perf_counter() - started
            return self._result(
                "infra_error",
                error_class=error.kind,
                error_message=str(error),
                attempts=self.attempts + error.attempts,
            )
        self.latency_s = time.perf_counter() - started
        return await self._score(finished)

    def timed_out(self, seconds: float) -> ItemResult:
        """The result of an item stopped by the per-item time limit: an infra error."""
        self.latency_s = seconds
        return self._result(
            "infra_error",
            error_class="task_timeout",
            error_message=f"the item took longer than the task timeout of {seconds:g} s",
        )

    @abc.abstractmethod
    async def _converse(self, model: Model, deadline: float) -> bool:
        """Talk with the model; True when it finished, False when the turn limit came."""

    @abc.abstractmethod
    async def _score(self, finished: bool) -> ItemResult:
        """The scored result of the finished conversation."""

    def _record(self, completion: Completion, turn: int) -> None:
        self.turns += 1
        self.usage = self.usage + completion.usage
        self.attempts += completion.attempts
        if completion.provider and completion.provider not in self.providers:
            self.providers.append(completion.provider)
        self.normalized.extend(f"turn {turn}: {note}" for note in completion.normalized)
        message = completion.history_message()
        self.messages.append(message)
        self.trajectory.append(message)

    def _result(
        self,
        status: str,
        *,
        score: float = 0.0,
        criteria: dict[str, float] | None = None,
        reasons: list[str] | None = None,
        normalized: list[str] | None = None,
        error_class: str | None = None,
        error_message: str | None = None,
        attempts: int | None = None,
        notes: list[str] | None = None,
        outcome: OutcomeResult | None = None,
    ) -> ItemResult:
        task = self.item.task
        return ItemResult(
            task_id=task.id,
            suite=task.suite,
            domain=task.domain,
            difficulty=task.difficulty,
            quality=self.item.quality,
            repeat=self.item.repeat,
            weight=task.weight,
            status=status,  # type: ignore[arg-type]
            score=score,
            criteria=criteria if criteria is not None else dict.fromkeys(CRITERIA[task.suite], 0.0),
            reasons=reasons if reasons is not None else [],
            response=self.answer,
            trajectory=self.trajectory,
            normalized=normalized if normalized is not None else self.normalized,
            chart_file=self.chart_file,
            notes=notes if notes is not None else [],
            usage=self.usage,
            latency_s=round(self.latency_s, 4),
            attempts=attempts if attempts is not None else self.attempts,
            turns=self.turns,
            providers=self.providers,
            error_class=error_class,
            error_message=error_message,
            finished_at=dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            outcome=outcome,
        )


class ToolEpisode(Episode):
    """The conversation of one tool item: the model calls tools, the simulator answers."""

    def __init__(self, item: Item, domain: Domain, tools: Sequence[Mapping[str, Any]]) -> None:
        super().__init__(item, domain)
        assert isinstance(item.task, ToolTask)
        self.task: ToolTask = item.task
        self.tools = tools
        self.calls: list[TranscriptCall] = []
        self.call_ids: set[str] = set()
        self.simulator: Simulator | None = None  # made at the first call: most answers need few
        self.finished = False

    async def _converse(self, model: Model, deadline: float) -> bool:
        for turn in range(self.task.max_turns):
            completion = await model.respond(self.item, turn, self.messages, self.tools, deadline)
            completion = completion.with_distinct_ids(self.call_ids, turn)
            self._record(completion, turn)
            if not completion.tool_calls:
                self.answer = completion.content
                self.finished = True
                return True
            for call in completion.tool_calls:
                result = self._execute(call.name, call.arguments, turn)
                # Arguments the model wrote that were no JSON object reach the scorer as written,
                # so that it counts them unreadable rather than absent.
                written = completion.raw_arguments.get(call.id or "", call.arguments)
                self.calls.append(
                    TranscriptCall(
                        turn=turn,
                        name=call.name,
                        arguments=written,
                        id=call.id,
                        result=result,
                        error=is_error_result(result),
                    )
                )
                reply = {
                    "role": "tool",
                    "tool_call_id": call.id,
                    "content": _encode(result).decode(),
                }
                self.messages.append(reply)
                self.trajectory.append(reply)
        return False  # the turn limit came while the model was still calling tools

    def _execute(self, name: str, arguments: Mapping[str, Any], turn: int) -> Any:
        if self.simulator is None:
            self.simulator = self.domain.simulator()
        try:
            return self.simulator.call(name, arguments)
        except Exception as exc:  # a domain bug: the item goes on, the note says so
            self.normalized.append(f"turn {turn}: simulator raised {exc!r} for {name}")
            return {"error": {"code": "internal", "message": "the API failed"}}

    def transcript(self) -> Transcript:
        """What the conversation produced, for scoring."""
        return Transcript(
            messages=self.trajectory,
            calls=self.calls,
            answer=self.answer,
            finished=self.finished,
            turns=self.turns,
        )

    async def _score(self, finished: bool) -> ItemResult:
        if finished and not self.calls and not (self.answer or "").strip():
            return self._result(
                "model_error",
                error_class="empty_answer",
                error_message="the model answered with neither text nor a tool call",
            )
        reference = self.domain.reference(self.task.id)
        scored = score_item(
            self.task,
            self.transcript(),
            self.simulator.effects() if self.simulator is not None else (),
            tools=self.tools,
            writes=self.domain.write_tools(),
            reference=reference if isinstance(reference, ToolReference) else None,
        )
        score, outcome = scored.score, scored.outcome
        reasons = list(score.reasons)
        if not any("the job was not done" in reason for reason in reasons):
            reasons += [f"the job was not done: {reason}" for reason in outcome.reasons]
        if not finished:
            reasons.append(f"the conversation hit the turn limit ({self.task.max_turns} turns)")
            if score.total == 0:
                return self._result(
                    "model_error",
                    error_class="turn_limit",
                    error_message=reasons[-1],
                    reasons=reasons,
                    criteria=score.criteria,
                    outcome=outcome,
                )
        return self._result(
            "ok",
            score=score.total,
            criteria=score.criteria,
            reasons=reasons,
            normalized=[*self.normalized, *score.normalized],
            outcome=outcome,
        )


class ChartEpisode(Episode):
    """One chart item: a single request, the document saved beside the run, then scored."""

    def __init__(
        self, item: Item, domain: Domain, charts_dir: Path, browser: ChartBrowser | None = None
    ) -> None:
        super().__init__(item, domain)
        assert isinstance(item.task, ChartTask)
        self.task: ChartTask = item.task
        self.charts_dir = charts_dir
        self.browser = browser
        self.document: str | None = None
        self.chart_path: Path | None = None

    async def _converse(self, model: Model, deadline: float) -> bool:
        completion = await model.respond(self.item, 0, self.messages, None, deadline)
        self._record(completion, 0)
        self.answer = completion.content
        self.document = extract_chart(completion.content or "")
        if self.document is not None:
            name = f"{self.task.id}_Q{self.item.quality}"
            if self.item.repeat:
                name += f"_R{self.item.repeat}"
            self.charts_dir.mkdir(exist_ok=True)
            path = self.charts_dir / f"{name}.html"
            path.write_text(self.document, encoding="utf-8")
            self.chart_path = path
            self.chart_file = f"{self.charts_dir.name}/{path.name}"
        return True

    async def _score(self, finished: bool) -> ItemResult:
        if self.document is None:
            return self._result(
                "model_error",
                error_class="no_chart",
                error_message="the answer holds no HTML or SVG document",
                reasons=["the answer holds no ```html block, <html> or <svg> document"],
            )
        if self.browser is not None and self.chart_path is not None:
            # Rendered beside its HTML: the PNG is what the visual judge is shown.
            from bench_scoring.browser import score_chart_rendered  # noqa: PLC0415 - the extra

            screenshot = str(self.chart_path.with_suffix(".png"))
            score = await score_chart_rendered(
                self.document, self.task.spec, self.browser, screenshot=screenshot
            )
        else:
            score = score_chart(self.document, self.task.spec)
        return self._result(
            "ok",
            score=score.total,
            criteria=score.criteria,
            reasons=list(score.reasons),
            notes=list(score.notes),
        )
