"""Structured output: OpenAI's ``response_format``, and what to send where it is refused.

Endpoints differ. OpenAI, OpenRouter (for most providers), vLLM, llama.cpp and Ollama take a
``json_schema``; some take only ``{"type": "json_object"}``; some refuse the field with HTTP 400
(llama-cpp-python's server with HTTP 500, a validation error naming the field); some take it and
ignore it. The client asks for the schema first and steps down one level each
time the endpoint refuses, by name, what was sent: ``json_schema`` → ``json_object`` → ``none``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from ._errors import error_words

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
# Statuses that say something other than "not this field", whatever the words in them: the
# key, the rights, the route or model, the rate.
_NOT_REFUSALS = frozenset({401, 403, 404, 407, 429})


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

    Any error status counts where its error names the field (its message, ``param`` or
    ``code``, or a validation error's location): llama-cpp-python's server answers HTTP 500
    with a validation error naming ``response_format``, and retrying that only fails again.
    A 401, 403, 404, 407 or 429 never counts: those say something else whatever their words.
    The rest of the body is not read, since some servers echo the whole request,
    ``response_format`` included, in any error.

    Args:
        status: The HTTP status (or the code of an error object in a 200 answer).
        error: The answer (``httpx.Response``) or its decoded error object.
    """
    if status < 400 or status in _NOT_REFUSALS:
        return False
    text = error_words(error).lower()
    return any(name in text for name in _NAMES)
