"""Supervision's own records (docs/supervision.md): follow-ups on tasks, who owns a task now,
the supervisor's daily review, and orders made to order.

Follow-ups (reminders, reassignments, escalations) and daily reviews are append-only, signed
and dated like notes. ``task_owners`` is the one row per reassigned task that the lists join
to know its owner now; its history is the reassignments in ``task_followups``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime


class TaskFollowup(Base):
    """A reminder, a reassignment or an escalation of one task (kind + the record's id)."""

    __tablename__ = "task_followups"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    ref_id: Mapped[int] = mapped_column(Integer)
    ref_key: Mapped[str] = mapped_column(String(40))  # the case, order or request as shown
    action: Mapped[str] = mapped_column(String(16))  # remind | reassign | escalate
    text: Mapped[str] = mapped_column(Text, default="")
    to_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    to_name: Mapped[str] = mapped_column(String(64), default="")
    by_user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    by_name: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (
        Index("ix_task_followups_task", "kind", "ref_id", "id"),
        Index("ix_task_followups_to", "to_user_id", "id"),
    )


class TaskOwner(Base):
    """Who a reassigned task belongs to now (the latest reassignment)."""

    __tablename__ = "task_owners"

    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    ref_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    followup_id: Mapped[int] = mapped_column(ForeignKey("task_followups.id"))


class DailyReview(Base):
    """ "Reviewed by 陈静 at 09:12": one per supervisor and day, with what the lists showed."""

    __tablename__ = "daily_reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    by_user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    by_name: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    # {kind: [open, overdue]} as the supervisor saw it
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    __table_args__ = (UniqueConstraint("day", "by_user_id", name="uq_daily_reviews_day_by"),)


class MadeToOrder(Base):
    """An order whose goods are made to order: 48 h to ship instead of the same day."""

    __tablename__ = "made_to_order"

    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), primary_key=True)
    marked_by: Mapped[str] = mapped_column(String(64))
    marked_at: Mapped[datetime] = mapped_column(UTCDateTime)
