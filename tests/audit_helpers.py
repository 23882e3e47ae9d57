"""What an intruder with the database owner's rights does to history, for the audit tests."""

from __future__ import annotations

from sqlalchemy import select, text

from app.db import Database
from app.models import AuditEntry
from app.services.core import audit

GUARDED = ("notes", "audit_log", "task_followups", "daily_reviews", "complaint_steps")


def disable_guards(db: Database) -> None:
    """Drop the append-only triggers: the first thing an owner bent on rewriting does."""
    with db.engine.begin() as conn:
        for table in GUARDED:
            if db.is_sqlite:
                conn.execute(text(f"DROP TRIGGER {table}_no_update"))
                conn.execute(text(f"DROP TRIGGER {table}_no_delete"))
            else:
                conn.execute(text(f"ALTER TABLE {table} DISABLE TRIGGER USER"))


def rehash_chain(db: Database) -> None:
    """Recompute every entry's hash and the head, as anyone who read audit.py could."""
    entries = db.read(lambda s: list(s.scalars(select(AuditEntry).order_by(AuditEntry.id))))
    with db.engine.begin() as conn:
        prev = audit.GENESIS
        for entry in entries:
            digest = audit.hash_of(entry, prev)
            conn.execute(
                text("UPDATE audit_log SET prev_hash = :p, hash = :h WHERE id = :i"),
                {"p": prev, "h": digest, "i": entry.id},
            )
            prev = digest
        conn.execute(text("UPDATE audit_head SET last_hash = :h"), {"h": prev})
