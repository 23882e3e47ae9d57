"""Signing in, and creating the first administrator of a new database."""

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
from app.views.kit.ops import Op, Task, translate
from app.views.kit.widgets import Banner


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
        Task(self, lambda: accounts.sign_in(db, username, password)).success(
            self._signed_in
        ).failure(self._refused).finally_(lambda: self.buttons.setEnabled(True)).run()

    def _signed_in(self, actor: Actor) -> None:
        self.actor = actor
        self.settings.last_user = actor.username
        self.settings.save()
        self.accept()

    def _refused(self, error: UserError) -> None:
        self.banner.show_error(error.message(translate))
        self.password.selectAll()
        self.password.setFocus()


class FirstRunDialog(QDialog):
    """A new, empty database: its first account is an administrator."""

    def __init__(self, parent: QWidget | None, db: Database, settings: LocalSettings) -> None:
        super().__init__(parent)
        self.db, self.settings = db, settings
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Welcome to AfterDesk (售后台)"))
        self.setMinimumWidth(460)
        intro = QLabel(
            self.tr(
                "This database has no staff yet. Create the first administrator: "
                "they add everyone else and give them roles."
            )
        )
        intro.setWordWrap(True)
        self.banner = Banner(self)
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("for signing in, e.g. liuyang"))
        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText(self.tr("signs your notes, e.g. 张三"))
        self.password = _password()
        self.repeat = _password()
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Your name"), self.display_name)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.repeat)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        create = self.buttons.addButton(
            self.tr("Create and sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        create.setDefault(True)
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, db: Database, settings: LocalSettings) -> Actor | None:
        dialog = cls(parent, db, settings)
        dialog.exec()
        return dialog.actor

    def create(self) -> None:
        if self.password.text() != self.repeat.text():
            self.banner.show_error(self.tr("The two passwords differ. Please type them again."))
            self.repeat.clear()
            self.repeat.setFocus()
            return
        username, name, password = (
            self.username.text(),
            self.display_name.text(),
            self.password.text(),
        )
        self.banner.clear()
        self.buttons.setEnabled(False)
        Op(
            self,
            lambda s: accounts.create_first_admin(s, username, name, password),
            write=True,
            changes="users",
            db=self.db,
        ).success(self._created).failure(
            lambda error: self.banner.show_error(error.message(translate))
        ).finally_(lambda: self.buttons.setEnabled(True)).run()

    def _created(self, actor: Actor) -> None:
        self.actor = actor
        self.settings.last_user = actor.username
        self.settings.save()
        self.accept()
