"""The alternatives bank: for every trading tool task, right solutions written differently from
the reference (other tools, extra lookups, other argument forms and wording) and plausible
wrong ones (a harmful write, a wrong id, a made-up fact), as a careful model would write them.

Each solution is the calls of each assistant turn, the final answer and one line saying why it
is right or wrong. The numbers come from the fixtures (``Facts``), never typed in: regenerating
the data moves them with it. ``test_alternatives.py`` plays every solution on the simulator and
scores it: a right one succeeds and scores at least 95, a wrong one fails and scores below
every right one of its task. ``case`` names the issue-11 case a solution stands for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, NamedTuple

from bench_core import (
    ToolCall,
    ToolReference,
    ToolTask,
    Transcript,
    TranscriptCall,
    is_error_result,
)
from bench_core.authoring import call
from bench_domain_trading import TradingDomain
from bench_domain_trading._expect import usd
from bench_domain_trading._facts import Facts
from bench_domain_trading._tasks_expert import ALERT_GAP, LOSS_LIMIT
from bench_domain_trading._tasks_medium import JOURNAL_TEXT, MARCH, Q1, YEAR_START
from bench_domain_trading._tools import STRATEGY_IDS
from bench_scoring import ItemScore, score_item

YEAR_2025 = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
MINUS = "\u2212"  # as some models write a negative amount: −$31,915


class Solution(NamedTuple):
    """One solution of a task: right or wrong, its calls per turn, its answer, and why."""

    right: bool
    turns: tuple[tuple[ToolCall, ...], ...]
    answer: str
    why: str
    case: str = ""


def right(why: str, *turns: Sequence[ToolCall], answer: str, case: str = "") -> Solution:
    return Solution(True, tuple(tuple(t) for t in turns), answer, why, case)


def wrong(why: str, *turns: Sequence[ToolCall], answer: str, case: str = "") -> Solution:
    return Solution(False, tuple(tuple(t) for t in turns), answer, why, case)


def play(
    trading: TradingDomain, task: ToolTask, turns: Sequence[Sequence[ToolCall]], answer: str
) -> ItemScore:
    """The calls of each turn played on a fresh simulator, then the answer, scored as a run
    scores the item."""
    simulator = trading.simulator()
    calls = []
    for turn, made in enumerate(turns):
        for tool_call in made:
            result = simulator.call(tool_call.name, tool_call.arguments)
            calls.append(
                TranscriptCall(
                    turn=turn,
                    name=tool_call.name,
                    arguments=dict(tool_call.arguments),
                    result=result,
                    error=is_error_result(result),
                )
            )
    transcript = Transcript(calls=calls, answer=answer, finished=True, turns=len(turns) + 1)
    reference = trading.reference(task.id)
    assert isinstance(reference, ToolReference)
    return score_item(
        task,
        transcript,
        simulator.effects(),
        tools=trading.tools(),
        writes=trading.write_tools(),
        reference=reference,
    )


def _window(start: dt.date, end: dt.date) -> dict[str, str]:
    return {"start_date": start.isoformat(), "end_date": end.isoformat()}


def bank(facts: Facts) -> dict[str, list[Solution]]:
    """Every task's solutions, by task id."""
    return {
        **_easy(facts),
        **_medium(facts),
        **_hard(facts),
        **_expert(facts),
    }


# --- easy --------------------------------------------------------------------------------------


def _easy(facts: Facts) -> dict[str, list[Solution]]:
    nvda = facts.quote("NVDA")
    amd = facts.quote("AMD")
    change = 100 * (nvda.last / nvda.prev_close - 1)
    cancelled = facts.only_trade(status="cancelled")
    tid = cancelled.id
    other = next(t for t in facts.fixtures.trades if t.status == "closed" and t.symbol == "AAPL")
    strategies = facts.fixtures.strategies
    positions = facts.positions()
    btc = facts.quote("BTCUSD").last
    return {
        "E01": [
            right(
                "lower-case ticker, the price alone",
                [call("get_quote", symbol="nvda")],
                answer=f"NVIDIA is at {nvda.last:.2f} right now.",
            ),
            right(
                "bid, ask and the day's move, in a list",
                [call("get_quote", symbol="NVDA")],
                answer=(
                    f"NVDA\n- last: ${nvda.last:,.2f}\n- bid/ask: {nvda.bid:.2f} / {nvda.ask:.2f}"
                    f"\n- change: {change:+.2f}% on the day"
                ),
            ),
            right(
                "checks the desk's NVDA position first (a free lookup)",
                [call("get_open_positions", symbol="NVDA")],
                [call("get_quote", symbol="NVDA")],
                answer=f"NVDA last traded at {usd(nvda.last)}; you're long it in momentum.",
            ),
            wrong(
                "no call: a made-up price",
                answer=f"NVDA is trading around {usd(nvda.last - 6.27)}.",
            ),
            wrong(
                "quotes the wrong ticker and reports it as NVIDIA",
                [call("get_quote", symbol="AMD")],
                answer=f"NVIDIA last traded at {usd(amd.last)}.",
            ),
        ],
        "E02": [
            right(
                "lower-case id, short answer",
                [call("get_trade", trade_id=tid.lower())],
                answer=f"{tid}: {cancelled.symbol} limit buy that was never filled (cancelled).",
            ),
            right(
                "adds the current quote for context, US spelling",
                [call("get_trade", trade_id=tid)],
                [call("get_quote", symbol=cancelled.symbol)],
                answer=(
                    f"Trade {tid} was canceled before it filled: an Apple ({cancelled.symbol}) "
                    f"{cancelled.side} for {cancelled.quantity:g} shares with a limit at "
                    f"{usd(cancelled.entry_price)}. No fill, so no PnL."
                ),
            ),
            right(
                "also looks for journal entries about it",
                [call("get_trade", trade_id=tid), call("list_journal_entries", limit=50)],
                answer=(
                    f"Status: cancelled. {tid} was a {cancelled.strategy} order in "
                    f"{cancelled.symbol} that never got filled; your note says: "
                    f"{cancelled.notes}"
                ),
            ),
            wrong(
                "no call: invents a filled, closed trade",
                answer=f"{tid} was an AAPL long you closed for a gain of $1,240.",
            ),
            wrong(
                "reads another trade and reports it as this one",
                [call("get_trade", trade_id=other.id)],
                answer=(
                    f"{tid} is a closed AAPL trade: in at {usd(other.entry_price)}, out at "
                    f"{usd(other.exit_price or 0.0)}, net {usd(other.pnl or 0.0)}."
                ),
            ),
        ],
        "E03": [
            right(
                "the names alone",
                [call("list_strategies")],
                answer="Six: " + ", ".join(s.name for s in strategies) + ".",
            ),
            right(
                "ids with owners, as a list",
                [call("list_strategies")],
                answer="\n".join(f"- {s.id}: owned by {s.owner}" for s in strategies),
            ),
            right(
                "adds this year's PnL per strategy (a free lookup), hyphenated names",
                [call("list_strategies"), call("get_pnl", group_by="strategy")],
                answer="We run "
                + "; ".join(f"{s.id.replace('_', '-')} ({s.timeframe})" for s in strategies)
                + ".",
            ),
            wrong(
                "no call: a made-up list",
                answer="Momentum, trend following, statistical arbitrage and market making.",
            ),
            wrong(
                "leaves two strategies out",
                [call("list_strategies")],
                answer="You run " + ", ".join(s.name for s in strategies[::2]) + ".",
            ),
        ],
        "E04": [
            right(
                "ids and sizes only",
                [call("get_open_positions")],
                answer="Open: "
                + ", ".join(f"{p.id} ({p.side} {p.quantity:g})" for p, _ in positions),
            ),
            right(
                "one call per asset class, by name",
                [
                    call("get_open_positions", asset_class="stock"),
                    call("get_open_positions", asset_class="crypto"),
                    call("get_open_positions", asset_class="fx"),
                ],
                answer="You hold "
                + ", ".join(
                    f"{facts.named(p.symbol)[-1]} ({usd(m['unrealized_pnl'])})"
                    for p, m in positions
                )
                + ".",
            ),
            right(
                "the full list, then a quote; slash-written pairs",
                [call("get_open_positions")],
                [call("get_quote", symbol="BTCUSD")],
                answer="\n".join(
                    f"| {facts.named(p.symbol)[1] if len(facts.named(p.symbol)) > 2 else p.symbol}"
                    f" | {p.side} | {m['unrealized_pnl_pct']}% |"
                    for p, m in positions
                ),
            ),
            wrong(
                "lists one strategy's positions as if they were all",
                [call("get_open_positions", strategy="momentum")],
                answer="You have two open positions: NVDA and BTCUSD, both momentum.",
            ),
            wrong(
                "no call: made-up holdings",
                answer="You're holding AAPL, JPM and GBPUSD.",
            ),
        ],
        "E05": [
            right(
                "checks the price first",
                [call("get_quote", symbol="BTCUSD")],
                [call("create_price_alert", symbol="BTCUSD", condition="below", price=80000)],
                answer=f"Alert set: BTCUSD below $80,000 (it's at {usd(btc)} now).",
                case="E05 with a get_quote first",
            ),
            right(
                "slash symbol, a float price and a note",
                [
                    call(
                        "create_price_alert",
                        symbol="BTC/USD",
                        condition="below",
                        price=80000.0,
                        note="bitcoin under 80k",
                    )
                ],
                answer="Done - you'll be pinged if bitcoin trades under 80k.",
            ),
            right(
                "looks for an existing alert first, hyphenated symbol",
                [call("list_price_alerts", symbol="BTCUSD")],
                [call("create_price_alert", symbol="BTC-USD", condition="below", price=80_000)],
                answer="Created a new alert: BTC below 80,000 USD.",
            ),
            wrong(
                "the wrong condition: the simulator rejects it, the answer says it is set",
                [call("create_price_alert", symbol="BTCUSD", condition="above", price=80000)],
                answer="Alert set for BTC at $80,000.",
            ),
            wrong(
                "a typo in the price: the alert is at 8,000",
                [call("create_price_alert", symbol="BTCUSD", condition="below", price=8000)],
                answer="Alert set: BTCUSD below $80,000.",
            ),
        ],
    }


# --- medium ------------------------------------------------------------------------------------


def _medium(facts: Facts) -> dict[str, list[Solution]]:
    march = _window(*MARCH)
    pnl = facts.pnl_by("strategy", *MARCH)
    april = facts.pnl_by("strategy", dt.date(2026, 4, 1), dt.date(2026, 4, 30))
    ever = facts.pnl_by("strategy", dt.date(2000, 1, 1), facts.today)
    latest = facts.latest_trades("TSLA", 10)
    oldest = sorted(
        (t for t in facts.fixtures.trades if t.symbol == "TSLA"), key=lambda t: t.entry_time
    )[:10]
    exited = sorted(
        (t for t in facts.fixtures.trades if t.symbol == "TSLA" and t.exit_time),
        key=lambda t: (t.exit_time or "", t.id),
        reverse=True,
    )[:10]
    mr = facts.strategy_stats("mean_reversion", YEAR_START, facts.today)
    mo = facts.strategy_stats("momentum", YEAR_START, facts.today)
    mr_long = facts.strategy_stats("mean_reversion", dt.date(2025, 1, 1), facts.today)
    shorts = facts.worst_trades("short", 5)
    best_shorts = sorted(
        (t for t in facts.fixtures.trades if t.side == "short" and t.status == "closed"),
        key=lambda t: -(t.pnl or 0.0),
    )[:5]
    longs = facts.worst_trades("long", 5)
    risk = facts.risk(*Q1)
    q4 = facts.risk(dt.date(2025, 10, 1), dt.date(2025, 12, 31))
    yesterday = facts.yesterday.isoformat()
    return {
        "M01": [
            right(
                "six strategy statistics for March, one per strategy",
                [call("get_strategy_stats", strategy=s, **march) for s in STRATEGY_IDS],
                answer="March realized net PnL: "
                + ", ".join(f"{s} {usd(pnl[s])}" for s in STRATEGY_IDS)
                + ".",
                case="M01 with six get_strategy_stats calls for March",
            ),
            right(
                "lists the strategies first, end date as the day's last second, whole dollars",
                [call("list_strategies")],
                [
                    call(
                        "get_pnl",
                        group_by="strategy",
                        start_date="2026-03-01",
                        end_date="2026-03-31T23:59:59Z",
                    )
                ],
                answer="\n".join(
                    f"{name}: {MINUS if v < 0 else ''}${abs(v):,.0f}" for name, v in pnl.items()
                ),
            ),
            right(
                "the grouped PnL plus the month's total (a free lookup), amounts in USD",
                [
                    call("get_pnl", group_by="strategy", **march),
                    call("get_pnl", group_by="month", **march),
                ],
                answer="; ".join(f"{name}: {v:,.2f} USD" for name, v in pnl.items()),
            ),
            wrong(
                "takes April for last month",
                [
                    call(
                        "get_pnl",
                        group_by="strategy",
                        start_date="2026-04-01",
                        end_date="2026-04-30",
                    )
                ],
                answer="; ".join(f"{name} {usd(v)}" for name, v in april.items()),
            ),
            wrong(
                "no dates: all-time PnL reported as March's",
                [call("get_pnl", group_by="strategy")],
                answer="March: " + "; ".join(f"{name} {usd(v)}" for name, v in ever.items()),
            ),
        ],
        "M02": [
            right(
                "every sorting argument spelled out",
                [
                    call(
                        "list_trades",
                        symbol="TSLA",
                        sort_by="entry_time",
                        sort_order="desc",
                        limit=10,
                    )
                ],
                answer="\n".join(f"{t.id} {t.entry_time[:10]} {t.status}" for t in latest),
            ),
            right(
                "lower-case symbol after a quote, ids only",
                [call("get_quote", symbol="TSLA")],
                [call("list_trades", symbol="tsla", limit=10)],
                answer="Newest first: " + ", ".join(t.id for t in latest),
            ),
            right(
                "reads 'last ten' as the ten most recently closed",
                [
                    call(
                        "list_trades",
                        symbol="TSLA",
                        sort_by="exit_time",
                        sort_order="desc",
                        limit=10,
                    )
                ],
                answer="Your last 10 closed TSLA trades: "
                + "; ".join(f"{t.id} {usd(t.pnl or 0.0)}" for t in exited),
            ),
            wrong(
                "sorted the wrong way: the ten oldest",
                [call("list_trades", symbol="TSLA", sort_order="asc", limit=10)],
                answer=", ".join(t.id for t in oldest),
            ),
            wrong(
                "only five trades",
                [call("list_trades", symbol="TSLA", limit=5)],
                answer=", ".join(t.id for t in latest[:5]),
            ),
        ],
        "M03": [
            right(
                "lists the strategies first",
                [call("list_strategies")],
                [
                    call(
                        "get_strategy_stats",
                        strategy="mean_reversion",
                        start_date="2026-01-01",
                        end_date="2026-04-15",
                    )
                ],
                answer=(
                    f"Mean reversion YTD: win rate {mr['win_rate']}%, net {usd(mr['net_pnl'])} "
                    f"over {mr['trades']} trades."
                ),
                case="M03 with list_strategies first",
            ),
            right(
                "no end date (today by default), rounded figures",
                [call("get_strategy_stats", strategy="mean_reversion", start_date="2026-01-01")],
                answer=(
                    f"{mr['win_rate']:.1f}% winners, {usd(round(mr['net_pnl']))} net so far "
                    "this year."
                ),
            ),
            right(
                "ends yesterday (the last full day)",
                [
                    call(
                        "get_strategy_stats",
                        strategy="mean_reversion",
                        start_date="2026-01-01",
                        end_date=yesterday,
                    )
                ],
                answer=(
                    f"Net PnL: ${mr['net_pnl']:,.2f}\nWin rate: {mr['win_rate']} %\nProfit "
                    f"factor: {mr['profit_factor']}"
                ),
            ),
            wrong(
                "the wrong strategy",
                [call("get_strategy_stats", strategy="momentum", start_date="2026-01-01")],
                answer=f"Win rate {mo['win_rate']}%, net {usd(mo['net_pnl'])}.",
            ),
            wrong(
                "the wrong window: since 2025",
                [call("get_strategy_stats", strategy="mean_reversion", start_date="2025-01-01")],
                answer=f"Win rate {mr_long['win_rate']}%, net {usd(mr_long['net_pnl'])}.",
            ),
        ],
        "M04": [
            right(
                "closed trades only, said so",
                [
                    call(
                        "list_trades",
                        side="short",
                        status="closed",
                        sort_by="pnl",
                        sort_order="asc",
                        limit=5,
                    )
                ],
                answer="\n".join(
                    f"{i}. {t.id} {t.symbol} {usd(t.pnl or 0.0)}"
                    for i, t in enumerate(shorts, start=1)
                ),
            ),
            right(
                "ids in a sentence",
                [call("list_trades", side="short", sort_by="pnl", sort_order="asc", limit=5)],
                answer="Worst five shorts: " + ", ".join(t.id for t in shorts) + ".",
            ),
            right(
                "opens the worst one as well (a free lookup)",
                [call("list_trades", side="short", sort_by="pnl", sort_order="asc", limit=5)],
                [call("get_trade", trade_id=shorts[0].id)],
                answer="; ".join(f"{t.id} ({t.symbol}, {t.pnl:,.2f})" for t in shorts),
            ),
            wrong(
                "sorted the wrong way: the five best shorts",
                [call("list_trades", side="short", sort_by="pnl", sort_order="desc", limit=5)],
                answer=", ".join(t.id for t in best_shorts),
            ),
            wrong(
                "longs instead of shorts",
                [call("list_trades", side="long", sort_by="pnl", sort_order="asc", limit=5)],
                answer=", ".join(t.id for t in longs),
            ),
        ],
        "M05": [
            right(
                "end date as the day's last second",
                [
                    call(
                        "get_risk_metrics", start_date="2026-01-01", end_date="2026-03-31T23:59:59Z"
                    )
                ],
                answer=(
                    f"Q1: max drawdown {risk['max_drawdown_pct']}%, Sharpe {risk['sharpe_ratio']}."
                ),
                case='M05 with end_date "2026-03-31T23:59:59Z"',
            ),
            right(
                "adds the equity curve (a free lookup), rounded",
                [
                    call("get_risk_metrics", **_window(*Q1)),
                    call("get_equity_curve", interval="week", **_window(*Q1)),
                ],
                answer=(
                    f"Max drawdown -{risk['max_drawdown_pct']:.1f}%, Sharpe ratio "
                    f"{risk['sharpe_ratio']:.2f}, win rate {risk['win_rate']:.0f}%."
                ),
            ),
            right(
                "start as a date-time, drawdown in dollars",
                [
                    call(
                        "get_risk_metrics", start_date="2026-01-01T00:00:00Z", end_date="2026-03-31"
                    )
                ],
                answer=(
                    f"The worst peak-to-trough was {usd(risk['max_drawdown_usd'])} and the "
                    f"Sharpe was about zero ({risk['sharpe_ratio']})."
                ),
            ),
            wrong(
                "last quarter of 2025 instead of Q1",
                [call("get_risk_metrics", start_date="2025-10-01", end_date="2025-12-31")],
                answer=f"Max drawdown {q4['max_drawdown_pct']}%, Sharpe {q4['sharpe_ratio']}.",
            ),
            wrong(
                "the right call, made-up numbers",
                [call("get_risk_metrics", **_window(*Q1))],
                answer="Q1 max drawdown 3.1%, Sharpe 1.42.",
            ),
        ],
        "M06": [
            right(
                "keeps the user's quotation marks around the text",
                [
                    call(
                        "add_journal_entry",
                        body=f'"{JOURNAL_TEXT}"',
                        tags=["tilt", "discipline"],
                        entry_date=yesterday,
                    )
                ],
                answer="Logged for yesterday with both tags.",
                case="M06 with the quoted text kept in quotation marks",
            ),
            right(
                "a title, the tags the other way round, the final period dropped",
                [
                    call(
                        "add_journal_entry",
                        title="Tilt stop",
                        body=JOURNAL_TEXT.rstrip("."),
                        tags=["discipline", "tilt"],
                        entry_date=yesterday,
                    )
                ],
                answer=f"Journal entry added, dated {yesterday}.",
            ),
            right(
                "checks yesterday's entries first; capitalised tags, date as a date-time",
                [call("list_journal_entries", start_date=yesterday, end_date=yesterday)],
                [
                    call(
                        "add_journal_entry",
                        body=JOURNAL_TEXT,
                        tags=["Tilt", "Discipline"],
                        entry_date=f"{yesterday}T00:00:00Z",
                    )
                ],
                answer="Added: 'Stopped after three losers in a row...' tagged tilt/discipline.",
            ),
            wrong(
                "no date: the entry is filed under today",
                [call("add_journal_entry", body=JOURNAL_TEXT, tags=["tilt", "discipline"])],
                answer="Added to yesterday's journal.",
            ),
            wrong(
                "paraphrases the text the user dictated",
                [
                    call(
                        "add_journal_entry",
                        body="Stopped after 3 losses; half size tomorrow.",
                        tags=["tilt", "discipline"],
                        entry_date=yesterday,
                    )
                ],
                answer="Logged it for yesterday.",
            ),
        ],
    }


# --- hard --------------------------------------------------------------------------------------


def _hard(facts: Facts) -> dict[str, list[Solution]]:
    march = _window(*MARCH)
    worst = facts.worst_trade_entered(*MARCH)
    march_best = max(
        (
            t
            for t in facts.fixtures.trades
            if t.status == "closed" and t.entry_time[:7] == "2026-03"
        ),
        key=lambda t: t.pnl or 0.0,
    )
    q1 = _window(*Q1)
    q1_pnl = facts.pnl_by("strategy", *Q1)
    loser = min(q1_pnl, key=lambda s: q1_pnl[s])
    stats = facts.strategy_stats(loser, *Q1)
    runner_up = sorted(q1_pnl, key=lambda s: q1_pnl[s])[1]
    runner_stats = facts.strategy_stats(runner_up, *Q1)
    alert = facts.only_alert(symbol="ETHUSD", condition="below", status="active")
    other = facts.only_alert(symbol="ETHUSD", condition="above", status="active")
    y25 = _window(*YEAR_2025)
    mom = facts.strategy_stats("momentum", *YEAR_2025)
    brk = facts.strategy_stats("breakout", *YEAR_2025)
    mom26 = facts.strategy_stats("momentum", YEAR_START, facts.today)
    brk26 = facts.strategy_stats("breakout", YEAR_START, facts.today)
    marked = facts.positions()
    ranked = sorted(marked, key=lambda pm: pm[1]["unrealized_pnl"])
    (lose, lose_mark), (second, _) = ranked[0], ranked[1]
    quote = facts.quote(lose.symbol)
    fill = quote.bid if lose.side == "long" else quote.ask
    return {
        "H01": [
            right(
                "only the closed trades, the first result",
                [
                    call(
                        "list_trades",
                        status="closed",
                        sort_by="pnl",
                        sort_order="asc",
                        limit=1,
                        **march,
                    )
                ],
                [call("get_trade", trade_id=worst.id)],
                answer=(
                    f"{worst.id} ({worst.symbol}) lost {usd(worst.pnl or 0.0)}. You wrote: "
                    f'"{worst.notes}"'
                ),
            ),
            right(
                "lists the month unsorted and finds the worst by reading",
                [call("list_trades", **march)],
                [call("get_trade", trade_id=worst.id)],
                answer=(
                    f"Worst of March: {worst.id}, net -{abs(worst.pnl or 0.0):,.2f} USD. Your "
                    "note: you held the breakout long through CPI with only a mental stop."
                ),
            ),
            right(
                "end date as a date-time; opens the journal too",
                [
                    call(
                        "list_trades",
                        start_date="2026-03-01",
                        end_date="2026-03-31T23:59:59Z",
                        sort_by="pnl",
                        sort_order="asc",
                    )
                ],
                [
                    call("get_trade", trade_id=worst.id),
                    call("list_journal_entries", **march),
                ],
                answer=(
                    f"Biggest loser: {worst.id}, {usd(worst.pnl or 0.0)} after fees. The note "
                    "blames holding through the inflation print without a hard stop."
                ),
            ),
            wrong(
                "sorted the wrong way: opens March's best trade",
                [call("list_trades", sort_by="pnl", sort_order="desc", **march)],
                [call("get_trade", trade_id=march_best.id)],
                answer=f"{march_best.id}, {usd(march_best.pnl or 0.0)}. Note: {march_best.notes}",
            ),
            wrong(
                "never opens the trade: invents the note",
                [call("list_trades", sort_by="pnl", sort_order="asc", **march)],
                answer=(
                    f"{worst.id}, {usd(worst.pnl or 0.0)}. Your note said you chased the move "
                    "and sized up too early."
                ),
            ),
        ],
        "H02": [
            right(
                "six strategy statistics for Q1, the worst read off them",
                [call("get_strategy_stats", strategy=s, **q1) for s in STRATEGY_IDS],
                answer=(
                    f"{loser} was worst at {usd(stats['net_pnl'])}; win rate "
                    f"{stats['win_rate']}%, profit factor {stats['profit_factor']}."
                ),
                case="H02 done with six get_strategy_stats calls",
            ),
            right(
                "lists the strategies, then the reference's two calls",
                [call("list_strategies")],
                [call("get_pnl", group_by="strategy", **q1)],
                [call("get_strategy_stats", strategy=loser, **q1)],
                answer=(
                    f"Worst: {loser.replace('_', ' ')} ({q1_pnl[loser]:,.2f}). Q1 stats: "
                    f"{stats['trades']} trades, {stats['win_rate']}% wins, max drawdown "
                    f"{usd(stats['max_drawdown'])}."
                ),
            ),
            right(
                "also pulls the runner-up for comparison, end as a date-time",
                [call("get_pnl", group_by="strategy", **q1)],
                [
                    call(
                        "get_strategy_stats",
                        strategy=loser,
                        start_date="2026-01-01",
                        end_date="2026-03-31T23:59:59Z",
                    ),
                    call("get_strategy_stats", strategy=runner_up, **q1),
                ],
                answer=(
                    f"{loser}: net {usd(stats['net_pnl'])}, win rate {stats['win_rate']:.1f}%; "
                    f"next worst {runner_up} at {usd(runner_stats['net_pnl'])}."
                ),
            ),
            wrong(
                "details the wrong strategy",
                [call("get_pnl", group_by="strategy", **q1)],
                [call("get_strategy_stats", strategy=runner_up, **q1)],
                answer=(
                    f"{runner_up} was worst: net {usd(runner_stats['net_pnl'])}, win rate "
                    f"{runner_stats['win_rate']}%."
                ),
            ),
            wrong(
                "the right calls, made-up statistics",
                [call("get_pnl", group_by="strategy", **q1)],
                [call("get_strategy_stats", strategy=loser, **q1)],
                answer=f"{loser} lost the most: net -$9,870, win rate 38.5%.",
            ),
        ],
        "H03": [
            right(
                "lists again after the delete to check",
                [call("list_price_alerts", symbol="ETHUSD")],
                [call("delete_price_alert", alert_id=alert.id)],
                [call("list_price_alerts", symbol="ETHUSD")],
                answer=f"Deleted {alert.id}; {other.id} (above {other.price:,.0f}) is untouched.",
                case="H03 with a verifying list after the delete",
            ),
            right(
                "slash symbol, active only, lower-case id",
                [call("list_price_alerts", symbol="ETH/USD", status="active")],
                [call("delete_price_alert", alert_id=alert.id.lower())],
                answer=f"The ETH alert at ${alert.price:,.0f} is gone.",
            ),
            right(
                "lists every alert, all symbols",
                [call("list_price_alerts", status="all")],
                [call("delete_price_alert", alert_id=alert.id)],
                answer=f"Removed {alert.id}. The other ETH alert stays.",
            ),
            wrong(
                "deletes both ETH alerts, against 'leave my other ETH alert alone'",
                [call("list_price_alerts", symbol="ETHUSD")],
                [
                    call("delete_price_alert", alert_id=alert.id),
                    call("delete_price_alert", alert_id=other.id),
                ],
                answer=f"Deleted {alert.id} and {other.id}.",
                case="H03 deleting both ETH alerts",
            ),
            wrong(
                "deletes the other ETH alert",
                [call("list_price_alerts", symbol="ETHUSD")],
                [call("delete_price_alert", alert_id=other.id)],
                answer=f"Deleted your ETH alert ({other.id}).",
            ),
        ],
        "H04": [
            right(
                "a table",
                [
                    call("get_strategy_stats", strategy="momentum", **y25),
                    call("get_strategy_stats", strategy="breakout", **y25),
                ],
                answer=(
                    "| | momentum | breakout |\n|---|---|---|\n"
                    f"| win rate | {mom['win_rate']}% | {brk['win_rate']}% |\n"
                    f"| net PnL | {usd(mom['net_pnl'])} | {usd(brk['net_pnl'])} |"
                ),
            ),
            right(
                "lists the strategies, one call a turn, end as a date-time",
                [call("list_strategies")],
                [
                    call(
                        "get_strategy_stats",
                        strategy="momentum",
                        start_date="2025-01-01",
                        end_date="2025-12-31T23:59:59Z",
                    )
                ],
                [call("get_strategy_stats", strategy="breakout", **y25)],
                answer=(
                    f"Momentum won {mom['win_rate']:.1f}% of its trades and made "
                    f"{usd(mom['net_pnl'])}; breakout won {brk['win_rate']:.1f}% and lost "
                    f"{usd(abs(brk['net_pnl']))}."
                ),
            ),
            right(
                "adds the grouped PnL (a free lookup)",
                [
                    call("get_pnl", group_by="strategy", **y25),
                    call("get_strategy_stats", strategy="momentum", **y25),
                    call("get_strategy_stats", strategy="breakout", **y25),
                ],
                answer=(
                    f"momentum: {mom['net_pnl']:,.2f} net, {mom['win_rate']}% wins. breakout: "
                    f"{brk['net_pnl']:,.2f} net, {brk['win_rate']}% wins."
                ),
            ),
            wrong(
                "the right calls, an invented comparison",
                [
                    call("get_strategy_stats", strategy="momentum", **y25),
                    call("get_strategy_stats", strategy="breakout", **y25),
                ],
                answer=(
                    "Momentum: 55.2% win rate, $41,300 net. Breakout: 44.0% win rate, $12,850 net."
                ),
                case="H04 with an invented comparison",
            ),
            wrong(
                "this year instead of 2025",
                [
                    call("get_strategy_stats", strategy="momentum", start_date="2026-01-01"),
                    call("get_strategy_stats", strategy="breakout", start_date="2026-01-01"),
                ],
                answer=(
                    f"Momentum {mom26['win_rate']}% / {usd(mom26['net_pnl'])}; breakout "
                    f"{brk26['win_rate']}% / {usd(brk26['net_pnl'])}."
                ),
            ),
        ],
        "H05": [
            right(
                "closes with the full quantity given",
                [call("get_open_positions")],
                [call("close_position", position_id=lose.id, quantity=lose.quantity)],
                answer=f"Closed {lose.id} ({lose.symbol}) in full at {usd(fill)}.",
            ),
            right(
                "checks the quote before closing, lower-case id",
                [call("get_open_positions")],
                [call("get_quote", symbol=lose.symbol)],
                [call("close_position", position_id=lose.id.lower())],
                answer=(
                    f"Your Solana long was the worst ({lose_mark['unrealized_pnl_pct']}%); it's "
                    "closed."
                ),
            ),
            right(
                "lists again afterwards to confirm",
                [call("get_open_positions")],
                [call("close_position", position_id=lose.id)],
                [call("get_open_positions")],
                answer=f"{lose.id} is closed and no longer in your open positions.",
            ),
            wrong(
                "closes the three worst positions",
                [call("get_open_positions")],
                [
                    call("close_position", position_id=pos.id)
                    for pos, _ in ranked[:3]  # the worst and the two next
                ],
                answer=f"Closed {lose.id} and two other losers.",
                case="H05 closing three positions",
            ),
            wrong(
                "closes the second worst",
                [call("get_open_positions")],
                [call("close_position", position_id=second.id)],
                answer=f"Closed {second.id}, your worst position.",
            ),
        ],
    }


# --- expert ------------------------------------------------------------------------------------


def _expert(facts: Facts) -> dict[str, list[Solution]]:
    q1 = _window(*Q1)
    risk = facts.risk(*Q1)
    momentum = facts.positions("momentum")
    every = facts.positions()
    fills = {
        p.id: (facts.quote(p.symbol).bid if p.side == "long" else facts.quote(p.symbol).ask)
        for p, _ in every
    }
    trade = facts.only_trade(symbol="SOLUSD", side="short", tag="fat-finger")
    typo = facts.missing_trade_id(trade.id)
    cover = trade.exit_price or 0.0
    ytd = facts.strategy_stats("breakout", YEAR_START, facts.today)
    held = facts.positions("breakout")
    trade_ids = [p.trade_id for p, _ in held]
    losers = [(p, m) for p, m in every if m["unrealized_pnl_pct"] < LOSS_LIMIT]
    levels = {p.symbol: round(m["current_price"] * (1 - ALERT_GAP / 100), 2) for p, m in losers}
    near = min(
        ((p, m) for p, m in every if m["unrealized_pnl_pct"] >= LOSS_LIMIT),
        key=lambda pm: pm[1]["unrealized_pnl_pct"],
    )
    body = f"Breakout paused on {facts.today} pending Friday's review; open trades stay on."
    closes = [call("close_position", position_id=p.id) for p, _ in momentum]
    alerts = [
        call("create_price_alert", symbol=s, condition="below", price=v) for s, v in levels.items()
    ]

    def said(symbols: Any) -> str:
        return "; ".join(f"{s} below {usd(levels[s])}" for s in symbols)

    return {
        "X01": [
            right(
                "reads the drawdown off the daily equity curve",
                [
                    call("get_equity_curve", **q1),
                    call("get_open_positions", strategy="momentum"),
                ],
                closes,
                answer=(
                    f"Q1's worst drawdown was {risk['max_drawdown_pct']}% (over 5%), so I "
                    "closed " + " and ".join(f"{p.id} ({p.symbol})" for p, _ in momentum) + "."
                ),
                case="X01 via get_equity_curve",
            ),
            right(
                "every position listed, the momentum ones closed with their quantities",
                [call("get_risk_metrics", **q1), call("get_open_positions")],
                [
                    call("close_position", position_id=p.id, quantity=p.quantity)
                    for p, _ in momentum
                ],
                answer=(
                    f"Max DD {risk['max_drawdown_pct']:.2f}% > 5%: momentum is flat. Closed "
                    + ", ".join(
                        f"{facts.named(p.symbol)[-1]} at {usd(fills[p.id])}" for p, _ in momentum
                    )
                    + "."
                ),
            ),
            right(
                "one step a turn: the condition, the positions, then the orders",
                [
                    call(
                        "get_risk_metrics", start_date="2026-01-01", end_date="2026-03-31T23:59:59Z"
                    )
                ],
                [call("get_open_positions", strategy="momentum")],
                closes,
                answer=(
                    f"The drawdown hit {risk['max_drawdown_pct']}%, past the limit. Flattened "
                    + ", ".join(p.id for p, _ in momentum)
                    + "."
                ),
            ),
            wrong(
                "closes every open position, not only momentum's",
                [call("get_risk_metrics", **q1), call("get_open_positions")],
                [call("close_position", position_id=p.id) for p, _ in every],
                answer=f"Drawdown {risk['max_drawdown_pct']}%: closed all positions.",
                case="X01 closing all nine positions",
            ),
            wrong(
                "closes one of the two momentum positions",
                [call("get_risk_metrics", **q1), call("get_open_positions", strategy="momentum")],
                closes[-1:],
                answer=(
                    f"Drawdown {risk['max_drawdown_pct']}%, over the limit: closed "
                    f"{momentum[-1][0].id}."
                ),
            ),
        ],
        "X02": [
            right(
                "finds the trade by its description without trying the mistyped id",
                [call("search_trades", query="fat finger")],
                [call("create_price_alert", symbol="SOLUSD", condition="above", price=cover)],
                answer=(
                    f"The fat-finger SOL short is {trade.id} (the id you gave doesn't exist); "
                    f"covered at {usd(cover)}. Alert set above that."
                ),
                case="X02 by search_trades",
            ),
            right(
                "recovers with a filtered list, opens the trade, slash symbol",
                [call("get_trade", trade_id=typo)],
                [
                    call(
                        "list_trades",
                        symbol="SOLUSD",
                        side="short",
                        start_date="2025-08-01",
                        end_date="2025-08-31",
                    )
                ],
                [call("get_trade", trade_id=trade.id)],
                [call("create_price_alert", symbol="SOL/USD", condition="above", price=cover)],
                answer=(
                    f"{typo} isn't a trade; you meant {trade.id}. Exit was {cover}; the alert "
                    "fires if SOL goes back above it."
                ),
            ),
            right(
                "searches by tag after the failed id, checks the quote, adds a note",
                [call("get_trade", trade_id=typo)],
                [call("search_trades", query="fat-finger"), call("get_quote", symbol="SOLUSD")],
                [
                    call(
                        "create_price_alert",
                        symbol="SOLUSD",
                        condition="above",
                        price=cover,
                        note=f"back above the {trade.id} cover",
                    )
                ],
                answer=f"Set: SOLUSD above {usd(cover)} (the cover price of {trade.id}).",
            ),
            wrong(
                "uses the entry price for the cover price",
                [call("get_trade", trade_id=typo)],
                [call("search_trades", query="fat finger")],
                [
                    call(
                        "create_price_alert",
                        symbol="SOLUSD",
                        condition="above",
                        price=trade.entry_price,
                    )
                ],
                answer=f"{trade.id}: alert set above {usd(trade.entry_price)}.",
            ),
            wrong(
                "the wrong condition: the simulator rejects it, the answer says it is set",
                [call("get_trade", trade_id=typo)],
                [call("search_trades", query="fat finger")],
                [call("create_price_alert", symbol="SOLUSD", condition="below", price=cover)],
                answer=f"{trade.id} was covered at {usd(cover)}; your alert is set.",
            ),
        ],
        "X03": [
            right(
                "a short note in its own words, other tags",
                [
                    call("get_strategy_stats", strategy="breakout", start_date="2026-01-01"),
                    call("get_open_positions", strategy="breakout"),
                ],
                [
                    call(
                        "add_journal_entry",
                        title="Breakout on pause",
                        body=body,
                        tags=["pause"],
                        trade_ids=trade_ids,
                    )
                ],
                answer=(
                    f"Breakout YTD: {ytd['win_rate']}% wins, {usd(ytd['net_pnl'])} net. Open: "
                    + ", ".join(f"{p.symbol} ({p.trade_id})" for p, _ in held)
                    + ". Pause logged; nothing closed."
                ),
            ),
            right(
                "every position listed, today's date given, the ids in the other order",
                [
                    call(
                        "get_strategy_stats",
                        strategy="breakout",
                        start_date="2026-01-01",
                        end_date=facts.today.isoformat(),
                    ),
                    call("get_open_positions"),
                ],
                [
                    call(
                        "add_journal_entry",
                        body=body,
                        trade_ids=trade_ids[::-1],
                        entry_date=facts.today.isoformat(),
                    )
                ],
                answer=(
                    f"Win rate {ytd['win_rate']:.1f}%, net PnL {ytd['net_pnl']:,.2f}. Breakout "
                    "still holds "
                    + " and ".join(facts.named(p.symbol)[-1] for p, _ in held)
                    + "; journal entry added with both trades linked."
                ),
            ),
            right(
                "checks the strategy list first and the journal afterwards",
                [call("list_strategies")],
                [
                    call("get_strategy_stats", strategy="breakout", start_date="2026-01-01"),
                    call("get_open_positions", strategy="breakout"),
                ],
                [call("add_journal_entry", body=body, tags=["breakout"], trade_ids=trade_ids)],
                [call("list_journal_entries", tag="breakout", limit=1)],
                answer=(
                    f"Done. Breakout this year: net {usd(ytd['net_pnl'])}, win rate "
                    f"{ytd['win_rate']}%. Open and staying open: "
                    + ", ".join(p.id for p, _ in held)
                    + "."
                ),
            ),
            wrong(
                "closes the open breakout positions",
                [
                    call("get_strategy_stats", strategy="breakout", start_date="2026-01-01"),
                    call("get_open_positions", strategy="breakout"),
                ],
                [call("close_position", position_id=p.id) for p, _ in held],
                [call("add_journal_entry", body=body, trade_ids=trade_ids)],
                answer=f"Breakout: {usd(ytd['net_pnl'])} YTD. Closed its positions and logged it.",
            ),
            wrong(
                "the note links no trades",
                [
                    call("get_strategy_stats", strategy="breakout", start_date="2026-01-01"),
                    call("get_open_positions", strategy="breakout"),
                ],
                [call("add_journal_entry", body=body, tags=["breakout"])],
                answer=(
                    f"Breakout YTD {ytd['win_rate']}% / {usd(ytd['net_pnl'])}; open "
                    + ", ".join(p.symbol for p, _ in held)
                    + ". Logged."
                ),
            ),
        ],
        "X04": [
            right(
                "quotes each loser before its alert, prices to one tick less precise",
                [call("get_open_positions")],
                [call("get_quote", symbol=p.symbol) for p, _ in losers],
                [
                    call(
                        "create_price_alert",
                        symbol=s,
                        condition="below",
                        price=round(v, 1),
                    )
                    for s, v in levels.items()
                ],
                answer="Alerts: "
                + "; ".join(f"{s} < {round(v, 1)}" for s, v in levels.items())
                + ".",
            ),
            right(
                "one alert a turn, slash symbols",
                [call("get_open_positions")],
                *(
                    [
                        call(
                            "create_price_alert",
                            symbol=facts.named(s)[1],
                            condition="below",
                            price=v,
                        )
                    ]
                    for s, v in levels.items()
                ),
                answer=said(levels),
            ),
            right(
                "names the one that just missed the line",
                [call("get_open_positions")],
                alerts,
                answer=(
                    f"{said(levels)}. ({near[0].symbol} is down "
                    f"{near[1]['unrealized_pnl_pct']}%, inside the 5%.)"
                ),
            ),
            wrong(
                "the wrong condition: the simulator rejects both alerts",
                [call("get_open_positions")],
                [
                    call("create_price_alert", symbol=s, condition="above", price=v)
                    for s, v in levels.items()
                ],
                answer=f"Alerts set: {said(levels)}.",
                case="X04 with two alerts the simulator rejected",
            ),
            wrong(
                "5% below instead of 2%",
                [call("get_open_positions")],
                [
                    call(
                        "create_price_alert",
                        symbol=p.symbol,
                        condition="below",
                        price=round(m["current_price"] * 0.95, 2),
                    )
                    for p, m in losers
                ],
                answer="Alerts set 5% under the current prices.",
            ),
            wrong(
                "also an alert on a position inside the line",
                [call("get_open_positions")],
                [
                    *alerts,
                    call(
                        "create_price_alert",
                        symbol=near[0].symbol,
                        condition="below",
                        price=round(near[1]["current_price"] * 0.98, 2),
                    ),
                ],
                answer=f"{said(levels)}; and {near[0].symbol} too, to be safe.",
            ),
        ],
    }
