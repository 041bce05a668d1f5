"""A conversation longer than the model's context window is a model error ``context_length``:
not retried, whichever endpoint words it and however."""

from __future__ import annotations

import asyncio
import json
import pickle
from typing import Any

import httpx
import pytest

from bench_clients import Completion, InfraError, ModelError, RetryPolicy
from bench_clients._context import exceeds_context

from .support import KEY, USER, FakeTime, answer, client

# How real endpoints say it, as they word it.
OPENAI = {
    "error": {
        "message": "This model's maximum context length is 8192 tokens. However, your messages "
        "resulted in 9013 tokens. Please reduce the length of the messages.",
        "type": "invalid_request_error",
        "param": "messages",
        "code": "context_length_exceeded",
    }
}
OPENROUTER = {
    "error": {
        "message": "This endpoint's maximum context length is 131072 tokens. However, you "
        "requested about 140000 tokens (139000 of text input, 1000 in the output).",
        "code": 400,
        "metadata": {"provider_name": None},
    }
}
VLLM = {
    "object": "error",
    "message": "This model's maximum context length is 4096 tokens. However, you requested "
    "5120 tokens (4096 in the messages, 1024 in the completion). Please reduce the length of "
    "the messages or completion.",
    "type": "BadRequestError",
    "param": None,
    "code": 400,
}
LLAMA_CPP = {
    "error": {
        "code": 400,
        "message": "the request exceeds the available context size, try increasing it",
        "type": "exceed_context_size_error",
        "n_prompt_tokens": 9000,
        "n_ctx": 4096,
    }
}
LLAMA_CPP_PYTHON = {
    "error": {
        "message": "Requested tokens (5000) exceed context window of 2048",
        "type": "invalid_request_error",
        "param": "messages",
        "code": "context_length_exceeded",
    }
}
GROQ = {
    "error": {
        "message": "Please reduce the length of the messages or completion.",
        "type": "invalid_request_error",
        "param": "messages",
        "code": "context_length_exceeded",
    }
}
ANTHROPIC_VIA_OPENROUTER = {
    "error": {
        "message": "prompt is too long: 210000 tokens > 200000 maximum",
        "code": 400,
        "metadata": {"provider_name": "Anthropic"},
    }
}
NOTES_LLAMA_CPP = "maximum context length exceeded (n_ctx 4096)"  # plain text, as NOTES.md saw

WORDINGS = [OPENAI, OPENROUTER, VLLM, LLAMA_CPP, LLAMA_CPP_PYTHON, GROQ, ANTHROPIC_VIA_OPENROUTER]


def complete(handler: Any, **kwargs: Any) -> Completion:
    async def go() -> Completion:
        async with client(handler, **kwargs) as chat:
            return await chat.complete(USER)

    return asyncio.run(go())


@pytest.mark.parametrize("body", [*WORDINGS, NOTES_LLAMA_CPP])
def test_a_400_saying_the_conversation_is_too_long_is_a_model_error_sent_once(body: Any) -> None:
    requests: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        text = body if isinstance(body, str) else json.dumps(body)
        return httpx.Response(400, text=text)

    time = FakeTime()
    with pytest.raises(ModelError) as caught:
        complete(handler, time=time)
    assert (caught.value.kind, caught.value.attempts) == ("context_length", 1)
    assert len(requests) == 1
    assert time.sleeps == []
    assert str(caught.value).startswith("the conversation is longer than the model's context")
    assert "HTTP 400 from 127.0.0.1:9" in str(caught.value)


def test_an_openrouter_error_object_in_a_200_answer_saying_so_is_a_model_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=OPENROUTER)

    with pytest.raises(ModelError) as caught:
        complete(handler)
    assert caught.value.kind == "context_length"
    assert "error 400 in an answer from 127.0.0.1:9" in str(caught.value)


def test_a_context_error_after_a_transient_failure_counts_both_attempts() -> None:
    script = [httpx.Response(503, text="busy"), httpx.Response(400, json=LLAMA_CPP)]

    with pytest.raises(ModelError) as caught:
        complete(lambda request: script.pop(0), retry=RetryPolicy(max_attempts=4))
    assert caught.value.attempts == 2


def test_a_context_error_never_shows_the_key_and_survives_pickling() -> None:
    echo = {"error": {"message": f"maximum context length is 4096 tokens (key {KEY})"}}

    with pytest.raises(ModelError) as caught:
        complete(lambda request: httpx.Response(400, json=echo))
    assert KEY not in str(caught.value)
    copy = pickle.loads(pickle.dumps(caught.value))
    assert (str(copy), copy.kind, copy.attempts) == (str(caught.value), "context_length", 1)


def test_other_400s_stay_infra_errors() -> None:
    body = {"error": {"message": "Invalid value for temperature", "param": "temperature"}}
    with pytest.raises(InfraError) as caught:
        complete(lambda request: httpx.Response(400, json=body))
    assert caught.value.kind == "http_4xx"


@pytest.mark.parametrize("body", WORDINGS)
@pytest.mark.parametrize("status", [400, 413, 422])
def test_every_usual_wording_is_recognised(status: int, body: dict[str, Any]) -> None:
    assert exceeds_context(status, httpx.Response(status, json=body))


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (429, OPENAI),  # a rate limit, whatever it says
        (401, OPENAI),
        (404, OPENAI),
        (400, {"error": {"message": "Invalid value", "param": "temperature"}}),
        # An echo of the request: the user's words are not the error's.
        (400, {"detail": [{"loc": ["body", "temperature"], "input": "maximum context length"}]}),
    ],
)
def test_other_errors_are_not_context_overflows(status: int, body: Any) -> None:
    assert not exceeds_context(status, httpx.Response(status, json=body))


def test_the_success_path_is_untouched() -> None:
    completion = complete(lambda request: httpx.Response(200, json=answer("fine")))
    assert completion.content == "fine"
