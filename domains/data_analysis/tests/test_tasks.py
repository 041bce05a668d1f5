"""The twenty tool tasks: ids, counts, prompts, the expert tier's cases and their twins."""

import re
from collections import Counter

from bench_core import ToolReference, ToolTask
from bench_core.testing import reference_transcript
from bench_domain_data_analysis import TOOLS, DataAnalysisDomain
from bench_domain_data_analysis._facts import Facts
from bench_domain_data_analysis._fixtures import Fixtures
from bench_domain_data_analysis._policy import MAX_DIRECT_REPORTS
from bench_domain_data_analysis._tasks_expert import catch_up_done

_NAMES = {t["function"]["name"] for t in TOOLS}
_FIELDS = {p for t in TOOLS for p in t["function"]["parameters"]["properties"] if "_" in p}


def _tasks(hr: DataAnalysisDomain) -> dict[str, ToolTask]:
    return {t.id: t for t in hr.tasks() if isinstance(t, ToolTask)}


def _calls(hr: DataAnalysisDomain, task_id: str) -> list[str]:
    solution = hr.reference(task_id)
    assert isinstance(solution, ToolReference)
    return [c.name for turn in solution.turns for c in turn]


def test_there_are_twenty_tool_tasks_in_id_order(hr: DataAnalysisDomain) -> None:
    assert list(_tasks(hr)) == [
        *(f"DA_E0{i}" for i in range(1, 6)),
        *(f"DA_M0{i}" for i in range(1, 7)),
        *(f"DA_H0{i}" for i in range(1, 6)),
        *(f"DA_X0{i}" for i in range(1, 5)),
    ]
    assert Counter(t.difficulty.value for t in _tasks(hr).values()) == {
        "easy": 5, "medium": 6, "hard": 5, "expert": 4,
    }  # fmt: skip
    assert all(t.domain == "data_analysis" for t in _tasks(hr).values())


def test_reference_call_counts_follow_the_ladder(hr: DataAnalysisDomain) -> None:
    # Expert: the twins check and stop (two calls); X01 acts once per overdue person.
    bounds = {"easy": (1, 1), "medium": (1, 2), "hard": (2, 3), "expert": (2, 30)}
    for task in _tasks(hr).values():
        low, high = bounds[task.difficulty.value]
        assert low <= len(_calls(hr, task.id)) <= high, task.id


def test_ten_distinct_prompts_that_name_no_tool_or_parameter(hr: DataAnalysisDomain) -> None:
    for task in _tasks(hr).values():
        assert len(task.prompts) == 10, task.id
        assert len(set(task.prompts)) == 10, task.id
        for quality in range(1, 11):
            words = set(re.findall(r"[a-z_]+", task.prompt(quality).lower()))
            named = words & (_NAMES | _FIELDS)
            assert not named, f"{task.id} Q{quality} names {named}"


def test_prompts_grow_more_specific_with_quality(hr: DataAnalysisDomain) -> None:
    for task in _tasks(hr).values():
        sloppy = max(len(task.prompt(q)) for q in (1, 2, 3))
        assert sloppy < min(len(task.prompt(q)) for q in (7, 8, 9, 10)), task.id


def test_every_task_states_an_outcome(hr: DataAnalysisDomain) -> None:
    for task in _tasks(hr).values():
        assert task.outcome.facts or task.outcome.writes, task.id
        assert task.max_turns >= len(hr.reference(task.id).turns) + 1, task.id  # type: ignore[union-attr]


def test_the_conditional_tasks_have_twins_where_nothing_is_done(hr: DataAnalysisDomain) -> None:
    tasks = _tasks(hr)
    # X01 enrolls the overdue; its twin X02 (Finance, nobody overdue) must not enroll anyone.
    assert {w.action for w in tasks["DA_X01"].outcome.writes} == {"enroll_employee"}
    assert tasks["DA_X02"].outcome.writes == ()
    assert "enroll_employee" in tasks["DA_X02"].forbidden
    # X03 moves the team (the policy allows it); its twin X04 (the policy forbids) must not.
    assert {w.action for w in tasks["DA_X03"].outcome.writes} == {"update_employee_manager"}
    assert tasks["DA_X04"].outcome.writes == ()
    assert "update_employee_manager" in tasks["DA_X04"].forbidden
    # The twins are asked the same way.
    assert [p.split()[0] for p in tasks["DA_X03"].prompts] == [
        p.split()[0] for p in tasks["DA_X04"].prompts
    ]


def test_the_expert_and_hard_tiers_have_their_cases(hr: DataAnalysisDomain) -> None:
    tasks = _tasks(hr)
    # Recovery: H03 expects a call that fails (a wrong project id) before the right one.
    assert any(c.fails for c in tasks["DA_H03"].expected)
    # Pay policy (H04) and survey anonymity (H05): claims the answer must not make.
    assert any(f.absent for f in tasks["DA_H04"].outcome.facts)
    assert any(f.absent for f in tasks["DA_H05"].outcome.facts)
    # Paging: X01's reference reads the second page.
    solution = hr.reference("DA_X01")
    assert isinstance(solution, ToolReference)
    assert any(c.arguments.get("page") == 2 for turn in solution.turns for c in turn)
    # The policy the tasks depend on is in the preamble.
    assert f"no more than {MAX_DIRECT_REPORTS} direct reports" in hr.preamble
    assert "never disclose an individual's salary" in hr.preamble
    assert "Wednesday, 2026-04-08" in hr.preamble


def test_x01_needs_more_than_one_default_page_and_two_cannot_be_enrolled(
    data: Fixtures, hr: DataAnalysisDomain
) -> None:
    facts = Facts(data)
    overdue = facts.missed_deadline("CRS-105")
    assert len(overdue) > 25
    refused = catch_up_done(facts)
    assert len(refused) == 2
    episode = hr.simulator()
    for person in refused:
        result = episode.call("enroll_employee", {"employee_id": person.id, "course_id": "CRS-214"})
        assert result["error"]["code"] == "conflict"
    assert len(_tasks(hr)["DA_X01"].outcome.writes) == len(overdue) - len(refused)


def test_the_recovery_error_does_not_name_the_project(hr: DataAnalysisDomain) -> None:
    result = hr.simulator().call("get_project_allocations", {"project_id": "PRJ-142"})
    message = result["error"]["message"]
    assert "PRJ-124" not in message
    assert "SOC" not in message


def test_the_suppressed_team_is_suppressed(hr: DataAnalysisDomain) -> None:
    result = hr.simulator().call(
        "get_survey_results", {"survey_id": "2026-Q1", "team": "Design Systems"}
    )
    assert result["suppressed"] is True
    assert "results" not in result


# Facts the answer computes from what the tools return (a sum, a count after a move), so they
# are not in any result themselves.
# The wording facts (a refusal, that nobody is overdue) are not data at all.
_COMPUTED = {
    ("DA_M06", "the total FTE"),
    ("DA_X04", "the report limit that blocks the move"),
    ("DA_H04", "that individual pay is not disclosed"),
    ("DA_X02", "that nobody in Finance is overdue"),
}


def _leaves(value: object) -> list[object]:
    if isinstance(value, dict):
        return [leaf for v in value.values() for leaf in _leaves(v)]
    if isinstance(value, list):
        return [leaf for v in value for leaf in _leaves(v)]
    return [value]


def test_every_fact_is_in_what_the_tools_return(hr: DataAnalysisDomain) -> None:
    """The expected facts are checked against the simulator: each one the answer must state
    is a value some call of the reference got back (counts of rows aside)."""
    for task in _tasks(hr).values():
        transcript, _ = reference_transcript(hr, task)
        leaves = [leaf for c in transcript.calls for leaf in _leaves(c.result)]
        counts = [len(v) for c in transcript.calls for v in _lists(c.result)]
        numbers = {float(v) for v in leaves if isinstance(v, int | float)} | set(map(float, counts))
        words = " ".join(str(v).casefold() for v in leaves if isinstance(v, str))
        for fact in task.outcome.facts:
            if fact.absent or (task.id, fact.name) in _COMPUTED:
                continue
            found = any(
                (isinstance(form, str) and form.casefold() in words)
                or (
                    not isinstance(form, str)
                    and any(abs(form - n) <= fact.tolerance for n in numbers)
                )
                for form in fact.any_of
            )
            assert found, (task.id, fact.name)


def _lists(value: object) -> list[list[object]]:
    if isinstance(value, dict):
        return [found for v in value.values() for found in _lists(v)]
    if isinstance(value, list):
        return [value, *(found for v in value for found in _lists(v))]
    return []
