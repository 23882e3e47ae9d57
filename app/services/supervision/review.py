"""The supervisor's daily review (docs/supervision.md): one list per kind of work, oldest
first, with owner, age and time left; and the day's "reviewed by 陈静 at 09:12", so a missed
day shows. Each kind's first page is read in one query; a kind is read further with a larger
``limit`` for it (Show more, ``afterdesk review --limit N`` / ``--all``)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import db_now
from app.models import DailyReview
from app.models.errors import Conflict, InvalidInput
from app.models.formats import local, short_time
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.supervision import clock
from app.services.supervision.deadlines import (
    PAGE,
    KindSpec,
    Limit,
    Task,
    TaskKind,
    count_open_and_late,
    full_page,
    kinds,
    not_shown,
    read_kinds,
)
from app.services.supervision.tasks import staff_names, with_reminders

LOOK_BACK = 7  # days a missed review is shown for


@dataclass(frozen=True)
class KindList:
    spec: KindSpec
    open: int  # until counted: at least this many (the page's)
    overdue: int
    tasks: list[Task]  # the page read (the first, or as far as asked), oldest first
    counted: bool = True  # False: a full page whose counts are still to read (``counted``)

    @property
    def kind(self) -> TaskKind:
        return self.spec.kind

    @property
    def shown(self) -> int:
        return len(self.tasks)

    @property
    def more(self) -> int:
        """How many are not shown (none known until counted)."""
        return not_shown(self.open, self.shown, self.counted)


@dataclass(frozen=True)
class Reviewed:
    day: date
    by: str
    at: datetime

    def to_json(self) -> dict[str, Any]:
        return {"date": self.day.isoformat(), "by": self.by, "at": self.at.isoformat()}


@dataclass(frozen=True)
class Review:
    now: datetime
    day: date
    lists: list[KindList]  # empty for a past day: the lists are what is open now
    reviewed: list[Reviewed]  # the day's records
    missed: list[date]  # days of the last week nobody reviewed
    names: dict[int, str]

    def owner_name(self, task: Task) -> str | None:
        return None if task.owner_id is None else self.names.get(task.owner_id, "?")


def today(session: Session) -> date:
    return local(clock.now(session)).date()


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat((text or "").strip())
    except ValueError:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "“{text}” is not a date: write it as 2026-12-08."),
            text=text,
        ) from None


def first_pages(session: Session, now: datetime, limit: Limit) -> list[KindList]:
    """Every kind's first page (or each kind as far as ``limit`` says: a kind read further),
    oldest first, in one query (and one for their reminders). A page not full is the whole list,
    so it is counted as read (most kinds, most days); a full one is counted by ``counted``,
    which the screen runs after it has shown the rows."""
    pages = read_kinds(session, kinds(), None, now, limit=limit)
    reminded = iter(with_reminders(session, [t for page in pages.values() for t in page]))
    lists = []
    for spec in kinds():
        tasks = [next(reminded) for _ in pages[spec.kind]]
        late = sum(t.overdue(now) for t in tasks)
        lists.append(
            KindList(
                spec, len(tasks), late, tasks, counted=not full_page(limit, spec.kind, len(tasks))
            )
        )
    return lists


def counted(session: Session, actor: Actor, lists: list[KindList], now: datetime) -> list[KindList]:
    """The lists with the counts of full pages read (capped: "1000+")."""
    require(session, actor, Action.REVIEW)
    done = []
    for kind in lists:
        if not kind.counted:
            opened, overdue = count_open_and_late(session, kind.spec, None, now)
            kind = replace(kind, open=max(opened, kind.shown), overdue=overdue, counted=True)
        done.append(kind)
    return done


def records(session: Session, first: date, last: date) -> list[Reviewed]:
    rows = session.execute(
        select(DailyReview)
        .where(DailyReview.day >= first, DailyReview.day <= last)
        .order_by(DailyReview.day, DailyReview.at)
    ).scalars()
    return [Reviewed(r.day, r.by_name, r.at) for r in rows]


def review(
    session: Session,
    actor: Actor,
    day: date | None = None,
    *,
    limit: Limit = PAGE,
    counts: bool = True,
) -> Review:
    """The day's review; ``limit``: rows per kind, None for all, or each kind its own (a kind
    read further); ``counts=False``: full pages not counted yet (the screen shows the rows
    first, then asks ``counted``)."""
    require(session, actor, Action.REVIEW)
    now = clock.now(session)
    current = local(now).date()
    day = day or current
    if day > current:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "{date} has not come yet."), date=day.isoformat()
        )
    lists = first_pages(session, now, limit) if day == current else []
    if counts:
        lists = counted(session, actor, lists, now)
    first = day - timedelta(days=LOOK_BACK)
    done = records(session, first, day)
    seen = {r.day for r in done}
    missed = [
        first + timedelta(days=n) for n in range(LOOK_BACK) if first + timedelta(days=n) not in seen
    ]
    return Review(now, day, lists, [r for r in done if r.day == day], missed, staff_names(session))


def mark_done(session: Session, actor: Actor) -> Reviewed:
    """ "Reviewed by 陈静 at 09:12" for today, with the counts the lists showed."""
    require(session, actor, Action.REVIEW_DONE)
    now = clock.now(session)
    day = local(now).date()
    already = session.execute(
        select(DailyReview).where(DailyReview.day == day, DailyReview.by_user_id == actor.user_id)
    ).scalar_one_or_none()
    if already is not None:
        raise Conflict(
            QT_TRANSLATE_NOOP("UserError", "You recorded today's review already, at {time}."),
            time=short_time(already.at),
        )
    counts = {
        spec.kind.value: list(count_open_and_late(session, spec, None, now)) for spec in kinds()
    }
    at = db_now(session)
    session.add(
        DailyReview(
            day=day, by_user_id=actor.user_id, by_name=actor.display_name, at=at, counts=counts
        )
    )
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action="review.done",
        entity="review",
        entity_key=day.isoformat(),
        after={"counts": counts, "at": at},
    )
    return Reviewed(day, actor.display_name, at)
