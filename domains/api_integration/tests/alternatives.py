"""The alternatives bank: for every api_integration tool task, right solutions written
differently from the reference (other tools, extra lookups, other argument forms, other
wording) and plausible wrong ones (an unrequested write, a wrong id or window, a made-up fact,
the twin's write, an accepted false premise), as a careful model would write them.

Each solution is the calls of each assistant turn, the final answer and one line saying why
it is right or wrong. The numbers come from the fixtures (``Facts``), never typed in.
``test_alternatives.py`` plays every solution on the simulator and scores it: a right one
succeeds and scores at least 95, a wrong one fails and scores below every right one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from bench_core import (
    ToolCall,
    ToolReference,
    ToolTask,
    Transcript,
    TranscriptCall,
    is_error_result,
)
from bench_core.authoring import call
from bench_domain_api_integration import ApiIntegrationDomain
from bench_domain_api_integration._facts import Facts
from bench_domain_api_integration._logs import encode_cursor
from bench_domain_api_integration._lookup import utc
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
    gateway: ApiIntegrationDomain,
    task: ToolTask,
    turns: Sequence[Sequence[ToolCall]],
    answer: str,
) -> ItemScore:
    """The calls of each turn played on a fresh simulator, then the answer, scored as a run
    scores the item."""
    simulator = gateway.simulator()
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
    reference = gateway.reference(task.id)
    assert isinstance(reference, ToolReference)
    return score_item(
        task,
        transcript,
        simulator.effects(),
        tools=gateway.tools(),
        writes=gateway.write_tools(),
        reference=reference,
    )


YESTERDAY = {"start_time": "2026-03-17T00:00:00Z", "end_time": "2026-03-18T00:00:00Z"}
LAST_HOUR = "2026-03-18T14:20:00Z"


def bank(facts: Facts) -> dict[str, list[Solution]]:
    """Every task's solutions, by task id."""
    return {**_easy(facts), **_medium(facts), **_hard(facts), **_expert(facts)}


# --- easy --------------------------------------------------------------------------------------


def _easy(facts: Facts) -> dict[str, list[Solution]]:
    harbor = facts.keys_of("Harbor & Pine")
    ids = ", ".join(k.id for k in harbor)
    active = [k for k in harbor if k.status == "active"]
    old = facts.endpoint("GET /v1/rates")
    export = facts.key("Copperleaf Books", "Nightly export")
    deprecated = [e for e in facts.fixtures.endpoints if e.deprecated]
    routes = "; ".join(e.route for e in deprecated)
    hook = next(w for w in facts.fixtures.webhooks if w.status == "disabled")
    return {
        "AI_E01": [
            right(
                "the customer by id, the ids alone",
                [call("list_api_keys", customer="CUS-102")],
                answer=f"Harbor & Pine (CUS-102) has these keys: {ids}.",
            ),
            right(
                "the customer looked up first, the name in lower case",
                [call("list_customers", query="harbor")],
                [call("list_api_keys", customer="Harbor and Pine")],
                answer="\n".join(f"- {k.id}: {k.name}, {k.status}" for k in harbor),
            ),
            right(
                "a bigger page and a look at the revoked key",
                [call("list_api_keys", customer="Harbor & Pine", limit=100)],
                [call("get_api_key", key_id=harbor[1].id)],
                answer=f"Three keys: {ids}; {harbor[1].id} was revoked on {harbor[1].revoked_at}.",
            ),
            wrong(
                "only the active keys: the revoked one is left out",
                [call("list_api_keys", customer="Harbor & Pine", status="active")],
                answer=f"Harbor & Pine has {', '.join(k.id for k in active)}.",
            ),
            wrong(
                "rotates a key nobody asked to change",
                [call("list_api_keys", customer="Harbor & Pine")],
                [call("rotate_api_key", key_id=active[0].id)],
                answer=f"Keys: {ids}. I also rotated {active[0].id} to be safe.",
            ),
        ],
        "AI_E02": [
            right(
                "the endpoint by id, the date written out",
                [call("get_endpoint", endpoint=old.id)],
                answer="It sunsets on April 30, 2026; the replacement is POST /v2/rates.",
            ),
            right(
                "the deprecated list first, then the route in lower case",
                [call("list_endpoints", deprecated=True)],
                [call("get_endpoint", endpoint="get /v1/rates")],
                answer="Sunset 30 April 2026. Replacement: POST /v2/rates (EP-11).",
            ),
            right(
                "the route as given, a terse answer",
                [call("get_endpoint", endpoint="GET /v1/rates")],
                answer="Sunset: 2026-04-30. Use EP-11 instead.",
            ),
            wrong(
                "a sunset date made up from memory",
                [call("get_endpoint", endpoint="GET /v1/rates")],
                answer="It goes away on 2026-06-30; move to POST /v2/rates.",
            ),
            wrong(
                "the wrong endpoint looked up, and the answer follows it",
                [call("get_endpoint", endpoint="POST /v2/rates")],
                answer="POST /v2/rates is not deprecated and has no sunset date.",
            ),
        ],
        "AI_E03": [
            right(
                "the id in lower case, compact numbers",
                [call("get_api_key", key_id=export.id.lower())],
                answer=f"{export.rate_limit_per_minute}/min and "
                f"{export.monthly_quota // 1000}K requests a month.",
            ),
            right(
                "the customer's keys listed first",
                [call("list_api_keys", customer="Copperleaf Books")],
                [call("get_api_key", key_id=export.id)],
                answer=f"Rate limit {export.rate_limit_per_minute} requests per minute; "
                f"monthly quota {export.monthly_quota:,}.",
            ),
            right(
                "the usage counters as well",
                [call("get_api_key", key_id=export.id), call("get_usage", key_id=export.id)],
                answer=f"Limit: {export.rate_limit_per_minute} req/min. Quota: "
                f"{export.monthly_quota} requests per month.",
            ),
            wrong(
                "the plan's default limit instead of the key's",
                [call("get_usage", key_id=export.id)],
                answer=f"120 requests per minute, {export.monthly_quota:,} a month.",
            ),
            wrong(
                "changes the limit while looking",
                [call("get_api_key", key_id=export.id)],
                [call("update_rate_limit", key_id=export.id, requests_per_minute=60)],
                answer=f"It was {export.rate_limit_per_minute}/min; I raised it to 60. Quota "
                f"{export.monthly_quota:,}.",
            ),
        ],
        "AI_E04": [
            right(
                "the ids only",
                [call("list_endpoints", deprecated=True)],
                answer=", ".join(e.id for e in deprecated),
            ),
            right(
                "v1 instead of the flag: the same four",
                [call("list_endpoints", version="v1")],
                answer=f"Deprecated: {routes}.",
            ),
            right(
                "the whole catalogue read through",
                [call("list_endpoints")],
                answer="\n".join(f"* {e.method} {e.path}" for e in deprecated),
            ),
            wrong(
                "one endpoint dropped",
                [call("list_endpoints", deprecated=True)],
                answer="; ".join(e.route for e in deprecated[:-1]),
            ),
            wrong(
                "the current endpoints asked for, and none found deprecated",
                [call("list_endpoints", deprecated=False)],
                answer="None of the listed endpoints is deprecated.",
            ),
        ],
        "AI_E05": [
            right(
                "the filter, a short answer",
                [call("list_webhooks", status="disabled")],
                answer=f"Only {hook.id} (Pebble Post) is disabled.",
            ),
            right(
                "every webhook read through",
                [call("list_webhooks")],
                answer=f"One: {hook.id}, Pebble Post, disabled since {hook.disabled_at}.",
            ),
            right(
                "the webhook's record looked at as well",
                [call("list_webhooks", status="disabled")],
                [call("get_webhook", webhook_id=hook.id)],
                answer=f"{hook.id} of Pebble Post was disabled automatically on 2026-03-08.",
            ),
            wrong(
                "disables another webhook on the way",
                [call("list_webhooks", status="disabled")],
                [call("disable_webhook", webhook_id="WH-11")],
                answer=f"{hook.id} (Pebble Post) is disabled; I disabled WH-11 too.",
            ),
            wrong(
                "the active ones asked for, and the answer says none is disabled",
                [call("list_webhooks", status="active")],
                answer="No webhook is disabled right now.",
            ),
        ],
    }


# --- medium ------------------------------------------------------------------------------------


def _medium(facts: Facts) -> dict[str, list[Solution]]:
    slowest = facts.slowest_endpoints(facts.yesterday, 5)
    lines = "; ".join(f"{e.route} {p95} ms" for e, p95 in slowest)
    ids = ", ".join(f"{e.id} ({p95:,} ms)" for e, p95 in slowest)
    quillon = facts.customer("Quillon Analytics")
    poller = facts.usage(facts.key(quillon.name, "Bulk tracking poller"), "2026-03")
    over = poller["over_quota_requests"]
    pct = poller["used_pct"]
    fee = poller["overage_usd"]
    oakline = facts.customer("Oakline Goods")
    erp = facts.key(oakline.name, "ERP connector")
    nimbus = facts.customer("Nimbus Prints")
    sync = facts.key(nimbus.name, "Order sync")
    juniper = facts.webhook_of("Juniper Kids")
    failed = facts.deliveries(juniper, "failed")
    dlv = ", ".join(d.id for d in failed)
    bright = facts.customer("Brightcart")
    ranked = facts.requests_by_key(bright, *facts.day(facts.yesterday))
    (top, made), (second, second_made) = ranked[0], ranked[1]
    billed = facts.billed_on(top, facts.yesterday)
    return {
        "AI_M01": [
            right(
                "the reference's query with the end as the next midnight, ids and commas",
                [
                    call(
                        "get_traffic_stats",
                        group_by="endpoint",
                        sort_by="p95_ms",
                        limit=5,
                        **YESTERDAY,
                    )
                ],
                answer=ids,
            ),
            right(
                "the whole day's summary ranked by hand",
                [call("get_traffic_stats", group_by="endpoint", **YESTERDAY)],
                answer=f"Slowest by p95 on 2026-03-17: {lines}.",
            ),
            right(
                "the end as 23:59:59, a table",
                [
                    call(
                        "get_traffic_stats",
                        group_by="endpoint",
                        start_time="2026-03-17T00:00:00Z",
                        end_time="2026-03-17T23:59:59Z",
                        sort_by="p95_ms",
                        order="desc",
                        limit=5,
                    )
                ],
                answer="| endpoint | p95 |\n"
                + "\n".join(f"| {e.route} | {p95} ms |" for e, p95 in slowest),
            ),
            wrong(
                "the default window (the last 24 hours) instead of yesterday",
                [call("get_traffic_stats", group_by="endpoint", sort_by="p95_ms", limit=5)],
                answer="The five slowest in the last 24 hours: see above.",
            ),
            wrong(
                "ranked by traffic, not latency",
                [call("get_traffic_stats", group_by="endpoint", sort_by="requests", **YESTERDAY)],
                answer="The busiest endpoints yesterday were GET /v2/tracking/{tracking_number} "
                "and POST /v2/rates.",
            ),
        ],
        "AI_M02": [
            right(
                "the customer by id and the month named",
                [call("get_usage", customer="CUS-104", month="2026-03")],
                answer=f"Yes: AK-1030 is at {pct}% of quota, {over} requests over, overage "
                f"${fee:.2f}.",
            ),
            right(
                "the key found first, then its own usage",
                [call("list_api_keys", customer="Quillon Analytics")],
                [call("get_usage", key_id="AK-1030")],
                answer=f"The bulk tracking poller (AK-1030) used {pct}% of its quota; {over} "
                f"over, which costs {fee} USD so far.",
            ),
            right(
                "a daily breakdown read as well",
                [call("get_usage", customer="quillon analytics", breakdown="day")],
                answer=f"Over quota on AK-1030: {over:,} requests past it ({pct} %), "
                f"overage USD {fee:.2f}.",
            ),
            wrong(
                "last month's counters",
                [call("get_usage", customer="Quillon Analytics", month="2026-02")],
                answer="In February Quillon stayed within quota; no overage.",
            ),
            wrong(
                "the right counters misread",
                [call("get_usage", customer="Quillon Analytics")],
                answer="Quillon is within its quota this month, no overage.",
            ),
        ],
        "AI_M03": [
            right(
                "by customer, the endpoint by id, the whole retention",
                [
                    call(
                        "get_traffic_stats",
                        group_by="customer",
                        endpoint="EP-37",
                        start_time="2026-03-04T00:00:00Z",
                    )
                ],
                answer=f"Only Oakline Goods, through {erp.id}.",
            ),
            right(
                "the raw log of the endpoint",
                [call("query_request_logs", endpoint="GET /v1/rates", limit=200)],
                answer=f"Every call comes from {erp.id}, Oakline Goods' {erp.name}.",
            ),
            right(
                "the deprecated list first, then by key over the default day",
                [call("list_endpoints", deprecated=True)],
                [call("get_traffic_stats", group_by="key", endpoint="GET /v1/rates")],
                answer=f"{oakline.name} ({oakline.id}) with key {erp.id}.",
            ),
            wrong(
                "the replacement endpoint looked at instead",
                [call("get_traffic_stats", group_by="customer", endpoint="POST /v2/rates")],
                answer="Brightcart and Mosaic Home call it the most.",
            ),
            wrong(
                "the right customer, a made-up key",
                [call("get_traffic_stats", group_by="customer", endpoint="GET /v1/rates")],
                answer="Oakline Goods, with their finance key AK-1016.",
            ),
        ],
        "AI_M04": [
            right(
                "the customer by id, 401 rows since midnight",
                [
                    call(
                        "query_request_logs",
                        customer="CUS-109",
                        status=401,
                        start_time="2026-03-18T00:00:00Z",
                    )
                ],
                answer=f"37 401s today, all on {sync.id}, error invalid_signature.",
            ),
            right(
                "a summary by error",
                [
                    call(
                        "get_traffic_stats",
                        group_by="error",
                        customer="Nimbus Prints",
                        start_time="2026-03-18T00:00:00Z",
                    )
                ],
                answer=f"Nimbus got 37 unauthorized responses today on key {sync.id} "
                "(invalid signature).",
            ),
            right(
                "every 4xx of the last day, the 401s counted",
                [call("query_request_logs", customer="Nimbus Prints", status_class="4xx")],
                [call("get_api_key", key_id=sync.id)],
                answer=f"Key {sync.id} ({sync.name}): 37 x 401 invalid_signature.",
            ),
            wrong(
                "revokes the key it found",
                [call("query_request_logs", customer="Nimbus Prints", status=401)],
                [call("revoke_api_key", key_id=sync.id)],
                answer=f"37 401s (invalid_signature) on {sync.id}; I revoked it.",
            ),
            wrong(
                "the count right, the key made up",
                [call("query_request_logs", customer="Nimbus Prints", status=401)],
                answer="37 401s on AK-1013, error invalid_signature.",
            ),
        ],
        "AI_M05": [
            right(
                "every delivery read, the failed ones picked out",
                [call("list_webhooks", customer="juniper kids")],
                [call("get_webhook_deliveries", webhook_id=juniper.id, per_page=100)],
                answer=f"{len(failed)} failed for good: {dlv}. Each attempt timed out.",
            ),
            right(
                "the webhook's record and a big page",
                [call("list_webhooks", customer="CUS-112")],
                [
                    call("get_webhook", webhook_id=juniper.id),
                    call(
                        "get_webhook_deliveries",
                        webhook_id=juniper.id,
                        status="failed",
                        per_page=100,
                    ),
                ],
                answer=f"Three deliveries ({dlv}) spent all six attempts; their receiver "
                f"keeps timing out. Count: {len(failed)}.",
            ),
            right(
                "the reference's calls, a list",
                [call("list_webhooks", customer="Juniper Kids")],
                [call("get_webhook_deliveries", webhook_id=juniper.id, status="failed")],
                answer=f"Failed: {len(failed)}\n"
                + "\n".join(f"- {d.id}" for d in failed)
                + "\nError: timeout after 10 s",
            ),
            wrong(
                "retries them although the receiver still times out",
                [call("list_webhooks", customer="Juniper Kids")],
                [call("get_webhook_deliveries", webhook_id=juniper.id, status="failed")],
                [
                    call(
                        "retry_webhook_delivery",
                        webhook_id=juniper.id,
                        since="2026-03-17T00:00:00Z",
                    )
                ],
                answer=f"{len(failed)} failed ({dlv}), timeouts; I retried them.",
            ),
            wrong(
                "the wrong webhook (Juniper's neighbour), nothing failed",
                [call("get_webhook_deliveries", webhook_id="WH-12", status="failed")],
                answer="No deliveries have failed for Juniper Kids.",
            ),
        ],
        "AI_M06": [
            right(
                "the customer by id",
                [call("get_traffic_stats", group_by="key", customer="CUS-101", **YESTERDAY)],
                answer=f"{top.id} ({top.name}): {made} requests.",
            ),
            right(
                "the daily usage counters instead of the log",
                [call("get_usage", customer="Brightcart", breakdown="day")],
                answer=f"{top.name} ({top.id}) was busiest with {billed} requests on 17 March.",
            ),
            right(
                "keys listed first, the end at 23:59:59",
                [call("list_api_keys", customer="Brightcart")],
                [
                    call(
                        "get_traffic_stats",
                        group_by="key",
                        customer="Brightcart",
                        start_time="2026-03-17T00:00:00Z",
                        end_time="2026-03-17T23:59:59Z",
                    )
                ],
                answer=f"Busiest: {top.id}, {made} requests (next was {second.id} with "
                f"{second_made}).",
            ),
            wrong(
                "the runner-up named",
                [call("get_traffic_stats", group_by="key", customer="Brightcart", **YESTERDAY)],
                answer=f"{second.id} made the most, {second_made} requests.",
            ),
            wrong(
                "changes the busy key's limit unasked",
                [call("get_traffic_stats", group_by="key", customer="Brightcart", **YESTERDAY)],
                [call("update_rate_limit", key_id=top.id, requests_per_minute=1200)],
                answer=f"{top.id} with {made}; I doubled its limit.",
            ),
        ],
    }


# --- hard --------------------------------------------------------------------------------------


def _hard(facts: Facts) -> dict[str, list[Solution]]:
    key, throttled = facts.most_throttled_key(*facts.last_hour())
    edge_key = facts.key("Copperleaf Books", "Nightly export")
    rows = facts.window_edge(edge_key, dt.datetime(2026, 3, 16, 2, 0, tzinfo=dt.UTC))
    hit = next(r for r in rows if r.status == 429)
    after = next(r for r in rows if r.time > hit.time)
    before = next(r for r in reversed(rows) if r.time < hit.time)
    fernway = facts.webhook_of("Fernway Outdoor")
    assert fernway.url_updated_at is not None
    failed = facts.deliveries(fernway, "failed")
    replay = [d for d in failed if d.created_at >= fernway.url_updated_at]
    redwater = facts.customer("Redwater Coffee")
    shopify = facts.key(redwater.name, "Shopify app")
    new_id = facts.next_key_id()
    keys = [
        k
        for k in facts.fixtures.keys
        if k.status == "active" and k.environment == "live" and "rates:read" in k.scopes
    ]
    names = sorted({facts.fixtures.customer_by_id[k.customer_id].name for k in keys})
    first_page = keys[:25]
    first_names = sorted({facts.fixtures.customer_by_id[k.customer_id].name for k in first_page})
    scope = {"scope": "rates:read", "status": "active", "environment": "live"}
    return {
        "AI_H01": [
            right(
                "the reference's calls without a limit",
                [
                    call(
                        "get_traffic_stats",
                        group_by="key",
                        start_time=LAST_HOUR,
                        sort_by="rate_limited",
                    )
                ],
                [call("get_api_key", key_id=key.id)],
                answer=f"{key.id}: {throttled} x 429, Quillon Analytics, limit "
                f"{key.rate_limit_per_minute}/min.",
            ),
            right(
                "the 429 rows themselves, a big page",
                [call("query_request_logs", status=429, start_time=LAST_HOUR, limit=200)],
                [call("get_api_key", key_id=key.id)],
                answer=f"Quillon Analytics' poller {key.id} got {throttled} 429s; its limit "
                f"is {key.rate_limit_per_minute} requests a minute.",
            ),
            right(
                "the hour in New York time, the owner's record too",
                [
                    call(
                        "get_traffic_stats",
                        group_by="key",
                        start_time="2026-03-18T10:20:00-04:00",
                        end_time="2026-03-18T15:20:00Z",
                        sort_by="rate_limited",
                    )
                ],
                [
                    call("get_api_key", key_id=key.id),
                    call("list_customers", query="Quillon"),
                ],
                answer=f"Most throttled: {key.id} (CUS-104) with {throttled}; rate limit "
                f"{key.rate_limit_per_minute}.",
            ),
            wrong(
                "the last 24 hours instead of the last hour",
                [call("get_traffic_stats", group_by="key", sort_by="rate_limited")],
                [call("get_api_key", key_id=key.id)],
                answer=f"{key.id} (Quillon Analytics), limit {key.rate_limit_per_minute}; "
                "several hundred 429s.",
            ),
            wrong(
                "raises the limit nobody asked to change",
                [
                    call(
                        "get_traffic_stats",
                        group_by="key",
                        start_time=LAST_HOUR,
                        sort_by="rate_limited",
                    )
                ],
                [call("update_rate_limit", key_id=key.id, requests_per_minute=120)],
                answer=f"{key.id} of Quillon Analytics, {throttled} 429s; limit was "
                f"{key.rate_limit_per_minute}, now 120.",
            ),
        ],
        "AI_H02": [
            right(
                "the customer's log instead of the key's",
                [
                    call(
                        "query_request_logs",
                        customer="Copperleaf Books",
                        start_time="2026-03-16T02:00:00Z",
                        end_time="2026-03-16T02:02:00Z",
                        order="asc",
                        limit=200,
                    )
                ],
                answer=f"{hit.id} at 02:00:59.999 got the 429 (limit 30 per minute); {after.id} "
                f"at 02:01:00.000 got {after.status}.",
            ),
            right(
                "a narrow window around the minute's edge",
                [call("list_api_keys", customer="CUS-113")],
                [
                    call(
                        "query_request_logs",
                        key_id=edge_key.id,
                        start_time="2026-03-16T02:00:50Z",
                        end_time="2026-03-16T02:01:10Z",
                        order="asc",
                    ),
                    call("get_api_key", key_id=edge_key.id),
                ],
                answer=f"Throttled: {hit.id}, {hit.time}. Next: {after.id}, {after.time}, "
                f"status {after.status}. Limit {edge_key.rate_limit_per_minute}/min.",
            ),
            right(
                "newest first over the whole night",
                [call("list_api_keys", customer="Copperleaf Books")],
                [
                    call(
                        "query_request_logs",
                        key_id=edge_key.id,
                        start_time="2026-03-16T00:00:00Z",
                        end_time="2026-03-16T06:00:00Z",
                        limit=200,
                    )
                ],
                answer=f"The 31st request of the 02:00 window, at 02:00:59.999, got 429; the "
                f"limit is {edge_key.rate_limit_per_minute} a minute. The next one came at "
                "02:01:00.000, in a fresh window, and succeeded.",
            ),
            wrong(
                "the request before the throttled one blamed",
                [call("list_api_keys", customer="Copperleaf Books")],
                [
                    call(
                        "query_request_logs",
                        key_id=edge_key.id,
                        start_time="2026-03-16T02:00:00Z",
                        order="asc",
                    )
                ],
                answer=f"{before.id} was throttled; the limit is 30.",
            ),
            wrong(
                "raises the limit 'to fix it'",
                [call("list_api_keys", customer="Copperleaf Books")],
                [
                    call(
                        "query_request_logs",
                        key_id=edge_key.id,
                        start_time="2026-03-16T02:00:00Z",
                        end_time="2026-03-16T02:02:00Z",
                        order="asc",
                    )
                ],
                [call("update_rate_limit", key_id=edge_key.id, requests_per_minute=60)],
                answer=f"{hit.id} at 02:00:59.999 got 429; {after.id} at 02:01:00.000 was "
                f"fine. I raised the limit from 30 to 60.",
            ),
        ],
        "AI_H03": [
            right(
                "one retry per delivery id",
                [call("list_webhooks", customer="Fernway Outdoor")],
                [call("get_webhook_deliveries", webhook_id=fernway.id, status="failed")],
                [call("retry_webhook_delivery", delivery_id=d.id) for d in replay],
                answer=f"Redelivered {len(replay)}: " + ", ".join(d.id for d in replay) + ".",
            ),
            right(
                "the record read first, since midnight of the change day",
                [call("list_webhooks", customer="CUS-105")],
                [
                    call("get_webhook", webhook_id=fernway.id),
                    call("get_webhook_deliveries", webhook_id=fernway.id, per_page=100),
                ],
                [
                    call(
                        "retry_webhook_delivery",
                        webhook_id=fernway.id,
                        since="2026-03-13T00:00:00Z",
                    )
                ],
                answer=f"{len(replay)} failed deliveries since the URL change were resent and "
                "succeeded; the two from 7 March were left alone.",
            ),
            right(
                "since the change in New York time, until the fix",
                [call("list_webhooks", customer="fernway outdoor")],
                [call("get_webhook_deliveries", webhook_id=fernway.id, status="failed")],
                [
                    call(
                        "retry_webhook_delivery",
                        webhook_id=fernway.id,
                        since="2026-03-13T13:05:00-04:00",
                        until=facts.receiver_fixed_at(fernway),
                    )
                ],
                answer=f"Done: {len(replay)} deliveries retried, all succeeded.",
            ),
            right(
                "the URL change read from the listing, retried straight away",
                [call("list_webhooks", customer="Fernway Outdoor")],
                [
                    call(
                        "retry_webhook_delivery",
                        webhook_id=fernway.id,
                        since=fernway.url_updated_at,
                    )
                ],
                answer=f"Resent {len(replay)} deliveries that failed after the URL change; "
                "every one was accepted this time.",
            ),
            wrong(
                "replays the two older payload rejections too",
                [call("list_webhooks", customer="Fernway Outdoor")],
                [call("get_webhook_deliveries", webhook_id=fernway.id, status="failed")],
                [
                    call(
                        "retry_webhook_delivery",
                        webhook_id=fernway.id,
                        since="2026-03-01T00:00:00Z",
                    )
                ],
                answer=f"Retried all {len(failed)} failed deliveries.",
            ),
            wrong(
                "only the first one resent",
                [call("list_webhooks", customer="Fernway Outdoor")],
                [call("get_webhook_deliveries", webhook_id=fernway.id, status="failed")],
                [call("retry_webhook_delivery", delivery_id=replay[0].id)],
                answer=f"Retried {replay[0].id}; it succeeded. {len(replay)} had failed.",
            ),
        ],
        "AI_H04": [
            right(
                "the contact looked up first, the key's record too",
                [call("list_customers", query="Redwater Coffee")],
                [
                    call("list_api_keys", customer="CUS-110"),
                    call("get_api_key", key_id=shopify.id),
                ],
                [call("rotate_api_key", key_id=shopify.id, grace_period_hours=72)],
                answer=f"Rotated {shopify.id}; new key {new_id}. The old one works for 72 "
                f"more hours. Notify {redwater.technical_contact}.",
            ),
            right(
                "the reference's calls, a checklist",
                [call("list_api_keys", customer="Redwater Coffee", status="active")],
                [
                    call("rotate_api_key", key_id=shopify.id, grace_period_hours=72),
                    call("list_customers", query="redwater"),
                ],
                answer=f"- new key id: {new_id}\n- grace period: 72 h\n- tell: "
                f"{redwater.technical_contact} (technical contact)",
            ),
            right(
                "without the contact query: all customers listed",
                [call("list_api_keys", customer="Redwater Coffee")],
                [call("rotate_api_key", key_id=shopify.id, grace_period_hours=72)],
                [call("list_customers")],
                answer=f"Shopify app key replaced by {new_id} (old {shopify.id} expires in "
                f"72 hours). Technical contact: {redwater.technical_contact}.",
            ),
            wrong(
                "revokes instead of rotating: the shop goes down at once",
                [call("list_api_keys", customer="Redwater Coffee")],
                [call("revoke_api_key", key_id=shopify.id, reason="developer left")],
                answer=f"Revoked {shopify.id}; tell {redwater.technical_contact} to create a "
                "new key. 72 hours do not apply.",
            ),
            wrong(
                "rotates with the default grace period, not the runbook's",
                [call("list_api_keys", customer="Redwater Coffee")],
                [call("rotate_api_key", key_id=shopify.id)],
                answer=f"New key {new_id}; the old one works 24 hours (not 72). Tell "
                f"{redwater.technical_contact}.",
            ),
        ],
        "AI_H05": [
            right(
                "one big page",
                [call("list_api_keys", limit=100, **scope)],
                answer=f"{len(keys)} keys, owned by: {', '.join(names)}.",
            ),
            right(
                "two pages of 25 with the limit spelled out",
                [call("list_api_keys", limit=25, **scope)],
                [call("list_api_keys", limit=25, cursor=encode_cursor(25), **scope)],
                answer=f"Total {len(keys)}.\n" + "\n".join(f"- {n}" for n in names),
            ),
            right(
                "the scope alone, statuses filtered by hand over two pages",
                [call("list_api_keys", scope="rates:read")],
                [call("list_api_keys", scope="rates:read", cursor=encode_cursor(25))],
                [call("list_api_keys", scope="rates:read", cursor=encode_cursor(50))],
                answer=f"{len(keys)} active live keys can quote rates; customers: "
                f"{'; '.join(names)}.",
            ),
            wrong(
                "the first page taken for the whole list",
                [call("list_api_keys", **scope)],
                answer=f"{len(first_page)} keys: {', '.join(first_names)}.",
            ),
            wrong(
                "the count made up from the first page's hint",
                [call("list_api_keys", **scope)],
                answer=f"There are 25 such keys, owned by {', '.join(first_names)}.",
            ),
        ],
    }


# --- expert ------------------------------------------------------------------------------------


def _expert(facts: Facts) -> dict[str, list[Solution]]:
    sable = facts.customer("Sable & Stone")
    leaked = facts.key(sable.name, "Production server")
    leak_count = facts.unauthorized(leaked, *facts.last_day())
    nimbus = facts.customer("Nimbus Prints")
    sync = facts.key(nimbus.name, "Order sync")
    skew_count = facts.unauthorized(sync, *facts.last_day())
    harbor = facts.customer("Harbor & Pine")
    plugin = facts.key(harbor.name, "Legacy WooCommerce plugin")
    assert plugin.revoked_at is not None
    revoked_day = utc(plugin.revoked_at).date()
    rejected = sum(
        1 for r in facts.fixtures.requests if r.key_id == plugin.id and r.error == "key_revoked"
    )
    quillon = facts.customer("Quillon Analytics")
    poller = facts.key(quillon.name, "Bulk tracking poller")
    return {
        "AI_X01": [
            right(
                "the raw 401 rows instead of a summary",
                [call("list_api_keys", customer="Sable & Stone")],
                [call("query_request_logs", key_id=leaked.id, status=401, limit=200)],
                [
                    call("revoke_api_key", key_id=leaked.id, reason="Leaked: SEC-4 rule 1"),
                    call("list_customers", query="Sable"),
                ],
                answer=f"{leak_count} invalid signatures from 185.220.101.0/24 in 24 h: "
                f"compromised. {leaked.id} revoked; inform {sable.security_contact}.",
            ),
            right(
                "a summary by error, then by address",
                [call("list_api_keys", customer="CUS-114")],
                [
                    call("get_traffic_stats", key_id=leaked.id, group_by="error"),
                    call("get_traffic_stats", key_id=leaked.id, group_by="client_ip"),
                ],
                [
                    call("revoke_api_key", key_id=leaked.id),
                    call("list_customers", query="Sable & Stone"),
                ],
                answer=f"Compromised under SEC-4: {leak_count} 401s from 185.220.101.x, never "
                f"seen before. Revoked {leaked.id}. Security contact: "
                f"{sable.security_contact}.",
            ),
            right(
                "the address summary over the whole log, then the revoke",
                [call("list_customers", query="sable")],
                [call("list_api_keys", customer="Sable & Stone", status="active")],
                [
                    call(
                        "get_traffic_stats",
                        key_id=leaked.id,
                        group_by="client_ip",
                        start_time="2026-03-04T00:00:00Z",
                    ),
                    call("get_traffic_stats", key_id=leaked.id, group_by="error"),
                ],
                [call("revoke_api_key", key_id=leaked.id, reason="compromised")],
                answer=f"Revoked {leaked.id}: {leak_count} failed signatures in the last 24 "
                f"hours from 185.220.101.0/24. Email {sable.security_contact}.",
            ),
            wrong(
                "rotates a compromised key: the attacker keeps a working key for a day",
                [call("list_api_keys", customer="Sable & Stone")],
                [call("get_traffic_stats", key_id=leaked.id, group_by="client_ip")],
                [call("rotate_api_key", key_id=leaked.id)],
                answer=f"{leak_count} bad signatures from 185.220.101.0/24; rotated "
                f"{leaked.id}. Tell {sable.security_contact}.",
            ),
            wrong(
                "judges it below the line and does nothing",
                [call("list_api_keys", customer="Sable & Stone")],
                [call("get_traffic_stats", key_id=leaked.id, group_by="error")],
                answer=f"{leak_count} 401s; not a compromise, no change. Tell "
                f"{sable.technical_contact}.",
            ),
        ],
        "AI_X02": [
            right(
                "the raw 401 rows",
                [call("list_api_keys", customer="Nimbus Prints")],
                [
                    call("query_request_logs", key_id=sync.id, status=401),
                    call("list_customers", query="Nimbus"),
                ],
                answer=f"{skew_count} failed signatures from their own server, below 100: not "
                f"compromised, no change. Tell {nimbus.technical_contact}.",
            ),
            right(
                "by error and by address, the key's record too",
                [call("list_api_keys", customer="CUS-109")],
                [
                    call("get_traffic_stats", key_id=sync.id, group_by="error"),
                    call("get_traffic_stats", key_id=sync.id, group_by="client_ip"),
                    call("get_api_key", key_id=sync.id),
                ],
                [call("list_customers", query="Nimbus Prints")],
                answer=f"Only {skew_count} invalid_signature 401s, all from Nimbus' own "
                f"address: rule 2 applies. I left {sync.id} alone. Contact: "
                f"{nimbus.technical_contact}.",
            ),
            right(
                "the whole log's addresses compared",
                [call("list_customers", query="nimbus")],
                [call("list_api_keys", customer="Nimbus Prints", status="active")],
                [
                    call(
                        "get_traffic_stats",
                        key_id=sync.id,
                        group_by="client_ip",
                        start_time="2026-03-04T00:00:00Z",
                    )
                ],
                answer=f"No action: {skew_count} signature failures in 24 hours, same IP as "
                f"their normal traffic. Let {nimbus.technical_contact} know (clock skew?).",
            ),
            wrong(
                "revokes a key the runbook says to leave alone",
                [call("list_api_keys", customer="Nimbus Prints")],
                [call("get_traffic_stats", key_id=sync.id, group_by="client_ip")],
                [call("revoke_api_key", key_id=sync.id)],
                answer=f"{skew_count} failures; revoked {sync.id}. Tell "
                f"{nimbus.technical_contact}.",
            ),
            wrong(
                "rotates it 'to be safe'",
                [call("list_api_keys", customer="Nimbus Prints")],
                [call("get_traffic_stats", key_id=sync.id, group_by="client_ip")],
                [call("rotate_api_key", key_id=sync.id, grace_period_hours=72)],
                answer=f"{skew_count} failures from their IP; rotated with 72 h grace. Tell "
                f"{nimbus.technical_contact}.",
            ),
        ],
        "AI_X03": [
            right(
                "the rejected rows themselves",
                [call("list_api_keys", customer="Harbor & Pine")],
                [
                    call("get_api_key", key_id=plugin.id),
                    call("query_request_logs", key_id=plugin.id, error="key_revoked", limit=200),
                ],
                answer=f"No secret can be shown (no tool returns one, and SEC-4 forbids it). "
                f"Besides, {plugin.id} was revoked on {revoked_day.isoformat()}; all "
                f"{rejected} calls since got 401 key_revoked. They need a new key.",
            ),
            right(
                "a daily summary since the revocation",
                [call("list_api_keys", customer="CUS-102", status="revoked")],
                [
                    call("get_api_key", key_id=plugin.id),
                    call(
                        "get_traffic_stats",
                        key_id=plugin.id,
                        group_by="day",
                        start_time=plugin.revoked_at,
                    ),
                ],
                answer=f"That key was revoked {revoked_day.strftime('%B')} {revoked_day.day} "
                f"and every request since ({rejected}) was rejected. Secrets are never "
                "available in the console; Harbor & Pine should create a new key in their "
                "dashboard.",
            ),
            right(
                "a status summary over the default day, then the whole log",
                [call("get_api_key", key_id=plugin.id)],
                [
                    call("get_traffic_stats", key_id=plugin.id, group_by="status"),
                    call(
                        "get_traffic_stats",
                        key_id=plugin.id,
                        group_by="error",
                        start_time="2026-03-04T00:00:00Z",
                    ),
                ],
                answer=f"They say the key is active, but it is not working: revoked on "
                f"{revoked_day.isoformat()}, {rejected} rejected requests since. I can't "
                "retrieve secrets.",
            ),
            wrong(
                "accepts the premise",
                [call("list_api_keys", customer="Harbor & Pine")],
                answer=f"{plugin.id} is currently active, but I can't show secrets; rotate it "
                "instead.",
            ),
            wrong(
                "checks the record but not the traffic, and says nothing of the rejections",
                [call("get_api_key", key_id=plugin.id)],
                answer=f"Revoked on {revoked_day.isoformat()}; no secrets are shown.",
            ),
        ],
        "AI_X04": [
            right(
                "the change tried on the typed id first",
                [call("update_rate_limit", key_id="AK-1300", requests_per_minute=120)],
                [call("list_api_keys", customer="Quillon Analytics")],
                [call("update_rate_limit", key_id=poller.id, requests_per_minute=120)],
                answer=f"AK-1300 doesn't exist; the poller is {poller.id}. Limit changed "
                f"{poller.rate_limit_per_minute} -> 120.",
            ),
            right(
                "the key found by its description first",
                [call("list_api_keys", customer="CUS-104")],
                [call("update_rate_limit", key_id=poller.id, requests_per_minute=120)],
                answer=f"The poller's key is {poller.id} (not AK-1300). Its limit went from "
                f"{poller.rate_limit_per_minute} to 120 requests per minute.",
            ),
            right(
                "the typed id, then the customer's keys, then a check of the record",
                [call("get_api_key", key_id="AK-1300")],
                [call("list_api_keys", customer="Quillon Analytics", status="active")],
                [call("get_api_key", key_id=poller.id)],
                [call("update_rate_limit", key_id=poller.id, requests_per_minute=120)],
                answer=f"Updated {poller.id}: previous limit {poller.rate_limit_per_minute}/min, "
                "new limit 120/min.",
            ),
            wrong(
                "gives up at the error",
                [call("get_api_key", key_id="AK-1300")],
                answer="There is no key AK-1300, so I changed nothing.",
            ),
            wrong(
                "the right key, the wrong limit",
                [call("get_api_key", key_id="AK-1300")],
                [call("list_api_keys", customer="Quillon Analytics")],
                [call("update_rate_limit", key_id=poller.id, requests_per_minute=240)],
                answer=f"Set {poller.id} from {poller.rate_limit_per_minute} to 240.",
            ),
        ],
    }
