"""Structured output: OpenAI's ``response_format``, and what to send where it is refused.

Endpoints differ. OpenAI, OpenRouter (for most providers), vLLM, llama.cpp and Ollama take a
``json_schema``; some take only ``{"type": "json_object"}``; some refuse the field with HTTP 400;
some take it and ignore it. The client asks for the schema first and steps down one level each
time the endpoint refuses, by name, what was sent: ``json_schema`` → ``json_object`` → ``none``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

import httpx

StructuredOutput = Literal["json_schema", "json_object", "none"]
"""How a requested `ResponseFormat` went to the endpoint.

``json_schema``: the schema went as ``response_format`` and the endpoint took it.
``json_object``: the endpoint refused the schema; JSON mode was asked for instead.
``none``: the endpoint refused ``response_format``; nothing was sent, so only the prompt asks
for the schema.
"""

_LEVELS: tuple[StructuredOutput, ...] = ("json_schema", "json_object", "none")
_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")

# Phrases by which error answers name the field (OpenAI, vLLM, llama.cpp, Ollama, DeepSeek,
# Groq, FastAPI validation errors). A 400 that names none of them is not about the field.
_NAMES = (
    "response_format",
    "response format",
    "responseformat",
    "json_schema",
    "json schema",
    "json_object",
    "json mode",
    "structured output",
)
# Error bodies are read this far for the phrases.
_MAX_ERROR_CHARS = 65_536


@dataclass(frozen=True, slots=True, kw_only=True)
class ResponseFormat:
    """A JSON schema the answer must follow, sent as OpenAI's structured-output request::

        {"type": "json_schema", "json_schema": {"name": ..., "strict": ..., "schema": ...}}

    With ``strict`` the schema must meet OpenAI's strict subset: every object with
    ``additionalProperties: false`` and all its properties required.

    Attributes:
        name: Names the schema for the endpoint: letters, digits, ``_`` and ``-``, at most 64.
        schema: The JSON schema of the answer.
        strict: Ask the endpoint to enforce the schema, not just to aim at it.

    Raises:
        ValueError: The name is not allowed, or the schema is not a JSON object.
    """

    name: str
    schema: Mapping[str, Any]
    strict: bool = True

    def __post_init__(self) -> None:
        if not _NAME.fullmatch(self.name):
            raise ValueError(
                f"response format name {self.name!r}: use 1 to 64 letters, digits, '_' or '-'"
            )
        if not isinstance(self.schema, Mapping):
            raise ValueError("the response format's schema must be a JSON object")

    def request(self, level: StructuredOutput) -> dict[str, Any] | None:
        """The ``response_format`` to send at ``level``; None for ``none``."""
        if level == "json_schema":
            return {
                "type": "json_schema",
                "json_schema": {
                    "name": self.name,
                    "strict": self.strict,
                    "schema": dict(self.schema),
                },
            }
        if level == "json_object":
            return {"type": "json_object"}
        return None


def step_down(level: StructuredOutput) -> StructuredOutput:
    """The level to try after the endpoint refused ``level``."""
    return _LEVELS[min(_LEVELS.index(level) + 1, len(_LEVELS) - 1)]


def weaker(first: StructuredOutput, second: StructuredOutput) -> StructuredOutput:
    """The more modest of two levels: what an endpoint that refused both still takes."""
    return max(first, second, key=_LEVELS.index)


def refuses_response_format(status: int, error: Any) -> bool:
    """Whether an error answer refuses the ``response_format`` that was sent.

    Only a 400 or 422 counts, and only where its error names the field (its message, ``param``
    or ``code``, or a validation error's location); the rest of the body is not read, since
    some servers echo the whole request, ``response_format`` included, in any error.

    Args:
        status: The HTTP status (or the code of an error object in a 200 answer).
        error: The answer (``httpx.Response``) or its decoded error object.
    """
    if status not in (400, 422):
        return False
    text = _error_words(error).lower()
    return any(name in text for name in _NAMES)


def _error_words(error: Any) -> str:
    if isinstance(error, httpx.Response):
        content = error.content[:_MAX_ERROR_CHARS]
        try:
            body = json.loads(content)
        except (ValueError, RecursionError):
            return content.decode("utf-8", errors="replace")
        if not isinstance(body, dict):
            return ""
        return " ".join(_error_words(body.get(key)) for key in ("error", "message", "detail"))
    if isinstance(error, str):
        return error
    if isinstance(error, dict):
        words = [
            _error_words(error.get(key)) for key in ("message", "msg", "param", "code", "type")
        ]
        location = error.get("loc")
        if isinstance(location, list):
            words.extend(str(part) for part in location)
        return " ".join(words)
    if isinstance(error, list):
        return " ".join(_error_words(entry) for entry in error[:20])
    return ""
