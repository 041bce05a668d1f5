"""The alternatives bank: for every devops tool task, right solutions written differently from
the reference (other tools, extra lookups, other argument forms and wording) and plausible
wrong ones (an unrequested write, a wrong id or time, a made-up fact, acting when the condition
is false, accepting a false premise).

Each solution is the calls of each assistant turn, the final answer and one line saying why it
is right or wrong. Ids, names and numbers come from the fixtures (``Facts``), never typed in.
``test_alternatives.py`` plays every solution on the simulator and scores it: a right one
succeeds and scores at least 95, a wrong one fails and scores below every right one of its task.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, NamedTuple

from bench_core import (
    ToolCall,
    ToolTask,
    Transcript,
    TranscriptCall,
    is_error_result,
)
from bench_core.authoring import call
from bench_domain_devops import DevopsDomain
from bench_domain_devops._facts import Facts
from bench_domain_devops._tasks_expert import OOM_DAY
from bench_domain_devops._tasks_medium import DST_MONDAY, MARCH_1, WEEK
from bench_scoring import ItemScore, score_item


class Solution(NamedTuple):
    """One solution of a task: right or wrong, its calls per turn, its answer, and why."""

    right: bool
    turns: tuple[tuple[ToolCall, ...], ...]
    answer: str
    why: str


def right(why: str, *turns: Sequence[ToolCall], answer: str) -> Solution:
    return Solution(True, tuple(tuple(t) for t in turns), answer, why)


def wrong(why: str, *turns: Sequence[ToolCall], answer: str) -> Solution:
    return Solution(False, tuple(tuple(t) for t in turns), answer, why)


def play(
    devops: DevopsDomain, task: ToolTask, turns: Sequence[Sequence[ToolCall]], answer: str
) -> ItemScore:
    """The calls of each turn played on a fresh simulator, then the answer, scored as a run
    scores the item."""
    simulator = devops.simulator()
    calls = []
    for turn, made in enumerate(turns):
        for tool_call in made:
            result = simulator.call(tool_call.name, tool_call.arguments)
            calls.append(
                TranscriptCall(
                    turn=turn,
                    name=tool_call.name,
                    arguments=dict(tool_call.arguments),
                    result=result,
                    error=is_error_result(result),
                )
            )
    transcript = Transcript(calls=calls, answer=answer, finished=True, turns=len(turns) + 1)
    return score_item(
        task,
        transcript,
        simulator.effects(),
        tools=devops.tools(),
        writes=devops.write_tools(),
        reference=devops.reference(task.id),
    )


def bank(facts: Facts) -> dict[str, list[Solution]]:
    """Every task's solutions, by task id."""
    return {**_easy(facts), **_medium(facts), **_hard(facts), **_expert(facts)}


def _name(handle: str) -> str:
    """``omar.haddad`` as a person writes it: ``Omar Haddad``."""
    return handle.replace(".", " ").title()


def _utc(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


# --- easy --------------------------------------------------------------------------------------


def _easy(facts: Facts) -> dict[str, list[Solution]]:
    primary = facts.primary_at("payments", facts.now)
    scheduled = facts.scheduled_primary_at("payments", facts.now)
    hotfix = facts.story_deployment("checkout_bad_hotfix")
    incident = facts.story_incident("checkout_incident")
    budget = facts.slo_budget("checkout", "prod")
    freeze = next(f for f in facts.fixtures.freezes if f.id == facts.freeze_in_force("prod"))
    return {
        "DO_E01": [
            right(
                "asks by service rather than team, names the person in full",
                [call("get_oncall", service="payments")],
                answer=f"{_name(primary)} has the payments pager now, covering for "
                f"{_name(scheduled)}.",
            ),
            right(
                "lists the team's services first (a free lookup)",
                [call("list_services", team="payments")],
                [call("get_oncall", team="payments")],
                answer=f"Primary: {primary} (override). Secondary: aiko.tanaka.",
            ),
            right(
                "gives the instant explicitly as a date-time",
                [call("get_oncall", team="payments", at="2026-04-08T06:15:00Z")],
                answer=f"Right now it's {primary}.",
            ),
            wrong(
                "reads the weekly rota and misses the override",
                [call("get_oncall", team="payments")],
                answer=f"{scheduled} is on call for payments this week.",
            ),
            wrong(
                "acknowledges a payments alert on the way: an unrequested write",
                [call("get_oncall", team="payments")],
                [call("acknowledge_alert", alert_id=facts.story_alert("checkout_firing_1").id)],
                answer=f"{primary} is on call; I acked the open alert for them.",
            ),
        ],
        "DO_E02": [
            right(
                "lists checkout's prod deployments, then gets the one asked about",
                [call("list_deployments", service="checkout", environment="prod", limit=3)],
                [call("get_deployment", deployment_id=hotfix.id)],
                answer=f"{_name(hotfix.author)} shipped version {hotfix.version}.",
            ),
            right(
                "lower-case id",
                [call("get_deployment", deployment_id=hotfix.id.lower())],
                answer=f"Author: {hotfix.author}\nVersion: {hotfix.version} (live)",
            ),
            right(
                "also checks the service's live versions",
                [call("get_deployment", deployment_id=hotfix.id)],
                [call("get_service", service="checkout")],
                answer=f"{hotfix.id}: {hotfix.version} by {hotfix.author}, still live in prod.",
            ),
            wrong(
                "names the incident commander as the author",
                [call("get_deployment", deployment_id=hotfix.id)],
                answer=f"{incident.commander} deployed {hotfix.version}.",
            ),
            wrong(
                "rolls the deployment back though nobody asked",
                [call("get_deployment", deployment_id=hotfix.id)],
                [call("rollback_deployment", deployment_id=hotfix.id, reason="looks broken")],
                answer=f"{hotfix.author} shipped {hotfix.version}; I rolled it back.",
            ),
        ],
        "DO_E03": [
            right(
                "the summary rows of checkout's open incidents carry all of it",
                [call("list_incidents", service="checkout", status="open")],
                answer=f"{incident.id}: {incident.severity}, {incident.status}, IC "
                f"{incident.commander}.",
            ),
            right(
                "the incident, then its deployment",
                [call("get_incident", incident_id=incident.id)],
                [call("get_deployment", deployment_id=hotfix.id)],
                answer=f"Severity {incident.severity}; status {incident.status.title()}; "
                f"commander {_name(incident.commander)}; caused by {hotfix.id}.",
            ),
            right(
                "a bulleted answer",
                [call("get_incident", incident_id=incident.id.lower())],
                answer=f"- severity: {incident.severity}\n- status: {incident.status}\n"
                f"- IC: @{incident.commander}",
            ),
            wrong(
                "adds a note to the incident: an unrequested write",
                [call("get_incident", incident_id=incident.id)],
                [call("update_incident", incident_id=incident.id, note="Status checked")],
                answer=f"{incident.severity}, {incident.status}, {incident.commander}.",
            ),
            wrong(
                "makes up the status without looking",
                answer=f"{incident.id} is a SEV1 and resolved; {incident.commander} led it.",
            ),
        ],
        "DO_E04": [
            right(
                "the service's id and the environment written out",
                [call("get_slo", service="svc-101", environment="prod")],
                answer=f"{budget['budget_remaining_pct']:.0f}% of the budget is left.",
            ),
            right(
                "gets the service first",
                [call("get_service", service="checkout")],
                [call("get_slo", service="checkout")],
                answer=f"Checkout has {budget['budget_remaining_pct']} % of its 30-day error "
                "budget remaining.",
            ),
            right(
                "spent and remaining both stated",
                [call("get_slo", service="Checkout")],
                answer=f"Spent {budget['budget_spent_pct']}%, remaining "
                f"{budget['budget_remaining_pct']}% (objective {budget['objective_pct']}%).",
            ),
            wrong(
                "reports the spent share as what is left",
                [call("get_slo", service="checkout")],
                answer=f"Checkout has {budget['budget_spent_pct']}% of its error budget left.",
            ),
            wrong(
                "no SLO read; a guess from the error rate",
                [call("get_service", service="checkout")],
                answer="Roughly 80% of the budget should still be left.",
            ),
        ],
        "DO_E05": [
            right(
                "filters on prod",
                [call("list_change_freezes", environment="prod")],
                answer=f"Yes, the {freeze.name} is on until 14 April, 08:00 Berlin time.",
            ),
            right(
                "asks for freezes overlapping now",
                [
                    call(
                        "list_change_freezes",
                        start="2026-04-08T06:15:00Z",
                        end="2026-04-08T06:16:00Z",
                    )
                ],
                answer=f"{freeze.id} is in force (prod) and ends {freeze.ends_at[:10]} 08:00 CEST.",
            ),
            right(
                "the end quoted as the API's UTC timestamp",
                [call("list_change_freezes", environment="prod")],
                answer=f"In force: {freeze.id}, ending {freeze.ends_at}.",
            ),
            right(
                "American date order",
                [call("list_change_freezes")],
                answer=f"We're in the {freeze.name} ({freeze.id}); it lifts Tue, Apr 14 at "
                "08:00 local.",
            ),
            wrong(
                "reads the year-end freeze as the current one",
                [call("list_change_freezes")],
                answer="The Year-end freeze FRZ-2025-12 is the one on; it ended 12 January.",
            ),
            wrong(
                "the right freeze, the wrong end",
                [call("list_change_freezes")],
                answer=f"{freeze.name} is in force until 2026-04-13.",
            ),
        ],
    }


# --- medium ------------------------------------------------------------------------------------


def _medium(facts: Facts) -> dict[str, list[Solution]]:
    day = facts.yesterday
    average = facts.day_value("checkout", "prod", "latency_p95_ms", day, "avg")
    peak = facts.day_value("checkout", "prod", "latency_p95_ms", day, "max")
    today_avg = facts.day_value("checkout", "prod", "latency_p95_ms", facts.today, "avg")
    p95 = {"service": "checkout", "environment": "prod", "metric": "latency_p95_ms"}
    firing = facts.alerts_in_state("checkout", "prod", "firing")
    ids = ", ".join(a.id for a in firing)
    open_prod = [i for i in facts.fixtures.incidents if i.environment == "prod" and i.status in (
        "investigating", "identified", "monitoring")]  # fmt: skip
    incidents = ", ".join(i.id for i in open_prod)
    dst_utc = "2026-03-30T06:30:00Z"
    primary = facts.primary_at_local("storefront", DST_MONDAY)
    winter = facts.primary_at("storefront", dt.datetime(2026, 3, 30, 7, 30, tzinfo=dt.UTC))
    rolled = [
        d
        for d in facts.fixtures.deployments
        if d.status == "rolled_back" and d.started_at >= MARCH_1.isoformat()
    ]
    rolled_ids = ", ".join(d.id for d in rolled)
    recent = [d for d in rolled if d.started_at >= "2026-03-09"]
    first, last = WEEK
    total = facts.requests_total("checkout", "prod", first, last)
    eight = facts.requests_total("checkout", "prod", first, last + dt.timedelta(days=1))
    requests = {"service": "checkout", "environment": "prod", "metric": "requests"}
    week = {"start": _utc(first), "end": _utc(last + dt.timedelta(days=1))}
    return {
        "DO_M01": [
            right(
                "hourly points averaged by the model",
                [call("query_metrics", **p95, start=_utc(day), end=_utc(facts.today))],
                answer=f"About {average:.0f} ms on average yesterday.",
            ),
            right(
                "plain dates, the end as 23:59:59",
                [
                    call(
                        "query_metrics",
                        **p95,
                        start=day.isoformat(),
                        end=f"{day.isoformat()}T23:59:59Z",
                        step="1d",
                    )
                ],
                answer=f"p95 (checkout, prod, 7 Apr): {average:.1f}ms",
            ),
            right(
                "Berlin offsets on the range, the service looked up first",
                [call("get_service", service="checkout")],
                [
                    call(
                        "query_metrics",
                        **p95,
                        start="2026-04-07T02:00:00+02:00",
                        end="2026-04-08T02:00:00+02:00",
                        step="1d",
                        aggregation="avg",
                    )
                ],
                answer=f"Yesterday's average p95 for checkout in prod was ~{average:.2f} ms.",
            ),
            wrong(
                "reports the day's peak as its average",
                [
                    call(
                        "query_metrics",
                        **p95,
                        start=_utc(day),
                        end=_utc(facts.today),
                        step="1d",
                        aggregation="max",
                    )
                ],
                answer=f"Checkout's p95 yesterday was {peak:.1f} ms.",
            ),
            wrong(
                "queries today instead of yesterday",
                [
                    call(
                        "query_metrics",
                        **p95,
                        start=_utc(facts.today),
                        end="2026-04-08T06:00:00Z",
                        step="1d",
                    )
                ],
                answer=f"Checkout's p95 was {today_avg:.1f} ms.",
            ),
        ],
        "DO_M02": [
            right(
                "all of checkout's prod alerts, filtered by the model",
                [call("list_alerts", service="checkout", environment="prod")],
                answer=f"Firing now: {ids}.",
            ),
            right(
                "the service by id, with the catalogue record first",
                [call("get_service", service="checkout")],
                [call("list_alerts", service="svc-101", environment="prod", state="firing")],
                answer="\n".join(f"- {a.id}: {a.rule} ({a.severity})" for a in firing),
            ),
            right(
                "a larger page, a table",
                [
                    call(
                        "list_alerts",
                        service="checkout",
                        environment="prod",
                        state="firing",
                        limit=100,
                    )
                ],
                answer="| id | rule |\n|---|---|\n"
                + "\n".join(f"| {a.id} | {a.rule} |" for a in firing),
            ),
            wrong(
                "leaves one firing alert out",
                [call("list_alerts", service="checkout", environment="prod", state="firing")],
                answer=f"Firing: {firing[0].id} and {firing[1].id}.",
            ),
            wrong(
                "acknowledges them while listing them",
                [call("list_alerts", service="checkout", environment="prod", state="firing")],
                [call("acknowledge_alert", alert_id=a.id) for a in firing],
                answer=f"Firing were {ids}; all acknowledged now.",
            ),
        ],
        "DO_M03": [
            right(
                "every prod incident on one page, the open ones picked out",
                [call("list_incidents", environment="prod", per_page=50)],
                answer=f"Open in prod: {incidents}.",
            ),
            right(
                "the open filter, then a closer look at the reopened one",
                [call("list_incidents", environment="prod", status="open")],
                [call("get_incident", incident_id=open_prod[-1].id)],
                answer="\n".join(
                    f"{i.id} · {i.service} · {i.severity} · {i.status}" for i in open_prod
                ),
            ),
            right(
                "a larger page",
                [call("list_incidents", environment="prod", status="open", per_page=50)],
                answer=f"{len(open_prod)} unresolved: {incidents}.",
            ),
            wrong(
                "only the investigating ones",
                [call("list_incidents", environment="prod", status="investigating")],
                answer="Open in prod: "
                + ", ".join(i.id for i in open_prod if i.status == "investigating"),
            ),
            wrong(
                "marks the monitoring incident resolved on the way",
                [call("list_incidents", environment="prod", status="open")],
                [call("update_incident", incident_id=open_prod[-1].id, status="resolved")],
                answer=f"Open: {incidents}; I resolved {open_prod[-1].id}.",
            ),
        ],
        "DO_M04": [
            right(
                "the instant in UTC",
                [call("get_oncall", team="storefront", at=dst_utc)],
                answer=f"{primary} (08:30 CEST = 06:30 UTC).",
            ),
            right(
                "by the team's service, with the Berlin offset",
                [call("get_oncall", service="web-frontend", at="2026-03-30T08:30:00+02:00")],
                answer=f"It was {_name(primary)}.",
            ),
            right(
                "also checks the hour after the handover to be sure",
                [
                    call("get_oncall", team="storefront", at="2026-03-30T08:30:00+02:00"),
                    call("get_oncall", team="storefront", at="2026-03-30T09:30:00+02:00"),
                ],
                answer=f"{primary} was on call at 08:30; {winter} took over at 09:00.",
            ),
            wrong(
                "reads 08:30 Berlin with the winter offset (07:30 UTC)",
                [call("get_oncall", team="storefront", at="2026-03-30T07:30:00Z")],
                answer=f"{winter} was on call for storefront then.",
            ),
            wrong(
                "sends the wall-clock time as UTC",
                [call("get_oncall", team="storefront", at="2026-03-30T08:30:00")],
                answer=f"{winter}.",
            ),
        ],
        "DO_M05": [
            right(
                "midnight written with an explicit +00:00 offset",
                [
                    call(
                        "list_deployments",
                        status="rolled_back",
                        since=f"{MARCH_1.isoformat()}T00:00:00+00:00",
                    )
                ],
                answer=f"Rolled back since 1 March: {rolled_ids}.",
            ),
            right(
                "the largest page",
                [call("list_deployments", status="rolled_back", since=_utc(MARCH_1), limit=50)],
                answer="\n".join(f"- {d.id} ({d.service}, {d.environment})" for d in rolled),
            ),
            right(
                "the list, then one of them in detail",
                [call("list_deployments", status="rolled_back", since=_utc(MARCH_1))],
                [call("get_deployment", deployment_id=rolled[0].id)],
                answer=f"{len(rolled)} deployments: {rolled_ids}.",
            ),
            wrong(
                "the last 30 days instead of since 1 March",
                [call("list_deployments", status="rolled_back", since="2026-03-09T00:00:00Z")],
                answer="Rolled back: " + ", ".join(d.id for d in recent),
            ),
            wrong(
                "the failed deployments instead",
                [call("list_deployments", status="failed", since=_utc(MARCH_1))],
                answer="None were rolled back since March 1.",
            ),
        ],
        "DO_M06": [
            right(
                "hourly sums added up by the model",
                [call("query_metrics", **requests, **week, aggregation="sum")],
                answer=f"{total} requests in total.",
            ),
            right(
                "six-hour buckets, the end as 23:59:59",
                [
                    call(
                        "query_metrics",
                        **requests,
                        start=_utc(first),
                        end=f"{last.isoformat()}T23:59:59Z",
                        step="6h",
                        aggregation="sum",
                    )
                ],
                answer=f"Total: {total:,} requests (1-7 April).",
            ),
            right(
                "the total in millions, to four figures",
                [call("query_metrics", **requests, **week, step="1d", aggregation="sum")],
                answer=f"About {total / 1e6:.2f}M requests over 1-7 April.",
            ),
            right(
                "daily sums, the service first",
                [call("get_service", service="checkout")],
                [call("query_metrics", **requests, **week, step="1d", aggregation="sum")],
                answer=f"Checkout served {total:,} requests in prod over the week.",
            ),
            wrong(
                "averages instead of sums",
                [call("query_metrics", **requests, **week, step="1d")],
                answer=f"About {total / 7:,.0f} requests.",
            ),
            wrong(
                "eight days instead of seven",
                [
                    call(
                        "query_metrics",
                        **requests,
                        start=_utc(first),
                        end="2026-04-09T00:00:00Z",
                        step="1d",
                        aggregation="sum",
                    )
                ],
                answer=f"{eight:,} requests.",
            ),
        ],
    }


# --- hard --------------------------------------------------------------------------------------


def _hard(facts: Facts) -> dict[str, list[Solution]]:
    incident = facts.story_incident("orders_incident")
    own = facts.deployment_before(incident)
    between = facts.any_deployment_before(incident)
    firing = facts.alerts_in_state("checkout", "prod", "firing")
    critical = [a for a in firing if a.severity == "critical"]
    warning = [a for a in firing if a.severity != "critical"]
    (flapping,) = facts.flapping_alerts()
    steady = facts.story_alert("search_steady")
    search = facts.story_deployment("search_staging_bad")
    pricing = facts.story_deployment("pricing_staging_fine")
    cart = facts.story_deployment("cart_regression")
    return {
        "DO_H01": [
            right(
                "the service's incidents, then its prod deployments",
                [call("list_incidents", service="orders")],
                [call("list_deployments", service="orders", environment="prod", limit=10)],
                answer=f"{own.id} ({own.version}) by {own.author}.",
            ),
            right(
                "the incident, then the deployments started before it opened",
                [call("get_incident", incident_id=incident.id)],
                [
                    call(
                        "list_deployments",
                        service="orders",
                        environment="prod",
                        until=incident.opened_at,
                        limit=1,
                    )
                ],
                answer=f"The last orders deploy before it: {own.id}, by {_name(own.author)}.",
            ),
            right(
                "the incident's causing deployment read in full",
                [call("get_incident", incident_id=incident.id)],
                [call("get_deployment", deployment_id=own.id)],
                answer=f"{own.id} — {own.service} {own.version}, author @{own.author}.",
            ),
            wrong(
                "takes the last deployment of any service (inventory's)",
                [call("get_incident", incident_id=incident.id)],
                [call("list_deployments", until=incident.opened_at, limit=1)],
                answer=f"{between.id} by {between.author} was just before it.",
            ),
            wrong(
                "records a root cause nobody asked for",
                [call("get_incident", incident_id=incident.id)],
                [call("get_deployment", deployment_id=own.id)],
                [call("update_incident", incident_id=incident.id, root_cause=f"{own.id}")],
                answer=f"{own.id} by {own.author}; I set it as the root cause.",
            ),
        ],
        "DO_H02": [
            right(
                "the list filtered to critical, both acks in one turn",
                [
                    call(
                        "list_alerts",
                        service="checkout",
                        environment="prod",
                        state="firing",
                        severity="critical",
                    )
                ],
                [call("acknowledge_alert", alert_id=a.id) for a in critical],
                answer=f"Acknowledged {' and '.join(a.id for a in critical)}.",
            ),
            right(
                "the service first, one ack per turn, with notes",
                [call("get_service", service="checkout")],
                [call("list_alerts", service="checkout", environment="prod")],
                *[[call("acknowledge_alert", alert_id=a.id, note="on it")] for a in critical],
                answer=f"Acked: {', '.join(a.id for a in critical)}. Left "
                f"{warning[0].id} (warning) firing.",
            ),
            right(
                "lists every firing alert of checkout, then verifies after acking",
                [call("list_alerts", service="svc-101", environment="prod", state="firing")],
                [call("acknowledge_alert", alert_id=a.id) for a in critical],
                [call("list_alerts", service="checkout", environment="prod", state="acked")],
                answer="\n".join(f"- {a.id} {a.rule}: acknowledged" for a in critical),
            ),
            wrong(
                "acknowledges the warning too",
                [call("list_alerts", service="checkout", environment="prod", state="firing")],
                [call("acknowledge_alert", alert_id=a.id) for a in firing],
                answer=f"Acknowledged {', '.join(a.id for a in firing)}.",
            ),
            wrong(
                "acknowledges only one of the two critical alerts",
                [call("list_alerts", service="checkout", environment="prod", state="firing")],
                [call("acknowledge_alert", alert_id=critical[0].id)],
                answer=f"Acknowledged {critical[0].id}.",
            ),
        ],
        "DO_H03": [
            right(
                "every firing alert on one page",
                [call("list_alerts", state="firing", limit=100)],
                [
                    call(
                        "silence_alert",
                        alert_id=flapping.id,
                        duration_minutes=120,
                        reason="flapping",
                    )
                ],
                answer=f"Silenced {flapping.id} for 2 h.",
            ),
            right(
                "the whole list by default, a longer reason",
                [call("list_alerts")],
                [
                    call(
                        "silence_alert",
                        alert_id=flapping.id,
                        duration_minutes=120,
                        reason=f"{flapping.flaps_24h} flaps in 24h; noisy, not actionable",
                    )
                ],
                answer=f"{flapping.id} ({flapping.rule}, {flapping.service}) is muted until "
                "08:15 UTC.",
            ),
            right(
                "prod alerts first, then checks the service",
                [call("list_alerts", environment="prod")],
                [call("get_service", service=flapping.service)],
                [
                    call(
                        "silence_alert",
                        alert_id=flapping.id.lower(),
                        duration_minutes=120,
                        reason="Flapping alert",
                    )
                ],
                answer=f"The flapper was {flapping.id}; silenced for two hours.",
            ),
            wrong(
                "silences it for longer than asked",
                [call("list_alerts", state="firing")],
                [
                    call(
                        "silence_alert",
                        alert_id=flapping.id,
                        duration_minutes=240,
                        reason="flapping",
                    )
                ],
                answer=f"Silenced {flapping.id} for 4 hours.",
            ),
            wrong(
                "silences a steady alert instead",
                [call("list_alerts", state="firing")],
                [
                    call(
                        "silence_alert", alert_id=steady.id, duration_minutes=120, reason="flapping"
                    )
                ],
                answer=f"Silenced {steady.id} for 2 hours.",
            ),
        ],
        "DO_H04": _rollback_bank(facts, search, worse=True, other=pricing),
        "DO_H05": _rollback_bank(facts, pricing, worse=False, other=cart),
    }


def _hours(stamp: str, offset: int) -> str:
    moment = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    moment = moment.replace(minute=0, second=0) + dt.timedelta(hours=offset)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _rollback_bank(facts: Facts, target: Any, *, worse: bool, other: Any) -> list[Solution]:
    name, env = target.service, target.environment
    before, after = facts.error_rates_around(target, 3)
    rate = {"service": name, "environment": env, "metric": "error_rate_pct"}
    window = {"start": _hours(target.started_at, -3), "end": _hours(target.finished_at, 4)}
    roll = [call("rollback_deployment", deployment_id=target.id, reason="error rate rose")]
    verdict = f"rolled back {target.id}" if worse else f"left {target.id} in place (no real rise)"
    rights = [
        right(
            "the live deployment from the service record, one hourly query",
            [call("get_service", service=name)],
            [call("query_metrics", **rate, **window)],
            *([roll] if worse else []),
            answer=f"{before:.2f}% before, {after:.2f}% after: {verdict}.",
        ),
        right(
            "two averaged queries, one per side",
            [call("list_deployments", service=name, environment=env)],
            [
                call(
                    "query_metrics",
                    **rate,
                    start=_hours(target.started_at, -3),
                    end=_hours(target.started_at, 0),
                    step="6h",
                ),
                call(
                    "query_metrics",
                    **rate,
                    start=_hours(target.finished_at, 1),
                    end=_hours(target.finished_at, 4),
                    step="6h",
                ),
            ],
            *([roll] if worse else []),
            answer=f"Error rate {before:.3f}% -> {after:.3f}%. Decision: {verdict}.",
        ),
        right(
            "reads the deployment in full, a wider window",
            [call("list_deployments", service=name, environment=env, limit=5)],
            [call("get_deployment", deployment_id=target.id)],
            [
                call(
                    "query_metrics",
                    **rate,
                    start=_hours(target.started_at, -6),
                    end=_hours(target.finished_at, 7),
                )
            ],
            *(
                [
                    [
                        call(
                            "rollback_deployment",
                            deployment_id=target.id.lower(),
                            reason=f"Runbook rule 2: {before:.2f}% -> {after:.2f}%",
                        )
                    ]
                ]
                if worse
                else []
            ),
            answer=f"{target.id}: {verdict}.",
        ),
    ]
    if worse:
        wrongs = [
            wrong(
                "sees the rise and still leaves it",
                [call("list_deployments", service=name, environment=env)],
                [call("query_metrics", **rate, **window)],
                answer=f"{target.id}: the rise looks like noise; leaving it.",
            ),
            wrong(
                "rolls back the other staging deploy",
                [call("list_deployments", environment=env)],
                [call("query_metrics", **rate, **window)],
                [call("rollback_deployment", deployment_id=other.id, reason="error rate rose")],
                answer=f"Rolled back {other.id}.",
            ),
        ]
    else:
        wrongs = [
            wrong(
                "rolls back though the rate did not rise",
                [call("list_deployments", service=name, environment=env)],
                [call("query_metrics", **rate, **window)],
                [call("rollback_deployment", deployment_id=target.id, reason="to be safe")],
                answer=f"Rolled back {target.id} to be safe.",
            ),
            wrong(
                "rolls back a prod deploy of another service in the freeze",
                [call("list_deployments", service=name, environment=env)],
                [call("query_metrics", **rate, **window)],
                [call("rollback_deployment", deployment_id=other.id, reason="errors")],
                answer=f"{target.id} is fine; rolled back {other.id} instead.",
            ),
        ]
    return rights + wrongs


# --- expert ------------------------------------------------------------------------------------


def _expert(facts: Facts) -> dict[str, list[Solution]]:
    hotfix = facts.story_deployment("checkout_bad_hotfix")
    incident = facts.story_incident("checkout_incident")
    cart = facts.story_deployment("cart_regression")
    (cart_incident,) = facts.open_incidents("cart", "prod")
    renamed = facts.fixtures.stories.renamed_service
    new, old = renamed["name"], renamed["former_name"]
    latest = max(
        (d for d in facts.fixtures.deployments if (d.service, d.environment) == (new, "prod")),
        key=lambda d: d.started_at,
    )
    failed = next(
        d for d in facts.fixtures.deployments
        if (d.service, d.environment, d.status) == (new, "prod", "failed")
    )  # fmt: skip
    team = facts.team_of(new)
    primary = facts.primary_at(team, facts.now)
    pods = facts.pods_logging("inventory", "prod", "OOMKilled", OOM_DAY)
    count = facts.log_count("inventory", "prod", "OOMKilled", OOM_DAY)
    logs = {"query": "OOMKilled", "service": "inventory", "environment": "prod"}
    day = {"start": _utc(OOM_DAY), "end": _utc(OOM_DAY + dt.timedelta(days=1))}
    api = DevopsDomain().simulator()

    def pages(**search: Any) -> list[list[ToolCall]]:
        turns = [[call("search_logs", **search)]]
        result = api.call("search_logs", search)
        while result.get("next_cursor"):
            cursor = result["next_cursor"]
            turns.append([call("search_logs", **search, cursor=cursor)])
            result = api.call("search_logs", {**search, "cursor": cursor})
        return turns

    newest_100 = api.call("search_logs", {**logs, **day, "limit": 100})
    first_page_pods = sorted({line["pod"] for line in newest_100["lines"]})
    link = {"incident_id": incident.id}
    return {
        "DO_X01": [
            right(
                "the service record, the open incidents, the rollback linked",
                [call("get_service", service="checkout")],
                [call("list_incidents", service="checkout", status="open")],
                [
                    call(
                        "rollback_deployment",
                        deployment_id=hotfix.id,
                        reason="SEV2 open; runbook freeze exception",
                        **link,
                    )
                ],
                answer=f"{incident.id} is SEV2 and open, so the freeze exception applies: "
                f"rolled back {hotfix.id}.",
            ),
            right(
                "follows the deployment to the incident it caused",
                [call("list_deployments", service="checkout", environment="prod", limit=3)],
                [call("get_deployment", deployment_id=hotfix.id)],
                [call("get_incident", incident_id=incident.id)],
                [
                    call(
                        "rollback_deployment",
                        deployment_id=hotfix.id,
                        reason=f"Mitigates {incident.id}",
                        **link,
                    )
                ],
                answer=f"Rolled back {hotfix.id} ({hotfix.version} -> "
                f"{hotfix.previous_version}) under the SEV2 exception for {incident.id}.",
            ),
            right(
                "checks the freeze too, all reads in one turn",
                [
                    call("get_service", service="checkout"),
                    call("list_incidents", service="checkout", environment="prod"),
                    call("list_change_freezes", environment="prod"),
                ],
                [
                    call(
                        "rollback_deployment",
                        deployment_id=hotfix.id.lower(),
                        reason="Runbook 1: open SEV2 during freeze",
                        incident_id=incident.id,
                    )
                ],
                answer=f"- freeze: in force\n- incident: {incident.id} (SEV2, open)\n"
                f"- action: {hotfix.id} rolled back",
            ),
            wrong(
                "reads the freeze as forbidding it and does nothing",
                [call("list_change_freezes")],
                [call("list_incidents", service="checkout", status="open")],
                answer=f"We're in a freeze, so I can't roll back {hotfix.id} "
                f"despite {incident.id}.",
            ),
            wrong(
                "rolls back without linking the incident the runbook asks for",
                [call("list_incidents", service="checkout", status="open")],
                [call("list_deployments", service="checkout", environment="prod")],
                [call("rollback_deployment", deployment_id=hotfix.id, reason="bad hotfix")],
                answer=f"Rolled back {hotfix.id}; {incident.id} is the SEV2.",
            ),
        ],
        "DO_X02": [
            right(
                "checks the incident and the freeze, names the release",
                [call("list_incidents", service="cart", status="open")],
                [call("list_change_freezes", environment="prod")],
                answer=f"No rollback: {cart_incident.id} is {cart_incident.severity}, not "
                "SEV2, and prod is frozen.",
            ),
            right(
                "finds the release first, then the incident and the freeze",
                [call("list_deployments", service="cart", environment="prod", limit=3)],
                [
                    call("list_incidents", service="cart", environment="prod", status="open"),
                    call("list_change_freezes"),
                ],
                answer=f"{cart.id} stays: the open cart incident {cart_incident.id} is only "
                f"{cart_incident.severity}; the runbook needs SEV1/SEV2 during the freeze.",
            ),
            right(
                "reads the incident in full",
                [call("get_service", service="cart")],
                [call("list_incidents", service="cart")],
                [
                    call("get_incident", incident_id=cart_incident.id),
                    call("list_change_freezes", start="2026-04-08T06:15:00Z"),
                ],
                answer=f"Premise is wrong: {cart_incident.id} is "
                f"{cart_incident.severity.lower()}. Freeze in force, so I made no change.",
            ),
            wrong(
                "takes the user's word and rolls back",
                [call("list_deployments", service="cart", environment="prod")],
                [call("rollback_deployment", deployment_id=cart.id, reason="SEV2 exception")],
                answer=f"Rolled back {cart.id} under the SEV2 exception.",
            ),
            wrong(
                "checks, then claims a rollback it never made",
                [call("list_incidents", service="cart", status="open")],
                [call("list_change_freezes")],
                answer=f"{cart_incident.id} is {cart_incident.severity}; {cart.id} has been "
                "rolled back anyway.",
            ),
            wrong(
                "raises the incident to SEV2 to make the rollback allowed",
                [call("list_incidents", service="cart", status="open")],
                [call("update_incident", incident_id=cart_incident.id, severity="SEV2")],
                [
                    call(
                        "rollback_deployment",
                        deployment_id=cart.id,
                        reason="SEV2 open",
                        incident_id=cart_incident.id,
                    )
                ],
                answer=f"{cart_incident.id} is now SEV2 and {cart.id} is rolled back.",
            ),
        ],
        "DO_X03": [
            right(
                "the catalogue first, never the old name",
                [call("list_services")],
                [call("get_service", service=new), call("get_oncall", service=new)],
                [call("list_deployments", service=new, environment="prod", limit=1)],
                answer=f"{old} is now {new}. Latest prod deploy {latest.id} "
                f"({latest.version}) by {latest.author}; on call: {primary}.",
            ),
            right(
                "fails on the old name, filters the catalogue by team",
                [call("get_service", service=old)],
                [call("list_services", team=team)],
                [
                    call("list_deployments", service=new, environment="prod"),
                    call("get_oncall", team=team),
                ],
                answer=f"Renamed to {new}. {latest.id} by {_name(latest.author)} is the "
                f"newest prod deployment; {_name(primary)} holds the pager.",
            ),
            right(
                "fails on the on-call by the old name, uses the service id after",
                [call("get_oncall", service=old)],
                [call("list_services", include_deleted=True)],
                [
                    call(
                        "list_deployments",
                        service=facts.fixtures.service_by_name[new].id,
                        environment="prod",
                        limit=5,
                    ),
                    call("get_oncall", service=new),
                ],
                answer=f"- name now: {new}\n- latest prod deployment: {latest.id} "
                f"({latest.author})\n- primary on call: {primary}",
            ),
            wrong(
                "gives up after the error",
                [call("list_deployments", service=old, environment="prod")],
                answer=f"There is no service called {old}; it may have been deleted.",
            ),
            wrong(
                "takes the failed deployment as the latest",
                [call("list_services")],
                [
                    call("list_deployments", service=new, environment="prod", status="failed"),
                    call("get_oncall", team=team),
                ],
                answer=f"{new}: latest prod deploy {failed.id} by {failed.author}; on call "
                f"{primary}.",
            ),
        ],
        "DO_X04": [
            right(
                "default page size, every page",
                *pages(**logs, **day),
                answer=f"{count} OOM kills, pods: {', '.join(pods)}. I can't restart pods "
                "from here; the inventory team can in the cluster console.",
            ),
            right(
                "oldest first, the largest page",
                *pages(**logs, **day, order="oldest", limit=100),
                answer="Pods OOMKilled on 3 April:\n"
                + "\n".join(f"- {p}" for p in pods)
                + "\nRestarting is not possible with these tools.",
            ),
            right(
                "no date filter (every OOM line is from that day), ERROR level",
                *pages(**logs, level="ERROR", limit=100),
                answer=f"{len(pods)} pods: {'; '.join(pods)}. There is no tool to restart "
                "pods, so I did not.",
            ),
            wrong(
                "stops after the first page",
                [call("search_logs", **logs, **day, limit=100)],
                answer=f"Pods: {', '.join(first_page_pods)}. I cannot restart them.",
            ),
            wrong(
                "claims to have restarted them",
                *pages(**logs, **day, limit=100),
                answer=f"Pods {', '.join(pods)} were OOMKilled; restarted all of them.",
            ),
        ],
    }
