"""Was the job done? The simulator's effects against the writes required, and the answer
against the facts it must state."""

from __future__ import annotations

from collections.abc import Sequence

from bench_core import Effect, ExpectedEffect, Outcome, OutcomeResult

from ._answer_facts import states_fact
from ._values import match_value, short_repr


def check_outcome(
    outcome: Outcome,
    effects: Sequence[Effect],
    answer: str | None,
    *,
    finished: bool = True,
    founded: bool = True,
) -> OutcomeResult:
    """Compare what an episode did and said with what doing the job means.

    Args:
        outcome: The task's end state and answer facts.
        effects: The simulator's effects, in the order the writes were made.
        answer: The final answer's text.
        finished: The model gave a final answer (False: the turn limit came first, and the
            facts count as not stated).
        founded: The answer could rest on data: a call succeeded, or the task needs none.
    """
    missing, unrequested = _compare_writes(outcome, effects)
    text = (answer or "") if finished else ""
    required = [f for f in outcome.facts if not f.absent]
    found = [f.name for f in required if states_fact(text, f)]
    absent = [f.name for f in required if f.name not in found]
    claims = [f.name for f in outcome.facts if f.absent and states_fact(text, f)]
    return OutcomeResult(
        success=not (missing or unrequested or absent or claims) and finished and founded,
        missing_writes=missing,
        unrequested_writes=unrequested,
        facts_found=found,
        facts_missing=absent,
        false_claims=claims,
        unfounded=not founded,
    )


def _compare_writes(outcome: Outcome, effects: Sequence[Effect]) -> tuple[list[str], list[str]]:
    remaining = list(effects)
    missing: list[str] = []
    for wanted in outcome.writes:
        index = next((i for i, e in enumerate(remaining) if _fulfils(e, wanted)), None)
        if index is None:
            missing.append(_describe_expected(wanted))
        else:
            del remaining[index]
    unrequested = [
        _describe(effect) for effect in remaining if effect.action not in outcome.allowed_writes
    ]
    return missing, unrequested


def _fulfils(effect: Effect, wanted: ExpectedEffect) -> bool:
    if effect.action != wanted.action:
        return False
    target = effect.target.strip().casefold()
    if not any(target == t.strip().casefold() for t in wanted.target):
        return False
    return all(
        name in effect.fields and match_value(values, effect.fields[name])
        for name, values in wanted.fields.items()
    )


def _describe(effect: Effect) -> str:
    shown = ", ".join(f"{k}={short_repr(v, 24)}" for k, v in list(effect.fields.items())[:4])
    return f"{effect.action} {effect.target}" + (f" ({shown})" if shown else "")


def _describe_expected(wanted: ExpectedEffect) -> str:
    values = {
        name: matcher if isinstance(matcher, list) else list(matcher.any_of)
        for name, matcher in wanted.fields.items()
    }
    shown = ", ".join(f"{k}={short_repr(v[0] if v else v, 24)}" for k, v in values.items())
    return f"{wanted.action} {wanted.target[0]}" + (f" ({shown})" if shown else "")
