"""The chat client against httpx's MockTransport: requests, answers, retries and failures."""

from __future__ import annotations

import asyncio
import json
from email.utils import formatdate
from typing import Any

import httpx
import pytest

from bench_clients import (
    OPENROUTER_BASE_URL,
    ChatClient,
    ClientConfig,
    ClientError,
    Completion,
    InfraError,
    RetryPolicy,
)
from bench_core import ToolCall, Usage

from .support import KEY, USER, FakeTime, answer, call, client, config, ok, sent

TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "get_trades",
            "parameters": {"type": "object", "properties": {"symbol": {"type": "string"}}},
        },
    }
]


def complete(chat: ChatClient, **kwargs: Any) -> Completion:
    async def go() -> Completion:
        async with chat:
            return await chat.complete(USER, **kwargs)

    return asyncio.run(go())


def failure(chat: ChatClient, error: type[Exception] = InfraError, **kwargs: Any) -> Any:
    with pytest.raises(error) as caught:
        complete(chat, **kwargs)
    return caught.value


class Recorder:
    """A handler that answers from a script and keeps the requests."""

    def __init__(self, *responses: httpx.Response | Exception) -> None:
        self.script = list(responses)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        step = self.script.pop(0) if len(self.script) > 1 else self.script[0]
        if isinstance(step, Exception):
            raise step
        return step


# --- the request -------------------------------------------------------------------------


def test_request_carries_model_messages_and_temperature_and_nothing_unset() -> None:
    handler = Recorder(ok())
    complete(client(handler))
    request = handler.requests[0]
    assert request.method == "POST"
    assert str(request.url) == "http://127.0.0.1:9/v1/chat/completions"
    assert sent(request) == {"model": "vendor/model", "messages": USER, "temperature": 0.0}
    assert request.headers["authorization"] == f"Bearer {KEY}"
    assert request.headers["content-type"] == "application/json"
    assert "http-referer" not in request.headers
    assert "x-title" not in request.headers


def test_request_sends_top_p_max_tokens_and_tools_only_when_set() -> None:
    handler = Recorder(ok())
    settings = config(temperature=0.7, top_p=0.9, max_tokens=512)
    complete(client(handler, settings), tools=TOOLS)
    body = sent(handler.requests[0])
    assert (body["temperature"], body["top_p"], body["max_tokens"]) == (0.7, 0.9, 512)
    assert body["tools"] == TOOLS
    handler = Recorder(ok())
    complete(client(handler), tools=[])
    assert "tools" not in sent(handler.requests[0])


def test_openrouter_request_carries_routing_usage_accounting_and_app_headers() -> None:
    handler = Recorder(ok())
    settings = config(
        base_url=OPENROUTER_BASE_URL,
        provider_sort="throughput",
        provider_order="deepinfra, together",
        provider_no_fallback=True,
    )
    complete(client(handler, settings))
    request = handler.requests[0]
    assert str(request.url) == "https://openrouter.ai/api/v1/chat/completions"
    body = sent(request)
    assert body["provider"] == {
        "sort": "throughput",
        "order": ["deepinfra", "together"],
        "allow_fallbacks": False,
    }
    assert body["usage"] == {"include": True}
    assert request.headers["x-title"] == "Bencher"
    assert request.headers["http-referer"].startswith("https://")


def test_openrouter_without_routing_flags_sends_no_provider_object() -> None:
    handler = Recorder(ok())
    complete(client(handler, config(base_url=OPENROUTER_BASE_URL)))
    body = sent(handler.requests[0])
    assert "provider" not in body
    assert body["usage"] == {"include": True}


def test_routing_flags_are_not_sent_to_other_endpoints() -> None:
    handler = Recorder(ok())
    complete(client(handler, config(provider_sort="price", provider_order=("a",))))
    body = sent(handler.requests[0])
    assert "provider" not in body
    assert "usage" not in body


def test_no_authorization_header_without_a_key() -> None:
    handler = Recorder(ok())
    complete(client(handler, config(api_key=None)))
    assert "authorization" not in handler.requests[0].headers


# --- the answer --------------------------------------------------------------------------


def test_completion_reads_calls_usage_cost_provider_and_latency() -> None:
    time = FakeTime()

    def handler(request: httpx.Request) -> httpx.Response:
        time.now += 1.25  # the request takes 1.25 s on the fake clock
        body = answer(
            None,
            tool_calls=[call("get_trades", '{"symbol": "AAPL"}', "call_x")],
            finish_reason="tool_calls",
            usage={
                "prompt_tokens": 100,
                "completion_tokens": 40,
                "completion_tokens_details": {"reasoning_tokens": 25},
                "cost": 0.00042,
            },
            provider="DeepInfra",
        )
        return httpx.Response(200, json=body)

    completion = complete(client(handler, time=time))
    assert completion.content is None
    assert completion.tool_calls == [
        ToolCall(name="get_trades", arguments={"symbol": "AAPL"}, id="call_x")
    ]
    assert completion.finish_reason == "tool_calls"
    assert completion.usage == Usage(
        prompt_tokens=100, completion_tokens=40, reasoning_tokens=25, cost=0.00042
    )
    assert completion.provider == "DeepInfra"
    assert completion.latency_s == pytest.approx(1.25)
    assert completion.attempts == 1
    assert completion.normalized == []


def test_history_message_passes_reasoning_details_back_but_not_reasoning_content() -> None:
    details = [{"type": "reasoning.text", "text": "Look up trades first.", "signature": "s1"}]
    body = answer(
        None,
        tool_calls=[call("get_trades", {"symbol": "AAPL"}, None)],
        reasoning_details=None,
    )
    message = body["choices"][0]["message"]
    message["reasoning_details"] = details
    message["reasoning_content"] = "Look up trades first."
    completion = complete(client(Recorder(ok(body))))
    assert completion.reasoning == "Look up trades first."
    history = completion.history_message()
    assert history == {
        "role": "assistant",
        "content": None,
        "tool_calls": [
            {
                "id": "call_1",
                "type": "function",
                "function": {"name": "get_trades", "arguments": '{"symbol": "AAPL"}'},
            }
        ],
        "reasoning_details": details,
    }
    assert "arguments were an object, not a JSON string" in completion.normalized


def test_history_message_keeps_unreadable_arguments_as_the_model_wrote_them() -> None:
    body = answer(None, tool_calls=[call("get_trades", '{"symbol": "AAPL",', "c1")])
    completion = complete(client(Recorder(ok(body))))
    assert completion.tool_calls == [ToolCall(name="get_trades", arguments={}, id="c1")]
    assert completion.raw_arguments == {"c1": '{"symbol": "AAPL",'}
    sent_back = completion.history_message()["tool_calls"][0]["function"]["arguments"]
    assert sent_back == '{"symbol": "AAPL",'


def test_history_message_of_an_empty_answer_has_empty_text() -> None:
    completion = complete(client(Recorder(ok(answer(None)))))
    assert completion.history_message() == {"role": "assistant", "content": ""}


# --- retries -----------------------------------------------------------------------------


def test_rate_limit_waits_the_retry_after_seconds_then_succeeds() -> None:
    time = FakeTime()
    handler = Recorder(httpx.Response(429, headers={"Retry-After": "7"}), ok())
    completion = complete(client(handler, time=time))
    assert time.sleeps == [7.0]
    assert completion.attempts == 2
    assert len(handler.requests) == 2


def test_a_503_with_retry_after_waits_that_long() -> None:
    time = FakeTime()
    handler = Recorder(httpx.Response(503, headers={"Retry-After": "3"}), ok())
    complete(client(handler, time=time))
    assert time.sleeps == [3.0]


def test_a_long_retry_after_is_cut_to_the_policy_limit() -> None:
    time = FakeTime()
    handler = Recorder(httpx.Response(429, headers={"Retry-After": "86400"}), ok())
    complete(client(handler, time=time, retry=RetryPolicy(max_retry_after_s=90.0)))
    assert time.sleeps == [90.0]


def test_rate_limit_honours_a_retry_after_date() -> None:
    time = FakeTime()
    wall = 1_750_000_000.0
    retry_at = formatdate(wall + 12, usegmt=True)
    handler = Recorder(httpx.Response(429, headers={"Retry-After": retry_at}), ok())
    complete(client(handler, time=time, wall_clock=lambda: wall))
    assert time.sleeps == [pytest.approx(12.0)]


def test_rate_limit_without_retry_after_backs_off_with_jitter() -> None:
    time = FakeTime()
    handler = Recorder(httpx.Response(429), httpx.Response(429), ok())
    complete(client(handler, time=time, random=lambda: 0.25))
    assert time.sleeps == [0.25, 0.5]  # full jitter: random × 1 s, then random × 2 s


@pytest.mark.parametrize(
    ("step", "kind"),
    [
        (httpx.Response(503, text="upstream overloaded"), "http_5xx"),
        (httpx.Response(500, json={"error": {"message": "boom"}}), "http_5xx"),
        (httpx.Response(408), "timeout"),
        (httpx.ReadTimeout("read timed out"), "timeout"),
        (httpx.ConnectTimeout("connect timed out"), "timeout"),
        (httpx.ConnectError("[Errno 111] Connection refused"), "connection"),
        (
            httpx.RemoteProtocolError("Server disconnected without sending a response."),
            "connection",
        ),
        (httpx.Response(200, text="<html><title>Gateway</title></html>"), "bad_body"),
        (httpx.Response(200, text='{"choices": [ {"mess'), "bad_body"),
        (httpx.Response(200, json={"id": "x", "choices": []}), "bad_body"),
        (
            httpx.Response(200, json={"error": {"code": 502, "message": "Provider down"}}),
            "http_5xx",
        ),
        (httpx.Response(200, json={"error": {"message": "no code"}}), "bad_body"),
    ],
)
def test_transient_failures_are_retried_then_become_infra_errors(
    step: httpx.Response | Exception, kind: str
) -> None:
    time = FakeTime()
    handler = Recorder(step)
    error = failure(client(handler, time=time, retry=RetryPolicy(max_attempts=3)))
    assert error.kind == kind
    assert error.attempts == 3
    assert len(handler.requests) == 3
    assert len(time.sleeps) == 2
    assert "3 attempts" in str(error)


@pytest.mark.parametrize(
    "step",
    [
        httpx.Response(502, text="<!DOCTYPE html><html><title>502 Bad Gateway</title></html>"),
        httpx.ReadError("connection reset"),
        httpx.Response(200, text="not json"),
    ],
)
def test_a_transient_failure_followed_by_an_answer_is_a_success(
    step: httpx.Response | Exception,
) -> None:
    completion = complete(client(Recorder(step, ok())))
    assert completion.attempts == 2
    assert completion.content == "Done."


def test_an_html_error_page_is_described_by_its_title() -> None:
    page = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>…</body></html>"
    error = failure(
        client(Recorder(httpx.Response(502, text=page)), retry=RetryPolicy(max_attempts=1))
    )
    assert str(error) == (
        "HTTP 502 from 127.0.0.1:9: an HTML page (502 Bad Gateway) (gave up after 1 attempt)"
    )


@pytest.mark.parametrize(
    ("response", "words"),
    [
        (
            httpx.Response(401, json={"error": {"message": "No auth credentials found"}}),
            "refused the API key",
        ),
        (httpx.Response(403, json={"error": "forbidden"}), "refused the API key"),
        (httpx.Response(404, json={"error": {"message": "model not found"}}), "check --model"),
        (
            httpx.Response(
                400, json={"error": {"message": "vendor/model is not a valid model ID"}}
            ),
            "not a valid model",
        ),
        (httpx.Response(402, json={"error": {"message": "Insufficient credits"}}), "add credits"),
        (
            httpx.Response(301, headers={"Location": "https://127.0.0.1:9/v1/chat/completions"}),
            "use that as --base-url",
        ),
    ],
)
def test_user_errors_stop_at_once_without_retry(response: httpx.Response, words: str) -> None:
    time = FakeTime()
    handler = Recorder(response)
    error = failure(client(handler, time=time), ClientError)
    assert words in str(error)
    assert len(handler.requests) == 1
    assert time.sleeps == []


def test_a_missing_key_is_named_as_missing() -> None:
    error = failure(client(Recorder(httpx.Response(401)), config(api_key=None)), ClientError)
    assert str(error) == (
        "127.0.0.1:9 needs an API key (HTTP 401): pass --api-key, or set LLM_API_KEY "
        "in the environment or in .env"
    )


def test_other_client_errors_are_infra_errors_without_retry() -> None:
    handler = Recorder(httpx.Response(422, json={"error": {"message": "messages too long"}}))
    error = failure(client(handler))
    assert (error.kind, error.attempts, len(handler.requests)) == ("http_4xx", 1, 1)
    assert str(error) == "HTTP 422 from 127.0.0.1:9: messages too long"


# --- the deadline ------------------------------------------------------------------------


def test_no_retry_is_started_that_would_end_past_the_deadline() -> None:
    time = FakeTime(start=0.0)
    handler = Recorder(httpx.Response(503))
    chat = client(handler, time=time, retry=RetryPolicy(max_attempts=10), random=lambda: 1.0)
    error = failure(chat, deadline=5.0)
    # Waits of 1 s and 2 s fit before 5 s; the next (4 s, from t=3) would not.
    assert time.sleeps == [1.0, 2.0]
    assert (error.kind, error.attempts) == ("http_5xx", 3)
    assert "deadline" in str(error)


def test_a_retry_after_past_the_deadline_gives_up_at_once() -> None:
    time = FakeTime(start=0.0)
    handler = Recorder(httpx.Response(429, headers={"Retry-After": "60"}))
    error = failure(client(handler, time=time), deadline=30.0)
    assert (error.kind, error.attempts, time.sleeps) == ("rate_limited", 1, [])


def test_a_deadline_already_past_sends_nothing() -> None:
    time = FakeTime(start=100.0)
    handler = Recorder(ok())
    error = failure(client(handler, time=time), deadline=99.0)
    assert (error.kind, error.attempts, handler.requests) == ("deadline", 0, [])


def test_the_request_timeout_is_cut_to_the_deadline() -> None:
    time = FakeTime(start=0.0)
    timeouts: list[dict[str, float]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        timeouts.append(request.extensions["timeout"])
        raise httpx.ReadTimeout("timed out")

    error = failure(client(handler, config(request_timeout_s=120.0), time=time), deadline=20.0)
    assert timeouts[0]["read"] == pytest.approx(20.0)
    assert timeouts[0]["connect"] == pytest.approx(15.0)
    assert (error.kind, error.attempts) == ("deadline", 1)


def test_without_a_deadline_the_request_timeout_applies() -> None:
    timeouts: list[dict[str, float]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        timeouts.append(request.extensions["timeout"])
        return ok()

    complete(client(handler, config(request_timeout_s=45.0)))
    assert timeouts[0]["read"] == pytest.approx(45.0)


# --- adaptive concurrency ----------------------------------------------------------------


def test_rate_limits_halve_the_concurrency_once_per_wave_and_it_recovers() -> None:
    time = FakeTime()
    in_flight = peak_after_throttle = 0
    limited = 8

    async def handler(request: httpx.Request) -> httpx.Response:
        nonlocal in_flight, peak_after_throttle, limited
        if limited:
            limited -= 1
            for _ in range(5):  # hold the request so all eight are in flight together
                await asyncio.sleep(0)
            return httpx.Response(429, headers={"Retry-After": "1"})
        in_flight += 1
        peak_after_throttle = max(peak_after_throttle, in_flight)
        for _ in range(5):
            await asyncio.sleep(0)
        in_flight -= 1
        return ok()

    policy = RetryPolicy(rate_limit_quiet_s=30.0, rate_limit_step_s=10.0)
    chat = client(handler, config(concurrency=8), time=time, retry=policy)

    async def go() -> list[int]:
        async with chat:
            results = await asyncio.gather(*(chat.complete(USER) for _ in range(8)))
            assert all(result.attempts == 2 for result in results)
            limits = [chat.concurrency_limit]
            for _ in range(5):
                time.now += 10.0
                await chat.complete(USER)
                limits.append(chat.concurrency_limit)
            return limits

    limits = asyncio.run(go())
    # Eight 429s sent under the same limit halve it once (8 -> 4), not to 1.
    assert limits[0] == 4
    assert peak_after_throttle <= 4
    # Quiet for 30 s, then one step (an eighth of 8) every 10 s, up to the ceiling.
    assert limits[1:] == [4, 4, 5, 6, 7]


def test_the_concurrency_limit_never_drops_below_one() -> None:
    time = FakeTime()
    handler = Recorder(httpx.Response(429, headers={"Retry-After": "0"}))
    chat = client(handler, config(concurrency=2), time=time, retry=RetryPolicy(max_attempts=6))

    async def go() -> int:
        async with chat:
            with pytest.raises(InfraError):
                await chat.complete(USER)
            return chat.concurrency_limit

    assert asyncio.run(go()) == 1


# --- the key never shows -----------------------------------------------------------------


def echo_key(status: int, *, html: bool = False) -> Any:
    """A handler whose answers repeat the key from the headers and the URL."""

    def handler(request: httpx.Request) -> httpx.Response:
        said = f"bad key {request.headers.get('authorization')} at {request.url}"
        if html:
            return httpx.Response(status, text=f"<html><title>{said}</title><p>{said}</p></html>")
        return httpx.Response(
            status, json={"error": {"message": said}}, headers={"Location": str(request.url)}
        )

    return handler


@pytest.mark.parametrize(
    "handler",
    [
        echo_key(401),
        echo_key(403),
        echo_key(404),
        echo_key(400),
        echo_key(402),
        echo_key(422),
        echo_key(429),
        echo_key(500),
        echo_key(503, html=True),
        echo_key(200, html=True),
        echo_key(302),
        Recorder(httpx.ConnectError(f"cannot connect to https://gateway.example/{KEY}/v1")),
        Recorder(httpx.ReadTimeout(f"timed out reading https://gateway.example/{KEY}/v1")),
    ],
)
def test_no_error_message_contains_the_key(handler: Any) -> None:
    # The key is in the Authorization header and in the URL's path, and answers echo both.
    settings = config(base_url=f"https://gateway.example/{KEY}/v1", request_timeout_s=30.0)
    chat = client(handler, settings, retry=RetryPolicy(max_attempts=2))
    with pytest.raises((ClientError, InfraError)) as caught:
        complete(chat)
    for text in (str(caught.value), repr(caught.value), repr(caught.value.args)):
        assert "KEYSECRET" not in text
        assert "\n" not in text
    assert "***" in str(caught.value) or "gateway.example" in str(caught.value)


def test_the_config_and_client_never_show_the_key() -> None:
    settings = config()
    assert "KEYSECRET" not in repr(settings)
    assert "KEYSECRET" not in str(settings.model_dump())
    assert "KEYSECRET" not in settings.model_dump_json()


def test_infra_errors_survive_pickling() -> None:
    import pickle

    error = InfraError("HTTP 503 from host", kind="http_5xx", attempts=3)
    copy = pickle.loads(pickle.dumps(error))
    assert (str(copy), copy.kind, copy.attempts) == ("HTTP 503 from host", "http_5xx", 3)


def test_a_failed_answer_body_is_summarised_on_one_line() -> None:
    text = "line one\n\nline two " + "x" * 1000
    handler = Recorder(httpx.Response(422, text=text))
    error = failure(client(handler))
    assert "\n" not in str(error)
    assert str(error).startswith("HTTP 422 from 127.0.0.1:9: line one line two xxx")
    assert len(str(error)) < 300


def test_request_body_is_valid_json_for_unicode_messages() -> None:
    handler = Recorder(ok())
    messages = [{"role": "user", "content": "Prix en € — 日本"}]

    async def go() -> None:
        async with client(handler) as chat:
            await chat.complete(messages)

    asyncio.run(go())
    assert json.loads(handler.requests[0].content)["messages"] == messages


def test_a_config_for_openrouter_names_its_host() -> None:
    assert ClientConfig(model="a/b").host == "openrouter.ai"
