"""A fake OpenAI-compatible endpoint on 127.0.0.1, for end-to-end tests and benchmarks.

It speaks real HTTP/1.1 with keep-alive over a real socket. Its behaviour is chosen by the
model name a run sends, so one server serves every scenario::

    fake/reference                         answers with each task's reference solution
    fake/content                           the same, tool calls written as <tool_call> blocks
    fake/wrong_tool | malformed | text | empty   (wrong_tool: a bare square for a chart)
    fake/mixed?share=0.7                   the reference on a fixed 70% of prompts, else wrong
    fake/madeup                            no tool call: a plausible answer with made-up numbers
    fake/wrong_number                      the reference calls, then its answer with every
                                           number changed
    fake/judge                             answers every request with a judge's verdict
    fake/echo_key                          echoes the bearer key it was sent inside 200
                                           answers (split by a newline, upper-cased, one
                                           character short), in text, a chart and a call
    fake/reference?fault=503&times=2       the first 2 attempts of each request fail
    fake/reference?fault=429&times=1&retry_after=1
    fake/reference?fault=hang&every=5      every 5th conversation never answers
    fake/reference?latency=0.2             answer after 200 ms
    fake/judge?refuse=json_schema          HTTP 400 to a json_schema response_format
    fake/judge?refuse=response_format      HTTP 400 to any response_format
    fake/judge?refuse=json_schema&refuse_status=500
                                           HTTP 500 with a validation error naming
                                           response_format, as llama-cpp-python's server
    fake/reference?fault=context           HTTP 400 "the request exceeds the available context
                                           size", as llama.cpp's server words it

Faults: 429, 500, 503, html (an HTML error page), badjson, hang, drop (close the
connection), 401, context, ansi (a 400 whose message is full of terminal escape codes).
Run it alone with ``python tests/e2e/fake_server.py [--port N] [--key K]``.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from bench_core import ChartReference, Domain, Registry, ToolReference

# A verdict with the fields of every judge's schema: each takes what it needs.
JUDGE_VERDICT = {
    "reason": "The calls match the request; the final answer states the figures.",
    "correctness": 90,
    "reasoning_quality": 80,
    "hallucinations": 100,
    "visual_clarity": 85,
    "data_accuracy": 95,
    "design_quality": 75,
    "score": 88,
}

# What fake/wrong_tool draws for a chart: one square, no data, no labels.
UNLABELLED_CHART = "<svg width='400' height='300'><rect width='10' height='10'/></svg>"


@dataclass
class Scenario:
    script: str
    fault: str | None = None
    times: int = 0
    every: int = 0
    retry_after: float = 1.0
    latency: float = 0.0
    share: float = 1.0
    refuse: str | None = None
    refuse_status: int = 400

    @classmethod
    def parse(cls, model: str) -> Scenario:
        name, _, query = model.partition("?")
        options = dict(urllib.parse.parse_qsl(query))
        return cls(
            script=name.rpartition("/")[2],
            fault=options.get("fault"),
            times=int(options.get("times", 0)),
            every=int(options.get("every", 0)),
            retry_after=float(options.get("retry_after", 1.0)),
            latency=float(options.get("latency", 0.0)),
            share=float(options.get("share", 1.0)),
            refuse=options.get("refuse"),
            refuse_status=int(options.get("refuse_status", 400)),
        )


@dataclass
class FakeServer:
    """The server's state: what it knows of the tasks and what it has been sent."""

    key: str | None = None
    requests: list[dict[str, Any]] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    attempts: dict[str, int] = field(default_factory=dict)
    conversations: dict[str, int] = field(default_factory=dict)
    port: int = 0
    record: bool = True
    healthy: bool = False  # set by a test to switch every fault off

    def __post_init__(self) -> None:
        self.by_prompt: dict[str, tuple[Domain, str]] = {}
        registry = Registry()
        for domain in registry.load_all():
            for task in domain.tasks():
                for prompt in task.prompts:
                    self.by_prompt[prompt] = (domain, task.id)

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                method, target, _ = lines[0].split(" ", 2)
                headers = {}
                for line in lines[1:]:
                    if ":" in line:
                        name, value = line.split(":", 1)
                        headers[name.strip().lower()] = value.strip()
                body = await reader.readexactly(int(headers.get("content-length", 0)))
                keep = await self.respond(method, target, headers, body, writer)
                if not keep or headers.get("connection", "").lower() == "close":
                    break
        except (asyncio.IncompleteReadError, ConnectionError, ValueError, asyncio.CancelledError):
            pass  # the client went away, or the server is shutting down
        finally:
            writer.close()

    async def respond(
        self,
        method: str,
        target: str,
        headers: dict[str, str],
        body: bytes,
        writer: asyncio.StreamWriter,
    ) -> bool:
        if self.record:
            self.headers.append(headers)
        if self.key is not None and headers.get("authorization") != f"Bearer {self.key}":
            sent = headers.get("authorization", "")
            # A careless real server echoes what it got: the client must not repeat it.
            return await self.send(writer, 401, {"error": {"message": f"Invalid key {sent!r}"}})
        path = urllib.parse.urlsplit(target).path
        if method == "GET" and path.endswith("/models"):
            return await self.send(writer, 200, {"data": [{"id": "fake/reference"}]})
        if method != "POST" or not path.endswith("/chat/completions"):
            return await self.send(writer, 404, {"error": {"message": f"no route {path}"}})
        request = json.loads(body)
        if self.record:
            self.requests.append(request)
        scenario = Scenario.parse(request["model"])
        kind = request.get("response_format", {}).get("type")
        if kind is not None and scenario.refuse in (kind, "response_format"):
            if scenario.refuse_status == 500:
                return await self.send(writer, 500, llama_cpp_python_refusal(kind))
            # Worded as OpenAI words it.
            error = {"message": f"Unsupported parameter: 'response_format' of type {kind}"}
            status = scenario.refuse_status
            return await self.send(writer, status, {"error": {**error, "param": "response_format"}})
        fault = self.fault_for(scenario, request)
        if scenario.latency:
            await asyncio.sleep(scenario.latency)
        if fault is not None:
            return await self.fail(writer, fault, scenario)
        return await self.send(writer, 200, self.answer(scenario, request))

    def fault_for(self, scenario: Scenario, request: dict[str, Any]) -> str | None:
        if scenario.fault is None or self.healthy:
            return None
        # Counted per scenario, so that runs of other tests with other models do not interfere.
        messages = json.dumps([request["model"], request["messages"]], sort_keys=True).encode()
        attempt_key = hashlib.sha256(messages).hexdigest()
        self.attempts[attempt_key] = self.attempts.get(attempt_key, 0) + 1
        prompt = request["messages"][1]["content"] if len(request["messages"]) > 1 else ""
        conversation = f"{request['model']}\n{prompt}"
        index = self.conversations.setdefault(conversation, len(self.conversations))
        if scenario.every:
            return scenario.fault if index % scenario.every == 0 else None
        if scenario.times:
            return scenario.fault if self.attempts[attempt_key] <= scenario.times else None
        return scenario.fault

    async def fail(self, writer: asyncio.StreamWriter, fault: str, scenario: Scenario) -> bool:
        if fault == "hang":
            await asyncio.sleep(3600)
        if fault == "drop":
            writer.transport.abort()
            return False
        if fault == "html":
            page = b"<html><body><h1>502 Bad Gateway</h1></body></html>"
            return await self.send_raw(writer, 502, page, "text/html")
        if fault == "badjson":
            return await self.send_raw(writer, 200, b'{"choices": [', "application/json")
        if fault == "context":
            # As llama.cpp's server words it when a request outgrows its n_ctx.
            error = {
                "code": 400,
                "message": "the request exceeds the available context size, try increasing it",
                "type": "exceed_context_size_error",
                "n_prompt_tokens": 9000,
                "n_ctx": 4096,
            }
            return await self.send(writer, 400, {"error": error})
        if fault == "ansi":
            message = "\x1b[2J\x1b[31mbad\x1b]0;owned\x07 request\x9b1m\x07\x08\r!"
            return await self.send(writer, 400, {"error": {"message": message}})
        if fault == "429":
            extra = {"retry-after": f"{scenario.retry_after:g}"}
            return await self.send(writer, 429, {"error": {"message": "rate limited"}}, extra)
        status = int(fault) if fault.isdigit() else 500
        return await self.send(writer, status, {"error": {"message": f"fault {fault}"}})

    def answer(self, scenario: Scenario, request: dict[str, Any]) -> dict[str, Any]:
        messages = request["messages"]
        prompt = next((m["content"] for m in messages if m["role"] == "user"), "")
        prompt = prompt.split("\n\nData (", 1)[0]  # a chart item's data follows its prompt
        turn = sum(1 for m in messages if m["role"] == "assistant")
        content: str | None = None
        calls: list[dict[str, Any]] = []
        found = self.by_prompt.get(prompt)
        script = scenario.script
        if script == "mixed":
            # The same prompts succeed on every run: a stable share, chosen by the prompt's hash.
            digest = hashlib.sha256(prompt.encode()).digest()
            script = "reference" if digest[0] / 256 < scenario.share else "wrong_tool"
        if script == "judge":
            content = json.dumps(JUDGE_VERDICT)
        elif script == "echo_key":
            content, calls = self.echo_key(request, turn)
        elif script == "text" or found is None:
            content = "I cannot help with that from here."
        elif script == "empty":
            content = ""
        else:
            domain, task_id = found
            reference = domain.reference(task_id)
            if isinstance(reference, ChartReference):
                html = UNLABELLED_CHART if script == "wrong_tool" else reference.html
                content = f"Here is the chart:\n```html\n{html}\n```"
            elif isinstance(reference, ToolReference):
                content, calls = self.scripted(script, reference, turn, request)
        message: dict[str, Any] = {"role": "assistant", "content": content}
        if calls:
            message["tool_calls"] = calls
        return {
            "id": f"chatcmpl-{len(self.requests)}",
            "object": "chat.completion",
            "model": request["model"],
            "provider": "FakeProvider",
            "choices": [
                {"index": 0, "message": message, "finish_reason": "tool_calls" if calls else "stop"}
            ],
            "usage": {
                "prompt_tokens": 100 + 10 * len(messages),
                "completion_tokens": 20,
                "total_tokens": 120 + 10 * len(messages),
                "cost": 0.0001,
            },
        }

    def echo_key(self, request: dict[str, Any], turn: int) -> tuple[str, list[dict[str, Any]]]:
        """A model that repeats the key: in a first tool call's arguments, then in its answer
        and in a chart."""
        key = self.key or ""
        echoes = f"{key[:9]}\n{key[9:]} / {key.upper()} / {key[:-1]} / {key[1:].upper()}"
        tools = request.get("tools", [])
        if tools and turn == 0:
            name = tools[0]["function"]["name"]
            return "", [_call("call_0_0", name, json.dumps({"note": echoes}))]
        chart = f"<svg width='400' height='300'><text x='10' y='20'>{echoes}</text></svg>"
        return f"The key is {echoes}.\n```html\n{chart}\n```", []

    def scripted(
        self, script: str, reference: ToolReference, turn: int, request: dict[str, Any]
    ) -> tuple[str | None, list[dict[str, Any]]]:
        if script == "madeup":
            return made_up(reference.answer), []
        if turn >= len(reference.turns):
            return made_up(reference.answer) if script == "wrong_number" else reference.answer, []
        planned = reference.turns[turn]
        if script == "wrong_tool":
            if turn > 0:
                return "Done.", []
            names = {call.name for call in planned}
            other = next(
                t["function"]["name"]
                for t in request.get("tools", [])
                if t["function"]["name"] not in names
            )
            return None, [_call(f"call_{turn}_0", other, "{}")]
        if script == "malformed":
            return None, [
                _call(f"call_{turn}_{i}", c.name, '{"oops": ') for i, c in enumerate(planned)
            ]
        if script == "content":
            blocks = "\n".join(
                "<tool_call>"
                + json.dumps({"name": c.name, "arguments": c.arguments})
                + "</tool_call>"
                for c in planned
            )
            return blocks, []
        return None, [
            _call(f"call_{turn}_{i}", c.name, json.dumps(c.arguments))
            for i, c in enumerate(planned)
        ]

    async def send(
        self,
        writer: asyncio.StreamWriter,
        status: int,
        payload: dict[str, Any],
        extra: dict[str, str] | None = None,
    ) -> bool:
        return await self.send_raw(
            writer, status, json.dumps(payload).encode(), "application/json", extra
        )

    async def send_raw(
        self,
        writer: asyncio.StreamWriter,
        status: int,
        body: bytes,
        content_type: str,
        extra: dict[str, str] | None = None,
    ) -> bool:
        head = [
            f"HTTP/1.1 {status} {'OK' if status == 200 else 'Error'}",
            f"content-type: {content_type}",
            f"content-length: {len(body)}",
        ]
        head += [f"{k}: {v}" for k, v in (extra or {}).items()]
        writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + body)
        await writer.drain()
        return True

    async def serve(self, port: int = 0, ready: threading.Event | None = None) -> None:
        server = await asyncio.start_server(self.handle, "127.0.0.1", port, backlog=512)
        self.port = server.sockets[0].getsockname()[1]
        if ready is not None:
            ready.set()
        async with server:
            await server.serve_forever()


def llama_cpp_python_refusal(kind: str) -> dict[str, Any]:
    """How llama-cpp-python's server refuses a ``response_format`` it cannot take: HTTP 500,
    with pydantic's validation error as the message."""
    message = (
        "1 validation error for CreateChatCompletionRequest\nresponse_format.type\n  Input "
        f"should be 'text' or 'json_object' [type=literal_error, input_value='{kind}', "
        "input_type=str]"
    )
    return {
        "error": {"message": message, "type": "internal_server_error", "param": None, "code": None}
    }


def made_up(answer: str) -> str:
    """The answer with every digit run changed (1234.50 -> 2345.61): as plausible, all wrong."""
    shifted = "".join(str((int(c) + 1) % 10) if c.isdigit() else c for c in answer)
    return shifted if shifted != answer else answer + " The total was 42."


def _call(call_id: str, name: str, arguments: str) -> dict[str, Any]:
    return {"id": call_id, "type": "function", "function": {"name": name, "arguments": arguments}}


@contextmanager
def running(key: str | None = None) -> Iterator[FakeServer]:
    """A fake server on a free port, in a thread of its own, for the length of the block."""
    server = FakeServer(key=key)
    ready = threading.Event()
    loop = asyncio.new_event_loop()
    main_task: list[asyncio.Task[None]] = []

    def serve() -> None:
        asyncio.set_event_loop(loop)
        main_task.append(loop.create_task(server.serve(0, ready)))
        try:
            loop.run_until_complete(main_task[0])
        except asyncio.CancelledError:
            pass
        finally:
            pending = asyncio.all_tasks(loop)
            for task in pending:
                task.cancel()
            loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            loop.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    if not ready.wait(10):
        raise RuntimeError("the fake server did not start")
    try:
        yield server
    finally:
        loop.call_soon_threadsafe(main_task[0].cancel)
        thread.join(10)


def main() -> None:
    parser = argparse.ArgumentParser(description="A fake OpenAI-compatible endpoint.")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--key", default=None)
    parser.add_argument("--no-record", action="store_true", help="keep no request log")
    options = parser.parse_args()
    server = FakeServer(key=options.key, record=not options.no_record)

    async def start() -> None:
        ready = threading.Event()
        serving = asyncio.create_task(server.serve(options.port, ready))
        while not ready.is_set():
            await asyncio.sleep(0.01)
        print(f"listening on {server.port}", flush=True)
        await serving

    asyncio.run(start())


if __name__ == "__main__":
    main()
