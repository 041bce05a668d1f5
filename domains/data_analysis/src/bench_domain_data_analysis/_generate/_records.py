"""The organisation's records as the HR system stores them: offices, levels, pay bands,
departments with their teams, and employees with their employment and job history."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from .._clock import OFFICE_ZONES
from ._people import Org, Person
from ._world import (
    BAND_SPREAD,
    DEPARTMENTS,
    LEVELS,
    OFFICE_BY_ID,
    OFFICES,
    REORG_DAY,
    TODAY,
    USD_RATES,
)

REVIEW_DAY = dt.date(2026, 4, 1)


def location_records() -> list[dict[str, Any]]:
    """The six offices with their time zones and currencies."""
    return [
        {
            "id": o.id,
            "city": o.city,
            "country": o.country,
            "timezone": OFFICE_ZONES[o.id][0],
            "currency": o.currency,
        }
        for o in OFFICES
    ]


def _round_pay(amount: float, currency: str) -> int:
    step = 10_000 if currency == "INR" else 500
    return int(round(amount / step) * step)


def band_records() -> list[dict[str, Any]]:
    """The FY2026 salary bands: one per level and office, in the office's currency."""
    bands = []
    for level in LEVELS:
        for office in OFFICES:
            mid = level.nyc_mid * office.pay_factor / USD_RATES[office.currency]
            step = 10_000 if office.currency == "INR" else 1_000
            mid = round(mid / step) * step
            bands.append(
                {
                    "level": level.id,
                    "location_id": office.id,
                    "currency": office.currency,
                    "minimum": int(round(mid * (1 - BAND_SPREAD) / step) * step),
                    "midpoint": int(mid),
                    "maximum": int(round(mid * (1 + BAND_SPREAD) / step) * step),
                }
            )
    return bands


def level_records() -> list[dict[str, Any]]:
    """The career levels."""
    return [{"id": lv.id, "name": lv.name, "track": lv.track} for lv in LEVELS]


def department_records(org: Org) -> list[dict[str, Any]]:
    """The departments with their teams, heads (current and past) and former names."""
    records = []
    for spec in DEPARTMENTS:
        heads = [
            {
                "employee_id": p.id,
                "start_date": start.isoformat(),
                "end_date": p.stints[-1].end.isoformat() if p.stints[-1].end else None,
            }
            for start, p in org.heads[spec.id]
        ]
        teams = []
        for team in spec.teams:
            lead = org.lead_on(team.id, TODAY)
            teams.append(
                {
                    "id": team.id,
                    "name": team.name,
                    "manager_id": lead.id if lead else None,
                    "created": team.since.isoformat(),
                }
            )
        former = (
            [{"name": spec.former_name, "until": (REORG_DAY - dt.timedelta(days=1)).isoformat()}]
            if spec.former_name
            else []
        )
        records.append(
            {
                "id": spec.id,
                "name": spec.name,
                "former_names": former,
                "cost_center": spec.cost_center,
                "head_id": heads[-1]["employee_id"],
                "head_history": heads,
                "teams": teams,
            }
        )
    return records


def employee_records(rng: random.Random, people: list[Person]) -> list[dict[str, Any]]:
    """Every person as the HR system shows them today."""
    bands = {(b["level"], b["location_id"]): b for b in band_records()}
    records = []
    for p in sorted(people, key=lambda p: p.id):
        last_stint = p.stints[-1]
        current = p.history[-1]
        exited = last_stint.end is not None and last_stint.end < TODAY
        band = bands[(current["level"], p.office)]
        # Pay sits around the band's midpoint and inside the band.
        position = rng.gauss(1.0, 0.07)
        amount = band["midpoint"] * min(max(position, 0.82), 1.18)
        records.append(
            {
                "id": p.id,
                "first_name": p.first,
                "last_name": p.last,
                "email": _email(p),
                "location_id": p.office,
                "status": "exited" if exited else ("on_leave" if p.leave else "active"),
                "hire_date": last_stint.start.isoformat(),
                "original_hire_date": p.stints[0].start.isoformat(),
                "exit_date": last_stint.end.isoformat() if last_stint.end else None,
                "exit_type": last_stint.exit_type,
                "exit_reason": last_stint.exit_reason,
                "department_id": current["department_id"],
                "team_id": current["team_id"],
                "title": current["title"],
                "level": current["level"],
                "manager_id": current["manager_id"],
                "salary": {
                    "amount": _round_pay(amount, band["currency"]),
                    "currency": band["currency"],
                    # Pay is reviewed every April 1; later joiners keep their offer.
                    "effective_date": current["effective_date"]
                    if exited
                    else max(last_stint.start, REVIEW_DAY).isoformat(),
                },
                "leave": p.leave,
                "employment": [
                    {
                        "start_date": s.start.isoformat(),
                        "end_date": s.end.isoformat() if s.end else None,
                        "exit_type": s.exit_type,
                        "exit_reason": s.exit_reason,
                    }
                    for s in p.stints
                ],
                "history": p.history,
            }
        )
    return records


def _email(p: Person) -> str:
    table = str.maketrans({"ü": "ue", "ö": "oe", "ä": "ae", "é": "e", "ô": "o", "è": "e"})
    local = f"{p.first}.{p.last}".lower().translate(table).replace(" ", "")
    return f"{local}@fernhill.io"


def office_currency(location_id: str) -> str:
    """The currency people in an office are paid in."""
    return OFFICE_BY_ID[location_id].currency
