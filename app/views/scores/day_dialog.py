"""The supervisor sets one person's shift of a day, or a day off (double-click a cell of the
Roster page): the same service as ``afterdesk roster set`` (rotation.set_shift)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from app.services.core.actor import Actor
from app.services.roster import rotation
from app.services.roster.people import Person
from app.services.roster.shifts import ShiftView
from app.views.scores.common import RecordDialog, gui_language


class DayDialog(RecordDialog):
    def __init__(
        self,
        parent: QWidget | None,
        actor: Actor,
        day: date,
        person: Person,
        known: dict[str, ShiftView],
        current: str | None,
    ) -> None:
        super().__init__(parent)
        self.actor, self.day, self.person = actor, day, person
        self.setWindowTitle(
            self.tr("{name}'s shift on {day}").format(name=person.display_name, day=day.isoformat())
        )
        self.setMinimumWidth(420)
        language = gui_language()
        self.shift = QComboBox(self)
        for code, shift in known.items():
            self.shift.addItem(f"{shift.name(language)} {shift.hours_text}", code)
        self.shift.addItem(self.tr("Off (no shift)"), None)
        self.off_index = self.shift.count() - 1
        self.choose(current)
        note = QLabel(
            self.tr(
                "Generating the month again keeps this change, and the approved swaps, on top "
                "of the new rotation."
            ),
            self,
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Shift"), self.shift)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.save_cancel())

    def choose(self, code: str | None) -> None:
        """Pick a shift by its code, or None for a day off."""
        self.shift.setCurrentIndex(self.off_index if code is None else self.shift.findData(code))

    def save(self) -> None:
        actor, day, username = self.actor, self.day, self.person.username
        code = self.shift.currentData()
        self.record(lambda s: rotation.set_shift(s, actor, day, username, code), "roster")
