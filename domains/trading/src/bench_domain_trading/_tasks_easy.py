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
            "I need NVIDIA's current quote (NVDA, the US stock): the last traded price, plus the "
            "bid and the ask, in USD.",
            "Ticket: current market quote for NVDA (NVIDIA Corp., US stock). Report the last "
            "price, bid, ask and previous close in USD to the cent, and the change since the "
            "previous close in USD and in percent (2 decimals).",
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
            f"I need the complete record of trade {tid}: its status, the entry and exit details, "
            "the fees and the notes I wrote on it.",
            f"Ticket: full record of trade {tid}. Report its status, symbol, side, quantity, entry "
            "and exit times (UTC) and prices, fees and net PnL in USD, tags and notes; where a "
            "value does not apply, say why.",
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
            "Give me the full list of strategies set up in the journal, each with its id, name, "
            "owner, typical holding time and description.",
            "Ticket: every strategy defined in the journal, whatever its status. One line per "
            "strategy: id, name, owner, timeframe, instrument universe, status and description.",
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
            "Show me all of my open positions, every asset class and every strategy: symbol, "
            "strategy, side, quantity, entry price, current price and unrealized PnL in USD.",
            "Ticket: every open position across stocks, crypto and FX and all strategies, marked "
            "at the last price. One row per position: position id, symbol, strategy, side, "
            "quantity, entry price, current price, unrealized PnL in USD and in percent of the "
            "entry value; then the total unrealized PnL in USD.",
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
            "Create a price alert on Bitcoin (BTCUSD) that fires when it trades below 80,000 USD, "
            "and confirm the level once it is set.",
            "Ticket: new price alert on BTCUSD (Bitcoin vs USD), triggering when the price falls "
            "below 80,000.00 USD. No other alert changes. Confirm the alert's symbol, direction "
            "and level.",
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
