"""How an expected value is compared with the value a model wrote."""

from __future__ import annotations

from typing import Any, Literal

import msgspec

MatchKind = Literal["auto", "exact", "text", "date", "number"]


class ArgMatcher(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    """How one expected argument is compared with the model's value.

    Attributes:
        any_of: Every acceptable value.
        match: ``exact`` (equal, case-sensitive), ``text`` (trimmed and case-folded), ``date``
            (any common ISO form of the same date or instant), ``number`` (numerically equal
            within ``tolerance``), or ``auto``: chosen from the type of each acceptable value.
        tolerance: Largest absolute difference accepted for numbers.
        unordered: Lists compare as multisets rather than in order.
    """

    any_of: tuple[Any, ...]
    match: MatchKind = "auto"
    tolerance: float = 0.0
    unordered: bool = False
