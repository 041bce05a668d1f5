"""The facts the tasks are about, computed from the fixtures: never typed in by hand.

The keys a customer owns, the slowest endpoints of a day, the key throttled most in the last
hour, the 401 counts the revocation policy reads, the deliveries to replay after a receiver
was fixed: each task asks the fixtures through these functions, so regenerating the data
moves the expected answers with it.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
from collections import Counter
from typing import Any

from ._fixtures import ApiKey, Customer, Delivery, Endpoint, Fixtures, Request, Webhook
from ._lookup import stamp, utc
from ._stats import summarize
from ._usage import key_usage


class Facts:
    """Questions about the fixtures that the tasks' expected values come from.

    Args:
        fixtures: The gateway's data.
    """

    def __init__(self, fixtures: Fixtures) -> None:
        self.fixtures = fixtures
        self.now = utc(fixtures.platform.now)
        self.today = self.now.date()
        self.yesterday = self.today - dt.timedelta(days=1)

    # --- lookups ------------------------------------------------------------------------------

    def customer(self, name: str) -> Customer:
        """The customer with this exact name."""
        return next(c for c in self.fixtures.customers if c.name == name)

    def key(self, customer: str, name: str) -> ApiKey:
        """The key called ``name`` of the customer called ``customer``."""
        owner = self.customer(customer).id
        return next(k for k in self.fixtures.keys if k.customer_id == owner and k.name == name)

    def endpoint(self, route: str) -> Endpoint:
        """The endpoint with this ``METHOD /path``."""
        return next(e for e in self.fixtures.endpoints if e.route == route)

    def webhook_of(self, customer: str) -> Webhook:
        """The one webhook of a customer.

        Raises:
            LookupError: The customer has no webhook, or several.
        """
        owner = self.customer(customer).id
        found = [w for w in self.fixtures.webhooks if w.customer_id == owner]
        if len(found) != 1:
            raise LookupError(f"{customer} has {len(found)} webhooks, not one")
        return found[0]

    def keys_of(self, customer: str, status: str | None = None) -> list[ApiKey]:
        """A customer's keys (of one status), in id order."""
        owner = self.customer(customer).id
        return [
            k
            for k in self.fixtures.keys
            if k.customer_id == owner and (status is None or k.status == status)
        ]

    # --- traffic ------------------------------------------------------------------------------

    def requests_between(self, start: dt.datetime, end: dt.datetime) -> list[Request]:
        """The logged requests from ``start`` (inclusive) to ``end`` (exclusive)."""
        low, high = stamp(start), stamp(end)
        return [r for r in self.fixtures.requests if low <= r.time < high]

    def day(self, day: dt.date) -> tuple[dt.datetime, dt.datetime]:
        """A UTC day as a window."""
        start = dt.datetime.combine(day, dt.time(), dt.UTC)
        return start, start + dt.timedelta(days=1)

    def endpoint_stats(self, start: dt.datetime, end: dt.datetime) -> dict[str, dict[str, Any]]:
        """Per-endpoint traffic statistics over a window, keyed by endpoint id."""
        groups: dict[str, list[Request]] = {}
        for request in self.requests_between(start, end):
            groups.setdefault(request.endpoint_id, []).append(request)
        return {e: summarize(rows) for e, rows in sorted(groups.items())}

    def slowest_endpoints(self, day: dt.date, count: int) -> list[tuple[Endpoint, int]]:
        """The ``count`` endpoints with the highest p95 latency on a UTC day, slowest first."""
        stats = self.endpoint_stats(*self.day(day))
        ranked = sorted(stats.items(), key=lambda s: (-(s[1]["p95_ms"] or 0), s[0]))
        by_id = self.fixtures.endpoint_by_id
        return [(by_id[e], s["p95_ms"]) for e, s in ranked[:count]]

    def status_counts_by_key(
        self, status: int, start: dt.datetime, end: dt.datetime
    ) -> Counter[str]:
        """How many responses of ``status`` each key got in a window."""
        return Counter(
            r.key_id
            for r in self.requests_between(start, end)
            if r.status == status and r.key_id is not None
        )

    def most_throttled_key(self, start: dt.datetime, end: dt.datetime) -> tuple[ApiKey, int]:
        """The key with the most 429s in a window, and how many."""
        key_id, count = self.status_counts_by_key(429, start, end).most_common(1)[0]
        return self.fixtures.key_by_id[key_id], count

    def last_hour(self) -> tuple[dt.datetime, dt.datetime]:
        """The hour up to now."""
        return self.now - dt.timedelta(hours=1), self.now

    def last_day(self) -> tuple[dt.datetime, dt.datetime]:
        """The 24 hours up to now."""
        return self.now - dt.timedelta(hours=24), self.now

    def unauthorized(self, key: ApiKey, start: dt.datetime, end: dt.datetime) -> int:
        """A key's 401 responses in a window."""
        return self.status_counts_by_key(401, start, end)[key.id]

    def client_ranges(self, key: ApiKey, start: dt.datetime, end: dt.datetime) -> set[str]:
        """The /24 ranges a key's requests came from in a window."""
        return {
            str(ipaddress.ip_network(f"{r.client_ip}/24", strict=False))
            for r in self.requests_between(start, end)
            if r.key_id == key.id
        }

    def callers_of_deprecated(self, start: dt.datetime, end: dt.datetime) -> dict[str, int]:
        """Customer names calling any deprecated endpoint in a window, with their call counts."""
        deprecated = {e.id for e in self.fixtures.endpoints if e.deprecated}
        owners = {k.id: k.customer_id for k in self.fixtures.keys}
        names = {c.id: c.name for c in self.fixtures.customers}
        return dict(
            Counter(
                names[owners[r.key_id]]
                for r in self.requests_between(start, end)
                if r.endpoint_id in deprecated and r.key_id is not None
            )
        )

    def callers_of_old_rates(self) -> list[tuple[Customer, str]]:
        """Every (customer, key id) that called ``GET /v1/rates`` in the whole log."""
        old = self.endpoint("GET /v1/rates").id
        keys = self.fixtures.key_by_id
        found = sorted(
            {r.key_id for r in self.fixtures.requests if r.endpoint_id == old and r.key_id}
        )
        return [(self.fixtures.customer_by_id[keys[k].customer_id], k) for k in found]

    def rejected_of(
        self, owner: Customer, start: dt.datetime, end: dt.datetime, status: int = 401
    ) -> list[Request]:
        """A customer's requests answered with ``status`` in a window."""
        keys = {k.id for k in self.keys_of(owner.name)}
        return [
            r for r in self.requests_between(start, end) if r.key_id in keys and r.status == status
        ]

    def requests_by_key(
        self, owner: Customer, start: dt.datetime, end: dt.datetime
    ) -> list[tuple[ApiKey, int]]:
        """A customer's keys with their request counts in a window, busiest first."""
        counts = Counter(
            r.key_id for r in self.requests_between(start, end) if r.key_id is not None
        )
        ranked = sorted(
            ((k, counts[k.id]) for k in self.keys_of(owner.name) if counts[k.id]),
            key=lambda pair: (-pair[1], pair[0].id),
        )
        return ranked

    def billed_on(self, key: ApiKey, day: dt.date) -> int:
        """A key's served requests on a day, as the usage counters record them."""
        return sum(
            u.requests
            for u in self.fixtures.usage
            if u.key_id == key.id and u.date == day.isoformat()
        )

    def window_edge(self, key: ApiKey, minute: dt.datetime) -> list[Request]:
        """A key's requests from ``minute`` to one second after the next minute starts."""
        end = minute + dt.timedelta(minutes=1, seconds=1)
        return [r for r in self.requests_between(minute, end) if r.key_id == key.id]

    def usage(self, key: ApiKey, month: str) -> dict[str, Any]:
        """A key's billing-month usage, as get_usage reports it."""
        return key_usage(self.fixtures, key, month)

    def next_key_id(self) -> str:
        """The id the next key issued (by a rotation) gets."""
        return f"AK-{1 + max(int(k.id.removeprefix('AK-')) for k in self.fixtures.keys)}"

    # --- webhooks -----------------------------------------------------------------------------

    def deliveries(
        self, webhook: Webhook, status: str | None = None, since: str = "", until: str = "~"
    ) -> list[Delivery]:
        """A webhook's deliveries (of one status) created from ``since`` to before ``until``."""
        return [
            d
            for d in self.fixtures.deliveries
            if d.webhook_id == webhook.id
            and (status is None or d.status == status)
            and since <= d.created_at < until
        ]

    def receiver_fixed_at(self, webhook: Webhook) -> str | None:
        """When a failing receiver first answered 2xx again after its URL change."""
        if webhook.url_updated_at is None:
            return None
        attempts = sorted(
            a.at
            for d in self.fixtures.deliveries
            if d.webhook_id == webhook.id
            for a in d.attempts
            if a.at >= webhook.url_updated_at
            and a.response_code is not None
            and 200 <= a.response_code < 300
        )
        return attempts[0] if attempts else None
