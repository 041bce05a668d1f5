"""Easy tasks: one call, the values stated or plainly implied."""

from __future__ import annotations

import datetime as dt

from bench_core import Difficulty

from ._expect import (
    Solved,
    call,
    customer,
    date_forms,
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

EASY = Difficulty.EASY


def easy_tasks(facts: Facts) -> list[Solved]:
    """AI_E01-AI_E05."""
    return [_e01(facts), _e02(facts), _e03(facts), _e04(facts), _e05(facts)]


def _e01(facts: Facts) -> Solved:
    owner = facts.customer("Harbor & Pine")
    keys = facts.keys_of(owner.name)
    task = tool_task(
        "AI_E01",
        EASY,
        "The keys a customer owns",
        [
            "harbour and pine keys?",
            "what keys does harbor&pine have",
            "list harbor n pine api keys pls",
            "Can you pull up the API keys Harbor & Pine has?",
            "Which API keys belong to Harbor & Pine? Include the dead ones.",
            "Harbor & Pine's support lead wants to know what keys they have with us, "
            "including any that no longer work.",
            "Please list every API key that Harbor & Pine owns, whatever its status, with "
            "its name and status.",
            "List all API keys of the customer Harbor & Pine (any status: active, revoked or "
            "expired), each with its id, name and status.",
            "For the customer Harbor & Pine (CUS-102), list every API key they own, including "
            "revoked and expired ones, with the key id, name, environment and status.",
            "Ticket: inventory of API keys for customer Harbor & Pine (CUS-102). Scope: every "
            "key regardless of status. Output: one line per key with key id (AK-nnnn), name, "
            "environment and status (active/revoked/expired).",
        ],
        [expect("list_api_keys", customer=customer(owner))],
        max_turns=3,
        outcome=outcome(facts=[fact(f"key {k.id}", k.id) for k in keys]),
    )
    lines = "; ".join(f"{k.id} {k.name} ({k.environment}, {k.status})" for k in keys)
    answer = f"Harbor & Pine owns {len(keys)} API keys: {lines}."
    return task, reference([call("list_api_keys", customer=owner.name)], answer=answer)


def _e02(facts: Facts) -> Solved:
    old = facts.endpoint("GET /v1/rates")
    assert old.sunset_date is not None
    assert old.replacement is not None
    sunset = dt.date.fromisoformat(old.sunset_date)
    replacement = facts.endpoint(old.replacement)
    task = tool_task(
        "AI_E02",
        EASY,
        "An endpoint's sunset date and replacement",
        [
            "when does v1 rates die and whats the replacment",
            "GET v1/rates sunset date? what do ppl move to",
            "v1 rates endpoint - sunset + replacement?",
            "When is the old GET /v1/rates going away, and what should people use instead?",
            "What's the sunset date for GET /v1/rates, and which endpoint replaces it?",
            "A customer asked when GET /v1/rates stops working and what they should call "
            "instead. Can you check?",
            "Please look up the deprecated endpoint GET /v1/rates and tell me its sunset date "
            "and its replacement.",
            "For the endpoint GET /v1/rates, give me the sunset date and the replacement "
            "endpoint customers should migrate to.",
            "Look up GET /v1/rates (EP-37) and report its sunset date (YYYY-MM-DD) and the "
            "method and path of its replacement.",
            "Ticket: customer migration note for GET /v1/rates (EP-37). Needed: the sunset date "
            "as YYYY-MM-DD and the replacement endpoint as METHOD /path.",
        ],
        [expect("get_endpoint", endpoint=endpoint(old))],
        max_turns=3,
        outcome=outcome(
            facts=[
                fact("the sunset date", *date_forms(sunset)),
                fact("the replacement", replacement.route, replacement.id),
            ]
        ),
    )
    answer = (
        f"GET /v1/rates is deprecated and sunsets on {sunset.isoformat()}; customers should "
        f"move to {replacement.route}."
    )
    return task, reference([call("get_endpoint", endpoint="GET /v1/rates")], answer=answer)


def _e03(facts: Facts) -> Solved:
    key = facts.key("Copperleaf Books", "Nightly export")
    task = tool_task(
        "AI_E03",
        EASY,
        "One key's rate limit and quota",
        [
            f"{key.id.lower()} rate limit + quota?",
            f"limits on key {key.id}, per min and per month",
            f"whats the ratelimit + quota for {key.id}",
            f"What limits does key {key.id} have? Per minute and per month.",
            f"How many requests a minute can {key.id} make, and what's its monthly quota?",
            f"Copperleaf is asking about key {key.id}: what's its rate limit, and what "
            "monthly quota does it have?",
            f"Please check API key {key.id} and tell me its rate limit per minute and its "
            "monthly request quota.",
            f"For API key {key.id}, report the rate limit in requests per minute and the "
            "monthly quota in requests.",
            f"Look up API key {key.id} (Copperleaf Books' nightly export) and give its rate "
            "limit (requests per minute) and monthly quota (requests per billing month).",
            f"Ticket: limits of API key {key.id} (Copperleaf Books, 'Nightly export'). Output: "
            "rate limit as N requests/minute and monthly quota as N requests.",
        ],
        [expect("get_api_key", key_id=[key.id])],
        # The key's row in a customer listing has no limits; the listing filtered to
        # Copperleaf and then the key is as right (extra lookups are free).
        max_turns=3,
        outcome=outcome(
            facts=[
                fact("the rate limit", key.rate_limit_per_minute),
                fact("the monthly quota", key.monthly_quota, compact=True),
            ]
        ),
    )
    answer = (
        f"Key {key.id} ({key.name}, Copperleaf Books) may make {key.rate_limit_per_minute} "
        f"requests per minute, with a monthly quota of {key.monthly_quota:,} requests."
    )
    return task, reference([call("get_api_key", key_id=key.id)], answer=answer)


def _e04(facts: Facts) -> Solved:
    deprecated = [e for e in facts.fixtures.endpoints if e.deprecated]
    v1 = [e for e in facts.fixtures.endpoints if e.version == "v1"]
    task = tool_task(
        "AI_E04",
        EASY,
        "The deprecated endpoints",
        [
            "deprecated endpoints?",
            "which endpoints r deprecated",
            "list the deprecatd routes",
            "Which of our endpoints are deprecated?",
            "Can you list the endpoints we've marked deprecated?",
            "I'm writing the migration notice. Which endpoints are deprecated right now?",
            "Please list every endpoint of the API that is currently marked as deprecated.",
            "List all deprecated endpoints of the Relaybox API, each with its method and path.",
            "Give me every endpoint currently flagged as deprecated, with its id, HTTP method "
            "and path template.",
            "Ticket: inventory of deprecated endpoints for the migration notice. Output: one "
            "line per deprecated endpoint with id (EP-nn), HTTP method and path template; "
            "current endpoints excluded.",
        ],
        [expect("list_endpoints", deprecated=[True])],
        # Every v1 endpoint is deprecated and every deprecated one is v1: asking for v1 gives
        # the same list; so does the whole catalogue (42 rows, each with its flag) read through.
        alternatives=(
            *((way(expect("list_endpoints", version=["v1"])),) if deprecated == v1 else ()),
            way(expect("list_endpoints")),
        ),
        max_turns=3,
        outcome=outcome(facts=[fact(e.route, *route_forms(e)) for e in deprecated]),
    )
    lines = ", ".join(f"{e.id} {e.route}" for e in deprecated)
    answer = f"{len(deprecated)} endpoints are deprecated: {lines}."
    return task, reference([call("list_endpoints", deprecated=True)], answer=answer)


def _e05(facts: Facts) -> Solved:
    disabled = [w for w in facts.fixtures.webhooks if w.status == "disabled"]
    names = facts.fixtures.customer_by_id
    task = tool_task(
        "AI_E05",
        EASY,
        "The disabled webhooks",
        [
            "any webhooks turned off? whose",
            "disabled webhooks??",
            "which webhooks r disabled rn",
            "Are any webhooks disabled at the moment? Whose?",
            "Which webhook subscriptions are currently disabled, and which customer owns each?",
            "Support wants to know if any customer's webhook is switched off right now. Can "
            "you check?",
            "Please list the webhook subscriptions that are disabled right now and the "
            "customer of each.",
            "List every webhook whose status is disabled, with its id and the customer it "
            "belongs to.",
            "Find all webhook subscriptions currently in the disabled state and report each "
            "one's id, customer name and receiver URL.",
            "Ticket: audit of disabled webhook subscriptions. Output: one line per disabled "
            "webhook with its id (WH-nn), customer name and receiver URL; active ones excluded.",
        ],
        [expect("list_webhooks", status=["disabled"])],
        # All 15 subscriptions, each with its status, read through: as right.
        alternatives=(way(expect("list_webhooks")),),
        max_turns=3,
        outcome=outcome(
            facts=[
                *(fact(f"webhook {w.id}", w.id) for w in disabled),
                *(fact(f"customer of {w.id}", names[w.customer_id].name) for w in disabled),
            ]
        ),
    )
    lines = "; ".join(f"{w.id} of {names[w.customer_id].name} ({w.url})" for w in disabled)
    answer = f"{len(disabled)} webhook is disabled: {lines}."
    return task, reference([call("list_webhooks", status="disabled")], answer=answer)
