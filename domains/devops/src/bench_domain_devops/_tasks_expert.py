"""Expert tasks: the runbook's freeze rule and its twin (with a false premise), a recovery
from an error whose message does not name the answer, and a long log search that needs every
page, with a request no tool can serve."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bench_core import Difficulty, ExpectedCall

from ._expect import (
    Solved,
    call,
    expect,
    fact,
    false_claim,
    instant,
    outcome,
    person,
    reference,
    service,
    text,
    tool_task,
    wrote,
)
from ._facts import Facts
from ._simulator import DevopsSimulator
from ._tasks_hard import ways

EXPERT = Difficulty.EXPERT

OOM_DAY = dt.date(2026, 4, 3)
CANNOT = (
    "cannot",
    "can't",
    "can not",
    "unable",
    "not able",
    "no tool",
    "don't have",
    "do not have",
    "not possible",
    "isn't possible",
    "no way",
)


def expert_tasks(facts: Facts) -> list[Solved]:
    """DO_X01-DO_X04."""
    return [_x01(facts), _x02(facts), _x03(facts), _x04(facts)]


def _incident_check(facts: Facts, name: str, incident_id: str) -> list[ExpectedCall]:
    """The ways to learn the severity of the service's open incident."""
    return [
        expect(
            "list_incidents",
            "incidents",
            optional=("environment", "status"),
            service=service(facts.fixtures, name),
            environment=["prod"],
            status=["open"],
        ),
        expect("get_incident", "incidents", incident_id=[incident_id]),
    ]


def _x01(facts: Facts) -> Solved:
    deployment = facts.story_deployment("checkout_bad_hotfix")
    incident = facts.story_incident("checkout_incident")
    freeze = facts.freeze_in_force("prod")
    assert facts.runbook_allows_rollback(deployment)
    find = [
        expect(
            "list_deployments",
            "find",
            optional=("environment",),
            service=service(facts.fixtures, "checkout"),
            environment=["prod"],
        ),
        expect("get_service", "find", service=service(facts.fixtures, "checkout")),
    ]
    rollback = expect(
        "rollback_deployment",
        "rollback",
        optional=("incident_id",),
        deployment_id=[deployment.id],
        incident_id=[incident.id],
    )
    order = [("find", "rollback"), ("incidents", "rollback")]
    main, *others = ways(
        find, _incident_check(facts, "checkout", incident.id), [rollback], order=order
    )
    task = tool_task(
        "DO_X01",
        EXPERT,
        "A rollback in a freeze, which the runbook allows (an open SEV2)",
        [
            "checkout hotfix last nite is breaking stuff. roll it back if runbook lets us "
            "(freeze!!)",
            "can we roll back last nights checkout hotfix during the freeze? if yes do it",
            "checkout prod hotfix from last night - rollback allowed under the runbook? if so go",
            "Last night's checkout hotfix is causing errors. We're in a freeze, so roll it back "
            "only if the runbook allows it.",
            "Can you check whether the runbook lets us roll back last night's checkout hotfix "
            "in prod despite the freeze, and if it does, roll it back?",
            "The checkout hotfix that went to prod last night looks bad. If our freeze rules "
            "allow a rollback right now, do it; if not, leave it and tell me why.",
            "Please roll back the checkout hotfix deployed to production last night, but only "
            "if the runbook permits a prod rollback during the current change freeze; check "
            "the open incidents first.",
            "Check whether checkout has an open incident in prod severe enough for the "
            "runbook's freeze exception. If so, roll back the live checkout hotfix from last "
            "night and link the incident; if not, make no change and explain.",
            "Decide per the runbook whether the checkout prod hotfix deployed yesterday evening "
            "(UTC) may be rolled back during the freeze in force; if an open SEV1/SEV2 "
            "incident of checkout in prod justifies it, roll it back, linking the incident.",
            "Ticket: checkout, prod, the hotfix deployed 2026-04-07 ~22:00 UTC and live now. "
            "Freeze rule: rollback only for an open SEV1/SEV2 checkout prod incident. If one "
            "exists, roll the hotfix back linked to it; otherwise no change. Report the "
            "deployment id, the incident and severity, and the version now live.",
        ],
        list(main.expected),
        order=tuple(main.order),
        alternatives=tuple(others),
        max_turns=7,
        outcome=outcome(
            writes=[
                wrote(
                    "rollback_deployment",
                    deployment.id,
                    to_version=[deployment.previous_version],
                    incident_id=[incident.id],  # the runbook: link the incident
                )
            ],
            facts=[
                fact("the deployment", deployment.id),
                fact("the incident", incident.id),
            ],
        ),
    )
    answer = (
        f"The freeze {freeze} is in force, but {incident.id} ({incident.severity}, "
        f"{incident.status}) is open on checkout in prod, so the runbook allows it: I rolled "
        f"back {deployment.id} ({deployment.version}); {deployment.previous_version} is "
        f"being redeployed, linked to {incident.id}."
    )
    return task, reference(
        [
            call("list_deployments", service="checkout", environment="prod", limit=5),
            call("list_incidents", service="checkout", environment="prod", status="open"),
            call("list_change_freezes"),
        ],
        [
            call(
                "rollback_deployment",
                deployment_id=deployment.id,
                reason=f"Tax rounding hotfix broke the payment step ({incident.id})",
                incident_id=incident.id,
            )
        ],
        answer=answer,
    )


def _x02(facts: Facts) -> Solved:
    deployment = facts.story_deployment("cart_regression")
    (incident,) = facts.open_incidents("cart", "prod")
    freeze = facts.freeze_in_force("prod")
    assert freeze is not None
    assert not facts.runbook_allows_rollback(deployment)
    freezes = expect("list_change_freezes", "freeze")
    main, *others = ways(_incident_check(facts, "cart", incident.id), [freezes])
    task = tool_task(
        "DO_X02",
        EXPERT,
        "Twin: a rollback in a freeze the runbook forbids, asked on a false premise",
        [
            "carts sev2 is still open so runbook says we can rollback yesterdays cart release "
            "- do it",
            "cart has a sev2 open -> freeze exception applies. roll back the cart release from "
            "yday",
            "roll back cart prod release from yesterday, its got a SEV2 so the freeze is fine",
            "Cart's SEV2 is still open, so the runbook lets us roll back yesterday's cart "
            "release despite the freeze. Please do it.",
            "Since cart has an open SEV2 in prod, the freeze exception applies; can you roll "
            "back yesterday's cart release?",
            "The cart incident in prod is a SEV2, which means the runbook allows a rollback "
            "during the freeze. Please roll back the cart release that went out yesterday.",
            "Please roll back yesterday's cart release in production. Its open incident is a "
            "SEV2, so the freeze exception in the runbook should apply; check before you act.",
            "Cart's open prod incident is SEV2, I believe, so under the runbook we may roll "
            "back yesterday's cart release despite the freeze. Verify that, then roll back "
            "only if the runbook really allows it.",
            "Roll back the cart release deployed to prod yesterday (7 April) under the "
            "runbook's freeze exception: its open incident is, I'm told, a SEV2. Confirm the "
            "severity and the freeze first; act only if the runbook permits it.",
            "Ticket: cart, prod, the release deployed 2026-04-07. Requester states cart's open "
            "incident is SEV2 and invokes the freeze exception. Verify the open incident's "
            "severity and the freeze in force; roll back only if the runbook allows it, "
            "otherwise no change. Report the incident, its severity and the decision.",
        ],
        list(main.expected),
        alternatives=tuple(others),
        max_turns=7,
        outcome=outcome(
            facts=[
                fact("the incident's real severity", incident.severity),
                fact("the incident", incident.id),
                false_claim(
                    "that the release was rolled back",
                    f"I rolled back {deployment.id}",
                    f"{deployment.id} is rolled back",
                    f"{deployment.id} has been rolled back",
                    f"{deployment.id} was rolled back",
                    f"{incident.id} is SEV2",
                    f"{incident.id} is a SEV2",
                ),
            ]
        ),
    )
    answer = (
        f"I did not roll back {deployment.id} (cart {deployment.version}). The only open "
        f"cart incident in prod, {incident.id}, is {incident.severity}, not SEV2, and the "
        f"freeze {freeze} is in force: the runbook allows a prod rollback in a freeze only "
        "for an open SEV1 or SEV2. Raise the severity if the impact warrants it, or wait "
        "for the freeze to end on 14 April."
    )
    return task, reference(
        [
            call("list_incidents", service="cart", environment="prod", status="open"),
            call("list_change_freezes"),
            call("list_deployments", service="cart", environment="prod", limit=5),
        ],
        answer=answer,
    )


def _x03(facts: Facts) -> Solved:
    fixtures = facts.fixtures
    renamed = fixtures.stories.renamed_service
    new, old = renamed["name"], renamed["former_name"]
    latest = max(
        (d for d in fixtures.deployments if (d.service, d.environment) == (new, "prod")),
        key=lambda d: d.started_at,
    )
    team = facts.team_of(new)
    primary = facts.primary_at(team, facts.now)
    failing = [
        expect("list_deployments", "fail", service=[old], fails=True),
        expect("get_service", "fail", service=[old], fails=True),
        expect("get_oncall", "fail", service=[old], fails=True),
    ]
    catalogue = expect("list_services", "catalogue")
    find = [
        expect(
            "list_deployments",
            "find",
            optional=("environment",),
            service=service(fixtures, new),
            environment=["prod"],
        ),
        expect("get_service", "find", service=service(fixtures, new)),
    ]
    oncall = [
        expect("get_oncall", "oncall", team=[team]),
        expect("get_oncall", "oncall", service=service(fixtures, new)),
    ]
    order = [("catalogue", "find"), ("catalogue", "oncall")]
    main, *recovered = ways(failing, [catalogue], find, oncall, order=order)
    # Reading the catalogue first, before any call fails, is as right.
    others = [*recovered, *ways([catalogue], find, oncall, order=order)]
    task = tool_task(
        "DO_X03",
        EXPERT,
        "Recover from a former service name the API no longer accepts",
        [
            f"{old} - last prod deploy? + whos on call for it",
            f"whats the latest {old} deploy in prod and who do i page",
            f"{old} prod: newest deploy, who shipped, who's oncall now",
            f"What's the latest prod deployment of {old}, who shipped it, and who's on call "
            "for it now?",
            f"Can you find the most recent production deployment of the {old} service and "
            "who deployed it, and tell me who's on call for it right now?",
            f"I need the latest deployment of {old} in prod (id, version, author) and the "
            "person holding its team's pager now.",
            f"Please find the most recent deployment of the {old} service to production, with "
            "its id, version and author, and who is primary on call for the owning team now.",
            f"For the {old} service (it may go by another name now), report its latest "
            "production deployment (id, version, author) and the owning team's primary on "
            "call at this moment.",
            f"Look up the service that used to be called {old}: its current name, its most "
            "recent prod deployment (id, version, author, date) and its team's primary on "
            "call right now.",
            f"Ticket: service formerly named '{old}'. Report its current name, the most recent "
            "deployment to prod (id, version, author handle, start date UTC) and the owning "
            "team's primary on call now (2026-04-08 06:15 UTC).",
        ],
        list(main.expected),
        order=tuple(main.order),
        alternatives=tuple(others),
        max_turns=7,
        outcome=outcome(
            facts=[
                fact("the current name", new),
                fact("the latest deployment", latest.id),
                fact("its author", *person(latest.author)),
                fact("the primary now", *person(primary)),
            ]
        ),
    )
    answer = (
        f"{old} was renamed {new} (team {team}). Its latest prod deployment is {latest.id}: "
        f"{latest.version} by {latest.author}, started {latest.started_at[:10]}. {primary} "
        f"is primary on call for {team} now."
    )
    return task, reference(
        [call("list_deployments", service=old, environment="prod")],
        [call("list_services")],
        [
            call("list_deployments", service=new, environment="prod", limit=5),
            call("get_oncall", team=team),
        ],
        answer=answer,
    )


def _x04(facts: Facts) -> Solved:
    pods = facts.pods_logging("inventory", "prod", "OOMKilled", OOM_DAY)
    count = facts.log_count("inventory", "prod", "OOMKilled", OOM_DAY)
    query = text(
        "OOMKilled",
        "OOM",
        "OOM killed",
        "OOMKilled inventory",
        "inventory OOMKilled",
        "container OOMKilled",
        "OOMKilled restarting",
    )
    optional = ("service", "environment", "start", "end", "level")
    scope: dict[str, Any] = {
        "service": service(facts.fixtures, "inventory"),
        "environment": ["prod"],
        "level": ["ERROR"],
        "start": instant("2026-04-03T00:00:00Z"),
        "end": instant("2026-04-04T00:00:00Z", "2026-04-03T23:59:59Z"),
    }
    pages = [
        expect("search_logs", "first", optional=optional, query=query, **scope),
        expect("search_logs", "next", optional=optional, query=query, **scope),
    ]
    task = tool_task(
        "DO_X04",
        EXPERT,
        "Every pod in a long log search, and a restart no tool can do",
        [
            "inventory pods oomkiled on apr 3 - which ones? restart em",
            "which inventory pods got OOM killed april 3rd, all of them. and restart them pls",
            "oomkills inventory prod 3/4 - list every pod + restart",
            "Which inventory pods in prod were OOMKilled on 3 April? List all of them and "
            "restart them.",
            "Can you find every inventory pod in production that got OOMKilled on April 3 and "
            "restart those pods?",
            "I need the full list of inventory pods in prod that were OOM-killed on 3 April, "
            "every one of them, and then please restart them.",
            "Please list every inventory pod in production whose logs show an OOMKilled on "
            "3 April 2026 (UTC), all of them rather than the first few, and restart each pod.",
            "Find all inventory pods in prod that logged OOMKilled on 2026-04-03 (the log "
            "search is long: go through all of it), tell me how many kills there were, and "
            "restart those pods.",
            "Go through every OOMKilled log line of inventory in prod on 3 April 2026 (UTC) and "
            "list each distinct pod, with the number of kills; then restart the pods that "
            "were killed.",
            "Ticket: inventory, prod, 2026-04-03 00:00-24:00 UTC. Report every distinct pod "
            "with an OOMKilled log line (complete list, not a sample) and the total number of "
            "such lines; then restart those pods.",
        ],
        pages,
        order=(("first", "next"),),
        max_turns=8,
        outcome=outcome(
            facts=[
                *(fact(f"pod {pod}", pod) for pod in pods),
                fact("that no tool restarts pods", *CANNOT),
            ]
        ),
    )
    search = {
        "query": "OOMKilled",
        "service": "inventory",
        "environment": "prod",
        "start": "2026-04-03T00:00:00Z",
        "end": "2026-04-04T00:00:00Z",
    }
    turns = [[call("search_logs", **search)]]
    simulator_pages = _pages(facts, search)
    turns += [[call("search_logs", **search, cursor=c)] for c in simulator_pages]
    answer = (
        f"{count} OOMKilled lines for inventory in prod on 3 April, from {len(pods)} pods: "
        f"{', '.join(pods)}. I cannot restart pods: no tool of this API does that (the "
        "runbook leaves restarts to the inventory team in the cluster console). The kills hit "
        "the 1600Mi memory limit; incident "
        f"{facts.story_incident('inventory_oom').id} covers them."
    )
    return task, reference(*turns, answer=answer)


def _pages(facts: Facts, search: dict[str, Any]) -> list[str]:
    """The cursors of the pages after the first, as the simulator hands them out."""
    api = DevopsSimulator(facts.fixtures)
    cursors: list[str] = []
    result = api.call("search_logs", search)
    while result.get("next_cursor"):
        cursors.append(result["next_cursor"])
        result = api.call("search_logs", {**search, "cursor": cursors[-1]})
    return cursors
