"""The checks before a run: endpoint reachable, key accepted, model known."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from bench_clients import OPENROUTER_BASE_URL, ClientError

from .support import KEY, client, config

MODELS = {
    "data": [
        {"id": "google/gemma-3-27b-it"},
        {"id": "google/gemma-3-12b-it"},
        {"id": "openai/gpt-4o-mini"},
        {"id": "deepseek/deepseek-r1:free"},
    ]
}


class Endpoint:
    """Answers ``GET /models`` and ``GET /key`` as told, and keeps the paths asked."""

    def __init__(
        self, models: httpx.Response | Exception | None = None, key: httpx.Response | None = None
    ) -> None:
        self.models = models if models is not None else httpx.Response(200, json=MODELS)
        self.key = key if key is not None else httpx.Response(200, json={"data": {"label": "k"}})
        self.paths: list[str] = []
        self.auth: list[str | None] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.paths.append(request.url.path)
        self.auth.append(request.headers.get("authorization"))
        step = self.key if request.url.path.endswith("/key") else self.models
        if isinstance(step, Exception):
            raise step
        return step


def preflight(endpoint: Endpoint, **settings: Any) -> None:
    async def go() -> None:
        async with client(endpoint, config(**settings)) as chat:
            await chat.preflight()

    asyncio.run(go())


def refused(endpoint: Endpoint, **settings: Any) -> str:
    with pytest.raises(ClientError) as caught:
        preflight(endpoint, **settings)
    message = str(caught.value)
    assert "\n" not in message
    assert "KEYSECRET" not in message
    return message


OPENROUTER = {"base_url": OPENROUTER_BASE_URL, "model": "google/gemma-3-27b-it"}


def test_openrouter_checks_the_key_and_the_model() -> None:
    endpoint = Endpoint()
    preflight(endpoint, **OPENROUTER)
    assert endpoint.paths == ["/api/v1/models", "/api/v1/key"]
    assert endpoint.auth == [f"Bearer {KEY}"] * 2


def test_openrouter_without_a_key_is_refused_before_any_request() -> None:
    endpoint = Endpoint()
    message = refused(endpoint, api_key=None, **OPENROUTER)
    assert message == (
        "OpenRouter needs an API key: pass --api-key, or set LLM_API_KEY in the environment "
        "or in .env"
    )
    assert endpoint.paths == []


def test_openrouter_refusing_the_key_stops_the_run() -> None:
    endpoint = Endpoint(key=httpx.Response(401, json={"error": {"message": "User not found."}}))
    message = refused(endpoint, **OPENROUTER)
    assert message == (
        "openrouter.ai refused the API key (HTTP 401: User not found.); check --api-key or "
        "LLM_API_KEY"
    )


def test_an_unknown_openrouter_model_is_refused_with_the_closest_ids() -> None:
    message = refused(Endpoint(), base_url=OPENROUTER_BASE_URL, model="google/gemma-3-27b")
    assert message == (
        "unknown model 'google/gemma-3-27b' on OpenRouter; did you mean google/gemma-3-27b-it, "
        "google/gemma-3-12b-it?"
    )


def test_an_unknown_model_with_nothing_close_points_at_the_model_list() -> None:
    message = refused(Endpoint(), base_url=OPENROUTER_BASE_URL, model="zzz/qqq")
    assert (
        message
        == "unknown model 'zzz/qqq' on OpenRouter; see https://openrouter.ai/models for the ids"
    )


@pytest.mark.parametrize("model", ["google/gemma-3-27b-it:nitro", "deepseek/deepseek-r1:free"])
def test_routing_variants_of_a_listed_model_are_known(model: str) -> None:
    preflight(Endpoint(), base_url=OPENROUTER_BASE_URL, model=model)


@pytest.mark.parametrize(
    "models",
    [
        httpx.Response(503, text="down"),
        httpx.Response(200, text="<html></html>"),
        httpx.Response(200, json={"data": "x"}),
    ],
)
def test_an_unreadable_model_list_skips_the_model_check(models: httpx.Response) -> None:
    preflight(Endpoint(models), base_url=OPENROUTER_BASE_URL, model="anything/at-all")


@pytest.mark.parametrize("status", [200, 404, 405, 500])
def test_any_http_answer_from_another_endpoint_means_it_is_reachable(status: int) -> None:
    endpoint = Endpoint(httpx.Response(status, text="whatever"))
    preflight(endpoint, model="not-in-any-list")
    assert endpoint.paths == ["/v1/models"]


@pytest.mark.parametrize("status", [401, 403])
def test_another_endpoint_refusing_the_key_stops_the_run(status: int) -> None:
    message = refused(Endpoint(httpx.Response(status, text=f"invalid key {KEY}")))
    assert message == (
        f"127.0.0.1:9 refused the API key (HTTP {status}: invalid key ***); check --api-key or "
        "LLM_API_KEY"
    )


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (httpx.ConnectError("[Errno 111] Connection refused"), "[Errno 111] Connection refused"),
        (httpx.ConnectTimeout("timed out"), "no answer within 30 s"),
    ],
)
def test_an_unreachable_endpoint_stops_the_run(error: Exception, reason: str) -> None:
    message = refused(Endpoint(error))
    assert (
        message == f"cannot reach http://127.0.0.1:9/v1: {reason}; check --base-url and the network"
    )


def test_a_redirect_names_the_address_to_use() -> None:
    moved = httpx.Response(308, headers={"Location": "https://127.0.0.1:9/v1/models"})
    message = refused(Endpoint(moved))
    assert (
        message
        == "127.0.0.1:9 redirects (HTTP 308) to https://127.0.0.1:9/v1; use that as --base-url"
    )
