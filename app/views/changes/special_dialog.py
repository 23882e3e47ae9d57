"""A special request: courier, invoice title (发票抬头), greeting card (贺卡), delivery time."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPlainTextEdit

from app.models import RequestKind, SpecialKind
from app.services.changes import requests as changes
from app.services.core.rows import OrderDetail
from app.views.changes.change_dialog import ChangeDialog, Record
from app.views.kit.labels import special_label


class SpecialRequestDialog(ChangeDialog):
    KIND = RequestKind.SPECIAL

    def build_form(self, form: QFormLayout) -> None:
        self.setWindowTitle(
            self.tr("Special request on order {order_no}").format(order_no=self.order.order_no)
        )
        self.special = QComboBox(self)
        for kind in SpecialKind:
            self.special.addItem(special_label(kind), kind.value)
        self.special.currentIndexChanged.connect(self._kind_chosen)
        self.current = QLabel(self)
        self.current.setWordWrap(True)
        self.current.setStyleSheet("color: #555555;")
        self.text = QPlainTextEdit(self)
        self.text.setFixedHeight(self.text.fontMetrics().height() * 5)
        form.addRow(self.tr("Request"), self.special)
        form.addRow(self.tr("Now"), self.current)
        form.addRow(self.tr("Wanted"), self.text)
        self._kind_chosen()
        self.text.setFocus()

    def kind(self) -> SpecialKind:
        return SpecialKind(self.special.currentData())

    def choose(self, kind: SpecialKind) -> None:
        self.special.setCurrentIndex(self.special.findData(kind.value))

    def _kind_chosen(self, *_args: object) -> None:
        hints = {
            SpecialKind.COURIER: self.tr("The courier the customer wants, e.g. 顺丰"),
            SpecialKind.INVOICE: self.tr("The invoice title, e.g. 杭州悦步科技有限公司"),
            SpecialKind.CARD: self.tr("The card's text, e.g. 生日快乐！"),
            SpecialKind.DELIVERY: self.tr("When to deliver, e.g. 周末白天"),
            SpecialKind.OTHER: self.tr("What the customer asks for"),
        }
        self.text.setPlaceholderText(hints[self.kind()])
        # Qt repaints an empty box only when its hint appears or goes: a new hint in place of
        # the old one stayed unseen (贺卡 still showed the courier's example)
        self.text.viewport().update()
        self.show_current(self.order)

    def show_current(self, order: OrderDetail) -> None:
        kind = self.kind()
        now = order.courier if kind is SpecialKind.COURIER else order.extras.get(kind.value, "")
        self.current.setText(now or self.tr("(nothing yet)"))

    def record(self) -> Record:
        actor, order_no = self.actor, self.order.order_no
        kind, text = self.kind(), self.text.toPlainText()
        return lambda s, **kw: changes.request_special(
            s, actor, order_no, special=kind, text=text, **kw
        )
