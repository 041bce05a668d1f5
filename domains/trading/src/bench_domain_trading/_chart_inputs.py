"""The data the chart tasks hand to the model, computed from the fixtures.

Each method returns rows (one dict per line of the CSV or item of the JSON) in the order the
task gives them. The figures come from ``_metrics`` (net PnL after fees, realized on the exit
date), so the charts agree with what the journal API reports.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from ._fixtures import Fixtures, Trade
from ._metrics import entry_day, exit_day, mark, money, pnl_totals, realized, trade_stats

Row = dict[str, Any]

# The twelve full months of the journal: its first month to the last month before today's.
MONTHS = (*(f"2025-{month:02d}" for month in range(4, 13)), "2026-01", "2026-02", "2026-03")
Q1_2026 = (dt.date(2026, 1, 1), dt.date(2026, 3, 31))
YEAR_2026 = dt.date(2026, 1, 1)

ASSET_CLASSES = {"stock": "Stocks", "crypto": "Crypto", "fx": "FX"}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# The risk dashboard shows the equity of the last 120 days beside the open positions.
RISK_WINDOW_DAYS = 120


class ChartData:
    """The datasets of the chart tasks.

    Args:
        fixtures: The journal's data.
    """

    def __init__(self, fixtures: Fixtures) -> None:
        self.fixtures = fixtures
        self.closed = realized(fixtures.trades)
        # Entered trades: those that filled (the cancelled order never did).
        self.entered = [t for t in fixtures.trades if t.status != "cancelled"]
        self.strategy_names = {s.id: s.name for s in fixtures.strategies}
        self.asset_class = {i.symbol: i.asset_class for i in fixtures.instruments}

    @property
    def strategies(self) -> list[str]:
        """The strategies' display names, in the journal's order."""
        return [s.name for s in self.fixtures.strategies]

    def name(self, trade: Trade) -> str:
        """The display name of a trade's strategy."""
        return self.strategy_names[trade.strategy]

    def klass(self, trade: Trade) -> str:
        """The display name of a trade's asset class: Stocks, Crypto or FX."""
        return ASSET_CLASSES[self.asset_class[trade.symbol]]

    # --- per strategy, per symbol, per outcome -------------------------------------------------

    def pnl_by_strategy(self) -> list[Row]:
        """Net realized PnL of every closed trade, per strategy."""
        return [
            {"strategy": name, "net_pnl": pnl_totals(rows)["net_pnl"]}
            for name, rows in _grouped(self.closed, self.name, self.strategies).items()
        ]

    def payoff_by_strategy(self) -> list[Row]:
        """Average win and average loss (negative) per strategy."""
        result = []
        for name, rows in _grouped(self.closed, self.name, self.strategies).items():
            stats = trade_stats(rows)
            result.append(
                {
                    "strategy": name,
                    "average_win": stats["average_win"],
                    "average_loss": stats["average_loss"],
                }
            )
        return result

    def fees_by_strategy(self) -> list[Row]:
        """Commissions paid on the closed trades, per strategy."""
        return [
            {"strategy": name, "fees": pnl_totals(rows)["fees"]}
            for name, rows in _grouped(self.closed, self.name, self.strategies).items()
        ]

    def pnl_by_symbol(self) -> list[Row]:
        """Net realized PnL per symbol, symbols in alphabetical order."""
        groups = _grouped(self.closed, lambda t: t.symbol)
        return [{"symbol": s, "net_pnl": pnl_totals(groups[s])["net_pnl"]} for s in sorted(groups)]

    def win_loss(self) -> list[Row]:
        """Closed trades with a positive net PnL (winners) and with a negative one (losers)."""
        stats = trade_stats(self.closed)
        return [
            {"outcome": "Winners", "trades": stats["wins"]},
            {"outcome": "Losers", "trades": stats["losses"]},
        ]

    def open_positions(self) -> list[Row]:
        """Each open position marked at the last price, in position id order."""
        rows = []
        for position in sorted(self.fixtures.positions, key=lambda p: p.id):
            marked = mark(position, self.fixtures.quote_by_symbol[position.symbol])
            rows.append(
                {
                    "position_id": position.id,
                    "symbol": position.symbol,
                    "side": position.side,
                    "unrealized_pnl": marked["unrealized_pnl"],
                }
            )
        return rows

    # --- per month -----------------------------------------------------------------------------

    def month_end_equity(self) -> list[Row]:
        """End-of-day equity on the last day of each full month."""
        last: dict[str, float] = {}
        for point in self.fixtures.equity_curve.points:
            last[point.date[:7]] = point.equity
        return [{"month": m, "equity": last[m]} for m in MONTHS]

    def fees_by_month(self) -> list[Row]:
        """Commissions of the trades closed in each full month."""
        groups = _grouped(self._closed_in_months(), _exit_month, MONTHS)
        return [{"month": m, "fees": pnl_totals(rows)["fees"]} for m, rows in groups.items()]

    def monthly_pnl_by_asset_class(self) -> list[Row]:
        """Net realized PnL per full month, one column per asset class."""
        return self._monthly_columns(self.klass, list(ASSET_CLASSES.values()))

    def monthly_pnl_by_side(self) -> list[Row]:
        """Net realized PnL per full month of long trades and of short trades."""
        return self._monthly_columns(lambda t: t.side.capitalize(), ["Long", "Short"])

    def monthly_pnl_by_strategy(self) -> list[Row]:
        """Net realized PnL per full month, one column per strategy."""
        return self._monthly_columns(self.name, self.strategies)

    def monthly_pnl_by_symbol(self) -> list[Row]:
        """Closed trades and net realized PnL per symbol and full month, zero where none."""
        cells = _grouped(self._closed_in_months(), lambda t: (t.symbol, _exit_month(t)))
        symbols = sorted(i.symbol for i in self.fixtures.instruments)
        return [
            {
                "symbol": symbol,
                "month": month,
                "trades": len(cells.get((symbol, month), [])),
                "net_pnl": pnl_totals(cells.get((symbol, month), []))["net_pnl"],
            }
            for symbol in symbols
            for month in MONTHS
        ]

    def monthly_notional_by_strategy(self) -> list[Row]:
        """Entry notional (price times quantity, USD) of the trades entered in each full month,
        one column per strategy."""
        rows = []
        for month in MONTHS:
            row: Row = {"month": month}
            for name in self.strategies:
                row[name] = money(
                    sum(
                        t.entry_price * t.quantity
                        for t in self.entered
                        if self.name(t) == name and t.entry_time[:7] == month
                    )
                )
            rows.append(row)
        return rows

    # --- per week, day and hour ----------------------------------------------------------------

    def weekly_pnl(self) -> list[Row]:
        """Net realized PnL per ISO week, every week of the journal."""
        groups = _grouped(self.closed, _iso_week)
        return [{"week": w, "net_pnl": pnl_totals(groups[w])["net_pnl"]} for w in sorted(groups)]

    def weekly_pnl_by_strategy(self) -> list[Row]:
        """Net realized PnL per ISO week, one column per strategy, zero where none."""
        cells = _grouped(self.closed, lambda t: (_iso_week(t), self.name(t)))
        weeks = sorted({_iso_week(t) for t in self.closed})
        return [
            {
                "week": w,
                **{s: pnl_totals(cells.get((w, s), []))["net_pnl"] for s in self.strategies},
            }
            for w in weeks
        ]

    def daily_equity(self) -> list[Row]:
        """The end-of-day equity curve."""
        return [{"date": p.date, "equity": p.equity} for p in self.fixtures.equity_curve.points]

    def daily_pnl(self) -> list[Row]:
        """Net PnL realized each day and the number of trades closed."""
        return [
            {"date": p.date, "net_pnl": p.pnl, "trades_closed": p.trades_closed}
            for p in self.fixtures.equity_curve.points
        ]

    def entries_by_weekday(self) -> list[Row]:
        """Trades entered per UTC weekday, one column per asset class."""
        counts = _grouped(self.entered, lambda t: (entry_day(t).weekday(), self.klass(t)))
        return [
            {"weekday": day, **{c: len(counts.get((i, c), [])) for c in ASSET_CLASSES.values()}}
            for i, day in enumerate(WEEKDAYS)
        ]

    def entries_by_hour(self) -> list[Row]:
        """Trades entered per UTC hour of the day, one column per asset class."""
        counts = _grouped(self.entered, lambda t: (int(t.entry_time[11:13]), self.klass(t)))
        return [
            {"hour": hour, **{c: len(counts.get((hour, c), [])) for c in ASSET_CLASSES.values()}}
            for hour in range(24)
        ]

    # --- trade by trade ------------------------------------------------------------------------

    def trades_closed_in_q1(self) -> list[Row]:
        """The trades closed in Q1 2026 with their entry and exit times, in exit order."""
        return [
            {
                "trade_id": t.id,
                "symbol": t.symbol,
                "asset_class": self.asset_class[t.symbol],
                "entry_time": t.entry_time,
                "exit_time": t.exit_time,
                "net_pnl": t.pnl,
            }
            for t in realized(self.fixtures.trades, *Q1_2026)
        ]

    def trades_closed_in_2026(self) -> list[Row]:
        """The trades closed since 2026-01-01 with their holding time (hours), in exit order."""
        return [
            {
                "id": t.id,
                "strategy": self.name(t),
                "symbol": t.symbol,
                "exit_date": exit_day(t).isoformat(),
                "holding_hours": holding_hours(t),
                "net_pnl": t.pnl,
            }
            for t in realized(self.fixtures.trades, YEAR_2026)
        ]

    def risk_snapshot(self) -> dict[str, list[Row]]:
        """The open positions with their market value and asset class, and the equity curve of
        the last 120 days."""
        positions = []
        for position in sorted(self.fixtures.positions, key=lambda p: p.id):
            marked = mark(position, self.fixtures.quote_by_symbol[position.symbol])
            positions.append(
                {
                    "position_id": position.id,
                    "symbol": position.symbol,
                    "asset_class": ASSET_CLASSES[self.asset_class[position.symbol]],
                    "side": position.side,
                    "market_value": marked["market_value"],
                    "unrealized_pnl": marked["unrealized_pnl"],
                }
            )
        points = self.fixtures.equity_curve.points[-RISK_WINDOW_DAYS:]
        return {
            "positions": positions,
            "equity": [{"date": p.date, "equity": p.equity} for p in points],
        }

    # --- shared --------------------------------------------------------------------------------

    def _closed_in_months(self) -> list[Trade]:
        return [t for t in self.closed if _exit_month(t) in MONTHS]

    def _monthly_columns(self, column: Callable[[Trade], str], names: list[str]) -> list[Row]:
        cells = _grouped(self._closed_in_months(), lambda t: (_exit_month(t), column(t)))
        return [
            {"month": m, **{n: pnl_totals(cells.get((m, n), []))["net_pnl"] for n in names}}
            for m in MONTHS
        ]


def holding_hours(trade: Trade) -> float:
    """Hours from a closed trade's entry to its exit, to two decimals."""
    entry = dt.datetime.fromisoformat(trade.entry_time.replace("Z", "+00:00"))
    exit_ = dt.datetime.fromisoformat((trade.exit_time or "").replace("Z", "+00:00"))
    return round((exit_ - entry).total_seconds() / 3600, 2)


def _exit_month(trade: Trade) -> str:
    return exit_day(trade).strftime("%Y-%m")


def _iso_week(trade: Trade) -> str:
    year, week, _ = exit_day(trade).isocalendar()
    return f"{year}-W{week:02d}"


def _grouped(
    trades: Iterable[Trade], key: Callable[[Trade], Any], order: Iterable[Any] = ()
) -> dict[Any, list[Trade]]:
    groups: dict[Any, list[Trade]] = defaultdict(list)
    for name in order:
        groups[name] = []
    for trade in trades:
        groups[key(trade)].append(trade)
    return dict(groups)
