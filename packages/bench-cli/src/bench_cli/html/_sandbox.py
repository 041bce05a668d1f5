"""The page the report links to for each chart: the model's document in a sandbox.

A chart is the model's code. Opened as it is, from a link, it would run with the network and
the rights of a local page. The report links instead to a wrapper that shows it in an
``<iframe sandbox="allow-scripts" srcdoc=...>``: its scripts run (a chart needs them), in an
opaque origin with no access to the wrapper, the report or other files, no pop-ups, forms or
navigation of the top page. The wrapper's Content-Security-Policy, which a ``srcdoc`` document
inherits, allows no request at all: no script, style, image, font or frame from anywhere, no
``fetch``, no navigation of the frame to another address.

A chart that loads an allowed library from a CDN gets it as the renderer does, from the local
cache (``bench-run setup``): an opaque frame may load no file, so the wrapper's own script
writes the library into the chart's document, from one ``libraries.js`` that the wrappers of
a report share.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from html import escape
from pathlib import Path

from bench_scoring import CHART_LIBRARIES

from .._library_cache import read_manifest

SANDBOX = "allow-scripts"
"""The iframe's sandbox: scripts only (never ``allow-same-origin``, popups, forms, top
navigation)."""

CSP = (
    "default-src 'none'; script-src 'unsafe-inline' file:; style-src 'unsafe-inline'; "
    "img-src data: blob:; font-src data:; media-src data: blob:; form-action 'none'; "
    "base-uri 'none'"
)
"""No network: inline scripts and styles, ``data:`` images, and local files for the shared
``libraries.js`` (which the opaque frame itself is refused); the chart inherits it."""

LIBRARIES_FILE = "libraries.js"

# A script element that loads a file, with nothing inside it.
_SCRIPT_SRC = re.compile(
    r"""<script\b[^>]*?\bsrc\s*=\s*(["']?)([^"'\s>]+)\1[^>]*>\s*</script\s*>""", re.IGNORECASE
)
_PLACEHOLDER = '<script data-bench-library="{}"></script>'
_CLOSE_SCRIPT = re.compile(r"</(script)", re.IGNORECASE)
# Run by the wrapper: the chart's document, with each library written into it, in the frame.
_FILL = (
    "(function () {"
    " var chart = JSON.parse(document.getElementById('chart').textContent);"
    " var libraries = window.BENCH_LIBRARIES || {};"
    ' chart = chart.replace(/<script data-bench-library="([^"]+)"><\\/script>/g,'
    " function (tag, key) { return key in libraries ?"
    " '<script>' + libraries[key] + '<\\/script>' : tag; });"
    " document.querySelector('iframe').srcdoc = chart;"
    " })();"
)


class LocalLibraries:
    """The chart libraries in the local cache, found by the CDN URLs a chart loads them from.

    Args:
        cache: The cache folder that ``bench-run setup`` filled.
    """

    def __init__(self, cache: Path) -> None:
        self._paths: dict[str, Path] = {}
        try:
            entries = read_manifest(cache)
        except (OSError, ValueError):
            entries = []
        root = cache.resolve()
        for entry in entries:
            path = (cache / entry.path).resolve()
            if path.is_relative_to(root) and path.is_file():
                self._paths[f"{entry.package}@{entry.version}"] = path

    def key(self, url: str) -> str | None:
        """The cached library that ``url`` loads (``package@version``), or None."""
        for library in CHART_LIBRARIES:
            key = f"{library.package}@{library.version}"
            if key in self._paths and library.matches(url):
                return key
        return None

    def with_placeholders(self, chart_html: str) -> tuple[str, set[str]]:
        """``chart_html`` with each script that loads a cached library replaced by a mark the
        wrapper fills in, and the libraries it needs."""
        used: set[str] = set()

        def mark(match: re.Match[str]) -> str:
            key = self.key(match.group(2))
            if key is None:
                return match.group(0)
            used.add(key)
            return _PLACEHOLDER.format(key)

        return _SCRIPT_SRC.sub(mark, chart_html), used

    def script(self, keys: Iterable[str]) -> str:
        """``libraries.js``: the sources of ``keys``, each safe to write inside a script."""
        sources = {
            key: _CLOSE_SCRIPT.sub(r"<\\/\1", self._paths[key].read_text("utf-8", "replace"))
            for key in sorted(keys)
        }
        return f"window.BENCH_LIBRARIES = {json.dumps(sources)};\n"


def sandbox_folder(html_path: Path) -> Path:
    """Where the wrappers of a report's charts go: ``{page stem}_sandboxed`` beside it."""
    return html_path.parent / f"{html_path.stem}_sandboxed"


def sandbox_path(html_path: Path, chart: Path) -> Path:
    """The wrapper page of ``chart`` for the report written at ``html_path``."""
    return sandbox_folder(html_path) / chart.name


def sandboxed_page(chart_html: str, title: str, *, libraries: bool = False) -> str:
    """The wrapper page that shows ``chart_html`` in a sandboxed frame with no network.

    Args:
        chart_html: The model's document (with library marks, see `LocalLibraries`).
        title: What the page is called.
        libraries: The document has library marks: the wrapper fills them from the shared
            ``libraries.js`` before it gives the document to the frame.
    """
    if libraries:
        data = json.dumps(chart_html).replace("<", "\\u003c")
        frame = (
            f'<iframe sandbox="{SANDBOX}" referrerpolicy="no-referrer" '
            f'title="{escape(title)}"></iframe>\n'
            f'<script type="application/json" id="chart">{data}</script>\n'
            f'<script src="{LIBRARIES_FILE}"></script>\n'
            f"<script>{_FILL}</script>\n"
        )
    else:
        frame = (
            f'<iframe sandbox="{SANDBOX}" referrerpolicy="no-referrer" title="{escape(title)}" '
            f'srcdoc="{escape(chart_html, quote=True)}"></iframe>\n'
        )
    return (
        "<!doctype html>\n"
        '<html lang="en"><head><meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{escape(title)} (sandboxed)</title>\n"
        "<style>body{margin:0;font:13px system-ui,sans-serif;color:#333}"
        "p{margin:6px 10px}iframe{display:block;border:0;width:100vw;"
        "height:calc(100vh - 32px)}</style>\n"
        "</head><body>\n"
        f"<p><b>{escape(title)}</b>: the model's chart, run in a sandbox with no network and no "
        "access to your files; the chart libraries it loads come from the local cache.</p>\n"
        f"{frame}"
        "</body></html>\n"
    )
