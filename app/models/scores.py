"""The monthly score sheet (奖罚评分表) and the duty roster (值班表): docs/scores.md.

Rules and shifts are data an administrator or supervisor edits; entries are signed with
the recorder's name and the database time and never edited once their month is approved.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime


class ScoreRule(Base):
    """One line of the procedure's list: who it applies to and what it is worth."""

    __tablename__ = "score_rules"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    role: Mapped[str] = mapped_column(String(16), default="")  # "": anyone
    points: Mapped[int] = mapped_column(Integer)  # −2, +5; the default of a manual entry
    max_points: Mapped[int | None] = mapped_column(Integer)  # "+3…+20": the top of the range
    title_zh: Mapped[str] = mapped_column(Text)
    title_en: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class ScoreEntry(Base):
    """A ±points line on a person's month: proposed from the records, or added by hand."""

    __tablename__ = "score_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    month: Mapped[str] = mapped_column(String(7))  # 2026-11
    points: Mapped[int] = mapped_column(Integer)
    rule_id: Mapped[int] = mapped_column(ForeignKey("score_rules.id"))
    reason: Mapped[str] = mapped_column(Text, default="")
    # a proposal's reason is an English template (translated when shown) with these values;
    # None: a person's own words
    reason_params: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # the evidence: "order", "case", "request", "complaint", "swap" and its number
    evidence_kind: Mapped[str] = mapped_column(String(12), default="")
    evidence_key: Mapped[str] = mapped_column(String(40), default="")
    evidence_order_no: Mapped[str] = mapped_column(String(40), default="")
    # a proposal's identity (source, evidence, person): proposing twice finds it again
    proposal_key: Mapped[str | None] = mapped_column(String(120), unique=True)
    state: Mapped[str] = mapped_column(String(12))
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_by: Mapped[str] = mapped_column(String(64))  # "AfterDesk" for a proposal
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decision_reason: Mapped[str] = mapped_column(Text, default="")
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("score_entries.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    __table_args__ = (Index("ix_score_entries_month_user_id", "month", "user_id"),)


class ScoreMonth(Base):
    """A month's sheet: submitted by the supervisor, approved (locked) by the administrator."""

    __tablename__ = "score_months"

    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    state: Mapped[str] = mapped_column(String(12))
    submitted_by: Mapped[str | None] = mapped_column(String(64))
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    approved_by: Mapped[str | None] = mapped_column(String(64))
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class RosterShift(Base):
    """A shift as the shop defines it (the procedure's: service early/late, printer)."""

    __tablename__ = "roster_shifts"

    code: Mapped[str] = mapped_column(String(24), primary_key=True)
    team: Mapped[str] = mapped_column(String(12))  # "service" or "printer"
    name_zh: Mapped[str] = mapped_column(String(40))
    name_en: Mapped[str] = mapped_column(String(40))
    hours: Mapped[str] = mapped_column(String(80))  # "09:00-11:30, 12:30-18:30"
    position: Mapped[int] = mapped_column(Integer, default=0)


class RosterDay(Base):
    """Who works which shift on a day (one row per person and day)."""

    __tablename__ = "roster_days"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    shift_code: Mapped[str] = mapped_column(ForeignKey("roster_shifts.code"))


class RosterSwap(Base):
    """Two people exchange their shifts of a day: one asks (``user_a``), the other agrees
    (``user_b``, ``agreed_at``), and it counts once the supervisor approves."""

    __tablename__ = "roster_swaps"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    user_a_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    user_b_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    reason: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(12))
    requested_by: Mapped[str] = mapped_column(String(64))
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime)
    agreed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
