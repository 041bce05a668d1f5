"""The golden chart documents and the specs they are scored with."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

GOLDEN = Path(__file__).parent / "golden"
SPECS: dict[str, dict[str, Any]] = json.loads((GOLDEN / "specs.json").read_text("utf-8"))
ROWS: list[dict[str, Any]] = json.loads((GOLDEN / "expected.json").read_text("utf-8"))["documents"]
FULL = {
    "data_presence": 30.0,
    "code_validity": 20.0,
    "design_tokens": 20.0,
    "chart_type_match": 10.0,
    "design_rules": 10.0,
    "interactivity": 10.0,
}


def golden(name: str) -> str:
    """The text of a golden document."""
    return (GOLDEN / name).read_text("utf-8")


def spec_for(row: dict[str, Any]) -> dict[str, Any]:
    """The spec a golden row is scored with: its preset with its overrides."""
    return {**SPECS[row["spec"]], **row.get("overrides", {})}


def row_id(row: dict[str, Any]) -> str:
    suffix = "-" + "-".join(sorted(row["overrides"])) if "overrides" in row else ""
    return f"{row['file']}{suffix}"
