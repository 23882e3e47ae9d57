"""This PC's settings: the language, and which database to open next time."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.config import LocalSettings
from app.credentials import store_db_password
from app.db import parse_url
from app.models.errors import UserError
from app.views.kit.labels import url_without_password
from app.views.kit.ops import translate
from app.views.kit.widgets import Banner


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None, settings: LocalSettings) -> None:
        super().__init__(parent)
        self.settings = settings
        self.changed = False
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(480)
        self.banner = Banner(self)
        self.language = QComboBox()
        self.language.addItem(self.tr("Follow the system"), "system")
        self.language.addItem("简体中文", "zh_CN")  # each language named in itself
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.db_url = QLineEdit(settings.db_url)
        self.db_url.setPlaceholderText(self.tr("empty: the local file on this PC"))
        note = QLabel(self.tr("Changes apply the next time AfterDesk starts."))
        note.setStyleSheet("color: palette(mid);")
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Database"), self.db_url)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, settings: LocalSettings) -> bool:
        """True if the settings were changed and saved. Tests replace this."""
        dialog = cls(parent, settings)
        dialog.exec()
        return dialog.changed

    def save(self) -> None:
        url = self.db_url.text().strip()
        if url:
            try:
                parsed = parse_url(url)  # only the address's shape: it is opened at next start
            except UserError as error:
                self.banner.show_error(error.message(translate))
                return
            if parsed.password:  # a password never goes into the settings file
                store_db_password(parsed, parsed.password)
                url = url_without_password(parsed)
        self.settings.language = self.language.currentData()
        self.settings.db_url = url
        self.settings.save()
        self.changed = True
        self.accept()
