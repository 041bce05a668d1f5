"""The HR analytics API's tools, as OpenAI function schemas, documented like the real thing.

Near neighbours on purpose: search vs get-one employee, headcount vs attrition, pay statistics
vs pay bands, survey scores vs survey comments, course catalogue vs completions; and two write
actions (enroll someone in a course, change someone's manager) so that restraint matters.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

LEVEL_IDS = ("IC1", "IC2", "IC3", "IC4", "IC5", "M1", "M2", "M3", "E1")
QUESTION_IDS = ("pride", "manager", "growth", "workload", "alignment", "intent", "enps")
TRAINING_STATUSES = (
    "completed", "completed_late", "overdue", "in_progress", "waived", "withdrawn",
)  # fmt: skip
COMMENT_THEMES = (
    "pride", "manager", "growth", "workload", "alignment", "intent", "commission", "reorg",
)  # fmt: skip
WRITE_TOOLS = frozenset({"enroll_employee", "update_employee_manager"})
MAX_PAGE_SIZE = 100

_DEPARTMENT = {
    "type": "string",
    "description": "Department id (ENG) or name (Engineering), case-insensitive. A department's "
    "former name is accepted too (Customer Support, renamed Customer Success on 2025-07-01).",
}
_TEAM = {"type": "string", "description": "Team id (ENG-PAY) or name (Payments)."}
_LOCATION = {
    "type": "string",
    "description": "Office id or city: BER (Berlin), LON (London), NYC (New York), AUS "
    "(Austin), TOR (Toronto), BLR (Bangalore).",
}
_LEVEL = {
    "type": "string",
    "enum": list(LEVEL_IDS),
    "description": "Career level: IC1-IC5 individual contributors (Associate to Principal), "
    "M1 Manager, M2 Senior Manager, M3 Vice President, E1 Executive.",
}
_EMPLOYEE_ID = {
    "type": "string",
    "description": "Employee id (E1042, case-insensitive) or the work email address.",
}
_PAGE = {
    "type": "integer",
    "minimum": 1,
    "default": 1,
    "description": "Page number, starting at 1. Default 1.",
}
_PAGE_SIZE = {
    "type": "integer",
    "minimum": 1,
    "maximum": MAX_PAGE_SIZE,
    "default": 25,
    "description": f"Rows per page, 1-{MAX_PAGE_SIZE}. Default 25.",
}
_PAGING_NOTE = (
    " Paged: the result carries `total` (all matching rows), `page`, `page_size`, "
    "`total_pages` and `next_page` (null on the last page)."
)


def _date(what: str) -> dict[str, Any]:
    return {"type": "string", "format": "date", "description": f"{what} (YYYY-MM-DD)."}


def _tool(
    name: str, description: str, properties: dict[str, Any], required: tuple[str, ...] = ()
) -> dict[str, Any]:
    return {
        "type": "function",
        "function": {
            "name": name,
            "description": description,
            "parameters": {
                "type": "object",
                "properties": properties,
                "required": list(required),
                "additionalProperties": False,
            },
        },
    }


TOOLS: tuple[dict[str, Any], ...] = (
    _tool(
        "search_employees",
        "Search the employee directory. Returns summary rows (id, name, email, title, "
        "department, team, level, office, manager id, status, hire date) sorted by last name, "
        "then first name. By default only current employees (active or on leave) are "
        "searched. Use get_employee for one person's full record." + _PAGING_NOTE,
        {
            "query": {
                "type": "string",
                "minLength": 2,
                "description": "Part of a name or email, case- and accent-insensitive "
                "('muller' finds Müller).",
            },
            "department": _DEPARTMENT,
            "team": _TEAM,
            "location": _LOCATION,
            "level": _LEVEL,
            "manager_id": {
                "type": "string",
                "description": "Only the direct reports of this employee id.",
            },
            "status": {
                "type": "string",
                "enum": ["current", "active", "on_leave", "exited", "all"],
                "default": "current",
                "description": "Employment status: `current` (active or on leave, the "
                "default), `active`, `on_leave`, `exited` (former employees) or `all`.",
            },
            "hired_after": _date("Only people whose latest hire date is on or after this day"),
            "hired_before": _date("Only people whose latest hire date is on or before this day"),
            "page": _PAGE,
            "page_size": _PAGE_SIZE,
        },
    ),
    _tool(
        "get_employee",
        "Get one person's full HR record: job (title, level, department, team, manager with "
        "name), office and its time zone, status, hire dates (a rehired person has more than "
        "one employment period), exit date and type, leave of absence, annual base salary in "
        "the office's currency, current direct reports, current project allocations, the job "
        "history (one row per change, with its reason) and scheduled changes.",
        {"employee_id": _EMPLOYEE_ID},
        ("employee_id",),
    ),
    _tool(
        "list_departments",
        "List the eight departments with their id, name, former names, cost center, head "
        "(id and name), current headcount and teams (id, name, manager, headcount).",
        {},
    ),
    _tool(
        "get_headcount",
        "Headcount on a date: everyone employed that day (from hire date to last day, both "
        "inclusive), including people on leave, counted in the department, team and level they "
        "held that day. Optionally grouped and filtered. Returns `as_of`, `total` and `groups` "
        "(group id, name, headcount).",
        {
            "as_of": _date("Day to count on, from 2016-03-01 to today. Default: today"),
            "group_by": {
                "type": "string",
                "enum": ["department", "team", "location", "level"],
                "description": "Split the count by this dimension. Default: no split.",
            },
            "department": _DEPARTMENT,
            "location": _LOCATION,
        },
    ),
    _tool(
        "get_attrition",
        "Attrition over a period. Exits are people whose last day falls in the period (both "
        "dates inclusive), counted in the department, team and level they held on their last "
        "day. attrition_rate_pct = 100 * exits / average headcount, where average headcount = "
        "(headcount on start_date + headcount on end_date) / 2; annualized_rate_pct = "
        "attrition_rate_pct * 365 / days in the period. Transfers between departments are not "
        "exits. Returns one row per group (or one `all` row) and the company total.",
        {
            "start_date": _date("First day of the period"),
            "end_date": _date("Last day of the period, at most today"),
            "exit_type": {
                "type": "string",
                "enum": ["all", "voluntary", "involuntary"],
                "default": "all",
                "description": "Which exits to count. Default `all`.",
            },
            "group_by": {
                "type": "string",
                "enum": ["department", "team", "location", "level"],
                "description": "Split by this dimension. Default: no split.",
            },
            "department": _DEPARTMENT,
        },
        ("start_date", "end_date"),
    ),
    _tool(
        "get_compensation_stats",
        "Annual base salary statistics of current employees: count, 25th percentile, median, "
        "75th percentile and mean (quartiles by the inclusive method, as Excel's "
        "QUARTILE.INC). Never returns individual salaries: a group of fewer than 5 employees "
        "is suppressed. Amounts are in USD at the FY2026 planning rates (EUR 1.08, GBP 1.27, "
        "CAD 0.73, INR 0.012 USD), or in the office's own currency with currency=`local`, "
        "which needs every group to be paid in one currency.",
        {
            "group_by": {
                "type": "string",
                "enum": ["department", "location", "level"],
                "description": "Split by this dimension. Default: one group.",
            },
            "department": _DEPARTMENT,
            "location": _LOCATION,
            "level": _LEVEL,
            "currency": {
                "type": "string",
                "enum": ["USD", "local"],
                "default": "USD",
                "description": "`USD` (default) or `local` (the office's currency).",
            },
        },
    ),
    _tool(
        "get_salary_bands",
        "The FY2026 salary bands (annual base): minimum, midpoint and maximum for each level "
        "and office, in the office's currency. Bands are policy, not what people are paid: for "
        "actual pay use get_compensation_stats.",
        {"level": _LEVEL, "location": _LOCATION},
    ),
    _tool(
        "list_surveys",
        "List the quarterly engagement surveys: id, quarter, open and close dates, questions, "
        "number of responses and response rate (responses / people employed and not on leave "
        "on the opening day).",
        {},
    ),
    _tool(
        "get_survey_results",
        "Aggregated results of one survey. Likert questions (1-5) report favorable_pct "
        "(answers 4-5), neutral_pct, unfavorable_pct and mean; the `enps` question reports "
        "eNPS = % promoters (9-10) - % detractors (0-6), from -100 to 100. Groups are the "
        "respondent's department, team, office, level or tenure at the time of the survey. To "
        "protect anonymity any group (or filtered set) with fewer than 5 responses is "
        "suppressed: it shows `suppressed: true` and no scores.",
        {
            "survey_id": {
                "type": "string",
                "description": "Survey id (SRV-2026-Q1) or its quarter (2026-Q1).",
            },
            "question": {
                "type": "string",
                "enum": [*QUESTION_IDS, "all"],
                "default": "all",
                "description": "Question id, or `all` (default).",
            },
            "group_by": {
                "type": "string",
                "enum": ["department", "team", "location", "level", "tenure"],
                "description": "Split by this dimension. Default: the whole company.",
            },
            "department": _DEPARTMENT,
            "team": _TEAM,
        },
        ("survey_id",),
    ),
    _tool(
        "get_survey_comments",
        "Free-text comments of one survey, verbatim, with the "
        "respondent's department and the comment's theme. Only for sets of 5 or more "
        "responses (filter by department or office); smaller sets are suppressed." + _PAGING_NOTE,
        {
            "survey_id": {
                "type": "string",
                "description": "Survey id (SRV-2026-Q1) or its quarter (2026-Q1).",
            },
            "department": _DEPARTMENT,
            "location": _LOCATION,
            "theme": {
                "type": "string",
                "enum": list(COMMENT_THEMES),
                "description": "Only comments on this theme.",
            },
            "page": _PAGE,
            "page_size": _PAGE_SIZE,
        },
        ("survey_id",),
    ),
    _tool(
        "list_projects",
        "List projects with their owning department, status, lead, start and (planned) end "
        "dates, people allocated today and their total FTE (sum of allocation percentages / "
        "100).",
        {
            "status": {
                "type": "string",
                "enum": ["active", "completed", "planned", "on_hold"],
                "description": "Only projects in this status. Default: all.",
            },
            "department": _DEPARTMENT,
        },
    ),
    _tool(
        "get_project_allocations",
        "Who is allocated to a project, with role, percent of their time (10-100), start and "
        "end dates (inclusive). By default only allocations in effect on `as_of` (today); "
        "include_past=true lists every allocation the project ever had.",
        {
            "project_id": {"type": "string", "description": "Project id, e.g. PRJ-104."},
            "as_of": _date("Day the allocations must cover. Default: today"),
            "include_past": {
                "type": "boolean",
                "default": False,
                "description": "List all allocations regardless of dates. Default false.",
            },
        },
        ("project_id",),
    ),
    _tool(
        "list_courses",
        "The learning catalogue: course id, title, category, format, duration in hours, and for "
        "mandatory courses the audience, assignment date and deadline; with enrollment and "
        "completion counts. A mandatory course is due by the end of its deadline day in the "
        "learner's office time zone; people hired after the assignment date (until "
        "`new_hires_until`) are assigned it on their first day with 14 days to finish, if that "
        "is later than the deadline.",
        {
            "mandatory": {
                "type": "boolean",
                "description": "true: only mandatory courses; false: only electives.",
            },
            "category": {
                "type": "string",
                "enum": [
                    "compliance",
                    "technical",
                    "leadership",
                    "business",
                    "product",
                    "customer",
                ],
                "description": "Only courses in this category.",
            },
        },
    ),
    _tool(
        "get_training_completions",
        "Enrollment and completion rows: one per person and course, with the due date, status "
        "and completion time (UTC, and local time in the learner's office). Status: "
        "`completed` (on time, or no due date), `completed_late` (after the end of the due "
        "date, local time), `overdue` (not completed and the due date has passed), "
        "`in_progress` (not completed, not yet due), `waived`, `withdrawn`. Former employees "
        "are left out unless include_former=true. Sorted by course, then employee id."
        + _PAGING_NOTE,
        {
            "course_id": {"type": "string", "description": "Course id, e.g. CRS-105."},
            "employee_id": _EMPLOYEE_ID,
            "department": _DEPARTMENT,
            "status": {
                "type": "string",
                "enum": list(TRAINING_STATUSES),
                "description": "Only rows with this status.",
            },
            "completed_after": _date("Only completions on or after this UTC date"),
            "completed_before": _date("Only completions on or before this UTC date"),
            "include_former": {
                "type": "boolean",
                "default": False,
                "description": "Include people who have left. Default false.",
            },
            "page": _PAGE,
            "page_size": _PAGE_SIZE,
        },
    ),
    _tool(
        "enroll_employee",
        "Enroll a current employee in a course. Fails if the person is already enrolled and "
        "has not completed it, has left the company, or the course is unknown. Returns the new "
        "enrollment.",
        {
            "employee_id": _EMPLOYEE_ID,
            "course_id": {"type": "string", "description": "Course id, e.g. CRS-214."},
            "due_date": _date(
                "Date to complete it by, from today to one year ahead. Default: none"
            ),
        },
        ("employee_id", "course_id"),
    ),
    _tool(
        "update_employee_manager",
        "Change who an employee reports to. The new manager must be a current employee and "
        "the change must not create a reporting loop. Takes effect on effective_date "
        "(default today; at most 90 days ahead).",
        {
            "employee_id": _EMPLOYEE_ID,
            "manager_id": {
                "type": "string",
                "description": "Employee id (or email) of the new manager.",
            },
            "effective_date": _date("Day the change takes effect, today or later"),
        },
        ("employee_id", "manager_id"),
    ),
)

TOOL_SCHEMAS: MappingProxyType[str, dict[str, Any]] = MappingProxyType(
    {t["function"]["name"]: t["function"]["parameters"] for t in TOOLS}
)
