"""The shifts as the shop defines them (data: the procedure's three are seeded)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import RosterShift
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
