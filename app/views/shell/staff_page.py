"""The Staff page (administrators): accounts, their roles, enabling and disabling them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.core import accounts
from app.services.core.accounts import UserView
from app.services.core.actor import Actor
from app.views.kit.labels import roles_text
from app.views.kit.ops import Op, Reloads, hub
from app.views.shell.user_dialog import AddUserDialog, RolesDialog

Index = QModelIndex | QPersistentModelIndex


class UsersModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._users: list[UserView] = []

    def set_users(self, users: list[UserView]) -> None:
        self.beginResetModel()
        self._users = list(users)
        self.endResetModel()

    def user_at(self, row: int) -> UserView | None:
        return self._users[row] if 0 <= row < len(self._users) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._users)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        headers = (self.tr("User name"), self.tr("Name"), self.tr("Roles"), self.tr("Status"))
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        user = self.user_at(index.row()) if index.isValid() else None
        if user is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                user.username,
                user.display_name,
                roles_text(user.roles),
                self.tr("Active") if user.active else self.tr("Disabled"),
            )[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and not user.active:
            return Qt.GlobalColor.gray
        return None


class StaffPage(QWidget):
    users_loaded = Signal(int)
    """The account list was (re)loaded (the argument is how many)."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reloads = Reloads()  # a list's reloads: only the newest one's answer is shown
        self.actor = actor
        self.model = UsersModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab goes on to the buttons
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.change_roles())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.add = QPushButton(self.tr("Add account…"))
        self.add.clicked.connect(self.add_user)
        self.roles = QPushButton(self.tr("Change roles…"))
        self.roles.clicked.connect(self.change_roles)
        self.toggle = QPushButton(self.tr("Disable"))
        self.toggle.clicked.connect(self.toggle_active)
        buttons = QHBoxLayout()
        for button in (self.add, self.roles, self.toggle):
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        hub().data_changed.connect(self._data_changed)
        self._selection_changed()
        self.reload()

    def reload(self) -> None:
        Op(self, accounts.list_users).newest(self.reloads).success(self._loaded).run()

    def _loaded(self, users: list[UserView]) -> None:
        selected = self.selected()
        self.model.set_users(users)
        for row, user in enumerate(users):
            if selected and user.username == selected.username:
                self.table.selectRow(row)
        self._selection_changed()
        self.users_loaded.emit(len(users))

    def _data_changed(self, what: str) -> None:
        if what == "users":
            self.reload()

    def selected(self) -> UserView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.user_at(rows[0].row()) if rows else None

    def select(self, username: str) -> None:
        for row in range(self.model.rowCount()):
            user = self.model.user_at(row)
            if user and user.username == username:
                self.table.selectRow(row)

    def _selection_changed(self, *_args: object) -> None:
        user = self.selected()
        self.roles.setEnabled(user is not None)
        self.toggle.setEnabled(user is not None)
        self.toggle.setText(self.tr("Enable") if user and not user.active else self.tr("Disable"))

    # -- actions (each saves through the services, which check the admin role) ------------
    def add_user(self) -> None:
        AddUserDialog.ask(self, self.actor)  # a saved account emits data_changed: we reload

    def change_roles(self) -> None:
        user = self.selected()
        if user is not None:
            RolesDialog.ask(self, self.actor, user)

    def toggle_active(self) -> None:
        user = self.selected()
        if user is None:
            return
        actor, username, active = self.actor, user.username, not user.active
        Op(
            self,
            lambda s: accounts.set_active(s, actor, username, active),
            write=True,
            changes="users",
        ).run()
