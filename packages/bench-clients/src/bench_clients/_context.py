"""A conversation longer than the model's context window: the model's limit, not a failure of
the infrastructure.

Endpoints word it differently, always as a client error (mostly HTTP 400): OpenAI's
``context_length_exceeded`` ("This model's maximum context length is 8192 tokens"), OpenRouter's
"This endpoint's maximum context length is …", vLLM's "This model's maximum context length is
…", llama.cpp's "the request exceeds the available context size" (``exceed_context_size_error``),
llama-cpp-python's "Requested tokens (…) exceed context window of …", Anthropic's "prompt is
too long", Mistral's "… too large for model with … maximum context length".
"""

from __future__ import annotations

from typing import Any

from ._errors import error_words

# Lower-case phrases of the error's message, code or type.
_PHRASES = (
    "context_length_exceeded",
    "context length exceeded",
    "maximum context length",
    "max context length",
    "exceeds the available context size",
    "exceed_context_size",
    "context size has been exceeded",
    "exceed context window",
    "exceeds the context window",
    "exceeds the model's context",
    "context window exceeded",
    "prompt is too long",
    "input is too long for the model",
    "reduce the length of the messages",
)
# A limit reached is said with a 4xx; some servers (older llama.cpp) say it with a 500. Never
# a 401, 403, 404 or 429: those say something else whatever their words.
_STATUSES = frozenset({400, 413, 422, 500})


def exceeds_context(status: int, error: Any) -> bool:
    """Whether an error answer says the conversation is longer than the model's context.

    Only the error's own words are read (its message, ``param``, ``code`` and ``type``),
    never an echo of the request, which may hold any text.

    Args:
        status: The HTTP status (or the code of an error object in a 200 answer).
        error: The answer (``httpx.Response``) or its decoded error object.
    """
    if status not in _STATUSES:
        return False
    text = error_words(error).lower()
    return any(phrase in text for phrase in _PHRASES)
