"""Medium charts: several series with a legend and tooltips, sorting or number formatting."""

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
)
from ._svg import symbol_bars, usd

MEDIUM = Difficulty.MEDIUM

OKABE_ITO = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00"]


def medium_charts(data: ChartData) -> list[ChartSolved]:
    """C_M01-C_M06."""
    return [_m01(data), _m02(data), _m03(data), _m04(data), _m05(data), _m06(data)]


def _m01(data: ChartData) -> ChartSolved:
    rows = data.payoff_by_strategy()
    task = chart_task(
        "C_M01",
        MEDIUM,
        "Average win and average loss by strategy",
        [
            "grouped bars avg win vs avg loss per strat (data below), sort by avg win desc, "
            "losses below 0. win #10b981 loss #f43f5e txt #334155, nunito, 6px, bg #f8fafc, no "
            "anim/shadow/gradient, legend click toggles, tooltips",
            "avg win + avg loss by strategy as grouped bar chart, biggest avg win first. "
            "#10b981 wins, #f43f5e losses (negative, under zero), text #334155. font nunito 6px "
            "radius bg #f8fafc. no animation no shadows no gradients. legend toggle + tooltip",
            "bar chart, 2 bars per strategy: avg win #10b981 & avg loss #f43f5e (neg). sorted by "
            "avg win high->low. labels #334155, Nunito, 6px corners, background #f8fafc, flat no "
            "shadow/gradient, no animations, tooltips, click legend to hide a series",
            "Can you make a grouped bar chart comparing the average win and average loss of each "
            "strategy (data below)? Sort strategies by average win, biggest first, and keep the "
            "losses as negative bars. Wins #10b981, losses #f43f5e, text #334155, Nunito font, 6px "
            "corners, #f8fafc background. No animation, shadows or gradients. Tooltips, and a "
            "legend I can click to toggle each series.",
            "I'd like grouped bars showing each strategy's average win next to its average loss, "
            "from the data below, with the strategies sorted by average win from highest to "
            "lowest. Average win in #10b981, average loss in #f43f5e (plotted below zero as "
            "given), text in #334155. Nunito font, 6px rounded corners, #f8fafc background. No "
            "animation, no shadows, no gradients. Add tooltips and a legend that toggles the "
            "series when clicked.",
            "Build a grouped bar chart of average win and average loss per strategy from the "
            "data below. Order the strategies by average win, descending. Average win bars "
            "#10b981, average loss bars #f43f5e going below zero, text and axes #334155. Font "
            "Nunito, 6px corner radius, background #f8fafc. No animation, no shadows, no "
            "gradients. Show a legend whose entries toggle their series on click, and tooltips "
            "with the dollar amounts.",
            "Please create a grouped bar chart of each strategy's average winning trade and "
            "average losing trade from the data below. Sort the strategies by average win in "
            "descending order; draw the average loss as a negative bar below zero. Colors: "
            "#10b981 for average win, #f43f5e for average loss, #334155 for text and axes. Use "
            "the Nunito font family, a 6px corner radius and a #f8fafc background. No animation, "
            "no shadows, no gradients. Include a legend that toggles a series on click and "
            "tooltips showing the strategy, the series and the amount in USD.",
            "Build a grouped bar chart from the CSV below: for each strategy, an average-win bar "
            "and an average-loss bar (negative, below zero). Sort strategies by average_win "
            "descending. Average win #10b981, average loss #f43f5e, text and axes #334155. Font "
            "family Nunito, corner radius 6px on the bars and the container, background #f8fafc. "
            "No animation, no shadows, no gradients. Legend with click-to-toggle for each "
            "series; tooltips with the strategy, the series and the USD amount.",
            "Create a grouped bar chart from the CSV below (strategy, average_win, average_loss "
            "in USD; losses are negative): x = strategy sorted by average_win descending, two "
            "bars per strategy, y in USD with zero shown. Average win fill #10b981, average loss "
            "fill #f43f5e; text and axes #334155. Font family Nunito, corner radius 6px (bars "
            "and container), background #f8fafc. No animation, no shadows, no gradients. "
            "Interaction: a legend whose items toggle their series on click; tooltips with "
            "strategy, series name and amount formatted as USD.",
            "Ticket: grouped bar chart of average win vs average loss per strategy from the CSV "
            "below (strategy, average_win, average_loss in USD, losses negative). Categories = "
            "strategies sorted by average_win descending; series 'Average win' and 'Average "
            "loss' (plotted below zero); y-axis in USD with zero. Tokens: average win #10b981, "
            "average loss #f43f5e, text/axes #334155, font family Nunito, corner radius 6px "
            "(bars and container), background #f8fafc. Rules: no animation, no shadows, no "
            "gradients. Interaction: legend click toggles a series; tooltip with strategy, "
            "series and USD amount.",
        ],
        data=csv_text(rows),
        chart_type="bar",
        labels=column(rows, "strategy"),
        values=[*column(rows, "average_win"), *column(rows, "average_loss")],
        colors=["#10b981", "#f43f5e", "#334155"],
        font="Nunito",
        radius="6px",
        background="#f8fafc",
        rules=["no-animation"],
        interactivity=["tooltip", "legend_toggle"],
    )
    return task, render("C_M01.html", data=script_json(rows))


def _m02(data: ChartData) -> ChartSolved:
    rows = data.monthly_pnl_by_asset_class()
    classes = list(ASSET_CLASSES.values())
    example = usd(rows[0]["Stocks"])  # how the tooltips write an amount: $45,497
    task = chart_task(
        "C_M02",
        MEDIUM,
        "Monthly net PnL by asset class",
        [
            "line chart monthly pnl, 1 line each for stocks/crypto/fx (data below). stocks "
            "#88c0d0 crypto #ebcb8b fx #b48ead txt #d8dee9 bg #2e3440 fira sans 4px. no anim no "
            "ext fonts no shadow/gradient. legend toggle, tooltips $ w commas no cents",
            "monthly net pnl by asset class -> 3 lines. #88c0d0 stocks, #ebcb8b crypto, #b48ead "
            "fx, text #d8dee9, dark bg #2e3440, Fira Sans (no external fonts), radius 4px, no "
            "animation no shadows no gradients, clickable legend to toggle, tooltip like "
            f"{example}",
            "3-line chart of pnl per month per asset class. colors: Stocks #88c0d0, Crypto "
            "#ebcb8b, FX #b48ead; labels #d8dee9; bg #2e3440. font Fira Sans, dont load external "
            "fonts. 4px corners. no anims, flat no shadow no gradient. legend toggles lines, "
            "tooltips with $ and thousands separators",
            "Can you plot the monthly net PnL below as a line chart with one line per asset "
            "class? Stocks #88c0d0, Crypto #ebcb8b, FX #b48ead, text #d8dee9 on a #2e3440 "
            "background. Fira Sans font, no external fonts, 4px corners. No animation, shadows or "
            "gradients. I want a legend I can click to hide lines, and tooltips showing dollars "
            "with thousands separators.",
            "I need a line chart of net PnL per month for each asset class (data below), three "
            "lines. Use #88c0d0 for Stocks, #ebcb8b for Crypto, #b48ead for FX and #d8dee9 for "
            "the text, on a dark #2e3440 background. Font Fira Sans, but don't load any external "
            "fonts; 4px rounded corners. No animation, no shadows, no gradients. Clicking a "
            "legend entry should toggle its line, and tooltips should show amounts like "
            f"{example}.",
            "Draw the monthly net PnL below as a multi-line chart, one line per asset class "
            "(Stocks, Crypto, FX). Line colors: Stocks #88c0d0, Crypto #ebcb8b, FX #b48ead. Text "
            "#d8dee9, background #2e3440, font Fira Sans with no external fonts, corner radius "
            "4px. No animation, no shadows, no gradients. Add a legend that toggles lines on "
            "click and tooltips formatting amounts as USD with thousands separators and no cents.",
            "Please create a line chart of monthly net PnL with three series, Stocks, Crypto and "
            "FX, from the data below, months in order on the x-axis. Colors: #88c0d0 for Stocks, "
            "#ebcb8b for Crypto, #b48ead for FX, #d8dee9 for text and axes, on a #2e3440 "
            "background. Use the Fira Sans font family without loading external fonts, and a 4px "
            "corner radius. No animation, no shadows, no gradients. Include a legend that toggles "
            "each line on click, and tooltips that show each series' value as USD with thousands "
            f"separators and no cents (e.g. {example}).",
            "Build a multi-series line chart from the CSV below: x = month in row order, one "
            "line per column Stocks, Crypto and FX (net PnL in USD). Colors: Stocks #88c0d0, "
            "Crypto #ebcb8b, FX #b48ead; text and axes #d8dee9; background #2e3440. Font family "
            "Fira Sans, no external fonts. Corner radius 4px. No animation, no shadows, no "
            "gradients. Legend with click-to-toggle per line. Tooltips show the month and each "
            "value formatted as USD with thousands separators and no cents.",
            "Create a line chart from the CSV below (month, Stocks, Crypto, FX; net PnL in USD): "
            "x = month in row order, three series named Stocks, Crypto and FX. Series colors "
            "Stocks #88c0d0, Crypto #ebcb8b, FX #b48ead; text, ticks and axes #d8dee9; "
            "background #2e3440. Font family Fira Sans (no external fonts), corner radius 4px on "
            "the container. No animation, no shadows, no gradients. Interaction: legend items "
            "toggle their series on click; tooltips show the month and each series as USD with "
            "thousands separators and no cents.",
            "Ticket: multi-series line chart of monthly net PnL by asset class from the CSV "
            "below (month, Stocks, Crypto, FX in USD); x = month in row order, one series per "
            "column. Tokens: Stocks #88c0d0, Crypto #ebcb8b, FX #b48ead, text/axes #d8dee9, "
            "background #2e3440, font family Fira Sans, corner radius 4px (container). Rules: no "
            "animation, no external fonts, no shadows, no gradients. Interaction: legend click "
            "toggles a series; tooltip with the month and each value as USD, thousands "
            f"separators, no cents (e.g. {example}).",
        ],
        data=csv_text(rows),
        chart_type="line",
        labels=classes,
        values=[row[name] for row in rows for name in classes],
        colors=["#88c0d0", "#ebcb8b", "#b48ead", "#d8dee9"],
        font="Fira Sans",
        radius="4px",
        background="#2e3440",
        rules=["no-animation", "no-external-fonts"],
        interactivity=["tooltip", "legend_toggle"],
    )
    return task, render("C_M02.html", data=script_json(rows))


def _m03(data: ChartData) -> ChartSolved:
    rows = data.pnl_by_symbol()
    pnl = column(rows, "net_pnl")
    top, bottom = usd(max(pnl), compact=True), usd(min(pnl), compact=True)  # $46.1K, -$14.1K
    task = chart_task(
        "C_M03",
        MEDIUM,
        "Net PnL by symbol, best to worst",
        [
            f"horiz bar chart pnl per symbol sorted best->worst (data below), labels like {top}. "
            "gain #24a148 loss #da1e28 txt #161616 bg #f4f4f4 ibm plex sans 2px. no images no "
            "shadow no gradient. tooltip exact $ + hover highlight",
            "net pnl by symbol, horizontal bars, sort desc. #24a148 green / #da1e28 red, text "
            f"#161616, bg #f4f4f4, IBM Plex Sans, 2px corners. value labels compact ({top}). no "
            "imgs, no shadows/gradients. hover highlight + tooltip w exact amount",
            "bars (horizontal) for each symbol's pnl, highest on top. pos #24a148 neg #da1e28, "
            "labels #161616, background #f4f4f4, font ibm plex sans, radius 2px, compact $ "
            f"labels eg {top}, no image, flat (no shadow no gradient). hover = highlight + "
            "tooltip",
            "Can you chart net PnL by symbol (data below) as horizontal bars, sorted from best "
            f"to worst, with compact dollar labels like {top}? Gains #24a148, losses #da1e28, "
            "text #161616, background #f4f4f4, IBM Plex Sans, 2px corners. No images, no shadows "
            "or gradients. Hovering a bar should highlight it and show the exact amount in a "
            "tooltip.",
            "I'd like a horizontal bar chart of net PnL for every symbol (data below), sorted "
            "from the biggest winner at the top to the biggest loser at the bottom. Label each "
            f"bar in compact form ({top}, {bottom}). Use #24a148 for gains, #da1e28 for losses, "
            "#161616 for text, a #f4f4f4 background, IBM Plex Sans and 2px corners. No images, "
            "no shadows, no gradients. On hover, highlight the bar and show a tooltip with the "
            "exact PnL.",
            "Build a horizontal bar chart of net PnL per symbol from the data below, sorted in "
            "descending order (best at the top). Each bar gets a compact value label such as "
            f"{top}. Positive bars #24a148, negative bars #da1e28, text #161616, background "
            "#f4f4f4, font IBM Plex Sans, corner radius 2px. No images, no shadows, no "
            "gradients. Hovering a bar highlights it and shows a tooltip with the exact amount "
            "in dollars and cents.",
            "Please make a horizontal bar chart of each symbol's net realized PnL using the data "
            "below, sorted from highest to lowest so the best symbol is on top. Show a value "
            f"label on every bar in compact thousands with one decimal ({top}, {bottom}). Colors: "
            "#24a148 for positive, #da1e28 for negative, #161616 for text; background #f4f4f4. "
            "Font family IBM Plex Sans, corner radius 2px. No images, no shadows, no gradients. "
            "Hovering a bar highlights it and shows a tooltip with the symbol and the exact PnL "
            "in USD.",
            "Build a horizontal bar chart from the CSV below (symbol, net_pnl in USD), one bar "
            "per symbol sorted by net_pnl descending, best at the top, with a zero line. Value "
            f"labels in compact thousands with one decimal, e.g. {top} and {bottom}. Positive "
            "fill #24a148, negative fill #da1e28, text #161616, background #f4f4f4. Font family "
            "IBM Plex Sans, corner radius 2px. No images, no shadows, no gradients. Hover "
            "highlights the bar and shows a tooltip with the symbol and the exact USD amount.",
            "Create a horizontal bar chart from the CSV below (symbol, net_pnl in USD): one bar "
            "per row, sorted by net_pnl descending from top to bottom, value axis in USD with a "
            f"zero line. Each bar carries a compact label ({top}, {bottom}: thousands, one "
            "decimal). Fills: #24a148 positive, #da1e28 negative; text #161616; background "
            "#f4f4f4. Font family IBM Plex Sans, corner radius 2px (bars and container). No "
            "images, no shadows, no gradients. Interaction: hover highlights the bar; tooltip "
            "with symbol and exact net PnL in USD with cents.",
            "Ticket: horizontal bar chart of net realized PnL per symbol from the CSV below "
            "(symbol, net_pnl in USD); rows sorted by net_pnl descending, top to bottom; value "
            "axis in USD with a zero line; each bar labelled in compact form (thousands, one "
            f"decimal: {top}, {bottom}). Tokens: positive #24a148, negative #da1e28, text "
            "#161616, background #f4f4f4, font family IBM Plex Sans, corner radius 2px (bars and "
            "container). Rules: no images, no shadows, no gradients. Interaction: hover "
            "highlights the bar; tooltip with symbol and exact net PnL in USD with cents.",
        ],
        data=csv_text(rows),
        chart_type="bar",
        labels=column(rows, "symbol"),
        values=column(rows, "net_pnl"),
        colors=["#24a148", "#da1e28", "#161616"],
        font="IBM Plex Sans",
        radius="2px",
        background="#f4f4f4",
        rules=["no-images"],
        interactivity=["tooltip", "hover"],
    )
    return task, render("C_M03.html", chart=symbol_bars(rows))


def _m04(data: ChartData) -> ChartSolved:
    rows = data.monthly_pnl_by_side()
    task = chart_task(
        "C_M04",
        MEDIUM,
        "Monthly net PnL, longs against shorts",
        [
            "line chart long vs short pnl per month (data below). long #0071e3 short #ff9500 "
            "txt #1d1d1f bg #fbfbfd helvetica 12px radius. no anim no shadow no gradient. legend "
            "toggle + tooltips, zero line",
            "2 lines monthly net pnl: longs #0071e3, shorts #ff9500. text #1d1d1f bg #fbfbfd "
            "font helvetica, 12px corners, show the 0 line. no animation/shadows/gradients. "
            "click legend to toggle, tooltips w $",
            "longs vs shorts by month -> line chrt. #0071e3 & #ff9500, labels #1d1d1f, "
            "background #fbfbfd, Helvetica, radius 12px, zero line. dont animate, flat no "
            "shadow no gradient. tooltip + legend click hides a line",
            "Can you plot monthly net PnL of our long trades against our short trades (data "
            "below) as a two-line chart? Long #0071e3, Short #ff9500, text #1d1d1f, background "
            "#fbfbfd, Helvetica, 12px rounded corners, with a zero line. No animation, shadows or "
            "gradients. Legend should toggle a line on click; tooltips with dollar amounts.",
            "I'd like a line chart comparing long and short net PnL month by month from the "
            "data below, with a line at zero. Long in #0071e3, Short in #ff9500, text #1d1d1f, "
            "background #fbfbfd, Helvetica font and 12px corners. No animation, no shadows, no "
            "gradients. Give it a legend that toggles each line when clicked and tooltips "
            "showing both values in dollars.",
            "Draw the monthly long and short net PnL below as two lines, with a horizontal zero "
            "line. Long #0071e3, Short #ff9500, text and axes #1d1d1f, background #fbfbfd. Font "
            "Helvetica, corner radius 12px. No animation, no shadows, no gradients. Clicking a "
            "legend entry toggles its line; hovering a month shows a tooltip with the Long and "
            "Short amounts in USD.",
            "Please build a line chart with two series, Long and Short, showing net PnL per "
            "month from the data below, months in order on the x-axis and a zero line. Colors: "
            "#0071e3 for Long, #ff9500 for Short, #1d1d1f for text and axes, on a #fbfbfd "
            "background. Use the Helvetica font family and a 12px corner radius on the chart "
            "container. No animation, no shadows, no gradients. The legend toggles a series on "
            "click; hovering a month shows a tooltip with both values in USD.",
            "Build a two-series line chart from the CSV below: x = month in row order, series "
            "Long and Short (net PnL in USD), with a horizontal zero line. Long #0071e3, Short "
            "#ff9500, text and axes #1d1d1f, background #fbfbfd. Font family Helvetica, corner "
            "radius 12px on the container. No animation, no shadows, no gradients. Legend with "
            "click-to-toggle; a tooltip per month with the Long and Short values as USD with "
            "thousands separators.",
            "Create a line chart from the CSV below (month, Long, Short; net PnL in USD): x = "
            "month in row order, one series per column, y in USD with a zero line. Series "
            "colors Long #0071e3 and Short #ff9500; text, ticks and axes #1d1d1f; background "
            "#fbfbfd. Font family Helvetica, corner radius 12px (container). No animation, no "
            "shadows, no gradients. Interaction: legend items toggle their series on click; a "
            "tooltip per month with both series as USD with thousands separators.",
            "Ticket: two-series line chart of monthly net PnL, long vs short, from the CSV below "
            "(month, Long, Short in USD); x = month in row order, y in USD with a zero line. "
            "Tokens: Long #0071e3, Short #ff9500, text/axes #1d1d1f, background #fbfbfd, font "
            "family Helvetica, corner radius 12px (container). Rules: no animation, no shadows, "
            "no gradients. Interaction: legend click toggles a series; tooltip per month with "
            "Long and Short as USD with thousands separators.",
        ],
        data=csv_text(rows),
        chart_type="line",
        labels=["Long", "Short"],
        values=[row[side] for row in rows for side in ("Long", "Short")],
        colors=["#0071e3", "#ff9500", "#1d1d1f"],
        font="Helvetica",
        radius="12px",
        background="#fbfbfd",
        rules=["no-animation"],
        interactivity=["tooltip", "legend_toggle"],
    )
    return task, render("C_M04.html", data=script_json(rows))


def _m05(data: ChartData) -> ChartSolved:
    rows = data.fees_by_strategy()
    colors = palette(data.strategies, OKABE_ITO)
    task = chart_task(
        "C_M05",
        MEDIUM,
        "Fees by strategy",
        [
            f"donut of fees per strategy (data below). colors {colors}. verdana, 10px radius, "
            "bg #ffffff. no 3d no anim no shadow/gradient. tooltip w $ + % share, legend toggle",
            "fees by strat doughnut chart pls. momentum #0072b2 mean rev #e69f00 breakout "
            "#009e73 swing #cc79a7 scalping #56b4e9 pairs #d55e00. font verdana, radius 10px, "
            "white bg #ffffff. no 3D, no animation, no shadows/gradients. tooltips ($ and %), "
            "clickable legend toggles slices",
            "doughnut: fees by strategy. Momentum #0072b2, Mean Reversion #e69f00, Breakout "
            "#009e73, Swing #cc79a7, Scalping #56b4e9, Pairs #d55e00. Verdana 10px corners bg "
            "#ffffff. flat 2d, no 3d, no shadow, no gradient, no animations. tooltip = fees + "
            "share, legend click hides/shows",
            "Can you make a donut chart of the fees each strategy paid (data below)? Colors: "
            f"{colors}. Verdana font, 10px corner radius, #ffffff background. No 3D, no "
            "animation, no shadows or gradients. Tooltips should show the fees and the share of "
            "the total, and clicking the legend should toggle a strategy.",
            "I'd like a doughnut chart of commissions by strategy from the data below. Use "
            f"these colors: {colors}. Font Verdana, 10px rounded corners, background #ffffff. "
            "Keep it flat: no 3D, no animation, no shadows, no gradients. Hovering a slice shows "
            "a tooltip with its fees in dollars and its percentage of all fees; the legend "
            "toggles slices on click.",
            "Draw the fees by strategy below as a doughnut chart, one slice per strategy. Slice "
            f"colors: {colors}. Font Verdana, corner radius 10px, background #ffffff. No 3D, no "
            "animation, no shadows, no gradients. Add a legend whose entries toggle their slice "
            "on click, and tooltips with the fees in USD and the share of total fees.",
            "Please create a doughnut chart of fees paid per strategy using the data below, one "
            f"slice per strategy with these colors: {colors}. Use the Verdana font family, a "
            "10px corner radius and a #ffffff background. Flat 2D: no 3D, no animation, no "
            "shadows, no gradients. Include a legend that toggles a slice when clicked, and a "
            "tooltip on each slice with the strategy, its fees in USD and its percentage share.",
            "Build a doughnut chart from the CSV below (strategy, fees in USD): one slice per "
            f"strategy sized by fees. Slice colors: {colors}. Font family Verdana, corner "
            "radius 10px on slices and container, background #ffffff. No 3D, no animation, no "
            "shadows, no gradients. Legend with click-to-toggle per strategy; tooltip with "
            "strategy, fees in USD and share of total fees in percent.",
            "Create a doughnut chart (pie with a hole) from the CSV below (strategy, fees in "
            f"USD): one slice per row, sized by fees. Colors by strategy: {colors}. Font family "
            "Verdana, corner radius 10px (slices and container), background #ffffff. No 3D, no "
            "animation, no shadows, no gradients. Interaction: legend items toggle their slice "
            "on click; tooltip with strategy, fees as USD with cents and the percentage of total "
            "fees.",
            "Ticket: doughnut chart of fees by strategy from the CSV below (strategy, fees in "
            f"USD); one slice per row sized by fees. Tokens: {colors}; font family Verdana; "
            "corner radius 10px (slices and container); background #ffffff. Rules: no 3D, no "
            "animation, no shadows, no gradients. Interaction: legend click toggles a slice; "
            "tooltip with strategy, fees in USD with cents and percentage share of total fees.",
        ],
        data=csv_text(rows),
        chart_type="pie",
        labels=column(rows, "strategy"),
        values=column(rows, "fees"),
        colors=OKABE_ITO,
        font="Verdana",
        radius="10px",
        background="#ffffff",
        rules=["no-3d", "no-animation"],
        interactivity=["tooltip", "legend_toggle"],
    )
    return task, render("C_M05.html", data=script_json(rows))


def _m06(data: ChartData) -> ChartSolved:
    rows = data.entries_by_weekday()
    classes = list(ASSET_CLASSES.values())
    counts = sorted({row[name] for row in rows for name in classes if row[name]})
    task = chart_task(
        "C_M06",
        MEDIUM,
        "Trades entered by weekday and asset class",
        [
            "grouped bar chart trades per weekday by asset class (data below), mon..sun. stocks "
            "#4e79a7 crypto #f28e2b fx #59a14f txt #333333, lato, 3px, bg #fafafa. no anim no "
            "shadow/gradient. tooltips + legend toggle",
            "trades entered by weekday, grouped bars per asset class. #4e79a7 stocks #f28e2b "
            "crypto #59a14f fx, labels #333333, Lato 3px corners bg #fafafa. no animation no "
            "shadows no gradients. legend click toggles, tooltip per bar",
            "weekday x asset class -> grouped columns. Stocks #4e79a7 / Crypto #f28e2b / FX "
            "#59a14f, text #333333, font lato, radius 3px, background #fafafa, dont animate, "
            "flat no shadow no gradient, tooltips, click legend to hide a class",
            "Can you make a grouped bar chart of how many trades we entered on each weekday, "
            "split by asset class (data below)? Stocks #4e79a7, Crypto #f28e2b, FX #59a14f, text "
            "#333333, Lato font, 3px corners, #fafafa background. No animation, shadows or "
            "gradients. Tooltips on the bars and a legend that toggles a class on click.",
            "I'd like grouped bars showing trades entered per weekday for stocks, crypto and FX "
            "(data below), Monday through Sunday. Stocks in #4e79a7, Crypto in #f28e2b, FX in "
            "#59a14f, text in #333333. Lato font, 3px rounded corners, #fafafa background. No "
            "animation, no shadows, no gradients. Add tooltips and a legend I can click to "
            "toggle each asset class.",
            "Build a grouped bar chart of trades entered by weekday (Monday to Sunday) with one "
            "bar per asset class from the data below. Stocks #4e79a7, Crypto #f28e2b, FX #59a14f, "
            "text and axes #333333. Font Lato, 3px corner radius, background #fafafa. No "
            "animation, no shadows, no gradients. Hovering a bar shows a tooltip with the day, "
            "the asset class and the count; clicking a legend entry toggles that class.",
            "Please create a grouped bar chart of the number of trades entered on each weekday, "
            "Monday through Sunday in that order, with three bars per day for Stocks, Crypto and "
            "FX, using the data below. Colors: #4e79a7 for Stocks, #f28e2b for Crypto, #59a14f "
            "for FX, #333333 for text and axes. Use the Lato font family, a 3px corner radius "
            "and a #fafafa background. No animation, no shadows, no gradients. Include a legend "
            "that toggles a class on click and a tooltip with the weekday, class and trade count.",
            "Build a grouped bar chart from the CSV below: x = weekday in row order (Monday to "
            "Sunday), three bars per weekday for the columns Stocks, Crypto and FX (trades "
            "entered). Stocks #4e79a7, Crypto #f28e2b, FX #59a14f, text and axes #333333. Font "
            "family Lato, corner radius 3px on bars and container, background #fafafa. No "
            "animation, no shadows, no gradients. Legend with click-to-toggle per class; "
            "tooltips with weekday, asset class and trade count.",
            "Create a grouped bar chart from the CSV below (weekday, Stocks, Crypto, FX; counts "
            "of trades entered, UTC weekdays): x = weekday in row order, Monday to Sunday, one "
            "bar per asset class, zero bars allowed. Fills Stocks #4e79a7, Crypto #f28e2b, FX "
            "#59a14f; text, ticks and axes #333333. Font family Lato, corner radius 3px (bars "
            "and container), background #fafafa. No animation, no shadows, no gradients. "
            "Interaction: legend items toggle their class on click; tooltip with weekday, "
            "asset class and count.",
            "Ticket: grouped bar chart of trades entered per UTC weekday by asset class from the "
            "CSV below (weekday, Stocks, Crypto, FX); x = weekday in row order (Monday..Sunday), "
            "one bar per class. Tokens: Stocks #4e79a7, Crypto #f28e2b, FX #59a14f, text/axes "
            "#333333, font family Lato, corner radius 3px (bars and container), background "
            "#fafafa. Rules: no animation, no shadows, no gradients. Interaction: legend click "
            "toggles a class; tooltip with weekday, asset class and trade count.",
        ],
        data=csv_text(rows),
        chart_type="bar",
        labels=[*column(rows, "weekday"), *classes],
        values=counts,
        decimals=None,
        compact=False,
        colors=["#4e79a7", "#f28e2b", "#59a14f", "#333333"],
        font="Lato",
        radius="3px",
        background="#fafafa",
        rules=["no-animation"],
        interactivity=["tooltip", "legend_toggle"],
    )
    return task, render("C_M06.html", data=script_json(rows))
