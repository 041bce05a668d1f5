"""Conformance checks that every domain package runs in its own tests.

    from bench_core.testing import check_domain

    def test_domain_conforms():
        assert check_domain(my_domain()) == []

Each check returns a list of problems, one readable line each; an empty list means the domain
conforms. The checks that score (reference solutions score 100 and succeed, expected values
have their schema's types) are in ``bench_scoring.testing``, whose ``check_domain`` runs
these and those: bench-core never imports the scorer.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import msgspec

from ._domain import Domain
from ._matchers import ArgMatcher
from ._outcome import Effect
from ._tasks import ChartTask, ToolReference, ToolTask
from ._transcript import Transcript, TranscriptCall, is_error_result
from ._weights import QUALITY_LEVELS, Difficulty

__all__ = [
    "check_chart_data",
    "check_domain",
    "check_ids",
    "check_knowable_values",
    "check_prompts",
    "check_simulator_determinism",
    "reference_transcript",
    "run_reference",
]

# A domain prefix (DO_), then C_ for a chart task; "C_" alone is never a prefix. The prefix
# may be absent only for trading, whose bare ids (E01, C_E01) came before domains had prefixes.
_ID = re.compile(r"^(?:(?!C_)(?P<prefix>[A-Z][A-Z0-9]*)_)?(?P<chart>C_)?(?P<level>[EMHX])(\d{2})$")
_BARE_IDS_DOMAIN = "trading"
_SHOWN_IDS = 3  # ids a problem line names before it counts the rest
_LETTER = {
    "E": Difficulty.EASY,
    "M": Difficulty.MEDIUM,
    "H": Difficulty.HARD,
    "X": Difficulty.EXPERT,
}
_encode = msgspec.json.Encoder(order="sorted").encode


def check_domain(domain: Domain) -> list[str]:
    """The conformance checks that need no scorer; the problems of all of them.

    ``bench_scoring.testing.check_domain`` adds the checks that score: every expected call's
    values have the schema's types, and every reference solution scores 100 and succeeds.
    """
    return [
        *check_ids(domain),
        *check_prompts(domain),
        *check_simulator_determinism(domain),
        *check_knowable_values(domain),
        *check_chart_data(domain),
    ]


def check_ids(domain: Domain) -> list[str]:
    """Task ids are unique, well formed (``DO_E01``, ``DO_C_M02``), and agree with the task's
    suite, difficulty and domain.

    Every task of a domain carries the same upper-case prefix; ``trading`` alone may keep
    the seed's bare ids (``E01``, ``C_E01``).
    """
    problems: list[str] = []
    seen: set[str] = set()
    prefixes: dict[str | None, list[str]] = {}
    for task in domain.tasks():
        if task.id in seen:
            problems.append(f"{task.id}: the id is used twice")
        seen.add(task.id)
        if task.domain != domain.id:
            problems.append(f"{task.id}: its domain is {task.domain!r}, not {domain.id!r}")
        found = _ID.match(task.id)
        if not found:
            problems.append(f"{task.id}: not a well-formed id (PREFIX_[C_]<E|M|H|X><two digits>)")
            continue
        prefixes.setdefault(found.group("prefix"), []).append(task.id)
        if bool(found.group("chart")) != isinstance(task, ChartTask):
            problems.append(f"{task.id}: chart task ids, and only they, have 'C_' before the level")
        level = _LETTER[found.group("level")]
        if level != task.difficulty:
            problems.append(f"{task.id}: the id says {level}, the task {task.difficulty}")
    return problems + _check_prefixes(domain.id, prefixes)


def _check_prefixes(domain_id: str, prefixes: Mapping[str | None, list[str]]) -> list[str]:
    """One prefix for the whole domain, and a prefix at all unless the domain is trading."""
    if len(prefixes) > 1:
        used = "; ".join(
            f"{prefix + '_' if prefix else 'none'} ({_some(ids)})"
            for prefix, ids in sorted(prefixes.items(), key=lambda kv: (kv[0] or "", kv[1]))
        )
        return [f"task ids mix prefixes: {used}; give every task of the domain one prefix"]
    if None in prefixes and domain_id != _BARE_IDS_DOMAIN:
        example = re.sub(r"[^A-Z0-9]", "", domain_id.upper())[:2]
        example = example if example not in ("", "C") and example[0].isalpha() else "XX"
        return [
            f"task ids {_some(prefixes[None])} have no domain prefix: every id of a domain other "
            f"than {_BARE_IDS_DOMAIN!r} starts with one upper-case prefix, e.g. {example}_E01"
        ]
    return []


def _some(ids: Sequence[str]) -> str:
    shown = ", ".join(ids[:_SHOWN_IDS])
    more = len(ids) - _SHOWN_IDS
    return shown + (f" and {more} more" if more > 0 else "")


def check_prompts(domain: Domain) -> list[str]:
    """Each task has exactly ten prompts, none empty, no two the same."""
    problems: list[str] = []
    for task in domain.tasks():
        if len(task.prompts) != len(QUALITY_LEVELS):
            problems.append(f"{task.id}: {len(task.prompts)} prompts, not {len(QUALITY_LEVELS)}")
        normalised = [" ".join(p.split()).casefold() for p in task.prompts]
        if any(not p for p in normalised):
            problems.append(f"{task.id}: a prompt is empty")
        if len(set(normalised)) != len(normalised):
            problems.append(f"{task.id}: two prompts are the same")
    return problems


def reference_transcript(domain: Domain, task: ToolTask) -> tuple[Transcript, list[Effect]]:
    """A task's reference solution played on a fresh simulator, as a conversation would:
    the transcript (calls, results, the reference answer) and the simulator's effects."""
    reference = domain.reference(task.id)
    if not isinstance(reference, ToolReference):
        raise TypeError(f"{task.id}: the reference of a tool task must be a ToolReference")
    simulator = domain.simulator()
    calls: list[TranscriptCall] = []
    for turn, turn_calls in enumerate(reference.turns):
        for call in turn_calls:
            result = simulator.call(call.name, call.arguments)
            calls.append(
                TranscriptCall(
                    turn=turn,
                    name=call.name,
                    arguments=dict(call.arguments),
                    result=result,
                    error=is_error_result(result),
                )
            )
    transcript = Transcript(
        calls=calls, answer=reference.answer, finished=True, turns=len(reference.turns) + 1
    )
    return transcript, list(simulator.effects())


def run_reference(domain: Domain, task: ToolTask) -> tuple[list[dict[str, Any]], list[Any]]:
    """Execute a task's reference calls on a fresh simulator.

    Returns:
        The calls as the scorer reads them (with their turn) and each call's result.
    """
    reference = domain.reference(task.id)
    if not isinstance(reference, ToolReference):
        raise TypeError(f"{task.id}: the reference of a tool task must be a ToolReference")
    simulator = domain.simulator()
    calls: list[dict[str, Any]] = []
    results: list[Any] = []
    for turn, turn_calls in enumerate(reference.turns):
        for call in turn_calls:
            calls.append({"name": call.name, "arguments": dict(call.arguments), "turn": turn})
            results.append(simulator.call(call.name, call.arguments))
    return calls, results


def check_chart_data(domain: Domain) -> list[str]:
    """A chart task's data parses in its format, and its spec asks for something to score."""
    problems: list[str] = []
    for task in domain.tasks():
        if not isinstance(task, ChartTask):
            continue
        try:
            if task.data_format == "json":
                msgspec.json.decode(task.data)
            else:
                rows = list(csv.reader(io.StringIO(task.data.strip())))
                if len(rows) < 2 or len({len(row) for row in rows}) != 1:
                    problems.append(f"{task.id}: the CSV data needs a header and rows of one width")
        except msgspec.DecodeError as exc:
            problems.append(f"{task.id}: the JSON data does not parse: {exc}")
        if not task.spec.chart_type:
            problems.append(f"{task.id}: the spec names no chart type")
        if not (task.spec.labels or task.spec.values):
            problems.append(f"{task.id}: the spec lists no label or value to find")
    return problems


def check_simulator_determinism(domain: Domain) -> list[str]:
    """Fresh simulators give byte-identical JSON results for the same calls, and an error
    result (never an exception) for an unknown tool and for garbage arguments."""
    problems: list[str] = []
    for task in _tool_tasks(domain):
        first = [_encode(r) for r in run_reference(domain, task)[1]]
        second = [_encode(r) for r in run_reference(domain, task)[1]]
        if first != second:
            problems.append(f"{task.id}: the simulator gave different results for the same calls")
    simulator = domain.simulator()
    probes: list[tuple[str, Mapping[str, Any]]] = [("no_such_tool_exists", {})]
    probes += [
        (str(tool["function"]["name"]), {"\0": [None, {"x": 1e308}]}) for tool in domain.tools()
    ]
    for name, arguments in probes:
        try:
            result = simulator.call(name, arguments)
        except Exception as exc:
            problems.append(f"simulator raised {type(exc).__name__} for {name}({arguments!r})")
            continue
        if not (isinstance(result, Mapping) and isinstance(result.get("error"), Mapping)):
            problems.append(f"simulator answered {name}({arguments!r}) without an error result")
    return problems


def check_knowable_values(domain: Domain) -> list[str]:
    """Every expected text value can be known: it appears in a prompt, the preamble, the tool
    documentation, or a result the reference received before making that call.

    Numbers and dates are left out (they may be computed), and so are enum values.
    """
    schemas = _schemas(domain)
    documentation = _encode(list(domain.tools())).decode().casefold()
    problems: list[str] = []
    for task in _tool_tasks(domain):
        reference = domain.reference(task.id)
        if not isinstance(reference, ToolReference):
            continue
        known = "\n".join((domain.preamble, *task.prompts)).casefold()
        calls, results = run_reference(domain, task)
        seen_before: dict[int, str] = {}
        transcript = ""
        for call, result in zip(calls, results, strict=True):
            seen_before.setdefault(call["turn"], transcript)
            transcript += _encode(result).decode().casefold()
        for expected in task.expected:
            turn = _turn_of(expected.name, reference)
            corpus = known + documentation + seen_before.get(turn, transcript)
            properties = schemas.get(expected.name, {}).get("parameters", {}).get("properties", {})
            for param, values in expected.args.items():
                acceptable = values.any_of if isinstance(values, ArgMatcher) else tuple(values)
                texts = [v for v in acceptable if _is_plain_text(v, properties.get(param, {}))]
                if texts and not any(v.strip().casefold() in corpus for v in texts):
                    problems.append(
                        f"{task.id}: {expected.name}.{param} = {texts[0]!r} appears in no prompt, "
                        f"no documentation and no earlier result: the model cannot know it"
                    )
    return problems


def _turn_of(name: str, reference: ToolReference) -> int:
    # The last turn that calls the tool: the most the model may have seen before the call.
    turns = [
        turn for turn, calls in enumerate(reference.turns) if any(c.name == name for c in calls)
    ]
    return turns[-1] if turns else len(reference.turns)


def _is_plain_text(value: Any, schema: Mapping[str, Any]) -> bool:
    if not isinstance(value, str) or len(value.strip()) < 2 or value in schema.get("enum", ()):
        return False
    try:
        dt.date.fromisoformat(value[:10])
    except ValueError:
        return True
    return False


def _tool_tasks(domain: Domain) -> Iterator[ToolTask]:
    return (task for task in domain.tasks() if isinstance(task, ToolTask))


def _schemas(domain: Domain) -> dict[str, Mapping[str, Any]]:
    return {str(tool["function"]["name"]): tool["function"] for tool in domain.tools()}


def _offered(tools: Sequence[Mapping[str, Any]], task: ToolTask) -> list[Mapping[str, Any]]:
    if not task.tools:
        return list(tools)
    return [tool for tool in tools if tool["function"]["name"] in task.tools]
