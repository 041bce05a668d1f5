"""Conformance checks that score: what every domain package runs in its own tests.

    from bench_scoring.testing import check_domain

    def test_domain_conforms():
        assert check_domain(my_domain()) == []

``check_domain`` runs bench-core's checks (ids, prompts, determinism, knowable values, chart
data) and these: every expected call of every right way names a tool and parameters its
schema has, with values of the schema's types; every tool task's reference solution, played
on the simulator, scores 100 and succeeds (end state and answer facts); every chart task's
reference chart scores 100.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bench_core import (
    ArgMatcher,
    ChartReference,
    ChartTask,
    Domain,
    ExpectedCall,
    ToolReference,
    ToolTask,
)
from bench_core import testing as core_checks

from ._chart_score import score_chart
from ._item_score import score_item
from ._schema import type_problem

__all__ = ["check_domain", "check_references", "check_tool_expectations"]


def check_domain(domain: Domain) -> list[str]:
    """Every conformance check, bench-core's and the scoring ones; the problems of all."""
    return [
        *core_checks.check_domain(domain),
        *check_tool_expectations(domain),
        *check_references(domain),
    ]


def check_tool_expectations(domain: Domain) -> list[str]:
    """Every expected call of every right way names a tool of the domain and only parameters
    of its schema, with acceptable values of the schema's types; every other tool name and
    order id exists, and every required write names an action."""
    schemas = {tool["function"]["name"]: tool["function"] for tool in domain.tools()}
    problems: list[str] = []
    for task in domain.tasks():
        if not isinstance(task, ToolTask):
            continue
        for name in (*task.tools, *task.allowed, *task.forbidden):
            if name not in schemas:
                problems.append(f"{task.id}: names tool {name!r}, which the domain does not have")
        ways = [(task.expected, task.order)] + [(w.expected, w.order) for w in task.alternatives]
        for number, (expected, order) in enumerate(ways):
            where = task.id if number == 0 else f"{task.id} (way {number})"
            problems += _check_way(where, task, expected, order, schemas)
        for wanted in task.outcome.writes:
            if not wanted.action or not wanted.target:
                problems.append(f"{task.id}: a required write needs an action and a target")
    return problems


def _check_way(
    where: str,
    task: ToolTask,
    expected: Sequence[ExpectedCall],
    order: Sequence[tuple[str, str]],
    schemas: Mapping[str, Mapping[str, Any]],
) -> list[str]:
    problems: list[str] = []
    offered = set(task.tools) or set(schemas)
    keys = [call.key for call in expected]
    for pair in order:
        for key in pair:
            if keys.count(key) != 1:
                problems.append(f"{where}: order names {key!r}, not exactly one expected call")
    for call in expected:
        if call.name not in schemas:
            problems.append(f"{where}: expects tool {call.name!r}, which the domain lacks")
            continue
        if call.name not in offered:
            problems.append(f"{where}: expects tool {call.name!r}, which it does not offer")
        if call.name in task.forbidden:
            problems.append(f"{where}: expects {call.name!r} and forbids it")
        properties = schemas[call.name].get("parameters", {}).get("properties", {})
        for param, values in call.args.items():
            if param not in properties:
                problems.append(f"{where}: {call.name} has no parameter {param!r}")
                continue
            acceptable = values.any_of if isinstance(values, ArgMatcher) else values
            if not acceptable:
                problems.append(f"{where}: {call.name}.{param} lists no acceptable value")
            for value in acceptable:
                problem = type_problem(properties[param], value)
                if problem:
                    problems.append(f"{where}: {call.name}.{param} value {problem}")
        problems += [
            f"{where}: {call.name} marks {param!r} optional but lists no value"
            for param in call.optional
            if param not in call.args
        ]
    return problems


def check_references(domain: Domain) -> list[str]:
    """Every reference solution exists; a tool task's, played on the simulator, scores 100
    and succeeds in fewer turns than the task allows; a chart task's scores 100."""
    tools = domain.tools()
    writes = domain.write_tools()
    problems: list[str] = []
    for task in domain.tasks():
        try:
            reference = domain.reference(task.id)
        except Exception as exc:
            problems.append(f"{task.id}: no reference solution ({type(exc).__name__}: {exc})")
            continue
        if isinstance(task, ChartTask):
            problems.extend(_check_chart_reference(task, reference))
        elif not isinstance(reference, ToolReference):
            problems.append(f"{task.id}: the reference of a tool task must be a ToolReference")
        else:
            problems.extend(_check_tool_reference(domain, task, reference, tools, writes))
    return problems


def _check_tool_reference(
    domain: Domain,
    task: ToolTask,
    reference: ToolReference,
    tools: Sequence[Mapping[str, Any]],
    writes: frozenset[str],
) -> list[str]:
    problems: list[str] = []
    if len(reference.turns) + 1 > task.max_turns:
        problems.append(
            f"{task.id}: the reference needs {len(reference.turns) + 1} turns, "
            f"the task allows {task.max_turns}"
        )
    transcript, effects = core_checks.reference_transcript(domain, task)
    offered = [t for t in tools if not task.tools or t["function"]["name"] in task.tools]
    try:
        scored = score_item(
            task, transcript, effects, tools=offered, writes=writes, reference=reference
        )
    except ValueError as exc:
        return [*problems, f"{task.id}: the expectation cannot be scored: {exc}"]
    if scored.score.total != 100:
        reasons = "; ".join(scored.score.reasons)
        problems.append(f"{task.id}: the reference scores {scored.score.total}: {reasons}")
    if not scored.outcome.success:
        reasons = "; ".join(scored.outcome.reasons)
        problems.append(f"{task.id}: the reference does not succeed: {reasons}")
    return problems


def _check_chart_reference(task: ChartTask, reference: object) -> list[str]:
    if not isinstance(reference, ChartReference) or not reference.html.strip():
        return [f"{task.id}: the reference of a chart task must be a ChartReference with HTML"]
    try:
        score = score_chart(reference.html, task.spec)
    except ValueError as exc:
        return [f"{task.id}: the chart spec cannot be scored: {exc}"]
    if score.total != 100:
        return [f"{task.id}: the reference chart scores {score.total}: {'; '.join(score.reasons)}"]
    return []
