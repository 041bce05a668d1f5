"""A small OpenAI-compatible HTTP/1.1 server on 127.0.0.1 for the client's end-to-end tests.

Each request to ``/v1/chat/completions`` takes the next step of a script (a fault or an
answer); once the script is used up, it answers with a plain completion.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from typing import Any

from .support import answer

HTML_503 = b"<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head></html>"


class LocalServer:
    def __init__(self, *script: str | dict[str, Any], latency: float = 0.0) -> None:
        self.script = list(script)
        self.latency = latency
        self.requests: list[tuple[str, str, dict[str, str], bytes]] = []
        self.connections = 0
        self.port = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                request_line, *lines = head.decode("latin-1").split("\r\n")
                method, path, _ = request_line.split(" ", 2)
                headers = {
                    name.strip().lower(): value.strip()
                    for name, _, value in (line.partition(":") for line in lines if line)
                }
                body = await reader.readexactly(int(headers.get("content-length", "0")))
                self.requests.append((method, path, headers, body))
                if not await self.respond(writer, method, path):
                    return
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    async def respond(self, writer: asyncio.StreamWriter, method: str, path: str) -> bool:
        """Answer one request; ``False`` when the connection must close."""
        if method == "GET" and path == "/v1/models":
            self.send(writer, 200, json.dumps({"data": [{"id": "vendor/model"}]}).encode())
            return True
        step = self.script.pop(0) if self.script else answer()
        if self.latency:
            await asyncio.sleep(self.latency)
        if step == "drop":
            return False
        if step == "hang":
            await asyncio.sleep(3600)
        if step == "503_html":
            self.send(writer, 503, HTML_503, "text/html")
        elif step == "invalid_json":
            self.send(writer, 200, b'{"choices": [{"message": ')
        elif step == "refuse_response_format":
            # Worded as OpenAI words it, echoing the key as a careless server would.
            key = self.requests[-1][2].get("authorization", "")
            error = {
                "message": f"Unsupported parameter: 'response_format' (key {key})",
                "param": "response_format",
                "code": "unsupported_parameter",
            }
            self.send(writer, 400, json.dumps({"error": error}).encode())
        elif step == "429":
            self.send(writer, 429, b'{"error": {"message": "slow down"}}', retry_after="0")
        elif isinstance(step, dict):
            self.send(writer, 200, json.dumps(step).encode())
        await writer.drain()
        return True

    @staticmethod
    def send(
        writer: asyncio.StreamWriter,
        status: int,
        body: bytes,
        content_type: str = "application/json",
        retry_after: str | None = None,
    ) -> None:
        extra = f"Retry-After: {retry_after}\r\n" if retry_after is not None else ""
        writer.write(
            (
                f"HTTP/1.1 {status} X\r\nContent-Type: {content_type}\r\n"
                f"Content-Length: {len(body)}\r\n{extra}\r\n"
            ).encode()
            + body
        )

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
