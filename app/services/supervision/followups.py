"""Reminders, reassignments and escalations of tasks: signed, dated, append-only, audited
(docs/supervision.md). A reminder lands in the owner's task list and stays on the record; a
reassignment gives the task to another person from then on (``task_owners``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import db_now
from app.models import Role, TaskFollowup, TaskOwner, User
from app.models.errors import InvalidInput, NotFound
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.validation import clean_text
from app.services.roster import duty
from app.services.roster.shifts import ShiftView
from app.services.supervision import clock
from app.services.supervision.deadlines import KindSpec, select_tasks, spec_of

REMIND, REASSIGN, ESCALATE = "remind", "reassign", "escalate"


@dataclass(frozen=True)
class OpenTask:
    """The task as it stands: its record, and whose it is now (None: the role's pool)."""

    spec: KindSpec
    ref_id: int
    key: str
    owner_id: int | None


@dataclass(frozen=True)
class Followup:
    id: int
    kind: str
    key: str
    action: str
    text: str
    to_name: str
    by_name: str
    at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "key": self.key,
            "action": self.action,
            "text": self.text,
            "to": self.to_name,
            "by": self.by_name,
            "at": self.at.isoformat(),
        }


def find_open(session: Session, kind: str, key: str) -> OpenTask:
    """The open task ``kind`` ``key`` (a case or order number, a request's number), or why not."""
    spec = spec_of(kind)
    stmt, sub = select_tasks(session, spec, None, clock.now(session), False)
    wanted = (key or "").strip()
    row = session.execute(stmt.where(sub.c.key.in_([wanted, wanted.upper()])).limit(1)).first()
    if row is None:
        raise NotFound(
            QT_TRANSLATE_NOOP(
                "UserError", "There is no open task “{kind}” for {key}: it may be done already."
            ),
            kind=Label(spec.kind.label, "TaskKind"),
            key=wanted,
        )
    return OpenTask(spec, row.ref_id, str(row.key), row.current_owner)


def record(
    session: Session,
    actor: Actor,
    task: OpenTask,
    action: str,
    text: str = "",
    to: User | None = None,
) -> Followup:
    """Append one follow-up and its audit entry (escalations of complaints come this way)."""
    at = db_now(session)
    row = TaskFollowup(
        kind=task.spec.kind.value,
        ref_id=task.ref_id,
        ref_key=task.key,
        action=action,
        text=text,
        to_user_id=to.id if to else None,
        to_name=to.display_name if to else "",
        by_user_id=actor.user_id,
        by_name=actor.display_name,
        at=at,
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action=f"task.{action}",
        entity="task",
        entity_key=f"{task.spec.kind.value}:{task.key}",
        after={"text": text, "to": row.to_name, "followup": row.id, "at": at},
    )
    return Followup(row.id, row.kind, row.ref_key, action, text, row.to_name, row.by_name, at)


def remind(session: Session, actor: Actor, kind: str, key: str, text: str) -> Followup:
    """A signed, dated reminder to whoever owns the task now (or the role's pool)."""
    require(session, actor, Action.TASK_REMIND)
    words = clean_text(
        text, field=Label(QT_TRANSLATE_NOOP("Field", "Reminder")), max_len=500, multiline=True
    )
    task = find_open(session, kind, key)
    owner = session.get(User, task.owner_id) if task.owner_id is not None else None
    return record(session, actor, task, REMIND, words, owner)


def _active_user(session: Session, username: str) -> User:
    name = (username or "").strip()
    user = session.execute(select(User).where(User.username == name)).scalar_one_or_none()
    if user is None:
        raise NotFound(QT_TRANSLATE_NOOP("UserError", "There is no account {user}."), user=name)
    if not user.active:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError", "The account {user} is disabled: give the task to someone at work."
            ),
            user=name,
        )
    return user


def reassign(session: Session, actor: Actor, kind: str, key: str, username: str) -> Followup:
    """The supervisor gives the task to another person, who must do that kind of work."""
    require(session, actor, Action.TASK_REASSIGN)
    task = find_open(session, kind, key)
    user = _active_user(session, username)
    roles = set(user.role_set)
    if task.spec.role not in roles and Role.SUPERVISOR not in roles:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "{name} is not {role}: this task needs someone who is."),
            name=user.display_name,
            role=Label(task.spec.role.label, "Role"),
        )
    if task.owner_id == user.id:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "The task is {name}'s already."), name=user.display_name
        )
    done = record(session, actor, task, REASSIGN, "", user)
    followup_id = done.id
    owner = session.get(TaskOwner, (task.spec.kind.value, task.ref_id))
    if owner is None:
        session.add(TaskOwner(kind=task.spec.kind.value, ref_id=task.ref_id, user_id=user.id,
                              followup_id=followup_id))  # fmt: skip
    else:
        owner.user_id, owner.followup_id = user.id, followup_id
    if task.spec.reassigned is not None:
        task.spec.reassigned(session, task.ref_id, user)
    return done


def history(session: Session, kind: str, key: str) -> list[Followup]:
    """Every follow-up of a task, oldest first (for the task's detail)."""
    spec = spec_of(kind)
    rows = session.execute(
        select(TaskFollowup)
        .where(TaskFollowup.kind == spec.kind.value, TaskFollowup.ref_key == key.strip())
        .order_by(TaskFollowup.id)
    ).scalars()
    return [
        Followup(r.id, r.kind, r.ref_key, r.action, r.text, r.to_name, r.by_name, r.at)
        for r in rows
    ]


@dataclass(frozen=True)
class Candidate:
    username: str
    display_name: str
    shift: ShiftView | None = None  # on duty now, by the roster: the shift


def candidates(session: Session, actor: Actor, kind: str) -> list[Candidate]:
    """Who a task of ``kind`` may go to: active accounts with its role, and supervisors;
    each with their shift if the duty roster has them at work now."""
    require(session, actor, Action.TASK_REASSIGN)
    spec = spec_of(kind)
    users = session.execute(select(User).where(User.active.is_(True)).order_by(User.username))
    working = {d.person.user_id: d.shift for d in duty.on_duty_at(session, clock.now(session))}
    return [
        Candidate(u.username, u.display_name, working.get(u.id))
        for u in users.scalars()
        if {spec.role, Role.SUPERVISOR} & set(u.role_set)
    ]
