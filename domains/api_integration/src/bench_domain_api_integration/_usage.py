"""Billing-month usage: each key's served requests against its monthly quota, in USD."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from ._arguments import ApiError
from ._fixtures import ApiKey, Fixtures, UsageDay
from ._lookup import Resolver


def overage(key: ApiKey, requests: int, price_per_1000: float) -> tuple[int, float]:
    """Requests over the key's quota and their charge in USD (cents, rounded half up)."""
    over = max(0, requests - key.monthly_quota)
    return over, round(over * price_per_1000 / 1000 + 1e-9, 2)


def key_usage(data: Fixtures, key: ApiKey, month: str) -> dict[str, Any]:
    """One key's counters for a month (``YYYY-MM``), with its quota and overage."""
    days = [u for u in data.usage if u.key_id == key.id and u.date.startswith(month)]
    requests = sum(u.requests for u in days)
    plan = data.platform.plans[data.customer_by_id[key.customer_id].plan]
    over, charge = overage(key, requests, plan.overage_usd_per_1000)
    return {
        "key_id": key.id,
        "key_name": key.name,
        "customer_id": key.customer_id,
        "requests": requests,
        "rate_limited": sum(u.rate_limited for u in days),
        "monthly_quota": key.monthly_quota,
        "used_pct": round(100 * requests / key.monthly_quota, 2),
        "over_quota_requests": over,
        "overage_usd": charge,
        "days": [_day(u) for u in days],
    }


def _day(day: UsageDay) -> dict[str, Any]:
    return {"date": day.date, "requests": day.requests, "rate_limited": day.rate_limited}


def usage(data: Fixtures, resolve: Resolver, args: dict[str, Any]) -> Any:
    """The ``get_usage`` tool."""
    if "key_id" not in args and "customer" not in args:
        raise ApiError("give key_id, customer, or both")
    current = data.platform.now[:7]
    month = args.get("month", current)
    first = data.platform.usage_start[:7]
    if not first <= month <= current or not 1 <= int(month[5:]) <= 12:
        raise ApiError(
            f"month must be from {first} (when the counters start) to {current}, got {month!r}",
            "out_of_range",
        )
    keys: list[ApiKey]
    if "key_id" in args:
        keys = [resolve.key(args["key_id"])]
        if "customer" in args and resolve.customer(args["customer"]).id != keys[0].customer_id:
            raise ApiError(f"key {keys[0].id} does not belong to {args['customer']!r}")
    else:
        customer = resolve.customer(args["customer"]).id
        used = {u.key_id for u in data.usage if u.date.startswith(month)}
        keys = [
            k
            for k in data.keys
            if k.customer_id == customer and (k.id in used or k.status == "active")
        ]
    rows = [key_usage(data, k, month) for k in keys]
    if args.get("breakdown", "total") == "total":
        for row in rows:
            del row["days"]
    year, number = int(month[:4]), int(month[5:])
    last = dt.date(year, number, calendar.monthrange(year, number)[1])
    return {
        "month": month,
        "period_start": f"{month}-01",
        "period_end": last.isoformat(),
        "as_of": data.platform.now,
        "currency": data.platform.currency,
        "keys": rows,
        "total": {
            "requests": sum(r["requests"] for r in rows),
            "rate_limited": sum(r["rate_limited"] for r in rows),
            "overage_usd": round(sum(r["overage_usd"] for r in rows), 2),
        },
    }
