"""The domain's 22 chart tasks and their reference charts, built from the fixtures.

A task hands the model its data as CSV or JSON (the runner appends it after the prompt) and
states the chart type, the design tokens, the rules and the interactions in every one of its
ten prompts. Its reference chart is a document a front-end engineer would write: a template
under ``charts/`` filled with the same data, or an SVG rendered on the server.
"""

from __future__ import annotations

from ._chart_inputs import ChartData
from ._chart_task import ChartSolved
from ._charts_easy import easy_charts
from ._charts_expert import expert_charts
from ._charts_hard import hard_charts
from ._charts_medium import medium_charts
from ._fixtures import Fixtures


def build_charts(fixtures: Fixtures) -> list[ChartSolved]:
    """Every chart task with its reference, in id order: C_E01-C_E05 … C_X01-C_X05."""
    data = ChartData(fixtures)
    return [*easy_charts(data), *medium_charts(data), *hard_charts(data), *expert_charts(data)]
