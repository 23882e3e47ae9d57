"""The shifts as the shop defines them (data: the procedure's three are seeded; the shop adds
its own, e.g. the warehouse's, with ``define``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import RosterShift
from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.validation import clean_text
from app.services.supervision import worktime

SERVICE_EARLY, SERVICE_LATE, PRINTER = "service_early", "service_late", "printer_early"


@dataclass(frozen=True)
class ShiftView:
    code: str
    team: str
    name_zh: str
    name_en: str
    hours: worktime.Hours

    def name(self, language: str) -> str:
        return self.name_zh if language.startswith("zh") else self.name_en

    def mark(self, language: str) -> str:
        """One character for a text grid: 早 / 晚, E / L / P."""
        return (
            self.name_zh[-2:-1]
            if language.startswith("zh")
            else self.name_en.split()[-1][:1].upper()
        )

    @property
    def hours_text(self) -> str:
        return worktime.text_of(self.hours)

    def covers(self, local: datetime) -> bool:
        """Is a local moment inside one of the shift's parts."""
        at = local.time()
        return any(start <= at < end for start, end in self.hours)


def _view(row: RosterShift) -> ShiftView:
    return ShiftView(row.code, row.team, row.name_zh, row.name_en, worktime.parse(row.hours))


def shifts(session: Session) -> dict[str, ShiftView]:
    rows = session.execute(select(RosterShift).order_by(RosterShift.position)).scalars()
    return {row.code: _view(row) for row in rows}


def listed(session: Session, actor: Actor) -> dict[str, ShiftView]:
    require(session, actor, Action.ROSTER_READ)
    return shifts(session)


# the teams a shift is for: the procedure's two, and the warehouse (its hours are not in the
# procedure: the shop adds its own shift for it)
TEAMS = ("service", "printer", "warehouse")
TEAM_LABELS = {
    "service": QT_TRANSLATE_NOOP("RosterTeam", "Customer service"),
    "printer": QT_TRANSLATE_NOOP("RosterTeam", "Order printing"),
    "warehouse": QT_TRANSLATE_NOOP("RosterTeam", "Warehouse"),
}
_CODE = re.compile(r"^[a-z][a-z0-9_]{0,23}$")


def define(
    session: Session,
    actor: Actor,
    code: str,
    *,
    team: str,
    name_zh: str,
    name_en: str,
    hours: str,
) -> ShiftView:
    """The supervisor (or the boss) adds a shift, or changes one, as the shop works it: a team,
    a name in both languages and its hours. The rotation gives each team its first shift."""
    require(session, actor, Action.ROSTER_EDIT)
    key = (code or "").strip().lower()
    if not _CODE.match(key):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "“{code}” is not a shift code: a letter, then letters, digits or _, "
                "at most 24 (e.g. warehouse_day).",
            ),
            code=code,
        )
    if team not in TEAMS:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "“{team}” is not a team: {teams}."),
            team=team,
            teams=", ".join(TEAMS),
        )
    parts = worktime.parse(hours)
    if not parts:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError", "A shift needs its hours, e.g. 09:00-11:30, 12:30-18:30."
            )
        )
    zh = clean_text(name_zh, field=Label(QT_TRANSLATE_NOOP("Field", "Chinese name")), max_len=40)
    en = clean_text(name_en, field=Label(QT_TRANSLATE_NOOP("Field", "English name")), max_len=40)
    row = session.get(RosterShift, key, with_for_update=True)
    before = None if row is None else {"team": row.team, "hours": row.hours}
    if row is None:
        last = session.execute(select(func.max(RosterShift.position))).scalar() or 0
        row = RosterShift(code=key, position=last + 1)
        session.add(row)
    row.team, row.name_zh, row.name_en, row.hours = team, zh, en, worktime.text_of(parts)
    session.flush()
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action="roster.shift",
        entity="roster_shift",
        entity_key=key,
        before=before,
        after={"team": team, "zh": zh, "en": en, "hours": row.hours},
    )
    return _view(row)


def first_of_teams(known: dict[str, ShiftView]) -> dict[str, str]:
    """Each team's first shift (by position): what the rotation gives a team that does not
    alternate."""
    first: dict[str, str] = {}
    for code, shift in known.items():
        first.setdefault(shift.team, code)
    return first
