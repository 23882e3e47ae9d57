"""The after-sales cases of one order, on its panel: each case, its state and its last step.

Double-clicking a case opens it; after-sales staff open a new case on the order from here.
The steps of every case also join the order's timeline (see ``case_steps_for_timeline``).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.cases.rows import CaseDetail
from app.services.core.actor import Actor
from app.services.core.capabilities import Action, may
from app.views.cases.case_labels import case_state_label, case_type_label, timeline_label
from app.views.complaints.dispute_dialog import DisputeDialog
from app.views.kit.labels import when
from app.views.kit.widgets import show_if


def case_steps_for_timeline(found: list[CaseDetail]) -> list[tuple[datetime, str]]:
    """Every step of the order's cases as (when, text) for the order's timeline."""
    steps = []
    for case in found:
        for entry in case.timeline:
            text = QCoreApplication.translate(
                "OrderCasesBox", "After-sales {case_no}: {step} — {who} {at}"
            ).format(
                case_no=case.case_no,
                step=timeline_label(entry.action),
                who=entry.who,
                at=when(entry.at),
            )
            steps.append((entry.at, text))
    return steps


class OrderCasesBox(QGroupBox):
    case_requested = Signal(str)
    """Open this case (its number)."""

    open_case_requested = Signal(str)
    """After-sales wants to open a new case on this order (its number)."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("After-sales cases (售后单)"), parent)
        self.actor = actor
        self.order_no = ""
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.itemActivated.connect(self._activated)
        self.list.setMaximumHeight(110)
        self.empty = QLabel(self.tr("No after-sales case on this order."))
        self.empty.setStyleSheet("color: #555555;")
        self.open_button = QPushButton(self.tr("Open after-sales case…"), self)
        self.open_button.clicked.connect(lambda: self.open_case_requested.emit(self.order_no))
        show_if(self.open_button, may(Action.CASE_OPEN, actor))
        # a dispute on the platform (维权) is marked on the order or one of its cases
        self.dispute_button = QPushButton(self.tr("Dispute…"), self)
        self.dispute_button.clicked.connect(self.open_dispute)
        show_if(self.dispute_button, may(Action.DISPUTE_READ, actor))
        row = QHBoxLayout()
        row.addWidget(self.empty, 1)
        row.addWidget(self.dispute_button)
        row.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(row)

    def show_cases(self, order_no: str, found: list[CaseDetail]) -> None:
        self.order_no = order_no
        self.list.clear()
        for case in reversed(found):  # newest first
            last = case.timeline[-1] if case.timeline else None
            kind, state = case_type_label(case.type), case_state_label(case.state)
            text = f"{case.case_no}  ·  {kind}  ·  {state}"
            if last is not None:
                text += "  —  " + self.tr("{step}, {who} {at}").format(
                    step=timeline_label(last.action), who=last.who, at=when(last.at)
                )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, case.case_no)
            item.setToolTip(self.tr("Double-click to open the case"))
            self.list.addItem(item)
        self.list.setVisible(bool(found))
        self.empty.setVisible(not found)

    def case_numbers(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def open_dispute(self) -> DisputeDialog | None:
        """The dispute dialog of the selected case, else of the order."""
        if not self.order_no:
            return None
        item = self.list.currentItem()
        ref = item.data(Qt.ItemDataRole.UserRole) if item is not None else self.order_no
        dialog = DisputeDialog(self, self.actor, ref)
        dialog.show()
        return dialog

    def _activated(self, item: QListWidgetItem) -> None:
        self.case_requested.emit(item.data(Qt.ItemDataRole.UserRole))
