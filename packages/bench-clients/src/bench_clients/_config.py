"""What the client is pointed at and how it samples: one validated, frozen model."""

from __future__ import annotations

from functools import cached_property
from typing import Any, Literal

import httpx
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    ValidatorFunctionWrapHandler,
    field_validator,
    model_validator,
)

from ._errors import ClientError, one_line
from ._redact import Redactor, redact

OPENROUTER_BASE_URL = "https://openrouter.ai/api/v1"
"""The default endpoint. OpenRouter is a preset of the one client, not a client of its own."""

ProviderSort = Literal["price", "throughput", "latency"]

# Validation messages name the flag the user typed, not the field.
_FLAGS = {
    "model": "--model",
    "base_url": "--base-url",
    "api_key": "--api-key",
    "temperature": "--temperature",
    "top_p": "--top-p",
    "max_tokens": "--max-tokens",
    "provider_sort": "--provider-sort",
    "provider_order": "--provider-order",
    "provider_no_fallback": "--provider-no-fallback",
    "concurrency": "--workers",
    "request_timeout_s": "the request timeout",
}


class ClientConfig(BaseModel):
    """The endpoint, the model and the sampling settings of a run.

    Invalid values raise `ClientError` with one line naming the flag and what is allowed.

    Attributes:
        model: Model id as the endpoint expects it (OpenRouter form ``vendor/model``).
        base_url: Any OpenAI-compatible endpoint; OpenRouter by default.
        api_key: Sent as a bearer token; none for local servers that need no key.
        temperature: Always sent.
        top_p: Sent only when set.
        max_tokens: Sent only when set.
        provider_sort: OpenRouter only: ``price``, ``throughput`` or ``latency``.
        provider_order: OpenRouter only: preferred providers, in order.
        provider_no_fallback: OpenRouter only: use no provider outside ``provider_order``.
        concurrency: Most requests in flight at once (the runner's ``--workers``).
        request_timeout_s: Longest wait for one request before it is retried.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", hide_input_in_errors=True)

    model: str
    base_url: str = OPENROUTER_BASE_URL
    api_key: SecretStr | None = None
    temperature: float = Field(default=0.0, ge=0.0, le=2.0)
    top_p: float | None = Field(default=None, gt=0.0, le=1.0)
    max_tokens: int | None = Field(default=None, ge=1)
    provider_sort: ProviderSort | None = None
    provider_order: tuple[str, ...] = ()
    provider_no_fallback: bool = False
    concurrency: int = Field(default=4, ge=1, le=1024)
    request_timeout_s: float = Field(default=120.0, gt=0.0, le=3600.0)

    @model_validator(mode="wrap")
    @classmethod
    def _one_line_errors(cls, data: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        try:
            return handler(data)
        except ValidationError as error:
            key = data.get("api_key") if isinstance(data, dict) else None
            secret = key.get_secret_value() if isinstance(key, SecretStr) else key
            url = data.get("base_url") if isinstance(data, dict) else None
            secrets = [secret] if isinstance(secret, str) else []
            if isinstance(url, str):
                secrets.extend(url_credentials(url))
            raise ClientError(_describe(error, secrets)) from None

    @field_validator("model")
    @classmethod
    def _model_id(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("the model id is empty")
        if any(char.isspace() for char in value):
            raise ValueError(f"the model id {value!r} contains whitespace")
        return value

    @field_validator("api_key")
    @classmethod
    def _ascii_key(cls, value: SecretStr | None) -> SecretStr | None:
        # It goes in an HTTP header, which carries ASCII only; the key itself is never shown.
        if value is not None:
            for position, char in enumerate(value.get_secret_value(), start=1):
                if not " " < char < "\x7f":
                    raise ValueError(
                        "the API key must be ASCII letters, digits and punctuation; it holds "
                        f"another character (at position {position}): check for a pasted "
                        "typographic quote, dash or space"
                    )
        return value

    @field_validator("base_url")
    @classmethod
    def _endpoint(cls, value: str) -> str:
        value = value.strip().rstrip("/")
        try:
            url = httpx.URL(value)
        except httpx.InvalidURL:
            raise ValueError("not a URL; use e.g. http://127.0.0.1:8000/v1") from None
        if url.scheme not in ("http", "https") or not url.host:
            raise ValueError("use an http:// or https:// URL, e.g. http://127.0.0.1:8000/v1")
        return value

    @field_validator("provider_order", mode="before")
    @classmethod
    def _provider_list(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = value.split(",")
        if isinstance(value, list | tuple):
            return tuple(
                item.strip() for item in value if not isinstance(item, str) or item.strip()
            )
        return value

    @cached_property
    def is_openrouter(self) -> bool:
        """Whether the endpoint is OpenRouter, where the routing options apply."""
        host = httpx.URL(self.base_url).host
        return host == "openrouter.ai" or host.endswith(".openrouter.ai")

    @cached_property
    def redactor(self) -> Redactor:
        """Masks the API key, and any credential written into ``base_url``, in any text."""
        key = self.api_key.get_secret_value() if self.api_key is not None else ""
        return Redactor([key, *url_credentials(self.base_url)])

    @cached_property
    def host(self) -> str:
        """The endpoint's host (and port, where one is given): safe to show and to store."""
        url = httpx.URL(self.base_url)
        return f"{url.host}:{url.port}" if url.port else url.host

    def warnings(self) -> list[str]:
        """One line for each setting that is ignored, to show before the run starts."""
        if self.is_openrouter:
            return []
        flags = [
            flag
            for flag, given in (
                ("--provider-sort", self.provider_sort is not None),
                ("--provider-order", bool(self.provider_order)),
                ("--provider-no-fallback", self.provider_no_fallback),
            )
            if given
        ]
        if not flags:
            return []
        verb = "is" if len(flags) == 1 else "are"
        return [f"{', '.join(flags)} {verb} for OpenRouter only; ignored for {self.host}"]

    def routing(self) -> dict[str, Any]:
        """OpenRouter's ``provider`` object for the request body; empty when nothing is set."""
        provider: dict[str, Any] = {}
        if self.provider_sort is not None:
            provider["sort"] = self.provider_sort
        if self.provider_order:
            provider["order"] = list(self.provider_order)
        if self.provider_no_fallback:
            provider["allow_fallbacks"] = False
        return provider


def _describe(error: ValidationError, secrets: list[str]) -> str:
    parts = []
    for detail in error.errors(include_url=False):
        field = str(detail["loc"][0]) if detail["loc"] else ""
        flag = _FLAGS.get(field, field or "setting")
        message = detail["msg"].removeprefix("Value error, ")
        if detail["type"] == "extra_forbidden":
            message = "unknown setting"
        elif field != "api_key" and detail["type"] != "missing":
            # The value helps the user find the typo; the key is the one value never shown.
            value = detail.get("input")
            shown = repr(redact(value, secrets)) if isinstance(value, str) else repr(value)
            message += f" (got {redact(shown, secrets)[:60]})"
        parts.append(f"{flag}: {message}")
    return one_line("invalid " + "; ".join(parts), limit=400)


_SHORTEST_CREDENTIAL = 6

# Query parameters of a URL whose values are credentials.
_SECRET_PARAMS = frozenset(
    {"key", "api_key", "apikey", "api-key", "token", "access_token", "auth", "password", "secret"}
)


def url_credentials(url: str) -> list[str]:
    """The credentials written into a URL: its user and password, and the values of its
    key-like query parameters (``?key=``, ``?api_key=``, ``?token=``...)."""
    try:
        parsed = httpx.URL(url.strip())
    except (httpx.InvalidURL, TypeError):
        return []
    user, colon, password = parsed.userinfo.decode("utf-8", "replace").partition(":")
    found = [password if colon else user]  # user:password@, or a token alone before the @
    found.extend(
        value for name, value in parsed.params.multi_items() if name.lower() in _SECRET_PARAMS
    )
    # Short values ("x", "none") are no secrets, and masking them would mask ordinary words.
    return [value for value in found if len(value) >= _SHORTEST_CREDENTIAL]
