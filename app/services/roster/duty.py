"""Who is on duty: at a moment, now (the clock AFTERDESK_NOW fixes for tests and what-ifs),
and the order printers on shift where work is handed to them (docs/scores.md)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import RosterDay
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.roster import people
from app.services.roster.people import Person
from app.services.roster.shifts import ShiftView, shifts
from app.services.supervision import clock

# what the asker of a request to the printer is told when none is on shift (the GUI and the CLI)
PRINTER_AWAY = QT_TRANSLATE_NOOP(
    "ChangeDialog",
    "No order printer is on shift now (duty roster): the request waits until one starts. "
    "Tell the supervisor if it cannot wait.",
)


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
    return on_duty_at(session, clock.now(session))


@dataclass(frozen=True)
class PrinterDuty:
    """The order printers on shift at a moment, and whether that day has a roster at all."""

    rostered: bool
    printers: list[Duty]

    @property
    def missing(self) -> bool:
        """A roster that day and no printer on shift: a request to the printer waits (the
        asker is warned). No roster that day: nothing to say."""
        return self.rostered and not self.printers


def printers_at(session: Session, at: datetime) -> PrinterDuty:
    local = at.astimezone()
    rostered = session.execute(
        select(RosterDay.user_id).where(RosterDay.day == local.date()).limit(1)
    ).first()
    if rostered is None:
        return PrinterDuty(False, [])
    return PrinterDuty(True, [d for d in on_duty_at(session, at) if d.shift.team == "printer"])


def printers_now(session: Session) -> PrinterDuty:
    """Shown to whoever hands work to the printer (the change dialog, the request queue):
    the roster is everyone's to read."""
    return printers_at(session, clock.now(session))


def printer_missing_at(session: Session, at: datetime) -> bool:
    return printers_at(session, at).missing


def printer_missing_now(session: Session) -> bool:
    return printers_now(session).missing
