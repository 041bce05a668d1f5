"""Reading assistant messages in every form providers and models send them."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench_clients import normalize_message, read_usage
from bench_clients._completion import read_completion
from bench_clients._normalize import MAX_CALLS, MAX_SCAN_CHARS
from bench_core import ToolCall, Usage

from .support import call

TRADES = ToolCall(name="get_trades", arguments={"symbol": "AAPL"}, id="call_1")


def read(message: Any) -> tuple[str | None, list[ToolCall], str | None, list[str]]:
    return normalize_message(message)


# --- native tool calls -------------------------------------------------------------------


def test_a_plain_openai_message_is_read_without_notes() -> None:
    message = {
        "role": "assistant",
        "content": None,
        "tool_calls": [call("get_trades", '{"symbol": "AAPL"}', "call__0_get_trades_cmpl-1")],
    }
    content, calls, reasoning, notes = read(message)
    assert content is None
    assert calls == [
        ToolCall(name="get_trades", arguments={"symbol": "AAPL"}, id="call__0_get_trades_cmpl-1")
    ]
    assert (reasoning, notes) == (None, [])


@pytest.mark.parametrize(
    ("arguments", "note"),
    [
        ({"symbol": "AAPL"}, "arguments were an object, not a JSON string"),
        (json.dumps(json.dumps({"symbol": "AAPL"})), "arguments were double-encoded JSON"),
        (
            '```json\n{"symbol": "AAPL"}\n```',
            "arguments of get_trades were wrapped in a code fence",
        ),
    ],
)
def test_arguments_in_other_forms_are_read_and_noted(arguments: Any, note: str) -> None:
    _, calls, _, notes = read(
        {"content": None, "tool_calls": [call("get_trades", arguments, None)]}
    )
    assert calls == [TRADES]
    assert note in notes


@pytest.mark.parametrize(
    ("arguments", "note"),
    [
        ('{"symbol": "AAPL"', "arguments of get_trades were not a JSON object"),
        ("[1, 2]", "arguments of get_trades were not a JSON object"),
        (42, "arguments of get_trades were a number, not a JSON object"),
        (None, "arguments of get_trades were missing; read as {}"),
    ],
)
def test_unreadable_arguments_become_an_empty_object_with_a_note(arguments: Any, note: str) -> None:
    _, calls, _, notes = read({"tool_calls": [call("get_trades", arguments)]})
    assert calls == [ToolCall(name="get_trades", arguments={}, id="call_a")]
    assert note in notes


def test_empty_arguments_are_an_empty_object() -> None:
    _, calls, _, notes = read({"tool_calls": [call("list_strategies", "")]})
    assert calls == [ToolCall(name="list_strategies", arguments={}, id="call_a")]
    assert notes == []


def test_ids_are_generated_where_missing_and_made_unique() -> None:
    message = {
        "tool_calls": [
            call("a", "{}", None),
            call("b", "{}", "call_1"),
            call("c", "{}", "call_1"),
            call("d", "{}", ""),
        ]
    }
    _, calls, _, notes = read(message)
    assert [c.id for c in calls] == ["call_2", "call_1", "call_3", "call_4"]
    assert "a repeated tool call id was replaced" in notes
    assert "tool call ids were missing and were generated" in notes


def test_calls_without_a_name_are_dropped_with_a_note() -> None:
    message = {"tool_calls": [{"function": {"arguments": "{}"}}, "junk", call("a", "{}")]}
    _, calls, _, notes = read(message)
    assert [c.name for c in calls] == ["a"]
    assert notes.count("a tool call without a function name was dropped") == 1


def test_the_legacy_function_call_field_is_read() -> None:
    message = {
        "content": None,
        "function_call": {"name": "get_trades", "arguments": '{"symbol": "AAPL"}'},
    }
    _, calls, _, notes = read(message)
    assert calls == [TRADES]
    assert "tool call read from the legacy function_call field" in notes


def test_native_calls_leave_the_content_alone() -> None:
    text = 'I will call <tool_call>{"name": "x", "arguments": {}}</tool_call>'
    content, calls, _, _ = read({"content": text, "tool_calls": [call("get_trades", "{}")]})
    assert content == text
    assert [c.name for c in calls] == ["get_trades"]


# --- content -----------------------------------------------------------------------------


def test_content_as_a_list_of_text_parts_is_joined() -> None:
    message = {"content": [{"type": "text", "text": "Your last "}, {"type": "image_url"}, "trade."]}
    content, _, _, notes = read(message)
    assert content == "Your last trade."
    assert "content was a list of parts" in notes


def test_empty_content_is_none_and_a_refusal_is_the_content() -> None:
    assert read({"content": ""})[0] is None
    assert read({"content": " \n "})[0] is None
    content, _, _, notes = read({"content": None, "refusal": "I can't help with that."})
    assert content == "I can't help with that."
    assert "content read from the refusal field" in notes


# --- tool calls written into the content -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rest", "note"),
    [
        (
            'Let me look.\n<tool_call>\n{"name": "get_trades", "arguments": {"symbol": "AAPL"}}\n'
            "</tool_call>",
            "Let me look.",
            "tool call read from a <tool_call> block in the content",
        ),
        (
            '<tool_call>{"name": "get_trades", "arguments": {"symbol": "AAPL"}}',
            None,
            "tool call read from a <tool_call> block in the content",
        ),
        (
            'Calling:\n```json\n{"name": "get_trades", "arguments": {"symbol": "AAPL"}}\n```\nok',
            "Calling:\n\nok",
            "tool call read from a fenced JSON block in the content",
        ),
        (
            '```\n{"name": "get_trades", "parameters": {"symbol": "AAPL"}}\n```',
            None,
            "tool call read from a fenced JSON block in the content",
        ),
        (
            '  {"name": "get_trades", "arguments": {"symbol": "AAPL"}}\n',
            None,
            "tool call read from a bare JSON object in the content",
        ),
        (
            '{"name": "get_trades", "arguments": "{\\"symbol\\": \\"AAPL\\"}"}',
            None,
            "tool call read from a bare JSON object in the content",
        ),
        (
            '{"type": "function", "function": '
            '{"name": "get_trades", "arguments": {"symbol": "AAPL"}}}',
            None,
            "tool call read from a bare JSON object in the content",
        ),
        (
            '[TOOL_CALLS][{"name": "get_trades", "arguments": {"symbol": "AAPL"}}]',
            None,
            "tool call read from a [TOOL_CALLS] list in the content",
        ),
        (
            '[TOOL_CALLS]get_trades[ARGS]{"symbol": "AAPL"}',
            None,
            "tool call read from a [TOOL_CALLS] list in the content",
        ),
    ],
)
def test_a_tool_call_written_into_the_content_is_read_and_removed(
    text: str, rest: str | None, note: str
) -> None:
    content, calls, _, notes = read({"content": text})
    assert calls == [TRADES]
    assert content == rest
    assert note in notes
    # Text-form calls have no id and an object for arguments by nature: no note for that.
    assert "tool call ids were missing and were generated" not in notes
    assert "arguments were an object, not a JSON string" not in notes


def test_several_tool_call_blocks_give_several_calls_in_order() -> None:
    text = (
        '<tool_call>{"name": "list_strategies", "arguments": {}}</tool_call>\n'
        '<tool_call>{"name": "get_trades", "arguments": {"symbol": "AAPL"}}</tool_call>'
    )
    _, calls, _, _ = read({"content": text})
    assert [(c.name, c.id) for c in calls] == [
        ("list_strategies", "call_1"),
        ("get_trades", "call_2"),
    ]


def test_a_list_of_calls_in_a_fence_and_mistral_pairs_give_every_call() -> None:
    fence = '```json\n[{"name": "a", "arguments": {}}, {"name": "b", "arguments": {"x": 1}}]\n```'
    assert [c.name for c in read({"content": fence})[1]] == ["a", "b"]
    mistral = '[TOOL_CALLS]a[ARGS]{}[TOOL_CALLS]b[ARGS]{"x": 1}'
    assert [(c.name, c.arguments) for c in read({"content": mistral})[1]] == [
        ("a", {}),
        ("b", {"x": 1}),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The answer is 42.",
        'Here is the data: {"symbol": "AAPL", "pnl": 12.5}',
        '```json\n{"symbol": "AAPL"}\n```',
        "```html\n<svg></svg>\n```",
        '{"name": "Alice"}',
        '{"name": "get_trades", "arguments": {}} and then some words',
    ],
)
def test_text_that_is_not_a_call_stays_text(text: str) -> None:
    content, calls, _, notes = read({"content": text})
    assert (content, calls, notes) == (text, [], [])


def test_a_tool_call_block_that_is_not_a_call_stays_in_the_content() -> None:
    text = "<tool_call>get_trades(symbol='AAPL')</tool_call>"
    content, calls, _, notes = read({"content": text})
    assert (content, calls) == (text, [])
    assert "a <tool_call> block that is not a call was left in the content" in notes


# --- reasoning ---------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["reasoning", "reasoning_content"])
def test_reasoning_is_read_from_either_field(field: str) -> None:
    _, _, reasoning, notes = read({"content": "4", field: "2 + 2 = 4"})
    assert (reasoning, notes) == ("2 + 2 = 4", [])


def test_reasoning_details_give_their_text_and_summaries_not_encrypted_data() -> None:
    details = [
        {"type": "reasoning.summary", "summary": "Checked the trades."},
        {"type": "reasoning.encrypted", "data": "gAAAA..."},
        {"type": "reasoning.text", "text": "AAPL first."},
    ]
    _, _, reasoning, notes = read({"content": "ok", "reasoning_details": details})
    assert reasoning == "Checked the trades.\n\nAAPL first."
    assert "reasoning read from reasoning_details" in notes


def test_think_blocks_become_reasoning_and_hide_no_tool_calls() -> None:
    text = (
        '<think>Maybe <tool_call>{"name": "x", "arguments": {}}</tool_call>? No.</think>'
        "The answer is 4."
    )
    content, calls, reasoning, notes = read({"content": text})
    assert content == "The answer is 4."
    assert calls == []
    assert reasoning is not None
    assert reasoning.startswith("Maybe")
    assert "reasoning read from a <think> block in the content" in notes


def test_a_closing_think_tag_alone_ends_the_reasoning() -> None:
    content, _, reasoning, _ = read({"content": "I should list trades.</think>\n\nHere they are."})
    assert (content, reasoning) == ("Here they are.", "I should list trades.")


def test_an_unclosed_think_block_is_all_reasoning() -> None:
    content, _, reasoning, _ = read({"content": "Sure. <think>still thinking"})
    assert (content, reasoning) == ("Sure.", "still thinking")


# --- usage and the response body ---------------------------------------------------------


def test_usage_reads_tokens_and_cost_and_ignores_garbage() -> None:
    raw = {
        "prompt_tokens": 10,
        "completion_tokens": 5,
        "completion_tokens_details": {"reasoning_tokens": 3},
        "cost": 0.0012,
    }
    assert read_usage(raw) == Usage(
        prompt_tokens=10, completion_tokens=5, reasoning_tokens=3, cost=0.0012
    )
    garbage = {"prompt_tokens": "10", "completion_tokens": True, "cost": float("nan")}
    assert read_usage(garbage) == Usage()
    assert read_usage(None) == Usage()


# --- untrusted output --------------------------------------------------------------------


def test_huge_content_is_bounded_in_time_and_in_calls() -> None:
    many = '<tool_call>{"name": "a", "arguments": {}}</tool_call>' * 10_000
    unclosed = "<tool_call>{" * 100_000
    fences = "```{" * 100_000
    nested = "[" * 100_000
    started = time.perf_counter()
    _, calls, _, notes = read({"content": many})
    for text in (unclosed, fences, nested):
        read({"content": text})
    # Quadratic work on these inputs would take minutes; linear work takes well under a second.
    assert time.perf_counter() - started < 10
    assert len(calls) == MAX_CALLS
    assert any("dropped" in note for note in notes)


def test_calls_past_the_scanned_prefix_are_not_read() -> None:
    text = "x" * MAX_SCAN_CHARS + '<tool_call>{"name": "a", "arguments": {}}</tool_call>'
    content, calls, _, _ = read({"content": text})
    assert (content, calls) == (text, [])


def test_deeply_nested_arguments_do_not_raise() -> None:
    deep = "[" * 50_000 + "]" * 50_000
    _, calls, _, notes = read({"tool_calls": [call("a", deep)]})
    assert calls == [ToolCall(name="a", arguments={}, id="call_a")]
    assert "arguments of a were not a JSON object" in notes


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
MARKERS = st.sampled_from(
    [
        "<tool_call>",
        "</tool_call>",
        "```",
        "```json\n",
        "[TOOL_CALLS]",
        "[ARGS]",
        "<think>",
        "</think>",
        "{",
        "}",
        "[",
        "]",
        '"name": "a"',
        '"arguments": ',
        ",",
        ":",
        '"x"',
        " ",
        "\n",
    ]
)
TEXT = st.lists(MARKERS | st.text(max_size=5), max_size=25).map("".join)
CALL = st.fixed_dictionaries(
    {},
    optional={
        "id": JSON | st.text(max_size=6),
        "type": JSON,
        "function": JSON
        | st.fixed_dictionaries({}, optional={"name": JSON | TEXT, "arguments": JSON | TEXT}),
        "name": JSON | TEXT,
        "arguments": JSON | TEXT,
    },
)
MESSAGE = st.fixed_dictionaries(
    {},
    optional={
        "role": JSON,
        "content": JSON
        | TEXT
        | st.lists(JSON | st.fixed_dictionaries({"type": JSON, "text": JSON | TEXT})),
        "tool_calls": JSON | st.lists(CALL | JSON, max_size=4),
        "function_call": JSON | CALL,
        "reasoning": JSON | TEXT,
        "reasoning_content": JSON | TEXT,
        "reasoning_details": JSON
        | st.lists(st.dictionaries(st.sampled_from(["type", "text", "summary"]), JSON | TEXT)),
        "refusal": JSON | TEXT,
    },
)


@given(MESSAGE | JSON)
def test_normalize_message_never_raises_and_always_gives_well_formed_calls(message: Any) -> None:
    content, calls, reasoning, notes = normalize_message(message)
    assert content is None or (isinstance(content, str) and content.strip())
    assert reasoning is None or isinstance(reasoning, str)
    assert all(isinstance(note, str) for note in notes)
    assert len(calls) <= MAX_CALLS
    ids = [c.id for c in calls]
    assert all(isinstance(i, str) and i for i in ids)
    assert len(set(ids)) == len(ids)
    assert all(isinstance(c.name, str) and c.name and isinstance(c.arguments, dict) for c in calls)


@given(MESSAGE)
def test_every_readable_message_gives_a_history_message_that_is_json(message: Any) -> None:
    body = {"choices": [{"message": message, "finish_reason": "stop"}]}
    history = read_completion(body, latency_s=0.0, attempts=1).history_message()
    json.dumps(history)
    for entry in history.get("tool_calls", []):
        assert isinstance(entry["function"]["arguments"], str)
