"""The market the desk trades in: instruments, their daily price paths, sessions, quotes."""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass
from typing import Any

FIRST_DAY = dt.date(2025, 4, 1)
LAST_DAY = dt.date(2026, 4, 14)  # the last full day before the reference date
REFERENCE_DAY = dt.date(2026, 4, 15)
AS_OF = "2026-04-15T14:30:00Z"
STARTING_BALANCE = 500_000.0

# NYSE/Nasdaq full-day closures within the journal's period.
US_HOLIDAYS = frozenset(
    dt.date.fromisoformat(d)
    for d in (
        "2025-04-18", "2025-05-26", "2025-06-19", "2025-07-04", "2025-09-01", "2025-11-27",
        "2025-12-25", "2026-01-01", "2026-01-19", "2026-02-16", "2026-04-03",
    )
)  # fmt: skip


@dataclass(frozen=True)
class InstrumentSpec:
    symbol: str
    name: str
    asset_class: str
    venue: str
    tick: float
    decimals: int
    step: float  # smallest quantity
    start: float  # price on 2025-03-31
    end: float  # price at the reference time
    vol: float  # daily volatility of log returns


INSTRUMENTS = (
    InstrumentSpec("AAPL", "Apple Inc.", "stock", "NASDAQ", 0.01, 2, 1, 222.13, 248.62, 0.018),
    InstrumentSpec("MSFT", "Microsoft Corp.", "stock", "NASDAQ", 0.01, 2, 1, 375.39, 455.31, 0.016),
    InstrumentSpec("NVDA", "NVIDIA Corp.", "stock", "NASDAQ", 0.01, 2, 1, 108.38, 182.47, 0.032),
    InstrumentSpec("TSLA", "Tesla Inc.", "stock", "NASDAQ", 0.01, 2, 1, 259.16, 395.18, 0.038),
    InstrumentSpec("AMZN", "Amazon.com Inc.", "stock", "NASDAQ", 0.01, 2, 1, 190.26, 228.41, 0.021),
    InstrumentSpec(
        "META", "Meta Platforms Inc.", "stock", "NASDAQ", 0.01, 2, 1, 576.36, 690.04, 0.023
    ),
    InstrumentSpec(
        "JPM", "JPMorgan Chase & Co.", "stock", "NYSE", 0.01, 2, 1, 245.3, 291.87, 0.015
    ),
    InstrumentSpec(
        "AMD", "Advanced Micro Devices Inc.", "stock", "NASDAQ", 0.01, 2, 1, 102.74, 168.22, 0.034
    ),
    InstrumentSpec(
        "BTCUSD",
        "Bitcoin / US Dollar",
        "crypto",
        "Coinbase",
        0.01,
        2,
        0.001,
        82548.9,
        96512.4,
        0.027,
    ),
    InstrumentSpec(
        "ETHUSD", "Ether / US Dollar", "crypto", "Coinbase", 0.01, 2, 0.01, 1822.4, 3148.75, 0.036
    ),
    InstrumentSpec(
        "SOLUSD", "Solana / US Dollar", "crypto", "Coinbase", 0.01, 2, 0.1, 124.71, 171.86, 0.045
    ),
    InstrumentSpec(
        "EURUSD", "Euro / US Dollar", "fx", "LMAX", 0.00001, 5, 1000, 1.08166, 1.13215, 0.0048
    ),
    InstrumentSpec(
        "GBPUSD",
        "British Pound / US Dollar",
        "fx",
        "LMAX",
        0.00001,
        5,
        1000,
        1.29174,
        1.34098,
        0.0052,
    ),
    InstrumentSpec(
        "AUDUSD",
        "Australian Dollar / US Dollar",
        "fx",
        "LMAX",
        0.00001,
        5,
        1000,
        0.62473,
        0.65806,
        0.0061,
    ),
)
SPEC = {spec.symbol: spec for spec in INSTRUMENTS}


def calendar_days() -> list[dt.date]:
    """Every day from the close before the first day to the reference day."""
    count = (REFERENCE_DAY - FIRST_DAY).days + 2
    return [FIRST_DAY - dt.timedelta(days=1) + dt.timedelta(days=i) for i in range(count)]


def student_t(rng: random.Random, df: float = 4.0, cut: float = 6.0) -> float:
    """A unit-variance Student-t draw, cut at ``cut``: fat tails, as real returns have, without
    the once-a-century moves a one-year sample should not show."""
    chi2 = rng.gammavariate(df / 2, 2.0)
    draw = rng.gauss(0.0, 1.0) / math.sqrt(chi2 / df) * math.sqrt((df - 2) / df)
    return max(-cut, min(cut, draw))


# Days the market moved hard, as the journal's stories tell: (symbol, day) to the log return.
SHOCKS = {("TSLA", dt.date(2026, 3, 11)): -0.108}


# How fast a price is pulled back to its trend line, per day: keeps a year's range realistic.
PULL = 0.03


def price_path(rng: random.Random, spec: InstrumentSpec) -> dict[dt.date, float]:
    """Daily closes from 2025-03-31 to the reference day: fat-tailed daily moves around a trend
    line, bridged to end at the instrument's price at the reference time."""
    days = calendar_days()
    walk = [0.0]
    for day in days[1:]:
        shock = SHOCKS.get((spec.symbol, day))
        move = shock if shock is not None else spec.vol * student_t(rng)
        walk.append(walk[-1] * (1 - PULL) + move)
    n = len(days) - 1
    drift = math.log(spec.end / spec.start)
    return {
        day: spec.start * math.exp(walk[i] - walk[-1] * i / n + drift * i / n)
        for i, day in enumerate(days)
    }


def tick(spec: InstrumentSpec, price: float) -> float:
    """A price rounded to the instrument's tick."""
    return round(round(price / spec.tick) * spec.tick, spec.decimals)


def quote_records(paths: dict[str, dict[dt.date, float]]) -> list[dict[str, Any]]:
    """The quote of every instrument at the reference time, with a spread of a few ticks."""
    quotes = []
    for spec in INSTRUMENTS:
        last = tick(spec, paths[spec.symbol][REFERENCE_DAY])
        prev = tick(spec, paths[spec.symbol][LAST_DAY])
        half = {"stock": 1, "crypto": max(1, round(last * 0.00004 / spec.tick)), "fx": 3}[
            spec.asset_class
        ]
        quotes.append(
            {
                "symbol": spec.symbol,
                "bid": round(last - half * spec.tick, spec.decimals),
                "ask": round(last + half * spec.tick, spec.decimals),
                "last": last,
                "prev_close": prev,
                "as_of": AS_OF,
            }
        )
    return quotes


def is_open(symbol: str, day: dt.date) -> bool:
    """Whether the instrument's market trades on ``day``."""
    asset_class = SPEC[symbol].asset_class
    if asset_class == "crypto":
        return True
    if day.weekday() >= 5:
        return False
    return not (asset_class == "stock" and day in US_HOLIDAYS)


def session(symbol: str) -> tuple[int, int]:
    """The minutes of the UTC day when the desk trades the instrument."""
    asset_class = SPEC[symbol].asset_class
    if asset_class == "stock":
        return 13 * 60 + 30, 20 * 60  # regular session in New York, as UTC
    if asset_class == "fx":
        return 6 * 60, 21 * 60  # London open to New York close
    return 0, 24 * 60


def at(day: dt.date, minute: int) -> dt.datetime:
    """The UTC moment ``minute`` minutes into ``day``."""
    return dt.datetime.combine(day, dt.time(0), tzinfo=dt.UTC) + dt.timedelta(minutes=minute)


def iso(moment: dt.datetime) -> str:
    """An ISO 8601 UTC timestamp to the second."""
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


# The commission of one fill, by asset class: (per unit, share of notional, minimum).
FEES = {"stock": (0.005, 0.0, 1.0), "crypto": (0.0, 0.0005, 0.0), "fx": (0.0, 0.000025, 0.0)}


def price_at(
    rng: random.Random, paths: dict[str, dict[dt.date, float]], symbol: str, moment: dt.datetime
) -> float:
    """A plausible trade price at ``moment``: between the previous close and the day's close,
    by how far the session has run, plus a little intraday noise."""
    spec = SPEC[symbol]
    first, last = session(symbol)
    minute = moment.hour * 60 + moment.minute
    share = min(1.0, max(0.0, (minute - first) / (last - first)))
    day = moment.date()
    previous = paths[symbol][day - dt.timedelta(days=1)]
    level = math.exp(math.log(previous) * (1 - share) + math.log(paths[symbol][day]) * share)
    return level * math.exp(0.15 * spec.vol * rng.gauss(0, 1))


def instrument_record(spec: InstrumentSpec) -> dict[str, Any]:
    """An instrument as the fixture file stores it."""
    return {
        "symbol": spec.symbol,
        "name": spec.name,
        "asset_class": spec.asset_class,
        "currency": "USD",
        "venue": spec.venue,
        "tick_size": spec.tick,
        "quantity_step": spec.step,
        "fee_per_unit": FEES[spec.asset_class][0],
        "fee_rate": FEES[spec.asset_class][1],
        "fee_minimum": FEES[spec.asset_class][2],
    }
