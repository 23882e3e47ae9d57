"""The first-start wizard's pages: each collects and shows; the rules are the service's
(``services.core.first_start``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWizardPage,
)

from app.models.errors import UserError
from app.services.core import first_start
from app.services.core.first_start import Found, NewAdmin, NewShop, ServerAddress
from app.services.dispatch import slips as print_slips
from app.services.imports import shops as shop_service
from app.views.kit.labels import roles_text
from app.views.kit.ops import Op, Task, translate
from app.views.kit.widgets import Banner
from app.views.shell.navigation import titles
from app.views.shell.shops_page import sender_edits
from app.views.shell.user_dialog import RoleChecks

if TYPE_CHECKING:
    from app.views.shell.first_start_wizard import FirstStartWizard

DATABASE, JOIN, ADMIN, SHOP, DONE = range(5)


def _note(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _password() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class _Page(QWizardPage):
    def __init__(self, wizard: FirstStartWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.banner = Banner(self)

    def refuse(self, error: UserError) -> None:
        self.banner.show_error(error.message(translate))


class DatabasePage(_Page):
    """This PC alone (the built-in file) or the team's server, with a connection test."""

    def __init__(self, wizard: FirstStartWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Where does AfterDesk keep its data?"))
        self.setSubTitle(self.tr("You can change this later in AfterDesk → Settings."))
        self.local = QRadioButton(self.tr("This PC alone: the built-in database file"))
        self.local_path = _note(first_start.local_path())
        self.local_path.setStyleSheet("color: palette(mid); margin-left: 24px;")
        self.server = QRadioButton(
            self.tr("The team's server (PostgreSQL): several PCs work on the same orders")
        )
        choice = QButtonGroup(self)
        for button in (self.local, self.server):
            choice.addButton(button)
        self.local.setChecked(True)
        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("e.g. 192.168.1.10 or server.shop.lan"))
        self.port = QLineEdit(str(first_start.DEFAULT_PORT))
        self.database = QLineEdit("afterdesk")
        self.user = QLineEdit("afterdesk")
        self.password = _password()
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.result = _note()
        self.server_box = QGroupBox(self.tr("The team's server"))
        form = QFormLayout(self.server_box)
        form.addRow(self.tr("Server"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Database"), self.database)
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Password"), self.password)
        row = QHBoxLayout()
        row.addWidget(self.test_button)
        row.addStretch(1)
        form.addRow(row)
        # a whole row, room for three lines: what failed is read in full, not cut off
        self.result.setMinimumHeight(self.result.fontMetrics().lineSpacing() * 3)
        form.addRow(self.result)
        keyring = _note(
            self.tr("The password is kept in this PC's keyring, never in a settings file.")
        )
        keyring.setStyleSheet("color: palette(mid);")
        form.addRow(keyring)
        self.server.toggled.connect(self.server_box.setEnabled)
        self.server_box.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.local)
        layout.addWidget(self.local_path)
        layout.addWidget(self.server)
        layout.addWidget(self.server_box)
        layout.addStretch(1)
        self._opened_for: object = None  # the choice the wizard's database was opened for

    def address(self) -> ServerAddress:
        return ServerAddress(
            self.host.text(), self.port.text(), self.database.text(), self.user.text()
        )

    def _choice(self) -> object:
        return None if self.local.isChecked() else (self.address(), self.password.text())

    def found_text(self, found: Found) -> str:
        return {
            Found.EMPTY: self.tr("Connected. The database is empty: AfterDesk sets it up next."),
            Found.NO_STAFF: self.tr(
                "Connected to an AfterDesk database without staff yet: "
                "next, create its first administrator."
            ),
            Found.TEAM: self.tr(
                "Connected to your team's AfterDesk database: this PC joins it, "
                "and each person signs in with their own account."
            ),
            Found.OLDER: self.tr(
                "Connected, but the database has an older AfterDesk schema: upgrade it "
                "on the server first (README, “Upgrades”)."
            ),
            Found.NEWER: self.tr(
                "Connected, but the database was made by a newer AfterDesk: "
                "update AfterDesk on this PC."
            ),
            Found.FOREIGN: self.tr(
                "Connected, but the database holds other tables, not AfterDesk's: "
                "choose an empty database."
            ),
        }[found]

    def test_connection(self) -> None:
        address, password = self.address(), self.password.text()
        self.banner.clear()
        self.result.setText(self.tr("Connecting…"))
        self.result.setStyleSheet("")
        self.test_button.setEnabled(False)
        Task(self, lambda: first_start.probe_server(address, password)).success(
            self._tested
        ).failure(self._test_failed).finally_(lambda: self.test_button.setEnabled(True)).run()

    def _tested(self, found: Found) -> None:
        ok = found in (Found.EMPTY, Found.NO_STAFF, Found.TEAM)
        self.result.setStyleSheet("color: #1b6e20;" if ok else "color: #8a1c13;")
        self.result.setText(self.found_text(found))

    def _test_failed(self, error: UserError) -> None:
        self.result.setStyleSheet("color: #8a1c13;")
        self.result.setText(error.message(translate))

    def validatePage(self) -> bool:
        choice = self._choice()
        if self.wiz.opened is not None and self._opened_for == choice:
            return True
        self.banner.clear()
        self.wiz.busy(True)
        if choice is None:
            work = first_start.open_local
        else:
            address, password = self.address(), self.password.text()

            def work() -> first_start.Opened:
                return first_start.open_server(address, password)

        Task(self, work).success(lambda opened: self._opened(choice, opened)).failure(
            self.refuse
        ).finally_(lambda: self.wiz.busy(False)).run()
        return False  # the wizard moves on once the database is open

    def _opened(self, choice: object, opened: first_start.Opened) -> None:
        self._opened_for = choice
        self.wiz.use(opened, password="" if choice is None else self.password.text())
        self.wiz.next()

    def nextId(self) -> int:
        opened = self.wiz.opened
        return JOIN if opened is not None and opened.has_staff else ADMIN


class JoinPage(_Page):
    """A team PC joining: the server already has AfterDesk and its staff."""

    def __init__(self, wizard: FirstStartWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("This PC joins your team"))
        self.text = _note(
            self.tr(
                "The server already holds your team's AfterDesk database with its staff. "
                "This PC now opens it at every start: press Finish and sign in with the "
                "account your administrator gave you."
            )
        )
        self.keyring = _note()
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.keyring)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.keyring.setText(self.wiz.keyring_note())

    def nextId(self) -> int:
        return -1


class AdminPage(_Page):
    """The first administrator: they add everyone else on the Staff page."""

    def __init__(self, wizard: FirstStartWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("The first administrator"))
        self.setSubTitle(
            self.tr(
                "They add everyone else and give them roles (the Staff page). "
                "A password needs at least 8 characters."
            )
        )
        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText(self.tr("signs your notes, e.g. 张三"))
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("for signing in, e.g. zhangsan"))
        self.password = _password()
        self.repeat = _password()
        form = QFormLayout()
        form.addRow(self.tr("Your name"), self.display_name)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.repeat)
        # a one-person shop does every job itself: without these it would see only the
        # administrator's pages and have to find the Staff page to give itself the rest
        self.also = RoleChecks(
            self.tr("The work you do yourself too (each adds its pages)"),
            offered=first_start.OFFERED_ROLES,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.also)
        layout.addStretch(1)

    def admin(self) -> NewAdmin:
        return NewAdmin(
            self.username.text(),
            self.display_name.text(),
            self.password.text(),
            self.repeat.text(),
            also=self.also.roles(),
        )

    def validatePage(self) -> bool:
        self.banner.clear()
        try:
            first_start.check_admin(self.admin())
        except UserError as error:
            self.refuse(error)
            self.repeat.clear()
            return False
        return True

    def nextId(self) -> int:
        return SHOP


class ShopPage(_Page):
    """The first shop, its labels' sender, default courier and the same-day cut-off; leaving
    it creates the administrator and the shop together."""

    def __init__(self, wizard: FirstStartWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("The first shop"))
        self.setSubTitle(
            self.tr("More shops, and changes to this one, are made later on the Shops page.")
        )
        self.setCommitPage(True)
        self.setButtonText(wizard.WizardButton.CommitButton, self.tr("Create and sign in"))
        self.name = QLineEdit()
        self.name.setMaxLength(100)
        self.name.setPlaceholderText(self.tr("as your customers know it, e.g. 小林家居旗舰店"))
        self.platform = QComboBox()
        for platform in shop_service.PLATFORMS:
            self.platform.addItem(
                translate("Platform", shop_service.PLATFORM_LABELS[platform]), platform
            )
        self.sender_name, self.sender_phone, self.return_address = sender_edits()
        self.courier = QComboBox()
        self.courier.setEditable(True)
        self.courier.lineEdit().setPlaceholderText(self.tr("none"))
        self.cutoff = QLineEdit(print_slips.DEFAULT_CUTOFF)
        self.cutoff.setMaxLength(5)
        cutoff_hint = _note(self.tr("Orders paid after this time are printed the next day."))
        cutoff_hint.setStyleSheet("color: palette(mid);")
        form = QFormLayout()
        form.addRow(self.tr("Shop name"), self.name)
        form.addRow(self.tr("Platform"), self.platform)
        labels = QGroupBox(self.tr("Sender details printed on the labels"))
        sender = QFormLayout(labels)
        sender.addRow(self.tr("Sender"), self.sender_name)
        sender.addRow(self.tr("Phone"), self.sender_phone)
        sender.addRow(self.tr("Return address"), self.return_address)
        dispatch = QFormLayout()
        dispatch.addRow(self.tr("Default courier"), self.courier)
        dispatch.addRow(self.tr("Same-day cut-off"), self.cutoff)
        dispatch.addRow("", cutoff_hint)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(labels)
        layout.addLayout(dispatch)
        layout.addStretch(1)

    def initializePage(self) -> None:
        if self.wiz.opened is None or self.courier.count():
            return
        Op(self, first_start.courier_names, db=self.wiz.opened.db).success(self._couriers).failure(
            self.refuse
        ).run()

    def _couriers(self, names: list[str]) -> None:
        typed = self.courier.currentText()
        self.courier.clear()
        self.courier.addItems(["", *names])
        self.courier.setCurrentText(typed)

    def shop(self) -> NewShop:
        return NewShop(
            self.name.text(),
            str(self.platform.currentData()),
            self.sender_name.text(),
            self.sender_phone.text(),
            self.return_address.text(),
            self.courier.currentText(),
            self.cutoff.text(),
        )

    def validatePage(self) -> bool:
        if self.wiz.actor is not None:
            return True
        self.banner.clear()
        shop = self.shop()
        try:
            first_start.check_shop(shop)
        except UserError as error:
            self.refuse(error)
            return False
        self.wiz.create(shop, self)
        return False  # the wizard moves on once both are made

    def nextId(self) -> int:
        return DONE


class DonePage(_Page):
    """Signed in: offer the first import, and say where each answer is changed later."""

    def __init__(self, wizard: FirstStartWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("AfterDesk is ready"))
        self.summary = _note()
        self.pages = _note()  # the pages their roles open, as the navigation will list them
        self.import_now = QCheckBox(self.tr("Open the Import page to import the first orders"))
        self.import_now.setChecked(True)
        later = _note(
            self.tr(
                "Everything you answered can be changed later:\n"
                "• the database: menu AfterDesk → Settings…\n"
                "• staff, roles and passwords: the Staff page\n"
                "• shops, label sender, default courier and cut-off: the Shops page\n"
                "• orders come in on the Import page (a platform's export file)."
            )
        )
        self.keyring = _note()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.pages)
        layout.addWidget(self.import_now)
        layout.addSpacing(12)
        layout.addWidget(later)
        layout.addWidget(self.keyring)
        layout.addStretch(1)

    def initializePage(self) -> None:
        actor = self.wiz.actor
        self.summary.setText(
            self.tr(
                "{name} is signed in as the administrator, and the shop {shop} is set up."
            ).format(name=actor.display_name if actor else "", shop=self.wiz.shop_name)
        )
        if actor is not None:
            self.pages.setText(
                self.tr("Your roles: {roles}. Your pages: {pages}.").format(
                    roles=roles_text(actor.roles), pages=", ".join(titles(actor))
                )
            )
        self.keyring.setText(self.wiz.keyring_note())

    def nextId(self) -> int:
        return -1
