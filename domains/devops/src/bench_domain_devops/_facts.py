"""The facts the tasks are about, computed from the fixtures: never typed in by hand.

Who is on call, the p95 of a day, the deployment before an incident and its author, the error
rate before and after a deployment, whether the runbook lets a rollback happen, which alerts to
acknowledge: each task asks the fixtures through these functions, so regenerating the data
moves the expected answers with it.
"""

from __future__ import annotations

import collections
import datetime as dt

from ._clock import format_utc, from_local, parse_utc
from ._fixtures import Alert, Deployment, Fixtures, Incident, Series
from ._metrics import Aggregation, around, budget, error_rate, hours, index_of, value

PAGING_SEVERITIES = ("SEV1", "SEV2")  # the runbook: a prod rollback in a freeze needs one open
OPEN_STATUSES = ("investigating", "identified", "monitoring")


class Facts:
    """Questions about the fixtures that the tasks' expected values come from.

    Args:
        fixtures: The platform's data.
    """

    def __init__(self, fixtures: Fixtures) -> None:
        self.fixtures = fixtures
        self.now = parse_utc(fixtures.meta.now)
        self.today = self.now.date()
        self.yesterday = self.today - dt.timedelta(days=1)

    # --- records by story ---------------------------------------------------------------------

    def story_deployment(self, story: str) -> Deployment:
        """The deployment a planted story is about."""
        return self.fixtures.deployment_by_id[self.fixtures.stories.deployments[story]]

    def story_incident(self, story: str) -> Incident:
        """The incident a planted story is about."""
        return self.fixtures.incident_by_id[self.fixtures.stories.incidents[story]]

    def story_alert(self, story: str) -> Alert:
        """The alert a planted story is about."""
        return self.fixtures.alert_by_id[self.fixtures.stories.alerts[story]]

    def series(self, service: str, environment: str) -> Series:
        """The metric series of a service in an environment."""
        return self.fixtures.series_by_key[service, environment]

    # --- on call ------------------------------------------------------------------------------

    def primary_at(self, team: str, moment: dt.datetime) -> str:
        """Who held ``team``'s primary pager at ``moment``: an override wins over the rota."""
        stamp = format_utc(moment)
        oncall = self.fixtures.oncall
        for override in oncall.overrides:
            if override.team == team and override.starts_at <= stamp < override.ends_at:
                return override.primary
        shift = next(
            s for s in oncall.shifts if s.team == team and s.starts_at <= stamp < s.ends_at
        )
        return shift.primary

    def scheduled_primary_at(self, team: str, moment: dt.datetime) -> str:
        """The rota's primary at ``moment``, overrides aside (the tempting wrong answer)."""
        stamp = format_utc(moment)
        return next(
            s.primary
            for s in self.fixtures.oncall.shifts
            if s.team == team and s.starts_at <= stamp < s.ends_at
        )

    def primary_at_local(self, team: str, wall: dt.datetime) -> str:
        """The primary at a Berlin wall-clock time (naive ``wall``), daylight saving applied."""
        return self.primary_at(team, from_local(wall))

    def team_of(self, service: str) -> str:
        """The team that owns a service."""
        return self.fixtures.service_by_name[service].team

    # --- metrics ------------------------------------------------------------------------------

    def day_value(
        self, service: str, environment: str, metric: str, day: dt.date, aggregation: Aggregation
    ) -> float:
        """One aggregate of a metric over a UTC calendar day, unrounded."""
        start = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
        indices = hours(self.fixtures.metrics, start, start + dt.timedelta(days=1))
        return value(self.series(service, environment), metric, indices, aggregation)

    def error_rates_around(self, deployment: Deployment, span: int) -> tuple[float, float]:
        """Error rate (percent) in the ``span`` whole hours before the deploy and after it."""
        before, after = around(
            self.fixtures.metrics, deployment.started_at, deployment.finished_at, span
        )
        series = self.series(deployment.service, deployment.environment)
        return error_rate(series, before), error_rate(series, after)

    def error_rate_rose(self, deployment: Deployment, span: int, factor: float = 1.5) -> bool:
        """Whether the error rate after the deploy is above ``factor`` times the one before."""
        before, after = self.error_rates_around(deployment, span)
        return after > factor * before

    def slo_budget(self, service: str, environment: str) -> dict[str, float]:
        """The SLO's objective and error budget over the 30 days before the hour in progress."""
        slo = next(
            s for s in self.fixtures.slos if (s.service, s.environment) == (service, environment)
        )
        last = index_of(self.fixtures.metrics, self.now)
        window = range(max(0, last - 24 * slo.window_days), last)
        spent = budget(slo, self.series(service, environment), window)
        return {"objective_pct": slo.objective_pct, **spent}

    def requests_total(self, service: str, environment: str, start: dt.date, end: dt.date) -> int:
        """Requests served in the UTC days ``[start, end]``."""
        first = dt.datetime(start.year, start.month, start.day, tzinfo=dt.UTC)
        last = dt.datetime(end.year, end.month, end.day, tzinfo=dt.UTC) + dt.timedelta(days=1)
        indices = hours(self.fixtures.metrics, first, last)
        return int(value(self.series(service, environment), "requests", indices, "sum"))

    # --- deployments, incidents and the runbook ----------------------------------------------

    def deployment_before(self, incident: Incident) -> Deployment:
        """The last deployment of the incident's service and environment before it opened."""
        return max(
            (
                d
                for d in self.fixtures.deployments
                if (d.service_id, d.environment) == (incident.service_id, incident.environment)
                and d.started_at < incident.opened_at
            ),
            key=lambda d: d.started_at,
        )

    def any_deployment_before(self, incident: Incident) -> Deployment:
        """The last deployment anywhere before the incident opened (the tempting wrong one)."""
        return max(
            (d for d in self.fixtures.deployments if d.started_at < incident.opened_at),
            key=lambda d: d.started_at,
        )

    def live_deployment(self, service: str, environment: str) -> Deployment:
        """The deployment whose version runs now."""
        return max(
            (
                d
                for d in self.fixtures.deployments
                if (d.service, d.environment) == (service, environment) and d.status != "failed"
            ),
            key=lambda d: d.started_at,
        )

    def freeze_in_force(self, environment: str, moment: dt.datetime | None = None) -> str | None:
        """The id of the change freeze covering ``environment`` at ``moment`` (default: now)."""
        stamp = format_utc(moment or self.now)
        return next(
            (
                f.id
                for f in self.fixtures.freezes
                if environment in f.environments and f.starts_at <= stamp < f.ends_at
            ),
            None,
        )

    def open_incidents(self, service: str, environment: str) -> list[Incident]:
        """The unresolved incidents of a service in an environment."""
        return [
            i
            for i in self.fixtures.incidents
            if (i.service, i.environment) == (service, environment) and i.status in OPEN_STATUSES
        ]

    def runbook_allows_rollback(self, deployment: Deployment) -> bool:
        """The runbook: no prod rollback during a freeze without an open SEV1 or SEV2 incident."""
        if self.freeze_in_force(deployment.environment) is None:
            return True
        return any(
            i.severity in PAGING_SEVERITIES
            for i in self.open_incidents(deployment.service, deployment.environment)
        )

    def top_deployers(self, start: dt.date, end: dt.date) -> list[tuple[str, int]]:
        """Authors by number of deployments started in ``[start, end]`` (UTC dates), most first."""
        counts = collections.Counter(
            d.author
            for d in self.fixtures.deployments
            if start.isoformat() <= d.started_at[:10] <= end.isoformat()
        )
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    # --- alerts and logs ----------------------------------------------------------------------

    def alerts_in_state(self, service: str, environment: str, state: str) -> list[Alert]:
        """The alerts of a service in an environment that are in ``state``."""
        return [
            a
            for a in self.fixtures.alerts
            if (a.service, a.environment, a.state) == (service, environment, state)
        ]

    def flapping_alerts(self, minimum: int = 5) -> list[Alert]:
        """Open alerts that changed state at least ``minimum`` times in the last 24 hours."""
        return [a for a in self.fixtures.alerts if a.state != "resolved" and a.flaps_24h >= minimum]

    def pods_logging(self, service: str, environment: str, words: str, day: dt.date) -> list[str]:
        """The pods whose log lines on ``day`` contain every one of ``words``."""
        wanted = words.casefold().split()
        return sorted(
            {
                line.pod
                for line in self.fixtures.logs
                if (line.service, line.environment) == (service, environment)
                and line.timestamp.startswith(day.isoformat())
                and all(w in line.message.casefold() for w in wanted)
            }
        )

    def log_count(self, service: str, environment: str, words: str, day: dt.date) -> int:
        """How many log lines of ``day`` contain every one of ``words``."""
        wanted = words.casefold().split()
        return sum(
            (line.service, line.environment) == (service, environment)
            and line.timestamp.startswith(day.isoformat())
            and all(w in line.message.casefold() for w in wanted)
            for line in self.fixtures.logs
        )
