"""This PC's settings: the language, which database to open next time, and where the
built-in database's daily backups go (with the last good one)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.config import LocalSettings
from app.credentials import store_db_password
from app.db import Database, parse_url
from app.models.errors import UserError
from app.services.core import backups
from app.services.core.actor import Actor
from app.services.core.capabilities import Action, why_not
from app.views.kit.labels import url_without_password
from app.views.kit.ops import translate
from app.views.kit.widgets import Banner
from app.views.shell.backup_watch import last_good_text


class SettingsDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        settings: LocalSettings,
        actor: Actor | None = None,
        db: Database | None = None,
    ) -> None:
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
        self.backup_folder: QLineEdit | None = None
        if db is not None and db.is_sqlite:
            layout.addWidget(self._backups_box(settings, actor, db))
        layout.addWidget(buttons)

    def _backups_box(self, settings: LocalSettings, actor: Actor | None, db: Database) -> QGroupBox:
        db_file = backups.database_path(db)
        box = QGroupBox(self.tr("Backups"))
        self.backup_folder = QLineEdit(settings.backup_dir)
        self.backup_folder.setPlaceholderText(str(backups.default_folder(db_file)))
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose_folder)
        refused = why_not(Action.BACKUP, None, actor) if actor is not None else None
        if refused is not None:  # the capability table's reason, on the widgets
            for widget in (self.backup_folder, choose):
                widget.setEnabled(False)
                widget.setToolTip(refused.message(translate))
        row = QHBoxLayout()
        row.addWidget(self.backup_folder, 1)
        row.addWidget(choose)
        hint = QLabel(
            self.tr(
                "A copy is taken every day and checked; 14 daily and 8 weekly copies are kept. "
                "Choose a USB drive or a synced folder (OneDrive, 坚果云 …): a copy on the same "
                "disk is lost with it."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        folder = backups.folder_for(db_file, settings.backup_dir)
        self.last_backup = QLabel(last_good_text(backups.status(folder, db_file)))
        self.last_backup.setWordWrap(True)
        inner = QVBoxLayout(box)
        inner.addLayout(row)
        inner.addWidget(hint)
        inner.addWidget(self.last_backup)
        return box

    def _choose_folder(self) -> None:
        assert self.backup_folder is not None
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Backup folder"), self.backup_folder.text()
        )
        if chosen:
            self.backup_folder.setText(chosen)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        settings: LocalSettings,
        actor: Actor | None = None,
        db: Database | None = None,
    ) -> bool:
        """True if the settings were changed and saved. Tests replace this."""
        dialog = cls(parent, settings, actor, db)
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
        if self.backup_folder is not None and self.backup_folder.isEnabled():
            self.settings.backup_dir = self.backup_folder.text().strip()
        self.settings.save()
        self.changed = True
        self.accept()
