"""Do the notes, signatures and stamps still say what the audit log recorded?

The chain proves the log unchanged; a note or a case's signature rewritten in its own table
(triggers dropped first) leaves the log intact. Each such row is compared here with the
entry that recorded it, and every difference is named: which note or case, which field,
recorded versus now.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AuditEntry, Note, Order
from app.models.cases import Case
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core.audit import AuditProblem, problem

NOTE_ACTION = "note.add"
# a bulk load (the demo shop, an import's chunk) records its notes as one digest over the
# id range it wrote (writers are serialised, so no other note falls inside)
BULK_ACTIONS = ("demo.load", "import.orders")
NOTE_FIELDS = ("id", "order_id", "author_id", "author_name", "created_at", "text", "flagged")


@dataclass(frozen=True)
class Stamp:
    """Who/when columns of a case, the steps that set them, and what else they signed."""

    by: str
    at: str
    actions: tuple[str, ...]
    fields: tuple[tuple[str, str], ...] = ()  # (key in the entry's "after", column)


STAMPS = {
    "opened": Stamp("opened_by", "opened_at", ("case.open", "case.unannounced")),
    "signoff": Stamp(
        "signoff_by",
        "signoff_at",
        ("case.signoff",),
        (("result", "signoff_result"), ("notes", "signoff_notes")),
    ),
    "parcel_back": Stamp("parcel_back_by", "parcel_back_at", ("case.parcel_back",)),
    "free_freight": Stamp("free_freight_by", "free_freight_at", ("case.approve",)),
    "early_exchange": Stamp("early_exchange_by", "early_exchange_at", ("case.approve",)),
    "refund": Stamp(
        "refund_by",
        "refund_at",
        ("case.refund",),
        (("amount", "refund_amount"), ("method", "refund_method")),
    ),
    "exchange": Stamp(
        "exchange_by",
        "exchange_at",
        ("case.exchange_shipped",),
        (("tracking_no", "exchange_tracking_no"), ("courier", "exchange_courier")),
    ),
    "exchange_printed": Stamp(
        "exchange_printed_by", "exchange_printed_at", ("case.exchange_printed",)
    ),
    "closed": Stamp("closed_by", "closed_at", ("case.close",)),
    "customer_told": Stamp(
        "customer_told_by",
        "customer_told_at",
        ("case.customer_told",),
        (("channel", "customer_told_channel"),),
    ),
    "customer_received": Stamp(
        "customer_received_by", "customer_received_at", ("case.customer_received",)
    ),
}


def stamps_for(case: Case, action: str) -> dict[str, dict[str, Any]]:
    """What a case step's audit entry records of the stamps it sets (see ``check``)."""
    return {
        key: {"by": getattr(case, s.by), "at": getattr(case, s.at)}
        for key, s in STAMPS.items()
        if action in s.actions and getattr(case, s.by) is not None
    }


def notes_digest(session: Session, first: int, last: int) -> str:
    """One hash over the notes with ids first..last, for a load that wrote them in bulk."""
    digest = hashlib.sha256()
    columns = [getattr(Note, f) for f in NOTE_FIELDS]
    rows = session.execute(
        select(*columns).where(Note.id.between(first, last)).order_by(Note.id)
    ).yield_per(5000)
    for row in rows:
        digest.update(json.dumps(list(row), default=_text, ensure_ascii=False).encode())
        digest.update(b"\n")
    return digest.hexdigest()


def _text(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat(timespec="microseconds")
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return str(value)


def _same(recorded: Any, now: Any) -> bool:
    if recorded is None or now is None:
        return recorded is None and now is None
    if isinstance(now, datetime):
        return datetime.fromisoformat(str(recorded)) == now
    return _text(recorded) == _text(now)


def _show(value: Any) -> str:
    return "—" if value is None or value == "" else _text(value)


NOTE_DIFFERS = QT_TRANSLATE_NOOP(
    "audit", "note {note} (order {order}): {field} recorded “{recorded}”, now “{now}”"
)
CASE_DIFFERS = QT_TRANSLATE_NOOP("audit", "case {case}: {field} recorded “{recorded}”, now “{now}”")


def differs(
    entry_id: int, template: str, names: dict[str, Any], field: str, recorded: Any, now: Any
) -> list[AuditProblem]:
    if _same(recorded, now):
        return []
    return [
        problem(
            entry_id,
            "differs",
            template,
            **names,
            field=field,
            recorded=_show(recorded),
            now=_show(now),
        )
    ]


def check(session: Session) -> list[AuditProblem]:
    return [*_check_notes(session), *_check_cases(session)]


def entries(session: Session, *where: Any) -> Iterator[AuditEntry]:
    rows = session.execute(select(AuditEntry).where(*where).order_by(AuditEntry.id)).scalars()
    for entry in rows.yield_per(2000):
        session.expunge(entry)
        yield entry


def _check_notes(session: Session) -> list[AuditProblem]:
    problems: list[AuditProblem] = []
    recorded: dict[int, AuditEntry] = {}
    loaded: list[tuple[int, int]] = []
    for entry in entries(session, AuditEntry.action.in_((NOTE_ACTION, *BULK_ACTIONS))):
        after = entry.after or {}
        if entry.action == NOTE_ACTION:
            recorded[int(after["note_id"])] = entry
        elif "note_ids" in after:
            first, last = after["note_ids"]
            loaded.append((first, last))
            if notes_digest(session, first, last) != after["notes_digest"]:
                problems.append(
                    problem(
                        entry.id,
                        "differs",
                        QT_TRANSLATE_NOOP(
                            "audit", "notes {first}..{last} ({action}) changed since loading"
                        ),
                        first=first,
                        last=last,
                        action=entry.action,
                    )
                )
    rows = session.execute(
        select(Note, Order.order_no).join(Order, Order.id == Note.order_id).order_by(Note.id)
    )
    for note, order_no in rows.yield_per(2000):
        session.expunge(note)
        found = recorded.pop(note.id, None)
        names = {"note": note.id, "order": order_no}
        if found is None:
            if not any(first <= note.id <= last for first, last in loaded):
                problems.append(
                    problem(
                        0,
                        "unrecorded",
                        QT_TRANSLATE_NOOP(
                            "audit", "note {note} (order {order}) has no audit entry"
                        ),
                        **names,
                    )
                )
            continue
        after = found.after or {}
        pairs = [
            ("order", found.entity_key, order_no),
            ("author", found.actor_name, note.author_name),
            ("author id", found.actor_id, note.author_id),
            ("text", after.get("text"), note.text),
            ("flagged", after.get("flagged"), note.flagged),
            ("corrects", after.get("corrects"), note.corrects_id),
        ]
        if "at" in after:  # entries written before the time was recorded lack it
            pairs.append(("time", after["at"], note.created_at))
        for field, was, now in pairs:
            problems.extend(differs(found.id, NOTE_DIFFERS, names, field, was, now))
    for note_id, entry in recorded.items():
        problems.append(
            problem(
                entry.id,
                "removed",
                QT_TRANSLATE_NOOP("audit", "note {note} (order {order}) is gone"),
                note=note_id,
                order=entry.entity_key,
            )
        )
    return problems


def _check_cases(session: Session) -> list[AuditProblem]:
    # the newest entry of the case that signed each stamp
    signed: dict[tuple[str, str], AuditEntry] = {}
    actions = {a for s in STAMPS.values() for a in s.actions}
    for entry in entries(session, AuditEntry.entity == "case", AuditEntry.action.in_(actions)):
        carried = (entry.after or {}).get("stamps")
        for key, stamp in STAMPS.items():
            if entry.action not in stamp.actions:
                continue
            if carried is None or key in carried:  # entries before stamps were recorded: any
                signed[(entry.entity_key, key)] = entry
    problems: list[AuditProblem] = []
    for case in session.execute(select(Case).order_by(Case.id)).scalars().yield_per(1000):
        session.expunge(case)
        names = {"case": case.case_no}
        for key, stamp in STAMPS.items():
            signer = signed.get((case.case_no, key))
            by = getattr(case, stamp.by)
            if signer is None:
                if by is not None:
                    problems.append(
                        problem(
                            0,
                            "unrecorded",
                            QT_TRANSLATE_NOOP(
                                "audit", "case {case}: {field} “{now}” has no audit entry"
                            ),
                            case=case.case_no,
                            field=stamp.by,
                            now=by,
                        )
                    )
                continue
            after = signer.after or {}
            carried = (after.get("stamps") or {}).get(key)
            if carried is None:  # an older entry: its actor is the signature
                if by is not None:
                    problems.extend(
                        differs(signer.id, CASE_DIFFERS, names, stamp.by, signer.actor_name, by)
                    )
                continue
            problems.extend(differs(signer.id, CASE_DIFFERS, names, stamp.by, carried["by"], by))
            problems.extend(
                differs(
                    signer.id, CASE_DIFFERS, names, stamp.at, carried["at"], getattr(case, stamp.at)
                )
            )
            for field, column in stamp.fields:
                problems.extend(
                    differs(
                        signer.id,
                        CASE_DIFFERS,
                        names,
                        column,
                        after.get(field),
                        getattr(case, column),
                    )
                )
    return problems
