"""A month's sheet: each person's entries, points and money; submit and approve (lock).

Least privilege: a person reads their own sheet; supervisors and administrators read
everyone's (``Action.SCORE_ALL``). The GUI and the command line both come through here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import db_now
from app.models import EntryState, MonthState, Role, ScoreEntry, ScoreMonth
from app.models.errors import TransitionRefused
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action, refusal
from app.services.core.validation import clean_text
from app.services.roster import people
from app.services.roster.people import Person
from app.services.scores import money, money_rules, months
from app.services.scores.entries import EntryView, views
from app.services.scores.money import MoneyRules
from app.services.scores.months import Month


@dataclass(frozen=True)
class PersonSheet:
    person: Person
    entries: list[EntryView]  # every state: proposed and dismissed are shown, not counted
    points: int
    money: money.Money
    rules: MoneyRules  # the month's money rules (the flags' thresholds)

    @property
    def proposed(self) -> int:
        return sum(1 for e in self.entries if e.state is EntryState.PROPOSED)

    def to_json(self, translate: Any = None) -> dict[str, Any]:
        return {
            "user": self.person.username,
            "name": self.person.display_name,
            "points": self.points,
            "deduction": str(self.money.deduction),
            "reward": str(self.money.reward),
            "team": str(self.money.team),
            "net": str(self.money.net),
            "dismissal": self.money.dismissal,
            "entries": [e.to_json(translate) for e in self.entries],
        }


@dataclass(frozen=True)
class MonthSheet:
    month: Month
    state: MonthState
    submitted_by: str | None
    submitted_at: datetime | None
    approved_by: str | None
    approved_at: datetime | None
    people: list[PersonSheet]
    everyone: bool  # the reader sees the whole team (summary and team rule)

    @property
    def proposed(self) -> int:
        return sum(p.proposed for p in self.people)

    def to_json(self, translate: Any = None) -> dict[str, Any]:
        return {
            "month": str(self.month),
            "state": self.state.value,
            "submitted_by": self.submitted_by,
            "approved_by": self.approved_by,
            "people": [p.to_json(translate) for p in self.people],
        }


def _points(entries: list[EntryView]) -> int:
    return money.START + sum(e.points for e in entries if e.state is EntryState.CONFIRMED)


def _whole(session: Session, month: Month, rules: MoneyRules) -> list[PersonSheet]:
    rows = list(
        session.execute(
            select(ScoreEntry)
            .where(ScoreEntry.month == str(month))
            .order_by(ScoreEntry.user_id, ScoreEntry.id)
        ).scalars()
    )
    entries = views(session, rows)
    by_user: dict[str, list[EntryView]] = {}
    for entry in entries:
        by_user.setdefault(entry.username, []).append(entry)
    staff = people.staff(session)
    listed = {p.username for p in staff}
    extra = people.by_ids(session, {r.user_id for r in rows})
    persons = staff + sorted(
        (p for p in extra.values() if p.username not in listed), key=lambda p: p.username
    )
    points = {p.username: _points(by_user.get(p.username, [])) for p in persons}
    team = [points[p.username] for p in persons if Role.SUPERVISOR not in p.roles]
    team_money = money.supervisor_team_money(team, rules)
    return [
        PersonSheet(
            p,
            by_user.get(p.username, []),
            points[p.username],
            money.for_points(
                points[p.username], team_money if Role.SUPERVISOR in p.roles else 0, rules
            ),
            rules,
        )
        for p in persons
    ]


def read(session: Session, actor: Actor, month: Month, username: str | None = None) -> MonthSheet:
    """The month as this person may see it: everyone's, or their own only."""
    user = require(session, actor, Action.SCORE_READ)
    everyone = refusal(Action.SCORE_ALL, None, frozenset(user.role_set)) is None
    wanted = (username or "").strip().lower() or None
    if not everyone:
        if wanted is not None and wanted != actor.username:
            require(session, actor, Action.SCORE_ALL)  # refused: someone else's sheet
        wanted = actor.username
    elif wanted is not None:
        people.by_name(session, wanted)  # an unknown name says so
    row = session.get(ScoreMonth, str(month))
    state = MonthState(row.state) if row else MonthState.OPEN
    sheets = _whole(session, month, money_rules.for_month(session, month, state))
    if wanted is not None:
        sheets = [s for s in sheets if s.person.username == wanted]
    return MonthSheet(
        month,
        state,
        row.submitted_by if row else None,
        row.submitted_at if row else None,
        row.approved_by if row else None,
        row.approved_at if row else None,
        sheets,
        everyone and wanted is None,
    )


def submit(session: Session, actor: Actor, month: Month) -> MonthSheet:
    """The supervisor hands the month to the administrator: every proposal decided first."""
    require(session, actor, Action.SCORE_RECORD)
    row = months.row_for_update(session, month)
    if row.state != MonthState.OPEN.value:
        raise TransitionRefused(
            QT_TRANSLATE_NOOP("UserError", "The sheet of {month} is already “{state}”."),
            month=str(month),
            state=Label(MonthState(row.state).label, "MonthState"),
        )
    waiting = session.execute(
        select(func.count())
        .select_from(ScoreEntry)
        .where(ScoreEntry.month == str(month), ScoreEntry.state == EntryState.PROPOSED.value)
    ).scalar_one()
    if waiting:
        raise TransitionRefused(
            QT_TRANSLATE_NOOP(
                "UserError",
                "{count} proposals of {month} are not decided yet: confirm or dismiss them first.",
            ),
            count=waiting,
            month=str(month),
        )
    row.state = MonthState.SUBMITTED.value
    row.submitted_by, row.submitted_at = actor.display_name, db_now(session)
    _audit(session, actor, "score.submit", month)
    return read(session, actor, month)


def approve(session: Session, actor: Actor, month: Month) -> MonthSheet:
    """The administrator approves a submitted month: it is locked from now on."""
    row = _submitted(
        session,
        actor,
        month,
        QT_TRANSLATE_NOOP(
            "UserError", "The sheet of {month} is “{state}”: only a submitted sheet is approved."
        ),
    )
    row.state = MonthState.APPROVED.value
    row.approved_by, row.approved_at = actor.display_name, db_now(session)
    kept = money_rules.keep_for(session, month)  # a later change of the rules leaves it be
    _audit(session, actor, "score.approve", month, {"money": kept.to_json()})
    return read(session, actor, month)


def reopen(session: Session, actor: Actor, month: Month, reason: str = "") -> MonthSheet:
    """The administrator sends a submitted month back to the supervisor: open again, to be
    changed and submitted anew (the audit keeps who sent it back, when and why)."""
    row = _submitted(
        session,
        actor,
        month,
        QT_TRANSLATE_NOOP(
            "UserError", "The sheet of {month} is “{state}”: only a submitted sheet is sent back."
        ),
    )
    why = reason.strip()
    if why:
        why = clean_text(why, field=Label(QT_TRANSLATE_NOOP("Field", "Reason")), max_len=500)
    submitted = {"submitted_by": row.submitted_by, "reason": why}
    row.state = MonthState.OPEN.value
    row.submitted_by, row.submitted_at = None, None
    _audit(session, actor, "score.reopen", month, submitted)
    return read(session, actor, month)


def _submitted(session: Session, actor: Actor, month: Month, refusal: str) -> ScoreMonth:
    """The administrator's month, locked for the change: refused unless it is submitted."""
    require(session, actor, Action.SCORE_APPROVE)
    row = months.row_for_update(session, month)
    if row.state != MonthState.SUBMITTED.value:
        raise TransitionRefused(
            refusal, month=str(month), state=Label(MonthState(row.state).label, "MonthState")
        )
    return row


def _audit(session: Session, actor: Actor, action: str, month: Month, after: Any = None) -> None:
    session.flush()
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action=action,
        entity="score",
        entity_key=str(month),
        after=after,
    )


def total_money(sheet: MonthSheet) -> Decimal:
    return sum((p.money.net for p in sheet.people), Decimal(0))
