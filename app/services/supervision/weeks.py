"""The charts' weeks: Monday 00:00 to Monday 00:00 in the shop's local time (docs/supervision.md).

Stored times are UTC; each week's bounds are turned into UTC instants, and the database tells
which week a time falls in (``week_of``) so a chart's figures are aggregates, never rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Float, Integer, case, cast, func, literal
from sqlalchemy.orm import Session

from app.models.base import UTCDateTime

WEEKS = 12
WEEK_SECONDS = 7 * 24 * 3600


@dataclass(frozen=True)
class Week:
    """Monday 00:00 to the next Monday 00:00, local time (aware datetimes)."""

    monday: date
    start: datetime
    end: datetime


def weeks_ending(now: datetime, count: int = WEEKS) -> tuple[Week, ...]:
    """The ``count`` weeks up to and including the one holding ``now``, oldest first."""
    today = now.astimezone().date()
    this_monday = today - timedelta(days=today.weekday())
    mondays = [this_monday - timedelta(weeks=count - 1 - i) for i in range(count + 1)]
    # each bound separately through the local zone: a daylight-saving change moves it
    bounds = [datetime.combine(day, time.min).astimezone() for day in mondays]
    return tuple(Week(mondays[i], bounds[i], bounds[i + 1]) for i in range(count))


def week_of(session: Session, weeks: tuple[Week, ...], at: Any) -> ColumnElement[int]:
    """The index of the week holding ``at`` (0 the oldest). Weeks of exactly seven days (no
    daylight-saving change among them, always so in China) are a division, which the database
    computes several times faster than a twelve-way comparison."""
    first = weeks[0].start
    if any(w.start - first != timedelta(weeks=i) for i, w in enumerate(weeks)):
        return case(*((at < w.end, i) for i, w in enumerate(weeks)))
    seconds = seconds_between(session, literal(first, UTCDateTime()), at) / WEEK_SECONDS
    if session.get_bind().dialect.name == "sqlite":
        return cast(seconds, Integer)  # never negative here: truncating is rounding down
    return cast(func.floor(seconds), Integer)


def seconds_between(session: Session, start: Any, end: Any) -> ColumnElement[float]:
    """``end - start`` in seconds: SQLite keeps the times as ISO text, PostgreSQL as timestamps."""
    if session.get_bind().dialect.name == "sqlite":
        return cast((func.julianday(end) - func.julianday(start)) * 86400.0, Float)
    return cast(func.extract("epoch", end - start), Float)
