"""The dialog that names a new shop (and its platform) or renames one, for the Shops page.

It only collects the name: the page calls the service on OK and shows a refusal in the
dialog's banner, so the dialog stays open for a corrected name.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.imports import shops as shop_service
from app.views.kit.ops import translate
from app.views.kit.widgets import Banner


class ShopNameDialog(QDialog):
    """A new shop's name and platform, or a shop's new name; OK asks the page to save."""

    submitted = Signal()

    def __init__(
        self, parent: QWidget | None, title: str, old: str, *, with_platform: bool = False
    ) -> None:
        super().__init__(parent)
        self.old = old
        self.setWindowTitle(title)
        self.banner = Banner()
        self.name = QLineEdit(old)
        self.name.setMaxLength(100)
        self.name.setMinimumWidth(280)
        self.platform = QComboBox()
        for platform in shop_service.PLATFORMS:
            self.platform.addItem(
                translate("Platform", shop_service.PLATFORM_LABELS[platform]), platform
            )
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        if with_platform:
            form.addRow(self.tr("Platform"), self.platform)
        else:
            self.platform.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submitted.emit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
