"""Type checks of an argument against its JSON Schema (the subset tool schemas use)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from ._values import parse_moment
from ._values import short_repr as _short

# The Berkeley Function Calling Leaderboard writes some types the Python way; read both.
_TYPE_ALIASES = {"dict": "object", "float": "number", "tuple": "array", "list": "array"}


def type_problem(
    schema: Mapping[str, Any], value: Any, *, depth: int = 0, date_times: bool = False
) -> str | None:
    """Why ``value`` does not fit ``schema``, or None when it does.

    Checks the JSON type (an integral float is an integer, as JSON Schema says), ``enum``,
    the ``date`` and ``date-time`` formats, array items and object properties. With
    ``date_times``, a date-time fits a ``date`` and a date a ``date-time`` (for APIs that read
    either, as most do): the value's matcher still decides whether it is the right moment.
    """
    if depth > 32:  # hostile nesting: judge what we have read
        return None
    for combinator in ("anyOf", "oneOf"):
        options = schema.get(combinator)
        if isinstance(options, list) and options:
            problems = [
                type_problem(o, value, depth=depth + 1, date_times=date_times)
                for o in options
                if isinstance(o, Mapping)
            ]
            return None if any(p is None for p in problems) else problems[0]
    declared = schema.get("type")
    types = declared if isinstance(declared, list) else [declared] if declared else []
    types = [_TYPE_ALIASES.get(t, t) for t in types if isinstance(t, str)]
    if types and "any" not in types and not any(_has_type(value, t) for t in types):
        return f"expects {' or '.join(types)}, got {_json_type(value)}"
    enum = schema.get("enum")
    if isinstance(enum, list) and not any(_same(value, option) for option in enum):
        shown = ", ".join(repr(o) for o in enum[:8]) + (", …" if len(enum) > 8 else "")
        return f"{_short(value)} is not one of {shown}"
    form = schema.get("format")
    if isinstance(value, str) and form in ("date", "date-time"):
        moment = parse_moment(value)
        with_time = isinstance(moment, dt.datetime)
        wrong_form = with_time != (form == "date-time") and not date_times
        if moment is None or wrong_form:
            return f"{_short(value)} is not an ISO {form}"
    if isinstance(value, list):
        items = schema.get("items")
        if isinstance(items, Mapping):
            for index, element in enumerate(value):
                problem = type_problem(items, element, depth=depth + 1, date_times=date_times)
                if problem:
                    return f"item {index}: {problem}"
    if isinstance(value, Mapping):
        properties = schema.get("properties")
        if isinstance(properties, Mapping):
            for key, element in value.items():
                sub = properties.get(key)
                if isinstance(sub, Mapping):
                    problem = type_problem(sub, element, depth=depth + 1, date_times=date_times)
                    if problem:
                        return f"field {key!r}: {problem}"
                elif schema.get("additionalProperties") is False:
                    return f"field {key!r} is not allowed"
            for key in schema.get("required", ()):
                if key not in value:
                    return f"field {key!r} is missing"
    return None


def _has_type(value: Any, kind: str) -> bool:
    if kind == "string":
        return isinstance(value, str)
    if kind == "integer":
        return (isinstance(value, int) and not isinstance(value, bool)) or (
            isinstance(value, float) and value.is_integer()
        )
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "array":
        return isinstance(value, list)
    if kind == "object":
        return isinstance(value, Mapping)
    if kind == "null":
        return value is None
    return True  # a type we do not know is not held against the model


def _same(value: Any, option: Any) -> bool:
    if isinstance(value, bool) or isinstance(option, bool):
        return value is option
    return bool(value == option)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return f"string {_short(value)}"
    if isinstance(value, list):
        return "array"
    if isinstance(value, Mapping):
        return "object"
    return type(value).__name__
