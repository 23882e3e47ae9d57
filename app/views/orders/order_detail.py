"""One order in full: items, recipient, stage, courier, notes, change requests, cases.

Pre-sales records a customer's change or cancellation from here (the buttons open the
request dialogs, enabled by the services' rules); the order's requests show below.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStackedLayout,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.models import RequestKind
from app.services.cases import opening as cases
from app.services.cases.rows import CaseDetail
from app.services.changes import requests as changes
from app.services.changes.requests import RequestView
from app.services.core.actor import Actor
from app.services.core.events import ChangeEvent
from app.services.core.rows import NoteView, OrderDetail
from app.services.orders import lookup as orders
from app.views.changes.address_dialog import AddressDialog
from app.views.changes.change_dialog import CancelDialog, ChangeDialog, button_text, why_not
from app.views.changes.item_dialog import ItemChangeDialog
from app.views.changes.special_dialog import SpecialRequestDialog
from app.views.kit.labels import FLAG_RED, flag_icon, stage_label, when
from app.views.kit.ops import Op, hub
from app.views.orders.note_dialog import AddNoteDialog
from app.views.orders.order_cases import OrderCasesBox, case_steps_for_timeline
from app.views.orders.order_requests import OrderRequestsBox

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
DIALOGS: dict[RequestKind, type[ChangeDialog]] = {
    RequestKind.ADDRESS: AddressDialog,
    RequestKind.ATTRIBUTE: ItemChangeDialog,
    RequestKind.SPECIAL: SpecialRequestDialog,
    RequestKind.CANCEL: CancelDialog,
}
OVERDUE_CHECK_MS = 30_000
CASE_STEP_COLOUR = QColor("#1a4fa0")
Loaded = tuple[OrderDetail, list[RequestView], int, list[CaseDetail]]


def _value() -> QLabel:
    label = QLabel()
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class OrderDetailPanel(QWidget):
    order_shown = Signal(str)
    """An order's details were loaded and are on screen (the argument is its number)."""

    case_requested = Signal(str)
    """Open this after-sales case (its number)."""

    open_case_requested = Signal(str)
    """Open a new after-sales case on this order (its number)."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor = actor
        self.order: OrderDetail | None = None

        self.empty = QLabel(self.tr("Search for an order or pick one from the list."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: palette(mid);")

        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stage = QLabel()
        self.stage.setStyleSheet(
            "QLabel { background: #e8f0fe; color: #1a4fa0; border-radius: 8px; padding: 2px 10px; }"
        )
        self.flag = QLabel()
        self.flag.setPixmap(flag_icon().pixmap(20, 20))
        self.flag.setToolTip(self.tr("This order has a red-flag (红旗) note"))
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.stage)
        header.addWidget(self.flag)
        header.addStretch(1)

        # the customer's requests (docs/domain.md rule 2); enabled from the services' rules
        self.change_buttons: dict[RequestKind, QPushButton] = {}
        change_row = QHBoxLayout()
        for kind in RequestKind:
            button = QPushButton(button_text(kind))
            button.clicked.connect(lambda _=False, kind=kind: self.ask_change(kind))
            self.change_buttons[kind] = button
            change_row.addWidget(button)
        change_row.addStretch(1)
        self.requests = OrderRequestsBox(actor)
        self.cases = OrderCasesBox(actor)
        self.cases.case_requested.connect(self.case_requested)
        self.cases.open_case_requested.connect(self.open_case_requested)
        self.overdue_timer = QTimer(self)
        self.overdue_timer.timeout.connect(lambda: self.requests.show_overdue())
        self.overdue_timer.start(OVERDUE_CHECK_MS)

        self.fields = {
            key: _value()
            for key in ("shop", "buyer", "paid", "courier", "tracking", "total", "updated")
        }
        self.recipient = {key: _value() for key in ("name", "phone", "address", "postcode")}
        self.message = _value()

        order_box = QGroupBox(self.tr("Order"))
        form = QFormLayout(order_box)
        form.addRow(self.tr("Shop"), self.fields["shop"])
        form.addRow(self.tr("Buyer"), self.fields["buyer"])
        form.addRow(self.tr("Paid at"), self.fields["paid"])
        form.addRow(self.tr("Courier"), self.fields["courier"])
        form.addRow(self.tr("Tracking no."), self.fields["tracking"])
        form.addRow(self.tr("Total"), self.fields["total"])
        form.addRow(self.tr("Last changed"), self.fields["updated"])

        to_box = QGroupBox(self.tr("Recipient"))
        form = QFormLayout(to_box)
        form.addRow(self.tr("Name"), self.recipient["name"])
        form.addRow(self.tr("Phone"), self.recipient["phone"])
        form.addRow(self.tr("Address"), self.recipient["address"])
        form.addRow(self.tr("Postcode"), self.recipient["postcode"])
        form.addRow(self.tr("Buyer message"), self.message)
        boxes = QHBoxLayout()
        boxes.addWidget(order_box, 1)
        boxes.addWidget(to_box, 1)

        self.items = QTableWidget(0, 5)
        self.items.setHorizontalHeaderLabels(
            [self.tr("SKU"), self.tr("Title"), self.tr("Attributes"), self.tr("Qty"),
             self.tr("Price")]
        )  # fmt: skip
        self.items.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items.verticalHeader().hide()
        self.items.setTabKeyNavigation(False)
        self.items.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        items_box = QGroupBox(self.tr("Items"))
        QVBoxLayout(items_box).addWidget(self.items)

        self.timeline = QListWidget()
        self.timeline.setWordWrap(True)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.add_note = QPushButton(self.tr("Add note…"))
        self.add_note.clicked.connect(self.ask_note)
        notes_box = QGroupBox(self.tr("Notes"))
        notes_layout = QVBoxLayout(notes_box)
        notes_layout.addWidget(self.timeline)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_note)
        notes_layout.addLayout(row)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addLayout(header)
        layout.addLayout(change_row)
        layout.addLayout(boxes)
        layout.addWidget(items_box)
        layout.addWidget(self.requests)
        layout.addWidget(self.cases)
        layout.addWidget(notes_box, 1)  # the timeline takes the room left
        self.scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)

        self.pages = QStackedLayout(self)
        self.pages.addWidget(self.empty)
        self.pages.addWidget(scroll)
        hub().data_changed.connect(self._data_changed)
        hub().changes_seen.connect(self._changes_seen)

    # -- loading ------------------------------------------------------------------------
    def load(self, order_no: str) -> None:
        actor = self.actor

        def read(s: Session) -> Loaded:
            detail, found = (
                orders.show(s, actor, order_no),
                changes.read_for_order(s, actor, order_no),
            )
            return detail, found, changes.overdue_minutes(s), cases.for_order(s, order_no)

        Op(self, read).success(self._loaded).run()

    def _loaded(self, found: Loaded) -> None:
        order, requests, minutes, order_cases = found
        self.requests.show_requests(requests, minutes)
        self.cases.show_cases(order.order_no, order_cases)
        self.show_order(order, order_cases)

    def reload(self) -> None:
        if self.order is not None:
            self.load(self.order.order_no)

    def _data_changed(self, _what: str) -> None:
        self.reload()

    def _changes_seen(self, events: list[ChangeEvent]) -> None:
        """Someone (maybe on another PC) changed this order: show it as it is now."""
        if self.order is not None and any(e.key == self.order.order_no for e in events):
            self.reload()

    def show_overdue(self, now: datetime) -> None:
        self.requests.show_overdue(now)

    def clear(self) -> None:
        self.order = None
        self.pages.setCurrentIndex(0)

    def shows(self, order_no: str) -> bool:
        return self.order is not None and self.order.order_no == order_no

    def show_order(self, order: OrderDetail, order_cases: list[CaseDetail] | None = None) -> None:
        if not self.shows(order.order_no):  # another order starts at its number and buttons
            self.scroll.verticalScrollBar().setValue(0)
        self.order = order
        self.title.setText(order.order_no)
        self.stage.setText(stage_label(order.stage))
        self.flag.setVisible(order.flagged)
        self.fields["shop"].setText(order.shop)
        self.fields["buyer"].setText(order.buyer_id)
        self.fields["paid"].setText(when(order.paid_at))
        self.fields["courier"].setText(order.courier or "—")
        self.fields["tracking"].setText(order.tracking_no or "—")
        self.fields["total"].setText(f"¥ {order.total:.2f}")
        self.fields["updated"].setText(f"{when(order.updated_at)} {order.updated_by or ''}".strip())
        r = order.recipient
        self.recipient["name"].setText(r.name)
        self.recipient["phone"].setText(r.phone)
        self.recipient["address"].setText(f"{r.province} {r.city} {r.district} {r.street}")
        self.recipient["postcode"].setText(r.postcode)
        self.message.setText(order.buyer_message or "—")
        self._fill_items(order)
        self._fill_timeline(order.notes, case_steps_for_timeline(order_cases or []))
        for kind, button in self.change_buttons.items():
            why = why_not(kind, order, self.actor)
            button.setEnabled(why is None)
            button.setToolTip(why or "")
        self.pages.setCurrentIndex(1)
        self.order_shown.emit(order.order_no)

    def _fill_items(self, order: OrderDetail) -> None:
        self.items.setRowCount(len(order.items))
        for row, item in enumerate(order.items):
            cells = [item.sku, item.title, item.attribute_text, str(item.quantity),
                     f"{item.price:.2f}"]  # fmt: skip
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column >= 3:  # numbers
                    cell.setTextAlignment(RIGHT)
                self.items.setItem(row, column, cell)
        self.items.resizeColumnsToContents()
        self.items.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        height = self.items.horizontalHeader().height() + 4
        height += sum(self.items.rowHeight(i) for i in range(len(order.items)))
        self.items.setFixedHeight(min(height, 240))

    def _fill_timeline(
        self, notes: tuple[NoteView, ...], case_steps: list[tuple[datetime, str]]
    ) -> None:
        """Notes and the steps of the order's cases, in the order they happened."""
        self.timeline.clear()
        if not notes:
            self.timeline.addItem(self.tr("No notes yet."))
        steps = sorted(case_steps)
        for note in notes:
            while steps and steps[0][0] <= note.created_at:
                self._add_case_step(steps.pop(0)[1])
            text = f"#{note.id}  {note.display}"
            if note.corrects_id is not None:
                text += "\n" + self.tr("(corrects note #{id})").format(id=note.corrects_id)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, note.id)
            if note.flagged:
                item.setIcon(flag_icon())
                item.setForeground(QBrush(FLAG_RED))
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
                item.setToolTip(self.tr("Red flag (红旗): for the order printer's attention"))
            self.timeline.addItem(item)
        for _, text in steps:
            self._add_case_step(text)
        self.timeline.scrollToBottom()

    def _add_case_step(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setForeground(QBrush(CASE_STEP_COLOUR))
        self.timeline.addItem(item)

    def timeline_texts(self) -> list[str]:
        return [self.timeline.item(i).text() for i in range(self.timeline.count())]

    # -- actions --------------------------------------------------------------------------
    def ask_note(self) -> None:
        if self.order is None:
            return
        # a saved note emits data_changed, which reloads this panel (and any other screen)
        AddNoteDialog.ask(self, self.actor, self.order)

    def ask_change(self, kind: RequestKind) -> RequestView | None:
        """Open the request dialog for this kind; a saved request reloads the panel."""
        if self.order is None:
            return None
        return DIALOGS[kind].ask(self, self.actor, self.order)
