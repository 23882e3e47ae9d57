"""Add or change a shift as the shop works it (e.g. the warehouse's): the same service as
``afterdesk roster shift`` (roster/shifts.py ``define``)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.services.core.actor import Actor
from app.services.roster import shifts
from app.services.roster.shifts import TEAM_LABELS, TEAMS, ShiftView
from app.views.kit.ops import translate
from app.views.scores.common import RecordDialog


class ShiftDialog(RecordDialog):
    def __init__(
        self, parent: QWidget | None, actor: Actor, known: dict[str, ShiftView] | None = None
    ) -> None:
        super().__init__(parent)
        self.actor = actor
        self.known = known or {}
        self.setWindowTitle(self.tr("Shifts"))
        self.setMinimumWidth(460)
        self.code = QComboBox(self)
        self.code.setEditable(True)  # a known code changes that shift; a new one adds it
        self.code.addItems(list(self.known))
        self.code.setEditText("")
        self.code.currentTextChanged.connect(self._chosen)
        self.team = QComboBox(self)
        for team in TEAMS:
            self.team.addItem(translate("RosterTeam", TEAM_LABELS[team]), team)
        self.name_zh, self.name_en = QLineEdit(self), QLineEdit(self)
        self.hours = QLineEdit(self)
        self.hours.setPlaceholderText("08:30-12:00, 13:00-17:30")
        note = QLabel(
            self.tr(
                "The rotation gives every team but customer service its first shift, e.g. the "
                "warehouse's once you add one. A code already in the list changes that shift."
            ),
            self,
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Team"), self.team)
        form.addRow(self.tr("Chinese name"), self.name_zh)
        form.addRow(self.tr("English name"), self.name_en)
        form.addRow(self.tr("Hours"), self.hours)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.save_cancel())

    def _chosen(self, code: str) -> None:
        shift = self.known.get(code)
        if shift is None:
            return
        self.team.setCurrentIndex(max(0, self.team.findData(shift.team)))
        self.name_zh.setText(shift.name_zh)
        self.name_en.setText(shift.name_en)
        self.hours.setText(shift.hours_text)

    def save(self) -> None:
        actor, code, team = self.actor, self.code.currentText(), str(self.team.currentData())
        zh, en, hours = self.name_zh.text(), self.name_en.text(), self.hours.text()
        self.record(
            lambda s: shifts.define(s, actor, code, team=team, name_zh=zh, name_en=en, hours=hours),
            "roster",
        )
