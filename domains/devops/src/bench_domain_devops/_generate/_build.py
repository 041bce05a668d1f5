"""Run the generator: build every fixture in memory, or write them into ``data/``."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

from .._clock import format_local, format_utc
from ._alerts import alerts, team_of_service
from ._deploys import Deploy, live_versions, releases, walk
from ._incidents import IMPACT, Incident, bad_deploys, incident_record, other_incidents, timeline
from ._logs import logs, pods
from ._oncall import override_records, primary_at, shift_records
from ._series import Damage, metrics
from ._stories import planted
from ._world import (
    DELETED_SERVICE,
    FREEZE_END,
    FREEZE_START,
    NOW,
    SERVICES,
    freeze_records,
    service_records,
    slo_records,
    team_records,
)

# Chosen once among the first few seeds after 20260408 as the first whose staging twins read
# true for every window of 1 to 6 hours: search's error rate at least 4x after its deploy,
# pricing's within a third of where it was (the tests check both).
SEED = 20260411
INCIDENTS = 80
BAD_DEPLOYS = 18
# The staging regression of the search twin: no incident, only the metrics show it.
SEARCH_STAGING_DAMAGE = (12.0, 1.5)
OOM_MEMORY = (
    dt.datetime(2026, 4, 3, 11, tzinfo=dt.UTC),
    dt.datetime(2026, 4, 3, 16, tzinfo=dt.UTC),
)

DATA_DIR = Path(__file__).parents[1] / "data"


def main() -> None:
    """Write every fixture file into ``data/``."""
    files = generate()
    DATA_DIR.mkdir(exist_ok=True)
    for name, content in files.items():
        text = serialize(name, content)
        (DATA_DIR / name).write_text(text, encoding="utf-8")
        print(f"wrote data/{name} ({len(text):,} bytes)")


def serialize(name: str, content: Any) -> str:
    """A fixture file's text: indented JSON for readable diffs, compact for the bulky files."""
    if name in ("metrics.json", "logs.json"):
        if name == "logs.json":
            return (
                "[\n" + ",\n".join(json.dumps(r, separators=(",", ":")) for r in content) + "\n]\n"
            )
        series = ",\n".join(json.dumps(s, separators=(",", ":")) for s in content["series"])
        head = json.dumps({k: v for k, v in content.items() if k != "series"})[:-1]
        return f'{head}, "series": [\n{series}\n]}}\n'
    return json.dumps(content, indent=1, ensure_ascii=False) + "\n"


def generate(seed: int = SEED) -> dict[str, Any]:
    """Build all fixtures in memory, keyed by file name."""
    rng = random.Random(seed)
    shifts = shift_records()
    overrides = override_records(shifts)

    def oncall(team: str, moment: dt.datetime) -> str:
        return primary_at(shifts, overrides, team, moment)

    deploys = releases(rng)
    story_deploys, story_incidents = planted(rng)
    deploys += story_deploys
    incidents = story_incidents + bad_deploys(rng, deploys, BAD_DEPLOYS)
    incidents += other_incidents(rng, INCIDENTS - len(incidents))
    for deploy in deploys:
        if deploy.kind == "rollback" and not deploy.author:
            deploy.author = oncall(team_of_service(deploy.service), deploy.started)
    walk(rng, deploys)
    incidents.sort(key=lambda i: (i.opened, i.service))
    incident_rows = []
    for number, incident in enumerate(incidents, start=3001):
        incident.id = f"INC-{number}"
    for incident in incidents:
        incident_rows.append(incident_record(incident, timeline(rng, incident, shifts, overrides)))
    data = metrics(rng, _damages(incidents, deploys))
    _oom_memory(data)
    alert_rows, alert_stories = alerts(rng, incidents, oncall)
    pod_names = pods(rng)
    log_rows, oom_pods = logs(rng, deploys, incidents, pod_names)
    return {
        "meta.json": {
            "company": "Northwind Market",
            "now": format_utc(NOW),
            "now_local": format_local(NOW),
            "timezone": "Europe/Berlin",
        },
        "teams.json": team_records(),
        "services.json": service_records(),
        "deployments.json": [d.record() for d in deploys],
        "incidents.json": incident_rows,
        "alerts.json": alert_rows,
        "slos.json": slo_records(),
        "oncall.json": {"shifts": shifts, "overrides": overrides},
        "freezes.json": freeze_records(),
        "metrics.json": data,
        "logs.json": log_rows,
        "stories.json": _stories(deploys, incidents, alert_stories, oom_pods),
    }


def _damages(incidents: list[Incident], deploys: list[Deploy]) -> list[Damage]:
    damages = []
    for incident in incidents:
        start, end = incident.affected
        errors, latency = incident.impact or IMPACT[incident.severity]
        damages.append(Damage(incident.service, incident.environment, start, end, errors, latency))
    search = next(d for d in deploys if d.story == "search_staging_bad")
    damages.append(Damage("search", "staging", search.finished, NOW, *SEARCH_STAGING_DAMAGE))
    return damages


def _oom_memory(data: dict[str, Any]) -> None:
    """Inventory prod's memory climbs to its limit before the pods are OOM-killed."""
    spec = next(s for s in SERVICES if s.name == "inventory")
    series = next(
        s for s in data["series"] if (s["service"], s["environment"]) == ("inventory", "prod")
    )
    start = dt.datetime.fromisoformat(data["start"].replace("Z", "+00:00"))
    first = int((OOM_MEMORY[0] - start).total_seconds() // 3600)
    last = int((OOM_MEMORY[1] - start).total_seconds() // 3600)
    for offset, index in enumerate(range(first, last + 1)):
        series["memory_mb"][index] = round(spec.memory_mb * min(1.0, 0.9 + 0.025 * offset))


def _stories(
    deploys: list[Deploy], incidents: list[Incident], alert_ids: dict[str, str], oom_pods: list[str]
) -> dict[str, Any]:
    """The ids of the records each story is about, for the facts layer and the tests."""
    current = live_versions(deploys)
    return {
        "deployments": {d.story: d.id for d in deploys if d.story},
        "incidents": {i.story: i.id for i in incidents if i.story},
        "alerts": alert_ids,
        "oom_pods": oom_pods,
        "renamed_service": {"name": "notifications", "former_name": "notifier"},
        "deleted_service": DELETED_SERVICE.name,
        "freeze": {"starts_at": format_utc(FREEZE_START), "ends_at": format_utc(FREEZE_END)},
        "live_prod": {
            s: current[s, "prod"].id for s in ("checkout", "cart") if (s, "prod") in current
        },
    }
