"""Throughput of the static chart scorer: charts scored per second.

    uv run python tools/perf_chart_scorer.py [--seconds 6]

Scores two model-like answers, a 20 KB and a 200 KB chart page (a hand-written SVG with a
tooltip per mark, then a Chart.js script with the same data), against a full spec: labels,
values, tokens, rules and interactions, so every criterion does real work. Prints the median
of interleaved rounds. Target on a 2-core machine: at least 50 charts per second at 20 KB.
"""

from __future__ import annotations

import argparse
import functools
import statistics
import time
from collections.abc import Callable

from bench_scoring import score_chart

HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Daily net PnL</title>
<script src="https://cdn.jsdelivr.net/npm/chart.js@4.4.1/dist/chart.umd.min.js"></script>
<style>
  body { margin: 0; padding: 24px; background: #ffffff; color: #57606a; }
  body { font-family: Inter, sans-serif; }
  .card { border: 1px solid #d0d7de; border-radius: 4px; padding: 16px; }
  .gain { fill: #1f6feb; } .loss { fill: #d1242f; }
  .bar:hover { fill-opacity: 0.8; }
  text { font-size: 10px; fill: #57606a; }
</style>
</head>
<body>
<div class="card">
<svg viewBox="0 0 {width} 240" width="{width}" height="240" role="img" aria-label="Daily net PnL">
"""
TAIL = """</svg>
<canvas id="pnl"></canvas>
</div>
<script>
  const days = [{labels}];
  const pnl = [{values}];
  new Chart(document.getElementById("pnl"), {{
    type: "bar",
    data: {{ labels: days, datasets: [{{ label: "Net PnL", data: pnl,
      backgroundColor: pnl.map((v) => (v >= 0 ? "#1f6feb" : "#d1242f")), borderRadius: 4 }}] }},
    options: {{ animation: false, plugins: {{ legend: {{ display: false }} }} }},
  }});
</script>
</body>
</html>
"""


def page(points: int) -> tuple[str, dict[str, object]]:
    """A chart page of ``points`` daily bars, and the spec it fully satisfies."""
    labels = [f"D{i:04d}" for i in range(points)]
    values = [round(((i * 7919) % 2003 - 1000) * 1.37, 2) for i in range(points)]
    marks = []
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        height = abs(value) / 14
        y = 120 - height if value >= 0 else 120
        kind = "gain" if value >= 0 else "loss"
        marks.append(
            f'<rect class="bar {kind}" x="{i * 12}" y="{y:.1f}" width="10" height="{height:.1f}" '
            f'rx="4"><title>{label}: ${value:,.2f}</title></rect>'
        )
    body = HEAD.replace("{width}", str(points * 12)) + "\n".join(marks) + "\n"
    body += TAIL.format(
        labels=", ".join(f'"{label}"' for label in labels),
        values=", ".join(f"{value}" for value in values),
    )
    spec: dict[str, object] = {
        "chart_type": "bar",
        "labels": labels[:: max(1, points // 50)],
        "values": values[:: max(1, points // 50)],
        "decimals": 2,
        "tokens": {
            "colors": ["#1f6feb", "#d1242f", "#57606a"],
            "fonts": ["Inter"],
            "radii": ["4px"],
            "background": "#ffffff",
        },
        "rules": ["no-animation", "no-3d", "no-external-fonts", "no-images"],
        "interactivity": ["tooltip", "hover"],
    }
    return "Here is the chart:\n\n```html\n" + body + "```\n", spec


def sized(target: int) -> tuple[str, dict[str, object]]:
    """The page whose answer is closest to ``target`` bytes."""
    points = max(1, target // 190)
    answer, spec = page(points)
    while len(answer.encode()) < target:
        points += max(1, points // 50)
        answer, spec = page(points)
    return answer, spec


def rate(work: Callable[[], object], seconds: float) -> float:
    count = 0
    start = time.perf_counter()
    while count == 0 or time.perf_counter() - start < seconds:
        work()
        count += 1
    return count / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seconds", type=float, default=6.0, help="time for all rounds")
    parser.add_argument("--rounds", type=int, default=5)
    options = parser.parse_args()
    cases = {"20 KB": sized(20_000), "200 KB": sized(200_000)}
    for name, (answer, spec) in cases.items():
        score = score_chart(answer, spec)
        assert score.total == 100, score.reasons
        print(f"{name:>6}: {len(answer.encode()):,} bytes, scores {score.total:g}")
    rounds: dict[str, list[float]] = {name: [] for name in cases}
    share = options.seconds / options.rounds / len(cases)
    for _ in range(options.rounds):  # interleaved, as shared machines drift
        for name, (answer, spec) in cases.items():
            rounds[name].append(rate(functools.partial(score_chart, answer, spec), share))
    for name, values in rounds.items():
        print(
            f"{name:>6}: {statistics.median(values):7.1f} charts/s  "
            f"(min {min(values):.1f}, max {max(values):.1f}, {options.rounds} rounds)"
        )


if __name__ == "__main__":
    main()
