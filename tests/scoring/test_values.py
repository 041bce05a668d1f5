from __future__ import annotations

from typing import Any

import pytest

from bench_core import ArgMatcher
from bench_scoring import match_value, type_problem


@pytest.mark.parametrize(
    ("expected", "actual"),
    [
        (["AAPL"], " aapl "),
        (["2026-03-01"], "2026-03-01"),
        (["2026-03-01"], "20260301"),
        (["2026-03-01"], "2026-03-01T00:00:00"),
        (["2026-03-31"], "2026-03-31T23:59:59Z"),
        (["2026-03-01T10:00:00Z"], "2026-03-01T12:00:00+02:00"),
        (["2026-03-01T00:00:00Z"], "2026-03-01"),
        ([5], 5.0),
        ([5.5], "5.5"),
        ([1234.5], "1,234.5"),
        ([True], True),
        ([None], None),
        ([["a", "b"]], ["A", "b"]),
        ([{"from": "2026-01-01", "n": 3}], {"n": 3.0, "from": "2026-01-01"}),
        (ArgMatcher(any_of=(["x", "y"],), unordered=True), ["y", "x"]),
        (ArgMatcher(any_of=(100,), tolerance=0.01), 100.01),
        ({"any_of": ["Momentum"], "match": "text"}, "momentum"),
    ],
)
def test_acceptable(expected: Any, actual: Any) -> None:
    assert match_value(expected, actual)


@pytest.mark.parametrize(
    ("expected", "actual"),
    [
        (["AAPL"], "AAPL.US"),
        (["2026-03-01"], "2026-03-02"),
        (["2026-03-01"], "2026-03-01T12:00:00"),
        (["2026-03-01"], "March 1"),
        ([5], True),
        ([True], 1),
        ([None], "null"),
        ([["a", "b"]], ["b", "a"]),
        ([["a", "b"]], ["a"]),
        ([{"n": 3}], {"n": 3, "extra": 1}),
        (ArgMatcher(any_of=("AAPL",), match="exact"), "aapl"),
        (ArgMatcher(any_of=(100,), tolerance=0.01), 100.02),
        ([5], float("nan")),
        ([5], "5 shares"),
    ],
)
def test_not_acceptable(expected: Any, actual: Any) -> None:
    assert not match_value(expected, actual)


def test_matcher_object_needs_any_of() -> None:
    with pytest.raises(ValueError, match="any_of"):
        match_value({"match": "text"}, "x")


@pytest.mark.parametrize(
    ("schema", "value", "problem"),
    [
        ({"type": "integer"}, 3, None),
        ({"type": "integer"}, 3.0, None),
        ({"type": "integer"}, 3.5, "expects integer"),
        ({"type": "integer"}, True, "expects integer"),
        ({"type": "number"}, "3", "expects number"),
        ({"type": ["string", "null"]}, None, None),
        ({"type": "string", "enum": ["a", "b"]}, "c", "is not one of"),
        ({"type": "string", "format": "date"}, "2026-04-15", None),
        ({"type": "string", "format": "date"}, "15/04/2026", "is not an ISO date"),
        ({"type": "string", "format": "date-time"}, "2026-04-15T10:00:00Z", None),
        ({"type": "string", "format": "date-time"}, "2026-04-15", "is not an ISO date-time"),
        ({"type": "array", "items": {"type": "string"}}, ["a", 1], "item 1"),
        ({"type": "object", "properties": {"a": {"type": "integer"}}}, {"a": "x"}, "field 'a'"),
        (
            {"type": "object", "properties": {}, "additionalProperties": False},
            {"b": 1},
            "not allowed",
        ),
        ({"anyOf": [{"type": "string"}, {"type": "integer"}]}, 4, None),
        ({"type": "dict"}, {"k": 1}, None),
        ({"type": "float"}, 2, None),
    ],
)
def test_type_problem(schema: dict[str, Any], value: Any, problem: str | None) -> None:
    found = type_problem(schema, value)
    if problem is None:
        assert found is None
    else:
        assert found is not None
        assert problem in found


def test_deep_nesting_is_judged_without_recursion_error() -> None:
    schema: dict[str, Any] = {"type": "array"}
    inner = schema
    for _ in range(100):
        inner["items"] = {"type": "array"}
        inner = inner["items"]
    value: Any = []
    for _ in range(100):
        value = [value]
    assert type_problem(schema, value) is None
