"""Easy tasks: one call, every value stated or plainly implied."""

from __future__ import annotations

from bench_core import Difficulty

from ._expect import (
    Solved,
    call,
    expect,
    fact,
    outcome,
    price,
    quoted,
    reference,
    symbol,
    tool_task,
    usd,
    wrote,
)
from ._facts import Facts

EASY = Difficulty.EASY


def easy_tasks(facts: Facts) -> list[Solved]:
    """E01-E05."""
    return [_e01(facts), _e02(facts), _e03(facts), _e04(facts), _e05(facts)]


def _e01(facts: Facts) -> Solved:
    quote = facts.quote("NVDA")
    change = 100 * (quote.last / quote.prev_close - 1)
    task = tool_task(
        "E01",
        EASY,
        "Quote one stock",
        [
            "nvda px",
            "wheres nvidia trading rn",
            "quick one - nvda last?",
            "What's NVIDIA trading at right now?",
            "Can you check the current price of NVDA for me?",
            "Hey, where is NVDA at the moment? Just need the latest price.",
            "What is the current market price of NVIDIA (NVDA)?",
            "Please get me the latest NVIDIA quote (ticker NVDA) with the bid, the ask and the "
            "last price.",
            "Fetch the current market quote for symbol NVDA and report the last price together "
            "with the bid and the ask.",
            "Ticket: current quote for symbol NVDA (NVIDIA Corp., US stock). Report last, bid, "
            "ask, previous close and the change since the previous close in USD and percent.",
        ],
        [expect("get_quote", symbol=symbol("NVDA"))],
        max_turns=4,
        # Every prompt asks for the price; bid, ask and the change only the precise ones.
        outcome=outcome(facts=[fact("NVDA's last price", quote.last, tolerance=0.01)]),
    )
    answer = (
        f"NVDA last traded at {usd(quote.last)} (bid {usd(quote.bid)}, ask {usd(quote.ask)}), "
        f"{change:+.2f}% against the previous close of {usd(quote.prev_close)}."
    )
    return task, reference([call("get_quote", symbol="NVDA")], answer=answer)


def _e02(facts: Facts) -> Solved:
    trade = facts.only_trade(status="cancelled")
    tid = trade.id
    task = tool_task(
        "E02",
        EASY,
        "Look up one trade by id",
        [
            f"{tid}??",
            f"whats w/ {tid.lower()}",
            f"pull up trade {tid} pls",
            f"Can you look up trade {tid}?",
            f"What happened with {tid}? I don't remember that one.",
            f"I need the details on trade {tid}, please.",
            f"Please show me the full record of trade {tid}.",
            f"Show me everything the journal has on trade {tid}: status, prices, fees and my "
            "notes.",
            f"Retrieve the full trade record for trade id {tid}, including status, entry and exit "
            "details, fees and notes.",
            f"Ticket: fetch trade {tid} by its id and report status, symbol, side, quantity, entry "
            "and exit times and prices, fees, net PnL, tags and notes.",
        ],
        [expect("get_trade", trade_id=[tid])],
        max_turns=4,
        outcome=outcome(
            facts=[
                fact(
                    f"{tid} was cancelled",
                    "cancelled",
                    "canceled",
                    "never filled",
                    "not filled",
                    "unfilled",
                ),
                fact(f"{tid}'s symbol", *facts.named(trade.symbol)),
            ]
        ),
    )
    answer = (
        f"{tid} is a {trade.side} {trade.symbol} order ({trade.strategy}, {trade.quantity:g} at a "
        f"limit of {usd(trade.entry_price)}) that was cancelled: it never filled, so it has no "
        f"exit, no fees and no PnL. Your note: {trade.notes}"
    )
    return task, reference([call("get_trade", trade_id=tid)], answer=answer)


def _e03(facts: Facts) -> Solved:
    strategies = facts.fixtures.strategies
    task = tool_task(
        "E03",
        EASY,
        "List the strategies",
        [
            "strats?",
            "what strategies r we running",
            "list strategies pls",
            "Which strategies does the desk run?",
            "Can you give me a rundown of all our strategies?",
            "Remind me what strategies we have set up and who owns each one.",
            "Please list all of the desk's strategies with a short description of each.",
            "List every strategy in the journal with its id, name, owner and description.",
            "Return the full list of strategies configured in the journal: id, name, owner, "
            "typical holding time and description.",
            "Ticket: list all strategies defined in the journal, whatever their status. For each: "
            "id, name, owner, timeframe, instrument universe, status and description.",
        ],
        [expect("list_strategies")],
        max_turns=4,
        outcome=outcome(
            facts=[
                fact(
                    f"strategy {s.id}",
                    s.name,
                    s.id,
                    s.id.replace("_", " "),
                    s.id.replace("_", "-"),
                )
                for s in strategies
            ]
        ),
    )
    listed = "; ".join(f"{s.name} ({s.id}, {s.owner}, {s.timeframe})" for s in strategies)
    answer = f"The desk runs {len(strategies)} strategies: {listed}."
    return task, reference([call("list_strategies")], answer=answer)


def _e04(facts: Facts) -> Solved:
    positions = facts.positions()
    task = tool_task(
        "E04",
        EASY,
        "List the open positions",
        [
            "open pos?",
            "what am i holding rn",
            "show open positons",
            "What positions do we have open right now?",
            "Can you show me all the positions that are still open?",
            "Give me the list of open positions, all of them.",
            "Please list all currently open positions with their unrealized PnL.",
            "Show me every open position across stocks, crypto and FX, with side, size, entry "
            "price and unrealized PnL.",
            "List all open positions with no filter: symbol, strategy, side, quantity, entry "
            "price, current price and unrealized PnL in USD.",
            "Ticket: list every open position across all asset classes and strategies, marked at "
            "the last price: position id, symbol, strategy, side, quantity, entry price, current "
            "price, unrealized PnL in USD and percent.",
        ],
        [expect("get_open_positions")],
        max_turns=4,
        # Every right list names each position; its numbers only the precise prompts ask for.
        outcome=outcome(
            facts=[fact(f"position {p.id}", p.id, *facts.named(p.symbol)) for p, _ in positions]
        ),
    )
    rows = "; ".join(
        f"{p.id} {p.side} {p.quantity:g} {p.symbol} ({p.strategy}) at {quoted(p.entry_price)}, "
        f"now {quoted(m['current_price'])}, {usd(m['unrealized_pnl'])}"
        for p, m in positions
    )
    total = sum(m["unrealized_pnl"] for _, m in positions)
    answer = f"{len(positions)} open positions, {usd(total)} unrealized in total: {rows}."
    return task, reference([call("get_open_positions")], answer=answer)


def _e05(facts: Facts) -> Solved:
    task = tool_task(
        "E05",
        EASY,
        "Set a price alert",
        [
            "alert btc < 80k",
            "ping me if btc breaks below 80k",
            "set alert bitcoin under 80000",
            "Can you set an alert for when Bitcoin drops below 80k?",
            "I want to know if BTC falls under 80,000. Set an alert please.",
            "Put a price alert on bitcoin for a drop below $80k.",
            "Please create a price alert that fires if Bitcoin (BTCUSD) falls below 80,000 USD.",
            "Set up an alert on BTCUSD: notify me when the price goes below $80,000.",
            "Create a price alert for symbol BTCUSD with condition below at price 80000.",
            "Ticket: create a price alert with symbol=BTCUSD, condition=below, price=80000 (USD).",
        ],
        [
            expect(
                "create_price_alert",
                symbol=symbol("BTCUSD"),
                condition=["below"],
                price=price(80000, 0),
            )
        ],
        max_turns=4,
        outcome=outcome(
            writes=[
                wrote("create_price_alert", "BTCUSD", condition=["below"], price=price(80000, 0))
            ],
            facts=[fact("the alert's level", 80000, compact=True)],
        ),
    )
    last = facts.quote("BTCUSD").last
    answer = f"Done: an alert fires if BTCUSD falls below $80,000 (it last traded at {usd(last)})."
    created = call("create_price_alert", symbol="BTCUSD", condition="below", price=80000)
    return task, reference([created], answer=answer)
