"""The journal API's tools, as OpenAI function schemas, documented like the real thing.

Near neighbours are on purpose: list vs get-one vs full-text search of trades, per-strategy
statistics vs grouped PnL vs account-wide risk, reads vs the four write actions.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

STRATEGY_IDS = ("momentum", "mean_reversion", "breakout", "swing", "scalping", "pairs")
WRITE_TOOLS = frozenset(
    {"close_position", "add_journal_entry", "create_price_alert", "delete_price_alert"}
)

_SYMBOL = (
    "Instrument symbol as the desk writes it: a US stock ticker (AAPL), a crypto pair (BTCUSD) "
    "or an FX pair (EURUSD). Case-insensitive; 'BTC/USD' and 'BTC-USD' are read as BTCUSD."
)
_STRATEGY = {
    "type": "string",
    "enum": list(STRATEGY_IDS),
    "description": "Strategy id.",
}


def _date(what: str) -> dict[str, Any]:
    return {"type": "string", "format": "date", "description": f"{what} (YYYY-MM-DD, UTC)."}


def _tool(
    name: str, description: str, properties: dict[str, Any], required: tuple[str, ...] = ()
) -> dict[str, Any]:
    return {
        "type": "function",
        "function": {
            "name": name,
            "description": description,
            "parameters": {
                "type": "object",
                "properties": properties,
                "required": list(required),
                "additionalProperties": False,
            },
        },
    }


TOOLS: tuple[dict[str, Any], ...] = (
    _tool(
        "list_trades",
        "List trades from the journal as summary rows (id, symbol, strategy, side, status, "
        "quantity, entry and exit time and price, fees, net PnL, tags), filtered and sorted. "
        "Notes are not included: use get_trade for the full record of one trade. Date filters "
        "apply to the trade's entry date. Returns `trades`, `total` (all matches), `returned`, "
        "`limit` and `offset`. PnL is in USD, net of fees; open and cancelled trades have no PnL "
        "and sort last.",
        {
            "symbol": {"type": "string", "description": _SYMBOL},
            "strategy": _STRATEGY,
            "status": {
                "type": "string",
                "enum": ["open", "closed", "cancelled"],
                "description": "Trade status. Default: every status.",
            },
            "side": {"type": "string", "enum": ["long", "short"], "description": "Trade side."},
            "tag": {
                "type": "string",
                "description": "Only trades carrying this tag (whole tag, case-insensitive).",
            },
            "start_date": _date("Earliest entry date to include, inclusive"),
            "end_date": _date("Latest entry date to include, inclusive"),
            "sort_by": {
                "type": "string",
                "enum": ["entry_time", "exit_time", "pnl"],
                "default": "entry_time",
                "description": "Field to sort by; `pnl` is the net PnL in USD.",
            },
            "sort_order": {
                "type": "string",
                "enum": ["asc", "desc"],
                "default": "desc",
                "description": "Sort direction: `desc` puts the newest (or largest) first.",
            },
            "limit": {
                "type": "integer",
                "minimum": 1,
                "maximum": 200,
                "default": 50,
                "description": "Rows to return, 1-200. Default 50.",
            },
            "offset": {
                "type": "integer",
                "minimum": 0,
                "default": 0,
                "description": "Rows to skip, for paging. Default 0.",
            },
        },
    ),
    _tool(
        "get_trade",
        "Get the full record of one trade by its id: everything in the list row plus asset "
        "class, gross PnL, return in percent, holding time in minutes, notes, the open position "
        "id (while open) and the ids of the journal entries that mention it.",
        {"trade_id": {"type": "string", "description": "Trade id, e.g. T-10042."}},
        ("trade_id",),
    ),
    _tool(
        "search_trades",
        "Full-text search over the notes and tags of all trades. Case-insensitive; a trade "
        "matches when every word of the query appears. Returns summary rows with the notes, "
        "newest entry first, and `total`.",
        {
            "query": {
                "type": "string",
                "minLength": 2,
                "description": "Words to look for, e.g. 'stop moved' or 'fomc'.",
            },
            "limit": {
                "type": "integer",
                "minimum": 1,
                "maximum": 100,
                "default": 20,
                "description": "Rows to return, 1-100. Default 20.",
            },
        },
        ("query",),
    ),
    _tool(
        "list_strategies",
        "List the desk's strategies with their id, name, description, owner, typical holding "
        "time, instrument universe and status.",
        {},
    ),
    _tool(
        "get_strategy_stats",
        "Performance statistics of one strategy over its closed trades, by exit date: trade "
        "count, wins, losses, win rate (percent), gross PnL, fees, net PnL, average win and "
        "loss, profit factor, expectancy (net PnL per trade), largest win and loss (with trade "
        "ids), max drawdown of its cumulative net PnL (USD), and its open positions. Amounts in "
        "USD. Dates default to the whole history.",
        {
            "strategy": _STRATEGY,
            "start_date": _date("First exit date to include, inclusive. Default: inception"),
            "end_date": _date("Last exit date to include, inclusive. Default: today"),
        },
        ("strategy",),
    ),
    _tool(
        "get_pnl",
        "Realized PnL of closed trades, grouped by exit day, ISO week (Monday to Sunday), "
        "calendar month, symbol or strategy. Each row gives the group, trade count, gross PnL, "
        "fees and net PnL in USD; rows are sorted by group; `total` sums them. Grouping by day "
        "allows at most 92 days.",
        {
            "group_by": {
                "type": "string",
                "enum": ["day", "week", "month", "symbol", "strategy"],
                "description": "How to group the PnL.",
            },
            "start_date": _date("First exit date to include, inclusive. Default: inception"),
            "end_date": _date("Last exit date to include, inclusive. Default: today"),
            "symbol": {"type": "string", "description": "Only this instrument. " + _SYMBOL},
            "strategy": {**_STRATEGY, "description": "Only this strategy."},
        },
        ("group_by",),
    ),
    _tool(
        "get_risk_metrics",
        "Account-wide risk over a period, from the end-of-day equity curve (latest point: "
        "yesterday's close): starting and ending equity, return (percent), max drawdown (percent "
        "of the peak and USD, with peak and trough dates; the close before start_date counts as "
        "the first peak), annualized Sharpe ratio of daily returns (risk-free rate 0, 365 days a "
        "year), annualized volatility, win rate (percent of trades closed in the period with a "
        "positive net PnL), profit factor, and the current exposure of open positions (gross, "
        "net, long, short in USD and gross as percent of equity).",
        {
            "start_date": _date("First day of the period, inclusive. Default: inception"),
            "end_date": _date("Last day of the period, inclusive. Default: yesterday"),
        },
    ),
    _tool(
        "get_equity_curve",
        "End-of-day account equity in USD with the net PnL realized in each period and the "
        "drawdown from the running peak (percent). With interval `week` or `month` each point is "
        "the last close of that week or month.",
        {
            "start_date": _date("First day, inclusive. Default: inception"),
            "end_date": _date("Last day, inclusive. Default: yesterday"),
            "interval": {
                "type": "string",
                "enum": ["day", "week", "month"],
                "default": "day",
                "description": "Spacing of the points. Default day.",
            },
        },
    ),
    _tool(
        "get_open_positions",
        "List open positions marked at the last price: position id, trade id, symbol, "
        "strategy, side, quantity, entry price, current price, market value, unrealized PnL "
        "(USD, before fees) and unrealized PnL in percent of the entry value. Also returns "
        "totals. Close a position with close_position and its position id.",
        {
            "symbol": {"type": "string", "description": _SYMBOL},
            "strategy": _STRATEGY,
            "asset_class": {
                "type": "string",
                "enum": ["stock", "crypto", "fx"],
                "description": "Asset class.",
            },
        },
    ),
    _tool(
        "close_position",
        "Close an open position, or part of it, at market: a long sells at the bid, a short buys "
        "at the ask. Books the exit on the position's trade (a partial close books a new closed "
        "trade) and returns the fill: exit price, closed and remaining quantity, fees and "
        "realized net PnL in USD. This sends a real order and cannot be undone.",
        {
            "position_id": {"type": "string", "description": "Position id, e.g. POS-2041."},
            "quantity": {
                "type": "number",
                "exclusiveMinimum": 0,
                "description": "Units to close (shares, coins or base currency). Default: all.",
            },
        },
        ("position_id",),
    ),
    _tool(
        "add_journal_entry",
        "Write an entry in the trading journal. Returns the stored entry with its id.",
        {
            "body": {
                "type": "string",
                "minLength": 1,
                "maxLength": 5000,
                "description": "The text of the entry.",
            },
            "title": {
                "type": "string",
                "maxLength": 120,
                "description": "Short title. Default: the start of the body.",
            },
            "tags": {
                "type": "array",
                "items": {"type": "string"},
                "description": "Tags, lowercase, e.g. ['fomc', 'discipline'].",
            },
            "trade_ids": {
                "type": "array",
                "items": {"type": "string"},
                "description": "Ids of the trades the entry is about; each must exist.",
            },
            "entry_date": _date("Date the entry is filed under; not in the future. Default: today"),
        },
        ("body",),
    ),
    _tool(
        "list_journal_entries",
        "List journal entries, newest first: id, date, title, body, tags and linked trade ids.",
        {
            "start_date": _date("Earliest entry date, inclusive"),
            "end_date": _date("Latest entry date, inclusive"),
            "tag": {"type": "string", "description": "Only entries with this tag."},
            "limit": {
                "type": "integer",
                "minimum": 1,
                "maximum": 100,
                "default": 20,
                "description": "Entries to return, 1-100. Default 20.",
            },
        },
    ),
    _tool(
        "create_price_alert",
        "Create a price alert that fires when the last price of an instrument crosses a level. "
        "An `above` alert must be set above the current last price and a `below` alert below "
        "it. Returns the alert with its id.",
        {
            "symbol": {"type": "string", "description": _SYMBOL},
            "condition": {
                "type": "string",
                "enum": ["above", "below"],
                "description": "Fire when the price rises above (or falls below) the level.",
            },
            "price": {
                "type": "number",
                "exclusiveMinimum": 0,
                "description": "The level, in the instrument's quote currency (USD).",
            },
            "note": {"type": "string", "maxLength": 500, "description": "A reminder to show."},
        },
        ("symbol", "condition", "price"),
    ),
    _tool(
        "list_price_alerts",
        "List price alerts with their id, symbol, condition, level, status, creation time, "
        "trigger time and note.",
        {
            "symbol": {"type": "string", "description": _SYMBOL},
            "status": {
                "type": "string",
                "enum": ["active", "triggered", "all"],
                "default": "active",
                "description": "Which alerts to list. Default active.",
            },
        },
    ),
    _tool(
        "delete_price_alert",
        "Delete a price alert by id. Cannot be undone.",
        {"alert_id": {"type": "string", "description": "Alert id, e.g. ALR-0004."}},
        ("alert_id",),
    ),
    _tool(
        "get_quote",
        "Current market quote of one instrument: bid, ask, last, previous close, change since "
        "the previous close (absolute and percent), quote currency and time of the quote.",
        {"symbol": {"type": "string", "description": _SYMBOL}},
        ("symbol",),
    ),
)

TOOL_SCHEMAS: MappingProxyType[str, dict[str, Any]] = MappingProxyType(
    {tool["function"]["name"]: tool["function"]["parameters"] for tool in TOOLS}
)
