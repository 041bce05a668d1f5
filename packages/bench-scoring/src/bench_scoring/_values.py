"""Value matchers: is the model's argument one of the acceptable values?

They follow the Berkeley Function Calling Leaderboard's practice: every acceptable value is
listed; strings compare trimmed and case-folded unless the match is exact; an integer is
acceptable where a number is expected; dates accept the common ISO forms; lists compare in
order unless unordered; objects compare key by key.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from bench_core import ArgMatcher, MatchKind

# "structure": lists, objects and null, compared element by element.
_Kind = MatchKind | Literal["structure"]

_ISO_DATE = re.compile(
    r"^\s*\d{4}-?\d{2}-?\d{2}([T ]\d{2}(:?\d{2}(:?\d{2}(\.\d+)?)?)?)?(Z|[+-]\d{2}(:?\d{2})?)?\s*$"
)
# Only the extended form (with hyphens) makes a plain expected string a date: "20260301"
# may as well be an id.
_LOOKS_LIKE_DATE = re.compile(r"^\s*\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}.*)?\s*$")
_NUMBER_TEXT = re.compile(r"^\s*[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?\s*$")


def as_matcher(expected: ArgMatcher | Sequence[Any] | Mapping[str, Any]) -> ArgMatcher:
    """An ``ArgMatcher`` from a list of acceptable values, a matcher dict, or a matcher."""
    if isinstance(expected, ArgMatcher):
        return expected
    if isinstance(expected, Mapping):
        if "any_of" not in expected:
            raise ValueError(f"a matcher object needs 'any_of', got keys {sorted(expected)}")
        return ArgMatcher(
            any_of=tuple(expected["any_of"]),
            match=expected.get("match", "auto"),
            tolerance=float(expected.get("tolerance", 0.0)),
            unordered=bool(expected.get("unordered", False)),
        )
    if isinstance(expected, str | bytes) or not isinstance(expected, Sequence):
        raise ValueError(f"acceptable values must be a list, got {expected!r}")
    return ArgMatcher(any_of=tuple(expected))


def match_value(expected: ArgMatcher | Sequence[Any] | Mapping[str, Any], actual: Any) -> bool:
    """Whether ``actual`` is one of the acceptable values of ``expected``."""
    matcher = as_matcher(expected)
    return any(
        _equal(value, actual, matcher.match, matcher.tolerance, matcher.unordered)
        for value in matcher.any_of
    )


def _equal(expected: Any, actual: Any, kind: _Kind, tolerance: float, unordered: bool) -> bool:
    if kind == "auto":
        kind = _kind_of(expected)
    if kind == "exact":
        return _same_type_family(expected, actual) and expected == actual
    if kind == "text":
        if not isinstance(expected, str):
            return _equal(expected, actual, "auto", tolerance, unordered)
        return isinstance(actual, str) and _plain_text(actual) == _plain_text(expected)
    if kind == "number":
        wanted, got = _as_number(expected), _as_number(actual)
        if wanted is None or got is None:
            return False
        return abs(wanted - got) <= tolerance + 1e-9 * max(1.0, abs(wanted))
    if kind == "date":
        return _same_moment(expected, actual)
    if isinstance(expected, list | tuple):
        return _equal_lists(expected, actual, tolerance, unordered)
    if isinstance(expected, Mapping):
        if not isinstance(actual, Mapping) or set(expected) != set(actual):
            return False
        return all(_equal(expected[k], actual[k], "auto", tolerance, unordered) for k in expected)
    if expected is None:
        return actual is None
    return bool(expected == actual)


_QUOTES = "\"'`\u2018\u2019\u201c\u201d\u00ab\u00bb"


def _plain_text(value: str) -> str:
    """Trimmed, case-folded, without the quotation marks around it: a model that keeps the
    user's quoted words in quotes (``'"FOMC day"'``) means the words."""
    text = value.strip()
    while len(text) >= 2 and text[0] in _QUOTES and text[-1] in _QUOTES:
        text = text[1:-1].strip()
    return text.casefold()


def _kind_of(value: Any) -> _Kind:
    if isinstance(value, bool):
        return "exact"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "date" if _LOOKS_LIKE_DATE.match(value) else "text"
    return "structure"


def _same_type_family(expected: Any, actual: Any) -> bool:
    if isinstance(expected, bool) or isinstance(actual, bool):
        return isinstance(expected, bool) and isinstance(actual, bool)
    if isinstance(expected, int | float):
        return isinstance(actual, int | float)
    return type(expected) is type(actual) or (
        isinstance(expected, list | tuple) and isinstance(actual, list | tuple)
    )


def _equal_lists(expected: Sequence[Any], actual: Any, tolerance: float, unordered: bool) -> bool:
    if not isinstance(actual, list | tuple) or len(actual) != len(expected):
        return False
    if not unordered:
        return all(
            _equal(e, a, "auto", tolerance, unordered)
            for e, a in zip(expected, actual, strict=True)
        )
    remaining = list(actual)
    for wanted in expected:
        for index, candidate in enumerate(remaining):
            if _equal(wanted, candidate, "auto", tolerance, unordered):
                del remaining[index]
                break
        else:
            return False
    return True


def _as_number(value: Any) -> float | None:
    """A number from a number, or from a plain numeric string (the type is judged elsewhere)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str) and _NUMBER_TEXT.match(value) and any(c.isdigit() for c in value):
        number = float(value.replace(",", ""))
    else:
        return None
    return number if math.isfinite(number) else None


def parse_moment(value: Any) -> dt.date | dt.datetime | None:
    """A date or an aware datetime (naive ones taken as UTC) from an ISO 8601 string."""
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        return None
    text = value.strip()
    try:
        if len(text) in (8, 10) and "T" not in text and " " not in text:
            return dt.date.fromisoformat(text)
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _same_moment(expected: Any, actual: Any) -> bool:
    wanted, got = parse_moment(expected), parse_moment(actual)
    if wanted is None or got is None:
        return isinstance(expected, str) and isinstance(actual, str) and expected == actual
    if isinstance(wanted, dt.datetime) and isinstance(got, dt.datetime):
        return wanted == got
    if isinstance(wanted, dt.datetime):
        wanted, got = got, wanted  # compare a date with a datetime the same way round
    assert not isinstance(wanted, dt.datetime)
    if not isinstance(got, dt.datetime):
        return wanted == got
    # A date equals a datetime at the very start or the very end of that day (UTC): a model
    # may send an end date as 23:59:59 to include the whole day.
    utc = got.astimezone(dt.UTC)
    if utc.date() != wanted:
        return False
    start = utc.time() == dt.time(0, 0)
    end = (utc.hour, utc.minute, utc.second) == (23, 59, 59)
    return start or end


def short_repr(value: Any, limit: int = 40) -> str:
    """``repr(value)`` cut to ``limit`` characters: model output can be huge."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
