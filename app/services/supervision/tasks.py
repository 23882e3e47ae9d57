"""My tasks: the signed-in person's open work, overdue first, each with its deadline and
what to open (docs/supervision.md). The supervisor alone may list everyone's (``tasks.all``)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from app.models import TaskFollowup, User
from app.services.core.actor import Actor, load_user, require
from app.services.core.capabilities import Action, may
from app.services.supervision import clock
from app.services.supervision.deadlines import PAGE, Reminder, Task, Who, kinds, read_kinds


@dataclass(frozen=True)
class TaskList:
    now: datetime
    tasks: list[Task]
    names: dict[int, str]  # owners' names by user id
    everyone: bool  # the supervisor's view of all tasks

    def owner_name(self, task: Task) -> str | None:
        """The person's name, or None for the role's pool."""
        return None if task.owner_id is None else self.names.get(task.owner_id, "?")


def who_for(session: Session, actor: Actor) -> Who:
    user = load_user(session, actor)
    return Who(actor.user_id, frozenset(user.role_set))


def staff_names(session: Session) -> dict[int, str]:
    return {row.id: row.display_name for row in session.execute(select(User.id, User.display_name))}


def with_reminders(session: Session, tasks: list[Task]) -> list[Task]:
    """Each task with the reminders on it, oldest first (one query for the page: each kind's
    ids in one list, read through the (kind, ref_id) index)."""
    if not tasks:
        return tasks
    ids: dict[str, list[int]] = {}
    for t in tasks:
        ids.setdefault(t.kind.value, []).append(t.ref_id)
    found: dict[tuple[str, int], list[Reminder]] = {}
    on = (and_(TaskFollowup.kind == k, TaskFollowup.ref_id.in_(v)) for k, v in ids.items())
    stmt = (
        select(TaskFollowup)
        .where(TaskFollowup.action == "remind", or_(*on))
        .order_by(TaskFollowup.id)
    )
    for row in session.execute(stmt).scalars():
        found.setdefault((row.kind, row.ref_id), []).append(Reminder(row.by_name, row.at, row.text))
    return [replace(t, reminders=tuple(found.get((t.kind.value, t.ref_id), ()))) for t in tasks]


def order(tasks: list[Task], now: datetime) -> list[Task]:
    """Overdue first, then by deadline: what needs doing first is on top."""
    return sorted(tasks, key=lambda t: (not t.overdue(now), t.deadline, t.kind.value, t.ref_id))


def sees_everyone(session: Session, actor: Actor) -> bool:
    """Whether the person may list everyone's tasks (the supervisor), as the account is now."""
    return may(Action.TASKS_ALL, who_for(session, actor))


def my_tasks(
    session: Session,
    actor: Actor,
    *,
    mine: bool | None = True,
    overdue: bool = False,
    limit: int = PAGE,
) -> TaskList:
    """The first ``limit`` tasks: each kind's page read oldest first (one query for all),
    then merged.

    ``mine``: True, the person's own (theirs and their roles' pools); False, everyone's, with
    their owners (the supervisor's; refused to anyone else); None, everyone's for whoever may
    see them, else their own (the command line's default)."""
    require(session, actor, Action.TASKS_READ)
    if mine is False:
        require(session, actor, Action.TASKS_ALL)  # staff see their own only
    everyone = mine is False or (mine is None and sees_everyone(session, actor))
    who = None if everyone else who_for(session, actor)
    now = clock.now(session)
    pages = read_kinds(session, kinds(), who, now, overdue=overdue, limit=limit)
    found = [task for page in pages.values() for task in page]
    tasks = with_reminders(session, order(found, now)[:limit])
    return TaskList(now, tasks, staff_names(session), everyone)


def first_page(session: Session, actor: Actor) -> TaskList:
    """What My tasks shows first after sign-in: the person's own tasks, overdue or not."""
    return my_tasks(session, actor, mine=True, overdue=False)


def matching(tasks: list[Task], code: str) -> Task | None:
    """The task a scanned or typed code names (its case or order number, or its key)."""
    wanted = (code or "").strip().upper()
    for task in tasks:
        if wanted and wanted in (task.key.upper(), task.open_key.upper()):
            return task
    return None


def task_json(task: Task, listing: TaskList | Any, translate: Any) -> dict[str, Any]:
    now = listing.now
    owner = listing.owner_name(task)
    return {
        "kind": task.kind.value,
        "kind_label": translate("TaskKind", task.kind.label),
        "key": task.key,
        "opens": task.opens,
        "open_key": task.open_key,
        "title": task.title,
        "start": task.start.isoformat(),
        "deadline": task.deadline.isoformat(),
        "overdue": task.overdue(now),
        "minutes_left": int((task.deadline - now).total_seconds() // 60),
        "owner": owner,
        "owner_role": task.owner_role.value,
        "reminders": [{"by": r.by, "at": r.at.isoformat(), "text": r.text} for r in task.reminders],
    }
