"""Speed of the chat client against a local server that answers every request after 200 ms.

    uv run python tools/perf_client.py              # ChatClient at concurrency 8, 32 and 64
    uv run python tools/perf_client.py --compare    # httpx pool setups side by side at 64
    uv run python tools/perf_client.py --quick      # fewer requests, one round

The server runs in a child process (stdlib asyncio, HTTP/1.1 keep-alive), so the CPU figures
are the client's alone. "ideal" is requests × latency ÷ concurrency; "CPU/req" is the client
process's CPU time divided by the requests. Setups are interleaved round by round (A B A B …)
because timings on a shared machine drift between runs; medians are printed.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable

import httpx

from bench_clients import ChatClient, ClientConfig

LATENCY_S = 0.2
MESSAGES = [
    {"role": "system", "content": "You are a trading assistant. Use the tools."},
    {"role": "user", "content": "What was my last AAPL trade, and what did it make?"},
]
TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "get_trades",
            "description": "List trades from the journal.",
            "parameters": {
                "type": "object",
                "properties": {"symbol": {"type": "string"}, "limit": {"type": "integer"}},
                "required": ["symbol"],
            },
        },
    }
]
ANSWER = json.dumps(
    {
        "id": "gen-1",
        "object": "chat.completion",
        "model": "vendor/model",
        "provider": "Local",
        "choices": [
            {
                "index": 0,
                "finish_reason": "tool_calls",
                "message": {
                    "role": "assistant",
                    "content": None,
                    "tool_calls": [
                        {
                            "id": "call_1",
                            "type": "function",
                            "function": {
                                "name": "get_trades",
                                "arguments": '{"symbol": "AAPL", "limit": 1}',
                            },
                        }
                    ],
                },
            }
        ],
        "usage": {"prompt_tokens": 120, "completion_tokens": 18, "cost": 0.00001},
    }
).encode()


# --- the server (child process) ----------------------------------------------------------


async def serve(latency: float) -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"
    response = head % len(ANSWER) + ANSWER

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                headers = await reader.readuntil(b"\r\n\r\n")
                length = 0
                for line in headers.split(b"\r\n"):
                    if line[:15].lower() == b"content-length:":
                        length = int(line[15:])
                await reader.readexactly(length)
                await asyncio.sleep(latency)
                writer.write(response)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=1024)
    print(server.sockets[0].getsockname()[1], flush=True)
    # The parent closes our stdin when it is done: stop then, and never outlive it.
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, sys.stdin.read)
    server.close()


def start_server(latency: float) -> tuple[subprocess.Popen[str], int]:
    child = subprocess.Popen(
        [sys.executable, __file__, "--serve", "--latency", str(latency)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    return child, int(child.stdout.readline())


# --- the client setups -------------------------------------------------------------------

Run = Callable[[int, int, str], Awaitable[None]]


async def run_chat_client(requests: int, concurrency: int, base_url: str) -> None:
    """The product's setup: ChatClient with the pools it builds for itself."""
    config = ClientConfig(model="vendor/model", base_url=base_url, concurrency=concurrency)
    async with ChatClient(config) as client:
        workers = asyncio.Semaphore(concurrency)

        async def item() -> None:
            async with workers:
                completion = await client.complete(MESSAGES, tools=TOOLS)
                assert completion.tool_calls[0].name == "get_trades"

        await asyncio.gather(*(item() for _ in range(requests)))


def raw_httpx(make: Callable[[int], list[httpx.AsyncClient]]) -> Run:
    """A bare httpx setup: post, read JSON, nothing else; pools chosen round-robin."""

    async def run(requests: int, concurrency: int, base_url: str) -> None:
        clients = make(concurrency)
        turn = itertools.cycle(clients)
        workers = asyncio.Semaphore(concurrency)
        payload = {"model": "vendor/model", "messages": MESSAGES, "tools": TOOLS}

        async def item() -> None:
            async with workers:
                response = await next(turn).post(f"{base_url}/chat/completions", json=payload)
                response.json()

        await asyncio.gather(*(item() for _ in range(requests)))
        for client in clients:
            await client.aclose()

    return run


# Shared by every setup, so that building clients (loading the CA bundle costs ~35 ms each)
# does not count against the setups with more clients.
TLS = httpx.create_ssl_context()


def pools(size: int) -> Callable[[int], list[httpx.AsyncClient]]:
    def make(concurrency: int) -> list[httpx.AsyncClient]:
        limits = httpx.Limits(max_connections=size, max_keepalive_connections=size)
        count = -(-concurrency // size)
        return [httpx.AsyncClient(limits=limits, verify=TLS) for _ in range(count)]

    return make


def one_client(concurrency: int) -> list[httpx.AsyncClient]:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    return [httpx.AsyncClient(limits=limits, verify=TLS)]


COMPARED: dict[str, Run] = {
    "httpx, one client, default limits": raw_httpx(lambda c: [httpx.AsyncClient(verify=TLS)]),
    "httpx, one client, keep-alive = concurrency": raw_httpx(one_client),
    "httpx, pools of 8": raw_httpx(pools(8)),
    "httpx, pools of 16": raw_httpx(pools(16)),
    "httpx, pools of 32": raw_httpx(pools(32)),
    "ChatClient (pools of 8, least busy)": run_chat_client,
}


async def measure(run: Run, requests: int, concurrency: int, base_url: str) -> tuple[float, float]:
    started, cpu = time.perf_counter(), time.process_time()
    await run(requests, concurrency, base_url)
    return time.perf_counter() - started, time.process_time() - cpu


def report(
    name: str, requests: int, concurrency: int, walls: list[float], cpus: list[float]
) -> None:
    ideal = requests * LATENCY_S / concurrency
    wall = statistics.median(walls)
    print(
        f"{name:<45} c={concurrency:<3} n={requests:<5} wall {wall:6.2f} s  ideal {ideal:5.2f} s  "
        f"ratio {wall / ideal:5.2f}x  CPU/req {statistics.median(cpus) / requests * 1000:5.2f} ms",
        flush=True,
    )


async def main(args: argparse.Namespace) -> None:
    child, port = start_server(LATENCY_S)
    base_url = f"http://127.0.0.1:{port}/v1"
    try:
        if args.compare:
            cases = [(name, run, 64, args.requests or 960) for name, run in COMPARED.items()]
        else:
            sizes = {8: 400, 32: 640, 64: 1500}
            cases = [
                ("ChatClient", run_chat_client, c, args.requests or (n // 3 if args.quick else n))
                for c, n in sizes.items()
            ]
        await measure(run_chat_client, 64, 64, base_url)  # warm up imports and the server
        results: dict[int, tuple[list[float], list[float]]] = {
            i: ([], []) for i in range(len(cases))
        }
        for _ in range(1 if args.quick else args.rounds):
            for index, (_, run, concurrency, requests) in enumerate(cases):
                wall, cpu = await measure(run, requests, concurrency, base_url)
                results[index][0].append(wall)
                results[index][1].append(cpu)
        for index, (name, _, concurrency, requests) in enumerate(cases):
            report(name, requests, concurrency, *results[index])
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak client memory {peak_mb:.0f} MB")
    finally:
        assert child.stdin is not None
        child.stdin.close()
        child.wait(timeout=10)


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--compare", action="store_true", help="compare httpx pool setups at 64")
    parser.add_argument("--quick", action="store_true", help="a third of the requests, one round")
    parser.add_argument("--requests", type=int, default=0, help="requests per measurement")
    parser.add_argument("--rounds", type=int, default=2, help="interleaved rounds (median)")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--latency", type=float, default=LATENCY_S, help=argparse.SUPPRESS)
    return parser.parse_args()


if __name__ == "__main__":
    arguments = parse()
    if arguments.serve:
        asyncio.run(serve(arguments.latency))
    else:
        asyncio.run(main(arguments))
