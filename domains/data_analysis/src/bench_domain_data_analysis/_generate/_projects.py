"""Projects and who works on them: allocations in percent of a person's time, never more than
100% for anyone on any day."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from ._people import Person
from ._world import TODAY

D = dt.date.fromisoformat

# id, name, owning department, status, start, end (planned end while active or planned)
PROJECTS = (
    ("PRJ-101", "Atlas Billing Migration", "ENG", "active", "2025-03-03", "2026-06-30"),
    ("PRJ-102", "Checkout Revamp", "ENG", "completed", "2024-09-02", "2025-05-30"),
    ("PRJ-103", "Mobile App 4.0", "ENG", "active", "2025-10-06", "2026-09-30"),
    ("PRJ-104", "Data Warehouse Consolidation", "ENG", "active", "2025-06-02", "2026-07-31"),
    ("PRJ-105", "Zero-Trust Network Access", "ENG", "active", "2025-11-03", "2026-08-28"),
    ("PRJ-106", "Observability Overhaul", "ENG", "completed", "2024-11-04", "2025-09-30"),
    ("PRJ-107", "Enterprise SSO", "ENG", "active", "2025-09-01", "2026-05-29"),
    ("PRJ-108", "EU Data Residency", "ENG", "planned", "2026-05-04", "2027-03-31"),
    ("PRJ-109", "Design System v2", "PRD", "active", "2025-11-03", "2026-10-30"),
    ("PRJ-110", "Self-Serve Onboarding", "PRD", "active", "2025-07-07", "2026-06-30"),
    ("PRJ-111", "Pricing & Packaging 2026", "PRD", "completed", "2025-08-04", "2025-12-19"),
    ("PRJ-112", "Partner Channel Launch", "SAL", "active", "2026-01-12", "2026-09-30"),
    ("PRJ-113", "CRM Cleanup", "SAL", "on_hold", "2025-04-07", "2025-11-14"),
    ("PRJ-114", "Support Knowledge Base", "CS", "active", "2025-08-04", "2026-05-29"),
    ("PRJ-115", "Customer Health Scoring", "CS", "planned", "2026-05-04", "2026-12-18"),
    ("PRJ-116", "Brand Refresh", "MKT", "completed", "2024-10-07", "2025-04-30"),
    ("PRJ-117", "Website Relaunch", "MKT", "active", "2025-10-06", "2026-06-30"),
    ("PRJ-118", "FY2026 Budget Planning", "FIN", "completed", "2025-09-01", "2025-12-12"),
    ("PRJ-119", "ERP Upgrade", "FIN", "active", "2025-06-02", "2026-09-30"),
    ("PRJ-120", "Revenue Recognition Automation", "FIN", "on_hold", "2025-02-03", "2025-10-31"),
    ("PRJ-121", "Career Framework", "PPL", "active", "2025-09-01", "2026-06-30"),
    ("PRJ-122", "HRIS Migration", "PPL", "planned", "2026-06-01", "2026-12-18"),
    ("PRJ-123", "Berlin Office Move", "OPS", "active", "2026-01-05", "2026-07-31"),
    ("PRJ-124", "SOC 2 Type II Audit", "OPS", "active", "2025-10-06", "2026-06-30"),
    ("PRJ-125", "Laptop Refresh 2025", "OPS", "completed", "2025-03-03", "2025-08-29"),
)
HELPERS = {"PRD": "ENG", "SAL": "MKT", "CS": "ENG", "MKT": "PRD", "FIN": "OPS", "PPL": "OPS",
           "OPS": "ENG", "ENG": "PRD"}  # fmt: skip
PERCENTS = (10, 20, 20, 25, 30, 40, 50, 50, 60, 80, 100)


def _load(allocations: list[dict[str, Any]], person: str, first: dt.date, last: dt.date) -> int:
    """The most the person is already allocated on any day between first and last."""
    mine = [a for a in allocations if a["employee_id"] == person]
    edges = {first} | {D(a["start_date"]) for a in mine if first <= D(a["start_date"]) <= last}
    return max(
        (
            sum(a["percent"] for a in mine if a["start_date"] <= e.isoformat() <= a["end_date"])
            for e in edges
        ),
        default=0,
    )


def _percent(rng: random.Random, options: list[int], lead: bool) -> int:
    # A lead spends up to half their time on the project, or what little they have left.
    if not lead:
        return rng.choice(options)
    halves = [p for p in options if p <= 50]
    return max(halves) if halves else options[0]


def project_and_allocation_records(
    rng: random.Random, people: list[Person]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The 25 projects and their allocations."""
    projects: list[dict[str, Any]] = []
    allocations: list[dict[str, Any]] = []
    for pid, name, department, status, start, end in PROJECTS:
        first, last = D(start), D(end)
        anchor = max(min(first, TODAY), D("2024-01-01"))

        def pool(dep: str, day: dt.date = anchor) -> list[Person]:
            return sorted(
                (p for p in people if p.employed(day) and p.department_on(day) == dep),
                key=lambda p: p.id,
            )

        own, helpers = pool(department), pool(HELPERS[department])
        leads = [
            p
            for p in own
            if (p.role == "manager" or p.level_on(anchor) in ("IC4", "IC5"))
            and _load(allocations, p.id, max(first, p.stints[-1].start), last) <= 80
        ]
        lead = rng.choice(leads)
        team = [lead, *rng.sample(own, k=min(len(own), rng.randint(3, 9)))]
        team += rng.sample(helpers, k=rng.randint(0, 3))
        seen: set[str] = set()
        for member in team:
            if member.id in seen:
                continue
            seen.add(member.id)
            stint = next(
                s for s in member.stints if s.start <= anchor and (s.end is None or s.end >= anchor)
            )
            a_first = max(first, stint.start)
            a_last = min(last, stint.end or last)
            if a_first > a_last:
                continue
            room = 100 - _load(allocations, member.id, a_first, a_last)
            options = [p for p in PERCENTS if p <= room]
            if member is lead and not options:
                options = [room] if room > 0 else []
            if not options:
                continue
            allocations.append(
                {
                    "project_id": pid,
                    "employee_id": member.id,
                    "role": "lead" if member is lead else "contributor",
                    "percent": _percent(rng, options, member is lead),
                    "start_date": a_first.isoformat(),
                    "end_date": a_last.isoformat(),
                }
            )  # fmt: skip
        projects.append(
            {
                "id": pid,
                "name": name,
                "department_id": department,
                "status": status,
                "lead_id": lead.id,
                "start_date": start,
                "end_date": end,
            }
        )
    for number, row in enumerate(allocations, start=1):
        row["id"] = f"ALC-{number:04d}"
    return projects, [{"id": a.pop("id"), **a} for a in allocations]
