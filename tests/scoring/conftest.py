from typing import Any

import pytest


def tool(name: str, properties: dict[str, Any], required: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        "type": "function",
        "function": {
            "name": name,
            "description": f"{name} of the journal",
            "parameters": {"type": "object", "properties": properties, "required": list(required)},
        },
    }


TOOLS = [
    tool(
        "get_trades",
        {
            "symbol": {"type": "string"},
            "status": {"type": "string", "enum": ["open", "closed", "cancelled"]},
            "limit": {"type": "integer"},
            "since": {"type": "string", "format": "date"},
            "tags": {"type": "array", "items": {"type": "string"}},
        },
        ("symbol",),
    ),
    tool("get_trade", {"trade_id": {"type": "string"}}, ("trade_id",)),
    tool("list_strategies", {}),
    tool(
        "close_position",
        {"position_id": {"type": "string"}, "price": {"type": "number"}},
        ("position_id",),
    ),
    tool(
        "set_alert",
        {
            "symbol": {"type": "string"},
            "price": {"type": "number"},
            "direction": {"type": "string", "enum": ["above", "below"]},
            "active": {"type": "boolean"},
        },
        ("symbol", "price"),
    ),
]


@pytest.fixture
def tools() -> list[dict[str, Any]]:
    return TOOLS
