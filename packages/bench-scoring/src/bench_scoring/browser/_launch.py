"""Finding and starting the Chromium that renders charts."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import msgspec

INSTALL_HINT = "pip install 'bench-scoring[browser]'"
# The headless shell first: the full browser builds a tab, a window and a profile's services for
# every context, which here cost about three times the CPU per chart (tools/perf_browser.py).
_CANDIDATES = (
    "chromium-headless-shell",
    "chrome-headless-shell",
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
)
# Chromium keeps calling home (updates, sync, field trials) unless told not to, and a GPU
# process is of no use to a headless renderer on a shared 2-core machine.
_QUIET_FLAGS = (
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-breakpad",
    "--mute-audio",
    # No name resolves: a request that slipped past the route could still reach no host.
    "--host-resolver-rules=MAP * ~NOTFOUND",
)


class BrowserSettings(msgspec.Struct, frozen=True, kw_only=True):
    """How charts are rendered.

    Attributes:
        chromium: The Chromium executable; None: ``$BENCH_CHROMIUM``, else the first of
            ``chromium-headless-shell`` (Debian's package of that name), ``chromium``,
            ``chromium-browser``, ``google-chrome`` on the PATH.
        pages: How many charts render at once (one context and one page each); three keep
            two cores busy through the frames a chart waits for (tools/perf_browser.py).
        timeout_s: The time one chart may take, loading and checks included; a page that is
            still busy then (``while(true){}``) is closed.
        heap_mb: The JavaScript heap limit of each renderer.
        max_nodes: Past this many elements the DOM is not read (a chart needs far fewer).
        max_text: Characters of rendered text and SVG markup kept.
        max_styled: Visible elements whose computed styles are read, at most.
        cache_dir: The chart-library cache (``bench-run setup``); None: ``$BENCH_CACHE_DIR``,
            else ``$XDG_CACHE_HOME/bench-run/libraries``.
    """

    chromium: str | None = None
    pages: int = 3
    timeout_s: float = 10.0
    heap_mb: int = 256
    max_nodes: int = 50_000
    max_text: int = 500_000
    max_styled: int = 5_000
    cache_dir: str | None = None


def find_chromium(configured: str | None = None) -> str:
    """The Chromium executable to drive.

    Raises:
        FileNotFoundError: None is configured, installed or on the PATH.
    """
    chosen = configured or os.environ.get("BENCH_CHROMIUM")
    if chosen:
        if not Path(chosen).is_file():
            raise FileNotFoundError(f"Chromium not found at {chosen}")
        return chosen
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    raise FileNotFoundError(
        "no Chromium found: install one (`apt-get install -y chromium-headless-shell`, or "
        "`chromium`) or set BENCH_CHROMIUM"
    )


def launch_args(heap_mb: int) -> list[str]:
    """The command-line flags of the rendering Chromium."""
    args = [*_QUIET_FLAGS, f"--js-flags=--max-old-space-size={heap_mb}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Chromium refuses to start its own sandbox as root; the page sandbox here is the
        # route that blocks every request, and the per-chart time and memory limits.
        args.append("--no-sandbox")
    return args


def cache_dir(configured: str | None = None) -> Path:
    """The chart-library cache: the same folder ``bench-run setup`` fills."""
    if configured:
        return Path(configured)
    if os.environ.get("BENCH_CACHE_DIR"):
        return Path(os.environ["BENCH_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "bench-run" / "libraries"
