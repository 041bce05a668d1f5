"""The judges' verdicts: pydantic models with the reason first, and a tolerant reader.

A judge model is asked for one JSON object, by the prompt and, where the endpoint takes it, by
a strict ``json_schema`` response format (`verdict_format`). It may still wrap the object in a
fenced block or write a sentence before it; the reader looks for the object in each of those
places and validates it. Anything that does not validate is a `VerdictError`, which the judges
turn into an ``infra_error`` verdict: an unreadable answer is the judge's failure, never a
score of 0.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bench_clients import ResponseFormat

Points = Annotated[float, Field(ge=0.0, le=100.0)]

# A verdict is a few hundred characters; a longer answer is searched only this far.
_MAX_VERDICT_CHARS = 50_000
# Opening braces tried as the start of the object before giving up.
_MAX_STARTS = 64
_FENCED = re.compile(r"```[ \t]*(?:json|JSON)?[ \t]*\r?\n(.*?)```", re.DOTALL)
_DECODER = json.JSONDecoder()


class _Verdict(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    reason: str = Field(min_length=1, description="Why the scores are what they are.")


class ToolVerdict(_Verdict):
    """The LLM judge's verdict on a tool-calling episode; every score is 0..100."""

    correctness: Points = Field(
        description="Did the calls and the final answer do what the user asked?"
    )
    reasoning_quality: Points = Field(
        description="Were the steps sensible, ordered and justified by the tool results?"
    )
    hallucinations: Points = Field(
        description="100: nothing invented; 0: answer or arguments mostly invented."
    )
    score: Points = Field(description="The overall score.")

    def scores(self) -> dict[str, float]:
        """The sub-scores by name."""
        return {
            "correctness": self.correctness,
            "reasoning_quality": self.reasoning_quality,
            "hallucinations": self.hallucinations,
        }


class ChartVerdict(_Verdict):
    """The LLM judge's verdict on a chart document; every score is 0..100."""

    visual_clarity: Points = Field(description="Is the chart easy to read?")
    data_accuracy: Points = Field(description="Does it show exactly the data given?")
    design_quality: Points = Field(description="Does it follow the requested design?")
    score: Points = Field(description="The overall score.")

    def scores(self) -> dict[str, float]:
        """The sub-scores by name."""
        return {
            "visual_clarity": self.visual_clarity,
            "data_accuracy": self.data_accuracy,
            "design_quality": self.design_quality,
        }


class VisualVerdict(_Verdict):
    """The visual judge's verdict on a rendered chart (or its HTML): one 0..100 score."""

    score: Points = Field(description="How well the chart meets the request, 0..100.")

    def scores(self) -> dict[str, float]:
        """No sub-scores: the visual judge gives one score."""
        return {}


V = TypeVar("V", bound=_Verdict)

Verdict = ToolVerdict | ChartVerdict | VisualVerdict


class VerdictError(ValueError):
    """The judge's answer holds no valid verdict; the message says why, on one line."""


def verdict_schema(model: type[_Verdict]) -> dict[str, Any]:
    """The JSON schema of a verdict, its properties in order: the reason first."""
    return model.model_json_schema()


@functools.cache
def verdict_format(model: type[_Verdict]) -> ResponseFormat:
    """The strict ``json_schema`` response format of a verdict, named after its model."""
    return ResponseFormat(name=model.__name__, schema=strict_schema(verdict_schema(model)))


# Keywords outside OpenAI's strict subset, which refuses a schema that has them; pydantic
# still checks them when it reads the answer.
_NOT_STRICT = frozenset({"default", "minLength", "maxLength", "minProperties", "maxProperties"})
# Keywords whose value is a schema, or a list or a mapping of schemas.
_SUBSCHEMA = frozenset({"items", "not", "additionalProperties"})
_SUBSCHEMAS = frozenset({"anyOf", "allOf", "oneOf", "prefixItems"})
_NAMED_SUBSCHEMAS = frozenset({"properties", "$defs", "definitions"})


def strict_schema(schema: Mapping[str, Any]) -> dict[str, Any]:
    """``schema`` in the subset strict structured outputs accept: every object closed
    (``additionalProperties: false``) with all its properties required, and no keyword the
    strict subset refuses. A property that was optional becomes required."""
    strict: dict[str, Any] = {}
    for key, value in schema.items():
        if key in _NOT_STRICT:
            continue
        if key in _SUBSCHEMA and isinstance(value, Mapping):
            strict[key] = strict_schema(value)
        elif key in _SUBSCHEMAS and isinstance(value, list):
            strict[key] = [strict_schema(v) if isinstance(v, Mapping) else v for v in value]
        elif key in _NAMED_SUBSCHEMAS and isinstance(value, Mapping):
            strict[key] = {
                name: strict_schema(v) if isinstance(v, Mapping) else v for name, v in value.items()
            }
        else:
            strict[key] = value
    if "properties" in strict or strict.get("type") == "object":
        strict["additionalProperties"] = False
        strict["required"] = list(strict.get("properties", {}))
    return strict


def is_bare_json_object(text: str | None) -> bool:
    """Whether ``text`` is one JSON object and nothing else, as an endpoint that enforces a
    schema answers."""
    return text is not None and _decode(text.strip()) is not None


def parse_verdict(text: str | None, model: type[V]) -> V:
    """The verdict in a judge's answer: the whole text, a fenced block, or the first JSON
    object in it that validates.

    Raises:
        VerdictError: No candidate validates; the message gives the last reason.
    """
    if text is None or not text.strip():
        raise VerdictError("the judge's answer is empty")
    text = text[:_MAX_VERDICT_CHARS]
    problem = "the answer holds no JSON object"
    for candidate in _candidates(text):
        try:
            return model.model_validate(candidate)
        except ValidationError as error:
            problem = _describe(error)
    raise VerdictError(f"no valid verdict in the judge's answer: {problem}")


def _candidates(text: str) -> list[Any]:
    found: list[Any] = []
    stripped = text.strip()
    whole = _decode(stripped)
    if whole is not None:
        found.append(whole)
    for block in _FENCED.findall(text):
        value = _decode(block.strip())
        if value is not None:
            found.append(value)
    start = text.find("{")
    tries = 0
    while start != -1 and tries < _MAX_STARTS:
        tries += 1
        try:
            value, end = _DECODER.raw_decode(text, start)
        except (ValueError, RecursionError):
            start = text.find("{", start + 1)
            continue
        if isinstance(value, dict):
            found.append(value)
        start = text.find("{", end)
    return found


def _decode(text: str) -> Any:
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return None
    return value if isinstance(value, dict) else None


def _describe(error: ValidationError) -> str:
    parts = []
    for detail in error.errors(include_url=False, include_input=False)[:3]:
        where = ".".join(str(part) for part in detail["loc"]) or "verdict"
        parts.append(f"{where}: {detail['msg']}")
    return "; ".join(parts)
