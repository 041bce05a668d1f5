"""The conformance checks find what is wrong with a domain, and nothing in a sound one."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import msgspec
import pytest

from bench_core import (
    AnswerFact,
    CallSet,
    ChartReference,
    Difficulty,
    Effect,
    ExpectedCall,
    ExpectedEffect,
    Outcome,
    Task,
    ToolCall,
    ToolReference,
    ToolTask,
)
from bench_core.testing import check_ids
from bench_scoring.testing import check_domain

TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "find_position",
            "description": "Find the open position of a symbol.",
            "parameters": {
                "type": "object",
                "properties": {"symbol": {"type": "string"}},
                "required": ["symbol"],
            },
        },
    },
    {
        "type": "function",
        "function": {
            "name": "close_position",
            "description": "Close an open position.",
            "parameters": {
                "type": "object",
                "properties": {"position_id": {"type": "string"}},
                "required": ["position_id"],
            },
        },
    },
]
PROMPTS = tuple(f"close my AAPL position, version {q}" for q in range(1, 11))


class Sim:
    def __init__(self, drift: list[int] | None = None) -> None:
        self.drift = drift
        self.closed: list[Effect] = []

    def effects(self) -> list[Effect]:
        return list(self.closed)

    def call(self, name: str, arguments: Mapping[str, Any]) -> Any:
        if name == "find_position" and arguments.get("symbol") == "AAPL":
            if self.drift is not None:
                self.drift.append(1)
                return {"position_id": "P-9", "n": len(self.drift)}
            return {"position_id": "P-9"}
        if name == "close_position" and arguments.get("position_id") == "P-9":
            self.closed.append(Effect(action="close_position", target="P-9"))
            return {"closed": True}
        return {"error": {"code": "invalid_argument", "message": f"bad call to {name}"}}


class Fake:
    id = "fake"
    title = "Fake"
    preamble = "Today is 2026-04-15."

    def __init__(self, task: ToolTask, reference: ToolReference, drift: bool = False) -> None:
        self.task = task
        self.ref = reference
        self.drift: list[int] | None = [] if drift else None

    def tools(self) -> Sequence[Mapping[str, Any]]:
        return TOOLS

    def write_tools(self) -> frozenset[str]:
        return frozenset({"close_position"})

    def tasks(self) -> Sequence[Task]:
        return [self.task]

    def simulator(self) -> Sim:
        return Sim(self.drift)

    def reference(self, task_id: str) -> ToolReference | ChartReference:
        return self.ref


GOOD_TASK = ToolTask(
    id="FK_H01",
    domain="fake",
    difficulty=Difficulty.HARD,
    title="close by symbol",
    prompts=PROMPTS,
    expected=(
        ExpectedCall(name="find_position", args={"symbol": ["AAPL"]}, id="find"),
        ExpectedCall(name="close_position", args={"position_id": ["P-9"]}, id="close"),
    ),
    order=(("find", "close"),),
    max_turns=4,
    outcome=Outcome(
        writes=(ExpectedEffect(action="close_position", target=("P-9",)),),
        facts=(AnswerFact(name="the position closed", any_of=("P-9",)),),
    ),
)
GOOD_REFERENCE = ToolReference(
    turns=(
        (ToolCall(name="find_position", arguments={"symbol": "AAPL"}),),
        (ToolCall(name="close_position", arguments={"position_id": "P-9"}),),
    ),
    answer="Closed P-9.",
)


def test_a_sound_domain_has_no_problems() -> None:
    assert check_domain(Fake(GOOD_TASK, GOOD_REFERENCE)) == []


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"id": "FK_E01"}, "the id says easy, the task hard"),
        ({"id": "fk-h1"}, "not a well-formed id"),
        ({"domain": "other"}, "its domain is 'other'"),
        ({"prompts": PROMPTS[:9]}, "9 prompts, not 10"),
        ({"prompts": (*PROMPTS[:9], PROMPTS[0].upper())}, "two prompts are the same"),
        ({"max_turns": 2}, "the reference needs 3 turns, the task allows 2"),
        ({"allowed": ("list_everything",)}, "names tool 'list_everything'"),
        ({"order": (("find", "nope"),)}, "order names 'nope'"),
        (
            {
                "expected": (ExpectedCall(name="find_position", args={"sym": ["AAPL"]}),),
                "order": (),
            },
            "find_position has no parameter 'sym'",
        ),
        (
            {"expected": (ExpectedCall(name="find_position", args={"symbol": [7]}),), "order": ()},
            "find_position.symbol value expects string, got integer",
        ),
        (
            {
                "expected": (
                    ExpectedCall(name="find_position", args={"symbol": ["AAPL"]}, id="find"),
                    ExpectedCall(name="close_position", args={"position_id": ["P-8"]}, id="close"),
                )
            },
            "the reference scores",
        ),
        (
            {
                "expected": (
                    ExpectedCall(name="find_position", args={"symbol": ["AAPL"]}, id="find"),
                    ExpectedCall(name="close_position", args={"position_id": ["P-9"]}, id="close"),
                ),
                "forbidden": ("close_position",),
            },
            "expects 'close_position' and forbids it",
        ),
    ],
)
def test_each_problem_is_found(changes: dict[str, Any], problem: str) -> None:
    task = msgspec.structs.replace(GOOD_TASK, **changes)
    problems = check_domain(Fake(task, GOOD_REFERENCE))
    assert any(problem in p for p in problems), problems


def test_a_value_the_model_cannot_know_is_found() -> None:
    # The reference closes P-9 in the same turn it looks it up: nothing told it the id yet.
    reference = ToolReference(
        turns=(
            (
                ToolCall(name="find_position", arguments={"symbol": "AAPL"}),
                ToolCall(name="close_position", arguments={"position_id": "P-9"}),
            ),
        ),
        answer="Closed.",
    )
    problems = check_domain(Fake(GOOD_TASK, reference))
    assert any("position_id = 'P-9' appears in no prompt" in p for p in problems), problems


def test_a_non_deterministic_simulator_is_found() -> None:
    problems = check_domain(Fake(GOOD_TASK, GOOD_REFERENCE, drift=True))
    assert any("different results for the same calls" in p for p in problems), problems


@pytest.mark.parametrize(
    ("task_id", "chart", "well_formed"),
    [
        ("E01", False, True),
        ("C_E01", True, True),
        ("DO_C_M03", True, True),
        ("CA_X04", False, True),
        ("CA_C_X04", True, True),
        ("C_E01", False, False),
        ("DO_E01", True, False),
    ],
)
def test_chart_ids_carry_c_and_tool_ids_do_not(
    task_id: str, chart: bool, well_formed: bool
) -> None:
    from bench_core.testing import _ID

    found = _ID.match(task_id)
    assert found is not None
    assert (bool(found.group("chart")) == chart) == well_formed


class Named(Fake):
    """The fake domain under another id, with the tasks given."""

    def __init__(self, domain_id: str, tasks: Sequence[ToolTask]) -> None:
        super().__init__(tasks[0], GOOD_REFERENCE)
        self.id = domain_id
        self.all = list(tasks)

    def tasks(self) -> Sequence[Task]:
        return self.all


def _tasks(domain_id: str, *ids: str) -> list[ToolTask]:
    return [msgspec.structs.replace(GOOD_TASK, id=i, domain=domain_id) for i in ids]


def test_a_third_party_domain_without_a_prefix_is_flagged() -> None:
    domain = Named("fake", _tasks("fake", "H01", "H02", "H03", "H04"))
    assert check_ids(domain) == [
        "task ids H01, H02, H03 and 1 more have no domain prefix: every id of a domain other "
        "than 'trading' starts with one upper-case prefix, e.g. FA_E01"
    ]
    assert any("have no domain prefix" in p for p in check_domain(domain))


def test_mixed_prefixes_are_flagged() -> None:
    domain = Named("fake", _tasks("fake", "FK_H01", "FK_H02", "FX_H03", "H04"))
    assert check_ids(domain) == [
        "task ids mix prefixes: none (H04); FK_ (FK_H01, FK_H02); FX_ (FX_H03); give every task "
        "of the domain one prefix"
    ]


@pytest.mark.parametrize(
    ("domain_id", "ids"),
    [
        ("trading", ("H01", "H02")),  # the seed's bare ids, kept as the one exception
        ("trading", ("TR_H01", "TR_H02")),
        ("fake", ("FK_H01", "FK_H02")),
        ("devops", ("DO_H01", "DO_H02")),
    ],
)
def test_one_prefix_per_domain_and_bare_ids_only_for_trading_pass(
    domain_id: str, ids: tuple[str, ...]
) -> None:
    assert check_ids(Named(domain_id, _tasks(domain_id, *ids))) == []


def test_trading_may_not_mix_bare_and_prefixed_ids() -> None:
    problems = check_ids(Named("trading", _tasks("trading", "H01", "TR_H02")))
    assert problems == [
        "task ids mix prefixes: none (H01); TR_ (TR_H02); give every task of the domain one prefix"
    ]


def test_an_id_ill_formed_is_not_also_counted_as_bare() -> None:
    problems = check_ids(Named("fake", _tasks("fake", "FK_H01", "fk_h02")))
    assert problems == ["fk_h02: not a well-formed id (PREFIX_[C_]<E|M|H|X><two digits>)"]


def test_a_reference_that_does_not_succeed_is_found() -> None:
    silent = msgspec.structs.replace(GOOD_REFERENCE, answer="Done.")
    problems = check_domain(Fake(GOOD_TASK, silent))
    assert any(
        "does not succeed" in p and "the answer does not state the position closed" in p
        for p in problems
    ), problems


def test_an_alternative_way_is_checked_like_the_main_one() -> None:
    bad_way = CallSet(expected=(ExpectedCall(name="close_position", args={"sym": ["P-9"]}),))
    task = msgspec.structs.replace(GOOD_TASK, alternatives=(bad_way,))
    problems = check_domain(Fake(task, GOOD_REFERENCE))
    assert problems == ["FK_H01 (way 1): close_position has no parameter 'sym'"]
