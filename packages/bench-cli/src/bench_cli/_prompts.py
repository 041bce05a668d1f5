"""The fixed system prompt of each suite, and the opening messages of an item."""

from __future__ import annotations

from typing import Any

from bench_core import ChartTask, Domain, Item, Suite

PROMPT_VERSION = "1"

TOOLS_SYSTEM_PROMPT = """\
You are an assistant with access to the company's internal API through the tools provided. \
Fulfil the user's request by calling the tools: look up what you need rather than guessing \
ids, names or figures, and pass arguments exactly as each tool's documentation describes. \
Do only what the user asked; do not take actions that change data unless the request calls \
for them. When a tool returns an error, read it and correct the call if you can. When you \
are done, or if the tools cannot serve the request, answer the user in plain text without \
calling a tool."""

CHARTS_SYSTEM_PROMPT = """\
You are a front-end engineer who builds data visualisations. Answer with one complete, \
self-contained HTML document in a single ```html fenced block. Draw the chart with plain \
SVG, or with one of these libraries loaded from a public CDN (jsDelivr, unpkg or cdnjs): \
Chart.js, D3, ECharts, Plotly or Vega-Lite. Use exactly the data given, and the design \
tokens, rules and interactions the request asks for. Load nothing else from the network: \
no other scripts, fonts, images or data."""

SYSTEM_PROMPTS = {Suite.TOOLS: TOOLS_SYSTEM_PROMPT, Suite.CHARTS: CHARTS_SYSTEM_PROMPT}


def opening_messages(domain: Domain, item: Item) -> list[dict[str, Any]]:
    """The system and user messages an item starts with; a chart item's data follows its
    prompt, so every prompt of a task works on the same data."""
    task = item.task
    system = f"{SYSTEM_PROMPTS[task.suite]}\n\n{domain.preamble}"
    prompt = task.prompt(item.quality)
    if isinstance(task, ChartTask):
        data = task.data.strip()
        prompt = (
            f"{prompt}\n\nData ({task.data_format.upper()}):\n```{task.data_format}\n{data}\n```"
        )
    return [{"role": "system", "content": system}, {"role": "user", "content": prompt}]
