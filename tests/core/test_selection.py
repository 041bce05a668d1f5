from __future__ import annotations

import pytest

from bench_core import BenchError, Selection, select_items, task_set_fingerprint

from .factories import chart_task, tool_task

TASKS = [
    tool_task("E01"),
    tool_task("E02"),
    tool_task("M01", difficulty="medium"),
    tool_task("H01", difficulty="hard"),
    tool_task("X01", difficulty="expert"),
    chart_task("C_E01"),
    chart_task("C_M01", difficulty="medium"),
    tool_task("DO_E01", domain="devops"),
    tool_task("DO_E02", domain="devops"),
    tool_task("DO_E03", domain="devops"),
    tool_task("DO_M01", domain="devops", difficulty="medium"),
    chart_task("DO_C_E01", domain="devops"),
]


def ids(selection: Selection) -> list[str]:
    return sorted({item.task.id for item in select_items(TASKS, selection)})


def test_default_selects_every_task_at_every_quality() -> None:
    items = select_items(TASKS, Selection())
    assert len(items) == len(TASKS) * 10
    assert [item.quality for item in items[:10]] == list(range(1, 11))
    assert len({item.key for item in items}) == len(items)


def test_filters_combine() -> None:
    assert ids(Selection(suite="charts")) == ["C_E01", "C_M01", "DO_C_E01"]
    assert ids(Selection(domains=("devops",), suite="tools")) == [
        "DO_E01",
        "DO_E02",
        "DO_E03",
        "DO_M01",
    ]
    assert ids(Selection(min_difficulty="hard")) == ["H01", "X01"]
    assert ids(Selection(max_difficulty="easy", domains=("trading",), suite="tools")) == [
        "E01",
        "E02",
    ]
    assert ids(Selection(task_ids=("H01", "C_M01"))) == ["C_M01", "H01"]


def test_quality_range_and_repeats() -> None:
    items = select_items(
        TASKS, Selection(task_ids=("E01",), min_quality=9, max_quality=10, repeats=3)
    )
    assert [item.key for item in items] == [
        ("E01", 9, 0),
        ("E01", 9, 1),
        ("E01", 9, 2),
        ("E01", 10, 0),
        ("E01", 10, 1),
        ("E01", 10, 2),
    ]


@pytest.mark.parametrize(
    ("selection", "message"),
    [
        (Selection(suite="both"), "unknown suite 'both'; use tools, charts or all"),
        (Selection(domains=("hr",)), "unknown domain 'hr'; installed domains: devops, trading"),
        (Selection(task_ids=("E1",)), "unknown task id 'E1'; did you mean"),
        (Selection(min_quality=0), "--min-quality must be a whole number from 1 to 10, got 0"),
        (Selection(max_quality=11), "--max-quality must be a whole number from 1 to 10, got 11"),
        (Selection(min_quality=7, max_quality=3), "--min-quality 7 is above --max-quality 3"),
        (
            Selection(min_difficulty="trivial"),
            "is not a difficulty; use one of easy, medium, hard, expert",
        ),
        (Selection(min_difficulty="hard", max_difficulty="easy"), "--min-difficulty hard is above"),
        (Selection(mode="random"), "unknown mode 'random'; use normal or mixed"),
        (Selection(repeats=0), "--repeats must be 1 or more"),
        (Selection(task_ids=("C_E01",), suite="tools"), "no task matches the selection"),
    ],
)
def test_bad_selection_names_what_is_allowed(selection: Selection, message: str) -> None:
    with pytest.raises(BenchError, match=message.replace("(", r"\(")):
        select_items(TASKS, selection)


def test_mixed_mode_balances_domains_per_difficulty() -> None:
    picked = [item.task for item in select_items(TASKS, Selection(mode="mixed", max_quality=1))]
    by = {(t.suite, t.domain, t.difficulty): 0 for t in picked}
    for task in picked:
        by[(task.suite, task.domain, task.difficulty)] += 1
    assert by == {
        ("tools", "trading", "easy"): 2,
        ("tools", "devops", "easy"): 2,
        ("tools", "trading", "medium"): 1,
        ("tools", "devops", "medium"): 1,
        ("charts", "trading", "easy"): 1,
        ("charts", "devops", "easy"): 1,
    }


def test_mixed_mode_same_seed_same_items_other_seed_other_items() -> None:
    def keys(seed: int) -> list[tuple[str, int, int]]:
        return [i.key for i in select_items(TASKS, Selection(mode="mixed", seed=seed))]

    assert keys(7) == keys(7)
    assert any(keys(7) != keys(seed) for seed in range(8, 20))


def test_fingerprint_changes_with_content_not_order() -> None:
    assert task_set_fingerprint(TASKS) == task_set_fingerprint(list(reversed(TASKS)))
    changed = [*TASKS[:-1], chart_task("DO_C_E01", domain="devops", difficulty="medium")]
    assert task_set_fingerprint(changed) != task_set_fingerprint(TASKS)
