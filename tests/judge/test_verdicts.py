"""Reading a judge's answer: the verdict whole, fenced, or after some text; nothing else."""

from __future__ import annotations

import json

import pytest

from bench_judge import ChartVerdict, ToolVerdict, VerdictError, VisualVerdict, parse_verdict
from bench_judge._prompts import truncate

from .support import CHART_VERDICT, TOOL_VERDICT


def test_the_whole_answer_as_json_is_read() -> None:
    verdict = parse_verdict(json.dumps(TOOL_VERDICT), ToolVerdict)
    assert verdict.reason.startswith("Called get_trades")
    assert verdict.scores() == {"correctness": 95, "reasoning_quality": 90, "hallucinations": 100}
    assert verdict.score == 94


@pytest.mark.parametrize(
    "wrap",
    [
        "```json\n{}\n```",
        "Here is my verdict:\n```json\n{}\n```\nThanks.",
        "```\n{}\n```",
        "After looking at the chart: {} -- done",
        "  {}  ",
    ],
)
def test_a_fenced_block_or_leading_text_is_tolerated(wrap: str) -> None:
    text = wrap.replace("{}", json.dumps(CHART_VERDICT))
    verdict = parse_verdict(text, ChartVerdict)
    assert verdict.scores() == {"visual_clarity": 80, "data_accuracy": 100, "design_quality": 70}


def test_the_first_valid_object_wins_over_an_earlier_invalid_one() -> None:
    text = 'The example {"reason": "x"} is not it; this is: ' + json.dumps(
        {"reason": "ok", "score": 70}
    )
    assert parse_verdict(text, VisualVerdict).score == 70


def test_extra_keys_are_ignored_and_integers_read_as_numbers() -> None:
    verdict = parse_verdict('{"reason": "fine", "score": 60, "confidence": "high"}', VisualVerdict)
    assert verdict.score == 60.0


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "I cannot judge this.",
        "```json\n{not json}\n```",
        '{"score": 80}',  # no reason
        '{"reason": "", "score": 80}',  # an empty reason
        '{"reason": "too good", "score": 130}',  # out of range
        '{"reason": "negative", "score": -1}',
        '{"reason": "words", "score": "high"}',
        '["reason", 80]',
        "{" * 10_000,
    ],
)
def test_an_answer_without_a_valid_verdict_is_an_error_not_a_zero(text: str | None) -> None:
    with pytest.raises(VerdictError) as raised:
        parse_verdict(text, VisualVerdict)
    assert "\n" not in str(raised.value)


def test_the_schema_asks_for_the_reason_before_the_scores() -> None:
    for model in (ToolVerdict, ChartVerdict, VisualVerdict):
        properties = list(model.model_json_schema()["properties"])
        assert properties[0] == "reason"
        assert properties[-1] == "score"


def test_truncation_keeps_both_ends_and_says_how_much_was_cut() -> None:
    text = "a" * 600 + "b" * 400
    cut = truncate(text, 300)
    assert cut.startswith("a" * 200)
    assert cut.endswith("b" * 100)
    assert "[… 700 characters cut here …]" in cut
    assert truncate("short", 300) == "short"
