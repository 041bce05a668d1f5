"""The chart-library files a rendered chart may load, read from the local cache."""

from __future__ import annotations

from pathlib import Path

import msgspec

from .._libraries import library_for_url

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

    def body(self, url: str) -> bytes | None:
        """The cached file that ``url`` loads, or None when it loads no cached library."""
        library = library_for_url(url)
        if library is None:
            return None
        path = self._paths.get((library.package, library.version))
        if path is None:
            return None
        body = self._bodies.get(path)
        if body is None:
            body = path.read_bytes()
            self._bodies[path] = body
        return body
