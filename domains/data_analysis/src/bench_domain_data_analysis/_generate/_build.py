"""Run the generator: build every fixture in memory, or write them into ``data/``."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from ._learning import course_records, enrollment_records
from ._people import build_history, build_people
from ._projects import project_and_allocation_records
from ._records import (
    band_records,
    department_records,
    employee_records,
    level_records,
    location_records,
)
from ._surveys import response_records, survey_records
from ._world import COMPANY, FOUNDED, REORG_DAY, TODAY, USD_RATES

ORG_SEED = 20260408  # the people, their history and pay
SURVEY_SEED = 7  # the survey responses
LEARNING_SEED = 11  # enrollments and completions
PROJECT_SEED = 5  # projects and allocations

DATA_DIR = Path(__file__).parents[1] / "data"
# Files with many rows are written one record per line: compact, yet a diff shows each record.
ROW_FILES = frozenset({"employees.json", "survey_responses.json", "enrollments.json",
                       "allocations.json"})  # fmt: skip


def main() -> None:
    """Write every fixture file into ``data/``."""
    files = generate()
    DATA_DIR.mkdir(exist_ok=True)
    for name, content in files.items():
        text = serialize(content, name in ROW_FILES)
        (DATA_DIR / name).write_text(text, encoding="utf-8")
        print(f"wrote data/{name} ({len(text):,} bytes)")


def serialize(content: Any, rows: bool = False) -> str:
    """A fixture file's text: indented JSON, or one compact record per line for long lists."""
    if rows:
        lines = (json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in content)
        return "[\n" + ",\n".join(lines) + "\n]\n"
    return json.dumps(content, indent=1, ensure_ascii=False) + "\n"


def generate() -> dict[str, Any]:
    """Build all fixtures in memory, keyed by file name."""
    rng = random.Random(ORG_SEED)
    people, org = build_people(rng)
    ordered = sorted(people, key=lambda p: (p.stints[0].start, p.key))
    for number, person in enumerate(ordered, start=1001):
        person.id = f"E{number}"
    build_history(people, org)
    employees = employee_records(rng, people)
    surveys = survey_records()
    responses = response_records(random.Random(SURVEY_SEED), ordered, surveys)
    enrollments = enrollment_records(random.Random(LEARNING_SEED), people)
    projects, allocations = project_and_allocation_records(random.Random(PROJECT_SEED), ordered)
    return {
        "company.json": {
            "name": COMPANY,
            "reference_date": TODAY.isoformat(),
            "founded": FOUNDED.isoformat(),
            "fiscal_year_start": "01-01",
            "reorg_date": REORG_DAY.isoformat(),
            "reporting_currency": "USD",
            "usd_rates": USD_RATES,
            "min_group_size": 5,
        },
        "locations.json": location_records(),
        "levels.json": level_records(),
        "salary_bands.json": band_records(),
        "departments.json": department_records(org),
        "employees.json": employees,
        "surveys.json": surveys,
        "survey_responses.json": responses,
        "projects.json": projects,
        "allocations.json": allocations,
        "courses.json": course_records(),
        "enrollments.json": enrollments,
    }
