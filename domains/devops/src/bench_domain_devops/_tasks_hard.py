"""Hard tasks: two or three calls where a later call needs a value read from an earlier
result (an id, the live deployment, the flapping alert), writes for some items and not
others, and the runbook's error-rate rule with its twin where the rate did not rise."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence

from bench_core import CallSet, Difficulty, ExpectedCall

from ._clock import format_utc, parse_utc
from ._expect import (
    Solved,
    call,
    expect,
    fact,
    outcome,
    person,
    reference,
    service,
    tool_task,
    way,
    wrote,
)
from ._facts import Facts
from ._fixtures import Deployment

HARD = Difficulty.HARD

SILENCE_MINUTES = 120  # DO_H03: two hours, within the runbook's four
ERROR_RATE_FACTOR = 1.5  # the runbook's rule 2
SPAN_HOURS = 3  # the window the references compare (any of 1-6 gives the same verdict)


def hard_tasks(facts: Facts) -> list[Solved]:
    """DO_H01-DO_H05."""
    return [
        _h01(facts),
        _h02(facts),
        _h03(facts),
        _rollback_if_worse(facts, "DO_H04", "search_staging_bad"),
        _rollback_if_worse(facts, "DO_H05", "pricing_staging_fine"),
    ]


def ways(*choices: Sequence[ExpectedCall], order: Sequence[tuple[str, str]] = ()) -> list[CallSet]:
    """Every combination of one call from each group, as right ways with the same order.
    Each call in a group carries the key the order names."""
    return [way(*combo, order=order) for combo in itertools.product(*choices)]


def _h01(facts: Facts) -> Solved:
    incident = facts.story_incident("orders_incident")
    deployment = facts.deployment_before(incident)
    read_incident = [
        expect("get_incident", "incident", incident_id=[incident.id]),
        expect("list_incidents", "incident", service=service(facts.fixtures, "orders")),
    ]
    read_deployment = [
        expect("get_deployment", "deployment", deployment_id=[deployment.id]),
        expect(
            "list_deployments",
            "deployment",
            optional=("environment",),
            service=service(facts.fixtures, "orders"),
            environment=["prod"],
        ),
    ]
    order = [("incident", "deployment")]
    main, *others = ways(read_incident, read_deployment, order=order)
    task = tool_task(
        "DO_H01",
        HARD,
        "The deployment just before an incident, and its author",
        [
            f"{incident.id.lower()} - last deploy of that service before it n who pushed it",
            f"which deploy of the broken service came just before {incident.id}? who did it",
            f"{incident.id}: its service's deploy right before it, author?",
            f"What was the affected service's last deployment before {incident.id}, and who "
            "made it?",
            f"Can you find the deployment of the affected service that went out just before "
            f"{incident.id} opened, and tell me who deployed it?",
            f"I need the last deployment of the same service and environment before incident "
            f"{incident.id} opened, with its author.",
            f"Please find incident {incident.id}, then the last deployment of its service in "
            "its environment before it opened, and tell me that deployment's id, version and "
            "author.",
            f"For incident {incident.id}, identify the last deployment of the affected service "
            "in the same environment that started before the incident opened. Give its id, "
            "version, author and start time.",
            f"Look up {incident.id} and the deployment of its service and environment that "
            "immediately preceded it; report the deployment's id, version, author handle and "
            "how many minutes before the incident it finished.",
            f"Ticket: for incident {incident.id}, report the deployment of the same service and "
            "environment that started last before the incident's opening time: id, version, "
            "author (handle) and start time (UTC). Deployments of other services do not count.",
        ],
        list(main.expected),
        order=tuple(main.order),
        alternatives=tuple(others),
        max_turns=5,
        outcome=outcome(
            facts=[
                fact("the deployment", deployment.id),
                fact("its author", *person(deployment.author)),
            ]
        ),
    )
    answer = (
        f"{incident.id} ({incident.service}, {incident.environment}) opened at "
        f"{incident.opened_at}; the deployment just before it was {deployment.id}, "
        f"{deployment.service} {deployment.version}, by {deployment.author}, started "
        f"{deployment.started_at}."
    )
    return task, reference(
        [call("get_incident", incident_id=incident.id)],
        [call("get_deployment", deployment_id=deployment.id)],
        answer=answer,
    )


def _h02(facts: Facts) -> Solved:
    firing = facts.alerts_in_state("checkout", "prod", "firing")
    critical = [a for a in firing if a.severity == "critical"]
    left = [a for a in firing if a.severity != "critical"]
    listing = expect(
        "list_alerts",
        "list",
        optional=("state", "severity"),
        service=service(facts.fixtures, "checkout"),
        environment=["prod"],
        state=["firing"],
        severity=["critical"],
    )
    acks = [expect("acknowledge_alert", a.id, alert_id=[a.id]) for a in critical]
    task = tool_task(
        "DO_H02",
        HARD,
        "Acknowledge some firing alerts and leave the others",
        [
            "ack the critcal checkout prod alerts that are firing, leave the rest",
            "checkout prod: ack whatever critical is firing. not the warnings",
            "ack firing criticals on checkout (prod) only",
            "Acknowledge the critical alerts firing on checkout in prod, but leave the warnings "
            "alone.",
            "Can you acknowledge every critical alert that's firing for checkout in production? "
            "Don't touch the warning-level ones.",
            "We're on the checkout incident; please acknowledge the firing critical alerts for "
            "checkout in prod and leave any warnings as they are.",
            "Please acknowledge each alert of the checkout service in production that is "
            "firing with critical severity. Leave warning alerts and alerts in other states "
            "untouched.",
            "Acknowledge all checkout alerts in prod that are currently firing and critical; "
            "do not acknowledge or silence anything else. Tell me which ones you acknowledged.",
            "Find the checkout alerts in production that are firing at critical severity and "
            "acknowledge each of them; report their ids and the ones you left alone.",
            "Ticket: checkout, prod: acknowledge every alert in state firing with severity "
            "critical; no change to any other alert (warnings, acked, silenced). Report the "
            "acknowledged ids and the firing ones left.",
        ],
        [listing, *acks],
        order=tuple(("list", a.id) for a in critical),
        max_turns=5,
        outcome=outcome(
            writes=[wrote("acknowledge_alert", a.id) for a in critical],
            facts=[fact(f"{a.id} acknowledged", a.id) for a in critical],
        ),
    )
    done = ", ".join(a.id for a in critical)
    kept = ", ".join(f"{a.id} ({a.severity})" for a in left)
    return task, reference(
        [call("list_alerts", service="checkout", environment="prod", state="firing")],
        [call("acknowledge_alert", alert_id=a.id) for a in critical],
        answer=f"Acknowledged the critical firing alerts {done}; left {kept} firing.",
    )


def _h03(facts: Facts) -> Solved:
    (flapping,) = facts.flapping_alerts()
    listing = expect("list_alerts", "list")
    silence = expect(
        "silence_alert",
        "silence",
        alert_id=[flapping.id],
        duration_minutes=[SILENCE_MINUTES],
    )
    task = tool_task(
        "DO_H03",
        HARD,
        "Silence the alert that flaps",
        [
            "somethings flapping like crazy, mute it 2h",
            "silence the flappy alert for 2 hrs",
            "find the alert that keeps flapping + silence it two hours",
            "Some alert keeps flapping. Find it and silence it for two hours.",
            "One of our alerts has been flapping all day; can you find it and silence it for "
            "2 hours?",
            "There's an alert that keeps going between firing and resolved. Please find it and "
            "silence it for two hours, and nothing else.",
            "Please find the open alert that has flapped (changed state 5 or more times in the "
            "last 24 hours) and silence it for 2 hours with a short reason.",
            "Find the alert that is flapping (at least five state changes in the last 24 "
            "hours), silence it for 120 minutes and tell me its id, rule and service.",
            "Identify the one open alert with five or more state changes in the past 24 hours "
            "and silence it for two hours, giving flapping as the reason; leave every other "
            "alert as it is.",
            "Ticket: the open alert with >= 5 state changes in the last 24 h: silence it for "
            "120 minutes, reason stating it flaps. No other alert changes. Report its id, rule, "
            "service and the silence's end (UTC).",
        ],
        [listing, silence],
        order=(("list", "silence"),),
        max_turns=5,
        outcome=outcome(
            writes=[wrote("silence_alert", flapping.id, duration_minutes=[SILENCE_MINUTES])],
            facts=[fact("the flapping alert", flapping.id)],
        ),
    )
    return task, reference(
        [call("list_alerts", state="firing")],
        [
            call(
                "silence_alert",
                alert_id=flapping.id,
                duration_minutes=SILENCE_MINUTES,
                reason=f"Flapping: {flapping.flaps_24h} state changes in 24 h",
            )
        ],
        answer=f"{flapping.id} ({flapping.rule} on {flapping.service} {flapping.environment}) "
        f"changed state {flapping.flaps_24h} times in 24 h; silenced for 2 hours, until "
        "08:15 UTC.",
    )


def _discover(facts: Facts, deployment: Deployment) -> list[ExpectedCall]:
    """The ways to find a service's live deployment: list its deployments, or get the
    service (its live deployment per environment)."""
    name = service(facts.fixtures, deployment.service)
    return [
        expect(
            "list_deployments",
            "find",
            optional=("environment",),
            service=name,
            environment=[deployment.environment],
        ),
        expect("get_service", "find", service=name),
    ]


def _rollback_if_worse(facts: Facts, task_id: str, story: str) -> Solved:
    deployment = facts.story_deployment(story)
    before, after = facts.error_rates_around(deployment, SPAN_HOURS)
    worse = facts.error_rate_rose(deployment, SPAN_HOURS, ERROR_RATE_FACTOR)
    name, env = deployment.service, deployment.environment
    metrics = expect(
        "query_metrics",
        "metrics",
        service=service(facts.fixtures, name),
        environment=[env],
        metric=["error_rate_pct"],
    )
    rollback = expect("rollback_deployment", "rollback", deployment_id=[deployment.id])
    calls = [metrics, rollback] if worse else [metrics]
    order = [("find", "metrics"), ("metrics", "rollback")] if worse else [("find", "metrics")]
    main, *others = ways(_discover(facts, deployment), *[[c] for c in calls], order=order)
    day = "Monday"
    prompts = [
        f"{name} staging deploy monday - errors up past the runbook limit after? then roll it back",
        f"check {name} in staging after mondays deploy, errors worse per runbook? then rollback",
        f"{name} stg: error rate blown up since the deploy on monday (runbook rule)? roll back "
        "if yes, else leave it",
        f"Did {name}'s error rate in staging rise past the runbook's limit after Monday's "
        "deploy? If it did, roll it back; if not, leave it.",
        f"Can you check whether the {name} deploy to staging on {day} made the error rate "
        "worse by the runbook's measure, and roll it back if so? Otherwise don't touch it.",
        f"Compare {name}'s staging error rate before and after its deployment on {day}. If "
        "the runbook says that's a rollback, roll it back; if not, leave it in place.",
        f"Please compare the error rate of {name} in staging in the hours before and after "
        f"its {day} deployment, and roll that deployment back only if the runbook's "
        "error-rate rule calls for it.",
        f"Check {name}'s staging error rate over the few hours before and after the "
        f"deployment it got on Monday 6 April. Roll it back if the rate rose by more than "
        "half; otherwise make no change, and tell me the two rates.",
        f"Apply the runbook's error-rate rule to the {name} staging deployment of 6 April: "
        "compare the error rate in the 3 hours before it started with the 3 hours after it "
        "finished; roll it back if the rate after is over 1.5 times the rate before, "
        "otherwise leave it. Report both rates.",
        f"Ticket: {name}, staging, the deployment of 2026-04-06. Error rate (%) over the 3 "
        "whole hours before it started vs the 3 after it finished. If after > 1.5 x before, "
        "roll it back with that as the reason; else no change. Report both rates and the "
        "decision.",
    ]
    task = tool_task(
        task_id,
        HARD,
        f"Roll back a staging deploy only if errors rose ({'they did' if worse else 'twin: not'})",
        prompts,
        list(main.expected),
        order=tuple(main.order),
        alternatives=tuple(others),
        max_turns=6,
        outcome=outcome(
            writes=[wrote("rollback_deployment", deployment.id)] if worse else [],
            facts=[fact("the deployment", deployment.id)],
        ),
    )
    metric_call = call(
        "query_metrics",
        service=name,
        environment=env,
        metric="error_rate_pct",
        start=_hour(deployment.started_at, -SPAN_HOURS),
        end=_hour(deployment.finished_at, SPAN_HOURS + 1),
        step="1h",
    )
    turns = [
        [call("list_deployments", service=name, environment=env, limit=5)],
        [metric_call],
    ]
    rates = f"{before:.2f}% in the 3 hours before, {after:.2f}% in the 3 after"
    if worse:
        turns.append(
            [
                call(
                    "rollback_deployment",
                    deployment_id=deployment.id,
                    reason=f"Error rate rose from {before:.2f}% to {after:.2f}% after deploy",
                )
            ]
        )
        answer = (
            f"{deployment.id} ({name} {deployment.version}, staging): error rate {rates}, "
            f"more than 1.5 times higher, so I rolled it back to {deployment.previous_version}."
        )
    else:
        answer = (
            f"{deployment.id} ({name} {deployment.version}, staging): error rate {rates}, "
            "not a rise past 1.5 times, so I left it in place."
        )
    return task, reference(*turns, answer=answer)


def _hour(stamp: str, offset: int) -> str:
    """The whole hour ``offset`` hours from the hour of ``stamp`` (UTC), as ISO."""
    moment = parse_utc(stamp).replace(minute=0, second=0) + dt.timedelta(hours=offset)
    return format_utc(moment)
