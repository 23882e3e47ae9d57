"""The Shops page in a window of its own: the print page opens it (read-only for the order
printer) to see what the labels will say."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from app.services.core.actor import Actor
from app.views.shell.shops_page import ShopsPage


class ShopsDialog(QDialog):
    """The Shops page in a window of its own (opened from the print page)."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Shops"))
        self.resize(900, 560)
        self.page = ShopsPage(actor, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page, 1)
        layout.addWidget(buttons)
