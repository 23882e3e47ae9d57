"""What others changed: the audit log doubles as the change feed.

Every change already writes an audit entry naming the entity; a screen asks for
entries newer than the last it saw. PostgreSQL also pushes each new entry's id
with NOTIFY (sent at commit), read on a dedicated LISTEN connection, so other
PCs hear of a change at once instead of at the next poll. Payloads carry ids,
never rows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from app.db import Database
from app.models import AuditEntry, AuditHead

CHANNEL = "afterdesk_changes"  # + the schema: shops sharing one server never hear each other


@dataclass(frozen=True)
class ChangeEvent:
    id: int
    at: datetime
    actor: str
    action: str
    entity: str
    key: str


def notify(session: Session, entry_id: int, entity: str, key: str) -> None:
    """Queue a NOTIFY for this transaction (PostgreSQL delivers it only if we commit)."""
    if session.get_bind().dialect.name == "postgresql":
        payload = json.dumps({"id": entry_id, "entity": entity, "key": key}, ensure_ascii=False)
        session.execute(
            text("SELECT pg_notify(:c || '_' || current_schema(), :p)"),
            {"c": CHANNEL, "p": payload},
        )


def latest_id(session: Session) -> int:
    head = session.get(AuditHead, 1)
    return head.last_id if head else 0


def since(session: Session, last_id: int, limit: int = 1000) -> list[ChangeEvent]:
    rows = session.execute(
        select(
            AuditEntry.id,
            AuditEntry.at,
            AuditEntry.actor_name,
            AuditEntry.action,
            AuditEntry.entity,
            AuditEntry.entity_key,
        )
        .where(AuditEntry.id > last_id)
        .order_by(AuditEntry.id)
        .limit(limit)
    )
    return [ChangeEvent(*row) for row in rows]


class ChangeFeed:
    """Remembers how far this screen has read; ``poll()`` returns what came since."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.last_id = db.read(latest_id)

    def poll(self) -> list[ChangeEvent]:
        events = self.db.read(lambda s: since(s, self.last_id))
        if events:
            self.last_id = events[-1].id
        return events


class PgListener:
    """A LISTEN connection of its own (autocommit); its socket tells when a NOTIFY arrived."""

    def __init__(self, url: URL) -> None:
        import psycopg  # here, not at the top: a command on SQLite never pays for its import
        from psycopg import sql

        conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
        self.conn = psycopg.connect(conninfo, autocommit=True)
        schema = self.conn.execute("SELECT current_schema()").fetchone()
        channel = f"{CHANNEL}_{schema[0] if schema else 'public'}"
        self.conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(channel)))

    def fileno(self) -> int:
        return self.conn.fileno()

    def pending(self) -> list[int]:
        """Audit ids announced since the last call; never blocks."""
        pgconn = self.conn.pgconn
        pgconn.consume_input()
        ids: list[int] = []
        while (note := pgconn.notifies()) is not None:
            try:
                ids.append(int(json.loads(note.extra.decode())["id"]))
            except (ValueError, KeyError):
                continue
        return ids

    def close(self) -> None:
        self.conn.close()
