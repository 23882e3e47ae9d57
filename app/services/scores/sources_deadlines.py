"""Proposal sources over issue 13's deadlines: a refund left past the platform's deadline
(售后 9) and an exchange's tracking number never passed to the customer (售后 10)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from sqlalchemy import select, true

from app.models import Case, Order
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.cases.owner import case_owner
from app.services.scores.sources import Period, Proposal, Source, case_proposal, stamp
from app.services.supervision import deadlines, worktime
from app.services.supervision.deadlines import TaskKind
from app.services.supervision.kinds import refund_cases

TELL_WITHIN = timedelta(hours=24)  # 及时留言告知: the next working day at the latest


def refunds_late(period: Period) -> Iterator[Proposal]:
    """The platform's refund deadline fell in the month and passed before the refund (or the
    case's closing) was recorded. The deadline is the one My tasks shows (deadlines.py): the
    one entered on the case, else the shop's default for its platform from the opening."""
    session = period.session
    spec = deadlines.spec_of(TaskKind.PLATFORM_REFUND)
    sub = refund_cases(session).subquery("refund_cases")
    # the database narrows to "due before the cut-off, not before the month" (a default
    # deadline is the shop's rule, so the filter is the service's); Python judges exactly
    before_month = deadlines.late_filter(session, spec, sub, period.start)
    rows = session.execute(
        select(sub.c.key, sub.c.shop_id, sub.c.start, sub.c.due, sub.c.owner_id,
               Case.refund_at, Case.closed_at, Order.order_no)
        .join(Case, Case.id == sub.c.ref_id)
        .outerjoin(Order, Order.id == Case.order_id)
        .where(
            deadlines.late_filter(session, spec, sub, period.cutoff),
            before_month.is_not(true()),  # NULL (no deadline yet known) is "not before"
        )
    )  # fmt: skip
    hours: dict[int | None, worktime.Hours] = {}
    for case_no, shop, start, due, user_id, refunded, closed, order_no in rows:
        deadline = deadlines.deadline_of(session, spec, start, due, shop, hours)
        if not period.start <= deadline < period.cutoff:
            continue
        done = refunded or closed
        if done is not None and done <= deadline:
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
        select(Case.case_no, case_owner(), Case.exchange_at, Case.customer_told_at,
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
