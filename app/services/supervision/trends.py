"""Trends: the measures the platforms judge a shop by, per week and shop (docs/supervision.md).

Every figure is an aggregate the database computes (counts and sums per week); no order or
case row is loaded to draw a chart, so the twelve weeks of a shop with a million orders read
in well under a second (benchmarks/bench_trends.py). Weeks run Monday 00:00 to Monday 00:00
in the shop's local time (the PC's zone, as for the working hours); stored times are UTC, so
each week's bounds are turned into UTC instants before the query.

- Paid orders: orders whose payment time falls in the week, the platforms' denominator
  (Taobao's 退款率 and 品质退款率 divide by the period's paid orders, 支付成交笔数).
- Refunds: cases refunded in the week with an amount above 0 (an exchange that only
  reimbursed freight records a refund of 0: the buyer got no money back for the goods).
- Quality refunds: those of them whose claim is a quality problem (``Case.quality``).
- Request to refund: the average hours from the case's opening to its refund.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    case,
    func,
    select,
)
from sqlalchemy.orm import Session

from app.models import Case, Order, Shop
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.supervision.trends_service import (
    CountedComplaint,
    CountedDispute,
    ServiceWeek,
    counted_complaints,
    counted_disputes,
    service_weeks,
)
from app.services.supervision.weeks import WEEKS, Week, seconds_between, week_of, weeks_ending


class Measure(enum.StrEnum):
    REFUND_RATE = "refund_rate"
    QUALITY_REFUND_RATE = "quality_refund_rate"
    REFUND_HOURS = "refund_hours"
    DISPUTE_RATE = "dispute_rate"
    DISPUTES_LOST = "disputes_lost"
    COMPLAINTS = "complaints"
    RESPONSES_ON_TIME = "responses_on_time"

    @property
    def label(self) -> str:
        return MEASURE_LABELS[self]

    @property
    def unit(self) -> str:
        return MEASURE_UNITS[self]


MEASURE_LABELS = {
    Measure.REFUND_RATE: QT_TRANSLATE_NOOP("Measure", "Refund rate"),
    Measure.QUALITY_REFUND_RATE: QT_TRANSLATE_NOOP("Measure", "Quality refund rate"),
    Measure.REFUND_HOURS: QT_TRANSLATE_NOOP("Measure", "Average time from request to refund"),
    Measure.DISPUTE_RATE: QT_TRANSLATE_NOOP("Measure", "Dispute rate"),
    Measure.DISPUTES_LOST: QT_TRANSLATE_NOOP("Measure", "Disputes lost"),
    Measure.COMPLAINTS: QT_TRANSLATE_NOOP("Measure", "Complaints by category"),
    Measure.RESPONSES_ON_TIME: QT_TRANSLATE_NOOP(
        "Measure", "First responses within their deadline"
    ),
}
MEASURE_UNITS = {
    Measure.REFUND_RATE: QT_TRANSLATE_NOOP("Measure", "% of paid orders"),
    Measure.QUALITY_REFUND_RATE: QT_TRANSLATE_NOOP("Measure", "% of paid orders"),
    Measure.REFUND_HOURS: QT_TRANSLATE_NOOP("Measure", "hours"),
    Measure.DISPUTE_RATE: QT_TRANSLATE_NOOP("Measure", "% of paid orders"),
    Measure.DISPUTES_LOST: QT_TRANSLATE_NOOP("Measure", "disputes"),
    Measure.COMPLAINTS: QT_TRANSLATE_NOOP("Measure", "complaints"),
    Measure.RESPONSES_ON_TIME: QT_TRANSLATE_NOOP("Measure", "% of the deadlines passed"),
}


@dataclass(frozen=True)
class WeekFigures:
    week: Week
    paid_orders: int
    refunds: int
    quality_refunds: int
    refund_seconds: float  # summed over the refunds: the average is this / refunds
    service: ServiceWeek = field(default_factory=ServiceWeek)  # complaints and disputes

    def value(self, measure: Measure) -> float:
        """The bar's height: a percentage, hours or a count; 0 when nothing counts."""
        s = self.service
        if measure is Measure.DISPUTE_RATE:
            return 100.0 * s.disputes / self.paid_orders if self.paid_orders else 0.0
        if measure is Measure.DISPUTES_LOST:
            return float(s.disputes_lost)
        if measure is Measure.COMPLAINTS:
            return float(s.complaints)
        if measure is Measure.RESPONSES_ON_TIME:
            return 100.0 * s.responses_on_time / s.responses_due if s.responses_due else 0.0
        if measure is Measure.REFUND_HOURS:
            return self.refund_seconds / self.refunds / 3600 if self.refunds else 0.0
        part = self.refunds if measure is Measure.REFUND_RATE else self.quality_refunds
        return 100.0 * part / self.paid_orders if self.paid_orders else 0.0


@dataclass(frozen=True)
class Trends:
    shop_id: int | None  # None: every shop together
    weeks: tuple[WeekFigures, ...]

    def values(self, measure: Measure) -> list[float]:
        return [w.value(measure) for w in self.weeks]


@dataclass(frozen=True)
class CountedCase:
    """One case behind a bar."""

    case_no: str
    order_no: str | None
    shop: str | None
    type: str
    reason: str
    quality: bool
    opened_at: datetime
    refund_at: datetime
    refund_amount: Decimal
    hours: float  # from opening to refund


def shops(session: Session, actor: Actor) -> list[tuple[int, str]]:
    """The shops to choose from: id and name, by name."""
    require(session, actor, Action.REVIEW)
    return [(i, n) for i, n in session.execute(select(Shop.id, Shop.name).order_by(Shop.name))]


def figures(
    session: Session, actor: Actor, now: datetime, shop_id: int | None = None, count: int = WEEKS
) -> Trends:
    """The weeks' figures for one shop, or every shop when ``shop_id`` is None."""
    require(session, actor, Action.REVIEW)
    weeks = weeks_ending(now, count)
    paid = _paid_orders(session, weeks, shop_id)
    refunds: dict[int, tuple[int, int, float]] = {
        int(week): (int(n), int(quality or 0), float(seconds or 0))
        for week, n, quality, seconds in session.execute(_refunds_by_week(session, weeks, shop_id))
    }
    service = service_weeks(session, weeks, shop_id, now)
    return Trends(
        shop_id,
        tuple(
            WeekFigures(week, paid[i], *refunds.get(i, (0, 0, 0.0)), service[i])
            for i, week in enumerate(weeks)
        ),
    )


def counted(
    session: Session,
    actor: Actor,
    measure: Measure,
    week: Week,
    shop_id: int | None,
    now: datetime,
) -> list[CountedCase] | list[CountedDispute] | list[CountedComplaint]:
    """What a bar counts: cases, disputes or complaints."""
    require(session, actor, Action.REVIEW)
    if measure in (Measure.DISPUTE_RATE, Measure.DISPUTES_LOST):
        return counted_disputes(session, week, shop_id, lost=measure is Measure.DISPUTES_LOST)
    if measure in (Measure.COMPLAINTS, Measure.RESPONSES_ON_TIME):
        return counted_complaints(
            session, week, shop_id, now, responses=measure is Measure.RESPONSES_ON_TIME
        )
    return counted_cases(session, actor, measure, week, shop_id)


def counted_cases(
    session: Session, actor: Actor, measure: Measure, week: Week, shop_id: int | None = None
) -> list[CountedCase]:
    """The cases a bar counts (its week's refunds, or quality refunds), oldest refund first."""
    require(session, actor, Action.REVIEW)
    query = (
        select(
            Case.case_no,
            Order.order_no,
            Shop.name,
            Case.type,
            Case.reason,
            Case.quality,
            Case.opened_at,
            Case.refund_at,
            Case.refund_amount,
        )
        .outerjoin(Order, Order.id == Case.order_id)
        .outerjoin(Shop, Shop.id == Order.shop_id)
        .where(_refunded(week.start, week.end))
        .order_by(Case.refund_at, Case.id)
    )
    if shop_id is not None:
        query = query.where(Order.shop_id == shop_id)
    if measure is Measure.QUALITY_REFUND_RATE:
        query = query.where(Case.quality.is_(True))
    listed = []
    for no, order_no, shop, kind, reason, quality, opened, refunded, amount in session.execute(
        query
    ):
        assert refunded is not None  # the query asked for refunded cases only
        hours = (refunded - opened).total_seconds() / 3600
        listed.append(
            CountedCase(
                no,
                order_no,
                shop,
                kind,
                reason,
                bool(quality),
                opened,
                refunded,
                amount or Decimal(0),
                hours,
            )
        )
    return listed


def _paid_orders(session: Session, weeks: tuple[Week, ...], shop_id: int | None) -> list[int]:
    """One count per week, each an index range (ix_orders_shop_id_paid_at, ix_orders_paid_at):
    counting the index entries is faster than bucketing a million rows."""
    counts = []
    for week in weeks:
        query = select(func.count()).where(Order.paid_at >= week.start, Order.paid_at < week.end)
        if shop_id is not None:
            query = query.where(Order.shop_id == shop_id)
        counts.append(query.scalar_subquery())
    return [int(n) for n in session.execute(select(*counts)).one()]


def _refunded(start: datetime, end: datetime) -> ColumnElement[bool]:
    return and_(Case.refund_at >= start, Case.refund_at < end, Case.refund_amount > 0)


def _refunds_by_week(
    session: Session, weeks: tuple[Week, ...], shop_id: int | None
) -> Select[int, int, Any, float]:
    week = week_of(session, weeks, Case.refund_at)
    query = select(
        week,
        func.count(),
        func.sum(case((Case.quality.is_(True), 1), else_=0)),
        func.sum(seconds_between(session, Case.opened_at, Case.refund_at)),
    ).where(_refunded(weeks[0].start, weeks[-1].end))
    if shop_id is not None:
        query = query.join(Order, Order.id == Case.order_id).where(Order.shop_id == shop_id)
    return query.group_by(week)
