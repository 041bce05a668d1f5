"""The chart libraries a chart may load from a public CDN, pinned to one version each.

The chart prompt allows these and no others; the browser check answers requests for them from a
local cache filled with ``npm pack``, and blocks every other request. A library is recognised
by its URL on jsdelivr, unpkg or cdnjs (and the project's own CDN where it has one), pinned or
written with only its major or minor version, with or without the file path.
"""

from __future__ import annotations

import re

import msgspec


class ChartLibrary(msgspec.Struct, frozen=True, kw_only=True):
    """One allowed chart library.

    Attributes:
        name: The library's usual name (``Chart.js``).
        package: The npm package that ships it.
        version: The pinned version.
        file: The browser build inside the package, the file the cache serves.
        urls: The CDN URLs of that build (jsdelivr, unpkg, cdnjs forms) that a chart may load.
    """

    name: str
    package: str
    version: str
    file: str
    urls: tuple[str, ...]

    def matches(self, url: str) -> bool:
        """Whether ``url`` loads this library's pinned build (any listed or shortened form)."""
        return _normalise(url) in _aliases(self)


def _library(
    name: str, package: str, version: str, file: str, cdnjs: str, *extra: str
) -> ChartLibrary:
    base = file.rsplit("/", 1)[-1]
    urls = (
        f"https://cdn.jsdelivr.net/npm/{package}@{version}/{file}",
        f"https://unpkg.com/{package}@{version}/{file}",
        f"https://cdnjs.cloudflare.com/ajax/libs/{cdnjs}/{version}/{base}",
        *extra,
    )
    if not base.endswith(".min.js"):
        # jsdelivr and cdnjs also serve a minified copy of a file that has none in the package.
        minified = base[: -len(".js")] + ".min.js"
        urls += (
            f"https://cdn.jsdelivr.net/npm/{package}@{version}/{file[: -len(base)]}{minified}",
            f"https://cdnjs.cloudflare.com/ajax/libs/{cdnjs}/{version}/{minified}",
        )
    return ChartLibrary(name=name, package=package, version=version, file=file, urls=urls)


CHART_LIBRARIES: tuple[ChartLibrary, ...] = (
    _library("Chart.js", "chart.js", "4.4.1", "dist/chart.umd.js", "Chart.js"),
    _library(
        "D3",
        "d3",
        "7.9.0",
        "dist/d3.min.js",
        "d3",
        "https://d3js.org/d3.v7.min.js",
        "https://d3js.org/d3.v7.js",
    ),
    _library("ECharts", "echarts", "5.5.0", "dist/echarts.min.js", "echarts"),
    _library(
        "Plotly",
        "plotly.js-dist-min",
        "2.35.2",
        "plotly.min.js",
        "plotly.js",
        "https://cdn.plot.ly/plotly-2.35.2.min.js",
    ),
    _library("Vega", "vega", "5.30.0", "build/vega.min.js", "vega"),
    _library("Vega-Lite", "vega-lite", "5.21.0", "build/vega-lite.min.js", "vega-lite"),
    _library("Vega-Embed", "vega-embed", "6.26.0", "build/vega-embed.min.js", "vega-embed"),
)
"""The allowed chart libraries, in the order the chart prompt names them."""

_SCHEME = re.compile(r"^(?:https?:)?//", re.IGNORECASE)
_ALIASES: dict[str, frozenset[str]] = {}


def _normalise(url: str) -> str:
    url = url.strip().split("#", 1)[0].split("?", 1)[0]
    return _SCHEME.sub("", url).rstrip("/").lower()


def _aliases(library: ChartLibrary) -> frozenset[str]:
    known = _ALIASES.get(library.package)
    if known is None:
        known = frozenset(_normalise(url) for url in _alias_urls(library))
        _ALIASES[library.package] = known
    return known


def _alias_urls(library: ChartLibrary) -> list[str]:
    major, minor, _ = library.version.split(".")
    versions = ("", f"@{major}", f"@{major}.{minor}", f"@{library.version}")
    files = {"", f"/{library.file}"}
    files |= {f"/{url.split(f'@{library.version}/', 1)[1]}" for url in library.urls if "@" in url}
    aliases = list(library.urls)
    for host in ("cdn.jsdelivr.net/npm/", "unpkg.com/"):
        aliases += [f"{host}{library.package}{v}{f}" for v in versions for f in files]
    return aliases


def library_for_url(url: str) -> ChartLibrary | None:
    """The allowed library that ``url`` loads, if it loads one."""
    for library in CHART_LIBRARIES:
        if library.matches(url):
            return library
    return None
