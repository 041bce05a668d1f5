"""The self-contained HTML reports: one run, or a comparison of runs (Plotly inlined)."""

from ._compare_report import render_compare_html
from ._run_report import (
    PromptLookup,
    html_report_path,
    installed_prompts,
    render_run_html,
    write_run_html,
)

__all__ = [
    "PromptLookup",
    "html_report_path",
    "installed_prompts",
    "render_compare_html",
    "render_run_html",
    "write_run_html",
]
