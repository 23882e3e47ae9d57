""" "Now" for deadlines: the database's clock, or a fixed moment for tests and what-ifs.

``AFTERDESK_NOW`` (ISO 8601; a time without a zone is the shop's local time) fixes the
moment the task lists and the review count from, so a test can say "at 10:00 on the 8th"
without waiting: a clock for tests and demonstrations, never set on a shop's PC. Complaints and
disputes are also stamped with it (their deadlines count from their own times); everything else
(notes, the audit log, case steps, reminders, the review's time) keeps the database's time
(docs/supervision.md, "Now and AFTERDESK_NOW").
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from app.db import db_now

ENV = "AFTERDESK_NOW"


def now(session: Session) -> datetime:
    fixed = os.environ.get(ENV, "").strip()
    if fixed:
        at = datetime.fromisoformat(fixed)
        return (at if at.tzinfo else at.astimezone()).astimezone(UTC)
    return db_now(session)
