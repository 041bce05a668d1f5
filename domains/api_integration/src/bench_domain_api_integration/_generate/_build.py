"""Run the generator: build every fixture in memory, or write them into ``data/``."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

from . import _stories as story
from ._traffic import (
    INCIDENTS,
    Profile,
    Request,
    apply_rate_limits,
    base_requests,
    log_document,
    profiles,
    usage_counters,
)
from ._webhooks import webhook_records
from ._world import (
    NEVER_USED,
    PLATFORM,
    customer_records,
    endpoint_records,
    iso,
    key_drafts,
)

# Chosen once among the first seeds as one whose fortnight reads true: the five slowest
# endpoints of yesterday stand clearly apart from the sixth (see the tests).
SEED = 7

DATA_DIR = Path(__file__).parents[1] / "data"
# Files of many short records: one record a line keeps them small and their diffs readable.
ROW_FILES = ("request_log.json", "usage.json", "webhook_deliveries.json")


def main() -> None:
    """Write every fixture file into ``data/``."""
    files = generate()
    DATA_DIR.mkdir(exist_ok=True)
    for name, content in files.items():
        text = serialize(name, content)
        (DATA_DIR / name).write_text(text, encoding="utf-8")
        print(f"wrote data/{name} ({len(text):,} bytes)")


def serialize(name: str, content: Any) -> str:
    """A fixture file's text: indented JSON, or one compact record a line for row files."""
    if name not in ROW_FILES:
        return json.dumps(content, indent=1, ensure_ascii=False) + "\n"
    compact = {"ensure_ascii": False, "separators": (",", ":")}
    if isinstance(content, list):
        lines = [json.dumps(row, **compact) for row in content]  # type: ignore[arg-type]
        return "[\n" + ",\n".join(lines) + "\n]\n"
    rows = [json.dumps(row, **compact) for row in content["rows"]]  # type: ignore[arg-type]
    head = json.dumps(content["fields"], **compact)  # type: ignore[arg-type]
    return '{"fields":' + head + ',"rows":[\n' + ",\n".join(rows) + "\n]}\n"


def _by_name(items: list[Profile], who: tuple[str, str]) -> Profile:
    return next(p for p in items if (p.key["customer"], p.key["name"]) == who)


def _tune(found: list[Profile]) -> None:
    """The volumes the stories need, set before any traffic is drawn."""
    poller = _by_name(found, story.POLLER)
    poller.daily, poller.extra["usage_daily"] = 150.0, 210.0
    export = _by_name(found, story.EXPORT)
    export.daily, export.extra["usage_daily"] = 0.0, 40.0
    for who in NEVER_USED:
        _by_name(found, who).daily = 0.0


def _planted(rng: random.Random, found: list[Profile]) -> list[Request]:
    poller, export = _by_name(found, story.POLLER), _by_name(found, story.EXPORT)
    requests = story.poller(rng, poller)
    requests += story.nightly_export(rng, export)
    for customer, name, minute, count in story.SMALL_BURSTS:
        requests += story.small_burst(rng, _by_name(found, (customer, name)), minute, count)
    requests += story.leak(rng, _by_name(found, story.LEAKED))
    requests += story.skewed_clock(rng, _by_name(found, story.SKEWED_CLOCK))
    requests += story.retired_plugin(rng, _by_name(found, story.RETIRED_PLUGIN))
    requests += story.deprecated_calls(rng, _by_name(found, story.DEPRECATED_CALLER))
    requests += story.forgotten_laptop(rng, _by_name(found, story.FORGOTTEN_LAPTOP))
    return requests + story.anonymous(rng)


def _last_use(
    rng: random.Random, key: dict[str, Any], requests: list[Request], usage: list[list[Any]]
) -> tuple[str | None, str | None]:
    used = [r for r in requests if r.key == key["id"] and r.authenticated]
    if used:
        last = max(used, key=lambda r: r.at)
        return iso(dt.datetime.fromtimestamp(last.at / 1000, dt.UTC)), last.ip
    days = [row[1] for row in usage if row[0] == key["id"]]
    if (key["customer"], key["name"]) in NEVER_USED:
        return None, None
    if days:
        moment = dt.datetime.fromisoformat(max(days)).replace(tzinfo=dt.UTC)
    else:  # gone before the counters start: last seen a while before it ended
        ended = key["revoked_at"] or key["expires_at"]
        moment = dt.datetime.fromisoformat(ended) - dt.timedelta(days=rng.randint(2, 20))
        moment = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    return iso(moment + dt.timedelta(seconds=rng.randrange(14 * 3600, 22 * 3600))), None


def generate(seed: int = SEED) -> dict[str, Any]:
    """Build all fixtures in memory, keyed by file name."""
    rng = random.Random(seed)
    customers = customer_records(rng)
    drafts = key_drafts(rng, customers)
    drafts.sort(key=lambda k: (k["created_at"], k["customer_id"], k["name"]))
    for number, draft in enumerate(drafts, start=1001):
        draft["id"] = f"AK-{number}"
    found = profiles(rng, drafts, customers)
    _tune(found)
    requests = [r for p in found for r in base_requests(rng, p)]
    requests += _planted(rng, found)
    apply_rate_limits(requests, {k["id"]: k["rate_limit_per_minute"] for k in drafts})
    usage = usage_counters(rng, found, requests)
    keys = []
    for draft in sorted(drafts, key=lambda k: k["id"]):
        last_used, last_ip = _last_use(rng, draft, requests, usage)
        if last_ip is None and last_used is not None:
            last_ip = _by_name(found, (draft["customer"], draft["name"])).ips[0]
        keys.append(
            {
                "id": draft["id"],
                "customer_id": draft["customer_id"],
                "name": draft["name"],
                "environment": draft["environment"],
                "prefix": draft["prefix"],
                "scopes": draft["scopes"],
                "rate_limit_per_minute": draft["rate_limit_per_minute"],
                "monthly_quota": draft["quota"],
                "created_at": iso(draft["created_at"]),
                "expires_at": draft["expires_at"],
                "status": draft["status"],
                "revoked_at": draft["revoked_at"],
                "revoked_reason": draft["revoked_reason"],
                "last_used_at": last_used,
                "last_used_ip": last_ip,
            }
        )
    webhooks, deliveries = webhook_records(rng, customers)
    return {
        "platform.json": PLATFORM,
        "customers.json": customers,
        "endpoints.json": endpoint_records(),
        "api_keys.json": keys,
        "incidents.json": [
            {k: v for k, v in i.items() if k not in ("error_rate", "latency_factor", "statuses")}
            for i in INCIDENTS
        ],
        "request_log.json": log_document(requests, rng),
        "usage.json": {"fields": ["key_id", "date", "requests", "rate_limited"], "rows": usage},
        "webhooks.json": webhooks,
        "webhook_deliveries.json": deliveries,
    }
