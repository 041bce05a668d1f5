"""Reading the model's calls and the task's expected calls in every form they come in."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

import msgspec

from bench_core import ArgMatcher, ExpectedCall, ToolCall, TranscriptCall

from ._values import as_matcher

_canonical = msgspec.json.Encoder(order="sorted")


class MadeCall(msgspec.Struct, frozen=True, kw_only=True):
    """A call the model made, normalised.

    Attributes:
        index: Position in the whole trajectory (0-based).
        turn: The assistant turn it came in, where known.
        unreadable: The arguments could not be read as a JSON object (counted as a wrong type).
        notes: What normalisation changed (arguments given as a string, double-encoded, …).
        error: Its result was an error: it satisfies only an expected call that ``fails``.
    """

    name: str
    arguments: dict[str, Any]
    index: int
    turn: int | None = None
    unreadable: bool = False
    notes: tuple[str, ...] = ()
    error: bool = False

    def signature(self) -> bytes:
        """Name and arguments, canonical: equal for identical calls."""
        return self.name.encode() + b"\0" + _canonical.encode(self.arguments)


class Expectation(msgspec.Struct, frozen=True, kw_only=True):
    """An expected call with its matchers resolved."""

    name: str
    key: str
    args: dict[str, ArgMatcher]
    optional: frozenset[str]
    fails: bool = False


def read_calls(calls: Iterable[Any]) -> list[MadeCall]:
    """Normalise the model's calls: OpenAI ``tool_calls`` entries, ``{"name", "arguments"}``
    dicts (arguments as an object or a JSON string), ``ToolCall`` or ``TranscriptCall``
    records. A ``turn`` key, where present, says which assistant turn the call came in; an
    ``error`` key that is true, that its result was an error."""
    made: list[MadeCall] = []
    for index, call in enumerate(calls):
        turn: int | None = None
        error = False
        name: Any
        if isinstance(call, ToolCall):
            name, raw = call.name, call.arguments
        elif isinstance(call, TranscriptCall):
            name, raw, turn, error = call.name, call.arguments, call.turn, call.error
        elif isinstance(call, Mapping):
            function = call.get("function")
            source = function if isinstance(function, Mapping) else call
            name = source.get("name")
            raw = source.get("arguments", source.get("parameters"))
            turn = call.get("turn") if isinstance(call.get("turn"), int) else None
            error = call.get("error") is True
        else:
            name, raw = None, None
        arguments, unreadable, notes = _read_arguments(raw)
        made.append(
            MadeCall(
                name=name if isinstance(name, str) else "",
                arguments=arguments,
                index=index,
                turn=turn,
                unreadable=unreadable,
                notes=notes,
                error=error,
            )
        )
    return made


def _read_arguments(raw: Any) -> tuple[dict[str, Any], bool, tuple[str, ...]]:
    if raw is None or raw == "":
        return {}, False, ()
    if isinstance(raw, Mapping):
        return dict(raw), False, ()
    if not isinstance(raw, str):
        return {}, True, (f"arguments were a {type(raw).__name__}, not an object",)
    notes: list[str] = []
    value: Any = raw
    for _ in range(2):  # some providers encode the arguments twice
        try:
            value = json.loads(value)
        except (ValueError, RecursionError):
            return {}, True, ("arguments are not valid JSON",)
        if isinstance(value, dict):
            return value, False, tuple(notes)
        if not isinstance(value, str):
            break
        notes.append("arguments were JSON-encoded twice")
    return {}, True, ("arguments are not a JSON object",)


def read_expected(expected: Iterable[Any]) -> list[Expectation]:
    """Normalise expected calls: ``ExpectedCall`` records, ``{"name", "args", "optional",
    "id"}`` dicts, or the Berkeley Function Calling Leaderboard's ``{tool: {param: [values]}}``
    form, where ``""`` among the values means the argument may be left out."""
    result: list[Expectation] = []
    for entry in expected:
        fails = False
        if isinstance(entry, ExpectedCall):
            name, args, optional, key = entry.name, entry.args, set(entry.optional), entry.key
            fails = entry.fails
        elif isinstance(entry, Mapping) and "name" in entry:
            name = entry["name"]
            args = entry.get("args", {})
            optional = set(entry.get("optional", ()))
            key = entry.get("id") or name
            fails = entry.get("fails") is True
        elif isinstance(entry, Mapping) and len(entry) == 1:
            name, bfcl_args = next(iter(entry.items()))
            args, optional = {}, set()
            for param, values in bfcl_args.items():
                if isinstance(values, list) and "" in values:
                    optional.add(param)
                args[param] = [v for v in values if v != ""] if isinstance(values, list) else values
            key = name
        else:
            raise ValueError(f"cannot read expected call {entry!r}")
        result.append(
            Expectation(
                name=name,
                key=key,
                args={param: as_matcher(values) for param, values in args.items()},
                optional=frozenset(optional),
                fails=fails,
            )
        )
    return result


def read_tools(tools: Iterable[Mapping[str, Any]]) -> dict[str, Mapping[str, Any]]:
    """Each tool's parameters schema by name, from OpenAI tool entries or bare functions."""
    schemas: dict[str, Mapping[str, Any]] = {}
    for tool in tools:
        function = tool.get("function", tool)
        name = function.get("name")
        if isinstance(name, str):
            parameters = function.get("parameters") or {}
            schemas[name] = parameters if isinstance(parameters, Mapping) else {}
    return schemas
