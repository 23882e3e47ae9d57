"""Proposal sources over complaints (投诉) and platform disputes (维权): issue 13's records.

A complaint the supervisor confirmed against a named person costs that person 3 points
(总则 5); a dispute left past the platform's deadline costs its owner 3 (售后 8).
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import and_, or_, select

from app.models import Complaint, Dispute, Order
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.scores.sources import Period, Proposal, Source, stamp


def complaints_confirmed(period: Period) -> Iterator[Proposal]:
    rows = period.session.execute(
        select(Complaint.complaint_no, Complaint.about_user_id, Complaint.confirmed_at,
               Order.order_no)
        .outerjoin(Order, Order.id == Complaint.order_id)
        .where(
            Complaint.about_user_id.is_not(None),
            Complaint.confirmed_at >= period.start,
            Complaint.confirmed_at < period.end,
        )
    )  # fmt: skip
    for complaint_no, user_id, at, order_no in rows:
        if user_id is None or at is None:  # the query asks for both; the types do not know
            continue
        yield Proposal(
            "complaint_confirmed",
            user_id,
            "complaint",
            complaint_no,
            order_no or "",
            QT_TRANSLATE_NOOP(
                "ScoreReason", "Complaint {complaint_no}, confirmed against this person {at}."
            ),
            {"complaint_no": complaint_no, "at": stamp(at)},
        )


def disputes_late(period: Period) -> Iterator[Proposal]:
    """Deadline in the month, passed with no outcome recorded, or the outcome came after it."""
    rows = period.session.execute(
        select(Dispute.dispute_no, Dispute.owner_id, Dispute.deadline, Order.order_no)
        .join(Order, Order.id == Dispute.order_id)
        .where(
            Dispute.deadline >= period.start,
            Dispute.deadline < period.cutoff,
            or_(
                Dispute.outcome_at.is_(None),
                and_(Dispute.outcome_at.is_not(None), Dispute.outcome_at > Dispute.deadline),
            ),
        )
    )
    for dispute_no, user_id, deadline, order_no in rows:
        yield Proposal(
            "dispute_late",
            user_id,
            "dispute",
            dispute_no,
            order_no,
            QT_TRANSLATE_NOOP(
                "ScoreReason",
                "Dispute {dispute_no} on order {order_no} was not handled by its deadline {at}.",
            ),
            {"dispute_no": dispute_no, "order_no": order_no, "at": stamp(deadline)},
        )


SOURCES: tuple[Source, ...] = (complaints_confirmed, disputes_late)
