"""Hard tasks: two or three calls where a later call needs a value read from an earlier
result (a key id, a webhook id, a cursor), and a write the runbook shapes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bench_core import Difficulty

from ._expect import (
    Solved,
    call,
    customer,
    expect,
    fact,
    moment,
    outcome,
    reference,
    text,
    tool_task,
    way,
    wrote,
)
from ._facts import Facts
from ._logs import encode_cursor
from ._lookup import utc
from ._policy import ROTATION_GRACE_HOURS

HARD = Difficulty.HARD

PAGE = 25
"""The default page of a key listing."""


def hard_tasks(facts: Facts) -> list[Solved]:
    """AI_H01-AI_H05."""
    return [_h01(facts), _h02(facts), _h03(facts), _h04(facts), _h05(facts)]


def _h01(facts: Facts) -> Solved:
    start, end = facts.last_hour()
    key, throttled = facts.most_throttled_key(start, end)
    owner = facts.fixtures.customer_by_id[key.customer_id]
    since = moment(start)
    task = tool_task(
        "AI_H01",
        HARD,
        "The key throttled most in the last hour, its owner and its limit",
        [
            "which key got 429d the most last hr, how many, whose, limit?",
            "most rate limited key past hour? count, owner, limit",
            "which key got throttled most in the last hour (how many times), whose is it, whats "
            "the limit",
            "Which key got the most 429s in the last hour? Who owns it and what's its limit?",
            "Which API key has been rate-limited most over the past hour, which customer is "
            "it, and what's its per-minute limit?",
            "We're seeing a lot of 429s. Which key got the most of them in the last hour, "
            "which customer owns it, and what is its rate limit?",
            "Please find the API key with the most rate-limited (429) responses in the last "
            "hour, and tell me its owner and its rate limit per minute.",
            "Over the last hour (14:20 to 15:20 UTC today), which API key received the most "
            "HTTP 429 responses? Give the count, the owning customer and the key's rate limit.",
            "For the window 2026-03-18 14:20 to 15:20 UTC, find the key with the most HTTP 429 "
            "responses; report its id, the number of 429s, the customer and the rate limit in "
            "requests per minute.",
            "Ticket: throttling review, window 2026-03-18 14:20-15:20 UTC. Output: the key with "
            "the most HTTP 429 responses (key id, 429 count), its customer, and its configured "
            "rate limit (requests/minute).",
        ],
        [
            expect(
                "get_traffic_stats",
                optional=("end_time", "sort_by"),
                group_by=["key"],
                start_time=since,
                end_time=moment(end),
                sort_by=["rate_limited"],
            ),
            expect("get_api_key", key_id=[key.id]),
        ],
        order=(("get_traffic_stats", "get_api_key"),),
        alternatives=(
            way(
                expect(
                    "query_request_logs",
                    optional=("end_time",),
                    status=[429],
                    start_time=since,
                    end_time=moment(end),
                ),
                expect("get_api_key", key_id=[key.id]),
                order=[("query_request_logs", "get_api_key")],
            ),
        ),
        max_turns=5,
        outcome=outcome(
            facts=[
                fact("the key", key.id),
                fact("its 429s", throttled),
                fact("the owner", owner.name, owner.id),
                fact("its rate limit", key.rate_limit_per_minute),
            ]
        ),
    )
    answer = (
        f"{key.id} ({key.name}) got the most 429s in the last hour: {throttled}. It belongs "
        f"to {owner.name}, and its rate limit is {key.rate_limit_per_minute} requests per "
        "minute."
    )
    return task, reference(
        [
            call(
                "get_traffic_stats",
                group_by="key",
                start_time=since[0],
                sort_by="rate_limited",
                limit=5,
            )
        ],
        [call("get_api_key", key_id=key.id)],
        answer=answer,
    )


EDGE = dt.datetime(2026, 3, 16, 2, 0, tzinfo=dt.UTC)


def _h02(facts: Facts) -> Solved:
    owner = facts.customer("Copperleaf Books")
    key = facts.key(owner.name, "Nightly export")
    rows = facts.window_edge(key, EDGE)
    throttled = [r for r in rows if r.status == 429]
    assert len(throttled) == 1, "one throttled request at the edge"
    hit = throttled[0]
    after = next(r for r in rows if r.time > hit.time)
    assert after.status != 429
    served = [r for r in rows if r.time < hit.time]

    def clock(text_: str) -> tuple[str, ...]:
        moment_ = utc(text_)
        return (
            moment_.strftime("%H:%M:%S.") + f"{moment_.microsecond // 1000:03d}",
            text_,
        )

    task = tool_task(
        "AI_H02",
        HARD,
        "A throttled request on a rate-limit window's edge",
        [
            "copperleaf nightly export got a 429 monday ~2am utc, they swear theyre under "
            "the limit. what happened",
            "copperlaf export 429 on 16 mar around 02:00 - which req, when exactly, limit, next "
            "one ok?",
            "copperleaf says their 2am export (mon 16th) got throttled for no reason. check - "
            "which req, its limit, what came next",
            "Copperleaf's nightly export got a 429 on Monday (16 March) around 02:00 UTC. "
            "Which request was it, when exactly, and what happened to the next one?",
            "Copperleaf Books claims their nightly export was throttled on the 16th at about "
            "2am UTC while under its limit. Which request was throttled, at what exact time, "
            "and was the next request fine?",
            "Copperleaf Books says their nightly export key got a 429 around 02:00 UTC on "
            "Monday 16 March. Find the throttled request, its exact time, how many requests "
            "came before it in that minute, and what happened to the request right after it.",
            "Please check the request log of Copperleaf Books' nightly export key for "
            "2026-03-16 around 02:00 UTC: which request got the 429, at what time to the "
            "millisecond, and what status the next request got.",
            "For Copperleaf Books' 'Nightly export' key on 2026-03-16 from 02:00 to 02:02 UTC, "
            "identify the request answered 429, its time to the millisecond, the key's rate "
            "limit, and the status and time of the request right after it.",
            "Look at Copperleaf Books' nightly export key between 02:00:00 and 02:02:00 UTC on "
            "2026-03-16; report the request id and millisecond time of the 429, the key's "
            "per-minute limit, and the id, time and status of the following request.",
            "Ticket: Copperleaf Books (CUS-113) disputes a 429 on its 'Nightly export' key, "
            "2026-03-16 ~02:00 UTC. Output: the throttled request's id and time (UTC, ms), the "
            "key's limit per minute, and the next request's id, time and status.",
        ],
        [
            expect("list_api_keys", customer=customer(owner)),
            expect("query_request_logs", key_id=[key.id]),
        ],
        order=(("list_api_keys", "query_request_logs"),),
        alternatives=(
            # The customer's log, filtered by name, shows the export key's requests too.
            way(expect("query_request_logs", customer=customer(owner))),
        ),
        max_turns=6,
        outcome=outcome(
            facts=[
                # A request is named by its id or by its time to the millisecond.
                fact("the throttled request", hit.id, *clock(hit.time)),
                fact("the next request", after.id, *clock(after.time)),
                fact("the rate limit", key.rate_limit_per_minute),
            ]
        ),
    )
    answer = (
        f"Key {key.id} ({key.name}) is limited to {key.rate_limit_per_minute} requests per "
        f"fixed UTC minute. From 02:00:00.000 it sent {len(served)} requests, so request "
        f"{hit.id} at {clock(hit.time)[0]} UTC was the {len(served) + 1}th in that window "
        f"and got 429. The next request, {after.id} at {clock(after.time)[0]}, opened a new "
        f"window and got {after.status}: the limit worked as documented, right on the edge."
    )
    return task, reference(
        [call("list_api_keys", customer=owner.name)],
        [
            call(
                "query_request_logs",
                key_id=key.id,
                start_time="2026-03-16T02:00:00Z",
                end_time="2026-03-16T02:02:00Z",
                order="asc",
                limit=100,
            )
        ],
        answer=answer,
    )


def _h03(facts: Facts) -> Solved:
    owner = facts.customer("Fernway Outdoor")
    hook = facts.webhook_of(owner.name)
    assert hook.url_updated_at is not None
    fixed = facts.receiver_fixed_at(hook)
    assert fixed is not None
    failed = facts.deliveries(hook, "failed")
    replay = [d for d in failed if d.created_at >= hook.url_updated_at]
    older = [d for d in failed if d.created_at < hook.url_updated_at]
    assert replay
    assert older
    changed = utc(hook.url_updated_at)
    since = [
        *moment(changed),
        f"{changed.date().isoformat()}T00:00:00Z",
        *moment(utc(replay[0].created_at)),
        f"{(utc(older[-1].created_at).date() + dt.timedelta(days=1)).isoformat()}T00:00:00Z",
    ]
    retry = expect(
        "retry_webhook_delivery",
        optional=("until",),
        webhook_id=[hook.id],
        since=since,
        until=[fixed, *moment(utc(fixed)), *moment(facts.now)],
    )
    lookup = expect("get_webhook_deliveries", webhook_id=[hook.id])
    one_by_one = [expect("retry_webhook_delivery", d.id, delivery_id=[d.id]) for d in replay]
    task = tool_task(
        "AI_H03",
        HARD,
        "Replay a webhook's failed deliveries since its URL change, not the older ones",
        [
            "fernway fixed their webhook, resend the stuff that failed after the url change. "
            "not the old broken ones. how many went?",
            "retry fernways failed webhooks from the url switch on, leave the earlier fails. how "
            "many?",
            "fernway webhook: replay what 404d after they moved it. older failures stay. count?",
            "Fernway fixed their webhook receiver. Can you resend the deliveries that failed "
            "after they changed the URL? Not the older failures.",
            "Fernway Outdoor's new webhook endpoint works now. Please redeliver everything that "
            "failed since their URL change, but leave the earlier failures alone.",
            "Fernway Outdoor moved their webhook receiver on the 13th and it returned 404 until "
            "they fixed it. Replay the deliveries that failed since the URL change; the two "
            "older failures were bad payloads and must not be resent.",
            "Please retry Fernway Outdoor's failed webhook deliveries whose events came after "
            "their URL change on 13 March; do not retry failures from before the change. Tell "
            "me how many were resent and how they went.",
            "For Fernway Outdoor's webhook, resend every failed delivery whose event was "
            "created at or after the URL change (2026-03-13 17:05 UTC). Failures before that "
            "were payload rejections: do not resend them. Report the count and the results.",
            "Fernway Outdoor's webhook returned 404 from its URL change (2026-03-13 17:05 UTC) "
            "until the receiver was fixed. Redeliver the failed deliveries created since the "
            "change, none created before it; report how many were retried and their outcome.",
            "Ticket: Fernway Outdoor (CUS-105) webhook recovery. Redeliver every failed "
            "delivery with an event time at or after the URL change of 2026-03-13 17:05 UTC; "
            "failed deliveries from before the change stay as they are. Output: number "
            "redelivered, their ids and the result of each.",
        ],
        [expect("list_webhooks", customer=customer(owner)), lookup, retry],
        order=(
            ("list_webhooks", "get_webhook_deliveries"),
            ("list_webhooks", "retry_webhook_delivery"),
        ),
        alternatives=(
            # One retry per delivery, each id read from the failed listing.
            way(
                expect("list_webhooks", customer=customer(owner)),
                lookup,
                *one_by_one,
                order=[("get_webhook_deliveries", d.id) for d in replay],
            ),
            # The webhook found through its record rather than the listing.
            way(expect("get_webhook", webhook_id=[hook.id]), lookup, retry),
            # The URL change read from the listing, the failures not listed first.
            way(
                expect("list_webhooks", customer=customer(owner)),
                retry,
                order=[("list_webhooks", "retry_webhook_delivery")],
            ),
        ),
        max_turns=8,
        outcome=outcome(
            writes=[wrote("retry_webhook_delivery", d.id, webhook_id=[hook.id]) for d in replay],
            facts=[fact("the number redelivered", len(replay))],
        ),
    )
    ids = ", ".join(d.id for d in replay)
    answer = (
        f"Fernway's webhook {hook.id} changed its URL at {hook.url_updated_at}. I redelivered "
        f"the {len(replay)} deliveries that failed since then ({ids}); all succeeded this "
        f"time. The {len(older)} older failures ({', '.join(d.id for d in older)}) were payload "
        "rejections from before the change and were left alone."
    )
    return task, reference(
        [call("list_webhooks", customer=owner.name)],
        [call("get_webhook_deliveries", webhook_id=hook.id, status="failed")],
        [call("retry_webhook_delivery", webhook_id=hook.id, since=hook.url_updated_at)],
        answer=answer,
    )


def _h04(facts: Facts) -> Solved:
    owner = facts.customer("Redwater Coffee")
    key = facts.key(owner.name, "Shopify app")
    new_id = facts.next_key_id()
    task = tool_task(
        "AI_H04",
        HARD,
        "Replace a key after a developer left, as the runbook says",
        [
            "redwater's shopify dev quit, swap out that key the normal way",
            "redwater coffee shopify app key - dev left, replace it per runbook",
            "need to replace redwaters shopify key (contractor gone). usual process",
            "The developer who built Redwater Coffee's Shopify app has left. Replace that "
            "app's key the way our runbook says.",
            "Redwater Coffee's Shopify app developer left the company. Please replace the key "
            "for that app following our key runbook, and tell me who to let know.",
            "Redwater Coffee asked us to replace the API key their Shopify app uses because "
            "the developer who had it left. Nothing suggests it leaked. Do it per the runbook.",
            "Please replace Redwater Coffee's 'Shopify app' key following the key-security "
            "runbook (their developer left, no sign of misuse) and tell me the new key id and "
            "who we notify.",
            "Replace Redwater Coffee's 'Shopify app' API key as the runbook prescribes for a "
            "key that is not compromised. Report the new key id, how long the old one keeps "
            "working, and the contact to notify.",
            "Redwater Coffee's 'Shopify app' key must be replaced (developer departure, not a "
            "compromise). Apply runbook SEC-4 for that case and report the new key id, the "
            "old key's grace period and the contact to tell.",
            "Ticket: Redwater Coffee (CUS-110), key 'Shopify app': developer departure, no "
            "compromise. Replace the key per SEC-4 rule 3. Output: new key id, grace period "
            "of the old key in hours, and the email of the contact to notify.",
        ],
        [
            expect("list_api_keys", customer=customer(owner)),
            expect(
                "rotate_api_key",
                key_id=[key.id],
                grace_period_hours=[ROTATION_GRACE_HOURS],
            ),
            expect(
                "list_customers", optional=("query",), query=text("Redwater", "Redwater Coffee")
            ),
        ],
        order=(("list_api_keys", "rotate_api_key"),),
        max_turns=6,
        outcome=outcome(
            writes=[wrote("rotate_api_key", key.id, grace_period_hours=[ROTATION_GRACE_HOURS])],
            facts=[
                fact("the new key", new_id),
                fact("the grace period", ROTATION_GRACE_HOURS),
                fact("the technical contact", owner.technical_contact),
            ],
        ),
    )
    answer = (
        f"I rotated Redwater Coffee's 'Shopify app' key {key.id}: the new key is {new_id}, "
        f"and the old one keeps working for {ROTATION_GRACE_HOURS} hours. The new secret went "
        f"to {owner.security_contact}; per the runbook, tell the technical contact, "
        f"{owner.technical_contact}, the new key id."
    )
    return task, reference(
        [
            call("list_api_keys", customer=owner.name),
            call("list_customers", query="Redwater"),
        ],
        [call("rotate_api_key", key_id=key.id, grace_period_hours=ROTATION_GRACE_HOURS)],
        answer=answer,
    )


def _h05(facts: Facts) -> Solved:
    scope = "rates:read"
    keys = [
        k
        for k in facts.fixtures.keys
        if k.status == "active" and k.environment == "live" and scope in k.scopes
    ]
    owners = sorted({facts.fixtures.customer_by_id[k.customer_id].name for k in keys})
    assert len(keys) > PAGE, "the answer needs more than the first page"
    filters: dict[str, Any] = {
        "scope": [scope],
        "status": ["active"],
        "environment": ["live"],
    }
    optional = ("status", "environment", "limit")
    first = expect("list_api_keys", "page_1", optional=optional, limit=[PAGE], **filters)
    second = expect(
        "list_api_keys",
        "page_2",
        optional=optional,
        cursor=[encode_cursor(PAGE)],
        limit=[PAGE],
        **filters,
    )
    task = tool_task(
        "AI_H05",
        HARD,
        "Every active live key that can quote rates: more than one page",
        [
            "which live keys can still quote rates? all of em, how many + whose",
            "all active prod keys w/ rates:read - count + whose",
            "how many live keys can get rate quotes rn and which customers",
            "Which active live keys can get rate quotes, and how many? I need all of them and "
            "whose they are.",
            "List every active live key with the rates:read scope, how many there are, and "
            "which customers they belong to.",
            "Carrier surcharges change next week; we must warn everyone who quotes rates. "
            "Which active live keys have rates:read, how many, and whose are they? All of them.",
            "Please list all active, live-environment API keys that have the rates:read "
            "scope, with each key's customer, and give the total count.",
            "Find every API key that is active, in the live environment, and granted "
            "rates:read. Give the total number and the customers that own them.",
            "Give the complete set of active live API keys granted rates:read (not only the "
            "first screen of results): the total count, each key id, and each owning "
            "customer.",
            "Ticket: notify rate-quote users. Output: the complete list of API keys with status "
            "active, environment live and scope rates:read, as key id and customer name, "
            "plus the total count and the distinct customers.",
        ],
        [first, second],
        order=(("page_1", "page_2"),),
        alternatives=(
            way(
                expect(
                    "list_api_keys",
                    optional=("status", "environment"),
                    limit=list(range(len(keys), 101)),
                    **filters,
                )
            ),
        ),
        max_turns=5,
        outcome=outcome(
            facts=[
                fact("the number of keys", len(keys)),
                *(fact(f"customer {name}", name) for name in owners),
            ]
        ),
    )
    lines = "; ".join(f"{k.id} {facts.fixtures.customer_by_id[k.customer_id].name}" for k in keys)
    answer = (
        f"{len(keys)} active live keys have rates:read: {lines}. They belong to "
        f"{len(owners)} customers: {', '.join(owners)}."
    )
    return task, reference(
        [call("list_api_keys", scope=scope, status="active", environment="live")],
        [
            call(
                "list_api_keys",
                scope=scope,
                status="active",
                environment="live",
                cursor=encode_cursor(PAGE),
            )
        ],
        answer=answer,
    )
