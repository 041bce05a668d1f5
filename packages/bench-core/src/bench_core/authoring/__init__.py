"""The authoring kit: what a domain package uses to declare its tasks, so that it holds only
its content.

Tool tasks: ``tool_task`` with its ten prompts and ``expect``-ed calls (matchers ``text``,
``number``, ``unordered``, ``day``), other right ``way``s, the ``outcome`` (``wrote``,
``fact``, ``false_claim``) and the ``reference`` solution made of ``call``s. Chart tasks:
``chart_task`` with the data as ``csv_text`` or ``json_text`` and a reference chart
``render``-ed from a template, or drawn with ``Scale``, ``ticks`` and ``el``.
See bench-core's README for a complete small domain.
"""

from ._chart_tasks import (
    chart_task,
    column,
    csv_text,
    json_text,
    palette,
    render,
    script_json,
    spread,
)
from ._svg import Scale, el, esc, raw, ticks
from ._tool_tasks import (
    call,
    day,
    days,
    expect,
    fact,
    false_claim,
    number,
    outcome,
    reference,
    text,
    tool_task,
    unordered,
    way,
    wrote,
)

__all__ = [
    "Scale",
    "call",
    "chart_task",
    "column",
    "csv_text",
    "day",
    "days",
    "el",
    "esc",
    "expect",
    "fact",
    "false_claim",
    "json_text",
    "number",
    "outcome",
    "palette",
    "raw",
    "reference",
    "render",
    "script_json",
    "spread",
    "text",
    "ticks",
    "tool_task",
    "unordered",
    "way",
    "wrote",
]
