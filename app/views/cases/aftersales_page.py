"""After-sales' page (售后): what pre-sales handed over, opening cases, and the register.

Orders pre-sales handed over after shipping (a change or a cancel that came too late)
wait at the top with their request until a case takes them up. Opening a case and
showing one are the main window's business: the page only says which order or case
(``open_case_requested``, ``case_requested``), so it does not depend on those dialogs.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.models import CaseState
from app.services.cases import handovers as case_handovers
from app.services.changes.requests import RequestView
from app.services.core.actor import Actor
from app.services.core.events import ChangeEvent
from app.views.cases.register_page import RegisterPage
from app.views.kit.labels import kind_label, when
from app.views.kit.ops import Op, Reloads, hub
from app.views.kit.table_model import RowsTableModel
from app.views.kit.widgets import row_table


class HandedOverModel(RowsTableModel):
    """Requests pre-sales handed to after-sales, one row each."""

    COLUMNS = ("order_no", "kind", "summary", "requested_by", "requested_at")

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Order no."),
            self.tr("Request"),
            self.tr("What the customer asked"),
            self.tr("Handed over by"),
            self.tr("Asked"),
        )

    def request_at(self, row: int) -> RequestView | None:
        return self.row_at(row)

    def text(self, view: RequestView, column: str) -> str:
        match column:
            case "order_no":
                return view.order_no
            case "kind":
                return kind_label(view.kind)
            case "summary":
                return view.summary
            case "requested_by":
                return view.confirmed_by or view.requested_by
            case _:
                return when(view.requested_at)

    def extra(self, view: RequestView, column: str, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.text(view, column)
        if role == Qt.ItemDataRole.UserRole:
            return view.order_no
        return None


class AftersalesPage(QWidget):
    open_case_requested = Signal(str)
    """The person wants to open a new case; the argument is the order number ("" to ask)."""

    case_requested = Signal(str)
    """The person wants to see an existing case; the argument is its number."""

    handed_over_loaded = Signal(int)
    """The list of handed-over orders was (re)loaded (the argument is how many)."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reloads = Reloads()  # a list's reloads: only the newest one's answer is shown
        self.actor = actor
        self.setWindowTitle(self.tr("After-sales"))
        title = QLabel(self.tr("After-sales (售后)"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        self.open_button = QPushButton(self.tr("Open case…"))
        self.open_button.setToolTip(self.tr("Register a return, exchange, recall or complaint"))
        self.open_button.clicked.connect(lambda: self.open_case_requested.emit(""))
        self.unannounced_button = QPushButton(self.tr("Unannounced parcels"))
        self.unannounced_button.setCheckable(True)
        self.unannounced_button.setToolTip(
            self.tr("Parcels the warehouse received without a case, to follow up")
        )
        self.unannounced_button.toggled.connect(self._unannounced_toggled)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.reload)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.unannounced_button)
        top.addWidget(self.open_button)
        top.addWidget(self.refresh_button)

        self.handed_model = HandedOverModel(self)
        self.handed_table = row_table(self.handed_model, (170, 110, 420, 120, 130), stretch=2)
        self.handed_table.selectionModel().selectionChanged.connect(self._handed_selected)
        self.handed_table.doubleClicked.connect(lambda _i: self.open_handed_over())
        self.take_button = QPushButton(self.tr("Open case"))
        self.take_button.setToolTip(self.tr("Open a case on the chosen order, with its request"))
        self.take_button.setEnabled(False)
        self.take_button.clicked.connect(self.open_handed_over)
        self.handed_empty = QLabel(self.tr("Nothing handed over is waiting."))
        self.handed_empty.setStyleSheet("color: #555555;")
        beside = QVBoxLayout()
        beside.addWidget(self.take_button)
        beside.addStretch(1)
        self.handed_box = QGroupBox(self.tr("Handed over by pre-sales"))
        handed = QHBoxLayout(self.handed_box)
        column = QVBoxLayout()
        column.addWidget(self.handed_empty)
        column.addWidget(self.handed_table, 1)
        handed.addLayout(column, 1)
        handed.addLayout(beside)

        self.register = RegisterPage(actor)
        self.register.case_requested.connect(self.case_requested)
        self.register.filter_bar.changed.connect(self._states_changed)
        register_box = QGroupBox(self.tr("Register (售后登记表)"))
        QVBoxLayout(register_box).addWidget(self.register)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.handed_box)
        self.splitter.addWidget(register_box)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([170, 600])  # the register is the main thing
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

        hub().data_changed.connect(self._data_changed)
        hub().changes_seen.connect(self._changes_seen)
        self.reload()

    # -- the handed-over orders ----------------------------------------------------------------
    def reload(self) -> None:
        Op(self, case_handovers.handed_over).newest(self.reloads).success(self._handed_loaded).run()

    def _handed_loaded(self, views: list[RequestView]) -> None:
        keep = self.selected_order()
        self.handed_model.set_rows(views)
        rows = [i for i, v in enumerate(views) if v.order_no == keep]
        if rows:
            self.handed_table.selectRow(rows[0])
        self._handed_selected()
        self.handed_empty.setVisible(not views)
        self.handed_box.setTitle(
            self.tr("Handed over by pre-sales ({count})").format(count=len(views))
        )
        self.handed_over_loaded.emit(len(views))

    def selected_order(self) -> str | None:
        rows = self.handed_table.selectionModel().selectedRows()
        view = self.handed_model.request_at(rows[0].row()) if rows else None
        return view.order_no if view is not None else None

    def _handed_selected(
        self, _new: QItemSelection | None = None, _old: QItemSelection | None = None
    ) -> None:
        self.take_button.setEnabled(self.selected_order() is not None)

    def open_handed_over(self) -> None:
        order_no = self.selected_order()
        if order_no:
            self.open_case_requested.emit(order_no)

    def _data_changed(self, what: str) -> None:
        if what in ("cases", "orders"):  # a case takes a request up; pre-sales hands one over
            self.reload()

    def _changes_seen(self, events: list[ChangeEvent]) -> None:
        if any(e.entity in ("case", "request", "order") for e in events):
            self.reload()

    # -- the quick filter --------------------------------------------------------------------------
    def _unannounced_toggled(self, on: bool) -> None:
        self.register.set_states((CaseState.UNANNOUNCED,) if on else ())

    def _states_changed(self) -> None:
        # the states menu changed by hand: the quick filter shows whether it still applies
        only = self.register.filter_bar.states.chosen() == (CaseState.UNANNOUNCED,)
        self.unannounced_button.blockSignals(True)
        self.unannounced_button.setChecked(only)
        self.unannounced_button.blockSignals(False)
