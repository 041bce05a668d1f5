"""Declaring chart tasks: the data given in the prompt, the spec, the reference chart."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from typing import Any, Literal

from .._tasks import ChartReference, ChartSpec, ChartTask, DesignTokens
from .._weights import Difficulty

_SLOT = re.compile(r"\{\{ (\w+) \}\}")


def chart_task(
    task_id: str,
    difficulty: Difficulty,
    title: str,
    prompts: Sequence[str],
    *,
    domain: str,
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
    """A chart task.

    ``decimals`` and ``compact`` say how a shown value may be rounded (by default to whole
    units, or in compact form such as ``30.0K``). A label or value listed twice is looked for
    once.
    """
    return ChartTask(
        id=task_id,
        domain=domain,
        difficulty=difficulty,
        title=title,
        prompts=tuple(prompts),
        data=data,
        data_format=data_format,
        spec=ChartSpec(
            chart_type=chart_type,
            labels=tuple(dict.fromkeys(labels)),
            values=tuple(dict.fromkeys(values)),
            decimals=decimals,
            compact=compact,
            tokens=DesignTokens(
                colors=tuple(colors), fonts=(font,), radii=(radius,), background=background
            ),
            rules=tuple(rules),
            interactivity=tuple(interactivity),
        ),
    )


def csv_text(rows: Sequence[Mapping[str, Any]]) -> str:
    """Rows as CSV with a header line, numbers in their shortest exact form."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(list(rows[0]))
    writer.writerows(list(row.values()) for row in rows)
    return out.getvalue()


def json_text(data: Any) -> str:
    """Data as JSON, one record a line: the way an API's export reads."""
    if isinstance(data, Mapping):
        parts = [f"  {json.dumps(key)}: {_lines(value, 2)}" for key, value in data.items()]
        return "{\n" + ",\n".join(parts) + "\n}\n"
    return _lines(data, 0) + "\n"


def _lines(value: Any, indent: int) -> str:
    if not isinstance(value, list):
        return json.dumps(value)
    pad = " " * (indent + 2)
    inner = ",\n".join(pad + json.dumps(item) for item in value)
    return "[\n" + inner + "\n" + " " * indent + "]"


def script_json(data: Any) -> str:
    """Data as a JavaScript literal that is safe inside a ``<script>`` element."""
    return json.dumps(data).replace("</", "<\\/")


def render(package: str, template: str, **slots: str) -> ChartReference:
    """A reference chart: the package's template ``charts/<template>`` with its
    ``{{ slot }}``s filled.

    Raises:
        KeyError: The template has a slot that was not given.
    """
    text = resources.files(package).joinpath("charts", template).read_text("utf-8")
    return ChartReference(html=_SLOT.sub(lambda found: slots[found.group(1)], text))


def palette(names: Iterable[str], colors: Iterable[str]) -> str:
    """Series and their colors as a prompt names them: ``Momentum #4c78a8, Swing #72b7b2``."""
    return ", ".join(f"{name} {color}" for name, color in zip(names, colors, strict=True))


def column(rows: Iterable[Mapping[str, Any]], key: str) -> list[Any]:
    """One column of the rows."""
    return [row[key] for row in rows]


def spread(items: Sequence[Any], count: int) -> list[Any]:
    """``count`` items spread evenly over a long series, first and last included."""
    if len(items) <= count:
        return list(items)
    step = (len(items) - 1) / (count - 1)
    return [items[round(i * step)] for i in range(count)]
