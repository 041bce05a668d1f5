"""A golden table of hand-checked cases: one rule of the tool-call scorer each.

Each case gives the criteria it must end with (criteria not named must be full marks) and a
fragment every reason list must contain.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from bench_core import ArgMatcher, ExpectedCall, ToolCall
from bench_scoring import score_tool_calls

from .conftest import TOOLS

FULL = {
    "tool_selection": 25.0,
    "required_params": 25.0,
    "optional_params": 20.0,
    "param_types": 15.0,
    "chain_order": 15.0,
}
AAPL = {"name": "get_trades", "args": {"symbol": ["AAPL"]}}


def call(name: str, turn: int | None = None, **arguments: Any) -> dict[str, Any]:
    made: dict[str, Any] = {"name": name, "arguments": arguments}
    if turn is not None:
        made["turn"] = turn
    return made


def openai(name: str, arguments: str) -> dict[str, Any]:
    return {"id": "call_1", "type": "function", "function": {"name": name, "arguments": arguments}}


CASES: list[dict[str, Any]] = [
    # --- tool selection ---
    dict(id="exact-single-call", expected=[AAPL], calls=[call("get_trades", symbol="AAPL")]),
    dict(
        id="no-call-at-all",
        expected=[AAPL],
        calls=[],
        criteria=dict.fromkeys(FULL, 0.0),
        reason="was not made",
    ),
    dict(
        id="wrong-tool-only",
        expected=[AAPL],
        calls=[call("get_trade", trade_id="T1")],
        criteria=dict.fromkeys(FULL, 0.0),
        reason="was not asked for",
    ),
    dict(
        id="extra-unasked-call-f1",
        expected=[AAPL],
        calls=[call("get_trades", symbol="AAPL"), call("get_trade", trade_id="T1")],
        criteria={"tool_selection": 25 * 2 / 3},
        reason="get_trade(trade_id='T1') was not asked for",
    ),
    dict(
        id="one-of-two-expected-missing",
        expected=[AAPL, {"name": "list_strategies", "args": {}}],
        calls=[call("get_trades", symbol="AAPL")],
        criteria={"tool_selection": 25 * 2 / 3},
        reason="list_strategies() was not made",
    ),
    dict(
        id="allowed-lookup-is-neutral",
        expected=[AAPL],
        allowed=["list_strategies"],
        calls=[call("list_strategies"), call("get_trades", symbol="AAPL")],
    ),
    dict(
        id="identical-repeated-lookup-counts-once",
        expected=[AAPL],
        calls=[call("get_trades", symbol="AAPL"), call("get_trades", symbol="AAPL")],
    ),
    dict(
        id="repeated-write-is-an-extra-call",
        expected=[{"name": "close_position", "args": {"position_id": ["P1"]}}],
        writes=["close_position"],
        calls=[call("close_position", position_id="P1"), call("close_position", position_id="P1")],
        criteria={"tool_selection": 25 * 2 / 3},
        reason="close_position(position_id='P1') was not asked",
    ),
    dict(
        id="hallucinated-tool-is-extra",
        expected=[AAPL],
        calls=[call("get_trades", symbol="AAPL"), call("delete_everything")],
        criteria={"tool_selection": 25 * 2 / 3},
        reason="delete_everything() was not asked for",
    ),
    dict(
        id="forbidden-call-scores-zero",
        expected=[AAPL],
        forbidden=["close_position"],
        calls=[call("get_trades", symbol="AAPL"), call("close_position", position_id="P1")],
        criteria=dict.fromkeys(FULL, 0.0),
        reason="which this task forbids",
    ),
    dict(id="nothing-expected-nothing-made", expected=[], calls=[]),
    dict(
        id="nothing-expected-something-made",
        expected=[],
        calls=[call("close_position", position_id="P1")],
        criteria=dict.fromkeys(FULL, 0.0),
        reason="no expected call was made",
    ),
    dict(
        id="nothing-expected-only-allowed-lookups",
        expected=[],
        allowed=["list_strategies"],
        calls=[call("list_strategies")],
    ),
    # --- required params ---
    dict(
        id="missing-required-argument",
        expected=[AAPL],
        calls=[call("get_trades")],
        criteria={"required_params": 0.0},
        reason="missing required argument 'symbol' in get_trades",
    ),
    dict(
        id="wrong-required-value",
        expected=[AAPL],
        calls=[call("get_trades", symbol="MSFT")],
        criteria={"required_params": 0.0},
        reason="got 'MSFT', expected 'AAPL'",
    ),
    dict(
        id="text-is-trimmed-and-case-folded",
        expected=[AAPL],
        calls=[call("get_trades", symbol="  aapl ")],
    ),
    dict(
        id="exact-match-is-case-sensitive",
        expected=[
            {"name": "get_trades", "args": {"symbol": ArgMatcher(any_of=("AAPL",), match="exact")}}
        ],
        calls=[call("get_trades", symbol="aapl")],
        criteria={"required_params": 0.0},
        reason="wrong value for required argument 'symbol'",
    ),
    dict(
        id="any-of-several-values",
        expected=[{"name": "get_trades", "args": {"symbol": ["BTC-USD", "BTCUSD", "BTC/USD"]}}],
        calls=[call("get_trades", symbol="btc/usd")],
    ),
    dict(
        id="half-of-required-wrong",
        expected=[{"name": "set_alert", "args": {"symbol": ["ETH-USD"], "price": [3000]}}],
        calls=[call("set_alert", symbol="ETH-USD", price=2500)],
        criteria={"required_params": 12.5},
        reason="'price' in set_alert: got 2500",
    ),
    # --- optional params ---
    dict(
        id="expected-optional-missing",
        expected=[{"name": "get_trades", "args": {"symbol": ["AAPL"], "limit": [10]}}],
        calls=[call("get_trades", symbol="AAPL")],
        criteria={"optional_params": 0.0},
        reason="missing argument 'limit' in get_trades",
    ),
    dict(
        id="omittable-argument-left-out",
        expected=[
            {
                "name": "get_trades",
                "args": {"symbol": ["AAPL"], "status": ["closed"]},
                "optional": ["status"],
            }
        ],
        calls=[call("get_trades", symbol="AAPL")],
    ),
    dict(
        id="omittable-argument-given-wrong",
        expected=[
            {
                "name": "get_trades",
                "args": {"symbol": ["AAPL"], "status": ["closed"]},
                "optional": ["status"],
            }
        ],
        calls=[call("get_trades", symbol="AAPL", status="open")],
        criteria={"optional_params": 0.0},
        reason="wrong value for argument 'status'",
    ),
    dict(
        id="unlisted-schema-param-is-neutral",
        expected=[AAPL],
        calls=[call("get_trades", symbol="AAPL", limit=50)],
    ),
    dict(
        id="invented-param-costs-optional-and-types",
        expected=[AAPL],
        calls=[call("get_trades", symbol="AAPL", colour="red")],
        criteria={"optional_params": 0.0, "param_types": 7.5},
        reason="argument 'colour' in get_trades is not one of its parameters",
    ),
    dict(
        id="integer-acceptable-for-number",
        expected=[{"name": "set_alert", "args": {"symbol": ["ETH-USD"], "price": [3000.0]}}],
        calls=[call("set_alert", symbol="ETH-USD", price=3000)],
    ),
    dict(
        id="number-within-tolerance",
        expected=[
            {
                "name": "set_alert",
                "args": {
                    "symbol": ["ETH-USD"],
                    "price": {"any_of": [3000], "match": "number", "tolerance": 0.5},
                },
            }
        ],
        calls=[call("set_alert", symbol="ETH-USD", price=3000.4)],
    ),
    dict(
        id="number-outside-tolerance",
        expected=[
            {
                "name": "set_alert",
                "args": {
                    "symbol": ["ETH-USD"],
                    "price": {"any_of": [3000], "match": "number", "tolerance": 0.5},
                },
            }
        ],
        calls=[call("set_alert", symbol="ETH-USD", price=3001)],
        criteria={"required_params": 12.5},
        reason="got 3001",
    ),
    dict(
        id="iso-date-forms-are-equal",
        expected=[{"name": "get_trades", "args": {"symbol": ["AAPL"], "since": ["2026-03-01"]}}],
        calls=[call("get_trades", symbol="AAPL", since="2026-03-01T00:00:00Z")],
        criteria={"param_types": 15 / 2},
        reason="is not an ISO date",
    ),
    dict(
        id="different-date-is-wrong",
        expected=[{"name": "get_trades", "args": {"symbol": ["AAPL"], "since": ["2026-03-01"]}}],
        calls=[call("get_trades", symbol="AAPL", since="2026-03-02")],
        criteria={"optional_params": 0.0},
        reason="'since' in get_trades: got '2026-03-02'",
    ),
    dict(
        id="list-in-order",
        expected=[{"name": "get_trades", "args": {"symbol": ["AAPL"], "tags": [["fomo", "news"]]}}],
        calls=[call("get_trades", symbol="AAPL", tags=["news", "fomo"])],
        criteria={"optional_params": 0.0},
        reason="'tags'",
    ),
    dict(
        id="unordered-list",
        expected=[
            {
                "name": "get_trades",
                "args": {
                    "symbol": ["AAPL"],
                    "tags": {"any_of": [["fomo", "news"]], "unordered": True},
                },
            }
        ],
        calls=[call("get_trades", symbol="AAPL", tags=["NEWS", "fomo"])],
    ),
    # --- param types ---
    dict(
        id="string-for-integer",
        expected=[{"name": "get_trades", "args": {"symbol": ["AAPL"], "limit": [10]}}],
        calls=[call("get_trades", symbol="AAPL", limit="10")],
        criteria={"param_types": 7.5},
        reason="'limit' in get_trades expects integer, got string",
    ),
    dict(
        id="integral-float-is-an-integer",
        expected=[{"name": "get_trades", "args": {"symbol": ["AAPL"], "limit": [10]}}],
        calls=[call("get_trades", symbol="AAPL", limit=10.0)],
    ),
    dict(
        id="enum-violated",
        expected=[{"name": "get_trades", "args": {"symbol": ["AAPL"], "status": ["closed"]}}],
        calls=[call("get_trades", symbol="AAPL", status="Closed")],
        criteria={"param_types": 7.5, "optional_params": 0.0},
        reason="'Closed' is not one of",
    ),
    dict(
        id="boolean-as-string",
        expected=[
            {
                "name": "set_alert",
                "args": {"symbol": ["ETH-USD"], "price": [3000], "active": [True]},
            }
        ],
        calls=[call("set_alert", symbol="ETH-USD", price=3000, active="true")],
        criteria={"param_types": 10.0, "optional_params": 0.0},
        reason="expects boolean",
    ),
    dict(
        id="unreadable-arguments",
        expected=[AAPL],
        calls=[openai("get_trades", '{"symbol": "AAPL"')],
        criteria={"required_params": 0.0, "param_types": 0.0},
        reason="arguments of get_trades could not be read",
    ),
    dict(
        id="arguments-as-json-string",
        expected=[AAPL],
        calls=[openai("get_trades", '{"symbol": "AAPL"}')],
    ),
    dict(
        id="arguments-double-encoded",
        expected=[AAPL],
        calls=[openai("get_trades", json.dumps(json.dumps({"symbol": "AAPL"})))],
    ),
    # --- chain order ---
    dict(
        id="constraint-respected",
        expected=[
            {"name": "get_trades", "args": {"symbol": ["AAPL"]}, "id": "find"},
            {"name": "close_position", "args": {"position_id": ["P1"]}, "id": "close"},
        ],
        order=[("find", "close")],
        calls=[call("get_trades", symbol="AAPL"), call("close_position", position_id="P1")],
    ),
    dict(
        id="constraint-violated",
        expected=[
            {"name": "get_trades", "args": {"symbol": ["AAPL"]}, "id": "find"},
            {"name": "close_position", "args": {"position_id": ["P1"]}, "id": "close"},
        ],
        order=[("find", "close")],
        calls=[call("close_position", position_id="P1"), call("get_trades", symbol="AAPL")],
        criteria={"chain_order": 0.0},
        reason="find must come before close, but it did not",
    ),
    dict(
        id="same-turn-does-not-precede",
        expected=[
            {"name": "get_trades", "args": {"symbol": ["AAPL"]}, "id": "find"},
            {"name": "close_position", "args": {"position_id": ["P1"]}, "id": "close"},
        ],
        order=[("find", "close")],
        calls=[
            call("get_trades", turn=0, symbol="AAPL"),
            call("close_position", turn=0, position_id="P1"),
        ],
        criteria={"chain_order": 0.0},
        reason="but it did not",
    ),
    dict(
        id="constraint-with-missing-call",
        expected=[
            {"name": "get_trades", "args": {"symbol": ["AAPL"]}, "id": "find"},
            {"name": "close_position", "args": {"position_id": ["P1"]}, "id": "close"},
        ],
        order=[("find", "close")],
        calls=[call("get_trades", symbol="AAPL")],
        criteria={"chain_order": 0.0, "tool_selection": 25 * 2 / 3},
        reason="close was not made",
    ),
    dict(
        id="one-call-must-come-first",
        expected=[AAPL],
        calls=[call("get_trade", trade_id="T9"), call("get_trades", symbol="AAPL")],
        criteria={"chain_order": 0.0, "tool_selection": 25 * 2 / 3},
        reason="get_trades was not the first call",
    ),
    dict(
        id="one-call-after-allowed-lookup-is-first",
        expected=[AAPL],
        allowed=["get_trade"],
        calls=[call("get_trade", trade_id="T9"), call("get_trades", symbol="AAPL")],
    ),
    dict(
        id="partial-order-half-kept",
        expected=[
            {"name": "list_strategies", "args": {}, "id": "a"},
            {"name": "get_trades", "args": {"symbol": ["AAPL"]}, "id": "b"},
            {"name": "close_position", "args": {"position_id": ["P1"]}, "id": "c"},
        ],
        order=[("a", "c"), ("b", "c")],
        calls=[
            call("list_strategies"),
            call("close_position", position_id="P1"),
            call("get_trades", symbol="AAPL"),
        ],
        criteria={"chain_order": 7.5},
        reason="b must come before c",
    ),
    # --- matching ---
    dict(
        id="same-tool-twice-matched-by-arguments",
        expected=[
            {"name": "get_trades", "args": {"symbol": ["AAPL"]}, "id": "aapl"},
            {"name": "get_trades", "args": {"symbol": ["MSFT"]}, "id": "msft"},
        ],
        calls=[call("get_trades", symbol="MSFT"), call("get_trades", symbol="AAPL")],
    ),
    dict(
        id="typed-records-accepted",
        expected=[ExpectedCall(name="get_trades", args={"symbol": ["AAPL"]})],
        calls=[ToolCall(name="get_trades", arguments={"symbol": "AAPL"})],
    ),
    dict(
        id="bfcl-possible-answer-form",
        expected=[{"get_trades": {"symbol": ["AAPL"], "limit": [10, ""]}}],
        calls=[call("get_trades", symbol="AAPL")],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_golden_case(case: dict[str, Any]) -> None:
    score = score_tool_calls(
        tools=TOOLS,
        expected=case["expected"],
        calls=case["calls"],
        order=case.get("order", ()),
        allowed=case.get("allowed", ()),
        forbidden=case.get("forbidden", ()),
        writes=case.get("writes", ()),
    )
    wanted = {**FULL, **case.get("criteria", {})}
    assert score.criteria == pytest.approx(wanted, abs=1e-3), score.reasons
    assert score.total == pytest.approx(sum(wanted.values()), abs=1e-3)
    if "reason" in case:
        assert any(case["reason"] in reason for reason in score.reasons), score.reasons
    else:
        assert score.reasons == []
    lost = sum(d.points for d in score.deductions)
    assert lost == pytest.approx(100 - score.total, abs=1e-2)


def test_golden_table_has_forty_cases() -> None:
    assert len(CASES) >= 40


def test_expected_call_naming_an_unoffered_tool_is_rejected() -> None:
    with pytest.raises(ValueError, match="names a tool that is not offered"):
        score_tool_calls(tools=TOOLS, expected=[{"name": "nope", "args": {}}], calls=[])


def test_order_naming_an_unknown_id_is_rejected() -> None:
    with pytest.raises(ValueError, match="names no expected call"):
        score_tool_calls(tools=TOOLS, expected=[AAPL], calls=[], order=[("get_trades", "x")])


def test_normalisation_is_recorded() -> None:
    score = score_tool_calls(
        tools=TOOLS,
        expected=[AAPL],
        calls=[openai("get_trades", json.dumps(json.dumps({"symbol": "AAPL"})))],
    )
    assert score.normalized == ["get_trades: arguments were JSON-encoded twice"]


def test_matches_name_the_call_each_expectation_took() -> None:
    score = score_tool_calls(
        tools=TOOLS,
        expected=[
            {"name": "get_trades", "args": {"symbol": ["AAPL"]}, "id": "aapl"},
            {"name": "get_trades", "args": {"symbol": ["MSFT"]}, "id": "msft"},
        ],
        calls=[call("get_trades", symbol="MSFT"), call("get_trades", symbol="AAPL")],
    )
    assert score.matches == {"aapl": 1, "msft": 0}
