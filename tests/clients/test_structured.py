"""Structured output: the response_format sent, the fallback where an endpoint refuses it, and
what the completion records of it."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest

from bench_clients import (
    ChatClient,
    Completion,
    InfraError,
    ResponseFormat,
    RetryPolicy,
)
from bench_clients._structured import refuses_response_format

from .support import KEY, USER, FakeTime, answer, client, config, sent

SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"reason": {"type": "string"}, "score": {"type": "number"}},
    "required": ["reason", "score"],
    "additionalProperties": False,
}
VERDICT = ResponseFormat(name="Verdict", schema=SCHEMA)
JSON_ANSWER = answer('{"reason": "fine", "score": 80}')

# How real endpoints refuse the field, as they word it.
OPENAI_UNSUPPORTED = {
    "error": {
        "message": "Unsupported parameter: 'response_format' is not supported with this model.",
        "type": "invalid_request_error",
        "param": "response_format",
        "code": "unsupported_parameter",
    }
}
ONLY_JSON_OBJECT = {"error": {"message": "This response_format type is unavailable now"}}
NO_JSON_MODE = {"error": {"message": "json_object is not supported by this model"}}


def refusal(body: dict[str, Any] = OPENAI_UNSUPPORTED, status: int = 400) -> httpx.Response:
    return httpx.Response(status, json=body)


class Endpoint:
    """Answers each request by what its response_format asks for; keeps every request."""

    def __init__(
        self,
        *,
        json_schema: httpx.Response | None = None,
        json_object: httpx.Response | None = None,
        plain: httpx.Response | None = None,
    ) -> None:
        self.answers = {"json_schema": json_schema, "json_object": json_object, None: plain}
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        kind = sent(request).get("response_format", {}).get("type")
        return self.answers[kind] or httpx.Response(200, json=JSON_ANSWER)

    def kinds(self) -> list[str | None]:
        return [sent(r).get("response_format", {}).get("type") for r in self.requests]


def calls(chat: ChatClient, count: int, **kwargs: Any) -> list[Completion]:
    async def go() -> list[Completion]:
        async with chat:
            return [await chat.complete(USER, **kwargs) for _ in range(count)]

    return asyncio.run(go())


# --- the request -------------------------------------------------------------------------


def test_a_response_format_goes_as_openai_json_schema_with_name_strict_and_schema() -> None:
    endpoint = Endpoint()
    [completion] = calls(client(endpoint), 1, response_format=VERDICT)
    assert sent(endpoint.requests[0])["response_format"] == {
        "type": "json_schema",
        "json_schema": {"name": "Verdict", "strict": True, "schema": SCHEMA},
    }
    assert completion.structured_output == "json_schema"
    assert completion.attempts == 1


def test_a_non_strict_format_says_so() -> None:
    endpoint = Endpoint()
    calls(client(endpoint), 1, response_format=ResponseFormat(name="v-1", schema={}, strict=False))
    assert sent(endpoint.requests[0])["response_format"]["json_schema"]["strict"] is False


def test_without_a_response_format_nothing_is_sent_or_recorded() -> None:
    endpoint = Endpoint()
    [completion] = calls(client(endpoint), 1)
    assert "response_format" not in sent(endpoint.requests[0])
    assert completion.structured_output is None


@pytest.mark.parametrize("name", ["", "has space", "x" * 65, "dotted.name"])
def test_a_name_the_endpoint_would_refuse_is_refused_here(name: str) -> None:
    with pytest.raises(ValueError, match="letters, digits"):
        ResponseFormat(name=name, schema=SCHEMA)


# --- the fallback ------------------------------------------------------------------------


def test_a_refused_schema_is_sent_again_at_once_as_json_mode_and_remembered() -> None:
    endpoint = Endpoint(json_schema=refusal(ONLY_JSON_OBJECT))
    time = FakeTime()
    chat = client(endpoint, time=time)
    first, second, third = calls(chat, 3, response_format=VERDICT)
    assert endpoint.kinds() == ["json_schema", "json_object", "json_object", "json_object"]
    assert (first.structured_output, first.attempts) == ("json_object", 2)
    assert (second.structured_output, second.attempts) == ("json_object", 1)
    assert third.structured_output == "json_object"
    assert time.sleeps == []  # a refusal is not a transient failure: no backoff
    assert chat.structured_output == "json_object"
    assert chat.structured_output_refusal == (
        "HTTP 400 from 127.0.0.1:9: This response_format type is unavailable now"
    )


def test_an_endpoint_that_refuses_both_gets_no_response_format_from_then_on() -> None:
    endpoint = Endpoint(json_schema=refusal(), json_object=refusal(NO_JSON_MODE))
    chat = client(endpoint)
    first, second = calls(chat, 2, response_format=VERDICT)
    assert endpoint.kinds() == ["json_schema", "json_object", None, None]
    assert (first.structured_output, first.attempts) == ("none", 3)
    assert (second.structured_output, second.attempts) == ("none", 1)
    assert first.content == '{"reason": "fine", "score": 80}'
    assert chat.structured_output == "none"
    # The messages and everything else go unchanged in the request without the field.
    assert {k: v for k, v in sent(endpoint.requests[0]).items() if k != "response_format"} == (
        sent(endpoint.requests[2])
    )


def test_the_memory_is_the_clients_own() -> None:
    refused = client(Endpoint(json_schema=refusal(), json_object=refusal()))
    calls(refused, 1, response_format=VERDICT)
    fresh_endpoint = Endpoint()
    calls(client(fresh_endpoint), 1, response_format=VERDICT)
    assert refused.structured_output == "none"
    assert fresh_endpoint.kinds() == ["json_schema"]


def test_an_endpoint_that_ignores_the_field_answers_as_usual() -> None:
    prose = httpx.Response(200, json=answer("I'd give it 80: it is fine."))
    endpoint = Endpoint(json_schema=prose)
    [completion] = calls(client(endpoint), 1, response_format=VERDICT)
    # The endpoint took the schema; whether it kept to it is for the caller's validation.
    assert (completion.structured_output, completion.content) == (
        "json_schema",
        "I'd give it 80: it is fine.",
    )


def test_a_fastapi_validation_error_at_response_format_is_a_refusal() -> None:
    detail = {
        "detail": [
            {
                "loc": ["body", "response_format", "type"],
                "msg": "Input should be 'text' or 'json_object'",
                "type": "literal_error",
            }
        ]
    }
    endpoint = Endpoint(json_schema=refusal(detail, status=422))
    [completion] = calls(client(endpoint), 1, response_format=VERDICT)
    assert completion.structured_output == "json_object"


def test_an_openrouter_error_object_with_code_400_naming_the_field_is_a_refusal() -> None:
    inside = httpx.Response(
        200, json={"error": {"code": 400, "message": "Provider does not support json_schema"}}
    )
    endpoint = Endpoint(json_schema=inside)
    [completion] = calls(client(endpoint), 1, response_format=VERDICT)
    assert endpoint.kinds() == ["json_schema", "json_object"]
    assert completion.structured_output == "json_object"


# --- what is not a refusal ---------------------------------------------------------------


def test_a_400_about_something_else_is_an_infra_error_and_changes_nothing() -> None:
    # FastAPI echoes the offending input: the response_format in it names nothing.
    echo = {
        "detail": [
            {
                "loc": ["body", "messages", 0, "role"],
                "msg": "Input should be 'user'",
                "input": {"response_format": {"type": "json_schema"}},
            }
        ]
    }
    endpoint = Endpoint(json_schema=refusal(echo))
    chat = client(endpoint)
    with pytest.raises(InfraError) as caught:
        calls(chat, 1, response_format=VERDICT)
    assert (caught.value.kind, caught.value.attempts) == ("http_4xx", 1)
    assert endpoint.kinds() == ["json_schema"]
    assert chat.structured_output == "json_schema"
    assert chat.structured_output_refusal is None


def test_a_refusal_of_a_field_that_was_not_sent_is_an_ordinary_400() -> None:
    endpoint = Endpoint(plain=refusal())
    chat = client(endpoint)
    with pytest.raises(InfraError) as caught:
        calls(chat, 1)
    assert (caught.value.kind, caught.value.attempts) == ("http_4xx", 1)
    assert chat.structured_output == "json_schema"


# llama-cpp-python's server refuses a response_format it cannot take with HTTP 500.
LLAMA_CPP_PYTHON = {
    "error": {
        "message": "1 validation error for CreateChatCompletionRequest\nresponse_format.type\n"
        "  Input should be 'text' or 'json_object' [type=literal_error, "
        "input_value='json_schema', input_type=str]",
        "type": "internal_server_error",
        "param": None,
        "code": None,
    }
}


def test_a_500_validation_error_naming_the_field_steps_down_at_once() -> None:
    endpoint = Endpoint(json_schema=refusal(LLAMA_CPP_PYTHON, status=500))
    time = FakeTime()
    chat = client(endpoint, time=time)
    completions = calls(chat, 2, response_format=VERDICT)
    assert endpoint.kinds() == ["json_schema", "json_object", "json_object"]
    assert [c.structured_output for c in completions] == ["json_object", "json_object"]
    assert [c.attempts for c in completions] == [2, 1]
    assert time.sleeps == []  # no backoff: a refusal is not transient
    assert chat.structured_output_refusal is not None
    assert chat.structured_output_refusal.startswith("HTTP 500 from 127.0.0.1:9")


def test_a_5xx_that_names_the_field_steps_down_instead_of_retrying() -> None:
    endpoint = Endpoint(
        json_schema=httpx.Response(503, json=OPENAI_UNSUPPORTED),
        json_object=httpx.Response(502, json=NO_JSON_MODE),
    )
    [completion] = calls(client(endpoint), 1, response_format=VERDICT)
    assert endpoint.kinds() == ["json_schema", "json_object", None]
    assert completion.structured_output == "none"


def test_a_5xx_about_something_else_is_retried() -> None:
    script = [httpx.Response(503, json={"error": {"message": "overloaded"}}), ok_json()]
    requests: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return script.pop(0)

    [completion] = calls(client(handler), 1, response_format=VERDICT)
    assert [sent(r)["response_format"]["type"] for r in requests] == ["json_schema"] * 2
    assert completion.structured_output == "json_schema"


def ok_json() -> httpx.Response:
    return httpx.Response(200, json=JSON_ANSWER)


# --- with the runner's retries -----------------------------------------------------------


def test_a_refusal_costs_no_retry_and_transient_failures_still_back_off() -> None:
    script = [refusal(), httpx.Response(503, text="busy"), httpx.Response(200, json=JSON_ANSWER)]
    requests: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return script.pop(0)

    time = FakeTime()
    chat = client(handler, time=time, retry=RetryPolicy(max_attempts=2))
    [completion] = calls(chat, 1, response_format=VERDICT)
    assert [sent(r)["response_format"]["type"] for r in requests] == [
        "json_schema",
        "json_object",
        "json_object",
    ]
    assert completion.attempts == 3
    assert time.sleeps == [0.5]  # one backoff, for the 503 only


def test_transient_failures_after_a_refusal_give_up_as_usual() -> None:
    endpoint = Endpoint(json_schema=refusal(), json_object=httpx.Response(502, text="down"))
    with pytest.raises(InfraError) as caught:
        calls(client(endpoint, retry=RetryPolicy(max_attempts=2)), 1, response_format=VERDICT)
    assert (caught.value.kind, caught.value.attempts) == ("http_5xx", 3)
    assert "gave up after 3 attempts" in str(caught.value)


def test_a_refusal_does_not_outrun_the_deadline() -> None:
    time = FakeTime()

    def handler(request: httpx.Request) -> httpx.Response:
        time.now += 10  # the refusal takes the rest of the item's time
        return refusal()

    with pytest.raises(InfraError) as caught:
        calls(client(handler, time=time), 1, response_format=VERDICT, deadline=time.now + 5)
    assert (caught.value.kind, caught.value.attempts) == ("deadline", 1)


def test_a_call_waiting_to_retry_picks_up_what_another_call_learnt() -> None:
    learnt = asyncio.Event()
    requests: list[str] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        kind = sent(request)["response_format"]["type"]
        requests.append(kind)
        if kind == "json_object":
            return httpx.Response(200, json=JSON_ANSWER)
        if len(requests) == 1:  # the first call fails, but only once the second has learnt
            await learnt.wait()
            return httpx.Response(503, text="busy")
        learnt.set()
        return refusal()

    chat = ChatClient(
        config(),
        httpx.AsyncClient(transport=httpx.MockTransport(handler)),
        retry=RetryPolicy(max_attempts=3),
        sleep=FakeTime().sleep,
        random=lambda: 0.5,
    )

    async def go() -> list[Completion]:
        async with chat:
            return await asyncio.gather(
                chat.complete(USER, response_format=VERDICT),
                chat.complete(USER, response_format=VERDICT),
            )

    completions = asyncio.run(go())
    assert [c.structured_output for c in completions] == ["json_object", "json_object"]
    # Two schemas sent before anything was known; the retry did not send the schema again.
    assert sorted(requests) == ["json_object", "json_object", "json_schema", "json_schema"]


# --- the key -----------------------------------------------------------------------------


def test_a_refusal_that_echoes_the_key_never_shows_it() -> None:
    echo = {"error": {"message": f"response_format not allowed for key {KEY}"}}
    endpoint = Endpoint(json_schema=refusal(echo), json_object=refusal(echo))
    chat = client(endpoint)
    calls(chat, 1, response_format=VERDICT)
    assert chat.structured_output_refusal is not None
    assert "response_format not allowed" in chat.structured_output_refusal
    assert KEY not in chat.structured_output_refusal
    assert KEY not in json.dumps([sent(r) for r in endpoint.requests])


# --- which errors are refusals -----------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (400, OPENAI_UNSUPPORTED),
        (400, {"error": {"message": "Invalid parameter", "param": "response_format"}}),
        (400, ONLY_JSON_OBJECT),
        (400, {"error": {"message": "json_schema response format is not supported"}}),
        (400, {"error": "The provided JSON schema contains features not supported"}),
        (400, {"message": "Structured outputs are not available for this model"}),
        (422, {"detail": [{"loc": ["body", "response_format"], "msg": "Extra inputs"}]}),
        (400, "unknown field `response_format`"),
        (500, LLAMA_CPP_PYTHON),
        (500, OPENAI_UNSUPPORTED),
        (503, "response_format is not supported"),
        (413, ONLY_JSON_OBJECT),
    ],
)
def test_errors_that_name_the_field_are_refusals(status: int, body: Any) -> None:
    content = body if isinstance(body, str) else json.dumps(body)
    response = httpx.Response(status, text=content)
    assert refuses_response_format(status, response)


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (400, {"error": {"message": "This model's maximum context length is 8192 tokens"}}),
        (400, {"error": {"message": "Invalid value", "param": "temperature"}}),
        (400, {"detail": [{"loc": ["body", "messages"], "input": {"response_format": {}}}]}),
        (500, {"error": {"message": "out of memory"}}),
        (401, OPENAI_UNSUPPORTED),
        (403, OPENAI_UNSUPPORTED),
        (404, OPENAI_UNSUPPORTED),
        (429, OPENAI_UNSUPPORTED),
        (200, OPENAI_UNSUPPORTED),
        (400, ["response_format"]),
    ],
)
def test_other_errors_are_not_refusals(status: int, body: Any) -> None:
    assert not refuses_response_format(status, httpx.Response(status, json=body))


def test_calls_queued_behind_the_concurrency_limit_send_what_the_first_learnt() -> None:
    endpoint = Endpoint(json_schema=refusal())

    async def slow(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(0.001)  # let every call start and queue for the one slot
        return endpoint(request)

    chat = client(slow, config(concurrency=1))

    async def go() -> list[Completion]:
        async with chat:
            return await asyncio.gather(
                *(chat.complete(USER, response_format=VERDICT) for _ in range(5))
            )

    completions = asyncio.run(go())
    # The level is chosen when a request leaves, not when the call starts waiting.
    assert endpoint.kinds() == ["json_schema"] + ["json_object"] * 5
    assert [c.attempts for c in completions] == [2, 1, 1, 1, 1]
