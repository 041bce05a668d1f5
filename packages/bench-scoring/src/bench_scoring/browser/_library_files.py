"""The chart-library files a rendered chart may load, read from the local cache."""

from __future__ import annotations

import contextlib
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from .._libraries import library_for_url

if TYPE_CHECKING:
    from playwright.async_api import APIRequestContext, APIResponse

_MANIFEST = "manifest.json"


class _CachedFile(msgspec.Struct, frozen=True):
    """An entry of the cache manifest written by ``bench-run setup`` (its other fields unused)."""

    package: str
    version: str
    path: str


class LibraryFiles:
    """Answers a CDN URL of an allowed chart library with its cached file."""

    def __init__(self, cache: Path) -> None:
        self.cache = cache
        self._paths: dict[tuple[str, str], Path] = {}
        manifest = cache / _MANIFEST
        if manifest.is_file():
            entries = msgspec.json.decode(manifest.read_bytes(), type=list[_CachedFile])
            root = cache.resolve()
            for entry in entries:
                path = (cache / entry.path).resolve()
                if path.is_relative_to(root) and path.is_file():
                    self._paths[(entry.package, entry.version)] = path
        self._bodies: dict[Path, bytes] = {}

    def path(self, url: str) -> Path | None:
        """The cached file that ``url`` loads, or None when it loads no cached library."""
        library = library_for_url(url)
        if library is None:
            return None
        return self._paths.get((library.package, library.version))

    def paths(self) -> list[Path]:
        """Every cached library file."""
        return sorted(set(self._paths.values()))

    def body(self, url: str) -> bytes | None:
        """The content of the cached file that ``url`` loads, or None."""
        path = self.path(url)
        if path is None:
            return None
        body = self._bodies.get(path)
        if body is None:
            body = path.read_bytes()
            self._bodies[path] = body
        return body


async def preload(request: APIRequestContext, files: LibraryFiles) -> dict[Path, APIResponse]:
    """Each cached library file, read once into Playwright's driver.

    A route fulfilled with one of these responses sends only its id through the driver's
    pipe, not the file: a 3.5 MB library is otherwise encoded, sent and decoded again for
    every chart that loads it. The driver reads the files from a server on 127.0.0.1 that
    serves just them and lives only as long as this call.
    """
    paths = files.paths()
    if not paths:
        return {}
    with _serving(paths) as base:
        return {path: await request.get(f"{base}/{index}") for index, path in enumerate(paths)}


@contextlib.contextmanager
def _serving(paths: list[Path]) -> Iterator[str]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            index = self.path.lstrip("/")
            if not index.isdigit() or int(index) >= len(paths):
                self.send_error(404)
                return
            body = paths[int(index)].read_bytes()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
