"""Hard tasks: two or three calls where a later call needs a value read from an earlier
result (an id, the worst item), or parallel calls of one tool with different arguments."""

from __future__ import annotations

import datetime as dt

from bench_core import Difficulty

from ._expect import (
    Solved,
    call,
    day,
    expect,
    fact,
    outcome,
    reference,
    symbol,
    tool_task,
    usd,
    way,
    wrote,
)
from ._facts import Facts
from ._tasks_medium import MARCH, Q1
from ._tools import STRATEGY_IDS

HARD = Difficulty.HARD

YEAR_2025 = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def hard_tasks(facts: Facts) -> list[Solved]:
    """H01-H05."""
    return [_h01(facts), _h02(facts), _h03(facts), _h04(facts), _h05(facts)]


def _h01(facts: Facts) -> Solved:
    start, end = MARCH
    worst = facts.worst_trade_entered(start, end)
    task = tool_task(
        "H01",
        HARD,
        "Last month's largest loser, in full",
        [
            "worst trade in march - what did i write on it",
            "biggest loser last month? pull the full trade + my notes",
            "march's worst trade, full details n notes",
            "What was my biggest losing trade last month, and what did I note about it?",
            "Find my worst trade from March and pull up the full record, notes included.",
            "Which trade lost the most last month? Show me all of its details, including my notes.",
            "Please find the trade with the largest loss in March 2026 and show me its complete "
            "record, including the notes I wrote.",
            "Find the single biggest losing trade of March 2026 (lowest net PnL) and open its full "
            "record so I can read the notes and check the fees.",
            "Of the trades I entered from 1 March to 31 March 2026, find the one with the lowest "
            "net PnL and show me its complete record, with the fees and my notes.",
            "Ticket: the largest losing trade of March 2026 (entered 2026-03-01 to 2026-03-31, "
            "lowest net PnL after fees). Report its trade id, symbol, strategy, side, entry and "
            "exit dates and prices, net PnL and fees in USD, and the notes on its full record, "
            "word for word.",
        ],
        [
            expect(
                "list_trades",
                optional=("sort_by", "sort_order", "status"),
                start_date=day(start),
                end_date=day(end),
                sort_by=["pnl"],
                sort_order=["asc"],
                status=["closed"],
            ),
            expect("get_trade", trade_id=[worst.id]),
        ],
        order=(("list_trades", "get_trade"),),
        max_turns=6,
        # The note's gist: what it says about the CPI print, in any words.
        outcome=outcome(
            facts=[
                fact("the worst trade", worst.id),
                fact("its net PnL", worst.pnl or 0.0, tolerance=1.0),
                fact("what the note is about", "CPI", "inflation", "consumer price"),
            ]
        ),
    )
    answer = (
        f"Your biggest loser in March was {worst.id}: {worst.side} {worst.quantity:g} "
        f"{worst.symbol} ({worst.strategy}), in at {usd(worst.entry_price)} on "
        f"{worst.entry_time[:10]}, out at {usd(worst.exit_price or 0.0)} on "
        f"{(worst.exit_time or '')[:10]}, net {usd(worst.pnl or 0.0)} after {usd(worst.fees)} "
        f"of fees. Your note: {worst.notes}"
    )
    listed = call(
        "list_trades",
        start_date=start.isoformat(),
        end_date=end.isoformat(),
        sort_by="pnl",
        sort_order="asc",
        limit=5,
    )
    return task, reference([listed], [call("get_trade", trade_id=worst.id)], answer=answer)


def _h02(facts: Facts) -> Solved:
    start, end = Q1
    pnl = facts.pnl_by("strategy", start, end)
    worst = min(pnl, key=lambda name: pnl[name])
    stats = facts.strategy_stats(worst, start, end)
    name = next(s.name for s in facts.fixtures.strategies if s.id == worst)
    task = tool_task(
        "H02",
        HARD,
        "Last quarter's worst strategy, in detail",
        [
            "worst strat in q1? then full stats on it for q1",
            "which strategy lost most in q1 - gimme its stats, same period",
            "q1: worst strategy by pnl + its detailed stats for q1",
            "Which strategy did the worst in Q1? Show me its detailed stats for the quarter.",
            "Find the strategy that lost the most money in the first quarter and pull its full "
            "stats for that quarter.",
            "Which of our strategies had the worst realized PnL in Q1 this year? I want its win "
            "rate, profit factor and drawdown for Q1 too.",
            "Please find the strategy with the lowest realized PnL in Q1 2026, then show its "
            "performance statistics for the same quarter.",
            "Work out which strategy had the lowest net realized PnL between January 1 and March "
            "31, 2026, then get that strategy's statistics for the same dates.",
            "Tell me which strategy had the lowest net realized PnL in Q1 2026 (January 1 to "
            "March 31), and give me that strategy's statistics for the same quarter.",
            "Ticket: the strategy with the lowest realized net PnL in Q1 2026 (2026-01-01 to "
            "2026-03-31 inclusive). For that strategy over the same quarter report: its name, "
            "net PnL (USD), closed trades, win rate (%), profit factor, expectancy (USD per "
            "trade) and max drawdown (USD).",
        ],
        [
            expect("get_pnl", group_by=["strategy"], start_date=day(start), end_date=day(end)),
            expect(
                "get_strategy_stats", strategy=[worst], start_date=day(start), end_date=day(end)
            ),
        ],
        allowed=("list_strategies",),
        order=(("get_pnl", "get_strategy_stats"),),
        # Or every strategy's Q1 statistics, whose net PnL shows the worst: its stats are then
        # already there.
        alternatives=(
            way(
                *(
                    expect(
                        "get_strategy_stats",
                        f"stats_{strategy}",
                        strategy=[strategy],
                        start_date=day(start),
                        end_date=day(end),
                    )
                    for strategy in STRATEGY_IDS
                )
            ),
        ),
        max_turns=6,
        outcome=outcome(
            facts=[
                fact("the worst strategy", name, worst, worst.replace("_", " ")),
                fact("its net PnL", pnl[worst], tolerance=1.0),
                fact("its win rate", stats["win_rate"], tolerance=0.05),
            ]
        ),
    )
    answer = (
        f"{name} was the worst strategy of Q1 2026 at {usd(pnl[worst])} net. Over the quarter: "
        f"{stats['trades']} closed trades, win rate {stats['win_rate']}%, profit factor "
        f"{stats['profit_factor']}, expectancy {usd(stats['expectancy'])} a trade, max drawdown "
        f"{usd(stats['max_drawdown'])}."
    )
    dates = {"start_date": start.isoformat(), "end_date": end.isoformat()}
    return task, reference(
        [call("get_pnl", group_by="strategy", **dates)],
        [call("get_strategy_stats", strategy=worst, **dates)],
        answer=answer,
    )


def _h03(facts: Facts) -> Solved:
    alert = facts.only_alert(symbol="ETHUSD", condition="below", status="active")
    other = facts.only_alert(symbol="ETHUSD", condition="above", status="active")
    level = f"{alert.price:,.0f}"
    plain = f"{alert.price:.0f}"
    short = f"{alert.price / 1000:g}k"
    task = tool_task(
        "H03",
        HARD,
        "Delete the alert named by its level",
        [
            f"kill my eth alert at {level}",
            f"delet the eth {plain} alert",
            f"remove eth alert @ {short}",
            f"Can you delete my ETH price alert at {level}?",
            f"Please get rid of the Ether alert I set at {level}, I don't need it anymore.",
            f"I don't need the ETH alert at {level} anymore. Remove it, but leave my other ETH "
            "alert alone.",
            f"Please delete my active price alert on ETHUSD at {level} USD. Keep the other ETH "
            "alert.",
            f"Find my active Ether (ETHUSD) price alert at the {level} USD level, the one that "
            "fires on a drop below it, and delete it. Leave every other alert as it is.",
            f"Delete my active ETHUSD alert that fires on a drop below {plain} USD, and keep the "
            "other active ETH alert as it is.",
            f"Ticket: delete the active ETHUSD price alert that triggers below {level} USD. Every "
            "other alert, including the other active ETHUSD one, stays as it is. Report the id "
            "and level of the alert deleted and the ETHUSD alerts still active.",
        ],
        [
            expect(
                "list_price_alerts",
                optional=("symbol", "status"),
                symbol=symbol("ETHUSD"),
                status=["active", "all"],
            ),
            expect("delete_price_alert", alert_id=[alert.id]),
        ],
        order=(("list_price_alerts", "delete_price_alert"),),
        max_turns=6,
        outcome=outcome(
            writes=[wrote("delete_price_alert", alert.id, symbol=["ETHUSD"])],
            facts=[fact("the alert deleted", alert.id, alert.price)],
        ),
    )
    answer = (
        f"Deleted {alert.id}, the ETHUSD alert below ${level}. Your other ETH alert, {other.id} "
        f"above ${other.price:,.0f}, is still active."
    )
    return task, reference(
        [call("list_price_alerts", symbol="ETHUSD")],
        [call("delete_price_alert", alert_id=alert.id)],
        answer=answer,
    )


def _h04(facts: Facts) -> Solved:
    start, end = YEAR_2025
    momentum = facts.strategy_stats("momentum", start, end)
    breakout = facts.strategy_stats("breakout", start, end)
    task = tool_task(
        "H04",
        HARD,
        "Two strategies side by side over a year",
        [
            "momentum vs breakout 2025 stats",
            "compare momo and breakout for 2025 - win rate pnl etc",
            "2025: momentum stats + breakout stats side by side",
            "How did momentum compare with breakout in 2025?",
            "Can you put momentum's and breakout's 2025 numbers side by side?",
            "I want to compare the momentum and breakout strategies over calendar 2025: win rate, "
            "PnL, drawdown.",
            "Please compare the performance statistics of the momentum and breakout strategies "
            "for the full year 2025.",
            "Get the 2025 statistics (January 1 to December 31, 2025) for both the momentum "
            "strategy and the breakout strategy, and compare them.",
            "Compare momentum and breakout over calendar 2025, from 1 January to 31 December: "
            "number of trades, win rate, net PnL and max drawdown for each.",
            "Ticket: Momentum vs Breakout strategy performance for calendar year 2025 "
            "(2025-01-01 to 2025-12-31 inclusive), side by side. For each strategy: closed "
            "trades, win rate (%), net PnL (USD), profit factor and max drawdown (USD).",
        ],
        [
            expect(
                "get_strategy_stats",
                "momentum_2025",
                strategy=["momentum"],
                start_date=day(start),
                end_date=day(end),
            ),
            expect(
                "get_strategy_stats",
                "breakout_2025",
                strategy=["breakout"],
                start_date=day(start),
                end_date=day(end),
            ),
        ],
        allowed=("list_strategies",),
        max_turns=6,
        outcome=outcome(
            facts=[
                fact("momentum's win rate", momentum["win_rate"], tolerance=0.05),
                fact("breakout's win rate", breakout["win_rate"], tolerance=0.05),
                fact("momentum's net PnL", momentum["net_pnl"], tolerance=1.0),
                fact("breakout's net PnL", breakout["net_pnl"], tolerance=1.0),
            ]
        ),
    )
    answer = (
        "2025, momentum vs breakout: "
        f"trades {momentum['trades']} vs {breakout['trades']}, win rate {momentum['win_rate']}% "
        f"vs {breakout['win_rate']}%, net PnL {usd(momentum['net_pnl'])} vs "
        f"{usd(breakout['net_pnl'])}, profit factor {momentum['profit_factor']} vs "
        f"{breakout['profit_factor']}, max drawdown {usd(momentum['max_drawdown'])} vs "
        f"{usd(breakout['max_drawdown'])}."
    )
    window = {"start_date": start.isoformat(), "end_date": end.isoformat()}
    return task, reference(
        [
            call("get_strategy_stats", strategy="momentum", **window),
            call("get_strategy_stats", strategy="breakout", **window),
        ],
        answer=answer,
    )


def _h05(facts: Facts) -> Solved:
    positions = facts.positions()
    worst, marked = min(positions, key=lambda pm: (pm[1]["unrealized_pnl"], pm[0].id))
    quote = facts.quote(worst.symbol)
    fill = quote.bid if worst.side == "long" else quote.ask
    task = tool_task(
        "H05",
        HARD,
        "Close the open position losing the most",
        [
            "close my worst open position",
            "dump whichever open pos is losing the most",
            "biggest loser in open positions - close it",
            "Close out whichever open position is losing the most right now.",
            "Can you find my worst open position and close it?",
            "Which open position has the biggest unrealized loss? Close that one, the whole thing.",
            "Please find the open position with the largest unrealized loss and close it in full.",
            "Look through my open positions, find the one with the biggest unrealized loss in "
            "dollars, and close all of it at market.",
            "Of all my open positions, close the one with the most negative unrealized PnL in USD: "
            "the full quantity, at market. Tell me the fill.",
            "Ticket: close in full, at market, the one open position with the largest unrealized "
            "loss in USD (any asset class or strategy). No other position changes. Report its "
            "position id, symbol, side and quantity, its unrealized loss before the close (USD "
            "and %), the fill price and the realized PnL.",
        ],
        [
            expect("get_open_positions"),
            expect(
                "close_position",
                optional=("quantity",),
                position_id=[worst.id],
                quantity=[worst.quantity],
            ),
        ],
        order=(("get_open_positions", "close_position"),),
        max_turns=6,
        outcome=outcome(
            writes=[wrote("close_position", worst.id, remaining_quantity=[0])],
            facts=[fact("the position closed", worst.id, *facts.named(worst.symbol))],
        ),
    )
    answer = (
        f"Your worst open position was {worst.id}, {worst.side} {worst.quantity:g} {worst.symbol} "
        f"({worst.strategy}) from {usd(worst.entry_price)}, down "
        f"{usd(-marked['unrealized_pnl'])} ({marked['unrealized_pnl_pct']}%). Closed it in full "
        f"at {usd(fill)}."
    )
    return task, reference(
        [call("get_open_positions")],
        [call("close_position", position_id=worst.id)],
        answer=answer,
    )
