"""The people: everyone who works or worked at Fernhill, with their whole job history.

A person is built from a few timelines (employment stints, team, level, and which team or
department they lead); the job-history records are then read off those timelines at every
date where something changed, so a record's manager is always whoever led the team that day.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ._world import (
    DEPARTMENT_BY_ID,
    DEPARTMENTS,
    FIRST_NAMES,
    FOUNDED,
    IC_TITLES,
    LAST_NAMES,
    LEVEL_PREFIX,
    NAME_REGION,
    REORG_DAY,
    TEAM_BY_ID,
    TEAM_DEPARTMENT,
    TODAY,
    DepartmentSpec,
)

D = dt.date.fromisoformat

_V = TypeVar("_V")

VOLUNTARY_REASONS = (
    "new opportunity", "new opportunity", "compensation", "career change", "relocation",
    "personal reasons", "manager relationship",
)  # fmt: skip
INVOLUNTARY_REASONS = ("performance", "performance", "role eliminated", "policy violation")
# How much more often than the company's average each department loses people.
TURNOVER = {"ENG": 0.8, "PRD": 0.8, "SAL": 1.8, "CS": 1.5, "MKT": 1.0, "FIN": 0.6, "PPL": 0.7,
            "OPS": 0.7}  # fmt: skip


@dataclass
class Stint:
    start: dt.date
    end: dt.date | None = None
    exit_type: str | None = None
    exit_reason: str | None = None


@dataclass
class Person:
    key: str  # a stable name for the generator's own bookkeeping
    first: str
    last: str
    office: str
    stints: list[Stint]
    teams: list[tuple[dt.date, str | None]]  # (from, team); None for department heads
    levels: list[tuple[dt.date, str]]
    department: str  # the department of a head (who has no team)
    role: str = "ic"  # ic, manager, head or ceo
    leave: dict[str, str] | None = None
    story: str | None = None
    id: str = ""
    history: list[dict[str, Any]] = field(default_factory=list)

    def employed(self, day: dt.date) -> bool:
        return any(s.start <= day and (s.end is None or day <= s.end) for s in self.stints)

    def team_on(self, day: dt.date) -> str | None:
        return _at(self.teams, day)

    def level_on(self, day: dt.date) -> str:
        level = _at(self.levels, day)
        assert level is not None
        return level

    def department_on(self, day: dt.date) -> str:
        team = self.team_on(day)
        return TEAM_DEPARTMENT[team] if team else self.department


def _at(timeline: list[tuple[dt.date, _V]], day: dt.date) -> _V:
    value = timeline[0][1]
    for start, item in timeline:
        if start <= day:
            value = item
    return value


class Org:
    """Who led each department and team, and when."""

    def __init__(self) -> None:
        self.ceo: Person | None = None
        self.heads: dict[str, list[tuple[dt.date, Person]]] = {}
        self.leads: dict[str, list[tuple[dt.date, Person]]] = {}

    def head_on(self, department: str, day: dt.date) -> Person | None:
        found = [p for start, p in self.heads.get(department, []) if start <= day]
        return found[-1] if found and found[-1].employed(day) else None

    def lead_on(self, team: str, day: dt.date) -> Person | None:
        spec = TEAM_BY_ID[team]
        found = [
            p for start, p in self.leads.get(spec.shares_manager_with or team, []) if start <= day
        ]
        return found[-1] if found and found[-1].employed(day) else None

    def manager_on(self, person: Person, day: dt.date) -> Person | None:
        if person.role == "ceo":
            return None
        department = person.department_on(day)
        team = person.team_on(day)
        if person.role == "head":
            return self.ceo
        lead = self.lead_on(team, day) if team else None
        if lead is not None and lead is not person:
            return lead
        return self.head_on(department, day) or self.ceo


def _name(rng: random.Random, office: str, taken: set[str]) -> tuple[str, str]:
    region = NAME_REGION[office]
    while True:
        first, last = rng.choice(FIRST_NAMES[region]), rng.choice(LAST_NAMES[region])
        if f"{first} {last}" not in taken:
            taken.add(f"{first} {last}")
            return first, last


def _office(rng: random.Random, spec: DepartmentSpec) -> str:
    return rng.choices(list(spec.offices), weights=list(spec.offices.values()))[0]


def _hire_day(rng: random.Random, earliest: dt.date, latest: dt.date) -> dt.date:
    # Growth: the company hired more each year, so later dates are likelier (density ~ t).
    span = (latest - earliest).days
    day = earliest + dt.timedelta(days=int(span * rng.random() ** 0.6))
    while day.weekday() != 0:  # people start on Mondays
        day -= dt.timedelta(days=1)
    return max(day, earliest) if day >= earliest else earliest


def _ic_level(rng: random.Random) -> str:
    return rng.choices(["IC1", "IC2", "IC3", "IC4", "IC5"], weights=[10, 34, 36, 15, 5])[0]


def _next_level(level: str) -> str:
    order = ["IC1", "IC2", "IC3", "IC4", "IC5"]
    return order[min(order.index(level) + 1, 4)]


def build_people(rng: random.Random) -> tuple[list[Person], Org]:
    """Everyone, current and former, with the org's leadership timelines."""
    org = Org()
    people: list[Person] = []
    taken: set[str] = set()

    def person(  # noqa: PLR0917 - each record reads best as one positional line
        key: str,
        office: str,
        start: dt.date,
        team: str | None,
        level: str,
        department: str,
        role: str = "ic",
    ) -> Person:
        first, last = _name(rng, office, taken)
        created = Person(key, first, last, office, [Stint(start)], [(start, team)],
                         [(start, level)], department, role)  # fmt: skip
        people.append(created)
        return created

    org.ceo = person("ceo", "NYC", FOUNDED, "OPS-EXO", "E1", "OPS", "ceo")
    org.leads["OPS-EXO"] = [(FOUNDED, org.ceo)]
    for spec in DEPARTMENTS:
        _department(rng, org, spec, person)
    _stories(org, people, person)
    _former(rng, org, people, person)
    return people, org


def _department(rng: random.Random, org: Org, spec: DepartmentSpec, person: Any) -> None:
    main_office = max(spec.offices, key=lambda o: spec.offices[o])
    if spec.id == "CS":  # the reorg replaced the head of Customer Support
        old = person("cs-old-head", main_office, D("2017-02-06"), None, "M3", "CS", "head")
        old.stints[0] = Stint(D("2017-02-06"), D("2025-06-30"), "involuntary", "role eliminated")
        new = person("cs-head", "AUS", REORG_DAY, None, "M3", "CS", "head")
        org.heads["CS"] = [(old.stints[0].start, old), (REORG_DAY, new)]
    else:
        start = _hire_day(rng, FOUNDED, D("2021-06-30"))
        head = person(f"{spec.id.lower()}-head", main_office, start, None, "M3", spec.id, "head")
        org.heads[spec.id] = [(start, head)]
    for team in spec.teams:
        if team.lead_title and team.id not in ("ENG-MOB", "CS-ONB"):
            start = max(
                team.since, _hire_day(rng, FOUNDED + dt.timedelta(days=180), D("2024-06-30"))
            )
            level = "M2" if team.id in ("SAL-ENT", "OPS-LGL", "ENG-PLT") else "M1"
            lead = person(f"{team.id.lower()}-lead", _office(rng, spec), start, team.id, level,
                          spec.id, "manager")  # fmt: skip
            org.leads[team.id] = [(start, lead)]
        for number in range(team.size):
            earliest = FOUNDED + dt.timedelta(days=90)
            start = _hire_day(rng, earliest, TODAY - dt.timedelta(days=9))
            level = _ic_level(rng)
            ic = person(f"{team.id.lower()}-{number}", _office(rng, spec), start, team.id, level,
                        spec.id)  # fmt: skip
            if start < team.since:  # the team was formed from its neighbour's people
                ic.teams = [(start, _origin(team.id)), (team.since, team.id)]
            if (TODAY - start).days > 730 and rng.random() < 0.35:
                promoted = start + dt.timedelta(days=rng.randint(420, (TODAY - start).days - 60))
                ic.levels = [(start, level), (promoted, _next_level(level))]
                if level == "IC5":
                    ic.levels = [(start, "IC4"), (promoted, "IC5")]


def _origin(team: str) -> str:
    return {"CS-ONB": "CS-T1", "PRD-DSY": "PRD-DES"}[team]


def _stories(org: Org, people: list[Person], person: Any) -> None:
    """The records the tasks' stories are about."""
    # Mobile's manager left at the end of September 2025; an external hire took over.
    old = person("mob-old-lead", "BER", D("2019-05-06"), "ENG-MOB", "M1", "ENG", "manager")
    old.stints[0] = Stint(D("2019-05-06"), D("2025-09-30"), "voluntary", "new opportunity")
    new = person("ENG-MOB-lead".lower(), "LON", D("2025-10-01"), "ENG-MOB", "M1", "ENG", "manager")
    org.leads["ENG-MOB"] = [(old.stints[0].start, old), (D("2025-10-01"), new)]
    old.story = "mobile-old-manager"
    new.story = "mobile-new-manager"
    # Onboarding was formed at the reorg and is led by a Tier 1 specialist promoted to manager.
    lead = person("cs-onb-lead", "TOR", D("2020-09-07"), "CS-T1", "IC3", "CS", "manager")
    lead.teams = [(D("2020-09-07"), "CS-T1"), (REORG_DAY, "CS-ONB")]
    lead.levels = [(D("2020-09-07"), "IC3"), (REORG_DAY, "M1")]
    org.leads["CS-ONB"] = [(REORG_DAY, lead)]
    lead.story = "onboarding-lead-promoted"
    by_key = {p.key: p for p in people}
    # Data Platform's manager has resigned; the last day is 2026-04-30.
    leaving = by_key["eng-dat-lead"]
    leaving.stints[0].end, leaving.stints[0].exit_type = D("2026-04-30"), "voluntary"
    leaving.stints[0].exit_reason = "new opportunity"
    leaving.story = "data-platform-manager-leaving"
    by_key["eng-sec-lead"].story = "security-manager-has-room"
    # Sales Development's manager is on parental leave.
    on_leave = by_key["sal-sdr-lead"]
    on_leave.leave = {
        "type": "parental",
        "start_date": "2026-02-02",
        "expected_return": "2026-08-03",
    }
    on_leave.story = "sdr-manager-on-leave"
    sick = by_key["cs-t2-3"]
    sick.leave = {"type": "medical", "start_date": "2026-01-19", "expected_return": "2026-05-04"}
    sick.story = "specialist-on-leave"
    # A Payments engineer left in 2023 and came back in 2025.
    rehired = by_key["eng-pay-4"]
    rehired.office = "BER"
    rehired.stints = [
        Stint(D("2019-03-04"), D("2023-08-31"), "voluntary", "relocation"),
        Stint(D("2025-02-03")),
    ]
    rehired.teams = [(D("2019-03-04"), "ENG-PAY")]
    rehired.levels = [(D("2019-03-04"), "IC2"), (D("2021-04-01"), "IC3"), (D("2025-02-03"), "IC4")]
    rehired.story = "rehired"
    # An account executive moved to Product Marketing in the middle of Q1 2026.
    moved = by_key["mkt-pmm-0"]
    moved.teams = [(D("2022-05-02"), "SAL-MM"), (D("2026-02-16"), "MKT-PMM")]
    moved.stints = [Stint(D("2022-05-02"))]
    moved.levels = [(D("2022-05-02"), "IC2"), (D("2024-07-01"), "IC3")]
    moved.story = "transfer"
    # An enterprise account executive has resigned and works until 2026-04-17.
    notice = by_key["sal-ent-2"]
    notice.stints[0].end, notice.stints[0].exit_type = D("2026-04-17"), "voluntary"
    notice.stints[0].exit_reason = "compensation"
    notice.story = "serving-notice"


# Exits the stories need on top of the usual ones: (department, date, type, reason).
PLANTED_EXITS = (
    ("CS", "2025-06-30", "involuntary", "role eliminated"),
    ("CS", "2025-06-30", "involuntary", "role eliminated"),
    ("CS", "2025-07-25", "voluntary", "manager relationship"),
    ("CS", "2025-08-15", "voluntary", "new opportunity"),
    ("CS", "2025-09-05", "voluntary", "career change"),
    ("SAL", "2026-01-23", "voluntary", "compensation"),
    ("SAL", "2026-01-30", "voluntary", "compensation"),
    ("SAL", "2026-02-13", "voluntary", "new opportunity"),
    ("SAL", "2026-02-27", "voluntary", "compensation"),
    ("SAL", "2026-03-13", "voluntary", "compensation"),
    ("SAL", "2026-03-27", "voluntary", "new opportunity"),
)
FIRST_EXIT_MONTH = D("2023-01-01")


def _former(rng: random.Random, org: Org, people: list[Person], person: Any) -> None:
    exits: list[tuple[str, dt.date, str, str]] = [
        (dep, D(day), kind, reason) for dep, day, kind, reason in PLANTED_EXITS
    ]
    month = FIRST_EXIT_MONTH
    weights = {d.id: TURNOVER[d.id] * sum(t.size for t in d.teams) for d in DEPARTMENTS}
    while month < TODAY:
        # Q1 2026 in Engineering was quiet on purpose: no ordinary exits there that quarter.
        for _ in range(rng.choices([0, 1, 2, 3], weights=[20, 40, 30, 10])[0]):
            day = month + dt.timedelta(days=rng.randint(0, 27))
            if day >= TODAY:
                continue
            department = rng.choices(list(weights), weights=list(weights.values()))[0]
            if department == "ENG" and D("2026-01-01") <= day:
                continue
            voluntary = rng.random() < 0.74
            reasons = VOLUNTARY_REASONS if voluntary else INVOLUNTARY_REASONS
            exits.append((department, day, "voluntary" if voluntary else "involuntary",
                          rng.choice(reasons)))  # fmt: skip
        month = (month + dt.timedelta(days=32)).replace(day=1)
    for number, (department, end, kind, reason) in enumerate(exits):
        spec = DEPARTMENT_BY_ID[department]
        teams = [t for t in spec.teams if t.since <= end and t.id != "PRD-DSY"]
        team = rng.choice(teams)
        tenure = rng.randint(120, 2200)
        start = max(FOUNDED + dt.timedelta(days=60), end - dt.timedelta(days=tenure))
        start -= dt.timedelta(days=start.weekday())
        level = _ic_level(rng)
        former = person(f"former-{number}", _office(rng, spec), start, team.id, level, department)
        former.stints[0] = Stint(start, end, kind, reason)


def title_on(person: Person, day: dt.date) -> str:
    """The job title the person held on a day."""
    if person.role == "ceo":
        return "Chief Executive Officer"
    department = DEPARTMENT_BY_ID[person.department_on(day)]
    if person.role == "head":
        return department.head_title
    team = person.team_on(day)
    assert team is not None
    level = person.level_on(day)
    if person.role == "manager" and level.startswith("M"):
        return TEAM_BY_ID[team].lead_title
    return LEVEL_PREFIX[level] + IC_TITLES.get(team, department.ic_title)


def build_history(people: list[Person], org: Org) -> None:
    """Fill every person's job history: one record for each date something changed."""
    change_days = {REORG_DAY}
    for timeline in (*org.heads.values(), *org.leads.values()):
        change_days.update(start for start, _ in timeline)
    for p in people:
        for start, _ in timeline_days(p):
            change_days.add(start)
    for p in people:
        for s in p.stints:
            change_days.add(s.start)
            if s.end is not None:
                change_days.add(s.end + dt.timedelta(days=1))
    ordered = sorted(d for d in change_days if d <= TODAY)
    for p in people:
        history: list[dict[str, Any]] = []
        starts = {s.start for s in p.stints}
        for day in ordered:
            if not p.employed(day):
                continue
            manager = org.manager_on(p, day)
            state = {
                "effective_date": day.isoformat(),
                "department_id": p.department_on(day),
                "team_id": p.team_on(day),
                "title": title_on(p, day),
                "level": p.level_on(day),
                "manager_id": manager.id if manager else None,
            }
            previous = history[-1] if history else None
            reason: str | None
            if day in starts:
                reason = "rehire" if previous else "hire"
            elif previous is None:
                continue
            else:
                reason = _reason(previous, state, day)
                if reason is None:
                    continue
            history.append({**state, "reason": reason})
        p.history = history


def timeline_days(p: Person) -> list[tuple[dt.date, Any]]:
    """Every date on which the person's own team or level changed."""
    return [*p.teams, *p.levels]


def _reason(previous: dict[str, Any], state: dict[str, Any], day: dt.date) -> str | None:
    changed = {k for k in state if k != "effective_date" and state[k] != previous[k]}
    if not changed:
        return None
    if day == REORG_DAY and previous["department_id"] == "CS":
        return "reorg"
    if "department_id" in changed or "team_id" in changed:
        return "transfer"
    if "level" in changed:
        return "promotion"
    if "manager_id" in changed:
        return "manager_change"
    return "title_change"
