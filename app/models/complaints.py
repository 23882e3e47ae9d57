"""Complaints (投诉), their signed steps, and platform disputes (维权) (docs/supervision.md).

A complaint's steps are append-only and signed like notes: a name frozen at signing time and
the time. The complaint row carries the state and the stamps lists need (deadlines, who
responded, resolved, confirmed), so a list never reads the steps.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime


class Complaint(Base):
    __tablename__ = "complaints"

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_no: Mapped[str] = mapped_column(String(20), unique=True)  # TS20261128-0001
    channel: Mapped[str] = mapped_column(String(12))
    customer: Mapped[str] = mapped_column(String(100))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), index=True)
    shop_id: Mapped[int | None] = mapped_column(ForeignKey("shops.id"))  # whose working hours
    category: Mapped[str] = mapped_column(String(40))
    priority: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(12))
    # the staff member the customer complains about, if any (issue 14's score sheet)
    about_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    about_name: Mapped[str | None] = mapped_column(String(64))
    confirmed_by: Mapped[str | None] = mapped_column(String(64))
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    owner_name: Mapped[str] = mapped_column(String(64))
    respond_due: Mapped[datetime] = mapped_column(UTCDateTime)
    resolve_due: Mapped[datetime] = mapped_column(UTCDateTime)
    responded_by: Mapped[str | None] = mapped_column(String(64))
    responded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    escalated_by: Mapped[str | None] = mapped_column(String(64))  # the first escalation
    escalated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolved_by: Mapped[str | None] = mapped_column(String(64))
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    followed_up_by: Mapped[str | None] = mapped_column(String(64))
    followed_up_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    attitude: Mapped[int | None] = mapped_column(SmallInteger)  # satisfaction 1–5
    speed: Mapped[int | None] = mapped_column(SmallInteger)
    accuracy: Mapped[int | None] = mapped_column(SmallInteger)
    opened_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    opened_by: Mapped[str] = mapped_column(String(64))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    # the lists: open ones by deadline
    __table_args__ = (Index("ix_complaints_state_due", "state", "respond_due"),)


class ComplaintStep(Base):
    """One signed, dated line of a complaint's record; never edited or deleted."""

    __tablename__ = "complaint_steps"

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text, default="")
    by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))  # None: the system
    by_name: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    # an automatic escalation is recorded once per deadline, whichever PC notices it first
    once_key: Mapped[str | None] = mapped_column(String(40), unique=True)


class Dispute(Base):
    """A case or order in dispute on the platform (维权中) and how it ended."""

    __tablename__ = "disputes"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    platform: Mapped[str] = mapped_column(String(32))
    dispute_no: Mapped[str] = mapped_column(String(64), unique=True)  # the platform's number
    deadline: Mapped[datetime] = mapped_column(UTCDateTime)
    claim: Mapped[str] = mapped_column(Text, default="")
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    owner_name: Mapped[str] = mapped_column(String(64))
    opened_by: Mapped[str] = mapped_column(String(64))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime)
    outcome: Mapped[str | None] = mapped_column(String(12))
    outcome_note: Mapped[str] = mapped_column(Text, default="")
    outcome_by: Mapped[str | None] = mapped_column(String(64))
    outcome_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    __table_args__ = (Index("ix_disputes_outcome_deadline", "outcome", "deadline"),)
