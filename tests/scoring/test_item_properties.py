"""Properties of score_item that must hold for every transcript."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from bench_core import Effect, Transcript, TranscriptCall
from bench_scoring import FAILED_OUTCOME_CAP, score_item

from .conftest import TOOLS
from .test_outcome_rules import CLOSED, RIGHT_CALLS, TASK, WRITES

NAMES = ["get_trades", "get_trade", "list_strategies", "close_position", "set_alert", "nope"]
arguments = st.dictionaries(
    st.sampled_from(["symbol", "position_id", "trade_id", "price", "limit", "x"]),
    st.one_of(st.text(max_size=6), st.integers(-5, 5), st.sampled_from(["AAPL", "P1", "P2"])),
    max_size=3,
)
calls = st.lists(
    st.builds(
        TranscriptCall,
        turn=st.integers(0, 4),
        name=st.sampled_from(NAMES),
        arguments=arguments,
        error=st.booleans(),
    ),
    max_size=6,
)
effects = st.lists(
    st.builds(
        Effect,
        action=st.sampled_from(["close_position", "set_alert"]),
        target=st.sampled_from(["P1", "P2", "AAPL"]),
    ),
    max_size=3,
)
answers = st.one_of(st.none(), st.text(max_size=40), st.just("Closed P1: -$1,234.50."))


def run(made: list[TranscriptCall], done: list[Effect], answer: str | None) -> Any:
    transcript = Transcript(calls=made, answer=answer, finished=answer is not None, turns=3)
    return score_item(TASK, transcript, done, tools=TOOLS, writes=WRITES)


@settings(max_examples=300, deadline=None)
@given(made=calls, done=effects, answer=answers)
def test_the_score_is_bounded_and_explained(
    made: list[TranscriptCall], done: list[Effect], answer: str | None
) -> None:
    result = run(sorted(made, key=lambda c: c.turn), done, answer)
    assert 0 <= result.score.total <= 100
    lost = sum(d.points for d in result.score.deductions)
    assert abs(lost - (100 - result.score.total)) < 0.01
    if not result.outcome.success:
        assert result.score.total <= FAILED_OUTCOME_CAP + 1e-9
        assert result.outcome.reasons or answer is None


@settings(max_examples=200, deadline=None)
@given(target=st.sampled_from(["P2", "P3"]), turn=st.integers(0, 3))
def test_an_unrequested_successful_write_never_raises_the_score(target: str, turn: int) -> None:
    right = run(RIGHT_CALLS, CLOSED, "Closed P1: -$1,234.50.")
    stray = TranscriptCall(turn=turn, name="close_position", arguments={"position_id": target})
    made = sorted([*RIGHT_CALLS, stray], key=lambda c: c.turn)
    worse = run(made, [*CLOSED, Effect(action="close_position", target=target)], right_answer())
    assert worse.score.total == 0 < right.score.total
    assert not worse.outcome.success


@settings(max_examples=200, deadline=None)
@given(extra=st.lists(st.sampled_from(["get_trade", "list_strategies"]), max_size=3))
def test_extra_lookups_never_change_the_score(extra: list[str]) -> None:
    lookups = [TranscriptCall(turn=0, name=n, arguments={"trade_id": "T1"}) for n in extra]
    made = [*lookups, *RIGHT_CALLS]
    assert run(made, CLOSED, right_answer()).score.total == 100


def right_answer() -> str:
    return "Closed P1: -$1,234.50."
