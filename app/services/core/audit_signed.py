"""Do reminders, reassignments, escalations, the daily reviews and complaints' steps still say
what the audit log recorded? (issue 13: they are signed, dated and append-only, like notes)

Their tables refuse UPDATE and DELETE (migration 0023), but an owner can drop the triggers;
the chain stays intact when only such a row is changed. Each row is compared here with the
entry that recorded it, as audit_records.py does for notes: a row rewritten, one without an
entry, and an entry whose row is gone are named with the field, recorded versus now.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AuditEntry, Complaint, ComplaintStep, DailyReview, TaskFollowup
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core.audit import AuditProblem, problem
from app.services.core.audit_records import differs, entries

Pairs = list[tuple[str, Any, Any]]  # (field, recorded, now)
Row = tuple[Hashable, dict[str, Any], Callable[[AuditEntry], Pairs]]

FOLLOWUP = {
    "differs": QT_TRANSLATE_NOOP(
        "audit", "follow-up {followup} ({task}): {field} recorded “{recorded}”, now “{now}”"
    ),
    "unrecorded": QT_TRANSLATE_NOOP("audit", "follow-up {followup} ({task}) has no audit entry"),
    "removed": QT_TRANSLATE_NOOP("audit", "follow-up {followup} ({task}) is gone"),
}
REVIEW = {
    "differs": QT_TRANSLATE_NOOP(
        "audit", "review of {day} by {name}: {field} recorded “{recorded}”, now “{now}”"
    ),
    "unrecorded": QT_TRANSLATE_NOOP("audit", "review of {day} by {name} has no audit entry"),
    "removed": QT_TRANSLATE_NOOP("audit", "review of {day} by {name} is gone"),
}
STEP = {
    "differs": QT_TRANSLATE_NOOP(
        "audit", "complaint {complaint}, step {step}: {field} recorded “{recorded}”, now “{now}”"
    ),
    "unrecorded": QT_TRANSLATE_NOOP(
        "audit", "complaint {complaint}, step {step} has no audit entry"
    ),
    "removed": QT_TRANSLATE_NOOP("audit", "complaint {complaint}, step {step} is gone"),
}


def check(session: Session) -> list[AuditProblem]:
    return [*_followups(session), *_reviews(session), *_steps(session)]


def _compare(
    rows: Iterable[Row],
    recorded: dict[Hashable, AuditEntry],
    templates: dict[str, str],
    gone: Callable[[AuditEntry], dict[str, Any]],
) -> list[AuditProblem]:
    """Each row against its entry (popped from ``recorded``); the entries left name rows gone."""
    problems: list[AuditProblem] = []
    for key, names, pairs in rows:
        entry = recorded.pop(key, None)
        if entry is None:
            problems.append(problem(0, "unrecorded", templates["unrecorded"], **names))
            continue
        for field, was, now in pairs(entry):
            problems.extend(differs(entry.id, templates["differs"], names, field, was, now))
    for entry in recorded.values():
        problems.append(problem(entry.id, "removed", templates["removed"], **gone(entry)))
    return problems


def _after(entry: AuditEntry) -> dict[str, Any]:
    return entry.after or {}


def _signed(entry: AuditEntry, by_id: Any, by: Any, at: Any) -> Pairs:
    """Who signed and when, as the entry recorded them (the time only where it was)."""
    pairs: Pairs = [("by", entry.actor_name, by), ("by id", entry.actor_id, by_id)]
    if "at" in _after(entry):
        pairs.append(("time", _after(entry)["at"], at))
    return pairs


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


FOLLOWUP_ACTIONS = ("task.remind", "task.reassign", "task.escalate")


def _followups(session: Session) -> list[AuditProblem]:
    recorded: dict[Hashable, AuditEntry] = {
        int(_after(e)["followup"]): e
        for e in entries(session, AuditEntry.action.in_(FOLLOWUP_ACTIONS))
        if "followup" in _after(e)
    }

    def rows() -> Iterable[Row]:
        found = session.execute(select(TaskFollowup).order_by(TaskFollowup.id)).scalars()
        for f in found.yield_per(2000):
            session.expunge(f)

            def pairs(e: AuditEntry, f: TaskFollowup = f) -> Pairs:
                after = _after(e)
                return [
                    ("task", e.entity_key, f"{f.kind}:{f.ref_key}"),
                    ("action", e.action, f"task.{f.action}"),
                    ("text", after.get("text"), f.text),
                    ("to", after.get("to"), f.to_name),
                    *_signed(e, f.by_user_id, f.by_name, f.at),
                ]

            yield f.id, {"followup": f.id, "task": f"{f.kind}:{f.ref_key}"}, pairs

    return _compare(
        rows(),
        recorded,
        FOLLOWUP,
        lambda e: {"followup": _after(e)["followup"], "task": e.entity_key},
    )


def _reviews(session: Session) -> list[AuditProblem]:
    # one review per supervisor and day (a unique key): the entry's day and actor find it
    recorded: dict[Hashable, AuditEntry] = {
        (e.entity_key, e.actor_id): e for e in entries(session, AuditEntry.action == "review.done")
    }

    def rows() -> Iterable[Row]:
        found = session.execute(select(DailyReview).order_by(DailyReview.id)).scalars()
        for r in found:
            day = r.day.isoformat()

            def pairs(e: AuditEntry, r: DailyReview = r) -> Pairs:
                counted = _after(e).get("counts")
                return [
                    ("counts", _json(counted), _json(r.counts)),
                    *_signed(e, r.by_user_id, r.by_name, r.at),
                ]

            yield (day, r.by_user_id), {"day": day, "name": r.by_name}, pairs

    return _compare(rows(), recorded, REVIEW, lambda e: {"day": e.entity_key, "name": e.actor_name})


def _steps(session: Session) -> list[AuditProblem]:
    """Entries name their step's id; older ones, without it, are paired with their complaint's
    unnamed steps in order (one entry per step, both in the order they were written)."""
    recorded: dict[Hashable, AuditEntry] = {}
    unnamed: dict[str, list[AuditEntry]] = defaultdict(list)
    for e in entries(session, AuditEntry.entity == "complaint"):
        step_id = _after(e).get("step_id")
        if step_id is not None:
            recorded[int(step_id)] = e
        else:
            unnamed[e.entity_key].append(e)
    found = session.execute(
        select(ComplaintStep, Complaint.complaint_no)
        .join(Complaint, Complaint.id == ComplaintStep.complaint_id)
        .order_by(ComplaintStep.id)
    ).all()
    for step, no in found:
        if step.id not in recorded and unnamed.get(no):
            recorded[step.id] = unnamed[no].pop(0)
    for left in unnamed.values():  # entries no step is left for: their steps are gone
        recorded.update({("gone", e.id): e for e in left})

    def rows() -> Iterable[Row]:
        for step, no in found:
            session.expunge(step)

            def pairs(e: AuditEntry, s: ComplaintStep = step, no: str = no) -> Pairs:
                after = _after(e)
                return [
                    ("complaint", e.entity_key, no),
                    ("step", after.get("step"), s.kind),
                    ("text", after.get("text"), s.text),
                    *_signed(e, s.by_id, s.by_name, s.at),
                ]

            yield step.id, {"complaint": no, "step": step.id}, pairs

    return _compare(
        rows(),
        recorded,
        STEP,
        lambda e: {"complaint": e.entity_key, "step": _after(e).get("step_id", _after(e)["step"])},
    )
