"""The journal API, simulated on the fixtures: one episode per simulator.

Each episode starts from the fixtures and keeps its own copy of everything a write can change
(trades, positions, alerts, journal entries); the records themselves are immutable and are
replaced, never edited, so episodes cannot see each other's writes. The clock stands still at
the reference time and nothing is random: the same calls give the same results.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Mapping
from typing import Any

import msgspec

from bench_core import Effect

from ._arguments import ApiError, check_arguments
from ._fixtures import Alert, Fixtures, JournalEntry, Position, Trade
from ._metrics import (
    annualized_volatility,
    daily_returns,
    direction,
    drawdown,
    entry_day,
    equity_window,
    mark,
    money,
    pnl_rows,
    pnl_totals,
    realized,
    sharpe_ratio,
    trade_stats,
)
from ._tools import TOOL_SCHEMAS

MAX_DAYS_BY_DAY = 92

Handler = Callable[[dict[str, Any]], Any]


def _error(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


class TradingSimulator:
    """One episode of the trading journal API.

    Args:
        fixtures: The journal's data at the reference time.
    """

    def __init__(self, fixtures: Fixtures) -> None:
        self._data = fixtures
        self._now = fixtures.account.as_of
        self._today = dt.date.fromisoformat(self._now[:10])
        self._trades: dict[str, Trade] = {t.id: t for t in fixtures.trades}
        self._positions: dict[str, Position] = {p.id: p for p in fixtures.positions}
        self._closed_positions: dict[str, tuple[Position, str]] = {}
        self._alerts: dict[str, Alert] = {a.id: a for a in fixtures.alerts}
        self._journal: list[JournalEntry] = list(fixtures.journal)
        self._next_trade = 1 + max(int(t.id.removeprefix("T-")) for t in fixtures.trades)
        self._next_alert = 1 + max(int(a.id.removeprefix("ALR-")) for a in fixtures.alerts)
        self._next_entry = 1 + max(int(j.id.removeprefix("J-")) for j in fixtures.journal)
        self._effects: list[Effect] = []
        self._handlers: dict[str, Handler] = {
            "list_trades": self._list_trades,
            "get_trade": self._get_trade,
            "search_trades": self._search_trades,
            "list_strategies": self._list_strategies,
            "get_strategy_stats": self._get_strategy_stats,
            "get_pnl": self._get_pnl,
            "get_risk_metrics": self._get_risk_metrics,
            "get_equity_curve": self._get_equity_curve,
            "get_open_positions": self._get_open_positions,
            "close_position": self._close_position,
            "add_journal_entry": self._add_journal_entry,
            "list_journal_entries": self._list_journal_entries,
            "create_price_alert": self._create_price_alert,
            "list_price_alerts": self._list_price_alerts,
            "delete_price_alert": self._delete_price_alert,
            "get_quote": self._get_quote,
        }

    def call(self, name: str, arguments: Mapping[str, Any] | None) -> Any:
        """Execute one tool call; a bad call returns ``{"error": {"code", "message"}}``."""
        handler = self._handlers.get(name) if isinstance(name, str) else None
        if handler is None:
            known = ", ".join(self._handlers)
            return _error("unknown_tool", f"unknown tool {name!r}; the tools are: {known}")
        if arguments is None:  # some providers send null for a call without arguments
            arguments = {}
        try:
            return handler(check_arguments(name, TOOL_SCHEMAS[name], arguments))
        except ApiError as exc:
            return _error(exc.code, exc.message)

    def effects(self) -> list[Effect]:
        """The changes this episode's successful writes made, in order."""
        return list(self._effects)

    def _did(self, action: str, target: str, **fields: Any) -> None:
        self._effects.append(Effect(action=action, target=target, fields=fields))

    # --- lookups of argument values ---------------------------------------------------------

    def _symbol(self, value: str) -> str:
        symbol = "".join(c for c in value.upper() if c.isalnum())
        if symbol in self._data.instrument_by_symbol:
            return symbol
        known = list(self._data.instrument_by_symbol)
        close = difflib.get_close_matches(symbol, known, n=1, cutoff=0.6)
        hint = f"; did you mean {close[0]!r}?" if close else f"; known symbols: {', '.join(known)}"
        raise ApiError(f"unknown symbol {value!r}{hint}")

    def _trade(self, value: str) -> Trade:
        trade = self._trades.get(value.strip().upper())
        if trade is None:
            ids = sorted(self._trades)
            raise ApiError(
                f"no trade with id {value!r}; trade ids run from {ids[0]} to {ids[-1]}",
                "not_found",
            )
        return trade

    def _window(
        self, args: dict[str, Any], first: dt.date | None = None, last: dt.date | None = None
    ) -> tuple[dt.date | None, dt.date | None]:
        start = args.get("start_date", first)
        end = args.get("end_date", last)
        if start is not None and end is not None and start > end:
            raise ApiError(f"start_date {start} is after end_date {end}")
        return start, end

    # --- trades -------------------------------------------------------------------------------

    def _row(self, trade: Trade) -> dict[str, Any]:
        return {
            "id": trade.id,
            "symbol": trade.symbol,
            "strategy": trade.strategy,
            "side": trade.side,
            "status": trade.status,
            "quantity": trade.quantity,
            "entry_time": trade.entry_time,
            "entry_price": trade.entry_price,
            "exit_time": trade.exit_time,
            "exit_price": trade.exit_price,
            "fees": trade.fees,
            "pnl": trade.pnl,
            "tags": list(trade.tags),
        }

    def _list_trades(self, args: dict[str, Any]) -> Any:
        start, end = self._window(args)
        symbol = self._symbol(args["symbol"]) if "symbol" in args else None
        tag = args.get("tag", "").strip().casefold()
        rows = [
            t
            for t in self._trades.values()
            if (symbol is None or t.symbol == symbol)
            and args.get("strategy", t.strategy) == t.strategy
            and args.get("status", t.status) == t.status
            and args.get("side", t.side) == t.side
            and (not tag or tag in (x.casefold() for x in t.tags))
            and (start is None or entry_day(t) >= start)
            and (end is None or entry_day(t) <= end)
        ]
        sort_by = args.get("sort_by", "entry_time")
        descending = args.get("sort_order", "desc") == "desc"
        rows.sort(key=lambda t: t.id, reverse=descending)  # ties keep id order
        present = [t for t in rows if getattr(t, sort_by) is not None]
        present.sort(key=lambda t: getattr(t, sort_by), reverse=descending)
        rows = present + [t for t in rows if getattr(t, sort_by) is None]
        limit, offset = args.get("limit", 50), args.get("offset", 0)
        page = rows[offset : offset + limit]
        return {
            "trades": [self._row(t) for t in page],
            "total": len(rows),
            "returned": len(page),
            "limit": limit,
            "offset": offset,
        }

    def _get_trade(self, args: dict[str, Any]) -> Any:
        trade = self._trade(args["trade_id"])
        instrument = self._data.instrument_by_symbol[trade.symbol]
        record = self._row(trade)
        cost = trade.entry_price * trade.quantity
        held = None
        if trade.exit_time is not None:
            opened = dt.datetime.fromisoformat(trade.entry_time)
            held = int((dt.datetime.fromisoformat(trade.exit_time) - opened).total_seconds() // 60)
        position = next((p.id for p in self._positions.values() if p.trade_id == trade.id), None)
        record.update(
            {
                "asset_class": instrument.asset_class,
                "currency": instrument.currency,
                "gross_pnl": trade.gross_pnl,
                "return_pct": (
                    round(100 * trade.gross_pnl / cost, 2) if trade.gross_pnl is not None else None
                ),
                "holding_minutes": held,
                "position_id": position,
                "notes": trade.notes,
                "journal_entry_ids": [j.id for j in self._journal if trade.id in j.trade_ids],
            }
        )
        return record

    def _search_trades(self, args: dict[str, Any]) -> Any:
        words = args["query"].casefold().split()
        found = [
            t
            for t in sorted(self._trades.values(), key=lambda t: (t.entry_time, t.id), reverse=True)
            if all(w in " ".join((t.notes or "", *t.tags)).casefold() for w in words)
        ]
        limit = args.get("limit", 20)
        return {
            "trades": [{**self._row(t), "notes": t.notes} for t in found[:limit]],
            "total": len(found),
            "returned": min(limit, len(found)),
        }

    # --- strategies, PnL, risk ----------------------------------------------------------------

    def _list_strategies(self, args: dict[str, Any]) -> Any:
        strategies = [msgspec.structs.asdict(s) for s in self._data.strategies]
        for strategy in strategies:
            strategy["universe"] = list(strategy["universe"])
        return {"strategies": strategies, "total": len(strategies)}

    def _get_strategy_stats(self, args: dict[str, Any]) -> Any:
        inception = dt.date.fromisoformat(self._data.account.inception_date)
        start, end = self._window(args, inception, self._today)
        trades = [t for t in self._trades.values() if t.strategy == args["strategy"]]
        open_positions = [p for p in self._positions.values() if p.strategy == args["strategy"]]
        return {
            "strategy": args["strategy"],
            "start_date": str(start),
            "end_date": str(end),
            "currency": "USD",
            **trade_stats(realized(trades, start, end)),
            "open_positions": len(open_positions),
        }

    def _get_pnl(self, args: dict[str, Any]) -> Any:
        inception = dt.date.fromisoformat(self._data.account.inception_date)
        start, end = self._window(args, inception, self._today)
        assert start is not None
        assert end is not None
        group_by = args["group_by"]
        if group_by == "day" and (end - start).days + 1 > MAX_DAYS_BY_DAY:
            raise ApiError(
                f"group_by 'day' covers at most {MAX_DAYS_BY_DAY} days; {start} to {end} is "
                f"{(end - start).days + 1} days: narrow the dates or group by week or month"
            )
        symbol = self._symbol(args["symbol"]) if "symbol" in args else None
        trades = [
            t
            for t in realized(self._trades.values(), start, end)
            if (symbol is None or t.symbol == symbol)
            and args.get("strategy", t.strategy) == t.strategy
        ]
        return {
            "group_by": group_by,
            "start_date": str(start),
            "end_date": str(end),
            "currency": "USD",
            "rows": pnl_rows(trades, group_by),
            "total": pnl_totals(trades),
        }

    def _equity_period(self, args: dict[str, Any]) -> tuple[dt.date, dt.date, float, list[Any]]:
        curve = self._data.equity_curve
        first = dt.date.fromisoformat(curve.points[0].date)
        last = dt.date.fromisoformat(curve.points[-1].date)
        start, end = self._window(args, first, last)
        assert start is not None
        assert end is not None
        start, end = max(start, first), min(end, last)
        previous, points = equity_window(curve.points, curve.starting_balance, start, end)
        if not points:
            raise ApiError(f"no equity data between the dates; the curve runs {first} to {last}")
        return start, end, previous, points

    def _get_risk_metrics(self, args: dict[str, Any]) -> Any:
        start, end, previous, points = self._equity_period(args)
        returns = daily_returns(previous, points)
        stats = trade_stats(realized(self._trades.values(), start, end))
        ending = points[-1].equity
        return {
            "start_date": str(start),
            "end_date": str(end),
            "currency": "USD",
            "starting_equity": previous,
            "ending_equity": ending,
            "net_pnl": money(ending - previous),
            "return_pct": round(100 * (ending / previous - 1), 2),
            **drawdown(previous, points),
            "sharpe_ratio": sharpe_ratio(returns),
            "annualized_volatility_pct": annualized_volatility(returns),
            "closed_trades": stats["trades"],
            "win_rate": stats["win_rate"],
            "profit_factor": stats["profit_factor"],
            "exposure": self._exposure(ending),
        }

    def _exposure(self, equity: float) -> dict[str, Any]:
        long = short = 0.0
        for position in self._positions.values():
            value = self._data.quote_by_symbol[position.symbol].last * position.quantity
            if position.side == "long":
                long += value
            else:
                short += value
        return {
            "as_of": self._now,
            "long": money(long),
            "short": money(short),
            "gross": money(long + short),
            "net": money(long - short),
            "gross_pct_of_equity": round(100 * (long + short) / equity, 2),
        }

    def _get_equity_curve(self, args: dict[str, Any]) -> Any:
        start, end, previous, points = self._equity_period(args)
        interval = args.get("interval", "day")
        periods: dict[str, list[dict[str, Any]]] = {}
        peak = previous
        for point in points:
            peak = max(peak, point.equity)
            day = dt.date.fromisoformat(point.date)
            key = point.date
            if interval == "week":
                key = "{}-W{:02d}".format(*day.isocalendar()[:2])
            elif interval == "month":
                key = point.date[:7]
            periods.setdefault(key, []).append(
                {
                    "date": point.date,
                    "equity": point.equity,
                    "pnl": point.pnl,
                    "drawdown_pct": round(100 * (peak - point.equity) / peak, 2),
                }
            )
        rows = []
        for key, days in periods.items():
            # A week or a month is shown by its last close and the PnL of all its days.
            row = {**days[-1], "pnl": money(sum(d["pnl"] for d in days))}
            rows.append(row if interval == "day" else {"period": key, **row})
        return {
            "start_date": str(start),
            "end_date": str(end),
            "interval": interval,
            "currency": "USD",
            "starting_equity": previous,
            "points": rows,
        }

    # --- positions ----------------------------------------------------------------------------

    def _position_row(self, position: Position) -> dict[str, Any]:
        quote = self._data.quote_by_symbol[position.symbol]
        return {
            "id": position.id,
            "trade_id": position.trade_id,
            "symbol": position.symbol,
            "strategy": position.strategy,
            "side": position.side,
            "quantity": position.quantity,
            "entry_price": position.entry_price,
            "opened_at": position.opened_at,
            **mark(position, quote),
        }

    def _get_open_positions(self, args: dict[str, Any]) -> Any:
        symbol = self._symbol(args["symbol"]) if "symbol" in args else None
        instruments = self._data.instrument_by_symbol
        rows = [
            self._position_row(p)
            for p in sorted(self._positions.values(), key=lambda p: p.id)
            if (symbol is None or p.symbol == symbol)
            and args.get("strategy", p.strategy) == p.strategy
            and args.get("asset_class", instruments[p.symbol].asset_class)
            == instruments[p.symbol].asset_class
        ]
        return {
            "positions": rows,
            "total": len(rows),
            "unrealized_pnl": money(sum(r["unrealized_pnl"] for r in rows)),
            "as_of": self._now,
            "currency": "USD",
        }

    def _close_position(self, args: dict[str, Any]) -> Any:
        position_id = args["position_id"].strip().upper()
        if position_id in self._closed_positions:
            earlier, when = self._closed_positions[position_id]
            raise ApiError(
                f"position {position_id} ({earlier.symbol}) was already closed at {when}",
                "conflict",
            )
        position = self._positions.get(position_id)
        if position is None:
            open_ids = ", ".join(sorted(self._positions)) or "none"
            raise ApiError(
                f"no open position with id {args['position_id']!r}; open positions: {open_ids}",
                "not_found",
            )
        instrument = self._data.instrument_by_symbol[position.symbol]
        quantity = float(args.get("quantity", position.quantity))
        if quantity > position.quantity:
            raise ApiError(f"quantity {quantity} is more than the position's {position.quantity}")
        steps = quantity / instrument.quantity_step
        if abs(steps - round(steps)) > 1e-6:
            raise ApiError(
                f"quantity must be a multiple of {instrument.quantity_step} for {position.symbol}"
            )
        quote = self._data.quote_by_symbol[position.symbol]
        price = quote.bid if position.side == "long" else quote.ask
        trade = self._trades[position.trade_id]
        remaining = round(position.quantity - quantity, 6)
        # The closed part carries its share of the entry commission.
        entry_fee = trade.fees * quantity / position.quantity
        fees = money(entry_fee + instrument.commission(quantity, price))
        gross = money((price - position.entry_price) * quantity * direction(position.side))
        closed = msgspec.structs.replace(
            trade,
            status="closed",
            quantity=quantity,
            exit_time=self._now,
            exit_price=price,
            fees=fees,
            gross_pnl=gross,
            pnl=money(gross - fees),
        )
        if remaining > 0:
            closed = msgspec.structs.replace(closed, id=f"T-{self._next_trade}")
            self._next_trade += 1
            self._trades[trade.id] = msgspec.structs.replace(
                trade, quantity=remaining, fees=money(trade.fees - entry_fee)
            )
            self._positions[position.id] = msgspec.structs.replace(position, quantity=remaining)
        else:
            del self._positions[position.id]
            self._closed_positions[position.id] = (position, self._now)
        self._trades[closed.id] = closed
        self._did(
            "close_position",
            position.id,
            symbol=position.symbol,
            quantity=quantity,
            remaining_quantity=remaining,
        )
        return {
            "position_id": position.id,
            "trade_id": closed.id,
            "symbol": position.symbol,
            "side": position.side,
            "status": "open" if remaining > 0 else "closed",
            "closed_quantity": quantity,
            "remaining_quantity": remaining,
            "exit_price": price,
            "fees": fees,
            "realized_pnl": closed.pnl,
            "closed_at": self._now,
        }

    # --- journal ------------------------------------------------------------------------------

    def _entry_row(self, entry: JournalEntry) -> dict[str, Any]:
        row = msgspec.structs.asdict(entry)
        row["tags"], row["trade_ids"] = list(entry.tags), list(entry.trade_ids)
        return row

    def _add_journal_entry(self, args: dict[str, Any]) -> Any:
        day = args.get("entry_date", self._today)
        if day > self._today:
            raise ApiError(f"entry_date {day} is in the future; today is {self._today}")
        trade_ids = [self._trade(t).id for t in args.get("trade_ids", [])]
        body = args["body"].strip()
        title = args.get("title", "").strip() or (body if len(body) <= 60 else body[:59] + "…")
        entry = JournalEntry(
            id=f"J-{self._next_entry:04d}",
            date=day.isoformat(),
            title=title,
            body=body,
            tags=tuple(dict.fromkeys(t.strip().lower() for t in args.get("tags", []))),
            trade_ids=tuple(dict.fromkeys(trade_ids)),
        )
        self._next_entry += 1
        self._journal.append(entry)
        self._did(
            "add_journal_entry",
            entry.id,
            date=entry.date,
            title=entry.title,
            body=entry.body,
            tags=list(entry.tags),
            trade_ids=list(entry.trade_ids),
        )
        return {"created": True, "entry": self._entry_row(entry)}

    def _list_journal_entries(self, args: dict[str, Any]) -> Any:
        start, end = self._window(args)
        tag = args.get("tag", "").strip().lower()
        found = [
            e
            for e in sorted(self._journal, key=lambda e: (e.date, e.id), reverse=True)
            if (start is None or e.date >= start.isoformat())
            and (end is None or e.date <= end.isoformat())
            and (not tag or tag in e.tags)
        ]
        limit = args.get("limit", 20)
        return {
            "entries": [self._entry_row(e) for e in found[:limit]],
            "total": len(found),
            "returned": min(limit, len(found)),
        }

    # --- alerts and quotes --------------------------------------------------------------------

    def _alert_row(self, alert: Alert) -> dict[str, Any]:
        return msgspec.structs.asdict(alert)

    def _create_price_alert(self, args: dict[str, Any]) -> Any:
        symbol = self._symbol(args["symbol"])
        condition, price = args["condition"], float(args["price"])
        last = self._data.quote_by_symbol[symbol].last
        if (condition == "above" and price <= last) or (condition == "below" and price >= last):
            raise ApiError(
                f"{symbol} last traded at {last}: an alert with condition {condition!r} must be "
                f"set {condition} the last price, got {price}"
            )
        for alert in self._alerts.values():
            same = (alert.symbol, alert.condition, alert.price) == (symbol, condition, price)
            if same and alert.status == "active":
                raise ApiError(f"an identical active alert already exists: {alert.id}", "conflict")
        alert = Alert(
            id=f"ALR-{self._next_alert:04d}",
            symbol=symbol,
            condition=condition,
            price=price,
            status="active",
            created_at=self._now,
            triggered_at=None,
            note=args.get("note"),
        )
        self._next_alert += 1
        self._alerts[alert.id] = alert
        self._did("create_price_alert", symbol, condition=condition, price=price, alert_id=alert.id)
        return {"created": True, "alert": self._alert_row(alert), "last_price": last}

    def _list_price_alerts(self, args: dict[str, Any]) -> Any:
        symbol = self._symbol(args["symbol"]) if "symbol" in args else None
        status = args.get("status", "active")
        found = [
            self._alert_row(a)
            for a in sorted(self._alerts.values(), key=lambda a: a.id)
            if (symbol is None or a.symbol == symbol) and status in ("all", a.status)
        ]
        return {"alerts": found, "total": len(found)}

    def _delete_price_alert(self, args: dict[str, Any]) -> Any:
        alert = self._alerts.pop(args["alert_id"].strip().upper(), None)
        if alert is None:
            raise ApiError(f"no price alert with id {args['alert_id']!r}", "not_found")
        self._did("delete_price_alert", alert.id, symbol=alert.symbol)
        return {"deleted": True, "alert": self._alert_row(alert)}

    def _get_quote(self, args: dict[str, Any]) -> Any:
        symbol = self._symbol(args["symbol"])
        quote = self._data.quote_by_symbol[symbol]
        instrument = self._data.instrument_by_symbol[symbol]
        decimals = len(f"{instrument.tick_size:.10f}".rstrip("0").split(".")[1])
        return {
            "symbol": symbol,
            "name": instrument.name,
            "asset_class": instrument.asset_class,
            "currency": instrument.currency,
            "bid": quote.bid,
            "ask": quote.ask,
            "last": quote.last,
            "prev_close": quote.prev_close,
            "change": round(quote.last - quote.prev_close, decimals),
            "change_pct": round(100 * (quote.last / quote.prev_close - 1), 2),
            "as_of": quote.as_of,
        }
