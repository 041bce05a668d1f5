"""The two ways a call can fail: the user's to fix, or the infrastructure's."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal
from urllib.parse import quote

from bench_core import BenchError

InfraKind = Literal[
    "rate_limited", "http_5xx", "http_4xx", "timeout", "connection", "bad_body", "deadline"
]
"""Why an infra error happened; reports group infra errors by it."""

_SNIPPET_CHARS = 200


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


def _rebuild_infra_error(message: str, kind: InfraKind, attempts: int) -> InfraError:
    return InfraError(message, kind=kind, attempts=attempts)


def redact(text: str, secrets: Iterable[str]) -> str:
    """``text`` with every secret (and its URL-encoded form) replaced by ``***``."""
    for secret in secrets:
        if not secret:
            continue
        for form in {secret, quote(secret, safe="")}:
            text = text.replace(form, "***")
    return text


def one_line(text: str, limit: int = _SNIPPET_CHARS) -> str:
    """``text`` on one line, whitespace collapsed, cut to ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
