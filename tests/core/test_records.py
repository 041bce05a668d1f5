from __future__ import annotations

import msgspec
import pytest

import bench_core
from bench_core import (
    SCHEMA_VERSION,
    WEIGHTS,
    ArgMatcher,
    Difficulty,
    ExpectedCall,
    JudgeResult,
    RunLine,
    Task,
    Usage,
)

from .factories import chart_task, header, result, tool_task


def test_weights_follow_the_spec() -> None:
    assert {d.value: d.weight for d in Difficulty} == {
        "easy": 1.0,
        "medium": 1.5,
        "hard": 2.5,
        "expert": 4.0,
    }
    assert WEIGHTS[Difficulty.EXPERT] == 4.0


def test_run_lines_are_tagged_and_round_trip() -> None:
    lines = [
        header(),
        result(criteria={"tool_selection": 25.0}),
        JudgeResult(
            task_id="E01",
            quality=1,
            judge="llm",
            judge_model="j",
            prompt_version="1",
            status="ok",
            score=80.0,
            reason="fine",
        ),
    ]
    decoder = msgspec.json.Decoder(RunLine)
    for line in lines:
        raw = msgspec.json.encode(line)
        assert msgspec.json.decode(raw)["type"] in ("header", "item", "judge")
        assert decoder.decode(raw) == line


def test_header_carries_the_schema_version() -> None:
    assert msgspec.json.decode(msgspec.json.encode(header()))["schema_version"] == SCHEMA_VERSION


def test_tasks_decode_by_suite_tag() -> None:
    for task in (tool_task("E01"), chart_task("C_E01")):
        assert msgspec.json.decode(msgspec.json.encode(task), type=Task) == task


def test_expected_args_accept_lists_and_matchers() -> None:
    raw = b'{"name": "f", "args": {"a": [1, 2], "b": {"any_of": ["x"], "match": "text"}}}'
    call = msgspec.json.decode(raw, type=ExpectedCall)
    assert call.args["a"] == [1, 2]
    assert call.args["b"] == ArgMatcher(any_of=("x",), match="text")
    assert call.key == "f"


def test_prompt_by_quality() -> None:
    task = tool_task("E01")
    assert task.prompt(1) == "prompt at quality 1"
    assert task.prompt(10) == "prompt at quality 10"
    with pytest.raises(ValueError, match="quality 1-10"):
        task.prompt(11)


def test_usage_adds_and_keeps_unknown_cost_unknown() -> None:
    total = Usage(prompt_tokens=3, cost=None) + Usage(completion_tokens=2, cost=None)
    assert (total.prompt_tokens, total.completion_tokens, total.cost) == (3, 2, None)
    assert (Usage(cost=0.5) + Usage()).cost == 0.5


def test_public_api_lists_every_public_name_once() -> None:
    names = bench_core.__all__
    assert len(set(names)) == len(names)
    for name in names:
        assert hasattr(bench_core, name), name
    public = {n for n in vars(bench_core) if not n.startswith("_")} - {"testing", "authoring"}
    assert public == set(names) - {"__version__"}
