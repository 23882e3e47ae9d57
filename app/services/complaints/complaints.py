"""Complaints (投诉): opening, the signed steps, reading (docs/supervision.md).

Every step is a signed, dated line (``complaint_steps``) that is never edited, plus the stamp
on the complaint that lists read, plus an audit entry on the complaint (and on its order).
Services never commit: one user action is one transaction, so a refusal saves nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Complaint, ComplaintStep, Order, User
from app.models.complaint_enums import Channel, ComplaintState, Priority, StepKind
from app.models.errors import Conflict, InvalidInput, NotFound, TransitionRefused
from app.models.formats import short_time
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.services.complaints import settings
from app.services.complaints.numbering import next_complaint_no
from app.services.complaints.rows import ComplaintView, complaint_view
from app.services.complaints.staff import staff_member
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.validation import clean_text, whole_number
from app.services.orders import lookup
from app.services.supervision import clock, worktime

MAX_TEXT = 2000
SYSTEM = "AfterDesk"  # the signature of what the app itself records (automatic escalations)


# -- loading ------------------------------------------------------------------------------
def load(session: Session, complaint_no: str, *, lock: bool = True) -> Complaint:
    query = select(Complaint).where(Complaint.complaint_no == (complaint_no or "").strip().upper())
    found = session.execute(query.with_for_update() if lock else query).scalar_one_or_none()
    if found is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("UserError", "There is no complaint {complaint_no}."),
            complaint_no=complaint_no,
        )
    return found


def _check_version(c: Complaint, expected: int | None) -> None:
    if expected is not None and c.version != expected:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Complaint {complaint_no} was changed while you had it open. Reload it and "
                "try again; nothing was saved.",
            ),
            complaint_no=c.complaint_no,
        )


def _text(value: str, field: str, *, required: bool = True) -> str:
    if not required and not (value or "").strip():
        return ""
    return clean_text(value, field=Label(field), max_len=MAX_TEXT, multiline=True)


def add_step(
    session: Session,
    c: Complaint,
    kind: StepKind,
    *,
    by: User | None,
    at: datetime,
    text: str = "",
    once_key: str | None = None,
    actor: Actor | None = None,
    **details: Any,
) -> ComplaintStep:
    """Append a signed line and audit it on the complaint and its order."""
    step = ComplaintStep(
        complaint_id=c.id,
        kind=kind.value,
        text=text,
        by_id=by.id if by else None,
        by_name=by.display_name if by else SYSTEM,
        at=at,
        once_key=once_key,
    )
    session.add(step)
    session.flush()
    after = {"state": c.state, "step": kind.value, "step_id": step.id, "text": text, "at": at}
    after.update(details)
    who = (actor.user_id, actor.display_name) if actor else (None, SYSTEM)
    audit.record(
        session,
        actor_id=who[0],
        actor_name=who[1],
        action=f"complaint.{kind.value}",
        entity="complaint",
        entity_key=c.complaint_no,
        after=after,
    )
    if c.order_id is not None:
        order_no = session.execute(select(Order.order_no).where(Order.id == c.order_id)).scalar()
        audit.record(
            session,
            actor_id=who[0],
            actor_name=who[1],
            action=f"complaint.{kind.value}",
            entity="order",
            entity_key=str(order_no),
            after={"complaint_no": c.complaint_no, **after},
        )
    return step


# -- opening --------------------------------------------------------------------------------
def open_complaint(
    session: Session,
    actor: Actor,
    *,
    channel: Channel,
    customer: str,
    category: str,
    priority: Priority,
    text: str,
    order_no: str | None = None,
    owner: str | None = None,
    about: str | None = None,
) -> ComplaintView:
    """Register a complaint with its number, owner and deadlines (from the priority)."""
    user = require(session, actor, Action.COMPLAINT_EDIT)
    order = None
    if order_no and order_no.strip():
        order = session.get(Order, lookup.order_id(session, order_no))  # unknown: refused
    who = (customer or "").strip() or (order.buyer_id if order else "")
    who = clean_text(who, field=Label(QT_TRANSLATE_NOOP("Field", "Customer")), max_len=100)
    kinds = settings.categories(session)
    if category not in kinds:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError", "“{category}” is not one of the shop's categories: {categories}."
            ),
            category=category,
            categories="、".join(kinds),
        )
    body = _text(text, QT_TRANSLATE_NOOP("Field", "Complaint"))
    owner_user = staff_member(session, owner, worker=True) if owner else user
    about_user = staff_member(session, about) if about else None
    now = clock.now(session)
    shop_id = order.shop_id if order else None
    hours = worktime.hours_for(session, shop_id)
    due = settings.deadlines(session, priority)
    c = Complaint(
        complaint_no=next_complaint_no(session, now),
        channel=channel.value,
        customer=who,
        order_id=order.id if order else None,
        shop_id=shop_id,
        category=category,
        priority=priority.value,
        text=body,
        state=ComplaintState.OPEN.value,
        about_user_id=about_user.id if about_user else None,
        about_name=about_user.display_name if about_user else None,
        owner_id=owner_user.id,
        owner_name=owner_user.display_name,
        respond_due=worktime.add(now, due.respond_in, hours),
        resolve_due=worktime.add(now, due.resolve_in, hours),
        opened_by_id=user.id,
        opened_by=user.display_name,
        opened_at=now,
    )
    session.add(c)
    session.flush()
    add_step(
        session,
        c,
        StepKind.OPEN,
        by=user,
        at=now,
        text=body,
        actor=actor,
        owner=c.owner_name,
        priority=c.priority,
        respond_due=c.respond_due,
        resolve_due=c.resolve_due,
    )
    return get(session, c.complaint_no, now=now)


# -- the steps ------------------------------------------------------------------------------
def _refuse_state(c: Complaint) -> TransitionRefused:
    return TransitionRefused(
        QT_TRANSLATE_NOOP("UserError", "Complaint {complaint_no} is “{state}”: not possible now."),
        complaint_no=c.complaint_no,
        state=Label(ComplaintState(c.state).label, "ComplaintState"),
    )


def _begin(
    session: Session,
    actor: Actor,
    complaint_no: str,
    allowed: set[ComplaintState] | frozenset[ComplaintState],
    expected_version: int | None,
    action: Action = Action.COMPLAINT_EDIT,
) -> tuple[User, Complaint, datetime]:
    user = require(session, actor, action)
    c = load(session, complaint_no)
    _check_version(c, expected_version)
    if ComplaintState(c.state) not in allowed:
        raise _refuse_state(c)
    return user, c, clock.now(session)


OPEN_STATES = frozenset({ComplaintState.OPEN, ComplaintState.RESPONDED})


def _responded(c: Complaint, name: str, now: datetime) -> None:
    c.state = ComplaintState.RESPONDED.value
    c.responded_by, c.responded_at = name, now


def _escalated(c: Complaint, name: str, now: datetime) -> None:
    if c.escalated_at is None:  # the first escalation is the one lists show
        c.escalated_by, c.escalated_at = name, now


def _resolved(c: Complaint, name: str, now: datetime) -> None:
    if c.responded_at is None:  # settled at the first contact: that was the response
        c.responded_by, c.responded_at = name, now
    c.state = ComplaintState.RESOLVED.value
    c.resolved_by, c.resolved_at = name, now


@dataclass(frozen=True)
class TextStep:
    """A step that is a signed text: what the customer was told, why it goes up, how it
    was resolved."""

    field: str
    allowed: frozenset[ComplaintState]
    apply: Callable[[Complaint, str, datetime], None]


TEXT_STEPS = {
    StepKind.RESPOND: TextStep(
        QT_TRANSLATE_NOOP("Field", "Response"), frozenset({ComplaintState.OPEN}), _responded
    ),
    # handed up to the supervisor: the first line cannot solve it
    StepKind.ESCALATE: TextStep(QT_TRANSLATE_NOOP("Field", "Reason"), OPEN_STATES, _escalated),
    StepKind.RESOLVE: TextStep(QT_TRANSLATE_NOOP("Field", "Resolution"), OPEN_STATES, _resolved),
}


def text_step(
    session: Session,
    actor: Actor,
    kind: StepKind,
    complaint_no: str,
    text: str,
    *,
    expected_version: int | None = None,
) -> ComplaintView:
    """Respond, escalate or resolve: a signed line with its text, and the complaint's stamp."""
    rule = TEXT_STEPS[kind]
    body = _text(text, rule.field)
    user, c, now = _begin(session, actor, complaint_no, rule.allowed, expected_version)
    rule.apply(c, user.display_name, now)
    add_step(session, c, kind, by=user, at=now, text=body, actor=actor)
    return get(session, c.complaint_no, now=now)


def respond(session: Session, actor: Actor, complaint_no: str, text: str) -> ComplaintView:
    return text_step(session, actor, StepKind.RESPOND, complaint_no, text)


def escalate(session: Session, actor: Actor, complaint_no: str, text: str) -> ComplaintView:
    return text_step(session, actor, StepKind.ESCALATE, complaint_no, text)


def resolve(session: Session, actor: Actor, complaint_no: str, text: str) -> ComplaintView:
    return text_step(session, actor, StepKind.RESOLVE, complaint_no, text)


SCORES = (
    QT_TRANSLATE_NOOP("Field", "Attitude"),
    QT_TRANSLATE_NOOP("Field", "Speed"),
    QT_TRANSLATE_NOOP("Field", "Accuracy"),
)


def follow_up(
    session: Session,
    actor: Actor,
    complaint_no: str,
    *,
    attitude: int,
    speed: int,
    accuracy: int,
    text: str = "",
    expected_version: int | None = None,
) -> ComplaintView:
    """The follow-up call (回访): the customer's satisfaction, 1–5 each; it closes the complaint."""
    for name, value in zip(SCORES, (attitude, speed, accuracy), strict=True):
        whole_number(value, field=Label(name), low=1, high=5)
    body = _text(text, QT_TRANSLATE_NOOP("Field", "Note"), required=False)
    user, c, now = _begin(session, actor, complaint_no, {ComplaintState.RESOLVED}, expected_version)
    c.state = ComplaintState.CLOSED.value
    c.followed_up_by, c.followed_up_at = user.display_name, now
    c.attitude, c.speed, c.accuracy = attitude, speed, accuracy
    add_step(
        session,
        c,
        StepKind.FOLLOW_UP,
        by=user,
        at=now,
        text=body,
        actor=actor,
        attitude=attitude,
        speed=speed,
        accuracy=accuracy,
    )
    return get(session, c.complaint_no, now=now)


def confirm(
    session: Session,
    actor: Actor,
    complaint_no: str,
    text: str = "",
    *,
    expected_version: int | None = None,
) -> ComplaintView:
    """The supervisor confirms the complaint against the staff member it names (score sheet)."""
    body = _text(text, QT_TRANSLATE_NOOP("Field", "Note"), required=False)
    user, c, now = _begin(
        session,
        actor,
        complaint_no,
        set(ComplaintState),
        expected_version,
        Action.COMPLAINT_CONFIRM,
    )
    if c.about_user_id is None:
        raise TransitionRefused(
            QT_TRANSLATE_NOOP(
                "UserError", "Complaint {complaint_no} names no staff member to confirm it against."
            ),
            complaint_no=c.complaint_no,
        )
    if c.confirmed_at is not None:
        raise TransitionRefused(
            QT_TRANSLATE_NOOP(
                "UserError", "Complaint {complaint_no} was already confirmed by {name} at {time}."
            ),
            complaint_no=c.complaint_no,
            name=c.confirmed_by,
            time=short_time(c.confirmed_at),
        )
    c.confirmed_by, c.confirmed_at = user.display_name, now
    add_step(
        session,
        c,
        StepKind.CONFIRM,
        by=user,
        at=now,
        text=body,
        actor=actor,
        about=c.about_name,
        about_user_id=c.about_user_id,
    )
    return get(session, c.complaint_no, now=now)


# -- reading --------------------------------------------------------------------------------
def get(session: Session, complaint_no: str, *, now: datetime | None = None) -> ComplaintView:
    """One complaint with every signed step, oldest first."""
    c = load(session, complaint_no, lock=False)
    session.flush()
    steps = list(
        session.execute(
            select(ComplaintStep)
            .where(ComplaintStep.complaint_id == c.id)
            .order_by(ComplaintStep.id)
        ).scalars()
    )
    order_no = (
        session.execute(select(Order.order_no).where(Order.id == c.order_id)).scalar()
        if c.order_id
        else None
    )
    return complaint_view(c, order_no, now or clock.now(session), steps)
