"""Easy tasks: one call, the values stated or plainly implied."""

from __future__ import annotations

from bench_core import Difficulty

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
)
from ._facts import Facts

EASY = Difficulty.EASY


def easy_tasks(facts: Facts) -> list[Solved]:
    """DO_E01-DO_E05."""
    return [_e01(facts), _e02(facts), _e03(facts), _e04(facts), _e05(facts)]


def _e01(facts: Facts) -> Solved:
    primary = facts.primary_at("payments", facts.now)
    task = tool_task(
        "DO_E01",
        EASY,
        "Who holds the payments pager now",
        [
            "whos on call paymnts rn",
            "payments oncall now?",
            "who's got the payments pager atm",
            "Who's on call for payments right now?",
            "Can you tell me who is on call for the payments team at the moment?",
            "I need to reach whoever holds the payments pager right now. Who is it?",
            "Please find out who is the primary on-call engineer for the payments team right "
            "now, taking any override into account.",
            "Who is the primary on call for the payments team at this moment (08:15 Berlin "
            "time today)? If someone is covering for the scheduled person, give me the cover.",
            "Tell me who is primary on call for the payments team now, overrides included, "
            "and who the secondary is.",
            "Ticket: name the engineer holding the payments team's primary pager now "
            "(2026-04-08 06:15 UTC), after any override of the weekly rota, plus the "
            "secondary. Answer with their handles.",
        ],
        [expect("get_oncall", team=["payments"])],
        alternatives=(way(expect("get_oncall", service=service(facts.fixtures, "payments"))),),
        max_turns=3,
        outcome=outcome(facts=[fact("the primary now", *person(primary))]),
    )
    answer = (
        f"{primary} is primary on call for payments now (an override covering jan.kowalski); "
        "the secondary is aiko.tanaka."
    )
    return task, reference([call("get_oncall", team="payments")], answer=answer)


def _e02(facts: Facts) -> Solved:
    deployment = facts.story_deployment("checkout_bad_hotfix")
    task = tool_task(
        "DO_E02",
        EASY,
        "Who shipped a deployment, and which version",
        [
            f"{deployment.id.lower()} who shiped it + version",
            f"who did {deployment.id}? what version",
            f"{deployment.id} - author and version pls",
            f"Who deployed {deployment.id} and what version did it ship?",
            f"Can you look up {deployment.id} and tell me who pushed it and which version "
            "went out?",
            f"I'd like to know the author of deployment {deployment.id} and the version it "
            "deployed.",
            f"Please look up deployment {deployment.id} and tell me who authored it and which "
            "version it deployed.",
            f"For deployment {deployment.id}, give me the author's handle and the version it "
            "deployed, and say whether it is still live.",
            f"Look up deployment {deployment.id}: who was its author, what version did it "
            "roll out, and which service and environment was it for?",
            f"Ticket: for deployment {deployment.id}, report the author (handle), the version "
            "deployed, the service and environment, and whether that version is live now.",
        ],
        [expect("get_deployment", deployment_id=[deployment.id])],
        max_turns=3,
        outcome=outcome(
            facts=[
                fact("the author", *person(deployment.author)),
                fact("the version", deployment.version),
            ]
        ),
    )
    answer = (
        f"{deployment.id} was shipped by {deployment.author}: {deployment.service} "
        f"{deployment.version} to {deployment.environment}, and it is still live."
    )
    return task, reference([call("get_deployment", deployment_id=deployment.id)], answer=answer)


def _e03(facts: Facts) -> Solved:
    incident = facts.story_incident("checkout_incident")
    task = tool_task(
        "DO_E03",
        EASY,
        "The state of one incident",
        [
            f"{incident.id.lower()} status? sev?",
            f"whats the status of {incident.id}",
            f"{incident.id} - where are we, sev + status + who's IC",
            f"What's the current status and severity of {incident.id}?",
            f"Can you check {incident.id} and tell me its severity, status and who's running it?",
            f"Where does incident {incident.id} stand right now? Severity, status and the "
            "incident commander, please.",
            f"Please look up incident {incident.id} and report its severity, its current status "
            "and its incident commander.",
            f"Give me the severity, the current status and the incident commander of "
            f"{incident.id}, and the deployment it was caused by if one is known.",
            f"Report on incident {incident.id}: severity level, current status, the commander's "
            "handle and the causing deployment.",
            f"Ticket: for incident {incident.id}, state its severity (SEV1-SEV4), its current "
            "status, the incident commander's handle and the id of the deployment that caused "
            "it, if any.",
        ],
        [expect("get_incident", incident_id=[incident.id])],
        alternatives=(
            way(expect("list_incidents")),  # the summary rows carry all four fields
        ),
        max_turns=3,
        outcome=outcome(
            facts=[
                fact("the severity", incident.severity),
                fact("the status", incident.status),
                fact("the commander", *person(incident.commander)),
            ]
        ),
    )
    answer = (
        f"{incident.id} is {incident.severity}, status {incident.status}; the commander is "
        f"{incident.commander}. It was caused by {incident.caused_by_deployment}."
    )
    return task, reference([call("get_incident", incident_id=incident.id)], answer=answer)


def _e04(facts: Facts) -> Solved:
    budget = facts.slo_budget("checkout", "prod")
    task = tool_task(
        "DO_E04",
        EASY,
        "How much error budget a service has left",
        [
            "checkout err budget left?",
            "how much error budgt does chekout have",
            "checkout slo - budget remaining?",
            "How much error budget does checkout have left?",
            "Can you check how much of checkout's error budget is still left in prod?",
            "What share of the checkout service's error budget is left in production?",
            "Please tell me how much of the checkout service's prod availability error budget "
            "remains, as a percentage.",
            "For checkout in production, what percentage of the 30-day availability error "
            "budget is left, and what is the objective?",
            "Report the remaining error budget of checkout's prod availability SLO as a "
            "percentage, with the SLO objective and the measured availability.",
            "Ticket: checkout, prod, availability SLO over the rolling 30 days: report the "
            "objective (%), the measured availability (%) and the error budget remaining (% "
            "of budget).",
        ],
        [
            expect(
                "get_slo",
                optional=("environment",),
                service=service(facts.fixtures, "checkout"),
                environment=["prod"],
            )
        ],
        max_turns=3,
        outcome=outcome(
            facts=[fact("the budget left", budget["budget_remaining_pct"], tolerance=0.5)]
        ),
    )
    answer = (
        f"Checkout (prod) has {budget['budget_remaining_pct']}% of its error budget left: "
        f"objective {budget['objective_pct']}%, measured availability "
        f"{budget['availability_pct']}%."
    )
    return task, reference([call("get_slo", service="checkout")], answer=answer)


def _e05(facts: Facts) -> Solved:
    freeze = next(f for f in facts.fixtures.freezes if f.id == facts.freeze_in_force("prod"))
    ends_local = freeze.ends_local
    task = tool_task(
        "DO_E05",
        EASY,
        "The change freeze in force",
        [
            "r we in a freeze? till when",
            "freeze on atm?? when does it end",
            "is there a change freze now, ends when",
            "Are we in a change freeze right now? Until when?",
            "Is a change freeze in force at the moment, and when does it end?",
            "I need to know if there's a change freeze on right now and when it lifts.",
            "Please check whether a change freeze is in force now and tell me its name and "
            "when it ends.",
            "Is any change freeze in force right now? If so, give me its name, which "
            "environments it covers and when it ends, in Berlin time.",
            "Tell me which change freeze is in force at the moment, the environments it "
            "covers, and its end time in Berlin local time.",
            "Ticket: report the change freeze in force now (2026-04-08 06:15 UTC): its id, "
            "name, the environments it covers and its end as a Berlin date and time.",
        ],
        [expect("list_change_freezes")],
        max_turns=3,
        outcome=outcome(
            facts=[
                fact("the freeze", freeze.id, freeze.name),
                fact(
                    "the day it ends",
                    freeze.ends_at[:10],
                    freeze.ends_at,
                    freeze.ends_local,
                    f"{freeze.ends_local[:16]}",
                    "14 April",
                    "14th April",
                    "14th of April",
                    "April 14",
                    "April 14th",
                    "14 Apr",
                    "Apr 14",
                    "Apr 14th",
                    "14.04",
                    "Tuesday",
                ),
            ]
        ),
    )
    answer = (
        f"Yes: {freeze.id} ({freeze.name}) is in force for {', '.join(freeze.environments)} "
        f"until Tuesday {ends_local[:10]} at {ends_local[11:16]} Berlin time."
    )
    return task, reference([call("list_change_freezes")], answer=answer)
