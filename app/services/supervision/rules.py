"""When a piece of work is due: a duration from its start (in working hours, or on the clock),
or the dispatch cut-off. Each kind of work (deadlines.py) names its rule; lists ask a rule
for the latest start that is due by now rather than computing every row's deadline."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from app.models.formats import local
from app.services.supervision import worktime
from app.services.supervision.deadline_settings import SETTING, duration_of

if TYPE_CHECKING:
    from app.services.supervision.deadlines import TaskKind


class Rule:
    """When work started at ``start`` is due, and its inverse for the lists' filter."""

    def due(
        self, session: Session, start: datetime, hours: worktime.Hours, shop: int | None
    ) -> datetime:
        raise NotImplementedError

    def latest_start(
        self, session: Session, now: datetime, hours: worktime.Hours, shop: int | None
    ) -> datetime:
        """The latest start that is due by ``now`` (``start < this`` means overdue)."""
        raise NotImplementedError

    def shop_keys(self) -> tuple[str, ...]:
        """Setting keys a shop may override (``KEY:<shop id>``)."""
        return ()


@dataclass(frozen=True)
class Within(Rule):
    """A duration (the setting, a shop's own first, else ``default``), in working hours
    unless ``on_the_clock``."""

    kind: TaskKind
    default: timedelta
    on_the_clock: bool = False
    read: Callable[[Session], timedelta] | None = None  # a duration kept elsewhere

    def duration(self, session: Session, shop: int | None = None) -> timedelta:
        if self.read is not None:
            return self.read(session)
        return duration_of(session, self.kind, self.default, shop)

    def due(
        self, session: Session, start: datetime, hours: worktime.Hours, shop: int | None
    ) -> datetime:
        span = self.duration(session, shop)
        return worktime.add(start, span, () if self.on_the_clock else hours)

    def latest_start(
        self, session: Session, now: datetime, hours: worktime.Hours, shop: int | None
    ) -> datetime:
        span = self.duration(session, shop)
        return worktime.subtract(now, span, () if self.on_the_clock else hours)

    def shop_keys(self) -> tuple[str, ...]:
        return () if self.read is not None else (SETTING.format(kind=self.kind.value),)


@dataclass(frozen=True)
class ByCutoff(Rule):
    """Paid before the day's cut-off: printed by it (docs/domain.md rule 4); paid after it,
    by the next day's."""

    cutoff: Callable[[Session], str]

    def _at(self, session: Session, day: Any) -> datetime:
        hh, mm = (int(x) for x in self.cutoff(session).split(":"))
        return datetime.combine(day, time(hh, mm)).astimezone()

    def due(
        self, session: Session, start: datetime, hours: worktime.Hours, shop: int | None
    ) -> datetime:
        day = local(start).date()
        today = self._at(session, day)
        return today if start < today else self._at(session, day + timedelta(days=1))

    def latest_start(
        self, session: Session, now: datetime, hours: worktime.Hours, shop: int | None
    ) -> datetime:
        day = local(now).date()
        today = self._at(session, day)
        return today if today <= now else self._at(session, day - timedelta(days=1))
