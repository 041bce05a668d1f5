"""The simulated journal API: filters, sorting, limits, writes per episode, structured errors."""

import datetime as dt
import json
import math
import statistics
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench_domain_trading import TradingDomain, TradingSimulator
from bench_domain_trading._fixtures import Fixtures
from bench_domain_trading._tools import TOOLS


def ok(result: Any) -> dict[str, Any]:
    """The result of a call that must succeed."""
    assert isinstance(result, dict)
    assert "error" not in result, result
    return result


def error_of(result: Any) -> tuple[str, str]:
    """The code and message of a call that must fail."""
    assert isinstance(result, dict)
    assert set(result) == {"error"}, result
    return result["error"]["code"], result["error"]["message"]


# --- trades --------------------------------------------------------------------------------


def test_list_trades_filters_by_every_field(episode: TradingSimulator, data: Fixtures) -> None:
    rows = ok(
        episode.call(
            "list_trades",
            {
                "symbol": "eth/usd",
                "strategy": "scalping",
                "side": "long",
                "status": "closed",
                "start_date": "2025-10-01",
                "end_date": "2025-12-31",
                "limit": 200,
            },
        )
    )
    expected = [
        t
        for t in data.trades
        if (t.symbol, t.strategy, t.side, t.status) == ("ETHUSD", "scalping", "long", "closed")
        and "2025-10-01" <= t.entry_time[:10] <= "2025-12-31"
    ]
    assert rows["total"] == len(expected) > 0
    assert {r["id"] for r in rows["trades"]} == {t.id for t in expected}


def test_list_trades_filters_by_tag(episode: TradingSimulator, data: Fixtures) -> None:
    rows = ok(episode.call("list_trades", {"tag": "broke-rules"}))
    assert {r["id"] for r in rows["trades"]} == {
        t.id for t in data.trades if "broke-rules" in t.tags
    }


def test_list_trades_defaults_to_the_newest_50(episode: TradingSimulator, data: Fixtures) -> None:
    rows = ok(episode.call("list_trades", {}))
    newest = sorted(data.trades, key=lambda t: (t.entry_time, t.id), reverse=True)[:50]
    assert [r["id"] for r in rows["trades"]] == [t.id for t in newest]
    assert (rows["total"], rows["returned"], rows["limit"], rows["offset"]) == (
        len(data.trades), 50, 50, 0,
    )  # fmt: skip
    assert "notes" not in rows["trades"][0]


def test_list_trades_sorts_by_pnl_with_unpriced_trades_last(episode: TradingSimulator) -> None:
    ascending = ok(
        episode.call(
            "list_trades", {"sort_by": "pnl", "sort_order": "asc", "limit": 200, "offset": 400}
        )
    )
    pnls = [r["pnl"] for r in ascending["trades"]]
    priced = [p for p in pnls if p is not None]
    assert priced == sorted(priced)
    assert pnls[len(priced) :] == [None] * (len(pnls) - len(priced))
    assert len(priced) < len(pnls)  # the open and cancelled trades come last
    descending = ok(episode.call("list_trades", {"sort_by": "pnl", "limit": 3}))
    top = [r["pnl"] for r in descending["trades"]]
    assert top == sorted(top, reverse=True)


def test_list_trades_pages_with_offset(episode: TradingSimulator) -> None:
    first = ok(episode.call("list_trades", {"limit": 7}))
    second = ok(episode.call("list_trades", {"limit": 7, "offset": 7}))
    both = ok(episode.call("list_trades", {"limit": 14}))
    assert [r["id"] for r in first["trades"] + second["trades"]] == [
        r["id"] for r in both["trades"]
    ]


def test_get_trade_returns_the_full_record_with_notes_and_links(
    episode: TradingSimulator, data: Fixtures
) -> None:
    trade = next(t for t in data.trades if "fat-finger" in t.tags)
    record = ok(episode.call("get_trade", {"trade_id": trade.id.lower()}))
    assert record["id"] == trade.id
    assert record["notes"] == trade.notes
    assert record["gross_pnl"] == trade.gross_pnl
    assert record["holding_minutes"] == 24
    assert record["journal_entry_ids"]  # the post-mortem links it
    open_trade = next(t for t in data.trades if t.status == "open")
    assert ok(episode.call("get_trade", {"trade_id": open_trade.id}))["position_id"].startswith(
        "POS-"
    )


def test_search_trades_needs_every_word(episode: TradingSimulator) -> None:
    found = ok(episode.call("search_trades", {"query": "FAT finger"}))
    assert [r["tags"] for r in found["trades"]] == [["fat-finger", "broke-rules"]]
    assert ok(episode.call("search_trades", {"query": "fat unicorn"}))["total"] == 0


# --- strategies, PnL, risk: recomputed from the trades --------------------------------------


def _closed(data: Fixtures, start: str, end: str) -> list[Any]:
    return [
        t
        for t in data.trades
        if t.status == "closed" and t.exit_time and start <= t.exit_time[:10] <= end
    ]


def test_pnl_by_strategy_and_its_total_add_up_the_closed_trades(
    episode: TradingSimulator, data: Fixtures
) -> None:
    report = ok(
        episode.call(
            "get_pnl",
            {"group_by": "strategy", "start_date": "2026-01-01", "end_date": "2026-03-31"},
        )
    )
    trades = _closed(data, "2026-01-01", "2026-03-31")
    for row in report["rows"]:
        mine = [t for t in trades if t.strategy == row["group"]]
        assert row["trades"] == len(mine)
        assert math.isclose(row["net_pnl"], sum(t.pnl for t in mine), abs_tol=0.01)
    assert math.isclose(report["total"]["net_pnl"], sum(t.pnl for t in trades), abs_tol=0.01)
    assert [r["group"] for r in report["rows"]] == sorted(r["group"] for r in report["rows"])


def test_pnl_groups_by_iso_week_and_month(episode: TradingSimulator) -> None:
    weeks = ok(
        episode.call(
            "get_pnl", {"group_by": "week", "start_date": "2026-03-02", "end_date": "2026-03-15"}
        )
    )
    assert [r["group"] for r in weeks["rows"]] == ["2026-W10", "2026-W11"]
    months = ok(episode.call("get_pnl", {"group_by": "month", "symbol": "BTCUSD"}))
    assert months["rows"][0]["group"] == "2025-04"
    assert math.isclose(
        sum(r["net_pnl"] for r in months["rows"]), months["total"]["net_pnl"], abs_tol=0.05
    )


def test_pnl_by_day_is_limited_to_92_days(episode: TradingSimulator) -> None:
    code, message = error_of(episode.call("get_pnl", {"group_by": "day"}))
    assert code == "invalid_argument"
    assert "92 days" in message
    ok(
        episode.call(
            "get_pnl", {"group_by": "day", "start_date": "2026-01-01", "end_date": "2026-04-02"}
        )
    )


def test_strategy_stats_follow_from_the_strategys_trades(
    episode: TradingSimulator, data: Fixtures
) -> None:
    stats = ok(
        episode.call(
            "get_strategy_stats",
            {"strategy": "breakout", "start_date": "2025-01-01", "end_date": "2025-12-31"},
        )
    )
    trades = sorted(
        (t for t in _closed(data, "2025-01-01", "2025-12-31") if t.strategy == "breakout"),
        key=lambda t: (t.exit_time, t.id),
    )
    wins = [t.pnl for t in trades if t.pnl > 0]
    losses = [t.pnl for t in trades if t.pnl < 0]
    assert stats["trades"] == len(trades)
    assert stats["win_rate"] == round(100 * len(wins) / len(trades), 2)
    assert stats["profit_factor"] == round(sum(wins) / -sum(losses), 2)
    assert math.isclose(stats["net_pnl"], sum(t.pnl for t in trades), abs_tol=0.01)
    assert stats["largest_loss"]["pnl"] == min(losses)
    running = peak = deepest = 0.0
    for trade in trades:
        running += trade.pnl
        peak = max(peak, running)
        deepest = max(deepest, peak - running)
    assert math.isclose(stats["max_drawdown"], deepest, abs_tol=0.01)
    open_count = sum(p.strategy == "breakout" for p in data.positions)
    assert stats["open_positions"] == open_count


@pytest.mark.parametrize(("start", "end"), [("2026-01-01", "2026-03-31"), (None, None)])
def test_risk_metrics_follow_from_the_equity_curve(
    episode: TradingSimulator, data: Fixtures, start: str | None, end: str | None
) -> None:
    arguments = {"start_date": start, "end_date": end} if start else {}
    risk = ok(episode.call("get_risk_metrics", arguments))
    points = data.equity_curve.points
    first = start or points[0].date
    last = end or points[-1].date
    inside = [p for p in points if first <= p.date <= last]
    before = [p.equity for p in points if p.date < first] or [data.equity_curve.starting_balance]
    closes = [before[-1], *(p.equity for p in inside)]
    returns = [closes[i] / closes[i - 1] - 1 for i in range(1, len(closes))]
    sharpe = statistics.mean(returns) / statistics.stdev(returns) * math.sqrt(365)
    peak, deepest = closes[0], 0.0
    for close in closes:
        peak = max(peak, close)
        deepest = max(deepest, (peak - close) / peak)
    assert risk["sharpe_ratio"] == round(sharpe, 2)
    assert risk["max_drawdown_pct"] == round(100 * deepest, 2)
    assert risk["starting_equity"] == closes[0]
    assert risk["ending_equity"] == closes[-1]
    trades = _closed(data, first, last)
    assert risk["win_rate"] == round(100 * sum(t.pnl > 0 for t in trades) / len(trades), 2)
    assert risk["exposure"]["gross"] == round(
        sum(p.quantity * data.quote_by_symbol[p.symbol].last for p in data.positions), 2
    )


def test_risk_metrics_end_at_yesterdays_close(episode: TradingSimulator) -> None:
    risk = ok(
        episode.call("get_risk_metrics", {"start_date": "2026-04-01", "end_date": "2026-04-15"})
    )
    assert risk["end_date"] == "2026-04-14"


def test_equity_curve_by_month_shows_month_end_closes(
    episode: TradingSimulator, data: Fixtures
) -> None:
    curve = ok(episode.call("get_equity_curve", {"interval": "month", "end_date": "2025-12-31"}))
    closes = {p.date: p.equity for p in data.equity_curve.points}
    assert [p["date"] for p in curve["points"]][:2] == ["2025-04-30", "2025-05-31"]
    assert all(p["equity"] == closes[p["date"]] for p in curve["points"])
    april = sum(p.pnl for p in data.equity_curve.points if p.date.startswith("2025-04"))
    assert math.isclose(curve["points"][0]["pnl"], april, abs_tol=0.01)


# --- positions ----------------------------------------------------------------------------


def test_open_positions_are_marked_at_the_last_price(
    episode: TradingSimulator, data: Fixtures
) -> None:
    rows = ok(episode.call("get_open_positions", {}))
    assert rows["total"] == len(data.positions)
    for row in rows["positions"]:
        last = data.quote_by_symbol[row["symbol"]].last
        sign = 1 if row["side"] == "long" else -1
        expected = (last - row["entry_price"]) * row["quantity"] * sign
        assert row["unrealized_pnl"] == round(expected, 2)
    crypto = ok(episode.call("get_open_positions", {"asset_class": "crypto"}))
    assert {r["symbol"] for r in crypto["positions"]} <= {"BTCUSD", "ETHUSD", "SOLUSD"}
    assert ok(episode.call("get_open_positions", {"strategy": "scalping"}))["total"] == 0


def test_closing_a_position_books_the_exit_and_a_second_close_conflicts(
    episode: TradingSimulator, data: Fixtures
) -> None:
    position = next(p for p in data.positions if p.side == "long")
    quote = data.quote_by_symbol[position.symbol]
    fill = ok(episode.call("close_position", {"position_id": position.id}))
    assert fill["exit_price"] == quote.bid
    assert fill["remaining_quantity"] == 0
    trade = ok(episode.call("get_trade", {"trade_id": position.trade_id}))
    assert (trade["status"], trade["exit_price"], trade["pnl"]) == (
        "closed", quote.bid, fill["realized_pnl"],
    )  # fmt: skip
    assert trade["pnl"] == round(trade["gross_pnl"] - trade["fees"], 2)
    today = ok(episode.call("get_pnl", {"group_by": "day", "start_date": "2026-04-15"}))
    assert today["total"]["net_pnl"] == fill["realized_pnl"]
    remaining = ok(episode.call("get_open_positions", {}))["positions"]
    assert position.id not in {r["id"] for r in remaining}
    code, message = error_of(episode.call("close_position", {"position_id": position.id}))
    assert code == "conflict"
    assert "already closed" in message


def test_a_partial_close_books_a_new_trade_and_keeps_the_rest_open(
    episode: TradingSimulator, data: Fixtures
) -> None:
    position = next(p for p in data.positions if p.symbol == "MSFT")
    fill = ok(episode.call("close_position", {"position_id": position.id, "quantity": 35}))
    assert (fill["closed_quantity"], fill["remaining_quantity"]) == (35, position.quantity - 35)
    assert fill["trade_id"] != position.trade_id
    left = ok(episode.call("get_open_positions", {"symbol": "MSFT"}))["positions"]
    assert left[0]["quantity"] == position.quantity - 35
    code, _ = error_of(
        episode.call("close_position", {"position_id": position.id, "quantity": 1000})
    )
    assert code == "invalid_argument"
    code, message = error_of(
        episode.call("close_position", {"position_id": position.id, "quantity": 0.5})
    )
    assert code == "invalid_argument"
    assert "multiple" in message


# --- journal, alerts, quotes ---------------------------------------------------------------


def test_journal_entries_are_stored_and_listed_newest_first(episode: TradingSimulator) -> None:
    made = ok(
        episode.call(
            "add_journal_entry",
            {
                "body": "Sized down.",
                "tags": ["Risk"],
                "trade_ids": ["t-10001"],
                "entry_date": "2026-04-14",
            },
        )
    )["entry"]
    assert (made["tags"], made["trade_ids"], made["date"]) == (["risk"], ["T-10001"], "2026-04-14")
    listed = ok(episode.call("list_journal_entries", {"tag": "risk", "limit": 1}))
    assert listed["entries"][0]["id"] == made["id"]
    code, _ = error_of(episode.call("add_journal_entry", {"body": "x", "entry_date": "2026-04-16"}))
    assert code == "invalid_argument"
    code, message = error_of(
        episode.call("add_journal_entry", {"body": "x", "trade_ids": ["T-99999"]})
    )
    assert code == "not_found"
    assert "T-99999" in message


def test_alerts_are_created_listed_and_deleted(episode: TradingSimulator) -> None:
    created = ok(
        episode.call(
            "create_price_alert", {"symbol": "sol-usd", "condition": "below", "price": 150}
        )
    )["alert"]
    assert (created["symbol"], created["status"]) == ("SOLUSD", "active")
    listed = ok(episode.call("list_price_alerts", {"symbol": "SOLUSD"}))["alerts"]
    assert [a["id"] for a in listed] == [created["id"]]
    code, _ = error_of(
        episode.call("create_price_alert", {"symbol": "SOLUSD", "condition": "below", "price": 150})
    )
    assert code == "conflict"
    ok(episode.call("delete_price_alert", {"alert_id": created["id"]}))
    code, _ = error_of(episode.call("delete_price_alert", {"alert_id": created["id"]}))
    assert code == "not_found"
    triggered = ok(episode.call("list_price_alerts", {"status": "triggered"}))["alerts"]
    assert triggered
    assert all(a["triggered_at"] for a in triggered)


def test_an_alert_on_the_wrong_side_of_the_price_is_refused(episode: TradingSimulator) -> None:
    code, message = error_of(
        episode.call(
            "create_price_alert", {"symbol": "BTCUSD", "condition": "above", "price": 80000}
        )
    )
    assert code == "invalid_argument"
    assert "above the last price" in message


def test_a_quote_reports_the_change_since_the_previous_close(
    episode: TradingSimulator, data: Fixtures
) -> None:
    quote = ok(episode.call("get_quote", {"symbol": "eurusd"}))
    stored = data.quote_by_symbol["EURUSD"]
    assert quote["bid"] < quote["last"] < quote["ask"]
    assert quote["change"] == round(stored.last - stored.prev_close, 5)
    assert quote["change_pct"] == round(100 * (stored.last / stored.prev_close - 1), 2)


# --- errors --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "arguments", "code", "words"),
    [
        ("get_trades", {}, "unknown_tool", "unknown tool 'get_trades'"),
        ("get_quote", {}, "invalid_argument", "missing required argument 'symbol'"),
        ("get_quote", {"symbol": "APPL"}, "invalid_argument", "did you mean 'AAPL'?"),
        ("get_quote", {"symbol": "BTC"}, "invalid_argument", "did you mean 'BTCUSD'?"),
        ("get_quote", {"symbol": "XYZ123"}, "invalid_argument", "known symbols: AAPL"),
        ("list_trades", {"limit": "10"}, "invalid_argument", "limit must be an integer"),
        ("list_trades", {"limit": True}, "invalid_argument", "limit must be an integer"),
        ("list_trades", {"limit": 2.5}, "invalid_argument", "must be an integer"),
        ("list_trades", {"limit": 500}, "invalid_argument", "between 1 and 200"),
        ("list_trades", {"side": "Long"}, "invalid_argument", "side must be one of 'long'"),
        ("list_trades", {"start_date": "2026-02-30"}, "invalid_argument", "YYYY-MM-DD"),
        ("list_trades", {"start_date": "last month"}, "invalid_argument", "YYYY-MM-DD"),
        (
            "list_trades",
            {"start_date": "2026-04-01", "end_date": "2026-03-01"},
            "invalid_argument",
            "is after end_date",
        ),
        ("list_trades", {"symbols": "AAPL"}, "invalid_argument", "unknown argument 'symbols'"),
        ("get_trade", {"trade_id": "T-99999"}, "not_found", "no trade with id 'T-99999'"),
        ("close_position", {"position_id": "POS-1"}, "not_found", "open positions: POS-"),
        ("delete_price_alert", {"alert_id": "ALR-9999"}, "not_found", "ALR-9999"),
        ("add_journal_entry", {"body": "  "}, "invalid_argument", "at least 1 character"),
        (
            "add_journal_entry",
            {"body": "x", "tags": "fomc"},
            "invalid_argument",
            "tags must be an array",
        ),
        (
            "add_journal_entry",
            {"body": "x", "tags": [1]},
            "invalid_argument",
            "tags[0] must be a string",
        ),
        (
            "create_price_alert",
            {"symbol": "AAPL", "condition": "below", "price": -5},
            "invalid_argument",
            "greater than 0",
        ),
        (
            "get_pnl",
            {"group_by": "strategy", "strategy": "trend"},
            "invalid_argument",
            "'momentum'",
        ),
    ],
)
def test_a_bad_call_returns_a_structured_error(
    episode: TradingSimulator, name: str, arguments: dict[str, Any], code: str, words: str
) -> None:
    got_code, message = error_of(episode.call(name, arguments))
    assert got_code == code
    assert words in message


def test_arguments_that_are_not_an_object_are_refused_and_null_means_none(
    episode: TradingSimulator,
) -> None:
    assert error_of(episode.call("list_trades", ["AAPL"]))[0] == "invalid_argument"  # type: ignore[arg-type]
    assert ok(episode.call("list_strategies", None))["total"] == 6
    assert ok(episode.call("list_trades", {"symbol": None, "limit": 1}))["returned"] == 1


def test_a_datetime_is_read_as_its_utc_date(episode: TradingSimulator) -> None:
    by_date = ok(
        episode.call(
            "get_pnl",
            {"group_by": "strategy", "start_date": "2026-03-01", "end_date": "2026-03-31"},
        )
    )
    by_time = ok(
        episode.call(
            "get_pnl",
            {
                "group_by": "strategy",
                "start_date": "2026-03-01T00:00:00Z",
                "end_date": "2026-03-31T23:59:59Z",
            },
        )
    )
    assert by_date == by_time


# --- episodes ------------------------------------------------------------------------------


def test_writes_change_only_their_own_episode(trading: TradingDomain, data: Fixtures) -> None:
    first, second = trading.simulator(), trading.simulator()
    position = data.positions[0]
    ok(first.call("close_position", {"position_id": position.id}))
    ok(first.call("create_price_alert", {"symbol": "AAPL", "condition": "above", "price": 300}))
    ok(first.call("delete_price_alert", {"alert_id": data.alerts[-1].id}))
    ok(first.call("add_journal_entry", {"body": "only here"}))
    assert position.id in {p["id"] for p in ok(second.call("get_open_positions", {}))["positions"]}
    assert ok(second.call("list_price_alerts", {"status": "all"}))["total"] == len(data.alerts)
    assert ok(second.call("list_journal_entries", {}))["total"] == len(data.journal)
    assert (
        ok(trading.simulator().call("get_trade", {"trade_id": position.trade_id}))["status"]
        == "open"
    )


def test_the_same_calls_give_the_same_bytes(trading: TradingDomain, data: Fixtures) -> None:
    calls: list[tuple[str, dict[str, Any]]] = [
        ("list_trades", {"sort_by": "pnl", "limit": 20}),
        ("close_position", {"position_id": data.positions[1].id}),
        ("create_price_alert", {"symbol": "NVDA", "condition": "above", "price": 250}),
        ("add_journal_entry", {"body": "same"}),
        ("get_risk_metrics", {}),
        ("get_equity_curve", {"interval": "week"}),
    ]
    runs = [
        [json.dumps(trading.simulator().call(n, a), sort_keys=True) for n, a in calls]
        for _ in range(2)
    ]
    assert runs[0] == runs[1]


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)
_names = [tool["function"]["name"] for tool in TOOLS]


@st.composite
def _calls(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    name = draw(st.sampled_from(_names))
    properties = next(t for t in TOOLS if t["function"]["name"] == name)["function"]["parameters"][
        "properties"
    ]
    keys = draw(st.lists(st.sampled_from([*properties, "junk"]), max_size=4, unique=True))
    return name, {key: draw(_json) for key in keys}


@settings(max_examples=300, deadline=None)
@given(call=_calls())
def test_no_argument_makes_the_simulator_raise(
    call: tuple[str, dict[str, Any]], data: Fixtures
) -> None:
    result = TradingSimulator(data).call(*call)
    assert isinstance(result, dict)
    json.dumps(result)


def test_dates_in_results_are_iso(episode: TradingSimulator) -> None:
    stats = ok(episode.call("get_strategy_stats", {"strategy": "swing"}))
    assert dt.date.fromisoformat(stats["start_date"]) == dt.date(2025, 4, 1)
    assert stats["end_date"] == "2026-04-15"
