"""Checking a call's arguments against its tool's schema, as the API's request validation does.

A model's arguments are untrusted input: anything may arrive. The check covers what the
journal's schemas use (types, enums, date formats, bounds, lengths, unknown and missing
arguments) and says in one line what is wrong and what is allowed.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any

_TYPE_NAMES = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "array": "an array",
    "boolean": "a boolean",
}


class ApiError(Exception):
    """A call the API refuses; it becomes the call's ``{"error": {"code", "message"}}`` result.

    Args:
        message: What is wrong and what is allowed, in one line.
        code: ``invalid_argument`` (the default), ``not_found`` or ``conflict``.
    """

    def __init__(self, message: str, code: str = "invalid_argument") -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def check_arguments(tool: str, schema: Mapping[str, Any], arguments: Any) -> dict[str, Any]:
    """The arguments, normalised (integral floats to int, dates to ``datetime.date``).

    Raises:
        ApiError: An argument is unknown, missing, of the wrong type or out of range.
    """
    if not isinstance(arguments, Mapping):
        raise ApiError(f"arguments of {tool} must be a JSON object")
    properties: Mapping[str, Any] = schema["properties"]
    unknown = sorted(str(key) for key in arguments if key not in properties)
    if unknown:
        allowed = ", ".join(properties) or "none"
        raise ApiError(f"unknown argument {unknown[0]!r} for {tool}; its arguments are: {allowed}")
    for name in schema["required"]:
        if name not in arguments or arguments[name] is None:
            raise ApiError(f"missing required argument {name!r} for {tool}")
    checked: dict[str, Any] = {}
    for name, value in arguments.items():
        if value is None:  # JSON null: treated as not given, as most APIs do
            continue
        checked[name] = _check(name, properties[name], value)
    return checked


def _check(name: str, schema: Mapping[str, Any], value: Any) -> Any:
    kind = schema["type"]
    if kind == "string":
        return _check_string(name, schema, value)
    if kind in ("integer", "number"):
        return _check_number(name, schema, value)
    if kind == "array":
        if not isinstance(value, list):
            raise ApiError(f"{name} must be an array, got {_describe(value)}")
        item_schema = schema["items"]
        return [_check(f"{name}[{i}]", item_schema, item) for i, item in enumerate(value)]
    raise ApiError(f"{name} has a type this API does not accept")  # pragma: no cover


def _check_string(name: str, schema: Mapping[str, Any], value: Any) -> Any:
    if not isinstance(value, str):
        raise ApiError(f"{name} must be a string, got {_describe(value)}")
    enum = schema.get("enum")
    if enum is not None and value not in enum:
        options = ", ".join(repr(v) for v in enum)
        raise ApiError(f"{name} must be one of {options}; got {_describe(value)}")
    if "minLength" in schema and len(value.strip()) < schema["minLength"]:
        raise ApiError(f"{name} must have at least {schema['minLength']} characters")
    if "maxLength" in schema and len(value) > schema["maxLength"]:
        raise ApiError(f"{name} must have at most {schema['maxLength']} characters")
    if schema.get("format") == "date":
        return parse_date(name, value)
    return value


def parse_date(name: str, value: str) -> dt.date:
    """A calendar date from ``YYYY-MM-DD`` (a full ISO timestamp is read as its UTC date)."""
    text = value.strip()
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ApiError(f"{name} must be a date as YYYY-MM-DD, got {_describe(value)}") from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC)
    return moment.date()


def _check_number(name: str, schema: Mapping[str, Any], value: Any) -> Any:
    kind = schema["type"]
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ApiError(f"{name} must be {_TYPE_NAMES[kind]}, got {_describe(value)}")
    if not math.isfinite(value):
        raise ApiError(f"{name} must be a finite number")
    if kind == "integer":
        if isinstance(value, float) and not value.is_integer():
            raise ApiError(f"{name} must be an integer, got {value!r}")
        value = int(value)
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is not None and value < low:
        raise ApiError(_range_message(name, low, high, value))
    if high is not None and value > high:
        raise ApiError(_range_message(name, low, high, value))
    if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
        raise ApiError(f"{name} must be greater than {schema['exclusiveMinimum']}")
    return value


def _range_message(name: str, low: Any, high: Any, value: Any) -> str:
    if high is None:
        return f"{name} must be at least {low}, got {value!r}"
    return f"{name} must be between {low} and {high}, got {value!r}"


def _describe(value: Any) -> str:
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:39] + "…"
        return f"the string {shown!r}"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, Mapping):
        return "an object"
    return "null" if value is None else type(value).__name__
