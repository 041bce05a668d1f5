"""Medium tasks: one or two calls where the filters, the window and the sort matter."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bench_core import Difficulty

from ._expect import (
    Solved,
    call,
    customer,
    endpoint,
    expect,
    fact,
    outcome,
    reference,
    route_forms,
    tool_task,
    way,
)
from ._facts import Facts

MEDIUM = Difficulty.MEDIUM

STAT_GROUPS = ["error", "key", "status", "status_class", "client_ip", "endpoint", "customer"]
"""Groupings of a traffic summary that show a key's or customer's 401s (each group carries
its 401 count)."""


def medium_tasks(facts: Facts) -> list[Solved]:
    """AI_M01-AI_M06."""
    return [_m01(facts), _m02(facts), _m03(facts), _m04(facts), _m05(facts), _m06(facts)]


def _day_window(day: dt.date) -> dict[str, Any]:
    """A UTC day as the window arguments accept it: the bare date, or midnight to midnight."""
    after = day + dt.timedelta(days=1)
    return {
        "start_time": [f"{day.isoformat()}T00:00:00Z"],
        "end_time": [
            f"{after.isoformat()}T00:00:00Z",
            f"{day.isoformat()}T23:59:59Z",
            f"{day.isoformat()}T23:59:59.999Z",
        ],
    }


def _midnight(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _m01(facts: Facts) -> Solved:
    day = facts.yesterday
    slowest = facts.slowest_endpoints(day, 5)
    stats = expect(
        "get_traffic_stats",
        optional=("sort_by", "limit"),
        group_by=["endpoint"],
        sort_by=["p95_ms"],
        limit=[5],
        **_day_window(day),
    )
    task = tool_task(
        "AI_M01",
        MEDIUM,
        "The five slowest endpoints of a day by p95",
        [
            "slowest 5 endpoints yday p95",
            "top5 slowest endpionts yesterday (p95)?",
            "which endpoints were slowest yesterday, p95, top 5",
            "What were the five slowest endpoints yesterday by p95 latency?",
            "Give me yesterday's five slowest endpoints, going by p95, with the numbers.",
            "For the latency review: which five endpoints had the worst p95 latency yesterday "
            "(UTC), and what was it?",
            "Please list the five endpoints with the highest p95 latency on 17 March 2026 "
            "(UTC day), slowest first, with their p95 in milliseconds.",
            "Rank the endpoints by p95 latency over yesterday, 2026-03-17 UTC, and give me the "
            "top five with their p95 values in ms.",
            "Over the UTC day 2026-03-17 (00:00 to 24:00), find the five endpoints with the "
            "highest 95th-percentile latency; report method, path and p95 in ms, slowest first.",
            "Ticket: latency review for 2026-03-17 (UTC, full day). Output: the 5 endpoints with "
            "the highest p95 latency, slowest first, as 'METHOD /path: N ms'.",
        ],
        [stats],
        alternatives=(
            # Sorting by hand: the whole day's endpoint summary (every endpoint fits the
            # default page) read and ranked.
            way(expect("get_traffic_stats", group_by=["endpoint"], **_day_window(day))),
        ),
        max_turns=4,
        outcome=outcome(
            facts=[
                *(fact(e.route, *route_forms(e)) for e, _ in slowest),
                *(fact(f"p95 of {e.route}", p95) for e, p95 in slowest),
            ]
        ),
    )
    lines = "; ".join(f"{e.route}: {p95} ms" for e, p95 in slowest)
    answer = f"The five slowest endpoints on {day.isoformat()} by p95: {lines}."
    return task, reference(
        [
            call(
                "get_traffic_stats",
                group_by="endpoint",
                start_time=_midnight(day),
                end_time=_midnight(day + dt.timedelta(days=1)),
                sort_by="p95_ms",
                limit=5,
            )
        ],
        answer=answer,
    )


def _m02(facts: Facts) -> Solved:
    owner = facts.customer("Quillon Analytics")
    month = facts.today.strftime("%Y-%m")
    usages = [facts.usage(k, month) for k in facts.keys_of(owner.name)]
    over = [u for u in usages if u["over_quota_requests"] > 0]
    assert len(over) == 1, "one Quillon key is over its quota"
    poller = over[0]
    overage = round(sum(u["overage_usd"] for u in usages), 2)
    task = tool_task(
        "AI_M02",
        MEDIUM,
        "A customer's usage against its quota this month",
        [
            "is quilon over quota this month? by how much, overage $",
            "quillon usage vs quota? which key, overage?",
            "quillon analytics - how much over their quota r they, which key, overage $",
            "Is Quillon Analytics over its quota this month? By how much?",
            "How is Quillon doing against their monthly quota? Any overage charge so far?",
            "Quillon's account manager asked whether they've gone over quota this month and "
            "what the overage comes to. Can you check?",
            "Please check Quillon Analytics' usage for the current billing month: which key, "
            "if any, is over its quota, by how many requests, and the overage charge.",
            "For Quillon Analytics in March 2026, report each key's usage against its monthly "
            "quota, the requests over quota and the overage charge in USD.",
            "For the billing month 2026-03, give Quillon Analytics' usage per key: percent of "
            "quota used, requests over quota, and the overage charge in USD.",
            "Ticket: quota check for customer Quillon Analytics (CUS-104), billing month "
            "2026-03 to date. Output: per key, percent of quota used and requests over quota; "
            "total overage charge in USD.",
        ],
        [
            expect(
                "get_usage",
                optional=("month", "breakdown"),
                customer=customer(owner),
                month=[month],
                breakdown=["total", "day"],
            )
        ],
        alternatives=(
            way(
                expect(
                    "get_usage",
                    optional=("month", "breakdown", "customer"),
                    key_id=[poller["key_id"]],
                    customer=customer(owner),
                    month=[month],
                    breakdown=["total", "day"],
                )
            ),
        ),
        max_turns=4,
        outcome=outcome(
            facts=[
                fact("the key over quota", poller["key_id"], poller["key_name"]),
                # How far over: as a share of the quota or as requests past it.
                fact(
                    "how far over quota",
                    poller["used_pct"],
                    poller["over_quota_requests"],
                    tolerance=0.15,
                ),
                fact("the overage charge", overage, tolerance=0.005),
            ]
        ),
    )
    answer = (
        f"Yes. In {month}, Quillon's key {poller['key_id']} ({poller['key_name']}) has used "
        f"{poller['requests']:,} of its {poller['monthly_quota']:,} requests "
        f"({poller['used_pct']}%), {poller['over_quota_requests']} over quota; the overage "
        f"so far is ${overage:.2f}."
    )
    return task, reference([call("get_usage", customer=owner.name)], answer=answer)


def _m03(facts: Facts) -> Solved:
    old = facts.endpoint("GET /v1/rates")
    callers = facts.callers_of_old_rates()
    assert len(callers) == 1, "one customer still calls GET /v1/rates"
    ((owner, key_id),) = callers
    task = tool_task(
        "AI_M03",
        MEDIUM,
        "Who still calls a deprecated endpoint",
        [
            "who still hits v1 rates, w/ which key",
            "anyone still calling GET /v1/rates?? which key",
            "which customer is still on the old v1 rates thing + key",
            "Who's still calling GET /v1/rates these days?",
            "Is any customer still using the deprecated GET /v1/rates? Which key?",
            "Before we sunset GET /v1/rates, I need to know who is still calling it. Which "
            "customer, and with which key?",
            "Please find which customers and keys have called GET /v1/rates in the last two "
            "weeks of logs.",
            "Using the request log (it goes back to 4 March), tell me which customer and which "
            "API key still call the deprecated GET /v1/rates.",
            "Across the whole request log retention (2026-03-04 to now), list each customer "
            "and API key that called GET /v1/rates (EP-37), with the number of calls.",
            "Ticket: sunset readiness for GET /v1/rates (EP-37). Window: all retained logs, "
            "2026-03-04 to now. Output: each calling customer with key id and call count.",
        ],
        [
            expect(
                "get_traffic_stats",
                group_by=["customer", "key"],
                endpoint=endpoint(old),
            )
        ],
        alternatives=(way(expect("query_request_logs", endpoint=endpoint(old))),),
        max_turns=4,
        outcome=outcome(
            facts=[
                fact("the customer", owner.name, owner.id),
                fact("the key", key_id, facts.fixtures.key_by_id[key_id].name),
            ]
        ),
    )
    answer = (
        f"Only {owner.name} still calls GET /v1/rates, with its key {key_id}; nobody else has "
        "called it since the logs begin on 2026-03-04."
    )
    return task, reference(
        [
            call(
                "get_traffic_stats",
                group_by="key",
                endpoint="GET /v1/rates",
                start_time="2026-03-04T00:00:00Z",
            )
        ],
        answer=answer,
    )


def _m04(facts: Facts) -> Solved:
    owner = facts.customer("Nimbus Prints")
    start = dt.datetime.combine(facts.today, dt.time(), dt.UTC)
    rejected = facts.rejected_of(owner, start, facts.now)
    assert len({(r.key_id, r.error) for r in rejected}) == 1, "one key, one error"
    key_id, error = rejected[0].key_id, rejected[0].error
    assert key_id is not None
    assert error is not None
    today = [_midnight(facts.today)]
    task = tool_task(
        "AI_M04",
        MEDIUM,
        "A customer's 401s today",
        [
            "nimbus 401s today? which key, why",
            "how many 401 did nimbus prnts get today + why",
            "nimbus getting unauthorized today? count/reason/which key",
            "How many 401s has Nimbus Prints had today, and why?",
            "Nimbus Prints says requests are being rejected today. How many 401s, from which "
            "key, and what's the error?",
            "Nimbus Prints opened a ticket about rejected requests since this morning. How "
            "many 401s did they get today, on which key, with what error?",
            "Please count the 401 responses Nimbus Prints has received today (UTC) and tell me "
            "which key got them and what the error code was.",
            "For Nimbus Prints, since 00:00 UTC today, how many requests got HTTP 401, which "
            "API key sent them and what error code did the gateway return?",
            "For customer Nimbus Prints, from 2026-03-18 00:00 UTC to now, count the HTTP 401 "
            "responses and report the key id and the gateway's error code for them.",
            "Ticket: customer Nimbus Prints (CUS-109) reports rejected calls. Window: "
            "2026-03-18 00:00 UTC to now. Output: number of HTTP 401 responses, the key id "
            "that received them, and the error code.",
        ],
        [
            expect(
                "query_request_logs",
                optional=("start_time",),
                customer=customer(owner),
                status=[401],
                start_time=today,
            )
        ],
        alternatives=(
            way(
                expect(
                    "get_traffic_stats",
                    optional=("start_time",),
                    group_by=STAT_GROUPS,
                    customer=customer(owner),
                    start_time=today,
                )
            ),
            way(
                expect(
                    "query_request_logs",
                    optional=("start_time",),
                    customer=customer(owner),
                    status_class=["4xx"],
                    start_time=today,
                )
            ),
        ),
        max_turns=4,
        outcome=outcome(
            facts=[
                fact("the number of 401s", len(rejected)),
                fact("the key", key_id, facts.fixtures.key_by_id[key_id].name),
                fact("the error", error, error.replace("_", " ")),
            ]
        ),
    )
    answer = (
        f"Nimbus Prints got {len(rejected)} 401 responses today, all on key {key_id} with the "
        f"error {error}."
    )
    return task, reference(
        [
            call(
                "query_request_logs",
                customer=owner.name,
                status=401,
                start_time=_midnight(facts.today),
            )
        ],
        answer=answer,
    )


def _m05(facts: Facts) -> Solved:
    hook = facts.webhook_of("Juniper Kids")
    failed = facts.deliveries(hook, "failed")
    errors = {a.error for d in failed for a in d.attempts if a.error}
    assert errors == {"timeout after 10 s"}, errors
    task = tool_task(
        "AI_M05",
        MEDIUM,
        "A customer's failed webhook deliveries",
        [
            "junipr kids webhook failing? how many dead, why",
            "juniper webhook - how many failed deliveries + why",
            "how many juniper kids webhook deliveries failed for good + why",
            "How many of Juniper Kids' webhook deliveries have failed completely, and why?",
            "Juniper Kids says they're missing webhook events. How many deliveries failed for "
            "good, and what went wrong?",
            "Juniper Kids is missing events. Can you see how many of their webhook deliveries "
            "gave up after all retries, and what error their receiver gave?",
            "Please check Juniper Kids' webhook: how many deliveries have failed after all "
            "their attempts, which ones, and what error the attempts got.",
            "For Juniper Kids' webhook subscription, list the deliveries that ended as failed "
            "(every retry spent), with their ids, and the error their attempts got.",
            "Find Juniper Kids' webhook and report its deliveries whose status is failed (all "
            "six attempts used): how many, their delivery ids, and the attempts' error.",
            "Ticket: Juniper Kids (CUS-112) missing webhook events. Output: the number of "
            "deliveries that failed permanently (all six attempts spent), their delivery ids "
            "(DLV-nnnnn) and the error the attempts got.",
        ],
        [
            expect("list_webhooks", customer=customer(facts.customer("Juniper Kids"))),
            expect(
                "get_webhook_deliveries",
                optional=("status",),
                webhook_id=[hook.id],
                status=["failed"],
            ),
        ],
        order=(("list_webhooks", "get_webhook_deliveries"),),
        max_turns=5,
        outcome=outcome(
            facts=[
                fact("the number of failed deliveries", len(failed)),
                fact("the error", "timeout", "timed out", "time out", "timing out"),
            ]
        ),
    )
    ids = ", ".join(d.id for d in failed)
    answer = (
        f"Juniper Kids' webhook {hook.id} has {len(failed)} deliveries that failed after all "
        f"six attempts: {ids}. Every attempt timed out (timeout after 10 s): their receiver "
        "is not answering."
    )
    return task, reference(
        [
            call("list_webhooks", customer="Juniper Kids"),
        ],
        [call("get_webhook_deliveries", webhook_id=hook.id, status="failed")],
        answer=answer,
    )


def _m06(facts: Facts) -> Solved:
    owner = facts.customer("Brightcart")
    day = facts.yesterday
    counts = facts.requests_by_key(owner, *facts.day(day))
    (top, made), second = counts[0], counts[1]
    assert made > second[1], "one key clearly busiest"
    billed = facts.billed_on(top, day)
    task = tool_task(
        "AI_M06",
        MEDIUM,
        "A customer's busiest key of a day",
        [
            "brightcarts busiest key yday + how many reqs",
            "which brightcart key did most reqs yesterday, how many",
            "bright cart - top key by requests yesterday? + count",
            "Which of Brightcart's keys made the most requests yesterday, and how many?",
            "Which Brightcart key was busiest yesterday? Give me the request count.",
            "Brightcart wants to know which of their integrations is the heaviest. Which of "
            "their keys sent the most requests yesterday?",
            "Please find the Brightcart API key with the most requests on 17 March 2026 (UTC) "
            "and tell me how many it made.",
            "For Brightcart, over the UTC day 2026-03-17, which API key made the most requests, "
            "and how many did it make?",
            "For customer Brightcart, count requests per API key over 2026-03-17 00:00 to 24:00 "
            "UTC and report the busiest key's id, name and request count.",
            "Ticket: Brightcart (CUS-101) traffic split for 2026-03-17 (UTC day). Output: the "
            "key with the most requests as key id, key name and request count.",
        ],
        [
            expect(
                "get_traffic_stats",
                group_by=["key"],
                customer=customer(owner),
                **_day_window(day),
            )
        ],
        alternatives=(way(expect("get_usage", breakdown=["day"], customer=customer(owner))),),
        max_turns=4,
        outcome=outcome(
            facts=[
                fact("the busiest key", top.id),
                fact("its requests", *sorted({made, billed})),
            ]
        ),
    )
    answer = (
        f"Brightcart's busiest key on {day.isoformat()} was {top.id} ({top.name}) with "
        f"{made} requests."
    )
    return task, reference(
        [
            call(
                "get_traffic_stats",
                group_by="key",
                customer=owner.name,
                start_time=_midnight(day),
                end_time=_midnight(day + dt.timedelta(days=1)),
            )
        ],
        answer=answer,
    )
