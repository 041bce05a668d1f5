"""The one async client for ``POST {base_url}/chat/completions`` on any OpenAI-compatible API."""

from __future__ import annotations

import asyncio
import difflib
import json
import random as _random
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import replace
from importlib.metadata import version
from types import TracebackType
from typing import Any, NoReturn, Self

import httpx
import msgspec

from ._completion import Completion, UnreadableBody, read_completion
from ._config import ClientConfig
from ._context import exceeds_context
from ._errors import ClientError, InfraError, InfraKind, ModelError, one_line
from ._keys import API_KEY_ENV
from ._pool import HttpPool
from ._redact import Redactor
from ._retry import AdaptiveLimit, RetryPolicy, backoff_delay, parse_retry_after
from ._structured import (
    ResponseFormat,
    StructuredOutput,
    refuses_response_format,
    step_down,
    weaker,
)

_encode = msgspec.json.Encoder().encode
_decode = msgspec.json.Decoder().decode

APP_URL = "https://pypi.org/project/bench-run/"
"""Sent to OpenRouter as ``HTTP-Referer``, with ``X-Title: Bencher``, to name the app."""

# A connection that takes longer than this to open is not coming; the read may take minutes.
_CONNECT_TIMEOUT_S = 15.0
_PREFLIGHT_TIMEOUT_S = 30.0


class _Retryable(Exception):
    def __init__(self, kind: InfraKind, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.kind: InfraKind = kind
        self.message = message
        self.retry_after = retry_after


class _Refused(Exception):
    """The endpoint refused the ``response_format`` that was sent; ``message`` says how."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class _Outgoing:
    """One call's request body, encoded for the ``response_format`` level it sends."""

    def __init__(
        self,
        body: dict[str, Any],
        response_format: ResponseFormat | None,
        level: StructuredOutput | None,
    ) -> None:
        self._body = body
        self._format = response_format
        self.level = level
        self._payload = self._encode()

    def payload(self, known: StructuredOutput) -> bytes:
        """The bytes to send, at ``known`` where the endpoint is known to take no more."""
        if self.level is not None and weaker(self.level, known) != self.level:
            self.level = known
            self._payload = self._encode()
        return self._payload

    def _encode(self) -> bytes:
        fields = self._body
        if self._format is not None and self.level is not None:
            request = self._format.request(self.level)
            if request is not None:
                fields = {**self._body, "response_format": request}
        # msgspec, not json.dumps: the tool schemas make bodies large, and encoding them was
        # the biggest single CPU cost per request (0.2 ms of ~1.5 ms) at 64 workers.
        return _encode(fields)


class ChatClient:
    """Chat completions on one endpoint, with pooling, retries and normalised answers.

    Use it as an async context manager: it closes the connections it opened (never an
    injected client's).

    Args:
        config: Endpoint, model and sampling settings.
        http: An ``httpx.AsyncClient`` to send through (tests pass one with a
            ``MockTransport``); by default the client opens its own pools, sized for
            ``config.concurrency``.
        retry: How transient failures are retried.
        clock: Monotonic seconds, the same clock as the ``deadline`` of `complete`; default
            the event loop's ``time()``.
        sleep: Awaited to wait between attempts; default ``asyncio.sleep``.
        random: Uniform in [0, 1), for the backoff jitter.
        wall_clock: Unix time, to read ``Retry-After`` dates.
    """

    def __init__(
        self,
        config: ClientConfig,
        http: httpx.AsyncClient | None = None,
        *,
        retry: RetryPolicy | None = None,
        clock: Callable[[], float] | None = None,
        sleep: Callable[[float], Awaitable[None]] | None = None,
        random: Callable[[], float] | None = None,
        wall_clock: Callable[[], float] | None = None,
    ) -> None:
        self._config = config
        self._policy = retry or RetryPolicy()
        self._clock = clock or _loop_time
        self._sleep = sleep or asyncio.sleep
        self._random = random or _random.random
        self._wall_clock = wall_clock or time.time
        self._pool = HttpPool.build(config.concurrency) if http is None else HttpPool.wrap(http)
        self._limit = AdaptiveLimit(
            config.concurrency,
            clock=self._clock,
            quiet_s=self._policy.rate_limit_quiet_s,
            step_s=self._policy.rate_limit_step_s,
        )
        key = config.api_key.get_secret_value() if config.api_key is not None else ""
        self._has_key = bool(key)
        self._redact = config.redactor
        # Parsed once: httpx parses a string URL again on every request.
        self._url = httpx.URL(f"{config.base_url}/chat/completions")
        self._headers = {
            "Accept": "application/json",
            "Content-Type": "application/json",
            "User-Agent": f"bench-clients/{version('bench-clients')}",
        }
        if key:
            self._headers["Authorization"] = f"Bearer {key}"
        if config.is_openrouter:
            self._headers["HTTP-Referer"] = APP_URL
            self._headers["X-Title"] = "Bencher"
        # What this endpoint and model take of a response_format, learnt from its refusals.
        self._structured: StructuredOutput = "json_schema"
        self._refusal: str | None = None

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connections this client opened."""
        await self._pool.aclose()

    @property
    def config(self) -> ClientConfig:
        """The settings this client was made with."""
        return self._config

    @property
    def structured_output(self) -> StructuredOutput:
        """What the next call with a ``response_format`` sends: ``json_schema`` until the
        endpoint refuses it, then ``json_object``, then ``none``."""
        return self._structured

    @property
    def structured_output_refusal(self) -> str | None:
        """What the endpoint said when it last refused a ``response_format``, on one line."""
        return self._refusal

    @property
    def concurrency_limit(self) -> int:
        """Requests allowed in flight now: below ``config.concurrency`` after rate limits."""
        return self._limit.limit

    async def preflight(self) -> None:
        """Check, before a run starts, that the endpoint answers, takes the key and (on
        OpenRouter) knows the model.

        Any HTTP answer from ``GET {base_url}/models`` means the endpoint is reachable; only a
        401 or 403 there is fatal. On OpenRouter the key is checked with ``GET /key`` and the
        model id against the ``/models`` list, with the closest ids suggested.

        Raises:
            ClientError: The endpoint is unreachable, refuses the key, or lacks the model.
        """
        config = self._config
        if config.is_openrouter and not self._has_key:
            raise ClientError(
                f"OpenRouter needs an API key: pass --api-key, or set {API_KEY_ENV} "
                "in the environment or in .env"
            )
        models = await self._preflight_get("/models")
        self._check_access(models)
        if config.is_openrouter:
            self._check_access(await self._preflight_get("/key"))
            self._check_model(models)

    async def complete(
        self,
        messages: Sequence[Mapping[str, Any]],
        *,
        tools: Sequence[Mapping[str, Any]] | None = None,
        response_format: ResponseFormat | None = None,
        deadline: float | None = None,
    ) -> Completion:
        """Send the conversation and return the model's next message, normalised.

        Rate limits (honouring ``Retry-After``), 408 and 5xx answers, timeouts, connection
        errors and unreadable bodies are retried with exponential backoff and full jitter,
        never past ``deadline``.

        A ``response_format`` goes as OpenAI's ``json_schema``. Where the endpoint refuses it
        (an error answer of any status but 401, 403, 404, 407 and 429 whose error names
        ``response_format``, ``json_schema`` or the like), the request
        is sent again at once with ``{"type": "json_object"}``, and where that is refused too,
        without ``response_format``. The client remembers each refusal, so later calls send
        what the endpoint takes (see `structured_output`) and pay no failed request. The
        completion's ``structured_output`` says what was sent. The answer itself is never
        checked against the schema here: the caller validates it, so keep the schema in the
        prompt too, for endpoints that refuse or ignore the field.

        Args:
            messages: The conversation so far, in OpenAI's chat format.
            tools: Tool definitions in OpenAI's format; sent only when there are some.
            response_format: The JSON schema the answer must follow, if any.
            deadline: The item's deadline on the client's clock (``loop.time()``).

        Raises:
            ClientError: The key, the model or the endpoint is wrong: stop the run.
            ModelError: The conversation is longer than the model's context window (an error
                answer saying so, in any of the usual wordings): the model's limit, not
                retried.
            InfraError: A transient failure outlived its retries or the deadline.
        """
        outgoing = _Outgoing(
            self._body(messages, tools),
            response_format,
            self._structured if response_format is not None else None,
        )
        sent = 0
        failures = 0
        while True:
            sent += 1
            try:
                completion = await self._attempt(outgoing, sent, deadline)
            except _Refused as refusal:
                # Not a transient failure: the next request goes at once and costs no retry.
                assert outgoing.level is not None
                self._refused(outgoing.level, refusal.message)
                continue
            except _Retryable as failure:
                failures += 1
                if failures >= self._policy.max_attempts:
                    self._infra(
                        failure.kind,
                        f"{failure.message} (gave up after {_attempts(sent)})",
                        sent,
                    )
                if failure.retry_after is not None:
                    delay = min(failure.retry_after, self._policy.max_retry_after_s)
                else:
                    delay = backoff_delay(failures, self._policy, self._random)
                if deadline is not None and self._clock() + delay >= deadline:
                    self._infra(
                        failure.kind,
                        f"{failure.message} (no time left for another attempt before the "
                        f"item's deadline; {_attempts(sent)})",
                        sent,
                    )
                await self._sleep(delay)
                continue
            if outgoing.level is None:
                return completion
            return replace(completion, structured_output=outgoing.level)

    def _refused(self, level: StructuredOutput, message: str) -> None:
        """Remember that the endpoint refused ``level``."""
        self._structured = weaker(self._structured, step_down(level))
        self._refusal = message

    def _body(
        self, messages: Sequence[Mapping[str, Any]], tools: Sequence[Mapping[str, Any]] | None
    ) -> dict[str, Any]:
        config = self._config
        body: dict[str, Any] = {
            "model": config.model,
            "messages": list(messages),
            "temperature": config.temperature,
        }
        if config.top_p is not None:
            body["top_p"] = config.top_p
        if config.max_tokens is not None:
            body["max_tokens"] = config.max_tokens
        if tools:
            body["tools"] = list(tools)
        if config.is_openrouter:
            routing = config.routing()
            if routing:
                body["provider"] = routing
            body["usage"] = {"include": True}
        return body

    async def _attempt(
        self, outgoing: _Outgoing, attempt: int, deadline: float | None
    ) -> Completion:
        """Send one request; a refusal of the ``response_format`` it carried raises
        `_Refused` instead of an error."""
        config = self._config
        remaining = None if deadline is None else deadline - self._clock()
        if remaining is not None and remaining <= 0:
            self._infra(
                "deadline", "the item's deadline passed before the request was sent", attempt - 1
            )
        try:
            async with asyncio.timeout(remaining):
                generation = await self._limit.acquire()
        except TimeoutError:
            self._infra(
                "deadline",
                "the item's deadline passed while waiting for a free request slot",
                attempt - 1,
            )
        timeout = (
            config.request_timeout_s
            if remaining is None
            else min(config.request_timeout_s, remaining)
        )
        cut_by_deadline = remaining is not None and remaining < config.request_timeout_s
        # Chosen once the slot is ours: a call that waited sends what others learnt meanwhile.
        payload = outgoing.payload(self._structured)
        refusable = outgoing.level
        started = self._clock()
        try:
            async with self._pool.lease() as http, asyncio.timeout(timeout):
                response = await http.post(
                    self._url,
                    content=payload,
                    headers=self._headers,
                    timeout=httpx.Timeout(timeout, connect=min(timeout, _CONNECT_TIMEOUT_S)),
                )
        except (TimeoutError, httpx.TimeoutException):
            if cut_by_deadline:
                self._infra(
                    "deadline", f"no answer from {config.host} before the item's deadline", attempt
                )
            raise _Retryable(
                "timeout", f"no answer from {config.host} within {timeout:g} s"
            ) from None
        except httpx.DecodingError as error:
            raise _Retryable(
                "bad_body", f"undecodable answer from {config.host}: {error}"
            ) from None
        except httpx.TransportError as error:
            raise _Retryable(
                "connection", f"connection to {config.host} failed: {_describe(error)}"
            ) from None
        finally:
            self._limit.release()
        latency = self._clock() - started
        if response.is_success:
            return self._read_success(response, generation, latency, attempt, refusable)
        if refusable in ("json_schema", "json_object") and refuses_response_format(
            response.status_code, response
        ):
            raise _Refused(
                self._clean(
                    f"HTTP {response.status_code} from {config.host}: "
                    f"{_detail(response, self._redact)}"
                )
            )
        status, detail = response.status_code, _detail(response, self._redact)
        if exceeds_context(status, response):
            self._context_error(f"HTTP {status} from {config.host}: {detail}", attempt)
        self._fail(status, detail, response.headers, generation, attempt)

    def _read_success(
        self,
        response: httpx.Response,
        generation: int,
        latency: float,
        attempt: int,
        refusable: StructuredOutput | None,
    ) -> Completion:
        host = self._config.host
        try:
            body = _decode(response.content)
        except (msgspec.DecodeError, ValueError, RecursionError):
            raise _Retryable(
                "bad_body",
                f"unreadable answer from {host} (HTTP {response.status_code}): "
                f"{_detail(response, self._redact)}",
            ) from None
        if isinstance(body, dict) and "error" in body and "choices" not in body:
            # OpenRouter reports some upstream failures as an error object in a 200 answer.
            error = body["error"]
            code = error.get("code") if isinstance(error, dict) else None
            detail = one_line(self._redact(_error_text(error))) or "an error without a message"
            if isinstance(code, int) and not isinstance(code, bool) and 300 <= code < 600:
                if refusable in ("json_schema", "json_object") and refuses_response_format(
                    code, error
                ):
                    raise _Refused(self._clean(f"error {code} in an answer from {host}: {detail}"))
                if exceeds_context(code, error):
                    self._context_error(f"error {code} in an answer from {host}: {detail}", attempt)
                self._fail(code, detail, httpx.Headers(), generation, attempt)
            raise _Retryable(
                "bad_body", f"error in a {response.status_code} answer from {host}: {detail}"
            )
        try:
            # Whatever the model wrote may echo the key: nothing of it goes further unmasked.
            return read_completion(self._redact.walk(body), latency_s=latency, attempts=attempt)
        except UnreadableBody as error:
            raise _Retryable("bad_body", f"{error} (answer from {host})") from None

    def _fail(
        self, status: int, detail: str, headers: httpx.Headers, generation: int, attempt: int
    ) -> NoReturn:
        """Raise what an HTTP error status means: retry, stop the run, or give the item up."""
        config = self._config
        where = f"HTTP {status} from {config.host}" + (f": {detail}" if detail else "")
        if status in (408, 429) or status >= 500:
            # A 503 may carry Retry-After as well as a 429 does.
            wait = parse_retry_after(headers.get("retry-after"), now=self._wall_clock())
            if status == 429:
                self._limit.throttle(generation)
                raise _Retryable("rate_limited", where, retry_after=wait)
            raise _Retryable("timeout" if status == 408 else "http_5xx", where, retry_after=wait)
        if status in (401, 403):
            self._auth_error(status, detail)
        if status == 402:
            self._client_error(f"{where}; add credits to the account or use another key")
        if status == 404 or "not a valid model" in detail.lower():
            self._client_error(f"{where}; check --model {config.model!r} and --base-url")
        if 300 <= status < 400:
            self._redirect_error(status, headers)
        self._infra("http_4xx", where, attempt)

    async def _preflight_get(self, path: str) -> httpx.Response:
        config = self._config
        timeout = min(config.request_timeout_s, _PREFLIGHT_TIMEOUT_S)
        advice = "check --base-url and the network"
        try:
            async with self._pool.lease() as http, asyncio.timeout(timeout):
                return await http.get(
                    f"{config.base_url}{path}", headers=self._headers, timeout=timeout
                )
        except (TimeoutError, httpx.TimeoutException):
            self._client_error(
                f"cannot reach {config.base_url}: no answer within {timeout:g} s; {advice}"
            )
        except httpx.HTTPError as error:
            self._client_error(f"cannot reach {config.base_url}: {_describe(error)}; {advice}")

    def _check_access(self, response: httpx.Response) -> None:
        if response.status_code in (401, 403):
            self._auth_error(response.status_code, _detail(response, self._redact))
        if response.is_redirect:
            self._redirect_error(response.status_code, response.headers)

    def _check_model(self, response: httpx.Response) -> None:
        """Refuse a model id that OpenRouter's list lacks; skip when the list is unreadable."""
        model = self._config.model
        try:
            entries = response.json()["data"] if response.is_success else None
        except (ValueError, KeyError, TypeError, RecursionError):
            return
        if not isinstance(entries, list):
            return
        ids = {
            entry["id"]
            for entry in entries
            if isinstance(entry, dict) and isinstance(entry.get("id"), str)
        }
        # Variants such as ":nitro" or ":floor" are routing shortcuts, not listed models.
        if not ids or model in ids or model.split(":", 1)[0] in ids:
            return
        by_lower = {known.lower(): known for known in ids}
        close = difflib.get_close_matches(model.lower(), list(by_lower), n=3, cutoff=0.6)
        hint = (
            "did you mean " + ", ".join(by_lower[match] for match in close) + "?"
            if close
            else "see https://openrouter.ai/models for the ids"
        )
        self._client_error(f"unknown model {model!r} on OpenRouter; {hint}")

    def _auth_error(self, status: int, detail: str) -> NoReturn:
        host = self._config.host
        if not self._has_key:
            self._client_error(
                f"{host} needs an API key (HTTP {status}): pass --api-key, or set {API_KEY_ENV} "
                "in the environment or in .env"
            )
        said = f": {detail}" if detail else ""
        self._client_error(
            f"{host} refused the API key (HTTP {status}{said}); check --api-key or {API_KEY_ENV}"
        )

    def _redirect_error(self, status: int, headers: httpx.Headers) -> NoReturn:
        target = headers.get("location", "another address")
        for path in ("/chat/completions", "/models", "/key"):
            target = target.removesuffix(path)
        self._client_error(
            f"{self._config.host} redirects (HTTP {status}) to {target}; use that as --base-url"
        )

    def _client_error(self, message: str) -> NoReturn:
        raise ClientError(self._clean(message)) from None

    def _context_error(self, where: str, attempts: int) -> NoReturn:
        message = f"the conversation is longer than the model's context window ({where})"
        raise ModelError(self._clean(message), kind="context_length", attempts=attempts) from None

    def _infra(self, kind: InfraKind, message: str, attempts: int) -> NoReturn:
        raise InfraError(self._clean(message), kind=kind, attempts=attempts) from None

    def _clean(self, message: str) -> str:
        # Redact before cutting, so no part of the key survives at the cut.
        return one_line(self._redact(message), limit=500)


def _attempts(count: int) -> str:
    return f"{count} attempt" if count == 1 else f"{count} attempts"


def _loop_time() -> float:
    return asyncio.get_running_loop().time()


def _describe(error: Exception) -> str:
    return str(error) or type(error).__name__


def _detail(response: httpx.Response, redact: Redactor) -> str:
    """What an error answer says, in a few words: its error message, an HTML page's title,
    or the start of its text; secrets redacted before anything is cut."""
    content = response.content[:65_536]
    try:
        body = json.loads(content)
    except (ValueError, RecursionError):
        body = None
    if isinstance(body, dict):
        for key in ("error", "message", "detail"):
            text = _error_text(body.get(key))
            if text:
                return one_line(redact(text))
    text = redact(content.decode("utf-8", errors="replace"))
    lowered = text.lower()
    if "<html" in lowered or "<!doctype" in lowered:
        start, end = lowered.find("<title>"), lowered.find("</title>")
        title = text[start + 7 : end].strip() if 0 <= start < end else ""
        return f"an HTML page ({one_line(title, 80)})" if title else "an HTML page"
    return one_line(text)


def _error_text(error: Any) -> str:
    if isinstance(error, str):
        return error
    if isinstance(error, dict):
        message = error.get("message")
        if isinstance(message, str):
            metadata = error.get("metadata")
            provider = metadata.get("provider_name") if isinstance(metadata, dict) else None
            return f"{message} ({provider})" if isinstance(provider, str) else message
    return ""
