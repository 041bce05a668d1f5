"""The shell of a self-contained report page: Plotly inlined once, data as one JSON blob,
and a Content-Security-Policy that lets the page make no request at all."""

from __future__ import annotations

import base64
import functools
import hashlib
import importlib.resources
import importlib.util
from html import escape
from pathlib import Path
from typing import Any

import msgspec

# Characters that would let text inside a <script> element end it (``</script>``), open a
# comment state (``<!--``), or end a JavaScript string in old parsers (U+2028/2029). In JSON
# they only ever occur inside strings, where the \u escapes mean the same characters.
_SCRIPT_UNSAFE = {
    b"<": b"\\u003c",
    b">": b"\\u003e",
    b"&": b"\\u0026",
    "\u2028".encode(): b"\\u2028",
    "\u2029".encode(): b"\\u2029",
}
_encode = msgspec.json.Encoder().encode


def script_json(data: Any) -> str:
    """``data`` as JSON that is safe to place between ``<script>`` and ``</script>``."""
    encoded = _encode(data)
    for unsafe, safe in _SCRIPT_UNSAFE.items():
        encoded = encoded.replace(unsafe, safe)
    return encoded.decode()


@functools.cache
def plotly_js() -> str:
    """plotly.js as the ``plotly`` Python package ships it (no network, no npm).

    Found without importing ``plotly``: its ``__init__`` costs ~45 ms that a report does not
    need.
    """
    spec = importlib.util.find_spec("plotly")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("the HTML report needs plotly: pip install plotly")
    path = Path(next(iter(spec.submodule_search_locations))) / "package_data" / "plotly.min.js"
    return path.read_text(encoding="utf-8")


@functools.cache
def _asset(name: str) -> str:
    return (importlib.resources.files(__package__) / name).read_text(encoding="utf-8")


@functools.cache  # plotly.js is 4.8 MB: hashed once per process
def _hash(script: str) -> str:
    digest = hashlib.sha256(script.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def content_security_policy(scripts: list[str]) -> str:
    """Nothing may load from anywhere; only these exact inline scripts run (by hash), inline
    styles apply (Plotly sets them), and images come from data: URIs."""
    hashes = " ".join(_hash(script) for script in scripts)
    return (
        "default-src 'none'; "
        f"script-src {hashes}; "
        "style-src 'unsafe-inline'; "
        "img-src data:; "
        "font-src 'none'; connect-src 'none'; frame-src 'none'; worker-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )


def render_page(*, title: str, body: str, data: Any) -> str:
    """The whole document: ``body`` is trusted markup built with :func:`escape`; ``data`` is
    read by the page's script (figures, items), never parsed as markup."""
    app = _asset("report.js")
    scripts = [plotly_js(), app]
    return "".join(
        [
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
            '<meta http-equiv="Content-Security-Policy" content="',
            escape(content_security_policy(scripts)),
            '">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            '<meta name="referrer" content="no-referrer">\n',
            f"<title>{escape(title)}</title>\n<style>\n{_asset('report.css')}</style>\n",
            "</head>\n<body>\n",
            body,
            '\n<script type="application/json" id="bench-data">',
            script_json(data),
            "</script>\n<script>",
            plotly_js(),
            "</script>\n<script>",
            app,
            "</script>\n</body>\n</html>\n",
        ]
    )
