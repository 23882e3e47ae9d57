"""Pages of the roles whose workflows come in later issues: say what will be there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.models import Role
from app.views.labels import role_label


class PlaceholderPage(QWidget):
    def __init__(self, role: Role, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.role = role
        title = QLabel(role_label(role))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        body = QLabel(self.describe(role))
        body.setWordWrap(True)
        body.setTextFormat(Qt.TextFormat.PlainText)
        soon = QLabel(self.tr("Coming in a later version. Until then, use the Orders page."))
        soon.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(body)
        layout.addWidget(soon)
        layout.addStretch(1)

    def describe(self, role: Role) -> str:
        match role:
            case Role.PRESALES:
                return self.tr(
                    "Record address and attribute changes, special requests and "
                    "cancellations, each passed to the order printer as a request."
                )
            case Role.AFTERSALES:
                return self.tr(
                    "Returns and exchanges, recalls of shipped parcels with the two-copy "
                    "recall slip, refunds, quality claims with photos, complaints and disputes."
                )
            case Role.PRINTER:
                return self.tr(
                    "Print shipping labels and dispatch notes in daily batches, reprint with a "
                    "reason, void orders, acknowledge change requests, receive recalled parcels."
                )
            case Role.WAREHOUSE:
                return self.tr("Pack and ship, inspect returned goods and sign the register.")
            case Role.SUPERVISOR:
                return self.tr(
                    "Daily review of orders in refund and in dispute, approvals of exceptions, "
                    "the duty roster and the monthly score sheet."
                )
            case _:
                return self.tr("Shops, couriers and settings.")
