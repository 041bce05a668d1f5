"""Expert charts: a heatmap linked to a bar chart, small multiples, and a two-chart dashboard
where a click on one filters the other; 100 points or more, with computed aggregates."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

from bench_core import Difficulty
from bench_core.authoring import (
    Scale,
    column,
    csv_text,
    el,
    esc,
    json_text,
    raw,
    script_json,
    spread,
    ticks,
)

from ._charts import ChartSolved, chart_task, render
from ._charts_hard import LOG_DAYS
from ._facts import Facts

EXPERT = Difficulty.EXPERT


def expert_charts(facts: Facts) -> list[ChartSolved]:
    """AI_C_X01-AI_C_X03."""
    return [_x01(facts), _x02(facts), _x03(facts)]


def _x01(facts: Facts) -> ChartSolved:
    found = facts.requests_between(*facts.day(facts.yesterday))
    ranked = Counter(r.endpoint_id for r in found).most_common(11)
    assert ranked[9][1] > ranked[10][1], "no tie at the tenth place"
    by_id = facts.fixtures.endpoint_by_id
    top = [e for e, _ in ranked[:10]]
    cells: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0, 0])
    for r in found:
        if r.endpoint_id in top:
            cell = cells[(r.endpoint_id, int(r.time[11:13]))]
            cell[0] += 1
            cell[1] += r.status >= 400
    rows: list[dict[str, Any]] = [
        {"endpoint": by_id[e].route, "hour": h, "requests": n, "errors": bad}
        for e in top
        for h in range(24)
        for n, bad in [cells.get((e, h), [0, 0])]
        if n
    ]
    shown = [{**r, "error_rate_pct": round(100 * r["errors"] / r["requests"], 1)} for r in rows]
    day_rates: list[dict[str, Any]] = []
    for e in top:
        mine = [r for r in rows if r["endpoint"] == by_id[e].route]
        errors = sum(int(r["errors"]) for r in mine)
        day_rates.append(
            {
                "endpoint": by_id[e].route,
                "error_rate_pct": round(100 * errors / sum(int(r["requests"]) for r in mine), 1),
            }
        )
    worst = max(shown, key=lambda r: r["error_rate_pct"])
    assert sum(r["error_rate_pct"] == worst["error_rate_pct"] for r in shown) == 1, "one worst"
    sample = spread(shown, 8)
    task = chart_task(
        "AI_C_X01",
        "Error-rate heatmap by endpoint and hour, linked to day totals",
        [
            "heatmap endpoint x utc hour of error rate (errors/requests %, compute it) for "
            "the 10 endpoints below + bar of each endpoint's day rate next to it; click a bar "
            "-> highlight its row. scale #fff7ed->#fb923c->#9a3412, text #1c1917, dm sans, "
            "6px, bg #ffffff, no anim, tooltips, name the worst cell",
            "error heatmap (endpoint rows, 24 hour cols) from the csv + side bars with each "
            "endpoint's daily error %, clicking a bar picks out that row. colors #fff7ed "
            "#fb923c #9a3412, txt #1c1917, DM Sans, 6px, #ffffff, static, tooltips, worst hour",
            "hour-by-endpoint error rate heatmap for yesterday + linked bar of day rates "
            "(click to focus). #fff7ed/#fb923c/#9a3412, #1c1917 text, dm sans, radius 6px, bg "
            "#ffffff, no animation, hover tooltips, call out the max cell",
            "Could you build a heatmap of error rate (4xx+5xx over requests, in %) by endpoint "
            "and UTC hour from the rows below, with a bar chart beside it of each endpoint's "
            "whole-day error rate, where clicking a bar highlights that endpoint's row? Scale "
            "#fff7ed to #fb923c to #9a3412, text #1c1917, DM Sans, 6px corners, background "
            "#ffffff, no animation, tooltips, and name the worst cell.",
            "I'd like a linked pair: a heatmap of hourly error rates per endpoint (computed "
            "from requests and errors below) and a bar chart of each endpoint's error rate "
            "for the day. Clicking a bar should pick out its row in the heatmap. Colors "
            "#fff7ed, #fb923c, #9a3412; text #1c1917; DM Sans; 6px radius; #ffffff "
            "background. Static, tooltips, and a note on the worst endpoint-hour.",
            "Please compute the error rate (errors / requests x 100, one decimal) for every "
            "endpoint and hour in the CSV below and draw it as a heatmap (endpoints as rows, "
            "hours 00-23 UTC as columns), next to bars of each endpoint's day error rate. A "
            "click on a bar highlights that endpoint's row. Color scale #fff7ed, #fb923c, "
            "#9a3412; text #1c1917; font DM Sans; 6px radius; background #ffffff. No "
            "animation. Tooltips. Name the worst cell.",
            "Build a two-part chart for 2026-03-17 (UTC) from the CSV below (endpoint, hour, "
            "requests, errors; the ten busiest endpoints): a heatmap of error rate in percent "
            "(one decimal) by endpoint and hour, and a bar chart of each endpoint's whole-day "
            "error rate; clicking a bar highlights that endpoint's heatmap row. Scale "
            "#fff7ed to #fb923c to #9a3412, text #1c1917, DM Sans, radius 6px, background "
            "#ffffff. No animation. Tooltips. State the worst endpoint-hour and its rate.",
            "Create a heatmap linked to a bar chart from the CSV below (endpoint, hour 0-23 "
            "UTC, requests, errors = 4xx and 5xx; 2026-03-17; ten endpoints). Heatmap: rows = "
            "endpoints in the CSV's order, columns = hours, color = errors / requests in "
            "percent, one decimal, scale #fff7ed, #fb923c, #9a3412. Bars: each endpoint's "
            "day error rate; clicking one highlights its row. Text #1c1917; font family DM "
            "Sans; 6px radius; background #ffffff. No animation, shadows or gradients. "
            "Tooltips. Subtitle: the worst cell.",
            "Linked heatmap and bar chart, 2026-03-17 UTC, from the CSV below (endpoint, hour, "
            "requests, errors). Computed: error rate per endpoint-hour and per endpoint over "
            "the day (percent, one decimal), and the worst cell (endpoint, hour, rate) in a "
            "subtitle. Heatmap rows = endpoints, columns = hours 00-23; bars = day rates; a "
            "click on a bar highlights that row. Tokens: scale #fff7ed, #fb923c, #9a3412, "
            "text #1c1917, font DM Sans, radius 6px, background #ffffff. Rules: no animation, "
            "no shadows, no gradients. Tooltips.",
            "Ticket: linked heatmap + bar chart, 2026-03-17 UTC, data = CSV below (endpoint, "
            "hour, requests, errors; ten busiest endpoints). Computed: error rate = errors / "
            "requests x 100, one decimal, per endpoint-hour (heatmap cells) and per endpoint "
            "for the day (bars); the worst endpoint-hour in a subtitle. Interaction: clicking "
            "a bar highlights that endpoint's heatmap row; tooltips on cells and bars. "
            "Tokens: color scale #fff7ed, #fb923c, #9a3412; text/axes #1c1917; font family DM "
            "Sans; corner radius 6px; background #ffffff. Rules: no animation, no shadows, "
            "no gradients.",
        ],
        data=csv_text(rows),
        chart_type="heatmap+bar",
        labels=[str(r["endpoint"]) for r in day_rates],
        values=[
            *column(sample, "error_rate_pct"),
            *column(day_rates, "error_rate_pct"),
            worst["error_rate_pct"],
        ],
        decimals=1,
        colors=["#fff7ed", "#fb923c", "#9a3412", "#1c1917"],
        font="DM Sans",
        radius="6px",
        background="#ffffff",
        rules=["no-animation"],
        interactivity=["tooltip", "click"],
        difficulty=EXPERT,
    )
    return task, render(
        "AI_C_X01.html",
        cells=script_json(shown),
        endpoints=script_json(day_rates),
        worst=esc(
            f"{worst['endpoint']} at {worst['hour']:02d}:00 UTC, {worst['error_rate_pct']}% "
            f"of {worst['requests']} request{'s' if worst['requests'] != 1 else ''}"
        ),
        day_rates=esc("; ".join(f"{r['endpoint']} {r['error_rate_pct']}" for r in day_rates)),
    )


def _multiples(series: list[dict[str, Any]], days: list[str]) -> str:
    columns, panel_w, panel_h, gap = 4, 230, 150, 18
    high = max(v for s in series for v in s["values"])
    marks = ticks(0, high, 3)
    width = columns * (panel_w + gap)
    height = 2 * (panel_h + gap + 30)
    parts: list[str] = []
    for index, item in enumerate(series):
        ox = (index % columns) * (panel_w + gap)
        oy = (index // columns) * (panel_h + gap + 30)
        x = Scale((0, len(days) - 1), (ox + 36, ox + panel_w - 8))
        y = Scale((0, marks[-1]), (oy + panel_h, oy + 24))
        parts.append(
            el(
                "text",
                esc(f"{item['customer']} (14 days: {item['total']:,})"),
                x=ox + 4,
                y=oy + 14,
                class_="panel-title",
            )
        )
        parts.append(
            el("rect", x=ox, y=oy + 20, width=panel_w, height=panel_h - 12, rx=6, class_="frame")
        )
        parts += [
            el("text", f"{m:,.0f}", x=ox + 32, y=y(m) + 4, class_="tick", text_anchor="end")
            for m in marks
        ]
        points = " ".join(f"{x(i)},{y(v)}" for i, v in enumerate(item["values"]))
        parts.append(el("polyline", points=points, class_="series"))
        for i, value in enumerate(item["values"]):
            label = f"{item['customer']}, {days[i]}: {value:,} requests"
            parts.append(
                el(
                    "circle",
                    el("title", esc(label)),
                    cx=x(i),
                    cy=y(value),
                    r=2.5,
                    class_="dot",
                    data_tip=label,
                )
            )
        parts.append(el("text", esc(days[0][5:]), x=ox + 36, y=oy + panel_h + 14, class_="tick"))
        parts.append(
            el(
                "text",
                esc(days[-1][5:]),
                x=ox + panel_w - 8,
                y=oy + panel_h + 14,
                class_="tick",
                text_anchor="end",
            )
        )
    return el(
        "svg",
        raw(parts),
        xmlns="http://www.w3.org/2000/svg",
        width=width,
        height=height,
        viewBox=f"0 0 {width} {height}",
        role="img",
        aria_label="Daily requests of the eight busiest customers",
    )


def _x02(facts: Facts) -> ChartSolved:
    first, last = LOG_DAYS
    days = [(first + dt.timedelta(days=n)).isoformat() for n in range((last - first).days + 1)]
    owners = {k.id: k.customer_id for k in facts.fixtures.keys}
    names = facts.fixtures.customer_by_id
    counts: Counter[tuple[str, str]] = Counter()
    start, _ = facts.day(first)
    _, end = facts.day(last)
    for r in facts.requests_between(start, end):
        if r.key_id is not None:
            counts[(names[owners[r.key_id]].name, r.time[:10])] += 1
    totals: Counter[str] = Counter()
    for (c, _), n in counts.items():
        totals[c] += n
    ranked = totals.most_common(9)
    assert ranked[7][1] > ranked[8][1], "no tie at the eighth place"
    top = [c for c, _ in ranked[:8]]
    rows: list[dict[str, Any]] = [
        {"customer": c, "day": d, "requests": counts[(c, d)]} for c in sorted(totals) for d in days
    ]
    series: list[dict[str, Any]] = [
        {"customer": c, "total": totals[c], "values": [counts[(c, d)] for d in days]} for c in top
    ]
    peaks = [max(s["values"]) for s in series]
    task = chart_task(
        "AI_C_X02",
        "Small multiples of the busiest customers' daily requests",
        [
            "small multiples: 1 mini line per customer, top 8 by total reqs over the 14 days "
            "(csv below has all), shared y scale, each panel titled w/ its 14-day total. line "
            "#0369a1 hover dot #c2410c text #292524 source serif pro 12px bg #fdfcfb no anim "
            "tooltip per day",
            "8 small line charts (busiest customers, from the csv), same y axis, totals in the "
            "panel titles. #0369a1 lines, #c2410c on hover, #292524 text, Source Serif Pro, "
            "12px, #fdfcfb, static, tooltips + hover highlight",
            "grid of mini charts: daily requests for the 8 biggest customers, shared scale, "
            "14-day total on each. colors #0369a1 #c2410c #292524, source serif pro, radius "
            "12px, bg #fdfcfb, no animation, hover tooltips",
            "Could you make small multiples of daily requests, one small line chart per "
            "customer for the eight customers with the most requests in the CSV below, all "
            "on the same y scale, each titled with its 14-day total? Lines #0369a1, hovered "
            "point #c2410c, text #292524, Source Serif Pro, 12px corners, background "
            "#fdfcfb, no animation, a tooltip for each day.",
            "I'd like a 4x2 grid of small line charts, one per customer, for the eight "
            "busiest customers over the 14 days below (you pick them from the totals), with "
            "a shared y scale and each panel's total in its title. #0369a1 lines, #c2410c "
            "hover, #292524 text, Source Serif Pro, 12px radius, #fdfcfb background. Static; "
            "tooltips; points highlight on hover.",
            "Please find the eight customers with the most requests from 2026-03-04 to "
            "2026-03-17 in the CSV below and draw each one's daily requests as a small line "
            "chart, all panels on a shared y scale, each titled with the customer and its "
            "total. Line #0369a1, hover highlight #c2410c, text #292524, font Source Serif "
            "Pro, 12px radius, background #fdfcfb. No animation. Tooltips per point.",
            "Build small multiples (4 columns x 2 rows) of daily requests per UTC day, "
            "2026-03-04 to 2026-03-17, for the eight customers with the highest totals in the "
            "CSV below, busiest first, sharing one y scale. Each panel is titled with the "
            "customer and its 14-day total. Lines #0369a1, hovered point #c2410c, text "
            "#292524, Source Serif Pro, radius 12px, background #fdfcfb. No animation. "
            "Tooltip with customer, day and count.",
            "Create small multiples from the CSV below (customer, day, requests; every "
            "customer, 2026-03-04..2026-03-17 UTC): pick the eight customers with the largest "
            "14-day totals, one line panel each, busiest first, shared y scale. Panel titles "
            "carry the total. Line #0369a1; hover highlight #c2410c; text #292524; font "
            "family Source Serif Pro; 12px radius; background #fdfcfb. No animation, shadows "
            "or gradients. Tooltip per point; hover highlights it.",
            "Small multiples, daily requests per customer, 2026-03-04 to 2026-03-17 UTC, from "
            "the CSV below (customer, day, requests). Computed: each customer's 14-day total; "
            "the eight largest get a panel, busiest first, total in the panel title; shared "
            "y scale across panels. Tokens: line #0369a1, hover #c2410c, text #292524, font "
            "Source Serif Pro, radius 12px, background #fdfcfb. Rules: no animation, no "
            "shadows, no gradients. Interaction: tooltip per point, hover highlight.",
            "Ticket: small-multiples line chart, requests per UTC day 2026-03-04..2026-03-17, "
            "data = CSV below (customer, day, requests; all customers). Computed: 14-day "
            "total per customer; panels for the top 8 by total, ordered busiest first, "
            "titled 'customer (14 days: total)'; one shared y scale. Tokens: line #0369a1, "
            "hovered point #c2410c, text/axes #292524, font family Source Serif Pro, corner "
            "radius 12px, background #fdfcfb. Rules: no animation, no shadows, no gradients. "
            "Interaction: tooltip with customer, day and count; hover highlight.",
        ],
        data=csv_text(rows),
        chart_type="line",
        labels=top,
        values=[*(totals[c] for c in top), *peaks],
        colors=["#0369a1", "#c2410c", "#292524"],
        font="Source Serif Pro",
        radius="12px",
        background="#fdfcfb",
        rules=["no-animation"],
        interactivity=["tooltip", "hover"],
        difficulty=EXPERT,
    )
    return task, render("AI_C_X02.html", chart=_multiples(series, days))


def _x03(facts: Facts) -> ChartSolved:
    hooks = sorted(w.id for w in facts.fixtures.webhooks)
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for d in facts.fixtures.deliveries:
        cell = counts[(d.webhook_id, d.created_at[:10])]
        cell[0 if d.status == "succeeded" else 1] += 1
    days = sorted({day for _, day in counts})
    rows: list[dict[str, Any]] = [
        {"webhook": h, "day": day, "succeeded": counts[(h, day)][0], "failed": counts[(h, day)][1]}
        for h in hooks
        for day in days
        if (h, day) in counts
    ]
    total = sum(r["succeeded"] + r["failed"] for r in rows)
    ok = sum(r["succeeded"] for r in rows)
    rate = round(100 * ok / total, 1)
    per_hook_failed = {h: sum(r["failed"] for r in rows if r["webhook"] == h) for h in hooks}
    failing = {h: n for h, n in per_hook_failed.items() if n}
    per_day = [sum(r["succeeded"] + r["failed"] for r in rows if r["day"] == day) for day in days]
    task = chart_task(
        "AI_C_X03",
        "Webhook deliveries dashboard: per webhook, per day, linked",
        [
            "dashboard from the json: stacked bars per webhook (succeeded #2f855a / not "
            "succeeded #c53030) + a line of deliveries per day #3182ce; click a webhook's bar "
            "-> line shows only that webhook. + total, success rate %. text #243b53, inter "
            "tight, 10px, bg #f5f7fa, no anim, tooltips",
            "2 linked charts: deliveries per webhook stacked ok/failed, deliveries per day "
            "line, clicking a bar filters the line. #2f855a #c53030 #3182ce #243b53, Inter "
            "Tight, 10px, #f5f7fa, static, tooltips, show success rate + total",
            "webhook dashboard: bars per hook (succeeded vs not), daily line, click bar to "
            "filter. colors #2f855a/#c53030/#3182ce, text #243b53, inter tight, radius 10px, "
            "bg #f5f7fa, no animation, hover tooltips, overall success %",
            "Could you build a small dashboard from the JSON below: stacked bars of deliveries "
            "per webhook (succeeded #2f855a, not succeeded #c53030) and a line of deliveries "
            "per day (#3182ce), where clicking a webhook's bar filters the line to that "
            "webhook? Text #243b53, Inter Tight, 10px corners, background #f5f7fa, no "
            "animation, tooltips; show the total and the success rate.",
            "I'd like two linked charts of the webhook deliveries below: per-webhook stacked "
            "bars (succeeded #2f855a, failed or retrying #c53030) and deliveries per day as a "
            "line (#3182ce). A click on a bar should narrow the line to that webhook. Text "
            "#243b53, Inter Tight, 10px radius, #f5f7fa background. Static; tooltips; a "
            "subtitle with total deliveries and percent succeeded.",
            "Please make a dashboard of webhook deliveries from the JSON below: left, stacked "
            "bars per webhook (succeeded #2f855a, not succeeded #c53030); right, deliveries "
            "per day as a line (#3182ce); clicking a bar filters the line to that webhook. "
            "Text #243b53, font Inter Tight, 10px radius, background #f5f7fa. No animation. "
            "Tooltips. Subtitle: total, success rate (one decimal) and failures per webhook.",
            "Build a two-chart dashboard of webhook deliveries, 2026-03-04 to 2026-03-18, "
            "from the JSON below (webhook, day, succeeded, failed): stacked bars per webhook "
            "(succeeded #2f855a, failed #c53030) linked to a line of deliveries per day "
            "(#3182ce) that shows only the clicked webhook. Text #243b53, Inter Tight, "
            "radius 10px, background #f5f7fa. No animation. Tooltips. Subtitle with total "
            "deliveries, success rate and each failing webhook's failures.",
            "Create a linked dashboard from the JSON below (rows of webhook, day, succeeded, "
            "failed): chart 1, stacked bars of succeeded (#2f855a) and failed (#c53030) "
            "deliveries per webhook; chart 2, total deliveries per day as a line (#3182ce). "
            "Clicking a webhook's bar filters chart 2 to it; clicking again clears. Text "
            "#243b53; font family Inter Tight; 10px radius; background #f5f7fa. No animation, "
            "shadows or gradients. Tooltips. Subtitle: total, success rate, failures per "
            "webhook.",
            "Dashboard of two linked charts, webhook deliveries 2026-03-04 to 2026-03-18, "
            "from the JSON below (webhook, day, succeeded, failed). Chart 1: stacked bars per "
            "webhook. Chart 2: deliveries per day, line; a click on a chart-1 bar filters it "
            "to that webhook. Computed: total deliveries, success rate in percent with one "
            "decimal, failures per webhook (those with any), in a subtitle. Tokens: "
            "succeeded #2f855a, failed #c53030, line #3182ce, text #243b53, font Inter Tight, "
            "radius 10px, background #f5f7fa. Rules: no animation, no shadows, no gradients. "
            "Tooltips.",
            "Ticket: two-chart dashboard, webhook deliveries 2026-03-04..2026-03-18, data = "
            "JSON below (webhook, day, succeeded, failed). Chart 1: stacked bars per webhook "
            "(succeeded / failed). Chart 2: total deliveries per day, line. Link: clicking a "
            "webhook's bar filters chart 2 to that webhook; clicking it again resets. "
            "Computed: total deliveries, success rate (percent, one decimal), failures per "
            "failing webhook, in a subtitle. Tokens: succeeded #2f855a, failed #c53030, line "
            "#3182ce, text/axes #243b53, font family Inter Tight, corner radius 10px, "
            "background #f5f7fa. Rules: no animation, no shadows, no gradients. Interaction: "
            "tooltips; click filtering.",
        ],
        data=json_text(rows),
        data_format="json",
        chart_type="bar+line",
        labels=hooks,
        values=[total, rate, *failing.values(), *spread(per_day, 5)],
        decimals=1,
        colors=["#2f855a", "#c53030", "#3182ce", "#243b53"],
        font="Inter Tight",
        radius="10px",
        background="#f5f7fa",
        rules=["no-animation"],
        interactivity=["tooltip", "click"],
        difficulty=EXPERT,
    )
    return task, render(
        "AI_C_X03.html",
        data=script_json(rows),
        total=f"{total:,}",
        rate=f"{rate}",
        failed=esc("; ".join(f"{h} {n}" for h, n in failing.items())),
        per_day="; ".join(f"{day[5:]} {n}" for day, n in zip(days, per_day, strict=True)),
    )
