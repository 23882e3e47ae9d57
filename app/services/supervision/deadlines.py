"""Deadlines: the one service that says what work is open, whose it is and when it is due
(docs/supervision.md). My tasks, the daily review, the command line and the tests all ask it.

Each kind of work is a ``KindSpec`` (registered with ``register``): a SELECT over the state
tables with the columns ``ref_id, key, open_key, title, shop_id, start, due, owner_id`` (``due``
an explicit deadline or NULL, ``owner_id`` the person it belongs to by default or NULL for the
role's pool), the role whose work it is, and its rule (a duration in working hours kept as a
setting an administrator changes, or the dispatch cut-off). Lists ask the database for "started
before X" (``worktime.subtract``) rather than computing every row's deadline, and read one page
per kind, oldest first. A reassignment (``task_owners``) overrides the default owner.

The durations and working hours these rules read are the shop's settings
(deadline_settings.py).

Other areas plug their work in with ``register(KindSpec(...))`` from a module named in
``SOURCES`` (complaints and disputes do).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    case,
    false,
    func,
    literal,
    or_,
    select,
    true,
    union_all,
)
from sqlalchemy import String as SqlString
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import Subquery

from app.models import Role, TaskOwner, User
from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP
from app.models.task_enums import DeadlineFrom, TaskKind
from app.services.supervision import worktime
from app.services.supervision.deadline_settings import hours_of, settings

# the rules live in rules.py; the kinds' modules name them from here, beside KindSpec
from app.services.supervision.rules import ByCutoff as ByCutoff
from app.services.supervision.rules import Rule
from app.services.supervision.rules import Within as Within

# The modules that register kinds (imported once, on first use). Complaints and disputes add
# theirs here.
SOURCES: tuple[str, ...] = (
    "app.services.supervision.kinds",
    "app.services.complaints.tasks",
)
PAGE = 50  # rows per kind on a first page
COUNT_CAP = 1000  # the review counts this far, then says "1000+"


# -- kinds --------------------------------------------------------------------------------
@dataclass(frozen=True)
class KindSpec:
    kind: TaskKind
    role: Role  # whose work it is when no one person owns it
    opens: str  # what the task's button opens: "case", "order", "complaint", ...
    source: Callable[[Session], Select[Any]]  # the columns named in the module's docstring
    rule: Rule
    # only some of the open work is a task (a refund deadline *near*): a filter given now
    visible: Callable[[Session, KindSpec, Subquery, datetime], ColumnElement[bool]] | None = None
    resolve: Callable[[Session, str], int] | None = None  # a typed key → ref_id
    settable: bool = True  # an administrator sets its duration as deadline_hours:<kind>
    deadline_from: DeadlineFrom = DeadlineFrom.HOURS  # what the deadline is, when not settable
    # a record that names its own owner (a complaint, a dispute) follows a reassignment
    reassigned: Callable[[Session, int, User], None] | None = None
    # the role's pool owns all of it (the source's owner_id is NULL): someone outside the role
    # has only what the supervisor reassigned to them, read from their reassignments
    pooled: bool = False
    # its open records are few (cases, complaints, requests settle within days, and the source
    # filters by state): read them all through the state's index and sort, never by walking an
    # index on the start past every settled record; False for paid orders (many open, read in
    # order of payment through their index, stopping at the page)
    few: bool = True


_KINDS: dict[TaskKind, KindSpec] = {}
_loaded = False


def register(spec: KindSpec) -> None:
    _KINDS[spec.kind] = spec


def kinds() -> list[KindSpec]:
    """Every registered kind, in the order of ``TaskKind``."""
    global _loaded
    if not _loaded:
        for module in SOURCES:
            importlib.import_module(module)
        _loaded = True
    return [_KINDS[k] for k in TaskKind if k in _KINDS]


def spec_of(kind: str) -> KindSpec:
    for spec in kinds():
        if spec.kind.value == kind:
            return spec
    raise InvalidInput(
        QT_TRANSLATE_NOOP("UserError", "“{kind}” is not a kind of task. Kinds: {kinds}."),
        kind=kind,
        kinds=", ".join(s.kind.value for s in kinds()),
    )


# -- reading tasks ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Task:
    kind: TaskKind
    ref_id: int
    key: str  # what `remind KIND ID` takes
    opens: str  # "case", "order", ...
    open_key: str  # the case or order number the button opens
    title: str
    shop_id: int | None
    start: datetime
    deadline: datetime
    owner_id: int | None  # None: the role's pool
    owner_role: Role
    reminders: tuple[Reminder, ...] = field(default=())

    def overdue(self, now: datetime) -> bool:
        return self.deadline <= now


@dataclass(frozen=True)
class Reminder:
    by: str
    at: datetime
    text: str


@dataclass(frozen=True)
class Who:
    """Whose tasks: a person (with their roles, for the pools) or everyone (None)."""

    user_id: int
    roles: frozenset[Role]


def _shops_of_their_own(session: Session, rule: Rule) -> dict[int, worktime.Hours]:
    """Shops with hours or a duration of their own, with their hours; the rest follow the
    team's."""
    shops: set[int] = set()
    for key in (worktime.SETTING, *rule.shop_keys()):
        for name in settings(session):
            tail = name[len(key) + 1 :] if name.startswith(key + ":") else ""
            if tail.isdigit():
                shops.add(int(tail))
    return {shop: hours_of(session, shop) for shop in sorted(shops)}


def late_filter(
    session: Session, spec: KindSpec, sub: Subquery, now: datetime
) -> ColumnElement[bool]:
    """Due by ``now``, as a filter: an explicit deadline passed, or started before the latest
    start that is due by now (per shop where shops keep their own hours or durations)."""
    own = _shops_of_their_own(session, spec.rule)
    team = hours_of(session, None)
    rule = spec.rule
    parts = [
        and_(sub.c.shop_id == shop, sub.c.start < rule.latest_start(session, now, hours, shop))
        for shop, hours in own.items()
    ]
    others: ColumnElement[bool] = sub.c.start < rule.latest_start(session, now, team, None)
    if own:
        others = and_(or_(sub.c.shop_id.is_(None), sub.c.shop_id.not_in(list(own))), others)
    by_start = or_(*parts, others)
    return or_(sub.c.due < now, and_(sub.c.due.is_(None), by_start))


def select_tasks(
    session: Session, spec: KindSpec, who: Who | None, now: datetime, overdue: bool
) -> tuple[Select[Any], Subquery]:
    source = spec.source(session)
    # OFFSET 0 keeps the page's ORDER BY and LIMIT out of a few-rows source (PostgreSQL would
    # otherwise walk the start's index past every settled record, hoping to fill the page)
    sub = (source.offset(0) if spec.few else source).subquery(spec.kind.value)
    reassigned = and_(TaskOwner.kind == spec.kind.value, TaskOwner.ref_id == sub.c.ref_id)
    if who is not None and spec.pooled and spec.role not in who.roles:
        # not their pool: only what was reassigned to them, found from their reassignments
        mine = and_(reassigned, TaskOwner.user_id == who.user_id)
        stmt = select(sub, TaskOwner.user_id.label("current_owner")).join(TaskOwner, mine)
    else:
        owner = func.coalesce(TaskOwner.user_id, sub.c.owner_id)
        stmt = select(sub, owner.label("current_owner")).outerjoin(TaskOwner, reassigned)
        if who is not None:
            pool = true() if spec.role in who.roles else false()
            stmt = stmt.where(or_(owner == who.user_id, and_(owner.is_(None), pool)))
    if spec.visible is not None:
        stmt = stmt.where(spec.visible(session, spec, sub, now))
    if overdue:
        stmt = stmt.where(late_filter(session, spec, sub, now))
    return stmt, sub


def deadline_of(
    session: Session,
    spec: KindSpec,
    start: datetime,
    due: datetime | None,
    shop: int | None,
    hours: dict[int | None, worktime.Hours] | None = None,
) -> datetime:
    """When one piece of work is due: its own deadline (a platform's, entered on the case),
    else the kind's rule from its start with the shop's own duration and hours. ``hours``
    keeps each shop's hours across a page of rows."""
    if due is not None:
        return due
    cache = {} if hours is None else hours
    if shop not in cache:
        cache[shop] = hours_of(session, shop)
    return spec.rule.due(session, start, cache[shop], shop)


# a kind's first page: this many rows, None for all; or each kind its own (a list shown further)
Limit = int | None | Mapping[TaskKind, int | None]
# a filter on a kind's rows, given the kind and its subquery (a scanned number)
Match = Callable[[KindSpec, Subquery], ColumnElement[bool]]


def limit_of(limit: Limit, kind: TaskKind) -> int | None:
    """How many rows of ``kind`` a page reads (None: all)."""
    return limit.get(kind, PAGE) if isinstance(limit, Mapping) else limit


def full_page(limit: Limit, kind: TaskKind, read: int) -> bool:
    """Whether ``read`` rows fill the kind's page: more may follow, to be counted."""
    rows = limit_of(limit, kind)
    return rows is not None and read >= rows


def not_shown(opened: int, shown: int, counted: bool) -> int:
    """How many of a kind's open tasks a page leaves out (none known until counted)."""
    return max(opened - shown, 0) if counted else 0


class Paged(Protocol):
    """A kind's page as My tasks, the review and the command line tell it: ``shown`` of
    ``open``, ``more`` left out (read further with a larger ``limit``)."""

    @property
    def kind(self) -> TaskKind: ...

    @property
    def shown(self) -> int: ...

    @property
    def open(self) -> int: ...

    @property
    def more(self) -> int: ...


def _page(session: Session, spec: KindSpec, who: Who | None, now: datetime, overdue: bool,
          limit: int | None, match: Match | None) -> Select[Any]:  # fmt: skip
    """A kind's first ``limit`` rows, oldest first, tagged with the kind."""
    stmt, sub = select_tasks(session, spec, who, now, overdue)
    if match is not None:
        stmt = stmt.where(match(spec, sub))
    page = stmt.order_by(sub.c.start, sub.c.ref_id).limit(limit).subquery()
    return select(literal(spec.kind.value, SqlString).label("task_kind"), *page.c)


def read_kinds(
    session: Session,
    specs: list[KindSpec],
    who: Who | None,
    now: datetime,
    *,
    overdue: bool = False,
    limit: Limit = PAGE,
    match: Match | None = None,
) -> dict[TaskKind, list[Task]]:
    """Each kind's first page of open work, oldest first, with each task's deadline, in one
    query: the kinds' pages joined by UNION ALL, each read through its own index and stopping
    at ``limit`` (a query per kind cost a round trip each, and a busy machine's scheduling)."""
    if not specs:
        return {}
    legs = [
        _page(session, spec, who, now, overdue, limit_of(limit, spec.kind), match) for spec in specs
    ]
    rows = session.execute(union_all(*legs) if len(legs) > 1 else legs[0]).all()
    by_kind = {spec.kind: spec for spec in specs}
    hours: dict[int | None, worktime.Hours] = {}
    found: dict[TaskKind, list[Task]] = {spec.kind: [] for spec in specs}
    for row in rows:
        spec = by_kind[TaskKind(row.task_kind)]
        due = deadline_of(session, spec, row.start, row.due, row.shop_id, hours)
        found[spec.kind].append(
            Task(
                spec.kind,
                row.ref_id,
                str(row.key),
                spec.opens,
                str(row.open_key),
                row.title or "",
                row.shop_id,
                row.start,
                due,
                row.current_owner,
                spec.role,
            )
        )
    for tasks in found.values():  # UNION ALL keeps no order
        tasks.sort(key=lambda t: (t.start, t.ref_id))
    return found


def read_kind(
    session: Session,
    spec: KindSpec,
    who: Who | None,
    now: datetime,
    *,
    overdue: bool = False,
    limit: int = PAGE,
) -> list[Task]:
    """One page of a kind's open work, oldest first, with each task's deadline."""
    return read_kinds(session, [spec], who, now, overdue=overdue, limit=limit)[spec.kind]


def count_kind(
    session: Session,
    spec: KindSpec,
    who: Who | None,
    now: datetime,
    *,
    overdue: bool = False,
    cap: int = COUNT_CAP,
) -> int:
    """How many, counted up to ``cap`` + 1 (shown as "1000+"): a backlog of 300,000 unprinted
    orders must not cost the review the time to count them all."""
    stmt, _sub = select_tasks(session, spec, who, now, overdue)
    limited = stmt.limit(cap + 1).subquery()
    return int(session.execute(select(func.count()).select_from(limited)).scalar_one())


def count_open_and_late(
    session: Session, spec: KindSpec, who: Who | None, now: datetime, cap: int = COUNT_CAP
) -> tuple[int, int]:
    """Open and overdue in one pass over at most ``cap`` + 1 rows (a second, capped count of the
    overdue only when there are more open than that)."""
    stmt, sub = select_tasks(session, spec, who, now, False)
    late = case((late_filter(session, spec, sub, now), 1), else_=0).label("late")
    limited = stmt.add_columns(late).limit(cap + 1).subquery()
    opened, overdue = session.execute(
        select(func.count(), func.coalesce(func.sum(limited.c.late), 0))
    ).one()
    if opened > cap:
        overdue = count_kind(session, spec, who, now, overdue=True, cap=cap)
    return int(opened), int(overdue)


def count_text(n: int, cap: int = COUNT_CAP) -> str:
    return f"{cap}+" if n > cap else str(n)
