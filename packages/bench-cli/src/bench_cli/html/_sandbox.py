"""The page the report links to for each chart: the model's document in a sandbox.

A chart is the model's code. Opened as it is, from a link, it would run with the network and
the rights of a local page. The report links instead to a wrapper that shows it in an
``<iframe sandbox="allow-scripts" srcdoc=...>``: its scripts run (a chart needs them), in an
opaque origin with no access to the wrapper, the report or other files, no pop-ups, forms or
navigation of the top page. The wrapper's Content-Security-Policy, which a ``srcdoc`` document
inherits, allows no request at all: no script, style, image, font or frame from anywhere, no
``fetch``, no navigation of the frame to another address.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

SANDBOX = "allow-scripts"
"""The iframe's sandbox: scripts only (never ``allow-same-origin``, popups, forms, top
navigation)."""

CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data: blob:; font-src data:; media-src data: blob:; form-action 'none'; "
    "base-uri 'none'"
)
"""No network: inline scripts and styles and ``data:`` images only; the chart inherits it."""


def sandbox_folder(html_path: Path) -> Path:
    """Where the wrappers of a report's charts go: ``{page stem}_sandboxed`` beside it."""
    return html_path.parent / f"{html_path.stem}_sandboxed"


def sandbox_path(html_path: Path, chart: Path) -> Path:
    """The wrapper page of ``chart`` for the report written at ``html_path``."""
    return sandbox_folder(html_path) / chart.name


def sandboxed_page(chart_html: str, title: str) -> str:
    """The wrapper page that shows ``chart_html`` in a sandboxed frame with no network."""
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
        "access to your files. Libraries it loads from a CDN are not fetched here; the report's "
        "screenshot shows it as the renderer drew it.</p>\n"
        f'<iframe sandbox="{SANDBOX}" referrerpolicy="no-referrer" title="{escape(title)}" '
        f'srcdoc="{escape(chart_html, quote=True)}"></iframe>\n'
        "</body></html>\n"
    )
