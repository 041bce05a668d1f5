"""Reading ids, names and time windows from arguments the way people write them.

Ids are matched case-insensitively and without the dash (``ak1042`` is AK-1042), customers by
id or name, endpoints by id or by method and path; a miss says what is close, never more.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping
from typing import Any

from ._arguments import ApiError
from ._fixtures import ApiKey, Customer, Endpoint, Fixtures

_ID = re.compile(r"^\s*([A-Za-z]+)[-_ ]?0*(\d+)\s*$")
_PARAM = re.compile(r"\{[^}]*\}|:[A-Za-z_]+")


def canonical_id(value: str, prefix: str, width: int) -> str | None:
    """``AK-1042`` from ``ak-1042``, ``AK1042`` or ``ak_1042``; None if it is not that kind."""
    found = _ID.match(value)
    if found is None or found.group(1).upper() != prefix:
        return None
    return f"{prefix}-{int(found.group(2)):0{width}d}"


def utc(text: str) -> dt.datetime:
    """A stored timestamp as an aware datetime."""
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def stamp(moment: dt.datetime) -> str:
    """An aware datetime as the gateway writes times (UTC, milliseconds, ``Z``)."""
    moment = moment.astimezone(dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _name_key(name: str) -> str:
    """A name as people type it: any case, '&' or 'and', any spacing."""
    return " ".join(name.casefold().replace("&", " and ").split())


class Resolver:
    """Looks up what an argument names, in one episode's view of the data.

    Args:
        data: The fixtures.
        keys: The episode's keys by id (rotations add keys).
    """

    def __init__(self, data: Fixtures, keys: Mapping[str, ApiKey]) -> None:
        self._data = data
        self._keys = keys
        self.now = utc(data.platform.now)
        self.log_start = utc(data.platform.log_retention_start)
        self._routes = {self._route_key(e.method, e.path): e for e in data.endpoints}

    def key(self, value: str) -> ApiKey:
        """The key with this id."""
        key_id = canonical_id(value, "AK", 4)
        if key_id is None:
            hint = " (that looks like a key prefix or secret)" if value.startswith("rbx_") else ""
            raise ApiError(f"key_id must look like AK-1042, got {value!r}{hint}")
        key = self._keys.get(key_id)
        if key is None:
            ids = sorted(self._keys)
            raise ApiError(
                f"no API key {key_id}; key ids run from {ids[0]} to {ids[-1]}", "not_found"
            )
        return key

    def customer(self, value: str) -> Customer:
        """The customer with this id or name."""
        customer_id = canonical_id(value, "CUS", 3)
        if customer_id is not None:
            found = self._data.customer_by_id.get(customer_id)
            if found is None:
                raise ApiError(f"no customer {customer_id}", "not_found")
            return found
        wanted = _name_key(value)
        by_name = {_name_key(c.name): c for c in self._data.customers}
        if wanted in by_name:
            return by_name[wanted]
        close = difflib.get_close_matches(wanted, list(by_name), n=1, cutoff=0.6)
        hint = f"; did you mean {by_name[close[0]].name!r}?" if close else ""
        raise ApiError(f"no customer named {value!r}{hint}", "not_found")

    @staticmethod
    def _route_key(method: str, path: str) -> tuple[str, str]:
        path = _PARAM.sub("{}", path.strip().rstrip("/").lower())
        return method.strip().upper(), path

    def endpoint(self, value: str) -> Endpoint:
        """The endpoint with this id, or this method and path template."""
        endpoint_id = canonical_id(value, "EP", 2)
        if endpoint_id is not None:
            found = self._data.endpoint_by_id.get(endpoint_id)
            if found is None:
                last = self._data.endpoints[-1].id
                raise ApiError(f"no endpoint {endpoint_id}; ids run EP-01 to {last}", "not_found")
            return found
        parts = value.split(maxsplit=1)
        if len(parts) == 2 and parts[0].upper() in ("GET", "POST", "PATCH", "DELETE", "PUT"):
            route = self._routes.get(self._route_key(parts[0], parts[1]))
            if route is not None:
                return route
        else:
            path = self._route_key("", value)[1]
            matches = [e for (_, p), e in self._routes.items() if p == path]
            if len(matches) == 1:
                return matches[0]
            if matches:
                methods = " or ".join(e.method for e in matches)
                raise ApiError(f"{value!r} is served by {methods}: name the method too")
        raise ApiError(
            f"no endpoint {value!r}; give an id such as EP-13 or a method and path template "
            "as list_endpoints shows them",
            "not_found",
        )

    def window(
        self, args: Mapping[str, Any], start_name: str = "start_time", end_name: str = "end_time"
    ) -> tuple[dt.datetime, dt.datetime]:
        """The [start, end) window of a call; bare dates are whole UTC days; default 24 h."""
        start, end = args.get(start_name), args.get(end_name)
        if isinstance(start, dt.date) and not isinstance(start, dt.datetime):
            start = dt.datetime.combine(start, dt.time(), dt.UTC)
        if isinstance(end, dt.date) and not isinstance(end, dt.datetime):
            end = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), dt.UTC)
        end = min(end or self.now, self.now)
        start = start or end - dt.timedelta(hours=24)
        if start >= end:
            raise ApiError(f"{start_name} {stamp(start)} is not before {end_name} {stamp(end)}")
        return start, end

    def log_window(self, args: Mapping[str, Any]) -> tuple[dt.datetime, dt.datetime]:
        """A window of the request log, which starts at the retention limit."""
        start, end = self.window(args)
        if start < self.log_start:
            raise ApiError(
                f"request logs are kept from {stamp(self.log_start)} (the current day and the "
                f"14 days before it); start_time {stamp(start)} is earlier",
                "out_of_range",
            )
        return start, end
