"""The two ways a call can fail: the user's to fix, or the infrastructure's."""

from __future__ import annotations

import json
from typing import Any, Literal

import httpx

from bench_core import BenchError

InfraKind = Literal[
    "rate_limited", "http_5xx", "http_4xx", "timeout", "connection", "bad_body", "deadline"
]
"""Why an infra error happened; reports group infra errors by it."""

ModelErrorKind = Literal["context_length"]
"""Why a call failed by the model's own limits; reports group model errors by it."""

_SNIPPET_CHARS = 200
# Error bodies are read this far for what they say.
_MAX_ERROR_CHARS = 65_536


class ClientError(BenchError):
    """A problem the user must fix before any item can run: a bad key, an unknown model, an
    unreachable endpoint, a bad setting.

    The runner stops the whole run on it and prints the message, which is one line and never
    contains the API key.
    """


class InfraError(Exception):
    """A transient failure that outlived its retries or the item's deadline.

    Not the model's fault: the item is kept apart from the scores and ``--resume`` retries it.

    Attributes:
        kind: What failed (``rate_limited``, ``http_5xx``, ``http_4xx``, ``timeout``,
            ``connection``, ``bad_body`` or ``deadline``).
        attempts: How many requests were sent for the call.
    """

    def __init__(self, message: str, *, kind: InfraKind, attempts: int) -> None:
        super().__init__(message)
        self.kind: InfraKind = kind
        self.attempts = attempts

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only arguments are lost by the default pickling of exceptions.
        return (_rebuild_infra_error, (str(self), self.kind, self.attempts))


class ModelError(Exception):
    """A call the model cannot answer by its own limits, such as a conversation longer than
    its context window.

    The model's fault, not the infrastructure's: the item scores 0, counts in the totals, and
    is neither retried nor run again by ``--resume``.

    Attributes:
        kind: What limit was reached (``context_length``).
        attempts: How many requests were sent for the call.
    """

    def __init__(self, message: str, *, kind: ModelErrorKind, attempts: int) -> None:
        super().__init__(message)
        self.kind: ModelErrorKind = kind
        self.attempts = attempts

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_model_error, (str(self), self.kind, self.attempts))


def _rebuild_model_error(message: str, kind: ModelErrorKind, attempts: int) -> ModelError:
    return ModelError(message, kind=kind, attempts=attempts)


def _rebuild_infra_error(message: str, kind: InfraKind, attempts: int) -> InfraError:
    return InfraError(message, kind=kind, attempts=attempts)


def one_line(text: str, limit: int = _SNIPPET_CHARS) -> str:
    """``text`` on one line, whitespace collapsed, cut to ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def error_words(error: Any) -> str:
    """The words of an error answer that say what went wrong: its message, ``param``,
    ``code`` and ``type``, or a validation error's location.

    The rest of the body is not read, since some servers echo the whole request in an error,
    and a request may hold any words.

    Args:
        error: The answer (``httpx.Response``) or its decoded error object.
    """
    if isinstance(error, httpx.Response):
        content = error.content[:_MAX_ERROR_CHARS]
        try:
            body = json.loads(content)
        except (ValueError, RecursionError):
            return content.decode("utf-8", errors="replace")
        if not isinstance(body, dict):
            return ""
        return " ".join(error_words(body.get(key)) for key in ("error", "message", "detail"))
    if isinstance(error, str):
        return error
    if isinstance(error, dict):
        words = [error_words(error.get(key)) for key in ("message", "msg", "param", "code", "type")]
        location = error.get("loc")
        if isinstance(location, list):
            words.extend(str(part) for part in location)
        return " ".join(words)
    if isinstance(error, list):
        return " ".join(error_words(entry) for entry in error[:20])
    return ""
