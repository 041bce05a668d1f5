"""The facts the tasks are about, computed from the fixtures: never typed in by hand.

The largest loser of a month, the worst strategy of a quarter, the position to close, the
alert to delete: each task asks the fixtures through these functions, so regenerating the data
moves the expected answers with it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ._fixtures import Alert, Fixtures, Position, Quote, Trade
from ._metrics import (
    daily_returns,
    drawdown,
    entry_day,
    equity_window,
    mark,
    pnl_totals,
    realized,
    sharpe_ratio,
    trade_stats,
)


class Facts:
    """Questions about the fixtures that the tasks' expected values come from.

    Args:
        fixtures: The journal's data.
    """

    def __init__(self, fixtures: Fixtures) -> None:
        self.fixtures = fixtures
        self.today = dt.date.fromisoformat(fixtures.account.as_of[:10])
        self.yesterday = self.today - dt.timedelta(days=1)

    def quote(self, symbol: str) -> Quote:
        """The quote of ``symbol``."""
        return self.fixtures.quote_by_symbol[symbol]

    def trade(self, trade_id: str) -> Trade:
        """The trade with this id."""
        return next(t for t in self.fixtures.trades if t.id == trade_id)

    def only_trade(self, **fields: Any) -> Trade:
        """The one trade whose fields have these values (``tag`` matches one of its tags).

        Raises:
            LookupError: No trade, or more than one, matches.
        """
        tag = fields.pop("tag", None)
        found = [
            t
            for t in self.fixtures.trades
            if all(getattr(t, k) == v for k, v in fields.items()) and (tag is None or tag in t.tags)
        ]
        if len(found) != 1:
            raise LookupError(f"{len(found)} trades match {fields} and tag {tag!r}, not one")
        return found[0]

    def missing_trade_id(self, trade_id: str) -> str:
        """The id with two neighbouring digits swapped that names no trade: a typo of it."""
        prefix, digits = trade_id.split("-")
        ids = {t.id for t in self.fixtures.trades}
        for i in range(len(digits) - 1):
            swapped = digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :]
            candidate = f"{prefix}-{swapped}"
            if swapped[0] != "0" and candidate not in ids:
                return candidate
        raise LookupError(f"every transposition of {trade_id} names a trade")

    def worst_trade_entered(self, start: dt.date, end: dt.date) -> Trade:
        """The closed trade with the lowest net PnL among those entered from start to end."""
        closed = [
            t for t in self.fixtures.trades if t.status == "closed" and start <= entry_day(t) <= end
        ]
        return min(closed, key=lambda t: (t.pnl or 0.0, t.id))

    def worst_trade_exited(self, start: dt.date, end: dt.date) -> Trade:
        """The closed trade with the lowest net PnL among those exited from start to end."""
        return min(realized(self.fixtures.trades, start, end), key=lambda t: (t.pnl or 0.0, t.id))

    def worst_trades(self, side: str, count: int) -> list[Trade]:
        """The ``count`` closed trades of ``side`` with the lowest net PnL, worst first."""
        closed = [t for t in self.fixtures.trades if t.status == "closed" and t.side == side]
        return sorted(closed, key=lambda t: (t.pnl or 0.0, t.id))[:count]

    def latest_trades(self, symbol: str, count: int) -> list[Trade]:
        """The ``count`` most recently entered trades of ``symbol``, newest first."""
        rows = [t for t in self.fixtures.trades if t.symbol == symbol]
        return sorted(rows, key=lambda t: (t.entry_time, t.id), reverse=True)[:count]

    def pnl_by(self, key: str, start: dt.date, end: dt.date) -> dict[str, float]:
        """Net realized PnL per strategy or symbol, from start to end (exit dates)."""
        groups: dict[str, list[Trade]] = {}
        for trade in realized(self.fixtures.trades, start, end):
            groups.setdefault(getattr(trade, key), []).append(trade)
        return {name: pnl_totals(rows)["net_pnl"] for name, rows in sorted(groups.items())}

    def strategy_stats(self, strategy: str, start: dt.date, end: dt.date) -> dict[str, Any]:
        """A strategy's statistics over the trades it closed from start to end."""
        trades = [t for t in self.fixtures.trades if t.strategy == strategy]
        return trade_stats(realized(trades, start, end))

    def risk(self, start: dt.date, end: dt.date) -> dict[str, Any]:
        """Drawdown and Sharpe ratio of the equity curve from start to end."""
        curve = self.fixtures.equity_curve
        previous, points = equity_window(curve.points, curve.starting_balance, start, end)
        return {
            **drawdown(previous, points),
            "sharpe_ratio": sharpe_ratio(daily_returns(previous, points)),
            "win_rate": trade_stats(realized(self.fixtures.trades, start, end))["win_rate"],
        }

    def positions(self, strategy: str | None = None) -> list[tuple[Position, dict[str, Any]]]:
        """The open positions (of a strategy) with their marks, in id order."""
        return [
            (p, mark(p, self.quote(p.symbol)))
            for p in sorted(self.fixtures.positions, key=lambda p: p.id)
            if strategy is None or p.strategy == strategy
        ]

    def only_alert(self, **fields: Any) -> Alert:
        """The one alert whose fields have these values.

        Raises:
            LookupError: No alert, or more than one, matches.
        """
        found = [
            a for a in self.fixtures.alerts if all(getattr(a, k) == v for k, v in fields.items())
        ]
        if len(found) != 1:
            raise LookupError(f"{len(found)} alerts match {fields}, not one")
        return found[0]

    def named(self, symbol: str) -> tuple[str, ...]:
        """Every way an answer may name an instrument: ``BTCUSD``, ``BTC/USD``, ``BTC-USD``,
        ``BTC`` and ``Bitcoin``; ``NVDA`` and ``NVIDIA``."""
        forms = [symbol]
        if len(symbol) == 6 and symbol.endswith("USD"):
            base = symbol[:3]
            forms += [f"{base}/USD", f"{base}-USD", base]
        name = self.fixtures.instrument_by_symbol[symbol].name.split()[0].rstrip(".,")
        forms.append(name)
        if symbol == "ETHUSD":
            forms.append("Ethereum")
        return tuple(dict.fromkeys(forms))

    def next_journal_id(self) -> str:
        """The id the simulator gives the first journal entry an episode adds.

        The simulator numbers new entries after the fixtures' last one, and only a write that
        succeeds takes a number: a solution whose one journal write is the right one always
        writes this id (a second journal write would be unrequested anyway).
        """
        last = max(int(j.id.removeprefix("J-")) for j in self.fixtures.journal)
        return f"J-{last + 1:04d}"
