"""A score month ("2026-11"): its bounds in the shop's local time, and its sheet's state.

The sheet of a month is open until the supervisor submits it; submitted, it waits for the
administrator, who approves it or sends it back (open again); approved, it is locked and a
correction is a new entry in the next month (docs/scores.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from sqlalchemy.orm import Session

from app.models import MonthState, ScoreMonth
from app.models.errors import InvalidInput, TransitionRefused
from app.models.i18n import QT_TRANSLATE_NOOP

_MONTH = re.compile(r"^\s*(\d{4})[-/.年](\d{1,2})月?\s*$")


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        match = _MONTH.match(text or "")
        if not match or not 1 <= int(match.group(2)) <= 12:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("UserError", "“{text}” is not a month: write it as 2026-11."),
                text=text,
            )
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def of(cls, moment: datetime | date) -> Month:
        """The month a moment falls in, in the shop's local time."""
        if isinstance(moment, datetime):
            moment = moment.astimezone().date()
        return cls(moment.year, moment.month)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    def next(self) -> Month:
        return Month(self.year + self.month // 12, self.month % 12 + 1)

    def days(self) -> list[date]:
        nxt = self.next().first_day
        return [date.fromordinal(d) for d in range(self.first_day.toordinal(), nxt.toordinal())]

    def bounds(self) -> tuple[datetime, datetime]:
        """[start, end) in UTC: local midnight of the 1st to local midnight of the next 1st."""
        start = datetime.combine(self.first_day, time.min).astimezone()
        end = datetime.combine(self.next().first_day, time.min).astimezone()
        return start.astimezone(UTC), end.astimezone(UTC)


def state_of(session: Session, month: Month) -> MonthState:
    row = session.get(ScoreMonth, str(month))
    return MonthState(row.state) if row else MonthState.OPEN


def row_for_update(session: Session, month: Month) -> ScoreMonth:
    row = session.get(ScoreMonth, str(month), with_for_update=True)
    if row is None:
        row = ScoreMonth(month=str(month), state=MonthState.OPEN.value)
        session.add(row)
        session.flush()
    return row


def refuse_unless_open(session: Session, month: Month) -> None:
    """Only an open month changes: a submitted one waits for the administrator (who approves
    it or sends it back), an approved one is locked."""
    state = state_of(session, month)
    if state is MonthState.SUBMITTED:
        raise TransitionRefused(
            QT_TRANSLATE_NOOP(
                "UserError",
                "The sheet of {month} is submitted: nothing in it changes unless an "
                "administrator sends it back.",
            ),
            month=str(month),
        )
    if state is MonthState.APPROVED:
        raise TransitionRefused(
            QT_TRANSLATE_NOOP(
                "UserError",
                "The sheet of {month} is approved and locked: a correction is a new entry "
                "in {next}.",
            ),
            month=str(month),
            next=str(month.next()),
        )


def first_open_after(session: Session, month: Month) -> Month:
    """Where a correction of ``month`` goes: the next month whose sheet is not approved."""
    candidate = month.next()
    while state_of(session, candidate) is MonthState.APPROVED:
        candidate = candidate.next()
    return candidate
