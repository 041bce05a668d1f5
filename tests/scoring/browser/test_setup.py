"""What runs without a browser: the public API, finding Chromium, the install hint."""

import asyncio
import sys
from pathlib import Path

import pytest

import bench_scoring.browser as browser_api
from bench_scoring.browser import BrowserSettings, ChartBrowser, find_chromium


def _isort_order(name: str) -> tuple[int, str]:
    # Ruff's RUF022 order: constants, then classes, then functions.
    return (0 if name.isupper() else 1 if name[:1].isupper() else 2, name)


def test_all_is_sorted_and_complete() -> None:
    assert browser_api.__all__ == sorted(browser_api.__all__, key=_isort_order)
    public = {name for name in vars(browser_api) if not name.startswith("_")}
    assert public == set(browser_api.__all__)


def test_bench_chromium_is_used_when_set(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake = tmp_path / "chrome"
    fake.write_text("")
    monkeypatch.setenv("BENCH_CHROMIUM", str(fake))
    assert find_chromium() == str(fake)
    assert find_chromium(str(fake)) == str(fake)


def test_a_missing_chromium_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("BENCH_CHROMIUM", str(tmp_path / "absent"))
    with pytest.raises(FileNotFoundError, match="absent"):
        find_chromium()
    monkeypatch.delenv("BENCH_CHROMIUM")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(FileNotFoundError, match="BENCH_CHROMIUM"):
        find_chromium()


def test_missing_playwright_gives_the_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "playwright.async_api", None)
    with pytest.raises(ImportError, match=r"pip install 'bench-scoring\[browser\]'"):
        asyncio.run(ChartBrowser().__aenter__())


def test_a_pool_of_no_pages_is_refused() -> None:
    with pytest.raises(ValueError, match="pages"):
        ChartBrowser(BrowserSettings(pages=0))


def test_the_headless_shell_is_preferred_to_the_full_browser(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("BENCH_CHROMIUM", raising=False)
    for name in ("chromium", "chromium-headless-shell"):
        fake = tmp_path / name
        fake.write_text("#!/bin/sh\n")
        fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert find_chromium() == str(tmp_path / "chromium-headless-shell")
    (tmp_path / "chromium-headless-shell").unlink()
    assert find_chromium() == str(tmp_path / "chromium")
