"""Bencher's judges: an LLM judge of tool episodes and chart documents, and a visual judge of
rendered charts; each verdict gives its reason before its score and records the judge model
and the prompt version."""

from importlib.metadata import version as _version

from ._llm_judge import judge_item
from ._prompts import MAX_HTML_CHARS, MAX_TRAJECTORY_CHARS, PROMPT_VERSION
from ._verdicts import ChartVerdict, ToolVerdict, VerdictError, VisualVerdict, parse_verdict
from ._visual_judge import NO_IMAGE_NOTE, judge_chart_visually

__version__ = _version("bench-judge")

__all__ = [
    "MAX_HTML_CHARS",
    "MAX_TRAJECTORY_CHARS",
    "NO_IMAGE_NOTE",
    "PROMPT_VERSION",
    "ChartVerdict",
    "ToolVerdict",
    "VerdictError",
    "VisualVerdict",
    "__version__",
    "judge_chart_visually",
    "judge_item",
    "parse_verdict",
]
