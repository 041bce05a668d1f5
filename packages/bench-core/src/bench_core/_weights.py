from __future__ import annotations

import enum
from types import MappingProxyType


class Suite(enum.StrEnum):
    """The two suites of the benchmark."""

    TOOLS = "tools"
    CHARTS = "charts"


class Difficulty(enum.StrEnum):
    """How hard a task is; harder tasks weigh more in every total."""

    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"
    EXPERT = "expert"

    @property
    def weight(self) -> float:
        """The multiplier of an item's score and of its maximum in weighted totals."""
        return WEIGHTS[self]

    @property
    def rank(self) -> int:
        """0 for easy up to 3 for expert, for range checks."""
        return _ORDER.index(self)


_ORDER = (Difficulty.EASY, Difficulty.MEDIUM, Difficulty.HARD, Difficulty.EXPERT)

WEIGHTS: MappingProxyType[Difficulty, float] = MappingProxyType(
    {Difficulty.EASY: 1.0, Difficulty.MEDIUM: 1.5, Difficulty.HARD: 2.5, Difficulty.EXPERT: 4.0}
)

# The criteria of each suite and the points each is worth; every score is out of 100.
TOOL_CRITERIA: MappingProxyType[str, float] = MappingProxyType(
    {
        "tool_selection": 25.0,
        "required_params": 25.0,
        "optional_params": 20.0,
        "param_types": 15.0,
        "chain_order": 15.0,
    }
)
CHART_CRITERIA: MappingProxyType[str, float] = MappingProxyType(
    {
        "data_presence": 30.0,
        "code_validity": 20.0,
        "design_tokens": 20.0,
        "chart_type_match": 10.0,
        "design_rules": 10.0,
        "interactivity": 10.0,
    }
)
CRITERIA: MappingProxyType[Suite, MappingProxyType[str, float]] = MappingProxyType(
    {Suite.TOOLS: TOOL_CRITERIA, Suite.CHARTS: CHART_CRITERIA}
)

QUALITY_LEVELS = range(1, 11)
