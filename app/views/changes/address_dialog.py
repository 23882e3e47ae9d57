"""The customer wants the parcel sent elsewhere: the new address, prefilled with the old."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit

from app.models import RequestKind
from app.services.changes import requests as changes
from app.services.changes.texts import Address
from app.services.core.rows import OrderDetail
from app.views.changes.change_dialog import ChangeDialog, Record


class AddressDialog(ChangeDialog):
    KIND = RequestKind.ADDRESS

    def build_form(self, form: QFormLayout) -> None:
        self.setWindowTitle(
            self.tr("New address for order {order_no}").format(order_no=self.order.order_no)
        )
        self.current = QLabel(self)
        self.current.setWordWrap(True)
        self.current.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.current.setStyleSheet("color: #555555;")
        form.addRow(self.tr("Now"), self.current)
        r = self.order.recipient
        self.fields: dict[str, QLineEdit] = {}
        rows = (
            ("name", self.tr("Recipient"), r.name, ""),
            ("phone", self.tr("Phone"), r.phone, self.tr("e.g. 13800138000 or 0571-88886666")),
            ("province", self.tr("Province"), r.province, self.tr("e.g. 浙江省")),
            ("city", self.tr("City"), r.city, self.tr("e.g. 杭州市")),
            ("district", self.tr("District"), r.district, self.tr("e.g. 西湖区")),
            ("street", self.tr("Street"), r.street, self.tr("e.g. 文三路 100 号 2 单元 301")),
            ("postcode", self.tr("Postcode"), r.postcode, self.tr("optional")),
        )
        for key, label, value, hint in rows:
            edit = QLineEdit(value, self)
            edit.setPlaceholderText(hint)
            self.fields[key] = edit
            form.addRow(label, edit)
        self.fields["street"].setMinimumWidth(360)
        self.fields["name"].setFocus()

    def show_current(self, order: OrderDetail) -> None:
        r = order.recipient
        self.current.setText("，".join(p for p in (r.address, r.name, r.phone, r.postcode) if p))

    def address(self) -> Address:
        return Address(**{key: edit.text() for key, edit in self.fields.items()})

    def record(self) -> Record:
        actor, order_no, new = self.actor, self.order.order_no, self.address()
        return lambda s, **kw: changes.request_address(s, actor, order_no, new, **kw)
