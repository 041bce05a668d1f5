"""Checking a call's arguments against its tool's schema, as the gateway's request validation does.

A model's arguments are untrusted input: anything may arrive. The check covers what the
console's schemas use (types, enums, patterns, date-times, bounds, lengths, unknown and
missing arguments) and says in one line what is wrong and what is allowed.
"""

from __future__ import annotations

import datetime as dt
import math
import re
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
            ``failed_precondition``.
    """

    def __init__(self, message: str, code: str = "invalid_argument") -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def check_arguments(tool: str, schema: Mapping[str, Any], arguments: Any) -> dict[str, Any]:
    """The arguments, normalised: integral floats to int, date-times to ``parse_time`` values.

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
            raise ApiError(f"{name} must be true or false, got {_describe(value)}")
        return value
    raise ApiError(f"{name} has a type this API does not accept")  # pragma: no cover


def _check_string(name: str, schema: Mapping[str, Any], value: Any) -> Any:
    if not isinstance(value, str):
        raise ApiError(f"{name} must be a string, got {_describe(value)}")
    enum = schema.get("enum")
    if enum is not None:
        # Enums are matched case-insensitively ('get' is GET, 'Revoked' is revoked).
        found = next((v for v in enum if v.casefold() == value.strip().casefold()), None)
        if found is None:
            options = ", ".join(repr(v) for v in enum)
            raise ApiError(f"{name} must be one of {options}; got {_describe(value)}")
        return found
    if "minLength" in schema and len(value.strip()) < schema["minLength"]:
        raise ApiError(f"{name} must have at least {schema['minLength']} characters")
    if "maxLength" in schema and len(value) > schema["maxLength"]:
        raise ApiError(f"{name} must have at most {schema['maxLength']} characters")
    if "pattern" in schema and not re.fullmatch(schema["pattern"].strip("^$"), value.strip()):
        raise ApiError(f"{name} must match {schema['pattern']}, got {_describe(value)}")
    if schema.get("format") == "date-time":
        return parse_time(name, value)
    return value.strip()


def parse_time(name: str, value: str) -> dt.datetime | dt.date:
    """A UTC moment from an ISO 8601 date-time, or a ``date`` when only a day was given.

    A date-time without an offset is read as UTC, the console's time.
    """
    text = value.strip()
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        moment = dt.datetime.fromisoformat(text.replace("z", "Z").replace("Z", "+00:00"))
    except ValueError:
        raise ApiError(
            f"{name} must be an ISO 8601 date-time such as 2026-03-17T09:00:00Z, or a date "
            f"YYYY-MM-DD; got {_describe(value)}"
        ) from None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
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
