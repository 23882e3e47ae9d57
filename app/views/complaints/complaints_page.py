"""The Complaints page (after-sales and the supervisor): complaints overdue first, with
filters, and the disputes on the platforms by their deadline.

Loading first lets ``escalation.notice`` record the escalations whose deadline passed (the
first PC to look records them, once); lateness itself comes from the service's one "now".
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.db import Database
from app.models.formats import short_time
from app.services.complaints import disputes, escalation, queries, settings
from app.services.complaints.queries import ComplaintFilter
from app.services.complaints.rows import ComplaintView, DisputeView
from app.services.core.actor import Actor
from app.services.core.capabilities import Action, may
from app.services.core.events import ChangeEvent
from app.services.supervision import clock
from app.views.complaints.complaint_dialog import ComplaintDialog, NewComplaintDialog
from app.views.complaints.dispute_dialog import DisputeDialog
from app.views.complaints.labels import late_text
from app.views.kit.ops import Reloads, Task, hub, translate
from app.views.kit.widgets import show_if

LATE = QBrush(QColor("#b3261e"))


@dataclass(frozen=True)
class Loaded:
    complaints: list[ComplaintView]
    disputes: list[DisputeView]
    categories: list[str]


def load(db: Database, actor: Actor, filters: ComplaintFilter) -> Loaded:
    escalation.notice(db, actor)

    def read(s: Session) -> Loaded:
        now = clock.now(s)
        return Loaded(
            queries.page(s, now, filters),
            disputes.page(s, now, open_only=True),
            settings.categories(s),
        )

    return db.read(read)


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], late: list[bool]) -> None:
    table.setRowCount(len(rows))
    for r, (cells, is_late) in enumerate(zip(rows, late, strict=True)):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if is_late:
                item.setForeground(LATE)
            table.setItem(r, c, item)


class ComplaintsPage(QWidget):
    loaded = Signal()
    """The lists were (re)loaded and are on screen."""

    VIEWS = ("open", "overdue", "escalated", "all")

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reloads = Reloads()  # a list's reloads: only the newest one's answer is shown
        self.actor = actor
        self.rows: list[ComplaintView] = []
        self.dispute_rows: list[DisputeView] = []
        self.setWindowTitle(self.tr("Complaints"))
        self.show_filter = QComboBox()
        for key, text in zip(
            self.VIEWS,
            (self.tr("Not closed"), self.tr("Overdue"), self.tr("Escalated"), self.tr("All")),
            strict=True,
        ):
            self.show_filter.addItem(text, key)
        self.category = QComboBox()
        self.category.addItem(self.tr("All categories"), "")
        self.mine = QCheckBox(self.tr("Mine only"))
        self.new_button = QPushButton(self.tr("New complaint…"))
        show_if(self.new_button, may(Action.COMPLAINT_EDIT, actor))
        self.new_button.clicked.connect(self.new_complaint)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        for box in (self.show_filter, self.category):
            box.currentIndexChanged.connect(self.refresh)
        self.mine.toggled.connect(self.refresh)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Show")))
        bar.addWidget(self.show_filter)
        bar.addWidget(self.category)
        bar.addWidget(self.mine)
        bar.addStretch(1)
        bar.addWidget(refresh)
        bar.addWidget(self.new_button)

        self.table = _table(
            [
                self.tr("Complaint no."),
                self.tr("State"),
                self.tr("Priority"),
                self.tr("Category"),
                self.tr("Customer"),
                self.tr("Owner"),
                self.tr("Due"),
                self.tr("Time left"),
                self.tr("Escalated"),
            ]
        )
        self.table.doubleClicked.connect(lambda index: self.open_complaint(index.row()))
        self.disputes = _table(
            [
                self.tr("Dispute no."),
                self.tr("Platform"),
                self.tr("Case or order"),
                self.tr("Owner"),
                self.tr("Platform's deadline"),
                self.tr("Time left"),
            ]
        )
        self.disputes.doubleClicked.connect(lambda index: self.open_dispute(index.row()))
        top, bottom = QWidget(), QWidget()
        top_layout, bottom_layout = QVBoxLayout(top), QVBoxLayout(bottom)
        top_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(bar)
        top_layout.addWidget(self.table)
        bottom_layout.addWidget(QLabel(self.tr("Disputes on the platforms (维权中)")))
        bottom_layout.addWidget(self.disputes)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        hub().data_changed.connect(self._data_changed)
        hub().changes_seen.connect(self._changes_seen)
        self.refresh()

    def filters(self) -> ComplaintFilter:
        view = self.show_filter.currentData()
        return ComplaintFilter(
            open_only=view == "open",
            overdue_only=view == "overdue",
            escalated_only=view == "escalated",
            category=self.category.currentData() or None,
            owner=self.actor.display_name if self.mine.isChecked() else None,
        )

    def refresh(self) -> None:
        db, actor, filters = hub().db, self.actor, self.filters()
        if db is None:
            return
        Task(self, lambda: load(db, actor, filters)).newest(self.reloads).success(
            self._loaded
        ).run()

    def _loaded(self, found: Loaded) -> None:
        self.rows, self.dispute_rows = found.complaints, found.disputes
        if self.category.count() == 1:
            for name in found.categories:
                self.category.addItem(name, name)
        _fill(
            self.table,
            [
                [
                    c.complaint_no,
                    translate("ComplaintState", c.state.label),
                    translate("Priority", c.priority.label),
                    c.category,
                    c.customer,
                    c.owner,
                    short_time(c.due) if c.due else "",
                    late_text(c.due, c.now),
                    short_time(c.escalated_at) if c.escalated_at else "",
                ]
                for c in found.complaints
            ],
            [c.overdue for c in found.complaints],
        )
        _fill(
            self.disputes,
            [
                [
                    d.dispute_no,
                    d.platform,
                    d.case_no or d.order_no,
                    d.owner,
                    short_time(d.deadline),
                    late_text(d.deadline, d.now),
                ]
                for d in found.disputes
            ],
            [d.overdue for d in found.disputes],
        )
        self.loaded.emit()

    def numbers(self) -> list[str]:
        return [c.complaint_no for c in self.rows]

    def open_complaint(self, row: int) -> ComplaintDialog | None:
        if not 0 <= row < len(self.rows):
            return None
        dialog = ComplaintDialog(self, self.actor, self.rows[row].complaint_no)
        dialog.show()
        return dialog

    def open_dispute(self, row: int) -> DisputeDialog | None:
        if not 0 <= row < len(self.dispute_rows):
            return None
        d = self.dispute_rows[row]
        dialog = DisputeDialog(self, self.actor, d.case_no or d.order_no)
        dialog.show()
        return dialog

    def new_complaint(self) -> None:
        dialog = NewComplaintDialog(self, self.actor)
        if dialog.exec() and dialog.saved is not None:
            ComplaintDialog(self, self.actor, dialog.saved.complaint_no).show()

    def _data_changed(self, what: str) -> None:
        if what in ("complaints", "disputes"):
            self.refresh()

    def _changes_seen(self, events: list[ChangeEvent]) -> None:
        if any(e.entity in ("complaint", "dispute") for e in events):
            self.refresh()
