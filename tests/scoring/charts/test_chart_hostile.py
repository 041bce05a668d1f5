"""Untrusted answers are scored without a crash, in bounded time, whatever they hold.

The bound asserted is generous (5 s) because CI machines are shared; the scorer's own limits
(a parse deadline of 1.5 s, token, depth, script and style budgets) keep each case far below.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

import pytest

from bench_core import CHART_CRITERIA
from bench_scoring import ChartScore, score_chart

BOUND = 5.0
SPEC = {
    "chart_type": "bar+line",
    "labels": ["Momentum", "Pairs"],
    "values": [1234.5, -321.4],
    "decimals": 0,
    "compact": True,
    "tokens": {"colors": ["#1f6feb"], "fonts": ["Inter"], "radii": ["4px"], "background": "#fff"},
    "rules": ["no-animation", "no-3d", "no-external-fonts", "no-images"],
    "interactivity": ["tooltip", "hover", "legend_toggle", "click", "zoom"],
}
PAGE = "<!DOCTYPE html><html><body><svg viewBox='0 0 10 10'></svg>{}</body></html>"


def script(code: str) -> str:
    return PAGE.format(f"<script>{code}</script>")


def scored_in_time(answer: str | bytes) -> ChartScore:
    start = time.perf_counter()
    score = score_chart(answer, SPEC)
    elapsed = time.perf_counter() - start
    assert elapsed < BOUND, f"took {elapsed:.2f} s"
    assert 0 <= score.total <= 100
    assert all(0 <= score.criteria[k] <= most for k, most in CHART_CRITERIA.items())
    assert abs(sum(d.points for d in score.deductions) - (100 - score.total)) < 1e-3
    return score


CASES: dict[str, Callable[[], str | bytes]] = {
    "nesting 100,000 deep": lambda: "<!DOCTYPE html>" + "<div>" * 100_000,
    "nesting with stray end tags": lambda: "<!DOCTYPE html>" + "<span>" * 500 + "</x>" * 200_000,
    "a 4 MB attribute": lambda: PAGE.format(f"<rect title='{'a' * 4_000_000}'/>"),
    "a 1 MB tag name": lambda: "<!DOCTYPE html><svg></svg>" + "<script<style<!--" * 60_000,
    "a tag with 100,000 attributes": lambda: "<!DOCTYPE html>" + "<svg " * 100_000,
    "invalid bytes": lambda: random.Random(7).randbytes(1_000_000),
    "invalid bytes in a page": lambda: PAGE.format("<text>\xff\xfe\x80</text>").encode("latin-1"),
    "NULs and lone surrogates": lambda: PAGE.format(
        "<text>\x00\ud800\udfff\x00" * 10_000 + "</text>"
    ),
    "escaped quotes in a script": lambda: script('"\\' * 500_000),
    "unterminated comments": lambda: script("/*" * 500_000),
    "unterminated regular expressions": lambda: script("(" + "/[" * 500_000),
    "unterminated templates": lambda: script("`\\" * 500_000),
    "a flood of open brackets": lambda: script("({[" * 300_000),
    "a flood of stray closers": lambda: script("{" * 300 + "]" * 500_000),
    "a long number-like text": lambda: PAGE.format("<text>" + "1," * 300_000 + "</text>"),
    "space-grouped digits": lambda: PAGE.format("<text>" + "123 " * 250_000 + "</text>"),
    "ampersands": lambda: PAGE.format("<svg><text>" + "&a" * 200_000 + "</text></svg>"),
    "nested CSS functions": lambda: PAGE.format("<style>a{color:" + "rgb(" * 100_000 + "}</style>"),
    "nested at-rules": lambda: PAGE.format("<style>" + "@media screen{" * 50_000 + "</style>"),
    "a path of 300,000 points": lambda: PAGE.format(
        "<svg><path d='M" + " 1,2 L" * 300_000 + "'/></svg>"
    ),
    "translate floods": lambda: PAGE.format(
        "<svg><g transform='" + "translate(" * 200_000 + "'/></svg>"
    ),
    "20,000 rects": lambda: PAGE.format(
        "<svg viewBox='0 0 1000 1000'>"
        + "".join(
            f"<rect x='{i % 1000}' y='{i // 100}' width='5' height='{i % 37 + 1}' "
            f"fill='#{i % 4096:03x}'><title>P {i}</title></rect>"
            for i in range(20_000)
        )
        + "</svg>"
    ),
    "10,000 distinct style attributes": lambda: PAGE.format(
        "<svg>"
        + "".join(f"<rect style='fill:#{i:06x};box-shadow:0 0 {i}px red'/>" for i in range(10_000))
        + "</svg>"
    ),
    "fences without end": lambda: "```html\n" * 200_000,
    "svg openers without end": lambda: "text " + "<svg <svg>" * 100_000,
}


@pytest.mark.parametrize("make", CASES.values(), ids=CASES.keys())
def test_a_hostile_answer_is_scored_in_bounded_time(make: Callable[[], str | bytes]) -> None:
    scored_in_time(make())


def test_a_10_mb_answer_is_refused_at_once() -> None:
    start = time.perf_counter()
    score = score_chart("<svg>" + "<rect/>" * 1_500_000, SPEC)
    assert time.perf_counter() - start < 0.5
    assert score.total == 0
    assert "over the 5,000,000 limit" in score.reasons[0]


def test_a_5_mb_answer_under_the_limit_is_scored_in_bounded_time() -> None:
    values = ",".join(f"{i * 1.5:.1f}" for i in range(560_000))
    chart = (
        "<canvas id=c></canvas><script src='https://cdn.jsdelivr.net/npm/chart.js@4.4.1'></script>"
        "<script>new Chart(c, {type: 'bar', data: {datasets: [{data: ["
        + values
        + "]}]}});</script>"
    )
    answer = PAGE.format(chart)
    assert 4_000_000 < len(answer) <= 5_000_000
    score = scored_in_time(answer)
    assert score.detected_type == "bar"
    assert any("were not read" in note for note in score.notes)


def test_a_200_kb_chart_is_scored_whole() -> None:
    bars = "".join(
        f"<rect x='{i * 4}' y='{100 - i % 90}' width='3' height='{i % 90 + 1}' rx='4' "
        "fill='#1f6feb'>"
        f"<title>Day {i}: ${i * 13.5:,.2f}</title></rect>"
        for i in range(2_000)
    )
    answer = PAGE.format(f"<svg viewBox='0 0 8000 200'>{bars}<text>Momentum Pairs</text></svg>")
    assert len(answer) > 200_000
    score = scored_in_time(answer)
    assert score.detected_types == ["bar"]
    assert not any("not read" in note or "stopped" in note for note in score.notes)


def test_parsing_stops_at_the_depth_limit_and_says_so() -> None:
    score = scored_in_time("<!DOCTYPE html><svg></svg>" + "<div>" * 2_000)
    assert any("elements nest deeper than 512" in reason for reason in score.reasons)
