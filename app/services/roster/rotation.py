"""The month's rotation: generated (the shifts change every 5 days), then edited by hand.

Service staff (pre- and after-sales) alternate early and late in blocks of ``every`` days,
half of them starting early; order printers work the printer's shift, and the warehouse its
own once the shop defines one (shifts.define: the procedure gives no warehouse hours). The
blocks run on from the previous month when it was generated with the same ``every`` (a 31-day
month's last day is not a block of its own: it begins one the next month finishes), and each
person keeps their half; a newcomer joins the smaller half. The supervisor edits single days;
a swap between two people goes through swaps.py and counts only once approved. Generating a
month again keeps both: the edits and the approved swaps are put back on top of the new
rotation, in the order they were made.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.db import db_now
from app.models import RosterDay, RosterEdit, RosterMonth, RosterSwap
from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.roster import people, swaps
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
    kept: Kept | None = None  # generated again: the edits and swaps put back

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


Phases = dict[int, int]  # service staff: user id → 0 (early in the anchor's block) or 1


@dataclass(frozen=True)
class Start:
    """Where a month's rotation starts: its blocks count from ``anchor``, and each service
    person's half."""

    anchor: date
    phases: Phases


def rotation(
    staff: list[Person],
    days: list[date],
    every: int,
    first: dict[str, str] | None = None,
    start: Start | None = None,
) -> dict[tuple[int, date], str]:
    """Service alternates early and late; every other team works its first shift (``first``:
    team → shift code; the printer's by default, the warehouse's once the shop defines one)."""
    fixed = first if first is not None else {"printer": PRINTER}
    begun = start or Start(days[0], halves([p for p in staff if p.team == "service"], {}))
    cells: dict[tuple[int, date], str] = {}
    for day in days:
        block = (day - begun.anchor).days // every
        for user_id, phase in begun.phases.items():
            cells[user_id, day] = SERVICE_EARLY if (phase + block) % 2 == 0 else SERVICE_LATE
        for person in staff:
            if person.team != "service" and person.team in fixed:
                cells[person.user_id, day] = fixed[person.team]
    return cells


def halves(service: list[Person], before: Phases) -> Phases:
    """Each service person's half: as before for those who were there, and a newcomer (by
    account name) in the smaller half; without a month before, every other person."""
    phases = {p.user_id: before[p.user_id] for p in service if p.user_id in before}
    for person in service:
        if person.user_id not in phases:
            late = sum(phases.values())
            phases[person.user_id] = 1 if late < len(phases) - late else 0
    return phases


def _start(session: Session, month: Month, every: int, service: list[Person]) -> Start:
    """The month's start: running on from the month before when it was generated with the
    same ``every``, else from its 1st (each person's half kept all the same)."""
    before = session.get(RosterMonth, str(Month.of(month.first_day - timedelta(days=1))))
    if before is None:
        return Start(month.first_day, halves(service, {}))
    phases = halves(service, {int(u): int(p) for u, p in before.phases.items()})
    return Start(before.anchor if before.every == every else month.first_day, phases)


def _remember(session: Session, actor: Actor, month: Month, every: int, start: Start) -> None:
    row = session.get(RosterMonth, str(month), with_for_update=True)
    if row is None:
        row = RosterMonth(month=str(month))
        session.add(row)
    row.every, row.anchor = every, start.anchor
    row.phases = {str(u): p for u, p in start.phases.items()}
    row.generated_by, row.generated_at = actor.display_name, db_now(session)


@dataclass(frozen=True)
class Kept:
    """What generating a month again put back on top of the new rotation."""

    edits: int  # the supervisor's edited days (a person and a day)
    swaps: int  # approved swaps


def _put_back(session: Session, month: Month, cells: dict[tuple[int, date], str]) -> Kept:
    """The supervisor's edits and the approved swaps of the month, in the order they were
    made, on top of ``cells``."""
    days = month.days()
    edits = session.execute(
        select(RosterEdit).where(RosterEdit.day >= days[0], RosterEdit.day <= days[-1])
    ).scalars()
    approved = swaps.approved_in_month(session, month)
    steps: list[tuple[datetime, int, RosterEdit | RosterSwap]] = [
        *((e.set_at, e.id, e) for e in edits),
        *((w.decided_at or w.requested_at, w.id, w) for w in approved),
    ]
    edited: set[tuple[int, date]] = set()
    for _at, _id, step in sorted(steps, key=lambda t: (t[0], isinstance(t[2], RosterSwap), t[1])):
        if isinstance(step, RosterEdit):
            _put(cells, (step.user_id, step.day), step.shift_code)
            edited.add((step.user_id, step.day))
        else:
            a, b = (step.user_a_id, step.day), (step.user_b_id, step.day)
            first, second = cells.get(a), cells.get(b)
            _put(cells, a, second)
            _put(cells, b, first)
    return Kept(len(edited), len(approved))


def _put(cells: dict[tuple[int, date], str], key: tuple[int, date], code: str | None) -> None:
    if code is None:
        cells.pop(key, None)
    else:
        cells[key] = code


def generate(
    session: Session, actor: Actor, month: Month, every: int = DEFAULT_EVERY
) -> RosterGrid:
    """The month's rotation made afresh from the active staff, running on from the month
    before; the supervisor's edits and the approved swaps are kept (``kept`` counts them)."""
    require(session, actor, Action.ROSTER_EDIT)
    if not 1 <= every <= 31:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "The rotation changes every 1 to 31 days.")
        )
    days = month.days()
    staff = people.staff(session)
    start = _start(session, month, every, [p for p in staff if p.team == "service"])
    session.execute(delete(RosterDay).where(RosterDay.day >= days[0], RosterDay.day <= days[-1]))
    cells = rotation(staff, days, every, first_of_teams(shifts(session)), start)
    put_back = _put_back(session, month, cells)
    session.add_all(RosterDay(day=d, user_id=u, shift_code=c) for (u, d), c in cells.items())
    _remember(session, actor, month, every, start)
    session.flush()
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action="roster.generate",
        entity="roster",
        entity_key=str(month),
        after={
            "every": every,
            "people": len({u for u, _ in cells}),
            "anchor": start.anchor.isoformat(),
            "kept_edits": put_back.edits,
            "kept_swaps": put_back.swaps,
        },
    )
    return replace(read_grid(session, month), kept=put_back)


def set_shift(
    session: Session, actor: Actor, day: date, username: str, shift_code: str | None
) -> ShiftView | None:
    """The supervisor's edit of one day: a shift, or none (a day off); the shift set."""
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
    # kept, so that generating the month again puts it back
    session.add(
        RosterEdit(
            day=day,
            user_id=person.user_id,
            shift_code=shift_code,
            set_by=actor.display_name,
            set_at=db_now(session),
        )
    )
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
    return known[shift_code] if shift_code is not None else None


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
