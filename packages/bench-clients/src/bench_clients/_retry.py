"""When to try again, how long to wait, and how many requests to keep in flight."""

from __future__ import annotations

import asyncio
import math
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class RetryPolicy:
    """How transient failures are retried.

    Attributes:
        max_attempts: Requests sent for one call at most, the first included; a request sent
            again because the endpoint refused its ``response_format`` is not counted.
        base_delay_s: Backoff before the second attempt, doubled for each later one.
        max_delay_s: Backoff never exceeds this, whatever the attempt.
        max_retry_after_s: A longer ``Retry-After`` is cut to this.
        rate_limit_quiet_s: After a 429, how long without another before concurrency rises.
        rate_limit_step_s: Then, how often it rises by one step (an eighth of the ceiling).
    """

    max_attempts: int = 8
    base_delay_s: float = 1.0
    max_delay_s: float = 30.0
    max_retry_after_s: float = 120.0
    rate_limit_quiet_s: float = 30.0
    rate_limit_step_s: float = 10.0


def backoff_delay(attempt: int, policy: RetryPolicy, random: Callable[[], float]) -> float:
    """Seconds to wait after failed attempt number ``attempt`` (1-based): full jitter.

    Full jitter (a uniform draw below the exponential cap) spreads the retries of many
    workers that failed together, so they do not hit the endpoint again in one burst.
    """
    cap = min(policy.max_delay_s, policy.base_delay_s * 2.0 ** min(attempt - 1, 32))
    return random() * cap


def parse_retry_after(value: str | None, *, now: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: delta-seconds or an HTTP date.

    Args:
        value: The header's value, if any.
        now: The current Unix time, for the date form.
    """
    if value is None:
        return None
    text = value.strip()
    try:
        seconds = float(text)
    except ValueError:
        try:
            moment = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
        if moment.tzinfo is None:  # RFC 9110 dates are GMT
            return None
        seconds = moment.timestamp() - now
    if not math.isfinite(seconds):
        return None
    return max(0.0, seconds)


class AdaptiveLimit:
    """A semaphore whose size drops when the endpoint rate-limits and recovers when it stops.

    On a 429 the limit halves (never below 1), at most once per generation: the many requests
    that were already in flight under the old limit and come back 429 together count once.
    After ``quiet_s`` without a 429 the limit rises by an eighth of the ceiling every
    ``step_s`` until it is back at the ceiling. Time is read from ``clock``, on acquire and
    release, so no timer task is needed and tests can drive it.
    """

    def __init__(
        self, ceiling: int, *, clock: Callable[[], float], quiet_s: float, step_s: float
    ) -> None:
        self.ceiling = ceiling
        self._limit = ceiling
        self._clock = clock
        self._quiet_s = quiet_s
        self._step_s = step_s
        self._step = max(1, ceiling // 8)
        self._in_flight = 0
        self._generation = 0
        self._last_throttle = -math.inf
        self._last_step = -math.inf
        self._waiters: deque[asyncio.Future[None]] = deque()

    @property
    def limit(self) -> int:
        """Requests allowed in flight now."""
        self._recover()
        return self._limit

    @property
    def in_flight(self) -> int:
        """Requests in flight now."""
        return self._in_flight

    async def acquire(self) -> int:
        """Wait for a slot; returns the generation to pass to `throttle` on a 429."""
        self._recover()
        if self._in_flight < self._limit and not self._waiters:
            self._in_flight += 1
            return self._generation
        waiter = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        try:
            await waiter
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():
                self.release()  # granted just as it was cancelled: hand the slot on
            elif waiter in self._waiters:
                self._waiters.remove(waiter)
            raise
        return self._generation

    def release(self) -> None:
        """Give a slot back."""
        self._in_flight -= 1
        self._recover()
        self._wake()

    def throttle(self, generation: int) -> None:
        """A request acquired in ``generation`` was rate-limited: halve the limit once."""
        now = self._clock()
        self._last_throttle = self._last_step = now
        if generation == self._generation and self._limit > 1:
            self._limit = max(1, self._limit // 2)
            self._generation += 1

    def _recover(self) -> None:
        if self._limit >= self.ceiling:
            return
        now = self._clock()
        if now - self._last_throttle >= self._quiet_s and now - self._last_step >= self._step_s:
            self._limit = min(self.ceiling, self._limit + self._step)
            self._last_step = now
            self._wake()

    def _wake(self) -> None:
        while self._waiters and self._in_flight < self._limit:
            waiter = self._waiters.popleft()
            if not waiter.done():
                self._in_flight += 1
                waiter.set_result(None)
