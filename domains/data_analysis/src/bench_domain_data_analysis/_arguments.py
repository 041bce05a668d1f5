"""Request validation: a call's arguments checked against its tool's schema.

Arguments come from a model and may be anything. The checks cover what this API's schemas use
(types, enums, date formats, bounds, unknown and missing arguments) and explain in one line
what is wrong and what is allowed, the way a real API's 400 response does. Usual spellings are
accepted: enum values in any case, a date-time where a date is asked (its UTC date), integral
floats for integers.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any


class ApiError(Exception):
    """A refused call; it becomes the result ``{"error": {"code", "message"}}``.

    Args:
        message: What is wrong and what is allowed, in one line.
        code: ``invalid_argument`` (the default), ``not_found``, ``conflict`` or
            ``permission_denied``.
    """

    def __init__(self, message: str, code: str = "invalid_argument") -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def check_arguments(tool: str, schema: Mapping[str, Any], arguments: Any) -> dict[str, Any]:
    """The arguments, normalised (enums to their canonical case, dates to ``datetime.date``).

    Raises:
        ApiError: An argument is unknown, missing, of the wrong type or out of range.
    """
    if not isinstance(arguments, Mapping):
        raise ApiError(f"the arguments of {tool} must be a JSON object")
    properties: Mapping[str, Any] = schema["properties"]
    for key in arguments:
        if key not in properties:
            allowed = ", ".join(properties) or "none"
            raise ApiError(f"unknown argument {key!r} for {tool}; it accepts: {allowed}")
    for name in schema.get("required", ()):
        if arguments.get(name) is None:
            raise ApiError(f"missing required argument {name!r} for {tool}")
    return {
        name: _check(name, properties[name], value)
        for name, value in arguments.items()
        if value is not None  # JSON null reads as "not given", as most APIs treat it
    }


def _check(name: str, schema: Mapping[str, Any], value: Any) -> Any:
    kind = schema["type"]
    if kind == "string":
        return _string(name, schema, value)
    if kind in ("integer", "number"):
        return _number(name, schema, value)
    if kind == "boolean":
        if not isinstance(value, bool):
            raise ApiError(f"{name} must be true or false, got {describe(value)}")
        return value
    if kind == "array":
        if not isinstance(value, list):
            raise ApiError(f"{name} must be an array, got {describe(value)}")
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            raise ApiError(f"{name} takes at most {schema['maxItems']} items")
        return [_check(f"{name}[{i}]", schema["items"], v) for i, v in enumerate(value)]
    raise ApiError(f"{name} has a type this API does not accept")  # pragma: no cover


def _string(name: str, schema: Mapping[str, Any], value: Any) -> Any:
    if not isinstance(value, str):
        raise ApiError(f"{name} must be a string, got {describe(value)}")
    text = value.strip()
    enum = schema.get("enum")
    if enum is not None:
        for option in enum:
            if option.casefold() == text.casefold():
                return option
        options = ", ".join(repr(v) for v in enum)
        raise ApiError(f"{name} must be one of {options}; got {describe(value)}")
    if len(text) < schema.get("minLength", 0):
        raise ApiError(f"{name} must have at least {schema['minLength']} characters")
    if "maxLength" in schema and len(text) > schema["maxLength"]:
        raise ApiError(f"{name} must have at most {schema['maxLength']} characters")
    if schema.get("format") == "date":
        return parse_date(name, text)
    return text


def parse_date(name: str, text: str) -> dt.date:
    """A date from ``YYYY-MM-DD``; a full ISO timestamp is read as its UTC date."""
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "T"))
    except ValueError:
        raise ApiError(f"{name} must be a date as YYYY-MM-DD, got {describe(text)}") from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC)
    return moment.date()


def _number(name: str, schema: Mapping[str, Any], value: Any) -> Any:
    kind = schema["type"]
    if isinstance(value, bool) or not isinstance(value, int | float):
        article = "an integer" if kind == "integer" else "a number"
        raise ApiError(f"{name} must be {article}, got {describe(value)}")
    if not math.isfinite(value):
        raise ApiError(f"{name} must be a finite number")
    if kind == "integer":
        if isinstance(value, float) and not value.is_integer():
            raise ApiError(f"{name} must be a whole number, got {value!r}")
        value = int(value)
    low, high = schema.get("minimum"), schema.get("maximum")
    if (low is not None and value < low) or (high is not None and value > high):
        if high is None:
            raise ApiError(f"{name} must be at least {low}, got {value!r}")
        raise ApiError(f"{name} must be between {low} and {high}, got {value!r}")
    return value


def describe(value: Any) -> str:
    """A short description of a value for an error message."""
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
