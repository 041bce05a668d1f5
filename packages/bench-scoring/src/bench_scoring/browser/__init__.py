"""Charts rendered and checked in a sandboxed Chromium (extra ``browser``: Playwright)."""

from ._chart_browser import CHART_URL, ChartBrowser, LibraryInstance, Rendering
from ._interactions import InteractionCheck
from ._launch import BrowserSettings, find_chromium
from ._rendered_score import score_chart_rendered
from ._rendered_styles import RenderedStyles

__all__ = [
    "CHART_URL",
    "BrowserSettings",
    "ChartBrowser",
    "InteractionCheck",
    "LibraryInstance",
    "RenderedStyles",
    "Rendering",
    "find_chromium",
    "score_chart_rendered",
]
