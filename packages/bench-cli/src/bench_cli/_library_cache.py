"""The local cache of the chart libraries a model may load from a CDN.

Charts are rendered with the network blocked; the browser answers requests for the allowed
libraries from this cache, so a chart renders the same offline and online. It is filled once
with ``npm pack`` from the npm registry (``bench-run setup``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Protocol

import msgspec

from bench_core import BenchError

MANIFEST = "manifest.json"
_NPM_TIMEOUT_S = 300


class Library(Protocol):
    """What the cache needs to know of a chart library."""

    @property
    def name(self) -> str: ...
    @property
    def package(self) -> str: ...
    @property
    def version(self) -> str: ...
    @property
    def file(self) -> str: ...
    @property
    def urls(self) -> tuple[str, ...]: ...


class CachedLibrary(msgspec.Struct, frozen=True, kw_only=True):
    """One library file in the cache, and the CDN URLs it answers."""

    name: str
    package: str
    version: str
    file: str
    path: str
    integrity: str
    urls: tuple[str, ...]


def default_cache_dir() -> Path:
    """``$BENCH_CACHE_DIR``, else ``$XDG_CACHE_HOME/bench-run/libraries`` (``~/.cache``)."""
    if os.environ.get("BENCH_CACHE_DIR"):
        return Path(os.environ["BENCH_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "bench-run" / "libraries"


def read_manifest(cache: Path) -> list[CachedLibrary]:
    """The libraries in the cache (none when it was never filled)."""
    path = cache / MANIFEST
    if not path.exists():
        return []
    return msgspec.json.decode(path.read_bytes(), type=list[CachedLibrary])


def fill_cache(
    libraries: Iterable[Library],
    cache: Path,
    *,
    npm: str = "npm",
    report: Callable[[str], None] = lambda line: None,
) -> list[CachedLibrary]:
    """Put each library's file in ``cache``, fetching with ``npm pack`` what is missing.

    Raises:
        BenchError: npm is missing or fails, or a package lacks the expected file.
    """
    if shutil.which(npm) is None:
        raise BenchError(
            f"{npm!r} is not installed: the chart-library cache is filled with `npm pack`; "
            "install Node.js and npm, then run `bench-run setup` again"
        )
    cache.mkdir(parents=True, exist_ok=True)
    known = {(c.package, c.version, c.file): c for c in read_manifest(cache)}
    cached: list[CachedLibrary] = []
    for library in libraries:
        key = (library.package, library.version, library.file)
        entry = known.get(key)
        if entry is not None and (cache / entry.path).is_file():
            cached.append(msgspec.structs.replace(entry, urls=tuple(library.urls)))
            report(f"{library.name} {library.version}: already cached")
            continue
        cached.append(_fetch(library, cache, npm))
        report(f"{library.name} {library.version}: fetched with npm pack")
    (cache / MANIFEST).write_bytes(msgspec.json.format(msgspec.json.encode(cached)) + b"\n")
    return cached


def _fetch(library: Library, cache: Path, npm: str) -> CachedLibrary:
    spec = f"{library.package}@{library.version}"
    with tempfile.TemporaryDirectory() as folder:
        try:
            done = subprocess.run(
                [npm, "pack", spec, "--json", "--pack-destination", folder],
                capture_output=True,
                text=True,
                timeout=_NPM_TIMEOUT_S,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise BenchError(f"npm pack {spec} took longer than {_NPM_TIMEOUT_S} s") from None
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["no output"])[-1]
            raise BenchError(f"npm pack {spec} failed: {last}")
        info = _pack_info(done.stdout, spec)
        archive = Path(folder) / str(info["filename"])
        member_name = f"package/{library.file}"
        with tarfile.open(archive, "r:gz") as tar:
            # Read the one file by name: nothing from the archive is written anywhere else.
            try:
                member = tar.getmember(member_name)
            except KeyError:
                raise BenchError(f"{spec} has no file {library.file}") from None
            source = tar.extractfile(member)
            if source is None:
                raise BenchError(f"{spec}: {library.file} is not a regular file")
            data = source.read()
    relative = Path(f"{library.package}@{library.version}") / library.file
    target = cache / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return CachedLibrary(
        name=library.name,
        package=library.package,
        version=library.version,
        file=library.file,
        path=relative.as_posix(),
        integrity=str(info.get("integrity", "")),
        urls=tuple(library.urls),
    )


def _pack_info(stdout: str, spec: str) -> dict[str, Any]:
    try:
        parsed = json.loads(stdout)
    except ValueError:
        raise BenchError(f"npm pack {spec} printed no JSON: {stdout[:200]!r}") from None
    if not (isinstance(parsed, list) and parsed and isinstance(parsed[0], dict)):
        raise BenchError(f"npm pack {spec} printed unexpected JSON")
    return parsed[0]
