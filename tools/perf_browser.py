"""Throughput of the browser chart check: charts rendered and checked per second, by pool size.

    uv run python tools/perf_browser.py [--rounds 2] [--pools 1 2 3]

Scores every trading reference chart (Chart.js, ECharts, Plotly, Vega-Lite, D3 and plain SVG)
with ``score_chart_rendered``: the static checks, one render in a fresh context with a
screenshot, and the tooltip, hover and legend checks the spec asks for. For each pool size a
browser is started (its start is timed apart), the charts are scored concurrently, and the
peak memory of this process and every process under it (Playwright's driver, Chromium and its
renderers; proportional set size, so shared pages count once) is sampled from /proc. Pool
sizes are interleaved round by round and medians are printed. Target on a 2-core machine: at
least 3 charts per second. The CPU time per chart (browser processes included) is printed too:
on a shared machine it says what two idle cores would sustain (2000 / CPU ms per chart).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import threading
import time
from pathlib import Path

from bench_core import ChartReference, ChartSpec, ChartTask
from bench_domain_trading import domain
from bench_scoring.browser import (
    BrowserSettings,
    ChartBrowser,
    Rendering,
    find_chromium,
    score_chart_rendered,
)

PHASES = ("context", "load", "screenshot", "interactions", "close")


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(parent, []).append(int(entry))
    return tree


def _cpu_s(root: int) -> float:
    """CPU time of ``root`` and its descendants, those already reaped included."""
    tree = _children()
    todo, ticks = [root], 0
    while todo:
        pid = todo.pop()
        todo += tree.get(pid, [])
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += sum(int(fields[i]) for i in (11, 12, 13, 14))  # utime stime cutime cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def _memory_mb(root: int) -> float:
    """Proportional set size of ``root`` and all its descendants, in MB."""
    tree = _children()
    todo, total_kb = [root], 0
    while todo:
        pid = todo.pop()
        todo += tree.get(pid, [])
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total_kb += int(line.split()[1])
                    break
        except OSError:
            continue
    return total_kb / 1024


class PeakMemory:
    """Samples the process tree's memory in a thread until stopped."""

    def __init__(self, every_s: float = 0.1) -> None:
        self.peak = 0.0
        self.cpu_s = 0.0  # the sampling's own CPU time, to leave out of the chart's
        self._every = every_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            started = time.thread_time()
            self.peak = max(self.peak, _memory_mb(os.getpid()))
            self.cpu_s += time.thread_time() - started
            self._stop.wait(self._every)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


class RecordingBrowser(ChartBrowser):
    """A ChartBrowser that keeps every rendering, for its phase timings."""

    def __init__(self, settings: BrowserSettings) -> None:
        super().__init__(settings)
        self.renderings: list[Rendering] = []

    async def render(
        self,
        html: str,
        *,
        screenshot: str | Path | None = None,
        interactions: tuple[str, ...] = (),
    ) -> Rendering:
        rendering = await super().render(html, screenshot=screenshot, interactions=interactions)
        self.renderings.append(rendering)
        return rendering


def charts() -> list[tuple[str, str, ChartSpec]]:
    trading = domain()
    found = []
    for task in trading.tasks():
        reference = trading.reference(task.id)
        if isinstance(task, ChartTask) and isinstance(reference, ChartReference):
            found.append((task.id, reference.html, task.spec))
    return found


async def batch(
    pages: int, work: list[tuple[str, str, ChartSpec]], folder: Path, chromium: str | None = None
) -> dict[str, float]:
    with PeakMemory() as memory:
        started = time.perf_counter()
        settings = BrowserSettings(pages=pages, chromium=chromium)
        async with RecordingBrowser(settings) as browser:
            ready = time.perf_counter()
            cpu_before = _cpu_s(os.getpid()) - memory.cpu_s
            scores = await asyncio.gather(
                *(
                    score_chart_rendered(html, spec, browser, screenshot=str(folder / f"{cid}.png"))
                    for cid, html, spec in work
                )
            )
            done = time.perf_counter()
            cpu = _cpu_s(os.getpid()) - memory.cpu_s - cpu_before
    rendered = sum(any(n.startswith("rendered in Chromium") for n in s.notes) for s in scores)
    phases = {
        f"ms {phase}": 1000 * sum(r.phases.get(phase, 0.0) for r in browser.renderings) / len(work)
        for phase in PHASES
    }
    return {
        **phases,
        "start_s": ready - started,
        "charts_per_s": len(work) / (done - ready),
        "cpu_ms_per_chart": 1000 * cpu / len(work),
        "peak_mb": memory.peak,
        "rendered": rendered,
        "perfect": sum(s.total == 100 for s in scores),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--pools", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument(
        "--chromium",
        nargs="+",
        default=[None],
        help="Chromium executables to compare (default: the one find_chromium picks)",
    )
    options = parser.parse_args()
    work = charts()
    start_load = os.getloadavg()[0]
    setups = [(pool, chromium) for chromium in options.chromium for pool in options.pools]
    results: dict[tuple[int, str | None], list[dict[str, float]]] = {s: [] for s in setups}
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(options.rounds):
            for pool, chromium in setups:
                run = asyncio.run(batch(pool, work, Path(folder), chromium))
                results[(pool, chromium)].append(run)
    print(f"{len(work)} reference charts, {options.rounds} interleaved rounds, medians:")
    load = os.getloadavg()[0]
    print(f"load average before: {start_load:.1f}, after: {load:.1f} on {os.cpu_count()} cores")
    print(
        "pool  charts/s  CPU ms/chart  browser start s  peak MB (tree)  rendered  scored 100"
        "  chromium"
    )
    for (pool, chromium), runs in results.items():
        median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
        print(
            f"{pool:>4}  {median['charts_per_s']:>8.2f}  {median['cpu_ms_per_chart']:>12.0f}  "
            f"{median['start_s']:>15.2f}  "
            f"{median['peak_mb']:>14.0f}  {median['rendered']:>8.0f}  {median['perfect']:>10.0f}"
            f"  {chromium or find_chromium()}"
        )
        spent = "  ".join(f"{p} {median[f'ms {p}']:.0f}" for p in PHASES)
        print(f"      wall ms per chart by phase (summed over concurrent charts): {spent}")


if __name__ == "__main__":
    main()
