"""How the chart tasks write their data, their specs and their reference charts: the
authoring kit, with this domain's id and its templates."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

from bench_core import ChartReference, ChartTask, Difficulty, authoring
from bench_core.authoring import column, csv_text, json_text, palette, script_json, spread

from ._expect import DOMAIN_ID

__all__ = [
    "ChartSolved",
    "chart_task",
    "column",
    "csv_text",
    "json_text",
    "palette",
    "render",
    "script_json",
    "spread",
]

ChartSolved = tuple[ChartTask, ChartReference]
"""A chart task and its reference chart."""


def chart_task(
    task_id: str,
    difficulty: Difficulty,
    title: str,
    prompts: Sequence[str],
    *,
    data: str,
    data_format: Literal["csv", "json"] = "csv",
    chart_type: str,
    labels: Iterable[str] = (),
    values: Iterable[float] = (),
    decimals: int | None = 0,
    compact: bool = True,
    colors: Sequence[str],
    font: str,
    radius: str,
    background: str,
    rules: Sequence[str] = (),
    interactivity: Sequence[str] = (),
) -> ChartTask:
    """A chart task of this domain; by default a shown value may be rounded to whole dollars,
    or to thousands (``$30.0K``) where an axis or a label shortens it."""
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
        compact=compact,
        colors=colors,
        font=font,
        radius=radius,
        background=background,
        rules=rules,
        interactivity=interactivity,
    )


def render(template: str, **slots: str) -> ChartReference:
    """The reference chart: this package's template ``charts/<template>``, slots filled."""
    return authoring.render(__package__ or "bench_domain_trading", template, **slots)
