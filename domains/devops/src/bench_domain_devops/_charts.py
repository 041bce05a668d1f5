"""The chart tasks: data from the fixtures given in the prompt, the spec the scorer checks
(computed values beside the raw ones) and a reference chart rendered from a template.

Sixteen tasks: DO_C_E01-E04, DO_C_M01-M05, DO_C_H01-H04 and DO_C_X01-X03."""

from __future__ import annotations

import collections
import datetime as dt
from collections.abc import Sequence
from typing import Any

from bench_core import ChartReference, ChartTask, Difficulty, authoring
from bench_core.authoring import column, csv_text, json_text, script_json, spread

from ._clock import format_utc, parse_utc, to_local
from ._expect import DOMAIN_ID
from ._facts import Facts
from ._fixtures import Fixtures
from ._metrics import hours

EASY = Difficulty.EASY
MEDIUM = Difficulty.MEDIUM
HARD = Difficulty.HARD
EXPERT = Difficulty.EXPERT
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
ENVIRONMENTS = ("dev", "staging", "prod")
WEEKS = [dt.date(2026, 2, 9) + dt.timedelta(weeks=i) for i in range(8)]  # Mondays
SEVERITIES = ("SEV1", "SEV2", "SEV3", "SEV4")
STATES = ("firing", "acked", "silenced", "resolved")
MARCH = ("2026-03-01", "2026-04-01")
MIN_INCIDENTS = 5  # DO_C_M03 keeps the services with at least this many
WEEK = [dt.date(2026, 4, 1) + dt.timedelta(days=i) for i in range(7)]

ChartSolved = tuple[ChartTask, ChartReference]


_RULE_WORDS = {
    "no-shadows": ("shadow", "shadows"),
    "no-gradients": ("gradient", "gradients"),
    "no-animation": ("anim", "animation"),
    "no-3d": ("3-d", "3-D effects"),
}


def _stating_rules(prompts: Sequence[str], rules: Sequence[str]) -> list[str]:
    """Each prompt, with a closing phrase naming the design rules it does not state yet (the
    scorer checks every rule, so every prompt asks for every one)."""
    wanted = ("no-shadows", "no-gradients", *rules)
    stated = []
    for quality, prompt in enumerate(prompts, start=1):
        missing = [r for r in wanted if _RULE_WORDS[r][0] not in prompt.lower()]
        closing = ""
        if missing and quality <= 3:
            closing = ", no " + "/".join(_RULE_WORDS[r][0] for r in missing)
        elif missing:
            words = [_RULE_WORDS[r][1] for r in missing]
            listed = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]
            closing = f" No {listed}."
        stated.append(prompt + closing)
    return stated


def _task(
    task_id: str, title: str, prompts: Sequence[str], difficulty: Difficulty = EASY, **spec: Any
) -> ChartTask:
    prompts = _stating_rules(prompts, spec.get("rules", ()))
    return authoring.chart_task(task_id, difficulty, title, prompts, domain=DOMAIN_ID, **spec)


def _render(template: str, **slots: str) -> ChartReference:
    return authoring.render(__package__ or "bench_domain_devops", template, **slots)


def build_charts(fixtures: Fixtures) -> list[ChartSolved]:
    """every chart task (DO_C_E01-DO_C_X03), each with its reference chart."""
    facts = Facts(fixtures)
    return [_e01(facts), _e02(facts), _e03(facts), _e04(facts), _m01(facts), _m02(facts),
            _m03(facts), _m04(facts), _m05(facts), _h01(facts), _h02(facts), _h03(facts),
            _h04(facts), _x01(facts), _x02(facts), _x03(facts)]  # fmt: skip


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
        values=[*column(rows, "incidents"), *column(rows, "share_pct")],
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


def _m01(facts: Facts) -> ChartSolved:
    rows: list[dict[str, Any]] = []
    for monday in WEEKS:
        start, end = monday.isoformat(), (monday + dt.timedelta(days=7)).isoformat()
        week = [d for d in facts.fixtures.deployments if start <= d.started_at[:10] < end]
        counts: collections.Counter[str] = collections.Counter(d.environment for d in week)
        rows.append({"week": start, **{e: counts[e] for e in ENVIRONMENTS}, "total": len(week)})
    data = [{k: v for k, v in r.items() if k != "total"} for r in rows]
    colors = "dev #94a3b8, staging #f59e0b, prod #dc2626"
    rest = "text #1e293b, font Inter, 6px radius, background #ffffff"
    task = _task(
        "DO_C_M01",
        "Deployments per week by environment",
        [
            f"grouped bars deploys per week per env (csv below), legend, weekly totals on top. "
            f"{colors}, {rest}. tooltips",
            f"weekly deploys dev/staging/prod side by side + total per week. {colors}; {rest}; "
            "legend + tooltip",
            f"bar chart: each week 3 bars (env), label week total. {colors}, {rest}, tooltips",
            "Can you chart our deployments per week, one bar per environment side by side, "
            f"with a legend and each week's total shown? {colors}; {rest}. Tooltips on hover.",
            "I'd like grouped bars of weekly deployments by environment from the CSV below, "
            f"with a legend and the week's total above each group. Use {colors}; {rest}. "
            "Tooltips on hover, nothing animated.",
            "Chart the weekly deployments in the CSV below as grouped bars (dev, staging, prod "
            "per week, in that order), label each week with its total across the three, and "
            f"add a legend. Colors {colors}; {rest}. No shadows, gradients or animation. "
            "Tooltip per bar.",
            "Please build a grouped bar chart of deployments per week (weeks starting Monday, "
            "from the CSV below): three bars per week for dev, staging and prod, a legend, and "
            f"each week's total written above its group. Colors {colors}; {rest}. No shadows, "
            "gradients or animation; a tooltip on each bar.",
            "Build a grouped (not stacked) bar chart from the CSV below (week = the Monday it "
            "starts, then dev, staging, prod counts): x = week in row order, three bars per "
            "week in the order dev, staging, prod, y from zero, a legend, and the week's total "
            f"(sum of the three) above each group. Colors {colors}; {rest}. No shadows, "
            "gradients or animation. Tooltip with week, environment and count.",
            "Create a grouped bar chart of the CSV below (week, dev, staging, prod): one group "
            "per row in order, bars dev/staging/prod, y-axis from 0, legend naming the three "
            "environments, and each group's total (dev+staging+prod) as a label. Fills dev "
            "#94a3b8, staging #f59e0b, prod #dc2626; text #1e293b; font family Inter; radius "
            "6px; background #ffffff. No shadows, gradients or animation. Hover tooltip per "
            "bar.",
            "Ticket: grouped bar chart of weekly deployments from the CSV below (week, dev, "
            "staging, prod); groups in row order; bars dev, staging, prod; y from 0; legend; "
            "each group labelled with its total. Tokens: dev #94a3b8, staging #f59e0b, prod "
            "#dc2626, text #1e293b, font family Inter, corner radius 6px, background #ffffff. "
            "Rules: no shadows, no gradients, no animation. Interaction: tooltip per bar "
            "(week, environment, count).",
        ],
        MEDIUM,
        data=csv_text(data),
        chart_type="bar",
        labels=[*column(rows, "week"), *ENVIRONMENTS],
        values=[v for r in rows for v in (r["dev"], r["staging"], r["prod"], r["total"])],
        colors=["#94a3b8", "#f59e0b", "#dc2626", "#1e293b"],
        font="Inter",
        radius="6px",
        background="#ffffff",
        rules=["no-animation"],
        interactivity=["tooltip"],
    )
    return task, _render("DO_C_M01.html", data=script_json(rows))


def _m02(facts: Facts) -> ChartSolved:
    services = ("checkout", "cart")
    rates = {
        s: [round(facts.day_value(s, "prod", "error_rate_pct", d, "avg"), 3) for d in WEEK]
        for s in services
    }
    rows = [
        {"day": d.isoformat(), **{s: rates[s][i] for s in services}} for i, d in enumerate(WEEK)
    ]
    means = {s: round(sum(rates[s]) / len(WEEK), 3) for s in services}
    colors = "checkout #2563eb, cart #db2777"
    rest = "text #111827, font Lato, 4px radius, background #f9fafb"
    task = _task(
        "DO_C_M02",
        "Daily error rate of two services",
        [
            f"2 lines err rate checkout vs cart per day apr 1-7 (csv below), legend, "
            f"% w/ 3 decimals, 7-day avg of each. {colors}, {rest}. tooltips",
            f"checkout + cart error rate daily, 2 lines + legend, show each ones 7 day avg. "
            f"{colors}; {rest}; tooltip",
            f"line chart 2 series (checkout, cart) err % per day, data below, avg of the 7 "
            f"days per service in legend. {colors}, {rest}, tooltips",
            "Can you plot checkout's and cart's daily error rate for 1-7 April (CSV below) as "
            "two lines with a legend, showing each service's average of the seven days too? "
            f"{colors}; {rest}. Tooltips on hover.",
            "I'd like a two-line chart of the daily prod error rates of checkout and cart "
            "(data below), in percent with three decimals, with a legend that also gives each "
            f"service's average over the seven days. {colors}; {rest}. Hover tooltips.",
            "Chart the daily error rate (%) of checkout and cart in prod for 1-7 April 2026 "
            "from the CSV below as two lines, with a legend, and give each service's mean of "
            f"the seven daily rates to three decimals. {colors}; {rest}. Tooltip per point.",
            "Please build a line chart with two series, checkout and cart, of the daily prod "
            "error rate in percent (CSV below, 1-7 April 2026), with a legend, y-axis in % "
            "with three decimals, and each service's mean of the seven daily values (three "
            f"decimals) in its legend entry. {colors}; {rest}. No animation, shadows or "
            "gradients; tooltips on points.",
            "Build a two-series line chart from the CSV below (day, checkout, cart: daily "
            "error rate % in prod): x = day in row order, y = error rate in % (three "
            "decimals), a legend, and in each legend entry the mean of that service's seven "
            f"daily rates, to three decimals. Colors {colors}; {rest}. No animation, shadows "
            "or gradients. Tooltip per point.",
            "Create a line chart of the CSV below (day, checkout, cart), one line per service, "
            "x = day, y = error rate in % formatted to three decimals; each legend entry reads "
            "'<service> (7-day mean X.XXX%)', the mean of its column. Colors checkout #2563eb, "
            "cart #db2777, text #111827; font family Lato; radius 4px; background #f9fafb. No "
            "animation, shadows or gradients. Hover tooltip with day, service and rate.",
            "Ticket: two-series line chart of daily prod error rate (%) for checkout and cart, "
            "2026-04-01..07, from the CSV below (day, checkout, cart); x = day in row order; "
            "y = % with 3 decimals; legend entry per service with the mean of its column (3 "
            "decimals). Tokens: checkout #2563eb, cart #db2777, text #111827, font family Lato, "
            "corner radius 4px, background #f9fafb. Rules: no animation, no shadows, no "
            "gradients. Interaction: tooltip per point, legend.",
        ],
        MEDIUM,
        data=csv_text(rows),
        chart_type="line",
        labels=[*column(rows, "day"), *services],
        values=[*column(rows, "checkout"), *column(rows, "cart"), *means.values()],
        decimals=2,
        compact=False,
        colors=["#2563eb", "#db2777", "#111827"],
        font="Lato",
        radius="4px",
        background="#f9fafb",
        rules=["no-animation"],
        interactivity=["tooltip"],
    )
    return task, _render("DO_C_M02.html", data=script_json(rows), means=script_json(means))


def _m03(facts: Facts) -> ChartSolved:
    counts = collections.Counter(i.service for i in facts.fixtures.incidents)
    total = sum(counts.values())
    ranked = sorted(
        ((s, n) for s, n in counts.items() if n >= MIN_INCIDENTS), key=lambda sn: (-sn[1], sn[0])
    )
    rows = [{"service": s, "incidents": n} for s, n in ranked]
    shares = [round(100 * n / total, 1) for _, n in ranked]
    data = [{"service": s, "incidents": n} for s, n in sorted(counts.items())]
    tokens = "bars #0891b2, text #334155, font Nunito Sans, 5px radius, background #ffffff"
    task = _task(
        "DO_C_M03",
        "The services with the most incidents",
        [
            f"horiz bars services w/ 5+ incidents, most first, label count + % of all. "
            f"{tokens}. tooltips",
            f"which services have >=5 incidents - bar chart sorted desc, show share of total. "
            f"{tokens}, tooltip",
            f"incidents per service (csv below) only those with 5 or more, sorted, with % of "
            f"all incidents. {tokens}. hover tooltip",
            "Can you make a horizontal bar chart of the services with at least 5 incidents "
            "(CSV below), most incidents first, each labelled with its count and its share of "
            f"all incidents? {tokens}. Tooltips on hover.",
            "I'd like a sorted bar chart of only the services that had five or more "
            "incidents (data below), biggest first, with each bar's count and percentage of "
            f"every incident in the file. {tokens}. Hover tooltips.",
            "From the CSV below, chart the services with 5 or more incidents as horizontal "
            "bars sorted by count (highest first, ties by name), each labelled with the count "
            f"and its share of all incidents in the file (one decimal). {tokens}. No shadows, "
            "gradients or animation. Tooltip per bar.",
            "Please build a horizontal bar chart of the services that had at least five "
            "incidents (CSV below), sorted descending by count with ties in alphabetical "
            "order, each bar labelled with its count and its percentage of all incidents "
            f"listed (to one decimal). {tokens}. No shadows, gradients or animation; a "
            "tooltip on each bar.",
            "Build a horizontal bar chart from the CSV below (service, incidents): keep only "
            "services with 5 or more incidents, sort by incidents descending then by name, "
            "x from zero, and label each bar with its count and its share of the total of the "
            f"whole file (% with one decimal). {tokens}. No shadows, gradients or animation. "
            "Tooltip with service, count and share.",
            "Create a horizontal bar chart of the CSV below (service, incidents), filtered to "
            "incidents >= 5, sorted by incidents desc then service asc; each bar labelled "
            "'count (share%)' where share = incidents / sum of the whole column, one decimal. "
            "Fill #0891b2, text #334155, font family Nunito Sans, radius 5px, background "
            "#ffffff. No shadows, gradients or animation. Hover tooltip per bar.",
            "Ticket: horizontal bar chart from the CSV below (service, incidents); filter "
            "incidents >= 5; sort incidents desc, then service asc; x from 0; label each bar "
            "with its count and share of the column total (%, 1 decimal). Tokens: fill "
            "#0891b2, text #334155, font family Nunito Sans, corner radius 5px, background "
            "#ffffff. Rules: no shadows, no gradients, no animation. Interaction: tooltip per "
            "bar (service, count, share).",
        ],
        MEDIUM,
        data=csv_text(data),
        chart_type="bar",
        labels=column(rows, "service"),
        values=[*column(rows, "incidents"), *shares],
        decimals=1,
        colors=["#0891b2", "#334155"],
        font="Nunito Sans",
        radius="5px",
        background="#ffffff",
        rules=["no-animation"],
        interactivity=["tooltip"],
    )
    shown = [{**r, "share_pct": sh} for r, sh in zip(rows, shares, strict=True)]
    return task, _render("DO_C_M03.html", data=script_json(shown), total=str(total))


def _m04(facts: Facts) -> ChartSolved:
    data: list[dict[str, Any]] = []
    for slo in facts.fixtures.slos:
        spent = facts.slo_budget(slo.service, "prod")
        data.append(
            {
                "service": slo.service,
                "objective_pct": slo.objective_pct,
                "requests": spent["requests"],
                "errors": spent["errors"],
            }
        )
    left = {
        r["service"]: round(
            100 - 100 * r["errors"] / (r["requests"] * (100 - r["objective_pct"]) / 100), 1
        )
        for r in data
    }
    rows = [
        {"service": name, "remaining_pct": pct}
        for name, pct in sorted(left.items(), key=lambda item: (item[1], item[0]))
    ]
    tokens = "bars #4f46e5, text #1f2937, font Work Sans, 4px radius, background #ffffff"
    task = _task(
        "DO_C_M04",
        "Error budget left per service",
        [
            "bar chart error budget remaining % per service (csv below: objective, requests, "
            f"errors over 30d), lowest first, 1 decimal. {tokens}. tooltips",
            "how much err budget each service has left - compute from the csv, sort "
            f"ascending, horiz bars. {tokens}, tooltip",
            f"slo budget remaining by service as bars (lowest first), % w/ 1 dp. {tokens}, "
            "hover tooltips",
            "Can you chart how much of its error budget each service has left, computed from "
            "the CSV below (objective, requests and errors over 30 days), lowest first with "
            f"one decimal? {tokens}. Tooltips on hover.",
            "I'd like horizontal bars of the error budget remaining per service, worked out "
            "from the data below (budget = requests x (100 - objective)%, remaining = 1 - "
            f"errors / budget), sorted lowest first. {tokens}. Hover tooltips.",
            "From the CSV below, compute each service's remaining error budget in percent "
            "(100 x (1 - errors / (requests x (100 - objective) / 100))) and chart it as "
            f"horizontal bars sorted ascending, labels with one decimal. {tokens}. No shadows "
            "or gradients. Tooltip per bar.",
            "Please build a horizontal bar chart of each service's remaining error budget (%), "
            "computed from the CSV below as 100 x (1 - errors / allowed errors), where allowed "
            "errors = requests x (100 - objective_pct) / 100; sort from the least budget left, "
            f"label each bar to one decimal. {tokens}. No shadows, gradients or animation; a "
            "tooltip on each bar.",
            "Build a horizontal bar chart from the CSV below (service, objective_pct, requests, "
            "errors over the 30-day window): per service, remaining budget % = 100 x (1 - "
            "errors / (requests x (100 - objective_pct) / 100)); bars sorted ascending (ties "
            f"by name), x from 0 to 100, labels with one decimal and a % sign. {tokens}. No "
            "shadows, gradients or animation. Tooltip with service and remaining %.",
            "Create a horizontal bar chart of remaining error budget per service computed from "
            "the CSV below: remaining_pct = 100 * (1 - errors / (requests * (100 - "
            "objective_pct) / 100)), one decimal; sort ascending, ties by service; x axis 0-100 "
            "%. Fill #4f46e5, text #1f2937, font family Work Sans, radius 4px, background "
            "#ffffff. No shadows, gradients or animation. Hover tooltip per bar.",
            "Ticket: horizontal bar chart of SLO error budget remaining (%) per service, "
            "computed from the CSV below (service, objective_pct, requests, errors): remaining "
            "= 100 x (1 - errors / (requests x (100 - objective_pct) / 100)), 1 decimal; sorted "
            "ascending, ties by name; x from 0 to 100. Tokens: fill #4f46e5, text #1f2937, "
            "font family Work Sans, corner radius 4px, background #ffffff. Rules: no shadows, "
            "no gradients, no animation. Interaction: tooltip per bar (service, remaining %).",
        ],
        MEDIUM,
        data=csv_text(data),
        chart_type="bar",
        labels=column(rows, "service"),
        values=column(rows, "remaining_pct"),
        decimals=1,
        colors=["#4f46e5", "#1f2937"],
        font="Work Sans",
        radius="4px",
        background="#ffffff",
        rules=["no-animation"],
        interactivity=["tooltip"],
    )
    return task, _render("DO_C_M04.html", data=script_json(rows))


def _m05(facts: Facts) -> ChartSolved:
    resolved = [i for i in facts.fixtures.incidents if i.resolved_at]
    data = [
        {"id": i.id, "severity": i.severity, "opened_at": i.opened_at, "resolved_at": i.resolved_at}
        for i in sorted(resolved, key=lambda i: i.opened_at)
    ]
    hours_by: dict[str, list[float]] = collections.defaultdict(list)
    for i in resolved:
        span = dt.datetime.fromisoformat(str(i.resolved_at)) - dt.datetime.fromisoformat(
            i.opened_at
        )
        hours_by[i.severity].append(span.total_seconds() / 3600)
    rows = [
        {
            "severity": s,
            "mean_hours": round(sum(hours_by[s]) / len(hours_by[s]), 1),
            "incidents": len(hours_by[s]),
        }
        for s in SEVERITIES
    ]
    tokens = "bars #0d9488, text #27272a, font Open Sans, 6px radius, background #fcfcfc"
    task = _task(
        "DO_C_M05",
        "Mean time to resolve by severity",
        [
            "mttr per sev as bars from the incidents csv below (hours, 1 dp) + how many "
            f"incidents each. {tokens}. tooltips",
            "bar chart avg hours to resolve per severity, computed from data below, show n per "
            f"bar. {tokens}, hover tooltip",
            f"time to resolve by sev -> bars, mean in hours 1 decimal, count too. {tokens}, "
            "tooltips",
            "Can you chart the mean time to resolve per severity, in hours with one decimal, "
            "from the resolved incidents in the CSV below, and show how many incidents each "
            f"bar averages? {tokens}. Tooltips on hover.",
            "I'd like a bar chart of the average hours from opening to resolution for each "
            "severity, computed from the incidents below, with the number of incidents per "
            f"severity shown. {tokens}. Hover tooltips, flat style.",
            "From the CSV below (resolved incidents with opened and resolved times in UTC), "
            "compute for each severity the mean time to resolve in hours (one decimal) and "
            f"chart it as bars SEV1 to SEV4, each labelled with its mean and count. {tokens}. "
            "No shadows or gradients. Tooltip per bar.",
            "Please build a bar chart of the mean time to resolve per severity, in hours to one "
            "decimal, computed from the CSV below (resolved_at minus opened_at for each "
            "incident, averaged per severity), bars in the order SEV1-SEV4, each labelled "
            f"with the mean and the number of incidents. {tokens}. No shadows, gradients or "
            "animation; a tooltip on each bar.",
            "Build a vertical bar chart from the CSV below (id, severity, opened_at, "
            "resolved_at, UTC): for each severity, mean of (resolved_at - opened_at) in hours, "
            "one decimal; bars SEV1, SEV2, SEV3, SEV4; y in hours from 0; each bar labelled "
            f"with its mean and 'n = count'. {tokens}. No shadows, gradients or animation. "
            "Tooltip with severity, mean hours and count.",
            "Create a vertical bar chart of MTTR per severity computed from the CSV below: "
            "mean_hours = average over the severity's rows of (resolved_at - opened_at) in "
            "hours, 1 decimal; bars in order SEV1..SEV4; y from 0 (hours); label 'X.X h (n = "
            "N)'. Fill #0d9488, text #27272a, font family Open Sans, radius 6px, background "
            "#fcfcfc. No shadows, gradients or animation. Hover tooltip per bar.",
            "Ticket: vertical bar chart of mean time to resolve (hours, 1 decimal) per "
            "severity, computed from the CSV below (id, severity, opened_at, resolved_at; UTC): "
            "mean of resolved_at - opened_at per severity; bars SEV1..SEV4; y from 0; each bar "
            "labelled with mean and count. Tokens: fill #0d9488, text #27272a, font family "
            "Open Sans, corner radius 6px, background #fcfcfc. Rules: no shadows, no "
            "gradients, no animation. Interaction: tooltip per bar (severity, hours, count).",
        ],
        MEDIUM,
        data=csv_text(data),
        chart_type="bar",
        labels=SEVERITIES,
        values=[*column(rows, "mean_hours"), *column(rows, "incidents")],
        decimals=1,
        colors=["#0d9488", "#27272a"],
        font="Open Sans",
        radius="6px",
        background="#fcfcfc",
        rules=["no-animation"],
        interactivity=["tooltip"],
    )
    return task, _render("DO_C_M05.html", data=script_json(rows))


def _hourly(
    facts: Facts, where: tuple[str, str], start: dt.datetime, count: int, metrics: Sequence[str]
) -> list[dict[str, Any]]:
    """``count`` hourly points of a series from ``start``: the hour and each metric."""
    series = facts.series(*where)
    indices = hours(facts.fixtures.metrics, start, start + dt.timedelta(hours=count))
    origin = dt.datetime.fromisoformat(facts.fixtures.metrics.start.replace("Z", "+00:00"))
    return [
        {
            "hour": format_utc(origin + dt.timedelta(hours=i)),
            **{m: getattr(series, m)[i] for m in metrics},
        }
        for i in indices
    ]


def _h01(facts: Facts) -> ChartSolved:
    hotfix = facts.story_deployment("checkout_bad_hotfix")
    start = dt.datetime(2026, 4, 6, tzinfo=dt.UTC)
    names = ("latency_p50_ms", "latency_p95_ms", "latency_p99_ms")
    points = _hourly(facts, ("checkout", "prod"), start, 54, names)
    peaks = {m: max(p[m] for p in points) for m in names}
    data = {
        "points": points,
        "deployments": [{"id": hotfix.id, "started_at": hotfix.started_at,
                         "version": hotfix.version}],
    }  # fmt: skip
    colors = "p50 #93c5fd, p95 #2563eb, p99 #1e3a8a, deploy marker #dc2626"
    rest = "text #0f172a, font Inter, 4px radius, background #ffffff"
    sampled = [p[m] for m in names for p in spread(points, 8)]
    task = _task(
        "DO_C_H01",
        "Checkout latency percentiles with the deploy marked",
        [
            "checkout p50/p95/p99 hourly lines (json below) + a vertical marker at the deploy "
            f"w/ its id, peak of each line labelled. {colors}, {rest}. tooltips",
            "3 latency lines checkout prod, mark the hotfix deploy (from the json), label "
            f"max of each series. {colors}; {rest}; hover tooltip",
            "percentile lines p50 p95 p99 hourly from data below, deploy line annotated w/ id, "
            f"peaks shown. {colors}, {rest}, tooltips",
            "Can you plot checkout's hourly p50, p95 and p99 latency from the JSON below as "
            "three lines, mark the deployment with a vertical line labelled with its id, and "
            f"label each line's peak? {colors}; {rest}. Tooltips on hover.",
            "I'd like the three latency percentiles of checkout (data below) as lines over the "
            "hours, with the deployment in the data drawn as an annotated vertical marker and "
            f"each series' maximum labelled. {colors}; {rest}. Hover tooltips, legend.",
            "Chart the hourly p50, p95 and p99 latency of checkout in prod from the JSON below "
            "as three lines with a legend; draw a vertical marker at the deployment's start, "
            f"labelled with its id and version, and annotate each line's peak (ms). {colors}; "
            f"{rest}. No shadows, gradients or animation. Tooltip per point.",
            "Please build a line chart of checkout's hourly latency percentiles (p50, p95, "
            "p99, in ms) from the JSON below, one line each with a legend, a vertical "
            "annotation at the deployment's start time showing its id and version, and the "
            f"maximum of each series labelled. {colors}; {rest}. No shadows, gradients or "
            "animation; tooltips on points.",
            "Build a three-series line chart from the JSON below (points: hour in UTC and "
            "p50/p95/p99 in ms; deployments: id, start, version): x = hour (UTC), y = ms, a "
            "legend, a vertical marker line at each deployment's started_at labelled with its "
            f"id and version, and a label at each series' peak with its value. {colors}; "
            f"{rest}. No shadows, gradients or animation. Tooltip with hour, series and ms.",
            "Create a line chart of the JSON below: three series (latency_p50_ms, "
            "latency_p95_ms, latency_p99_ms) over points[].hour; legend; vertical annotation "
            "at deployments[].started_at with id and version; an annotation at each series' "
            "maximum giving its value in ms. Colors p50 #93c5fd, p95 #2563eb, p99 #1e3a8a, "
            "marker #dc2626, text #0f172a; font family Inter; radius 4px; background #ffffff. "
            "No shadows, gradients or animation. Hover tooltip per point.",
            "Ticket: line chart of checkout prod hourly latency percentiles from the JSON "
            "below; series p50/p95/p99 (ms) vs hour (UTC); legend; vertical marker at the "
            "deployment start labelled id + version; peak of each series annotated with its "
            "value. Tokens: p50 #93c5fd, p95 #2563eb, p99 #1e3a8a, marker #dc2626, text "
            "#0f172a, font family Inter, corner radius 4px, background #ffffff. Rules: no "
            "shadows, no gradients, no animation. Interaction: tooltip per point.",
        ],
        HARD,
        data=json_text(data),
        data_format="json",
        chart_type="line",
        labels=[hotfix.id, hotfix.version],
        values=[*sampled, *peaks.values()],
        colors=["#93c5fd", "#2563eb", "#1e3a8a", "#dc2626", "#0f172a"],
        font="Inter",
        radius="4px",
        background="#ffffff",
        rules=["no-animation"],
        interactivity=["tooltip"],
    )
    return task, _render("DO_C_H01.html", data=script_json(data), peaks=script_json(peaks))


def _h02(facts: Facts) -> ChartSolved:
    data: list[dict[str, Any]] = []
    running = 0
    rows: list[dict[str, Any]] = []
    for day in [dt.date(2026, 3, 10) + dt.timedelta(days=i) for i in range(29)]:
        start = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
        indices = hours(facts.fixtures.metrics, start, start + dt.timedelta(days=1))
        series = facts.series("checkout", "prod")
        requests = sum(series.requests[i] for i in indices)
        errors = sum(series.errors[i] for i in indices)
        data.append({"day": day.isoformat(), "requests": requests, "errors": errors})
    total_requests = sum(r["requests"] for r in data)
    budget = total_requests * 0.1 / 100  # the 99.9% objective
    for r in data:
        running += r["errors"]
        rows.append({**r, "spent_pct": round(100 * running / budget, 1)})
    tokens = ("daily errors bars #f97316, budget spent line #7c2d12, text #292524, font Rubik, "
              "4px radius, background #fffbeb")  # fmt: skip
    task = _task(
        "DO_C_H02",
        "Error budget burn over the window",
        [
            "checkout budget burn: bars = daily errors, line on 2nd axis = cumulative % of "
            "budget spent (budget = 0.1% of all requests in the csv). "
            f"{tokens}. tooltips",
            "dual axis chart: errors per day (bars) + running % of error budget used (line). "
            f"budget is 0.1% of total requests below. {tokens}; tooltip",
            "error budget burndown checkout - daily error bars, cumulative budget-spent % "
            f"line right axis, budget = 0.1% of total reqs. {tokens}, tooltips",
            "Can you chart checkout's error budget burn from the CSV below: daily errors as "
            "bars and, on a second axis, the running share of the budget spent, where the "
            "budget is 0.1% of all requests in the file (99.9% objective)? "
            f"{tokens}. Tooltips on hover.",
            "I'd like a dual-axis chart of checkout's errors per day (bars, left axis) and the "
            "cumulative percentage of the error budget used so far (line, right axis); the "
            f"budget is 0.1% of the total requests in the data below. {tokens}. Hover tooltips.",
            "From the CSV below (day, requests, errors for checkout in prod), set the budget to "
            "0.1% of the total requests (99.9% objective) and chart daily errors as bars on the "
            "left axis with the running total of errors as a % of that budget as a line on the "
            f"right axis, one decimal. {tokens}. No shadows, gradients or animation. Tooltips.",
            "Please build a dual-axis chart: bars for checkout's errors per day (left axis) and "
            "a line for the cumulative share of the error budget spent (right axis, % with one "
            "decimal), where the budget = 0.1% of the sum of requests in the CSV below. Label "
            f"the last point of the line. {tokens}. No shadows, gradients or animation; "
            "tooltips.",
            "Build a dual-axis combo chart from the CSV below (day, requests, errors): bars = "
            "errors per day on the left y-axis; line = cumulative errors / budget x 100 on the "
            "right y-axis (one decimal), with budget = 0.001 x sum(requests) (objective 99.9%); "
            f"label the final value. {tokens}. No shadows, gradients or animation. Tooltip per "
            "day with errors and % spent.",
            "Create a combo chart from the CSV below: x = day; left axis bars = errors; right "
            "axis line = spent_pct = 100 * running sum of errors / (0.001 * total requests of "
            "the file), one decimal; annotate the last spent_pct. Colors bars #f97316, line "
            "#7c2d12, text #292524; font family Rubik; radius 4px; background #fffbeb. No "
            "shadows, gradients or animation. Hover tooltip per day.",
            "Ticket: dual-axis chart of checkout prod error budget burn from the CSV below "
            "(day, requests, errors). Budget = 0.1% of sum(requests). Bars (left) = daily "
            "errors; line (right) = cumulative errors / budget in %, 1 decimal, last value "
            "labelled. Tokens: bars #f97316, line #7c2d12, text #292524, font family Rubik, "
            "corner radius 4px, background #fffbeb. Rules: no shadows, no gradients, no "
            "animation. Interaction: tooltip per day (errors, % spent).",
        ],
        HARD,
        data=csv_text(data),
        chart_type="bar",
        labels=[r["day"] for r in spread(rows, 6)],
        values=[*(r["spent_pct"] for r in spread(rows, 10)), rows[-1]["spent_pct"]],
        decimals=1,
        colors=["#f97316", "#7c2d12", "#292524"],
        font="Rubik",
        radius="4px",
        background="#fffbeb",
        rules=["no-animation"],
        interactivity=["tooltip"],
    )
    return task, _render("DO_C_H02.html", data=script_json(rows))


def _h03(facts: Facts) -> ChartSolved:
    days = [dt.date(2026, 3, 1) + dt.timedelta(days=i) for i in range(31)]
    rows: list[dict[str, Any]] = []
    for day in days:
        today = [d for d in facts.fixtures.deployments if d.started_at[:10] == day.isoformat()]
        counts: collections.Counter[str] = collections.Counter(d.environment for d in today)
        rows.append({"day": day.isoformat(), **{e: counts[e] for e in ENVIRONMENTS}})
    totals = [sum(int(r[e]) for e in ENVIRONMENTS) for r in rows]
    moving = [
        round(sum(totals[i - 6 : i + 1]) / 7, 2) if i >= 6 else None for i in range(len(rows))
    ]
    shown = [{**r, "total": t, "avg7": m} for r, t, m in zip(rows, totals, moving, strict=True)]
    colors = "dev #cbd5e1, staging #fbbf24, prod #ef4444, 7-day average line #111827"
    rest = "font Barlow, 4px radius, background #ffffff"
    task = _task(
        "DO_C_H03",
        "Daily deployments stacked by environment, with a moving average",
        [
            "stacked bars deploys per day in march by env (csv below) + 7 day moving avg "
            f"line of the daily total (from the 7th). {colors}, {rest}. tooltips",
            "march deploys daily stacked dev/staging/prod, plus line = trailing 7-day avg of "
            f"totals. {colors}; {rest}; tooltip",
            "stacked daily deployments by environment, overlay 7d rolling mean of total, 2 "
            f"decimals. {colors}, {rest}, tooltips",
            "Can you chart March's deployments per day as bars stacked by environment (CSV "
            "below), with a line for the 7-day moving average of the daily total, starting on "
            f"the 7th? {colors}; {rest}. Tooltips on hover.",
            "I'd like stacked bars of daily deployments per environment for March (data "
            "below) with a trailing seven-day average of the daily totals drawn as a line "
            f"(two decimals), first point on 7 March. {colors}; {rest}. Hover tooltips.",
            "Chart the CSV below as bars stacked dev, staging, prod for each day of March "
            "2026, and overlay the trailing 7-day mean of the daily total (days 1-7 give the "
            f"first value, on the 7th), to two decimals. {colors}; {rest}. No shadows, "
            "gradients or animation. Tooltip per day.",
            "Please build a stacked bar chart of deployments per day in March 2026 by "
            "environment (dev at the bottom, then staging, then prod) from the CSV below, with "
            "a line showing the trailing 7-day average of the daily totals from 7 March on, "
            f"two decimals, and a legend. {colors}; {rest}. No shadows, gradients or "
            "animation; tooltips.",
            "Build a stacked bar chart from the CSV below (day, dev, staging, prod), stack "
            "order dev, staging, prod, x = day; overlay a line of the trailing 7-day mean of "
            "the daily total (dev+staging+prod), defined from the 7th row on, two decimals; "
            f"legend. {colors}; {rest}. No shadows, gradients or animation. Tooltip with the "
            "day's counts, total and average.",
            "Create a stacked bar + line chart from the CSV below: stacks dev/staging/prod per "
            "day; line = mean of the day's total and the six previous days' totals (from row "
            "7), 2 decimals; legend. Colors dev #cbd5e1, staging #fbbf24, prod #ef4444, "
            "average #111827; font family Barlow; radius 4px; background #ffffff. No shadows, "
            "gradients or animation. Hover tooltip per day.",
            "Ticket: stacked bar chart of daily deployments in March 2026 by environment from "
            "the CSV below (day, dev, staging, prod), stack order dev/staging/prod; overlay the "
            "trailing 7-day moving average of the daily total (first value on row 7, 2 "
            "decimals); legend. Tokens: dev #cbd5e1, staging #fbbf24, prod #ef4444, average "
            "line #111827, font family Barlow, corner radius 4px, background #ffffff. Rules: "
            "no shadows, no gradients, no animation. Interaction: tooltip per day.",
        ],
        HARD,
        data=csv_text(rows),
        chart_type="bar",
        labels=[r["day"] for r in spread(rows, 6)],
        values=[m for m in spread(moving[6:], 10) if m is not None],
        decimals=1,
        colors=["#cbd5e1", "#fbbf24", "#ef4444", "#111827"],
        font="Barlow",
        radius="4px",
        background="#ffffff",
        rules=["no-animation"],
        interactivity=["tooltip"],
    )
    return task, _render("DO_C_H03.html", data=script_json(shown))


def _h04(facts: Facts) -> ChartSolved:
    deployment = facts.story_deployment("search_staging_bad")
    start = dt.datetime(2026, 4, 5, 14, tzinfo=dt.UTC)
    points = _hourly(facts, ("search", "staging"), start, 48, ("requests", "errors"))
    rows = [{**p, "error_rate_pct": round(100 * p["errors"] / p["requests"], 3)} for p in points]
    cut = deployment.started_at
    before = [p for p in points if p["hour"] < cut[:13] + ":00:00Z"]
    after = [p for p in points if p["hour"] > deployment.finished_at]
    rate_before = round(
        100 * sum(p["errors"] for p in before) / sum(p["requests"] for p in before), 3
    )
    rate_after = round(100 * sum(p["errors"] for p in after) / sum(p["requests"] for p in after), 3)
    data = {
        "deployment": {"id": deployment.id, "started_at": deployment.started_at,
                       "finished_at": deployment.finished_at},
        "points": points,
    }  # fmt: skip
    colors = "requests bars #a5b4fc, error rate line #be123c, deploy marker #0f172a"
    rest = "text #334155, font Mulish, 6px radius, background #ffffff"
    task = _task(
        "DO_C_H04",
        "Requests and error rate around a deploy",
        [
            "search staging: req bars + error rate % line (2nd axis) hourly (json below), mark "
            "the deploy, show err rate before vs after (errors/requests, 3 dp). "
            f"{colors}, {rest}. tooltips",
            "dual axis hourly reqs + err% for search stg, deploy annotated, label overall rate "
            f"before and after it. {colors}; {rest}; tooltip",
            "bars = requests, line = error rate %, vertical deploy line, before/after rates "
            f"(sum errors / sum requests). {colors}, {rest}, tooltips",
            "Can you chart search's hourly requests (bars) and error rate (line, second axis) "
            "in staging from the JSON below, mark the deployment, and show the error rate "
            "before and after it (total errors over total requests, three decimals)? "
            f"{colors}; {rest}. Tooltips.",
            "I'd like a dual-axis chart of search staging traffic per hour (bars) and error rate "
            "in % (line) from the data below, with the deployment marked and the error rate of "
            "the hours before it and of the hours after it stated (errors / requests, three "
            f"decimals). {colors}; {rest}. Hover tooltips.",
            "From the JSON below, chart hourly requests as bars (left axis) and the hourly "
            "error rate errors/requests in % as a line (right axis), draw a vertical marker at "
            "the deployment labelled with its id, and annotate the error rate over all hours "
            "before the deployment's hour and over all hours after it finished (sums, three "
            f"decimals). {colors}; {rest}. No shadows, gradients or animation. Tooltips.",
            "Please build a dual-axis chart from the JSON below: bars for requests per hour, a "
            "line for the error rate (100 x errors / requests, three decimals) on the right "
            "axis, a labelled vertical marker at the deployment, and two annotations: the error "
            "rate over the hours before the hour the deployment started, and over the hours "
            f"after it finished (total errors / total requests). {colors}; {rest}. No shadows, "
            "gradients or animation; tooltips.",
            "Build a combo chart of the JSON below (deployment; points: hour, requests, "
            "errors): bars = requests (left axis), line = error rate % = 100 x errors / "
            "requests per hour (right axis, 3 decimals), vertical marker at deployment."
            "started_at labelled with its id; annotate the pooled error rate of the points "
            "before the deployment's start hour and of the points after its finish, each 100 x "
            f"sum(errors) / sum(requests), 3 decimals. {colors}; {rest}. No shadows, gradients "
            "or animation. Tooltip per hour.",
            "Create a dual-axis chart from the JSON below: x = points[].hour; bars requests; "
            "line error_rate = 100*errors/requests (3 dp) on a right axis; marker at "
            "deployment.started_at with its id; two labels: 'before' = 100*sum(errors)/"
            "sum(requests) over hours earlier than the start hour, 'after' = the same over "
            "hours later than finished_at. Colors requests #a5b4fc, error rate #be123c, marker "
            "#0f172a, text #334155; font family Mulish; radius 6px; background #ffffff. No "
            "shadows, gradients or animation. Hover tooltip.",
            "Ticket: dual-axis chart of search staging, hourly, from the JSON below. Bars = "
            "requests (left); line = 100 x errors / requests (right, 3 decimals); vertical "
            "marker at deployment.started_at labelled with the id; annotate pooled error rate "
            "before (hours before the start hour) and after (hours after finished_at), each "
            "100 x sum(errors) / sum(requests), 3 decimals. Tokens: requests #a5b4fc, error "
            "rate #be123c, marker #0f172a, text #334155, font family Mulish, corner radius 6px, "
            "background #ffffff. Rules: no shadows, no gradients, no animation. Interaction: "
            "tooltip per hour.",
        ],
        HARD,
        data=json_text(data),
        data_format="json",
        chart_type="bar",
        labels=[deployment.id],
        values=[
            *(r["error_rate_pct"] for r in spread(rows, 10)),
            rate_before,
            rate_after,
        ],
        decimals=2,
        compact=False,
        colors=["#a5b4fc", "#be123c", "#0f172a", "#334155"],
        font="Mulish",
        radius="6px",
        background="#ffffff",
        rules=["no-animation"],
        interactivity=["tooltip"],
    )
    rates = {"before": rate_before, "after": rate_after}
    return task, _render(
        "DO_C_H04.html",
        data=script_json(rows),
        deployment=script_json(data["deployment"]),
        rates=script_json(rates),
    )


def _x01(facts: Facts) -> ChartSolved:
    alerts = sorted(facts.fixtures.alerts, key=lambda a: a.started_at)
    data = [{"id": a.id, "service": a.service, "started_at": a.started_at} for a in alerts]
    cells: collections.Counter[tuple[int, int]] = collections.Counter()
    for a in alerts:
        local = to_local(parse_utc(a.started_at))
        cells[local.weekday(), local.hour] += 1
    grid = [[d, h, cells[d, h]] for d in range(7) for h in range(24)]
    by_day = [sum(cells[d, h] for h in range(24)) for d in range(7)]
    by_hour = [sum(cells[d, h] for d in range(7)) for h in range(24)]
    busiest = max(cells.values())
    ties = [k for k, n in cells.items() if n == busiest]
    colors = "scale from #eff6ff to #1d4ed8, text #1f2937"
    rest = "font IBM Plex Sans, 4px radius, background #ffffff"
    task = _task(
        "DO_C_X01",
        "When alerts start: a weekday-by-hour heatmap with its margins",
        [
            "heatmap alerts by weekday x hour in berlin time (csv below, utc!) + bars w/ "
            f"totals per day and per hour beside it. {colors}, {rest}. tooltips",
            "alert heatmap day of week vs hour (convert to Berlin, mind DST), margins = "
            f"totals per weekday + per hour. {colors}; {rest}; hover tooltip",
            "weekday/hour heatmap of alert starts, local Berlin time, with row + column "
            f"totals charts. {colors}, {rest}, tooltips",
            "Can you make a heatmap of when our alerts start, weekday by hour of day in Berlin "
            "time (the CSV below is UTC, and summer time began on 29 March), with bar charts "
            f"of the totals per weekday and per hour beside it? {colors}; {rest}. Tooltips.",
            "I'd like a small dashboard: a weekday x hour heatmap of alert start times in "
            "Berlin local time (convert from the UTC in the data, daylight saving included), "
            f"plus two bar charts of the totals per weekday and per hour. {colors}; {rest}. "
            "Hover tooltips.",
            "From the CSV below (alert start times in UTC), build a heatmap of alert starts by "
            "weekday (Mon-Sun) and hour (0-23) in Europe/Berlin time, DST applied, with a bar "
            "chart of the 7 weekday totals and one of the 24 hour totals, and name the busiest "
            f"cell (each one, if tied). {colors}; {rest}. No shadows, gradients or animation. "
            "Tooltips per cell.",
            "Please build a dashboard of three linked views from the CSV below: a 7 x 24 "
            "heatmap of alert starts by weekday and hour in Berlin local time (UTC+1 until "
            "29 March 01:00 UTC, UTC+2 after), a bar chart of totals per weekday and a bar "
            "chart of totals per hour; hovering a weekday bar highlights its heatmap row; "
            "state the busiest weekday-hour cell (all of them, if tied). "
            f"{colors}; {rest}. No shadows, gradients or animation; tooltips.",
            "Build a dashboard from the CSV below (id, service, started_at in UTC): convert "
            "each start to Europe/Berlin (CET, CEST from 2026-03-29 01:00 UTC), then (1) a "
            "heatmap weekday (Mon..Sun) x hour (0..23) of counts with a sequential color scale, "
            "(2) bars of the 7 weekday totals, (3) bars of the 24 hour totals; hovering a bar "
            "highlights the matching heatmap row or column; annotate the busiest cell (every "
            "one, if tied). "
            f"{colors}; {rest}. No shadows, gradients or animation. Tooltips everywhere.",
            "Create a three-panel dashboard of alert starts from the CSV below: local time = "
            "started_at converted to Europe/Berlin with DST; panel 1 heatmap weekday x hour "
            "counts (all 168 cells, zeros included), sequential scale #eff6ff to #1d4ed8; "
            "panel 2 weekday totals; panel 3 hour totals; hover on a total highlights its "
            "heatmap row/column; label the max cell(s). Text #1f2937, font family IBM Plex Sans, "
            "radius 4px, background #ffffff. No shadows, gradients or animation. Tooltips.",
            "Ticket: dashboard of alert start times from the CSV below (UTC). Convert to "
            "Europe/Berlin (DST from 2026-03-29). Views: heatmap weekday (Mon-Sun) x hour "
            "(0-23), 168 cells with counts; bar chart of the 7 weekday totals; bar chart of the "
            "24 hour totals; hover on a total highlights the matching heatmap row/column; "
            "annotate the busiest cell (each, if tied) with its count. Tokens: scale "
            "#eff6ff..#1d4ed8, text "
            "#1f2937, font family IBM Plex Sans, corner radius 4px, background #ffffff. Rules: "
            "no shadows, no gradients, no animation. Interaction: tooltips, hover.",
        ],
        EXPERT,
        data=csv_text(data),
        chart_type="heatmap",
        labels=WEEKDAYS,
        values=[*by_day, *(v for v in by_hour if v)],
        colors=["#eff6ff", "#1d4ed8", "#1f2937"],
        font="IBM Plex Sans",
        radius="4px",
        background="#ffffff",
        rules=["no-animation"],
        interactivity=["tooltip", "hover"],
    )
    summary = {
        "by_day": by_day,
        "by_hour": by_hour,
        "busiest": [{"day": WEEKDAYS[d], "hour": h, "alerts": busiest} for d, h in sorted(ties)],
    }  # fmt: skip
    return task, _render("DO_C_X01.html", grid=script_json(grid), summary=script_json(summary))


def _x02(facts: Facts) -> ChartSolved:
    incidents = sorted(facts.fixtures.incidents, key=lambda i: i.opened_at)
    data = [
        {"id": i.id, "service": i.service, "severity": i.severity, "opened_at": i.opened_at}
        for i in incidents
    ]
    first = dt.date(2026, 1, 5)
    weeks = [first + dt.timedelta(weeks=n) for n in range(14)]
    table: dict[str, collections.Counter[str]] = {
        w.isoformat(): collections.Counter() for w in weeks
    }
    for i in incidents:
        day = dt.date.fromisoformat(i.opened_at[:10])
        monday = day - dt.timedelta(days=day.weekday())
        table[monday.isoformat()][i.severity] += 1
    rows: list[dict[str, Any]] = [
        {"week": w, **{s: c[s] for s in SEVERITIES}, "total": sum(c.values())}
        for w, c in table.items()
    ]
    totals = {s: sum(r[s] for r in rows) for s in SEVERITIES}
    top = max(r["total"] for r in rows)
    busiest = [r["week"] for r in rows if r["total"] == top]
    colors = "SEV1 #991b1b, SEV2 #ea580c, SEV3 #eab308, SEV4 #84cc16, text #18181b"
    rest = "font Inter, 6px radius, background #fafafa"
    task = _task(
        "DO_C_X02",
        "An incident dashboard: weeks and severities, linked",
        [
            "incident dashboard: bars per week (mon-start) + donut by severity, click a week -> "
            f"donut shows that week only. totals shown. {colors}, {rest}. tooltips",
            "2 linked charts from the csv: weekly incident counts (bars) and severity split "
            f"(donut) that filters on click of a week. {colors}; {rest}; tooltips",
            "weekly incidents bar + sev donut, clicking a bar filters donut, click again = all. "
            f"{colors}, {rest}, hover tooltips",
            "Can you build an incident dashboard from the CSV below: incidents per week "
            "(weeks from Monday) as bars, and a donut of the severity split that shows only "
            f"the clicked week's incidents? Show totals. {colors}; {rest}. Tooltips.",
            "I'd like two linked charts: weekly incident counts as bars (Monday weeks, UTC) and "
            "a donut of incidents by severity; clicking a week filters the donut to that week "
            f"and clicking it again resets. Totals visible. {colors}; {rest}. Hover tooltips.",
            "From the CSV below, chart the incidents per week (weeks starting Monday, UTC, "
            "5 January to 6 April 2026) as bars labelled with their totals, next to a donut "
            "of the severity split (all incidents by default, the selected week's after a "
            "click on its bar). Name the busiest week (each, if tied). "
            f"{colors}; {rest}. No shadows, gradients or animation. Tooltips.",
            "Please build a dashboard of two linked charts from the CSV below: (1) bars of "
            "incidents per week, weeks starting Monday in UTC from 2026-01-05 to 2026-04-06, "
            "each labelled with its count; (2) a donut of incidents by severity with the counts "
            "for the whole period, which shows only the selected week after a click on its bar "
            f"(click again to reset); annotate the busiest week(s). {colors}; {rest}. No shadows, "
            "gradients or animation; tooltips.",
            "Build a linked dashboard from the CSV below (id, service, severity, opened_at UTC): "
            "chart A = 14 bars, incidents per Monday-start week from 2026-01-05 to 2026-04-06, "
            "with counts; chart B = donut of SEV1-SEV4 counts for all incidents, re-filtered to "
            "a week when its bar is clicked, reset on a second click; annotate the week with "
            f"the most incidents. {colors}; {rest}. No shadows, gradients or animation. "
            "Tooltips on bars and slices.",
            "Create a two-chart dashboard from the CSV below: weekly bars (week = Monday of "
            "opened_at's UTC date, 14 weeks 2026-01-05..2026-04-06, counts labelled) and a "
            "severity donut (whole-period counts per SEV1..SEV4); click on a bar filters the "
            "donut to that week, a second click resets; annotate the busiest week(s). Colors SEV1 "
            "#991b1b, SEV2 #ea580c, SEV3 #eab308, SEV4 #84cc16, text #18181b; font family "
            "Inter; radius 6px; background #fafafa. No shadows, gradients or animation. "
            "Tooltips.",
            "Ticket: incident dashboard from the CSV below. Chart A: bars of incidents per "
            "week (Monday-start, UTC, 2026-01-05..2026-04-06, 14 bars) labelled with counts; "
            "busiest week(s) annotated. Chart B: donut of incidents by severity (SEV1-SEV4) for "
            "the whole period; click on a bar filters B to that week, second click resets. "
            "Tokens: SEV1 #991b1b, SEV2 #ea580c, SEV3 #eab308, SEV4 #84cc16, text #18181b, "
            "font family Inter, corner radius 6px, background #fafafa. Rules: no shadows, no "
            "gradients, no animation. Interaction: tooltips, click to filter.",
        ],
        EXPERT,
        data=csv_text(data),
        chart_type="bar",
        labels=[*SEVERITIES, *busiest],
        values=[*(r["total"] for r in rows), *totals.values()],
        colors=["#991b1b", "#ea580c", "#eab308", "#84cc16", "#18181b"],
        font="Inter",
        radius="6px",
        background="#fafafa",
        rules=["no-animation"],
        interactivity=["tooltip", "click"],
    )
    return task, _render(
        "DO_C_X02.html",
        data=script_json(rows),
        totals=script_json(totals),
        busiest=script_json(busiest),
    )


def _x03(facts: Facts) -> ChartSolved:
    services = [s.name for s in facts.fixtures.services if s.tier == 1 and s.deleted_at is None]
    days = [dt.date(2026, 3, 10) + dt.timedelta(days=i) for i in range(29)]
    data: list[dict[str, Any]] = [
        {
            "service": name,
            "day": day.isoformat(),
            "p95_ms": round(facts.day_value(name, "prod", "latency_p95_ms", day, "avg"), 1),
        }
        for name in services
        for day in days
    ]
    stats = []
    for name in services:
        values = [float(r["p95_ms"]) for r in data if r["service"] == name]
        stats.append(
            {"service": name, "mean": round(sum(values) / len(values), 1), "max": max(values)}
        )
    colors = "line #0369a1, max marker #b45309, text #1c1917"
    rest = "font Source Sans 3, 4px radius, background #ffffff"
    task = _task(
        "DO_C_X03",
        "Small multiples of tier-1 latency",
        [
            "small multiples: daily p95 per tier-1 service (csv below), 1 panel each, same y "
            f"scale, panel title w/ 29-day mean + max marked. {colors}, {rest}. tooltips",
            "grid of mini line charts, one per service, daily p95 over the period, shared "
            f"y-axis, mean in each title, max point marked. {colors}; {rest}; tooltip",
            "p95 small multiples by service, shared scale, each w/ its mean (1 dp) + peak. "
            f"{colors}, {rest}, hover tooltips",
            "Can you draw small multiples of daily p95 latency, one panel per tier-1 service "
            "from the CSV below, all with the same y scale, each titled with the service's mean "
            f"over the period and with its highest day marked? {colors}; {rest}. Tooltips.",
            "I'd like a grid of small line charts, one per service in the data below, showing "
            "daily p95 latency with a shared y-axis, each panel's title giving that service's "
            f"average over the 29 days (one decimal) and its maximum marked. {colors}; {rest}. "
            "Hover tooltips.",
            "From the CSV below (service, day, p95_ms), build small multiples: one line panel "
            "per service in a 3 x 3 grid, shared y scale in ms, each panel titled with the "
            "service name and the mean of its 29 daily values (one decimal), and its maximum "
            f"day marked with the value. {colors}; {rest}. No shadows, gradients or animation. "
            "Tooltips.",
            "Please build a 3 x 3 grid of small line charts from the CSV below, one per "
            "service in the order of the file, x = day (10 March to 7 April 2026), y = p95 in "
            "ms on one shared scale, each titled '<service> - mean X.X ms' (mean of its daily "
            f"values) with its peak day marked and labelled. {colors}; {rest}. No shadows, "
            "gradients or animation; a tooltip on each point.",
            "Build small multiples from the CSV below (service, day, p95_ms): nine panels in a "
            "3 x 3 grid in order of first appearance, each a line of p95_ms over day; one y "
            "domain shared by all panels; panel title = service and the mean of its 29 values "
            "(one decimal); the panel's maximum marked with a point and its value. "
            f"{colors}; {rest}. No shadows, gradients or animation. Tooltip per point.",
            "Create small multiples of the CSV below: facet by service (3 columns, file "
            "order), line of p95_ms vs day in each, shared y scale; title '<service> · mean "
            "X.X ms' where X.X = mean of that service's rows; mark the max row of each facet "
            "with its value. Colors line #0369a1, max #b45309, text #1c1917; font family "
            "Source Sans 3; radius 4px; background #ffffff. No shadows, gradients or "
            "animation. Hover tooltip per point.",
            "Ticket: small-multiple line charts from the CSV below (service, day, p95_ms; "
            "daily average p95 in prod, 2026-03-10..2026-04-07): one panel per service, 3 "
            "columns, file order; shared y scale (ms); panel title = service + mean of its 29 "
            "values (1 decimal); max point of each panel marked with its value. Tokens: line "
            "#0369a1, max marker #b45309, text #1c1917, font family Source Sans 3, corner "
            "radius 4px, background #ffffff. Rules: no shadows, no gradients, no animation. "
            "Interaction: tooltip per point.",
        ],
        EXPERT,
        data=csv_text(data),
        chart_type="line",
        labels=services,
        values=[v for s in stats for v in (s["mean"], s["max"])],
        decimals=1,
        colors=["#0369a1", "#b45309", "#1c1917"],
        font="Source Sans 3",
        radius="4px",
        background="#ffffff",
        rules=["no-animation"],
        interactivity=["tooltip"],
    )
    return task, _render("DO_C_X03.html", data=script_json(data), stats=script_json(stats))
