"""Markup shared by the run and the compare report: headings, score cells, figure cards,
tables. Every value is escaped here; callers pass plain text."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from html import escape
from typing import Any


def score_text(score: Mapping[str, Any] | None) -> str:
    """``72.4%`` or ``—``."""
    if not score or score.get("value") is None:
        return "—"
    return f"{score['value']:.1f}%"


def interval_text(score: Mapping[str, Any] | None) -> str:
    """``95% interval 68.1–76.5`` or an empty string."""
    if not score or score.get("low") is None or score.get("high") is None:
        return ""
    return f"95% interval {score['low']:.1f}–{score['high']:.1f}"


def figure_card(figure_id: str, title: str, figures: Mapping[str, Any], note: str = "") -> str:
    """A card holding one chart, or saying why there is none."""
    heading = f"<h3>{escape(title)}</h3>"
    caption = f'<p class="note">{escape(note)}</p>' if note else ""
    if figures.get(figure_id) is None:
        return f'<div class="card">{heading}<p class="empty">Nothing to draw.</p>{caption}</div>'
    return (
        f'<div class="card">{heading}'
        f'<div class="figure" id="fig-{escape(figure_id)}" data-figure="{escape(figure_id)}">'
        f"</div>{caption}</div>"
    )


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    numeric: Sequence[int] = (),
    identifiers: Sequence[int] = (),
) -> str:
    """A plain table of text cells; ``numeric`` columns align right, ``identifiers`` columns
    (long run ids, model ids) may break anywhere rather than widen the page."""

    def cell(tag: str, index: int, text: str) -> str:
        kind = "num" if index in numeric else "id" if index in identifiers else ""
        attribute = f' class="{kind}"' if kind else ""
        return f"<{tag}{attribute}>{escape(text)}</{tag}>"

    head = "".join(cell("th", i, h) for i, h in enumerate(headers))
    body = "".join(
        "<tr>" + "".join(cell("td", i, c) for i, c in enumerate(row)) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def definition_list(pairs: Iterable[tuple[str, str]]) -> str:
    """``<dl>`` of label and value pairs."""
    items = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in pairs)
    return f'<dl class="facts">{items}</dl>'


def error_rows(errors: Mapping[str, Mapping[str, int]]) -> list[list[str]]:
    """``[status, kind, count]`` rows of a summary's error counts."""
    return [
        [status.replace("_", " "), kind, str(count)]
        for status, kinds in errors.items()
        for kind, count in kinds.items()
    ]


def judge_rows(judges: Sequence[Mapping[str, Any]]) -> list[list[str]]:
    """One row per judge, model and suite of a report's ``judges``."""
    rows = []
    for judge in judges:
        subscores = ", ".join(
            f"{name} {value:.1f}"
            for name, value in judge.get("mean_scores", {}).items()
            if value is not None
        )
        kinds = ", ".join(f"{k} {v}" for k, v in judge.get("input_kinds", {}).items())
        mean = judge.get("mean_score")
        rows.append(
            [
                judge.get("judge", ""),
                judge.get("judge_model", ""),
                judge.get("suite", ""),
                str(judge.get("verdicts", 0)),
                "—" if mean is None else f"{mean:.1f}",
                subscores or "—",
                kinds or "—",
                str(judge.get("infra_errors", 0)),
            ]
        )
    return rows


JUDGE_HEADERS = [
    "Judge",
    "Model",
    "Suite",
    "Verdicts",
    "Mean score",
    "Mean sub-scores",
    "Judged from",
    "Judge errors",
]


def cost_text(usage: Mapping[str, Any]) -> str:
    """``$0.0123`` or ``not reported``."""
    cost = usage.get("cost")
    return "not reported" if cost is None else f"${cost:.4f}"


def tokens_text(usage: Mapping[str, Any]) -> str:
    """Prompt, completion and reasoning tokens in one line."""
    text = (
        f"{usage.get('prompt_tokens', 0):,} prompt + "
        f"{usage.get('completion_tokens', 0):,} completion"
    )
    if usage.get("reasoning_tokens"):
        text += f" (of which {usage['reasoning_tokens']:,} reasoning)"
    return text


def section(section_id: str, title: str, content: str, intro: str = "") -> str:
    """A titled section of the page."""
    lead = f'<p class="lead">{escape(intro)}</p>' if intro else ""
    return f'<section id="{escape(section_id)}"><h2>{escape(title)}</h2>{lead}{content}</section>'


def navigation(links: Sequence[tuple[str, str]]) -> str:
    """The page's table of contents."""
    return (
        "<nav>"
        + "".join(f'<a href="#{escape(anchor)}">{escape(text)}</a>' for anchor, text in links)
        + "</nav>"
    )
