"""Signing in (a new database's first administrator: first_start_wizard)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.config import LocalSettings
from app.db import Database
from app.models.errors import UserError
from app.services.core import accounts, demo
from app.services.core.actor import Actor
from app.views.kit.labels import role_label
from app.views.kit.ops import Task, translate
from app.views.kit.widgets import Banner
from app.views.supervision import first_tasks


def _password() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class SignInDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        db: Database,
        settings: LocalSettings,
        *,
        demo_accounts: bool = False,
    ) -> None:
        super().__init__(parent)
        self.db, self.settings = db, settings
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Sign in to AfterDesk (售后台)"))
        self.setMinimumWidth(420)
        self.banner = Banner(self)
        self.where = QLabel(self.tr("Database: {where}").format(where=db.describe()))
        self.where.setWordWrap(True)
        self.where.setStyleSheet("color: palette(mid);")
        self.username = QLineEdit(settings.last_user)
        self.password = _password()
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.sign_in_button = self.buttons.addButton(
            self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_in_button.setDefault(True)
        self.buttons.accepted.connect(self.sign_in)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        self.demo_box: QGroupBox | None = None
        if demo_accounts:
            layout.addWidget(self._demo_box())
        layout.addWidget(self.where)
        layout.addWidget(self.buttons)
        (self.password if settings.last_user else self.username).setFocus()

    def _demo_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Demo accounts (password: {password})").format(
            password=demo.DEMO_PASSWORD))  # fmt: skip
        accounts_list = QListWidget(box)
        for role, name in demo.DEMO_STAFF.items():
            item = QListWidgetItem(f"{role.value}  —  {role_label(role)}  ({name})")
            item.setData(Qt.ItemDataRole.UserRole, role.value)
            accounts_list.addItem(item)
        accounts_list.setMaximumHeight(accounts_list.sizeHintForRow(0) * 6 + 8)
        accounts_list.itemClicked.connect(self._pick_demo)
        accounts_list.itemDoubleClicked.connect(lambda _item: self.sign_in())
        hint = QLabel(self.tr("Click an account to fill it in; double-click to sign in."))
        hint.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(box)
        layout.addWidget(accounts_list)
        layout.addWidget(hint)
        self.demo_box = box
        return box

    def _pick_demo(self, item: QListWidgetItem) -> None:
        self.username.setText(item.data(Qt.ItemDataRole.UserRole))
        self.password.setText(demo.DEMO_PASSWORD)

    @classmethod
    def ask(
        cls, parent: QWidget | None, db: Database, settings: LocalSettings, *, demo_accounts: bool
    ) -> Actor | None:
        """Who signed in, or None if the dialog was closed. Tests replace this."""
        dialog = cls(parent, db, settings, demo_accounts=demo_accounts)
        dialog.exec()
        return dialog.actor

    def sign_in(self) -> None:
        db, username, password = self.db, self.username.text().strip(), self.password.text()
        self.banner.clear()
        self.buttons.setEnabled(False)  # argon2 is slow on purpose: no double clicks
        first_tasks.start(db, username)  # My tasks' first page, beside the check
        Task(self, lambda: accounts.sign_in(db, username, password)).success(
            self._signed_in
        ).failure(self._refused).finally_(lambda: self.buttons.setEnabled(True)).run()

    def _signed_in(self, actor: Actor) -> None:
        self.actor = actor
        self.settings.last_user = actor.username
        self.settings.save()
        self.accept()

    def _refused(self, error: UserError) -> None:
        first_tasks.drop()
        self.banner.show_error(error.message(translate))
        self.password.selectAll()
        self.password.setFocus()
