"""Complaint lists, the task framework's and the score sheet's questions (docs/supervision.md).

Lateness is judged here, from the stored deadlines and one "now", never in a widget.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from app.models import Complaint, Order
from app.models.complaint_enums import ComplaintState
from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.complaints.rows import ComplaintView, complaint_view
from app.services.core.validation import page_size

OPEN = (ComplaintState.OPEN.value, ComplaintState.RESPONDED.value)
OPEN_OR_RESOLVED = (*OPEN, ComplaintState.RESOLVED.value)


@dataclass(frozen=True)
class ComplaintFilter:
    state: ComplaintState | None = None
    open_only: bool = False  # not yet closed by the follow-up call
    overdue_only: bool = False
    owner: str | None = None  # display name
    category: str | None = None
    escalated_only: bool = False
    unresolved_only: bool = False  # still has a deadline running


def _next_due() -> Any:
    """The deadline that counts now: the first response's, then the resolution's."""
    return case(
        (Complaint.responded_at.is_(None), Complaint.respond_due),
        (Complaint.resolved_at.is_(None), Complaint.resolve_due),
        else_=None,
    )


def page(
    session: Session, now: datetime, filters: ComplaintFilter | None = None, limit: int = 200
) -> list[ComplaintView]:
    """Overdue first (the most late on top), then by the next deadline, closed ones last."""
    f = filters or ComplaintFilter()
    due = _next_due()
    query = select(Complaint, Order.order_no).outerjoin(Order, Order.id == Complaint.order_id)
    if f.state is not None:
        query = query.where(Complaint.state == f.state.value)
    if f.open_only:
        query = query.where(Complaint.state.in_(OPEN_OR_RESOLVED))
    if f.overdue_only:
        query = query.where(due <= now)
    if f.owner:
        query = query.where(Complaint.owner_name == f.owner)
    if f.category:
        query = query.where(Complaint.category == f.category)
    if f.unresolved_only:
        query = query.where(Complaint.state.in_(OPEN))
    if f.escalated_only:
        query = query.where(Complaint.escalated_at.is_not(None))
    query = query.order_by(
        case((due <= now, 0), (due.is_(None), 2), else_=1), due, Complaint.id.desc()
    ).limit(page_size(limit))
    return [complaint_view(c, order_no, now) for c, order_no in session.execute(query)]


def open_with_deadlines(session: Session, now: datetime) -> list[ComplaintView]:
    """Every complaint still waiting for its first response or its resolution (task lists)."""
    return page(session, now, ComplaintFilter(unresolved_only=True), limit=10_000)


@dataclass(frozen=True)
class ConfirmedComplaint:
    complaint_no: str
    category: str
    text: str
    opened_at: datetime
    confirmed_by: str
    confirmed_at: datetime


def month_range(month: date | str) -> tuple[datetime, datetime]:
    """The shop's local month as [start, end) aware moments; ``"2026-11"`` or a date in it."""
    if isinstance(month, str):
        try:
            year, mon = (int(p) for p in month.strip().split("-")[:2])
            first = date(year, mon, 1)
        except ValueError:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("UserError", "“{month}” is not a month: write it as 2026-11."),
                month=month,
            ) from None
    else:
        first = month.replace(day=1)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    start = datetime.combine(first, time.min).astimezone()
    end = datetime.combine(last, time.max).astimezone()
    return start, end


def confirmed_against(
    session: Session, user_id: int, month: date | str
) -> list[ConfirmedComplaint]:
    """Complaints about ``user_id`` the supervisor confirmed in ``month`` (the shop's local
    month of the confirmation): what issue 14's score sheet deducts for."""
    start, end = month_range(month)
    rows = session.execute(
        select(Complaint)
        .where(
            Complaint.about_user_id == user_id,
            Complaint.confirmed_at.is_not(None),
            Complaint.confirmed_at >= start,
            Complaint.confirmed_at <= end,
        )
        .order_by(Complaint.confirmed_at)
    ).scalars()
    return [
        ConfirmedComplaint(
            c.complaint_no,
            c.category,
            c.text,
            c.opened_at,
            c.confirmed_by or "",
            c.confirmed_at,  # type: ignore[arg-type]
        )
        for c in rows
    ]
