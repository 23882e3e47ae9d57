"""Deadlines that run in the shop's working hours (the procedure's shifts), or on the clock.

conftest fixes the PCs' zone to Asia/Shanghai, the shop's."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from app.db import Database
from app.models import Setting
from app.models.errors import InvalidInput
from app.services.supervision import worktime

SHIFTS = worktime.PROCEDURE_SHIFTS  # 9:00–11:30, 12:30–18:30, 18:30–23:30


def local(text: str) -> datetime:
    """A Beijing wall-clock time as the aware UTC moment the database stores."""
    return datetime.fromisoformat(text).astimezone().astimezone(UTC)


def test_on_the_clock_a_deadline_is_plain_arithmetic() -> None:
    start = local("2026-11-28 22:00")
    assert worktime.add(start, timedelta(hours=2), worktime.ON_THE_CLOCK) == local(
        "2026-11-29 00:00"
    )
    assert worktime.between(start, local("2026-11-29 00:00"), ()) == timedelta(hours=2)


def test_two_working_hours_skip_lunch_and_the_night() -> None:
    # 11:00 + 2 h: 30 min before lunch, then 12:30 + 1 h 30 → 14:00
    assert worktime.add(local("2026-11-28 11:00"), timedelta(hours=2), SHIFTS) == local(
        "2026-11-28 14:00"
    )
    # 23:00 + 2 h: 30 min in the evening shift, then 9:00 + 1 h 30 the next morning
    assert worktime.add(local("2026-11-28 23:00"), timedelta(hours=2), SHIFTS) == local(
        "2026-11-29 10:30"
    )
    # a complaint made at 03:00 starts counting at 9:00
    assert worktime.add(local("2026-11-28 03:00"), timedelta(hours=2), SHIFTS) == local(
        "2026-11-28 11:00"
    )


def test_a_working_day_of_the_procedure_is_thirteen_and_a_half_hours() -> None:
    day = worktime.between(local("2026-11-28 00:00"), local("2026-11-29 00:00"), SHIFTS)
    assert day == timedelta(hours=13, minutes=30)  # 2.5 + 6 + 5
    # 24 working hours from Saturday 9:00: 13.5 on Saturday, then 2.5 + 6 + 2 on Sunday
    assert worktime.add(local("2026-11-28 09:00"), timedelta(hours=24), SHIFTS) == local(
        "2026-11-29 20:30"
    )


@pytest.mark.parametrize(
    "start",
    ["2026-11-28 03:00", "2026-11-28 11:29", "2026-11-28 12:00", "2026-11-28 23:10"],
)
@pytest.mark.parametrize("hours", [0.5, 2, 24, 48])
def test_subtract_is_the_inverse_of_add(start: str, hours: float) -> None:
    """What a list asks the database: "started before X" means "due by now"."""
    duration = timedelta(hours=hours)
    due = worktime.add(local(start), duration, SHIFTS)
    latest = worktime.subtract(due, duration, SHIFTS)
    assert worktime.add(latest, duration, SHIFTS) == due
    assert latest >= local(start)  # no later start is due by then
    assert worktime.between(latest, due, SHIFTS) == duration


def test_between_counts_only_working_time_and_is_signed() -> None:
    a, b = local("2026-11-28 11:00"), local("2026-11-28 13:00")
    assert worktime.between(a, b, SHIFTS) == timedelta(minutes=60)  # 30 + 30 around lunch
    assert worktime.between(b, a, SHIFTS) == -timedelta(minutes=60)


def test_shifts_are_read_from_text_and_written_back() -> None:
    hours = worktime.parse("9:00-11:30，12:30-18:30; 18:30-23:30")
    assert hours == SHIFTS
    assert worktime.text_of(hours) == "09:00-11:30, 12:30-18:30, 18:30-23:30"
    assert worktime.parse("  ") == worktime.ON_THE_CLOCK
    assert worktime.parse("00:00-24:00") == ((time(0), time.max),)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("9-11", "is not a shift"),
        ("25:00-26:00", "not a time of day"),
        ("18:00-09:00", "ends before it starts"),
        ("09:00-12:00, 11:00-13:00", "overlap"),
    ],
)
def test_bad_shifts_are_refused_naming_them(text: str, says: str) -> None:
    with pytest.raises(InvalidInput, match=says):
        worktime.parse(text)


def test_a_shops_hours_fall_back_to_the_teams_then_the_clock(db: Database) -> None:
    assert db.read(lambda s: worktime.hours_for(s, 7)) == worktime.ON_THE_CLOCK

    def team(session) -> None:
        session.add(Setting(key=worktime.SETTING, value="09:00-18:00"))

    db.write(team)
    assert db.read(lambda s: worktime.hours_for(s, 7)) == ((time(9), time(18)),)

    def shop(session) -> None:
        session.add(Setting(key=worktime.key(7), value=worktime.text_of(SHIFTS)))

    db.write(shop)
    assert db.read(lambda s: worktime.hours_for(s, 7)) == SHIFTS
    assert db.read(lambda s: worktime.hours_for(s, None)) == ((time(9), time(18)),)
