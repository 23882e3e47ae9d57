"""The hash-chained audit log: every state change and note, with actor and before/after."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import db_now
from app.models import AuditEntry, AuditHead
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core import events

GENESIS = "0" * 64
PROBLEM_KINDS = (  # shown to users: translated in the "audit" context
    QT_TRANSLATE_NOOP("audit", "altered"),
    QT_TRANSLATE_NOOP("audit", "removed"),
    QT_TRANSLATE_NOOP("audit", "inserted"),
    QT_TRANSLATE_NOOP("audit", "truncated"),
)


def _plain(value: Any) -> Any:
    """JSON-safe copy (Decimal, datetime → str) so stored and hashed forms agree."""
    if value is None:
        return None
    return json.loads(json.dumps(value, default=str, ensure_ascii=False))


def entry_hash(
    *,
    entry_id: int,
    at: datetime,
    actor_id: int | None,
    actor_name: str,
    action: str,
    entity: str,
    entity_key: str,
    before: Any,
    after: Any,
    prev_hash: str,
) -> str:
    payload = {
        "id": entry_id,
        "at": at.isoformat(timespec="microseconds"),
        "actor_id": actor_id,
        "actor": actor_name,
        "action": action,
        "entity": entity,
        "key": entity_key,
        "before": before,
        "after": after,
        "prev": prev_hash,
    }
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def record(
    session: Session,
    *,
    actor_id: int | None,
    actor_name: str,
    action: str,
    entity: str,
    entity_key: str | int,
    before: Any = None,
    after: Any = None,
) -> AuditEntry:
    """Append one entry. Writers are serialized (see app.db), so the chain cannot fork."""
    head = session.get(AuditHead, 1, with_for_update=True)
    assert head is not None, "schema not initialised"
    at = db_now(session)
    before, after = _plain(before), _plain(after)
    entry_id = head.last_id + 1
    digest = entry_hash(
        entry_id=entry_id,
        at=at,
        actor_id=actor_id,
        actor_name=actor_name,
        action=action,
        entity=entity,
        entity_key=str(entity_key),
        before=before,
        after=after,
        prev_hash=head.last_hash,
    )
    entry = AuditEntry(
        id=entry_id,
        at=at,
        actor_id=actor_id,
        actor_name=actor_name,
        action=action,
        entity=entity,
        entity_key=str(entity_key),
        before=before,
        after=after,
        prev_hash=head.last_hash,
        hash=digest,
    )
    session.add(entry)
    head.last_id, head.last_hash, head.count = entry_id, digest, head.count + 1
    session.flush()
    events.notify(session, entry_id, entity, str(entity_key))
    return entry


@dataclass(frozen=True)
class AuditProblem:
    entry_id: int
    kind: str  # "altered", "removed", "inserted", "truncated"
    detail: str


@dataclass(frozen=True)
class AuditReport:
    checked: int
    problems: tuple[AuditProblem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(session: Session) -> AuditReport:
    """Walk the chain; report entries altered, removed or slipped in behind the app's back."""
    problems: list[AuditProblem] = []
    expected_id, prev_hash, checked = 1, GENESIS, 0
    rows = session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars()
    for entry in rows.yield_per(2000):
        checked += 1
        if entry.id != expected_id:
            problems.append(
                AuditProblem(expected_id, "removed", f"entries {expected_id}..{entry.id - 1}")
            )
        elif entry.prev_hash != prev_hash:
            problems.append(AuditProblem(entry.id, "inserted", "does not follow its predecessor"))
        recomputed = entry_hash(
            entry_id=entry.id,
            at=entry.at,
            actor_id=entry.actor_id,
            actor_name=entry.actor_name,
            action=entry.action,
            entity=entry.entity,
            entity_key=entry.entity_key,
            before=entry.before,
            after=entry.after,
            prev_hash=entry.prev_hash,
        )
        if recomputed != entry.hash:
            problems.append(AuditProblem(entry.id, "altered", f"{entry.action} {entry.entity_key}"))
        expected_id, prev_hash = entry.id + 1, entry.hash
        session.expunge(entry)
    head = session.get(AuditHead, 1)
    if head is not None and (head.last_id != expected_id - 1 or head.last_hash != prev_hash):
        problems.append(
            AuditProblem(expected_id, "truncated", f"the log should end at entry {head.last_id}")
        )
    return AuditReport(checked, tuple(problems))


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    actor_name: str
    action: str
    entity: str
    entity_key: str
    before: Any
    after: Any


def history(session: Session, entity: str, entity_key: str | int) -> list[AuditRow]:
    rows = session.execute(
        select(AuditEntry)
        .where(AuditEntry.entity == entity, AuditEntry.entity_key == str(entity_key))
        .order_by(AuditEntry.id)
    ).scalars()
    return [
        AuditRow(r.id, r.at, r.actor_name, r.action, r.entity, r.entity_key, r.before, r.after)
        for r in rows
    ]


def count(session: Session) -> int:
    return session.execute(select(func.count()).select_from(AuditEntry)).scalar_one()
