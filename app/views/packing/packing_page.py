"""The packing desk (打包贴单): scan the dispatch note, scan each item, scan the label.

The scanner types into one box that keeps the keyboard. What a scan means depends on where
the parcel is: with no order on the desk (or the last one packed) it is a dispatch note's
order barcode; while items are still to pack it is an item (``desk.check_item``, no
database: the tick is immediate); once every item is checked it is the label's waybill
number, and the order is packed in one write (``desk.pack``, which checks everything again).
A refusal is shown in red and beeps; the rules are the service's (docs/packing.md).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models import SpecialKind
from app.models.errors import UserError
from app.models.formats import short_time
from app.services.core.actor import Actor
from app.services.core.events import ChangeEvent
from app.services.packing import desk
from app.views.kit.desk import bigger, status_style
from app.views.kit.labels import special_label
from app.views.kit.ops import Op, hub, translate

DONE_COLOUR = QColor("#e6f4ea")


class PackingPage(QWidget):
    order_shown = Signal(object)
    """A dispatch note's order (``desk.DeskOrder``) is on the desk, with what stops it."""

    item_checked = Signal(object)
    """An item scan or hand tick was checked: a ``desk.Tick``, or the refusal (``UserError``)."""

    order_packed = Signal(object)
    """The order was packed (``desk.Packed``): the next scan is the next dispatch note."""

    refused = Signal(str)
    """A scan was refused; the message as shown (red, with a beep)."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor = actor
        self.order: desk.DeskOrder | None = None
        self.ticked: dict[int, int] = {}
        self.scans: list[str] = []
        self.hand: dict[int, int] = {}
        self.packed = False
        self._asked = 0
        self.setWindowTitle(self.tr("Packing desk"))
        title = QLabel(self.windowTitle())
        bigger(title, 1.3, bold=True)
        hint = QLabel(
            self.tr(
                "Scan the dispatch note's order barcode, then each item, then the waybill "
                "number on the shipping label."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555555;")

        self.scan_box = QLineEdit()
        self.scan_box.setPlaceholderText(self.tr("Scan here"))
        bigger(self.scan_box, 1.8)
        self.scan_box.setMinimumHeight(48)
        self.scan_box.returnPressed.connect(self.run_scan)
        self.next_button = QPushButton(self.tr("Put this order aside"))
        self.next_button.setMinimumHeight(48)
        self.next_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.next_button.clicked.connect(self.clear)
        row = QHBoxLayout()
        row.addWidget(self.scan_box, 1)
        row.addWidget(self.next_button)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setMargin(8)
        bigger(self.status, 1.5, bold=True)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        bigger(self.heading, 1.4, bold=True)

        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("SKU"),
                self.tr("Item"),
                self.tr("Size / colour"),
                self.tr("Qty"),
                self.tr("Still to pack"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setTabKeyNavigation(False)
        bigger(self.table, 1.4)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (0, 2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.cellDoubleClicked.connect(lambda r, _c: self.tick_by_hand(r))

        self.hand_button = QPushButton(self.tr("Tick the chosen item by hand"))
        self.hand_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hand_button.clicked.connect(lambda: self.tick_by_hand(self.table.currentRow()))
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        bigger(self.notes, 1.2)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hand_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.notes)
        hub().changes_seen.connect(self._changes_seen)
        self.clear()

    # -- the scan box ------------------------------------------------------------------------------
    def focus_scan(self) -> None:
        self.scan_box.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        self.focus_scan()

    def scan(self, code: str) -> None:
        """As if scanned (tests, benchmarks): type the code and press Enter."""
        self.scan_box.setText(code)
        self.run_scan()

    def run_scan(self) -> None:
        code = self.scan_box.text().strip()
        self.scan_box.clear()  # the scanner's next code must not be appended to this one
        self.focus_scan()
        if not code:
            return
        order = self.order
        if order is None or self.packed or order.stops:
            self.look_up(code)
        elif desk.remaining(order, self.ticked):
            self.check_item(code)
        else:
            self.pack(code)

    # -- the dispatch note -------------------------------------------------------------------------
    def look_up(self, code: str) -> None:
        self._asked += 1
        asked = self._asked
        Op(self, lambda s: desk.scan_order(s, self.actor, code)).success(
            lambda found: self._show_order(found, asked)
        ).failure(self._refuse).finally_(self.focus_scan).run()

    def _show_order(self, order: desk.DeskOrder, asked: int) -> None:
        if asked != self._asked:  # a later scan was asked for meanwhile
            return
        self.order, self.ticked, self.scans, self.hand, self.packed = order, {}, [], {}, False
        self._fill()
        if order.stops:
            self._refuse(order.stops[0], *order.stops[1:])
        else:
            self._say("next", self._next_step())
        self.order_shown.emit(order)

    def _fill(self) -> None:
        order = self.order
        if order is None:
            self.heading.clear()
            self.table.setRowCount(0)
            self.notes.clear()
            self.hand_button.setEnabled(False)
            return
        if order.case_no:
            heading = self.tr("Exchange {case_no} for order {order_no} · {shop}").format(
                case_no=order.case_no, order_no=order.order_no, shop=order.shop
            )
        else:
            heading = self.tr("Order {order_no} · {shop}").format(
                order_no=order.order_no, shop=order.shop
            )
        waybill = order.tracking_no or self.tr("no waybill number yet")
        self.heading.setText(f"{heading} · {order.courier} {waybill}".strip())
        self.table.setRowCount(len(order.lines))
        for row, line in enumerate(order.lines):
            self._fill_row(row, line)
        lines = [f"★ {special_label(SpecialKind(kind))}: {text}" for kind, text in order.special]
        if order.buyer_message:
            lines.append(self.tr("Buyer message: {text}").format(text=order.buyer_message))
        lines += [f"🚩 {note}" for note in order.flagged_notes]
        self.notes.setText("\n".join(lines))
        self.hand_button.setVisible(order.by_hand)
        self.hand_button.setEnabled(order.by_hand and not order.stops)

    def _fill_row(self, row: int, line: desk.DeskLine) -> None:
        left = line.quantity - self.ticked.get(line.position, 0)
        cells = (
            line.sku,
            line.title,
            line.attribute_text,
            str(line.quantity),
            "✓" if left <= 0 else str(left),
        )
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column >= 3:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if left <= 0:
                item.setBackground(DONE_COLOUR)
            self.table.setItem(row, column, item)

    # -- the items ---------------------------------------------------------------------------------
    def check_item(self, code: str) -> None:
        assert self.order is not None
        try:
            tick = desk.check_item(self.order, self.ticked, code)
        except UserError as error:
            self._refuse(error)
            self.item_checked.emit(error)
            return
        self.scans.append(code)
        self._ticked(tick)

    def tick_by_hand(self, row: int) -> None:
        order = self.order
        if order is None or self.packed or not 0 <= row < len(order.lines):
            return
        try:
            tick = desk.tick_by_hand(order, self.ticked, order.lines[row].position)
        except UserError as error:
            self._refuse(error)
            self.item_checked.emit(error)
            return
        self.hand[tick.position] = self.hand.get(tick.position, 0) + 1
        self._ticked(tick)
        self.focus_scan()

    def _ticked(self, tick: desk.Tick) -> None:
        assert self.order is not None
        self.ticked[tick.position] = self.ticked.get(tick.position, 0) + 1
        row = next(i for i, x in enumerate(self.order.lines) if x.position == tick.position)
        self._fill_row(row, tick.line)
        self.table.selectRow(row)
        self._say("ok" if tick.done else "next", self._next_step(tick))
        self.item_checked.emit(tick)

    def _next_step(self, tick: desk.Tick | None = None) -> str:
        assert self.order is not None
        said = ""
        if tick is not None:
            said = (
                self.tr("✓ {title} {attributes}: {left} more to pack.").format(
                    title=tick.line.title, attributes=tick.line.attribute_text, left=tick.left
                )
                + " "
            )
        if not desk.remaining(self.order, self.ticked):
            return said + self.tr("Every item is checked: scan the waybill number on the label.")
        if self.order.by_hand:
            return said + self.tr("Scan each item, or tick it by hand.")
        return said + self.tr("Scan each item.")

    # -- the label: packed -------------------------------------------------------------------------
    def pack(self, waybill: str) -> None:
        order = self.order
        assert order is not None
        scans, hand = list(self.scans), dict(self.hand)
        Op(
            self,
            lambda s: desk.pack(
                s,
                self.actor,
                order.ref,
                items=scans,
                by_hand=hand,
                waybill=waybill,
                expected_version=order.version,
            ),
            write=True,
        ).success(self._packed).failure(self._refuse).finally_(self.focus_scan).run()

    def _packed(self, done: desk.Packed) -> None:
        self.packed = True
        self.hand_button.setEnabled(False)
        self._say(
            "ok",
            self.tr(
                "Packed: {number}, waybill {waybill}, by {name} at {time}. Scan the next "
                "dispatch note."
            ).format(
                number=done.case_no or done.order_no,
                waybill=done.waybill,
                name=done.packed_by,
                time=short_time(done.packed_at),
            ),
        )
        self.order_packed.emit(done)

    def clear(self) -> None:
        """Nothing on the desk: the next scan is a dispatch note."""
        self._asked += 1
        self.order, self.ticked, self.scans, self.hand, self.packed = None, {}, [], {}, False
        self._fill()
        self._say("idle", self.tr("Scan the order barcode on the dispatch note."))
        self.focus_scan()

    # -- messages --------------------------------------------------------------------------------
    def _say(self, kind: str, text: str) -> None:
        self.status.setStyleSheet(status_style(kind))
        self.status.setText(text)

    def _refuse(self, error: UserError, *more: UserError) -> None:
        text = "\n".join(e.message(translate) for e in (error, *more))
        self._say("refused", text)
        QApplication.beep()
        self.refused.emit(text)

    def _changes_seen(self, events: list[ChangeEvent]) -> None:
        """The order on the desk changed at another desk (a change request, a reprint): read
        it again, so what stops it shows before the parcel is closed."""
        order = self.order
        if order is None or self.packed:
            return
        if any(e.entity == "order" and e.key == order.order_no for e in events):
            ticked, scans, hand = self.ticked, self.scans, self.hand
            self._asked += 1
            asked = self._asked

            def again(found: desk.DeskOrder) -> None:
                if asked != self._asked:
                    return
                same = found.lines == order.lines
                self._show_order(found, asked)
                if same and not found.stops:  # the ticks still count
                    self.ticked, self.scans, self.hand = ticked, scans, hand
                    self._fill()
                    self._say("next", self._next_step())

            Op(self, lambda s: desk.scan_order(s, self.actor, order.ref)).success(again).run()
