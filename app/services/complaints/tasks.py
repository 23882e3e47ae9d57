"""Complaints and platform disputes as kinds of work in the task lists and the daily review
(supervision/deadlines.py): a complaint is due by its first-response deadline until answered,
then by its resolution deadline; a dispute by the platform's deadline, until its outcome."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from typing import cast as typed

from sqlalchemy import Select, case, select
from sqlalchemy.orm import Session

from app.models import Complaint, ComplaintState, Dispute, Order, Role, User
from app.models.task_enums import DeadlineFrom
from app.services.supervision.deadlines import KindSpec, TaskKind, Within, register


def complaints(_session: Session) -> Select[Any]:
    due = case((Complaint.responded_at.is_(None), Complaint.respond_due),
               else_=Complaint.resolve_due)  # fmt: skip
    return typed(
        "Select[Any]",
        select(
            Complaint.id.label("ref_id"),
            Complaint.complaint_no.label("key"),
            Complaint.complaint_no.label("open_key"),
            Complaint.category.label("title"),
            Complaint.shop_id.label("shop_id"),
            Complaint.opened_at.label("start"),
            due.label("due"),
            Complaint.owner_id.label("owner_id"),
        ).where(Complaint.state.in_([ComplaintState.OPEN.value, ComplaintState.RESPONDED.value])),
    )


def disputes(_session: Session) -> Select[Any]:
    return typed(
        "Select[Any]",
        select(
            Dispute.id.label("ref_id"),
            Dispute.dispute_no.label("key"),
            Order.order_no.label("open_key"),
            Dispute.claim.label("title"),
            Order.shop_id.label("shop_id"),
            Dispute.opened_at.label("start"),
            Dispute.deadline.label("due"),
            Dispute.owner_id.label("owner_id"),
        )
        .join(Order, Order.id == Dispute.order_id)
        .where(Dispute.outcome.is_(None)),
    )


def _complaint_owner(session: Session, ref_id: int, user: User) -> None:
    complaint = session.get(Complaint, ref_id)
    if complaint is not None:
        complaint.owner_id, complaint.owner_name = user.id, user.display_name


def _dispute_owner(session: Session, ref_id: int, user: User) -> None:
    dispute = session.get(Dispute, ref_id)
    if dispute is not None:
        dispute.owner_id, dispute.owner_name = user.id, user.display_name


# the deadlines are on the records (the complaint's settings, the platform's date): the rule
# is only a fallback the records never need, and not an administrator's setting here. A
# dispute's button opens the dispute itself (its order's number: a scan of the order finds it),
# where its outcome is recorded and its evidence pack made.
register(KindSpec(TaskKind.DISPUTE, Role.AFTERSALES, "dispute", disputes,
                  Within(TaskKind.DISPUTE, timedelta(hours=24)), settable=False,
                  reassigned=_dispute_owner, deadline_from=DeadlineFrom.PLATFORM))  # fmt: skip
register(KindSpec(TaskKind.COMPLAINT, Role.AFTERSALES, "complaint", complaints,
                  Within(TaskKind.COMPLAINT, timedelta(hours=24)), settable=False,
                  reassigned=_complaint_owner, deadline_from=DeadlineFrom.PRIORITY))  # fmt: skip
