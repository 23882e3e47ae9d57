"""The request queue (the seed's 订单跟踪 channel) and the asker's own requests.

The order printer sees every open request, urgent first, and marks each done; the
person who asked sees theirs, waiting, open or done, so they know it was done. Both
reload when a request changes anywhere and re-evaluate "overdue" as time passes.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.models import RequestState
from app.services.changes import requests as changes
from app.services.changes.requests import RequestView
from app.services.core.actor import Actor
from app.services.core.events import ChangeEvent
from app.services.roster import duty
from app.services.roster.duty import PrinterDuty
from app.views.changes.request_actions import buttons_for, stamps
from app.views.changes.request_model import RequestQueueModel
from app.views.kit.labels import path_label
from app.views.kit.ops import Op, Reloads, hub
from app.views.kit.widgets import row_table
from app.views.scores.duty_text import of_duties, on_duty_text

OVERDUE_CHECK_MS = 30_000


def printer_queue(session: Session) -> tuple[list[RequestView], int]:
    return changes.queue(session, states=(RequestState.OPEN,)), changes.overdue_minutes(session)


def my_requests(session: Session, user_id: int) -> tuple[list[RequestView], int]:
    return changes.requests_of(session, user_id), changes.overdue_minutes(session)


class RequestsPage(QWidget):
    requests_loaded = Signal(int)
    """The list was (re)loaded (the argument is how many requests it shows)."""

    printers_loaded = Signal()
    """Who is on shift at the printer's desk was read (``printers_on_duty``)."""

    order_requested = Signal(str)
    """The user asked to see a request's order (double click); the argument is its number."""

    def __init__(self, actor: Actor, *, mine: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reloads = Reloads()  # a list's reloads: only the newest one's answer is shown
        self.duty_reloads = Reloads()
        self.actor, self.mine = actor, mine
        self.setWindowTitle(self.tr("My requests") if mine else self.tr("Request queue"))
        title = QLabel(self.windowTitle())
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        about = QLabel(
            self.tr(
                "The changes and cancellations you recorded, and whether the order printer "
                "has done them. Amber: open too long."
            )
            if mine
            else self.tr(
                "Customers' changes and cancellations to carry out, urgent first. Mark each "
                "one done when it is; the person who asked sees it. Amber: open too long."
            )
        )
        about.setWordWrap(True)
        # the order printers on shift now (the duty roster): who the requests are handed to
        self.printers_on_duty = QLabel()
        self.printers_on_duty.setWordWrap(True)
        self.printers_on_duty.hide()
        self.status = QLabel()
        self.status.setStyleSheet("color: #555555;")
        self.refresh = QPushButton(self.tr("Refresh"))
        self.refresh.clicked.connect(self.reload)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.status)
        top.addWidget(self.refresh)

        self.model = RequestQueueModel(self)
        self.table = row_table(self.model, (160, 150, 420, 170, 130, 150, 200), stretch=2)
        if not mine:  # the printer's queue holds open requests only
            for name in ("state", "done"):
                self.table.hideColumn(RequestQueueModel.COLUMNS.index(name))
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.table.doubleClicked.connect(self._double_clicked)

        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(self.fontMetrics().height() * 4)
        self.actions = QHBoxLayout()
        self.action_buttons: list[QPushButton] = []
        bottom = QHBoxLayout()
        bottom.addWidget(self.detail, 1)
        bottom.addLayout(self.actions)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(about)
        layout.addWidget(self.printers_on_duty)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self.overdue_timer = QTimer(self)
        self.overdue_timer.timeout.connect(lambda: self.show_overdue())
        self.overdue_timer.start(OVERDUE_CHECK_MS)
        hub().data_changed.connect(self._data_changed)
        hub().changes_seen.connect(self._changes_seen)
        self._selected_id: int | None = None
        self.reload()

    # -- loading -----------------------------------------------------------------------------
    def reload(self) -> None:
        user_id = self.actor.user_id
        read = (lambda s: my_requests(s, user_id)) if self.mine else printer_queue
        Op(self, read).newest(self.reloads).success(self._loaded).run()
        Op(self, duty.printers_now).newest(self.duty_reloads).success(self._show_printers).run()

    def _show_printers(self, printers: PrinterDuty) -> None:
        if printers.missing:
            self.printers_on_duty.setText(
                QCoreApplication.translate("ChangeDialog", duty.PRINTER_AWAY)
            )
        else:
            self.printers_on_duty.setText(on_duty_text(of_duties(printers.printers)))
        self.printers_on_duty.setVisible(printers.rostered)
        self.printers_loaded.emit()

    def _loaded(self, found: tuple[list[RequestView], int]) -> None:
        rows, minutes = found
        keep = self._selected_id
        self.model.set_requests(rows, minutes)
        row = self.model.row_of(keep) if keep is not None else None
        if row is not None:
            self.table.selectRow(row)
        else:
            self._show_selected(None)
        self._update_status()
        self.requests_loaded.emit(len(rows))

    def _update_status(self) -> None:
        open_ = sum(
            1
            for i in range(self.model.rowCount())
            if (r := self.model.request_at(i)) and r.state is RequestState.OPEN
        )
        self.status.setText(
            self.tr("Open: {open} · overdue: {overdue}").format(
                open=open_, overdue=len(self.model.overdue_ids())
            )
        )

    def show_overdue(self, now: datetime | None = None) -> None:
        """Re-evaluate the overdue highlight at ``now`` (default: the clock)."""
        self.model.set_now(now or datetime.now(UTC))
        self._update_status()

    def _data_changed(self, _what: str) -> None:
        self.reload()

    def _changes_seen(self, events: list[ChangeEvent]) -> None:
        if any(e.action.startswith("request.") for e in events):
            self.reload()

    # -- the chosen request --------------------------------------------------------------------
    def selected(self) -> RequestView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.request_at(rows[0].row()) if rows else None

    def select_request(self, request_id: int) -> None:
        """Choose a request: at once when it is listed, else once the list is read again (a
        task's Open, on a queue just opened or read before the request came)."""
        self._selected_id = request_id
        row = self.model.row_of(request_id)
        if row is None:
            self.reload()
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))

    def _selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self._show_selected(self.selected())

    def _show_selected(self, view: RequestView | None) -> None:
        self._selected_id = view.id if view is not None else None
        for button in self.action_buttons:
            self.actions.removeWidget(button)
            button.deleteLater()
        self.action_buttons = []
        if view is None:
            self.detail.setText(self.tr("Choose a request to see what it asks."))
            return
        self.detail.setText(
            f"{view.order_no}: {view.summary}\n{path_label(view.path)}\n{stamps(view)}"
        )
        self.action_buttons = buttons_for(self, self.actor, view)
        for button in self.action_buttons:
            self.actions.addWidget(button)

    def button(self, to: RequestState) -> QPushButton | None:
        """The action button that moves the chosen request to ``to``, if offered."""
        return next(
            (b for b in self.action_buttons if b.property("request_action") == to.value), None
        )

    def _double_clicked(self, index: object) -> None:
        view = self.selected()
        if view is not None:
            self.order_requested.emit(view.order_no)
