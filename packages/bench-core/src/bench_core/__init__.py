"""Bencher's core: records, task model, selection, JSONL store, aggregation, domain registry."""

from importlib.metadata import version as _version

from ._aggregate import (
    RESAMPLES,
    Difference,
    QualityCurve,
    Score,
    SuccessRates,
    Summary,
    paired_difference,
    pass_k,
    quality_curve,
    score,
    success_points,
    success_rates,
    summarize,
    weighted_percentage,
)
from ._domain import Domain, Simulator
from ._errors import BenchError
from ._matchers import ArgMatcher, MatchKind
from ._outcome import AnswerFact, Effect, ExpectedEffect, Outcome, OutcomeResult
from ._records import SCHEMA_VERSION, ItemResult, JudgeResult, RunHeader, RunLine, Status, Usage
from ._registry import ENTRY_POINT_GROUP, DomainEntry, Registry
from ._selection import Selection, select_items, task_set_fingerprint
from ._store import ResumePlan, Run, Store, plan_resume, read_run, repair_torn_tail
from ._tasks import (
    CallSet,
    ChartReference,
    ChartSpec,
    ChartTask,
    DesignTokens,
    ExpectedCall,
    Item,
    Task,
    ToolCall,
    ToolReference,
    ToolTask,
)
from ._transcript import Transcript, TranscriptCall, is_error_result
from ._weights import (
    CHART_CRITERIA,
    CRITERIA,
    QUALITY_LEVELS,
    TOOL_CRITERIA,
    WEIGHTS,
    Difficulty,
    Suite,
)

__version__ = _version("bench-core")

__all__ = [
    "CHART_CRITERIA",
    "CRITERIA",
    "ENTRY_POINT_GROUP",
    "QUALITY_LEVELS",
    "RESAMPLES",
    "SCHEMA_VERSION",
    "TOOL_CRITERIA",
    "WEIGHTS",
    "AnswerFact",
    "ArgMatcher",
    "BenchError",
    "CallSet",
    "ChartReference",
    "ChartSpec",
    "ChartTask",
    "DesignTokens",
    "Difference",
    "Difficulty",
    "Domain",
    "DomainEntry",
    "Effect",
    "ExpectedCall",
    "ExpectedEffect",
    "Item",
    "ItemResult",
    "JudgeResult",
    "MatchKind",
    "Outcome",
    "OutcomeResult",
    "QualityCurve",
    "Registry",
    "ResumePlan",
    "Run",
    "RunHeader",
    "RunLine",
    "Score",
    "Selection",
    "Simulator",
    "Status",
    "Store",
    "SuccessRates",
    "Suite",
    "Summary",
    "Task",
    "ToolCall",
    "ToolReference",
    "ToolTask",
    "Transcript",
    "TranscriptCall",
    "Usage",
    "__version__",
    "is_error_result",
    "paired_difference",
    "pass_k",
    "plan_resume",
    "quality_curve",
    "read_run",
    "repair_torn_tail",
    "score",
    "select_items",
    "success_points",
    "success_rates",
    "summarize",
    "task_set_fingerprint",
    "weighted_percentage",
]
