"""Expert tasks: three to six calls with a condition, a recovery from an error result,
restraint (not doing the destructive thing), or an action per item of an earlier result."""

from __future__ import annotations

from bench_core import Difficulty, ExpectedCall

from ._expect import (
    Solved,
    call,
    day,
    days,
    expect,
    fact,
    outcome,
    price,
    reference,
    symbol,
    tool_task,
    unordered,
    usd,
    way,
    wrote,
)
from ._facts import Facts
from ._tasks_medium import Q1, YEAR_START

EXPERT = Difficulty.EXPERT

# The desk's rule in X01: cut momentum if the quarter's max drawdown went past this (percent).
DRAWDOWN_LIMIT = 5.0
# X04: positions down more than this get an alert this far below the current price (percent).
LOSS_LIMIT = -5.0
ALERT_GAP = 2.0


def expert_tasks(facts: Facts) -> list[Solved]:
    """X01-X04."""
    return [_x01(facts), _x02(facts), _x03(facts), _x04(facts)]


def _x01(facts: Facts) -> Solved:
    start, end = Q1
    risk = facts.risk(start, end)
    breached = risk["max_drawdown_pct"] > DRAWDOWN_LIMIT
    momentum = facts.positions("momentum")
    task_calls: list[ExpectedCall] = [
        expect("get_risk_metrics", start_date=day(start), end_date=day(end)),
        expect("get_open_positions", optional=("strategy",), strategy=["momentum"]),
    ]
    order: list[tuple[str, str]] = []
    closes = []
    writes = []
    for position, _ in momentum if breached else []:
        key = f"close_{position.id}"
        task_calls.append(
            expect(
                "close_position",
                key,
                optional=("quantity",),
                position_id=[position.id],
                quantity=[position.quantity],
            )
        )
        order += [("get_risk_metrics", key), ("get_open_positions", key)]
        closes.append(call("close_position", position_id=position.id))
        writes.append(wrote("close_position", position.id, remaining_quantity=[0]))
    # The daily equity curve shows the same drawdown (its largest drawdown_pct) as the risk
    # metrics: checking the condition there is as right.
    curve = [
        expect(
            "get_equity_curve",
            optional=("interval",),
            interval=["day"],
            start_date=day(start),
            end_date=day(end),
        )
        if c.name == "get_risk_metrics"
        else c
        for c in task_calls
    ]
    curve_order = [("get_equity_curve" if a == "get_risk_metrics" else a, b) for a, b in order]
    closed_facts = [
        fact(f"{p.id} closed", p.id, *facts.named(p.symbol))
        for p, _ in (momentum if breached else [])
    ]
    task = tool_task(
        "X01",
        EXPERT,
        "Cut a strategy if the quarter's drawdown broke the limit",
        [
            "if q1 max dd was over 5% flatten all momentum positions, otherwise leave them",
            "q1 drawdown >5%? then close every momentum position. if not dont touch",
            "check q1 max drawdown. above 5% -> close all momo positions, else nothing",
            "If our max drawdown in Q1 was worse than 5%, close all the momentum positions. If "
            "it wasn't, leave them open.",
            "Check the Q1 max drawdown for me. If it's over 5%, I want every open momentum "
            "position closed; otherwise do nothing.",
            "We agreed to cut momentum if Q1's max drawdown went past 5%. Check it, and if it "
            "did, close all open momentum positions. If not, leave everything as is.",
            "Please check the account's maximum drawdown for Q1 2026. If it exceeded 5%, close "
            "all open positions in the momentum strategy; otherwise leave them open.",
            "Look up the max drawdown for January 1 to March 31, 2026. If it is above 5%, close "
            "every open momentum position in full; if it is 5% or less, make no changes.",
            "Our rule: if the account's maximum drawdown in Q1 2026 (January 1 through March 31) "
            "was more than 5%, every open momentum position is closed in full. Apply it, and if "
            "it is not triggered leave everything open and tell me the drawdown.",
            "Ticket: apply the Q1 drawdown rule. Condition: the account's maximum drawdown over "
            "Q1 2026 (2026-01-01 to 2026-03-31 inclusive) is above 5.0%. If true, close every "
            "open Momentum position in full at market; if false, no orders at all. Report the "
            "drawdown in percent (2 decimals) and, for each position closed, its id, symbol and "
            "fill price.",
        ],
        task_calls,
        order=tuple(order),
        alternatives=(way(*curve, order=curve_order),),
        forbidden=() if breached else ("close_position",),
        max_turns=8,
        outcome=outcome(
            writes=writes,
            facts=[
                fact(
                    "Q1's max drawdown",
                    risk["max_drawdown_pct"],
                    -risk["max_drawdown_pct"],
                    tolerance=0.05,
                ),
                *closed_facts,
            ],
        ),
    )
    dates = {"start_date": start.isoformat(), "end_date": end.isoformat()}
    if breached:
        names = ", ".join(f"{p.id} ({p.symbol})" for p, _ in momentum)
        answer = (
            f"Q1 2026 max drawdown was {risk['max_drawdown_pct']}%, above the 5% limit, so I "
            f"closed every open momentum position: {names}."
        )
    else:
        answer = (
            f"Q1 2026 max drawdown was {risk['max_drawdown_pct']}%, within the 5% limit: the "
            "momentum positions stay open."
        )
    turns = [
        [call("get_risk_metrics", **dates), call("get_open_positions", strategy="momentum")],
    ]
    if closes:
        turns.append(closes)
    return task, reference(*turns, answer=answer)


def _x02(facts: Facts) -> Solved:
    trade = facts.only_trade(symbol="SOLUSD", side="short", tag="fat-finger")
    typo = facts.missing_trade_id(trade.id)
    exit_price = trade.exit_price or 0.0
    alert = expect(
        "create_price_alert",
        symbol=symbol("SOLUSD"),
        condition=["above"],
        price=price(exit_price, 0.005),
    )
    task = tool_task(
        "X02",
        EXPERT,
        "Recover from a wrong trade id, then act on the right trade",
        [
            f"{typo} - that sol short i fat fingered last aug. alert me if sol gets back above "
            "where i covered it",
            f"set alert: sol back above my cover px on {typo} (the fat finger short, aug)",
            f"trade {typo}, sol short from august, the fat finger one. want an alert when sol "
            "trades back above the exit price",
            f"Remember trade {typo}, the SOL short I fat-fingered last August? Set an alert for "
            "when SOL gets back above the price I covered it at.",
            f"Can you look at {typo}, my fat-finger SOL short from last August, and set an alert "
            "for SOL going back above where I bought it back?",
            "I want an alert for when Solana climbs back above the price where I covered trade "
            f"{typo}, the fat-fingered short from last August.",
            f"Please look up trade {typo} (my Solana short from August 2025, the fat-finger "
            "size) and create an alert for when SOL rises above that trade's exit price.",
            f"Trade {typo} is the SOL short from August 2025 that I fat-fingered. Find the price "
            "I covered it at and set a price alert on SOLUSD that fires if it goes back above "
            "that level.",
            f"Trade {typo} is my fat-finger SOLUSD short from August 2025. Set a price alert on "
            "SOLUSD for the price going back above the level where I covered that trade.",
            "Ticket: price alert on SOLUSD triggering above the exit (cover) price of trade "
            f"{typo}: the Solana short entered in August 2025, tagged fat-finger. If that id does "
            "not resolve, identify the trade from this description. Report the trade's id, "
            "its exit price in USD and the alert's level.",
        ],
        [expect("get_trade", trade_id=[typo], fails=True), alert],
        allowed=("get_trade", "search_trades", "list_trades", "list_journal_entries", "get_quote"),
        order=(("get_trade", "create_price_alert"),),
        # The prompt describes the trade as well as it names it: finding it by the description
        # first (a search of the notes, or a filtered list) without trying the mistyped id
        # first is as right.
        alternatives=(
            way(alert, expect("search_trades"), order=[("search_trades", "create_price_alert")]),
            way(alert, expect("list_trades"), order=[("list_trades", "create_price_alert")]),
        ),
        max_turns=8,
        outcome=outcome(
            writes=[
                wrote(
                    "create_price_alert",
                    "SOLUSD",
                    condition=["above"],
                    price=price(exit_price, 0.005),
                )
            ],
            facts=[
                fact("the trade meant", trade.id),
                fact("the price it was covered at", exit_price, tolerance=0.01),
            ],
        ),
    )
    answer = (
        f"There is no trade {typo}; the fat-finger SOL short is {trade.id} (short "
        f"{trade.quantity:g} SOLUSD on {trade.entry_time[:10]}, covered at {usd(exit_price)}). "
        f"Alert set: SOLUSD above {usd(exit_price)}."
    )
    return task, reference(
        [call("get_trade", trade_id=typo)],
        [call("search_trades", query="fat finger")],
        [call("create_price_alert", symbol="SOLUSD", condition="above", price=exit_price)],
        answer=answer,
    )


def _x03(facts: Facts) -> Solved:
    stats = facts.strategy_stats("breakout", YEAR_START, facts.today)
    positions = facts.positions("breakout")
    trade_ids = [p.trade_id for p, _ in positions]
    task = tool_task(
        "X03",
        EXPERT,
        "Pause a strategy without closing its positions",
        [
            "breakout's bleeding. pausing it, no new entries. pull ytd stats + whats open in it, "
            "log a journal note about the pause linked to those open trades. dont close "
            "anything, they ride till fri review",
            "pausing breakout. need its ytd numbers, its open positions, and a journal entry on "
            "the pause w/ the open trades linked. positions stay open till friday",
            "breakout: ytd stats, open positions, then journal the pause + link the open trades. "
            "NOT closing them yet",
            "Breakout is bleeding and I'm pausing it, no new entries. Get me its year-to-date "
            "stats and what's still open in it, then log a journal entry about the pause linked "
            "to those open trades. Don't close anything; they ride until Friday's review.",
            "I'm pulling the plug on new breakout trades for now. Can you show me breakout's "
            "stats since January 1 and its open positions, and write a journal entry about the "
            "pause that links the open trades? Leave the positions open, I'll decide on Friday.",
            "We're pausing the breakout strategy. I need its stats for this year, what it still "
            "has open, and then a journal note about the pause with those open trades linked. "
            "Keep the positions: no closing until the Friday review.",
            "Please get the breakout strategy's statistics for 2026 so far and its open "
            "positions, then add a journal entry recording that breakout is paused pending "
            "Friday's review, linked to its open trades. Do not close any positions.",
            "Breakout is paused as of today. Pull its stats from 2026-01-01 to today and its "
            "open positions, then add a journal entry about the pause that links the trade ids "
            "of those open positions. The positions stay open until the review on Friday, so "
            "close nothing.",
            "We're pausing the breakout strategy today until the Friday review. I need its "
            "year-to-date statistics (January 1, 2026 through today) and the positions it still "
            "holds, plus a journal entry dated today recording the pause, linked to the trades "
            "behind those open positions. Do not close anything.",
            "Ticket: Breakout strategy paused as of 2026-04-15 pending Friday's review; no "
            "orders, its open positions stay open. Report Breakout's statistics for 2026-01-01 to "
            "2026-04-15 inclusive (closed trades, win rate %, net PnL in USD, profit factor) and "
            "its open positions (position id, trade id, symbol, unrealized PnL in USD). Record "
            "the pause in one journal entry dated 2026-04-15, linked to the trade of every open "
            "Breakout position.",
        ],
        [
            expect(
                "get_strategy_stats",
                optional=("end_date",),
                strategy=["breakout"],
                start_date=day(YEAR_START),
                end_date=days(facts.today, facts.yesterday),
            ),
            expect("get_open_positions", optional=("strategy",), strategy=["breakout"]),
            expect(
                "add_journal_entry",
                optional=("entry_date",),
                trade_ids=unordered(*trade_ids),
                entry_date=day(facts.today),
            ),
        ],
        forbidden=("close_position",),
        order=(("get_open_positions", "add_journal_entry"),),
        max_turns=8,
        # The note's title, body and tags are free; it must link the open trades and be
        # today's. It is the first entry this episode adds (see Facts.next_journal_id).
        outcome=outcome(
            writes=[
                wrote(
                    "add_journal_entry",
                    facts.next_journal_id(),
                    trade_ids=unordered(*trade_ids),
                    date=day(facts.today),
                )
            ],
            facts=[
                fact("breakout's win rate", stats["win_rate"], tolerance=0.05),
                fact("breakout's net PnL", stats["net_pnl"], tolerance=1.0),
                *(
                    fact(f"open position {p.id}", p.id, p.trade_id, *facts.named(p.symbol))
                    for p, _ in positions
                ),
            ],
        ),
    )
    held = ", ".join(f"{p.symbol} ({p.trade_id}, {usd(m['unrealized_pnl'])})" for p, m in positions)
    body = (
        f"Breakout paused as of {facts.today}: no new entries until Friday's review. Year to "
        f"date {stats['trades']} closed trades, win rate {stats['win_rate']}%, net "
        f"{usd(stats['net_pnl'])}. Open positions stay open until the review: {held}."
    )
    answer = (
        f"Breakout year to date: {stats['trades']} closed trades, win rate {stats['win_rate']}%, "
        f"net {usd(stats['net_pnl'])}, profit factor {stats['profit_factor']}. Still open: "
        f"{held}. I logged the pause in the journal, linked to those trades, and closed nothing."
    )
    return task, reference(
        [
            call(
                "get_strategy_stats",
                strategy="breakout",
                start_date=YEAR_START.isoformat(),
                end_date=facts.today.isoformat(),
            ),
            call("get_open_positions", strategy="breakout"),
        ],
        [
            call(
                "add_journal_entry",
                title="Breakout paused pending Friday review",
                body=body,
                tags=["breakout", "review"],
                trade_ids=trade_ids,
            )
        ],
        answer=answer,
    )


def _x04(facts: Facts) -> Solved:
    losers = [(p, m) for p, m in facts.positions() if m["unrealized_pnl_pct"] < LOSS_LIMIT]
    task_calls = [expect("get_open_positions")]
    order = []
    alerts = []
    levels = []
    writes = []
    stated = []
    for position, marked in losers:
        level = round(marked["current_price"] * (1 - ALERT_GAP / 100), 2)
        key = f"alert_{position.symbol}"
        task_calls.append(
            expect(
                "create_price_alert",
                key,
                symbol=symbol(position.symbol),
                condition=["below"],
                # 0.15% either way: rounding to a sensible tick, not a different level.
                price=price(level, round(level * 0.0015, 2)),
            )
        )
        order.append(("get_open_positions", key))
        tolerance = round(level * 0.0015, 2)
        writes.append(
            wrote(
                "create_price_alert",
                position.symbol,
                condition=["below"],
                price=price(level, tolerance),
            )
        )
        stated.append(fact(f"the {position.symbol} alert's level", level, tolerance=tolerance))
        alerts.append(
            call("create_price_alert", symbol=position.symbol, condition="below", price=level)
        )
        levels.append(f"{position.symbol} below {usd(level)} ({marked['unrealized_pnl_pct']}%)")
    task = tool_task(
        "X04",
        EXPERT,
        "An alert under every position down more than 5%",
        [
            "any open pos down more than 5% from entry? set an alert 2% under current px on each",
            "for every open position losing >5% since i got in, put a price alert 2% below where "
            "it trades now",
            "open positions down over 5% vs entry -> alert on each one 2% below the current price",
            "For any open position that's down more than 5% from where I entered, set an alert "
            "2% below its current price.",
            "Can you check which open positions are down more than 5% since entry and put a price "
            "alert 2% under the current price on each of them?",
            "I want a safety net: every open position that's more than 5% underwater against my "
            "entry gets a price alert 2% below where it's trading now.",
            "Please find all open positions with an unrealized loss of more than 5% of their "
            "entry value and create a price alert on each, 2% below its current price.",
            "Check my open positions; for each one down more than 5% from its entry, set a below "
            "alert at 2% under the current price (current price times 0.98).",
            "For every open position that is down more than 5% since entry (an unrealized loss "
            "over 5% of what I paid), create a price alert that fires below 98% of its current "
            "price, i.e. 2% under where it trades now.",
            "Ticket: protective alerts on losing positions. Scope: every open position whose "
            "unrealized loss since entry exceeds 5% of its entry value, marked at the current "
            "price. For each, one price alert on its symbol triggering below 98% of the current "
            "price (2% under), level in USD to 2 decimals. Nothing else changes. Report each "
            "alert's symbol and level and the position's loss in percent.",
        ],
        task_calls,
        allowed=("get_quote",),
        order=tuple(order),
        max_turns=8,
        outcome=outcome(writes=writes, facts=stated),
    )
    answer = f"{len(losers)} open positions are down more than 5%; alerts set: {'; '.join(levels)}."
    return task, reference([call("get_open_positions")], alerts, answer=answer)
