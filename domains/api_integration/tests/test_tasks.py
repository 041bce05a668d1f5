"""The tasks are fair: counts and ids, ten distinct prompts that grow more specific, precise
tickets that name no tool or parameter, the expert tier's kinds, and twins."""

import re
from collections import Counter

from bench_core import ToolReference, ToolTask
from bench_domain_api_integration import ApiIntegrationDomain, domain
from bench_domain_api_integration._tools import TOOLS

from .alternatives import play


def _tool_tasks() -> list[ToolTask]:
    return [t for t in domain().tasks() if isinstance(t, ToolTask)]


def _task(task_id: str) -> ToolTask:
    return next(t for t in _tool_tasks() if t.id == task_id)


def test_there_are_twenty_tool_tasks_in_id_order() -> None:
    ids = [t.id for t in _tool_tasks()]
    assert ids == [
        *(f"AI_E0{i}" for i in range(1, 6)),
        *(f"AI_M0{i}" for i in range(1, 7)),
        *(f"AI_H0{i}" for i in range(1, 6)),
        *(f"AI_X0{i}" for i in range(1, 5)),
    ]
    assert Counter(t.difficulty.value for t in _tool_tasks()) == {
        "easy": 5,
        "medium": 6,
        "hard": 5,
        "expert": 4,
    }
    assert all(t.domain == "api_integration" for t in _tool_tasks())


def test_reference_call_counts_match_the_difficulty() -> None:
    gateway = domain()
    bounds = {"easy": (1, 1), "medium": (1, 2), "hard": (2, 3), "expert": (3, 6)}
    for task in _tool_tasks():
        low, high = bounds[task.difficulty.value]
        reference = gateway.reference(task.id)
        assert isinstance(reference, ToolReference)
        calls = sum(len(turn) for turn in reference.turns)
        assert low <= calls <= high, task.id


_NAMES = {t["function"]["name"] for t in TOOLS}
_FIELDS = {p for t in TOOLS for p in t["function"]["parameters"]["properties"] if "_" in p}


def test_no_prompt_names_a_tool_or_a_parameter() -> None:
    for task in _tool_tasks():
        for quality in range(1, 11):
            words = set(re.findall(r"[a-z_]+", task.prompt(quality).lower()))
            named = words & (_NAMES | _FIELDS)
            assert not named, f"{task.id} Q{quality} names {named}"


def test_ten_distinct_prompts_that_grow_more_specific() -> None:
    for task in _tool_tasks():
        assert len(task.prompts) == 10, task.id
        assert len(set(task.prompts)) == 10, task.id
        sloppy = max(len(task.prompt(q)) for q in (1, 2, 3))
        assert sloppy < len(task.prompt(10)), task.id


def test_the_recovery_task_keeps_its_mistake_in_every_prompt() -> None:
    task = _task("AI_X04")
    assert all("AK-1300" in prompt for prompt in task.prompts)
    assert any(call.fails for call in task.expected)


def test_the_twins_ask_the_same_and_differ_in_the_outcome() -> None:
    leak, twin = _task("AI_X01"), _task("AI_X02")
    assert [w.action for w in leak.outcome.writes] == ["revoke_api_key"]
    assert twin.outcome.writes == ()
    assert "revoke_api_key" in twin.forbidden
    # The twin's prompts are the leak's with the customer and key swapped.
    for one, other in zip(leak.prompts[3:], twin.prompts[3:], strict=True):
        assert len(set(one.split()) & set(other.split())) > len(one.split()) // 2


def test_the_expert_tier_has_each_kind() -> None:
    kinds = {
        "policy": ["AI_H04", "AI_X01", "AI_X02", "AI_X03"],
        "false premise": ["AI_X03"],
        "paging": ["AI_H05"],
        "recovery": ["AI_X04"],
    }
    assert any(f.absent for f in _task("AI_X03").outcome.facts)
    assert _task("AI_X03").outcome.writes == ()
    assert len(_task("AI_H05").expected) == 2
    assert all(kinds.values())


def test_doing_the_twin_s_write_fails_it() -> None:
    gateway = domain()
    from bench_core.authoring import call

    task = _task("AI_X02")
    reference = gateway.reference(task.id)
    assert isinstance(reference, ToolReference)
    turns = [*reference.turns, (call("revoke_api_key", key_id="AK-1051"),)]
    scored = play(gateway, task, turns, reference.answer)
    assert not scored.outcome.success
    assert scored.score.total == 0


def test_the_gateway_type() -> None:
    assert isinstance(domain(), ApiIntegrationDomain)


# What every prompt of a task must say, one spelling of each group (the sloppy ones misspell).
_CUES: dict[str, list[tuple[str, ...]]] = {
    "AI_E01": [("harbor", "harbour")],
    "AI_E02": [("v1 rates", "v1/rates")],
    "AI_E03": [("ak-1043",)],
    "AI_E04": [("deprecat",)],
    "AI_E05": [("webhook",), ("disabled", "turned off", "switched off")],
    "AI_M01": [
        ("slow", "worst", "rank"),
        ("p95",),
        ("yday", "yesterday", "2026-03-17", "17 march"),
    ],
    "AI_M02": [("quillon", "quilon"), ("quota",)],
    "AI_M03": [("v1 rates", "v1/rates")],
    "AI_M04": [("nimbus",), ("401", "unauthorized"), ("today", "2026-03-18")],
    "AI_M05": [("juniper", "junipr"), ("fail", "dead", "gave up")],
    "AI_M06": [("brightcart", "bright cart"), ("yday", "yesterday", "2026-03-17", "17 march")],
    "AI_H01": [("429", "rate limited", "rate-limited", "throttled"), ("hour", "hr", "14:20")],
    "AI_H02": [("copperleaf", "copperlaf"), ("16", "monday"), ("2am", "02:00", "2am")],
    "AI_H03": [("fernway",), ("url", "moved")],
    "AI_H04": [("redwater",), ("shopify",)],
    "AI_H05": [("live", "prod"), ("rates", "rate quote")],
    "AI_X01": [("sable",), ("prod",)],
    "AI_X02": [("nimbus",), ("order sync",)],
    "AI_X03": [("harbor", "harbour"), ("woo",), ("secret",)],
    "AI_X04": [("ak-1300",), ("quillon",), ("120",)],
}


def test_every_prompt_says_what_its_task_needs() -> None:
    assert set(_CUES) == {t.id for t in _tool_tasks()}
    for task in _tool_tasks():
        for quality, prompt in enumerate(task.prompts, start=1):
            text = prompt.lower()
            for group in _CUES[task.id]:
                assert any(cue in text for cue in group), f"{task.id} Q{quality} lacks {group}"
