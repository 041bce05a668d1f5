"""Checking a call's arguments against its tool's schema, as the API's request validation does.

A model's arguments are untrusted input: anything may arrive. The check covers what the
platform's schemas use (types, enums, date and date-time formats, bounds, lengths, unknown and
missing arguments) and says in one line what is wrong and what is allowed.
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
    "boolean": "a boolean",
}


class ApiError(Exception):
    """A call the API refuses; it becomes the call's ``{"error": {"code", "message"}}`` result.

    Args:
        message: What is wrong and what is allowed, in one line.
        code: ``invalid_argument`` (the default), ``not_found``, ``conflict`` or
            ``too_many_points``.
    """

    def __init__(self, message: str, code: str = "invalid_argument") -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def check_arguments(tool: str, schema: Mapping[str, Any], arguments: Any) -> dict[str, Any]:
    """The arguments, normalised: integral floats to int, dates and date-times to UTC datetimes.

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
    if kind == "boolean":
        if not isinstance(value, bool):
            raise ApiError(f"{name} must be a boolean, got {_describe(value)}")
        return value
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
    if schema.get("format") in ("date", "date-time"):
        return parse_instant(name, value)
    return value.strip()


def parse_instant(name: str, value: str) -> dt.datetime:
    """An aware UTC instant from ``YYYY-MM-DD`` (midnight UTC) or an ISO 8601 date-time.

    A date-time without an offset is read as UTC.
    """
    text = value.strip()
    try:
        if len(text) == 10:
            day = dt.date.fromisoformat(text)
            return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "T"))
    except ValueError:
        raise ApiError(
            f"{name} must be a date-time as YYYY-MM-DDTHH:MM:SSZ or a date, got {_describe(value)}"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)


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
    if (low is not None and value < low) or (high is not None and value > high):
        if high is None:
            raise ApiError(f"{name} must be at least {low}, got {value!r}")
        raise ApiError(f"{name} must be between {low} and {high}, got {value!r}")
    return value


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
