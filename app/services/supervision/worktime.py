"""Working time: deadlines that run only while the shop is working (docs/supervision.md).

The procedure's shifts (9:00–11:30, 12:30–18:30, evenings 18:30–23:30) are what a shop typically
sets; a shop that set none runs on the clock, so a 24 h deadline is 24 hours. Shifts are the PC's
local time, which is the shop's (as for the register's days and the shipping days); stored times
are UTC. ``add`` gives a deadline, ``subtract`` its inverse (the latest start that is due by a
given moment, so a list can ask the database "started before X" instead of computing every row),
``between`` the working time that passed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise

from sqlalchemy.orm import Session

from app.models import Setting
from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP

Shift = tuple[time, time]
Hours = tuple[Shift, ...]  # empty: on the clock

ON_THE_CLOCK: Hours = ()
PROCEDURE_SHIFTS: Hours = (
    (time(9, 0), time(11, 30)),
    (time(12, 30), time(18, 30)),
    (time(18, 30), time(23, 30)),
)
SETTING = "work_hours"  # the team's; "work_hours:<shop id>" for one shop

_SHIFT = re.compile(r"^\s*(\d{1,2})[:：](\d{2})\s*[-–~至]\s*(\d{1,2})[:：](\d{2})\s*$")


def parse(text: str) -> Hours:
    """``"09:00-11:30, 12:30-18:30"`` → shifts; empty text → on the clock."""
    parts = [p for p in re.split(r"[,，;；\n]", text or "") if p.strip()]
    shifts: list[Shift] = []
    for part in parts:
        match = _SHIFT.match(part)
        if not match:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "UserError", "“{text}” is not a shift: write it as 09:00-11:30, 12:30-18:30."
                ),
                text=part.strip(),
            )
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        if h1 > 23 or h2 > 24 or m1 > 59 or m2 > 59 or (h2 == 24 and m2):
            raise InvalidInput(
                QT_TRANSLATE_NOOP("UserError", "“{text}” is not a time of day."), text=part.strip()
            )
        start, end = time(h1, m1), (time.max if h2 == 24 else time(h2, m2))
        if end <= start:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("UserError", "The shift “{text}” ends before it starts."),
                text=part.strip(),
            )
        shifts.append((start, end))
    shifts.sort()
    for (_, end), (start, _) in pairwise(shifts):
        if start < end:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("UserError", "Shifts overlap: “{text}”."), text=text.strip()
            )
    return tuple(shifts)


def text_of(hours: Hours) -> str:
    return ", ".join(f"{_hhmm(s)}-{_hhmm(e)}" for s, e in hours)


def _hhmm(at: time) -> str:
    return "24:00" if at == time.max else f"{at:%H:%M}"


def key(shop_id: int | None) -> str:
    return SETTING if shop_id is None else f"{SETTING}:{shop_id}"


def hours_for(session: Session, shop_id: int | None = None) -> Hours:
    """The shop's shifts, else the team's, else on the clock. A stored value that no longer
    parses counts as on the clock rather than stopping every list that asks."""
    for k in ([key(shop_id)] if shop_id is not None else []) + [SETTING]:
        setting = session.get(Setting, k)
        if setting is not None:
            try:
                return parse(setting.value)
            except InvalidInput:
                return ON_THE_CLOCK
    return ON_THE_CLOCK


def _segments(day: date, hours: Hours) -> Iterator[tuple[datetime, datetime]]:
    for start, end in hours:
        yield _at(day, start), _at(day, end)


def _at(day: date, at: time) -> datetime:
    if at == time.max:
        return datetime.combine(day + timedelta(days=1), time.min).astimezone()
    return datetime.combine(day, at).astimezone()


def _aware(at: datetime) -> datetime:
    return (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone()


def add(start: datetime, duration: timedelta, hours: Hours) -> datetime:
    """When ``duration`` of working time after ``start`` has passed (the deadline)."""
    if not hours:
        return start + duration
    cursor, left = _aware(start), duration
    day = cursor.date()
    while True:
        for seg_start, seg_end in _segments(day, hours):
            if seg_end <= cursor:
                continue
            begin = max(seg_start, cursor)
            if left <= seg_end - begin:
                return (begin + left).astimezone(UTC)
            left -= seg_end - begin
        day += timedelta(days=1)


def subtract(end: datetime, duration: timedelta, hours: Hours) -> datetime:
    """The latest start whose deadline (``add(start, duration)``) is at or before ``end``."""
    if not hours:
        return end - duration
    cursor, left = _aware(end), duration
    day = cursor.date()
    while True:
        for seg_start, seg_end in reversed(list(_segments(day, hours))):
            if seg_start >= cursor:
                continue
            finish = min(seg_end, cursor)
            if left <= finish - seg_start:
                return (finish - left).astimezone(UTC)
            left -= finish - seg_start
        day -= timedelta(days=1)


def between(start: datetime, end: datetime, hours: Hours) -> timedelta:
    """Working time from ``start`` to ``end`` (negative when ``end`` comes first)."""
    if end < start:
        return -between(end, start, hours)
    if not hours:
        return end - start
    a, b = _aware(start), _aware(end)
    total = timedelta()
    day = a.date()
    while day <= b.date():
        for seg_start, seg_end in _segments(day, hours):
            overlap = min(seg_end, b) - max(seg_start, a)
            if overlap > timedelta():
                total += overlap
        day += timedelta(days=1)
    return total
