"""Automatic escalation: a complaint whose deadline passed goes to the supervisor by itself.

Nothing runs in the background (a shop's PCs come and go; none is a server). Lateness is
computed whenever complaints are read (``ComplaintView.overdue``, the lists' order), so every
screen is right at once; the escalation is then *recorded* once, as a signed line by the
system dated at the deadline, by whichever PC reads the complaints first after it passed
(``record_due``). The line's ``once_key`` (complaint number and deadline) is unique and
writers are serialized, so two PCs noticing together record it once; a PC that never looks
costs nothing but the record's delay, never a wrong list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from app.db import Database
from app.models import Complaint, ComplaintStep
from app.models.complaint_enums import StepKind
from app.services.complaints.complaints import add_step, load
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.supervision import clock

RESPOND, RESOLVE = "respond", "resolve"  # which deadline passed (the step's text)


@dataclass(frozen=True)
class Due:
    complaint_no: str
    deadline: str  # RESPOND or RESOLVE
    at: datetime

    @property
    def key(self) -> str:
        return f"{self.complaint_no}:{self.deadline}"


def _missing(kind: str) -> Any:  # the escalation of this deadline not yet recorded
    return (
        ~select(ComplaintStep.id)
        .where(ComplaintStep.once_key == Complaint.complaint_no + f":{kind}")
        .exists()
    )


def pending(session: Session, now: datetime) -> list[Due]:
    """Deadlines passed whose escalation no PC recorded yet (a read: cheap, no lock)."""
    rows = session.execute(
        select(
            Complaint.complaint_no,
            Complaint.respond_due,
            Complaint.resolve_due,
            Complaint.responded_at,
            Complaint.resolved_at,
        ).where(
            or_(
                and_(
                    Complaint.responded_at.is_(None),
                    Complaint.respond_due <= now,
                    _missing(RESPOND),
                ),
                and_(
                    Complaint.resolved_at.is_(None),
                    Complaint.resolve_due <= now,
                    _missing(RESOLVE),
                ),
            )
        )
    ).all()
    found: list[Due] = []
    for no, respond_due, resolve_due, responded_at, resolved_at in rows:
        if responded_at is None and respond_due <= now:
            found.append(Due(no, RESPOND, respond_due))
        if resolved_at is None and resolve_due <= now:
            found.append(Due(no, RESOLVE, resolve_due))
    return found


def record_due(session: Session, actor: Actor, now: datetime) -> list[Due]:
    """Record each passed deadline's escalation once (in the caller's write transaction).

    The reader who noticed is in the audit entry; the line itself is the system's, dated at
    the deadline, the moment the complaint became late."""
    require(session, actor, Action.COMPLAINT_READ)
    recorded: list[Due] = []
    for due in pending(session, now):
        c = load(session, due.complaint_no)
        exists = session.execute(
            select(ComplaintStep.id).where(ComplaintStep.once_key == due.key)
        ).first()
        if exists is not None:  # another PC was first (writers are serialized)
            continue
        if c.escalated_at is None:
            c.escalated_by, c.escalated_at = None, due.at
        add_step(
            session,
            c,
            StepKind.AUTO_ESCALATE,
            by=None,
            at=due.at,
            text=due.deadline,
            once_key=due.key,
            noticed_by=actor.display_name,
            noticed_at=now,
        )
        recorded.append(due)
    return recorded


def notice(db: Database, actor: Actor) -> list[Due]:
    """What every complaint list calls first: a cheap read, and a write only when a deadline
    passed whose escalation is not recorded yet."""

    def due(session: Session) -> list[Due]:
        require(session, actor, Action.COMPLAINT_READ)
        return pending(session, clock.now(session))

    if not db.read(due):
        return []
    return db.write(lambda s: record_due(s, actor, clock.now(s)))
