"""The chart tasks: data from the fixtures given in the prompt, the spec the scorer checks
(computed values beside the raw ones) and a reference chart rendered from a template.

Only the easy tier (DO_C_E01-DO_C_E04) is written so far."""

from __future__ import annotations

import collections
import datetime as dt
from collections.abc import Sequence
from typing import Any

from bench_core import ChartReference, ChartTask, Difficulty, authoring
from bench_core.authoring import column, csv_text, script_json

from ._expect import DOMAIN_ID
from ._facts import Facts
from ._fixtures import Fixtures

EASY = Difficulty.EASY
SEVERITIES = ("SEV1", "SEV2", "SEV3", "SEV4")
STATES = ("firing", "acked", "silenced", "resolved")
MARCH = ("2026-03-01", "2026-04-01")
WEEK = [dt.date(2026, 4, 1) + dt.timedelta(days=i) for i in range(7)]

ChartSolved = tuple[ChartTask, ChartReference]


def _task(task_id: str, title: str, prompts: Sequence[str], **spec: Any) -> ChartTask:
    return authoring.chart_task(task_id, EASY, title, prompts, domain=DOMAIN_ID, **spec)


def _render(template: str, **slots: str) -> ChartReference:
    return authoring.render(__package__ or "bench_domain_devops", template, **slots)


def build_charts(fixtures: Fixtures) -> list[ChartSolved]:
    """DO_C_E01-DO_C_E04, each with its reference chart."""
    facts = Facts(fixtures)
    return [_e01(facts), _e02(facts), _e03(facts), _e04(facts)]


def _e01(facts: Facts) -> ChartSolved:
    counts = collections.Counter(
        facts.fixtures.service_by_id[d.service_id].team
        for d in facts.fixtures.deployments
        if MARCH[0] <= d.started_at < MARCH[1]
    )
    rows = [{"team": team, "deployments": n} for team, n in sorted(counts.items())]
    total = sum(counts.values())
    tokens = "bars #2563eb, text #334155, font IBM Plex Sans, 6px corners, background #f8fafc"
    task = _task(
        "DO_C_E01",
        "Deployments per team in March",
        [
            f"bar chart deploys per team march (csv below). {tokens}. tooltips. put the total "
            "somewhere",
            f"deploys by team in march as bars pls, data below - {tokens}, hover tooltip, show "
            "total",
            f"march deployments per team -> bar chart. {tokens}, flat, tooltip, total in title",
            "Can you make a bar chart of how many deployments each team made in March from the "
            "CSV below? Bars #2563eb, text #334155, IBM Plex Sans, 6px corners, background "
            "#f8fafc. Tooltips on hover, and show the month's total.",
            "I'd like a bar chart of March's deployments per team (data below), with the total "
            "for the month shown. Use #2563eb bars, #334155 text, the IBM Plex Sans font, 6px "
            "rounded corners and a #f8fafc background; no shadows or gradients; hover tooltips.",
            "Chart the number of deployments each team made in March 2026 (CSV below) as bars, "
            "one per team, and state the month's total in the title. Colors #2563eb (bars) and "
            "#334155 (text), font IBM Plex Sans, radius 6px, background #f8fafc, flat style, "
            "a tooltip per bar.",
            "Please build a vertical bar chart of deployments per team in March 2026 from the "
            "CSV below, in the order given, with the month's total deployments shown in the "
            "heading. Bars #2563eb, text and axes #334155, IBM Plex Sans, 6px corner radius, "
            "#f8fafc background. No shadows, no gradients, no animation. Tooltip on hover.",
            "Build a vertical bar chart from the CSV below (team, deployments in March 2026), "
            "one bar per team in row order, y-axis from zero, and the total number of "
            "deployments in March in the title. Bars #2563eb; text, ticks and axes #334155; "
            "font family IBM Plex Sans; corner radius 6px; background #f8fafc. No shadows, "
            "gradients or animation. Each bar shows a tooltip with the team and its count.",
            "Create a vertical bar chart of the CSV below (columns team, deployments): one bar "
            "per row in order, y from zero, the March 2026 total (sum of the column) in the "
            "heading. Fill #2563eb, text/axes #334155, font family IBM Plex Sans, corner "
            "radius 6px on bars and container, background #f8fafc. No shadows, no gradients, "
            "no animation. Hover tooltip with team and deployments.",
            "Ticket: vertical bar chart, deployments per team in March 2026, from the CSV "
            "below (team, deployments); one bar per row in row order; y-axis from 0; heading "
            "states the total (sum of deployments). Tokens: bar fill #2563eb, text/axis "
            "#334155, font family IBM Plex Sans, corner radius 6px, background #f8fafc. Rules: "
            "no shadows, no gradients, no animation. Interaction: tooltip per bar (team, "
            "count).",
        ],
        data=csv_text(rows),
        chart_type="bar",
        labels=column(rows, "team"),
        values=[*column(rows, "deployments"), total],
        colors=["#2563eb", "#334155"],
        font="IBM Plex Sans",
        radius="6px",
        background="#f8fafc",
        rules=["no-animation"],
        interactivity=["tooltip"],
    )
    return task, _render("DO_C_E01.html", data=script_json(rows), total=str(total))


def _e02(facts: Facts) -> ChartSolved:
    counts: collections.Counter[str] = collections.Counter(
        i.severity for i in facts.fixtures.incidents
    )
    total = sum(counts.values())
    rows = [
        {"severity": s, "incidents": counts[s], "share_pct": round(100 * counts[s] / total, 1)}
        for s in SEVERITIES
    ]
    colors = ["#b91c1c", "#ea580c", "#ca8a04", "#65a30d"]
    tokens = (
        "SEV1 #b91c1c SEV2 #ea580c SEV3 #ca8a04 SEV4 #65a30d, text #1f2937, Source Sans 3, "
        "8px radius, bg #ffffff"
    )
    task = _task(
        "DO_C_E02",
        "Incidents by severity",
        [
            f"pie of incidents by sev (data below) w/ % on each slice. {tokens}. tooltip",
            f"incidents per severity as a pie, show share %. colors {tokens}, hover tooltips",
            f"sev breakdown pie pls - counts + percent. {tokens}, no shadows, tooltip",
            "Can you make a pie chart of our incidents by severity from the CSV below, with "
            f"each slice's share in percent? {tokens}. Tooltips on hover.",
            "I'd like a pie chart showing how our incidents split by severity (data below), "
            f"labelled with counts and percentage shares. Use {tokens}; keep it flat; tooltips "
            "on hover.",
            "Chart the incidents by severity (CSV below) as a pie, one slice per severity, each "
            "labelled with its count and its share of all incidents (one decimal). Colors: "
            f"{tokens}. No shadows or gradients; hover tooltips.",
            "Please build a pie chart of incidents by severity from the CSV below, slices in "
            "the order SEV1 to SEV4, each labelled with the count and the percentage of the "
            "total to one decimal. Slices SEV1 #b91c1c, SEV2 #ea580c, SEV3 #ca8a04, SEV4 "
            "#65a30d; text #1f2937; font Source Sans 3; 8px corner radius; background #ffffff. "
            "No shadows, gradients or 3-D. Tooltip per slice.",
            "Build a pie chart from the CSV below (severity, incidents), one slice per row in "
            "order, each with its count and its share of all incidents as a percentage with "
            "one decimal, and the total in the title. Fills SEV1 #b91c1c, SEV2 #ea580c, SEV3 "
            "#ca8a04, SEV4 #65a30d; text #1f2937; font family Source Sans 3; radius 8px; "
            "background #ffffff. No shadows, gradients or 3-D. Hover shows a tooltip.",
            "Create a pie chart of the CSV below (severity, incidents): slices in row order; "
            "label = count and share of the total in % (one decimal); title with the total "
            "number of incidents. Colors SEV1 #b91c1c, SEV2 #ea580c, SEV3 #ca8a04, SEV4 "
            "#65a30d, text #1f2937. Font family Source Sans 3, corner radius 8px on the "
            "container, background #ffffff. No shadows, gradients or 3-D effects. Tooltip on "
            "hover with severity, count and share.",
            "Ticket: pie chart of incidents by severity from the CSV below (severity, "
            "incidents); one slice per row in row order; each slice labelled with its count and "
            "its share of the total (%, 1 decimal); title states the total. Tokens: SEV1 "
            "#b91c1c, SEV2 #ea580c, SEV3 #ca8a04, SEV4 #65a30d, text #1f2937, font family "
            "Source Sans 3, corner radius 8px, background #ffffff. Rules: no shadows, no "
            "gradients, no 3-D. Interaction: tooltip per slice (severity, count, share).",
        ],
        data=csv_text([{k: r[k] for k in ("severity", "incidents")} for r in rows]),
        chart_type="pie",
        labels=SEVERITIES,
        values=[*column(rows, "incidents"), *column(rows, "share_pct"), total],
        decimals=1,
        colors=[*colors, "#1f2937"],
        font="Source Sans 3",
        radius="8px",
        background="#ffffff",
        rules=["no-3d"],
        interactivity=["tooltip"],
    )
    return task, _render("DO_C_E02.html", data=script_json(rows), total=str(total))


def _e03(facts: Facts) -> ChartSolved:
    p95 = [round(facts.day_value("checkout", "prod", "latency_p95_ms", d, "avg"), 1) for d in WEEK]
    rows = [{"day": d.isoformat(), "p95_ms": v} for d, v in zip(WEEK, p95, strict=True)]
    mean = round(sum(p95) / len(p95), 1)
    tokens = "line #0f766e, text #374151, font Inter, 4px radius, bg #ffffff"
    task = _task(
        "DO_C_E03",
        "Checkout's daily p95 over a week",
        [
            f"line chart checkout p95 per day apr 1-7 (data below) + the weeks average. {tokens}"
            ". tooltips",
            f"checkout p95 daily line 1-7 april, data below, show avg of the week. {tokens}, "
            "hover tooltip",
            f"plot daily p95 checkout (csv below) as a line w/ weekly mean. {tokens}, no anim, "
            "tooltip on points",
            "Can you draw checkout's daily p95 latency for 1-7 April (CSV below) as a line "
            f"chart and show the week's average? Use {tokens}. Tooltips on hover.",
            "I'd like a line chart of checkout's p95 latency per day over the first week of "
            f"April (data below), with the week's average stated. {tokens}; no animation; "
            "hover tooltips.",
            "Plot the daily p95 latency of checkout in prod for 1-7 April 2026 (CSV below) as "
            "one line, one point per day, and give the mean of the seven days in the title. "
            f"Tokens: {tokens}. No animation, shadows or gradients. Tooltip per point.",
            "Please create a line chart of checkout's daily average p95 latency (ms) in prod "
            "for 1-7 April 2026 from the CSV below, one point per day in order, with the "
            "average of the seven daily values (one decimal) in the heading. Line #0f766e, "
            "text #374151, font Inter, 4px radius, background #ffffff. No animation, shadows "
            "or gradients. Hovering a point shows a tooltip.",
            "Build a line chart from the CSV below (day, p95_ms: checkout's daily average p95 "
            "latency in prod), days on the x-axis in order, milliseconds on the y-axis, and "
            "the seven-day mean (ms, one decimal) in the title. Line and points #0f766e; text "
            "and axes #374151; font family Inter; corner radius 4px; background #ffffff. No "
            "animation, no shadows, no gradients. Tooltip with the day and value on hover.",
            "Create a single-series line chart of the CSV below (day, p95_ms), x = day in row "
            "order, y = p95 in ms; heading states the mean of the seven values to one decimal. "
            "Colors: line/points #0f766e, text/axes #374151. Font family Inter, radius 4px on "
            "the container, background #ffffff. No animation, no shadows, no gradients. Hover: "
            "tooltip with day and p95 in ms.",
            "Ticket: line chart of checkout's daily p95 latency (prod, ms) for 2026-04-01.."
            "2026-04-07 from the CSV below (day, p95_ms); x = day in row order; y = ms; heading "
            "states the 7-day mean (1 decimal). Tokens: line #0f766e, text/axes #374151, font "
            "family Inter, corner radius 4px, background #ffffff. Rules: no animation, no "
            "shadows, no gradients. Interaction: tooltip per point (day, ms).",
        ],
        data=csv_text(rows),
        chart_type="line",
        labels=column(rows, "day"),
        values=[*column(rows, "p95_ms"), mean],
        decimals=0,
        colors=["#0f766e", "#374151"],
        font="Inter",
        radius="4px",
        background="#ffffff",
        rules=["no-animation"],
        interactivity=["tooltip"],
    )
    return task, _render("DO_C_E03.html", data=script_json(rows), mean=f"{mean:.1f}")


def _e04(facts: Facts) -> ChartSolved:
    counts: collections.Counter[str] = collections.Counter(a.state for a in facts.fixtures.alerts)
    total = sum(counts.values())
    rows = [{"state": s, "alerts": counts[s]} for s in STATES]
    open_alerts = total - counts["resolved"]
    tokens = "bars #7c3aed, text #3f3f46, font Roboto, 4px radius, bg #fafafa"
    task = _task(
        "DO_C_E04",
        "Alerts by state",
        [
            f"bar chart alerts per state (csv below), show total + how many still open. {tokens}"
            ". tooltip",
            f"alerts by state as bars pls + total and open count. {tokens}, hover tooltips",
            f"alert states -> bars, data below. total & open (not resolved) in title. {tokens}"
            ", tooltips",
            "Can you make a bar chart of our alerts by state from the CSV below, and show the "
            f"total and how many are still open (not resolved)? {tokens}. Tooltips on hover.",
            "I'd like a bar chart of how many alerts are in each state (data below), plus the "
            f"total and the number not yet resolved. {tokens}; flat; hover tooltips.",
            "Chart the alerts per state (CSV below) as bars in the given order, and put the "
            "total number of alerts and the number still open (every state but resolved) in "
            f"the title. Tokens: {tokens}. No shadows or gradients. Tooltip per bar.",
            "Please build a vertical bar chart of alerts by state from the CSV below, bars in "
            "row order, with the heading giving the total and the count of open alerts (firing,"
            " acked or silenced). Bars #7c3aed, text #3f3f46, font Roboto, 4px corners, "
            "background #fafafa. No shadows, no gradients, no animation. Tooltip on hover.",
            "Build a vertical bar chart from the CSV below (state, alerts), one bar per state "
            "in row order, y from zero; the heading states the total number of alerts and how "
            "many are open (all states except resolved). Bars #7c3aed; text and axes #3f3f46; "
            "font family Roboto; corner radius 4px; background #fafafa. No shadows, gradients "
            "or animation. Tooltip with the state and count.",
            "Create a vertical bar chart of the CSV below (state, alerts): one bar per row in "
            "order, y-axis from 0; heading with the total (sum) and the open count (sum of "
            "every state but resolved). Fill #7c3aed, text/axes #3f3f46, font family Roboto, "
            "radius 4px on bars and container, background #fafafa. No shadows, no gradients, "
            "no animation. Hover tooltip with state and count.",
            "Ticket: vertical bar chart of alerts by state from the CSV below (state, alerts); "
            "one bar per row in row order; y from 0; heading states the total and the open "
            "count (firing + acked + silenced). Tokens: fill #7c3aed, text/axes #3f3f46, font "
            "family Roboto, corner radius 4px, background #fafafa. Rules: no shadows, no "
            "gradients, no animation. Interaction: tooltip per bar (state, count).",
        ],
        data=csv_text(rows),
        chart_type="bar",
        labels=STATES,
        values=[*column(rows, "alerts"), total, open_alerts],
        colors=["#7c3aed", "#3f3f46"],
        font="Roboto",
        radius="4px",
        background="#fafafa",
        rules=["no-animation"],
        interactivity=["tooltip"],
    )
    return task, _render(
        "DO_C_E04.html", data=script_json(rows), total=str(total), open=str(open_alerts)
    )
