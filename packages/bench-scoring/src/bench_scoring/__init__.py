"""Bencher's scorers: pure functions from an expectation and a model's output to a score."""

from importlib.metadata import version as _version

from ._answer_facts import states_fact
from ._chart_document import extract_chart
from ._chart_score import ChartScore, score_chart
from ._item_score import FAILED_OUTCOME_CAP, ItemScore, score_item
from ._libraries import CHART_LIBRARIES, ChartLibrary
from ._outcome import check_outcome
from ._schema import type_problem
from ._tool_score import Deduction, ToolCallScore, score_tool_calls
from ._values import as_matcher, match_value, parse_moment

__version__ = _version("bench-scoring")

__all__ = [
    "CHART_LIBRARIES",
    "FAILED_OUTCOME_CAP",
    "ChartLibrary",
    "ChartScore",
    "Deduction",
    "ItemScore",
    "ToolCallScore",
    "__version__",
    "as_matcher",
    "check_outcome",
    "extract_chart",
    "match_value",
    "parse_moment",
    "score_chart",
    "score_item",
    "score_tool_calls",
    "states_fact",
    "type_problem",
]
