"""The HTTP connections of a run: a few small httpx pools rather than one large one.

Measured with tools/perf_client.py --compare (a local server answering in 200 ms, 960 requests
at concurrency 64, httpx 0.28.1 / httpcore 1.0.9, medians of three interleaved rounds):

- one AsyncClient, default limits: 1.31x the ideal time, 1.70 ms of CPU per request. Past 20
  connections httpcore's keep-alive check closes every connection that goes idle, so requests
  keep reconnecting.
- one AsyncClient allowed 64 keep-alive connections: 3.8-5.3x and 11-15 ms per request. On
  every request the pool walks all its connections, and for each one the whole list again:
  quadratic in the pool's size (encode/httpcore#1035).
- pools of 8 / 16 / 32 connections: 1.11x / 1.11x / 1.14x, 1.13 / 1.43 / 1.72 ms per request.

So a run gets ceil(concurrency / 8) pools of 8, which is as fast as the fork httpx2 or aiohttp
measured in NOTES.md, without a new HTTP dependency.
"""

from __future__ import annotations

import math
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx

POOL_SIZE = 8
"""Connections per httpx pool: of 8, 16 and 32, 8 took the least CPU per request."""


class HttpPool:
    """One or more ``httpx.AsyncClient``; each request goes to the least busy one.

    Choosing the least busy client (not round-robin) keeps every client under its connection
    limit as long as the requests in flight are at most ``clients × POOL_SIZE``, so no request
    ever waits in httpcore's queue, where the costly reassignment happens.
    """

    def __init__(self, clients: list[httpx.AsyncClient], *, owned: bool) -> None:
        self._clients = clients
        self._busy = [0] * len(clients)
        self._owned = owned

    @classmethod
    def build(cls, concurrency: int) -> HttpPool:
        """Enough pools of `POOL_SIZE` connections for ``concurrency`` requests in flight."""
        count = max(1, math.ceil(concurrency / POOL_SIZE))
        size = min(POOL_SIZE, concurrency)
        # Keep-alive as large as the pool: a connection is then never closed to be reopened.
        limits = httpx.Limits(max_connections=size, max_keepalive_connections=size)
        # One TLS context for all: loading the CA bundle costs ~35 ms per client otherwise.
        tls = httpx.create_ssl_context()
        clients = [
            httpx.AsyncClient(limits=limits, verify=tls, follow_redirects=False)
            for _ in range(count)
        ]
        return cls(clients, owned=True)

    @classmethod
    def wrap(cls, client: httpx.AsyncClient) -> HttpPool:
        """A pool of the caller's client, which the caller closes."""
        return cls([client], owned=False)

    @property
    def size(self) -> int:
        """How many httpx clients the pool holds."""
        return len(self._clients)

    @asynccontextmanager
    async def lease(self) -> AsyncIterator[httpx.AsyncClient]:
        """The least busy client, counted busy until the block ends."""
        index = min(range(len(self._busy)), key=self._busy.__getitem__)
        self._busy[index] += 1
        try:
            yield self._clients[index]
        finally:
            self._busy[index] -= 1

    async def aclose(self) -> None:
        """Close the clients this pool built (not a caller's)."""
        if self._owned:
            for client in self._clients:
                await client.aclose()
