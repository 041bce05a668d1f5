"""Medium tasks: one or two calls, with filters that matter, relative dates against the
reference date, local time to UTC, and an aggregation chosen right."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bench_core import Difficulty

from ._clock import from_local
from ._expect import (
    Solved,
    call,
    expect,
    fact,
    instant,
    outcome,
    person,
    reference,
    service,
    tool_task,
    way,
)
from ._facts import Facts

MEDIUM = Difficulty.MEDIUM

# DO_M04: 08:30 in Berlin on the Monday after the change to summer time.
DST_MONDAY = dt.datetime(2026, 3, 30, 8, 30)
# DO_M05: rolled-back deployments since the start of March.
MARCH_1 = dt.date(2026, 3, 1)
# DO_M06: the first week of April, 1-7 (UTC days).
WEEK = (dt.date(2026, 4, 1), dt.date(2026, 4, 7))


def medium_tasks(facts: Facts) -> list[Solved]:
    """DO_M01-DO_M06."""
    return [_m01(facts), _m02(facts), _m03(facts), _m04(facts), _m05(facts), _m06(facts)]


def _day_range(first: dt.date, last: dt.date) -> dict[str, Any]:
    """Acceptable ``start`` and ``end`` of a range of whole UTC days (end exclusive, or the
    last day's end written as 23:59:59)."""
    after = last + dt.timedelta(days=1)
    return {
        "start": instant(f"{first.isoformat()}T00:00:00Z"),
        "end": instant(f"{after.isoformat()}T00:00:00Z", f"{last.isoformat()}T23:59:59Z"),
    }


def _m01(facts: Facts) -> Solved:
    day = facts.yesterday
    average = facts.day_value("checkout", "prod", "latency_p95_ms", day, "avg")
    query: dict[str, Any] = {
        "service": service(facts.fixtures, "checkout"),
        "environment": ["prod"],
        "metric": ["latency_p95_ms"],
        **_day_range(day, day),
    }
    task = tool_task(
        "DO_M01",
        MEDIUM,
        "A metric's daily average for yesterday",
        [
            "chekout p95 yday prod avg",
            "p95 latency checkout yesterday? (prod)",
            "what was checkouts p95 yesterday, prod, averaged over the day",
            "What was checkout's average p95 latency in prod yesterday?",
            "Can you get me the p95 latency of checkout in production for yesterday, averaged "
            "over the whole day?",
            "I need yesterday's p95 latency for the checkout service in prod, as the average "
            "over the day.",
            "Please report the checkout service's p95 latency in production for yesterday "
            "(the UTC day), averaged over the day, in milliseconds.",
            "What was the average p95 latency of checkout in prod over yesterday, 7 April "
            "2026 (00:00 to 24:00 UTC)? Give it in milliseconds, rounded to a whole number.",
            "Report checkout's prod p95 latency for the UTC day 2026-04-07 as the mean of the "
            "hourly values, in milliseconds, to one decimal.",
            "Ticket: checkout, prod, p95 latency, 2026-04-07 00:00 to 2026-04-08 00:00 UTC, "
            "averaged over the day. Report one number in ms (one decimal).",
        ],
        [
            expect(
                "query_metrics",
                optional=("step", "aggregation"),
                step=["1d"],
                aggregation=["avg"],
                **query,
            )
        ],
        # Hourly points averaged by the model give the same number.
        alternatives=(
            way(
                expect(
                    "query_metrics",
                    optional=("step", "aggregation"),
                    step=["1h"],
                    aggregation=["avg"],
                    **query,
                )
            ),
        ),
        max_turns=4,
        outcome=outcome(facts=[fact("yesterday's average p95", average, tolerance=1.0)]),
    )
    answer = f"Checkout's p95 latency in prod averaged {average:.1f} ms on 2026-04-07 (UTC)."
    return task, reference(
        [
            call(
                "query_metrics",
                service="checkout",
                environment="prod",
                metric="latency_p95_ms",
                start="2026-04-07T00:00:00Z",
                end="2026-04-08T00:00:00Z",
                step="1d",
                aggregation="avg",
            )
        ],
        answer=answer,
    )


def _m02(facts: Facts) -> Solved:
    firing = facts.alerts_in_state("checkout", "prod", "firing")
    task = tool_task(
        "DO_M02",
        MEDIUM,
        "The firing alerts of one service in one environment",
        [
            "wats firing on checkout prod",
            "checkout prod alerts firing?",
            "which checkout alerts are going off in prod rn",
            "Which alerts are firing for checkout in prod right now?",
            "Can you list the alerts that are currently firing for checkout in production?",
            "I want the checkout alerts in prod that are firing at the moment, not the acked "
            "or silenced ones.",
            "Please list every alert of the checkout service in production that is firing now "
            "(not acknowledged, silenced or resolved), with its rule.",
            "List the checkout service's production alerts that are in the firing state right "
            "now: id, rule and severity for each.",
            "Give me all alerts for checkout in prod whose state is firing, with each alert's "
            "id, rule name, severity and start time.",
            "Ticket: every alert of checkout in prod currently firing (exclude acknowledged, "
            "silenced and resolved): report id, rule, severity and start time (UTC) of each.",
        ],
        [
            expect(
                "list_alerts",
                optional=("state",),
                service=service(facts.fixtures, "checkout"),
                environment=["prod"],
                state=["firing"],
            )
        ],
        max_turns=4,
        outcome=outcome(facts=[fact(f"{a.id} firing", a.id) for a in firing]),
    )
    lines = "; ".join(f"{a.id} {a.rule} ({a.severity})" for a in firing)
    return task, reference(
        [call("list_alerts", service="checkout", environment="prod", state="firing")],
        answer=f"Firing on checkout in prod: {lines}.",
    )


def _m03(facts: Facts) -> Solved:
    open_prod = [
        i
        for i in facts.fixtures.incidents
        if i.environment == "prod" and i.status in ("investigating", "identified", "monitoring")
    ]
    task = tool_task(
        "DO_M03",
        MEDIUM,
        "The unresolved incidents in prod",
        [
            "open incidnets prod?",
            "whats still open in prod incident-wise",
            "prod incidents not resolved yet - list",
            "Which prod incidents are still open?",
            "Can you list the incidents in production that aren't resolved yet?",
            "I need every production incident that's still open, whatever its status.",
            "Please list all unresolved incidents in production, with their severity and status.",
            "List every incident in prod that is not resolved (investigating, identified or "
            "monitoring), with its id, service, severity and status.",
            "Give me all production incidents whose status is anything but resolved: id, "
            "service, severity, status and when each opened.",
            "Ticket: all incidents in prod not yet resolved (any of investigating, identified, "
            "monitoring): report id, service, severity, status and opening time (UTC) of each.",
        ],
        [
            expect(
                "list_incidents",
                optional=("status",),
                environment=["prod"],
                status=["open"],
            )
        ],
        max_turns=4,
        outcome=outcome(facts=[fact(f"{i.id} open", i.id) for i in open_prod]),
    )
    lines = "; ".join(f"{i.id} {i.service} {i.severity} {i.status}" for i in open_prod)
    return task, reference(
        [call("list_incidents", environment="prod", status="open")],
        answer=f"Open in prod: {lines}.",
    )


def _m04(facts: Facts) -> Solved:
    moment = from_local(DST_MONDAY)
    primary = facts.primary_at("storefront", moment)
    at = instant(moment.strftime("%Y-%m-%dT%H:%M:%SZ"))
    task = tool_task(
        "DO_M04",
        MEDIUM,
        "Who was on call at a local time across the daylight-saving change",
        [
            "who had storefront pager mon 30 march 8:30 our time",
            "storefront on call 30/3 08:30 berlin?",
            "who was on call for storefront monday 30th march, half 8 in the morning (berlin)",
            "Who was on call for storefront at 8:30 Berlin time on Monday 30 March?",
            "Can you check who held the storefront pager on Monday 30 March at 08:30 our "
            "time (Berlin)?",
            "I need to know who was primary on call for storefront at 08:30 Berlin time on "
            "Monday, 30 March 2026.",
            "Please find the storefront team's primary on-call engineer at 08:30 Berlin local "
            "time on Monday 30 March 2026 (summer time had just started).",
            "Who was storefront's primary on call at 08:30 Europe/Berlin on 2026-03-30, the "
            "first Monday of summer time, just before the weekly handover?",
            "Report the storefront team's primary on call at 2026-03-30 08:30 Berlin time "
            "(CEST, UTC+2), and the secondary at that moment.",
            "Ticket: storefront team, primary on call at 2026-03-30 08:30 Europe/Berlin "
            "(daylight saving in force). Report the primary's handle and the shift's start and "
            "end in Berlin time.",
        ],
        [expect("get_oncall", team=["storefront"], at=at)],
        alternatives=(
            way(expect("get_oncall", service=service(facts.fixtures, "web-frontend"), at=at)),
        ),
        max_turns=4,
        outcome=outcome(facts=[fact("the primary then", *person(primary))]),
    )
    return task, reference(
        [call("get_oncall", team="storefront", at="2026-03-30T08:30:00+02:00")],
        answer=f"At 08:30 Berlin time (06:30 UTC) on Monday 30 March, {primary} was primary "
        "on call for storefront; the handover came at 09:00.",
    )


def _m05(facts: Facts) -> Solved:
    rolled = [
        d
        for d in facts.fixtures.deployments
        if d.status == "rolled_back" and d.started_at >= MARCH_1.isoformat()
    ]
    task = tool_task(
        "DO_M05",
        MEDIUM,
        "Deployments rolled back since a date",
        [
            "rollbacks since march 1?",
            "which deploys got rolled back since start of march",
            "list deploys rolled back march onwards",
            "Which deployments have been rolled back since the start of March?",
            "Can you list every deployment that was rolled back since 1 March?",
            "I need all deployments started since March 1 that ended up rolled back.",
            "Please list the deployments started on or after 1 March 2026 that have been "
            "rolled back, with their service.",
            "List every deployment started since 2026-03-01 whose status is rolled back, with "
            "its id, service, environment and version.",
            "Give me all deployments started on or after 1 March 2026 (UTC) that were later "
            "rolled back: id, service, environment, version and who rolled them back.",
            "Ticket: all deployments started from 2026-03-01 00:00 UTC until now that were "
            "rolled back, in any environment: report id, service, environment and version of "
            "each, and the total count.",
        ],
        [
            expect(
                "list_deployments",
                status=["rolled_back"],
                since=instant(f"{MARCH_1.isoformat()}T00:00:00Z"),
            )
        ],
        max_turns=4,
        outcome=outcome(facts=[fact(f"{d.id} rolled back", d.id) for d in rolled]),
    )
    lines = "; ".join(f"{d.id} {d.service} {d.environment} {d.version}" for d in rolled)
    return task, reference(
        [call("list_deployments", status="rolled_back", since="2026-03-01T00:00:00Z")],
        answer=f"{len(rolled)} rolled back since 1 March: {lines}.",
    )


def _m06(facts: Facts) -> Solved:
    first, last = WEEK
    total = facts.requests_total("checkout", "prod", first, last)
    query: dict[str, Any] = {
        "service": service(facts.fixtures, "checkout"),
        "environment": ["prod"],
        "metric": ["requests"],
        **_day_range(first, last),
    }
    task = tool_task(
        "DO_M06",
        MEDIUM,
        "A total over a week, summed rather than averaged",
        [
            "how many reqs did checkout prod do apr 1-7 total",
            "checkout prod total requests 1st to 7th april",
            "total request count checkout, prod, april 1 thru 7",
            "How many requests did checkout serve in prod from 1 to 7 April, in total?",
            "Can you tell me the total number of requests checkout handled in production "
            "between April 1 and April 7?",
            "I need the total request count for the checkout service in prod over 1-7 April, "
            "both days included.",
            "Please report the total number of requests served by checkout in production from "
            "1 April through 7 April 2026 (UTC days, inclusive).",
            "What is the sum of all requests checkout served in prod over the seven UTC days "
            "1-7 April 2026? One total, not a daily average.",
            "Report the total requests of checkout in prod from 2026-04-01 00:00 UTC to "
            "2026-04-08 00:00 UTC as one summed number, plus the busiest day.",
            "Ticket: checkout, prod, request count summed over 2026-04-01 00:00 to 2026-04-08 "
            "00:00 UTC (seven days). Report the total as an integer.",
        ],
        [
            expect(
                "query_metrics",
                optional=("step",),
                step=["1d"],
                aggregation=["sum"],
                **query,
            )
        ],
        # Hourly or six-hourly sums added up by the model give the same total.
        alternatives=(
            way(
                expect(
                    "query_metrics",
                    optional=("step",),
                    step=["1h", "6h"],
                    aggregation=["sum"],
                    **query,
                )
            ),
        ),
        max_turns=4,
        outcome=outcome(
            facts=[
                fact(
                    "the week's requests",
                    total,
                    tolerance=max(1.0, total * 0.001),
                    compact=True,  # 14.06M is the total to 0.1%
                )
            ]
        ),
    )
    return task, reference(
        [
            call(
                "query_metrics",
                service="checkout",
                environment="prod",
                metric="requests",
                start="2026-04-01T00:00:00Z",
                end="2026-04-08T00:00:00Z",
                step="1d",
                aggregation="sum",
            )
        ],
        answer=f"Checkout served {total:,} requests in prod from 1 to 7 April 2026.",
    )
