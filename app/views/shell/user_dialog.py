"""Adding a staff account, and changing someone's roles (administrators only)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.models import Role
from app.models.errors import UserError
from app.services.core import accounts
from app.services.core.accounts import UserView
from app.services.core.actor import Actor
from app.views.kit.labels import role_label
from app.views.kit.ops import Op, translate
from app.views.kit.widgets import Banner, fit_placeholder


class RoleChecks(QGroupBox):
    def __init__(
        self,
        title: str,
        roles: frozenset[Role] = frozenset(),
        offered: Sequence[Role] = tuple(Role),
    ) -> None:
        super().__init__(title)
        self.boxes: dict[Role, QCheckBox] = {}
        grid = QGridLayout(self)
        for i, role in enumerate(offered):
            box = QCheckBox(role_label(role))
            box.setChecked(role in roles)
            self.boxes[role] = box
            grid.addWidget(box, i // 2, i % 2)

    def roles(self) -> frozenset[Role]:
        return frozenset(role for role, box in self.boxes.items() if box.isChecked())

    def set_roles(self, roles: frozenset[Role]) -> None:
        for role, box in self.boxes.items():
            box.setChecked(role in roles)


class _Form(QDialog):
    """Shared shape: inline banner, a form, Save/Cancel; saves via an Op and stays on refusal."""

    def __init__(self, parent: QWidget | None, actor: Actor) -> None:
        super().__init__(parent)
        self.actor = actor
        self.saved: UserView | None = None
        self.banner = Banner(self)
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.banner)
        self.layout_.addLayout(self.form)

    def finish(self) -> None:
        self.layout_.addWidget(self.buttons)

    def save(self) -> None:
        raise NotImplementedError

    def _run(self, op: Op[UserView]) -> None:
        self.banner.clear()
        self.buttons.setEnabled(False)
        op.success(self._saved).failure(self._refused).finally_(
            lambda: self.buttons.setEnabled(True)
        ).run()

    def _saved(self, user: UserView) -> None:
        self.saved = user
        self.accept()

    def _refused(self, error: UserError) -> None:
        self.banner.show_error(error.message(translate))


class AddUserDialog(_Form):
    def __init__(self, parent: QWidget | None, actor: Actor) -> None:
        super().__init__(parent, actor)
        self.setWindowTitle(self.tr("Add a staff account"))
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("for signing in, e.g. zhangsan"))
        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText(self.tr("signs their notes, e.g. 张三"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(self.tr("User name"), fit_placeholder(self.username))
        self.form.addRow(self.tr("Name"), fit_placeholder(self.display_name))
        self.form.addRow(self.tr("First password"), self.password)
        self.roles = RoleChecks(self.tr("Roles"))
        self.layout_.addWidget(self.roles)
        self.finish()

    @classmethod
    def ask(cls, parent: QWidget | None, actor: Actor) -> UserView | None:
        """The new account, or None if cancelled. Tests replace this."""
        dialog = cls(parent, actor)
        dialog.exec()
        return dialog.saved

    def save(self) -> None:
        actor, username, name = self.actor, self.username.text(), self.display_name.text()
        password, roles = self.password.text(), self.roles.roles()
        self._run(
            Op(
                self,
                lambda s: accounts.add_user(s, actor, username, name, password, roles),
                write=True,
                changes="users",
            )
        )


class RolesDialog(_Form):
    def __init__(self, parent: QWidget | None, actor: Actor, user: UserView) -> None:
        super().__init__(parent, actor)
        self.user = user
        self.setWindowTitle(
            self.tr("Roles of {name} ({username})").format(
                name=user.display_name, username=user.username
            )
        )
        self.roles = RoleChecks(self.tr("Roles"), user.roles)
        self.layout_.addWidget(self.roles)
        self.finish()

    @classmethod
    def ask(cls, parent: QWidget | None, actor: Actor, user: UserView) -> UserView | None:
        dialog = cls(parent, actor, user)
        dialog.exec()
        return dialog.saved

    def save(self) -> None:
        actor, username, roles = self.actor, self.user.username, self.roles.roles()
        self._run(
            Op(
                self,
                lambda s: accounts.set_roles(s, actor, username, roles),
                write=True,
                changes="users",
            )
        )
