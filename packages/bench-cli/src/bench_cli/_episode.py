"""One item from its prompt to its scored result: the multi-turn tool loop."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Mapping, Sequence
from typing import Any

import msgspec

from bench_clients import InfraError
from bench_core import TOOL_CRITERIA, Domain, Item, ItemResult, Simulator, ToolTask, Usage
from bench_scoring import score_tool_calls

from ._models import Model
from ._prompts import opening_messages

_encode = msgspec.json.Encoder().encode


class ToolEpisode:
    """The conversation of one tool item: the model calls tools, the simulator answers."""

    def __init__(self, item: Item, domain: Domain, tools: Sequence[Mapping[str, Any]]) -> None:
        assert isinstance(item.task, ToolTask)
        self.item = item
        self.task: ToolTask = item.task
        self.domain = domain
        self.tools = tools
        self.messages = opening_messages(domain, item)
        self.trajectory: list[dict[str, Any]] = []
        self.calls: list[dict[str, Any]] = []
        self.usage = Usage()
        self.attempts = 0
        self.latency_s = 0.0
        self.providers: list[str] = []
        self.normalized: list[str] = []
        self.answer: str | None = None
        self.turns = 0

    async def play(self, model: Model, deadline: float) -> ItemResult:
        """Run the conversation to its end and score it; infra failures become infra errors."""
        started = time.perf_counter()
        try:
            finished = await self._converse(model, deadline)
        except InfraError as error:
            self.latency_s = time.perf_counter() - started
            return self._result(
                "infra_error",
                error_class=error.kind,
                error_message=str(error),
                attempts=self.attempts + error.attempts,
            )
        self.latency_s = time.perf_counter() - started
        return self._score(finished)

    async def _converse(self, model: Model, deadline: float) -> bool:
        simulator: Simulator | None = None  # made at the first call: most answers need few
        for turn in range(self.task.max_turns):
            completion = await model.respond(self.item, turn, self.messages, self.tools, deadline)
            self.turns += 1
            self.usage = self.usage + completion.usage
            self.attempts += completion.attempts
            if completion.provider and completion.provider not in self.providers:
                self.providers.append(completion.provider)
            self.normalized.extend(f"turn {turn}: {note}" for note in completion.normalized)
            message = completion.history_message()
            self.messages.append(message)
            self.trajectory.append(message)
            if not completion.tool_calls:
                self.answer = completion.content
                return True
            for call in completion.tool_calls:
                if simulator is None:
                    simulator = self.domain.simulator()
                try:
                    result = simulator.call(call.name, call.arguments)
                except Exception as exc:  # a domain bug: the item goes on, the note says so
                    result = {"error": {"code": "internal", "message": "the API failed"}}
                    self.normalized.append(f"turn {turn}: simulator raised {exc!r} for {call.name}")
                # Arguments the model wrote that were no JSON object reach the scorer as written,
                # so that it counts them unreadable rather than absent.
                written = completion.raw_arguments.get(call.id or "", call.arguments)
                self.calls.append({"name": call.name, "arguments": written, "turn": turn})
                reply = {
                    "role": "tool",
                    "tool_call_id": call.id,
                    "content": _encode(result).decode(),
                }
                self.messages.append(reply)
                self.trajectory.append(reply)
        return False  # the turn limit came while the model was still calling tools

    def timed_out(self, seconds: float) -> ItemResult:
        """The result of an item stopped by the per-item time limit: an infra error."""
        self.latency_s = seconds
        return self._result(
            "infra_error",
            error_class="task_timeout",
            error_message=f"the item took longer than the task timeout of {seconds:g} s",
        )

    def _score(self, finished: bool) -> ItemResult:
        if finished and not self.calls and not (self.answer or "").strip():
            return self._result(
                "model_error",
                error_class="empty_answer",
                error_message="the model answered with neither text nor a tool call",
            )
        score = score_tool_calls(
            tools=self.tools,
            expected=self.task.expected,
            calls=self.calls,
            order=self.task.order,
            allowed=self.task.allowed,
            forbidden=self.task.forbidden,
            writes=self.domain.write_tools(),
        )
        reasons = list(score.reasons)
        if not finished:
            reasons.append(f"the conversation hit the turn limit ({self.task.max_turns} turns)")
            if score.total == 0:
                return self._result(
                    "model_error",
                    error_class="turn_limit",
                    error_message=reasons[-1],
                    reasons=reasons,
                    criteria=score.criteria,
                )
        return self._result(
            "ok",
            score=score.total,
            criteria=score.criteria,
            reasons=reasons,
            normalized=[*self.normalized, *score.normalized],
        )

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
    ) -> ItemResult:
        task = self.task
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
            criteria=criteria if criteria is not None else dict.fromkeys(TOOL_CRITERIA, 0.0),
            reasons=reasons if reasons is not None else [],
            response=self.answer,
            trajectory=self.trajectory,
            normalized=normalized if normalized is not None else self.normalized,
            usage=self.usage,
            latency_s=round(self.latency_s, 4),
            attempts=attempts if attempts is not None else self.attempts,
            turns=self.turns,
            providers=self.providers,
            error_class=error_class,
            error_message=error_message,
            finished_at=dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        )
