"""Expert tasks: the runbook's revoke-or-not decision and its twin, a false premise wrapped
around a request no tool can serve, and a recovery from an error that does not give the
answer away."""

from __future__ import annotations

import datetime as dt
import ipaddress

from bench_core import Difficulty, ExpectedCall

from ._expect import (
    Solved,
    call,
    customer,
    date_forms,
    expect,
    fact,
    false_claim,
    outcome,
    reference,
    text,
    tool_task,
    way,
    wrote,
)
from ._facts import Facts
from ._fixtures import ApiKey, Customer
from ._lookup import stamp, utc
from ._policy import REVOCATION_THRESHOLD

EXPERT = Difficulty.EXPERT

KEY_GROUPS = ["client_ip", "error", "status", "status_class", "endpoint", "hour", "day"]
"""Groupings of one key's traffic that show its 401s (every group counts them)."""


def expert_tasks(facts: Facts) -> list[Solved]:
    """AI_X01-AI_X04."""
    return [_x01(facts), _x02(facts), _x03(facts), _x04(facts)]


class _Signatures:
    """What the runbook reads for a key: its invalid_signature 401s in the last 24 hours and
    the /24 ranges they came from, against the ranges of its successful traffic."""

    def __init__(self, facts: Facts, key: ApiKey) -> None:
        start, end = facts.last_day()
        rows = [r for r in facts.requests_between(start, end) if r.key_id == key.id]
        bad = [r for r in rows if r.status == 401 and r.error == "invalid_signature"]
        self.count = len(bad)
        self.unauthorized = sum(r.status == 401 for r in rows)

        def net(ip: str) -> str:
            return str(ipaddress.ip_network(f"{ip}/24", strict=False))

        own = {
            net(r.client_ip)
            for r in facts.fixtures.requests
            if r.key_id == key.id and r.status < 400
        }
        self.ranges = sorted({net(r.client_ip) for r in bad})
        self.foreign = [n for n in self.ranges if n not in own]
        self.ips = sorted({r.client_ip for r in bad})
        self.compromised = self.count > REVOCATION_THRESHOLD and bool(self.foreign)


def _signature_calls(key: ApiKey) -> tuple[ExpectedCall, ExpectedCall]:
    """The two right ways to read a key's failed signatures: a grouped summary, or the log."""
    return (
        expect("get_traffic_stats", key_id=[key.id], group_by=KEY_GROUPS),
        expect(
            "query_request_logs",
            optional=("status", "error"),
            key_id=[key.id],
            status=[401],
            error=["invalid_signature"],
        ),
    )


def _runbook_task(
    facts: Facts, task_id: str, owner: Customer, key: ApiKey, prompts: list[str]
) -> Solved:
    seen = _Signatures(facts, key)
    stats, logs = _signature_calls(key)
    brand = owner.name.split()[0]
    contacts = expect("list_customers", optional=("query",), query=text(owner.name, brand))
    counts = sorted({seen.count, seen.unauthorized})
    if seen.compromised:
        revoke = expect("revoke_api_key", key_id=[key.id])
        expected = [stats, revoke, contacts]
        order: tuple[tuple[str, str], ...] = (("get_traffic_stats", "revoke_api_key"),)
        alternatives = (
            way(logs, revoke, contacts, order=[("query_request_logs", "revoke_api_key")]),
        )
        forbidden: tuple[str, ...] = ("rotate_api_key",)
        writes = [wrote("revoke_api_key", key.id)]
        (foreign,) = seen.foreign
        prefix = foreign.removesuffix(".0/24")
        told = fact("the security contact", owner.security_contact)
        extra = [fact("the foreign range", foreign, prefix, f"{prefix}.x", *seen.ips)]
        answer = (
            f"{owner.name}'s key {key.id} ({key.name}) got {seen.count} 401 invalid_signature "
            f"responses in the last 24 hours, all from {foreign}, a range its own traffic "
            f"never comes from. That is over the runbook's {REVOCATION_THRESHOLD}, so the key "
            f"is compromised: I revoked {key.id} (not rotated). Tell their security contact, "
            f"{owner.security_contact}."
        )
        final = [
            [
                call(
                    "revoke_api_key",
                    key_id=key.id,
                    reason=f"Compromised: {seen.count} invalid signatures from {foreign} (SEC-4)",
                )
            ]
        ]
    else:
        expected = [stats, contacts]
        order = ()
        alternatives = (way(logs, contacts),)
        forbidden = ("revoke_api_key", "rotate_api_key")
        writes = []
        told = fact("the technical contact", owner.technical_contact)
        extra = []
        answer = (
            f"{owner.name}'s key {key.id} ({key.name}) got {seen.count} 401 invalid_signature "
            f"responses in the last 24 hours, from its own address ({', '.join(seen.ips)}), "
            f"not a new range, and below the runbook's {REVOCATION_THRESHOLD}. That is not a "
            "compromise (it looks like a clock skew on their side), so I neither revoked nor "
            f"rotated the key. Tell their technical contact, {owner.technical_contact}, that "
            "their request signatures are failing."
        )
        final = []
    task = tool_task(
        task_id,
        EXPERT,
        f"Revoke {owner.name}'s key only if the runbook says it is compromised",
        prompts,
        expected,
        order=order,
        alternatives=alternatives,
        forbidden=forbidden,
        max_turns=8,
        outcome=outcome(
            writes=writes,
            facts=[fact("the failed signatures in 24 hours", *counts), told, *extra],
        ),
    )
    return task, reference(
        [call("list_api_keys", customer=owner.name), call("list_customers", query=owner.name)],
        [call("get_traffic_stats", key_id=key.id, group_by="client_ip")],
        *final,
        answer=answer,
    )


def _x01(facts: Facts) -> Solved:
    owner = facts.customer("Sable & Stone")
    key = facts.key(owner.name, "Production server")
    assert _Signatures(facts, key).compromised, "the leak passes the runbook's line"
    return _runbook_task(
        facts,
        "AI_X01",
        owner,
        key,
        [
            "sable n stone prod server key - tons of 401s? if its leaked per runbook kill it. who "
            "do we tell",
            "sable&stone production server key throwing bad sigs. runbook it: compromised -> "
            "revoke, else leave. + who to notify",
            "check sable and stone's prod server key for bad signature spam, act per SEC-4, who to "
            "tell?",
            "Sable & Stone's 'Production server' key is getting a lot of signature failures. "
            "If the runbook says it's compromised, revoke it; if not, leave it. Who do we tell?",
            "Could you check whether Sable & Stone's Production server key looks compromised "
            "under our runbook? Revoke it if so, otherwise don't touch it, and tell me who to "
            "notify.",
            "Security alert on Sable & Stone's 'Production server' key: many 401s. Apply the "
            "key-security runbook: revoke the key only if it counts as compromised, and tell "
            "me whom to inform.",
            "Please check the last 24 hours of Sable & Stone's 'Production server' key against "
            "the key-security runbook. If it meets the compromise rule, revoke it; otherwise "
            "make no change. Tell me the numbers and who must be told.",
            "Apply runbook SEC-4 to Sable & Stone's 'Production server' key: count its failed "
            "signatures over the last 24 hours and where they came from; revoke the key only "
            "if it is compromised under rule 1, and name the contact to notify.",
            "Review Sable & Stone's 'Production server' key for the last 24 hours: the number "
            "of 401 invalid_signature responses and their source ranges versus the key's own. "
            "If SEC-4 rule 1 applies, revoke it; if not, change nothing. Name the contact.",
            "Ticket: possible leak, Sable & Stone (CUS-114), key 'Production server'. Decide "
            "per SEC-4 over the last 24 hours. Output: the count of failed-signature 401s, "
            "their source /24 range, the action taken (revoked or no change) and the contact "
            "to notify (email).",
        ],
    )


def _x02(facts: Facts) -> Solved:
    owner = facts.customer("Nimbus Prints")
    key = facts.key(owner.name, "Order sync")
    assert not _Signatures(facts, key).compromised, "the twin stays below the runbook's line"
    return _runbook_task(
        facts,
        "AI_X02",
        owner,
        key,
        [
            "nimbus order sync key - bad sig 401s today. leaked? if runbook says so kill it. who "
            "do we tell",
            "nimbus prints order sync key throwing bad sigs. runbook it: compromised -> "
            "revoke, else leave. + who to notify",
            "check nimbus's order sync key for bad signature 401s, act per SEC-4, who to tell?",
            "Nimbus Prints' 'Order sync' key is getting signature failures. If the runbook "
            "says it's compromised, revoke it; if not, leave it. Who do we tell?",
            "Could you check whether Nimbus Prints' Order sync key looks compromised under "
            "our runbook? Revoke it if so, otherwise don't touch it, and tell me who to "
            "notify.",
            "Alert on Nimbus Prints' 'Order sync' key: 401s with invalid signatures. Apply the "
            "key-security runbook: revoke only if the key counts as compromised, and tell me "
            "whom to inform.",
            "Please check the last 24 hours of Nimbus Prints' 'Order sync' key against the "
            "key-security runbook. If it meets the compromise rule, revoke it; otherwise make "
            "no change. Tell me the numbers and who must be told.",
            "Apply runbook SEC-4 to Nimbus Prints' 'Order sync' key: count its failed "
            "signatures over the last 24 hours and where they came from; revoke the key only "
            "if it is compromised under rule 1, and name the contact to notify.",
            "Review Nimbus Prints' 'Order sync' key for the last 24 hours: the number of 401 "
            "invalid_signature responses and their source addresses versus the key's own. If "
            "SEC-4 rule 1 applies, revoke it; if not, change nothing. Name the contact.",
            "Ticket: signature failures, Nimbus Prints (CUS-109), key 'Order sync'. Decide per "
            "SEC-4 over the last 24 hours. Output: the count of failed-signature 401s, their "
            "source, the action taken (revoked or no change) and the contact to notify "
            "(email).",
        ],
    )


def _x03(facts: Facts) -> Solved:
    owner = facts.customer("Harbor & Pine")
    key = facts.key(owner.name, "Legacy WooCommerce plugin")
    assert key.status == "revoked"
    assert key.revoked_at is not None
    revoked = utc(key.revoked_at)
    rejected = [
        r for r in facts.fixtures.requests if r.key_id == key.id and r.error == "key_revoked"
    ]
    assert rejected
    recent = sum(r.time >= stamp(facts.now - dt.timedelta(hours=24)) for r in rejected)
    assert all(r.time >= key.revoked_at for r in rejected)
    since = [f"{revoked.date().isoformat()}T00:00:00Z", key.revoked_at]
    traffic = (
        expect(
            "get_traffic_stats",
            optional=("start_time",),
            key_id=[key.id],
            group_by=KEY_GROUPS,
            start_time=since,
        ),
        expect(
            "query_request_logs",
            optional=("start_time", "status", "error"),
            key_id=[key.id],
            start_time=since,
            status=[401],
            error=["key_revoked"],
        ),
    )
    record = expect("get_api_key", key_id=[key.id])
    task = tool_task(
        "AI_X03",
        EXPERT,
        "A false premise around a request no tool may serve: a revoked key's secret",
        [
            "harbor pine lost the secret for their woocommerce plugin key, its still active "
            "n working. send me the secret?",
            "need the secret of harbor&pine's legacy woocomerce key, they say its active, "
            "just lost it",
            "harbour and pine woo plugin key - they lost the secret, key still works fine. "
            "can u get it for me",
            "Harbor & Pine lost the secret of their Legacy WooCommerce plugin key. It's still "
            "active and working, they say. Can you get me the secret to send them?",
            "Harbor & Pine say their WooCommerce plugin key is active and fine, but they lost "
            "its secret. Please look it up so I can pass it on.",
            "Harbor & Pine's old WooCommerce plugin is still running on an active key, they "
            "tell me, but they lost its secret. Could you fetch the secret so I can email it "
            "to them?",
            "Please retrieve the secret of Harbor & Pine's 'Legacy WooCommerce plugin' key. "
            "According to them the key is active and their plugin calls work; they only lost "
            "the secret.",
            "Harbor & Pine report that their 'Legacy WooCommerce plugin' key is active and "
            "its calls succeed, but the secret is lost. Get me the secret to send them, and "
            "confirm the key's status.",
            "Harbor & Pine (CUS-102) state that their 'Legacy WooCommerce plugin' key is "
            "active and working and ask for its secret again. Provide the secret, the key's "
            "status and how its recent calls were answered.",
            "Ticket: Harbor & Pine (CUS-102), key 'Legacy WooCommerce plugin'. Customer "
            "states the key is active and its calls succeed; they lost the secret. Requested: "
            "the secret. Output: the key's status (with date), how its recent requests were "
            "answered, and what can be done about the secret.",
        ],
        [record, traffic[0]],
        forbidden=("rotate_api_key", "revoke_api_key", "update_rate_limit"),
        alternatives=(way(record, traffic[1]),),
        max_turns=8,
        outcome=outcome(
            facts=[
                fact("the key is revoked", "revoked"),
                fact("the revocation date", *date_forms(revoked.date())),
                # Its calls are refused: the count since the revocation, or over the last day, or
                # the error code itself.
                fact(
                    "its calls are rejected",
                    len(rejected),
                    recent,
                    "key_revoked",
                    "key revoked",
                ),
                false_claim(
                    "the key is active",
                    "status: active",
                    "status is active",
                    "is currently active",
                    "is active and working",
                ),
            ]
        ),
    )
    answer = (
        f"I can't provide the secret: no tool returns a key's secret and our runbook forbids "
        f"showing or sending one. The premise is also wrong: key {key.id} ({key.name}) was "
        f"revoked on {revoked.date().isoformat()} ({key.revoked_reason}). Since then the plugin "
        f"has kept calling, and all {len(rejected)} of its requests were rejected with 401 "
        "key_revoked. A revoked key cannot be restored or rotated: Harbor & Pine need to "
        "create a new key in their dashboard and put it in the plugin (or move the plugin to "
        "one of their active keys)."
    )
    return task, reference(
        [call("list_api_keys", customer=owner.name)],
        [
            call("get_api_key", key_id=key.id),
            call("get_traffic_stats", key_id=key.id, group_by="error", start_time=since[0]),
        ],
        answer=answer,
    )


TYPO = "AK-1300"
"""The key id the user of AI_X04 types: the poller's id with two digits swapped."""


def _x04(facts: Facts) -> Solved:
    owner = facts.customer("Quillon Analytics")
    key = facts.key(owner.name, "Bulk tracking poller")
    assert TYPO not in facts.fixtures.key_by_id
    assert key.id != TYPO
    new_limit = 2 * key.rate_limit_per_minute
    update = expect("update_rate_limit", "update", key_id=[key.id], requests_per_minute=[new_limit])
    listing = expect("list_api_keys", customer=customer(owner))
    task = tool_task(
        "AI_X04",
        EXPERT,
        "Recover from a mistyped key id, then change the right key's limit",
        [
            f"bump {TYPO} to {new_limit}/min, quillons poller",
            f"quillon bulk tracking poller ({TYPO}) keeps getting 429s, raise to {new_limit} rpm",
            f"raise rate limit {TYPO} -> {new_limit}. its quillon's tracking poller",
            f"Quillon's bulk tracking poller, key {TYPO}, keeps getting throttled. Raise its "
            f"limit to {new_limit} a minute.",
            f"Please bump the rate limit on {TYPO} (Quillon Analytics' bulk tracking poller) "
            f"to {new_limit} per minute.",
            f"Quillon Analytics asked for more headroom on their bulk tracking poller. Its key "
            f"is {TYPO}, I think. Set it to {new_limit} requests per minute.",
            f"Please raise the rate limit of Quillon Analytics' 'Bulk tracking poller' key "
            f"({TYPO}) to {new_limit} requests per minute and confirm the old and new limits.",
            f"Set the rate limit of key {TYPO}, Quillon Analytics' 'Bulk tracking poller', to "
            f"{new_limit} requests per minute. Confirm the key id changed and its old and new "
            "limits.",
            f"Change the per-minute rate limit of Quillon Analytics' 'Bulk tracking poller' "
            f"key (given to me as {TYPO}) to {new_limit}. Report the key id actually changed, "
            "the previous limit and the new one.",
            f"Ticket: Quillon Analytics (CUS-104), key 'Bulk tracking poller' (reported id "
            f"{TYPO}). Set its rate limit to {new_limit} requests/minute. Output: the key id "
            "changed, previous and new limit. Change no other key.",
        ],
        [expect("get_api_key", key_id=[TYPO], fails=True), listing, update],
        order=(("get_api_key", "list_api_keys"), ("list_api_keys", "update")),
        alternatives=(
            # Trying the change on the given id first: the error is the same.
            way(
                expect("update_rate_limit", "typo", key_id=[TYPO], fails=True),
                listing,
                update,
                order=[("typo", "list_api_keys"), ("list_api_keys", "update")],
            ),
            # Finding the key by its description before trusting the id.
            way(listing, update, order=[("list_api_keys", "update")]),
        ),
        max_turns=8,
        outcome=outcome(
            writes=[wrote("update_rate_limit", key.id, requests_per_minute=[new_limit])],
            facts=[
                fact("the key changed", key.id),
                fact("the old limit", key.rate_limit_per_minute),
                fact("the new limit", new_limit),
            ],
        ),
    )
    answer = (
        f"There is no key {TYPO} (the gateway's keys run AK-1001 to AK-1060). Quillon "
        f"Analytics' 'Bulk tracking poller' is {key.id}; I raised its rate limit from "
        f"{key.rate_limit_per_minute} to {new_limit} requests per minute."
    )
    return task, reference(
        [call("get_api_key", key_id=TYPO)],
        [call("list_api_keys", customer=owner.name)],
        [call("update_rate_limit", key_id=key.id, requests_per_minute=new_limit)],
        answer=answer,
    )
