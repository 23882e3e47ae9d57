"""Platform disputes (维权): a case or order in dispute, its deadline and how it ended.

A dispute left alone costs the shop points (docs/domain.md rule 7), so each has the
platform's deadline and an owner, and shows in the owner's tasks until its outcome is in.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import case, select
from sqlalchemy.orm import Session, aliased

from app.models import Case, Dispute, Order
from app.models.complaint_enums import Outcome
from app.models.errors import Conflict, InvalidInput, NotFound, TransitionRefused
from app.models.formats import short_time
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.services.complaints.complaints import MAX_TEXT
from app.services.complaints.rows import DisputeView, dispute_view
from app.services.complaints.staff import staff_member
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.validation import clean_text, page_size
from app.services.orders import lookup
from app.services.supervision import clock

_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d", "%Y/%m/%d %H:%M", "%Y.%m.%d %H:%M")


def parse_deadline(value: str | datetime) -> datetime:
    """The platform's deadline as typed (the shop's local time), or an aware moment."""
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.astimezone()).astimezone(UTC)
    text = (value or "").strip()
    for fmt in _FORMATS:
        try:
            at = datetime.strptime(text, fmt)
        except ValueError:
            continue
        if fmt == "%Y-%m-%d":  # a day alone: the end of it, as the platforms count
            at = at.replace(hour=23, minute=59)
        return at.astimezone().astimezone(UTC)
    raise InvalidInput(
        QT_TRANSLATE_NOOP(
            "UserError", "“{text}” is not a date and time: write it as 2026-12-10 18:00."
        ),
        text=text,
    )


def _case_or_order(session: Session, ref: str) -> tuple[Order, Case | None]:
    """A case number (its order with it) or an order number."""
    key = (ref or "").strip().upper()
    found = session.execute(select(Case).where(Case.case_no == key)).scalar_one_or_none()
    if found is not None:
        if found.order_id is None:
            raise TransitionRefused(
                QT_TRANSLATE_NOOP(
                    "UserError",
                    "Case {case_no} is not linked to an order yet: link it before the dispute.",
                ),
                case_no=found.case_no,
            )
        return session.get(Order, found.order_id), found  # type: ignore[return-value]
    order = session.get(Order, lookup.order_id(session, ref))
    assert order is not None
    return order, None


def open_dispute(
    session: Session,
    actor: Actor,
    ref: str,
    *,
    dispute_no: str,
    deadline: str | datetime,
    claim: str,
    platform: str | None = None,
    owner: str | None = None,
) -> DisputeView:
    """Mark a case or an order as in dispute on the platform (维权中)."""
    user = require(session, actor, Action.DISPUTE_EDIT)
    number = clean_text(
        dispute_no, field=Label(QT_TRANSLATE_NOOP("Field", "Dispute number")), max_len=64
    )
    due = parse_deadline(deadline)
    now = clock.now(session)
    if due <= now:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError", "The deadline {time} has already passed: check the platform's date."
            ),
            time=short_time(due),
        )
    body = clean_text(
        claim, field=Label(QT_TRANSLATE_NOOP("Field", "Buyer's claim")), max_len=MAX_TEXT,
        multiline=True,
    )  # fmt: skip
    order, found_case = _case_or_order(session, ref)
    where = (platform or "").strip() or order.shop.platform
    if session.execute(select(Dispute.id).where(Dispute.dispute_no == number)).first():
        raise Conflict(
            QT_TRANSLATE_NOOP("UserError", "Dispute {dispute_no} is already recorded."),
            dispute_no=number,
        )
    owner_user = staff_member(session, owner, worker=True) if owner else user
    d = Dispute(
        order_id=order.id,
        case_id=found_case.id if found_case else None,
        platform=where[:32],
        dispute_no=number,
        deadline=due,
        claim=body,
        owner_id=owner_user.id,
        owner_name=owner_user.display_name,
        opened_by=user.display_name,
        opened_at=now,
    )
    session.add(d)
    session.flush()
    _audit(session, actor, d, order, found_case, "dispute.open", claim=body, deadline=due)
    return dispute_view(d, order.order_no, found_case.case_no if found_case else None, now)


def record_outcome(
    session: Session, actor: Actor, dispute_no: str, outcome: Outcome, note: str = ""
) -> DisputeView:
    """Won, lost or withdrawn: recorded once."""
    user = require(session, actor, Action.DISPUTE_EDIT)
    d = _load(session, dispute_no, lock=True)
    if d.outcome is not None:
        raise TransitionRefused(
            QT_TRANSLATE_NOOP(
                "UserError", "Dispute {dispute_no} already ended: {outcome} ({name}, {time})."
            ),
            dispute_no=d.dispute_no,
            outcome=Label(Outcome(d.outcome).label, "Outcome"),
            name=d.outcome_by,
            time=short_time(d.outcome_at),
        )
    text = (
        clean_text(note, field=Label(QT_TRANSLATE_NOOP("Field", "Note")), max_len=MAX_TEXT,
                   multiline=True)
        if (note or "").strip()
        else ""
    )  # fmt: skip
    now = clock.now(session)
    d.outcome, d.outcome_note = outcome.value, text
    d.outcome_by, d.outcome_at = user.display_name, now
    order = session.get(Order, d.order_id)
    assert order is not None
    found_case = session.get(Case, d.case_id) if d.case_id else None
    _audit(
        session, actor, d, order, found_case, "dispute.outcome", outcome=outcome.value, note=text
    )
    return dispute_view(d, order.order_no, found_case.case_no if found_case else None, now)


def _audit(
    session: Session,
    actor: Actor,
    d: Dispute,
    order: Order,
    found_case: Case | None,
    action: str,
    **after: object,
) -> None:
    details = {"dispute_no": d.dispute_no, "platform": d.platform, **after}
    targets = [("dispute", d.dispute_no), ("order", order.order_no)]
    if found_case is not None:
        targets.append(("case", found_case.case_no))
    for entity, key in targets:
        audit.record(
            session,
            actor_id=actor.user_id,
            actor_name=actor.display_name,
            action=action,
            entity=entity,
            entity_key=key,
            after=details,
        )


def _load(session: Session, dispute_no: str, *, lock: bool = False) -> Dispute:
    query = select(Dispute).where(Dispute.dispute_no == (dispute_no or "").strip())
    d = session.execute(query.with_for_update() if lock else query).scalar_one_or_none()
    if d is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("UserError", "There is no dispute {dispute_no}."),
            dispute_no=dispute_no,
        )
    return d


def _views(session: Session, query: Any, now: datetime) -> list[DisputeView]:
    return [dispute_view(d, o, c, now) for d, o, c in session.execute(query)]


def _select() -> Any:
    linked = aliased(Case)
    query: Any = (
        select(Dispute, Order.order_no, linked.case_no)
        .join(Order, Order.id == Dispute.order_id)
        .outerjoin(linked, linked.id == Dispute.case_id)
    )
    return query


def get(session: Session, dispute_no: str, now: datetime | None = None) -> DisputeView:
    d = _load(session, dispute_no)
    return _views(session, _select().where(Dispute.id == d.id), now or clock.now(session))[0]


def page(
    session: Session, now: datetime, *, open_only: bool = False, limit: int = 200
) -> list[DisputeView]:
    """Open ones first, by the platform's deadline; then the ended ones, newest first."""
    query = _select()
    if open_only:
        query = query.where(Dispute.outcome.is_(None))
    query = query.order_by(
        case((Dispute.outcome.is_(None), 0), else_=1), Dispute.deadline, Dispute.id.desc()
    ).limit(page_size(limit))
    return _views(session, query, now)


def open_with_deadlines(session: Session, now: datetime) -> list[DisputeView]:
    """Disputes still waiting for their outcome, by the platform's deadline (task lists)."""
    return page(session, now, open_only=True, limit=10_000)


def for_order(session: Session, order_no: str, now: datetime | None = None) -> list[DisputeView]:
    order_id = lookup.order_id(session, order_no)
    query = _select().where(Dispute.order_id == order_id).order_by(Dispute.id)
    return _views(session, query, now or clock.now(session))


def for_ref(session: Session, ref: str) -> tuple[str, str | None, list[DisputeView]]:
    """A case or order number: its order's number, the case's, and the order's disputes."""
    order, found_case = _case_or_order(session, ref)
    return (
        order.order_no,
        found_case.case_no if found_case else None,
        for_order(session, order.order_no),
    )
