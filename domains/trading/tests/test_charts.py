"""The chart tasks are fair: their data is the fixtures' own figures (recomputed here with code
of its own), every point the scorer looks for is in that data, every one of the ten prompts asks
for everything the spec scores, and every reference chart is a real chart that scores 100."""

import csv
import datetime as dt
import io
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

import pytest

from bench_core import ChartTask
from bench_domain_trading import TradingDomain, domain
from bench_domain_trading._fixtures import Fixtures, Trade

CHART_IDS = [
    *(f"C_E0{i}" for i in range(1, 6)),
    *(f"C_M0{i}" for i in range(1, 7)),
    *(f"C_H0{i}" for i in range(1, 7)),
    *(f"C_X0{i}" for i in range(1, 6)),
]
MONTHS = [f"2025-{m:02d}" for m in range(4, 13)] + ["2026-01", "2026-02", "2026-03"]
CLASSES = {"stock": "Stocks", "crypto": "Crypto", "fx": "FX"}

LIBRARIES = {
    "https://cdn.jsdelivr.net/npm/chart.js@4.4.1/dist/chart.umd.min.js",
    "https://cdn.jsdelivr.net/npm/d3@7.9.0/dist/d3.min.js",
    "https://cdn.jsdelivr.net/npm/echarts@5.5.0/dist/echarts.min.js",
    "https://cdn.jsdelivr.net/npm/plotly.js-dist-min@2.35.2/plotly.min.js",
    "https://cdn.jsdelivr.net/npm/vega@5.30.0",
    "https://cdn.jsdelivr.net/npm/vega-lite@5.21.0",
    "https://cdn.jsdelivr.net/npm/vega-embed@6.26.0",
}


def _charts(trading: TradingDomain) -> list[ChartTask]:
    return [t for t in trading.tasks() if isinstance(t, ChartTask)]


def _chart(trading: TradingDomain, task_id: str) -> ChartTask:
    return next(t for t in _charts(trading) if t.id == task_id)


def _number(text: str) -> Any:
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text)
    except ValueError:
        return text


def _parsed(task: ChartTask) -> Any:
    if task.data_format == "json":
        return json.loads(task.data)
    rows = list(csv.DictReader(io.StringIO(task.data)))
    return [{key: _number(value) for key, value in row.items()} for row in rows]


def _numbers(data: Any) -> list[float]:
    if isinstance(data, bool):
        return []
    if isinstance(data, int | float):
        return [float(data)]
    if isinstance(data, dict):
        return [n for value in data.values() for n in _numbers(value)]
    if isinstance(data, list):
        return [n for item in data for n in _numbers(item)]
    return []


# --- counts and sizes ------------------------------------------------------------------------


def test_the_chart_tasks_follow_the_tool_tasks_in_id_order(trading: TradingDomain) -> None:
    kinds = [isinstance(t, ChartTask) for t in trading.tasks()]
    assert kinds == [False] * 20 + [True] * 22
    assert [t.id for t in _charts(trading)] == CHART_IDS
    assert Counter(t.difficulty.value for t in _charts(trading)) == {
        "easy": 5, "medium": 6, "hard": 6, "expert": 5,
    }  # fmt: skip
    assert all(t.domain == "trading" and t.suite.value == "charts" for t in _charts(trading))


def test_each_level_has_the_size_the_standard_asks_for(trading: TradingDomain) -> None:
    for task in _charts(trading):
        data = _parsed(task)
        records = data if isinstance(data, list) else [r for part in data.values() for r in part]
        points = len(_numbers(data))
        level = task.difficulty.value
        if level == "easy":
            assert len(records) <= 12, task.id
            assert task.spec.chart_type in {"bar", "line", "pie"}, task.id
            assert all(len(_numbers(record)) == 1 for record in records), task.id
        if level == "hard":
            assert points >= 50, task.id
        if level == "expert":
            assert len(records) >= 100 or points >= 300, task.id
            assert "+" in (task.spec.chart_type or "") or task.id == "C_X04", task.id


def test_specs_use_the_vocabulary_and_two_to_six_colors(trading: TradingDomain) -> None:
    types = {"bar", "stacked_bar", "line", "area", "pie", "scatter", "heatmap"}
    fonts = []
    for task in _charts(trading):
        spec = task.spec
        assert set((spec.chart_type or "").split("+")) <= types, task.id
        assert set(spec.rules) <= {"no-animation", "no-3d", "no-external-fonts", "no-images"}
        assert set(spec.interactivity) <= {"tooltip", "hover", "legend_toggle", "click", "zoom"}
        tokens = spec.tokens
        assert 2 <= len(tokens.colors) <= 6, task.id
        assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in (*tokens.colors, tokens.background))
        assert len(tokens.fonts) == 1
        assert len(tokens.radii) == 1
        assert re.fullmatch(r"\d+px", tokens.radii[0]), task.id
        assert spec.labels or spec.values, task.id
        fonts.append(tokens.fonts[0])
    assert len(set(fonts)) == len(fonts)  # every task its own design system


# --- the data is the fixtures' ----------------------------------------------------------------


def _closed(data: Fixtures) -> list[Trade]:
    return sorted(
        (t for t in data.trades if t.status == "closed"), key=lambda t: (t.exit_time or "", t.id)
    )


def _cents(value: float) -> float:
    return round(value + 0.0, 2)


def _sums(
    trades: list[Trade], key: Callable[[Trade], Any], value: Callable[[Trade], float]
) -> dict[Any, float]:
    totals: dict[Any, float] = defaultdict(float)
    for trade in trades:
        totals[key(trade)] += value(trade)
    return {k: _cents(v) for k, v in totals.items()}


def _week(trade: Trade) -> str:
    year, week, _ = dt.date.fromisoformat((trade.exit_time or "")[:10]).isocalendar()
    return f"{year}-W{week:02d}"


def _hours(trade: Trade) -> float:
    entry = dt.datetime.fromisoformat(trade.entry_time.replace("Z", "+00:00"))
    exit_ = dt.datetime.fromisoformat((trade.exit_time or "").replace("Z", "+00:00"))
    return round((exit_ - entry).total_seconds() / 3600, 2)


def _expected(data: Fixtures) -> dict[str, Any]:
    """Every chart's data, recomputed from the raw fixtures."""
    closed = _closed(data)
    in_months = [t for t in closed if (t.exit_time or "")[:7] in MONTHS]
    names = {s.id: s.name for s in data.strategies}
    order = [s.name for s in data.strategies]
    klass = {i.symbol: i.asset_class for i in data.instruments}
    entered = [t for t in data.trades if t.status != "cancelled"]
    quotes = {q.symbol: q for q in data.quotes}
    pnl = lambda t: t.pnl or 0.0  # noqa: E731
    month = lambda t: (t.exit_time or "")[:7]  # noqa: E731
    positions = sorted(data.positions, key=lambda p: p.id)

    def monthly(column: Callable[[Trade], str], columns: list[str]) -> list[dict[str, Any]]:
        sums = _sums(in_months, lambda t: (month(t), column(t)), pnl)
        return [{"month": m, **{c: sums.get((m, c), 0.0) for c in columns}} for m in MONTHS]

    by_strategy = _sums(closed, lambda t: names[t.strategy], pnl)
    fees_by_strategy = _sums(closed, lambda t: names[t.strategy], lambda t: t.fees)
    by_symbol = _sums(closed, lambda t: t.symbol, pnl)
    month_end = {p.date[:7]: p.equity for p in data.equity_curve.points}
    weekly = _sums(closed, _week, pnl)
    weekly_strategy = _sums(closed, lambda t: (_week(t), names[t.strategy]), pnl)
    cells = _sums(in_months, lambda t: (t.symbol, month(t)), pnl)
    counts = Counter((t.symbol, month(t)) for t in in_months)
    daily = _sums(closed, lambda t: (t.exit_time or "")[:10], pnl)
    daily_count = Counter((t.exit_time or "")[:10] for t in closed)
    weekday = Counter(
        (dt.date.fromisoformat(t.entry_time[:10]).weekday(), CLASSES[klass[t.symbol]])
        for t in entered
    )
    hourly = Counter((int(t.entry_time[11:13]), CLASSES[klass[t.symbol]]) for t in entered)
    notional = _sums(
        entered,
        lambda t: (t.entry_time[:7], names[t.strategy]),
        lambda t: t.entry_price * t.quantity,
    )

    def payoff(name: str) -> dict[str, Any]:
        pnls = [pnl(t) for t in closed if names[t.strategy] == name]
        wins, losses = [p for p in pnls if p > 0], [p for p in pnls if p < 0]
        return {
            "strategy": name,
            "average_win": _cents(sum(wins) / len(wins)),
            "average_loss": _cents(sum(losses) / len(losses)),
        }

    def unrealized(p: Any) -> float:
        side = 1 if p.side == "long" else -1
        return _cents((quotes[p.symbol].last - p.entry_price) * p.quantity * side)

    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    weeks = sorted({_week(t) for t in closed})
    q1 = [t for t in closed if "2026-01-01" <= (t.exit_time or "")[:10] <= "2026-03-31"]
    year = [t for t in closed if (t.exit_time or "")[:10] >= "2026-01-01"]
    return {
        "C_E01": [{"strategy": s, "net_pnl": by_strategy[s]} for s in order],
        "C_E02": [{"month": m, "equity": month_end[m]} for m in MONTHS],
        "C_E03": [
            {"outcome": "Winners", "trades": sum(pnl(t) > 0 for t in closed)},
            {"outcome": "Losers", "trades": sum(pnl(t) < 0 for t in closed)},
        ],
        "C_E04": [
            {"month": m, "fees": _sums(in_months, month, lambda t: t.fees)[m]} for m in MONTHS
        ],
        "C_E05": [
            {
                "position_id": p.id,
                "symbol": p.symbol,
                "side": p.side,
                "unrealized_pnl": unrealized(p),
            }
            for p in positions
        ],
        "C_M01": [payoff(s) for s in order],
        "C_M02": monthly(lambda t: CLASSES[klass[t.symbol]], ["Stocks", "Crypto", "FX"]),
        "C_M03": [{"symbol": s, "net_pnl": by_symbol[s]} for s in sorted(by_symbol)],
        "C_M04": monthly(lambda t: t.side.title(), ["Long", "Short"]),
        "C_M05": [{"strategy": s, "fees": fees_by_strategy[s]} for s in order],
        "C_M06": [
            {"weekday": d, **{c: weekday[(i, c)] for c in CLASSES.values()}}
            for i, d in enumerate(days)
        ],
        "C_H01": [{"date": p.date, "equity": p.equity} for p in data.equity_curve.points],
        "C_H02": monthly(lambda t: names[t.strategy], order),
        "C_H03": [
            {
                "trade_id": t.id,
                "symbol": t.symbol,
                "asset_class": klass[t.symbol],
                "entry_time": t.entry_time,
                "exit_time": t.exit_time,
                "net_pnl": t.pnl,
            }
            for t in q1
        ],
        "C_H04": [{"week": w, "net_pnl": weekly[w]} for w in weeks],
        "C_H05": [{"hour": h, **{c: hourly[(h, c)] for c in CLASSES.values()}} for h in range(24)],
        "C_H06": [{"month": m, **{s: notional.get((m, s), 0.0) for s in order}} for m in MONTHS],
        "C_X01": [
            {"symbol": s, "month": m, "trades": counts[(s, m)], "net_pnl": cells.get((s, m), 0.0)}
            for s in sorted(klass)
            for m in MONTHS
        ],
        "C_X02": [
            {
                "date": p.date,
                "net_pnl": daily.get(p.date, 0.0),
                "trades_closed": daily_count[p.date],
            }
            for p in data.equity_curve.points
        ],
        "C_X03": [
            {
                "id": t.id,
                "strategy": names[t.strategy],
                "symbol": t.symbol,
                "exit_date": (t.exit_time or "")[:10],
                "holding_hours": _hours(t),
                "net_pnl": t.pnl,
            }
            for t in year
        ],
        "C_X04": [
            {"week": w, **{s: weekly_strategy.get((w, s), 0.0) for s in order}} for w in weeks
        ],
        "C_X05": {
            "positions": [
                {
                    "position_id": p.id,
                    "symbol": p.symbol,
                    "asset_class": CLASSES[klass[p.symbol]],
                    "side": p.side,
                    "market_value": _cents(quotes[p.symbol].last * p.quantity),
                    "unrealized_pnl": unrealized(p),
                }
                for p in positions
            ],
            "equity": [
                {"date": p.date, "equity": p.equity} for p in data.equity_curve.points[-120:]
            ],
        },
    }


def _same(actual: Any, expected: Any) -> bool:
    if isinstance(expected, float) or isinstance(actual, float):
        return isinstance(actual, int | float) and abs(actual - expected) < 0.006
    if isinstance(expected, dict):
        return (
            isinstance(actual, dict)
            and list(actual) == list(expected)
            and all(_same(actual[k], expected[k]) for k in expected)
        )
    if isinstance(expected, list):
        return (
            isinstance(actual, list)
            and len(actual) == len(expected)
            and all(_same(a, e) for a, e in zip(actual, expected, strict=True))
        )
    return bool(actual == expected)


def test_every_chart_hands_over_the_fixtures_own_figures(
    trading: TradingDomain, data: Fixtures
) -> None:
    expected = _expected(data)
    assert set(expected) == set(CHART_IDS)
    for task in _charts(trading):
        assert _same(_parsed(task), expected[task.id]), task.id


def test_the_daily_pnl_agrees_with_the_equity_curve(trading: TradingDomain, data: Fixtures) -> None:
    rows = _parsed(_chart(trading, "C_X02"))
    for row, point in zip(rows, data.equity_curve.points, strict=True):
        assert abs(row["net_pnl"] - point.pnl) < 0.006
        assert row["trades_closed"] == point.trades_closed


def test_every_point_the_scorer_looks_for_is_in_the_data(trading: TradingDomain) -> None:
    for task in _charts(trading):
        numbers = set(_numbers(_parsed(task)))
        for value in task.spec.values:
            assert value in numbers, f"{task.id}: {value} is not in the data"
        assert len(set(task.spec.values)) == len(task.spec.values), task.id
        for label in task.spec.labels:
            assert label in task.data, f"{task.id}: {label!r} is not in the data"
        assert all(value != 0 for value in task.spec.values), task.id


# --- the facts the annotations and sorting rest on have one answer ---------------------------


def test_the_max_drawdown_to_annotate_is_one_clear_episode(
    trading: TradingDomain, data: Fixtures
) -> None:
    rows = _parsed(_chart(trading, "C_H01"))
    peak, peak_date, worst, worst_at = rows[0]["equity"], rows[0]["date"], 0.0, ("", "")
    falls = []
    for row in rows:
        if row["equity"] > peak:
            peak, peak_date = row["equity"], row["date"]
        fall = 1 - row["equity"] / peak
        falls.append(fall)
        if fall > worst:
            worst, worst_at = fall, (peak_date, row["date"])
    assert list(_chart(trading, "C_H01").spec.labels) == list(worst_at)
    assert round(100 * worst, 2) == 6.04
    # The low held over a weekend (no trade closed): the trough is the first day at the low,
    # and the next deepest level shows as another percentage.
    at_low = [row["date"] for row, fall in zip(rows, falls, strict=True) if fall == worst]
    assert at_low[0] == worst_at[1]
    assert round(100 * max(f for f in falls if f != worst), 2) < round(100 * worst, 2)


@pytest.mark.parametrize(
    ("task_id", "key", "value"),
    [
        ("C_H03", "trade_id", "net_pnl"),
        ("C_H04", "week", "net_pnl"),
        ("C_M03", "symbol", "net_pnl"),
        ("C_M01", "strategy", "average_win"),
        ("C_E05", "symbol", "unrealized_pnl"),
    ],
)
def test_best_worst_and_sort_orders_have_no_ties(
    trading: TradingDomain, task_id: str, key: str, value: str
) -> None:
    rows = _parsed(_chart(trading, task_id))
    values = [row[value] for row in rows]
    assert len(set(values)) == len(values), task_id
    assert len({row[key] for row in rows}) == len(rows), task_id


def test_the_best_and_worst_labels_name_the_extremes(trading: TradingDomain) -> None:
    for task_id, key in (("C_H03", "trade_id"), ("C_H04", "week")):
        task = _chart(trading, task_id)
        rows = _parsed(task)
        best = max(rows, key=lambda row: row["net_pnl"])
        worst = min(rows, key=lambda row: row["net_pnl"])
        assert list(task.spec.labels) == [best[key], worst[key]]
        assert {best["net_pnl"], worst["net_pnl"]} <= set(task.spec.values)


def test_the_examples_in_the_prompts_are_the_data(trading: TradingDomain) -> None:
    stocks = _parsed(_chart(trading, "C_M02"))[0]["Stocks"]
    assert any(f"${stocks:,.0f}" in p for p in _chart(trading, "C_M02").prompts)
    pnl = [row["net_pnl"] for row in _parsed(_chart(trading, "C_M03"))]
    prompts = _chart(trading, "C_M03").prompts
    assert all(f"${max(pnl) / 1000:.1f}K" in p for p in prompts)
    assert sum(f"-${-min(pnl) / 1000:.1f}K" in p for p in prompts) >= 5


def test_the_session_band_covers_every_stock_entry(trading: TradingDomain) -> None:
    rows = _parsed(_chart(trading, "C_H05"))
    assert {row["hour"] for row in rows if row["Stocks"]} == set(range(13, 20))


# --- every prompt asks for everything the spec scores -----------------------------------------

_TYPE_WORDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "bar": (("bar", "column"),),
    "stacked_bar": (("stack",), ("bar", "column")),
    "line": (("line",),),
    "area": (("area",),),
    "pie": (("pie", "donut", "doughnut"),),
    "scatter": (("scatter", "dot"),),
    "heatmap": (("heatmap", "heat map"),),
}
_RULE_WORDS = {
    "no-animation": ("anim",),
    "no-3d": ("3d",),
    "no-external-fonts": ("external font", "ext font", "web font"),
    "no-images": ("image", "img"),
}
_INTERACTION_WORDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "tooltip": (("tooltip", "tip"),),
    "hover": (("hover",),),
    "legend_toggle": (("legend",), ("toggl", "hide", "click")),
    "click": (("click",),),
    "zoom": (("zoom",),),
}


def _asks(task: ChartTask) -> list[tuple[str, tuple[str, ...]]]:
    """What every prompt of the task must say: a name and the spellings that say it."""
    spec, tokens = task.spec, task.spec.tokens
    asks: list[tuple[str, tuple[str, ...]]] = []
    for kind in (spec.chart_type or "").split("+"):
        asks += [(kind, words) for words in _TYPE_WORDS[kind]]
    asks += [(color, (color,)) for color in (*tokens.colors, tokens.background or "")]
    asks += [(font, (font.lower(),)) for font in tokens.fonts]
    asks += [(radius, (radius, radius.replace("px", " px"))) for radius in tokens.radii]
    asks += [(rule, _RULE_WORDS[rule]) for rule in spec.rules]
    asks += [("no shadows", ("shadow",)), ("no gradients", ("gradient",))]
    for interaction in spec.interactivity:
        asks += [(interaction, words) for words in _INTERACTION_WORDS[interaction]]
    return asks


def test_every_prompt_asks_for_every_scored_requirement(trading: TradingDomain) -> None:
    for task in _charts(trading):
        for quality, prompt in enumerate(task.prompts, start=1):
            text = prompt.lower()
            for name, words in _asks(task):
                assert any(w in text for w in words), f"{task.id} Q{quality} does not ask {name}"


def test_prompts_do_not_paste_the_data_and_grow_more_specific(trading: TradingDomain) -> None:
    for task in _charts(trading):
        assert len(set(task.prompts)) == 10, task.id
        sloppy = max(len(task.prompt(q)) for q in (1, 2, 3))
        assert sloppy < min(len(task.prompt(q)) for q in (7, 8, 9, 10)), task.id
        for prompt in task.prompts:
            # The runner appends the data; a prompt only names columns and values as examples.
            assert prompt.count("\n") == 0, task.id
            assert not re.search(r"\d{4}-\d{2}-\d{2}", prompt), task.id


def test_no_prompt_names_a_color_the_spec_does_not_score(trading: TradingDomain) -> None:
    for task in _charts(trading):
        tokens = {*task.spec.tokens.colors, task.spec.tokens.background}
        for prompt in task.prompts:
            assert set(re.findall(r"#[0-9a-f]{6}", prompt.lower())) <= tokens, task.id


# --- the references are real charts that score 100 --------------------------------------------


@pytest.mark.parametrize("task_id", CHART_IDS)
def test_the_reference_is_a_complete_document_with_the_tokens_and_rules(
    trading: TradingDomain, task_id: str
) -> None:
    task = _chart(trading, task_id)
    html = trading.reference(task_id).html
    lower = html.lower()
    assert lower.startswith("<!doctype html>")
    assert lower.rstrip().endswith("</html>")
    assert "{{" not in html
    sources = set(re.findall(r'<script src="([^"]+)"', html))
    assert sources <= LIBRARIES, sources - LIBRARIES
    tokens = task.spec.tokens
    for color in (*tokens.colors, tokens.background or ""):
        assert color in lower, f"{task_id} does not use {color}"
    assert tokens.fonts[0].lower() in lower
    radius = tokens.radii[0]
    assert f"border-radius: {radius}" in html
    for banned in ("shadow", "gradient", "@keyframes", "transition", "<img", "@font-face"):
        assert banned not in lower, f"{task_id} has {banned}"
    assert "fonts.googleapis" not in lower
    assert "@import" not in lower
    if "no-animation" in task.spec.rules and ("chart.js" in lower or "echarts" in lower):
        assert "animation: false" in html, task_id
    if "no-3d" in task.spec.rules:
        assert not re.search(r"3d|perspective", re.sub(r"#[0-9a-f]{6}", "", lower)), task_id


def _score_chart() -> Any:
    scoring = pytest.importorskip("bench_scoring")
    if not hasattr(scoring, "score_chart"):
        pytest.skip("bench_scoring has no score_chart yet: the chart scorer is not merged")
    return scoring.score_chart


@pytest.mark.parametrize(
    "task", [t for t in domain().tasks() if isinstance(t, ChartTask)], ids=lambda t: t.id
)
def test_the_reference_chart_scores_100(trading: TradingDomain, task: ChartTask) -> None:
    score_chart = _score_chart()
    score = score_chart(trading.reference(task.id).html, task.spec)
    assert score.total == 100, score.reasons


def test_a_reference_does_not_pass_for_its_neighbour(trading: TradingDomain) -> None:
    score_chart = _score_chart()
    charts = _charts(trading)
    for task, other in zip(charts, [*charts[1:], charts[0]], strict=True):
        score = score_chart(trading.reference(other.id).html, task.spec)
        assert score.total < 60, f"{other.id}'s chart scores {score.total} for {task.id}"
        assert score.criteria["data_presence"] < 15, (task.id, other.id)
