"""The fixtures are big enough, messy in the right places, and every derived figure follows
from the trades: recomputed here with code of its own, not the package's."""

import datetime as dt
import math
import statistics
from collections import Counter
from importlib import resources

from bench_domain_trading._fixtures import Fixtures, Trade
from bench_domain_trading._generate import generate, serialize

REFERENCE = dt.date(2026, 4, 15)


def test_the_journal_has_the_instruments_strategies_and_trades_the_standard_asks_for(
    data: Fixtures,
) -> None:
    classes = Counter(i.asset_class for i in data.instruments)
    assert len(data.instruments) >= 12
    assert min(classes["stock"], classes["crypto"], classes["fx"]) >= 3
    assert {s.id for s in data.strategies} == {
        "momentum", "mean_reversion", "breakout", "swing", "scalping", "pairs",
    }  # fmt: skip
    assert len(data.trades) >= 500
    first = min(t.entry_time for t in data.trades)
    last = max(max(t.entry_time, t.exit_time or "") for t in data.trades)
    months = (dt.date.fromisoformat(last[:10]) - dt.date.fromisoformat(first[:10])).days / 30.4
    assert months >= 12
    assert dt.date.fromisoformat(last[:10]) < REFERENCE
    assert {t.strategy for t in data.trades} == {s.id for s in data.strategies}
    assert {t.symbol for t in data.trades} == {i.symbol for i in data.instruments}


def test_exactly_one_trade_is_cancelled_some_are_open_and_a_few_lack_notes(data: Fixtures) -> None:
    statuses = Counter(t.status for t in data.trades)
    assert statuses["cancelled"] == 1
    assert 3 <= statuses["open"] <= 15
    assert 3 <= sum(t.notes is None for t in data.trades) <= 15
    cancelled = next(t for t in data.trades if t.status == "cancelled")
    assert (cancelled.exit_time, cancelled.pnl, cancelled.fees) == (None, None, 0.0)


def test_trade_ids_are_unique_and_follow_the_entry_time(data: Fixtures) -> None:
    ids = [t.id for t in data.trades]
    assert len(set(ids)) == len(ids)
    ordered = sorted(data.trades, key=lambda t: int(t.id[2:]))
    assert [t.entry_time for t in ordered] == sorted(t.entry_time for t in data.trades)


def _fee(data: Fixtures, trade: Trade, price: float) -> float:
    instrument = next(i for i in data.instruments if i.symbol == trade.symbol)
    per_fill = (
        instrument.fee_per_unit * trade.quantity + instrument.fee_rate * trade.quantity * price
    )
    return max(instrument.fee_minimum, per_fill)


def test_fees_and_pnl_of_every_trade_follow_from_its_prices(data: Fixtures) -> None:
    for trade in data.trades:
        if trade.status == "closed":
            assert trade.exit_price is not None
            assert trade.exit_time is not None
            assert trade.exit_time > trade.entry_time
            fees = _fee(data, trade, trade.entry_price) + _fee(data, trade, trade.exit_price)
            sign = 1 if trade.side == "long" else -1
            gross = (trade.exit_price - trade.entry_price) * trade.quantity * sign
            assert trade.fees == round(fees, 2), trade.id
            assert trade.gross_pnl == round(gross, 2), trade.id
            assert trade.pnl == round(round(gross, 2) - round(fees, 2), 2), trade.id
        elif trade.status == "open":
            assert trade.fees == round(_fee(data, trade, trade.entry_price), 2)
            assert (trade.exit_price, trade.pnl) == (None, None)


def test_prices_sit_on_the_instruments_tick_and_within_a_realistic_range(data: Fixtures) -> None:
    ranges = {"AAPL": (150, 350), "BTCUSD": (50_000, 160_000), "EURUSD": (0.95, 1.25)}
    for trade in data.trades:
        instrument = next(i for i in data.instruments if i.symbol == trade.symbol)
        for price in (trade.entry_price, trade.exit_price):
            if price is None:
                continue
            ticks = price / instrument.tick_size
            assert abs(ticks - round(ticks)) < 1e-6, (trade.id, price)
            if trade.symbol in ranges:
                low, high = ranges[trade.symbol]
                assert low <= price <= high, (trade.id, price)


def test_pnl_is_fat_tailed(data: Fixtures) -> None:
    pnls = [t.pnl for t in data.trades if t.pnl is not None]
    mean, sd = statistics.mean(pnls), statistics.stdev(pnls)
    kurtosis = statistics.mean(((p - mean) / sd) ** 4 for p in pnls)
    assert kurtosis > 4  # a normal distribution has 3


def test_open_positions_are_exactly_the_open_trades(data: Fixtures) -> None:
    open_trades = {t.id: t for t in data.trades if t.status == "open"}
    assert {p.trade_id for p in data.positions} == set(open_trades)
    for position in data.positions:
        trade = open_trades[position.trade_id]
        assert (position.symbol, position.strategy, position.side) == (
            trade.symbol, trade.strategy, trade.side,
        )  # fmt: skip
        assert (position.quantity, position.entry_price, position.opened_at) == (
            trade.quantity, trade.entry_price, trade.entry_time,
        )  # fmt: skip


def test_the_equity_curve_is_the_starting_balance_plus_the_closed_trades_pnl(
    data: Fixtures,
) -> None:
    curve = data.equity_curve
    by_day: dict[str, list[float]] = {}
    for trade in data.trades:
        if trade.status == "closed" and trade.exit_time and trade.pnl is not None:
            by_day.setdefault(trade.exit_time[:10], []).append(trade.pnl)
    day = dt.date.fromisoformat(curve.points[0].date)
    equity = curve.starting_balance
    for point in curve.points:
        assert point.date == day.isoformat()
        pnls = by_day.pop(point.date, [])
        equity = round(equity + round(sum(pnls), 2), 2)
        assert point.pnl == round(sum(pnls), 2)
        assert point.trades_closed == len(pnls)
        assert point.equity == equity
        day += dt.timedelta(days=1)
    assert not by_day, "trades closed outside the curve"
    assert curve.points[-1].date == (REFERENCE - dt.timedelta(days=1)).isoformat()
    total = sum(t.pnl for t in data.trades if t.pnl is not None)
    assert math.isclose(curve.points[-1].equity, curve.starting_balance + total, abs_tol=0.05)


def test_alert_states_follow_the_prices_and_active_alerts_are_not_yet_crossed(
    data: Fixtures,
) -> None:
    for alert in data.alerts:
        last = data.quote_by_symbol[alert.symbol].last
        assert (alert.status == "triggered") == (alert.triggered_at is not None)
        if alert.status == "active":
            assert (last < alert.price) if alert.condition == "above" else (last > alert.price)


def test_journal_entries_link_existing_trades_and_reviews_agree_with_the_trades(
    data: Fixtures,
) -> None:
    trades = {t.id: t for t in data.trades}
    assert len(data.journal) >= 40
    for entry in data.journal:
        assert all(tid in trades for tid in entry.trade_ids)
        assert entry.date < REFERENCE.isoformat()
        if "weekly-review" in entry.tags:
            for tid in entry.trade_ids:
                assert tid in entry.body
                assert f"{abs(trades[tid].pnl or 0):,.2f}" in entry.body


def test_the_generator_reproduces_the_committed_files_byte_for_byte() -> None:
    files = generate()
    folder = resources.files("bench_domain_trading").joinpath("data")
    for name, content in files.items():
        assert folder.joinpath(name).read_text(encoding="utf-8") == serialize(content), name
    assert sorted(files) == sorted(p.name for p in folder.iterdir() if p.name.endswith(".json"))
