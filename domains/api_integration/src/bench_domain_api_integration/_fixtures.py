"""The gateway's fixture data: typed records, read lazily from the package's ``data/`` folder.

Times are UTC strings with milliseconds (``2026-03-18T15:20:00.000Z``), so they compare and
sort as text. The request log and the usage counters are stored as short rows (arrays in the
order of their ``fields``) to keep twenty thousand requests small on disk.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Generic, Literal, TypeVar

import msgspec

KeyStatus = Literal["active", "revoked", "expired"]
DeliveryStatus = Literal["succeeded", "failed", "retrying"]


class Plan(msgspec.Struct, frozen=True, kw_only=True):
    """A price plan: each live key's monthly quota, default rate limit and overage price."""

    monthly_quota: int
    rate_limit_per_minute: int
    overage_usd_per_1000: float


class Platform(msgspec.Struct, frozen=True, kw_only=True):
    """The API product, the console's clock and the gateway's fixed rules."""

    name: str
    product: str
    base_url: str
    now: str
    timezone: str
    currency: str
    log_retention_start: str
    usage_start: str
    rate_limit_window: str
    webhook_retry_schedule_minutes: tuple[int, ...]
    plans: dict[str, Plan]


class Customer(msgspec.Struct, frozen=True, kw_only=True):
    """A customer account and the people to tell about its keys."""

    id: str
    name: str
    plan: str
    country: str
    timezone: str
    customer_since: str
    technical_contact: str
    security_contact: str
    account_manager: str


class Endpoint(msgspec.Struct, frozen=True, kw_only=True):
    """One route of the API."""

    id: str
    method: str
    path: str
    version: str
    summary: str
    owner_team: str
    required_scope: str | None
    latency_budget_ms: int
    deprecated: bool
    sunset_date: str | None
    replacement: str | None

    @property
    def route(self) -> str:
        """``METHOD /path``, as people name an endpoint."""
        return f"{self.method} {self.path}"


class ApiKey(msgspec.Struct, frozen=True, kw_only=True):
    """A customer's API key; the secret itself is never stored here, only its prefix."""

    id: str
    customer_id: str
    name: str
    environment: Literal["live", "test"]
    prefix: str
    scopes: tuple[str, ...]
    rate_limit_per_minute: int
    monthly_quota: int
    created_at: str
    expires_at: str | None
    status: KeyStatus
    revoked_at: str | None
    revoked_reason: str | None
    last_used_at: str | None
    last_used_ip: str | None


class Incident(msgspec.Struct, frozen=True, kw_only=True):
    """An incident on the status page; ``endpoints`` is ``"all"`` or a list of routes."""

    id: str
    title: str
    severity: str
    started_at: str
    resolved_at: str
    endpoints: str | tuple[str, ...]


class Request(msgspec.Struct, frozen=True, array_like=True):
    """One request as the gateway logged it (``key_id`` is None when no valid key id came)."""

    id: str
    time: str
    key_id: str | None
    endpoint_id: str
    status: int
    latency_ms: int
    bytes: int
    client_ip: str
    error: str | None


class UsageDay(msgspec.Struct, frozen=True, array_like=True):
    """A key's counters for one UTC day: requests served and requests throttled (429)."""

    key_id: str
    date: str
    requests: int
    rate_limited: int


_R = TypeVar("_R")


class _Rows(msgspec.Struct, Generic[_R], frozen=True):
    fields: tuple[str, ...]
    rows: tuple[_R, ...]


class WebhookChange(msgspec.Struct, frozen=True, kw_only=True):
    """One change in a webhook's configuration history."""

    at: str
    change: str
    detail: str


class Webhook(msgspec.Struct, frozen=True, kw_only=True):
    """A customer's webhook subscription."""

    id: str
    customer_id: str
    url: str
    events: tuple[str, ...]
    status: Literal["active", "disabled"]
    created_at: str
    url_updated_at: str | None
    disabled_at: str | None
    history: tuple[WebhookChange, ...]


class Attempt(msgspec.Struct, frozen=True, kw_only=True):
    """One try of a delivery; ``response_code`` is None when the receiver never answered."""

    attempt: int
    at: str
    response_code: int | None
    latency_ms: int
    error: str | None


class Delivery(msgspec.Struct, frozen=True, kw_only=True):
    """One event sent to one webhook, with every attempt made so far."""

    id: str
    webhook_id: str
    event_id: str
    event_type: str
    created_at: str
    status: DeliveryStatus
    next_attempt_at: str | None
    attempts: tuple[Attempt, ...]


class Fixtures(msgspec.Struct, frozen=True, kw_only=True, dict=True):
    """Everything the gateway's console holds at the reference time."""

    platform: Platform
    customers: tuple[Customer, ...]
    endpoints: tuple[Endpoint, ...]
    keys: tuple[ApiKey, ...]
    incidents: tuple[Incident, ...]
    requests: tuple[Request, ...]
    usage: tuple[UsageDay, ...]
    webhooks: tuple[Webhook, ...]
    deliveries: tuple[Delivery, ...]

    @functools.cached_property
    def customer_by_id(self) -> dict[str, Customer]:
        """The customers keyed by id."""
        return {c.id: c for c in self.customers}

    @functools.cached_property
    def endpoint_by_id(self) -> dict[str, Endpoint]:
        """The endpoints keyed by id."""
        return {e.id: e for e in self.endpoints}

    @functools.cached_property
    def key_by_id(self) -> dict[str, ApiKey]:
        """The keys keyed by id."""
        return {k.id: k for k in self.keys}

    @functools.cached_property
    def webhook_by_id(self) -> dict[str, Webhook]:
        """The webhooks keyed by id."""
        return {w.id: w for w in self.webhooks}


_T = TypeVar("_T")


def _bytes(name: str) -> bytes:
    return resources.files(__package__).joinpath("data", name).read_bytes()


def _read(name: str, kind: type[_T]) -> _T:
    return msgspec.json.decode(_bytes(name), type=kind)


def _read_rows(name: str, kind: type[_T]) -> tuple[_T, ...]:
    table = msgspec.json.decode(_bytes(name), type=_Rows[kind])  # type: ignore[valid-type]
    expected = tuple(f.name for f in msgspec.structs.fields(kind))  # type: ignore[arg-type]
    if table.fields != expected:
        raise ValueError(f"data/{name} has fields {table.fields}, expected {expected}")
    return table.rows


@functools.cache
def load_fixtures() -> Fixtures:
    """The fixtures, read and validated on first use, then shared (every record is frozen)."""
    return Fixtures(
        platform=_read("platform.json", Platform),
        customers=_read("customers.json", tuple[Customer, ...]),
        endpoints=_read("endpoints.json", tuple[Endpoint, ...]),
        keys=_read("api_keys.json", tuple[ApiKey, ...]),
        incidents=_read("incidents.json", tuple[Incident, ...]),
        requests=_read_rows("request_log.json", Request),
        usage=_read_rows("usage.json", UsageDay),
        webhooks=_read("webhooks.json", tuple[Webhook, ...]),
        deliveries=_read("webhook_deliveries.json", tuple[Delivery, ...]),
    )
