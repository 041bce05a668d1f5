"""Time as the platform team reads it: UTC everywhere in the data, Berlin time for people.

The team works from Berlin, so its on-call rota hands over at 09:00 local time and the change
freeze is announced in local time. Central European time follows one rule since 1996 (summer
time from the last Sunday of March to the last Sunday of October, switching at 01:00 UTC);
it is written out here so that the package needs no time-zone database, and a test checks it
against the system's ``Europe/Berlin`` where one is installed.
"""

from __future__ import annotations

import datetime as dt

TEAM_TIMEZONE = "Europe/Berlin"
_WINTER = dt.timedelta(hours=1)
_SUMMER = dt.timedelta(hours=2)


def _last_sunday(year: int, month: int) -> dt.date:
    last = dt.date(year, month + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() + 1) % 7)


def _summer_time(year: int) -> tuple[dt.datetime, dt.datetime]:
    """The UTC instants summer time starts and ends in ``year``."""
    start = _last_sunday(year, 3)
    end = _last_sunday(year, 10)
    return (
        dt.datetime(start.year, start.month, start.day, 1, tzinfo=dt.UTC),
        dt.datetime(end.year, end.month, end.day, 1, tzinfo=dt.UTC),
    )


def utc_offset(moment: dt.datetime) -> dt.timedelta:
    """Berlin's offset from UTC at the instant ``moment`` (an aware datetime)."""
    start, end = _summer_time(moment.astimezone(dt.UTC).year)
    return _SUMMER if start <= moment < end else _WINTER


def to_local(moment: dt.datetime) -> dt.datetime:
    """``moment`` as Berlin wall-clock time, with its fixed offset (+01:00 or +02:00)."""
    offset = utc_offset(moment)
    return moment.astimezone(dt.timezone(offset))


def from_local(wall: dt.datetime) -> dt.datetime:
    """The UTC instant of a naive Berlin wall-clock time.

    A time skipped by the spring change is read with the winter offset; a time that occurs
    twice in autumn is read as its first occurrence (summer time), as most schedulers do.
    """
    summer = (wall - _SUMMER).replace(tzinfo=dt.UTC)
    if utc_offset(summer) == _SUMMER:
        return summer
    return (wall - _WINTER).replace(tzinfo=dt.UTC)


def parse_utc(text: str) -> dt.datetime:
    """An aware UTC datetime from the data's ISO form (``2026-04-08T06:15:00Z``)."""
    moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)


def format_utc(moment: dt.datetime) -> str:
    """The data's ISO form of an instant: seconds, ``Z``."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def format_local(moment: dt.datetime) -> str:
    """An instant as Berlin wall-clock time with its offset (``2026-04-08T08:15:00+02:00``)."""
    return to_local(moment).isoformat(timespec="seconds")
