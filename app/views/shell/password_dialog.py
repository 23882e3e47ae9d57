"""Changing one's own password: the current one, then the new one twice."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.models.errors import UserError
from app.services.core import accounts
from app.services.core.actor import Actor
from app.views.kit.ops import Op, translate
from app.views.kit.widgets import Banner


class PasswordDialog(QDialog):
    def __init__(self, parent: QWidget | None, actor: Actor) -> None:
        super().__init__(parent)
        self.actor = actor
        self.changed = False
        self.setWindowTitle(self.tr("Change my password"))
        self.banner = Banner(self)
        self.current, self.new, self.repeat = QLineEdit(), QLineEdit(), QLineEdit()
        form = QFormLayout()
        for label, box in (
            (self.tr("Current password"), self.current),
            (self.tr("New password"), self.new),
            (self.tr("Repeat it"), self.repeat),
        ):
            box.setEchoMode(QLineEdit.EchoMode.Password)
            form.addRow(label, box)
        self.new.setPlaceholderText(self.tr("at least 8 characters, not a common one"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, actor: Actor) -> bool:
        """True if the password was changed. Tests replace this."""
        dialog = cls(parent, actor)
        dialog.exec()
        return dialog.changed

    def save(self) -> None:
        self.banner.clear()
        if self.new.text() != self.repeat.text():  # a typing slip, caught before asking
            self.banner.show_error(self.tr("The two new passwords differ."))
            return
        actor, current, new = self.actor, self.current.text(), self.new.text()
        self.buttons.setEnabled(False)
        Op(
            self,
            lambda s: accounts.change_own_password(s, actor, current, new),
            write=True,
            changes="users",
        ).success(self._changed).failure(self._refused).finally_(
            lambda: self.buttons.setEnabled(True)
        ).run()

    def _changed(self, _result: None) -> None:
        self.changed = True
        self.accept()

    def _refused(self, error: UserError) -> None:
        self.banner.show_error(error.message(translate))
