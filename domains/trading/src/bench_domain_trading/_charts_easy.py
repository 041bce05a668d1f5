"""Easy charts: one series, a bar, line or pie chart of at most twelve points."""

from __future__ import annotations

from bench_core import Difficulty

from ._chart_inputs import ChartData
from ._chart_task import ChartSolved, chart_task, column, csv_text, render, script_json
from ._svg import strategy_bars

EASY = Difficulty.EASY


def easy_charts(data: ChartData) -> list[ChartSolved]:
    """C_E01-C_E05."""
    return [_e01(data), _e02(data), _e03(data), _e04(data), _e05(data)]


def _e01(data: ChartData) -> ChartSolved:
    rows = data.pnl_by_strategy()
    task = chart_task(
        "C_E01",
        EASY,
        "Net PnL by strategy",
        [
            "bar chart pnl by strat, data below. #1f6feb up bars #d1242f down, text #57606a, "
            "inter, 4px radius, bg #ffffff, no anim no shadow no gradient, hover tooltips",
            "need quick bar chrt of net pnl per strategy (data below). gains #1f6feb losses "
            "#d1242f labels #57606a. font inter, 4px corners, bg #ffffff. no animation, no "
            "shadows/gradients. tooltip on each bar",
            "strategy pnl -> bars pls. pos #1f6feb / neg #d1242f, axis txt #57606a, Inter, 4px "
            "corners, bg #ffffff, flat (no shadow, no gradient), dont animate, tooltips w/ amount",
            "Can you make a bar chart of net PnL for each strategy from the data below? Blue "
            "#1f6feb for the ones that made money, red #d1242f for the losers, #57606a for the "
            "text. Inter font, 4px corners, background #ffffff. No animation, no shadows or "
            "gradients, and a tooltip when I hover a bar.",
            "I'd like a bar chart showing how much each strategy made or lost (data below). Use "
            "#1f6feb for positive bars, #d1242f for negative ones and #57606a for labels, Inter as "
            "the font, 4px rounded corners and a #ffffff background. Keep it flat, no shadows or "
            "gradients, skip the animation, and show the amount in a tooltip on hover.",
            "Chart the net PnL per strategy below as bars, one bar per strategy. Winners in "
            "#1f6feb, losers in #d1242f, axis text in #57606a. Set the font to Inter, round the "
            "corners to 4px and use a #ffffff background. Flat look: no shadows, no gradients, "
            "no animation. Hovering a bar should show a tooltip with its PnL.",
            "Please build a bar chart of each strategy's net PnL from the data below. Color bars "
            "#1f6feb when the PnL is positive and #d1242f when it is negative; labels and axes in "
            "#57606a. Use the Inter font family, a 4px corner radius and a #ffffff background. No "
            "animation, no shadows and no gradients. Each bar gets a tooltip with the strategy "
            "and its net PnL.",
            "Build a vertical bar chart of net realized PnL per strategy using the CSV below, one "
            "bar per strategy in the order given, with zero on the y-axis. Positive bars #1f6feb, "
            "negative bars #d1242f, text and axes #57606a. Font: Inter. Corner radius: 4px. "
            "Background: #ffffff. Don't animate, and no shadows or gradients. Add a tooltip on "
            "each bar showing the strategy and its PnL in USD.",
            "Create a vertical bar chart from the CSV below (columns strategy, net_pnl in USD): "
            "one bar per strategy in the given order, y-axis in USD including zero. Fill bars "
            "with #1f6feb for positive and #d1242f for negative values; use #57606a for axis "
            "labels and text. Font family Inter, corner radius 4px on bars and container, "
            "background #ffffff. No animation, no shadows, no gradients. Tooltip on hover with "
            "the strategy name and its net PnL.",
            "Ticket: vertical bar chart of net realized PnL (USD) per strategy from the CSV "
            "below (strategy, net_pnl); one bar per row, in row order; y-axis in USD with zero "
            "shown. Tokens: positive fill #1f6feb, negative fill #d1242f, text/axis color "
            "#57606a, font family Inter, corner radius 4px (bars and chart container), background "
            "#ffffff. Rules: no animation, no shadows, no gradients. Interaction: tooltip on each "
            "bar with the strategy name and its net PnL in USD.",
        ],
        data=csv_text(rows),
        chart_type="bar",
        labels=column(rows, "strategy"),
        values=column(rows, "net_pnl"),
        colors=["#1f6feb", "#d1242f", "#57606a"],
        font="Inter",
        radius="4px",
        background="#ffffff",
        rules=["no-animation"],
        interactivity=["tooltip"],
    )
    return task, render("C_E01.html", chart=strategy_bars(rows))


def _e02(data: ChartData) -> ChartSolved:
    rows = data.month_end_equity()
    task = chart_task(
        "C_E02",
        EASY,
        "Month-end equity",
        [
            "line chart month end equity (data below). line #1a73e8 txt #5f6368 roboto, 8px "
            "radius bg #f8f9fa. no anim, no external fonts, no shadow/gradient. tooltip + hover "
            "on points",
            "equity by month as a line pls, #1a73e8 line, #5f6368 axes, font roboto (dont load "
            "it from web fonts), 8px corners, bg #f8f9fa, flat no shadows no gradients, no "
            "animation, tooltips & hover highlight",
            "plot month-end equity line. colors #1a73e8 / #5f6368 text. Roboto, radius 8px, "
            "background #f8f9fa. no animations, no external fonts, no shadow, no gradient. hover "
            "a point -> tooltip",
            "Could you draw the month-end equity below as a line chart? Line in #1a73e8, text in "
            "#5f6368, Roboto font (no external font loading), 8px rounded corners, background "
            "#f8f9fa. No animation, no shadows or gradients. Hovering a point should highlight it "
            "and show a tooltip.",
            "Make me a line chart of the account's equity at the end of each month (data below). "
            "Use #1a73e8 for the line and #5f6368 for text and axes, Roboto as the font without "
            "pulling in any external font, 8px corners and a #f8f9fa background. No animation, "
            "no shadows, no gradients. Points should highlight on hover with a tooltip.",
            "Plot the month-end equity from the data below as a single line, one point per "
            "month. Line color #1a73e8, axis and label color #5f6368, font Roboto (use the local "
            "font, no external font files), 8px radius, background #f8f9fa. No animation and no "
            "shadows or gradients. On hover, enlarge the point and show a tooltip with the "
            "month and equity.",
            "Please create a line chart of month-end account equity using the data below, one "
            "point per month in order. Draw the line in #1a73e8 and the text and axes in "
            "#5f6368. Use the Roboto font family but don't load any external fonts, give the "
            "chart container an 8px corner radius and a #f8f9fa background. No animation, no "
            "shadows, no gradients. Hovering a point highlights it and shows a tooltip with the "
            "month and the equity in USD.",
            "Build a line chart of end-of-month equity (USD) from the CSV below, months on the "
            "x-axis in the given order and equity on the y-axis. Line #1a73e8, text and axes "
            "#5f6368. Font family Roboto, with no external fonts loaded. Corner radius 8px, "
            "background #f8f9fa. No animation, no shadows, no gradients. Hover: the nearest point "
            "is highlighted and a tooltip shows the month and its equity in USD.",
            "Create a single-series line chart from the CSV below (month, equity in USD): x = "
            "month in row order, y = equity. Line and point color #1a73e8; text, ticks and axes "
            "#5f6368. Font family Roboto (system font only, no external fonts). Corner radius "
            "8px on the chart container, background #f8f9fa. No animation, no shadows, no "
            "gradients. Interaction: hovering a point highlights it and shows a tooltip with the "
            "month and equity formatted as USD.",
            "Ticket: single-series line chart of month-end equity from the CSV below (month, "
            "equity in USD), x = month in row order, y = equity in USD. Tokens: line/points "
            "#1a73e8, text/axes #5f6368, font family Roboto, corner radius 8px (container), "
            "background #f8f9fa. Rules: no animation, no external fonts, no shadows, no "
            "gradients. Interaction: hover highlights the nearest point; tooltip shows month and "
            "equity as USD.",
        ],
        data=csv_text(rows),
        chart_type="line",
        values=column(rows, "equity"),
        colors=["#1a73e8", "#5f6368"],
        font="Roboto",
        radius="8px",
        background="#f8f9fa",
        rules=["no-animation", "no-external-fonts"],
        interactivity=["tooltip", "hover"],
    )
    return task, render("C_E02.html", data=script_json(rows))


def _e03(data: ChartData) -> ChartSolved:
    rows = data.win_loss()
    task = chart_task(
        "C_E03",
        EASY,
        "Winners and losers",
        [
            "pie of winners vs losers (data below). #859900 win #dc322f loss, txt #586e75, font "
            "source sans pro, 6px radius, bg #fdf6e3. no 3d, no images, no shadows/gradients, "
            "tooltips",
            "win/loss pie chart pls - winners #859900 losers #dc322f text #586e75, Source Sans "
            "Pro, 6px corners, bg #fdf6e3, flat: no 3d no shadow no gradient, no imgs. tooltip w "
            "count",
            "pie chrt winners/losers from data. colors #859900 + #dc322f, labels #586e75. Source "
            "Sans Pro. 6px rounded. background #fdf6e3. NO 3D, no image, no shadow, no gradient. "
            "hover tooltip",
            "Can you make a pie chart of winning vs losing trades from the data below? Winners "
            "#859900, losers #dc322f, text #586e75, Source Sans Pro font, 6px corners, background "
            "#fdf6e3. No 3D, no images, no shadows or gradients. Tooltip with the count on hover.",
            "I want a simple pie chart splitting our closed trades into winners and losers (data "
            "below). Winners in #859900, losers in #dc322f, labels in #586e75. Source Sans Pro "
            "font, 6px rounded corners, #fdf6e3 background. Keep it flat and 2D: no 3D, no images, "
            "no shadows, no gradients. Tooltips on hover with the number of trades.",
            "Draw the winners/losers split below as a pie chart, one slice each. Slice colors: "
            "#859900 for winners, #dc322f for losers; text #586e75. Use Source Sans Pro, a 6px "
            "corner radius and a #fdf6e3 background. No 3D effects, no images, no shadows, no "
            "gradients. Hovering a slice shows a tooltip with its trade count and share.",
            "Please build a pie chart of closed trades by outcome from the data below: one slice "
            "for winners and one for losers. Winners #859900, losers #dc322f, labels and text "
            "#586e75. Font family Source Sans Pro, 6px corner radius, background #fdf6e3. Flat 2D "
            "only: no 3D, no images, no shadows, no gradients. A tooltip on each slice shows the "
            "outcome, the number of trades and its percentage.",
            "Build a pie chart from the CSV below (outcome, trades) with one slice per outcome. "
            "Slice colors: Winners #859900, Losers #dc322f. Text and labels #586e75. Font family "
            "Source Sans Pro. Corner radius 6px. Background #fdf6e3. No 3D, no images, no shadows "
            "and no gradients. Hovering a slice shows a tooltip with the outcome, its trade count "
            "and its share of all closed trades.",
            "Create a 2D pie chart from the CSV below (outcome, trades): one slice per row, sized "
            "by trades. Fill Winners with #859900 and Losers with #dc322f; labels and text "
            "#586e75. Font family Source Sans Pro, corner radius 6px (slices and container), "
            "background #fdf6e3. No 3D, no images, no shadows, no gradients. Tooltip on hover "
            "with outcome, trade count and percentage of the total.",
            "Ticket: pie chart of closed trades by outcome from the CSV below (outcome, trades); "
            "one slice per row, sized by trades. Tokens: Winners #859900, Losers #dc322f, text "
            "#586e75, font family Source Sans Pro, corner radius 6px (slices and container), "
            "background #fdf6e3. Rules: no 3D, no images, no shadows, no gradients. Interaction: "
            "tooltip on each slice with outcome, trade count and percentage of all closed trades.",
        ],
        data=csv_text(rows),
        chart_type="pie",
        labels=column(rows, "outcome"),
        values=column(rows, "trades"),
        colors=["#859900", "#dc322f", "#586e75"],
        font="Source Sans Pro",
        radius="6px",
        background="#fdf6e3",
        rules=["no-3d", "no-images"],
        interactivity=["tooltip"],
    )
    return task, render("C_E03.html", data=script_json(rows))


def _e04(data: ChartData) -> ChartSolved:
    rows = data.fees_by_month()
    task = chart_task(
        "C_E04",
        EASY,
        "Fees paid per month",
        [
            "bar chart fees per month (data below) bars #635bff text #0a2540 helvetica neue 3px "
            "radius bg #f6f9fc. no anim no shadow no gradient. tooltip + highlight on hover",
            "monthly fees as bars pls. #635bff bars, #0a2540 txt, font Helvetica Neue, 3px "
            "corners, bg #f6f9fc, flat - no shadows/gradients, no animation, hover highlight w "
            "tooltip",
            "fees by month -> column chart, #635bff, labels #0a2540, helvetica neue, radius 3px, "
            "background #f6f9fc. dont animate. no shadow, no gradient. tooltips, highlight bar on "
            "hover",
            "Can you chart the fees we paid each month (data below) as bars? Bars #635bff, text "
            "#0a2540, Helvetica Neue, 3px rounded corners, background #f6f9fc. No animation, no "
            "shadows or gradients. Highlight a bar on hover and show a tooltip.",
            "I'd like a bar chart of commissions paid per month from the data below. Use #635bff "
            "for the bars, #0a2540 for the text, Helvetica Neue as the font, 3px corners and a "
            "#f6f9fc background. No animation, no shadows, no gradients. When I hover a bar it "
            "should highlight and show a tooltip with the amount.",
            "Make a column chart of monthly fees from the data below, one bar per month. Bar "
            "color #635bff, text color #0a2540, font Helvetica Neue, 3px corner radius, "
            "background #f6f9fc. No animation and a flat look: no shadows, no gradients. Hovering "
            "a bar highlights it and shows a tooltip with the month and the fees.",
            "Please build a bar chart of the fees paid each month using the data below, months "
            "in order on the x-axis. Bars in #635bff, text and axes in #0a2540. Use the Helvetica "
            "Neue font family, a 3px corner radius and a #f6f9fc background. No animation, no "
            "shadows and no gradients. On hover the bar is highlighted and a tooltip shows the "
            "month and the fees in USD.",
            "Build a vertical bar chart of monthly fees (USD) from the CSV below, one bar per "
            "month in row order. Bars #635bff; text and axes #0a2540. Font family Helvetica Neue. "
            "Corner radius 3px on the bars and the container. Background #f6f9fc. No animation, "
            "no shadows, no gradients. Hovering a bar highlights it and shows a tooltip with the "
            "month and the fees in USD.",
            "Create a vertical bar chart from the CSV below (month, fees in USD): x = month in "
            "row order, y = fees. Bar fill #635bff; text, ticks and axes #0a2540. Font family "
            "Helvetica Neue, corner radius 3px (bars and container), background #f6f9fc. No "
            "animation, no shadows, no gradients. Interaction: hover highlights the bar and shows "
            "a tooltip with the month and the fees formatted as USD with cents.",
            "Ticket: vertical bar chart of fees paid per month from the CSV below (month, fees in "
            "USD); x = month in row order, y = fees in USD. Tokens: bar fill #635bff, text/axes "
            "#0a2540, font family Helvetica Neue, corner radius 3px (bars and container), "
            "background #f6f9fc. Rules: no animation, no shadows, no gradients. Interaction: "
            "hover highlights the bar; tooltip shows month and fees as USD with cents.",
        ],
        data=csv_text(rows),
        chart_type="bar",
        values=column(rows, "fees"),
        colors=["#635bff", "#0a2540"],
        font="Helvetica Neue",
        radius="3px",
        background="#f6f9fc",
        rules=["no-animation"],
        interactivity=["tooltip", "hover"],
    )
    return task, render("C_E04.html", data=script_json(rows))


def _e05(data: ChartData) -> ChartSolved:
    rows = data.open_positions()
    task = chart_task(
        "C_E05",
        EASY,
        "Unrealized PnL of the open positions",
        [
            "horiz bars unrealized pnl per open position (data below), label by symbol. #3fb950 "
            "gain #f85149 loss txt #c9d1d9 jetbrains mono 2px bg #0d1117 no external fonts no "
            "anim no shadow/gradient, tooltips",
            "open positions unrealized pnl -> horizontal bar chart. green #3fb950 red #f85149, "
            "text #c9d1d9, JetBrains Mono (no web fonts), 2px radius, dark bg #0d1117, no "
            "animation, no shadows no gradients, tooltip per bar",
            "bar chart (horizontal) of open pos pnl by symbol. #3fb950/#f85149, labels #c9d1d9, "
            "font jetbrains mono - dont load external fonts. 2px corners. bg #0d1117. no anim, "
            "flat no shadow no gradient. tooltips",
            "Can you do a horizontal bar chart of unrealized PnL for each open position below, "
            "labelled by symbol? Gains #3fb950, losses #f85149, text #c9d1d9, JetBrains Mono "
            "font (no external font loading), 2px corners, background #0d1117. No animation, no "
            "shadows or gradients, tooltips on the bars.",
            "I need a horizontal bar chart showing the unrealized PnL of each open position "
            "(data below), one bar per position labelled with its symbol. Profits in #3fb950, "
            "losses in #f85149, text in #c9d1d9. Use JetBrains Mono but don't load any external "
            "fonts, 2px rounded corners and a dark #0d1117 background. No animation, no shadows, "
            "no gradients. A tooltip on each bar, please.",
            "Chart the open positions' unrealized PnL below as horizontal bars, one per position "
            "with the symbol as its label. Positive bars #3fb950, negative bars #f85149, text "
            "#c9d1d9. Font JetBrains Mono, no external fonts. Corner radius 2px, background "
            "#0d1117. No animation, no shadows, no gradients. Hovering a bar shows a tooltip with "
            "the position id, side and PnL.",
            "Please build a horizontal bar chart of unrealized PnL per open position from the "
            "data below, labelled by symbol. Color positive values #3fb950 and negative values "
            "#f85149; text and axes #c9d1d9. Use the JetBrains Mono font family without loading "
            "external fonts, a 2px corner radius and a #0d1117 background. No animation, no "
            "shadows, no gradients. Each bar has a tooltip with the position id, the side and "
            "the unrealized PnL in USD.",
            "Build a horizontal bar chart of unrealized PnL (USD) for each open position in the "
            "CSV below: one bar per row, labelled by symbol, with a zero line. Positive bars "
            "#3fb950, negative bars #f85149, text and axes #c9d1d9. Font family JetBrains Mono, "
            "no external fonts loaded. Corner radius 2px. Background #0d1117. No animation, no "
            "shadows, no gradients. Tooltip on hover: position id, side, unrealized PnL in USD.",
            "Create a horizontal bar chart from the CSV below (position_id, symbol, side, "
            "unrealized_pnl in USD): one bar per row in row order, y = symbol, x = unrealized PnL "
            "with a zero line. Fill #3fb950 for positive and #f85149 for negative values; text "
            "and axes #c9d1d9. Font family JetBrains Mono (no external fonts), corner radius 2px, "
            "background #0d1117. No animation, no shadows, no gradients. Tooltip on hover with "
            "position id, side and unrealized PnL in USD.",
            "Ticket: horizontal bar chart of unrealized PnL per open position from the CSV below "
            "(position_id, symbol, side, unrealized_pnl in USD); one bar per row in row order, "
            "category axis = symbol, value axis in USD with a zero line. Tokens: positive fill "
            "#3fb950, negative fill #f85149, text/axes #c9d1d9, font family JetBrains Mono, "
            "corner radius 2px, background #0d1117. Rules: no external fonts, no animation, no "
            "shadows, no gradients. Interaction: tooltip per bar with position id, side and "
            "unrealized PnL in USD.",
        ],
        data=csv_text(rows),
        chart_type="bar",
        labels=column(rows, "symbol"),
        values=column(rows, "unrealized_pnl"),
        colors=["#3fb950", "#f85149", "#c9d1d9"],
        font="JetBrains Mono",
        radius="2px",
        background="#0d1117",
        rules=["no-external-fonts", "no-animation"],
        interactivity=["tooltip"],
    )
    return task, render("C_E05.html", data=script_json(rows))
