"""A small OpenAI-compatible HTTP/1.1 server on 127.0.0.1, started by the test that uses it.

Each request to ``/v1/chat/completions`` takes the next step of a script: an HTTP status with
an error body, a status with a body of its own, or a completion body to answer with.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from typing import Any


class LocalServer:
    def __init__(self, *script: int | tuple[int, dict[str, Any]] | dict[str, Any]) -> None:
        self.script = list(script)
        self.requests: list[tuple[str, dict[str, str], dict[str, Any]]] = []
        self.port = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                request_line, *lines = head.decode("latin-1").split("\r\n")
                _, path, _ = request_line.split(" ", 2)
                headers = {
                    name.strip().lower(): value.strip()
                    for name, _, value in (line.partition(":") for line in lines if line)
                }
                body = await reader.readexactly(int(headers.get("content-length", "0")))
                self.requests.append((path, headers, json.loads(body)))
                step = self.script.pop(0)
                if isinstance(step, int):
                    status, payload = step, {"error": {"message": f"status {step}"}}
                elif isinstance(step, tuple):
                    status, payload = step
                else:
                    status, payload = 200, step
                data = json.dumps(payload).encode()
                writer.write(
                    f"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\n"
                    f"Content-Length: {len(data)}\r\n\r\n".encode()
                    + data
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator[LocalServer]:
        server = await asyncio.start_server(self.handle, "127.0.0.1", 0)
        self.port = server.sockets[0].getsockname()[1]
        try:
            yield self
        finally:
            server.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(server.wait_closed(), 1.0)
