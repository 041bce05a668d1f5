"""Which errors are the user's to fix, whichever package raised them."""

from __future__ import annotations

import errno

from bench_clients import ClientError
from bench_core import BenchError

# A write that the file system refused for want of room (or of quota).
_FULL = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})


def is_user_error(error: BaseException) -> bool:
    """True for errors with a message meant for the user (bad flags, bad key, bad file)."""
    return isinstance(error, BenchError | ClientError)


def is_disk_full(error: BaseException) -> bool:
    """True for a write refused because the disk (or the user's quota) is full, or cut short
    by it: the store raises a short write as an ``OSError`` without an errno."""
    if not isinstance(error, OSError):
        return False
    return error.errno in _FULL or (error.errno is None and "short write" in str(error))


def disk_full_message(error: BaseException, *, advice: str | None = None) -> str | None:
    """One line for a full disk, saying what to do next; None for any other error."""
    if not is_disk_full(error):
        return None
    where = f" ({error.filename})" if isinstance(error, OSError) and error.filename else ""
    return f"the disk is full{where}: {advice or 'free some space, then run the command again'}"
