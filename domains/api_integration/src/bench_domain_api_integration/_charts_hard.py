"""Hard charts: stacked and dual-axis charts, annotations, derived values (running sums,
rates, shares) and series of 50 or more points."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from bench_core import Difficulty
from bench_core.authoring import column, csv_text, script_json, spread

from ._charts import ChartSolved, chart_task, render
from ._facts import Facts
from ._lookup import utc

HARD = Difficulty.HARD

LOG_DAYS = (dt.date(2026, 3, 4), dt.date(2026, 3, 17))
"""Every full UTC day of the request log."""


def hard_charts(facts: Facts) -> list[ChartSolved]:
    """AI_C_H01-AI_C_H04."""
    return [_h01(facts), _h02(facts), _h03(facts), _h04(facts)]


def _days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def _h01(facts: Facts) -> ChartSolved:
    start = dt.datetime(2026, 3, 15, tzinfo=dt.UTC)
    found = facts.requests_between(start, start + dt.timedelta(days=3))
    counts = Counter((r.time[:13], r.status // 100) for r in found)
    rows: list[dict[str, Any]] = []
    for n in range(72):
        hour = (start + dt.timedelta(hours=n)).strftime("%Y-%m-%dT%H")
        rows.append(
            {
                "hour": f"{hour[5:10]} {hour[11:]}:00",
                "ok": counts[(hour, 2)] + counts[(hour, 3)],
                "client_errors": counts[(hour, 4)],
                "server_errors": counts[(hour, 5)],
            }
        )
    incident = next(i for i in facts.fixtures.incidents if i.id == "INC-2026-037")
    began, ended = utc(incident.started_at), utc(incident.resolved_at)
    band = {
        "start": began.strftime("%m-%d %H:00"),
        "end": ended.strftime("%m-%d %H:00"),
        "label": incident.id,
    }
    total = len(found)
    server = sum(r["server_errors"] for r in rows)
    sample = spread(rows, 6)
    task = chart_task(
        "AI_C_H01",
        "Requests per hour by status class, with the incident marked",
        [
            "stacked bars per hour 2xx/4xx/5xx (72 rows below), shade INC-2026-037 (17th "
            "09:00-21:00 utc), subtitle total reqs + total 5xx. #4c956c #f4a259 #bc4b51 txt "
            "#2e3440 manrope 6px bg #fcfcfd no anim tooltip legend toggle",
            "hourly status-class stack for 15-17 mar, mark the tracking incident INC-2026-037 "
            "as a band, show 72h total and 5xx total. colors #4c956c/#f4a259/#bc4b51, #2e3440 "
            "text, Manrope, 6px, #fcfcfd, static, tooltips, clickable legend",
            "stack 2xx 4xx 5xx per hour from the csv, band for INC-2026-037 on the 17th "
            "09:00-21:00. #4c956c #f4a259 #bc4b51, text #2e3440, manrope, radius 6px, bg "
            "#fcfcfd, no animation, tooltip, legend toggles, + totals",
            "Can you draw the hourly requests below as stacked bars by status class (2xx "
            "#4c956c, 4xx #f4a259, 5xx #bc4b51), shade incident INC-2026-037 on 17 March "
            "09:00-21:00 UTC, and give the 72-hour total and the 5xx total? Text #2e3440, "
            "Manrope, 6px corners, background #fcfcfd, no animation, tooltips, legend toggle.",
            "I'd like a stacked bar chart of requests per UTC hour, 15 to 17 March, split into "
            "2xx, 4xx and 5xx (#4c956c, #f4a259, #bc4b51), with a shaded band labelled "
            "INC-2026-037 from 09:00 to 21:00 on the 17th, and a subtitle with the total "
            "requests and total 5xx. Text #2e3440, Manrope, 6px, #fcfcfd. Static; tooltips; "
            "legend toggles classes.",
            "Please build stacked bars of the 72 hourly rows below (2xx #4c956c, 4xx #f4a259, "
            "5xx #bc4b51), annotate incident INC-2026-037 (2026-03-17 09:00 to 21:00 UTC) as a "
            "shaded band, and state total requests and total 5xx in a subtitle. Text #2e3440, "
            "font Manrope, radius 6px, background #fcfcfd. No animation, shadows or "
            "gradients. Tooltips and a legend that toggles series.",
            "Build a stacked bar chart of requests per UTC hour from 2026-03-15 00:00 to "
            "2026-03-17 23:00, from the CSV below: 2xx #4c956c, 4xx #f4a259, 5xx #bc4b51. "
            "Shade 2026-03-17 09:00-21:00 and label it INC-2026-037. Subtitle: total requests "
            "over the 72 hours and total 5xx. Text #2e3440, Manrope, radius 6px, background "
            "#fcfcfd. No animation. Tooltips; legend toggle.",
            "Create a stacked bar chart from the CSV below (hour, ok = 2xx and 3xx, "
            "client_errors = 4xx, server_errors = 5xx; 72 UTC hours from 2026-03-15), one "
            "stack per row. Colors 2xx #4c956c, 4xx #f4a259, 5xx #bc4b51; text #2e3440; font "
            "family Manrope; 6px radius; background #fcfcfd. Annotate INC-2026-037 as a band "
            "from 03-17 09:00 to 03-17 21:00. Subtitle: the 72-hour request total and 5xx "
            "total. No animation. Tooltips; legend toggles.",
            "Stacked bar chart, requests per UTC hour by status class, 2026-03-15 00:00 to "
            "2026-03-17 23:00, from the CSV below (hour, ok, client_errors, server_errors), "
            "row order. Annotation: shaded band 03-17 09:00 to 03-17 21:00 labelled "
            "INC-2026-037. Computed: total requests and total 5xx over the 72 hours, in a "
            "subtitle. Tokens: 2xx #4c956c, 4xx #f4a259, 5xx #bc4b51, text #2e3440, font "
            "Manrope, radius 6px, background #fcfcfd. Rules: no animation, no shadows, no "
            "gradients. Interaction: tooltips, legend toggle.",
            "Ticket: stacked bar chart, requests per UTC hour by status class, "
            "2026-03-15T00..2026-03-17T23 (72 bars), data = CSV below (hour, ok, "
            "client_errors, server_errors), row order. Annotation: band 03-17 09:00..21:00 "
            "labelled INC-2026-037. Computed: 72-hour request total and 5xx total, in a "
            "subtitle. Tokens: 2xx #4c956c, 4xx #f4a259, 5xx #bc4b51, text/axes #2e3440, font "
            "family Manrope, corner radius 6px, background #fcfcfd. Rules: no animation, no "
            "shadows, no gradients. Interaction: tooltips; legend click toggles a class.",
        ],
        data=csv_text(rows),
        chart_type="bar",
        labels=[*column(sample, "hour"), incident.id],
        values=[*column(sample, "ok"), total, server],
        colors=["#4c956c", "#f4a259", "#bc4b51", "#2e3440"],
        font="Manrope",
        radius="6px",
        background="#fcfcfd",
        rules=["no-animation"],
        interactivity=["tooltip", "legend_toggle"],
        difficulty=HARD,
    )
    return task, render(
        "AI_C_H01.html",
        data=script_json(rows),
        incident=script_json(band),
        total=f"{total:,}",
        server_errors=f"{server:,}",
    )


def _h02(facts: Facts) -> ChartSolved:
    rows: list[dict[str, Any]] = []
    for day in _days(*LOG_DAYS):
        found = facts.requests_between(*facts.day(day))
        rows.append(
            {
                "day": day.isoformat(),
                "requests": len(found),
                "server_errors": sum(r.status >= 500 for r in found),
            }
        )
    rates = [round(100 * r["server_errors"] / r["requests"], 2) for r in rows]
    shown = [{**r, "server_error_rate_pct": rate} for r, rate in zip(rows, rates, strict=True)]
    peak = max(shown, key=lambda r: r["server_error_rate_pct"])
    assert sorted(rates)[-1] > sorted(rates)[-2], "one clear peak"
    task = chart_task(
        "AI_C_H02",
        "Daily requests and the 5xx rate on two axes",
        [
            "dual axis: bars = requests/day (left), line = 5xx rate % per day (right, "
            "compute it: 5xx/requests). 14 days below. bars #94a3b8 line #dc2626 txt "
            "#3f3f46, pt sans, 4px, bg #ffffff, no anim, tooltip, name the peak day",
            "requests per day as bars + 5xx rate (%) as a line on a 2nd axis, from the csv. "
            "#94a3b8 / #dc2626 / #3f3f46, PT Sans, 4px, #ffffff, static, tooltips, call out "
            "the worst day",
            "daily traffic vs 5xx share, two y axes. compute the rate yourself. colors "
            "#94a3b8 bars #dc2626 line, text #3f3f46, pt sans, radius 4px, bg #ffffff, no "
            "animation, hover tooltip, mark the peak",
            "Could you chart requests per day as bars on the left axis and the daily 5xx "
            "rate (5xx / requests, in %) as a line on a right axis, from the data below? "
            "Bars #94a3b8, line #dc2626, text #3f3f46, PT Sans, 4px corners, background "
            "#ffffff, no animation, tooltips, and point out the day with the highest rate.",
            "I'd like a dual-axis chart of the 14 days below: request counts as bars "
            "(#94a3b8) and the share of 5xx responses in percent as a line (#dc2626) on its "
            "own axis. Text #3f3f46, PT Sans, 4px radius, #ffffff background. Static, hover "
            "tooltips, and a note naming the peak 5xx day and its rate.",
            "Please build a combined chart from the CSV below: daily requests as bars on the "
            "left axis (#94a3b8) and the daily 5xx rate (server_errors / requests x 100, two "
            "decimals) as a line on the right axis (#dc2626). Text #3f3f46, font PT Sans, "
            "radius 4px, background #ffffff. No animation. Tooltips. Name the day with the "
            "highest 5xx rate.",
            "Build a dual-axis chart for 2026-03-04 to 2026-03-17 (UTC) from the CSV below: "
            "bars = requests per day (left axis, #94a3b8); line = 5xx rate per day in percent "
            "with two decimals, computed as server_errors / requests (right axis, #dc2626). "
            "Text #3f3f46, PT Sans, 4px radius, background #ffffff. No animation. Tooltips. "
            "Annotate the peak-rate day.",
            "Create a dual-axis chart from the CSV below (day, requests, server_errors; "
            "2026-03-04..2026-03-17 UTC): bars for requests on the left y-axis (#94a3b8), a "
            "line for the 5xx rate = server_errors / requests in percent, two decimals, on "
            "the right y-axis (#dc2626). Text #3f3f46; font family PT Sans; radius 4px; "
            "background #ffffff. No animation, shadows or gradients. Tooltips. Label the "
            "peak day.",
            "Dual-axis chart, 2026-03-04 to 2026-03-17 UTC, from the CSV below (day, "
            "requests, server_errors): bars = requests (left axis), line = 5xx rate "
            "(right axis). Computed: the daily 5xx rate in percent, two decimals, shown for "
            "every day, and the peak day with its rate. Tokens: bars #94a3b8, line #dc2626, "
            "text #3f3f46, font PT Sans, radius 4px, background #ffffff. Rules: no "
            "animation, no shadows, no gradients. Tooltips.",
            "Ticket: dual-axis chart, 2026-03-04..2026-03-17 UTC, data = CSV below (day, "
            "requests, server_errors). Left axis: requests per day as bars; right axis: 5xx "
            "rate per day as a line. Computed: 5xx rate = server_errors / requests x 100, two "
            "decimals, every day shown as text; the peak day and its rate annotated. Tokens: "
            "bars #94a3b8, line #dc2626, text/axes #3f3f46, font family PT Sans, corner "
            "radius 4px, background #ffffff. Rules: no animation, no shadows, no gradients. "
            "Interaction: tooltips.",
        ],
        data=csv_text(rows),
        chart_type="bar",
        labels=[str(peak["day"])],
        values=[*column(spread(rows, 5), "requests"), *rates],
        decimals=2,
        colors=["#94a3b8", "#dc2626", "#3f3f46"],
        font="PT Sans",
        radius="4px",
        background="#ffffff",
        rules=["no-animation"],
        interactivity=["tooltip"],
        difficulty=HARD,
    )
    return task, render(
        "AI_C_H02.html",
        data=script_json(shown),
        rates=", ".join(f"{r['day']} {r['server_error_rate_pct']:.2f}" for r in shown),
        peak=f"{peak['day']}, {peak['server_error_rate_pct']:.2f}% 5xx",
    )


def _h03(facts: Facts) -> ChartSolved:
    poller = facts.key("Quillon Analytics", "Bulk tracking poller")
    daily = facts.usage(poller, "2026-03")
    by_day = {
        u.date: u.requests
        for u in facts.fixtures.usage
        if u.key_id == poller.id and u.date.startswith("2026-03")
    }
    rows: list[dict[str, Any]] = [{"day": d, "requests": by_day[d]} for d in sorted(by_day)]
    running: list[int] = []
    for row in rows:
        running.append((running[-1] if running else 0) + int(row["requests"]))
    assert running[-1] == daily["requests"]
    quota = poller.monthly_quota
    crossed_at = next(i for i, total in enumerate(running) if total > quota)
    crossed = str(rows[crossed_at]["day"])
    task = chart_task(
        "AI_C_H03",
        "A key's running usage against its monthly quota",
        [
            "quillon poller march usage: running total line from the daily counts below, "
            "dashed quota line at 3000, annotate the day it went over. line #b45309 quota "
            "#0f766e txt #44403c merriweather sans 8px bg #fffdf7 no anim tooltip",
            "cumulative billed reqs for AK-1030 this month vs its 3000 quota (dashed), mark "
            "when it crossed. #b45309 / #0f766e / #44403c, Merriweather Sans, 8px, #fffdf7, "
            "static, tooltips",
            "running sum of the daily usage csv, quota 3,000 as dashed line, arrow on the "
            "crossing day. colors #b45309 #0f766e, text #44403c, merriweather sans, radius "
            "8px, bg #fffdf7, no animation, hover tooltip",
            "Can you plot the bulk tracking poller's March usage (daily counts below) as a "
            "running total, with its 3,000-request monthly quota as a dashed line and a note "
            "on the day it went over? Line #b45309, quota #0f766e, text #44403c, Merriweather "
            "Sans, 8px corners, background #fffdf7, no animation, tooltips.",
            "I'd like a cumulative line of AK-1030's billed requests in March 2026, computed "
            "from the daily counts below, against a dashed quota line at 3,000, with an "
            "annotation on the first day the total exceeds the quota. #b45309 line, #0f766e "
            "quota, #44403c text, Merriweather Sans, 8px, #fffdf7. Static; tooltips.",
            "Please turn the daily billed requests below into a running-total line for "
            "March 2026, add the 3,000 monthly quota as a dashed horizontal line, and "
            "annotate the day the running total first passed it. Line #b45309, quota line "
            "#0f766e, text #44403c, font Merriweather Sans, 8px radius, background #fffdf7. "
            "No animation. Tooltips per point. Also list the running totals.",
            "Build a line chart of Quillon Analytics' bulk tracking poller (AK-1030): the "
            "running total of its daily billed requests from 2026-03-01 (CSV below), a dashed "
            "horizontal quota line at 3,000, and an annotation on the first day the total is "
            "above it. Line #b45309, quota #0f766e, text #44403c, Merriweather Sans, radius "
            "8px, background #fffdf7. No animation. Tooltips. Show the running totals.",
            "Create a cumulative line chart from the CSV below (day, requests = billed "
            "requests of key AK-1030 per UTC day in March 2026): y = running sum, x = day in "
            "row order. Dashed quota line at 3,000 (#0f766e); line and markers #b45309; text "
            "#44403c; font family Merriweather Sans; radius 8px; background #fffdf7. Annotate "
            "the first day over quota. No animation. Tooltips. Print the running totals.",
            "Line chart of the running total of billed requests for key AK-1030 (Quillon "
            "Analytics, bulk tracking poller), March 2026, from the CSV below (day, "
            "requests). Computed: the running sum per day (shown), and the first day it "
            "exceeds the 3,000 quota (annotated). Dashed quota line at 3,000. Tokens: line "
            "#b45309, quota #0f766e, text #44403c, font Merriweather Sans, radius 8px, "
            "background #fffdf7. Rules: no animation, no shadows, no gradients. Tooltips.",
            "Ticket: cumulative usage chart, key AK-1030, March 2026, data = CSV below (day, "
            "requests billed per UTC day). Line = running sum by day, row order; dashed "
            "horizontal line at the monthly quota, 3,000 requests; annotation on the first "
            "day the running sum exceeds the quota. Computed: running sums (also shown as "
            "text) and the crossing day. Tokens: line #b45309, quota line #0f766e, text/axes "
            "#44403c, font family Merriweather Sans, corner radius 8px, background #fffdf7. "
            "Rules: no animation, no shadows, no gradients. Interaction: tooltips.",
        ],
        data=csv_text(rows),
        chart_type="line",
        labels=[crossed],
        values=[*running, quota],
        colors=["#b45309", "#0f766e", "#44403c"],
        font="Merriweather Sans",
        radius="8px",
        background="#fffdf7",
        rules=["no-animation"],
        interactivity=["tooltip"],
        difficulty=HARD,
    )
    return task, render(
        "AI_C_H03.html",
        data=script_json(rows),
        quota=f"{quota:,}",
        quota_raw=str(quota),
        crossed=crossed,
        crossed_total=str(running[crossed_at]),
        running="; ".join(f"{total:,}" for total in running),
    )


def _h04(facts: Facts) -> ChartSolved:
    plans = ("starter", "growth", "enterprise")
    owner_plan = {
        k.id: facts.fixtures.customer_by_id[k.customer_id].plan for k in facts.fixtures.keys
    }
    rows: list[dict[str, Any]] = []
    shown: list[dict[str, Any]] = []
    overall: Counter[str] = Counter()
    for day in _days(*LOG_DAYS):
        counts = Counter(
            owner_plan[r.key_id]
            for r in facts.requests_between(*facts.day(day))
            if r.key_id is not None
        )
        overall.update(counts)
        total = sum(counts.values())
        for order, plan in enumerate(plans):
            rows.append({"day": day.isoformat(), "plan": plan, "requests": counts[plan]})
            shown.append(
                {
                    **rows[-1],
                    "order": order,
                    "share_pct": round(100 * counts[plan] / total, 1),
                }
            )
    whole = sum(overall.values())
    overall_shares = {p: round(100 * overall[p] / whole, 1) for p in plans}
    sample = spread([r for r in shown if r["plan"] == "enterprise"], 6)
    task = chart_task(
        "AI_C_H04",
        "Each plan's share of the day's requests",
        [
            "100% stacked bars per day: share of reqs by plan (compute from counts below), "
            "+ 2-week share per plan. starter #f97316 growth #22c55e enterprise #3b82f6 txt "
            "#1e293b karla 2px bg #f8fafc no anim tooltip",
            "normalized stack of plan shares per day, 14 days from the csv, also overall "
            "shares. #f97316/#22c55e/#3b82f6, text #1e293b, Karla, 2px, #f8fafc, static, "
            "tooltips w/ %",
            "per-day plan mix as 100% bars (starter #f97316 growth #22c55e enterprise "
            "#3b82f6), text #1e293b, karla, radius 2px, bg #f8fafc, no animation, hover "
            "tooltip, and the whole-period split",
            "Could you show, for each day below, what share of keyed requests came from each "
            "plan, as 100% stacked bars? Starter #f97316, growth #22c55e, enterprise #3b82f6, "
            "text #1e293b, Karla, 2px corners, background #f8fafc, no animation, tooltips "
            "with the percentage, plus each plan's share over the two weeks.",
            "I'd like a normalized (100%) stacked bar chart of requests by plan per day from "
            "the CSV below, with each plan's percentage in the tooltip and the overall "
            "two-week share per plan in a subtitle. Colors #f97316, #22c55e, #3b82f6; text "
            "#1e293b; Karla; 2px radius; #f8fafc background. Static.",
            "Please compute each plan's share of every day's requests from the counts below "
            "and draw them as 100% stacked bars, one bar per day. Starter #f97316, growth "
            "#22c55e, enterprise #3b82f6, text #1e293b, font Karla, 2px radius, background "
            "#f8fafc. No animation. Tooltips with the share in percent (one decimal). "
            "Subtitle: each plan's share of the whole period.",
            "Build a 100% stacked bar chart of keyed requests by customer plan per UTC day, "
            "2026-03-04 to 2026-03-17, from the CSV below; shares in percent with one "
            "decimal. Starter #f97316, growth #22c55e, enterprise #3b82f6; text #1e293b; "
            "Karla; radius 2px; background #f8fafc. No animation. Tooltip with day, plan, "
            "share and count. Subtitle: overall share per plan for the 14 days.",
            "Create a normalized stacked bar chart from the CSV below (day, plan, requests; "
            "2026-03-04..2026-03-17 UTC): one bar per day, segments = each plan's share of "
            "that day's requests in percent, one decimal. Colors starter #f97316, growth "
            "#22c55e, enterprise #3b82f6; text #1e293b; font family Karla; 2px radius; "
            "background #f8fafc. No animation, shadows or gradients. Tooltips. Subtitle with "
            "the 14-day share per plan.",
            "100% stacked bar chart, keyed requests by customer plan per UTC day, 2026-03-04 "
            "to 2026-03-17, from the CSV below (day, plan, requests). Computed: each plan's "
            "share of the day's requests (percent, one decimal) and of the whole 14 days "
            "(subtitle). Tokens: starter #f97316, growth #22c55e, enterprise #3b82f6, text "
            "#1e293b, font Karla, radius 2px, background #f8fafc. Rules: no animation, no "
            "shadows, no gradients. Tooltip with day, plan, share, count.",
            "Ticket: 100% stacked bar chart, keyed requests by customer plan per UTC day, "
            "2026-03-04..2026-03-17, data = CSV below (day, plan, requests), one bar per day. "
            "Computed: daily share per plan in percent, one decimal; the 14-day share per "
            "plan in a subtitle. Tokens: starter #f97316, growth #22c55e, enterprise "
            "#3b82f6, text/axes #1e293b, font family Karla, corner radius 2px, background "
            "#f8fafc. Rules: no animation, no shadows, no gradients. Interaction: tooltip "
            "with day, plan, share and count.",
        ],
        data=csv_text(rows),
        chart_type="bar",
        labels=list(plans),
        values=[*column(sample, "share_pct"), *overall_shares.values()],
        decimals=1,
        colors=["#f97316", "#22c55e", "#3b82f6", "#1e293b"],
        font="Karla",
        radius="2px",
        background="#f8fafc",
        rules=["no-animation"],
        interactivity=["tooltip"],
        difficulty=HARD,
    )
    return task, render(
        "AI_C_H04.html",
        data=script_json(shown),
        overall=", ".join(f"{p} {s}%" for p, s in overall_shares.items()),
    )
