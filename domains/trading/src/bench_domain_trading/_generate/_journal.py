"""What follows from the trades: the equity curve, the journal entries and the alerts."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from ._market import FIRST_DAY, LAST_DAY, STARTING_BALANCE


def equity_curve(trades: list[dict[str, Any]]) -> dict[str, Any]:
    """End-of-day equity: the starting balance plus the net PnL of every trade closed so far."""
    by_day: dict[str, list[float]] = {}
    for trade in trades:
        if trade["status"] == "closed":
            by_day.setdefault(trade["exit_time"][:10], []).append(trade["pnl"])
    equity = STARTING_BALANCE
    points = []
    day = FIRST_DAY
    while day <= LAST_DAY:
        pnls = by_day.get(day.isoformat(), [])
        pnl = round(sum(pnls), 2)
        equity = round(equity + pnl, 2)
        points.append(
            {"date": day.isoformat(), "equity": equity, "pnl": pnl, "trades_closed": len(pnls)}
        )
        day += dt.timedelta(days=1)
    return {"currency": "USD", "starting_balance": STARTING_BALANCE, "points": points}


def _money(value: float) -> str:
    sign = "-" if value < 0 else "+"
    return f"{sign}${abs(value):,.2f}"


# Entries about the desk's rules and reviews: (date, title, body, tags).
NOTABLE_ENTRIES = (
    (
        "2025-06-18",
        "FOMC day plan",
        "No new risk into the 2pm statement; flat scalps by 1:45pm. Re-engage after the "
        "presser only on A setups.",
        ("fomc", "process"),
    ),
    (
        "2025-09-17",
        "FOMC: cut day",
        "Cut was priced; USD sold off into the presser then reversed. Mean reversion shorts "
        "in EURUSD worked, breakout longs in crypto did not.",
        ("fomc", "macro"),
    ),
    (
        "2025-12-31",
        "2025 wrap",
        "Momentum and swing carried the year. Breakout is the weak spot: too many failed "
        "breaks in crypto. Cap breakout size at 30k in Q1.",
        ("review", "year-end"),
    ),
    (
        "2026-01-05",
        "Q1 rules",
        "Max 3 breakout positions at once. No holding breakout trades through CPI or FOMC. "
        "Daily loss limit stays at 1% of equity.",
        ("process", "risk"),
    ),
    (
        "2026-03-11",
        "CPI lesson",
        "Broke my own Q1 rule and held a breakout long through CPI. The rule exists for a reason.",
        ("cpi", "discipline"),
    ),
    (
        "2026-04-10",
        "Breakout review next week",
        "Breakout is still negative year to date. Reviewing whether to pause it; decision at "
        "the Friday meeting.",
        ("review", "breakout"),
    ),
)


def journal(
    rng: random.Random, trades: list[dict[str, Any]], curve: dict[str, Any]
) -> list[dict[str, Any]]:
    """Friday reviews built from the week's closed trades, plus entries about notable trades."""
    entries: list[dict[str, Any]] = []
    closed = [t for t in trades if t["status"] == "closed"]
    equity = {p["date"]: p["equity"] for p in curve["points"]}
    friday = FIRST_DAY + dt.timedelta(days=(4 - FIRST_DAY.weekday()) % 7)
    moods = {
        "up": ("Solid week.", "Good week.", "Green week, kept it simple."),
        "flat": ("Flat week.", "Mixed week.", "Choppy week, went nowhere."),
        "down": ("Rough week.", "Red week.", "Tough week; protect the downside."),
    }
    while friday <= LAST_DAY:
        monday = friday - dt.timedelta(days=4)
        week = [
            t for t in closed if monday.isoformat() <= t["exit_time"][:10] <= friday.isoformat()
        ]
        if week:
            net = round(sum(t["pnl"] for t in week), 2)
            best = max(week, key=lambda t: t["pnl"])
            worst = min(week, key=lambda t: t["pnl"])
            mood = rng.choice(moods["up" if net > 1000 else "down" if net < -1000 else "flat"])
            body = (
                f"{mood} {len(week)} trades closed Monday to Friday, net {_money(net)} after fees. "
                f"Best: {best['id']} {best['symbol']} {_money(best['pnl'])}. "
                f"Worst: {worst['id']} {worst['symbol']} {_money(worst['pnl'])}. "
                f"Equity at the close: ${equity[friday.isoformat()]:,.2f}."
            )
            entries.append(
                {
                    "date": friday.isoformat(),
                    "title": f"Weekly review, week of {monday.isoformat()}",
                    "body": body,
                    "tags": ["weekly-review"],
                    "trade_ids": sorted({best["id"], worst["id"]}),
                }
            )
        friday += dt.timedelta(days=7)
    for trade in trades:
        if "broke-rules" in trade["tags"] and trade["status"] == "closed":
            entries.append(
                {
                    "date": trade["exit_time"][:10],
                    "title": f"Post-mortem: {trade['symbol']} {trade['side']} {trade['id']}",
                    "body": f"{trade['notes']} Net {_money(trade['pnl'])}.",
                    "tags": ["post-mortem", "discipline"],
                    "trade_ids": [trade["id"]],
                }
            )
    for day, title, body, tags in NOTABLE_ENTRIES:
        entries.append(
            {"date": day, "title": title, "body": body, "tags": list(tags), "trade_ids": []}
        )
    entries.sort(key=lambda e: (e["date"], e["title"]))
    return [{"id": f"J-{i:04d}", **entry} for i, entry in enumerate(entries, start=1)]


def alerts(paths: dict[str, dict[dt.date, float]]) -> list[dict[str, Any]]:
    """Price alerts; an alert is triggered on the first day its price was crossed."""
    plans = (
        ("BTCUSD", "below", 78000.0, "2025-04-02", "Cut the momentum longs if it loses 78k."),
        ("ETHUSD", "below", 1600.0, "2025-04-03", None),
        ("TSLA", "above", 420.0, "2025-10-01", "Breakout watch above 420."),
        ("GBPUSD", "below", 1.3, "2025-09-15", None),
        ("NVDA", "above", 200.0, "2025-11-20", "Take partials on the swing if it tags 200."),
        ("ETHUSD", "below", 2800.0, "2026-04-12", "Stop-loss reminder for the ETH breakout long."),
        ("ETHUSD", "above", 3600.0, "2026-04-12", "Take-profit reminder, ETH breakout long."),
        ("BTCUSD", "above", 105000.0, "2026-04-06", None),
        ("AAPL", "above", 260.0, "2026-03-30", "Earnings run-up watch."),
        ("EURUSD", "above", 1.14, "2026-04-13", "Mean reversion short entry zone."),
        ("AMD", "below", 150.0, "2026-04-07", "Trend broken if it loses 150."),
    )  # fmt: skip
    alerts = []
    ordered = sorted(plans, key=lambda plan: plan[3])  # ids follow the creation time
    for number, (symbol, condition, price, created, note) in enumerate(ordered, start=1):
        start = dt.date.fromisoformat(created)
        triggered = None
        day = start + dt.timedelta(days=1)
        while day <= LAST_DAY:
            close = paths[symbol][day]
            if (close >= price) if condition == "above" else (close <= price):
                triggered = f"{day.isoformat()}T20:00:00Z"
                break
            day += dt.timedelta(days=1)
        alerts.append(
            {
                "id": f"ALR-{number:04d}",
                "symbol": symbol,
                "condition": condition,
                "price": price,
                "status": "triggered" if triggered else "active",
                "created_at": f"{created}T15:00:00Z",
                "triggered_at": triggered,
                "note": note,
            }
        )
    return alerts
