"""A page whose workflow comes in a later issue: say what will be there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    """The supervisor's review, until its workflow arrives."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = self.tr("Supervisor")
        title = QLabel(self.title)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        body = QLabel(
            self.tr(
                "Daily review of orders in refund and in dispute, the duty roster and the "
                "monthly score sheet. Approvals of exceptions are on the After-sales page."
            )
        )
        body.setWordWrap(True)
        body.setTextFormat(Qt.TextFormat.PlainText)
        soon = QLabel(self.tr("Coming in a later version. Until then, use the Orders page."))
        soon.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(body)
        layout.addWidget(soon)
        layout.addStretch(1)
