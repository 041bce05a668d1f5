"""Local time in the company's offices, with their daylight-saving rules, and calendar periods.

Everything is stored in UTC; people think in their office's local time (a course deadline is
the end of the deadline day where the learner works). The offices' rules are written out here
rather than read from the system's time-zone database, so the answers do not depend on what
the machine has installed; a test checks them against ``zoneinfo`` hour by hour.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

DstRule = Literal["eu", "us", "none"]

# Each office: (IANA zone, standard offset from UTC in minutes, daylight-saving rule).
OFFICE_ZONES: dict[str, tuple[str, int, DstRule]] = {
    "BER": ("Europe/Berlin", 60, "eu"),
    "LON": ("Europe/London", 0, "eu"),
    "NYC": ("America/New_York", -300, "us"),
    "AUS": ("America/Chicago", -360, "us"),
    "TOR": ("America/Toronto", -300, "us"),
    "BLR": ("Asia/Kolkata", 330, "none"),
}


def _nth_sunday(year: int, month: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(6 - first.weekday()) % 7 + 7 * (n - 1))


def _last_sunday(year: int, month: int) -> dt.date:
    after = dt.date(year + month // 12, month % 12 + 1, 1)
    last = after - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() + 1) % 7)


def utc_offset(location_id: str, moment: dt.datetime) -> dt.timedelta:
    """The UTC offset of an office at an instant (``moment`` is aware, any zone)."""
    _zone, standard, rule = OFFICE_ZONES[location_id]
    utc = moment.astimezone(dt.UTC).replace(tzinfo=None)
    summer = False
    if rule == "eu":  # 01:00 UTC on the last Sundays of March and October
        start = dt.datetime.combine(_last_sunday(utc.year, 3), dt.time(1))
        end = dt.datetime.combine(_last_sunday(utc.year, 10), dt.time(1))
        summer = start <= utc < end
    elif rule == "us":  # 02:00 local on the second Sunday of March, the first of November
        start = dt.datetime.combine(_nth_sunday(utc.year, 3, 2), dt.time(2))
        end = dt.datetime.combine(_nth_sunday(utc.year, 11, 1), dt.time(2))
        start -= dt.timedelta(minutes=standard)
        end -= dt.timedelta(minutes=standard + 60)
        summer = start <= utc < end
    return dt.timedelta(minutes=standard + (60 if summer else 0))


def parse_utc(text: str) -> dt.datetime:
    """An aware UTC datetime from a stored ``YYYY-MM-DDTHH:MM:SSZ`` timestamp."""
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(dt.UTC)


def format_utc(moment: dt.datetime) -> str:
    """The stored form of an instant: ``YYYY-MM-DDTHH:MM:SSZ``."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def local_time(location_id: str, moment: dt.datetime) -> dt.datetime:
    """The instant as the office's wall-clock time, with its offset."""
    offset = utc_offset(location_id, moment)
    return moment.astimezone(dt.timezone(offset))


def local_iso(location_id: str, text: str) -> str:
    """A stored UTC timestamp shown in the office's local time (``2026-03-31T22:40:00-04:00``)."""
    return local_time(location_id, parse_utc(text)).isoformat()


def local_date(location_id: str, text: str) -> dt.date:
    """The office's calendar date at a stored UTC timestamp."""
    return local_time(location_id, parse_utc(text)).date()


def quarter_of(day: dt.date) -> str:
    """The calendar (and fiscal) quarter of a date, as ``2026-Q1``."""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def quarter_bounds(label: str) -> tuple[dt.date, dt.date]:
    """The first and last day of a quarter written ``2026-Q1``."""
    year, quarter = int(label[:4]), int(label[-1])
    first = dt.date(year, 3 * quarter - 2, 1)
    after = dt.date(year + quarter // 4, 3 * quarter % 12 + 1, 1)
    return first, after - dt.timedelta(days=1)
