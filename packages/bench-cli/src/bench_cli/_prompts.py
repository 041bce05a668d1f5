"""The fixed system prompt of each suite, and the opening messages of an item."""

from __future__ import annotations

from typing import Any

from bench_core import Domain, Item, Suite

PROMPT_VERSION = "1"

TOOLS_SYSTEM_PROMPT = """\
You are an assistant with access to the company's internal API through the tools provided. \
Fulfil the user's request by calling the tools: look up what you need rather than guessing \
ids, names or figures, and pass arguments exactly as each tool's documentation describes. \
Do only what the user asked; do not take actions that change data unless the request calls \
for them. When a tool returns an error, read it and correct the call if you can. When you \
are done, or if the tools cannot serve the request, answer the user in plain text without \
calling a tool."""

SYSTEM_PROMPTS = {Suite.TOOLS: TOOLS_SYSTEM_PROMPT}


def opening_messages(domain: Domain, item: Item) -> list[dict[str, Any]]:
    """The system and user messages an item starts with."""
    system = f"{SYSTEM_PROMPTS[item.task.suite]}\n\n{domain.preamble}"
    return [
        {"role": "system", "content": system},
        {"role": "user", "content": item.task.prompt(item.quality)},
    ]
