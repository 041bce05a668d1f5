import asyncio
import http.server
import threading
from collections.abc import Coroutine, Iterator
from typing import Any, TypeVar

import pytest

from bench_scoring.browser import BrowserSettings, ChartBrowser

T = TypeVar("T")


class Session:
    """One browser for the module, driven from synchronous tests through one event loop."""

    def __init__(self, runner: asyncio.Runner, browser: ChartBrowser) -> None:
        self.runner = runner
        self.browser = browser

    def run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        return self.runner.run(coroutine)


@pytest.fixture(scope="package")
def session() -> Iterator[Session]:
    runner = asyncio.Runner()
    browser = ChartBrowser(BrowserSettings(timeout_s=4.0))
    runner.run(browser.__aenter__())
    try:
        yield Session(runner, browser)
    finally:
        runner.run(browser.__aexit__(None, None, None))
        runner.close()


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str]

    def do_GET(self) -> None:
        self.hits.append(self.path)
        self.send_response(200)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        self.wfile.write(b"leaked")

    do_POST = do_GET

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def outside() -> Iterator[tuple[str, list[str]]]:
    """A real server on 127.0.0.1 standing for the internet: it must receive nothing."""
    hits: list[str] = []
    handler = type("Handler", (_Recorder,), {"hits": hits})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
