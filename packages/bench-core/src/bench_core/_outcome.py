"""What doing a tool task's job means: the writes it leaves in the simulator and the facts
its final answer states. The five criteria grade the calls; the outcome says whether the job
was done."""

from __future__ import annotations

from typing import Any

import msgspec

from ._matchers import ArgMatcher


class Effect(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    """One change that a write call made in a simulator episode, in the domain's own terms.

    Effects are what the simulator did, not what the call said: ``close_position`` with
    ``symbol="BTC/USD"`` and with ``position_id="POS-0003"`` leave the same effect.

    Attributes:
        action: What was done (``close_position``, ``create_alert``, ``rollback``).
        target: What it was done to: the id of the record changed or created from
            (``POS-0003``; for a created record, the record it is about, e.g. the symbol).
        fields: The details that matter to the job (``{"price": 180.0, "condition": "above"}``).
    """

    action: str
    target: str
    fields: dict[str, Any] = {}


class ExpectedEffect(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    """A write the job requires, compared with the simulator's effects.

    Attributes:
        action: The effect's action.
        target: Every acceptable target (compared trimmed and case-folded).
        fields: For each field the acceptable values, as a list (matched by type) or an
            ``ArgMatcher``; fields not named here are not compared.
    """

    action: str
    target: tuple[str, ...]
    fields: dict[str, list[Any] | ArgMatcher] = {}


class AnswerFact(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    """A fact that the final answer must state, or (``absent``) must not claim.

    Attributes:
        name: What the fact is, as a reader says it (``net PnL of T-0412``).
        any_of: Every acceptable form: strings are found as words in the answer (trimmed,
            case-folded), numbers in any usual form (``$1,234.50``, ``1234.5``, ``-6.04%``,
            ``−6.0 %``, ``1.2K`` where ``compact``).
        tolerance: Largest absolute difference accepted for a number.
        compact: A number may be written in compact form (``1.2K``, ``3.4M``).
        absent: The answer must not state it (a false premise's claim).
    """

    name: str
    any_of: tuple[str | float, ...]
    tolerance: float = 0.0
    compact: bool = False
    absent: bool = False


class Outcome(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    """What success means for a tool task.

    Attributes:
        writes: The writes the job requires, in any order; none means the job changes
            nothing, and every write fails it.
        allowed_writes: Actions that may be performed besides the required writes (a journal
            note), neither required nor penalised.
        facts: What the final answer must state, or must not claim.
    """

    writes: tuple[ExpectedEffect, ...] = ()
    allowed_writes: tuple[str, ...] = ()
    facts: tuple[AnswerFact, ...] = ()


class OutcomeResult(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    """Whether a tool item did the job, and what kept it from success.

    Attributes:
        success: The end state is right (every required write made, no unrequested one), every
            required fact is stated and no false claim made.
        missing_writes: Required writes the simulator did not see, one readable line each.
        unrequested_writes: Writes the job did not ask for.
        facts_found: Names of the required facts the answer states.
        facts_missing: Names of the required facts it does not state.
        false_claims: Names of the facts it states but must not.
        unfounded: The task needs data from the tools, and no call succeeded: whatever the
            answer states was not read from anywhere.
        calls, turns: What the model spent: tool calls made and assistant turns.
        reference_calls, reference_turns: What the reference solution spends.
    """

    success: bool
    missing_writes: list[str] = []
    unrequested_writes: list[str] = []
    facts_found: list[str] = []
    facts_missing: list[str] = []
    false_claims: list[str] = []
    unfounded: bool = False
    calls: int = 0
    turns: int = 0
    reference_calls: int | None = None
    reference_turns: int | None = None

    @property
    def reasons(self) -> list[str]:
        """Why the item did not succeed; empty on success."""
        return [
            *(f"required write not made: {w}" for w in self.missing_writes),
            *(f"unrequested write: {w}" for w in self.unrequested_writes),
            *(f"the answer does not state {f}" for f in self.facts_missing),
            *(f"the answer claims {f}, which is false" for f in self.false_claims),
            *(["the answer was given without one successful call"] if self.unfounded else []),
        ]
