"""Proposal sources over issue 13's deadlines: a refund left past the platform's deadline
(售后 9) and an exchange's tracking number never passed to the customer (售后 10)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from sqlalchemy import and_, or_, select

from app.models import Case, Order
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.scores.sources import Period, Proposal, Source, case_proposal, stamp

TELL_WITHIN = timedelta(hours=24)  # 及时留言告知: the next working day at the latest


def refunds_late(period: Period) -> Iterator[Proposal]:
    """The platform's refund deadline fell in the month and passed before the refund (or the
    case's closing) was recorded."""
    done = Case.refund_at
    rows = period.session.execute(
        select(Case.case_no, Case.opened_by_id, Case.platform_deadline, Order.order_no)
        .outerjoin(Order, Order.id == Case.order_id)
        .where(
            Case.platform_deadline >= period.start,
            Case.platform_deadline < period.cutoff,
            or_(
                and_(done.is_(None), Case.closed_at.is_(None)),
                done > Case.platform_deadline,
                and_(done.is_(None), Case.closed_at > Case.platform_deadline),
            ),
        )
    )
    for case_no, user_id, deadline, order_no in rows:
        if deadline is None:  # the query asks for one; the type does not know
            continue
        yield case_proposal(
            "refund_late",
            case_no,
            user_id,
            order_no,
            QT_TRANSLATE_NOOP(
                "ScoreReason",
                "Case {case_no} (order {order_no}): the refund was not handled by the "
                "platform's deadline {at}.",
            ),
            at=stamp(deadline),
        )


def exchange_numbers_not_told(period: Period) -> Iterator[Proposal]:
    """An exchange shipped in the month whose tracking number the customer was not told
    within a day."""
    rows = period.session.execute(
        select(Case.case_no, Case.opened_by_id, Case.exchange_at, Case.customer_told_at,
               Order.order_no)
        .outerjoin(Order, Order.id == Case.order_id)
        .where(Case.exchange_at >= period.start, Case.exchange_at < period.end)
    )  # fmt: skip
    for case_no, user_id, shipped, told, order_no in rows:
        if shipped is None or period.cutoff - shipped <= TELL_WITHIN:
            continue  # still in time
        if told is not None and told - shipped <= TELL_WITHIN:
            continue
        yield case_proposal(
            "exchange_no_not_told",
            case_no,
            user_id,
            order_no,
            QT_TRANSLATE_NOOP(
                "ScoreReason",
                "Case {case_no} (order {order_no}): the exchange shipped {at} and the "
                "customer was not told its tracking number within a day.",
            ),
            at=stamp(shipped),
        )


SOURCES: tuple[Source, ...] = (refunds_late, exchange_numbers_not_told)
