"""The score rules, for the administrator (Score sheet → Rules…): each rule's points, on or off.

The procedure's list per role is data (``score_rules``); what a rule is worth counts for the
entries and proposals recorded after the change (those already on a sheet keep theirs). Save
is one transaction through the same service as ``afterdesk score rule`` (``rules.edit``):
every change is audited, a refusal leaves every rule as it was.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSpinBox, QTableWidgetItem, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from app.models import Role
from app.services.core.actor import Actor
from app.services.scores import rules as score_rules
from app.services.scores.rules import RuleView
from app.views.kit.ops import Op, translate
from app.views.scores.common import RecordDialog, gui_language, table


class RulesDialog(RecordDialog):
    def __init__(self, parent: QWidget | None, actor: Actor) -> None:
        super().__init__(parent)
        self.actor = actor
        self.found: list[RuleView] = []
        self.setWindowTitle(self.tr("Score rules"))
        self.resize(860, 560)
        hint = QLabel(
            self.tr(
                "What each rule is worth counts for entries and proposals recorded from now "
                "on; a rule turned off is no longer proposed nor given by hand."
            ),
            self,
        )
        hint.setWordWrap(True)
        self.rules = table(
            self, [self.tr("Role"), self.tr("Rule"), self.tr("Points"), self.tr("On")]
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(hint)
        layout.addWidget(self.rules, 1)
        layout.addWidget(self.save_cancel())
        Op(self, score_rules.all_rules).success(self._loaded).run()

    def _loaded(self, found: list[RuleView]) -> None:
        self.found = found
        language = gui_language()
        self.rules.setRowCount(len(found))
        for row, rule in enumerate(found):
            role = translate("Role", Role(rule.role).label) if rule.role else self.tr("Anyone")
            self.rules.setItem(row, 0, QTableWidgetItem(role))
            title = QTableWidgetItem(rule.title(language))
            title.setToolTip(rule.code)
            self.rules.setItem(row, 1, title)
            points = QSpinBox(self.rules)
            points.setRange(-100, 100)
            points.setValue(rule.points)
            if rule.max_points is not None:
                points.setSuffix(self.tr(" (up to {top:+d})").format(top=rule.max_points))
            self.rules.setCellWidget(row, 2, points)
            on = QTableWidgetItem()
            on.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            on.setCheckState(Qt.CheckState.Checked if rule.active else Qt.CheckState.Unchecked)
            self.rules.setItem(row, 3, on)
        self.rules.resizeColumnsToContents()
        self.rules.setColumnWidth(1, min(self.rules.columnWidth(1), 480))

    def row_of(self, code: str) -> int:
        return next(i for i, r in enumerate(self.found) if r.code == code)

    def points_box(self, row: int) -> QSpinBox:
        box = self.rules.cellWidget(row, 2)
        assert isinstance(box, QSpinBox)
        return box

    def changes(self) -> list[tuple[str, int | None, bool | None]]:
        """(code, new points or None, on/off or None) for every rule changed in the table."""
        changed = []
        for row, rule in enumerate(self.found):
            points = self.points_box(row).value()
            item = self.rules.item(row, 3)
            active = item is not None and item.checkState() == Qt.CheckState.Checked
            if points != rule.points or active != rule.active:
                changed.append(
                    (
                        rule.code,
                        points if points != rule.points else None,
                        active if active != rule.active else None,
                    )
                )
        return changed

    def save(self) -> None:
        actor, changed = self.actor, self.changes()
        if not changed:
            self.accept()
            return

        def run(session: Session) -> list[RuleView]:
            return [
                score_rules.edit(session, actor, code, points=points, active=active)
                for code, points, active in changed
            ]

        self.record(run, "scores")
