"""Server-side SVG for the reference charts drawn without a chart library.

A linear scale, nice axis ticks, the desk's money formats and an element writer that escapes
what it is given; then the four charts written with them (C_E01, C_M03, C_H06, C_X04).
"""

from __future__ import annotations

from itertools import accumulate
from typing import Any

from bench_core.authoring import Scale, el, esc, raw, ticks

__all__ = [
    "Scale",
    "el",
    "esc",
    "raw",
    "share_areas",
    "small_multiples",
    "strategy_bars",
    "symbol_bars",
    "tick_label",
    "ticks",
    "usd",
]


def usd(value: float, *, compact: bool = False, cents: bool = False) -> str:
    """``$30,041``, ``-$3,001.14`` with cents, or ``$30.0K`` in compact form."""
    sign = "-" if value < 0 else ""
    amount = abs(value)
    if compact and amount >= 1000:
        return f"{sign}${amount / 1000:,.1f}K"
    return f"{sign}${amount:,.2f}" if cents else f"{sign}${amount:,.0f}"


def tick_label(value: float) -> str:
    """An axis tick in compact dollars without a needless decimal: ``$20K``, ``-$2.5K``."""
    return usd(value, compact=True).replace(".0K", "K")


def strategy_bars(rows: list[dict[str, object]]) -> str:
    """Vertical bars of net PnL per strategy, in the rows' order, labelled and titled."""
    width, height, left, right, top, bottom = 720, 380, 72, 16, 24, 44
    pnl = [float(str(r["net_pnl"])) for r in rows]
    grid = ticks(min(0.0, *pnl), max(0.0, *pnl), 6)
    y = Scale((grid[0], grid[-1]), (height - bottom, top))
    band = (width - left - right) / len(rows)
    parts = [
        el("line", x1=left, x2=width - right, y1=y(tick), y2=y(tick), class_="grid")
        for tick in grid
    ]
    parts += [
        el("text", esc(usd(tick)), x=left - 8, y=y(tick) + 4, class_="tick", text_anchor="end")
        for tick in grid
    ]
    for i, (row, value) in enumerate(zip(rows, pnl, strict=True)):
        x = left + i * band + band * 0.18
        top_y, bottom_y = sorted((y(value), y(0)))
        name = esc(str(row["strategy"]))
        tip = el("title", f"{name}: {esc(usd(value, cents=True))} net PnL")
        parts.append(
            el(
                "rect",
                tip,
                x=round(x, 1),
                y=top_y,
                width=round(band * 0.64, 1),
                height=round(max(bottom_y - top_y, 1), 1),
                rx=4,
                class_="bar gain" if value >= 0 else "bar loss",
                data_value=value,
            )
        )
        label_y = top_y - 6 if value >= 0 else bottom_y + 14
        parts.append(
            el("text", esc(usd(value)), x=round(x + band * 0.32, 1), y=label_y, class_="value")
        )
        parts.append(el("text", name, x=round(x + band * 0.32, 1), y=height - 18, class_="name"))
    parts.append(el("line", x1=left, x2=width - right, y1=y(0), y2=y(0), class_="zero"))
    return el(
        "svg",
        raw(parts),
        viewBox=f"0 0 {width} {height}",
        width=width,
        height=height,
        aria_label="Net realized PnL by strategy, USD",
    )


def symbol_bars(rows: list[dict[str, Any]]) -> str:
    """Horizontal bars of net PnL per symbol, best first, with compact labels."""
    ranked = sorted(rows, key=lambda row: row["net_pnl"], reverse=True)
    width, left, right, top, row_height = 720, 140, 64, 28, 26
    height = top + row_height * len(ranked) + 8
    grid = ticks(min(r["net_pnl"] for r in ranked), max(r["net_pnl"] for r in ranked), 6)
    x = Scale((grid[0], grid[-1]), (left, width - right))
    parts = []
    for tick in grid:
        parts.append(el("line", x1=x(tick), x2=x(tick), y1=top - 6, y2=height - 8, class_="grid"))
        parts.append(el("text", esc(tick_label(tick)), x=x(tick), y=top - 12, class_="tick"))
    for i, row in enumerate(ranked):
        value = row["net_pnl"]
        y = top + i * row_height
        start, end = sorted((x(0), x(value)))
        tip = el("title", esc(f"{row['symbol']}: {usd(value, cents=True)}"))
        bar = el(
            "rect",
            tip,
            x=start,
            y=y + 4,
            width=round(end - start, 1),
            height=row_height - 8,
            rx=2,
            class_="bar gain" if value >= 0 else "bar loss",
            data_value=value,
        )
        label_x, anchor = (end + 6, "start") if value >= 0 else (start - 6, "end")
        label = el(
            "text",
            esc(usd(value, compact=True)),
            x=round(label_x, 1),
            y=y + row_height / 2 + 4,
            class_="value",
            text_anchor=anchor,
        )
        name = el("text", esc(row["symbol"]), x=16, y=y + row_height / 2 + 4, class_="name")
        parts.append(el("g", raw([bar, label, name]), class_="row"))
    parts.append(el("line", x1=x(0), x2=x(0), y1=top - 6, y2=height - 8, class_="zero"))
    return el(
        "svg",
        raw(parts),
        viewBox=f"0 0 {width} {height}",
        width=width,
        height=height,
        aria_label="Net realized PnL by symbol, sorted from best to worst",
    )


def share_areas(rows: list[dict[str, Any]], names: list[str], colors: list[str]) -> str:
    """Each strategy's share of the month's notional, stacked to 100%, with a hover column
    per month whose title lists the amounts."""
    width, height, left, right, top, bottom = 760, 380, 48, 150, 16, 36
    x = Scale((0, len(rows) - 1), (left, width - right))
    y = Scale((0, 1), (height - bottom, top))
    totals = [sum(row[name] for name in names) for row in rows]
    floors = [0.0] * len(rows)
    layers = []
    for name, color in zip(names, colors, strict=True):
        ceilings = [f + row[name] / t for f, row, t in zip(floors, rows, totals, strict=True)]
        upper = [f"{x(i)},{y(c)}" for i, c in enumerate(ceilings)]
        lower = [f"{x(i)},{y(f)}" for i, f in reversed(list(enumerate(floors)))]
        path = "M" + " L".join(upper + lower) + " Z"
        layers.append(el("path", d=path, fill=color, class_="layer", data_strategy=name))
        label_y = (y(floors[-1]) + y(ceilings[-1])) / 2 + 4
        layers.append(
            el("text", esc(name), x=width - right + 10, y=round(label_y, 1), class_="key")
        )
        floors = ceilings
    grid = []
    for share in (0, 0.25, 0.5, 0.75, 1):
        grid.append(el("line", x1=left, x2=width - right, y1=y(share), y2=y(share), class_="grid"))
        grid.append(el("text", f"{share:.0%}", x=left - 6, y=y(share) + 4, class_="tick end"))
    months = []
    step = (width - left - right) / (len(rows) - 1)
    for i, (row, total) in enumerate(zip(rows, totals, strict=True)):
        lines = [f"{row['month']}: {usd(total)} traded"]
        lines += [f"{name}: {usd(row[name])} ({row[name] / total:.1%})" for name in reversed(names)]
        hover = el(
            "rect",
            el("title", esc("\n".join(lines))),
            x=round(x(i) - step / 2, 1),
            y=top,
            width=round(step, 1),
            height=height - top - bottom,
            class_="hit",
        )
        guide = el("line", x1=x(i), x2=x(i), y1=top, y2=height - bottom, class_="guide")
        label = el("text", esc(row["month"]), x=x(i), y=height - bottom + 18, class_="tick")
        months.append(el("g", raw([guide, hover, label]), class_="month"))
    return el(
        "svg",
        raw([*layers, *grid, *months]),
        viewBox=f"0 0 {width} {height}",
        width=width,
        height=height,
        aria_label="Share of monthly entry notional by strategy, stacked to 100%",
    )


def small_multiples(rows: list[dict[str, Any]], names: list[str]) -> str:
    """One small line chart per strategy of its cumulative weekly PnL, on one shared scale,
    each with a hidden crosshair and readout for the page's script to move."""
    width, height, left, right, top, bottom = 300, 170, 52, 10, 26, 22
    running = {name: list(accumulate(row[name] for row in rows)) for name in names}
    low = min(0.0, *(min(v) for v in running.values()))
    high = max(0.0, *(max(v) for v in running.values()))
    grid = ticks(low, high, 4)
    x = Scale((0, len(rows) - 1), (left, width - right))
    y = Scale((grid[0], grid[-1]), (height - bottom, top))
    panels = []
    for name in names:
        points = " ".join(f"{x(i)},{y(v)}" for i, v in enumerate(running[name]))
        parts = [el("text", esc(name), x=left, y=16, class_="name")]
        parts += [
            el("text", esc(tick_label(t)), x=left - 6, y=y(t) + 4, class_="tick") for t in grid
        ]
        parts.append(el("line", x1=left, x2=width - right, y1=y(0), y2=y(0), class_="zero"))
        parts.append(el("polyline", points=points, class_="cumulative"))
        parts.append(el("text", esc(rows[0]["week"]), x=left, y=height - 6, class_="week"))
        parts.append(
            el("text", esc(rows[-1]["week"]), x=width - right, y=height - 6, class_="week end")
        )
        parts.append(el("line", y1=top, y2=height - bottom, class_="crosshair"))
        parts.append(el("text", "", x=width - right, y=16, class_="readout"))
        final = usd(running[name][-1], cents=True)
        parts.append(
            el(
                "rect",
                el("title", esc(f"{name}: {final} cumulative net PnL")),
                x=left,
                y=top,
                width=width - left - right,
                height=height - top - bottom,
                class_="hit",
            )
        )
        panels.append(
            el(
                "svg",
                raw(parts),
                viewBox=f"0 0 {width} {height}",
                width=width,
                height=height,
                class_="panel",
                data_strategy=name,
                data_left=left,
                data_right=width - right,
            )
        )
    return raw(panels)
