"""The platform's fixture data: typed records, read lazily from the package's ``data/`` folder.

Every instant is stored in UTC as ``YYYY-MM-DDTHH:MM:SSZ``; the rota and the freezes also
carry the Berlin wall-clock time that people read them in.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Literal, TypeVar

import msgspec

Environment = Literal["dev", "staging", "prod"]
DeploymentStatus = Literal["succeeded", "failed", "rolled_back"]
DeploymentKind = Literal["release", "hotfix", "rollback"]
Severity = Literal["SEV1", "SEV2", "SEV3", "SEV4"]
IncidentStatus = Literal["investigating", "identified", "monitoring", "resolved"]
AlertState = Literal["firing", "acked", "resolved", "silenced"]
AlertSeverity = Literal["critical", "warning", "info"]
LogLevel = Literal["INFO", "WARN", "ERROR"]


class Meta(msgspec.Struct, frozen=True, kw_only=True):
    """The company and the reference time of the data ("now")."""

    company: str
    now: str
    now_local: str
    timezone: str


class Team(msgspec.Struct, frozen=True, kw_only=True):
    """An engineering team: members in rota order, its Slack channel and its services."""

    id: str
    name: str
    slack_channel: str
    members: tuple[str, ...]
    services: tuple[str, ...]


class FormerName(msgspec.Struct, frozen=True, kw_only=True):
    """A name a service had until a rename."""

    name: str
    until: str


class Service(msgspec.Struct, frozen=True, kw_only=True):
    """A service in the catalogue; a deleted one keeps its record with ``deleted_at``."""

    id: str
    name: str
    former_names: tuple[FormerName, ...]
    team: str
    owner: str
    tier: int
    language: str
    description: str
    repository: str
    environments: tuple[Environment, ...]
    created_at: str
    deleted_at: str | None


class Deployment(msgspec.Struct, frozen=True, kw_only=True):
    """One deployment of a version to one environment."""

    id: str
    service_id: str
    service: str
    environment: Environment
    version: str
    previous_version: str | None
    commit: str
    author: str
    kind: DeploymentKind
    description: str
    started_at: str
    finished_at: str
    status: DeploymentStatus
    rolled_back_by: str | None
    rollback_of: str | None


class TimelineEvent(msgspec.Struct, frozen=True, kw_only=True):
    """An entry of an incident's timeline."""

    at: str
    type: str
    author: str
    text: str


class Incident(msgspec.Struct, frozen=True, kw_only=True):
    """An incident with its timeline; ``caused_by_deployment`` once the cause is known."""

    id: str
    title: str
    service_id: str
    service: str
    environment: Environment
    severity: Severity
    status: IncidentStatus
    opened_at: str
    acknowledged_at: str
    resolved_at: str | None
    commander: str
    caused_by_deployment: str | None
    root_cause_category: str | None
    root_cause: str | None
    reopened_count: int
    timeline: tuple[TimelineEvent, ...]


class Transition(msgspec.Struct, frozen=True, kw_only=True):
    """A change of an alert's state."""

    at: str
    state: str


class Alert(msgspec.Struct, frozen=True, kw_only=True):
    """An alert: the rule that fired, where, its state and its history."""

    id: str
    rule: str
    service_id: str
    service: str
    environment: Environment
    severity: AlertSeverity
    state: AlertState
    metric: str
    condition: str
    summary: str
    started_at: str
    resolved_at: str | None
    acknowledged_by: str | None
    acknowledged_at: str | None
    silenced_until: str | None
    silenced_by: str | None
    silence_reason: str | None
    incident_id: str | None
    flaps_24h: int
    transitions: tuple[Transition, ...]


class Slo(msgspec.Struct, frozen=True, kw_only=True):
    """An availability objective over a rolling window."""

    id: str
    service_id: str
    service: str
    environment: Environment
    sli: str
    description: str
    objective_pct: float
    window_days: int


class Shift(msgspec.Struct, frozen=True, kw_only=True):
    """A week of a team's rota, handed over Monday 09:00 Berlin time."""

    team: str
    primary: str
    secondary: str
    starts_at: str
    ends_at: str
    starts_local: str
    ends_local: str


class Override(msgspec.Struct, frozen=True, kw_only=True):
    """Someone who takes the primary pager from the rota for a while."""

    id: str
    team: str
    primary: str
    replaces: str
    starts_at: str
    ends_at: str
    starts_local: str
    ends_local: str
    reason: str


class OnCall(msgspec.Struct, frozen=True, kw_only=True):
    """The rota and its overrides."""

    shifts: tuple[Shift, ...]
    overrides: tuple[Override, ...]


class Freeze(msgspec.Struct, frozen=True, kw_only=True):
    """A change freeze."""

    id: str
    name: str
    starts_at: str
    ends_at: str
    starts_local: str
    ends_local: str
    environments: tuple[Environment, ...]
    reason: str


class Series(msgspec.Struct, frozen=True, kw_only=True):
    """The hourly metrics of one service in one environment (index 0 is ``Metrics.start``)."""

    service: str
    environment: Environment
    requests: tuple[int, ...]
    errors: tuple[int, ...]
    cpu_pct: tuple[float, ...]
    memory_mb: tuple[int, ...]
    latency_p50_ms: tuple[int, ...]
    latency_p95_ms: tuple[int, ...]
    latency_p99_ms: tuple[int, ...]


class Metrics(msgspec.Struct, frozen=True, kw_only=True):
    """30 days of hourly points: each point covers ``[start + i h, start + (i+1) h)``."""

    start: str
    step_seconds: int
    points: int
    series: tuple[Series, ...]


class LogLine(msgspec.Struct, frozen=True, kw_only=True):
    """A retained log line (warnings, errors and deployment notices)."""

    timestamp: str
    service: str
    environment: Environment
    level: LogLevel
    pod: str
    message: str
    trace_id: str


class Stories(msgspec.Struct, frozen=True, kw_only=True):
    """The records each planted story is about (for the facts and the tests, not the API)."""

    deployments: dict[str, str]
    incidents: dict[str, str]
    alerts: dict[str, str]
    oom_pods: tuple[str, ...]
    renamed_service: dict[str, str]
    deleted_service: str
    freeze: dict[str, str]
    live_prod: dict[str, str]


class Fixtures(msgspec.Struct, frozen=True, kw_only=True, dict=True):
    """Everything the platform holds at the reference time."""

    meta: Meta
    teams: tuple[Team, ...]
    services: tuple[Service, ...]
    deployments: tuple[Deployment, ...]
    incidents: tuple[Incident, ...]
    alerts: tuple[Alert, ...]
    slos: tuple[Slo, ...]
    oncall: OnCall
    freezes: tuple[Freeze, ...]
    metrics: Metrics
    logs: tuple[LogLine, ...]
    stories: Stories

    @functools.cached_property
    def service_by_id(self) -> dict[str, Service]:
        """The services keyed by id."""
        return {s.id: s for s in self.services}

    @functools.cached_property
    def service_by_name(self) -> dict[str, Service]:
        """The services keyed by current name."""
        return {s.name: s for s in self.services}

    @functools.cached_property
    def series_by_key(self) -> dict[tuple[str, str], Series]:
        """The metric series keyed by (service name, environment)."""
        return {(s.service, s.environment): s for s in self.metrics.series}

    @functools.cached_property
    def deployment_by_id(self) -> dict[str, Deployment]:
        """The deployments keyed by id."""
        return {d.id: d for d in self.deployments}

    @functools.cached_property
    def incident_by_id(self) -> dict[str, Incident]:
        """The incidents keyed by id."""
        return {i.id: i for i in self.incidents}

    @functools.cached_property
    def alert_by_id(self) -> dict[str, Alert]:
        """The alerts keyed by id."""
        return {a.id: a for a in self.alerts}


_T = TypeVar("_T")


def _read(name: str, kind: type[_T]) -> _T:
    data = resources.files(__package__).joinpath("data", name).read_bytes()
    return msgspec.json.decode(data, type=kind)


@functools.cache
def load_fixtures() -> Fixtures:
    """The fixtures, read and validated on first use, then shared (every record is frozen)."""
    return Fixtures(
        meta=_read("meta.json", Meta),
        teams=_read("teams.json", tuple[Team, ...]),
        services=_read("services.json", tuple[Service, ...]),
        deployments=_read("deployments.json", tuple[Deployment, ...]),
        incidents=_read("incidents.json", tuple[Incident, ...]),
        alerts=_read("alerts.json", tuple[Alert, ...]),
        slos=_read("slos.json", tuple[Slo, ...]),
        oncall=_read("oncall.json", OnCall),
        freezes=_read("freezes.json", tuple[Freeze, ...]),
        metrics=_read("metrics.json", Metrics),
        logs=_read("logs.json", tuple[LogLine, ...]),
        stories=_read("stories.json", Stories),
    )
