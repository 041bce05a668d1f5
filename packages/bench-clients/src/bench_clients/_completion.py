"""One answer of the model, read from a ``/chat/completions`` response body."""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import msgspec

from bench_core import ToolCall, Usage

from ._normalize import read_message
from ._structured import StructuredOutput


class UnreadableBody(Exception):
    """A 2xx body that is not a chat completion; the client retries it as ``bad_body``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Completion:
    """The model's answer to one request, normalised.

    Attributes:
        content: The text, without tool calls or thinking written into it; ``None`` if empty.
        tool_calls: The calls, each with an id (``call_<n>`` where the provider gave none).
        reasoning: The model's reasoning, where it shows any.
        finish_reason: Why the model stopped, as the provider says.
        usage: Prompt, completion and reasoning tokens; ``cost`` where the provider gives it.
        latency_s: Seconds the answering request took (earlier attempts and waits excluded).
        attempts: Requests sent for this answer, the answering one included.
        provider: The upstream provider that served it (OpenRouter's ``provider`` field).
        normalized: What normalisation changed, one phrase each.
        model: The model id the endpoint says answered.
        reasoning_details: OpenRouter's structured reasoning, kept as sent to pass back.
        raw_arguments: The original text of arguments that were not a JSON object, by call id.
        structured_output: How the call's ``response_format`` went: ``json_schema``,
            ``json_object`` (the endpoint refused the schema) or ``none`` (it refused the
            field); None where the call asked for none. The endpoint taking a schema does not
            prove it enforced it: the caller still validates the answer.
    """

    content: str | None
    tool_calls: list[ToolCall]
    reasoning: str | None
    finish_reason: str | None
    usage: Usage
    latency_s: float
    attempts: int
    provider: str | None = None
    normalized: list[str] = field(default_factory=list)
    model: str | None = None
    reasoning_details: list[Any] | None = None
    raw_arguments: dict[str, str] = field(default_factory=dict)
    structured_output: StructuredOutput | None = None

    def history_message(self) -> dict[str, Any]:
        """The assistant message to append to the conversation for the next turn.

        Tool calls carry their ids and their arguments as JSON strings (the original text
        where it was not a JSON object, so the model sees what it wrote). ``reasoning_details``
        go back unchanged, as OpenRouter needs for reasoning models; ``reasoning_content`` does
        not, as DeepSeek rejects it.
        """
        message: dict[str, Any] = {"role": "assistant", "content": self.content}
        if self.tool_calls:
            message["tool_calls"] = [
                {
                    "id": call.id,
                    "type": "function",
                    "function": {
                        "name": call.name,
                        "arguments": self.raw_arguments.get(call.id or "")
                        or _arguments_text(call.arguments),
                    },
                }
                for call in self.tool_calls
            ]
        elif self.content is None:
            # Several providers refuse an assistant message with neither content nor calls.
            message["content"] = ""
        if self.reasoning_details is not None:
            message["reasoning_details"] = self.reasoning_details
        return message

    def with_distinct_ids(self, used: set[str], turn: int) -> Completion:
        """This answer with a new id for each call whose id an earlier turn used; ``used``
        gains the ids of this answer.

        Models without native tool calling get ids generated per message (``call_1``...), and
        providers refuse a conversation that repeats a tool call id.
        """
        if not any(call.id in used for call in self.tool_calls):
            used.update(call.id for call in self.tool_calls if call.id)
            return self
        calls = []
        raw = dict(self.raw_arguments)
        in_message = {call.id for call in self.tool_calls}
        for index, call in enumerate(self.tool_calls):
            kept = call
            if call.id in used:
                fresh = f"call_{turn}_{index}"
                while fresh in used or fresh in in_message:
                    fresh += "_"
                if call.id in raw:
                    raw[fresh] = raw.pop(call.id)
                kept = msgspec.structs.replace(call, id=fresh)
            used.add(kept.id or "")
            calls.append(kept)
        return dataclasses.replace(
            self,
            tool_calls=calls,
            raw_arguments=raw,
            normalized=[*self.normalized, "a tool call id used in an earlier turn was replaced"],
        )


def read_completion(body: Any, *, latency_s: float, attempts: int) -> Completion:
    """The completion in a decoded response body.

    Raises:
        UnreadableBody: The body has no first choice with a message.
    """
    if not isinstance(body, Mapping):
        raise UnreadableBody("the body is not a JSON object")
    choices = body.get("choices")
    if not isinstance(choices, list) or not choices or not isinstance(choices[0], Mapping):
        raise UnreadableBody("the body has no choices")
    choice = choices[0]
    message = choice.get("message")
    if not isinstance(message, Mapping):
        raise UnreadableBody("the first choice has no message")
    reading = read_message(message)
    details = message.get("reasoning_details")
    finish_reason = choice.get("finish_reason")
    provider = body.get("provider")
    model = body.get("model")
    return Completion(
        content=reading.content,
        tool_calls=reading.tool_calls,
        reasoning=reading.reasoning,
        finish_reason=finish_reason if isinstance(finish_reason, str) else None,
        usage=read_usage(body.get("usage")),
        latency_s=latency_s,
        attempts=attempts,
        provider=provider if isinstance(provider, str) else None,
        normalized=reading.notes,
        model=model if isinstance(model, str) else None,
        reasoning_details=details if isinstance(details, list) and details else None,
        raw_arguments=reading.raw_arguments,
    )


def read_usage(raw: Any) -> Usage:
    """Token counts and cost from a response's ``usage``; zeros where the provider gives none."""
    if not isinstance(raw, Mapping):
        return Usage()
    details = raw.get("completion_tokens_details")
    reasoning = details.get("reasoning_tokens") if isinstance(details, Mapping) else None
    cost = raw.get("cost")
    return Usage(
        prompt_tokens=_count(raw.get("prompt_tokens")),
        completion_tokens=_count(raw.get("completion_tokens")),
        reasoning_tokens=_count(reasoning),
        cost=_amount(cost),
    )


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return 0
    return int(value) if math.isfinite(value) and value > 0 else 0


def _amount(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) and value >= 0 else None


def _arguments_text(arguments: dict[str, Any]) -> str:
    try:
        return json.dumps(arguments, ensure_ascii=False)
    except (ValueError, TypeError, RecursionError):
        return "{}"
