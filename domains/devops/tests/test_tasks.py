"""The tasks are fair: the domain conforms, every prompt states what its task needs, the facts
the tasks rest on have one clear answer, and every conditional task has its twin."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from bench_core import ToolReference, ToolTask
from bench_core.testing import reference_transcript
from bench_domain_devops import DevopsDomain
from bench_domain_devops._domain import PREAMBLE
from bench_domain_devops._facts import Facts
from bench_domain_devops._tasks_expert import OOM_DAY
from bench_domain_devops._tasks_hard import ERROR_RATE_FACTOR
from bench_domain_devops._tools import TOOLS
from bench_scoring import score_item
from bench_scoring.testing import check_domain

IDS = [
    *(f"DO_E0{i}" for i in range(1, 6)),
    *(f"DO_M0{i}" for i in range(1, 7)),
    *(f"DO_H0{i}" for i in range(1, 6)),
    *(f"DO_X0{i}" for i in range(1, 5)),
]


def _tasks(devops: DevopsDomain) -> list[ToolTask]:
    return [t for t in devops.tasks() if isinstance(t, ToolTask)]


def _task(devops: DevopsDomain, task_id: str) -> ToolTask:
    return next(t for t in _tasks(devops) if t.id == task_id)


def test_the_domain_conforms(devops: DevopsDomain) -> None:
    assert check_domain(devops) == []


def test_there_are_twenty_tool_tasks_in_id_order(devops: DevopsDomain) -> None:
    assert [t.id for t in _tasks(devops)] == IDS
    assert Counter(t.difficulty.value for t in _tasks(devops)) == {
        "easy": 5, "medium": 6, "hard": 5, "expert": 4,
    }  # fmt: skip
    assert all(t.domain == "devops" for t in _tasks(devops))


def test_an_unknown_task_has_no_reference(devops: DevopsDomain) -> None:
    with pytest.raises(KeyError):
        devops.reference("DO_E99")


def test_the_preamble_gives_the_date_its_weekday_and_the_runbook() -> None:
    assert "2026-04-08" in PREAMBLE
    assert "Wednesday" in PREAMBLE
    assert "SEV1 or SEV2" in PREAMBLE
    assert "1.5 times" in PREAMBLE


def test_reference_call_counts_match_the_difficulty(devops: DevopsDomain) -> None:
    bounds = {"easy": (1, 1), "medium": (1, 2), "hard": (2, 4), "expert": (3, 6)}
    for task in _tasks(devops):
        low, high = bounds[task.difficulty.value]
        calls = sum(len(turn) for turn in devops.reference(task.id).turns)
        assert low <= calls <= high, (task.id, calls)


@pytest.mark.parametrize("task_id", IDS)
def test_every_reference_scores_100_and_succeeds(devops: DevopsDomain, task_id: str) -> None:
    task = _task(devops, task_id)
    reference = devops.reference(task_id)
    assert isinstance(reference, ToolReference)
    transcript, effects = reference_transcript(devops, task)
    scored = score_item(
        task,
        transcript,
        effects,
        tools=devops.tools(),
        writes=devops.write_tools(),
        reference=reference,
    )
    assert scored.score.total == 100, scored.score.reasons
    assert scored.outcome.success, scored.outcome.reasons


_NAMES = {t["function"]["name"] for t in TOOLS}
_FIELDS = {p for t in TOOLS for p in t["function"]["parameters"]["properties"] if "_" in p}


def test_no_prompt_names_a_tool_or_a_parameter(devops: DevopsDomain) -> None:
    for task in _tasks(devops):
        for quality in range(1, 11):
            words = set(re.findall(r"[a-z_]+", task.prompt(quality).lower()))
            named = words & (_NAMES | _FIELDS)
            assert not named, f"{task.id} Q{quality} names {named}"


def test_ten_distinct_prompts_growing_more_specific(devops: DevopsDomain) -> None:
    for task in _tasks(devops):
        assert len(task.prompts) == 10, task.id
        assert len(set(task.prompts)) == 10, task.id
        sloppy = max(len(task.prompt(q)) for q in (1, 2, 3))
        assert sloppy < len(task.prompt(10)), task.id


def _cues(facts: Facts) -> dict[str, list[tuple[str, ...]]]:
    """For each task, what every one of its prompts must say (one spelling of each group)."""
    hotfix = facts.story_deployment("checkout_bad_hotfix").id.lower()
    incident = facts.story_incident("checkout_incident").id.lower()
    orders = facts.story_incident("orders_incident").id.lower()
    return {
        "DO_E01": [("paym",), ("now", "rn", "atm", "moment")],
        "DO_E02": [(hotfix,)],
        "DO_E03": [(incident,)],
        "DO_E04": [("checkout", "chekout"), ("budg",)],
        "DO_E05": [("freeze", "freze")],
        "DO_M01": [("checkout", "chekout"), ("p95",), ("yday", "yesterday", "2026-04-07")],
        "DO_M02": [("checkout",), ("prod",), ("firing", "going off")],
        "DO_M03": [("prod",), ("open", "not resolved", "unresolved", "aren't resolved")],
        "DO_M04": [("storefront",), ("8:30", "08:30", "half 8"), ("30",), ("berlin", "our")],
        "DO_M05": [("roll",), ("march", "2026-03-01")],
        "DO_M06": [("checkout",), ("prod",), ("req",), ("1",), ("7", "04-08")],
        "DO_H01": [(orders,), ("before", "preceded")],
        "DO_H02": [("checkout",), ("prod",), ("critical", "critcal")],
        "DO_H03": [("flap", "going between firing and resolved"), ("2", "two", "120")],
        "DO_H04": [("search",), ("staging", "stg"), ("monday", "6 april", "2026-04-06")],
        "DO_H05": [("pricing",), ("staging", "stg"), ("monday", "6 april", "2026-04-06")],
        "DO_X01": [("checkout",), ("hotfix",), ("runbook", "freeze")],
        "DO_X02": [("cart",), ("sev2",), ("release",)],
        "DO_X03": [("notifier",), ("deploy",), ("call", "page")],
        "DO_X04": [("inventory",), ("oom",), ("3", "apr"), ("restart",)],
    }


def test_every_prompt_states_what_its_task_needs(devops: DevopsDomain, facts: Facts) -> None:
    cues = _cues(facts)
    assert set(cues) == set(IDS)
    for task in _tasks(devops):
        for quality, prompt in enumerate(task.prompts, start=1):
            text = prompt.lower()
            for group in cues[task.id]:
                assert any(cue in text for cue in group), f"{task.id} Q{quality} lacks {group}"


# --- twins and the expert tier's cases -------------------------------------------------------


def test_every_conditional_task_has_a_twin_where_nothing_is_written(
    devops: DevopsDomain,
) -> None:
    for acts, twin in (("DO_H04", "DO_H05"), ("DO_X01", "DO_X02")):
        assert _task(devops, acts).outcome.writes, acts
        assert not _task(devops, twin).outcome.writes, twin
        assert "rollback_deployment" in {c.name for c in _task(devops, acts).expected}
        assert "rollback_deployment" not in {c.name for c in _task(devops, twin).expected}


def test_the_staging_twins_are_clear_of_the_runbooks_line(facts: Facts) -> None:
    for span in range(1, 7):
        bad = facts.story_deployment("search_staging_bad")
        fine = facts.story_deployment("pricing_staging_fine")
        assert facts.error_rate_rose(bad, span, ERROR_RATE_FACTOR)
        assert not facts.error_rate_rose(fine, span, ERROR_RATE_FACTOR)


def test_the_false_premise_is_false(facts: Facts) -> None:
    (incident,) = facts.open_incidents("cart", "prod")
    assert incident.severity not in {"SEV1", "SEV2"}
    assert facts.freeze_in_force("prod") is not None


def test_the_recovery_starts_from_an_error_that_does_not_name_the_service(
    devops: DevopsDomain, facts: Facts
) -> None:
    renamed = facts.fixtures.stories.renamed_service
    result = devops.simulator().call("list_deployments", {"service": renamed["former_name"]})
    assert "error" in result
    assert renamed["name"] not in result["error"]["message"]
    assert any(c.fails for c in _task(devops, "DO_X03").expected)


def test_the_log_search_needs_more_than_one_page(devops: DevopsDomain, facts: Facts) -> None:
    assert facts.log_count("inventory", "prod", "OOMKilled", OOM_DAY) > 100
    assert len(devops.reference("DO_X04").turns) >= 2


def test_no_tool_restarts_a_pod(devops: DevopsDomain) -> None:
    names = {t["function"]["name"] for t in devops.tools()}
    assert not {n for n in names if "restart" in n or "scale" in n}
