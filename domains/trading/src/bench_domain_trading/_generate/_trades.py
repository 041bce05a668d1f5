"""The desk's trades: strategies, closed trades along the price paths, the trades with a
story, the open trades and the positions they make."""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ._market import (
    FEES,
    FIRST_DAY,
    LAST_DAY,
    REFERENCE_DAY,
    SPEC,
    InstrumentSpec,
    at,
    is_open,
    iso,
    price_at,
    session,
    student_t,
    tick,
)


@dataclass(frozen=True)
class StrategySpec:
    id: str
    name: str
    description: str
    owner: str
    timeframe: str
    since: str
    universe: tuple[str, ...]
    count: int
    skill: float  # how much more often than chance a multi-day trade is on the right side
    edge: float  # mean log return of an intraday trade, in the trade's favour
    spread: float  # scale of an intraday trade's move relative to the instrument's volatility
    long_share: float
    hold: tuple[float, float]  # holding time in days (fractions for intraday)
    notional: tuple[float, float]  # USD notional of a stock/crypto trade
    fx_notional: tuple[float, float]
    tags: tuple[str, ...]


STRATEGIES = (
    StrategySpec(
        "momentum", "Momentum",
        "Buys strength and sells weakness: enters in the direction of a 20-day trend once "
        "relative volume confirms, trails a stop under the 10-day low.",
        "Dana Whitfield", "1-10 days", "2023-02-01",
        ("NVDA", "TSLA", "AMD", "META", "AMZN", "BTCUSD", "ETHUSD", "SOLUSD"),
        105, 0.12, 0.0, 1.0, 0.78, (1.0, 11.0), (25_000, 60_000), (0, 0),
        ("trend", "relative-strength", "a-setup", "b-setup", "earnings", "pullback-entry"),
    ),
    StrategySpec(
        "mean_reversion", "Mean Reversion",
        "Fades stretched moves back to the VWAP or the 20-day mean: enters at 2 standard "
        "deviations, exits at the mean, hard stop at 3.",
        "Marcus Osei", "hours to 4 days", "2022-09-12",
        ("AAPL", "MSFT", "JPM", "AMZN", "EURUSD", "GBPUSD", "AUDUSD"),
        100, 0.12, 0.0015, 0.85, 0.55, (0.15, 4.0), (30_000, 80_000), (150_000, 450_000),
        ("vwap", "oversold", "overbought", "range", "a-setup", "b-setup", "fomc", "cpi"),
    ),
    StrategySpec(
        "breakout", "Breakout",
        "Trades range breakouts on volume expansion: buys the break of a multi-week high (or "
        "sells the break of a low) with a stop back inside the range.",
        "Dana Whitfield", "hours to 5 days", "2024-06-03",
        ("NVDA", "TSLA", "AMD", "META", "BTCUSD", "ETHUSD", "SOLUSD", "GBPUSD"),
        85, -0.25, -0.004, 1.05, 0.66, (0.1, 5.0), (20_000, 55_000), (150_000, 400_000),
        ("range-break", "volume", "gap", "failed-breakout", "b-setup", "late-entry", "news"),
    ),
    StrategySpec(
        "swing", "Swing",
        "Multi-day to multi-week positions in large caps around support and resistance, sized "
        "from the weekly ATR.",
        "Priya Raman", "3-20 days", "2021-11-15",
        ("AAPL", "MSFT", "AMZN", "META", "JPM", "NVDA"),
        70, 0.14, 0.0, 0.95, 0.72, (3.0, 20.0), (30_000, 70_000), (0, 0),
        ("support", "resistance", "weekly", "a-setup", "earnings", "sector-rotation"),
    ),
    StrategySpec(
        "scalping", "Scalping",
        "Intraday scalps of minutes in the most liquid crypto and FX books, in and out on "
        "order-flow imbalance; flat by the end of the session.",
        "Leo Brandt", "2-90 minutes", "2024-01-08",
        ("BTCUSD", "ETHUSD", "EURUSD", "GBPUSD"),
        120, 0.0, 0.0004, 1.0, 0.52, (2 / 1440, 90 / 1440), (20_000, 60_000), (300_000, 800_000),
        ("order-flow", "london-open", "ny-open", "asia", "quick", "news"),
    ),
    StrategySpec(
        "pairs", "Pairs",
        "Market-neutral pairs: long the laggard and short the leader of a cointegrated pair when "
        "the spread's z-score passes 2; both legs are entered and exited together.",
        "Priya Raman", "2-15 days", "2023-07-17",
        ("AMD", "NVDA", "MSFT", "AAPL", "META", "AMZN"),
        50, 0.0, 0.0, 0.0, 0.5, (2.0, 15.0), (30_000, 50_000), (0, 0),
        ("spread", "z-score", "market-neutral"),
    ),
)  # fmt: skip
PAIRS = (("AMD", "NVDA"), ("MSFT", "AAPL"), ("META", "AMZN"))

# Positions still open at the reference time, designed so that the tasks have clear answers:
# (symbol, strategy, side, days ago or 0 for the day the market was nearest the entry,
# unrealized return, notional, tags, notes).
OPEN_TRADES = (
    ("NVDA", "momentum", "long", 0, 0.075, 52_000, ("trend", "a-setup"),
     "Added on the reclaim of the 20-day; trailing under 165."),
    ("BTCUSD", "momentum", "long", 0, -0.029, 45_000, ("trend",),
     "Momentum long after the weekly close above 97k; stop 92.5k."),
    ("SOLUSD", "breakout", "long", 0, -0.104, 42_000, ("range-break", "volume"),
     "Broke the 190 range high on 2x volume, then faded straight back into the range."),
    ("ETHUSD", "breakout", "long", 0, -0.078, 30_000, ("range-break",),
     "Bought the 3.4k break; range top was 3.38k."),
    ("EURUSD", "mean_reversion", "short", 0, 0.005, 350_000, ("overbought", "vwap"),
     "Faded the spike through 1.1370 into the ECB speakers."),
    ("MSFT", "swing", "long", 0, 0.026, 60_000, ("support", "weekly"),
     "Weekly support at 440 held; target 475."),
    ("TSLA", "swing", "short", 0, 0.049, 40_000, ("resistance",),
     "Short under 420 resistance; stop 432."),
    ("META", "pairs", "long", 19, 0.035, 42_000, ("spread", "z-score"),
     "META/AMZN spread at -2.1 sigma: long META leg."),
    ("AMZN", "pairs", "short", 19, 0.002, 42_000, ("spread", "z-score"),
     "META/AMZN spread at -2.1 sigma: short AMZN leg."),
)  # fmt: skip

NOTES_WIN = (
    "Clean execution, took profit at the planned level.",
    "Worked as planned; scaled out in two pieces.",
    "Let it run to the target, no fiddling with the stop.",
    "Entry on the retest was the key; patient fill.",
    "Good read of the tape; exited into strength.",
    "Took partials early, runner hit the target.",
    "Textbook setup, followed the plan to the letter.",
    "Exited a bit early but the trade was right.",
)
NOTES_LOSS = (
    "Stopped out at the planned level; setup was fine, market was not.",
    "Chased the entry, paid for it. Wait for the retest next time.",
    "Thesis invalidated by the open; cut it.",
    "Moved the stop once, should not have. Loss bigger than planned.",
    "Choppy session, no follow-through; scratched for a small loss.",
    "Macro headline hit right after entry; out at the stop.",
    "Sized too big for the volatility; the stop was hit on noise.",
    "Entered late in the move; the risk/reward was poor from the start.",
)


def _schedule(
    rng: random.Random, symbol: str, hold_days: float, earliest: dt.date, latest: dt.date
) -> tuple[dt.datetime, dt.datetime] | None:
    """Entry and exit moments inside the instrument's sessions, for a hold of ``hold_days``."""
    span = (latest - earliest).days
    day = earliest + dt.timedelta(days=rng.randrange(span + 1))
    if not is_open(symbol, day):
        return None
    first, last = session(symbol)
    minutes = hold_days * 1440
    if hold_days < 1 and SPEC[symbol].asset_class != "crypto":
        # Intraday in a market that closes: entry and exit in the same session.
        session_minutes = last - first
        held = min(max(2, int(minutes)), session_minutes - 10)
        start = first + rng.randrange(session_minutes - held)
        return at(day, start), at(day, start + held)
    entry = at(day, first + rng.randrange(last - first))
    if SPEC[symbol].asset_class == "crypto":
        return entry, entry + dt.timedelta(minutes=max(2, int(minutes)))
    exit_day = day
    for _ in range(max(1, round(hold_days))):
        exit_day += dt.timedelta(days=1)
        while not is_open(symbol, exit_day):
            exit_day += dt.timedelta(days=1)
    return entry, at(exit_day, first + rng.randrange(last - first))


def _quantity(spec: InstrumentSpec, notional: float, price: float) -> float:
    units = max(1, round(notional / price / spec.step))
    quantity = units * spec.step
    return float(int(quantity)) if spec.step >= 1 else round(quantity, 3)


# The commission schedule of one fill, by asset class: (per unit, share of notional, minimum).


def _fee(spec: InstrumentSpec, quantity: float, price: float) -> float:
    """The commission of one fill: per share for stocks, a share of notional otherwise."""
    per_unit, rate, minimum = FEES[spec.asset_class]
    return max(minimum, per_unit * quantity + rate * quantity * price)


def _trade(
    *,
    symbol: str,
    strategy: str,
    side: str,
    quantity: float,
    entry: dt.datetime,
    entry_price: float,
    exit_: dt.datetime | None,
    exit_price: float | None,
    tags: Sequence[str],
    notes: str | None,
    status: str | None = None,
) -> dict[str, Any]:
    spec = SPEC[symbol]
    if status == "cancelled":
        fees, gross, pnl = 0.0, None, None
    elif exit_ is None or exit_price is None:
        status = "open"
        fees, gross, pnl = round(_fee(spec, quantity, entry_price), 2), None, None
    else:
        status = "closed"
        direction = 1 if side == "long" else -1
        fees = round(_fee(spec, quantity, entry_price) + _fee(spec, quantity, exit_price), 2)
        gross = round((exit_price - entry_price) * quantity * direction, 2)
        pnl = round(gross - fees, 2)
    return {
        "id": "",
        "symbol": symbol,
        "strategy": strategy,
        "side": side,
        "status": status,
        "quantity": quantity,
        "entry_time": iso(entry),
        "entry_price": entry_price,
        "exit_time": iso(exit_) if exit_ and status == "closed" else None,
        "exit_price": exit_price if status == "closed" else None,
        "fees": fees,
        "gross_pnl": gross,
        "pnl": pnl,
        "tags": list(tags),
        "notes": notes,
    }


def ordered_trade(trade: dict[str, Any]) -> dict[str, Any]:
    """The trade with its fields in the order the fixture file shows them."""
    keys: tuple[str, ...] = ("id", "symbol", "strategy", "side", "status", "quantity")
    keys += ("entry_time",)
    keys += ("entry_price", "exit_time", "exit_price", "fees", "gross_pnl", "pnl", "tags", "notes")
    return {key: trade[key] for key in keys}


def closed_trades(
    rng: random.Random, paths: dict[str, dict[dt.date, float]]
) -> list[dict[str, Any]]:
    """The strategies' closed trades, spread over the year along the price paths."""
    trades: list[dict[str, Any]] = []
    for strategy in STRATEGIES:
        made = 0
        while made < strategy.count:
            hold = math.exp(rng.uniform(math.log(strategy.hold[0]), math.log(strategy.hold[1])))
            if strategy.id == "pairs":
                legs = rng.choice(PAIRS)
                schedule = _schedule(rng, legs[0], hold, FIRST_DAY, LAST_DAY - dt.timedelta(days=1))
                if schedule is None or schedule[1].date() > LAST_DAY:
                    continue
                trades += _pair(rng, strategy, legs, schedule, paths)
                made += 2
                continue
            symbol = rng.choice(strategy.universe)
            schedule = _schedule(rng, symbol, hold, FIRST_DAY, LAST_DAY - dt.timedelta(days=1))
            if schedule is None or schedule[1].date() > LAST_DAY:
                continue
            entry, exit_ = schedule
            side = "long" if rng.random() < strategy.long_share else "short"
            if symbol == "SOLUSD" and side == "short" and entry.strftime("%Y-%m") == "2025-08":
                side = "long"  # the one SOL short of August 2025 is the fat-finger trade
            trades.append(
                _single(
                    rng,
                    strategy=strategy,
                    symbol=symbol,
                    side=side,
                    entry=entry,
                    exit_=exit_,
                    paths=paths,
                )
            )
            made += 1
    return trades


def _single(
    rng: random.Random,
    *,
    strategy: StrategySpec,
    symbol: str,
    side: str,
    entry: dt.datetime,
    exit_: dt.datetime,
    paths: dict[str, dict[dt.date, float]],
) -> dict[str, Any]:
    spec = SPEC[symbol]
    held_days = (exit_ - entry).total_seconds() / 86400
    entry_price = tick(spec, price_at(rng, paths, symbol, entry))
    if held_days < 1:
        # Intraday: the move while held, fat-tailed, tilted by the strategy's edge.
        direction = 1 if side == "long" else -1
        sigma = spec.vol * strategy.spread * math.sqrt(max(held_days, 1 / 1440))
        outcome = strategy.edge * math.sqrt(held_days) + sigma * student_t(rng, 3.5, cut=3.0)
        exit_price = tick(spec, entry_price * math.exp(direction * outcome))
    else:
        # Held over days: the market's path decides; skill is being on the right side of it
        # more often than chance (or, for a losing strategy, less often).
        exit_price = tick(spec, price_at(rng, paths, symbol, exit_))
        if rng.random() < abs(strategy.skill):
            rewarded = "long" if exit_price > entry_price else "short"
            side = rewarded if strategy.skill > 0 else ("short" if rewarded == "long" else "long")
        if symbol == "SOLUSD" and side == "short" and entry.strftime("%Y-%m") == "2025-08":
            side = "long"  # the one SOL short of August 2025 is the fat-finger trade
        direction = 1 if side == "long" else -1
    low, high = strategy.fx_notional if spec.asset_class == "fx" else strategy.notional
    quantity = _quantity(spec, rng.uniform(low, high), entry_price)
    tags = sorted(rng.sample(strategy.tags, rng.choice((1, 1, 2, 2, 3))))
    won = (exit_price - entry_price) * direction > 0
    notes = rng.choice(NOTES_WIN if won else NOTES_LOSS)
    return _trade(
        symbol=symbol, strategy=strategy.id, side=side, quantity=quantity, entry=entry,
        entry_price=entry_price, exit_=exit_, exit_price=exit_price, tags=tags, notes=notes,
    )  # fmt: skip


def _pair(
    rng: random.Random,
    strategy: StrategySpec,
    legs: tuple[str, str],
    schedule: tuple[dt.datetime, dt.datetime],
    paths: dict[str, dict[dt.date, float]],
) -> list[dict[str, Any]]:
    """Two legs entered and exited together: long one, short the other, equal notional."""
    entry, exit_ = schedule
    long_leg, short_leg = legs if rng.random() < 0.5 else legs[::-1]
    # The spread's convergence that the pair trade earns (or the divergence it suffers).
    convergence = 0.008 + 0.012 * student_t(rng, 3.5, cut=3.0)
    notional = rng.uniform(*strategy.notional)
    label = f"pair:{legs[0]}/{legs[1]}"
    result = []
    for symbol, side, tilt in ((long_leg, "long", 0.5), (short_leg, "short", -0.5)):
        spec = SPEC[symbol]
        entry_price = tick(spec, price_at(rng, paths, symbol, entry))
        exit_price = tick(spec, price_at(rng, paths, symbol, exit_) * math.exp(tilt * convergence))
        quantity = _quantity(spec, notional, entry_price)
        tags = sorted((label, *rng.sample(strategy.tags, 1)))
        note = f"{legs[0]}/{legs[1]} spread trade, {side} {symbol} leg."
        result.append(
            _trade(
                symbol=symbol,
                strategy=strategy.id,
                side=side,
                quantity=quantity,
                entry=entry,
                entry_price=entry_price,
                exit_=exit_,
                exit_price=exit_price,
                tags=tags,
                notes=note,
            )
        )
    return result


def special_trades(paths: dict[str, dict[dt.date, float]]) -> list[dict[str, Any]]:
    """Trades with a story: the ones the journal entries and the tasks talk about."""
    # The fat-finger SOL short of August 2025: the day SOL traded highest that month.
    august = [dt.date(2025, 8, d) for d in range(4, 29)]
    day = max(august, key=lambda d: paths["SOLUSD"][d])
    sol = SPEC["SOLUSD"]
    entry_price = tick(sol, paths["SOLUSD"][day] * 0.996)
    fat_finger = _trade(
        symbol="SOLUSD", strategy="breakout", side="short", quantity=1200.0,
        entry=at(day, 14 * 60 + 7), entry_price=entry_price,
        exit_=at(day, 14 * 60 + 31), exit_price=tick(sol, entry_price * 1.021),
        tags=("fat-finger", "broke-rules"),
        notes="Fat finger: typed 1200 instead of 120 SOL on the range-low break. Covered as "
        "soon as I saw the size; the whole loss is the extra size. Added a max order size check.",
    )  # fmt: skip
    # The worst trade of March 2026: a TSLA breakout long that gapped through its stop on CPI.
    tsla = SPEC["TSLA"]
    tsla_entry = tick(tsla, paths["TSLA"][dt.date(2026, 3, 10)] * 1.004)
    cpi_loser = _trade(
        symbol="TSLA", strategy="breakout", side="long", quantity=270.0,
        entry=at(dt.date(2026, 3, 10), 19 * 60 + 41), entry_price=tsla_entry,
        exit_=at(dt.date(2026, 3, 11), 13 * 60 + 34), exit_price=tick(tsla, tsla_entry * 0.896),
        tags=("cpi", "broke-rules", "gap"),
        notes="Held the breakout long into the CPI print with only a mental stop. Gapped down "
        "10% at the open and I sold the first print. Never hold a breakout through CPI.",
    )  # fmt: skip
    # The one cancelled order: an AAPL swing entry whose limit never filled.
    aapl = SPEC["AAPL"]
    cancelled = _trade(
        symbol="AAPL", strategy="swing", side="long", quantity=250.0,
        entry=at(dt.date(2025, 11, 5), 14 * 60 + 2),
        entry_price=tick(aapl, paths["AAPL"][dt.date(2025, 11, 5)] * 0.97),
        exit_=None, exit_price=None, tags=("support",), status="cancelled",
        notes="Limit at support never filled; cancelled at the close. Price never came back.",
    )  # fmt: skip
    return [fat_finger, cpi_loser, cancelled]


def open_trades(
    rng: random.Random, paths: dict[str, dict[dt.date, float]], quotes: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    last = {q["symbol"]: q["last"] for q in quotes}
    trades = []
    for symbol, strategy, side, days_ago, target, notional, tags, notes in OPEN_TRADES:
        spec = SPEC[symbol]
        # The entry price that leaves the position ``target`` up (or down) at the last price.
        ratio = 1 + target if side == "long" else 1 - target
        entry_price = tick(spec, last[symbol] / ratio)
        if days_ago:
            day = REFERENCE_DAY - dt.timedelta(days=days_ago)
        else:  # the recent day the market traded nearest that price
            recent = [REFERENCE_DAY - dt.timedelta(days=d) for d in range(2, 22)]
            day = min(recent, key=lambda d: abs(math.log(paths[symbol][d] / entry_price)))
        while not is_open(symbol, day):
            day -= dt.timedelta(days=1)
        gap = abs(paths[symbol][day] / entry_price - 1)
        if gap > 0.04:
            raise AssertionError(f"open {symbol} entry {entry_price} is {gap:.1%} off its market")
        first, end = session(symbol)
        entry = at(day, first + rng.randrange(end - first))
        quantity = _quantity(spec, notional, entry_price)
        trades.append(
            _trade(
                symbol=symbol,
                strategy=strategy,
                side=side,
                quantity=quantity,
                entry=entry,
                entry_price=entry_price,
                exit_=None,
                exit_price=None,
                tags=tags,
                notes=notes,
            )
        )
    return trades


def drop_notes(rng: random.Random, trades: list[dict[str, Any]]) -> None:
    """A few ordinary closed trades were never annotated."""
    plain = [
        t
        for t in trades
        if t["status"] == "closed" and "broke-rules" not in t["tags"] and t["strategy"] != "pairs"
    ]
    for trade in rng.sample(plain, 7):
        trade["notes"] = None


def position_records(trades: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One open position per open trade."""
    open_trades = [t for t in trades if t["status"] == "open"]
    return [
        {
            "id": f"POS-{2041 + i}",
            "trade_id": t["id"],
            "symbol": t["symbol"],
            "strategy": t["strategy"],
            "side": t["side"],
            "quantity": t["quantity"],
            "entry_price": t["entry_price"],
            "opened_at": t["entry_time"],
        }
        for i, t in enumerate(open_trades)
    ]


def strategy_record(spec: StrategySpec) -> dict[str, Any]:
    """A strategy as the fixture file stores it."""
    return {
        "id": spec.id,
        "name": spec.name,
        "description": spec.description,
        "owner": spec.owner,
        "timeframe": spec.timeframe,
        "universe": list(spec.universe),
        "status": "active",
        "since": spec.since,
    }
