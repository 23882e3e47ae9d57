""" "On duty now: 王芳 (打单早班)": who is on shift, said the same way wherever work is handed
over (the Roster page, a change request's dialog, the request queue, the reassign dialog)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from app.services.roster.duty import Duty
from app.services.roster.shifts import ShiftView
from app.views.scores.common import gui_language


def on_duty_text(working: Iterable[tuple[str, ShiftView]]) -> str:
    """``working``: (a person's name, their shift now)."""
    language = gui_language()
    names = ", ".join(f"{name} ({shift.name(language)})" for name, shift in working)
    return QCoreApplication.translate("OnDuty", "On duty now: {names}").format(
        names=names or QCoreApplication.translate("OnDuty", "nobody")
    )


def of_duties(duties: Iterable[Duty]) -> list[tuple[str, ShiftView]]:
    return [(d.person.display_name, d.shift) for d in duties]
