"""Medium tasks: one call whose optional parameters matter, with values to normalise
(relative dates, names to enum values, counts, list types)."""

from __future__ import annotations

import datetime as dt

from bench_core import Difficulty

from ._expect import (
    Solved,
    call,
    day,
    days,
    expect,
    fact,
    outcome,
    reference,
    symbol,
    text,
    tool_task,
    unordered,
    usd,
    way,
    wrote,
)
from ._facts import Facts
from ._tools import STRATEGY_IDS

MEDIUM = Difficulty.MEDIUM

# The periods the prompts name, relative to the reference date (Wednesday 2026-04-15).
MARCH = (dt.date(2026, 3, 1), dt.date(2026, 3, 31))
Q1 = (dt.date(2026, 1, 1), dt.date(2026, 3, 31))
YEAR_START = dt.date(2026, 1, 1)

JOURNAL_TEXT = "Stopped after three losers in a row. Back tomorrow with half size."


def medium_tasks(facts: Facts) -> list[Solved]:
    """M01-M06."""
    return [_m01(facts), _m02(facts), _m03(facts), _m04(facts), _m05(facts), _m06(facts)]


def _m01(facts: Facts) -> Solved:
    start, end = MARCH
    pnl = facts.pnl_by("strategy", start, end)
    task = tool_task(
        "M01",
        MEDIUM,
        "Realized PnL by strategy, last month",
        [
            "pnl by strat last mo",
            "howd each strategy do in march, realized",
            "march p&l per strategy?",
            "What was our realized PnL by strategy last month?",
            "Can you break down last month's P&L by strategy?",
            "How much did each strategy make or lose in March? Realized only.",
            "Please show the realized PnL for March 2026, broken down by strategy.",
            "Give me the realized net PnL per strategy for March 2026, March 1 through March 31.",
            "What was the realized PnL of each strategy from 1 March to 31 March 2026, net of "
            "fees? One figure per strategy.",
            "Ticket: realized PnL per strategy for March 2026 (2026-03-01 to 2026-03-31 "
            "inclusive, trades counted by exit date), net of fees. One line per strategy with its "
            "net PnL in USD and trade count, then the total.",
        ],
        [
            expect(
                "get_pnl",
                group_by=["strategy"],
                start_date=day(start),
                end_date=day(end),
            )
        ],
        # Each strategy's statistics over March carry its realized net PnL as well.
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
        max_turns=5,
        # Money to the dollar: "-$31,915" is as right as "-$31,915.13".
        outcome=outcome(
            facts=[fact(f"{name}'s net PnL", value, tolerance=1.0) for name, value in pnl.items()]
        ),
    )
    rows = ", ".join(
        f"{name} {usd(value)}" for name, value in sorted(pnl.items(), key=lambda kv: kv[1])
    )
    answer = f"Realized net PnL in March 2026 by strategy: {rows}; total {usd(sum(pnl.values()))}."
    made = call(
        "get_pnl", group_by="strategy", start_date=start.isoformat(), end_date=end.isoformat()
    )
    return task, reference([made], answer=answer)


def _m02(facts: Facts) -> Solved:
    trades = facts.latest_trades("TSLA", 10)
    exited = [t for t in facts.fixtures.trades if t.symbol == "TSLA" and t.exit_time]
    closed = sorted(exited, key=lambda t: (t.exit_time or "", t.id), reverse=True)[:10]
    task = tool_task(
        "M02",
        MEDIUM,
        "The ten latest trades in one symbol",
        [
            "last 10 tsla trades",
            "tsla - my 10 most recent trades?",
            "show 10 latest tesla trades",
            "Show me my last ten Tesla trades.",
            "Can I see the ten most recent trades I did in TSLA?",
            "Pull up my 10 latest TSLA trades, newest first.",
            "Please list my ten most recent trades in Tesla (TSLA), newest first.",
            "List the 10 most recent TSLA trades, ordered by entry time from newest to oldest.",
            "Show me my ten most recent Tesla (TSLA) trades, the latest entry first, whatever "
            "their status.",
            "Ticket: the 10 most recent TSLA (Tesla) trades by entry time, newest first, any "
            "status, any date. For each: trade id, side, entry date, status and, if closed, net "
            "PnL in USD.",
        ],
        [
            expect(
                "list_trades",
                optional=("sort_by", "sort_order"),
                symbol=symbol("TSLA"),
                limit=[10],
                # "Last ten trades" may fairly mean the ten most recently closed.
                sort_by=["entry_time", "exit_time"],
                sort_order=["desc"],
            )
        ],
        max_turns=5,
        # The trades both readings list (the newest entered and the newest closed): the
        # answer names each of them.
        outcome=outcome(facts=[fact(f"trade {t.id}", t.id) for t in trades if t in closed]),
    )
    rows = "; ".join(
        f"{t.id} {t.side} {t.entry_time[:10]} {t.status}"
        + (f" {usd(t.pnl)}" if t.pnl is not None else "")
        for t in trades
    )
    answer = f"Your 10 most recent TSLA trades, newest first: {rows}."
    return task, reference([call("list_trades", symbol="TSLA", limit=10)], answer=answer)


def _m03(facts: Facts) -> Solved:
    stats = facts.strategy_stats("mean_reversion", YEAR_START, facts.today)
    task = tool_task(
        "M03",
        MEDIUM,
        "One strategy's statistics, year to date",
        [
            "mean rev stats ytd",
            "hows mean reversion doin this yr",
            "meanrev numbers since jan 1?",
            "How's the mean reversion strategy doing so far this year?",
            "Can you pull the year-to-date numbers for mean reversion?",
            "What do mean reversion's stats look like since the start of the year? Win rate, "
            "PnL, that kind of thing.",
            "Please show the performance statistics of the mean reversion strategy for 2026 so "
            "far, from January 1.",
            "Give me the mean reversion strategy's stats year to date (win rate, net PnL, profit "
            "factor) from 2026-01-01 through today.",
            "Show me the Mean Reversion strategy's statistics for this year so far, from "
            "January 1, 2026 through today (April 15).",
            "Ticket: performance statistics of the Mean Reversion strategy, year to date "
            "(2026-01-01 to 2026-04-15 inclusive). Report closed trades, win rate (%), net PnL "
            "(USD), profit factor, expectancy (USD per trade) and max drawdown (USD).",
        ],
        [
            expect(
                "get_strategy_stats",
                optional=("end_date",),
                strategy=["mean_reversion"],
                start_date=day(YEAR_START),
                end_date=days(facts.today, facts.yesterday),
            )
        ],
        max_turns=5,
        # "Stats" means at least the win rate and the net PnL; the rest only Q8-Q10 name.
        outcome=outcome(
            facts=[
                fact("the win rate", stats["win_rate"], tolerance=0.05),
                fact("the net PnL", stats["net_pnl"], tolerance=1.0),
            ]
        ),
    )
    answer = (
        f"Mean reversion year to date: {stats['trades']} closed trades, win rate "
        f"{stats['win_rate']}%, net PnL {usd(stats['net_pnl'])}, profit factor "
        f"{stats['profit_factor']}, expectancy {usd(stats['expectancy'])} a trade, max drawdown "
        f"{usd(stats['max_drawdown'])}."
    )
    made = call(
        "get_strategy_stats",
        strategy="mean_reversion",
        start_date=YEAR_START.isoformat(),
        end_date=facts.today.isoformat(),
    )
    return task, reference([made], answer=answer)


def _m04(facts: Facts) -> Solved:
    worst = facts.worst_trades("short", 5)
    task = tool_task(
        "M04",
        MEDIUM,
        "The five worst short trades",
        [
            "5 worst shorts",
            "my 5 worst short trades ever?",
            "top 5 losing shorts all time",
            "Which five short trades lost me the most?",
            "Show me my 5 biggest losing shorts, all time.",
            "I want the five short trades with the worst PnL in the whole journal.",
            "Please list my five worst short trades of all time, starting with the biggest loss.",
            "List the 5 short-side trades with the lowest net PnL (after fees), worst first, "
            "across the whole history.",
            "Find my five short trades with the lowest net PnL, worst first, across every date, "
            "symbol and strategy.",
            "Ticket: the 5 short trades with the lowest net PnL after fees in the whole journal "
            "(any date, symbol or strategy), worst first. For each: trade id, symbol, entry and "
            "exit dates and net PnL in USD.",
        ],
        [
            expect(
                "list_trades",
                optional=("status",),
                side=["short"],
                sort_by=["pnl"],
                sort_order=["asc"],
                limit=[5],
                status=["closed"],
            )
        ],
        max_turns=5,
        outcome=outcome(facts=[fact(f"trade {t.id}", t.id) for t in worst]),
    )
    rows = "; ".join(f"{t.id} {t.symbol} {usd(t.pnl or 0.0)}" for t in worst)
    answer = f"Your five worst short trades: {rows}."
    made = call("list_trades", side="short", sort_by="pnl", sort_order="asc", limit=5)
    return task, reference([made], answer=answer)


def _m05(facts: Facts) -> Solved:
    start, end = Q1
    risk = facts.risk(start, end)
    task = tool_task(
        "M05",
        MEDIUM,
        "Risk metrics for last quarter",
        [
            "q1 sharpe + max dd?",
            "risk numbers for q1 pls",
            "sharpe n drawdown jan-mar this yr",
            "What were our Sharpe and max drawdown in Q1?",
            "Can you get me the risk metrics for the first quarter of this year?",
            "How risky was Q1 for us? Sharpe, drawdown, win rate.",
            "Please show the risk metrics (Sharpe ratio, maximum drawdown, win rate) for Q1 2026.",
            "Get me the risk figures for January 1 to March 31, 2026: max drawdown, Sharpe ratio "
            "and win rate.",
            "Work out the risk metrics for Q1 2026, January 1 through March 31: maximum "
            "drawdown, Sharpe ratio and win rate.",
            "Ticket: risk metrics for Q1 2026 (2026-01-01 to 2026-03-31 inclusive): max drawdown "
            "in percent and in USD with its peak and trough dates, annualized Sharpe ratio (2 "
            "decimals), win rate (%) and profit factor.",
        ],
        [expect("get_risk_metrics", start_date=day(start), end_date=day(end))],
        max_turns=5,
        # The drawdown in percent (or in dollars) and the Sharpe ratio: what every prompt
        # names or means by "risk numbers"; the win rate only some ask for.
        outcome=outcome(
            facts=[
                # Written as a loss or as a size: "-5.82%" and "5.82%".
                fact(
                    "the max drawdown",
                    risk["max_drawdown_pct"],
                    -risk["max_drawdown_pct"],
                    risk["max_drawdown_usd"],
                    -risk["max_drawdown_usd"],
                    tolerance=0.05,
                ),
                fact("the Sharpe ratio", risk["sharpe_ratio"], tolerance=0.01),
            ]
        ),
    )
    answer = (
        f"Q1 2026: max drawdown {risk['max_drawdown_pct']}% ({usd(risk['max_drawdown_usd'])}, "
        f"peak {risk['drawdown_peak_date']}, trough {risk['drawdown_trough_date']}), Sharpe "
        f"ratio {risk['sharpe_ratio']}, win rate {risk['win_rate']}%."
    )
    made = call("get_risk_metrics", start_date=start.isoformat(), end_date=end.isoformat())
    return task, reference([made], answer=answer)


def _m06(facts: Facts) -> Solved:
    quoted = f'"{JOURNAL_TEXT}"'
    task = tool_task(
        "M06",
        MEDIUM,
        "Journal entry for yesterday, with tags",
        [
            f"journal for yday: {quoted} tags tilt, discipline",
            f"log this under yesterday - {quoted} tag: tilt + discipline",
            f"add jrnl entry dated yesterday, text {quoted}, tags tilt discipline",
            f"Can you add a journal entry for yesterday? Text: {quoted} Tag it tilt and "
            "discipline.",
            f"Please put this in the journal under yesterday's date: {quoted} Tags: tilt, "
            "discipline.",
            "I forgot to journal yesterday. Add an entry for it saying "
            f"{quoted} and tag it with tilt and discipline.",
            "Please add a journal entry dated yesterday (April 14) with the text "
            f"{quoted} and the tags tilt and discipline.",
            f"Add a journal entry filed under 2026-04-14 with this exact text: {quoted} "
            'Tags: "tilt" and "discipline".',
            "Add a journal entry dated yesterday, April 14, 2026, reading exactly "
            f'{quoted} with the two tags "tilt" and "discipline".',
            f"Ticket: new journal entry dated 2026-04-14 (yesterday), text exactly {quoted}, "
            'tagged "tilt" and "discipline", not linked to any trade. Confirm its date and tags.',
        ],
        [
            expect(
                "add_journal_entry",
                body=text(JOURNAL_TEXT, JOURNAL_TEXT.rstrip(".")),
                tags=unordered("tilt", "discipline"),
                entry_date=day(facts.yesterday),
            )
        ],
        max_turns=5,
        # The user dictates the text, so here the body is compared (quotation marks around
        # it ignored); the entry is the first this episode adds (see Facts.next_journal_id).
        outcome=outcome(
            writes=[
                wrote(
                    "add_journal_entry",
                    facts.next_journal_id(),
                    body=text(JOURNAL_TEXT, JOURNAL_TEXT.rstrip(".")),
                    tags=unordered("tilt", "discipline"),
                    date=day(facts.yesterday),
                )
            ]
        ),
    )
    made = call(
        "add_journal_entry",
        body=JOURNAL_TEXT,
        tags=["tilt", "discipline"],
        entry_date=facts.yesterday.isoformat(),
    )
    answer = f"Added to the journal under {facts.yesterday}, tagged tilt and discipline."
    return task, reference([made], answer=answer)
