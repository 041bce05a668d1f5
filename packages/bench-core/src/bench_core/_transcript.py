"""What a tool item's conversation produced: the record that scoring reads."""

from __future__ import annotations

from typing import Any

import msgspec


class TranscriptCall(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    """One tool call as the model made it, and what the simulator answered.

    Attributes:
        turn: The assistant turn it came in (0-based); calls of one turn ran in parallel.
        name: The tool's name as the model wrote it.
        arguments: The arguments as written: an object, or the text the model sent where it
            was not a JSON object (scored as unreadable, not as absent).
        id: The call's id after normalisation.
        result: The simulator's JSON result.
        error: The result was an error (``{"error": {...}}``).
    """

    turn: int
    name: str
    arguments: Any = None
    id: str | None = None
    result: Any = None
    error: bool = False


class Transcript(msgspec.Struct, frozen=True, kw_only=True):
    """A tool item's conversation after the prompt.

    Attributes:
        messages: Every message after the opening prompt: assistant turns and tool results.
        calls: The tool calls in the order they were made, with their results.
        answer: The final answer's text (None where the conversation ended without one).
        finished: The model answered without calling a tool (False: the turn limit came).
        turns: Assistant turns taken.
    """

    messages: list[dict[str, Any]] = []
    calls: list[TranscriptCall] = []
    answer: str | None = None
    finished: bool = True
    turns: int = 0


def is_error_result(result: Any) -> bool:
    """Whether a simulator's result is an error: ``{"error": {...}}``."""
    return isinstance(result, dict) and isinstance(result.get("error"), dict)
