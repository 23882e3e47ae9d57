"""What the duty roster keeps besides its days (docs/scores.md): the supervisor's edits and
how each month's rotation was made, so that generating a month again loses neither and the
rotation runs on from one month to the next."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime


class RosterEdit(Base):
    """The supervisor set one person's day: a shift, or none (a day off). Never changed:
    a later edit of the same day is a new row, and the newest applies."""

    __tablename__ = "roster_edits"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    shift_code: Mapped[str | None] = mapped_column(ForeignKey("roster_shifts.code"))
    set_by: Mapped[str] = mapped_column(String(64))
    set_at: Mapped[datetime] = mapped_column(UTCDateTime)


class RosterMonth(Base):
    """How a month's rotation was generated: the next month's blocks run on from ``anchor``
    (the first day of the first block) and each person keeps their half."""

    __tablename__ = "roster_months"

    month: Mapped[str] = mapped_column(String(7), primary_key=True)  # 2026-11
    every: Mapped[int] = mapped_column(Integer)
    anchor: Mapped[date] = mapped_column(Date)
    # service staff: user id (as text) → 0 for the half early in the anchor's block, else 1
    phases: Mapped[dict[str, Any]] = mapped_column(JSON)
    generated_by: Mapped[str] = mapped_column(String(64))
    generated_at: Mapped[datetime] = mapped_column(UTCDateTime)
