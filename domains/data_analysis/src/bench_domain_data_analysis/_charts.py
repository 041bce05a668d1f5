"""The sixteen chart tasks: four easy (``DA_C_E01``-``DA_C_E04``), five medium
(``DA_C_M01``-``DA_C_M05``), four hard (``DA_C_H01``-``DA_C_H04``) and three expert
(``DA_C_X01``-``DA_C_X03``: a heatmap, small multiples, a dashboard of linked charts), built
from the fixtures.

A task hands the model its data as CSV (the runner appends it after the prompt) and states the
chart type, the design tokens, the rules and the interaction in every one of its ten prompts.
Each asks for one computed figure besides the raw ones (a total, a company average, shares),
so a chart that only dumps the input cannot find every data point the scorer looks for. The
references are hand-written SVG in one card template, or use Chart.js, ECharts, Vega-Lite
(``DA_C_E01``) or D3 (``DA_C_E02``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from bench_core import ChartReference, ChartTask, Difficulty, authoring
from bench_core.authoring import (
    Scale,
    column,
    csv_text,
    el,
    esc,
    json_text,
    raw,
    script_json,
    ticks,
)

from ._chart_inputs import ChartData
from ._expect import DOMAIN_ID
from ._fixtures import Fixtures
from ._metrics import enps, headcount

EASY = Difficulty.EASY
MEDIUM = Difficulty.MEDIUM
HARD = Difficulty.HARD
EXPERT = Difficulty.EXPERT
BIG_THREE = ("Engineering", "Sales", "Customer Success")
PACKAGE = "bench_domain_data_analysis"
ChartSolved = tuple[ChartTask, ChartReference]


def build_charts(fixtures: Fixtures) -> list[ChartSolved]:
    """The chart tasks with their references, in id order."""
    data = ChartData(fixtures)
    return [
        _c_e01(data), _c_e02(data), _c_e03(data), _c_e04(data),
        _c_m01(data), _c_m02(data), _c_m03(data), _c_m04(data), _c_m05(data),
        _c_h01(data), _c_h02(data), _c_h03(data), _c_h04(data),
        _c_x01(data), _c_x02(data), _c_x03(data),
    ]  # fmt: skip


def _card(
    title: str, subtitle: str, chart: str, *, colors: Sequence[str], font: str, radius: str,
    background: str,
) -> ChartReference:  # fmt: skip
    up, down, text = (colors[0], colors[0], colors[1]) if len(colors) == 2 else colors
    return authoring.render(
        __package__ or "bench_domain_data_analysis",
        "card.html",
        title=esc(title),
        subtitle=esc(subtitle),
        chart=chart,
        up=up,
        down=down,
        text=text,
        font=font,
        radius=radius,
        background=background,
    )


def _bars(
    rows: Sequence[dict[str, Any]], label: str, value: str, show: Callable[[float], str],
    *, reference: tuple[float, str] | None = None, describe: str,
) -> str:  # fmt: skip
    """Vertical bars in the rows' order, negatives below a zero line, each with a tooltip."""
    width, height, left, right, top, bottom = 880, 380, 56, 16, 24, 64
    values = [float(r[value]) for r in rows]
    grid = ticks(min(0.0, *values), max(0.0, *values), 6)
    y = Scale((grid[0], grid[-1]), (height - bottom, top))
    band = (width - left - right) / len(rows)
    parts = [el("line", x1=left, x2=width - right, y1=y(t), y2=y(t), class_="grid") for t in grid]
    parts += [
        el("text", esc(show(t)), x=left - 8, y=y(t) + 4, class_="tick", text_anchor="end")
        for t in grid
    ]
    for i, (row, amount) in enumerate(zip(rows, values, strict=True)):
        x = left + i * band + band * 0.18
        top_y, bottom_y = sorted((y(amount), y(0)))
        name = esc(str(row[label]))
        tip = el("title", f"{name}: {esc(show(amount))}")
        parts.append(
            el("rect", tip, x=round(x, 1), y=round(top_y, 1), width=round(band * 0.64, 1),
               height=round(max(bottom_y - top_y, 1), 1), rx=4,
               class_="mark up" if amount >= 0 else "mark down", data_value=amount)
        )  # fmt: skip
        label_y = top_y - 6 if amount >= 0 else bottom_y + 14
        middle = round(x + band * 0.32, 1)
        parts.append(el("text", esc(show(amount)), x=middle, y=round(label_y, 1), class_="value"))
        parts.append(el("text", name, x=middle, y=height - bottom + 30, class_="name"))
    parts.append(el("line", x1=left, x2=width - right, y1=y(0), y2=y(0), class_="zero"))
    if reference is not None:
        level, text = reference
        parts.append(el("line", x1=left, x2=width - right, y1=y(level), y2=y(level), class_="ref"))
        parts.append(el("text", esc(text), x=left + 6, y=y(level) - 6, class_="note",
                        text_anchor="start"))  # fmt: skip
    return el("svg", raw(parts), viewBox=f"0 0 {width} {height}", width=width, height=height,
              role="img", aria_label=describe)  # fmt: skip


def _line(
    rows: Sequence[dict[str, Any]], label: str, value: str, show: Callable[[float], str],
    *, describe: str, marker: tuple[str, str] | None = None, every: int = 1,
) -> str:  # fmt: skip
    """One line through the rows' values in order, a dot with a tooltip on each point."""
    width, height, left, right, top, bottom = 760, 340, 56, 24, 24, 48
    values = [float(r[value]) for r in rows]
    grid = ticks(0.0, max(values), 5)
    y = Scale((grid[0], grid[-1]), (height - bottom, top))
    step = (width - left - right) / (len(rows) - 1)
    xs = [left + i * step for i in range(len(rows))]
    parts = [el("line", x1=left, x2=width - right, y1=y(t), y2=y(t), class_="grid") for t in grid]
    parts += [
        el("text", esc(show(t)), x=left - 8, y=y(t) + 4, class_="tick", text_anchor="end")
        for t in grid
    ]
    points = " ".join(f"{round(x, 1)},{round(y(v), 1)}" for x, v in zip(xs, values, strict=True))
    parts.append(el("polyline", points=points, class_="trend"))
    for i, (x, row, amount) in enumerate(zip(xs, rows, values, strict=True)):
        name = esc(str(row[label]))
        tip = el("title", f"{name}: {esc(show(amount))}")
        size = 4 if every == 1 else 2.5
        parts.append(el("circle", tip, cx=round(x, 1), cy=round(y(amount), 1), r=size,
                        class_="dot", data_value=amount))  # fmt: skip
        if i % every == 0:
            parts.append(el("text", esc(show(amount)), x=round(x, 1),
                            y=round(y(amount) - 10, 1), class_="value"))  # fmt: skip
            parts.append(el("text", name, x=round(x, 1), y=height - bottom + 24,
                            class_="name"))  # fmt: skip
    if marker is not None:
        at, text = marker
        x = xs[[str(r[label]) for r in rows].index(at)]
        parts.append(el("line", x1=round(x, 1), x2=round(x, 1), y1=top, y2=height - bottom,
                        class_="ref"))  # fmt: skip
        parts.append(el("text", esc(text), x=round(x - 6, 1), y=top + 12, class_="note",
                        text_anchor="end"))  # fmt: skip
    return el("svg", raw(parts), viewBox=f"0 0 {width} {height}", width=width, height=height,
              role="img", aria_label=describe)  # fmt: skip


def _task(
    task_id: str, title: str, prompts: list[str], *, rows: list[dict[str, Any]],
    chart_type: str, labels: Sequence[str], values: Sequence[float], decimals: int,
    colors: Sequence[str], font: str, radius: str, background: str,
    difficulty: Difficulty = EASY, compact: bool = False,
    interactivity: Sequence[str] = ("tooltip",),
) -> ChartTask:  # fmt: skip
    assert len(prompts) == 10, task_id
    return authoring.chart_task(
        task_id, difficulty, title, prompts, domain=DOMAIN_ID, data=csv_text(rows),
        chart_type=chart_type, labels=labels, values=values, decimals=decimals,
        compact=compact, colors=colors, font=font, radius=radius, background=background,
        rules=["no-animation"], interactivity=interactivity,
    )  # fmt: skip


def _c_e01(data: ChartData) -> ChartSolved:
    rows = data.headcount_by_department()
    total = data.headcount_by_department_computed()["total"]
    colors, font, radius, background = ["#2563eb", "#475569"], "IBM Plex Sans", "6px", "#ffffff"
    task = _task(
        "DA_C_E01",
        "Headcount by department",
        [
            "bar chart headcount per dept (data below) + total somewhere. bars #2563eb txt "
            "#475569, ibm plex sans, 6px radius, bg #ffffff, no anim/shadow/gradient, tooltips",
            "headcount by department as bars pls, show the company total too. #2563eb bars, "
            "#475569 text, IBM Plex Sans, 6px corners, white bg #ffffff. flat, no animation, "
            "hover tooltip",
            "dept headcount bars from the csv, total in the subtitle. colors #2563eb/#475569, "
            "font ibm plex sans, radius 6px, bg #ffffff, no shadows no gradients no animation, "
            "tooltip on hover",
            "Can you make a bar chart of headcount by department from the data below, with the "
            "company total shown? Bars #2563eb, text #475569, IBM Plex Sans, 6px corners, "
            "background #ffffff. No animation, shadows or gradients; tooltips on hover.",
            "I need a bar chart of today's headcount per department (data below) that also "
            "states the total headcount. Use #2563eb for the bars and #475569 for text, the "
            "IBM Plex Sans font, 6px rounded corners and a #ffffff background. Keep it flat (no "
            "shadows or gradients), don't animate, and give each bar a tooltip.",
            "Please chart the headcount of each department below as vertical bars, largest "
            "first, and show the company-wide total in the subtitle. Bars #2563eb, labels "
            "#475569, font IBM Plex Sans, 6px corner radius, background #ffffff. No animation, "
            "no shadows, no gradients. Hovering a bar shows its department and headcount.",
            "Build a vertical bar chart of current headcount by department from the CSV below, "
            "one bar per row in the given order, plus the total headcount (the sum) in the "
            "subtitle. Bar fill #2563eb, text and axes #475569, font family IBM Plex Sans, 6px "
            "radius, background #ffffff. No animation, shadows or gradients. Tooltip per bar.",
            "Create a bar chart from the CSV below (department, headcount): one bar per "
            "department in row order, y-axis from zero, each bar labelled with its count, and "
            "the company total (sum of the rows) stated in the subtitle. Tokens: bars #2563eb, "
            "text #475569, IBM Plex Sans, 6px corners, #ffffff background. Rules: no animation, "
            "no shadows, no gradients. Tooltip on hover with department and headcount.",
            "Vertical bar chart, headcount by department (CSV below), bars in row order with "
            "value labels, y-axis starting at zero; the subtitle states the total headcount, "
            "computed as the sum of the rows. Bar color #2563eb; text and axis color #475569; "
            "font IBM Plex Sans; corner radius 6px; background #ffffff. No animation, no "
            "shadows, no gradients. Each bar shows a tooltip with its department and headcount.",
            "Ticket: vertical bar chart of headcount by department from the CSV below "
            "(department, headcount), one bar per row in row order, y-axis from zero, value "
            "labels on the bars, subtitle stating the total headcount (sum of all rows). "
            "Tokens: bar fill #2563eb, text/axis color #475569, font family IBM Plex Sans, "
            "corner radius 6px (bars and card), background #ffffff. Rules: no animation, no "
            "shadows, no gradients. Interaction: tooltip on each bar with department and "
            "headcount.",
        ],
        rows=rows,
        chart_type="bar",
        labels=column(rows, "department"),
        values=[*column(rows, "headcount"), total],
        decimals=0,
        colors=colors,
        font=font,
        radius=radius,
        background=background,
    )
    return task, authoring.render(PACKAGE, "DA_C_E01.html", data=script_json(rows),
                                  total=f"{total}")  # fmt: skip


def _c_e02(data: ChartData) -> ChartSolved:
    rows = [
        {
            "quarter": r["quarter"],
            "exits": r["voluntary_exits"] + r["involuntary_exits"],
            "annualized_rate_pct": r["annualized_rate_pct"],
        }
        for r in data.attrition_trend()
    ]
    total = data.attrition_trend_computed()["total_exits"]
    colors, font, radius, background = ["#0f766e", "#334155"], "Source Sans 3", "8px", "#f8fafc"
    task = _task(
        "DA_C_E02",
        "Annualised attrition by quarter",
        [
            "line chart annualized attrition by qtr (csv below), total exits in subtitle. line "
            "#0f766e txt #334155, source sans 3, 8px radius, bg #f8fafc. no anim/shadow/gradient, "
            "tooltips",
            "attrition trend as a line pls, quarters along the bottom, + total exits over the "
            "period. #0f766e line, #334155 text, Source Sans 3, 8px corners, bg #f8fafc, flat, "
            "no animation, tooltips on points",
            "annualised attrition line from the data, total exits somewhere. colors #0f766e / "
            "#334155, font source sans 3, radius 8px, bg #f8fafc, no shadows/gradients/anim, "
            "hover tooltip",
            "Could you plot our annualised attrition rate per quarter (data below) as a line, "
            "and show the total number of exits across all quarters? Line #0f766e, text "
            "#334155, Source Sans 3, 8px corners, #f8fafc background. No animation, shadows or "
            "gradients; tooltips on the points.",
            "I'd like a line chart of the company's annualised attrition rate quarter by "
            "quarter from the data below, with the total exits over the eight quarters in the "
            "subtitle. Use #0f766e for the line and #334155 for text, Source Sans 3, 8px "
            "rounded corners and a #f8fafc background. Flat, no animation, tooltip per point.",
            "Please draw the annualised attrition rate (percent) for each quarter below as a "
            "single line in quarter order, and state the total exits across all the quarters. "
            "Line #0f766e, axis text #334155, font Source Sans 3, 8px radius, background "
            "#f8fafc. No animation, no shadows, no gradients. Hovering a point shows a tooltip.",
            "Build a line chart of annualized_rate_pct by quarter from the CSV below, one point "
            "per quarter in row order, y-axis in percent from zero, and the total exits (sum of "
            "the exits column) in the subtitle. Line #0f766e, text #334155, Source Sans 3, 8px "
            "radius, #f8fafc background. No animation, shadows or gradients. Tooltips per point.",
            "Create a line chart from the CSV below (quarter, exits, annualized_rate_pct): "
            "quarters on the x-axis in row order, the annualised rate on the y-axis in percent "
            "from zero, a labelled point per quarter, and the total exits over all quarters in "
            "the subtitle. Tokens: line #0f766e, text #334155, Source Sans 3, 8px corners, "
            "#f8fafc background. No animation, no shadows, no gradients. Tooltip on each point.",
            "Single-series line chart of the annualised attrition rate (percent) per quarter "
            "from the CSV below, in row order, y-axis from zero, each point labelled with its "
            "rate to two decimals; the subtitle states the total exits, the sum of the exits "
            "column. Line color #0f766e; text and axes #334155; font Source Sans 3; corner "
            "radius 8px; background #f8fafc. No animation, shadows or gradients. Point tooltips.",
            "Ticket: line chart of annualized_rate_pct (percent) by quarter from the CSV below "
            "(quarter, exits, annualized_rate_pct), one point per row in row order, y-axis from "
            "zero, point labels with two decimals, subtitle stating the total exits over all "
            "quarters (sum of exits). Tokens: line/point color #0f766e, text/axis color "
            "#334155, font family Source Sans 3, corner radius 8px, background #f8fafc. Rules: "
            "no animation, no shadows, no gradients. Interaction: tooltip on each point with "
            "the quarter and its rate.",
        ],
        rows=rows,
        chart_type="line",
        labels=column(rows, "quarter"),
        values=[*column(rows, "annualized_rate_pct"), total],
        decimals=2,
        colors=colors,
        font=font,
        radius=radius,
        background=background,
    )
    return task, authoring.render(PACKAGE, "DA_C_E02.html", data=script_json(rows),
                                  total=f"{total}")  # fmt: skip


def _c_e03(data: ChartData) -> ChartSolved:
    survey = data.facts.latest_survey()
    responses = dict.fromkeys(data.names, 0)
    for response in data.fixtures.responses:
        if response.survey_id == survey:
            responses[response.department_id] += 1
    by_name = {name: d for d, name in data.names.items()}
    rows = [
        {"department": r["department"], "responses": responses[by_name[r["department"]]],
         "enps": r["enps"]}
        for r in data.enps_by_department(survey)
    ]  # fmt: skip
    # The company's eNPS is the response-weighted mean of the departments' (exact, as eNPS is
    # a difference of shares); from the rounded rows it rounds to the same figure.
    weighted = sum(r["responses"] * r["enps"] for r in rows) / sum(r["responses"] for r in rows)
    company = data.enps_by_department_computed(survey)["company_enps"]
    assert round(weighted, 1) == company
    colors = ["#16a34a", "#dc2626", "#374151"]
    font, radius, background = "Inter", "4px", "#ffffff"
    task = _task(
        "DA_C_E03",
        "eNPS by department, 2026-Q1",
        [
            "diverging bars enps per dept (below) + company enps line (weighted by responses). "
            "pos #16a34a neg #dc2626 txt #374151, inter, 4px, bg #ffffff, no anim/shadow/gradient, "
            "tooltips",
            "enps by department as bars going up or down from 0, plus a line at the company "
            "enps (weight by responses). #16a34a positive #dc2626 negative #374151 text, Inter, "
            "4px corners, bg #ffffff, flat, no animation, hover tooltip",
            "bar chart enps by dept, negatives below zero in red #dc2626, positives #16a34a, "
            "text #374151, company-wide enps ref line (response weighted). inter radius 4px bg "
            "#ffffff. no shadows gradients or animation. tooltips",
            "Can you make a diverging bar chart of eNPS by department from the data below, with "
            "a reference line at the company's overall eNPS (the response-weighted average)? "
            "Positive bars #16a34a, negative #dc2626, text #374151, Inter, 4px corners, "
            "#ffffff background. No animation, shadows or gradients; tooltips on hover.",
            "I'd like the latest eNPS per department as bars above and below zero (data below), "
            "with a dashed line at the company eNPS, which is the departments' eNPS weighted by "
            "their responses. Green #16a34a above zero, red #dc2626 below, #374151 for text, "
            "Inter font, 4px corners, #ffffff background. Flat, no animation, bar tooltips.",
            "Please build a diverging bar chart of each department's eNPS in the 2026-Q1 "
            "survey, lowest first as given, and mark the company-wide eNPS (average of the "
            "departments weighted by responses) with a labelled reference line. Positive "
            "#16a34a, negative #dc2626, labels #374151, font Inter, 4px radius, background "
            "#ffffff. No animation, no shadows, no gradients. Tooltips.",
            "Build a vertical diverging bar chart of eNPS by department from the CSV below, one "
            "bar per row in row order, zero line shown, and a labelled reference line at the "
            "company eNPS: the mean of the enps column weighted by the responses column. "
            "Positive fill #16a34a, negative fill #dc2626, text #374151, Inter, 4px radius, "
            "#ffffff background. No animation, shadows or gradients. Tooltip per bar.",
            "Create a diverging bar chart from the CSV below (department, responses, enps; "
            "2026-Q1 survey): bars above zero for positive eNPS and below for negative, in row "
            "order, each labelled with its value, plus a dashed reference line labelled with "
            "the company eNPS (enps weighted by responses, one decimal). Tokens: #16a34a "
            "positive, #dc2626 negative, #374151 text, Inter, 4px corners, #ffffff background. "
            "No animation, shadows or gradients. Tooltip on each bar.",
            "Diverging bar chart of the 2026-Q1 eNPS (-100 to 100) per department from the CSV "
            "below, row order kept, value labels to one decimal, zero baseline, and a labelled "
            "reference line at the company eNPS, computed as the responses-weighted mean of the "
            "enps column (one decimal). Positive bars #16a34a; negative bars #dc2626; text and "
            "axes #374151; font Inter; radius 4px; background #ffffff. No animation, shadows or "
            "gradients. Tooltip on every bar.",
            "Ticket: diverging vertical bar chart of eNPS by department (2026-Q1 survey) from "
            "the CSV below (department, responses, enps), one bar per row in row order, zero "
            "baseline, value labels to one decimal, and a dashed reference line labelled with "
            "the company-wide eNPS = sum(responses x enps) / sum(responses), one decimal. "
            "Tokens: positive fill #16a34a, negative fill #dc2626, text/axis color #374151, "
            "font family Inter, corner radius 4px, background #ffffff. Rules: no animation, no "
            "shadows, no gradients. Interaction: tooltip on each bar with department and eNPS.",
        ],
        rows=rows,
        chart_type="bar",
        labels=column(rows, "department"),
        values=[*column(rows, "enps"), company],
        decimals=1,
        colors=colors,
        font=font,
        radius=radius,
        background=background,
    )
    chart = _bars(rows, "department", "enps", lambda v: f"{v:.1f}",
                  reference=(company, f"Company eNPS {company:.1f}"),
                  describe="eNPS by department, 2026-Q1")  # fmt: skip
    subtitle = "Engagement survey 2026-Q1: % promoters minus % detractors"
    return task, _card(task.title, subtitle, chart, colors=colors, font=font, radius=radius,
                       background=background)  # fmt: skip


def _c_e04(data: ChartData) -> ChartSolved:
    rows = data.training_completion_by_course()
    computed = data.training_completion_computed()
    shares = [{"course": c, "on_time_pct": p} for c, p in computed["on_time_pct"].items()]
    overall = computed["overall_on_time_pct"]
    colors, font, radius, background = ["#7c3aed", "#4b5563"], "Roboto", "6px", "#fafafa"
    task = _task(
        "DA_C_E04",
        "On-time completion of the mandatory courses",
        [
            "bars: % completed on time per mandatory course (calc from csv), overall % in "
            "subtitle. #7c3aed bars #4b5563 txt roboto 6px bg #fafafa no anim/shadow/gradient, "
            "tooltip",
            "on-time completion rate by course as bars pls - completed_on_time / enrolled. and "
            "the overall rate. #7c3aed, #4b5563 text, Roboto, 6px corners, bg #fafafa, flat, "
            "no animation, tooltips",
            "mandatory training on time % per course, bar chart, overall % too. colors #7c3aed "
            "/ #4b5563, roboto, radius 6px, bg #fafafa, no shadows no gradients no animation, "
            "hover tooltips",
            "Can you chart, for each mandatory course below, the share of enrolled people who "
            "finished on time, as bars? Also show the overall on-time share. Bars #7c3aed, "
            "text #4b5563, Roboto, 6px corners, #fafafa background. No animation, shadows or "
            "gradients; tooltips.",
            "I'd like a bar chart of the on-time completion rate of each mandatory course (on "
            "time completions divided by enrolled, from the data below) with the overall "
            "on-time rate in the subtitle. Use #7c3aed for bars and #4b5563 for text, Roboto, "
            "6px corners and a #fafafa background. Flat, no animation, a tooltip per bar.",
            "Please compute each mandatory course's on-time completion rate (completed on time "
            "/ enrolled, in percent) from the data below and chart it as vertical bars in the "
            "given order, with the overall on-time rate across all courses in the subtitle. "
            "Bars #7c3aed, text #4b5563, Roboto, 6px radius, #fafafa background. No "
            "animation, shadows or gradients. Tooltips.",
            "Build a vertical bar chart of the on-time completion rate per mandatory course: "
            "completed_on_time / enrolled x 100, one decimal, from the CSV below, one bar per "
            "row in row order; the subtitle gives the overall rate (all on-time completions / "
            "all enrollments). Bars #7c3aed, text #4b5563, Roboto, 6px radius, #fafafa "
            "background. No animation, shadows or gradients. Tooltip per bar.",
            "Create a bar chart from the CSV below (course, deadline, enrolled, completed, "
            "completed_on_time): for each course, the on-time rate = completed_on_time / "
            "enrolled in percent to one decimal, bars in row order, y-axis 0-100%, each bar "
            "labelled; overall on-time rate (sum of on-time / sum of enrolled) in the subtitle. "
            "Tokens: #7c3aed bars, #4b5563 text, Roboto, 6px corners, #fafafa background. No "
            "animation, shadows or gradients. Tooltip on each bar.",
            "Vertical bar chart of each mandatory course's on-time completion rate from the "
            "CSV below, computed as completed_on_time / enrolled x 100 (one decimal), bars in "
            "row order with value labels, y-axis from zero; the subtitle states the overall "
            "on-time rate (sum of completed_on_time / sum of enrolled). Bar color #7c3aed; "
            "text #4b5563; font Roboto; radius 6px; background #fafafa. No animation, shadows "
            "or gradients. Tooltip per bar with the course and its rate.",
            "Ticket: vertical bar chart of the on-time completion rate per mandatory course "
            "from the CSV below (course, deadline, enrolled, completed, completed_on_time): "
            "rate = completed_on_time / enrolled x 100, one decimal, one bar per row in row "
            "order, value labels, y-axis from zero; subtitle states the overall on-time rate "
            "(sum of completed_on_time / sum of enrolled, one decimal). Tokens: bar fill "
            "#7c3aed, text/axis color #4b5563, font family Roboto, corner radius 6px, "
            "background #fafafa. Rules: no animation, no shadows, no gradients. Interaction: "
            "tooltip on each bar with course and rate.",
        ],
        rows=rows,
        chart_type="bar",
        labels=column(rows, "course"),
        values=[*column(shares, "on_time_pct"), overall],
        decimals=1,
        colors=colors,
        font=font,
        radius=radius,
        background=background,
    )
    chart = _bars(shares, "course", "on_time_pct", lambda v: f"{v:.1f}%",
                  describe="On-time completion rate per mandatory course, percent")  # fmt: skip
    subtitle = f"Current employees; completed by the deadline. Overall on-time rate: {overall}%"
    return task, _card(task.title, subtitle, chart, colors=colors, font=font, radius=radius,
                       background=background)  # fmt: skip


def _c_m01(data: ChartData) -> ChartSolved:
    rows = [
        {k: r[k] for k in ("quarter", "voluntary_exits", "involuntary_exits")}
        for r in data.attrition_trend()
    ]
    voluntary = sum(r["voluntary_exits"] for r in rows)
    involuntary = sum(r["involuntary_exits"] for r in rows)
    share = data.attrition_trend_computed()["voluntary_share_pct"]
    task = _task(
        "DA_C_M01",
        "Exits by quarter: voluntary and involuntary",
        [
            "grouped bars voluntary vs involuntary exits per qtr (csv below), totals + voluntary "
            "% in subtitle. vol #2563eb invol #f59e0b txt #1f2937 lato 8px bg #ffffff, no "
            "anim/shadow/gradient, tooltips, legend click toggles",
            "exits by quarter, 2 bars each (voluntary #2563eb, involuntary #f59e0b), text "
            "#1f2937. say total of each + share voluntary. Lato, 8px corners, bg #ffffff. flat "
            "no animation. tooltip + clickable legend",
            "vol/invol exits per quarter as grouped bar chart + total vol, total invol, % vol. "
            "colors #2563eb #f59e0b, txt #1f2937, font lato, radius 8px, bg #ffffff, no "
            "shadows/gradients/animation, tooltips, legend toggle",
            "Can you build a grouped bar chart of voluntary and involuntary exits per quarter "
            "from the data below, with the total of each kind and the voluntary share stated in "
            "the subtitle? Voluntary #2563eb, involuntary #f59e0b, text #1f2937, Lato, 8px "
            "corners, #ffffff background. No animation, shadows or gradients. Tooltips, and a "
            "legend I can click to hide a series.",
            "I'd like to see voluntary against involuntary exits quarter by quarter (data "
            "below) as grouped bars, and the subtitle should give total voluntary exits, total "
            "involuntary exits and the voluntary share of all exits. Use #2563eb and #f59e0b "
            "for the two series, #1f2937 for text, Lato, 8px rounded corners, #ffffff "
            "background. Flat, no animation, tooltips, legend that toggles series.",
            "Please draw grouped bars of voluntary and involuntary exits for each quarter below, "
            "quarters in the given order, and put three computed figures in the subtitle: total "
            "voluntary exits, total involuntary exits and the voluntary share (percent, one "
            "decimal). Voluntary #2563eb, involuntary #f59e0b, text #1f2937, Lato, 8px radius, "
            "#ffffff background. No animation, no shadows, no gradients. Tooltips and a legend "
            "whose entries toggle their series.",
            "Build a grouped bar chart from the CSV below: for each quarter, one bar for "
            "voluntary_exits and one for involuntary_exits, quarters in row order, y-axis from "
            "zero in whole exits. Subtitle: total voluntary exits, total involuntary exits, and "
            "voluntary share = voluntary / all exits (percent, one decimal). Colors #2563eb "
            "voluntary, #f59e0b involuntary, #1f2937 text; Lato; 8px radius; #ffffff "
            "background. No animation, shadows or gradients. Tooltips; clickable legend toggles.",
            "Create a grouped (side-by-side) bar chart from the CSV below (quarter, "
            "voluntary_exits, involuntary_exits), quarters in row order, integer y-axis from "
            "zero, a legend for the two series. The subtitle states the total voluntary exits, "
            "the total involuntary exits and the voluntary share of all exits to one decimal. "
            "Tokens: voluntary #2563eb, involuntary #f59e0b, text #1f2937, Lato, 8px corners, "
            "#ffffff background. No animation, shadows or gradients. Tooltip per bar; clicking "
            "a legend entry hides or shows its series.",
            "Grouped bar chart of voluntary and involuntary exits per quarter from the CSV "
            "below, row order kept, y-axis from zero with integer ticks, legend on top. "
            "Subtitle with three computed figures: sum of voluntary_exits, sum of "
            "involuntary_exits, and the voluntary share of all exits in percent (one decimal). "
            "Series colors #2563eb (voluntary) and #f59e0b (involuntary); text and axes "
            "#1f2937; font Lato; corner radius 8px; background #ffffff. No animation, shadows "
            "or gradients. Tooltips on bars; legend entries toggle their series on click.",
            "Ticket: grouped bar chart from the CSV below (quarter, voluntary_exits, "
            "involuntary_exits): two bars per quarter in row order, integer y-axis from zero, "
            "legend on top. Subtitle: total voluntary exits, total involuntary exits, and "
            "voluntary share = sum(voluntary) / sum(all exits) x 100, one decimal. Tokens: "
            "voluntary fill #2563eb, involuntary fill #f59e0b, text/axis color #1f2937, font "
            "family Lato, corner radius 8px (bars and card), background #ffffff. Rules: no "
            "animation, no shadows, no gradients. Interaction: tooltip on each bar with quarter, "
            "series and count; clicking a legend entry toggles its series.",
        ],
        rows=rows,
        chart_type="bar",
        labels=column(rows, "quarter"),
        values=[
            *column(rows, "voluntary_exits"),
            *column(rows, "involuntary_exits"),
            voluntary,
            involuntary,
            share,
        ],
        decimals=1,
        colors=["#2563eb", "#f59e0b", "#1f2937"],
        font="Lato",
        radius="8px",
        background="#ffffff",
        difficulty=MEDIUM,
        interactivity=("tooltip", "legend_toggle"),
    )
    subtitle = (
        f"Company-wide, 2024-Q2 to 2026-Q1. Voluntary exits: {voluntary}; involuntary exits: "
        f"{involuntary}; voluntary share: {share}%"
    )
    return task, authoring.render(PACKAGE, "DA_C_M01.html", data=script_json(rows),
                                  subtitle=esc(subtitle))  # fmt: skip


def _c_m02(data: ChartData) -> ChartSolved:
    rows = sorted(data.salary_ranges_by_level(), key=lambda r: -r["median_usd"])
    iqr = data.salary_ranges_computed()["iqr_usd"]
    shown = [{**r, "iqr_usd": iqr[r["level"]]} for r in rows]
    task = _task(
        "DA_C_M02",
        "Base pay quartiles by level",
        [
            "grouped bars p25/median/p75 pay by level (csv below), sort by median desc, $K "
            "format, IQR in tooltip. #93c5fd #1d4ed8 #0f172a, txt #111827, montserrat, 10px, bg "
            "#f9fafb, no anim/shadow/gradient, legend toggle",
            "pay quartiles per level as bars (3 per level: p25 #93c5fd, median #1d4ed8, p75 "
            "#0f172a) highest median first, amounts like $100.7K, tooltip w/ interquartile "
            "range. text #111827 Montserrat 10px corners bg #f9fafb. flat, no animation, "
            "clickable legend",
            "salary p25/median/p75 by level grouped bar chart sorted by median, dollars in K, "
            "tooltip shows p75-p25. colors #93c5fd/#1d4ed8/#0f172a + #111827 text, montserrat, "
            "radius 10px, bg #f9fafb, no shadows no gradients no animation, legend toggles",
            "Can you chart base pay by level from the data below as grouped bars (25th "
            "percentile, median, 75th percentile), levels sorted by median from highest, "
            "amounts formatted like $100.7K, with the interquartile range in the tooltip? "
            "#93c5fd, #1d4ed8 and #0f172a for the three series, #111827 text, Montserrat, 10px "
            "corners, #f9fafb background. No animation, shadows or gradients; legend toggles.",
            "I'd like grouped bars of the pay quartiles per level from the data below, levels "
            "ordered by median pay (highest first), values shown in thousands of dollars with "
            "one decimal, and each tooltip giving the level's interquartile range (p75 minus "
            "p25). Series #93c5fd (p25), #1d4ed8 (median), #0f172a (p75); text #111827; "
            "Montserrat; 10px radius; #f9fafb background. Flat, no animation, clickable legend.",
            "Please build a grouped bar chart of the 25th percentile, median and 75th "
            "percentile of base pay per level (data below). Sort the levels by median, "
            "descending; format amounts as $K with one decimal; show the interquartile range "
            "(75th minus 25th percentile) in each level's tooltip. Colors #93c5fd, #1d4ed8, "
            "#0f172a for the series, #111827 for text; Montserrat; 10px radius; background "
            "#f9fafb. No animation, shadows or gradients. Legend entries toggle their series.",
            "Build a grouped bar chart from the CSV below: per level, bars for p25_usd, "
            "median_usd and p75_usd; levels sorted by median_usd descending; y-axis and labels "
            "in USD thousands with one decimal ($100.7K); the tooltip of each level adds its "
            "interquartile range (p75_usd - p25_usd). Series colors #93c5fd, #1d4ed8, #0f172a; "
            "text #111827; Montserrat; 10px radius; #f9fafb background. No animation, shadows "
            "or gradients. Tooltips; clickable legend toggles series.",
            "Create a grouped bar chart from the CSV below (level, employees, p25_usd, "
            "median_usd, p75_usd): three bars per level, levels sorted by median_usd from "
            "highest to lowest, amounts formatted as $K with one decimal, legend on top, and a "
            "tooltip per level listing the three values plus the computed interquartile range "
            "(p75_usd - p25_usd). Tokens: #93c5fd p25, #1d4ed8 median, #0f172a p75, #111827 "
            "text, Montserrat, 10px corners, #f9fafb background. No animation, shadows or "
            "gradients. Legend click toggles a series.",
            "Grouped bar chart of base pay quartiles by level from the CSV below: series "
            "p25_usd, median_usd, p75_usd; levels ordered by median_usd descending; y-axis and "
            "tooltip amounts in thousands of USD with one decimal; tooltip also shows the "
            "interquartile range p75_usd - p25_usd. Colors #93c5fd (p25), #1d4ed8 (median), "
            "#0f172a (p75); text and axes #111827; font Montserrat; corner radius 10px; "
            "background #f9fafb. No animation, shadows or gradients. Tooltips; legend toggles.",
            "Ticket: grouped bar chart from the CSV below (level, employees, p25_usd, "
            "median_usd, p75_usd), three bars per level (p25, median, p75), levels sorted by "
            "median_usd descending, y-axis and tooltips formatted as USD thousands with one "
            "decimal ($100.7K). Each level's tooltip lists its employees, the three values and "
            "the interquartile range (p75_usd - p25_usd). Tokens: series #93c5fd, #1d4ed8, "
            "#0f172a; text/axis color #111827; font family Montserrat; corner radius 10px; "
            "background #f9fafb. Rules: no animation, no shadows, no gradients. Interaction: "
            "tooltips; clicking a legend entry toggles its series.",
        ],
        rows=rows,
        chart_type="bar",
        labels=column(rows, "level"),
        values=[
            *column(rows, "p25_usd"),
            *column(rows, "median_usd"),
            *column(rows, "p75_usd"),
            *(iqr[r["level"]] for r in rows),
        ],
        decimals=0,
        compact=True,
        colors=["#93c5fd", "#1d4ed8", "#0f172a", "#111827"],
        font="Montserrat",
        radius="10px",
        background="#f9fafb",
        difficulty=MEDIUM,
        interactivity=("tooltip", "legend_toggle"),
    )
    return task, authoring.render(PACKAGE, "DA_C_M02.html", data=script_json(shown))


def _c_m03(data: ChartData) -> ChartSolved:
    names = ("Sales", "Customer Success", "Engineering")
    rows = [r for r in data.enps_trend() if r["department"] in names]
    first, last = rows[0]["quarter"], rows[-1]["quarter"]
    by = {(r["quarter"], r["department"]): r["enps"] for r in rows}
    changes = {n: round(by[(last, n)] - by[(first, n)], 1) for n in names}
    task = _task(
        "DA_C_M03",
        "eNPS by quarter for Sales, Customer Success and Engineering",
        [
            "3 lines enps by qtr: sales #e11d48, cust success #0891b2, eng #65a30d (data "
            "below). legend shows change first->last qtr. txt #3f3f46 karla 12px bg #fffdf7, no "
            "anim/shadow/gradient, tooltips, legend toggle",
            "enps trend lines for sales/cs/engineering over the quarters, each legend entry "
            "with its change since the first quarter (+/-). #e11d48 #0891b2 #65a30d, text "
            "#3f3f46, Karla, 12px radius, bg #fffdf7. flat, no animation, tooltips, clickable "
            "legend",
            "line chart enps per quarter, 3 depts (sales #e11d48, customer success #0891b2, "
            "engineering #65a30d), change over period in legend. karla, txt #3f3f46, radius "
            "12px, bg #fffdf7, no shadows/gradients/animation, hover tooltips + legend toggle",
            "Can you draw eNPS per quarter for Sales, Customer Success and Engineering from the "
            "data below as three lines, with each department's change from the first to the "
            "last quarter in its legend entry? Sales #e11d48, Customer Success #0891b2, "
            "Engineering #65a30d, text #3f3f46, Karla, 12px corners, #fffdf7 background. No "
            "animation, shadows or gradients. Tooltips and a legend that toggles lines.",
            "I'd like a line chart of the eNPS of Sales, Customer Success and Engineering "
            "quarter by quarter (data below). Put each department's change between the first "
            "and the last quarter (signed, one decimal) in the legend. Sales #e11d48, Customer "
            "Success #0891b2, Engineering #65a30d; text #3f3f46; Karla; 12px radius; #fffdf7 "
            "background. Flat, no animation, tooltips, legend click toggles a line.",
            "Please plot the eNPS of Sales, Customer Success and Engineering in each survey "
            "quarter below as three lines, quarters in order, y-axis from -100 to 100 with the "
            "zero line shown, and label each legend entry with the department's change from "
            "the first quarter to the last (signed, one decimal). Colors #e11d48, #0891b2, "
            "#65a30d; text #3f3f46; Karla; 12px radius; background #fffdf7. No animation, "
            "shadows or gradients. Tooltips; legend entries toggle their lines.",
            "Build a multi-line chart from the CSV below (quarter, department, enps): one line "
            "per department for Sales, Customer Success and Engineering, quarters in order on "
            "the x-axis, eNPS from -100 to 100 on the y-axis with a zero line. Each legend "
            "entry shows the change from the first to the last quarter, signed, one decimal. "
            "Sales #e11d48, Customer Success #0891b2, Engineering #65a30d, text #3f3f46, Karla, "
            "12px radius, #fffdf7 background. No animation, shadows or gradients. Tooltips; "
            "clickable legend.",
            "Create a line chart from the CSV below with three series (Sales, Customer Success, "
            "Engineering), one point per quarter in row order, y-axis from -100 to 100 with the "
            "zero line drawn, markers on points. Each legend label includes the department's "
            "eNPS change from the first quarter to the last, signed with one decimal. Tokens: "
            "Sales #e11d48, Customer Success #0891b2, Engineering #65a30d, text #3f3f46, Karla, "
            "12px corners, #fffdf7 background. No animation, shadows or gradients. Tooltip per "
            "point; legend entries toggle lines.",
            "Three-series line chart of eNPS by quarter from the CSV below (Sales, Customer "
            "Success, Engineering), quarters in row order, y-axis fixed from -100 to 100 with "
            "a zero line, point markers with one-decimal tooltips. Legend labels carry each "
            "department's change from the first quarter to the last (last minus first, signed, "
            "one decimal). Colors Sales #e11d48, Customer Success #0891b2, Engineering #65a30d; "
            "text #3f3f46; font Karla; radius 12px; background #fffdf7. No animation, shadows "
            "or gradients. Tooltips; legend click toggles a series.",
            "Ticket: line chart from the CSV below (quarter, department, enps), one series per "
            "department - Sales, Customer Success, Engineering - with a point per quarter in "
            "row order; y-axis -100..100 with a zero line; legend labels include each "
            "department's eNPS change, last quarter minus first, signed, one decimal. Tokens: "
            "Sales #e11d48, Customer Success #0891b2, Engineering #65a30d, text/axis color "
            "#3f3f46, font family Karla, corner radius 12px, background #fffdf7. Rules: no "
            "animation, no shadows, no gradients. Interaction: tooltip on each point "
            "(department, quarter, eNPS); clicking a legend entry toggles its line.",
        ],
        rows=rows,
        chart_type="line",
        labels=[*dict.fromkeys(column(rows, "quarter")), *names],
        values=[*column(rows, "enps"), *changes.values()],
        decimals=1,
        colors=["#e11d48", "#0891b2", "#65a30d", "#3f3f46"],
        font="Karla",
        radius="12px",
        background="#fffdf7",
        difficulty=MEDIUM,
        interactivity=("tooltip", "legend_toggle"),
    )
    return task, authoring.render(PACKAGE, "DA_C_M03.html", data=script_json(rows),
                                  changes=script_json(changes))  # fmt: skip


def _c_m04(data: ChartData) -> ChartSolved:
    rows = data.training_completion_by_course()
    split = [
        {
            "course": r["course"],
            "on_time": r["completed_on_time"],
            "late": r["completed"] - r["completed_on_time"],
            "not_completed": r["enrolled"] - r["completed"],
            "completion_pct": round(100 * r["completed"] / r["enrolled"], 1),
        }
        for r in rows
    ]
    split.sort(key=lambda r: -r["completion_pct"])
    rates = [r["completion_pct"] for r in split]
    assert len(set(rates)) == len(rates)  # the sort has no ties
    task = _task(
        "DA_C_M04",
        "Mandatory courses: on time, late, not completed",
        [
            "grouped bars per mandatory course: on time #059669 / late #d97706 / not done "
            "#9ca3af (work them out from the csv), sort by completion %, % in tooltip. txt "
            "#111827 nunito sans 6px bg #ffffff, no anim/shadow/gradient, legend toggle",
            "for each mandatory course 3 bars - completed on time, completed late, not "
            "completed - highest completion rate first, rate shown on hover. #059669 #d97706 "
            "#9ca3af, text #111827, Nunito Sans, 6px corners, bg #ffffff, flat no animation, "
            "clickable legend",
            "mandatory training status by course as grouped bar chart (on time/late/not "
            "completed), sorted by completion rate desc, tooltip w/ rate. colors #059669 "
            "#d97706 #9ca3af + #111827 txt, nunito sans, radius 6px, bg #ffffff, no shadows "
            "gradients or animation, legend toggles",
            "Can you chart, per mandatory course in the data below, how many people completed "
            "on time, completed late and have not completed, as grouped bars? Sort the courses "
            "by completion rate, highest first, and show the rate in the tooltip. On time "
            "#059669, late #d97706, not completed #9ca3af, text #111827, Nunito Sans, 6px "
            "corners, #ffffff background. No animation, shadows or gradients; legend toggles.",
            "I'd like grouped bars for each mandatory course below: completed on time, "
            "completed late (completed minus on time) and not completed (enrolled minus "
            "completed). Order courses by completion rate from highest, with the rate in each "
            "tooltip. Colors #059669, #d97706, #9ca3af; text #111827; Nunito Sans; 6px radius; "
            "#ffffff background. Flat, no animation, a legend that toggles series.",
            "Please build a grouped bar chart with three bars per mandatory course: on time "
            "(completed_on_time), late (completed - completed_on_time) and not completed "
            "(enrolled - completed). Sort the courses by completion rate (completed / enrolled) "
            "descending and give the rate, one decimal, in each course's tooltip. #059669, "
            "#d97706, #9ca3af for the series; #111827 text; Nunito Sans; 6px radius; #ffffff "
            "background. No animation, shadows or gradients. Legend entries toggle series.",
            "Build a grouped bar chart from the CSV below: for each course, bars for on time = "
            "completed_on_time, late = completed - completed_on_time and not completed = "
            "enrolled - completed; courses sorted by completion rate = completed / enrolled, "
            "highest first; integer y-axis from zero; the tooltip adds the completion rate in "
            "percent, one decimal. Series #059669, #d97706, #9ca3af; text #111827; Nunito "
            "Sans; 6px radius; #ffffff background. No animation, shadows or gradients. "
            "Clickable legend.",
            "Create a grouped bar chart from the CSV below (course, deadline, enrolled, "
            "completed, completed_on_time) with three computed series per course - on time, "
            "late (completed minus on time), not completed (enrolled minus completed) - courses "
            "ordered by completion rate (completed / enrolled) descending, integer y-axis, "
            "legend on top, and a tooltip giving each count and the completion rate to one "
            "decimal. Tokens: #059669 on time, #d97706 late, #9ca3af not completed, #111827 "
            "text, Nunito Sans, 6px corners, #ffffff background. No animation, shadows or "
            "gradients. Legend click toggles a series.",
            "Grouped bar chart of mandatory-course outcomes from the CSV below: series on time "
            "(completed_on_time), late (completed - completed_on_time), not completed (enrolled "
            "- completed); courses sorted by completed / enrolled descending; y-axis counts from "
            "zero; tooltips with the three counts and the completion rate in percent to one "
            "decimal. Colors #059669, #d97706, #9ca3af; text and axes #111827; font Nunito "
            "Sans; corner radius 6px; background #ffffff. No animation, shadows or gradients. "
            "Legend entries toggle their series.",
            "Ticket: grouped bar chart from the CSV below (course, deadline, enrolled, "
            "completed, completed_on_time), three computed bars per course: on time = "
            "completed_on_time, late = completed - completed_on_time, not completed = enrolled "
            "- completed; courses sorted by completion rate = completed / enrolled x 100 "
            "descending; integer y-axis from zero; legend on top. Tooltips show the counts and "
            "the completion rate to one decimal. Tokens: on time #059669, late #d97706, not "
            "completed #9ca3af, text/axis color #111827, font family Nunito Sans, corner radius "
            "6px, background #ffffff. Rules: no animation, no shadows, no gradients. "
            "Interaction: tooltips; clicking a legend entry toggles its series.",
        ],
        rows=rows,
        chart_type="bar",
        labels=column(split, "course"),
        values=[
            *column(split, "on_time"),
            *column(split, "late"),
            *column(split, "not_completed"),
            *rates,
        ],
        decimals=1,
        colors=["#059669", "#d97706", "#9ca3af", "#111827"],
        font="Nunito Sans",
        radius="6px",
        background="#ffffff",
        difficulty=MEDIUM,
        interactivity=("tooltip", "legend_toggle"),
    )
    return task, authoring.render(PACKAGE, "DA_C_M04.html", data=script_json(split))


def _c_m05(data: ChartData) -> ChartSolved:
    year_ago = data.today.replace(year=data.today.year - 1)
    before = headcount(data.fixtures, year_ago, "location")
    now = headcount(data.fixtures, data.today, "location")
    cities = {loc.id: loc.city for loc in data.fixtures.locations}
    rows: list[dict[str, Any]] = [
        {
            "office": cities[o],
            "headcount_2025_04_08": before.get(o, 0),
            "headcount_2026_04_08": now.get(o, 0),
        }
        for o in sorted(cities, key=lambda o: cities[o])
    ]
    shown = [
        {**r, "growth_pct": round(100 * (r["headcount_2026_04_08"] / r["headcount_2025_04_08"]
                                         - 1), 1)}
        for r in rows
    ]  # fmt: skip
    shown.sort(key=lambda r: -r["growth_pct"])
    growth = [r["growth_pct"] for r in shown]
    assert len(set(growth)) == len(growth)  # the sort has no ties
    total_before = sum(r["headcount_2025_04_08"] for r in rows)
    total_now = sum(r["headcount_2026_04_08"] for r in rows)
    overall = round(100 * (total_now / total_before - 1), 1)
    assert year_ago == dt.date(2025, 4, 8)
    task = _task(
        "DA_C_M05",
        "Headcount by office, a year apart",
        [
            "grouped bars headcount per office 2025-04-08 vs 2026-04-08 (csv), sort by growth "
            "%, growth on axis/tooltip, company growth in subtitle. #a5b4fc then, #4f46e5 now, "
            "txt #1e293b, open sans, 8px, bg #f8fafc, no anim/shadow/gradient, legend toggle",
            "office headcount a year ago vs today as grouped bars, fastest growing office "
            "first, show each office's growth % and the company's. #a5b4fc / #4f46e5, text "
            "#1e293b, Open Sans, 8px corners, bg #f8fafc. flat, no animation, tooltips, legend "
            "click",
            "headcount by office then vs now bar chart, sorted by % growth, growth labels + "
            "overall growth. colors #a5b4fc #4f46e5 txt #1e293b open sans radius 8px bg "
            "#f8fafc. no shadows/gradients/animation, hover tooltips, legend toggle",
            "Can you make a grouped bar chart comparing each office's headcount on 2025-04-08 "
            "and 2026-04-08 (data below), offices sorted by growth from highest, with each "
            "office's growth percentage and the company's overall growth shown? A year ago "
            "#a5b4fc, today #4f46e5, text #1e293b, Open Sans, 8px corners, #f8fafc background. "
            "No animation, shadows or gradients; tooltips and a legend that toggles.",
            "I'd like grouped bars of headcount per office a year ago and today from the data "
            "below. Sort the offices by percentage growth (highest first), show each office's "
            "growth under its bars and in the tooltip, and put the company-wide growth in the "
            "subtitle. #a5b4fc for 2025-04-08, #4f46e5 for 2026-04-08, #1e293b text, Open "
            "Sans, 8px radius, #f8fafc background. Flat, no animation, clickable legend.",
            "Please build a grouped bar chart of headcount per office on 2025-04-08 and on "
            "2026-04-08 from the data below, offices ordered by growth (today / a year ago - 1, "
            "percent, one decimal) from highest to lowest. Show each office's growth on the "
            "axis label and in its tooltip, and the company's total growth in the subtitle. "
            "Colors #a5b4fc and #4f46e5, text #1e293b, Open Sans, 8px radius, background "
            "#f8fafc. No animation, shadows or gradients. Legend entries toggle series.",
            "Build a grouped bar chart from the CSV below: per office, bars for "
            "headcount_2025_04_08 and headcount_2026_04_08; offices sorted by growth = "
            "2026 / 2025 - 1 in percent (one decimal), highest first; growth shown under each "
            "office and in the tooltip; the subtitle states the company's growth from the "
            "column totals. Series #a5b4fc (2025) and #4f46e5 (2026), text #1e293b, Open Sans, "
            "8px radius, #f8fafc background. No animation, shadows or gradients. Clickable "
            "legend.",
            "Create a grouped bar chart from the CSV below (office, headcount_2025_04_08, "
            "headcount_2026_04_08): two bars per office, offices sorted by percentage growth "
            "descending, each office's growth (one decimal, signed) on its axis label and in "
            "its tooltip, and the company-wide growth (sum of the 2026 column over the sum of "
            "the 2025 column, minus one) in the subtitle. Tokens: #a5b4fc a year ago, #4f46e5 "
            "today, #1e293b text, Open Sans, 8px corners, #f8fafc background. No animation, "
            "shadows or gradients. Legend toggles series.",
            "Grouped bar chart of headcount by office on 2025-04-08 and 2026-04-08 from the "
            "CSV below; offices ordered by growth (headcount_2026_04_08 / headcount_2025_04_08 "
            "- 1, percent, one decimal, signed) descending; growth shown on the category label "
            "and in the tooltip; subtitle with the company growth from the column totals. "
            "Colors #a5b4fc (2025-04-08) and #4f46e5 (2026-04-08); text and axes #1e293b; font "
            "Open Sans; corner radius 8px; background #f8fafc. No animation, shadows or "
            "gradients. Tooltips; legend click toggles a series.",
            "Ticket: grouped bar chart from the CSV below (office, headcount_2025_04_08, "
            "headcount_2026_04_08), two bars per office, offices sorted by growth = "
            "headcount_2026_04_08 / headcount_2025_04_08 - 1 (percent, one decimal, signed) "
            "descending, growth shown on each category label and tooltip; subtitle states the "
            "company-wide growth computed from the column totals (one decimal). Tokens: "
            "2025-04-08 fill #a5b4fc, 2026-04-08 fill #4f46e5, text/axis color #1e293b, font "
            "family Open Sans, corner radius 8px, background #f8fafc. Rules: no animation, no "
            "shadows, no gradients. Interaction: tooltips; clicking a legend entry toggles its "
            "series.",
        ],
        rows=rows,
        chart_type="bar",
        labels=column(shown, "office"),
        values=[
            *column(rows, "headcount_2025_04_08"),
            *column(rows, "headcount_2026_04_08"),
            *growth,
            overall,
        ],
        decimals=1,
        colors=["#a5b4fc", "#4f46e5", "#1e293b"],
        font="Open Sans",
        radius="8px",
        background="#f8fafc",
        difficulty=MEDIUM,
        interactivity=("tooltip", "legend_toggle"),
    )
    subtitle = (
        f"Everyone employed on each day, by office. Company growth: {total_before} to "
        f"{total_now} ({'+' if overall > 0 else ''}{overall}%)"
    )
    return task, authoring.render(PACKAGE, "DA_C_M05.html", data=script_json(shown),
                                  subtitle=esc(subtitle))  # fmt: skip


def _month_ends(last: dt.date, count: int) -> list[dt.date]:
    """The last ``count`` month ends up to ``last`` (itself a month end), oldest first."""
    ends = [last]
    while len(ends) < count:
        ends.append(ends[-1].replace(day=1) - dt.timedelta(days=1))
    return ends[::-1]


def _c_h01(data: ChartData) -> ChartSolved:
    months = _month_ends(dt.date(2026, 3, 31), 24)
    rows: list[dict[str, Any]] = []
    shown: list[dict[str, Any]] = []
    for end in months:
        counts = headcount(data.fixtures, end, "department")
        by_name = {data.names[d]: counts.get(d, 0) for d in data.names}
        rows.append({"month": end.isoformat()[:7], **by_name})
        other = sum(v for k, v in by_name.items() if k not in BIG_THREE)
        shown.append(
            {"month": end.isoformat()[:7], **{k: by_name[k] for k in BIG_THREE}, "Other": other,
             "total": sum(by_name.values())}
        )  # fmt: skip
    others = ", ".join(k for k in data.names.values() if k not in BIG_THREE)
    task = _task(
        "DA_C_H01",
        "Headcount by month, stacked by department",
        [
            "stacked bars headcount per month end (csv below): eng #1d4ed8, sales #dc2626, cs "
            "#0d9488, everyone else summed as Other #a8a29e, total on top of each bar. txt "
            "#1c1917 work sans 4px bg #ffffff no anim/shadow/gradient, tooltips + legend toggle",
            "monthly headcount stacked: Engineering / Sales / Customer Success / Other (the rest "
            "added up), month total labelled on each stack. #1d4ed8 #dc2626 #0d9488 #a8a29e, "
            "text #1c1917, Work Sans, 4px corners, bg #ffffff, flat, no animation, tooltip, "
            "legend click",
            "stacked bar chart of month-end headcount, 4 segments (eng, sales, cust success, "
            "other = remaining depts summed), totals on top. colors #1d4ed8 #dc2626 #0d9488 "
            "#a8a29e txt #1c1917 work sans radius 4px bg #ffffff no shadows gradients animation, "
            "tooltips, legend toggles",
            "Can you make a stacked bar chart of headcount at each month end from the data "
            "below, with Engineering, Sales and Customer Success as their own segments and the "
            "other five departments added up as Other, plus the month's total on top? "
            "#1d4ed8, #dc2626, #0d9488, #a8a29e for the segments, #1c1917 text, Work Sans, 4px "
            "corners, #ffffff background. No animation, shadows or gradients; tooltips and a "
            "legend that toggles.",
            "I'd like month-end headcount as stacked bars from the data below: Engineering "
            "#1d4ed8, Sales #dc2626, Customer Success #0d9488, and one Other segment #a8a29e "
            f"that sums {others}. Label each bar with the month's total headcount. Text "
            "#1c1917, Work Sans, 4px radius, #ffffff background. Flat, no animation, tooltips, "
            "clickable legend.",
            "Please build a stacked bar chart with one bar per month end (in the order given) "
            "and four segments: Engineering, Sales, Customer Success, and Other - the sum of "
            f"{others}. Show the total headcount of each month above its bar. Segment colors "
            "#1d4ed8, #dc2626, #0d9488, #a8a29e; text #1c1917; Work Sans; 4px radius; "
            "background #ffffff. No animation, shadows or gradients. Tooltips with every "
            "segment and the total; legend entries toggle segments.",
            "Build a stacked bar chart from the CSV below (month, then one column per "
            "department): one bar per month in row order, segments Engineering, Sales, "
            f"Customer Success and Other = {others} summed per month; each bar labelled with "
            "the month's total (sum of all departments). Colors #1d4ed8, #dc2626, #0d9488, "
            "#a8a29e; text #1c1917; Work Sans; 4px radius; #ffffff background. No animation, "
            "shadows or gradients. Tooltip per month; clickable legend.",
            "Create a stacked bar chart of month-end headcount from the CSV below: 24 bars in "
            "row order, four stacked segments - Engineering, Sales, Customer Success and Other "
            f"(the per-month sum of {others}) - and a label above each bar with the month's "
            "total headcount. Tokens: #1d4ed8, #dc2626, #0d9488, #a8a29e for the segments, "
            "#1c1917 text, Work Sans, 4px corners, #ffffff background. No animation, shadows or "
            "gradients. Tooltip with the four segments and the total; legend click toggles.",
            "Stacked bar chart, headcount at each month end from the CSV below (24 months, row "
            "order): segments Engineering (#1d4ed8), Sales (#dc2626), Customer Success "
            f"(#0d9488) and Other (#a8a29e), Other being the sum of {others} that month; the "
            "total of all eight departments labelled above each bar. Text and axes #1c1917; "
            "font Work Sans; corner radius 4px; background #ffffff. No animation, shadows or "
            "gradients. Tooltips list the segments and the total; legend entries toggle.",
            "Ticket: stacked bar chart from the CSV below (month, one headcount column per "
            "department), one bar per month in row order. Segments: Engineering #1d4ed8, Sales "
            f"#dc2626, Customer Success #0d9488, Other #a8a29e = {others} summed per month. "
            "Label above each bar: the month's total headcount (all eight departments). "
            "Tokens: text/axis color #1c1917, font family Work Sans, corner radius 4px, "
            "background #ffffff. Rules: no animation, no shadows, no gradients. Interaction: "
            "tooltip per month with each segment and the total; clicking a legend entry "
            "toggles its segment.",
        ],
        rows=rows,
        chart_type="stacked_bar",
        labels=column(shown, "month"),
        values=[*(r[k] for r in shown for k in (*BIG_THREE, "Other", "total"))],
        decimals=0,
        colors=["#1d4ed8", "#dc2626", "#0d9488", "#a8a29e", "#1c1917"],
        font="Work Sans",
        radius="4px",
        background="#ffffff",
        difficulty=HARD,
        interactivity=("tooltip", "legend_toggle"),
    )
    return task, authoring.render(PACKAGE, "DA_C_H01.html", data=script_json(shown))


def _c_h02(data: ChartData) -> ChartSolved:
    trend = data.attrition_trend()
    moving = data.attrition_trend_computed()["moving_average_4q"]
    rows = [
        {
            "quarter": r["quarter"],
            "exits": r["voluntary_exits"] + r["involuntary_exits"],
            "annualized_rate_pct": r["annualized_rate_pct"],
        }
        for r in trend
    ]
    shown = [{**r, "moving_average_4q": moving.get(r["quarter"])} for r in rows]
    task = _task(
        "DA_C_H02",
        "Exits and annualised attrition, with a moving average",
        [
            "dual axis: exits per qtr as bars #94a3b8 (left), annualized attrition line "
            "#7c3aed + 4-qtr moving avg dashed #f97316 (right, %). csv below. txt #0f172a "
            "figtree 6px bg #ffffff, no anim/shadow/gradient, tooltips, legend toggle",
            "exits bars + attrition rate line on a 2nd axis + trailing 4 quarter avg of the "
            "rate (from the 4th quarter on). #94a3b8 #7c3aed #f97316, text #0f172a, Figtree, "
            "6px corners, bg #ffffff. flat no animation, tooltips, clickable legend",
            "combo chart: bars = exits, line = annualised rate, dashed line = 4q moving average "
            "of the rate, rate on right axis. colors #94a3b8/#7c3aed/#f97316 txt #0f172a "
            "figtree radius 6px bg #ffffff no shadows gradients animation, tooltips + legend "
            "toggles",
            "Can you make a dual-axis chart from the data below: exits per quarter as bars on "
            "the left axis, the annualised attrition rate as a line on the right axis, and a "
            "dashed line for its 4-quarter moving average (from the fourth quarter on)? Bars "
            "#94a3b8, rate #7c3aed, average #f97316, text #0f172a, Figtree, 6px corners, "
            "#ffffff background. No animation, shadows or gradients; tooltips and a legend "
            "that toggles.",
            "I'd like exits and attrition together (data below): bars for exits per quarter "
            "(left axis), a line for the annualised rate in percent (right axis), and a dashed "
            "line with the trailing four-quarter average of that rate, starting at the fourth "
            "quarter. #94a3b8, #7c3aed and #f97316; text #0f172a; Figtree; 6px radius; "
            "#ffffff background. Flat, no animation, tooltips, clickable legend.",
            "Please build a combined bar and line chart with two y-axes: exits per quarter as "
            "#94a3b8 bars on the left axis; the annualised attrition rate as a #7c3aed line and "
            "its 4-quarter moving average (mean of that quarter and the three before; none for "
            "the first three) as a dashed #f97316 line, both on the right axis in percent. Text "
            "#0f172a, Figtree, 6px radius, #ffffff background. No animation, shadows or "
            "gradients. Tooltips; legend toggles.",
            "Build a dual-axis chart from the CSV below: bars of exits per quarter (left "
            "axis, integers), a line of annualized_rate_pct (right axis, percent), and a dashed "
            "line of the 4-quarter moving average of annualized_rate_pct, computed as the mean "
            "of the current and three previous quarters, shown from the fourth quarter. Colors "
            "#94a3b8 bars, #7c3aed rate, #f97316 average; text #0f172a; Figtree; 6px radius; "
            "#ffffff background. No animation, shadows or gradients. Tooltips; clickable legend.",
            "Create a combined chart from the CSV below (quarter, exits, annualized_rate_pct): "
            "exits as bars on a left axis from zero; annualized_rate_pct as a line on a right "
            "axis in percent; and a derived dashed line, the trailing 4-quarter moving average "
            "of the rate (two decimals, first value at the fourth quarter). Tokens: #94a3b8 "
            "bars, #7c3aed rate line, #f97316 average line, #0f172a text, Figtree, 6px corners, "
            "#ffffff background. No animation, shadows or gradients. Tooltips; legend click "
            "toggles a series.",
            "Dual-axis chart from the CSV below, quarters in row order: exits as bars (left "
            "axis, from zero), annualized_rate_pct as a solid line (right axis, percent), and "
            "its trailing 4-quarter moving average - the mean of the quarter and the three "
            "before it, two decimals, starting with the fourth quarter - as a dashed line on "
            "the right axis. Colors #94a3b8, #7c3aed, #f97316; text and axes #0f172a; font "
            "Figtree; corner radius 6px; background #ffffff. No animation, shadows or "
            "gradients. Tooltips; legend entries toggle.",
            "Ticket: dual-axis combo chart from the CSV below (quarter, exits, "
            "annualized_rate_pct), quarters in row order. Left axis: exits as bars from zero. "
            "Right axis (percent): annualized_rate_pct as a solid line and a dashed line of its "
            "trailing 4-quarter moving average = mean of the current and three previous "
            "quarters' rates, two decimals, first shown at the fourth quarter. Tokens: bars "
            "#94a3b8, rate line #7c3aed, average line #f97316, text/axis color #0f172a, font "
            "family Figtree, corner radius 6px, background #ffffff. Rules: no animation, no "
            "shadows, no gradients. Interaction: tooltips; clicking a legend entry toggles its "
            "series.",
        ],
        rows=rows,
        chart_type="bar",
        labels=column(rows, "quarter"),
        values=[*column(rows, "exits"), *column(rows, "annualized_rate_pct"), *moving.values()],
        decimals=2,
        colors=["#94a3b8", "#7c3aed", "#f97316", "#0f172a"],
        font="Figtree",
        radius="6px",
        background="#ffffff",
        difficulty=HARD,
        interactivity=("tooltip", "legend_toggle"),
    )
    return task, authoring.render(PACKAGE, "DA_C_H02.html", data=script_json(shown))


def _ranges(rows: Sequence[dict[str, Any]], widest: str, *, describe: str) -> str:
    """Floating bars from p25 to p75 per level with a median tick, the widest one annotated."""
    width, height, left, right, top, bottom = 880, 400, 72, 16, 40, 48
    low = min(r["p25_usd"] for r in rows)
    high = max(r["p75_usd"] for r in rows)
    grid = ticks(0.0, high, 6)
    y = Scale((grid[0], grid[-1]), (height - bottom, top))
    band = (width - left - right) / len(rows)
    assert low >= grid[0]
    parts = [el("line", x1=left, x2=width - right, y1=y(t), y2=y(t), class_="grid") for t in grid]
    parts += [
        el("text", esc(f"${t / 1000:.0f}K"), x=left - 8, y=y(t) + 4, class_="tick",
           text_anchor="end")
        for t in grid
    ]  # fmt: skip
    for i, row in enumerate(rows):
        x = left + i * band + band * 0.25
        middle = round(x + band * 0.25, 1)
        iqr = row["p75_usd"] - row["p25_usd"]
        tip = el("title", esc(
            f"{row['level']}: P25 ${row['p25_usd']:,}, median ${row['median_usd']:,}, "
            f"P75 ${row['p75_usd']:,}; interquartile range ${iqr:,}"
        ))  # fmt: skip
        kind = "mark down" if row["level"] == widest else "mark up"
        parts.append(
            el("rect", tip, x=round(x, 1), y=round(y(row["p75_usd"]), 1),
               width=round(band * 0.5, 1),
               height=round(y(row["p25_usd"]) - y(row["p75_usd"]), 1), rx=4, class_=kind,
               data_value=iqr, data_p25=row["p25_usd"], data_median=row["median_usd"],
               data_p75=row["p75_usd"])
        )  # fmt: skip
        parts.append(el("line", x1=round(x, 1), x2=round(x + band * 0.5, 1),
                        y1=round(y(row["median_usd"]), 1), y2=round(y(row["median_usd"]), 1),
                        class_="median"))  # fmt: skip
        parts.append(el("text", esc(f"${row['median_usd'] / 1000:.1f}K"), x=middle,
                        y=round(y(row["p75_usd"]) - 6, 1), class_="value"))  # fmt: skip
        parts.append(el("text", esc(row["level"]), x=middle, y=height - bottom + 20,
                        class_="name"))  # fmt: skip
        if row["level"] == widest:
            parts.append(el("text", esc(f"Widest spread: ${iqr:,}"), x=middle,
                            y=round(y(row["p75_usd"]) - 22, 1), class_="note",
                            text_anchor="middle"))  # fmt: skip
    return el("svg", raw(parts), viewBox=f"0 0 {width} {height}", width=width, height=height,
              role="img", aria_label=describe)  # fmt: skip


def _c_h03(data: ChartData) -> ChartSolved:
    rows = data.salary_ranges_by_level()
    iqr = data.salary_ranges_computed()["iqr_usd"]
    widest = max(iqr, key=lambda k: iqr[k])
    assert sorted(iqr.values())[-1] > sorted(iqr.values())[-2]  # one clear widest
    colors = ["#0284c7", "#be123c", "#1e293b"]
    font, radius, background = "Manrope", "4px", "#ffffff"
    task = _task(
        "DA_C_H03",
        "Pay ranges by level, the widest annotated",
        [
            "floating bars p25->p75 per level (csv below) with a median line, label medians, "
            "flag the level w/ the widest spread (p75-p25) in #be123c + note. others #0284c7, "
            "txt #1e293b, manrope 4px bg #ffffff, no anim/shadow/gradient, tooltips",
            "pay range per level as bars from p25 to p75, median marked + labelled, the widest "
            "range highlighted red #be123c with its amount. bars #0284c7, text #1e293b, "
            "Manrope, 4px corners, bg #ffffff. flat no animation, tooltips w/ quartiles + IQR",
            "salary IQR chart: one floating bar per level p25..p75, median tick, widest IQR bar "
            "#be123c + annotation, rest #0284c7. txt #1e293b manrope radius 4px bg #ffffff, no "
            "shadows gradients animation, hover tooltips",
            "Can you draw each level's pay range from the data below as a floating bar from the "
            "25th to the 75th percentile, with the median marked and labelled, and highlight "
            "the level with the widest range (75th minus 25th) in #be123c with a note giving "
            "that range? Other bars #0284c7, text #1e293b, Manrope, 4px corners, #ffffff "
            "background. No animation, shadows or gradients; tooltips.",
            "I'd like a range chart of base pay per level (data below): floating bars from P25 "
            "to P75 with a median line, the median labelled above each bar, and the level with "
            "the widest interquartile range coloured #be123c and annotated with its range. "
            "Bars #0284c7, text #1e293b, Manrope, 4px radius, #ffffff background. Flat, no "
            "animation, tooltips with the three quartiles and the range.",
            "Please build floating bars of pay per level from the data below: each bar spans "
            "p25_usd to p75_usd, a line marks the median and a label shows it in $K. Compute "
            "each level's interquartile range (p75 - p25), colour the widest #be123c and "
            "annotate it with the amount; the others #0284c7. Text #1e293b, Manrope, 4px "
            "radius, background #ffffff. No animation, shadows or gradients. Tooltips.",
            "Build a floating bar (range) chart from the CSV below: per level, a bar from "
            "p25_usd to p75_usd, a median tick at median_usd labelled in $K with one decimal; "
            "the level with the largest p75_usd - p25_usd gets fill #be123c and an annotation "
            "with that range in dollars, the rest #0284c7. Text #1e293b, Manrope, 4px radius, "
            "#ffffff background. No animation, shadows or gradients. Tooltip per bar with the "
            "quartiles and the range.",
            "Create a range chart from the CSV below (level, employees, p25_usd, median_usd, "
            "p75_usd): levels in row order, a floating bar from p25 to p75 for each, a median "
            "line with a $K label (one decimal), tooltips listing P25, median, P75 and the "
            "interquartile range, and the level with the widest range highlighted #be123c with "
            "an annotation stating that range. Tokens: #0284c7 bars, #be123c highlight, "
            "#1e293b text, Manrope, 4px corners, #ffffff background. No animation, shadows or "
            "gradients.",
            "Floating bar chart of pay by level from the CSV below, levels in row order: bars "
            "span p25_usd..p75_usd, a median line at median_usd labelled as $K with one "
            "decimal, tooltips with the three quartiles and the interquartile range "
            "(p75_usd - p25_usd). Highlight the level with the largest interquartile range in "
            "#be123c and annotate it with the range in dollars; other bars #0284c7. Text and "
            "axes #1e293b; font Manrope; radius 4px; background #ffffff. No animation, shadows "
            "or gradients.",
            "Ticket: floating (range) bar chart from the CSV below (level, employees, p25_usd, "
            "median_usd, p75_usd), one bar per level in row order spanning p25_usd to p75_usd, "
            "a median line labelled in $K (one decimal), y-axis in USD from zero. Compute "
            "interquartile range = p75_usd - p25_usd per level; the level with the largest one "
            "is filled #be123c and annotated 'Widest spread' with the amount; the others "
            "#0284c7. Tokens: text/axis color #1e293b, font family Manrope, corner radius 4px, "
            "background #ffffff. Rules: no animation, no shadows, no gradients. Interaction: "
            "tooltip per bar with the quartiles and the interquartile range.",
        ],
        rows=rows,
        chart_type="bar",
        labels=column(rows, "level"),
        values=[
            *column(rows, "p25_usd"),
            *column(rows, "median_usd"),
            *column(rows, "p75_usd"),
            *iqr.values(),
        ],
        decimals=0,
        compact=True,
        colors=colors,
        font=font,
        radius=radius,
        background=background,
        difficulty=HARD,
    )
    chart = _ranges(rows, widest, describe="Base pay range (P25 to P75) and median by level")
    subtitle = "Annual base, USD, current employees; levels of five or more people"
    return task, _card(task.title, subtitle, chart, colors=colors, font=font, radius=radius,
                       background=background)  # fmt: skip


def _c_h04(data: ChartData) -> ChartSolved:
    course = data.fixtures.course_by_id["CRS-105"]
    current = {e.id for e in data.fixtures.employees if e.status != "exited"}
    done: dict[str, int] = {}
    for enrollment in data.fixtures.enrollments:
        if (
            enrollment.course_id == course.id
            and enrollment.completed_at is not None
            and enrollment.employee_id in current
        ):
            day = enrollment.completed_at[:10]
            done[day] = done.get(day, 0) + 1
    start = dt.date.fromisoformat(course.assigned_on or "")
    days = [start + dt.timedelta(days=i) for i in range((data.today - start).days + 1)]
    rows: list[dict[str, Any]] = [
        {"date": d.isoformat(), "completions": done.get(d.isoformat(), 0)} for d in days
    ]
    running: list[dict[str, Any]] = []
    total = 0
    for row in rows:
        total += row["completions"]
        running.append({"date": row["date"], "cumulative": total})
    deadline = course.deadline or ""
    by_deadline = next(r["cumulative"] for r in running if r["date"] == deadline)
    colors, font, radius = ["#ea580c", "#57534e"], "DM Sans", "8px"
    background = "#fafaf9"
    task = _task(
        "DA_C_H04",
        "Security Awareness 2026: cumulative completions and the deadline",
        [
            "running total of security awareness completions by day (csv below, daily counts) "
            "as a line, vertical marker at the 2026-03-31 deadline w/ the total by then. "
            "#ea580c line #57534e txt dm sans 8px bg #fafaf9 no anim/shadow/gradient, tooltips",
            "cumulative completions line for sec awareness 2026 from the daily numbers, "
            "annotate the deadline (31 mar) with how many had finished by then. #ea580c, text "
            "#57534e, DM Sans, 8px corners, bg #fafaf9. flat no animation, tooltip per day",
            "line chart of cumulative course completions per day + deadline line 2026-03-31 "
            "labelled with the count at the deadline. colors #ea580c/#57534e, font dm sans, "
            "radius 8px, bg #fafaf9, no shadows gradients animation, hover tooltips",
            "Can you turn the daily Security Awareness 2026 completions below into a line of "
            "the running total, with a vertical marker at the 2026-03-31 deadline labelled "
            "with the total completed by that day? Line #ea580c, text #57534e, DM Sans, 8px "
            "corners, #fafaf9 background. No animation, shadows or gradients; tooltips on the "
            "points.",
            "I'd like a cumulative completion curve for Security Awareness 2026 from the daily "
            "counts below: one point per day with the running total, and a dashed vertical "
            "line at the deadline (2026-03-31) annotated with the running total on that day. "
            "#ea580c for the line, #57534e for text, DM Sans, 8px radius, #fafaf9 background. "
            "Flat, no animation, a tooltip per day.",
            "Please chart the running total of Security Awareness 2026 completions per day "
            "(UTC dates, computed from the daily counts below) as a line, every day from the "
            "first to the last row, and mark the deadline 2026-03-31 with a vertical line and "
            "a label giving the running total at that date. Line #ea580c, text #57534e, DM "
            "Sans, 8px radius, background #fafaf9. No animation, shadows or gradients. "
            "Tooltips with the date and total.",
            "Build a line chart from the CSV below (date, completions): the y value of each "
            "day is the cumulative sum of completions up to and including that day, one point "
            "per row in order; add a dashed vertical annotation at 2026-03-31 labelled with "
            "the cumulative total on that date. Line #ea580c; text #57534e; DM Sans; 8px "
            "radius; #fafaf9 background. No animation, shadows or gradients. Tooltip per point "
            "with the date and the running total.",
            "Create a cumulative line chart from the CSV below (date, completions; UTC dates, "
            "current employees): one point per day in row order at the running sum of "
            "completions, a y-axis from zero, and a dashed vertical line at the 2026-03-31 "
            "deadline with a label stating the running total that day. Tokens: #ea580c line, "
            "#57534e text, DM Sans, 8px corners, #fafaf9 background. No animation, shadows or "
            "gradients. Tooltips show each day's date and running total.",
            "Line chart of the running total of Security Awareness 2026 completions from the "
            "CSV below (date, completions): y = cumulative sum through each date, one point per "
            "row, y-axis from zero; a dashed vertical deadline marker at 2026-03-31 annotated "
            "with the cumulative total on that date. Line color #ea580c; text and axes "
            "#57534e; font DM Sans; corner radius 8px; background #fafaf9. No animation, "
            "shadows or gradients. Tooltip on each point with date and running total.",
            "Ticket: line chart from the CSV below (date, completions - UTC dates, current "
            "employees, Security Awareness 2026), one point per row in row order with y = "
            "cumulative sum of completions through that date, y-axis from zero. Annotation: "
            "dashed vertical line at the deadline 2026-03-31 labelled with the cumulative "
            "total on that date. Tokens: line/point color #ea580c, text/axis color #57534e, "
            "font family DM Sans, corner radius 8px, background #fafaf9. Rules: no animation, "
            "no shadows, no gradients. Interaction: tooltip on each point with the date and "
            "the running total.",
        ],
        rows=rows,
        chart_type="line",
        labels=[deadline, rows[0]["date"], rows[-1]["date"]],
        values=[*column(running, "cumulative"), by_deadline],
        decimals=0,
        colors=colors,
        font=font,
        radius=radius,
        background=background,
        difficulty=HARD,
    )
    chart = _line(running, "date", "cumulative", lambda v: f"{v:.0f}",
                  describe="Security Awareness 2026 completions, running total",
                  marker=(deadline, f"Deadline {deadline}: {by_deadline} completed"),
                  every=7)  # fmt: skip
    subtitle = "Completions per UTC day, current employees, running total"
    return task, _card(task.title, subtitle, chart, colors=colors, font=font, radius=radius,
                       background=background)  # fmt: skip


def _enps_cells(data: ChartData) -> tuple[list[dict[str, Any]], dict[str, float]]:
    """eNPS per department and quarter with the response counts, and the company's eNPS per
    quarter as a model computes it from those rows (response-weighted, one decimal)."""
    counts: dict[tuple[str, str], int] = {}
    for response in data.fixtures.responses:
        key = (response.survey_id, response.department_id)
        counts[key] = counts.get(key, 0) + 1
    quarter_of = {s.id: s.quarter for s in data.fixtures.surveys}
    by_name = {name: d for d, name in data.names.items()}
    survey_of = {q: s for s, q in quarter_of.items()}
    rows: list[dict[str, Any]] = [
        {"quarter": r["quarter"], "department": r["department"],
         "responses": counts[(survey_of[r["quarter"]], by_name[r["department"]])],
         "enps": r["enps"]}
        for r in data.enps_trend()
    ]  # fmt: skip
    departments = list(dict.fromkeys(r["department"] for r in rows))
    quarters = list(dict.fromkeys(r["quarter"] for r in rows))
    assert len(rows) == len(departments) * len(quarters)  # every cell has 5+ responses
    company: dict[str, float] = {}
    for q in quarters:
        cell = [r for r in rows if r["quarter"] == q]
        weighted = sum(r["responses"] * r["enps"] for r in cell) / sum(r["responses"] for r in cell)
        company[q] = round(weighted, 1)
        exact = enps(x.enps for x in data.fixtures.responses if x.survey_id == survey_of[q])
        # From the rounded cells, as the model computes it: within a rounding of the truth.
        assert abs(company[q] - exact) <= 0.15, q
    return rows, company


def _c_x01(data: ChartData) -> ChartSolved:
    rows, company = _enps_cells(data)
    departments = list(dict.fromkeys(r["department"] for r in rows))
    quarters = list(dict.fromkeys(r["quarter"] for r in rows))
    averages = {
        d: round(sum(r["enps"] for r in rows if r["department"] == d) / len(quarters), 1)
        for d in departments
    }
    colors = ["#b91c1c", "#f5f5f4", "#15803d", "#292524"]
    task = _task(
        "DA_C_X01",
        "eNPS heatmap: departments by quarter, with averages and the company row",
        [
            "heatmap enps dept x quarter (csv below), cells labelled, buckets <-20 #b91c1c, -20 "
            "to 20 #f5f5f4, >=20 #15803d. dept 8-qtr avg in row label + extra Company row "
            "(weighted by responses). txt #292524 ibm plex sans 10px bg #fafaf9 no "
            "anim/shadow/gradient, tooltips",
            "eNPS heatmap: departments down, quarters across, value in each cell. 3 colour "
            "bands (#b91c1c under -20, #f5f5f4 -20..20, #15803d 20+). add each dept's average "
            "over the 8 qtrs and a Company row per quarter weighted by responses. text "
            "#292524, IBM Plex Sans, 10px corners, bg #fafaf9, flat, no animation, tooltips",
            "dept-by-quarter enps heatmap w/ labels, colour bands #b91c1c/#f5f5f4/#15803d "
            "(cut at -20 and 20), row label shows the dept's avg, bottom row = company enps "
            "(response-weighted). txt #292524 ibm plex sans radius 10px bg #fafaf9, no "
            "shadows/gradients/animation, hover tooltips",
            "Can you build a heatmap of eNPS by department and quarter from the data below, "
            "each cell labelled, coloured in three bands (below -20 #b91c1c, -20 to 20 #f5f5f4, "
            "20 and above #15803d)? Put each department's average over the eight quarters in "
            "its row label and add a Company row: each quarter's eNPS weighted by responses. "
            "Text #292524, IBM Plex Sans, 10px corners, #fafaf9 background. No animation, "
            "shadows or gradients; tooltips.",
            "I'd like an eNPS heatmap from the data below: departments as rows, quarters as "
            "columns, the value printed in each cell, and three colour bands - #b91c1c below "
            "-20, #f5f5f4 from -20 to under 20, #15803d from 20. Each row label shows the "
            "department's mean eNPS over the eight quarters, and a final Company row gives each "
            "quarter's response-weighted eNPS. Text #292524, IBM Plex Sans, 10px radius, "
            "#fafaf9 background. Flat, no animation, a tooltip per cell.",
            "Please make a heatmap with departments (rows) by survey quarter (columns) from the "
            "data below, each cell showing its eNPS to one decimal and coloured by band: below "
            "-20 #b91c1c, -20 up to 20 #f5f5f4, 20 or more #15803d. Compute each department's "
            "average eNPS across the eight quarters (one decimal) for its row label, and add a "
            "Company row with each quarter's eNPS weighted by responses. Text #292524, IBM "
            "Plex Sans, 10px radius, background #fafaf9. No animation, shadows or gradients. "
            "Tooltips.",
            "Build a heatmap from the CSV below (quarter, department, responses, enps): rows "
            "are departments, columns quarters in row order, each cell labelled with its enps "
            "(one decimal) and coloured by band: < -20 #b91c1c, -20 to < 20 #f5f5f4, >= 20 "
            "#15803d. Row labels carry the department's mean enps over the eight quarters; a "
            "last Company row holds sum(responses x enps) / sum(responses) per quarter. Text "
            "#292524; IBM Plex Sans; 10px radius; #fafaf9 background. No animation, shadows or "
            "gradients. Tooltip per cell.",
            "Create a department-by-quarter heatmap from the CSV below (quarter, department, "
            "responses, enps): one cell per row of the data with its eNPS printed to one "
            "decimal; three discrete colour bands - #b91c1c for eNPS below -20, #f5f5f4 for -20 "
            "to under 20, #15803d for 20 and above; each department's row label includes its "
            "average eNPS over the eight quarters (one decimal); an extra Company row with the "
            "response-weighted eNPS of each quarter (one decimal). Tokens: text #292524, IBM "
            "Plex Sans, 10px corners, #fafaf9 background. No animation, shadows or gradients. "
            "Tooltips on cells.",
            "Heatmap of eNPS, departments by quarter, from the CSV below: cells labelled with "
            "enps to one decimal and coloured in discrete bands (below -20 #b91c1c, -20 to "
            "below 20 #f5f5f4, 20 and above #15803d); row labels with each department's "
            "eight-quarter mean (one decimal); a Company row beneath with each quarter's "
            "eNPS = sum(responses x enps) / sum(responses), one decimal. Text and axes "
            "#292524; font IBM Plex Sans; corner radius 10px; background #fafaf9. No animation, "
            "shadows or gradients. Tooltip per cell with department, quarter and eNPS.",
            "Ticket: heatmap from the CSV below (quarter, department, responses, enps), rows = "
            "departments, columns = quarters in row order; each cell labelled with enps (one "
            "decimal) and filled by discrete band: enps < -20 #b91c1c, -20 <= enps < 20 "
            "#f5f5f4, enps >= 20 #15803d. Computed: each department's mean enps over the eight "
            "quarters (one decimal) in its row label; an added Company row per quarter = "
            "sum(responses x enps) / sum(responses), one decimal. Tokens: text/axis color "
            "#292524, font family IBM Plex Sans, corner radius 10px, background #fafaf9. Rules: "
            "no animation, no shadows, no gradients. Interaction: tooltip on each cell with "
            "department, quarter and eNPS.",
        ],
        rows=rows,
        chart_type="heatmap",
        labels=[*departments, *quarters, "Company"],
        values=[*column(rows, "enps"), *averages.values(), *company.values()],
        decimals=1,
        colors=colors,
        font="IBM Plex Sans",
        radius="10px",
        background="#fafaf9",
        difficulty=EXPERT,
    )
    cells = [{k: r[k] for k in ("quarter", "department", "enps")} for r in rows]
    return task, authoring.render(PACKAGE, "DA_C_X01.html", data=script_json(cells),
                                  averages=script_json(averages),
                                  company=script_json(company))  # fmt: skip


def _multiples(
    series: dict[str, list[tuple[str, int]]], growth: dict[str, float], hot: str, *,
    describe: str,
) -> str:  # fmt: skip
    """One small line chart per department in a 4 x 2 grid, each on its own y-scale."""
    columns, panel_w, panel_h, gap = 4, 220, 150, 16
    rows_n = -(-len(series) // columns)
    width = columns * panel_w + (columns - 1) * gap
    height = rows_n * (panel_h + gap)
    parts = []
    for n, (name, points) in enumerate(series.items()):
        ox = (n % columns) * (panel_w + gap)
        oy = (n // columns) * (panel_h + gap)
        left, right, top, bottom = ox + 34, ox + panel_w - 6, oy + 30, oy + panel_h - 22
        values = [v for _, v in points]
        grid = ticks(min(values), max(values), 3)
        y = Scale((grid[0], grid[-1]), (bottom, top))
        step = (right - left) / (len(points) - 1)
        sign = "+" if growth[name] > 0 else ""
        title = f"{name} {sign}{growth[name]:.1f}%"
        parts.append(el("text", esc(title), x=ox + 4, y=oy + 16, class_="panel"))
        for t in grid:
            parts.append(el("line", x1=left, x2=right, y1=round(y(t), 1), y2=round(y(t), 1),
                            class_="grid"))  # fmt: skip
            parts.append(el("text", esc(f"{t:g}"), x=left - 4, y=round(y(t) + 4, 1),
                            class_="tick", text_anchor="end"))  # fmt: skip
        kind = " hot" if name == hot else ""
        line = " ".join(
            f"{round(left + i * step, 1)},{round(y(v), 1)}" for i, v in enumerate(values)
        )
        parts.append(el("polyline", points=line, class_="trend" + kind))
        for i, (month, value) in enumerate(points):
            tip = el("title", esc(f"{name}, {month}: {value} people"))
            parts.append(el("circle", tip, cx=round(left + i * step, 1), cy=round(y(value), 1),
                            r=2.5, class_="dot" + kind, data_value=value))  # fmt: skip
        for i, anchor in ((0, "start"), (len(points) - 1, "end")):
            parts.append(el("text", esc(points[i][0]), x=round(left + i * step, 1),
                            y=bottom + 16, class_="tick", text_anchor=anchor))  # fmt: skip
    return el("svg", raw(parts), viewBox=f"0 0 {width} {height}", width=width, height=height,
              role="img", aria_label=describe)  # fmt: skip


def _c_x02(data: ChartData) -> ChartSolved:
    months = _month_ends(dt.date(2026, 3, 31), 24)
    rows: list[dict[str, Any]] = []
    series: dict[str, list[tuple[str, int]]] = {name: [] for name in data.names.values()}
    for end in months:
        counts = headcount(data.fixtures, end, "department")
        for d, name in data.names.items():
            rows.append({"month": end.isoformat()[:7], "department": name,
                         "headcount": counts.get(d, 0)})  # fmt: skip
            series[name].append((end.isoformat()[:7], counts.get(d, 0)))
    growth = {
        name: round(100 * (points[-1][1] / points[0][1] - 1), 1) for name, points in series.items()
    }
    ranked = sorted(growth.values())
    assert ranked[-1] > ranked[-2]  # one clear fastest grower
    hot = max(growth, key=lambda k: growth[k])
    total_first = sum(points[0][1] for points in series.values())
    total_last = sum(points[-1][1] for points in series.values())
    company = round(100 * (total_last / total_first - 1), 1)
    colors = ["#0369a1", "#c2410c", "#334155"]
    font, radius, background = "Inter", "6px", "#ffffff"
    task = _task(
        "DA_C_X02",
        "Small multiples: headcount by department over 24 months",
        [
            "small multiples, 1 mini line chart per dept, month-end headcount (csv below), own "
            "y scale each, title = dept + growth % first->last month, fastest grower in "
            "#c2410c, others #0369a1, company growth in subtitle. txt #334155 inter 6px bg "
            "#ffffff no anim/shadow/gradient, tooltips",
            "grid of 8 small line charts (one per department) of headcount by month, each "
            "titled with its % growth over the 24 months; highlight the fastest-growing one "
            "#c2410c, rest #0369a1; company-wide growth in the subtitle. text #334155, Inter, "
            "6px corners, bg #ffffff, flat, no animation, tooltip per point",
            "per-department headcount small multiples (24 month ends), growth % in each panel "
            "title, top grower #c2410c vs #0369a1, overall company growth noted. txt #334155 "
            "inter radius 6px bg #ffffff, no shadows gradients animation, hover tooltips",
            "Can you make small multiples from the data below - one small line chart of "
            "month-end headcount per department, each on its own y-scale, titled with the "
            "department's growth from the first to the last month in percent? Draw the "
            "fastest-growing department in #c2410c and the others in #0369a1, and give the "
            "company's overall growth in the subtitle. Text #334155, Inter, 6px corners, "
            "#ffffff background. No animation, shadows or gradients; tooltips.",
            "I'd like a small-multiples view of headcount by department (data below): eight "
            "mini line charts in a grid, one point per month end, each with its own y-axis and "
            "a title giving the department and its percentage growth over the period. The "
            "fastest grower goes in #c2410c, the rest in #0369a1; the subtitle states the "
            "whole company's growth. Text #334155, Inter, 6px radius, #ffffff background. "
            "Flat, no animation, a tooltip on each point.",
            "Please build small multiples of month-end headcount, one line chart per "
            "department from the data below, months in order, each panel on its own y-scale "
            "and titled with the department's growth (last month over first, minus one, in "
            "percent, one decimal). Colour the department with the highest growth #c2410c and "
            "the others #0369a1, and put the company total's growth over the same months in "
            "the subtitle. Text #334155, Inter, 6px radius, background #ffffff. No animation, "
            "shadows or gradients. Tooltips.",
            "Build small multiples from the CSV below (month, department, headcount): one "
            "mini line chart per department in a grid, months in row order, independent "
            "y-scales; each panel title gives the department and its growth = last / first - 1 "
            "in percent, one decimal. The fastest-growing department is drawn #c2410c, the "
            "rest #0369a1; the subtitle gives the company growth from the monthly totals. Text "
            "#334155; Inter; 6px radius; #ffffff background. No animation, shadows or "
            "gradients. Tooltip per point.",
            "Create a small-multiples chart from the CSV below (month, department, headcount): "
            "a 4 x 2 grid of line charts, one per department, 24 points each in month order, "
            "each with its own y-axis; panel titles show the department and its headcount "
            "growth from the first to the last month (percent, one decimal, signed). Highlight "
            "the department with the highest growth in #c2410c, others #0369a1, and state the "
            "company-wide growth (sum over departments, first vs last month) in the subtitle. "
            "Tokens: text #334155, Inter, 6px corners, #ffffff background. No animation, "
            "shadows or gradients. Tooltips on points.",
            "Small multiples of month-end headcount from the CSV below: one line chart per "
            "department (eight panels, 24 months each, row order), independent y-scales, panel "
            "titles with the department's growth = last month / first month - 1 (percent, one "
            "decimal, signed); fastest-growing department #c2410c, others #0369a1; subtitle "
            "with the company's growth computed from the summed headcount of the first and last "
            "month. Text and axes #334155; font Inter; corner radius 6px; background #ffffff. "
            "No animation, shadows or gradients. Tooltip on each point with department, month "
            "and headcount.",
            "Ticket: small-multiples line charts from the CSV below (month, department, "
            "headcount): one panel per department in a grid, 24 points each in month order, "
            "independent y-scales. Computed: each panel title = department + growth (last "
            "month / first month - 1, percent, one decimal, signed); the department with the "
            "highest growth drawn #c2410c, the others #0369a1; subtitle = company-wide growth "
            "from the summed headcount of the first and last month (one decimal). Tokens: "
            "text/axis color #334155, font family Inter, corner radius 6px, background "
            "#ffffff. Rules: no animation, no shadows, no gradients. Interaction: tooltip on "
            "each point with department, month and headcount.",
        ],
        rows=rows,
        chart_type="line",
        labels=[*series, months[0].isoformat()[:7], months[-1].isoformat()[:7]],
        values=[*column(rows, "headcount"), *growth.values(), company],
        decimals=1,
        colors=colors,
        font=font,
        radius=radius,
        background=background,
        difficulty=EXPERT,
    )
    chart = _multiples(series, growth, hot, describe="Month-end headcount by department")
    sign = "+" if company > 0 else ""
    subtitle = (
        f"Month ends {months[0].isoformat()[:7]} to {months[-1].isoformat()[:7]}, each panel on "
        f"its own scale. Company growth: {total_first} to {total_last} ({sign}{company}%)"
    )
    return task, _card(task.title, subtitle, chart, colors=colors, font=font, radius=radius,
                       background=background)  # fmt: skip


def _c_x03(data: ChartData) -> ChartSolved:
    cells, company = _enps_cells(data)
    counts = data.headcount_by_department()
    total = sum(r["headcount"] for r in counts)
    latest = max(company)
    departments = [
        {
            "department": r["department"],
            "headcount": r["headcount"],
            "share_pct": round(100 * r["headcount"] / total, 1),
            "enps": {c["quarter"]: c["enps"] for c in cells if c["department"] == r["department"]},
        }
        for r in counts
    ]
    lowest = min(departments, key=lambda d: d["enps"][latest])
    given = {
        "headcount": counts,
        "enps": [{k: c[k] for k in ("quarter", "department", "responses", "enps")} for c in cells],
    }
    colors = ["#2563eb", "#db2777", "#94a3b8", "#0f172a"]
    font, radius, background = "Inter", "8px", "#f8fafc"
    task = authoring.chart_task(
        "DA_C_X03",
        EXPERT,
        "People dashboard: headcount linked to each department's eNPS trend",
        [
            "people dashboard (json below): kpi tiles (total headcount, company enps 2026-Q1 "
            "weighted by responses, lowest dept enps), bars headcount by dept #2563eb w/ share % "
            "in tooltip, click a bar -> line of that dept's enps by qtr #db2777 vs company "
            "dashed #94a3b8. txt #0f172a inter 8px bg #f8fafc no anim/shadow/gradient",
            "dashboard w/ linked charts: headcount per department as bars (#2563eb, tooltip "
            "with % of company), clicking one shows its eNPS trend line (#db2777) against the "
            "company's response-weighted eNPS per quarter (dashed #94a3b8). plus tiles: total "
            "headcount, company eNPS latest, lowest dept. text #0f172a, Inter, 8px corners, bg "
            "#f8fafc, flat, no animation",
            "2 linked charts + kpis: dept headcount bars (#2563eb) -> click -> that dept's enps "
            "line (#db2777) with company line dashed #94a3b8 (weighted by responses). tiles: "
            "headcount total, company enps q1 2026, lowest enps dept. txt #0f172a inter radius "
            "8px bg #f8fafc, no shadows gradients animation, tooltips",
            "Can you build a small people dashboard from the JSON below? Three KPI tiles (total "
            "headcount, the company's 2026-Q1 eNPS weighted by responses, and the department "
            "with the lowest 2026-Q1 eNPS), a bar chart of headcount by department in #2563eb "
            "with each department's share of the company in its tooltip, and a line chart "
            "that shows the clicked department's eNPS by quarter in #db2777 next to the "
            "company's eNPS as a dashed #94a3b8 line. Text #0f172a, Inter, 8px corners, "
            "#f8fafc background. No animation, shadows or gradients.",
            "I'd like a linked people dashboard from the JSON below: KPI tiles with the total "
            "headcount, the company eNPS for 2026-Q1 (responses-weighted mean of the "
            "departments) and the lowest-scoring department that quarter; headcount by "
            "department as #2563eb bars whose tooltips give the share of total headcount; and "
            "clicking a bar draws that department's eNPS over the quarters (#db2777) against "
            "the company line (dashed #94a3b8). Text #0f172a, Inter, 8px radius, #f8fafc "
            "background. Flat, no animation, tooltips.",
            "Please build a dashboard of linked charts from the JSON below. Top: KPI tiles "
            "for total headcount (sum of departments), the company's 2026-Q1 eNPS (weighted by "
            "responses) and the department with the lowest 2026-Q1 eNPS with its score. Left: "
            "headcount by department as bars (#2563eb), tooltips with the share of the total "
            "to one decimal. Right: clicking a department's bar shows its eNPS by quarter "
            "(#db2777) beside the company's response-weighted eNPS per quarter (dashed "
            "#94a3b8). Text #0f172a, Inter, 8px radius, background #f8fafc. No animation, "
            "shadows or gradients.",
            "Build a people dashboard from the JSON below (headcount: department, headcount; "
            "enps: quarter, department, responses, enps). KPI tiles: total headcount; company "
            "eNPS in 2026-Q1 = sum(responses x enps) / sum(responses); lowest department eNPS "
            "in 2026-Q1. Bar chart of headcount by department (#2563eb) with tooltips giving "
            "each department's share of the total (percent, one decimal). Clicking a bar "
            "updates a line chart to that department's eNPS by quarter (#db2777) with the "
            "company eNPS per quarter as a dashed #94a3b8 line. Text #0f172a; Inter; 8px "
            "radius; #f8fafc background. No animation, shadows or gradients.",
            "Create a dashboard of two linked charts and three KPI tiles from the JSON below. "
            "Tiles: total headcount; the company's 2026-Q1 eNPS computed as the "
            "responses-weighted mean of the department values (one decimal); the department "
            "with the lowest 2026-Q1 eNPS and its value. Chart 1: horizontal bars of headcount "
            "by department (#2563eb), tooltip with the share of total headcount (one decimal). "
            "Chart 2: line of the clicked department's eNPS by quarter (#db2777) and the "
            "company's weighted eNPS by quarter, dashed #94a3b8. Tokens: text #0f172a, Inter, "
            "8px corners, #f8fafc background. No animation, shadows or gradients. Tooltips; "
            "click to link.",
            "People dashboard from the JSON below: KPI tiles for total headcount, company "
            "eNPS 2026-Q1 (sum of responses x enps over sum of responses, one decimal) and the "
            "lowest department eNPS in 2026-Q1; a bar chart of headcount by department "
            "(#2563eb) with tooltips showing each department's share of the total (one "
            "decimal); a linked line chart: clicking a department's bar plots its eNPS per "
            "quarter (#db2777) with the company's weighted eNPS per quarter as a dashed "
            "#94a3b8 line (shown for the company before any click). Text #0f172a; Inter; 8px "
            "radius; #f8fafc background. No animation, shadows or gradients. Tooltips.",
            "Ticket: people dashboard from the JSON below (headcount: department, headcount; "
            "enps: quarter, department, responses, enps). KPI tiles: total headcount (sum), "
            "company eNPS for 2026-Q1 = sum(responses x enps) / sum(responses) (one decimal), "
            "and the department with the lowest 2026-Q1 eNPS with its value. Chart 1: bars of "
            "headcount by department, fill #2563eb, tooltip with headcount and share of total "
            "(percent, one decimal). Chart 2 (linked): clicking a bar in chart 1 plots that "
            "department's eNPS by quarter (#db2777) against the company's weighted eNPS per "
            "quarter (dashed #94a3b8); before any click it shows the company line. Tokens: "
            "text/axis color #0f172a, font family Inter, corner radius 8px, background "
            "#f8fafc. Rules: no animation, no shadows, no gradients. Interaction: tooltips; "
            "click on a bar updates the line chart.",
        ],
        domain=DOMAIN_ID,
        data=json_text(given),
        data_format="json",
        chart_type="bar",
        labels=[*(d["department"] for d in departments), *company],
        values=[
            *(d["headcount"] for d in departments),
            total,
            *(d["share_pct"] for d in departments),
            *company.values(),
            lowest["enps"][latest],
        ],
        decimals=1,
        compact=False,
        colors=colors,
        font=font,
        radius=radius,
        background=background,
        rules=["no-animation"],
        interactivity=["tooltip", "click"],
    )
    html = authoring.render(
        PACKAGE,
        "DA_C_X03.html",
        data=script_json(departments),
        company=script_json(company),
        total=str(total),
        company_enps=f"{company[latest]:.1f}",
        lowest=esc(f"{lowest['department']} {lowest['enps'][latest]:.1f}"),
    )
    return task, html
