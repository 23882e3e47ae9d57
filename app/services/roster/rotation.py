"""The month's rotation: generated (the shifts change every 5 days), then edited by hand.

Service staff (pre- and after-sales) alternate early and late in blocks of ``every`` days,
half of them starting early; order printers work the printer's shift, and the warehouse its
own once the shop defines one (shifts.define: the procedure gives no warehouse hours). The
supervisor edits single days; a swap between two people goes through swaps.py and counts only
once approved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.db import db_now
from app.models import RosterDay
from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.roster import people
from app.services.roster.people import Person
from app.services.roster.shifts import (
    PRINTER,
    SERVICE_EARLY,
    SERVICE_LATE,
    ShiftView,
    first_of_teams,
    shifts,
)
from app.services.scores.months import Month

DEFAULT_EVERY = 5  # 每5天轮一次班


@dataclass(frozen=True)
class RosterGrid:
    month: Month
    days: list[date]
    people: list[Person]
    cells: dict[tuple[int, date], str]  # (user id, day) → shift code
    shifts: dict[str, ShiftView]

    def shift_of(self, user_id: int, day: date) -> ShiftView | None:
        code = self.cells.get((user_id, day))
        return self.shifts.get(code) if code else None

    def to_json(self) -> dict[str, object]:
        return {
            "month": str(self.month),
            "shifts": {
                c: {"team": s.team, "zh": s.name_zh, "en": s.name_en, "hours": s.hours_text}
                for c, s in self.shifts.items()
            },
            "people": [
                {
                    "username": p.username,
                    "name": p.display_name,
                    "days": {d.isoformat(): self.cells.get((p.user_id, d)) for d in self.days},
                }
                for p in self.people
            ],
        }


def rotation(
    staff: list[Person], days: list[date], every: int, first: dict[str, str] | None = None
) -> dict[tuple[int, date], str]:
    """Service alternates early and late; every other team works its first shift (``first``:
    team → shift code; the printer's by default, the warehouse's once the shop defines one)."""
    fixed = first if first is not None else {"printer": PRINTER}
    service = [p for p in staff if p.team == "service"]
    cells: dict[tuple[int, date], str] = {}
    for day in days:
        block = (day.day - 1) // every
        for index, person in enumerate(service):
            cells[person.user_id, day] = SERVICE_EARLY if (index + block) % 2 == 0 else SERVICE_LATE
        for person in staff:
            if person.team != "service" and person.team in fixed:
                cells[person.user_id, day] = fixed[person.team]
    return cells


def generate(
    session: Session, actor: Actor, month: Month, every: int = DEFAULT_EVERY
) -> RosterGrid:
    """The month's roster made afresh from the active staff (what was there is replaced)."""
    require(session, actor, Action.ROSTER_EDIT)
    if not 1 <= every <= 31:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "The rotation changes every 1 to 31 days.")
        )
    days = month.days()
    staff = people.staff(session)
    session.execute(delete(RosterDay).where(RosterDay.day >= days[0], RosterDay.day <= days[-1]))
    cells = rotation(staff, days, every, first_of_teams(shifts(session)))
    session.add_all(RosterDay(day=d, user_id=u, shift_code=c) for (u, d), c in cells.items())
    session.flush()
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action="roster.generate",
        entity="roster",
        entity_key=str(month),
        after={"every": every, "people": len({u for u, _ in cells})},
    )
    return read_grid(session, month)


def set_shift(
    session: Session, actor: Actor, day: date, username: str, shift_code: str | None
) -> None:
    """The supervisor's edit of one day: a shift, or none (a day off)."""
    require(session, actor, Action.ROSTER_EDIT)
    person = people.by_name(session, username)
    known = shifts(session)
    if shift_code is not None and shift_code not in known:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "There is no shift “{code}”: {known}."),
            code=shift_code,
            known=", ".join(known),
        )
    row = session.get(RosterDay, (day, person.user_id), with_for_update=True)
    before = row.shift_code if row else None
    if shift_code is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(RosterDay(day=day, user_id=person.user_id, shift_code=shift_code))
    else:
        row.shift_code = shift_code
    session.flush()
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action="roster.set",
        entity="roster",
        entity_key=day.isoformat(),
        before={"user": person.username, "shift": before},
        after={"user": person.username, "shift": shift_code},
    )


def read_grid(session: Session, month: Month) -> RosterGrid:
    days = month.days()
    rows = session.execute(
        select(RosterDay).where(RosterDay.day >= days[0], RosterDay.day <= days[-1])
    ).scalars()
    cells = {(r.user_id, r.day): r.shift_code for r in rows}
    staff = people.staff(session)
    listed = {p.user_id for p in staff}
    extra = people.by_ids(session, {u for u, _ in cells} - listed)  # disabled since
    return RosterGrid(month, days, staff + list(extra.values()), cells, shifts(session))


def grid(session: Session, actor: Actor, month: Month) -> RosterGrid:
    require(session, actor, Action.ROSTER_READ)
    return read_grid(session, month)


@dataclass(frozen=True)
class Duty:
    person: Person
    shift: ShiftView


def on_duty_at(session: Session, at: datetime) -> list[Duty]:
    """Who the roster has at work at a moment (the shop's local time decides the day)."""
    local = at.astimezone()
    rows = session.execute(select(RosterDay).where(RosterDay.day == local.date())).all()
    known = shifts(session)
    working = {r.RosterDay.user_id: known[r.RosterDay.shift_code] for r in rows}
    found = {u: s for u, s in working.items() if s.covers(local)}
    persons = people.by_ids(session, set(found))
    return [Duty(persons[u], found[u]) for u in sorted(found, key=lambda u: persons[u].username)]


def on_duty_now(session: Session, actor: Actor) -> list[Duty]:
    require(session, actor, Action.ROSTER_READ)
    return on_duty_at(session, db_now(session))


def printer_missing_at(session: Session, at: datetime) -> bool:
    """True when the day has a roster and no printer is on shift at that moment: a request
    to the printer then waits (the asker is warned). No roster that day: nothing to say."""
    local = at.astimezone()
    has_roster = session.execute(
        select(RosterDay.user_id).where(RosterDay.day == local.date()).limit(1)
    ).first()
    if has_roster is None:
        return False
    return not any(d.shift.team == "printer" for d in on_duty_at(session, at))


def printer_missing_now(session: Session) -> bool:
    return printer_missing_at(session, db_now(session))
