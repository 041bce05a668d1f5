"""The cached libraries are read once into Playwright's driver, from a server that then stops."""

import asyncio
import urllib.error
import urllib.request
from pathlib import Path

import msgspec
import pytest

from bench_scoring.browser._library_files import LibraryFiles, _serving, preload

from .support import browser_missing

URL = "https://cdn.jsdelivr.net/npm/chart.js@4.4.1/dist/chart.umd.min.js"


def cache(tmp_path: Path) -> LibraryFiles:
    (tmp_path / "chart.js@4.4.1" / "dist").mkdir(parents=True)
    (tmp_path / "chart.js@4.4.1" / "dist" / "chart.umd.js").write_bytes(b"window.Chart = 1;")
    (tmp_path / "outside.js").write_bytes(b"secret")
    manifest = [
        {"package": "chart.js", "version": "4.4.1", "path": "chart.js@4.4.1/dist/chart.umd.js"},
        {"package": "d3", "version": "7.9.0", "path": "../outside.js"},
    ]
    (tmp_path / "manifest.json").write_bytes(msgspec.json.encode(manifest))
    return LibraryFiles(tmp_path)


def test_a_pinned_url_finds_its_file_and_nothing_leaves_the_cache(tmp_path: Path) -> None:
    files = cache(tmp_path / "cache")
    assert files.body(URL) == b"window.Chart = 1;"
    assert files.paths() == [tmp_path / "cache" / "chart.js@4.4.1" / "dist" / "chart.umd.js"]
    assert files.path("https://cdn.jsdelivr.net/npm/d3@7.9.0/dist/d3.min.js") is None
    assert files.path("https://example.com/chart.umd.js") is None


def test_the_server_serves_only_the_listed_files_and_stops(tmp_path: Path) -> None:
    files = cache(tmp_path)
    with _serving(files.paths()) as base:
        assert urllib.request.urlopen(f"{base}/0").read() == b"window.Chart = 1;"
        for path in ("/1", "/../outside.js", "/manifest.json"):
            with pytest.raises(urllib.error.HTTPError):
                urllib.request.urlopen(f"{base}{path}")
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(f"{base}/0", timeout=2)


@pytest.mark.skipif(browser_missing() is not None, reason=str(browser_missing()))
def test_preload_holds_each_file_in_the_driver(tmp_path: Path) -> None:
    from playwright.async_api import async_playwright

    files = cache(tmp_path)

    async def go() -> dict[Path, bytes]:
        async with async_playwright() as playwright:
            request = await playwright.request.new_context()
            loaded = await preload(request, files)
            bodies = {path: await response.body() for path, response in loaded.items()}
            await request.dispose()
            return bodies

    assert asyncio.run(go()) == {files.paths()[0]: b"window.Chart = 1;"}
