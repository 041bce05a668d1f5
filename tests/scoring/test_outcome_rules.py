"""The scorer's outcome rules: free lookups, unrequested writes, failed calls, right ways,
order-keeping pairing, quoted text, date-times for dates; and score_item on a transcript."""

from __future__ import annotations

from typing import Any

import pytest

from bench_core import (
    AnswerFact,
    CallSet,
    Difficulty,
    Effect,
    ExpectedCall,
    ExpectedEffect,
    Outcome,
    ToolReference,
    ToolTask,
    Transcript,
    TranscriptCall,
)
from bench_scoring import FAILED_OUTCOME_CAP, score_item, score_tool_calls

from .conftest import TOOLS

WRITES = ("close_position", "set_alert")
RULES: dict[str, Any] = {
    "tools": TOOLS,
    "writes": WRITES,
    "free_lookups": True,
    "strict_writes": True,
    "date_times": True,
}
P1 = ExpectedCall(name="close_position", args={"position_id": ["P1"]}, id="close")
FIND = ExpectedCall(name="get_trades", args={"symbol": ["AAPL"]}, id="find")


def call(name: str, turn: int = 0, error: bool = False, **arguments: Any) -> dict[str, Any]:
    return {"name": name, "arguments": arguments, "turn": turn, "error": error}


def test_an_extra_lookup_is_free_with_free_lookups_and_costs_without() -> None:
    calls = [call("list_strategies"), call("get_trades", turn=1, symbol="AAPL")]
    assert score_tool_calls(expected=[FIND], calls=calls, **RULES).total == 100
    strict = score_tool_calls(tools=TOOLS, expected=[FIND], calls=calls)
    assert strict.total < 100


def test_a_one_call_task_is_in_order_when_only_lookups_come_first() -> None:
    calls = [call("get_trade", trade_id="T1"), call("close_position", turn=1, position_id="P1")]
    assert score_tool_calls(expected=[P1], calls=calls, **RULES).total == 100


def test_an_unrequested_successful_write_scores_zero_with_the_reason() -> None:
    calls = [
        call("close_position", position_id="P1"),
        call("close_position", position_id="P2"),
    ]
    score = score_tool_calls(expected=[P1], calls=calls, **RULES)
    assert score.total == 0
    assert any("close_position(position_id='P2')" in r and "scores 0" in r for r in score.reasons)


def test_a_write_the_api_refused_is_an_extra_call_not_a_zero() -> None:
    calls = [
        call("close_position", error=True, position_id="P9"),
        call("close_position", turn=1, position_id="P1"),
    ]
    score = score_tool_calls(expected=[P1], calls=calls, **RULES)
    assert 0 < score.total < 100
    assert score.criteria["required_params"] == 25


def test_an_allowed_write_is_neither_required_nor_penalised() -> None:
    calls = [call("set_alert", symbol="AAPL", price=1.0), call("close_position", position_id="P1")]
    score = score_tool_calls(expected=[P1], calls=calls, allowed=["set_alert"], **RULES)
    assert score.total == 100


def test_a_failed_call_satisfies_only_an_expected_failure() -> None:
    failed = [call("get_trade", error=True, trade_id="T-404")]
    plain = ExpectedCall(name="get_trade", args={"trade_id": ["T-404"]})
    expected_to_fail = ExpectedCall(name="get_trade", args={"trade_id": ["T-404"]}, fails=True)
    assert score_tool_calls(expected=[plain], calls=failed, **RULES).total == 0
    assert score_tool_calls(expected=[expected_to_fail], calls=failed, **RULES).total == 100
    succeeded = [call("get_trade", trade_id="T-404")]
    assert score_tool_calls(expected=[expected_to_fail], calls=succeeded, **RULES).total < 100


def test_the_best_right_way_counts_and_is_named() -> None:
    by_list = CallSet(
        expected=(ExpectedCall(name="get_trades", args={"symbol": ["MSFT"]}),),
    )
    calls = [call("get_trades", symbol="MSFT")]
    score = score_tool_calls(expected=[FIND], calls=calls, alternatives=[by_list], **RULES)
    assert (score.total, score.way) == (100, 1)
    main = score_tool_calls(
        expected=[FIND], calls=[call("get_trades", symbol="AAPL")], alternatives=[by_list], **RULES
    )
    assert (main.total, main.way) == (100, 0)


def test_a_write_covered_by_an_alternative_way_is_not_unrequested() -> None:
    other = CallSet(expected=(ExpectedCall(name="close_position", args={"position_id": ["P2"]}),))
    score = score_tool_calls(
        expected=[P1],
        calls=[call("close_position", position_id="P2")],
        alternatives=[other],
        **RULES,
    )
    assert score.total == 100


def test_a_verifying_lookup_after_the_write_does_not_break_the_order() -> None:
    # The second list asks for more (a limit) and agrees as well on the expected symbol;
    # the pairing that keeps "find before close" wins.
    calls = [
        call("get_trades", symbol="AAPL"),
        call("close_position", turn=1, position_id="P1"),
        call("get_trades", turn=2, symbol="AAPL", limit=5),
    ]
    score = score_tool_calls(expected=[FIND, P1], calls=calls, order=[("find", "close")], **RULES)
    assert score.total == 100, score.reasons
    assert score.matches == {"find": 0, "close": 1}


def test_text_in_quotation_marks_is_the_text() -> None:
    expected = [ExpectedCall(name="get_trades", args={"symbol": ["AAPL"], "tags": [["fomc day"]]})]
    for quoted in ('"FOMC day"', "“FOMC day”", "'fomc day'"):
        calls = [call("get_trades", symbol="AAPL", tags=[quoted])]
        # list elements compare as text through auto: strings that are not dates
        assert score_tool_calls(expected=expected, calls=calls, **RULES).total == 100


def test_a_date_time_is_a_date_where_the_rules_allow_it() -> None:
    expected = [ExpectedCall(name="get_trades", args={"symbol": ["AAPL"], "since": ["2026-03-31"]})]
    calls = [call("get_trades", symbol="AAPL", since="2026-03-31T23:59:59Z")]
    assert score_tool_calls(expected=expected, calls=calls, **RULES).total == 100
    strict = score_tool_calls(tools=TOOLS, expected=expected, calls=calls)
    assert strict.criteria["param_types"] < 15


# --- score_item -------------------------------------------------------------------------


TASK = ToolTask(
    id="FK_H01",
    domain="fake",
    difficulty=Difficulty.HARD,
    title="close the AAPL position",
    prompts=tuple(f"prompt {q}" for q in range(1, 11)),
    expected=(FIND, P1),
    order=(("find", "close"),),
    outcome=Outcome(
        writes=(ExpectedEffect(action="close_position", target=("P1",)),),
        facts=(
            AnswerFact(name="the position id", any_of=("P1",)),
            AnswerFact(name="the realized PnL", any_of=(-1234.5,), tolerance=0.01),
        ),
    ),
)
REFERENCE = ToolReference(turns=((), ()), answer="")
RIGHT_CALLS = [
    TranscriptCall(turn=0, name="get_trades", arguments={"symbol": "AAPL"}, result={"rows": []}),
    TranscriptCall(turn=1, name="close_position", arguments={"position_id": "P1"}, result={}),
]
CLOSED = [Effect(action="close_position", target="P1")]


def transcript(answer: str | None, calls: list[TranscriptCall] = RIGHT_CALLS) -> Transcript:
    return Transcript(calls=calls, answer=answer, finished=answer is not None, turns=3)


def scored(answer: str | None, effects: list[Effect] = CLOSED, **kwargs: Any) -> Any:
    return score_item(
        TASK,
        transcript(answer, **kwargs),
        effects,
        tools=TOOLS,
        writes=WRITES,
        reference=REFERENCE,
    )


@pytest.mark.parametrize(
    "answer",
    [
        "Closed P1 for a loss of $1,234.50.",
        "Position p1 is closed; realized PnL: -1234.5 USD.",
        "Done: P1 closed, −$1,234.50 realized.",
    ],
)
def test_a_right_transcript_succeeds_and_scores_100(answer: str) -> None:
    result = scored(answer)
    assert result.outcome.success, result.outcome.reasons
    assert result.score.total == 100
    assert (result.outcome.calls, result.outcome.turns) == (2, 3)


def test_right_calls_with_a_wrong_number_fail_and_are_capped() -> None:
    result = scored("Closed P1 for a loss of $1,243.50.")
    assert not result.outcome.success
    assert result.outcome.facts_missing == ["the realized PnL"]
    assert result.score.total == pytest.approx(FAILED_OUTCOME_CAP)
    assert any("the job was not done" in r for r in result.score.reasons)
    assert sum(d.points for d in result.score.deductions) == pytest.approx(25, abs=1e-3)


def test_a_made_up_answer_without_calls_fails_and_scores_zero() -> None:
    result = scored("Closed P1 for a loss of $1,234.50.", effects=[], calls=[])
    assert not result.outcome.success
    assert result.outcome.missing_writes == ["close_position P1"]
    assert result.score.total == 0


def test_an_unrequested_effect_fails_the_outcome() -> None:
    extra = [*CLOSED, Effect(action="close_position", target="P2")]
    result = scored("Closed P1 for a loss of $1,234.50.", effects=extra)
    assert result.outcome.unrequested_writes == ["close_position P2"]
    assert not result.outcome.success


def test_a_conversation_cut_by_the_turn_limit_states_nothing() -> None:
    result = scored(None)
    assert not result.outcome.success
    assert result.outcome.facts_missing == ["the position id", "the realized PnL"]


def test_a_false_claim_fails_the_outcome() -> None:
    task = ToolTask(
        **{
            **{f: getattr(TASK, f) for f in TASK.__struct_fields__},
            "outcome": Outcome(
                facts=(AnswerFact(name="a close", any_of=("closed",), absent=True),)
            ),
            "expected": (FIND,),
            "order": (),
        }
    )
    calls = RIGHT_CALLS[:1]
    kept = score_item(
        task, transcript("P1 is still open.", calls=calls), [], tools=TOOLS, writes=WRITES
    )
    assert kept.outcome.success
    claimed = score_item(
        task, transcript("I closed it: closed P1.", calls=calls), [], tools=TOOLS, writes=WRITES
    )
    assert claimed.outcome.false_claims == ["a close"]


def test_an_answer_no_successful_call_stands_behind_is_not_the_job_done() -> None:
    failed = [TranscriptCall(turn=0, name="get_trades", arguments={"symbol": "AAPL"}, error=True)]
    for calls in ([], failed):
        result = score_item(
            TASK,
            transcript("Closed P1 for a loss of $1,234.50.", calls=calls),
            CLOSED,  # even were the effects there
            tools=TOOLS,
            writes=WRITES,
        )
        assert result.outcome.unfounded
        assert not result.outcome.success
        assert "the answer was given without one successful call" in result.outcome.reasons


def test_a_date_is_the_right_type_for_a_date_time_and_its_value_still_decides() -> None:
    tools = [
        {
            "type": "function",
            "function": {
                "name": "list_deployments",
                "parameters": {
                    "type": "object",
                    "properties": {"since": {"type": "string", "format": "date-time"}},
                },
            },
        }
    ]
    expected = [ExpectedCall(name="list_deployments", args={"since": ["2026-03-01T00:00:00Z"]})]
    rules = {**RULES, "tools": tools}
    right = score_tool_calls(
        expected=expected, calls=[call("list_deployments", since="2026-03-01")], **rules
    )
    assert right.total == 100, right.reasons
    wrong = score_tool_calls(
        expected=expected, calls=[call("list_deployments", since="2026-03-02")], **rules
    )
    assert wrong.criteria["optional_params"] < 20
