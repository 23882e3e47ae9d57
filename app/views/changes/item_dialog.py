"""The customer wants an item changed: another colour or size (颜色/尺码), or another SKU."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
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

from app.models import RequestKind
from app.models.errors import UserError
from app.services.changes import requests as changes
from app.services.changes import skus
from app.services.changes.skus import SkuChoice
from app.services.core.rows import ItemView, OrderDetail
from app.views.changes.change_dialog import ChangeDialog, Record
from app.views.kit.ops import Op, translate


class ItemChangeDialog(ChangeDialog):
    KIND = RequestKind.ATTRIBUTE

    def build_form(self, form: QFormLayout) -> None:
        self.setWindowTitle(
            self.tr("Change an item of order {order_no}").format(order_no=self.order.order_no)
        )
        self.item = QComboBox(self)
        for item in self.order.items:
            self.item.addItem(f"{item.sku} — {item.title}", item.sku)
        self.item.currentIndexChanged.connect(self._item_chosen)
        self.current = QLabel(self)
        self.current.setWordWrap(True)
        self.current.setStyleSheet("color: #555555;")

        self.attributes = QTableWidget(0, 2, self)
        self.attributes.setHorizontalHeaderLabels([self.tr("Attribute"), self.tr("Wanted")])
        self.attributes.verticalHeader().hide()
        self.attributes.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.attributes.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.attributes.setMinimumHeight(self.fontMetrics().height() * 7)
        self.add_row = QPushButton(self.tr("Add attribute"), self)
        self.add_row.clicked.connect(lambda: self._add_row("", ""))
        self.sku = QLineEdit(self)
        # the SKU the wanted attributes resolve to, asked from the shop's catalogue as they
        # are picked (the picker reads the SKU: it must say what the attributes say)
        self.sku_hint = QLabel(self)
        self.sku_hint.setWordWrap(True)
        self.sku_choice: SkuChoice | None = None
        self._asked = 0  # the latest question: an older answer that arrives late is dropped
        self._ask_timer = QTimer(self)
        self._ask_timer.setSingleShot(True)
        self._ask_timer.setInterval(250)  # one question per pause in typing
        self._ask_timer.timeout.connect(self.ask_sku)
        self.attributes.itemChanged.connect(lambda *_: self._ask_timer.start())
        sku_box = QWidget(self)
        sku_column = QVBoxLayout(sku_box)
        sku_column.setContentsMargins(0, 0, 0, 0)
        sku_column.addWidget(self.sku_hint)
        sku_column.addWidget(self.sku)
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.attributes)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Change a value, e.g. 尺码 39 → 40, 颜色 黑 → 灰."), self), 1)
        row.addWidget(self.add_row)
        column.addLayout(row)

        form.addRow(self.tr("Item"), self.item)
        form.addRow(self.tr("Bought"), self.current)
        form.addRow(self.tr("Wanted"), box)
        form.addRow(self.tr("SKU"), sku_box)
        self._item_chosen()

    def chosen(self) -> ItemView | None:
        sku = self.item.currentData()
        return next((i for i in self.order.items if i.sku == sku), None)

    def _item_chosen(self, *_args: object) -> None:
        """Start from the item as bought (a different item replaces what was typed)."""
        item = self.chosen()
        self.attributes.setRowCount(0)
        if item is None:
            return
        for key, value in item.attributes.items():
            self._add_row(key, value)
        self.sku.clear()
        self.sku.setPlaceholderText(self.tr("the SKU of the new item"))
        self.show_current(self.order)
        self.ask_sku()

    def ask_sku(self) -> None:
        """Ask the catalogue, off the GUI thread, which SKU the wanted attributes are."""
        self._ask_timer.stop()
        actor, order_no = self.actor, self.order.order_no
        item_sku, wanted = self.item.currentData() or "", self.wanted()
        self._asked += 1
        asked = self._asked
        self.sku_hint.setText(self.tr("Looking up the SKU…"))
        Op(
            self,
            lambda s: skus.proposal(s, actor, order_no, item_sku=item_sku, attributes=wanted),
        ).success(lambda found: self._sku_found(asked, found)).failure(
            lambda error: self._sku_unknown(asked, error)
        ).run()

    def done(self, result: int) -> None:
        self._ask_timer.stop()  # closed: nobody reads the answer
        super().done(result)

    def _sku_found(self, asked: int, found: SkuChoice) -> None:
        if asked != self._asked:
            return
        self.sku_choice = found
        if len(found.matches) == 1:
            text = self.tr("The item will carry SKU {sku}.").format(sku=found.matches[0])
        elif found.matches:
            text = self.tr("Several SKUs have these attributes: {skus}. Type the one to use.")
            text = text.format(skus=", ".join(found.matches))
        elif found.known:
            text = self.tr("The shop has no SKU with these attributes: type the new item's SKU.")
        else:
            text = self.tr(
                "The shop's catalogue does not know this product: it keeps SKU {sku} unless"
                " you type another."
            ).format(sku=found.current)
        self.sku_hint.setText(text)
        self.sku.setHidden(len(found.matches) == 1)

    def _sku_unknown(self, asked: int, error: UserError) -> None:
        """A half-typed attribute cannot be looked up: say why, saving says it again."""
        if asked == self._asked:
            self.sku_choice = None
            self.sku_hint.setText(error.message(translate))
            self.sku.setHidden(False)

    def _add_row(self, key: str, value: str) -> None:
        row = self.attributes.rowCount()
        self.attributes.insertRow(row)
        self.attributes.setItem(row, 0, QTableWidgetItem(key))
        self.attributes.setItem(row, 1, QTableWidgetItem(value))

    def set_attribute(self, key: str, value: str) -> None:
        """Set one wanted value (a new row if the item has no such attribute yet)."""
        for row in range(self.attributes.rowCount()):
            if self._cell(row, 0) == key:
                self.attributes.item(row, 1).setText(value)
                return
        self._add_row(key, value)

    def _cell(self, row: int, column: int) -> str:
        cell = self.attributes.item(row, column)
        return cell.text().strip() if cell is not None else ""

    def wanted(self) -> dict[str, str]:
        rows = ((self._cell(r, 0), self._cell(r, 1)) for r in range(self.attributes.rowCount()))
        return {key: value for key, value in rows if key or value}

    def show_current(self, order: OrderDetail) -> None:
        item = next((i for i in order.items if i.sku == self.item.currentData()), None)
        if item is not None:
            self.current.setText(f"{item.sku}  {item.attribute_text}  ×{item.quantity}")

    def record(self) -> Record:
        actor, order_no = self.actor, self.order.order_no
        sku, wanted = self.item.currentData() or "", self.wanted()
        new_sku = "" if self.sku.isHidden() else self.sku.text()  # hidden: the catalogue's
        return lambda s, **kw: changes.request_attribute(
            s, actor, order_no, item_sku=sku, attributes=wanted, new_sku=new_sku or None, **kw
        )
