"""The stories the tasks rely on, planted by hand-picked times, never by hand-typed results.

Each story is a few deployments and incidents at fixed instants; their ids, versions and every
number the tasks ask about follow from the generator and the facts layer. ``stories.json``
names the records of each story so that the facts and the tests can find them.
"""

from __future__ import annotations

import datetime as dt
import random

from ._deploys import Deploy, commit
from ._incidents import Incident


def _utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


def _release(  # noqa: PLR0917 - a release reads as a sentence: who shipped what, where, when
    rng: random.Random,
    service: str,
    author: str,
    text: str,
    steps: tuple[tuple[str, str, int], ...],
    story: str,
) -> list[Deploy]:
    release: dict[str, str] = {}
    sha = commit(rng)
    return [
        Deploy(
            service,
            environment,
            "release",
            _utc(start),
            minutes,
            author,
            sha,
            text,
            release,
            story=story if environment == steps[-1][0] else None,
        )
        for environment, start, minutes in steps
    ]


def planted(rng: random.Random) -> tuple[list[Deploy], list[Incident]]:
    """The planted deployments and incidents; the story name is on the ones tasks ask about."""
    deploys: list[Deploy] = []
    incidents: list[Incident] = []

    # The bad checkout hotfix during the freeze, with a SEV2 incident open: rollback allowed.
    checkout = Deploy(
        "checkout",
        "prod",
        "hotfix",
        _utc("2026-04-07T22:05"),
        13,
        "priya.raman",
        commit(rng),
        "Hotfix: tax rounding for AT/CH baskets (freeze exception "
        "FX-0407-1, approved by the release manager)",
        story="checkout_bad_hotfix",
    )
    deploys.append(checkout)
    incidents.append(
        Incident(
            "checkout",
            "prod",
            "SEV2",
            _utc("2026-04-07T22:47"),
            None,
            "Checkout 5xx spike: payment step failing for AT/CH baskets",
            "deployment",
            "Tax rounding hotfix sends amounts with three decimals to payments",
            cause=checkout,
            status="identified",
            effect_start=checkout.finished,
            impact=(24.0, 1.6),
            identified=_utc("2026-04-08T05:50"),
            story="checkout_incident",
        )
    )

    # The cart release that raised errors before the freeze; only a SEV3 is open: no rollback.
    cart = _release(
        rng,
        "cart",
        "marta.ruiz",
        "Move saved items to the new storage API",
        (
            ("dev", "2026-04-06T08:40", 6),
            ("staging", "2026-04-06T12:15", 7),
            ("prod", "2026-04-07T10:12", 9),
        ),
        "cart_regression",
    )
    deploys += cart
    incidents.append(
        Incident(
            "cart",
            "prod",
            "SEV3",
            _utc("2026-04-07T11:05"),
            None,
            "Elevated 5xx on cart add-item",
            None,
            None,
            status="investigating",
            effect_start=cart[-1].finished,
            impact=(6.5, 1.2),
            story="cart_incident",
        )
    )

    # Staging twins: search got worse after its deploy, pricing did not.
    deploys += _release(
        rng,
        "search",
        "ravi.iyer",
        "New ranking model behind flag",
        (("dev", "2026-04-06T09:20", 8), ("staging", "2026-04-06T13:40", 12)),
        "search_staging_bad",
    )
    deploys += _release(
        rng,
        "pricing",
        "chen.wei",
        "Cache VAT rates per country",
        (("dev", "2026-04-06T11:00", 5), ("staging", "2026-04-06T15:20", 8)),
        "pricing_staging_fine",
    )

    # The payments release that failed in prod and was already rolled back.
    payments = _release(
        rng,
        "payments",
        "sofia.marques",
        "3-D Secure 2.2 challenge flow",
        (
            ("dev", "2026-04-01T08:30", 7),
            ("staging", "2026-04-01T12:10", 9),
            ("prod", "2026-04-02T11:02", 12),
        ),
        "payments_rolled_back",
    )
    rollback = Deploy(
        "payments",
        "prod",
        "rollback",
        _utc("2026-04-02T11:33"),
        8,
        "",
        payments[-1].commit,
        "Roll back payments: 3DS callback errors",
        target=payments[-1],
        story="payments_rollback",
    )
    deploys += [*payments, rollback]
    incidents.append(
        Incident(
            "payments",
            "prod",
            "SEV3",
            _utc("2026-04-02T11:20"),
            _utc("2026-04-02T11:55"),
            "Card payments failing at 3-D Secure callback",
            "deployment",
            "NullPointerException in the 3DS callback for cards without a challenge",
            cause=payments[-1],
            mitigation=rollback,
            effect_start=payments[-1].finished,
            impact=(10.0, 1.3),
            identified=_utc("2026-04-02T11:29"),
            story="payments_incident",
        )
    )

    # The orders release before a SEV2, with an inventory deploy in between.
    orders = _release(
        rng,
        "orders",
        "tomas.novak",
        "Batch order confirmation events",
        (
            ("dev", "2026-03-17T09:10", 6),
            ("staging", "2026-03-17T13:30", 8),
            ("prod", "2026-03-18T14:20", 11),
        ),
        "orders_bad_release",
    )
    inventory = _release(
        rng,
        "inventory",
        "diego.alvarez",
        "Reserve stock per warehouse",
        (
            ("dev", "2026-03-17T10:00", 5),
            ("staging", "2026-03-17T15:00", 6),
            ("prod", "2026-03-18T14:35", 9),
        ),
        "inventory_between",
    )
    orders_fix = Deploy(
        "orders",
        "prod",
        "hotfix",
        _utc("2026-03-18T16:05"),
        9,
        "hannah.schulz",
        commit(rng),
        "Hotfix: confirmation events back to one per order",
        story="orders_hotfix",
    )
    deploys += [*orders, *inventory, orders_fix]
    incidents.append(
        Incident(
            "orders",
            "prod",
            "SEV2",
            _utc("2026-03-18T14:52"),
            _utc("2026-03-18T16:40"),
            "Orders stuck in 'pending confirmation'",
            "deployment",
            "Batched confirmation events dropped the last order of each batch",
            cause=orders[-1],
            mitigation=orders_fix,
            effect_start=orders[-1].finished,
            impact=(8.0, 1.5),
            identified=_utc("2026-03-18T15:40"),
            story="orders_incident",
        )
    )

    # An orders incident resolved, then reopened the next day, still being watched.
    incidents.append(
        Incident(
            "orders",
            "prod",
            "SEV3",
            _utc("2026-03-25T09:40"),
            None,
            "Duplicate order confirmation e-mails",
            "dependency",
            "Notification retries replay confirmations after a broker failover",
            reopened=(_utc("2026-03-25T11:05"), _utc("2026-03-26T08:15")),
            status="monitoring",
            impact=(2.0, 1.05),
            effect_end=_utc("2026-03-26T12:00"),
            identified=_utc("2026-03-26T10:30"),
            story="orders_reopened",
        )
    )

    # Inventory pods OOM-killed: the log story that takes several pages to read.
    incidents.append(
        Incident(
            "inventory",
            "prod",
            "SEV3",
            _utc("2026-04-03T13:10"),
            _utc("2026-04-03T16:20"),
            "Inventory pods restarting",
            "capacity",
            "Memory limit too low for the grown catalogue; pods OOM-killed",
            impact=(4.0, 1.3),
            effect_start=_utc("2026-04-03T12:55"),
            identified=_utc("2026-04-03T14:30"),
            story="inventory_oom",
        )
    )
    return deploys, incidents
