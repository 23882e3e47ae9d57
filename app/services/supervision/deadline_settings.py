"""The shop's deadline settings (docs/supervision.md): how long each kind of work may take, the
team's and each shop's working hours; read once per transaction, written by an administrator.

The deadlines themselves are computed in deadlines.py from these; the registry of kinds lives
there too, so the two writers that name a kind look it up when called.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Setting
from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP
from app.models.task_enums import DeadlineFrom, TaskKind
from app.services.core import shared_settings
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.supervision import worktime

if TYPE_CHECKING:
    from app.services.supervision.deadlines import KindSpec

SETTING = "deadline_hours:{kind}"


def settings(session: Session) -> dict[str, str]:
    """Every shared setting, read once per transaction: a list asks for a few dozen keys, most
    of them never set (a missing key would cost a query each time)."""
    cached: dict[str, str] | None = session.info.get("supervision.settings")
    if cached is None:
        cached = {key: value for key, value in session.execute(select(Setting.key, Setting.value))}
        session.info["supervision.settings"] = cached
    return cached


def hours_of(session: Session, shop: int | None) -> worktime.Hours:
    """``worktime.hours_for`` from the settings read once."""
    values = settings(session)
    for key in ([worktime.key(shop)] if shop is not None else []) + [worktime.SETTING]:
        if key in values:
            try:
                return worktime.parse(values[key])
            except InvalidInput:
                return worktime.ON_THE_CLOCK
    return worktime.ON_THE_CLOCK


def duration_of(
    session: Session, kind: TaskKind, default: timedelta, shop: int | None = None
) -> timedelta:
    key = SETTING.format(kind=kind.value)
    values = settings(session)
    value = values.get(f"{key}:{shop}") if shop is not None else None
    if value is None:
        value = values.get(key)
    if value is None:
        return default
    try:
        return timedelta(hours=float(value))
    except ValueError:
        return default


def parse_hours(text: str) -> Decimal:
    try:
        hours = Decimal(str(text).strip())
    except InvalidOperation:
        hours = Decimal(-1)
    if not Decimal("0.1") <= hours <= Decimal(24 * 30):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError", "“{text}” is not a number of hours between 0.1 and 720."
            ),
            text=text,
        )
    return plain(hours)


def plain(hours: Decimal) -> Decimal:
    """``10``, ``2.5``: the fewest digits, never an exponent (``Decimal.normalize`` alone makes
    10 into ``1E+1``)."""
    return Decimal(f"{hours.normalize():f}")


def set_duration(
    session: Session, actor: Actor, kind: str, hours: str, shop: int | None = None
) -> Decimal:
    """An administrator sets how long a kind of work may take (in working hours), for the
    team or for one shop (a platform's refund timeout differs)."""
    from app.services.supervision.deadlines import Within, spec_of  # it reads these settings

    require(session, actor, Action.DEADLINE_SETTINGS)
    spec = spec_of(kind)
    if not settable(spec) or not isinstance(spec.rule, Within):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError", "The deadline of “{kind}” is set elsewhere (see docs/supervision.md)."
            ),
            kind=kind,
        )
    value = parse_hours(hours)
    key = SETTING.format(kind=spec.kind.value) + (f":{shop}" if shop is not None else "")
    default = spec.rule.default.total_seconds() / 3600
    shared_settings.save(session, actor, key, f"{value:f}", f"{default:g}")
    session.info.pop("supervision.settings", None)  # read again, with the new value
    return value


def settable(spec: KindSpec) -> bool:
    """A duration an administrator sets here (not the cut-off, nor a value kept elsewhere)."""
    from app.services.supervision.deadlines import Within

    return spec.settable and isinstance(spec.rule, Within) and spec.rule.read is None


def set_hours(session: Session, actor: Actor, text: str, shop: int | None = None) -> str:
    """The team's (or one shop's) working hours: ``09:00-11:30, 12:30-18:30``; empty text
    means on the clock."""
    require(session, actor, Action.DEADLINE_SETTINGS)
    value = worktime.text_of(worktime.parse(text))
    shared_settings.save(session, actor, worktime.key(shop), value, "")
    session.info.pop("supervision.settings", None)
    return value


@dataclass(frozen=True)
class DurationRow:
    kind: TaskKind
    hours: float | None  # None: not a duration (the cut-off, or on each record: ``source``)
    on_the_clock: bool
    source: DeadlineFrom = DeadlineFrom.HOURS

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "hours": self.hours,
            "on_the_clock": self.on_the_clock,
            "from": self.source.value,
        }


def durations(session: Session) -> list[DurationRow]:
    from app.services.supervision.deadlines import Within, kinds  # it reads these settings

    rows = []
    for spec in kinds():
        rule = spec.rule
        if isinstance(rule, Within) and spec.settable:
            hours = rule.duration(session).total_seconds() / 3600
            rows.append(DurationRow(spec.kind, hours, rule.on_the_clock))
        else:
            rows.append(DurationRow(spec.kind, None, True, spec.deadline_from))
    return rows
