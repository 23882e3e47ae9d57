"""The first start (issue 12 §4): where the data lives, the first administrator, the first
shop, then the first import. Shown on a PC that has no database yet, or on a database without
staff; it ends signed in, or, on a team's server that already has staff, at the sign-in."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget, QWizard

from app.config import LocalSettings
from app.credentials import keyring_problem, store_db_password
from app.db import Database
from app.services.core import first_start
from app.services.core.actor import Actor
from app.services.core.first_start import NewShop
from app.views.kit.labels import url_without_password
from app.views.kit.ops import Op, translate
from app.views.shell import first_start_pages as pages


@dataclass(frozen=True)
class FirstStartDone:
    db: Database
    actor: Actor | None  # None: the database already had staff (a team PC joining): sign in
    open_imports: bool


class FirstStartWizard(QWizard):
    def __init__(
        self, parent: QWidget | None, settings: LocalSettings, db: Database | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Welcome to AfterDesk (售后台)"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        # once the administrator exists there is nothing to cancel: Finish signs them in
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setMinimumWidth(640)
        # a database given (the configured one, without staff): the questions start at the admin
        self.opened = first_start.Opened(db, False) if db is not None else None
        self.owns_db = db is None
        self.actor: Actor | None = None
        self.shop_name = ""
        self.keyring_unusable = ""  # why the server password could not be kept, if so
        self.database_page = pages.DatabasePage(self)
        self.join_page = pages.JoinPage(self)
        self.admin_page = pages.AdminPage(self)
        self.shop_page = pages.ShopPage(self)
        self.done_page = pages.DonePage(self)
        for key, page in (
            (pages.DATABASE, self.database_page),
            (pages.JOIN, self.join_page),
            (pages.ADMIN, self.admin_page),
            (pages.SHOP, self.shop_page),
            (pages.DONE, self.done_page),
        ):
            self.setPage(key, page)
        self.setStartId(pages.DATABASE if db is None else pages.ADMIN)

    @classmethod
    def ask(
        cls, parent: QWidget | None, settings: LocalSettings, db: Database | None = None
    ) -> FirstStartDone | None:
        """What the first start set up, or None if it was cancelled. Tests drive the wizard."""
        wizard = cls(parent, settings, db)
        wizard.exec()
        return wizard.outcome()

    def outcome(self) -> FirstStartDone | None:
        """Finished: the database, and who is signed in (None: sign in). Cancelled: None,
        and a database the wizard opened itself is closed."""
        if self.opened is not None and self.actor is not None:  # closed on the last page too
            accepted = self.result() == QWizard.DialogCode.Accepted
            return FirstStartDone(
                self.opened.db, self.actor, accepted and self.done_page.import_now.isChecked()
            )
        if self.result() != QWizard.DialogCode.Accepted or self.opened is None:
            if self.opened is not None and self.owns_db:
                self.opened.db.dispose()
            return None
        return FirstStartDone(self.opened.db, None, False)  # joined: the sign-in is next

    def busy(self, on: bool) -> None:
        """Opening or creating takes a moment (a server, argon2): no second click meanwhile."""
        for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.CommitButton):
            self.button(which).setEnabled(not on)
        if on:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        else:
            QApplication.restoreOverrideCursor()

    def use(self, opened: first_start.Opened, *, password: str) -> None:
        """The database chosen and open: remembered for the next start (its password in the
        keyring, never in the settings file)."""
        if self.opened is not None and self.owns_db and self.opened.db is not opened.db:
            self.opened.db.dispose()  # the user went back and chose another
        self.opened = opened
        self.keyring_unusable = ""
        if password and not store_db_password(opened.db.url, password):
            problem = keyring_problem()
            self.keyring_unusable = problem.message(translate) if problem else "?"
        self.settings.db_url = url_without_password(opened.db.url)
        self.settings.save()

    def keyring_note(self) -> str:
        if not self.keyring_unusable:
            return ""
        return self.tr(
            "The server's password cannot be remembered on this PC ({why}), "
            "so AfterDesk asks for it once per session."
        ).format(why=self.keyring_unusable)

    def create(self, shop: NewShop, page: pages.ShopPage) -> None:
        """The administrator and the shop, in one transaction (the service's set_up)."""
        assert self.opened is not None
        admin = self.admin_page.admin()
        self.busy(True)
        Op(
            page,
            lambda s: first_start.set_up(s, admin, shop),
            write=True,
            changes="users",
            db=self.opened.db,
        ).success(lambda actor: self._created(actor, shop)).failure(page.refuse).finally_(
            lambda: self.busy(False)
        ).run()

    def _created(self, actor: Actor, shop: NewShop) -> None:
        self.actor = actor
        self.shop_name = shop.name.strip()
        self.settings.last_user = actor.username
        self.settings.save()
        self.next()
