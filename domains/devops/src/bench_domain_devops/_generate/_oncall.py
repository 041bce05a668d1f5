"""The on-call rota: weekly shifts handed over on Monday at 09:00 Berlin time, and overrides.

Shifts are written in wall-clock time and stored in UTC, so the handover moves from 08:00 UTC
to 07:00 UTC when summer time starts on 29 March 2026.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .._clock import format_local, format_utc, from_local
from ._world import TEAMS

FIRST_HANDOVER = dt.datetime(2026, 1, 5, 9, 0)  # a Monday, Berlin wall-clock time
WEEKS = 16  # to 27 April 2026, past the reference date

# (team, primary who covers, local start, local end, why); the covered person is whoever the
# rota has as primary at the start.
OVERRIDES = (
    (
        "fulfillment",
        "ines.costa",
        dt.datetime(2026, 2, 12, 18),
        dt.datetime(2026, 2, 14, 9),
        "Tomas at a family wedding.",
    ),
    (
        "platform",
        "noah.jensen",
        dt.datetime(2026, 3, 4, 9),
        dt.datetime(2026, 3, 6, 9),
        "Max on sick leave.",
    ),
    (
        "identity",
        "nina.petrova",
        dt.datetime(2026, 3, 21, 9),
        dt.datetime(2026, 3, 23, 9),
        "Weekend swap with Felix.",
    ),
    (
        "payments",
        "omar.haddad",
        dt.datetime(2026, 4, 7, 18),
        dt.datetime(2026, 4, 9, 9),
        "Jan at KubeCon; Omar covers the primary pager.",
    ),
)


def shift_records() -> list[dict[str, Any]]:
    """Every team's weekly shifts, primary and secondary, in UTC and in Berlin time."""
    rows = []
    for team in TEAMS:
        size = len(team.members)
        for week in range(WEEKS):
            start = from_local(FIRST_HANDOVER + dt.timedelta(weeks=week))
            end = from_local(FIRST_HANDOVER + dt.timedelta(weeks=week + 1))
            rows.append(
                {
                    "team": team.id,
                    "primary": team.members[week % size],
                    "secondary": team.members[(week + 1) % size],
                    "starts_at": format_utc(start),
                    "ends_at": format_utc(end),
                    "starts_local": format_local(start),
                    "ends_local": format_local(end),
                }
            )
    return rows


def override_records(shifts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The overrides: a person who takes the primary pager from the rota for a while."""
    rows = []
    for number, (team, person, wall_start, wall_end, reason) in enumerate(OVERRIDES, start=1):
        start, end = from_local(wall_start), from_local(wall_end)
        covered = scheduled_primary(shifts, team, start)
        rows.append(
            {
                "id": f"OVR-{number:03d}",
                "team": team,
                "primary": person,
                "replaces": covered,
                "starts_at": format_utc(start),
                "ends_at": format_utc(end),
                "starts_local": format_local(start),
                "ends_local": format_local(end),
                "reason": reason,
            }
        )
    return rows


def scheduled_primary(shifts: list[dict[str, Any]], team: str, moment: dt.datetime) -> str:
    """The rota's primary for ``team`` at ``moment``, overrides aside."""
    stamp = format_utc(moment)
    for shift in shifts:
        if shift["team"] == team and shift["starts_at"] <= stamp < shift["ends_at"]:
            return str(shift["primary"])
    raise LookupError(f"no shift of {team} at {stamp}")


def primary_at(
    shifts: list[dict[str, Any]], overrides: list[dict[str, Any]], team: str, moment: dt.datetime
) -> str:
    """Who held ``team``'s primary pager at ``moment``: an override wins over the rota."""
    stamp = format_utc(moment)
    for override in overrides:
        if override["team"] == team and override["starts_at"] <= stamp < override["ends_at"]:
            return str(override["primary"])
    return scheduled_primary(shifts, team, moment)
