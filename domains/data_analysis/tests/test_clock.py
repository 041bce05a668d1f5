"""Time rules: UTC is stored, office time is used where people think in it, and the offices'
daylight-saving rules are right hour by hour."""

import datetime as dt
import zoneinfo

import pytest

from bench_domain_data_analysis._clock import (
    OFFICE_ZONES,
    local_date,
    local_iso,
    quarter_bounds,
    quarter_of,
    utc_offset,
)
from bench_domain_data_analysis._fixtures import Fixtures
from bench_domain_data_analysis._metrics import training_status


def _zone(name: str) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except zoneinfo.ZoneInfoNotFoundError:  # pragma: no cover - no tz database installed
        pytest.skip("no time-zone database on this machine")


@pytest.mark.parametrize("office", sorted(OFFICE_ZONES))
def test_office_offsets_match_the_tz_database_every_hour_2024_to_2026(office: str) -> None:
    zone = _zone(OFFICE_ZONES[office][0])
    moment = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    while moment.year < 2027:
        assert utc_offset(office, moment) == moment.astimezone(zone).utcoffset(), moment
        moment += dt.timedelta(hours=1)


def test_the_spring_gap_between_new_york_and_berlin_is_five_hours() -> None:
    # US clocks moved on 2026-03-08, European ones on 2026-03-29.
    inside = dt.datetime(2026, 3, 20, 12, tzinfo=dt.UTC)
    outside = dt.datetime(2026, 4, 2, 12, tzinfo=dt.UTC)
    assert utc_offset("BER", inside) - utc_offset("NYC", inside) == dt.timedelta(hours=5)
    assert utc_offset("BER", outside) - utc_offset("NYC", outside) == dt.timedelta(hours=6)
    assert utc_offset("BLR", inside) == dt.timedelta(hours=5, minutes=30)


def test_local_dates_cross_midnight_where_they_should() -> None:
    assert local_date("NYC", "2026-04-01T02:40:00Z") == dt.date(2026, 3, 31)
    assert local_date("BER", "2026-03-31T22:30:00Z") == dt.date(2026, 4, 1)
    assert local_iso("BLR", "2026-03-31T19:10:00Z") == "2026-04-01T00:40:00+05:30"
    assert local_iso("AUS", "2026-04-01T04:30:00Z") == "2026-03-31T23:30:00-05:00"


def test_deadlines_are_judged_in_the_learners_office_time_over_the_whole_set(
    data: Fixtures,
) -> None:
    late_by_utc_only = on_time_by_utc_only = 0
    for row in data.enrollments:
        if row.completed_at is None or row.due_date is None or row.status != "enrolled":
            continue
        office = data.employee_by_id[row.employee_id].location_id
        zone = _zone(OFFICE_ZONES[office][0])
        moment = dt.datetime.fromisoformat(row.completed_at.replace("Z", "+00:00"))
        local_day = moment.astimezone(zone).date().isoformat()
        expected = "completed" if local_day <= row.due_date else "completed_late"
        assert training_status(data, row) == expected, row.id
        late_by_utc_only += row.completed_at[:10] > row.due_date and expected == "completed"
        on_time_by_utc_only += row.completed_at[:10] <= row.due_date and expected != "completed"
    # The planted midnight cases: three on time only in local time, two late only in local time.
    assert (late_by_utc_only, on_time_by_utc_only) == (3, 2)


def test_quarters_are_calendar_quarters() -> None:
    assert quarter_bounds("2026-Q1") == (dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert quarter_bounds("2025-Q4") == (dt.date(2025, 10, 1), dt.date(2025, 12, 31))
    assert quarter_bounds("2024-Q2") == (dt.date(2024, 4, 1), dt.date(2024, 6, 30))
    assert quarter_of(dt.date(2026, 4, 8)) == "2026-Q2"


def test_surveys_run_two_weeks_inside_their_quarter(data: Fixtures) -> None:
    for survey in data.surveys:
        opened, closed = (dt.date.fromisoformat(d) for d in (survey.open_date, survey.close_date))
        first, last = quarter_bounds(survey.quarter)
        assert first <= opened < closed <= last
        assert (opened.strftime("%a"), closed.strftime("%a")) == ("Mon", "Fri")
    quarters = [s.quarter for s in data.surveys]
    assert quarters == sorted(quarters)
    assert len(set(quarters)) == 8
