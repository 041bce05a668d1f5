"""The journal's fixture data: typed records, read lazily from the package's ``data/`` folder."""

from __future__ import annotations

import functools
from importlib import resources
from typing import Literal, TypeVar

import msgspec

AssetClass = Literal["stock", "crypto", "fx"]
Side = Literal["long", "short"]
TradeStatus = Literal["open", "closed", "cancelled"]
AlertCondition = Literal["above", "below"]
AlertStatus = Literal["active", "triggered"]


class Account(msgspec.Struct, frozen=True, kw_only=True):
    """The desk's account: base currency, starting balance and the time of the data."""

    name: str
    base_currency: str
    starting_balance: float
    inception_date: str
    as_of: str


class Instrument(msgspec.Struct, frozen=True, kw_only=True):
    """A tradable instrument and its commission schedule (per fill)."""

    symbol: str
    name: str
    asset_class: AssetClass
    currency: str
    venue: str
    tick_size: float
    quantity_step: float
    fee_per_unit: float
    fee_rate: float
    fee_minimum: float

    def commission(self, quantity: float, price: float) -> float:
        """The commission of one fill of ``quantity`` at ``price``, unrounded."""
        return max(
            self.fee_minimum, self.fee_per_unit * quantity + self.fee_rate * quantity * price
        )


class Strategy(msgspec.Struct, frozen=True, kw_only=True):
    """One of the desk's strategies."""

    id: str
    name: str
    description: str
    owner: str
    timeframe: str
    universe: tuple[str, ...]
    status: str
    since: str


class Trade(msgspec.Struct, frozen=True, kw_only=True):
    """A trade: its entry, its exit once closed, fees (both fills) and net PnL (after fees)."""

    id: str
    symbol: str
    strategy: str
    side: Side
    status: TradeStatus
    quantity: float
    entry_time: str
    entry_price: float
    exit_time: str | None
    exit_price: float | None
    fees: float
    gross_pnl: float | None
    pnl: float | None
    tags: tuple[str, ...]
    notes: str | None


class Position(msgspec.Struct, frozen=True, kw_only=True):
    """An open position: the open part of one trade."""

    id: str
    trade_id: str
    symbol: str
    strategy: str
    side: Side
    quantity: float
    entry_price: float
    opened_at: str


class EquityPoint(msgspec.Struct, frozen=True, kw_only=True):
    """End-of-day equity and the net PnL realized that day."""

    date: str
    equity: float
    pnl: float
    trades_closed: int


class EquityCurve(msgspec.Struct, frozen=True, kw_only=True):
    """The daily equity curve from the inception date to the last full day."""

    currency: str
    starting_balance: float
    points: tuple[EquityPoint, ...]


class JournalEntry(msgspec.Struct, frozen=True, kw_only=True):
    """A journal entry, optionally linked to trades."""

    id: str
    date: str
    title: str
    body: str
    tags: tuple[str, ...]
    trade_ids: tuple[str, ...]


class Alert(msgspec.Struct, frozen=True, kw_only=True):
    """A price alert on one instrument."""

    id: str
    symbol: str
    condition: AlertCondition
    price: float
    status: AlertStatus
    created_at: str
    triggered_at: str | None
    note: str | None


class Quote(msgspec.Struct, frozen=True, kw_only=True):
    """The market quote of an instrument at the time of the data."""

    symbol: str
    bid: float
    ask: float
    last: float
    prev_close: float
    as_of: str


class Fixtures(msgspec.Struct, frozen=True, kw_only=True, dict=True):
    """Everything the journal holds at the reference time."""

    account: Account
    instruments: tuple[Instrument, ...]
    strategies: tuple[Strategy, ...]
    trades: tuple[Trade, ...]
    positions: tuple[Position, ...]
    equity_curve: EquityCurve
    journal: tuple[JournalEntry, ...]
    alerts: tuple[Alert, ...]
    quotes: tuple[Quote, ...]

    @functools.cached_property
    def instrument_by_symbol(self) -> dict[str, Instrument]:
        """The instruments keyed by symbol."""
        return {i.symbol: i for i in self.instruments}

    @functools.cached_property
    def quote_by_symbol(self) -> dict[str, Quote]:
        """The quotes keyed by symbol."""
        return {q.symbol: q for q in self.quotes}


_T = TypeVar("_T")


def _read(name: str, kind: type[_T]) -> _T:
    data = resources.files(__package__).joinpath("data", name).read_bytes()
    return msgspec.json.decode(data, type=kind)


@functools.cache
def load_fixtures() -> Fixtures:
    """The fixtures, read and validated on first use, then shared (every record is frozen)."""
    return Fixtures(
        account=_read("account.json", Account),
        instruments=_read("instruments.json", tuple[Instrument, ...]),
        strategies=_read("strategies.json", tuple[Strategy, ...]),
        trades=_read("trades.json", tuple[Trade, ...]),
        positions=_read("positions.json", tuple[Position, ...]),
        equity_curve=_read("equity_curve.json", EquityCurve),
        journal=_read("journal.json", tuple[JournalEntry, ...]),
        alerts=_read("alerts.json", tuple[Alert, ...]),
        quotes=_read("quotes.json", tuple[Quote, ...]),
    )
