"""The tasks are fair: every prompt states what the expected calls need, the facts they rest
on have one clear answer, and a wrong trajectory does not score like the right one."""

import datetime as dt
import re
from collections import Counter
from typing import Any

import pytest

from bench_core import ToolCall, ToolReference, ToolTask
from bench_domain_trading import TradingDomain
from bench_domain_trading._facts import Facts
from bench_domain_trading._fixtures import Fixtures
from bench_domain_trading._tasks_medium import JOURNAL_TEXT
from bench_domain_trading._tools import TOOLS
from bench_scoring import FAILED_OUTCOME_CAP

from .alternatives import play


def _tool_tasks(trading: TradingDomain) -> list[ToolTask]:
    return [t for t in trading.tasks() if isinstance(t, ToolTask)]


def _task(trading: TradingDomain, task_id: str) -> ToolTask:
    return next(t for t in _tool_tasks(trading) if t.id == task_id)


def test_there_are_twenty_tool_tasks_in_id_order(trading: TradingDomain) -> None:
    ids = [t.id for t in _tool_tasks(trading)]
    assert ids == [
        *(f"E0{i}" for i in range(1, 6)),
        *(f"M0{i}" for i in range(1, 7)),
        *(f"H0{i}" for i in range(1, 6)),
        *(f"X0{i}" for i in range(1, 5)),
    ]
    assert Counter(t.difficulty.value for t in _tool_tasks(trading)) == {
        "easy": 5, "medium": 6, "hard": 5, "expert": 4,
    }  # fmt: skip


def test_expected_call_counts_match_the_difficulty(trading: TradingDomain) -> None:
    bounds = {"easy": (1, 1), "medium": (1, 2), "hard": (2, 3), "expert": (3, 6)}
    for task in _tool_tasks(trading):
        low, high = bounds[task.difficulty.value]
        calls = sum(len(turn) for turn in trading.reference(task.id).turns)
        assert low <= calls <= high, task.id


_NAMES = {t["function"]["name"] for t in TOOLS}
_FIELDS = {p for t in TOOLS for p in t["function"]["parameters"]["properties"] if "_" in p}


def test_no_prompt_names_a_tool_or_a_parameter(trading: TradingDomain) -> None:
    # A prompt, even a quality-10 ticket, says what is wanted, never how: no tool names, no
    # parameter names (those with an underscore: the rest are ordinary words like "symbol"),
    # no other snake_case identifiers (result fields such as unrealized_pnl_pct, enum values
    # such as mean_reversion) and no "name=value" arguments.
    assert {"get_trade", "list_trades"} <= _NAMES
    assert {"start_date", "sort_by", "trade_id", "position_id"} <= _FIELDS
    for task in _tool_tasks(trading):
        for quality, prompt in enumerate(task.prompts, start=1):
            words = set(re.findall(r"\w+", prompt.lower()))
            named = words & (_NAMES | _FIELDS)
            assert not named, f"{task.id} Q{quality} names {named}"
            snake = {w for w in words if re.fullmatch(r"[a-z]+(_[a-z0-9]+)+", w)}
            assert not snake, f"{task.id} Q{quality} names {snake}"
            assigned = re.findall(r"\w+\s*=", prompt)
            assert not assigned, f"{task.id} Q{quality} sets {assigned}"
            steps = re.findall(r"\(\d\)", prompt)
            assert not steps, f"{task.id} Q{quality} numbers its steps"


def test_x04_says_since_entry_at_every_quality(trading: TradingDomain) -> None:
    # "Down more than 5%" alone could mean today or since entry; the task means since entry.
    for quality, prompt in enumerate(_task(trading, "X04").prompts, start=1):
        assert re.search(r"entry|entered|got in", prompt.lower()), f"X04 Q{quality}"


def test_prompts_grow_more_specific_with_quality(trading: TradingDomain) -> None:
    for task in _tool_tasks(trading):
        sloppy = max(len(task.prompt(q)) for q in (1, 2, 3))
        assert sloppy < len(task.prompt(10)), task.id
        assert len(set(task.prompts)) == 10, task.id


def _cues(facts: Facts, trading: TradingDomain) -> dict[str, list[tuple[str, ...]]]:
    """For each task, what every one of its prompts must say (one spelling of each group)."""
    cancelled = facts.only_trade(status="cancelled").id.lower()
    fat_finger = facts.only_trade(symbol="SOLUSD", side="short", tag="fat-finger")
    level = facts.only_alert(symbol="ETHUSD", condition="below", status="active").price
    return {
        "E01": [("nvda", "nvidia")],
        "E02": [(cancelled,)],
        "E03": [("strat",)],
        "E04": [("open", "holding")],
        "E05": [("btc", "bitcoin"), ("80k", "80000", "80,000"), ("below", "under", "<")],
        "M01": [("strat",), ("march", "last mo", "2026-03")],
        "M02": [("tsla", "tesla"), ("10", "ten")],
        "M03": [
            ("mean rev", "meanrev", "mean_reversion"),
            (
                "ytd",
                "this yr",
                "this year",
                "jan 1",
                "january 1",
                "2026-01-01",
                "year-to-date",
                "year to date",
                "start of the year",
            ),
        ],
        "M04": [
            ("short",),
            ("5", "five"),
            ("worst", "losing", "lowest", "lost", "ascending", "asc"),
        ],
        "M05": [("q1", "first quarter", "jan-mar", "january 1", "2026-01-01")],
        "M06": [
            (JOURNAL_TEXT.lower(),),
            ("tilt",),
            ("discipline",),
            ("yesterday", "yday", "2026-04-14"),
        ],
        "H01": [("march", "last month", "2026-03"), ("note", "write", "record", "details")],
        "H02": [("q1", "first quarter", "january 1", "2026-01-01"), ("stat", "win rate")],
        "H03": [("eth", "ether"), (f"{level:,.0f}", f"{level:.0f}", f"{level / 1000:g}k")],
        "H04": [("momentum", "momo"), ("breakout",), ("2025",)],
        "H05": [("open",), ("close", "dump")],
        "X01": [("q1", "2026-01-01", "january 1"), ("5",), ("momentum", "momo")],
        "X02": [(facts.missing_trade_id(fat_finger.id).lower(),), ("sol",), ("above",)],
        "X03": [
            ("breakout",),
            ("ytd", "year-to-date", "january 1", "this year", "2026"),
            ("link", "trade_ids"),
            (
                "dont close",
                "don't close",
                "not closing",
                "close nothing",
                "stay open",
                "no closing",
                "do not close",
                "leave the positions",
            ),
        ],
        "X04": [("5%", "-5"), ("2%", "0.98", "98%")],
    }


def test_every_prompt_states_every_value_its_expected_calls_need(
    trading: TradingDomain, data: Fixtures
) -> None:
    cues = _cues(Facts(data), trading)
    assert set(cues) == {t.id for t in _tool_tasks(trading)}
    for task in _tool_tasks(trading):
        for quality, prompt in enumerate(task.prompts, start=1):
            text = prompt.lower()
            for group in cues[task.id]:
                assert any(cue in text for cue in group), f"{task.id} Q{quality} lacks {group}"


# --- the facts the tasks rest on have one clear answer ---------------------------------------


def test_last_months_worst_trade_is_the_same_by_entry_and_by_exit_date(data: Fixtures) -> None:
    facts = Facts(data)
    march = (dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    worst = facts.worst_trade_entered(*march)
    assert worst == facts.worst_trade_exited(*march)
    assert worst.notes
    entered = [t for t in data.trades if t.entry_time.startswith("2026-03")]
    assert len(entered) <= 50  # the default page shows them all


def test_q1s_worst_strategy_is_clearly_the_worst(data: Fixtures) -> None:
    pnl = sorted(Facts(data).pnl_by("strategy", dt.date(2026, 1, 1), dt.date(2026, 3, 31)).values())
    assert pnl[1] - pnl[0] > 1000


def test_the_worst_open_position_is_the_same_in_dollars_and_in_percent(data: Fixtures) -> None:
    positions = Facts(data).positions()
    by_usd = min(positions, key=lambda pm: pm[1]["unrealized_pnl"])
    by_pct = min(positions, key=lambda pm: pm[1]["unrealized_pnl_pct"])
    assert by_usd[0] == by_pct[0]


def test_the_drawdown_condition_is_not_a_rounding_call(data: Fixtures) -> None:
    drawdown = Facts(data).risk(dt.date(2026, 1, 1), dt.date(2026, 3, 31))["max_drawdown_pct"]
    assert abs(drawdown - 5.0) > 0.25
    assert Facts(data).positions("momentum")


def test_the_wrong_trade_id_names_no_trade_and_the_description_names_one(data: Fixtures) -> None:
    facts = Facts(data)
    trade = facts.only_trade(symbol="SOLUSD", side="short", tag="fat-finger")
    typo = facts.missing_trade_id(trade.id)
    assert typo not in {t.id for t in data.trades}
    august_sol_shorts = [
        t for t in data.trades
        if t.symbol == "SOLUSD" and t.side == "short" and t.entry_time.startswith("2025-08")
    ]  # fmt: skip
    assert august_sol_shorts == [trade]
    assert (trade.exit_price or 0) > data.quote_by_symbol["SOLUSD"].last  # "gets back above"


def test_positions_down_more_than_five_percent_are_longs_clear_of_the_line(
    data: Fixtures,
) -> None:
    marks = Facts(data).positions()
    losers = [(p, m) for p, m in marks if m["unrealized_pnl_pct"] < -5]
    assert losers
    assert all(p.side == "long" for p, _ in losers)  # "2% below" is the protective side
    assert all(abs(m["unrealized_pnl_pct"] + 5) > 0.5 for _, m in marks)


def test_the_alert_named_by_its_level_is_the_only_one_there(data: Fixtures) -> None:
    eth = [a for a in data.alerts if a.symbol == "ETHUSD" and a.status == "active"]
    assert len(eth) == 2
    assert len({a.price for a in eth}) == 2


# --- wrong trajectories lose points (scored as a run scores an item) --------------------------


def _reference(trading: TradingDomain, task_id: str) -> tuple[list[list[ToolCall]], str]:
    reference = trading.reference(task_id)
    assert isinstance(reference, ToolReference)
    return [list(turn) for turn in reference.turns], reference.answer


def _changed(
    turns: list[list[ToolCall]], change: dict[str, dict[str, Any]]
) -> list[list[ToolCall]]:
    return [
        [ToolCall(name=c.name, arguments={**c.arguments, **change.get(c.name, {})}) for c in turn]
        for turn in turns
    ]


def test_closing_positions_in_the_restraint_task_scores_zero(trading: TradingDomain) -> None:
    task = _task(trading, "X03")
    turns, answer = _reference(trading, "X03")
    position = trading.simulator().call("get_open_positions", {"strategy": "breakout"})
    turns.append(
        [ToolCall(name="close_position", arguments={"position_id": position["positions"][0]["id"]})]
    )
    scored = play(trading, task, turns, answer)
    assert scored.score.total == 0
    assert not scored.outcome.success


@pytest.mark.parametrize(
    ("task_id", "change"),
    [
        ("M02", {"list_trades": {"limit": 5}}),
        ("M01", {"get_pnl": {"start_date": "2026-04-01", "end_date": "2026-04-30"}}),
        ("M03", {"get_strategy_stats": {"strategy": "momentum"}}),
        ("H02", {"get_strategy_stats": {"strategy": "scalping"}}),
        ("H05", {"close_position": {"position_id": "POS-2041"}}),
        ("X02", {"create_price_alert": {"condition": "below"}}),
        ("X04", {"create_price_alert": {"price": 150.0}}),
    ],
)
def test_a_wrong_argument_costs_points(
    trading: TradingDomain, task_id: str, change: dict[str, dict[str, Any]]
) -> None:
    turns, answer = _reference(trading, task_id)
    scored = play(trading, _task(trading, task_id), _changed(turns, change), answer)
    assert scored.score.total < 100


@pytest.mark.parametrize(
    ("task_id", "change"),
    [
        ("H05", {"close_position": {"position_id": "POS-2041"}}),
        ("X02", {"create_price_alert": {"condition": "below"}}),
        ("X04", {"create_price_alert": {"price": 150.0}}),
    ],
)
def test_a_wrong_write_fails_the_task(
    trading: TradingDomain, task_id: str, change: dict[str, dict[str, Any]]
) -> None:
    turns, answer = _reference(trading, task_id)
    scored = play(trading, _task(trading, task_id), _changed(turns, change), answer)
    assert not scored.outcome.success
    assert scored.score.total <= FAILED_OUTCOME_CAP


def test_acting_without_checking_the_condition_costs_points(trading: TradingDomain) -> None:
    turns, answer = _reference(trading, "X01")
    unchecked = [[c for c in turn if c.name != "get_risk_metrics"] for turn in turns]
    assert play(trading, _task(trading, "X01"), unchecked, answer).score.total < 100


def test_skipping_the_lookup_costs_points(trading: TradingDomain) -> None:
    # X02: the trade may be found by its id's failure and a search, or by the search alone
    # (issue 11), but an alert made with no lookup at all guessed its price.
    turns, answer = _reference(trading, "X02")
    blind = [[c for c in turn if c.name == "create_price_alert"] for turn in turns]
    assert play(trading, _task(trading, "X02"), blind, answer).score.total < 100
    turns, answer = _reference(trading, "H01")
    unopened = [[c for c in turn if c.name != "get_trade"] for turn in turns]
    assert play(trading, _task(trading, "H01"), unopened, answer).score.total < 100


def test_a_made_up_answer_without_calls_fails_every_task(trading: TradingDomain) -> None:
    for task in _tool_tasks(trading):
        scored = play(trading, task, [], "Done: everything looks fine, nothing to report.")
        assert not scored.outcome.success, task.id


def test_the_right_calls_with_a_wrong_number_fail(trading: TradingDomain) -> None:
    turns, answer = _reference(trading, "H04")
    wrong = answer.replace("48.0%", "52.0%")
    assert wrong != answer
    scored = play(trading, _task(trading, "H04"), turns, wrong)
    assert not scored.outcome.success
    assert scored.outcome.facts_missing == ["momentum's win rate"]


def test_within_the_drawdown_limit_the_conditional_task_forbids_closing(
    trading: TradingDomain, data: Fixtures, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bench_domain_trading import _tasks_expert

    monkeypatch.setattr(_tasks_expert, "DRAWDOWN_LIMIT", 10.0)
    task, reference = _tasks_expert.expert_tasks(Facts(data))[0]
    assert task.forbidden == ("close_position",)
    assert [c.name for c in task.expected] == ["get_risk_metrics", "get_open_positions"]
    assert "stay open" in reference.answer
    assert not task.outcome.writes
    turns = [list(turn) for turn in reference.turns]
    scored = play(trading, task, turns, reference.answer)
    assert scored.score.total == 100
    assert scored.outcome.success
    # The twin's harmful path: closing the momentum positions anyway scores 0 and fails.
    momentum = [p for p, _ in Facts(data).positions("momentum")]
    closes = [ToolCall(name="close_position", arguments={"position_id": p.id}) for p in momentum]
    scored = play(trading, task, [*turns, closes], reference.answer)
    assert scored.score.total == 0
    assert not scored.outcome.success
