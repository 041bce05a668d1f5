"""Hard charts: stacked or dual-axis, annotations, derived values, 50 points or more."""

from __future__ import annotations

from bench_core import Difficulty

from ._chart_inputs import ASSET_CLASSES, ChartData
from ._chart_task import (
    ChartSolved,
    chart_task,
    column,
    csv_text,
    palette,
    render,
    script_json,
    spread,
)
from ._metrics import drawdown
from ._svg import share_areas

HARD = Difficulty.HARD

STRATEGY_COLORS = ["#4c78a8", "#f58518", "#e45756", "#72b7b2", "#54a24b", "#b279a2"]
EARTH = ["#264653", "#2a9d8f", "#8ab17d", "#e9c46a", "#f4a261", "#e76f51"]


def hard_charts(data: ChartData) -> list[ChartSolved]:
    """C_H01-C_H06."""
    return [_h01(data), _h02(data), _h03(data), _h04(data), _h05(data), _h06(data)]


def _h01(data: ChartData) -> ChartSolved:
    rows = data.daily_equity()
    curve = data.fixtures.equity_curve
    worst = drawdown(curve.starting_balance, curve.points)
    peak, trough = worst["drawdown_peak_date"], worst["drawdown_trough_date"]
    by_date = {row["date"]: row["equity"] for row in rows}
    task = chart_task(
        "C_H01",
        HARD,
        "Daily equity and drawdown",
        [
            "equity curve (line) + drawdown % from running peak (area, below it, shared date "
            "axis) from daily data below. equity #0b6e4f dd #c8553d axes #6b7280, open sans, 8px, "
            "bg #ffffff. mark max drawdown w depth + peak/trough dates. no anim no "
            "shadow/gradient. tooltip, zoom on x",
            "2 panels: top line daily equity #0b6e4f, bottom filled area drawdown % from peak "
            "#c8553d. axes #6b7280, font open sans, 8px corners, bg #ffffff. annotate the max "
            "dd (%, peak + trough date). no animation, no shadows/gradients. tooltips + x zoom "
            "both panels",
            "daily equity line & underwater drawdown area chart. colors #0b6e4f / #c8553d, text "
            "#6b7280, Open Sans, radius 8px, background #ffffff. compute dd vs running peak, "
            "label the worst one (depth, peak date, trough date). dont animate, flat no shadow "
            "no gradient. hover tooltip, zoom",
            "Can you chart the daily equity below as a line, with a drawdown panel under it? "
            "The drawdown is the % fall from the running peak, drawn as a filled area. Equity "
            "#0b6e4f, drawdown #c8553d, axes #6b7280, Open Sans, 8px corners, background "
            "#ffffff. Annotate the max drawdown with its depth and peak/trough dates. No "
            "animation, shadows or gradients. Tooltips, and let me zoom the date axis.",
            "I need an equity curve from the daily data below with an underwater chart beneath "
            "it: the drawdown from the running peak in percent, as a filled area. Equity line "
            "#0b6e4f, drawdown area #c8553d, axes and text #6b7280. Open Sans font, 8px "
            "rounded corners, #ffffff background. Mark the maximum drawdown with its size and "
            "the peak and trough dates. No animation, no shadows, no gradients. Tooltips on "
            "hover and zoom on the dates, applied to both panels.",
            "Build two panels that share the date axis from the daily equity below: on top the "
            "equity as a line (#0b6e4f), below it the drawdown from the running peak in percent "
            "as a filled area going down from 0% (#c8553d). Axes and text #6b7280, font Open "
            "Sans, corner radius 8px, background #ffffff. Annotate the maximum drawdown: its "
            "depth in percent and its peak and trough dates. No animation, no shadows, no "
            "gradients. Tooltips on hover; zooming the date range zooms both panels.",
            "Please create an equity and drawdown chart from the daily data below. Top panel: "
            "end-of-day equity as a line in #0b6e4f. Bottom panel, sharing the date axis: the "
            "drawdown from the running peak (equity / running max - 1, in percent) as a filled "
            "area in #c8553d. Axes and text in #6b7280, Open Sans font family, 8px corner radius, "
            "#ffffff background. Annotate the maximum drawdown with its depth and its peak and "
            "trough dates. No animation, no shadows, no gradients. Tooltips with the date, "
            "equity and drawdown; zoom on the date axis, linked across both panels.",
            "Build a two-panel time-series chart from the CSV below (date, equity in USD, one "
            "row per day). Top: equity line #0b6e4f. Bottom, same date axis: drawdown from the "
            "running peak in percent (equity / running max - 1) as a filled area #c8553d below "
            "zero. Axes and text #6b7280, font family Open Sans, corner radius 8px, background "
            "#ffffff. Annotate the maximum drawdown with its depth (%) and its peak and trough "
            "dates. No animation, no shadows, no gradients. Tooltip with date, equity and "
            "drawdown; x-axis zoom that applies to both panels.",
            "Create a two-panel chart from the CSV below (date, equity in USD; one row per "
            "calendar day). Panel 1: line of equity, color #0b6e4f. Panel 2, sharing the x "
            "(date) axis: area of drawdown = equity / running maximum of equity - 1, in percent, "
            "filled from 0 downwards, color #c8553d. Axes, ticks and text #6b7280. Font family "
            "Open Sans, corner radius 8px (container), background #ffffff. Annotation: the "
            "maximum drawdown, labelled with its depth in percent, its peak date and its "
            "trough date (the first day at the low). No animation, no shadows, no gradients. "
            "Interaction: tooltip with date, equity (USD) and drawdown (%); zoom on the date "
            "axis linked across both panels.",
            "Ticket: equity + underwater chart from the CSV below (date, equity in USD, daily). "
            "Panel 1: equity line #0b6e4f. Panel 2 (shared date axis): drawdown area #c8553d, "
            "drawdown = equity / running max - 1 in percent, filled from 0 down. Annotation: "
            "max drawdown with depth (%), peak date and trough date (first day at the low). "
            "Tokens: equity #0b6e4f, "
            "drawdown #c8553d, axes/text #6b7280, font family Open Sans, corner radius 8px "
            "(container), background #ffffff. Rules: no animation, no shadows, no gradients. "
            "Interaction: tooltip (date, equity USD, drawdown %); date-axis zoom linked across "
            "both panels.",
        ],
        data=csv_text(rows),
        chart_type="line+area",
        labels=[peak, trough],
        values=[*(row["equity"] for row in spread(rows, 14)), by_date[peak], by_date[trough]],
        colors=["#0b6e4f", "#c8553d", "#6b7280"],
        font="Open Sans",
        radius="8px",
        background="#ffffff",
        rules=["no-animation"],
        interactivity=["tooltip", "zoom"],
    )
    return task, render("C_H01.html", data=script_json(rows))


def _h02(data: ChartData) -> ChartSolved:
    rows = data.monthly_pnl_by_strategy()
    names = data.strategies
    colors = palette(names, STRATEGY_COLORS)
    cells = [row[name] for row in rows for name in names if row[name]]
    task = chart_task(
        "C_H02",
        HARD,
        "Monthly net PnL by strategy, stacked",
        [
            f"stacked bars monthly pnl by strategy (data below), losses stack below 0. {colors}. "
            "label each month's total above its bar. segoe ui, 4px, bg #ffffff. no anim no "
            "shadow/gradient. tooltips + legend toggle",
            "monthly net pnl stacked bar chart, 1 segment per strat, negatives under zero. "
            "momentum #4c78a8 mean rev #f58518 breakout #e45756 swing #72b7b2 scalping #54a24b "
            "pairs #b279a2. month total as a label on top. Segoe UI, 4px radius, bg #ffffff, no "
            "animation, no shadows no gradients. tooltip + click legend to hide strat",
            f"stack the strategies' pnl per month as bars. colors {colors}. total per month "
            "written above each stack. font segoe ui, corners 4px, white bg #ffffff. dont "
            "animate. flat, no shadow no gradient. legend toggles, hover tooltips",
            "Can you build a stacked bar chart of monthly net PnL with one segment per strategy "
            "(data below)? Losses should stack below zero. Colors: "
            f"{colors}. Put each month's total above its bar. Segoe UI font, 4px corners, "
            "#ffffff background. No animation, shadows or gradients. Tooltips, and a legend "
            "that toggles strategies.",
            "I'd like a stacked column chart of net PnL per month broken down by strategy, from "
            "the data below, with gains stacked above zero and losses below. Use these colors: "
            f"{colors}. Show the month's total net PnL as a label above each column. Segoe UI "
            "font, 4px rounded corners, #ffffff background. No animation, no shadows, no "
            "gradients. Tooltips on the segments and a legend that hides or shows a strategy "
            "when clicked.",
            "Build a stacked bar chart of monthly net PnL by strategy from the data below: one "
            "bar per month, one segment per strategy, positive segments stacked up from zero "
            f"and negative ones down. Colors: {colors}. Annotate each bar with the month's total "
            "net PnL. Font Segoe UI, corner radius 4px, background #ffffff. No animation, no "
            "shadows, no gradients. Tooltips per segment; clicking a legend entry toggles that "
            "strategy.",
            "Please create a stacked bar chart of net PnL per month with one segment per "
            "strategy, using the data below, months in order on the x-axis. Gains stack above "
            "zero and losses below. Strategy colors: "
            f"{colors}. Above each bar, label the month's total net PnL (the sum of all six "
            "strategies). Use the Segoe UI font family, a 4px corner radius and a #ffffff "
            "background. No animation, no shadows, no gradients. Tooltips show the month, "
            "strategy and PnL; the legend toggles a strategy on click.",
            "Build a stacked bar chart from the CSV below (month, then one net PnL column per "
            "strategy, USD): x = month in row order, one segment per strategy column, positive "
            "values stacked above zero and negative values below. Colors: "
            f"{colors}. Label each month with its total net PnL (sum of the six columns) above "
            "the bar. Font family Segoe UI, corner radius 4px, background #ffffff. No "
            "animation, no shadows, no gradients. Tooltip with month, strategy and USD amount; "
            "legend with click-to-toggle.",
            "Create a stacked bar chart from the CSV below (month, Momentum, Mean Reversion, "
            "Breakout, Swing, Scalping, Pairs; net PnL in USD): x = month in row order, one "
            "stacked segment per strategy, positive values stacked upward from zero and "
            f"negative values downward. Segment colors: {colors}. Annotation: each month's "
            "total (sum across strategies) as a USD label above its bar. Font family Segoe UI, "
            "corner radius 4px (container), background #ffffff. No animation, no shadows, no "
            "gradients. Interaction: tooltip with month, strategy and amount in USD; legend "
            "items toggle their strategy on click.",
            "Ticket: stacked bar chart of monthly net PnL by strategy from the CSV below "
            "(month, Momentum, Mean Reversion, Breakout, Swing, Scalping, Pairs in USD); x = "
            "month in row order; one segment per strategy, positives stacked up from zero, "
            "negatives down. Annotation: monthly total (sum of the six columns) labelled above "
            f"each bar in USD. Tokens: {colors}; font family Segoe UI; corner radius 4px "
            "(container); background #ffffff. Rules: no animation, no shadows, no gradients. "
            "Interaction: tooltip (month, strategy, USD); legend click toggles a strategy.",
        ],
        data=csv_text(rows),
        chart_type="stacked_bar",
        labels=names,
        values=spread(cells, 18),
        colors=STRATEGY_COLORS,
        font="Segoe UI",
        radius="4px",
        background="#ffffff",
        rules=["no-animation"],
        interactivity=["tooltip", "legend_toggle"],
    )
    return task, render("C_H02.html", data=script_json(rows))


def _h03(data: ChartData) -> ChartSolved:
    rows = data.trades_closed_in_q1()
    best = max(rows, key=lambda row: (row["net_pnl"], row["trade_id"]))
    worst = min(rows, key=lambda row: (row["net_pnl"], row["trade_id"]))
    task = chart_task(
        "C_H03",
        HARD,
        "Holding time against PnL, Q1 trades",
        [
            "scatter q1 trades: x holding time hrs (exit-entry, log scale) y net pnl, color by "
            "asset class stock #1b9e77 crypto #d95f02 fx #7570b3, axes #444444. label best & "
            "worst trade w id. georgia 4px bg #fcfcfa. no anim no shadow/gradient. tooltips + "
            "zoom",
            "dot plot holding hours vs pnl for the trades below. compute hours from entry/exit "
            "time, log x. stock #1b9e77, crypto #d95f02, fx #7570b3, text #444444. annotate "
            "best + worst trade (id + pnl). Georgia font, radius 4px, bg #fcfcfa. no animation, "
            "no shadows/gradients. hover tooltip, zoomable",
            "scatter chart: holding time (h, log axis) vs net pnl per trade. colors by class "
            "#1b9e77 stock / #d95f02 crypto / #7570b3 fx, axes #444444, Georgia, 4px corners, "
            "background #fcfcfa. call out best and worst trades by id. dont animate, flat no "
            "shadow no gradient. tooltips, zoom in/out",
            "Can you make a scatter plot of the Q1 trades below, with holding time in hours "
            "(exit minus entry, log scale) on x and net PnL on y? Color by asset class: stock "
            "#1b9e77, crypto #d95f02, fx #7570b3; axes #444444. Label the best and worst trade "
            "with their ids. Georgia font, 4px corners, #fcfcfa background. No animation, "
            "shadows or gradients. Tooltips and zoom, please.",
            "I want a scatter chart of every trade closed in Q1 (data below): how long we held "
            "it against what it made. Work out the holding time in hours from the entry and "
            "exit times and put it on a log-scale x-axis; net PnL goes on y. Stocks #1b9e77, "
            "crypto #d95f02, FX #7570b3, axes and text #444444. Annotate the best and the worst "
            "trade with their trade ids. Georgia font, 4px corners, #fcfcfa background. No "
            "animation, no shadows, no gradients. Tooltips on the dots and zoom.",
            "Build a scatter plot of the trades below, one dot per trade: x = holding time in "
            "hours (exit time minus entry time) on a log scale, y = net PnL. Color the dots by "
            "asset class: stock #1b9e77, crypto #d95f02, fx #7570b3. Axes and text #444444. "
            "Annotate the best and worst trades with their ids and PnL. Font Georgia, corner "
            "radius 4px, background #fcfcfa. No animation, no shadows, no gradients. Hovering a "
            "dot shows a tooltip; the plot can be zoomed and panned.",
            "Please create a scatter plot of the trades closed in Q1 2026 from the data below. "
            "For each trade compute the holding time in hours as exit_time minus entry_time and "
            "plot it on a logarithmic x-axis against net PnL on the y-axis. Dot colors by asset "
            "class: #1b9e77 for stock, #d95f02 for crypto, #7570b3 for fx; axes and text "
            "#444444. Annotate the best and the worst trade with their trade id and PnL. Use "
            "the Georgia font family, a 4px corner radius and a #fcfcfa background. No "
            "animation, no shadows, no gradients. Tooltips with the trade id, symbol, holding "
            "time and PnL; zoom and pan on the plot.",
            "Build a scatter plot from the CSV below (trade_id, symbol, asset_class, "
            "entry_time, exit_time, net_pnl in USD), one dot per row. x = holding time in hours "
            "(exit_time - entry_time) on a log scale; y = net_pnl with a zero line. Dot colors: "
            "stock #1b9e77, crypto #d95f02, fx #7570b3; axes and text #444444. Annotate the "
            "best and the worst trade with trade id and PnL. Font family Georgia, corner radius "
            "4px, background #fcfcfa. No animation, no shadows, no gradients. Tooltip with "
            "trade id, symbol, holding hours and PnL; zoom and pan.",
            "Create a scatter plot from the CSV below (trade_id, symbol, asset_class, "
            "entry_time, exit_time, net_pnl in USD): one point per row; x = holding time in "
            "hours computed as exit_time - entry_time, logarithmic axis; y = net_pnl in USD "
            "with a zero line. Point colors by asset_class: stock #1b9e77, crypto #d95f02, fx "
            "#7570b3; axes, ticks and text #444444. Annotations: the highest and the lowest "
            "net_pnl trades, labelled with trade_id and PnL. Font family Georgia, corner radius "
            "4px (container), background #fcfcfa. No animation, no shadows, no gradients. "
            "Interaction: tooltip (trade id, symbol, hours, PnL); zoom and pan on both axes.",
            "Ticket: scatter of Q1 2026 closed trades from the CSV below (trade_id, symbol, "
            "asset_class, entry_time, exit_time, net_pnl in USD). x = holding hours = "
            "exit_time - entry_time, log scale; y = net_pnl (USD) with a zero line; one point "
            "per row. Annotations: max and min net_pnl trades labelled with trade_id and PnL. "
            "Tokens: stock #1b9e77, crypto #d95f02, fx #7570b3, axes/text #444444, font family "
            "Georgia, corner radius 4px (container), background #fcfcfa. Rules: no animation, "
            "no shadows, no gradients. Interaction: tooltip (trade id, symbol, hours, PnL); "
            "zoom and pan.",
        ],
        data=csv_text(rows),
        chart_type="scatter",
        labels=[best["trade_id"], worst["trade_id"]],
        values=[
            best["net_pnl"],
            worst["net_pnl"],
            *(row["net_pnl"] for row in spread(rows, 12)),
        ],
        colors=["#1b9e77", "#d95f02", "#7570b3", "#444444"],
        font="Georgia",
        radius="4px",
        background="#fcfcfa",
        rules=["no-animation"],
        interactivity=["tooltip", "zoom"],
    )
    return task, render("C_H03.html", data=script_json(rows))


def _h04(data: ChartData) -> ChartSolved:
    rows = data.weekly_pnl()
    best = max(rows, key=lambda row: row["net_pnl"])
    worst = min(rows, key=lambda row: row["net_pnl"])
    task = chart_task(
        "C_H04",
        HARD,
        "Weekly net PnL and its running total",
        [
            "weekly pnl bars (+ #2f9e44 / - #e03131) + cumulative pnl line #1c7ed6 on 2nd y axis "
            "(right), data below. text #495057 arial 6px bg #f1f3f5. mark best+worst week. no "
            "anim no images no shadow/gradient. tooltip + zoom",
            "bar+line combo: bars weekly net pnl green #2f9e44 red #e03131, line running total "
            "#1c7ed6 on right axis. axes #495057, font arial, 6px corners, bg #f1f3f5. annotate "
            "best & worst weeks. no animation, no imgs, no shadows no gradients. tooltips, zoom",
            "weekly pnl as columns w cumulative line on a second axis. colors #2f9e44 up "
            "#e03131 down #1c7ed6 cum, labels #495057. Arial, radius 6px, background #f1f3f5. "
            "call out the best and worst week. dont animate, no image, flat no shadow/gradient. "
            "hover tips + zoom",
            "Can you make a combo chart from the weekly PnL below: bars for each week's net "
            "PnL (green #2f9e44 when up, red #e03131 when down) and a line for the running "
            "total (#1c7ed6) on a second y-axis on the right? Text #495057, Arial, 6px corners, "
            "#f1f3f5 background. Mark the best and worst weeks. No animation, no images, no "
            "shadows or gradients. Tooltips and zoom.",
            "I'd like weekly net PnL as bars with the cumulative PnL as a line over them on its "
            "own right-hand axis (data below). Positive weeks #2f9e44, negative weeks #e03131, "
            "cumulative line #1c7ed6, text #495057. Arial font, 6px rounded corners, #f1f3f5 "
            "background. Annotate the best week and the worst week. No animation, no images, "
            "no shadows, no gradients. Tooltips on hover and zooming on the weeks.",
            "Build a bar-and-line chart from the weekly data below: bars = each week's net PnL "
            "on the left axis (#2f9e44 for positive, #e03131 for negative), line = cumulative "
            "net PnL on a second y-axis on the right (#1c7ed6). Axes and text #495057, font "
            "Arial, corner radius 6px, background #f1f3f5. Annotate the best and worst weeks "
            "with their PnL. No animation, no images, no shadows, no gradients. Tooltips per "
            "week and zoom on the x-axis.",
            "Please create a dual-axis chart of weekly net PnL from the data below. Bars on the "
            "left y-axis show each week's net PnL, #2f9e44 when positive and #e03131 when "
            "negative; a line on a right-hand y-axis shows the cumulative net PnL (running sum "
            "of the weeks) in #1c7ed6. Axes and text in #495057. Use the Arial font family, a "
            "6px corner radius and a #f1f3f5 background. Annotate the best and the worst week "
            "with their PnL. No animation, no images, no shadows, no gradients. Tooltips with "
            "the week, its PnL and the running total; zoom on the week axis.",
            "Build a dual-axis bar + line chart from the CSV below (week as ISO week, net_pnl "
            "in USD), weeks in row order on x. Bars: weekly net_pnl on the left axis, fill "
            "#2f9e44 if positive and #e03131 if negative. Line: cumulative sum of net_pnl on a "
            "right-hand axis, color #1c7ed6. Axes and text #495057, font family Arial, corner "
            "radius 6px, background #f1f3f5. Annotate the best and worst weeks with their PnL. "
            "No animation, no images, no shadows, no gradients. Tooltip with week, PnL and "
            "running total; zoom on x.",
            "Create a combined bar and line chart with two y-axes from the CSV below (week = "
            "ISO week like 2025-W14, net_pnl in USD): x = week in row order. Left axis: bars of "
            "net_pnl, fill #2f9e44 for positive and #e03131 for negative weeks. Right axis: "
            "line of the cumulative net_pnl (running sum in row order), color #1c7ed6. Axes, "
            "ticks and text #495057. Annotations: the best week and the worst week, labelled "
            "with their PnL. Font family Arial, corner radius 6px (bars and container), "
            "background #f1f3f5. No animation, no images, no shadows, no gradients. "
            "Interaction: tooltip with week, weekly PnL and cumulative PnL; zoom on the x-axis.",
            "Ticket: dual-axis combo chart from the CSV below (week in ISO form, net_pnl in "
            "USD). x = week in row order. Left y: bars of net_pnl, #2f9e44 if >= 0 else "
            "#e03131. Right y: line of cumulative net_pnl (running sum), #1c7ed6. Annotations: "
            "best and worst week labelled with PnL. Tokens: #2f9e44, #e03131, #1c7ed6, "
            "axes/text #495057, font family Arial, corner radius 6px (bars and container), "
            "background #f1f3f5. Rules: no animation, no images, no shadows, no gradients. "
            "Interaction: tooltip (week, PnL, cumulative); x-axis zoom.",
        ],
        data=csv_text(rows),
        chart_type="bar+line",
        labels=[best["week"], worst["week"]],
        values=[best["net_pnl"], worst["net_pnl"], *column(spread(rows, 14), "net_pnl")],
        colors=["#2f9e44", "#e03131", "#1c7ed6", "#495057"],
        font="Arial",
        radius="6px",
        background="#f1f3f5",
        rules=["no-animation", "no-images"],
        interactivity=["tooltip", "zoom"],
    )
    return task, render("C_H04.html", data=script_json(rows))


def _h05(data: ChartData) -> ChartSolved:
    rows = data.entries_by_hour()
    classes = list(ASSET_CLASSES.values())
    counts = sorted({row[name] for row in rows for name in classes if row[name] >= 10})
    task = chart_task(
        "C_H05",
        HARD,
        "Trades entered by hour of day",
        [
            "stacked bars trades entered per utc hour 0-23 by asset class (data below). stocks "
            "#3b5b92 crypto #e3a33b fx #7a9e7e. shade 13:30-20:00 utc #d9d9d9 labelled 'US "
            "cash session (EDT)'. trebuchet ms 5px bg #fdfdfd. no external fonts no "
            "shadow/gradient. tooltips + legend toggle",
            "hourly entries stacked bar chart (stocks/crypto/fx), hours 0..23 UTC. #3b5b92 "
            "stocks #e3a33b crypto #7a9e7e fx. grey band #d9d9d9 behind 13:30-20:00 = US cash "
            "session in EDT (label it). font trebuchet ms, no web fonts, 5px corners, bg "
            "#fdfdfd, no shadows/gradients. tooltip, click legend to toggle",
            "stacked bars per hour by class: Stocks #3b5b92, Crypto #e3a33b, FX #7a9e7e. shaded "
            "#d9d9d9 band for the US cash session (EDT) 13:30-20:00 UTC, labelled. Trebuchet MS "
            "(dont load external fonts), radius 5px, background #fdfdfd, flat no shadow no "
            "gradient. tooltips, legend toggles",
            "Can you make a stacked bar chart of trades entered per hour of the day (UTC, data "
            "below), stacked by asset class? Stocks #3b5b92, Crypto #e3a33b, FX #7a9e7e. Shade "
            "the US cash session in summer time (EDT), 13:30 to 20:00 UTC, with a #d9d9d9 band "
            "and label it. "
            "Trebuchet MS, no external fonts, 5px corners, #fdfdfd background, no shadows or "
            "gradients. Tooltips and a legend that toggles classes.",
            "I want to see when in the day we enter trades: a stacked bar per UTC hour (0 to "
            "23) from the data below, split into Stocks #3b5b92, Crypto #e3a33b and FX #7a9e7e. "
            "Put a #d9d9d9 shaded band behind 13:30-20:00 UTC labelled 'US cash session "
            "(EDT)'. Use Trebuchet MS without loading external fonts, 5px corners and a #fdfdfd "
            "background. No shadows, no gradients. Tooltips on the segments, and a legend I "
            "can click to toggle each class.",
            "Build a stacked bar chart of trades entered per UTC hour (0-23) from the data "
            "below, one stack per hour with segments for Stocks (#3b5b92), Crypto (#e3a33b) and "
            "FX (#7a9e7e). Annotate the US cash session: a #d9d9d9 band from 13:30 to 20:00 "
            "UTC behind the bars, labelled 'US cash session (EDT)'. Font Trebuchet MS, no external "
            "fonts, corner radius 5px, background #fdfdfd. No shadows, no gradients. Tooltips "
            "per segment; clicking a legend entry toggles that class.",
            "Please create a stacked bar chart of the number of trades entered in each hour of "
            "the day (UTC, 0 to 23) from the data below, with one segment per asset class: "
            "Stocks #3b5b92, Crypto #e3a33b, FX #7a9e7e. Add an annotation for the US cash "
            "session: a shaded #d9d9d9 band behind the bars from 13:30 to 20:00 UTC, with the "
            "label 'US cash session (EDT)'. Use the Trebuchet MS font family without loading any "
            "external fonts, a 5px corner radius and a #fdfdfd background. No shadows, no "
            "gradients. Tooltips show the hour, class and count; the legend toggles a class on "
            "click.",
            "Build a stacked bar chart from the CSV below (hour 0-23 UTC, Stocks, Crypto, FX: "
            "trades entered): x = hour in row order, one stacked segment per column. Colors "
            "Stocks #3b5b92, Crypto #e3a33b, FX #7a9e7e. Annotation: a #d9d9d9 band behind the "
            "bars from 13:30 to 20:00 UTC labelled 'US cash session (EDT)'. Font family "
            "Trebuchet MS, no external fonts, corner radius 5px, background #fdfdfd. No "
            "shadows, no gradients. Tooltip with hour, asset class and count; legend with "
            "click-to-toggle.",
            "Create a stacked bar chart from the CSV below (hour, Stocks, Crypto, FX; counts of "
            "trades entered per UTC hour): x = hour 0..23 in row order, one segment per asset "
            "class column. Segment colors Stocks #3b5b92, Crypto #e3a33b, FX #7a9e7e. "
            "Annotation: shaded band #d9d9d9 behind the bars spanning 13:30 to 20:00 UTC, "
            "labelled 'US cash session (EDT)'. Font family Trebuchet MS (no external fonts), "
            "corner radius 5px (container and band), background #fdfdfd. No shadows, no gradients. "
            "Interaction: tooltip with hour, asset class and count; legend items toggle their "
            "class on click.",
            "Ticket: stacked bar chart of trades entered per UTC hour by asset class from the "
            "CSV below (hour, Stocks, Crypto, FX); x = hour 0..23 in row order, segments "
            "stacked per hour. Annotation: band #d9d9d9 behind the bars from 13:30 to 20:00 "
            "UTC, labelled 'US cash session (EDT)'. Tokens: Stocks #3b5b92, Crypto #e3a33b, FX "
            "#7a9e7e, band #d9d9d9, font family Trebuchet MS, corner radius 5px (container and "
            "band), background #fdfdfd. Rules: no external fonts, no shadows, no gradients. "
            "Interaction: tooltip (hour, class, count); legend click toggles a class.",
        ],
        data=csv_text(rows),
        chart_type="stacked_bar",
        labels=classes,
        values=counts,
        decimals=None,
        compact=False,
        colors=["#3b5b92", "#e3a33b", "#7a9e7e", "#d9d9d9"],
        font="Trebuchet MS",
        radius="5px",
        background="#fdfdfd",
        rules=["no-external-fonts"],
        interactivity=["tooltip", "legend_toggle"],
    )
    return task, render("C_H05.html", data=script_json(rows))


def _h06(data: ChartData) -> ChartSolved:
    rows = data.monthly_notional_by_strategy()
    names = data.strategies
    colors = palette(names, EARTH)
    cells = [row[name] for row in rows for name in names if row[name]]
    task = chart_task(
        "C_H06",
        HARD,
        "Each strategy's share of traded notional",
        [
            "100% stacked area: each strat's share of monthly notional (data below). "
            f"{colors}. tooltip per month w notional $ + share %. work sans 8px bg #fffdf8. no "
            "anim no external fonts no shadow/gradient. hover highlights month",
            "share of traded notional per strategy by month, stacked to 100% as areas. "
            "momentum #264653 mean rev #2a9d8f breakout #8ab17d swing #e9c46a scalping #f4a261 "
            "pairs #e76f51. font work sans (no web fonts), radius 8px, bg #fffdf8. no "
            "animation, no shadows/gradients. hover a month -> highlight + tooltip ($ and %)",
            f"stacked area chart normalised to 100%, strategies' notional share. {colors}. "
            "Work Sans, 8px corners, background #fffdf8, dont load external fonts, dont "
            "animate, flat no shadow no gradient. tooltips show notional & share, hover "
            "highlight",
            "Can you make a 100% stacked area chart of how the monthly traded notional splits "
            f"across strategies (data below)? Colors: {colors}. Work Sans font, no external "
            "fonts, 8px corners, #fffdf8 background. No animation, shadows or gradients. "
            "Hovering a month should highlight it and show a tooltip with each strategy's "
            "notional in dollars and its share.",
            "I'd like to see each strategy's share of the notional we traded every month (data "
            "below) as a stacked area chart that always adds up to 100%. Use "
            f"{colors}. Font Work Sans, but don't load external fonts; 8px rounded corners; "
            "#fffdf8 background. No animation, no shadows, no gradients. On hover, highlight "
            "the month and show a tooltip with every strategy's notional in USD and its share "
            "in percent.",
            "Build a 100% stacked area chart from the monthly notional below: for each month, "
            "every strategy's notional divided by the month's total, stacked to 100%. Colors: "
            f"{colors}. Font Work Sans with no external fonts, corner radius 8px, background "
            "#fffdf8. No animation, no shadows, no gradients. Hovering a month highlights it "
            "and shows a tooltip listing each strategy's notional in USD and its share.",
            "Please create a 100% stacked area chart of each strategy's share of the monthly "
            "traded notional from the data below, months in order on the x-axis and 0-100% on "
            "the y-axis. The share is the strategy's notional divided by the month's total "
            f"across all strategies. Colors: {colors}. Use the Work Sans font family without "
            "loading external fonts, an 8px corner radius and a #fffdf8 background. No "
            "animation, no shadows, no gradients. Hovering a month highlights it and shows a "
            "tooltip with each strategy's notional in USD and its share in percent.",
            "Build a 100% stacked area chart from the CSV below (month, then the entry notional "
            "in USD of each strategy): x = month in row order, y = share of the month's total "
            "notional, 0-100%, one stacked area per strategy. Colors: "
            f"{colors}. Font family Work Sans, no external fonts, corner radius 8px, "
            "background #fffdf8. No animation, no shadows, no gradients. Hover highlights the "
            "month and shows a tooltip with each strategy's notional (USD) and share (%).",
            "Create a percent-stacked area chart from the CSV below (month, Momentum, Mean "
            "Reversion, Breakout, Swing, Scalping, Pairs; entry notional in USD): x = month in "
            "row order; y = each strategy's share of that month's total notional (value / row "
            f"sum), stacked to 100%. Area colors: {colors}. Font family Work Sans (no external "
            "fonts), corner radius 8px (container), background #fffdf8. No animation, no "
            "shadows, no gradients. Interaction: hovering a month highlights it and shows a "
            "tooltip with every strategy's notional in USD and its share in percent.",
            "Ticket: 100% stacked area chart of strategy share of monthly entry notional from "
            "the CSV below (month, Momentum, Mean Reversion, Breakout, Swing, Scalping, Pairs "
            "in USD). x = month in row order; y = value / row sum, 0-100%, stacked in column "
            f"order. Tokens: {colors}; font family Work Sans; corner radius 8px (container); "
            "background #fffdf8. Rules: no animation, no external fonts, no shadows, no "
            "gradients. Interaction: hover highlights the month; tooltip with each strategy's "
            "notional (USD) and share (%).",
        ],
        data=csv_text(rows),
        chart_type="area",
        labels=names,
        values=spread(cells, 18),
        colors=EARTH,
        font="Work Sans",
        radius="8px",
        background="#fffdf8",
        rules=["no-animation", "no-external-fonts"],
        interactivity=["tooltip", "hover"],
    )
    return task, render("C_H06.html", chart=share_areas(rows, names, EARTH))
