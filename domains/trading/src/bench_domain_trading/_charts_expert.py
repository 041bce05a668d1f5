"""Expert charts: small dashboards of linked charts, heatmaps and small multiples over 100
points or more, with aggregates the chart computes itself."""

from __future__ import annotations

from bench_core import Difficulty

from ._chart_inputs import ChartData
from ._chart_task import (
    ChartSolved,
    chart_task,
    column,
    csv_text,
    json_text,
    render,
    script_json,
    spread,
)
from ._svg import small_multiples

EXPERT = Difficulty.EXPERT


def expert_charts(data: ChartData) -> list[ChartSolved]:
    """C_X01-C_X05."""
    return [_x01(data), _x02(data), _x03(data), _x04(data), _x05(data)]


def _x01(data: ChartData) -> ChartSolved:
    rows = data.monthly_pnl_by_symbol()
    traded = [row for row in rows if row["trades"]]
    symbols = sorted({row["symbol"] for row in rows})
    task = chart_task(
        "C_X01",
        EXPERT,
        "Symbol by month PnL heatmap with a linked detail chart",
        [
            "heatmap symbol x month net pnl (data below), loss #b2182b -> 0 #f7f7f7 -> gain "
            "#2166ac, row totals + month totals at the edges. click a symbol row -> bar chart "
            "under it w that symbol's monthly pnl. tooltips, hover highlight. txt #252525 "
            "tahoma 3px bg #ffffff, no anim no shadow/gradient",
            "pnl heatmap: symbols down, months across, diverging #b2182b/#f7f7f7/#2166ac "
            "(centered on 0). show totals per symbol and per month. clicking a row fills a "
            "linked bar chart below with that symbol by month. tooltip on cells, highlight row "
            "on hover. text #252525, font tahoma, 3px corners, bg #ffffff. no animation, no "
            "shadows or gradients",
            "dashboard: heatmap (symbol rows, month cols) of net pnl + detail bars for the "
            "clicked symbol. colors losses #b2182b zero #f7f7f7 gains #2166ac, labels #252525. "
            "row & column totals. Tahoma, radius 3px, background #ffffff. dont animate, flat no "
            "shadow no gradient. hover tooltips + row highlight, click to drill in",
            "Can you build a heatmap of net PnL by symbol and month from the data below, with "
            "symbols as rows and months as columns? Diverging colors centered on zero: losses "
            "#b2182b, zero #f7f7f7, gains #2166ac. Add each symbol's total and each month's "
            "total. Clicking a symbol should show its monthly PnL as a bar chart underneath. "
            "Tooltips and hover highlight on the cells. Text #252525, Tahoma, 3px corners, "
            "#ffffff background. No animation, shadows or gradients.",
            "I'd like a small dashboard from the data below: a heatmap of net PnL with one row "
            "per symbol and one column per month, colored from #b2182b (losses) through "
            "#f7f7f7 (zero) to #2166ac (gains), with the row totals on the right and month "
            "totals along the bottom. Under it, a bar chart of the monthly PnL of whichever "
            "symbol I click in the heatmap. Hovering a cell highlights it and shows a tooltip "
            "with the trades and PnL. Text #252525, Tahoma font, 3px corners, #ffffff "
            "background. No animation, no shadows, no gradients.",
            "Build a two-part dashboard from the data below. Part 1: a heatmap, symbols as rows "
            "and months as columns, each cell colored by net PnL on a diverging scale centered "
            "on zero (#b2182b for losses, #f7f7f7 at zero, #2166ac for gains); each row ends "
            "with the symbol's total and each column with the month's total. Part 2: a bar "
            "chart below it with the monthly net PnL of the symbol clicked in the heatmap. "
            "Hover highlights the cell and shows a tooltip with symbol, month, trades and PnL. "
            "Text #252525, font Tahoma, corner radius 3px, background #ffffff. No animation, no "
            "shadows, no gradients.",
            "Please create a linked dashboard from the data below. The main view is a heatmap "
            "of net PnL by symbol (rows) and month (columns), on a diverging color scale "
            "centered on zero from #b2182b for losses through #f7f7f7 to #2166ac for gains, with "
            "computed totals: each symbol's total at the end of its row and each month's total "
            "under its column. Clicking a symbol's row updates a bar chart below the heatmap "
            "with that symbol's net PnL per month. Hovering a cell highlights it and shows a "
            "tooltip with symbol, month, trade count and PnL in USD. Text #252525, the Tahoma "
            "font family, a 3px corner radius and a #ffffff background. No animation, no "
            "shadows, no gradients.",
            "Build a linked two-chart dashboard from the CSV below (symbol, month, trades, "
            "net_pnl in USD; one row per symbol and month). Chart 1: heatmap with symbols as "
            "rows and months as columns, cell color on a diverging scale centered on 0: "
            "#b2182b (loss), #f7f7f7 (zero), #2166ac (gain); row totals per symbol and column "
            "totals per month. Chart 2: bar chart of the clicked symbol's net_pnl by month, "
            "updated on click. Tooltip on cells (symbol, month, trades, PnL) and hover "
            "highlight. Text #252525, font family Tahoma, corner radius 3px, background "
            "#ffffff. No animation, no shadows, no gradients.",
            "Create a dashboard of two linked charts from the CSV below (symbol, month, trades, "
            "net_pnl in USD). Heatmap: y = symbol, x = month in data order, fill = net_pnl on a "
            "diverging scale centered on zero with #b2182b for losses, #f7f7f7 for zero and "
            "#2166ac for gains; computed aggregates: the total net_pnl of each symbol at the "
            "right end of its row and of each month below its column. Detail: a bar chart of "
            "net_pnl by month for the symbol last clicked in the heatmap. Text and axes "
            "#252525; font family Tahoma; corner radius 3px (cells, bars, container); "
            "background #ffffff. No animation, no shadows, no gradients. Interaction: click a "
            "row to drill into it; hover highlights a cell with a tooltip (symbol, month, "
            "trades, net PnL in USD).",
            "Ticket: linked dashboard from the CSV below (symbol, month, trades, net_pnl in "
            "USD). (1) Heatmap: rows = symbols, columns = months; fill = net_pnl, diverging "
            "scale centered on 0: #b2182b (loss) / #f7f7f7 (zero) / #2166ac (gain); row totals "
            "per symbol and column totals per month. (2) Bar chart of the selected symbol's "
            "net_pnl by month; clicking a heatmap row selects the symbol. Tokens: #b2182b, "
            "#f7f7f7, #2166ac, text #252525, font family Tahoma, corner radius 3px (cells, "
            "bars, container), background #ffffff. Rules: no animation, no shadows, no "
            "gradients. Interaction: click to select, hover highlight, tooltip (symbol, month, "
            "trades, USD).",
        ],
        data=csv_text(rows),
        chart_type="heatmap+bar",
        labels=symbols,
        values=column(spread(traded, 16), "net_pnl"),
        colors=["#b2182b", "#f7f7f7", "#2166ac", "#252525"],
        font="Tahoma",
        radius="3px",
        background="#ffffff",
        rules=["no-animation"],
        interactivity=["tooltip", "click", "hover"],
    )
    return task, render("C_X01.html", data=script_json(rows))


def _x02(data: ChartData) -> ChartSolved:
    rows = data.daily_pnl()
    active = [row for row in rows if row["trades_closed"]]
    task = chart_task(
        "C_X02",
        EXPERT,
        "Calendar heatmap of daily PnL with monthly totals",
        [
            "calendar heatmap daily net pnl (data below) + bar chart of monthly totals under "
            "it. loss #ef4444 gain #22c55e no-pnl days #334155 txt #e2e8f0 bg #0f172a, roboto "
            "mono, 6px. click a month bar -> highlight its days in the calendar. tooltips. no "
            "anim no external fonts no shadow/gradient",
            "daily pnl calendar heatmap (weeks x weekdays) + monthly total bars. colors red "
            "#ef4444 green #22c55e flat days #334155, text #e2e8f0, dark bg #0f172a. font roboto "
            "mono, no web fonts, 6px corners. clicking a bar highlights that month in the "
            "calendar. tooltips both charts. no animation, no shadows/gradients",
            "calendar heat map of pnl per day + bars of pnl per month (sum it). #ef4444 losses "
            "#22c55e gains #334155 zero days, labels #e2e8f0, background #0f172a, Roboto Mono, "
            "dont load external fonts, radius 6px. click month bar = highlight month days. "
            "hover tips. dont animate, flat no shadow no gradient",
            "Can you build a calendar heatmap of daily net PnL from the data below, with a bar "
            "chart of monthly totals under it? Losing days #ef4444, winning days #22c55e, days "
            "with no PnL #334155, text #e2e8f0, background #0f172a, Roboto Mono (no external "
            "fonts), 6px corners. Clicking a month's bar should highlight that month's days in "
            "the calendar. Tooltips on both. No animation, shadows or gradients.",
            "I want a calendar-style heatmap of each day's net PnL (data below) and, below it, "
            "bars with the total PnL of each month, which you'll need to add up. Red #ef4444 "
            "for losses, green #22c55e for gains, #334155 for days with no realized PnL, "
            "#e2e8f0 text on a #0f172a background. Roboto Mono, no external fonts, 6px rounded "
            "corners. When I click a month's bar, highlight that month in the calendar. "
            "Tooltips with the amounts. No animation, no shadows, no gradients.",
            "Build a dashboard from the daily data below: a calendar heatmap (one cell per day, "
            "laid out by week and weekday) colored by net PnL, and under it a bar chart of each "
            "month's total net PnL computed from the days. Colors: losses #ef4444, gains "
            "#22c55e, days without PnL #334155, text #e2e8f0, background #0f172a. Font Roboto "
            "Mono without external fonts, corner radius 6px. Clicking a month's bar highlights "
            "its days in the calendar. Tooltips show the date, PnL and trades closed, or the "
            "month's total. No animation, no shadows, no gradients.",
            "Please create a two-chart dashboard from the daily PnL data below. Top: a calendar "
            "heatmap with one cell per day, arranged by week and weekday, colored by the day's "
            "net PnL: #ef4444 for losses, #22c55e for gains, #334155 where the PnL is zero. "
            "Bottom: a bar chart of monthly net PnL totals, summed from the daily rows, with "
            "bars colored the same way. Clicking a month's bar highlights that month's days in "
            "the heatmap. Text #e2e8f0, background #0f172a, the Roboto Mono font family "
            "without loading external fonts, and a 6px corner radius. No animation, no "
            "shadows, no gradients. Tooltips on days (date, PnL, trades closed) and on bars "
            "(month, total).",
            "Build a linked two-chart dashboard from the CSV below (date, net_pnl in USD, "
            "trades_closed; one row per calendar day). Chart 1: calendar heatmap, one cell per "
            "date by week and weekday, colored by net_pnl: #ef4444 negative, #22c55e positive, "
            "#334155 zero. Chart 2: bar chart of each month's total net_pnl (sum of its days), "
            "same colors by sign. Clicking a bar highlights that month's cells in the heatmap. "
            "Text #e2e8f0, background #0f172a, font family Roboto Mono (no external fonts), "
            "corner radius 6px. No animation, no shadows, no gradients. Tooltips: date, PnL "
            "and trades closed on cells; month and total on bars.",
            "Create a dashboard of two linked charts from the CSV below (date, net_pnl in USD, "
            "trades_closed). Calendar heatmap: one cell per date, columns = weeks, rows = "
            "weekdays; fill #ef4444 when net_pnl < 0, #22c55e when > 0 and #334155 when 0 "
            "(shading by magnitude allowed, no gradient fills). Bar chart: total net_pnl per "
            "calendar month, computed by summing the daily rows, bars #22c55e or #ef4444 by "
            "sign. Interaction: clicking a month's bar highlights that month's cells in the "
            "heatmap; tooltips on cells (date, net PnL in USD, trades closed) and bars (month, "
            "total). Text #e2e8f0, background #0f172a, font family Roboto Mono (no external "
            "fonts), corner radius 6px (cells, bars, container). No animation, no shadows, no "
            "gradients.",
            "Ticket: linked dashboard from the CSV below (date, net_pnl in USD, trades_closed; "
            "daily). (1) Calendar heatmap, columns = weeks, rows = weekdays; fill by sign of "
            "net_pnl: #ef4444 (< 0), #22c55e (> 0), #334155 (= 0); magnitude shading allowed, "
            "no gradients. (2) Bar chart of monthly totals = sum of net_pnl per calendar month, "
            "filled by sign. Click a bar: highlight that month's cells in (1). Tokens: "
            "#ef4444, #22c55e, #334155, text #e2e8f0, font family Roboto Mono, corner radius "
            "6px (cells, bars, container), background #0f172a. Rules: no animation, no "
            "external fonts, no shadows, no gradients. Interaction: click; tooltips (cell: "
            "date, PnL, trades; bar: month, total).",
        ],
        data=csv_text(rows),
        chart_type="heatmap+bar",
        values=column(spread(active, 16), "net_pnl"),
        colors=["#ef4444", "#22c55e", "#334155", "#e2e8f0"],
        font="Roboto Mono",
        radius="6px",
        background="#0f172a",
        rules=["no-animation", "no-external-fonts"],
        interactivity=["tooltip", "click"],
    )
    return task, render("C_X02.html", data=script_json(rows))


def _x03(data: ChartData) -> ChartSolved:
    trades = data.trades_closed_in_2026()
    task = chart_task(
        "C_X03",
        EXPERT,
        "Strategy totals that filter a trade scatter",
        [
            "2 linked charts from the trades below: bars = total net pnl per strategy (sum it), "
            "scatter = each trade holding_hours (log x) vs net pnl. click a bar -> scatter only "
            "shows that strategy, click again = all. bars #6366f1, unselected bars #c7d2fe, "
            "dots win #16a34a loss #dc2626, txt #1e293b. poppins 8px bg #ffffff. no anim no "
            "images no shadow/gradient. tooltips",
            "dashboard: bar chart of total pnl by strategy (computed) + scatter of trades "
            "(holding hrs log scale vs pnl). clicking a strategy bar filters the scatter to it, "
            "clicking it again resets. colors: bars #6366f1, others faded #c7d2fe when one is "
            "picked, winners #16a34a, losers #dc2626, text #1e293b. font poppins, radius 8px, "
            "bg #ffffff. no animation, no imgs, no shadows/gradients. tooltips on both",
            "strategy totals bars #6366f1 (faded #c7d2fe if not selected) linked to a scatter "
            "of every trade: x holding hours log, y net pnl, green #16a34a / red #dc2626. click "
            "bar to filter, click again to clear. labels #1e293b, Poppins, 8px corners, "
            "background #ffffff. dont animate, no images, flat no shadow no gradient, tooltip",
            "Can you build two linked charts from the trades below? First a bar chart of total "
            "net PnL per strategy (you'll have to sum the trades), then a scatter plot of each "
            "trade's holding hours (log scale) against net PnL. Clicking a strategy's bar "
            "filters the scatter to that strategy; clicking it again shows all. Bars #6366f1, "
            "unselected bars #c7d2fe, winning trades #16a34a, losing #dc2626, text #1e293b, "
            "Poppins, 8px corners, #ffffff background. No animation, images, shadows or "
            "gradients. Tooltips on both.",
            "I'd like a small dashboard from this year's trades (data below): a bar chart of "
            "each strategy's total net PnL, computed from the trades, and next to it a scatter "
            "plot of every trade with holding time in hours on a log x-axis and net PnL on y. "
            "When I click a strategy's bar, the scatter should only show that strategy's "
            "trades, and clicking the same bar again brings everything back. Bars #6366f1 with "
            "the unselected ones fading to #c7d2fe, winners #16a34a, losers #dc2626, text "
            "#1e293b. Poppins font, 8px corners, #ffffff background. No animation, no images, "
            "no shadows, no gradients. Tooltips, please.",
            "Build a linked dashboard from the trades below. Chart 1: bar chart of total net "
            "PnL per strategy, summed from the trades. Chart 2: scatter plot with one dot per "
            "trade, x = holding_hours on a log scale, y = net PnL. Clicking a strategy bar "
            "filters the scatter to that strategy and fades the other bars; clicking it again "
            "clears the filter. Colors: bars #6366f1, faded bars #c7d2fe, winning dots "
            "#16a34a, losing dots #dc2626, text #1e293b. Font Poppins, corner radius 8px, "
            "background #ffffff. No animation, no images, no shadows, no gradients. Tooltips "
            "on bars and dots.",
            "Please create a two-chart dashboard from the trades closed in 2026 (data below). "
            "Left: a bar chart of each strategy's total net PnL, computed by summing its "
            "trades. Right: a scatter plot of every trade, holding_hours on a logarithmic "
            "x-axis and net PnL on the y-axis, dots colored #16a34a for winners and #dc2626 "
            "for losers. Clicking a strategy's bar filters the scatter to that strategy's "
            "trades and fades the other bars from #6366f1 to #c7d2fe; clicking the selected "
            "bar again shows all trades. Text #1e293b, the Poppins font family, an 8px corner "
            "radius and a #ffffff background. No animation, no images, no shadows, no "
            "gradients. Tooltips: strategy and total on bars; id, symbol, hours and PnL on dots.",
            "Build a linked two-chart dashboard from the JSON below (an array of trades: id, "
            "strategy, symbol, exit_date, holding_hours, net_pnl in USD). Chart 1: bar chart of "
            "total net_pnl per strategy (aggregated from the trades), bars #6366f1. Chart 2: "
            "scatter, one point per trade, x = holding_hours (log scale), y = net_pnl; points "
            "#16a34a if net_pnl > 0, else #dc2626. Clicking a bar filters chart 2 to that "
            "strategy and fades the other bars to #c7d2fe; clicking it again clears the "
            "filter. Text #1e293b, font family Poppins, corner radius 8px, background #ffffff. "
            "No animation, no images, no shadows, no gradients. Tooltips on bars and points.",
            "Create a dashboard of two linked charts from the JSON below (array of trades with "
            "id, strategy, symbol, exit_date, holding_hours, net_pnl in USD). Bar chart: x = "
            "strategy, y = sum of net_pnl per strategy (computed in the chart), fill #6366f1; "
            "when a strategy is selected the other bars turn #c7d2fe. Scatter: x = "
            "holding_hours on a logarithmic axis, y = net_pnl, point color #16a34a for "
            "net_pnl > 0 and #dc2626 otherwise. Interaction: clicking a bar filters the "
            "scatter to that strategy, clicking the selected bar again clears the filter; "
            "tooltips on bars (strategy, total in USD) and points (id, symbol, hours, net PnL "
            "in USD). Text and axes #1e293b, font family Poppins, corner radius 8px (bars and "
            "container), background #ffffff. No animation, no images, no shadows, no gradients.",
            "Ticket: linked dashboard from the JSON below (trades: id, strategy, symbol, "
            "exit_date, holding_hours, net_pnl in USD). (1) Bar chart: sum of net_pnl per "
            "strategy, fill #6366f1, unselected bars #c7d2fe while a selection is active. (2) "
            "Scatter: x = holding_hours (log), y = net_pnl; #16a34a if > 0 else #dc2626. Click "
            "a bar: filter (2) to that strategy; click it again: clear. Tokens: #6366f1, "
            "#c7d2fe, #16a34a, #dc2626, text/axes #1e293b, font family Poppins, corner radius "
            "8px (bars and container), background #ffffff. Rules: no animation, no images, no "
            "shadows, no gradients. Interaction: click filter; tooltips (bar: strategy, total; "
            "point: id, symbol, hours, USD).",
        ],
        data=json_text(trades),
        data_format="json",
        chart_type="bar+scatter",
        labels=data.strategies,
        values=column(spread(trades, 16), "net_pnl"),
        colors=["#6366f1", "#c7d2fe", "#16a34a", "#dc2626", "#1e293b"],
        font="Poppins",
        radius="8px",
        background="#ffffff",
        rules=["no-animation", "no-images"],
        interactivity=["tooltip", "click"],
    )
    return task, render("C_X03.html", data=script_json(trades))


def _x04(data: ChartData) -> ChartSolved:
    rows = data.weekly_pnl_by_strategy()
    names = data.strategies
    cells = [row[name] for row in rows for name in names if row[name]]
    task = chart_task(
        "C_X04",
        EXPERT,
        "Small multiples of each strategy's cumulative PnL",
        [
            "small multiples: 1 mini line chart per strategy (6, 3x2 grid) of cumulative weekly "
            "pnl (running sum of data below), same y scale all panels, zero line #94a3b8. line "
            "#0f766e, crosshair #f59e0b synced across panels on hover w week pnl + cumulative "
            "readout (tooltip). txt #1f2937, pt sans, 4px, bg #f9fafb. no anim no images no "
            "shadow/gradient",
            "6 small line charts, one per strat, cumulative net pnl by week (sum the weekly "
            "cols). shared y axis range, zero line #94a3b8, lines #0f766e. hover one panel -> "
            "#f59e0b crosshair at that week in all 6 + tooltip/readout with the week's pnl and "
            "running total. text #1f2937, font PT Sans, 4px corners, bg #f9fafb. no animation, "
            "no images, no shadows or gradients",
            "small multiple line charts (grid of 6) - cumulative weekly pnl per strategy, same "
            "scale. colors line #0f766e zero #94a3b8 crosshair #f59e0b text #1f2937. pt sans, "
            "radius 4px, background #f9fafb. hovering syncs a crosshair over every panel and "
            "shows week + cumulative values. dont animate, no image, flat no shadow no gradient",
            "Can you make small multiples from the weekly data below: six little line charts, "
            "one per strategy, each showing the strategy's cumulative net PnL week by week, all "
            "on the same y scale? Lines #0f766e, zero line #94a3b8, text #1f2937. When I hover "
            "a week in any panel, show a #f59e0b crosshair at that week in all six panels and a "
            "tooltip-style readout of the week's PnL and running total. PT Sans, 4px corners, "
            "#f9fafb background. No animation, images, shadows or gradients.",
            "I'd like a grid of six small line charts (3 by 2), one for each strategy, plotting "
            "the running total of its weekly net PnL from the data below. Use one shared y "
            "scale so the panels compare, draw each line in #0f766e with a #94a3b8 zero line, "
            "and #1f2937 for text. Hovering over any panel should move a #f59e0b crosshair to "
            "the same week in every panel and show, in each, that week's PnL and the "
            "cumulative total as a tooltip readout. PT Sans font, 4px corners, #f9fafb "
            "background. No animation, no images, no shadows, no gradients.",
            "Build small multiples from the weekly net PnL below: six panels in a 3 x 2 grid, "
            "one per strategy, each a line of that strategy's cumulative net PnL (running sum "
            "of its weekly values). All panels share the same y-axis range and show a zero "
            "line. Colors: lines #0f766e, zero line #94a3b8, crosshair #f59e0b, text #1f2937. "
            "Hover: a crosshair at the hovered week appears in all six panels, with a tooltip "
            "readout per panel of the week's PnL and the cumulative PnL. Font PT Sans, corner "
            "radius 4px, background #f9fafb. No animation, no images, no shadows, no gradients.",
            "Please create a small-multiples chart from the weekly data below: one small line "
            "chart per strategy (six panels, three columns by two rows), each plotting the "
            "strategy's cumulative net PnL by week, computed as the running sum of its weekly "
            "column. Use a single y scale shared by all panels, with a #94a3b8 zero line and "
            "the lines in #0f766e; text #1f2937. Hovering any panel draws a #f59e0b vertical "
            "crosshair at that week in every panel and shows, in each panel, a tooltip readout "
            "with the week, its net PnL and the cumulative PnL. Font family PT Sans, 4px corner "
            "radius, #f9fafb background. No animation, no images, no shadows, no gradients.",
            "Build a small-multiples line chart from the CSV below (week in ISO form, then one "
            "weekly net PnL column per strategy, USD): six panels in a 3 x 2 grid, one per "
            "strategy column, each a line of the cumulative sum of that column in row order. "
            "Shared y-axis range across panels, zero line #94a3b8, lines #0f766e, text "
            "#1f2937. Synchronised hover: a #f59e0b crosshair at the hovered week in every "
            "panel, with a tooltip readout per panel of the week's PnL and the cumulative PnL. "
            "Font family PT Sans, corner radius 4px, background #f9fafb. No animation, no "
            "images, no shadows, no gradients.",
            "Create small multiples from the CSV below (week, Momentum, Mean Reversion, "
            "Breakout, Swing, Scalping, Pairs; weekly net PnL in USD): six line charts in a 3 x "
            "2 grid, one per strategy column, x = week in row order, y = cumulative net PnL "
            "(running sum of the column). All panels use the same y domain and draw a zero "
            "line in #94a3b8; lines #0f766e; text and axes #1f2937. Interaction: hovering any "
            "panel shows a #f59e0b vertical crosshair at that week in all six panels and a "
            "tooltip readout in each with the week, the weekly net PnL and the cumulative net "
            "PnL in USD. Font family PT Sans, corner radius 4px (panels and container), "
            "background #f9fafb. No animation, no images, no shadows, no gradients.",
            "Ticket: small multiples from the CSV below (week, Momentum, Mean Reversion, "
            "Breakout, Swing, Scalping, Pairs; weekly net PnL in USD). Six line panels (3 x 2), "
            "one per strategy column; x = week in row order; y = running sum of the column; "
            "shared y domain; zero line. Tokens: lines #0f766e, zero line #94a3b8, crosshair "
            "#f59e0b, text/axes #1f2937, font family PT Sans, corner radius 4px (panels and "
            "container), background #f9fafb. Rules: no animation, no images, no shadows, no "
            "gradients. Interaction: hover syncs a crosshair across all panels; tooltip "
            "readout per panel (week, weekly PnL, cumulative PnL in USD).",
        ],
        data=csv_text(rows),
        chart_type="line",
        labels=names,
        values=spread(cells, 18),
        colors=["#0f766e", "#94a3b8", "#f59e0b", "#1f2937"],
        font="PT Sans",
        radius="4px",
        background="#f9fafb",
        rules=["no-animation", "no-images"],
        interactivity=["hover", "tooltip"],
    )
    return task, render("C_X04.html", panels=small_multiples(rows, names), data=script_json(rows))


def _x05(data: ChartData) -> ChartSolved:
    snapshot = data.risk_snapshot()
    positions, equity = snapshot["positions"], snapshot["equity"]
    task = chart_task(
        "C_X05",
        EXPERT,
        "Risk dashboard: exposure, asset mix and recent equity",
        [
            "risk dashboard, 3 linked charts from the json below: bars market value per open "
            "position (long #2563eb short #ea580c), pie of exposure by asset class (sum it: "
            "stocks #7c3aed crypto #f59e0b fx #10b981), equity line last 120d #334155 w "
            "zoom. click a bar -> highlight its asset class in the pie. tooltips. ubuntu "
            "6px bg #fafaf9. no anim no 3d no shadow/gradient",
            "3-chart risk view: (1) bar chart of each open position's market value, long "
            "#2563eb / short #ea580c, (2) pie of total market value per asset class you "
            "compute - Stocks #7c3aed Crypto #f59e0b FX #10b981, (3) line of daily equity "
            "#334155 with zoom. clicking a position bar highlights its class slice. tooltips "
            "everywhere. font ubuntu, 6px corners, bg #fafaf9. no animation, no 3d, no "
            "shadows/gradients",
            "dashboard from json: positions bars by market value (#2563eb long, #ea580c short), "
            "asset class pie (Stocks #7c3aed / Crypto #f59e0b / FX #10b981, summed), equity "
            "curve line #334155 zoomable. click bar = highlight matching slice. Ubuntu, radius "
            "6px, background #fafaf9. dont animate, no 3D, flat no shadow no gradient. hover "
            "tooltips",
            "Can you build a risk dashboard from the JSON below with three linked charts? A bar "
            "chart of each open position's market value (long #2563eb, short #ea580c), a pie "
            "of total market value by asset class that you sum from the positions (Stocks "
            "#7c3aed, Crypto #f59e0b, FX #10b981), and a line of the last 120 days of equity "
            "(#334155) that I can zoom. Clicking a position's bar should highlight its asset "
            "class in the pie. Tooltips on all three. Ubuntu font, 6px corners, #fafaf9 "
            "background. No animation, no 3D, no shadows or gradients.",
            "I'd like a one-page risk dashboard from the JSON below. It needs a bar chart with "
            "one bar per open position sized by market value, blue #2563eb for longs and "
            "orange #ea580c for shorts; a pie chart of market value per asset class, added up "
            "from the positions, with Stocks #7c3aed, Crypto #f59e0b and FX #10b981; and a line "
            "chart of the equity over the last 120 days in #334155 that I can zoom into. "
            "When I click a bar, the pie should highlight that position's asset "
            "class. Tooltips everywhere. Ubuntu font, 6px corners, #fafaf9 background. No "
            "animation, no 3D, no shadows, no gradients.",
            "Build a three-chart risk dashboard from the JSON below. Chart 1: bar chart of the "
            "open positions' market value, one bar per position labelled by symbol, colored "
            "by side (long #2563eb, short #ea580c). Chart 2: pie chart of total market value "
            "per asset class, aggregated from the positions (Stocks #7c3aed, Crypto #f59e0b, "
            "FX #10b981). Chart 3: line chart of daily equity (#334155) with zoom on the date "
            "range. Clicking a position's bar highlights its asset class slice in the pie. "
            "Tooltips on bars, slices and the line. Font Ubuntu, corner radius 6px, "
            "background #fafaf9. No animation, no 3D, no shadows, no gradients.",
            "Please create a linked risk dashboard from the JSON below, which has the open "
            "positions and the last 120 days of equity. First, a bar chart of each position's "
            "market value labelled by symbol, #2563eb for long and #ea580c for short. Second, "
            "a pie chart of the total market value in each asset class, computed by summing "
            "the positions: Stocks #7c3aed, Crypto #f59e0b, FX #10b981. Third, a line chart of "
            "the daily equity in #334155, zoomable on the date axis. Clicking a position's bar "
            "highlights its asset class in the pie. Tooltips on every chart. Use the Ubuntu "
            "font family, a 6px corner radius and a #fafaf9 background. No animation, no 3D, "
            "no shadows, no gradients.",
            "Build a linked three-chart dashboard from the JSON below (positions: position_id, "
            "symbol, asset_class, side, market_value and unrealized_pnl in USD; equity: date, "
            "equity in USD). Chart 1: bar chart, one bar per position (label = symbol, height "
            "= market_value), fill #2563eb for long and #ea580c for short. Chart 2: pie of "
            "market_value summed per asset_class: Stocks #7c3aed, Crypto #f59e0b, FX #10b981. "
            "Chart 3: line of equity by date, #334155, with zoom. Click a bar: highlight its "
            "asset class in the pie. Font family Ubuntu, corner radius 6px, background "
            "#fafaf9. No animation, no 3D, no shadows, no gradients. Tooltips on all charts.",
            'Create a dashboard of three linked charts from the JSON below ("positions": '
            "position_id, symbol, asset_class, side, market_value, unrealized_pnl in USD; "
            '"equity": date, equity in USD for the last 120 days). Bar chart: x = symbol, y '
            "= market_value, fill by side (long #2563eb, short #ea580c). Pie chart: "
            "market_value aggregated per asset_class, slices Stocks #7c3aed, Crypto #f59e0b, "
            "FX #10b981. Line chart: equity by date in #334155, zoomable on the x-axis. "
            "Interaction: clicking a bar highlights the slice of its asset class in the pie; "
            "tooltips on bars (symbol, side, market value, unrealized PnL), slices (class, "
            "total) and the line (date, equity). Font family Ubuntu, corner radius 6px (bars "
            "and container), background #fafaf9. No animation, no 3D, no shadows, no gradients.",
            "Ticket: linked risk dashboard from the JSON below (positions[]: position_id, "
            "symbol, asset_class, side, market_value, unrealized_pnl in USD; equity[]: date, "
            "equity in USD, last 120 days). (1) Bars: market_value per position, x = symbol, "
            "#2563eb long / #ea580c short. (2) Pie: sum of market_value per asset_class, "
            "Stocks #7c3aed, Crypto #f59e0b, FX #10b981. (3) Line: equity by date, #334155, "
            "x-axis zoom. Click a bar: highlight its asset_class in (2). Tokens: the six "
            "colors above, font family Ubuntu, corner radius 6px (bars and container), "
            "background #fafaf9. Rules: no animation, no 3D, no shadows, no gradients. "
            "Interaction: click, zoom, tooltips on all three charts.",
        ],
        data=json_text(snapshot),
        data_format="json",
        chart_type="bar+pie+line",
        labels=[*column(positions, "symbol"), "Stocks", "Crypto", "FX"],
        values=[*column(positions, "market_value"), *column(spread(equity, 8), "equity")],
        colors=["#2563eb", "#ea580c", "#7c3aed", "#f59e0b", "#10b981", "#334155"],
        font="Ubuntu",
        radius="6px",
        background="#fafaf9",
        rules=["no-animation", "no-3d"],
        interactivity=["tooltip", "click", "zoom"],
    )
    return task, render("C_X05.html", data=script_json(snapshot))
