"""One sandboxed Chromium that renders charts, each in a fresh context, a few at a time."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

import msgspec

from ._interactions import InteractionCheck, exercise
from ._launch import INSTALL_HINT, BrowserSettings, cache_dir, find_chromium, launch_args
from ._library_files import LibraryFiles, preload
from ._page_scripts import INIT, READ, STILL_CSS
from ._rendered_styles import RenderedStyles

if TYPE_CHECKING:
    from playwright.async_api import (
        APIRequestContext,
        APIResponse,
        Browser,
        BrowserContext,
        ConsoleMessage,
        Dialog,
        Page,
        Playwright,
        Request,
        Route,
    )

CHART_URL = "https://chart.bench.invalid/"
"""Where a chart is loaded from: a made-up origin (never resolved) answered by the route."""
VIEWPORT = {"width": 1100, "height": 800}
_CLOSE_TIMEOUT_S = 5.0
_LOCAL_REFUSED = "Not allowed to load local resource:"


class LibraryInstance(msgspec.Struct, frozen=True, kw_only=True):
    """A chart a library drew, read from the library's own object.

    Attributes:
        library: ``Chart.js``, ``ECharts`` or ``Plotly``.
        types: The chart (or series) types it was given.
        labels: Its category labels.
        series: Its series names.
        values: Its numbers.
    """

    library: str
    types: list[str]
    labels: list[str]
    series: list[str]
    values: list[float]


class Rendering(msgspec.Struct, frozen=True, kw_only=True):
    """What a chart became in the browser.

    Attributes:
        errors: Console errors and uncaught exceptions while loading, in order.
        text: The rendered text (script-drawn and SVG text included), capped.
        svg: The rendered ``<svg>`` markup, capped.
        has_canvas: Whether the page has a ``<canvas>``.
        libraries: The chart-library instances found.
        nodes: How many elements the DOM holds.
        elapsed_s: Time from start to finish, checks included.
        phases: Seconds spent in each phase, for profiling: ``context`` (a fresh context and
            page, the document committed), ``load`` (loaded, settled and read), ``screenshot``,
            ``interactions``, ``close``.
        blocked: The URLs requested and refused.
        served: The chart-library URLs answered from the local cache.
        dialogs: Dialogs (``alert``, ``confirm``…) suppressed.
        popups: Pop-ups refused (``window.open``, ``target=_blank``).
        timed_out: The chart ran past the time limit and its page was closed.
        crashed: The renderer died (out of memory, most often).
        screenshot: Where the PNG was saved, if one was asked for and taken.
        checks: The interactions tried.
        styles: The computed styles read once the chart had loaded (None when the page was
            not read: too large, timed out or crashed first).
    """

    errors: list[str]
    text: str
    svg: str
    has_canvas: bool
    libraries: list[LibraryInstance]
    nodes: int
    elapsed_s: float
    blocked: list[str]
    served: list[str]
    dialogs: int
    popups: int
    timed_out: bool
    crashed: bool
    screenshot: str | None
    checks: list[InteractionCheck]
    styles: RenderedStyles | None = None
    phases: dict[str, float] = {}


class _Visit:
    """What one chart's page did, gathered as it happens."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.blocked: list[str] = []
        self.served: list[str] = []
        self.dialogs = 0
        self.popups = 0
        self.crashed = False
        self.collected: dict[str, Any] = {}
        self.counts: dict[str, int] = {}
        self.checks: list[InteractionCheck] = []
        self.screenshot: str | None = None
        self.phases: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, phase: str) -> None:
        """Record the time since the last lap as ``phase``."""
        now = time.perf_counter()
        self.phases[phase] = round(now - self._last, 4)
        self._last = now


class ChartBrowser:
    """A sandboxed Chromium for rendering charts; use as ``async with ChartBrowser() as b``.

    Every request is refused except the allowed chart libraries' CDN URLs, answered from the
    local cache; dialogs, pop-ups, downloads and navigation away are refused; each chart has a
    time limit (that also ends endless loops) and a heap limit.

    Raises:
        ImportError: Playwright is not installed (with the install hint).
        FileNotFoundError: No Chromium is found.
    """

    def __init__(self, settings: BrowserSettings | None = None) -> None:
        self.settings = settings or BrowserSettings()
        if self.settings.pages < 1:
            raise ValueError("pages must be at least 1")
        self._files = LibraryFiles(cache_dir(self.settings.cache_dir))
        self._pool = asyncio.Semaphore(self.settings.pages)
        self._playwright: Playwright | None = None
        self._browser: Browser | None = None
        self._request: APIRequestContext | None = None
        self._libraries: dict[Path, APIResponse] = {}
        self.version = ""

    async def __aenter__(self) -> Self:
        try:
            from playwright.async_api import async_playwright  # noqa: PLC0415 - the extra
        except ImportError:
            raise ImportError(f"rendering charts needs Playwright: {INSTALL_HINT}") from None
        executable = find_chromium(self.settings.chromium)
        self._playwright = await async_playwright().start()
        try:
            self._browser = await self._playwright.chromium.launch(
                executable_path=executable,
                args=launch_args(self.settings.heap_mb),
                headless=True,
            )
        except BaseException:
            await self._playwright.stop()
            raise
        self.version = self._browser.version
        try:
            self._request = await self._playwright.request.new_context()
            self._libraries = await preload(self._request, self._files)
        except Exception:  # the libraries are then sent from here, chart by chart
            self._libraries = {}
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._request is not None:
            await self._request.dispose()
            self._request = None
            self._libraries = {}
        if self._browser is not None:
            await self._browser.close()
            self._browser = None
        if self._playwright is not None:
            await self._playwright.stop()
            self._playwright = None

    async def render(
        self,
        html: str,
        *,
        screenshot: str | Path | None = None,
        interactions: tuple[str, ...] = (),
    ) -> Rendering:
        """Render one chart document and read what it became.

        Args:
            html: The chart document.
            screenshot: Where to save a PNG of the viewport, cut to the page's content (not
                saved when None).
            interactions: Interactions to try with the mouse (``tooltip``, ``hover``,
                ``legend_toggle``, ``zoom``; others are left to the static check).
        """
        if self._browser is None:
            raise RuntimeError("ChartBrowser is not open: use `async with ChartBrowser()`")
        async with self._pool:
            return await self._render(self._browser, html, screenshot, interactions)

    async def _render(
        self,
        browser: Browser,
        html: str,
        screenshot: str | Path | None,
        interactions: tuple[str, ...],
    ) -> Rendering:
        started = time.perf_counter()
        visit = _Visit()
        timed_out = False
        context = await browser.new_context(
            viewport={"width": VIEWPORT["width"], "height": VIEWPORT["height"]},
            device_scale_factor=1,
            reduced_motion="reduce",
            accept_downloads=False,
            service_workers="block",
            locale="en-US",
            timezone_id="UTC",
        )
        try:
            async with asyncio.timeout(self.settings.timeout_s):
                await self._visit(context, html, visit, screenshot, interactions)
        except TimeoutError:
            timed_out = True
            visit.errors.append(f"the chart took longer than {self.settings.timeout_s:g} s")
        except Exception as error:  # a crashed page, most often: recorded, never raised
            message = str(error).splitlines()[0] if str(error) else type(error).__name__
            if "crash" in message.lower() or "closed" in message.lower():
                visit.crashed = True
            visit.errors.append(f"the browser failed: {message}")
        finally:
            visit.lap("stopped")
            try:
                async with asyncio.timeout(_CLOSE_TIMEOUT_S):
                    await context.close()
            except Exception:  # closing a hung or crashed context: the browser reaps it
                visit.errors.append("the page could not be closed cleanly")
            visit.lap("close")
        collected = visit.collected
        return Rendering(
            errors=visit.errors,
            text=str(collected.get("text", "")),
            svg=str(collected.get("svg", "")),
            has_canvas=bool(collected.get("canvas", False)),
            libraries=msgspec.convert(collected.get("libraries", []), list[LibraryInstance]),
            nodes=int(collected.get("nodes", 0)),
            elapsed_s=round(time.perf_counter() - started, 4),
            blocked=visit.blocked,
            served=visit.served,
            dialogs=visit.dialogs + visit.counts.get("dialogs", 0),
            popups=visit.popups + visit.counts.get("popups", 0),
            timed_out=timed_out,
            crashed=visit.crashed,
            screenshot=visit.screenshot,
            checks=visit.checks,
            styles=msgspec.convert(collected["styles"], RenderedStyles)
            if collected.get("styles")
            else None,
            phases={k: v for k, v in visit.phases.items() if k != "stopped" or v},
        )

    async def _visit(
        self,
        context: BrowserContext,
        html: str,
        visit: _Visit,
        screenshot: str | Path | None,
        interactions: tuple[str, ...],
    ) -> None:
        answer = self._answer(html.encode("utf-8"), visit)

        async def popup(page: Page) -> None:
            visit.popups += 1
            with contextlib.suppress(Exception):  # it may close itself first
                await page.close()

        def page_error(error: Exception) -> None:
            visit.errors.append(f"uncaught {error}".splitlines()[0])

        def crashed(_: Page) -> None:
            visit.crashed = True

        await context.route("**/*", answer)
        await context.add_init_script(INIT)
        page = await context.new_page()
        context.on("page", popup)
        page.on("console", lambda message: _console(message, visit))
        page.on("pageerror", page_error)

        async def dialog(opened: Dialog) -> None:
            await _dismiss(opened, visit)

        page.on("dialog", dialog)
        page.on("crash", crashed)
        budget_ms = self.settings.timeout_s * 1000
        # Wait for the load event in the page itself: a page that tries to navigate away
        # while loading makes Playwright's own wait follow the refused navigation.
        await page.goto(CHART_URL, wait_until="commit", timeout=budget_ms)
        visit.lap("context")
        still = STILL_CSS if screenshot is not None else None
        limits = [self.settings.max_nodes, self.settings.max_text, self.settings.max_styled]
        visit.collected.update(await page.evaluate(READ, [*limits, still]))
        visit.counts = visit.collected.pop("counts", {})
        visit.lap("load")
        if screenshot is not None:
            clip = visit.collected.pop("clip", None)
            await page.screenshot(
                path=str(screenshot), type="png", animations="disabled", clip=clip
            )
            visit.screenshot = str(screenshot)
            visit.lap("screenshot")
        if int(visit.collected.get("nodes", 0)) > self.settings.max_nodes:
            return
        visit.checks += await exercise(page, interactions)
        visit.lap("interactions")

    def _answer(
        self, document: bytes, visit: _Visit
    ) -> Callable[[Route, Request], Coroutine[Any, Any, None]]:
        """The route of one chart: its document, the cached libraries, and nothing else."""
        files = self._files

        async def answer(route: Route, request: Request) -> None:
            url = request.url
            if request.is_navigation_request() and visit.collected.get("loaded"):
                # A 204 answer to a navigation leaves the page where it is: the chart stays.
                visit.blocked.append(url)
                await route.fulfill(status=204, body=b"")
                return
            if url == CHART_URL and request.frame.parent_frame is None:
                visit.collected["loaded"] = True
                kind = "text/html; charset=utf-8"
                await route.fulfill(status=200, body=document, content_type=kind)
                return
            path = files.path(url) if request.method == "GET" else None
            if path is None:
                visit.blocked.append(url)
                await route.abort("blockedbyclient")
                return
            visit.served.append(url)
            headers = {"Access-Control-Allow-Origin": "*"}
            kind = "application/javascript; charset=utf-8"
            loaded = self._libraries.get(path)
            if loaded is not None:
                await route.fulfill(response=loaded, headers=headers, content_type=kind)
            else:
                library = files.body(url) or b""
                await route.fulfill(body=library, headers=headers, content_type=kind)

        return answer


def _console(message: ConsoleMessage, visit: _Visit) -> None:
    if message.type != "error":
        return
    visit.errors.append(message.text[:500])
    if message.text.startswith(_LOCAL_REFUSED):
        # Chromium refuses file: URLs itself, before any route sees them; record them too.
        visit.blocked.append(message.text[len(_LOCAL_REFUSED) :].strip())


async def _dismiss(dialog: Dialog, visit: _Visit) -> None:
    visit.dialogs += 1
    with contextlib.suppress(Exception):  # the page may be closing
        await dialog.dismiss()
