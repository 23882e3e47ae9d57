"""Ask to swap one's shift of a day with a colleague (it counts once the colleague agreed and
the supervisor approved)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.core.actor import Actor
from app.services.roster import swaps
from app.services.roster.people import Person
from app.views.scores.common import RecordDialog


class SwapDialog(RecordDialog):
    def __init__(
        self, parent: QWidget | None, actor: Actor, day: date, colleagues: list[Person]
    ) -> None:
        super().__init__(parent)
        self.actor = actor
        self.setWindowTitle(self.tr("Ask to swap a shift"))
        self.setMinimumWidth(460)
        self.day = QDateEdit(QDate(day.year, day.month, day.day), self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.colleague = QComboBox(self)
        for p in colleagues:
            if p.user_id != actor.user_id and p.team is not None:
                self.colleague.addItem(f"{p.display_name} ({p.username})", p.username)
        self.reason = QLineEdit(self)
        note = QLabel(
            self.tr(
                "Your colleague agrees first (Agree to swap, on their Roster page), then the "
                "supervisor approves: the roster changes only then. More than 3 swaps a month "
                "cost 2 points each."
            ),
            self,
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Day"), self.day)
        form.addRow(self.tr("Swap with"), self.colleague)
        form.addRow(self.tr("Reason"), self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.save_cancel())

    def save(self) -> None:
        actor, day = self.actor, self.day.date().toPython()
        colleague, reason = self.colleague.currentData(), self.reason.text()
        if colleague is None:
            return
        self.record(lambda s: swaps.request(s, actor, day, colleague, reason), "roster")
