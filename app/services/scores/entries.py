"""Score entries: added by hand, or proposed and then confirmed or dismissed by a person.

Nothing counts until a person confirmed it; every decision is signed and dated; an approved
month is never edited (a correction goes into the next open month, months.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import db_now
from app.models import EntryState, ScoreEntry, ScoreRule
from app.models.errors import InvalidInput, NotFound, TransitionRefused
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.validation import clean_text, record_id
from app.services.roster import people
from app.services.scores import evidence, months
from app.services.scores import rules as score_rules
from app.services.scores.months import Month

EVIDENCE_KINDS = evidence.KINDS


@dataclass(frozen=True)
class EntryView:
    id: int
    username: str
    display_name: str
    month: str
    points: int
    rule: score_rules.RuleView
    reason: str  # a person's words, or an English template (see ``reason_params``)
    reason_params: dict[str, Any] | None
    evidence_kind: str
    evidence_key: str
    evidence_order_no: str
    state: EntryState
    recorded_by: str
    recorded_at: datetime
    decided_by: str | None
    decided_at: datetime | None
    decision_reason: str
    corrects_id: int | None

    def reason_text(self, translate: Any = None) -> str:
        """The reason in the reader's language: a proposal's template is translated."""
        if self.reason_params is None:
            return self.reason
        template = translate("ScoreReason", self.reason) if translate else self.reason
        try:
            return str(template).format(**self.reason_params)
        except (KeyError, IndexError, ValueError):
            return self.reason.format(**self.reason_params)

    def to_json(self, translate: Any = None) -> dict[str, Any]:
        stamp = lambda t: t.isoformat() if t else None  # noqa: E731
        return {
            "id": self.id,
            "user": self.username,
            "name": self.display_name,
            "month": self.month,
            "points": self.points,
            "rule": self.rule.code,
            "reason": self.reason_text(translate),
            "evidence": {
                "kind": self.evidence_kind,
                "key": self.evidence_key,
                "order_no": self.evidence_order_no,
            },
            "state": self.state.value,
            "recorded_by": self.recorded_by,
            "recorded_at": stamp(self.recorded_at),
            "decided_by": self.decided_by,
            "decided_at": stamp(self.decided_at),
            "decision_reason": self.decision_reason,
            "corrects": self.corrects_id,
        }


def views(session: Session, rows: list[ScoreEntry]) -> list[EntryView]:
    persons = people.by_ids(session, {r.user_id for r in rows})
    rule_rows = session.execute(
        select(ScoreRule).where(ScoreRule.id.in_({r.rule_id for r in rows}))
    ).scalars()
    rules = {r.id: score_rules.view(r) for r in rule_rows}
    return [
        EntryView(
            r.id,
            persons[r.user_id].username,
            persons[r.user_id].display_name,
            r.month,
            r.points,
            rules[r.rule_id],
            r.reason,
            r.reason_params,
            r.evidence_kind,
            r.evidence_key,
            r.evidence_order_no,
            EntryState(r.state),
            r.recorded_by,
            r.recorded_at,
            r.decided_by,
            r.decided_at,
            r.decision_reason,
            r.corrects_id,
        )
        for r in rows
    ]


def _audit(session: Session, actor: Actor, action: str, row: ScoreEntry, **extra: Any) -> None:
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action=action,
        entity="score",
        entity_key=row.month,
        after={
            "entry": row.id,
            "user": row.user_id,
            "points": row.points,
            "state": row.state,
            **extra,
        },
    )


def add(
    session: Session,
    actor: Actor,
    username: str,
    rule_code: str,
    reason: str,
    *,
    month: Month,
    points: int | None = None,
    evidence_kind: str = "",
    evidence_key: str = "",
    corrects: int | None = None,
) -> EntryView:
    """A person's entry (attendance, attitude, a good deed…), confirmed as it is written; its
    evidence must exist (its order is filled in: evidence.py).
    A month already approved takes no entry: it goes into the next open month, as a
    correction that names the month it corrects."""
    user = require(session, actor, Action.SCORE_RECORD)
    person = people.by_name(session, username)
    rule = score_rules.by_code(session, rule_code)
    if not rule.active:
        raise TransitionRefused(
            QT_TRANSLATE_NOOP("UserError", "The score rule “{code}” is turned off."),
            code=rule.code,
        )
    value = score_rules.points_for(rule, points)
    why = clean_text(reason, field=Label(QT_TRANSLATE_NOOP("Field", "Reason")), max_len=500)
    evidence_key, order_no = evidence.resolve(session, evidence_kind, evidence_key)
    corrected = _corrected(session, corrects, person.user_id) if corrects else None
    target = month
    if months.state_of(session, month) is not months.MonthState.OPEN or corrected:
        origin = Month.parse(corrected.month) if corrected else month
        if months.state_of(session, origin) is months.MonthState.APPROVED:
            target = months.first_open_after(session, origin)
            why = f"[{origin}] {why}"
    months.refuse_unless_open(session, target)
    now = db_now(session)
    row = ScoreEntry(
        user_id=person.user_id,
        month=str(target),
        points=value,
        rule_id=rule.id,
        reason=why,
        reason_params=None,
        evidence_kind=evidence_kind,
        evidence_key=evidence_key[:40],
        evidence_order_no=order_no[:40],
        state=EntryState.CONFIRMED.value,
        recorded_by_id=user.id,
        recorded_by=user.display_name,
        recorded_at=now,
        decided_by=user.display_name,
        decided_at=now,
        decision_reason="",
        corrects_id=corrected.id if corrected else None,
    )
    session.add(row)
    session.flush()
    _audit(session, actor, "score.add", row, rule=rule.code, reason=why)
    return views(session, [row])[0]


def _corrected(session: Session, entry_id: int, user_id: int) -> ScoreEntry:
    row = _load(session, entry_id)
    if row.user_id != user_id:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "Entry #{id} is another person's."), id=entry_id
        )
    return row


def _load(session: Session, entry_id: int) -> ScoreEntry:
    record_id(entry_id, Label(QT_TRANSLATE_NOOP("Field", "Entry")))
    row = session.get(ScoreEntry, entry_id, with_for_update=True)
    if row is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("UserError", "There is no score entry #{id}."), id=entry_id
        )
    return row


def _decide(
    session: Session, actor: Actor, entry_id: int, to: EntryState, reason: str
) -> EntryView:
    user = require(session, actor, Action.SCORE_RECORD)
    row = _load(session, entry_id)
    months.refuse_unless_open(session, Month.parse(row.month))
    if row.state != EntryState.PROPOSED.value:
        raise TransitionRefused(
            QT_TRANSLATE_NOOP("UserError", "Entry #{id} is already “{state}”."),
            id=entry_id,
            state=Label(EntryState(row.state).label, "EntryState"),
        )
    why = reason.strip()
    if to is EntryState.DISMISSED or why:
        why = clean_text(why, field=Label(QT_TRANSLATE_NOOP("Field", "Reason")), max_len=500)
    row.state = to.value
    row.decided_by, row.decided_at, row.decision_reason = user.display_name, db_now(session), why
    session.flush()
    _audit(session, actor, f"score.{to.value}", row, reason=why)
    return views(session, [row])[0]


def confirm(session: Session, actor: Actor, entry_id: int, reason: str = "") -> EntryView:
    """A proposal the supervisor checked: it counts on the sheet from now on."""
    return _decide(session, actor, entry_id, EntryState.CONFIRMED, reason)


def dismiss(session: Session, actor: Actor, entry_id: int, reason: str) -> EntryView:
    """A proposal that does not hold (a reason is required); it is not proposed again."""
    return _decide(session, actor, entry_id, EntryState.DISMISSED, reason)
