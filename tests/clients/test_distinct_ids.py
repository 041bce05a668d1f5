"""Repeated tool-call ids across turns are repaired where the other provider quirks are."""

from __future__ import annotations

from bench_clients import Completion
from bench_core import ToolCall, Usage


def completion(*ids: str, raw: dict[str, str] | None = None) -> Completion:
    return Completion(
        content=None,
        tool_calls=[ToolCall(name="get_quote", arguments={"symbol": "AAPL"}, id=i) for i in ids],
        reasoning=None,
        finish_reason="tool_calls",
        usage=Usage(),
        latency_s=0.0,
        attempts=1,
        raw_arguments=raw or {},
    )


def test_fresh_ids_pass_unchanged_and_are_remembered() -> None:
    used: set[str] = set()
    first = completion("call_1", "call_2")
    assert first.with_distinct_ids(used, 0) is first
    assert used == {"call_1", "call_2"}


def test_an_id_an_earlier_turn_used_is_replaced_and_noted() -> None:
    used = {"call_1"}
    fixed = completion("call_1", "call_2", raw={"call_1": '{"symbol": '}).with_distinct_ids(used, 3)
    ids = [call.id for call in fixed.tool_calls]
    assert ids == ["call_3_0", "call_2"]
    assert fixed.raw_arguments == {"call_3_0": '{"symbol": '}
    assert "a tool call id used in an earlier turn was replaced" in fixed.normalized
    assert used == {"call_1", "call_3_0", "call_2"}


def test_a_replacement_never_collides_with_an_id_of_the_same_answer() -> None:
    used = {"call_1", "call_2_0"}
    fixed = completion("call_1", "call_2_0_").with_distinct_ids(used, 2)
    ids = [call.id for call in fixed.tool_calls]
    assert len(set(ids)) == 2
    assert not set(ids) & {"call_1", "call_2_0"}
