"""One tool item, scored from its transcript: the five criteria and the outcome."""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

import msgspec

from bench_core import (
    TOOL_CRITERIA,
    Effect,
    OutcomeResult,
    ToolReference,
    ToolTask,
    Transcript,
)

from ._outcome import check_outcome
from ._tool_score import Deduction, ToolCallScore, score_tool_calls

FAILED_OUTCOME_CAP = 75.0
"""The most a tool item scores when the job was not done: right-looking calls with a wrong
or missing answer must rank below every right solution (which scores at least 95)."""


class ItemScore(msgspec.Struct, frozen=True, kw_only=True):
    """A tool item's score and whether it did the job.

    Attributes:
        score: The five criteria, capped at ``FAILED_OUTCOME_CAP`` where the job was not
            done; every lost point has its reason.
        outcome: The end state and the answer facts, with what the model spent against the
            reference.
    """

    score: ToolCallScore
    outcome: OutcomeResult


def score_item(
    task: ToolTask,
    transcript: Transcript,
    effects: Sequence[Effect],
    *,
    tools: Iterable[Mapping[str, Any]],
    writes: Collection[str],
    reference: ToolReference | None = None,
) -> ItemScore:
    """Score a tool item from its conversation and the simulator's effects.

    The job is done where the outcome holds and, for a task that expects calls, at least one
    call succeeded. The calls are scored as the outcome model reads them: read-only lookups are
    free, a successful write that no expected call covers scores 0, a failed call satisfies only an
    expected failure, the best of the task's right ways counts, and a date-time is taken
    where a date is asked for.

    Args:
        task: The tool task.
        transcript: What the conversation produced.
        effects: The changes the model's writes made in the simulator.
        tools: The tool schemas offered to the model.
        writes: The domain's tools that change state.
        reference: The task's reference solution, to report the efficiency against.
    """
    score = score_tool_calls(
        tools=tools,
        expected=task.expected,
        calls=transcript.calls,
        order=task.order,
        allowed=task.allowed,
        forbidden=task.forbidden,
        writes=writes,
        alternatives=task.alternatives,
        free_lookups=True,
        strict_writes=True,
        date_times=True,
    )
    # A model cannot know the data without reading it: a task that expects calls is not done
    # by an answer that no successful call stands behind, however plausible.
    founded = not task.expected or any(not call.error for call in transcript.calls)
    outcome = check_outcome(
        task.outcome, effects, transcript.answer, finished=transcript.finished, founded=founded
    )
    outcome = msgspec.structs.replace(
        outcome,
        calls=len(transcript.calls),
        turns=transcript.turns,
        reference_calls=sum(len(t) for t in reference.turns) if reference else None,
        reference_turns=len(reference.turns) + 1 if reference else None,
    )
    if not outcome.success and score.total > FAILED_OUTCOME_CAP:
        score = _capped(score, outcome)
    return ItemScore(score=score, outcome=outcome)


def _capped(score: ToolCallScore, outcome: OutcomeResult) -> ToolCallScore:
    """Every criterion scaled down so that the total is the cap, the loss explained once per
    criterion."""
    scale = FAILED_OUTCOME_CAP / score.total
    why = "; ".join(outcome.reasons) or "the conversation ended before an answer"
    message = f"the job was not done ({why}): the score is capped at {FAILED_OUTCOME_CAP:g}"
    criteria: dict[str, float] = {}
    added: list[Deduction] = []
    for name in TOOL_CRITERIA:
        kept = math.floor(score.criteria[name] * scale * 1e4) / 1e4  # never above the cap
        if score.criteria[name] - kept > 0:
            added.append(
                Deduction(
                    criterion=name, points=round(score.criteria[name] - kept, 4), message=message
                )
            )
        criteria[name] = kept
    return msgspec.structs.replace(
        score,
        total=round(sum(criteria.values()), 4),
        criteria=criteria,
        deductions=[*score.deductions, *added],
        reasons=[*score.reasons, *(str(d) for d in added)],
    )
