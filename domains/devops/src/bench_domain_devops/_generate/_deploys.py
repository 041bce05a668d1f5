"""Deployments: releases that go dev -> staging -> prod, hotfixes, rollbacks, planted stories.

Versions are not drawn: a walk through the deployments in time order gives each its version
(a release bumps the service's minor version once, a hotfix bumps the live patch version, a
rollback restores the version its target replaced) and its ``previous_version``, so the live
version of every service and environment follows from the records.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from typing import Any

from .._clock import format_utc, from_local, to_local
from ._world import (
    DELETED_AT,
    DELETED_SERVICE,
    FREEZE_END,
    FREEZE_START,
    HISTORY_START,
    NOW,
    SERVICES,
    TEAMS,
    service_id,
)

YEAR_END_FREEZE_END = from_local(dt.datetime(2026, 1, 12, 8, 0))
RELEASE_GAP_DAYS = {1: 12.5, 2: 18.0, 3: 28.0}  # mean days between releases, by tier
FAILURE_RATE = 0.04

# No random deployment or incident may touch these (service, environment, from, to): the
# stories planted there must stay the only thing that happened.
RESERVED = (
    ("checkout", "prod", dt.datetime(2026, 4, 5, tzinfo=dt.UTC), NOW),
    ("cart", "prod", dt.datetime(2026, 4, 5, tzinfo=dt.UTC), NOW),
    ("search", "staging", dt.datetime(2026, 4, 4, tzinfo=dt.UTC), NOW),
    ("pricing", "staging", dt.datetime(2026, 4, 4, tzinfo=dt.UTC), NOW),
    (
        "payments",
        "prod",
        dt.datetime(2026, 3, 31, tzinfo=dt.UTC),
        dt.datetime(2026, 4, 4, tzinfo=dt.UTC),
    ),
    (
        "orders",
        "prod",
        dt.datetime(2026, 3, 16, tzinfo=dt.UTC),
        dt.datetime(2026, 3, 20, tzinfo=dt.UTC),
    ),
    (
        "inventory",
        "prod",
        dt.datetime(2026, 3, 16, tzinfo=dt.UTC),
        dt.datetime(2026, 3, 20, tzinfo=dt.UTC),
    ),
    (
        "orders",
        "prod",
        dt.datetime(2026, 3, 23, tzinfo=dt.UTC),
        dt.datetime(2026, 3, 28, tzinfo=dt.UTC),
    ),
    (
        "inventory",
        "prod",
        dt.datetime(2026, 4, 1, tzinfo=dt.UTC),
        dt.datetime(2026, 4, 5, tzinfo=dt.UTC),
    ),
)


@dataclasses.dataclass(eq=False)
class Deploy:
    """A deployment while the generator builds it; ``record`` gives its fixture form."""

    service: str
    environment: str
    kind: str  # release, hotfix or rollback
    started: dt.datetime
    minutes: int
    author: str
    commit: str
    description: str
    release: dict[str, str] | None = None  # shared by a release's deployments: its version
    fails: bool = False
    target: Deploy | None = None  # what a rollback undoes
    story: str | None = None
    version: str = ""
    previous_version: str | None = None
    status: str = "succeeded"
    rolled_back_by: Deploy | None = None
    id: str = ""

    @property
    def finished(self) -> dt.datetime:
        return self.started + dt.timedelta(minutes=self.minutes)

    def record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "service_id": service_id(self.service),
            "service": self.service,
            "environment": self.environment,
            "version": self.version,
            "previous_version": self.previous_version,
            "commit": self.commit,
            "author": self.author,
            "kind": self.kind,
            "description": self.description,
            "started_at": format_utc(self.started),
            "finished_at": format_utc(self.finished),
            "status": self.status,
            "rolled_back_by": self.rolled_back_by.id if self.rolled_back_by else None,
            "rollback_of": self.target.id if self.target else None,
        }


def reserved(service: str, environment: str, start: dt.datetime, end: dt.datetime) -> bool:
    """Whether the span touches a story's reserved window."""
    return any(
        (service, environment) == (s, e) and start < to and end > since
        for s, e, since, to in RESERVED
    )


def in_freeze(moment: dt.datetime) -> bool:
    """Whether a prod deployment at ``moment`` falls in a change freeze."""
    return moment < YEAR_END_FREEZE_END or FREEZE_START <= moment < FREEZE_END


def working_time(
    rng: random.Random, day: dt.date, first: float = 9.0, last: float = 17.5
) -> dt.datetime:
    """A random Berlin office-hours instant on ``day`` (moved to Monday from a weekend), in UTC."""
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    minutes = rng.randrange(int(first * 60), int(last * 60))
    return from_local(dt.datetime(day.year, day.month, day.day) + dt.timedelta(minutes=minutes))


def commit(rng: random.Random) -> str:
    """A 40-digit git commit id."""
    return f"{rng.getrandbits(160):040x}"


_CHANGES = (
    "Bump dependencies",
    "Add request tracing spans",
    "Tune connection pool",
    "Refactor {noun} handler",
    "Fix pagination of {noun} list",
    "Add metrics for {noun} cache",
    "Remove dead feature flag",
    "Retry {noun} writes on conflict",
    "Upgrade base image",
    "Faster {noun} serialisation",
    "Validate {noun} input earlier",
    "Log slow {noun} queries",
    "Split {noun} worker pool",
)


def _change(rng: random.Random, service: str) -> str:
    return rng.choice(_CHANGES).format(noun=service.split("-", maxsplit=1)[0])


def team_of(service: str) -> tuple[str, ...]:
    spec = next(s for s in (*SERVICES, DELETED_SERVICE) if s.name == service)
    return next(t for t in TEAMS if t.id == spec.team).members


def releases(rng: random.Random) -> list[Deploy]:
    """Every service's routine releases over the 90 days, each through the environments."""
    deploys: list[Deploy] = []
    for spec in (*SERVICES, DELETED_SERVICE):
        end = DELETED_AT if spec is DELETED_SERVICE else NOW
        gap = RELEASE_GAP_DAYS[spec.tier]
        day = HISTORY_START + dt.timedelta(days=rng.uniform(0, gap))
        while day < end:
            deploys += _release(rng, spec.name, day.date(), end)
            day += dt.timedelta(days=max(2.0, rng.expovariate(1 / gap)))
    return deploys


def _release(rng: random.Random, service: str, day: dt.date, end: dt.datetime) -> list[Deploy]:
    release: dict[str, str] = {}
    author = rng.choice(team_of(service))
    sha = commit(rng)
    text = _change(rng, service)
    steps: list[Deploy] = []
    dev = working_time(rng, day, 9, 13)
    staging = dev + dt.timedelta(hours=rng.uniform(1, 4))
    prod = working_time(rng, to_local(staging).date() + dt.timedelta(days=1), 9.5, 16)
    while in_freeze(prod):
        prod = working_time(rng, to_local(prod).date() + dt.timedelta(days=1), 9.5, 16)
    plan = [("dev", dev, 1.0), ("staging", staging, 0.85), ("prod", prod, 0.8)]
    for environment, start, chance in plan:
        minutes = rng.randint(4, 22) if environment == "prod" else rng.randint(3, 12)
        finish = start + dt.timedelta(minutes=minutes)
        if rng.random() > chance or finish > end or reserved(service, environment, start, finish):
            break
        fails = rng.random() < FAILURE_RATE
        steps.append(
            Deploy(
                service, environment, "release", start, minutes, author, sha, text, release, fails
            )
        )
        if fails:
            break
    return steps


def bump(version: str, part: str) -> str:
    """``version`` with its minor (patch reset) or patch number raised."""
    major, minor, patch = (int(x) for x in version.split("."))
    return f"{major}.{minor + 1}.0" if part == "minor" else f"{major}.{minor}.{patch + 1}"


def walk(rng: random.Random, deploys: list[Deploy]) -> list[Deploy]:
    """Sort the deployments, number them, and give each its version and previous version."""
    deploys.sort(key=lambda d: (d.started, d.service, d.environment))
    latest: dict[str, str] = {}
    live: dict[tuple[str, str], str] = {}
    for spec in (*SERVICES, DELETED_SERVICE):
        latest[spec.name] = f"{rng.randint(1, 5)}.{rng.randint(3, 40)}.0"
        for environment in ("dev", "staging", "prod"):
            live[spec.name, environment] = latest[spec.name]
    for number, deploy in enumerate(deploys, start=4001):
        deploy.id = f"DEP-{number}"
        key = (deploy.service, deploy.environment)
        deploy.previous_version = live[key]
        if deploy.kind == "release":
            assert deploy.release is not None
            if "version" not in deploy.release:
                deploy.release["version"] = bump(latest[deploy.service], "minor")
            deploy.version = deploy.release["version"]
        elif deploy.kind == "hotfix":
            deploy.version = bump(live[key], "patch")
        else:
            assert deploy.target is not None
            deploy.version = deploy.target.previous_version or ""
            deploy.target.status = "rolled_back"
            deploy.target.rolled_back_by = deploy
        if _semver(deploy.version) > _semver(latest[deploy.service]):
            latest[deploy.service] = deploy.version
        if deploy.fails:
            deploy.status = "failed"
        else:
            live[key] = deploy.version
    return deploys


def _semver(version: str) -> tuple[int, ...]:
    return tuple(int(x) for x in version.split("."))


def live_versions(deploys: list[Deploy]) -> dict[tuple[str, str], Deploy]:
    """The deployment whose version is live in each (service, environment)."""
    current: dict[tuple[str, str], Deploy] = {}
    for deploy in deploys:
        if deploy.status == "failed":
            continue
        current[deploy.service, deploy.environment] = deploy
    return current
