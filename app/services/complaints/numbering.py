"""A complaint's number: TS + the shop's local date + a daily sequence (TS20261128-0001)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Complaint
from app.models.formats import local


def next_complaint_no(session: Session, now: datetime) -> str:
    """The next number of the day ``now`` falls on, in the shop's local time.

    Writers are serialized (app.db: SQLite's write lock, PostgreSQL's advisory lock), so two
    PCs opening at once number one after the other; complaints are never deleted, so a
    number is never given twice, and the unique constraint stands behind both."""
    prefix = "TS" + local(now).strftime("%Y%m%d") + "-"
    last = session.execute(
        select(func.max(Complaint.complaint_no)).where(Complaint.complaint_no.like(prefix + "%"))
    ).scalar()
    seq = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{seq:04d}"
