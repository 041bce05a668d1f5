"""Time rules: UTC stored, Berlin time where people read it, daylight saving right."""

import datetime as dt
import itertools

import pytest

from bench_domain_devops._clock import format_local, from_local, parse_utc, to_local, utc_offset
from bench_domain_devops._fixtures import Fixtures


def test_the_hand_written_rule_matches_the_time_zone_database() -> None:
    zoneinfo = pytest.importorskip("zoneinfo")
    try:
        berlin = zoneinfo.ZoneInfo("Europe/Berlin")
    except zoneinfo.ZoneInfoNotFoundError:
        pytest.skip("no time zone database on this system")
    moment = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    while moment < dt.datetime(2027, 1, 1, tzinfo=dt.UTC):
        assert utc_offset(moment) == moment.astimezone(berlin).utcoffset(), moment
        moment += dt.timedelta(minutes=30)


def test_summer_time_starts_on_29_march_2026_at_01_00_utc() -> None:
    before = dt.datetime(2026, 3, 29, 0, 59, tzinfo=dt.UTC)
    after = dt.datetime(2026, 3, 29, 1, 0, tzinfo=dt.UTC)
    assert to_local(before).strftime("%H:%M%z") == "01:59+0100"
    assert to_local(after).strftime("%H:%M%z") == "03:00+0200"
    assert from_local(dt.datetime(2026, 3, 30, 9)) == dt.datetime(2026, 3, 30, 7, tzinfo=dt.UTC)
    assert from_local(dt.datetime(2026, 3, 23, 9)) == dt.datetime(2026, 3, 23, 8, tzinfo=dt.UTC)


def test_every_shift_hands_over_on_monday_at_nine_berlin_time(data: Fixtures) -> None:
    for shift in data.oncall.shifts:
        for stamp, local in (
            (shift.starts_at, shift.starts_local),
            (shift.ends_at, shift.ends_local),
        ):
            wall = to_local(parse_utc(stamp))
            assert (wall.weekday(), wall.hour, wall.minute) == (0, 9, 0)
            assert format_local(parse_utc(stamp)) == local
        assert shift.primary != shift.secondary
    handovers = {s.starts_at[11:16] for s in data.oncall.shifts}
    assert handovers == {"08:00", "07:00"}  # winter and summer time


def test_each_team_is_covered_without_gaps(data: Fixtures) -> None:
    for team in data.teams:
        shifts = [s for s in data.oncall.shifts if s.team == team.id]
        assert all(a.ends_at == b.starts_at for a, b in itertools.pairwise(shifts))
        assert shifts[0].starts_at <= "2026-01-08T00:00:00Z" < data.meta.now < shifts[-1].ends_at


def test_overrides_lie_inside_the_rota_and_name_someone_else(data: Fixtures) -> None:
    for override in data.oncall.overrides:
        team = next(t for t in data.teams if t.id == override.team)
        assert override.primary in team.members
        assert override.primary != override.replaces
        shift = next(
            s
            for s in data.oncall.shifts
            if s.team == override.team and s.starts_at <= override.starts_at < s.ends_at
        )
        assert shift.primary == override.replaces
        assert override.primary != shift.secondary
        assert format_local(parse_utc(override.starts_at)) == override.starts_local


def test_freezes_are_stored_in_utc_and_announced_in_berlin_time(data: Fixtures) -> None:
    for freeze in data.freezes:
        assert format_local(parse_utc(freeze.starts_at)) == freeze.starts_local
        assert format_local(parse_utc(freeze.ends_at)) == freeze.ends_local
        assert freeze.starts_at < freeze.ends_at
    active = [f for f in data.freezes if f.starts_at <= data.meta.now < f.ends_at]
    assert [f.environments for f in active] == [("prod",)]


def test_the_reference_time_is_a_wednesday_morning_in_berlin(data: Fixtures) -> None:
    now = parse_utc(data.meta.now)
    assert data.meta.now_local == format_local(now) == "2026-04-08T08:15:00+02:00"
    assert now.strftime("%A") == "Wednesday"


def test_metric_hours_are_whole_utc_hours_ending_at_the_last_full_hour(data: Fixtures) -> None:
    start = parse_utc(data.metrics.start)
    end = start + dt.timedelta(hours=data.metrics.points)
    assert (start.minute, start.second) == (0, 0)
    assert end <= parse_utc(data.meta.now) < end + dt.timedelta(hours=1)
