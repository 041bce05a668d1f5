"""Chart tasks: the data comes from the fixtures (computed by ``Facts``), handed over in the
prompt as CSV; each spec asks for a computed value beside the raw ones (a total, shares, an
average, a success rate), so a chart that only dumps its input cannot score full data marks.

The easy tier (AI_C_E01-AI_C_E04) is here; the medium, hard and expert ones are in
``_charts_medium``, ``_charts_hard`` and ``_charts_expert``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, Literal

from bench_core import ChartReference, ChartTask, Difficulty, authoring
from bench_core.authoring import Scale, column, csv_text, el, esc, raw, script_json, ticks

from ._expect import DOMAIN_ID
from ._facts import Facts
from ._stats import summarize

EASY = Difficulty.EASY

ChartSolved = tuple[ChartTask, ChartReference]
"""A chart task and its reference chart."""

WEEK = (dt.date(2026, 3, 11), dt.date(2026, 3, 17))
"""The last seven full UTC days before the reference date."""


def chart_task(
    task_id: str,
    title: str,
    prompts: Sequence[str],
    *,
    data: str,
    chart_type: str,
    labels: Iterable[str] = (),
    values: Iterable[float] = (),
    decimals: int | None = 0,
    colors: Sequence[str],
    font: str,
    radius: str,
    background: str,
    rules: Sequence[str] = (),
    interactivity: Sequence[str] = (),
    data_format: Literal["csv", "json"] = "csv",
    difficulty: Difficulty = EASY,
) -> ChartTask:
    assert len(prompts) == 10, task_id
    return authoring.chart_task(
        task_id,
        difficulty,
        title,
        prompts,
        domain=DOMAIN_ID,
        data=data,
        data_format=data_format,
        chart_type=chart_type,
        labels=labels,
        values=values,
        decimals=decimals,
        compact=False,
        colors=colors,
        font=font,
        radius=radius,
        background=background,
        rules=rules,
        interactivity=interactivity,
    )


def render(template: str, **slots: str) -> ChartReference:
    return authoring.render(__package__ or "bench_domain_api_integration", template, **slots)


def build_charts(facts: Facts) -> list[ChartSolved]:
    """The chart tasks, in id order."""
    return [_c_e01(facts), _c_e02(facts), _c_e03(facts), _c_e04(facts)]


def week_rows(facts: Facts) -> list[Any]:
    start = dt.datetime.combine(WEEK[0], dt.time(), dt.UTC)
    end = dt.datetime.combine(WEEK[1] + dt.timedelta(days=1), dt.time(), dt.UTC)
    return facts.requests_between(start, end)


def _c_e01(facts: Facts) -> ChartSolved:
    counts = Counter(r.endpoint_id for r in week_rows(facts))
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    assert ranked[9][1] > ranked[10][1], "no tie at the tenth place"
    by_id = facts.fixtures.endpoint_by_id
    rows = [{"endpoint": by_id[e].route, "requests": n} for e, n in ranked[:10]]
    total = sum(n for _, n in ranked[:10])
    task = chart_task(
        "AI_C_E01",
        "Requests per endpoint",
        [
            "bar chart of the endpoint counts below, busiest first. bars #2b6cb0 text "
            "#3d4451, ibm plex sans, 6px corners, white bg #ffffff, no animation. tooltip w/ "
            "count. put the sum of the 10 in a subtitle",
            "horiz bars pls: requests per endpoint (csv below). #2b6cb0 bars, #3d4451 labels, "
            "font IBM Plex Sans, radius 6px, bg #ffffff, dont animate, no shadow/gradient, "
            "hover tooltip. + total of all ten somewhere",
            "endpoint traffic last week -> bar chart. colors #2b6cb0 / #3d4451, IBM Plex Sans, "
            "6px, #ffffff background, flat, no animation, tooltips, and show the 10 summed",
            "Can you chart last week's requests per endpoint (data below) as bars, busiest at "
            "the top? Bars #2b6cb0, text #3d4451, IBM Plex Sans, 6px corners, background "
            "#ffffff. No animation, shadows or gradients; a tooltip on each bar; and show the "
            "total of the ten in a subtitle.",
            "I'd like a bar chart of the ten busiest endpoints from the CSV below. Use #2b6cb0 "
            "for the bars and #3d4451 for text, IBM Plex Sans, 6px rounded corners and a "
            "#ffffff background. Keep it flat and static (no animation), add hover tooltips "
            "with the count, and write the sum of the ten counts in a subtitle.",
            "Please turn the endpoint request counts below into a horizontal bar chart, one "
            "bar per endpoint, busiest first. Bars #2b6cb0; labels and axes #3d4451; font IBM "
            "Plex Sans; 6px corner radius; #ffffff background. No animation, no shadows, no "
            "gradients. Tooltip on hover with the request count. Subtitle: the ten endpoints' "
            "total.",
            "Build a horizontal bar chart of requests per endpoint for 2026-03-11 to 2026-03-17 "
            "(UTC) from the CSV below, sorted busiest first. Fill #2b6cb0, text #3d4451, font "
            "IBM Plex Sans, corner radius 6px, background #ffffff. No animation, shadows or "
            "gradients. Each bar shows a tooltip with its count; a subtitle states the total "
            "of the ten counts.",
            "Create a horizontal bar chart from the CSV below (endpoint, requests over "
            "2026-03-11..2026-03-17 UTC): one bar per row in row order, busiest at the top, "
            "with the count labelled. Bars #2b6cb0; text #3d4451; IBM Plex Sans; 6px radius "
            "on the container and bar ends; background #ffffff. No animation, no shadows, no "
            "gradients. Tooltip with endpoint and count. Subtitle with the sum of all ten.",
            "Horizontal bar chart of the ten busiest endpoints by requests, 2026-03-11 to "
            "2026-03-17 UTC, from the CSV below (endpoint, requests), in row order with the "
            "busiest on top and each count labelled. Tokens: bars #2b6cb0, text and axes "
            "#3d4451, font family IBM Plex Sans, radius 6px, background #ffffff. Rules: no "
            "animation, no shadows, no gradients. Tooltip: endpoint and request count. Subtitle: "
            "total requests of the ten endpoints.",
            "Ticket: horizontal bar chart, requests per endpoint, 2026-03-11..2026-03-17 UTC, "
            "data = CSV below (endpoint, requests), row order, busiest on top, value labels on "
            "bars. Computed: the sum of the ten counts, in a subtitle. Tokens: bar fill "
            "#2b6cb0, text/axis #3d4451, font family IBM Plex Sans, corner radius 6px, "
            "background #ffffff. Rules: no animation, no shadows, no gradients. Interaction: "
            "tooltip with endpoint and count.",
        ],
        data=csv_text(rows),
        chart_type="bar",
        labels=column(rows, "endpoint"),
        values=[*column(rows, "requests"), total],
        colors=["#2b6cb0", "#3d4451"],
        font="IBM Plex Sans",
        radius="6px",
        background="#ffffff",
        rules=["no-animation"],
        interactivity=["tooltip"],
    )
    return task, render("AI_C_E01.html", data=script_json(rows), total=f"{total:,}")


def _c_e02(facts: Facts) -> ChartSolved:
    counts = Counter(f"{r.status // 100}xx" for r in week_rows(facts))
    rows = [{"status_class": k, "responses": counts[k]} for k in sorted(counts)]
    total = sum(counts.values())
    shares = [round(100 * counts[k] / total, 1) for k in sorted(counts)]
    items = "\n".join(
        f"    <li>{row['status_class']}: {row['responses']:,} ({share}%)</li>"
        for row, share in zip(rows, shares, strict=True)
    )
    summary = ", ".join(
        f"{row['status_class']} {share}%" for row, share in zip(rows, shares, strict=True)
    )
    task = chart_task(
        "AI_C_E02",
        "Responses by status class",
        [
            "pie of status classes below w/ % share of each. 2xx #15803d 4xx #d97706 5xx "
            "#b91c1c text #44403c, lato, 8px, bg #f7f7f5, no animation, tooltips",
            "status class pie chart pls + each slice's share in %. colors 2xx #15803d, 4xx "
            "#d97706, 5xx #b91c1c, txt #44403c. Lato, radius 8px, bg #f7f7f5. static, tooltip",
            "last week's responses by status class as a pie, show percentages. #15803d/"
            "#d97706/#b91c1c for 2xx/4xx/5xx, #44403c text, lato font, 8px corners, "
            "#f7f7f5 bg, no anim, hover tooltip",
            "Could you make a pie chart of last week's responses by status class (data below), "
            "with each class's share in percent? 2xx #15803d, 4xx #d97706, 5xx #b91c1c, text "
            "#44403c, Lato, 8px corners, background #f7f7f5. No animation; tooltips on hover.",
            "I need a pie chart of the status classes below showing each one's percentage of "
            "all responses. Colors: 2xx #15803d, 4xx #d97706, 5xx #b91c1c; text #44403c. Font "
            "Lato, 8px rounded corners, #f7f7f5 background. Flat, no animation, and a tooltip "
            "for each slice.",
            "Please draw the responses per status class below as a pie chart and list each "
            "class's share of the total in percent (one decimal). 2xx #15803d, 4xx #d97706, "
            "5xx #b91c1c, text #44403c, font Lato, 8px radius, background #f7f7f5. No "
            "animation, no shadows or gradients. Tooltip on hover.",
            "Build a pie chart of responses by status class for 2026-03-11 to 2026-03-17 (UTC) "
            "from the CSV below, and show each class's share of all responses as a percentage "
            "with one decimal. Slices 2xx #15803d, 4xx #d97706, 5xx #b91c1c; text #44403c; "
            "font Lato; corner radius 8px; background #f7f7f5. No animation. Tooltips.",
            "Create a pie chart from the CSV below (status_class, responses over 2026-03-11.."
            "2026-03-17 UTC), one slice per row, and state each class's share of the total in "
            "percent to one decimal. Slice colors 2xx #15803d, 4xx #d97706, 5xx #b91c1c; text "
            "#44403c; font family Lato; 8px corner radius; background #f7f7f5. No animation, "
            "no shadows, no gradients. Tooltip with class, count and share.",
            "Pie chart of responses by status class, 2026-03-11 to 2026-03-17 UTC, from the CSV "
            "below (status_class, responses), one slice per row. Computed: each class's share "
            "of all responses in percent, one decimal, shown beside the chart. Tokens: 2xx "
            "#15803d, 4xx #d97706, 5xx #b91c1c, text #44403c, font Lato, radius 8px, "
            "background #f7f7f5. Rules: no animation, no shadows, no gradients. Tooltip per "
            "slice.",
            "Ticket: pie chart, responses by status class, 2026-03-11..2026-03-17 UTC, data = "
            "CSV below (status_class, responses), one slice per row. Computed: share of total "
            "per class in percent, one decimal, displayed as text. Tokens: slice colors 2xx "
            "#15803d, 4xx #d97706, 5xx #b91c1c; text #44403c; font family Lato; corner radius "
            "8px; background #f7f7f5. Rules: no animation, no shadows, no gradients. "
            "Interaction: tooltip with class, count and share.",
        ],
        data=csv_text(rows),
        chart_type="pie",
        labels=column(rows, "status_class"),
        values=[*column(rows, "responses"), *shares],
        decimals=1,
        colors=["#15803d", "#d97706", "#b91c1c", "#44403c"],
        font="Lato",
        radius="8px",
        background="#f7f7f5",
        rules=["no-animation"],
        interactivity=["tooltip"],
    )
    return task, render("AI_C_E02.html", data=script_json(rows), shares=items, summary=esc(summary))


def _c_e03(facts: Facts) -> ChartSolved:
    events = facts.endpoint("GET /v2/tracking/{tracking_number}/events")
    rows = []
    day = WEEK[0]
    while day <= WEEK[1]:
        start, end = facts.day(day)
        found = [r for r in facts.requests_between(start, end) if r.endpoint_id == events.id]
        rows.append({"day": day.isoformat(), "p95_ms": summarize(found)["p95_ms"]})
        day += dt.timedelta(days=1)
    average = round(sum(r["p95_ms"] for r in rows) / len(rows))
    task = chart_task(
        "AI_C_E03",
        "Daily p95 of the tracking-events endpoint",
        [
            "line chart daily p95 tracking events (below) + the 7 day avg in a note. line "
            "#7c3aed txt #374151 source sans pro 4px bg #fbfaf8 no anim, hover tooltip",
            "plot p95 per day for the tracking events endpoint, line #7c3aed, text #374151, "
            "Source Sans Pro, 4px, bg #fbfaf8. static, tooltips. also avg of the 7 p95s",
            "tracking events latency by day -> line. #7c3aed / #374151, source sans pro, "
            "radius 4px, #fbfaf8 bg, no animation no shadow, tooltip, show the weekly average",
            "Could you draw the daily p95 latency of the tracking-events endpoint (data below) "
            "as a line? Line #7c3aed, text #374151, Source Sans Pro, 4px corners, background "
            "#fbfaf8, no animation, a tooltip per point, and note the average of the seven "
            "p95 values.",
            "I'd like a line chart of the tracking-events endpoint's p95 latency per day from "
            "the CSV below. #7c3aed for the line, #374151 for text, Source Sans Pro, 4px "
            "rounded corners, #fbfaf8 background. No animation; tooltips on hover; and write "
            "the seven-day average p95 under the title.",
            "Please plot the daily p95 latency (ms) of GET /v2/tracking/{tracking_number}/events "
            "below as a line with markers. Line #7c3aed, axes and text #374151, font Source "
            "Sans Pro, corner radius 4px, background #fbfaf8. No animation, no shadows or "
            "gradients. Tooltip on each point. Add the average of the seven daily values.",
            "Build a line chart of the daily p95 latency of GET /v2/tracking/{tracking_number}"
            "/events for 2026-03-11 to 2026-03-17 (UTC) from the CSV below. Line and markers "
            "#7c3aed, text #374151, font Source Sans Pro, 4px radius, background #fbfaf8. No "
            "animation. Tooltip per point. A subtitle gives the mean of the seven p95 values, "
            "in whole ms.",
            "Create a line chart from the CSV below (day, p95_ms for GET /v2/tracking/"
            "{tracking_number}/events, 2026-03-11..2026-03-17 UTC): days in row order on x, "
            "p95 in ms on y from zero. Line #7c3aed, text #374151, font family Source Sans "
            "Pro, radius 4px, background #fbfaf8. No animation, no shadows, no gradients. "
            "Tooltip with day and p95. Subtitle: the seven-day mean p95 in whole ms.",
            "Line chart of daily p95 latency for GET /v2/tracking/{tracking_number}/events, "
            "2026-03-11 to 2026-03-17 UTC, from the CSV below (day, p95_ms), one point per row "
            "in order, y from zero in ms. Computed: the mean of the seven p95 values, rounded "
            "to whole ms, in a subtitle. Tokens: line #7c3aed, text #374151, font Source Sans "
            "Pro, radius 4px, background #fbfaf8. Rules: no animation, no shadows, no "
            "gradients. Tooltip per point.",
            "Ticket: line chart, daily p95 latency of GET /v2/tracking/{tracking_number}/events, "
            "2026-03-11..2026-03-17 UTC, data = CSV below (day, p95_ms), row order, y-axis in "
            "ms from zero. Computed: mean of the seven daily p95 values, whole ms, in a "
            "subtitle. Tokens: line/markers #7c3aed, text/axes #374151, font family Source "
            "Sans Pro, corner radius 4px, background #fbfaf8. Rules: no animation, no shadows, "
            "no gradients. Interaction: tooltip with day and p95.",
        ],
        data=csv_text(rows),
        chart_type="line",
        values=[*column(rows, "p95_ms"), average],
        colors=["#7c3aed", "#374151"],
        font="Source Sans Pro",
        radius="4px",
        background="#fbfaf8",
        rules=["no-animation"],
        interactivity=["tooltip"],
    )
    return task, render("AI_C_E03.html", data=script_json(rows), average=str(average))


OUTCOME_COLORS = {"succeeded": "#0f766e", "failed": "#be123c", "retrying": "#a16207"}


def _outcome_bars(rows: list[dict[str, Any]]) -> str:
    width, height, left, bottom, top = 480, 300, 60, 40, 20
    high = max(r["deliveries"] for r in rows)
    marks = ticks(0, high, 5)
    y = Scale((0, marks[-1]), (height - bottom, top))
    slot = (width - left - 20) / len(rows)
    parts = [el("line", x1=left, x2=width - 20, y1=y(m), y2=y(m), class_="grid") for m in marks]
    parts += [
        el("text", f"{m:,.0f}", x=left - 8, y=y(m) + 4, class_="tick", text_anchor="end")
        for m in marks
    ]
    for index, row in enumerate(rows):
        x = left + index * slot + slot * 0.2
        bar_top = min(y(row["deliveries"]), y(0) - 2)
        label = f"{row['outcome']}: {row['deliveries']:,} deliveries"
        parts.append(
            el(
                "rect",
                el("title", esc(label)),
                x=round(x, 1),
                y=bar_top,
                width=round(slot * 0.6, 1),
                height=round(y(0) - bar_top, 1),
                rx=4,
                class_=f"bar {row['outcome']}",
                fill=OUTCOME_COLORS[row["outcome"]],
            )
        )
        parts.append(
            el(
                "text",
                f"{row['deliveries']:,}",
                x=round(x + slot * 0.3, 1),
                y=bar_top - 6,
                class_="value",
            )
        )
        parts.append(
            el(
                "text",
                esc(row["outcome"]),
                x=round(x + slot * 0.3, 1),
                y=height - 16,
                class_="name",
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
        aria_label="Webhook deliveries by outcome",
    )


def _c_e04(facts: Facts) -> ChartSolved:
    counts = Counter(d.status for d in facts.fixtures.deliveries)
    rows = [{"outcome": k, "deliveries": counts[k]} for k in ("succeeded", "failed", "retrying")]
    total = sum(counts.values())
    rate = round(100 * counts["succeeded"] / total, 1)
    task = chart_task(
        "AI_C_E04",
        "Webhook delivery outcomes",
        [
            "bar chart of webhook delivery outcomes below + success rate %. succeeded "
            "#0f766e failed #be123c retrying #a16207 text #1f2937, inter, 10px, bg #ffffff, "
            "no anim, tooltip",
            "webhook deliveries by outcome as bars pls, and the % that succeeded. colors "
            "#0f766e/#be123c/#a16207, txt #1f2937, Inter, 10px corners, white #ffffff bg, "
            "no anim, hover tooltips",
            "bars: succeeded/failed/retrying deliveries (csv below). #0f766e #be123c #a16207, "
            "#1f2937 text, inter font, radius 10px, #ffffff, flat, no animation, tooltips, show "
            "success rate",
            "Can you chart the webhook deliveries by outcome (data below) as bars and show "
            "what percent succeeded? Succeeded #0f766e, failed #be123c, retrying #a16207, text "
            "#1f2937, Inter, 10px corners, background #ffffff, no animation, tooltips.",
            "I'd like a bar chart of webhook delivery outcomes from the CSV below, with the "
            "success rate written above it. Colors: succeeded #0f766e, failed #be123c, retrying "
            "#a16207; text #1f2937. Font Inter, 10px rounded corners, #ffffff background. Flat "
            "and static; a tooltip on each bar.",
            "Please draw the webhook deliveries per outcome below as a bar chart, one bar per "
            "outcome, and state the share that succeeded in percent (one decimal). Succeeded "
            "#0f766e, failed #be123c, retrying #a16207, text #1f2937, font Inter, 10px radius, "
            "background #ffffff. No animation, no shadows or gradients. Hover tooltips.",
            "Build a vertical bar chart of webhook deliveries by outcome, 2026-03-04 to "
            "2026-03-18, from the CSV below, and show the success rate (succeeded over all "
            "deliveries, percent, one decimal). Bars succeeded #0f766e, failed #be123c, "
            "retrying #a16207; text #1f2937; Inter; radius 10px; background #ffffff. No "
            "animation. Tooltip per bar.",
            "Create a vertical bar chart from the CSV below (outcome, deliveries; 2026-03-04.."
            "2026-03-18), one bar per row in row order, counts labelled. Fills: succeeded "
            "#0f766e, failed #be123c, retrying #a16207; text #1f2937; font family Inter; 10px "
            "corner radius; background #ffffff. No animation, no shadows, no gradients. "
            "Tooltip with outcome and count. Subtitle: the success rate in percent, one decimal.",
            "Vertical bar chart of webhook deliveries by outcome, 2026-03-04 to 2026-03-18, "
            "from the CSV below (outcome, deliveries), one bar per row in order, counts "
            "labelled. Computed: success rate = succeeded / all deliveries, percent with one "
            "decimal, in a subtitle. Tokens: succeeded #0f766e, failed #be123c, retrying "
            "#a16207, text #1f2937, font Inter, radius 10px, background #ffffff. Rules: no "
            "animation, no shadows, no gradients. Tooltip per bar.",
            "Ticket: vertical bar chart, webhook deliveries by outcome, 2026-03-04..2026-03-18, "
            "data = CSV below (outcome, deliveries), row order, value labels. Computed: "
            "success rate (succeeded / total) in percent, one decimal, in a subtitle. Tokens: "
            "fills succeeded #0f766e, failed #be123c, retrying #a16207; text/axes #1f2937; font "
            "family Inter; corner radius 10px; background #ffffff. Rules: no animation, no "
            "shadows, no gradients. Interaction: tooltip with outcome and count.",
        ],
        data=csv_text(rows),
        chart_type="bar",
        labels=column(rows, "outcome"),
        values=[*column(rows, "deliveries"), rate],
        decimals=1,
        colors=["#0f766e", "#be123c", "#a16207", "#1f2937"],
        font="Inter",
        radius="10px",
        background="#ffffff",
        rules=["no-animation"],
        interactivity=["tooltip"],
    )
    return task, render("AI_C_E04.html", chart=_outcome_bars(rows), rate=f"{rate}")
