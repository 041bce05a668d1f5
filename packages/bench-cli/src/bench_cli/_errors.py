"""Which errors are the user's to fix, whichever package raised them."""

from __future__ import annotations

from bench_clients import ClientError
from bench_core import BenchError


def is_user_error(error: BaseException) -> bool:
    """True for errors with a message meant for the user (bad flags, bad key, bad file)."""
    return isinstance(error, BenchError | ClientError)
