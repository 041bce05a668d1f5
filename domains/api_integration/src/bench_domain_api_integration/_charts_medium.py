"""Medium charts: several series with a legend that hides and shows them, sorting, number
formatting, and a computed value beside the raw ones (week totals, an average, a share)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from bench_core import Difficulty
from bench_core.authoring import column, csv_text, esc, script_json

from ._charts import WEEK, ChartSolved, chart_task, render, week_rows
from ._facts import Facts
from ._stats import summarize

MEDIUM = Difficulty.MEDIUM


def medium_charts(facts: Facts) -> list[ChartSolved]:
    """AI_C_M01-AI_C_M05."""
    return [_m01(facts), _m02(facts), _m03(facts), _m04(facts), _m05(facts)]


def _m01(facts: Facts) -> ChartSolved:
    rows: list[dict[str, Any]] = []
    day = WEEK[0]
    while day <= WEEK[1]:
        found = facts.requests_between(*facts.day(day))
        rows.append(
            {
                "day": day.isoformat(),
                "client_errors": sum(400 <= r.status < 500 for r in found),
                "server_errors": sum(r.status >= 500 for r in found),
            }
        )
        day += dt.timedelta(days=1)
    totals = {k: sum(r[k] for r in rows) for k in ("client_errors", "server_errors")}
    summary = f"4xx {totals['client_errors']} and 5xx {totals['server_errors']} over the week"
    task = chart_task(
        "AI_C_M01",
        "Client and server errors per day",
        [
            "2 lines: 4xx and 5xx per day (csv below), legend click hides a line, week totals "
            "in the legend. 4xx #ea580c 5xx #dc2626 txt #334155 nunito sans 6px bg #ffffff, "
            "no anim, tooltip",
            "daily 4xx vs 5xx lines pls + each one's total for the week. #ea580c / #dc2626, "
            "#334155 text, Nunito Sans, radius 6px, #ffffff, no animation, tooltips, toggle "
            "series from legend",
            "plot errors/day: 4xx line #ea580c, 5xx line #dc2626, text #334155. nunito sans, "
            "6px, bg #ffffff. static. hover tooltip, clickable legend, weekly totals shown",
            "Can you plot the daily 4xx and 5xx counts below as two lines, with each series' "
            "week total in its legend label? 4xx #ea580c, 5xx #dc2626, text #334155, Nunito "
            "Sans, 6px corners, background #ffffff, no animation, tooltips, and let me click "
            "the legend to hide a line.",
            "I'd like a two-line chart of client errors (4xx) and server errors (5xx) per day "
            "from the CSV below, with the week's total of each in the legend. Colors #ea580c "
            "and #dc2626, text #334155, font Nunito Sans, 6px radius, #ffffff background. No "
            "animation; hover tooltips; clicking a legend entry toggles its line.",
            "Please draw 4xx and 5xx responses per day (data below) as two lines with markers. "
            "4xx #ea580c, 5xx #dc2626, axes and text #334155, Nunito Sans, 6px corner radius, "
            "background #ffffff. Put each series' total for the week in its legend label. No "
            "animation, no shadows or gradients. Tooltips; legend entries toggle the lines.",
            "Build a line chart with two series, 4xx and 5xx responses per UTC day, "
            "2026-03-11 to 2026-03-17, from the CSV below. Lines 4xx #ea580c and 5xx #dc2626, "
            "text #334155, font Nunito Sans, radius 6px, background #ffffff. Legend labels "
            "carry each series' week total. No animation. Tooltip per point; clicking a legend "
            "entry hides or shows its series.",
            "Create a two-series line chart from the CSV below (day, client_errors, "
            "server_errors; 2026-03-11..2026-03-17 UTC), days in row order, y from zero. 4xx "
            "line #ea580c, 5xx line #dc2626, text #334155, font family Nunito Sans, 6px "
            "radius, background #ffffff. Legend shows each series with its week total. No "
            "animation, shadows or gradients. Tooltips; legend click toggles a series.",
            "Line chart, two series (4xx = client_errors, 5xx = server_errors) per UTC day "
            "2026-03-11 to 2026-03-17 from the CSV below, row order, y-axis from zero. "
            "Computed: each series' total over the week, shown in its legend label. Tokens: "
            "4xx #ea580c, 5xx #dc2626, text #334155, font Nunito Sans, radius 6px, background "
            "#ffffff. Rules: no animation, no shadows, no gradients. Interaction: tooltip per "
            "point; legend click toggles a series.",
            "Ticket: line chart, 4xx and 5xx responses per UTC day, 2026-03-11..2026-03-17, "
            "data = CSV below (day, client_errors, server_errors), row order, y from zero. "
            "Computed: week total per series, in the legend labels. Tokens: 4xx line #ea580c, "
            "5xx line #dc2626, text/axes #334155, font family Nunito Sans, corner radius 6px, "
            "background #ffffff. Rules: no animation, no shadows, no gradients. Interaction: "
            "tooltips; clicking a legend entry hides/shows its series.",
        ],
        data=csv_text(rows),
        chart_type="line",
        values=[*column(rows, "client_errors"), *column(rows, "server_errors"), *totals.values()],
        colors=["#ea580c", "#dc2626", "#334155"],
        font="Nunito Sans",
        radius="6px",
        background="#ffffff",
        rules=["no-animation"],
        interactivity=["tooltip", "legend_toggle"],
        difficulty=MEDIUM,
    )
    return task, render(
        "AI_C_M01.html",
        data=script_json(rows),
        totals=script_json(totals),
        summary=esc(summary),
    )


def _m02(facts: Facts) -> ChartSolved:
    found = facts.requests_between(*facts.day(facts.yesterday))
    ranked = Counter(r.endpoint_id for r in found).most_common(7)
    assert ranked[5][1] > ranked[6][1], "no tie at the sixth place"
    by_id = facts.fixtures.endpoint_by_id
    rows = []
    for endpoint_id, _ in ranked[:6]:
        stats = summarize([r for r in found if r.endpoint_id == endpoint_id])
        rows.append(
            {
                "endpoint": by_id[endpoint_id].route,
                "p50_ms": stats["p50_ms"],
                "p95_ms": stats["p95_ms"],
                "p99_ms": stats["p99_ms"],
            }
        )
    average = round(sum(r["p95_ms"] for r in rows) / len(rows))
    task = chart_task(
        "AI_C_M02",
        "Latency percentiles of the busiest endpoints",
        [
            "grouped bars p50/p95/p99 per endpoint (csv below), legend toggles, avg p95 of "
            "the 6 in subtitle. #93c5fd #3b82f6 #1e3a8a, txt #1f2937, roboto, 4px, bg "
            "#f9fafb, no anim, tooltip, ms on axis",
            "latency percentiles of yesterday's busiest endpoints as grouped bars. p50 "
            "#93c5fd p95 #3b82f6 p99 #1e3a8a text #1f2937 Roboto 4px #f9fafb. static, "
            "tooltips, clickable legend, show the average p95",
            "bars: p50 p95 p99 for the 6 endpoints below, colors #93c5fd/#3b82f6/#1e3a8a, "
            "#1f2937 txt, roboto, radius 4px, bg #f9fafb, no animation, tooltip, legend "
            "toggle + mean p95",
            "Could you chart p50, p95 and p99 latency for the six endpoints below as grouped "
            "bars? p50 #93c5fd, p95 #3b82f6, p99 #1e3a8a, text #1f2937, Roboto, 4px corners, "
            "background #f9fafb. No animation; tooltips; the legend should toggle series; and "
            "put the average p95 of the six in a subtitle.",
            "I'd like grouped bars of the p50/p95/p99 latencies below, one group per endpoint, "
            "values in ms on the axis. Colors #93c5fd, #3b82f6 and #1e3a8a; text #1f2937; "
            "Roboto; 4px radius; #f9fafb background. Static chart, hover tooltips, clickable "
            "legend, and the mean of the six p95 values in a subtitle.",
            "Please build a grouped bar chart of the latency percentiles below (p50, p95, p99 "
            "per endpoint, yesterday UTC). p50 #93c5fd, p95 #3b82f6, p99 #1e3a8a; text and "
            "axes #1f2937; font Roboto; corner radius 4px; background #f9fafb. Axis labels in "
            "ms. No animation. Tooltips, legend toggling, and the average p95 in a subtitle.",
            "Build a grouped bar chart of p50, p95 and p99 latency (ms) for the six busiest "
            "endpoints of 2026-03-17 UTC from the CSV below, one group per row in row order. "
            "Series colors p50 #93c5fd, p95 #3b82f6, p99 #1e3a8a; text #1f2937; Roboto; 4px "
            "radius; background #f9fafb. No animation. Tooltips; legend click toggles a "
            "series; subtitle with the six endpoints' mean p95 in whole ms.",
            "Create a grouped bar chart from the CSV below (endpoint, p50_ms, p95_ms, p99_ms "
            "for 2026-03-17 UTC): one group per endpoint in row order, three bars each, y-axis "
            "formatted in ms. Colors p50 #93c5fd, p95 #3b82f6, p99 #1e3a8a; text #1f2937; font "
            "family Roboto; radius 4px; background #f9fafb. No animation, shadows or "
            "gradients. Tooltips; legend toggles series. Subtitle: mean p95, whole ms.",
            "Grouped bar chart of p50/p95/p99 latency for the six busiest endpoints on "
            "2026-03-17 UTC, from the CSV below (endpoint, p50_ms, p95_ms, p99_ms), row order, "
            "y-axis labels in ms. Computed: the mean of the six p95 values in whole ms, in a "
            "subtitle. Tokens: p50 #93c5fd, p95 #3b82f6, p99 #1e3a8a, text #1f2937, font "
            "Roboto, radius 4px, background #f9fafb. Rules: no animation, no shadows, no "
            "gradients. Interaction: tooltips, legend toggle.",
            "Ticket: grouped bar chart, latency percentiles (p50, p95, p99, ms) of the six "
            "busiest endpoints on 2026-03-17 UTC, data = CSV below (endpoint, p50_ms, p95_ms, "
            "p99_ms), row order, y-axis formatted in ms. Computed: mean p95 of the six, whole "
            "ms, in a subtitle. Tokens: p50 #93c5fd, p95 #3b82f6, p99 #1e3a8a, text/axes "
            "#1f2937, font family Roboto, corner radius 4px, background #f9fafb. Rules: no "
            "animation, no shadows, no gradients. Interaction: tooltips; legend toggles series.",
        ],
        data=csv_text(rows),
        chart_type="bar",
        labels=column(rows, "endpoint"),
        values=[
            *column(rows, "p50_ms"),
            *column(rows, "p95_ms"),
            *column(rows, "p99_ms"),
            average,
        ],
        colors=["#93c5fd", "#3b82f6", "#1e3a8a", "#1f2937"],
        font="Roboto",
        radius="4px",
        background="#f9fafb",
        rules=["no-animation"],
        interactivity=["tooltip", "legend_toggle"],
        difficulty=MEDIUM,
    )
    return task, render("AI_C_M02.html", data=script_json(rows), average=str(average))


def _m03(facts: Facts) -> ChartSolved:
    owners = {k.id: k.customer_id for k in facts.fixtures.keys}
    keyed = [r for r in week_rows(facts) if r.key_id is not None]
    counts = Counter(owners[r.key_id] for r in keyed if r.key_id is not None)
    names = facts.fixtures.customer_by_id
    rows: list[dict[str, Any]] = sorted(
        ({"customer": names[c].name, "requests": n} for c, n in counts.items()),
        key=lambda row: str(row["customer"]),
    )
    ranked = sorted(rows, key=lambda row: -int(row["requests"]))
    assert ranked[7]["requests"] > ranked[8]["requests"], "no tie at the eighth place"
    top = ranked[:8]
    share = round(100 * sum(int(r["requests"]) for r in top) / len(keyed), 1)
    task = chart_task(
        "AI_C_M03",
        "The eight busiest customers",
        [
            "bar chart top 8 customers by requests from the list below (its alphabetical, "
            "sort it biggest first) + their % of all requests. bars #0d9488 text #134e4a, "
            "work sans, 3px, bg #f0fdfa, no anim, tooltip",
            "top 8 customers by traffic last week as bars, sorted desc, thousands separators, "
            "and what share they are of everything. #0d9488 / #134e4a, Work Sans, 3px, "
            "#f0fdfa bg, static, tooltips",
            "rank customers by requests (csv below), show only the top 8, biggest first. "
            "color #0d9488, text #134e4a, work sans, radius 3px, bg #f0fdfa, no animation, "
            "hover tooltip, top-8 share in %",
            "Could you chart the eight busiest customers from the list below as bars, sorted "
            "biggest first, with the share of all requests the eight make up? Bars #0d9488, "
            "text #134e4a, Work Sans, 3px corners, background #f0fdfa, no animation, "
            "tooltips, numbers with thousands separators.",
            "I need a bar chart of the top eight customers by requests last week (the CSV "
            "below lists all of them alphabetically). Sort descending, format counts with "
            "commas, and show what percent of all requests the eight sent. #0d9488 bars, "
            "#134e4a text, Work Sans, 3px radius, #f0fdfa background, static, tooltips.",
            "Please pick the eight customers with the most requests from the data below and "
            "draw them as horizontal bars, largest first, counts formatted with thousands "
            "separators. Bars #0d9488, text #134e4a, font Work Sans, 3px radius, background "
            "#f0fdfa. No animation. Tooltip per bar. Add the eight's share of all requests.",
            "Build a horizontal bar chart of the eight busiest customers by requests, "
            "2026-03-11 to 2026-03-17 UTC, from the CSV below (all customers, alphabetical): "
            "sorted descending, counts with thousands separators. Bars #0d9488, text #134e4a, "
            "Work Sans, radius 3px, background #f0fdfa. No animation. Tooltips. A subtitle "
            "gives the eight's share of all requests in percent, one decimal.",
            "Create a horizontal bar chart from the CSV below (customer, requests; every "
            "customer, alphabetical; 2026-03-11..2026-03-17 UTC): keep the eight largest, "
            "sort descending, format counts with thousands separators. Bar #0d9488; text "
            "#134e4a; font family Work Sans; 3px radius; background #f0fdfa. No animation, "
            "shadows or gradients. Tooltips. Subtitle: the top eight's share of the total, %.",
            "Horizontal bar chart of the eight customers with the most requests, 2026-03-11 "
            "to 2026-03-17 UTC, from the CSV below (customer, requests; all customers in "
            "alphabetical order): top eight only, sorted descending, counts with thousands "
            "separators. Computed: the eight's share of all requests in the CSV, percent with "
            "one decimal, in a subtitle. Tokens: bars #0d9488, text #134e4a, font Work Sans, "
            "radius 3px, background #f0fdfa. Rules: no animation, no shadows, no gradients. "
            "Tooltip per bar.",
            "Ticket: horizontal bar chart, top 8 customers by requests, 2026-03-11..2026-03-17 "
            "UTC, data = CSV below (customer, requests; all customers, alphabetical). Select "
            "the 8 largest, sort descending, thousands separators on counts. Computed: the top "
            "8's share of the CSV's total requests, percent, one decimal, in a subtitle. "
            "Tokens: bar #0d9488, text/axes #134e4a, font family Work Sans, corner radius 3px, "
            "background #f0fdfa. Rules: no animation, no shadows, no gradients. Interaction: "
            "tooltip with customer and requests.",
        ],
        data=csv_text(rows),
        chart_type="bar",
        labels=column(top, "customer"),
        values=[*column(top, "requests"), share],
        decimals=1,
        colors=["#0d9488", "#134e4a"],
        font="Work Sans",
        radius="3px",
        background="#f0fdfa",
        rules=["no-animation"],
        interactivity=["tooltip"],
        difficulty=MEDIUM,
    )
    return task, render("AI_C_M03.html", data=script_json(rows), share=f"{share}")


def _m04(facts: Facts) -> ChartSolved:
    owners = {k.id: facts.fixtures.customer_by_id[k.customer_id].plan for k in facts.fixtures.keys}
    counts = Counter(owners[r.key_id] for r in week_rows(facts) if r.key_id is not None)
    plans = ("starter", "growth", "enterprise")
    rows = [{"plan": p, "requests": counts[p]} for p in plans]
    total = sum(counts.values())
    shares = [round(100 * counts[p] / total, 1) for p in plans]
    items = "\n".join(
        f"    <li>{p}: {counts[p]:,} ({s}%)</li>" for p, s in zip(plans, shares, strict=True)
    )
    summary = ", ".join(f"{p} {s}%" for p, s in zip(plans, shares, strict=True))
    task = chart_task(
        "AI_C_M04",
        "Requests by customer plan",
        [
            "donut of requests by plan (below) w/ % of each. starter #f59e0b growth #10b981 "
            "enterprise #6366f1 text #27272a open sans 5px bg #fafafa no anim tooltip, "
            "legend click hides a slice",
            "plan split donut pls: starter #f59e0b, growth #10b981, enterprise #6366f1, txt "
            "#27272a. Open Sans, radius 5px, #fafafa. static. tooltips, toggle from legend, "
            "show percentages",
            "requests per plan as a doughnut, percent per plan, colors #f59e0b/#10b981/"
            "#6366f1, #27272a text, open sans, 5px, bg #fafafa, no animation, hover "
            "tooltip, legend toggle",
            "Could you make a donut chart of last week's requests by customer plan (data "
            "below) with each plan's percentage? Starter #f59e0b, growth #10b981, enterprise "
            "#6366f1, text #27272a, Open Sans, 5px corners, background #fafafa. No animation, "
            "tooltips, and clicking a legend entry should hide its slice.",
            "I'd like a doughnut of requests per plan from the CSV below, with each plan's "
            "share in percent listed next to it. Colors: starter #f59e0b, growth #10b981, "
            "enterprise #6366f1; text #27272a. Open Sans, 5px radius, #fafafa background. "
            "Static, hover tooltips, legend toggles slices.",
            "Please draw the requests per customer plan below as a doughnut and show each "
            "plan's share of the total (percent, one decimal). Starter #f59e0b, growth "
            "#10b981, enterprise #6366f1, text #27272a, font Open Sans, 5px radius, "
            "background #fafafa. No animation, no shadows or gradients. Tooltips; legend "
            "toggling.",
            "Build a doughnut chart of keyed requests by customer plan, 2026-03-11 to "
            "2026-03-17 UTC, from the CSV below, with each plan's share in percent (one "
            "decimal). Slices starter #f59e0b, growth #10b981, enterprise #6366f1; text "
            "#27272a; Open Sans; radius 5px; background #fafafa. No animation. Tooltips; a "
            "legend whose entries hide and show slices.",
            "Create a doughnut chart from the CSV below (plan, requests; 2026-03-11..2026-03-17 "
            "UTC), one slice per row, and list each plan's share of the total in percent with "
            "one decimal. Slices starter #f59e0b, growth #10b981, enterprise #6366f1; text "
            "#27272a; font family Open Sans; 5px radius; background #fafafa. No animation, "
            "shadows or gradients. Tooltip with plan, count and share; legend toggle.",
            "Doughnut chart of keyed requests by customer plan, 2026-03-11 to 2026-03-17 UTC, "
            "from the CSV below (plan, requests), one slice per row. Computed: each plan's "
            "share of all requests, percent with one decimal, shown as text. Tokens: starter "
            "#f59e0b, growth #10b981, enterprise #6366f1, text #27272a, font Open Sans, radius "
            "5px, background #fafafa. Rules: no animation, no shadows, no gradients. "
            "Interaction: tooltips, legend toggle.",
            "Ticket: doughnut chart, keyed requests by customer plan, 2026-03-11..2026-03-17 "
            "UTC, data = CSV below (plan, requests), one slice per row. Computed: share per "
            "plan in percent, one decimal, displayed as text. Tokens: slice colors starter "
            "#f59e0b, growth #10b981, enterprise #6366f1; text #27272a; font family Open Sans; "
            "corner radius 5px; background #fafafa. Rules: no animation, no shadows, no "
            "gradients. Interaction: tooltip with plan, count and share; legend click "
            "toggles a slice.",
        ],
        data=csv_text(rows),
        chart_type="pie",
        labels=column(rows, "plan"),
        values=[*column(rows, "requests"), *shares],
        decimals=1,
        colors=["#f59e0b", "#10b981", "#6366f1", "#27272a"],
        font="Open Sans",
        radius="5px",
        background="#fafafa",
        rules=["no-animation"],
        interactivity=["tooltip", "legend_toggle"],
        difficulty=MEDIUM,
    )
    return task, render("AI_C_M04.html", data=script_json(rows), shares=items, summary=esc(summary))


def _m05(facts: Facts) -> ChartSolved:
    days = (dt.date(2026, 3, 16), dt.date(2026, 3, 17))
    per_day = [
        Counter(int(r.time[11:13]) for r in facts.requests_between(*facts.day(d))) for d in days
    ]
    rows = [{"hour": h, "mar_16": per_day[0][h], "mar_17": per_day[1][h]} for h in range(24)]
    totals = [sum(c.values()) for c in per_day]
    task = chart_task(
        "AI_C_M05",
        "Requests per hour, two days compared",
        [
            "2 lines requests/hour (utc) mon 16 vs tue 17 from csv. 16th #f59e0b 17th "
            "#6366f1 text #374151 fira sans 8px bg #ffffff no anim tooltip, legend toggle, "
            "day totals on top",
            "hourly traffic 16 mar vs 17 mar as two lines + each day's total. #f59e0b / "
            "#6366f1, #374151 txt, Fira Sans, 8px, #ffffff, static, tooltips, click legend to "
            "hide a day",
            "compare requests per UTC hour, 2026-03-16 (#f59e0b) and 2026-03-17 (#6366f1). "
            "text #374151, fira sans, radius 8px, bg #ffffff, no animation, hover tooltip, "
            "legend toggles, totals",
            "Could you plot requests per UTC hour for 16 and 17 March (data below) as two "
            "lines? 16th #f59e0b, 17th #6366f1, text #374151, Fira Sans, 8px corners, "
            "background #ffffff. No animation, tooltips, a legend that toggles each day, and "
            "each day's total in the subtitle.",
            "I'd like two lines of hourly request counts (UTC), one for 2026-03-16 and one for "
            "2026-03-17, from the CSV below. Colors #f59e0b and #6366f1, text #374151, Fira "
            "Sans, 8px radius, #ffffff background. Static; hover tooltips; clicking a legend "
            "entry hides its day; show both day totals.",
            "Please draw the hourly requests below as a two-series line chart, hours 00-23 UTC "
            "on x. 2026-03-16 #f59e0b, 2026-03-17 #6366f1, axes and text #374151, font Fira "
            "Sans, 8px corner radius, background #ffffff. No animation, no shadows or "
            "gradients. Tooltips, legend toggling, and each day's total requests.",
            "Build a line chart with two series, requests per UTC hour on 2026-03-16 and on "
            "2026-03-17, from the CSV below (hour, mar_16, mar_17). 16th #f59e0b, 17th "
            "#6366f1, text #374151, Fira Sans, radius 8px, background #ffffff. No animation. "
            "Tooltip per point; legend entries toggle the series; subtitle with each day's "
            "total.",
            "Create a two-series line chart from the CSV below (hour 0-23 UTC, mar_16, "
            "mar_17): x = hour, y = requests from zero. Series 2026-03-16 #f59e0b and "
            "2026-03-17 #6366f1; text #374151; font family Fira Sans; radius 8px; background "
            "#ffffff. No animation, shadows or gradients. Tooltips; legend click toggles a "
            "series. Subtitle: total requests of each day.",
            "Line chart, two series: requests per UTC hour on 2026-03-16 and 2026-03-17, from "
            "the CSV below (hour, mar_16, mar_17), 24 points each, y from zero. Computed: the "
            "total requests of each day, in a subtitle. Tokens: 2026-03-16 #f59e0b, "
            "2026-03-17 #6366f1, text #374151, font Fira Sans, radius 8px, background #ffffff. "
            "Rules: no animation, no shadows, no gradients. Interaction: tooltips, legend "
            "toggle.",
            "Ticket: line chart, requests per UTC hour, 2026-03-16 vs 2026-03-17, data = CSV "
            "below (hour, mar_16, mar_17), x = hour 00-23, y = requests from zero. Computed: "
            "day totals of both days, in a subtitle. Tokens: series 2026-03-16 #f59e0b, "
            "2026-03-17 #6366f1; text/axes #374151; font family Fira Sans; corner radius 8px; "
            "background #ffffff. Rules: no animation, no shadows, no gradients. Interaction: "
            "tooltips; legend click hides/shows a day.",
        ],
        data=csv_text(rows),
        chart_type="line",
        values=[*column(rows, "mar_16"), *column(rows, "mar_17"), *totals],
        colors=["#f59e0b", "#6366f1", "#374151"],
        font="Fira Sans",
        radius="8px",
        background="#ffffff",
        rules=["no-animation"],
        interactivity=["tooltip", "legend_toggle"],
        difficulty=MEDIUM,
    )
    return task, render(
        "AI_C_M05.html",
        data=script_json(rows),
        total_16=f"{totals[0]:,}",
        total_17=f"{totals[1]:,}",
    )
