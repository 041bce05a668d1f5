"""One reading of the assistant message, whatever form the provider or the model chose.

Model output is untrusted: nothing here raises on odd input, and the work is bounded however
large the content is. Every change is recorded as a note so that a score never hides how the
answer was read.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bench_core import ToolCall

# Tool calls are looked for in the first this many characters of the content only: a model
# that writes megabytes of text cannot make the harness spend seconds on it.
MAX_SCAN_CHARS = 200_000
# More calls than this in one message is a runaway model, not a plan.
MAX_CALLS = 128

_DECODER = json.JSONDecoder()
_TOOL_CALL_OPEN, _TOOL_CALL_CLOSE = "<tool_call>", "</tool_call>"
_THINK_OPEN, _THINK_CLOSE = "<think>", "</think>"
_MISTRAL_MARK, _MISTRAL_ARGS = "[TOOL_CALLS]", "[ARGS]"
_FENCE = "```"


@dataclass(slots=True)
class Reading:
    """What `read_message` made of a message, with what only the client needs.

    Attributes:
        raw_arguments: The arguments exactly as sent, by call id, for calls whose arguments
            were not a JSON object; passed back so the model sees what it wrote.
    """

    content: str | None
    tool_calls: list[ToolCall]
    reasoning: str | None
    notes: list[str]
    raw_arguments: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class _Call:
    name: str
    arguments: dict[str, Any]
    call_id: str | None = None
    raw_arguments: str | None = None
    native: bool = True


def normalize_message(
    message: Any,
) -> tuple[str | None, list[ToolCall], str | None, list[str]]:
    """Read an assistant message (``choices[0].message``) in any of the forms providers use.

    Accepts arguments as a JSON string, an object or a double-encoded string; ``content: null``
    beside tool calls; content as a list of text parts; tool calls written into the content by
    models without native tool calling (``<tool_call>`` blocks, fenced JSON blocks, a bare JSON
    object with ``name`` and ``arguments``, Mistral's ``[TOOL_CALLS]``), which are then removed
    from the content; reasoning in ``reasoning``, ``reasoning_content``, ``reasoning_details``
    or a ``<think>`` block. Every call gets an id (``call_<n>`` where the provider gave none).
    Never raises.

    Returns:
        The content (``None`` when there is no text), the tool calls, the reasoning, and one
        note for each thing normalisation changed.
    """
    reading = read_message(message)
    return reading.content, reading.tool_calls, reading.reasoning, reading.notes


def read_message(message: Any) -> Reading:
    """`normalize_message`, keeping the unreadable arguments' original text as well."""
    notes: list[str] = []
    if not isinstance(message, Mapping):
        return Reading(None, [], None, ["the message was not a JSON object"])
    content = _read_content(message, notes)
    reasoning = _read_reasoning(message, notes)
    if content is not None:
        content, thought = _split_thinking(content)
        if thought:
            notes.append("reasoning read from a <think> block in the content")
            reasoning = thought if reasoning is None else f"{reasoning}\n\n{thought}"
    calls = _read_native_calls(message, notes)
    if not calls and content:
        calls, content = _calls_in_content(content, notes)
    if len(calls) > MAX_CALLS:
        notes.append(f"{len(calls) - MAX_CALLS} tool calls past the first {MAX_CALLS} dropped")
        del calls[MAX_CALLS:]
    tool_calls, raw_arguments = _with_ids(calls, notes)
    return Reading(content, tool_calls, reasoning, list(dict.fromkeys(notes)), raw_arguments)


def _read_content(message: Mapping[str, Any], notes: list[str]) -> str | None:
    content = message.get("content")
    if isinstance(content, str):
        text: str | None = content
    elif content is None:
        text = None
    elif isinstance(content, list):
        pieces = [piece for part in content if (piece := _part_text(part)) is not None]
        notes.append("content was a list of parts")
        text = "".join(pieces)
    elif isinstance(content, Mapping) and isinstance(content.get("text"), str):
        notes.append("content was an object with a text field")
        text = content["text"]
    else:
        notes.append(f"content was {_json_type(content)}, not text")
        text = _dump(content)
    if not text or text.isspace():
        refusal = message.get("refusal")
        if isinstance(refusal, str) and refusal.strip():
            notes.append("content read from the refusal field")
            return refusal
        return None
    return text


def _part_text(part: Any) -> str | None:
    if isinstance(part, str):
        return part
    if isinstance(part, Mapping):
        for key in ("text", "refusal"):
            value = part.get(key)
            if isinstance(value, str):
                return value
    return None


def _read_reasoning(message: Mapping[str, Any], notes: list[str]) -> str | None:
    for key in ("reasoning", "reasoning_content"):
        value = message.get(key)
        if isinstance(value, str) and value.strip():
            return value
    details = message.get("reasoning_details")
    if isinstance(details, list):
        texts = [
            value
            for detail in details
            if isinstance(detail, Mapping)
            for key in ("text", "summary")
            if isinstance(value := detail.get(key), str) and value.strip()
        ]
        if texts:
            notes.append("reasoning read from reasoning_details")
            return "\n\n".join(texts)
    return None


def _split_thinking(content: str) -> tuple[str | None, str | None]:
    """Content without its ``<think>`` blocks, and their text.

    A ``</think>`` with no opening tag before it counts too: some chat templates put the
    opening tag in the prompt, so the answer starts inside the block.
    """
    close = content.find(_THINK_CLOSE)
    if close == -1 and _THINK_OPEN not in content:
        return content, None
    thoughts: list[str] = []
    kept: list[str] = []
    position = 0
    if close != -1 and _THINK_OPEN not in content[:close]:
        thoughts.append(content[:close])
        position = close + len(_THINK_CLOSE)
    while (start := content.find(_THINK_OPEN, position)) != -1:
        kept.append(content[position:start])
        end = content.find(_THINK_CLOSE, start)
        if end == -1:  # cut off while thinking: the rest is thought
            thoughts.append(content[start + len(_THINK_OPEN) :])
            position = len(content)
            break
        thoughts.append(content[start + len(_THINK_OPEN) : end])
        position = end + len(_THINK_CLOSE)
    kept.append(content[position:])
    rest = "".join(kept).strip()
    thought = "\n\n".join(text.strip() for text in thoughts if text.strip())
    return rest or None, thought or None


def _read_native_calls(message: Mapping[str, Any], notes: list[str]) -> list[_Call]:
    entries = message.get("tool_calls")
    if entries is None and isinstance(message.get("function_call"), Mapping):
        notes.append("tool call read from the legacy function_call field")
        entries = [{"function": message["function_call"]}]
    if entries is None:
        return []
    if isinstance(entries, Mapping):
        notes.append("tool_calls was a single object, not a list")
        entries = [entries]
    if not isinstance(entries, list):
        notes.append(f"tool_calls was {_json_type(entries)}, not a list; ignored")
        return []
    calls: list[_Call] = []
    for entry in entries[: MAX_CALLS + 1]:
        call = _call_from(entry, notes, native=True)
        if call is None:
            notes.append("a tool call without a function name was dropped")
        else:
            call.call_id = _given_id(entry)
            calls.append(call)
    return calls


def _call_from(entry: Any, notes: list[str], *, native: bool) -> _Call | None:
    """A call from ``{"function": {"name", "arguments"}}`` or ``{"name", "arguments"}``.

    Calls written into the text naturally carry their arguments as an object and no id, so
    only native calls get notes for those.
    """
    if not isinstance(entry, Mapping):
        return None
    function = entry.get("function")
    source = function if isinstance(function, Mapping) else entry
    name = source.get("name")
    if not isinstance(name, str) or not name.strip():
        return None
    raw = source["arguments"] if "arguments" in source else source.get("parameters")
    arguments, unreadable = _read_arguments(raw, name, notes, native=native)
    return _Call(name.strip(), arguments, raw_arguments=unreadable, native=native)


def _given_id(entry: Any) -> str | None:
    if isinstance(entry, Mapping):
        call_id = entry.get("id")
        if isinstance(call_id, str) and call_id.strip():
            return call_id
    return None


def _read_arguments(
    raw: Any, name: str, notes: list[str], *, native: bool
) -> tuple[dict[str, Any], str | None]:
    """The arguments as an object, and the original text where they are not one."""
    if raw is None:
        notes.append(f"arguments of {name} were missing; read as {{}}")
        return {}, None
    if isinstance(raw, Mapping):
        if native:
            notes.append("arguments were an object, not a JSON string")
        return dict(raw), None
    if not isinstance(raw, str):
        notes.append(f"arguments of {name} were {_json_type(raw)}, not a JSON object")
        return {}, _dump(raw)
    text = raw.strip()
    if not text:
        return {}, None
    if text.startswith(_FENCE):
        notes.append(f"arguments of {name} were wrapped in a code fence")
        text = _unfence(text)
    value = _loads(text)
    if isinstance(value, str):
        value = _loads(value.strip())
        if isinstance(value, dict):
            notes.append("arguments were double-encoded JSON")
    if isinstance(value, dict):
        return value, None
    notes.append(f"arguments of {name} were not a JSON object")
    return {}, raw


def _calls_in_content(content: str, notes: list[str]) -> tuple[list[_Call], str | None]:
    """Tool calls a model wrote into its text, and the text without them."""
    scanned, tail = content[:MAX_SCAN_CHARS], content[MAX_SCAN_CHARS:]
    calls: list[_Call] = []
    for finder, where in (
        (_tool_call_blocks, "a <tool_call> block"),
        (_mistral_calls, "a [TOOL_CALLS] list"),
        (_fenced_blocks, "a fenced JSON block"),
    ):
        found, scanned = finder(scanned, notes)
        if found:
            notes.append(f"tool call read from {where} in the content")
            calls.extend(found)
    if not calls:
        found = _bare_calls(scanned, notes)
        if found:
            notes.append("tool call read from a bare JSON object in the content")
            calls, scanned = found, ""
    rest = (scanned + tail).strip()
    return calls, rest or None


def _tool_call_blocks(text: str, notes: list[str]) -> tuple[list[_Call], str]:
    calls: list[_Call] = []
    kept: list[str] = []
    position = 0
    while (start := text.find(_TOOL_CALL_OPEN, position)) != -1:
        end = text.find(_TOOL_CALL_CLOSE, start)
        # A model stopped at its end-of-turn token may leave the last block unclosed.
        stop = len(text) if end == -1 else end + len(_TOOL_CALL_CLOSE)
        inner = text[start + len(_TOOL_CALL_OPEN) : len(text) if end == -1 else end]
        found = [call for value in _json_values(inner)[0] for call in _calls_in_value(value, notes)]
        kept.append(text[position:start])
        if found:
            calls.extend(found)
        else:
            notes.append("a <tool_call> block that is not a call was left in the content")
            kept.append(text[start:stop])
        position = stop
    kept.append(text[position:])
    return calls, "".join(kept)


def _mistral_calls(text: str, notes: list[str]) -> tuple[list[_Call], str]:
    """``[TOOL_CALLS][{...}]`` or the newer ``[TOOL_CALLS]name[ARGS]{...}``."""
    start = text.find(_MISTRAL_MARK)
    if start == -1:
        return [], text
    calls: list[_Call] = []
    position = start
    while text.startswith(_MISTRAL_MARK, position):
        position += len(_MISTRAL_MARK)
        position = _skip_space(text, position)
        if text.startswith("[", position) or text.startswith("{", position):
            value, position = _decode_at(text, position)
            calls.extend(_calls_in_value(value, notes))
        else:
            args_at = text.find(_MISTRAL_ARGS, position)
            name = text[position:args_at].strip() if args_at != -1 else ""
            if not name or len(name) > 200 or any(char.isspace() for char in name):
                break
            value, after = _decode_at(text, _skip_space(text, args_at + len(_MISTRAL_ARGS)))
            if not isinstance(value, dict):
                break
            calls.append(_Call(name, value, native=False))
            position = after
        position = _skip_space(text, position)
    if not calls:
        return [], text
    return calls, text[:start] + text[position:]


def _fenced_blocks(text: str, notes: list[str]) -> tuple[list[_Call], str]:
    calls: list[_Call] = []
    kept: list[str] = []
    position = 0
    while (start := text.find(_FENCE, position)) != -1:
        end = text.find(_FENCE, start + len(_FENCE))
        if end == -1:
            break
        block = text[start : end + len(_FENCE)]
        found = [
            call
            for value in _json_values(_unfence(block))[0]
            for call in _calls_in_value(value, notes)
        ]
        kept.append(text[position:start])
        if found:
            calls.extend(found)
        else:
            kept.append(block)
        position = end + len(_FENCE)
    kept.append(text[position:])
    return calls, "".join(kept)


def _bare_calls(text: str, notes: list[str]) -> list[_Call]:
    stripped = text.strip()
    if not stripped.startswith(("{", "[")):
        return []
    values, end = _json_values(stripped)
    if end != len(stripped):
        return []
    return [call for value in values for call in _calls_in_value(value, notes)]


def _json_values(text: str) -> tuple[list[Any], int]:
    """The JSON values one after another at the start of ``text``, and where they end."""
    values: list[Any] = []
    position = _skip_space(text, 0)
    while position < len(text) and len(values) <= MAX_CALLS:
        value, after = _decode_at(text, position)
        if after == position:
            break
        values.append(value)
        position = _skip_space(text, after)
    return values, position


def _calls_in_value(value: Any, notes: list[str]) -> list[_Call]:
    """Calls in a decoded value: a call, a list of calls, or ``{"tool_calls": [...]}``."""
    if isinstance(value, Mapping) and isinstance(value.get("tool_calls"), list):
        items = value["tool_calls"]
    elif isinstance(value, list):
        items = value
    else:
        items = [value]
    calls: list[_Call] = []
    for item in items[: MAX_CALLS + 1]:
        if not isinstance(item, Mapping):
            continue
        function = item.get("function")
        source = function if isinstance(function, Mapping) else item
        if "arguments" in source or "parameters" in source:
            call = _call_from(item, notes, native=False)
            if call is not None:
                calls.append(call)
    return calls


def _with_ids(calls: list[_Call], notes: list[str]) -> tuple[list[ToolCall], dict[str, str]]:
    taken = {call.call_id for call in calls if call.call_id is not None}
    seen: set[str] = set()
    counter = 0
    generated = duplicated = False
    result: list[ToolCall] = []
    raw_arguments: dict[str, str] = {}
    for call in calls:
        call_id = call.call_id
        if call_id is not None and call_id in seen:
            duplicated, call_id = True, None
        if call_id is None:
            counter += 1
            while f"call_{counter}" in taken:
                counter += 1
            call_id = f"call_{counter}"
            taken.add(call_id)
            generated = generated or (call.call_id is None and call.native)
        seen.add(call_id)
        result.append(ToolCall(name=call.name, arguments=call.arguments, id=call_id))
        if call.raw_arguments is not None:
            raw_arguments[call_id] = call.raw_arguments
    if duplicated:
        notes.append("a repeated tool call id was replaced")
    if generated:
        notes.append("tool call ids were missing and were generated")
    return result, raw_arguments


def _decode_at(text: str, position: int) -> tuple[Any, int]:
    """The JSON value at ``position`` and the offset after it; ``(None, position)`` if none."""
    try:
        return _DECODER.raw_decode(text, position)
    except (ValueError, RecursionError):
        return None, position


def _loads(text: str) -> Any:
    value, after = _decode_at(text, 0)
    return value if after and not text[after:].strip() else None


def _unfence(block: str) -> str:
    """The body of a fenced block, without the fences and the language tag."""
    body = block[len(_FENCE) :]
    if body.endswith(_FENCE):
        body = body[: -len(_FENCE)]
    first_line, newline, rest = body.partition("\n")
    if newline and (not first_line.strip() or first_line.strip().isidentifier()):
        return rest
    return body


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    return f"a {type(value).__name__}"


def _dump(value: Any) -> str:
    try:
        return json.dumps(value, ensure_ascii=False)
    except (ValueError, TypeError, RecursionError):
        return f"<{_json_type(value)}>"
