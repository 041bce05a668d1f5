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
