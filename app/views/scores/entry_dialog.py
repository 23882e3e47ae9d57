"""Add a score entry by hand (what the records cannot see: attendance, attitude, good deeds)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.services.core.actor import Actor
from app.services.roster import people
from app.services.scores import entries
from app.services.scores import rules as score_rules
from app.services.scores.entries import EntryView
from app.services.scores.months import Month
from app.views.scores.common import RecordDialog, gui_language


class EntryDialog(RecordDialog):
    def __init__(
        self,
        parent: QWidget | None,
        actor: Actor,
        month: Month,
        staff: list[people.Person],
        rules: list[score_rules.RuleView],
    ) -> None:
        super().__init__(parent)
        self.actor, self.month = actor, month
        self.setWindowTitle(self.tr("Add a score entry — {month}").format(month=month))
        self.setMinimumWidth(520)
        self.person = QComboBox(self)
        for p in staff:
            self.person.addItem(f"{p.display_name} ({p.username})", p.username)
        language = gui_language()
        self.rule = QComboBox(self)
        for r in rules:
            if r.active:
                self.rule.addItem(f"{r.points:+d}  {r.title(language)}", r)
        self.points = QSpinBox(self)
        self.points.setRange(-100, 100)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("What happened, when"))
        self.order = QLineEdit(self)
        self.order.setPlaceholderText(self.tr("Order number (optional)"))
        form = QFormLayout()
        form.addRow(self.tr("Person"), self.person)
        form.addRow(self.tr("Rule"), self.rule)
        form.addRow(self.tr("Points"), self.points)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Evidence"), self.order)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.save_cancel())
        self.rule.currentIndexChanged.connect(self._rule_chosen)
        self._rule_chosen()

    def _rule_chosen(self, *_args: object) -> None:
        rule = self.rule.currentData()
        if rule is not None:
            self.points.setValue(rule.points)

    def save(self) -> None:
        rule = self.rule.currentData()
        actor, month, user = self.actor, self.month, self.person.currentData()
        points, reason, order_no = self.points.value(), self.reason.text(), self.order.text()
        if rule is None or user is None:
            return

        def run(session: Session) -> EntryView:
            return entries.add(
                session,
                actor,
                user,
                rule.code,
                reason,
                month=month,
                points=points,
                evidence_kind="order" if order_no.strip() else "",
                evidence_key=order_no,
            )

        self.record(run, "scores")
