"""When the database cannot be opened: say why, and let the user pick another or quit."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)


class DatabaseProblemDialog(QDialog):
    def __init__(self, parent: QWidget | None, message: str, url: str) -> None:
        super().__init__(parent)
        self.chosen: str | None = None
        self.setWindowTitle(self.tr("AfterDesk cannot open the database"))
        self.setMinimumWidth(560)
        icon = QLabel()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(48, 48)
        )
        text = QLabel(message)
        text.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(text, 1)
        hint = QLabel(
            self.tr(
                "Try another database: a SQLite file (sqlite:///C:/path/afterdesk.sqlite) or "
                "the team's server (postgresql://user@host/afterdesk)."
            )
        )
        hint.setWordWrap(True)
        self.url = QLineEdit(url)
        browse = QPushButton(self.tr("Choose file…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.url, 1)
        row.addWidget(browse)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("Open"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._open)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addLayout(row)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, message: str, url: str) -> str | None:
        """Another database URL to try, or None to quit. Tests replace this."""
        dialog = cls(parent, message, url)
        dialog.exec()
        return dialog.chosen

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("AfterDesk database file"),
            "",
            self.tr("AfterDesk database (*.sqlite *.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,  # an existing file is opened
        )
        if path:
            self.url.setText(f"sqlite:///{path}")

    def _open(self) -> None:
        self.chosen = self.url.text().strip() or None
        self.accept()
