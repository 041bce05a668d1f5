"""Backoff, Retry-After, the adaptive concurrency limit and the choice of connection pool."""

from __future__ import annotations

import asyncio
from email.utils import formatdate

import httpx
import pytest

from bench_clients import RetryPolicy
from bench_clients._pool import POOL_SIZE, HttpPool
from bench_clients._retry import AdaptiveLimit, backoff_delay, parse_retry_after

from .support import FakeTime


def test_backoff_doubles_up_to_the_cap_and_is_scaled_by_the_jitter() -> None:
    policy = RetryPolicy(base_delay_s=1.0, max_delay_s=30.0)
    assert [backoff_delay(n, policy, lambda: 1.0) for n in range(1, 8)] == [1, 2, 4, 8, 16, 30, 30]
    assert backoff_delay(3, policy, lambda: 0.25) == 1.0
    assert backoff_delay(10_000, policy, lambda: 0.5) == 15.0


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("7", 7.0),
        (" 2.5 ", 2.5),
        ("-3", 0.0),
        (formatdate(1_000_030.0, usegmt=True), 30.0),
        (formatdate(999_000.0, usegmt=True), 0.0),
        ("soon", None),
        ("nan", None),
        ("", None),
        (None, None),
    ],
)
def test_retry_after_reads_seconds_and_http_dates(value: str | None, seconds: float | None) -> None:
    assert parse_retry_after(value, now=1_000_000.0) == seconds


def limit(ceiling: int, time: FakeTime) -> AdaptiveLimit:
    return AdaptiveLimit(ceiling, clock=time.clock, quiet_s=30.0, step_s=10.0)


def test_the_limit_halves_once_per_generation_and_never_below_one() -> None:
    time = FakeTime()
    adaptive = limit(64, time)
    adaptive.throttle(0)
    adaptive.throttle(0)  # sent under the old limit: already counted
    assert adaptive.limit == 32
    adaptive.throttle(1)
    assert adaptive.limit == 16
    for generation in range(2, 20):
        adaptive.throttle(generation)
    assert adaptive.limit == 1


def test_the_limit_recovers_by_eighths_after_a_quiet_period() -> None:
    time = FakeTime()
    adaptive = limit(64, time)
    adaptive.throttle(0)
    adaptive.throttle(1)
    seen = []
    for _ in range(9):
        time.now += 10.0
        seen.append(adaptive.limit)
    assert seen == [16, 16, 24, 32, 40, 48, 56, 64, 64]


def test_a_new_rate_limit_restarts_the_quiet_period() -> None:
    time = FakeTime()
    adaptive = limit(8, time)
    adaptive.throttle(0)
    time.now += 25.0
    adaptive.throttle(1)
    time.now += 25.0
    assert adaptive.limit == 2
    time.now += 5.0
    assert adaptive.limit == 3


def test_waiters_get_slots_in_order_as_slots_free_up() -> None:
    async def go() -> list[int]:
        adaptive = limit(2, FakeTime())
        order: list[int] = []
        await adaptive.acquire()
        await adaptive.acquire()

        async def worker(number: int) -> None:
            await adaptive.acquire()
            order.append(number)

        tasks = [asyncio.create_task(worker(n)) for n in range(3)]
        await asyncio.sleep(0)
        assert order == []
        adaptive.release()
        await asyncio.sleep(0)
        adaptive.release()
        await asyncio.sleep(0)
        assert adaptive.in_flight == 2
        tasks[2].cancel()
        adaptive.release()
        outcomes = await asyncio.gather(*tasks, return_exceptions=True)
        assert outcomes[:2] == [None, None]
        assert isinstance(outcomes[2], asyncio.CancelledError)
        assert adaptive.in_flight == 1
        return order

    assert asyncio.run(go()) == [0, 1]


def test_a_cancelled_waiter_does_not_keep_a_slot() -> None:
    async def go() -> int:
        adaptive = limit(1, FakeTime())
        await adaptive.acquire()
        waiter = asyncio.create_task(adaptive.acquire())
        await asyncio.sleep(0)
        waiter.cancel()
        await asyncio.gather(waiter, return_exceptions=True)
        adaptive.release()
        await asyncio.wait_for(adaptive.acquire(), 1.0)
        return adaptive.in_flight

    assert asyncio.run(go()) == 1


def test_a_raised_limit_lets_waiters_in() -> None:
    async def go() -> int:
        time = FakeTime()
        adaptive = limit(8, time)
        adaptive.throttle(0)  # 4
        for _ in range(4):
            await adaptive.acquire()
        waiter = asyncio.create_task(adaptive.acquire())
        await asyncio.sleep(0)
        assert not waiter.done()
        time.now += 30.0
        adaptive.release()  # the release notices the quiet period: the limit is now 5
        await asyncio.wait_for(waiter, 1.0)
        return adaptive.in_flight

    assert asyncio.run(go()) == 4


def test_pools_are_sized_for_the_concurrency() -> None:
    async def go() -> list[int]:
        sizes = []
        for concurrency in (1, 4, 8, 9, 64):
            pool = HttpPool.build(concurrency)
            sizes.append(pool.size)
            await pool.aclose()
        return sizes

    assert POOL_SIZE == 8
    assert asyncio.run(go()) == [1, 1, 1, 2, 8]


def test_each_request_goes_to_the_least_busy_pool() -> None:
    async def go() -> list[int]:
        clients = [httpx.AsyncClient() for _ in range(3)]
        pool = HttpPool(clients, owned=True)
        chosen = []
        async with pool.lease() as first, pool.lease() as second:
            chosen += [clients.index(first), clients.index(second)]
            async with pool.lease() as third:
                chosen.append(clients.index(third))
            async with pool.lease() as fourth:
                chosen.append(clients.index(fourth))
        async with pool.lease() as fifth:
            chosen.append(clients.index(fifth))
        await pool.aclose()
        assert all(client.is_closed for client in clients)
        return chosen

    assert asyncio.run(go()) == [0, 1, 2, 2, 0]


def test_an_injected_client_is_used_alone_and_left_open() -> None:
    async def go() -> bool:
        injected = httpx.AsyncClient()
        pool = HttpPool.wrap(injected)
        async with pool.lease() as chosen:
            assert chosen is injected
        await pool.aclose()
        still_open = not injected.is_closed
        await injected.aclose()
        return still_open

    assert asyncio.run(go())


def test_a_waiter_cancelled_just_after_its_slot_was_granted_hands_the_slot_on() -> None:
    async def go() -> int:
        adaptive = limit(1, FakeTime())
        await adaptive.acquire()
        waiter = asyncio.create_task(adaptive.acquire())
        await asyncio.sleep(0)
        adaptive.release()  # grants the slot to the waiter, which has not run yet
        waiter.cancel()
        await asyncio.gather(waiter, return_exceptions=True)
        return adaptive.in_flight

    assert asyncio.run(go()) == 0
