"""The desk's figures, defined once: realized PnL, trade statistics, drawdown, Sharpe, marks.

The simulator reports these and the tasks compute their expected values with them; the tests
recompute them from the raw trades with code of their own.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections.abc import Iterable, Sequence
from typing import Any, Literal

from ._fixtures import EquityPoint, Position, Quote, Trade

GroupBy = Literal["day", "week", "month", "symbol", "strategy"]

# The curve has a point every calendar day (crypto trades at weekends), so a year is 365 points.
PERIODS_PER_YEAR = 365


def money(value: float) -> float:
    """A USD amount rounded to cents."""
    return round(value + 0.0, 2)


def exit_day(trade: Trade) -> dt.date:
    """The UTC date a closed trade was exited: the day its PnL was realized."""
    if trade.exit_time is None:
        raise ValueError(f"trade {trade.id} has no exit")
    return dt.date.fromisoformat(trade.exit_time[:10])


def entry_day(trade: Trade) -> dt.date:
    """The UTC date a trade was entered."""
    return dt.date.fromisoformat(trade.entry_time[:10])


def realized(
    trades: Iterable[Trade], start: dt.date | None = None, end: dt.date | None = None
) -> list[Trade]:
    """The closed trades exited between ``start`` and ``end`` (inclusive), in exit order."""
    rows = [
        t
        for t in trades
        if t.status == "closed"
        and (start is None or exit_day(t) >= start)
        and (end is None or exit_day(t) <= end)
    ]
    return sorted(rows, key=lambda t: (t.exit_time or "", t.id))


def group_key(trade: Trade, group_by: GroupBy) -> str:
    """The group a closed trade's PnL falls in."""
    if group_by == "symbol":
        return trade.symbol
    if group_by == "strategy":
        return trade.strategy
    day = exit_day(trade)
    if group_by == "day":
        return day.isoformat()
    if group_by == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return day.strftime("%Y-%m")


def pnl_rows(trades: Sequence[Trade], group_by: GroupBy) -> list[dict[str, Any]]:
    """Realized PnL per group, sorted by group: trades, gross PnL, fees, net PnL."""
    groups: dict[str, list[Trade]] = {}
    for trade in trades:
        groups.setdefault(group_key(trade, group_by), []).append(trade)
    return [{"group": key, **pnl_totals(groups[key])} for key in sorted(groups)]


def pnl_totals(trades: Sequence[Trade]) -> dict[str, Any]:
    """Count, gross PnL, fees and net PnL of closed trades."""
    return {
        "trades": len(trades),
        "gross_pnl": money(sum(t.gross_pnl or 0.0 for t in trades)),
        "fees": money(sum(t.fees for t in trades)),
        "net_pnl": money(sum(t.pnl or 0.0 for t in trades)),
    }


def trade_stats(trades: Sequence[Trade]) -> dict[str, Any]:
    """Win rate, profit factor, expectancy and extremes of closed trades (in exit order).

    A win is a trade with a positive net PnL; the win rate is a percentage of all closed trades.
    The max drawdown is the largest fall of the cumulative net PnL from a running peak (USD).
    """
    pnls = [t.pnl or 0.0 for t in trades]
    wins = [p for p in pnls if p > 0]
    losses = [p for p in pnls if p < 0]
    gross_win, gross_loss = sum(wins), -sum(losses)
    best = max(trades, key=lambda t: (t.pnl or 0.0, t.id), default=None)
    worst = min(trades, key=lambda t: (t.pnl or 0.0, t.id), default=None)
    return {
        **pnl_totals(trades),
        "wins": len(wins),
        "losses": len(losses),
        "win_rate": round(100 * len(wins) / len(pnls), 2) if pnls else None,
        "average_win": money(gross_win / len(wins)) if wins else None,
        "average_loss": money(-gross_loss / len(losses)) if losses else None,
        "profit_factor": round(gross_win / gross_loss, 2) if gross_loss else None,
        "expectancy": money(sum(pnls) / len(pnls)) if pnls else None,
        "largest_win": {"trade_id": best.id, "pnl": best.pnl} if best and wins else None,
        "largest_loss": {"trade_id": worst.id, "pnl": worst.pnl} if worst and losses else None,
        "max_drawdown": money(pnl_drawdown(pnls)),
    }


def pnl_drawdown(pnls: Iterable[float]) -> float:
    """The largest peak-to-trough fall of a cumulative PnL that starts at zero."""
    total = peak = deepest = 0.0
    for pnl in pnls:
        total += pnl
        peak = max(peak, total)
        deepest = max(deepest, peak - total)
    return deepest


def equity_window(
    points: Sequence[EquityPoint], starting_balance: float, start: dt.date, end: dt.date
) -> tuple[float, list[EquityPoint]]:
    """The equity at the close before ``start`` and the points from ``start`` to ``end``."""
    before = [p for p in points if p.date < start.isoformat()]
    inside = [p for p in points if start.isoformat() <= p.date <= end.isoformat()]
    return (before[-1].equity if before else starting_balance), inside


def drawdown(previous: float, points: Sequence[EquityPoint]) -> dict[str, Any]:
    """The largest fall of end-of-day equity from its running peak, the close before the
    window included, as a percentage of the peak and in USD, with its peak and trough dates."""
    peak, peak_date = previous, None
    worst: tuple[float, float, str | None, str | None] = (0.0, 0.0, None, None)
    for point in points:
        if point.equity > peak:
            peak, peak_date = point.equity, point.date
        fall = (peak - point.equity) / peak
        if fall > worst[0]:
            worst = (fall, peak - point.equity, peak_date, point.date)
    return {
        "max_drawdown_pct": round(100 * worst[0], 2),
        "max_drawdown_usd": money(worst[1]),
        "drawdown_peak_date": worst[2],
        "drawdown_trough_date": worst[3],
    }


def daily_returns(previous: float, points: Sequence[EquityPoint]) -> list[float]:
    """Each day's return on the previous close."""
    closes = [previous, *(p.equity for p in points)]
    return [closes[i] / closes[i - 1] - 1 for i in range(1, len(closes))]


def sharpe_ratio(returns: Sequence[float]) -> float | None:
    """Annualized Sharpe ratio of daily returns, risk-free rate zero."""
    if len(returns) < 2 or statistics.stdev(returns) == 0:
        return None
    return round(
        statistics.mean(returns) / statistics.stdev(returns) * math.sqrt(PERIODS_PER_YEAR), 2
    )


def annualized_volatility(returns: Sequence[float]) -> float | None:
    """Annualized volatility of daily returns, in percent."""
    if len(returns) < 2:
        return None
    return round(100 * statistics.stdev(returns) * math.sqrt(PERIODS_PER_YEAR), 2)


def direction(side: str) -> int:
    """+1 for a long, -1 for a short."""
    return 1 if side == "long" else -1


def mark(position: Position, quote: Quote) -> dict[str, Any]:
    """A position valued at the last price: market value and unrealized PnL before fees."""
    unrealized = (quote.last - position.entry_price) * position.quantity * direction(position.side)
    cost = position.entry_price * position.quantity
    return {
        "current_price": quote.last,
        "market_value": money(quote.last * position.quantity),
        "unrealized_pnl": money(unrealized),
        "unrealized_pnl_pct": round(100 * unrealized / cost, 2),
    }
