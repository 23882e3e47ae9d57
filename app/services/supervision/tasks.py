"""My tasks: the signed-in person's open work, overdue first, each with its deadline and
what to open (docs/supervision.md). The supervisor alone may list everyone's (``tasks.all``).

Each kind's first page is read (50 rows each, in one query), so an overdue printer request is
never hidden behind a backlog of unprinted orders; each kind's count follows (capped: "1000+"),
and a list is read further a kind at a time (``limit``). A scan asks ``task_for``, which finds
the task wherever it is in the person's list."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import Subquery

from app.models import TaskFollowup, User
from app.services.core.actor import Actor, load_user, require
from app.services.core.capabilities import Action, may
from app.services.supervision import clock
from app.services.supervision.deadlines import (
    PAGE,
    KindSpec,
    Limit,
    Match,
    Reminder,
    Task,
    TaskKind,
    Who,
    count_kind,
    count_open_and_late,
    full_page,
    kinds,
    not_shown,
    read_kinds,
    spec_of,
)

BY_ID = 500  # more tasks than this: their reminders (few) are read by kind, not by id


@dataclass(frozen=True)
class KindCount:
    """A kind's share of the list: how many of its tasks are shown, and how many are open and
    overdue (counted up to ``COUNT_CAP`` + 1, shown as "1000+"); until ``counted``, a full
    page's: at least that many."""

    kind: TaskKind
    shown: int
    open: int
    overdue: int
    counted: bool

    @property
    def more(self) -> int:
        """How many are not shown (none known until counted)."""
        return not_shown(self.open, self.shown, self.counted)


@dataclass(frozen=True)
class TaskList:
    now: datetime
    tasks: list[Task]
    names: dict[int, str]  # owners' names by user id
    everyone: bool  # the supervisor's view of all tasks
    counts: list[KindCount] = field(default_factory=list)  # the kinds with tasks, as TaskKind
    who: Who | None = None  # whose tasks (None: everyone's), to count them in the same terms
    overdue_only: bool = False

    def owner_name(self, task: Task) -> str | None:
        """The person's name, or None for the role's pool."""
        return None if task.owner_id is None else self.names.get(task.owner_id, "?")

    @property
    def counted(self) -> bool:
        return all(c.counted for c in self.counts)

    def total(self) -> tuple[int, int]:
        """Open and overdue over every kind (the sums of each kind's capped counts)."""
        return sum(c.open for c in self.counts), sum(c.overdue for c in self.counts)

    def shown(self) -> dict[TaskKind, int]:
        """How many of each kind are shown (a reload reads as many again: ``limit``)."""
        return {c.kind: c.shown for c in self.counts}


def who_for(session: Session, actor: Actor) -> Who:
    user = load_user(session, actor)
    return Who(actor.user_id, frozenset(user.role_set))


def staff_names(session: Session) -> dict[int, str]:
    return {row.id: row.display_name for row in session.execute(select(User.id, User.display_name))}


def with_reminders(session: Session, tasks: list[Task]) -> list[Task]:
    """Each task with the reminders on it, oldest first (one query for the page: each kind's
    ids in one list, read through the (kind, ref_id) index; for a whole list, the kinds'
    reminders, which are few)."""
    if not tasks:
        return tasks
    ids: dict[str, list[int]] = {}
    for t in tasks:
        ids.setdefault(t.kind.value, []).append(t.ref_id)
    on: ColumnElement[bool] = TaskFollowup.kind.in_(list(ids))
    if len(tasks) <= BY_ID:
        on = or_(
            *(and_(TaskFollowup.kind == k, TaskFollowup.ref_id.in_(v)) for k, v in ids.items())
        )
    found: dict[tuple[str, int], list[Reminder]] = {}
    stmt = select(TaskFollowup).where(TaskFollowup.action == "remind", on)
    for row in session.execute(stmt.order_by(TaskFollowup.id)).scalars():
        found.setdefault((row.kind, row.ref_id), []).append(Reminder(row.by_name, row.at, row.text))
    return [replace(t, reminders=tuple(found.get((t.kind.value, t.ref_id), ()))) for t in tasks]


def order(tasks: list[Task], now: datetime) -> list[Task]:
    """Overdue first, then by deadline: what needs doing first is on top."""
    return sorted(tasks, key=lambda t: (not t.overdue(now), t.deadline, t.kind.value, t.ref_id))


def sees_everyone(session: Session, actor: Actor) -> bool:
    """Whether the person may list everyone's tasks (the supervisor), as the account is now."""
    return may(Action.TASKS_ALL, who_for(session, actor))


def _whose(session: Session, actor: Actor, mine: bool | None) -> Who | None:
    """Whose tasks, checked: None for everyone's."""
    require(session, actor, Action.TASKS_READ)
    if mine is False:
        require(session, actor, Action.TASKS_ALL)  # staff see their own only
    everyone = mine is False or (mine is None and sees_everyone(session, actor))
    return None if everyone else who_for(session, actor)


def my_tasks(
    session: Session,
    actor: Actor,
    *,
    mine: bool | None = True,
    overdue: bool = False,
    limit: Limit = PAGE,
    counts: bool = True,
) -> TaskList:
    """Each kind's first ``limit`` tasks, oldest first, in one query, merged overdue first.
    ``limit``: rows per kind, None for all, or each kind its own (a list read further).
    ``counts``: count the kinds whose page is full now; False leaves it to ``counted``, which a
    screen runs once it has shown the rows.

    ``mine``: True, the person's own (theirs and their roles' pools); False, everyone's, with
    their owners (the supervisor's; refused to anyone else); None, everyone's for whoever may
    see them, else their own (the command line's default)."""
    who = _whose(session, actor, mine)
    now = clock.now(session)
    pages = read_kinds(session, kinds(), who, now, overdue=overdue, limit=limit)
    tally = []
    for kind, page in pages.items():
        if page:
            late = sum(t.overdue(now) for t in page)
            full = full_page(limit, kind, len(page))
            tally.append(KindCount(kind, len(page), len(page), late, counted=not full))
    found = [task for page in pages.values() for task in page]
    tasks = with_reminders(session, order(found, now))
    listing = TaskList(now, tasks, staff_names(session), who is None, tally, who, overdue)
    return counted(session, actor, listing) if counts else listing


def first_page(session: Session, actor: Actor) -> TaskList:
    """What My tasks shows first after sign-in: the person's own tasks, overdue or not, each
    kind's first page (the counts of full pages follow, ``counted``)."""
    return my_tasks(session, actor, mine=True, overdue=False, counts=False)


def counted(session: Session, actor: Actor, listing: TaskList) -> TaskList:
    """The list with the counts of its kinds' full pages read (capped: "1000+")."""
    require(session, actor, Action.TASKS_READ)
    done = []
    for c in listing.counts:
        if not c.counted:
            spec, who, now = spec_of(c.kind.value), listing.who, listing.now
            if listing.overdue_only:
                opened = late = count_kind(session, spec, who, now, overdue=True)
            else:
                opened, late = count_open_and_late(session, spec, who, now)
            c = replace(c, open=max(opened, c.shown), overdue=late, counted=True)
        done.append(c)
    return replace(listing, counts=done)


def _scanned(code: str) -> Match:
    """A kind's rows that a scanned or typed number names: its own number or what its button
    opens, and for a case also its title (its order's number, or its return's tracking
    number)."""
    wanted = sorted({code, code.upper()})

    def match(spec: KindSpec, sub: Subquery) -> ColumnElement[bool]:
        names = [sub.c.key.in_(wanted), sub.c.open_key.in_(wanted)]
        if spec.opens == "case":
            names.append(sub.c.title.in_(wanted))
        return or_(*names)

    return match


def task_for(session: Session, actor: Actor, code: str, *, mine: bool = True) -> Task | None:
    """The person's most urgent task on the case, order, request or complaint a scanned or
    typed number names, wherever it is in their list (the supervisor's everyone's, with
    ``mine`` False); None when they have none there."""
    code = (code or "").strip()
    who = _whose(session, actor, mine)
    if not code:
        return None
    now = clock.now(session)
    pages = read_kinds(session, kinds(), who, now, limit=1, match=_scanned(code))
    found = order([task for page in pages.values() for task in page], now)
    return with_reminders(session, found[:1])[0] if found else None


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
