"""Properties of the tool-call scorer that must hold for every input."""

from __future__ import annotations

import json
import random
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from bench_scoring import score_tool_calls

from .conftest import TOOLS

EXPECTED = [
    {
        "name": "get_trades",
        "args": {"symbol": ["AAPL"], "limit": [10], "status": ["closed"]},
        "id": "find",
    },
    {"name": "set_alert", "args": {"symbol": ["ETH-USD"], "price": [3000.0]}, "id": "alert"},
    {"name": "close_position", "args": {"position_id": ["P1"]}, "id": "close"},
]
ORDER = [("find", "close")]
RIGHT = [
    {"name": "get_trades", "arguments": {"symbol": "AAPL", "limit": 10, "status": "closed"}},
    {"name": "set_alert", "arguments": {"symbol": "ETH-USD", "price": 3000.0}},
    {"name": "close_position", "arguments": {"position_id": "P1"}},
]

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False)
    | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)
names = st.sampled_from(
    ["get_trades", "get_trade", "set_alert", "close_position", "list_strategies", "x"]
)
params = st.sampled_from(["symbol", "limit", "status", "price", "position_id", "trade_id", "zzz"])
random_calls = st.lists(
    st.builds(
        lambda n, a: {"name": n, "arguments": a},
        names,
        st.dictionaries(params, json_values, max_size=4),
    ),
    max_size=6,
)


def score(calls: list[Any], **extra: Any) -> Any:
    return score_tool_calls(tools=TOOLS, expected=EXPECTED, calls=calls, order=ORDER, **extra)


@settings(max_examples=300)
@given(random_calls)
def test_score_is_bounded_and_explained(calls: list[dict[str, Any]]) -> None:
    result = score(calls)
    assert 0 <= result.total <= 100
    assert all(value >= 0 for value in result.criteria.values())
    lost = sum(d.points for d in result.deductions)
    assert abs(lost - (100 - result.total)) < 0.01
    assert len(result.reasons) == len(result.deductions)


@settings(max_examples=200)
@given(random_calls, st.text(max_size=30))
def test_raw_string_arguments_never_crash(calls: list[dict[str, Any]], junk: str) -> None:
    calls = [*calls, {"function": {"name": "get_trades", "arguments": junk}}]
    assert 0 <= score(calls).total <= 100


@given(st.randoms(use_true_random=False))
def test_argument_order_does_not_matter(rng: random.Random) -> None:
    shuffled = []
    for made in RIGHT:
        items = list(made["arguments"].items())
        rng.shuffle(items)
        shuffled.append({"name": made["name"], "arguments": dict(items)})
    assert score(shuffled).total == 100


@given(st.sampled_from([None, 0, 2, 4]), st.sampled_from([",", ", "]), st.sampled_from([":", ": "]))
def test_json_whitespace_and_string_form_do_not_matter(
    indent: int | None, comma: str, colon: str
) -> None:
    as_strings = [
        {
            "id": f"c{i}",
            "type": "function",
            "function": {
                "name": c["name"],
                "arguments": json.dumps(c["arguments"], indent=indent, separators=(comma, colon)),
            },
        }
        for i, c in enumerate(RIGHT)
    ]
    assert score(as_strings).criteria == score(RIGHT).criteria


@given(st.sampled_from([3000, 3000.0]), st.sampled_from([10, 10.0]))
def test_equivalent_numbers_score_alike(price: float, limit: float) -> None:
    calls = [
        {"name": "get_trades", "arguments": {"symbol": "AAPL", "limit": limit, "status": "closed"}},
        {"name": "set_alert", "arguments": {"symbol": "ETH-USD", "price": price}},
        {"name": "close_position", "arguments": {"position_id": "P1"}},
    ]
    assert score(calls).total == 100


@given(st.permutations(range(3)))
def test_call_order_only_matters_where_constrained(permutation: list[int]) -> None:
    calls = [RIGHT[i] for i in permutation]
    result = score(calls)
    respects = permutation.index(0) < permutation.index(2)
    assert result.criteria["chain_order"] == (15.0 if respects else 0.0)
    assert result.total == (100 if respects else 85)


@settings(max_examples=200)
@given(random_calls, st.integers(0, 6))
def test_adding_a_wrong_call_never_raises_the_score(calls: list[dict[str, Any]], at: int) -> None:
    base = score(calls).total
    wrong = {"name": "get_trade", "arguments": {"trade_id": "nope"}}
    widened = [*calls[:at], wrong, *calls[at:]]
    assert score(widened).total <= base + 1e-9


@settings(max_examples=200)
@given(st.integers(0, 2), st.data())
def test_removing_a_required_argument_never_raises_the_score(
    which: int, data: st.DataObject
) -> None:
    base_calls = [dict(c, arguments=dict(c["arguments"])) for c in RIGHT]
    noise = data.draw(random_calls)
    calls = base_calls + noise
    required = {"get_trades": "symbol", "set_alert": "price", "close_position": "position_id"}
    name = calls[which]["name"]
    reduced = [dict(c, arguments=dict(c["arguments"])) for c in calls]
    reduced[which]["arguments"].pop(required[name])
    assert score(reduced).total <= score(calls).total + 1e-9


def test_forbidden_call_is_zero_whatever_else_is_right() -> None:
    assert (
        score(
            [*RIGHT, {"name": "list_strategies", "arguments": {}}], forbidden=["list_strategies"]
        ).total
        == 0
    )
