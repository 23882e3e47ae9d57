"""The hash-chained audit log: every state change and note, with actor and before/after."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from app.db import db_now
from app.models import AuditEntry, AuditHead
from app.models.errors import NotFound
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core import events

GENESIS = "0" * 64
PROBLEM_KINDS = (  # shown to users: translated in the "audit" context
    QT_TRANSLATE_NOOP("audit", "altered"),
    QT_TRANSLATE_NOOP("audit", "removed"),
    QT_TRANSLATE_NOOP("audit", "inserted"),
    QT_TRANSLATE_NOOP("audit", "truncated"),
    QT_TRANSLATE_NOOP("audit", "rewritten"),
    QT_TRANSLATE_NOOP("audit", "differs"),
    QT_TRANSLATE_NOOP("audit", "unrecorded"),
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
    entry = AuditEntry(
        id=head.last_id + 1,
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
    entry.hash = digest = hash_of(entry, head.last_hash)
    entry_id = entry.id
    session.add(entry)
    head.last_id, head.last_hash, head.count = entry_id, digest, head.count + 1
    session.flush()
    events.notify(session, entry_id, entity, str(entity_key))
    return entry


def record_many(
    session: Session,
    *,
    actor_id: int | None,
    actor_name: str,
    entries: list[tuple[str, str, str, Any, Any]],
) -> None:
    """Append many entries (action, entity, key, before, after) of one actor at one time:
    the same chain as ``record`` one by one, in one insert (an import's chunk)."""
    if not entries:
        return
    head = session.get(AuditHead, 1, with_for_update=True)
    assert head is not None, "schema not initialised"
    at = db_now(session)
    prev, last = head.last_hash, head.last_id
    rows = []
    for action, entity, key, before, after in entries:
        last += 1
        plain_before, plain_after = _plain(before), _plain(after)
        digest = entry_hash(
            entry_id=last,
            at=at,
            actor_id=actor_id,
            actor_name=actor_name,
            action=action,
            entity=entity,
            entity_key=str(key),
            before=plain_before,
            after=plain_after,
            prev_hash=prev,
        )
        rows.append(
            {
                "id": last,
                "at": at,
                "actor_id": actor_id,
                "actor_name": actor_name,
                "action": action,
                "entity": entity,
                "entity_key": str(key),
                "before": plain_before,
                "after": plain_after,
                "prev_hash": prev,
                "hash": digest,
            }
        )
        prev = digest
    session.execute(insert(AuditEntry), rows)
    head.last_id, head.last_hash, head.count = last, prev, head.count + len(rows)
    session.flush()
    # one notice for the lot: listeners read every entry since the last they saw
    events.notify(session, last, entries[-1][1], str(entries[-1][2]))


@dataclass(frozen=True)
class AuditProblem:
    entry_id: int
    kind: str  # one of PROBLEM_KINDS
    template: str  # in the "audit" translation context, with {names} from args
    args: tuple[tuple[str, Any], ...] = ()

    def message(self, translate: Callable[[str, str], str] = lambda _c, t: t) -> str:
        return translate("audit", self.template).format(**dict(self.args))

    @property
    def detail(self) -> str:
        return self.message()


def problem(entry_id: int, kind: str, template: str, **args: Any) -> AuditProblem:
    return AuditProblem(entry_id, kind, template, tuple(args.items()))


@dataclass(frozen=True)
class AuditReport:
    checked: int
    problems: tuple[AuditProblem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class Anchor:
    """The chain's head as printed on paper: how many entries, and the last one's hash.

    The chain is unkeyed, so whoever can write the database can recompute it; a head
    kept outside (on a cover sheet, on the register) is what such a rewrite cannot reach.
    """

    count: int | None  # None: typed without the count, found wherever the hash matches
    hash: str  # the whole hash, or a prefix of at least PREFIX hex digits

    def text(self) -> str:
        """The token printed on paper and typed back into ``audit verify --against``."""
        return f"{self.count}:{self.hash[:PREFIX]}"


PREFIX = 16
_ANCHOR = re.compile(rf"(?:(\d+):)?([0-9a-f]{{{PREFIX},64}})")


def anchor(session: Session) -> Anchor:
    head = session.get(AuditHead, 1)
    assert head is not None, "schema not initialised"
    return Anchor(head.count, head.last_hash)


def parse_anchor(value: str) -> Anchor | None:
    """``COUNT:HASH`` or ``HASH`` (at least 16 hex digits); None when it is not one."""
    match = _ANCHOR.fullmatch(value.strip().lower())
    if match is None:
        return None
    return Anchor(int(match[1]) if match[1] else None, match[2])


def batch_anchor(session: Session, batch_no: str) -> Anchor:
    """The head printed on a batch's cover sheet, as its audit entry recorded it."""
    entry = session.execute(
        select(AuditEntry).where(
            AuditEntry.action == "print.batch",
            AuditEntry.entity_key == batch_no.strip().upper(),
        )
    ).scalar_one_or_none()
    recorded = (entry.after or {}).get("anchor") if entry is not None else None
    if not recorded:
        raise NotFound(
            QT_TRANSLATE_NOOP(
                "UserError",
                "No audit head was recorded for batch {batch_no}: type the head printed on "
                "its cover sheet instead.",
            ),
            batch_no=batch_no,
        )
    return Anchor(int(recorded["count"]), str(recorded["hash"]))


def hash_of(entry: AuditEntry, prev_hash: str) -> str:
    """The entry's link in the chain after ``prev_hash`` (its own ``prev_hash`` aside)."""
    return entry_hash(
        entry_id=entry.id,
        at=entry.at,
        actor_id=entry.actor_id,
        actor_name=entry.actor_name,
        action=entry.action,
        entity=entry.entity,
        entity_key=entry.entity_key,
        before=entry.before,
        after=entry.after,
        prev_hash=prev_hash,
    )


def verify(session: Session, against: Anchor | None = None) -> AuditReport:
    """Walk the chain; report entries altered, removed or slipped in behind the app's back.

    Also checks every note, signature and stamp, every reminder, reassignment, escalation,
    daily review and complaint step against what its entry recorded, and with
    ``against`` that the history up to a printed head is the one that was printed: a chain
    rewritten and re-hashed from the first edit on passes the walk, not the printed head.
    """
    problems: list[AuditProblem] = []
    expected_id, prev_hash, checked = 1, GENESIS, 0
    rolling, matched = GENESIS, False  # the chain as recomputed from the entries' contents
    rows = session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars()
    for entry in rows.yield_per(2000):
        checked += 1
        if entry.id != expected_id:
            problems.append(
                problem(
                    expected_id,
                    "removed",
                    QT_TRANSLATE_NOOP("audit", "entries {first}..{last}"),
                    first=expected_id,
                    last=entry.id - 1,
                )
            )
        elif entry.prev_hash != prev_hash:
            problems.append(
                problem(
                    entry.id,
                    "inserted",
                    QT_TRANSLATE_NOOP("audit", "does not follow its predecessor"),
                )
            )
        if hash_of(entry, entry.prev_hash) != entry.hash:
            problems.append(
                problem(
                    entry.id,
                    "altered",
                    QT_TRANSLATE_NOOP("audit", "{action} {key}"),
                    action=entry.action,
                    key=entry.entity_key,
                )
            )
        rolling = hash_of(entry, rolling)
        if against is not None and checked == (against.count or checked):
            matched = matched or rolling.startswith(against.hash)
        expected_id, prev_hash = entry.id + 1, entry.hash
        session.expunge(entry)
    head = session.get(AuditHead, 1)
    if head is not None and (head.last_id != expected_id - 1 or head.last_hash != prev_hash):
        problems.append(
            problem(
                expected_id,
                "truncated",
                QT_TRANSLATE_NOOP("audit", "the log should end at entry {last}"),
                last=head.last_id,
            )
        )
    if against is not None:
        problems.extend(_against(against, checked, matched))
    from app.services.core import audit_records, audit_signed  # they build on these types

    problems.extend(audit_records.check(session))
    problems.extend(audit_signed.check(session))
    return AuditReport(checked, tuple(problems))


def _against(against: Anchor, checked: int, matched: bool) -> list[AuditProblem]:
    printed = against.hash[:PREFIX]
    if against.count is not None and checked < against.count:
        return [
            problem(
                checked + 1,
                "truncated",
                QT_TRANSLATE_NOOP(
                    "audit", "{checked} entries left; the printed head {head} counts {count}"
                ),
                checked=checked,
                head=printed,
                count=against.count,
            )
        ]
    if matched:
        return []
    return [
        problem(
            against.count or checked,
            "rewritten",
            QT_TRANSLATE_NOOP(
                "audit",
                "the history up to entry {count} no longer leads to the printed head {head}: "
                "an earlier entry was changed and the chain re-hashed",
            ),
            count=against.count or checked,
            head=printed,
        )
    ]


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
