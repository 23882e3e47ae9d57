"""Trends of complaints and disputes per local week and shop (docs/supervision.md, "Trends").

- Dispute rate: disputes opened on the platform in the week ÷ the week's paid orders, in %.
- Disputes lost: disputes whose outcome "lost" was recorded in the week.
- Complaints by category: complaints registered in the week, per category.
- First responses on time: of the complaints whose first-response deadline fell in the week
  and has passed (or that were answered), the share answered by the deadline, in %.
Like the refunds, every figure is a count the database makes per week.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.orm import Session

from app.models import Complaint, Dispute, Order, Outcome, Shop
from app.services.supervision.weeks import Week, week_of


@dataclass(frozen=True)
class ServiceWeek:
    """A week's complaints and disputes."""

    disputes: int = 0
    disputes_lost: int = 0
    by_category: tuple[tuple[str, int], ...] = field(default=())
    responses_due: int = 0
    responses_on_time: int = 0

    @property
    def complaints(self) -> int:
        return sum(n for _, n in self.by_category)


@dataclass(frozen=True)
class CountedDispute:
    dispute_no: str
    order_no: str
    shop: str
    platform: str
    claim: str
    opened_at: datetime
    outcome: str | None
    outcome_at: datetime | None


@dataclass(frozen=True)
class CountedComplaint:
    complaint_no: str
    shop: str | None
    category: str
    priority: str
    customer: str
    opened_at: datetime
    respond_due: datetime
    responded_at: datetime | None

    @property
    def on_time(self) -> bool:
        return self.responded_at is not None and self.responded_at <= self.respond_due


def service_weeks(
    session: Session, weeks: tuple[Week, ...], shop_id: int | None, now: datetime
) -> list[ServiceWeek]:
    start, end = weeks[0].start, weeks[-1].end
    opened = _disputes(session, weeks, shop_id, Dispute.opened_at, Dispute.opened_at >= start)
    lost = _disputes(
        session,
        weeks,
        shop_id,
        Dispute.outcome_at,
        and_(Dispute.outcome == Outcome.LOST.value, Dispute.outcome_at >= start),
        end,
    )
    categories: dict[int, list[tuple[str, int]]] = defaultdict(list)
    week = week_of(session, weeks, Complaint.opened_at)
    query = (
        select(week, Complaint.category, func.count())
        .where(Complaint.opened_at >= start, Complaint.opened_at < end)
        .group_by(week, Complaint.category)
    )
    for i, category, n in session.execute(_in_shop(query, shop_id)):
        categories[int(i)].append((category, int(n)))
    due = week_of(session, weeks, Complaint.respond_due)
    on_time = and_(
        Complaint.responded_at.is_not(None), Complaint.responded_at <= Complaint.respond_due
    )
    responses = select(due, func.count(), func.sum(case((on_time, 1), else_=0))).where(
        _response_due(start, end, now)
    )
    answered = {
        int(i): (int(n), int(ok or 0))
        for i, n, ok in session.execute(_in_shop(responses, shop_id).group_by(due))
    }
    return [
        ServiceWeek(
            opened.get(i, 0),
            lost.get(i, 0),
            tuple(sorted(categories.get(i, []))),
            *answered.get(i, (0, 0)),
        )
        for i in range(len(weeks))
    ]


def counted_disputes(
    session: Session, week: Week, shop_id: int | None, *, lost: bool
) -> list[CountedDispute]:
    at = Dispute.outcome_at if lost else Dispute.opened_at
    query = (
        select(
            Dispute.dispute_no,
            Order.order_no,
            Shop.name,
            Dispute.platform,
            Dispute.claim,
            Dispute.opened_at,
            Dispute.outcome,
            Dispute.outcome_at,
        )
        .join(Order, Order.id == Dispute.order_id)
        .join(Shop, Shop.id == Order.shop_id)
        .where(at >= week.start, at < week.end)
        .order_by(at, Dispute.id)
    )
    if lost:
        query = query.where(Dispute.outcome == Outcome.LOST.value)
    if shop_id is not None:
        query = query.where(Order.shop_id == shop_id)
    return [CountedDispute(*row) for row in session.execute(query)]


def counted_complaints(
    session: Session, week: Week, shop_id: int | None, now: datetime, *, responses: bool
) -> list[CountedComplaint]:
    at = Complaint.respond_due if responses else Complaint.opened_at
    query = (
        select(
            Complaint.complaint_no,
            Shop.name,
            Complaint.category,
            Complaint.priority,
            Complaint.customer,
            Complaint.opened_at,
            Complaint.respond_due,
            Complaint.responded_at,
        )
        .outerjoin(Shop, Shop.id == Complaint.shop_id)
        .order_by(at, Complaint.id)
    )
    if responses:
        query = query.where(_response_due(week.start, week.end, now))
    else:
        query = query.where(at >= week.start, at < week.end)
    if shop_id is not None:
        query = query.where(Complaint.shop_id == shop_id)
    return [CountedComplaint(*row) for row in session.execute(query)]


def _response_due(start: datetime, end: datetime, now: datetime):  # type: ignore[no-untyped-def]
    """Deadlines in the window that have passed, or were met already: a deadline still ahead
    is neither on time nor late yet."""
    return and_(
        Complaint.respond_due >= start,
        Complaint.respond_due < end,
        or_(Complaint.responded_at.is_not(None), Complaint.respond_due <= now),
    )


def _in_shop(query: Select, shop_id: int | None) -> Select:
    # a complaint names the shop whose hours its deadlines run in
    return query if shop_id is None else query.where(Complaint.shop_id == shop_id)


def _disputes(  # type: ignore[no-untyped-def]
    session: Session, weeks: tuple[Week, ...], shop_id: int | None, at, condition, end=None
) -> dict[int, int]:
    week = week_of(session, weeks, at)
    query = select(week, func.count()).where(condition, at < (end or weeks[-1].end))
    if shop_id is not None:
        query = query.join(Order, Order.id == Dispute.order_id).where(Order.shop_id == shop_id)
    return {int(i): int(n) for i, n in session.execute(query.group_by(week))}
